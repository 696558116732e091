// The leaderboard page in a real browser: numbers against the CLI's JSON, URL state, data from a URL
// and from local files, and screenshots at 1280 and 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync, readdirSync, statSync, mkdirSync, cpSync, rmSync } from 'node:fs';
import { BASE_URL, DATA_URL, DATA_DIR, REPO_ROOT, RESULTS_DIR, launchBrowser, openPage, screenshot, runCli, describeErrors, sharedTest } from './helpers.mjs';

const DEMO = path.join(REPO_ROOT, 'crates', 'web', 'public', 'data', 'demo');
const TABLE = 'table[data-testid="leaderboard"]';
let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/** Rows of the main table as {model: {score, lower, upper, rank}}. */
async function readTable(page) {
  await page.waitForSelector(`${TABLE} tbody tr[data-model]`, { timeout: 60_000 });
  return page.$$eval(`${TABLE} tbody tr[data-model]`, (trs) => Object.fromEntries(trs.map((tr) => [tr.dataset.model, {
    score: Number(tr.dataset.score), lower: Number(tr.dataset.lower), upper: Number(tr.dataset.upper), rank: Number(tr.dataset.rank),
  }])));
}

function assertMatchesCli(table, json, tol, what) {
  const models = json.models.map((m) => m.model).sort();
  assert.deepEqual(Object.keys(table).sort(), models, `${what}: same models`);
  for (const m of json.models) {
    const row = table[m.model];
    for (const k of ['score', 'lower', 'upper']) {
      assert.ok(Math.abs(row[k] - m[k]) <= tol, `${what}: ${m.model} ${k} ${row[k]} vs CLI ${m[k]}`);
    }
    assert.equal(row.rank, m.rank_ub, `${what}: ${m.model} rank`);
  }
}

test('demo leaderboard equals `arena-lens leaderboard --json` to 1e-9, at 1280 and 390 px', async () => {
  const json = runCli(['leaderboard', DEMO, '--judge', 'judge-atlas']);
  for (const width of [1280, 390]) {
    const { page, context, errors } = await openPage(browser, '', { viewport: { width, height: 900 } });
    try {
      const table = await readTable(page);
      assertMatchesCli(table, json, 1e-9, `demo @${width}`);
      const method = await page.textContent('[data-testid="method"]');
      // The default method, named with its source.
      assert.match(method, /^Method arena-lens \(arena-lens: .*\)\. 95% intervals from 100 bootstrap rounds over prompts \(clustered bootstrap\), seed 42\./);
      assert.equal(await page.inputValue('select[data-testid="method-select"]'), 'arena-lens');
      assert.match(await page.textContent('[data-testid="timings"]'), /Loaded \d+ files .* computed in \d+ ms/);
      // The forest plot is drawn (non-blank canvas).
      const inked = await page.$eval('canvas[data-testid="forest"]', (c) => {
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0; for (let i = 0; i < d.length; i += 4) if (d[i] < 200) n++; return n;
      });
      assert.ok(inked > 1000, `forest plot has ink (${inked} dark pixels)`);
      await screenshot(page, `leaderboard-${width}`);
      assert.deepEqual(errors, [], describeErrors(errors));
    } finally { await context.close(); }
  }
});

test('baseline and seed changed in the UI go to the URL; the URL reproduces the table; the row bootstrap is labelled', async () => {
  const { page, context, errors } = await openPage(browser, '');
  try {
    await readTable(page);
    await page.selectOption('select[data-testid="baseline"]', 'nimbus-large');
    await page.waitForFunction(() => location.search.includes('baseline=nimbus-large'));
    await page.fill('input[data-testid="seed"]', '7');
    await page.press('input[data-testid="seed"]', 'Enter');
    await page.waitForFunction(() => location.search.includes('seed=7'));
    // The compute worker answers asynchronously; the previous board stays until it does.
    await page.waitForSelector('[data-testid="compute-status"][data-busy="false"]', { state: 'attached' });
    await page.waitForFunction(() => document.querySelector('tr[data-model="nimbus-large"]')?.dataset.score === '50');
    const before = await readTable(page);
    const url = page.url();
    assert.equal(await page.inputValue('[data-testid="share-url"]'), url);
    const json = runCli(['leaderboard', DEMO, '--judge', 'judge-atlas', '--baseline', 'nimbus-large', '--judged-baseline', 'atlas-base', '--seed', '7']);
    assertMatchesCli(before, json, 1e-9, 'after changes');
    // A fresh browser context (no state) opening the copied link shows the same numbers.
    const fresh = await openPage(browser, url);
    try {
      assert.deepEqual(await readTable(fresh.page), before);
    } finally { await fresh.context.close(); }
    // show_result.py's row bootstrap is a labelled choice under the default method.
    await page.selectOption('select[data-testid="unit"]', 'row');
    await page.waitForFunction(() => location.search.includes('unit=row'));
    await page.waitForFunction(() => /over battle rows/.test(document.querySelector('[data-testid="method"]').textContent));
    const rows = await readTable(page);
    const json2 = runCli(['leaderboard', DEMO, '--judge', 'judge-atlas', '--baseline', 'nimbus-large', '--judged-baseline', 'atlas-base', '--seed', '7', '--bootstrap-unit', 'row']);
    assertMatchesCli(rows, json2, 1e-9, 'row bootstrap');
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally { await context.close(); }
});

test('sorting, filtering, judges and grouping work from the keyboard and mouse', async () => {
  const { page, context, errors } = await openPage(browser, '?judge=judge-atlas,judge-sage&group=category');
  try {
    await readTable(page);
    assert.match(await page.textContent('[data-testid="summary"]'), /judges judge-atlas \+ judge-sage/);
    const json = runCli(['leaderboard', DEMO, '--judge', 'judge-atlas', '--judge', 'judge-sage', '--group-by', 'category']);
    assertMatchesCli(await readTable(page), json, 1e-9, 'ensemble');
    // A group's table matches the CLI's group.
    const g = json.groups[0];
    const groupRows = await page.$$eval('table[data-testid="group-board"] tbody tr[data-model]', (trs) => Object.fromEntries(trs.map((tr) => [tr.dataset.model, Number(tr.dataset.score)])));
    for (const m of g.models) assert.ok(Math.abs(groupRows[m.model] - m.score) < 1e-9, `group ${g.group} ${m.model}`);
    // Filter by name.
    await page.fill('[data-testid="filter"]', 'atlas');
    await page.waitForFunction(() => location.search.includes('q=atlas'));
    const names = await page.$$eval(`${TABLE} tbody tr[data-model]`, (trs) => trs.map((t) => t.dataset.model));
    assert.ok(names.length > 0 && names.every((n) => n.includes('atlas')), names.join(','));
    // Sort by model name with the keyboard.
    await page.fill('[data-testid="filter"]', '');
    await page.focus('button.sort[data-sort="model"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.search.includes('sort=model'));
    const sorted = await page.$$eval(`${TABLE} tbody tr[data-model]`, (trs) => trs.map((t) => t.dataset.model.toLowerCase()));
    assert.deepEqual(sorted, [...sorted].sort());
    assert.equal(await page.getAttribute('th:has(button[data-sort="model"])', 'aria-sort'), 'descending');
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally { await context.close(); }
});

test('load report lists the demo blemishes with file and line', async () => {
  const { page, context } = await openPage(browser, '?judge=judge-sage');
  try {
    await readTable(page);
    await page.click('[data-testid="load-report"] summary');
    const text = await page.textContent('[data-testid="load-report"]');
    assert.match(text, /single-game row/);
    assert.match(text, /null verdict label/);
    assert.match(text, /judge-sage\/[^:]+\.jsonl:\d+/);
  } finally { await context.close(); }
});

function csv(file) {
  const out = {};
  for (const line of readFileSync(file, 'utf8').trim().split('\n').slice(1)) {
    const [head] = line.split(',"');
    const parts = head.split(',');
    const upper = Number(parts.pop()), lower = Number(parts.pop()), score = Number(parts.pop());
    out[parts.join(',')] = { score, lower, upper };
  }
  return out;
}

sharedTest('real data over ?data=: battles-10-models equals show_result.py to 0.05; the Korean set loads with progress', { needs: ['battles-10-models', 'ko-arena-hard-v0.1', '../reference'] }, async () => {
  const ref = csv(path.join(DATA_DIR, '..', 'reference', 'zeppombal_v01_gpt-4-1106-preview_10models_from-battles_default.leaderboard.csv'));
  const { page, context, errors } = await openPage(browser, `?data=${encodeURIComponent(DATA_URL + 'battles-10-models/arena_hard_battles.jsonl')}`);
  try {
    const table = await readTable(page);
    assert.equal(Object.keys(table).length, Object.keys(ref).length);
    for (const [m, r] of Object.entries(ref)) assert.ok(Math.abs(table[m].score - r.score) <= 0.05, `${m}: ${table[m].score} vs ${r.score}`);
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally { await context.close(); }

  // The Korean set: a manifest served beside the site points at the data server.
  const ko = await openPage(browser, '?data=e2e/ko/&baseline=claude-3.7-sonnet');
  try {
    await ko.page.waitForSelector('[data-testid="progress"]', { timeout: 30_000 });
    const table = await readTable(ko.page);
    assert.equal(Object.keys(table).length, 76);
    assert.match(await ko.page.textContent('[data-testid="summary"]'), /ko-arena-hard-v0\.1 · judge ensemble · baseline claude-3\.7-sonnet/);
    const koRef = csv(path.join(DATA_DIR, '..', 'reference', 'ko_v01_ensemble_default_75models.leaderboard.csv'));
    for (const [m, r] of Object.entries(koRef)) assert.ok(Math.abs(table[m].score - r.score) <= 0.05, `${m}`);
    await ko.page.click('[data-testid="load-report"] summary');
    assert.match(await ko.page.textContent('[data-testid="load-report"]'), /single-game row[\s\S]*o4-mini-high\.jsonl:\d+/);
    await screenshot(ko.page, 'leaderboard-ko-76');
    // The manifest lists slim copies (scripts/test.sh indexes with --slim): the first load fetches
    // those, not the 152 MB of texts.
    const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'dist', 'e2e', 'ko', 'manifest.json'), 'utf8'));
    const firstLoad = manifest.files.reduce((s, f) => s + (f.slim ? f.slim.bytes : f.bytes), 0);
    assert.ok(firstLoad < 0.2 * manifest.files.reduce((s, f) => s + f.bytes, 0), 'slim copies are a fraction of the data');
    const loaded = (await ko.page.textContent('[data-testid="timings"]')).match(/Loaded 150 files \(([0-9.]+) MB, slim copies/);
    assert.ok(loaded, 'the footer says the slim copies were loaded');
    assert.ok(Math.abs(Number(loaded[1]) - firstLoad / 1e6) < 0.15, `${loaded[1]} MB loaded, ${firstLoad} bytes listed`);
  } finally { await ko.context.close(); }
});

sharedTest('show_result.py v0.1 on the Korean set: the page equals `--method show-result-v0.1` to 1e-9', { needs: ['ko-arena-hard-v0.1'] }, async () => {
  // Issue 10, acceptance 2 (site half): the show-result-v0.1 method in the browser prints the CLI's numbers.
  const json = runCli(['leaderboard', path.join(DATA_DIR, 'ko-arena-hard-v0.1'), '--baseline', 'claude-3.7-sonnet', '--method', 'show-result-v0.1']);
  const { page, context, errors } = await openPage(browser, '?data=e2e/ko/&baseline=claude-3.7-sonnet');
  try {
    await readTable(page);
    await page.selectOption('select[data-testid="method-select"]', 'show-result-v0.1');
    await page.waitForFunction(() => location.search.includes('method=show-result-v0.1'));
    // The method fixes show_result.py's unit and level: shown, not choosable.
    assert.equal(await page.inputValue('select[data-testid="unit"]'), 'row');
    assert.ok(await page.isDisabled('select[data-testid="unit"]'));
    await page.waitForFunction((n) => {
      const rows = document.querySelectorAll('table[data-testid="leaderboard"] tbody tr[data-model]');
      return rows.length === n && /bootstrap quirks/.test(document.querySelector('[data-testid="method"]').textContent);
    }, json.models.length, { timeout: 120_000 });
    // The table re-renders once the compat bootstrap is done: wait for the CLI's value on one row.
    const probe = json.models.find((m) => m.model !== 'claude-3.7-sonnet');
    await page.waitForFunction(([m, lo]) => Math.abs(Number(document.querySelector(`tr[data-model="${CSS.escape(m)}"]`)?.dataset.lower) - lo) < 1e-9, [probe.model, probe.lower], { timeout: 120_000 });
    assertMatchesCli(await readTable(page), json, 1e-9, 'compat on the Korean set');
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally { await context.close(); }
});

function listFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listFiles(p)); else out.push(p);
  }
  return out;
}

sharedTest('a local folder through the file input gives the same numbers as via URL, and nothing is uploaded', { needs: ['fulltext-10-prompts'], served: false }, async () => {
  const dir = path.join(DATA_DIR, 'fulltext-10-prompts');
  const json = runCli(['leaderboard', dir, '--baseline', 'truth_model']);
  // The demo has no truth_model, so the page first says so; then the local folder brings it.
  const { page, context, errors } = await openPage(browser, '?baseline=truth_model');
  try {
    await page.waitForSelector('[data-testid="compute-error"]', { timeout: 60_000 });
    const requests = [];
    page.on('request', (r) => { if (!r.url().startsWith(BASE_URL)) requests.push(r.url()); });
    await page.setInputFiles('input[data-testid="folder-input"]', dir);
    await page.waitForFunction(() => document.querySelectorAll('tr[data-model="truth_model"]').length === 1 && document.querySelectorAll('table[data-testid="leaderboard"] tbody tr').length === 6, null, { timeout: 60_000 });
    assertMatchesCli(await readTable(page), json, 1e-9, 'local folder');
    assert.deepEqual(requests, [], 'no request leaves the page');
    assert.match(await page.textContent('[data-testid="data-picker"]'), /nothing is uploaded/);
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally { await context.close(); }
});

sharedTest('a judgment-only folder (no answer files) gives show_result.py\'s scores, as the CLI does', { needs: ['fulltext-10-prompts'], served: false }, async () => {
  // Issue 10, acceptance 1: the judged side of v0.1 games is implicit, so judgments alone are enough.
  const src = path.join(DATA_DIR, 'fulltext-10-prompts', 'arena-hard-v0.1');
  const dir = path.join(RESULTS_DIR, 'judgment-only', 'arena-hard-v0.1');
  rmSync(path.dirname(dir), { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(path.join(src, 'question.jsonl'), path.join(dir, 'question.jsonl'));
  cpSync(path.join(src, 'model_judgment'), path.join(dir, 'model_judgment'), { recursive: true });
  const json = runCli(['leaderboard', path.dirname(dir), '--judge', 'gpt-4-1106-preview', '--baseline', 'truth_model']);
  // show_result.py v0.1's scores on the full folder (../shared/reference/binaryfiddler_*.leaderboard.csv).
  const reference = readFileSync(path.join(DATA_DIR, '..', 'reference', 'binaryfiddler_v01_gpt-4-1106-preview_default.leaderboard.csv'), 'utf8')
    .trim().split('\n').slice(1).map((l) => l.split(','));
  const { page, context, errors } = await openPage(browser, '?baseline=truth_model');
  try {
    await page.waitForSelector('[data-testid="compute-error"]', { timeout: 60_000 });
    await page.setInputFiles('input[data-testid="folder-input"]', path.dirname(dir));
    await page.waitForFunction(() => document.querySelectorAll('tr[data-model="truth_model"]').length === 1 && document.querySelectorAll('table[data-testid="leaderboard"] tbody tr').length === 6, null, { timeout: 60_000 });
    const table = await readTable(page);
    assertMatchesCli(table, json, 1e-9, 'judgment-only folder');
    for (const [model, score] of reference) {
      const ours = table[model];
      assert.ok(ours, `${model} is on the page`);
      assert.ok(Math.abs(ours.score - Number(score)) <= 0.05, `${model}: ${ours.score} vs show_result.py ${score}`);
    }
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally { await context.close(); }
});
