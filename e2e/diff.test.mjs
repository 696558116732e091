// The diff page (?view=diff) in a real browser: judge-atlas against judge-sage on the demo equals
// `arena-lens diff DEMO --judge judge-atlas --judge2 judge-sage --json` to 1e-9, a per-prompt row
// opens the compare page on that prompt, "Copy link" reopens the same diff, a scores CSV opened as
// run 2 (and one with unknown columns), the same CSV dropped on "Open a second run…", the dumbbell
// plot and its export, the Korean set against the published Arena-Hard CSV, and screenshots at
// 1280 and 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import os from 'node:os';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { DATA_URL, DATA_DIR, REPO_ROOT, launchBrowser, openPage, screenshot, runCli, describeErrors, sharedTest } from './helpers.mjs';

const DEMO = path.join(REPO_ROOT, 'crates', 'web', 'public', 'data', 'demo');
const PAIR = '?view=diff&judge=judge-atlas&judge2=judge-sage';
let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/** Waits until the diff table is shown and not being recomputed. */
async function ready(page, timeout = 90_000) {
  await page.waitForSelector('table[data-testid="diff-table"] tr[data-testid="diff-row"]', { timeout });
  await page.waitForFunction(() => !document.querySelector('[data-testid="computing"]'), null, { timeout });
}

async function rows(page) {
  return page.$$eval('tr[data-testid="diff-row"]', (trs) => trs.map((t) => ({
    model: t.dataset.model,
    score_1: Number(t.dataset.score1),
    score_2: Number(t.dataset.score2),
    delta: Number(t.dataset.delta),
    lower: t.dataset.lower === '' ? null : Number(t.dataset.lower),
    upper: t.dataset.upper === '' ? null : Number(t.dataset.upper),
    rank_1: Number(t.dataset.rank1),
    rank_2: Number(t.dataset.rank2),
  })));
}

function close(a, b, what) {
  assert.ok(Math.abs(a - b) <= 1e-9, `${what}: page ${a} vs CLI ${b}`);
}

test('demo judge-atlas vs judge-sage equals the CLI; prompts open the compare page; the link reopens the diff', async () => {
  const json = runCli(['diff', DEMO, '--judge', 'judge-atlas', '--judge2', 'judge-sage', '--model', 'atlas-pro']);
  const { page, context, errors } = await openPage(browser, PAIR);
  try {
    await ready(page);
    const got = await rows(page);
    assert.equal(got.length, json.models.length);
    for (const m of json.models) {
      const r = got.find((x) => x.model === m.model);
      assert.ok(r, `${m.model} missing on the page`);
      for (const k of ['score_1', 'score_2', 'delta', 'lower', 'upper']) close(r[k], m[k], `${m.model} ${k}`);
      assert.equal(r.rank_1, m.rank_1);
      assert.equal(r.rank_2, m.rank_2);
    }
    const kappa = Number(await page.getAttribute('[data-testid="diff-agreement"]', 'data-kappa'));
    close(kappa, json.summary.agreement.kappa, 'kappa');
    // The planted self-preference: judge-atlas favours atlas-* models, so they gain the least
    // when judge-sage judges instead.
    const others = got.filter((r) => !r.model.startsWith('atlas-')).map((r) => r.delta);
    for (const r of got.filter((x) => x.model.startsWith('atlas-') && x.model !== 'atlas-base')) {
      assert.ok(r.delta < Math.min(...others), `${r.model} Δ ${r.delta}`);
    }
    // The per-prompt list of atlas-pro, in the CLI's order.
    await page.click('tr[data-model="atlas-pro"] button[data-testid="diff-pick-model"]');
    await page.waitForSelector('[data-testid="prompt-changes"][data-model="atlas-pro"]');
    const ids = await page.$$eval('tr[data-testid="prompt-change"]', (trs) => trs.map((t) => t.dataset.prompt));
    assert.deepEqual(ids, json.prompt_changes.slice(0, ids.length).map((c) => c.prompt));
    assert.ok(ids.length > 0);
    // "Copy link" reopens the same diff, with the chosen model.
    const link = await page.inputValue('[data-testid="share-url"]');
    assert.match(link, /dmodel=atlas-pro/);
    const again = await openPage(browser, link);
    try {
      await ready(again.page);
      assert.deepEqual(await rows(again.page), got);
      await again.page.waitForSelector('[data-testid="prompt-changes"][data-model="atlas-pro"]');
    } finally { await again.context.close(); }
    // Each run's link opens the compare page on that prompt, with that run's judge and its text.
    for (const [n, judge] of [[1, 'judge-atlas'], [2, 'judge-sage']]) {
      await page.click(`tr[data-testid="prompt-change"][data-prompt="${ids[0]}"] a[data-testid="prompt-compare-${n}"]`);
      await page.waitForSelector('[data-testid="prompt"]', { timeout: 30_000 });
      const url = new URL(page.url());
      assert.equal(url.searchParams.get('view'), 'compare');
      assert.equal(url.searchParams.get('prompt'), ids[0]);
      assert.equal(url.searchParams.get('cjudge'), judge);
      await page.waitForSelector('[data-testid="judgment-game-1"]', { timeout: 30_000 });
      await page.goBack();
      await ready(page);
      await page.waitForSelector('[data-testid="prompt-changes"][data-model="atlas-pro"]');
    }
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForTimeout(300);
      await screenshot(page, `diff-demo-${width}`);
    }
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally { await context.close(); }
});

test('a scores CSV opened as run 2 is diffed unpaired; unknown columns are listed', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'arena-lens-diff-'));
  const csv = path.join(dir, 'published.csv');
  writeFileSync(csv, 'model,score,lower,upper\natlas-pro,70,68,72\nbrook-r1,60,57,63\nnot-in-demo,55,50,60\n');
  const json = runCli(['diff', DEMO, csv, '--judge', 'judge-atlas']);
  const { page, context, errors } = await openPage(browser, '?view=diff&judge=judge-atlas');
  try {
    await ready(page);
    await page.setInputFiles('input[data-testid="second-run-files"]', csv);
    await page.waitForFunction(() => document.querySelectorAll('tr[data-testid="diff-row"]').length === 2, null, { timeout: 60_000 });
    await ready(page);
    const got = await rows(page);
    for (const m of json.models) {
      const r = got.find((x) => x.model === m.model);
      for (const k of ['score_1', 'score_2', 'delta', 'lower', 'upper']) close(r[k], m[k], `${m.model} ${k}`);
    }
    const only2 = await page.textContent('[data-testid="only-in-2"]');
    assert.match(only2, /not-in-demo/);
    assert.match(await page.textContent('[data-testid="diff-method"]'), /Not paired/);
    const bad = path.join(dir, 'bad.csv');
    writeFileSync(bad, 'who,points\nx,1\n');
    await page.setInputFiles('input[data-testid="second-run-files"]', bad);
    const err = await page.waitForSelector('[data-testid="diff-run2-error"]', { timeout: 30_000 });
    const text = await err.textContent();
    assert.match(text, /“who”, “points”/);
    assert.match(text, /needs a model column/);
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally { await context.close(); }
});

test('a scores CSV dropped on "Open a second run…" is diffed with the CLI\'s numbers', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'arena-lens-diff-'));
  const csv = path.join(dir, 'dropped.csv');
  const text = 'model,score,lower,upper\natlas-pro,66,63,69\nbrook-r1,58,55,61\ncedar-7b,41,38,44\nnot-in-demo,55,50,60\n';
  writeFileSync(csv, text);
  const json = runCli(['diff', DEMO, csv, '--judge', 'judge-atlas']);
  const { page, context, errors } = await openPage(browser, '?view=diff&judge=judge-atlas');
  try {
    await ready(page);
    // A drop as the browser delivers it: dragover, then drop, with a DataTransfer holding the file.
    await page.evaluate((body) => {
      const dt = new DataTransfer();
      dt.items.add(new File([body], 'dropped.csv', { type: 'text/csv' }));
      const zone = document.querySelector('[data-testid="open-second-run"]');
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, text);
    await page.waitForFunction((n) => document.querySelectorAll('tr[data-testid="diff-row"]').length === n, json.models.length, { timeout: 60_000 });
    await ready(page);
    const got = await rows(page);
    assert.equal(got.length, json.models.length);
    for (const m of json.models) {
      const r = got.find((x) => x.model === m.model);
      assert.ok(r, `${m.model} missing on the page`);
      for (const k of ['score_1', 'score_2', 'delta', 'lower', 'upper']) close(r[k], m[k], `${m.model} ${k}`);
      assert.equal(r.rank_1, m.rank_1);
      assert.equal(r.rank_2, m.rank_2);
    }
    assert.match(await page.textContent('[data-testid="only-in-2"]'), /not-in-demo/);
    assert.match(await page.textContent('[data-testid="diff-method"]'), /Not paired/);
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally { await context.close(); }
});

test('the dumbbell plot is drawn beside the slope chart and exports as SVG (model names, both runs) and PNG', async () => {
  const json = runCli(['diff', DEMO, '--judge', 'judge-atlas', '--judge2', 'judge-sage']);
  const { page, context, errors } = await openPage(browser, PAIR);
  try {
    await ready(page);
    const canvas = await page.waitForSelector('canvas[data-testid="diff-dumbbell"]');
    const box = await canvas.boundingBox();
    assert.ok(box.width > 250 && box.height > 100, JSON.stringify(box));
    assert.match(await canvas.getAttribute('aria-label'), /Dumbbell plot/);
    // The canvas holds ink: some pixel is not white.
    const inked = await page.evaluate(() => {
      const c = document.querySelector('canvas[data-testid="diff-dumbbell"]');
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      for (let i = 0; i < d.length; i += 4) if (d[i] < 200) return true;
      return false;
    });
    assert.ok(inked, 'the dumbbell canvas is blank');
    const menu = page.locator('[data-testid="diff-dumbbell-export"]');
    await menu.locator('summary').click();
    const [dl] = await Promise.all([page.waitForEvent('download'), menu.locator('[data-testid="diff-dumbbell-export-svg"]').click()]);
    assert.equal(dl.suggestedFilename(), 'diff-dumbbell.svg');
    const svg = readFileSync(await dl.path(), 'utf8');
    const parsed = await page.evaluate((t) => {
      const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
      return { error: doc.querySelector('parsererror')?.textContent ?? null, texts: [...doc.querySelectorAll('text')].map((x) => x.textContent.trim()) };
    }, svg);
    assert.equal(parsed.error, null);
    for (const m of json.models) assert.ok(parsed.texts.includes(m.model), `label ${m.model}`);
    assert.ok(parsed.texts.includes('Run 1: judge-atlas') && parsed.texts.includes('Run 2: judge-sage'), parsed.texts.join(' | '));
    assert.ok(parsed.texts.some((t) => /paired 95% interval/.test(t)));
    assert.ok(parsed.texts.some((t) => /Win rate .*\(%\)/.test(t)), 'axis with its unit');
    await menu.locator('summary').click();
    const [png] = await Promise.all([page.waitForEvent('download'), menu.locator('[data-testid="diff-dumbbell-export-png"]').click()]);
    const bytes = readFileSync(await png.path());
    assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.ok(bytes.length > 2000, `${bytes.length} bytes`);
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally { await context.close(); }
});

sharedTest('Korean set against the published Arena-Hard CSV: 4 shared models, the rest listed apart', { needs: ['ko-arena-hard-v0.1', 'arena-hard-v0.1/leaderboard'] }, async () => {
  const manifest = path.join(REPO_ROOT, 'dist', 'e2e', 'ko', 'manifest.json');
  if (!existsSync(manifest)) {
    runCli(['index', path.join(DATA_DIR, 'ko-arena-hard-v0.1'), '--out', manifest, '--base', `${DATA_URL}ko-arena-hard-v0.1/`, '--baseline', 'claude-3.7-sonnet'], { json: false });
  }
  const csvRel = 'arena-hard-v0.1/leaderboard/arena_hard_leaderboard_20240731.csv';
  const json = runCli(['diff', path.join(DATA_DIR, 'ko-arena-hard-v0.1'), path.join(DATA_DIR, csvRel), '--baseline', 'claude-3.7-sonnet']);
  const url = `?view=diff&data=e2e/ko/&baseline=claude-3.7-sonnet&data2=${encodeURIComponent(DATA_URL + csvRel)}`;
  const { page, context, errors } = await openPage(browser, url);
  try {
    const t0 = Date.now();
    await ready(page, 180_000);
    console.log(`# Korean (76 models) against the CSV: diff shown ${Date.now() - t0} ms after load`);
    const got = await rows(page);
    assert.equal(got.length, 4);
    for (const m of json.models) {
      const r = got.find((x) => x.model === m.model);
      for (const k of ['score_1', 'score_2', 'delta', 'lower', 'upper']) close(r[k], m[k], `${m.model} ${k}`);
    }
    const only1 = await page.$$eval('[data-testid="only-in-1"] li', (l) => l.length);
    const only2 = await page.$$eval('[data-testid="only-in-2"] li', (l) => l.length);
    assert.equal(only1, json.only_in_1.length);
    assert.equal(only2, json.only_in_2.length);
    await screenshot(page, 'diff-ko-csv-1280');
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally { await context.close(); }
});

sharedTest('speed: two 76-model Korean runs (two methods, same verdicts), 100 paired rounds, in the browser', { needs: ['ko-arena-hard-v0.1'] }, async () => {
  const manifest = path.join(REPO_ROOT, 'dist', 'e2e', 'ko', 'manifest.json');
  if (!existsSync(manifest)) {
    runCli(['index', path.join(DATA_DIR, 'ko-arena-hard-v0.1'), '--out', manifest, '--base', `${DATA_URL}ko-arena-hard-v0.1/`, '--baseline', 'claude-3.7-sonnet'], { json: false });
  }
  const { page, context, errors } = await openPage(browser, '?view=diff&data=e2e/ko/&baseline=claude-3.7-sonnet&method2=show-result-v0.1');
  try {
    await ready(page, 180_000);
    assert.equal((await rows(page)).length, 76);
    // The same verdicts on both sides: every label agrees.
    assert.equal(Number(await page.getAttribute('[data-testid="diff-agreement"]', 'data-kappa')), 1);
    const ms = Number((await page.textContent('[data-testid="diff-method"]')).match(/Computed in (\d+) ms/)[1]);
    console.log(`# Korean 76 models x 2 runs, 100 paired rounds: diff computed in ${ms} ms in chromium`);
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally { await context.close(); }
});

sharedTest('two copies of fulltext-10-prompts, one judgment file edited: exactly the edited prompts, with the right labels', { needs: ['fulltext-10-prompts'], served: false }, async () => {
  // The copies go under dist/e2e (served beside the site, as helpers.writeQuestionsBench does),
  // never into the project.
  const root = path.join(REPO_ROOT, 'dist', 'e2e', 'diff-copies');
  rmSync(root, { recursive: true, force: true });
  const [a, b] = ['a', 'b'].map((n) => path.join(root, n));
  for (const d of [a, b]) cpSync(path.join(DATA_DIR, 'fulltext-10-prompts'), d, { recursive: true });
  const file = path.join(b, 'arena-hard-v0.1', 'model_judgment', 'gpt-4-1106-preview', 'mistral-7b.jsonl');
  const edited = [];
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l, i) => {
    const row = JSON.parse(l);
    if (i === 2 || i === 5) {
      const to = row.games[1].score === 'B>>A' ? 'A>>B' : 'B>>A';
      row.games[1].score = to;
      edited.push({ prompt: row.question_id, label: to });
    }
    return JSON.stringify(row);
  });
  writeFileSync(file, lines.join('\n') + '\n');
  for (const d of [a, b]) runCli(['index', d, '--baseline', 'truth_model'], { json: false });
  const json = runCli(['diff', a, b, '--baseline', 'truth_model', '--model', 'mistral-7b']);
  assert.deepEqual(json.prompt_changes.map((c) => c.prompt).sort(), edited.map((e) => e.prompt).sort());
  const { page, context, errors } = await openPage(browser, '?view=diff&data=e2e/diff-copies/a/&data2=e2e/diff-copies/b/&baseline=truth_model&dmodel=mistral-7b');
  try {
    await ready(page);
    await page.waitForSelector('[data-testid="prompt-changes"][data-model="mistral-7b"]');
    const listed = await page.$$eval('tr[data-testid="prompt-change"]', (trs) => trs.map((t) => ({
      prompt: t.dataset.prompt,
      label: t.querySelectorAll('td.labels')[1].textContent.split(' · ')[1].trim(),
    })));
    const byPrompt = (x, y) => x.prompt.localeCompare(y.prompt);
    assert.deepEqual(listed.sort(byPrompt), edited.sort(byPrompt));
    for (const r of await rows(page)) {
      const m = json.models.find((x) => x.model === r.model);
      for (const k of ['score_1', 'score_2', 'delta', 'lower', 'upper']) close(r[k], m[k], `${r.model} ${k}`);
    }
    // Two runs of one bench from two data sets: the second run's compare link carries its data.
    const href = await page.getAttribute('a[data-testid="prompt-compare-2"]', 'href');
    assert.match(href, /data=e2e%2Fdiff-copies%2Fb%2F|data=e2e\/diff-copies\/b\//);
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally { await context.close(); }
});

test('the diff table exports as CSV with the CLI\'s numbers, and as LaTeX', async () => {
  const DEMO_DIR = path.join(REPO_ROOT, 'crates', 'web', 'public', 'data', 'demo');
  const json = runCli(['diff', DEMO_DIR, '--judge', 'judge-atlas', '--judge2', 'judge-sage']);
  const { page, context, errors } = await openPage(browser, '?view=diff&judge=judge-atlas&judge2=judge-sage');
  try {
    await page.waitForSelector('[data-testid="diff-export"]', { timeout: 60_000 });
    const grab = async (label) => {
      await page.click('[data-testid="diff-export"] summary');
      const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid="diff-export"] button:has-text("${label}")`)]);
      return readFileSync(await dl.path(), 'utf8');
    };
    const csv = await grab('CSV');
    assert.match(csv, /^# method_line: /m);
    const lines = csv.split('\n').filter((l) => l && !l.startsWith('#'));
    const head = lines[0].split(',');
    const at = (k) => head.indexOf(k);
    for (const m of json.models) {
      const row = lines.find((l) => l.startsWith(`${m.model},`) || l.startsWith(`"${m.model}",`));
      assert.ok(row, `${m.model} in the CSV`);
      const cells = row.split(',');
      for (const k of ['score_1', 'score_2', 'delta']) assert.ok(Math.abs(Number(cells[at(k)]) - m[k]) < 1e-9, `${m.model} ${k}`);
    }
    const tex = await grab('LaTeX');
    assert.match(tex, /\\toprule[\s\S]*\\midrule[\s\S]*\\bottomrule/);
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally { await context.close(); }
});
