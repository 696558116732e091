// A leaderboard for any selection of prompts (issue 14, item 5): a box dragged or a lasso drawn on
// the clusters page's prompt map selects prompts; their leaderboard, intervals included, equals
// `arena-lens leaderboard --prompts FILE` on the same ids to 1e-9; the selection lives in the link
// (`pids`, compactly encoded), so the link reopens it; "all prompts matching this search" does the
// same with `--search`. Escape cancels a lasso; the map zooms with its buttons and keys. Screenshots
// at 1280 and 390 px, and of the quality colouring on the Arena log demo.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { mkdirSync, writeFileSync, readdirSync, readFileSync } from 'node:fs';
import { REPO_ROOT, RESULTS_DIR, launchBrowser, openPage, screenshot, runCli, describeErrors } from './helpers.mjs';

const DEMO = path.join(REPO_ROOT, 'crates', 'web', 'public', 'data', 'demo');
const ROWS = 'table[data-testid="leaderboard"] tbody tr[data-model]';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

async function readTable(page) {
  await page.waitForSelector(ROWS, { timeout: 60_000 });
  return page.$$eval(ROWS, (trs) => Object.fromEntries(trs.map((tr) => [tr.dataset.model,
    { score: Number(tr.dataset.score), lower: Number(tr.dataset.lower), upper: Number(tr.dataset.upper) }])));
}

function assertMatchesCli(table, json, what) {
  assert.equal(Object.keys(table).length, json.models.length, `${what}: one row per model`);
  for (const m of json.models) {
    for (const k of ['score', 'lower', 'upper']) {
      assert.ok(Math.abs(table[m.model][k] - m[k]) <= 1e-9, `${what}: ${m.model} ${k} ${table[m.model][k]} vs CLI ${m[k]}`);
    }
  }
}

/** Drags a box over the middle of the prompt map, from (fx0, fy0) to (fx1, fy1) of its size. */
async function dragBox(page, [fx0, fy0, fx1, fy1]) {
  const canvas = page.locator('[data-testid="prompt-map"]');
  await canvas.scrollIntoViewIfNeeded();
  const b = await canvas.boundingBox();
  await page.mouse.move(b.x + b.width * fx0, b.y + b.height * fy0);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width * fx1, b.y + b.height * fy1, { steps: 8 });
  await page.mouse.up();
}

/** Draws a closed free-hand path through `pts` (fractions of the map's size) with the mouse; with
 * `release: false` the button stays down at the end. */
async function drawLasso(page, pts, { release = true } = {}) {
  const canvas = page.locator('[data-testid="prompt-map"]');
  await canvas.scrollIntoViewIfNeeded();
  const b = await canvas.boundingBox();
  const at = ([fx, fy]) => [b.x + b.width * fx, b.y + b.height * fy];
  await page.mouse.move(...at(pts[0]));
  await page.mouse.down();
  for (const p of pts.slice(1)) await page.mouse.move(...at(p), { steps: 6 });
  if (release) {
    await page.mouse.move(...at(pts[0]), { steps: 6 });
    await page.mouse.up();
  }
}

/** The ids the selection card lists. */
async function selectedIds(page) {
  return (await page.inputValue('[data-testid="selection-ids"]')).split('\n').filter(Boolean);
}

// A concave loop: a "C" open to the right, so its bounding box holds prompts it does not.
const LASSO = [[0.12, 0.15], [0.8, 0.12], [0.8, 0.35], [0.4, 0.4], [0.4, 0.6], [0.8, 0.65], [0.8, 0.88], [0.12, 0.85]];

test('a lasso on the prompt map gives the leaderboard of `--prompts FILE` on the same ids; Escape cancels one', async () => {
  const { page, context, errors } = await openPage(browser, '?view=clusters&label=computed&ck=12', { viewport: { width: 1280, height: 900 } });
  try {
    await page.waitForSelector('[data-testid="prompt-map"]', { timeout: 120_000 });
    await page.waitForSelector('[data-testid="cluster-done"]', { timeout: 120_000 });
    await page.check('[data-testid="map-tool-lasso"]');
    // Escape while drawing drops the lasso: nothing is selected.
    await drawLasso(page, LASSO.slice(0, 4), { release: false });
    assert.equal(await page.locator('[data-testid="map-lasso"]').count(), 1, 'the lasso is drawn as it goes');
    await page.locator('[data-testid="selection-card"]').scrollIntoViewIfNeeded();
    await page.locator('[data-testid="prompt-map"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'selection-lasso-drawing-1280');
    await page.keyboard.press('Escape');
    await page.mouse.up();
    await page.waitForTimeout(300);
    assert.equal(await page.locator('[data-testid="map-lasso"]').count(), 0);
    assert.ok(!new URL(page.url()).searchParams.has('pids'), 'Escape selected nothing');

    await drawLasso(page, LASSO);
    await page.waitForFunction(() => new URLSearchParams(location.search).has('pids'), null, { timeout: 10_000 });
    const ids = await selectedIds(page);
    assert.ok(ids.length >= 20 && ids.length < 500, `${ids.length} prompts in the lasso`);
    assert.match(await page.textContent('[data-testid="selection-status"]'), new RegExp(`^${ids.length} of 500 prompts selected`));
    const link = page.url();
    await page.locator('[data-testid="prompt-map"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'selection-lasso-map-1280');

    mkdirSync(RESULTS_DIR, { recursive: true });
    const file = path.join(RESULTS_DIR, 'selection-lasso-ids.txt');
    writeFileSync(file, ids.join('\n') + '\n');
    const json = runCli(['leaderboard', DEMO, '--judge', 'judge-atlas', '--prompts', file]);
    await Promise.all([
      page.waitForFunction(() => !new URLSearchParams(location.search).has('view')),
      page.click('[data-testid="selection-leaderboard"]'),
    ]);
    assertMatchesCli(await readTable(page), json, 'lasso selection');
    assert.match(await page.textContent('[data-testid="subset-status"]'), new RegExp(`^Scoring ${ids.length} of 500 prompts: selected prompts`));
    await screenshot(page, 'selection-lasso-leaderboard-1280');

    // A lasso is not its bounding box: a box over the same extent holds more prompts.
    await page.goto(link.replace(/([?&])pids=[^&]*&?/, '$1'));
    await page.waitForSelector('[data-testid="cluster-done"]', { timeout: 120_000 });
    await dragBox(page, [0.12, 0.12, 0.8, 0.88]);
    await page.waitForFunction(() => new URLSearchParams(location.search).has('pids'), null, { timeout: 10_000 });
    const boxed = await selectedIds(page);
    assert.ok(boxed.length > ids.length && ids.every((id) => boxed.includes(id)), `box ${boxed.length} vs lasso ${ids.length}`);
    assert.deepEqual(errors, [], describeErrors(errors));

    // At 390 px the link reopens the lasso's selection, map and leaderboard.
    const again = await openPage(browser, link, { viewport: { width: 390, height: 900 } });
    try {
      await again.page.waitForSelector('[data-testid="cluster-done"]', { timeout: 120_000 });
      assert.deepEqual(await selectedIds(again.page), ids);
      await again.page.locator('[data-testid="prompt-map"]').scrollIntoViewIfNeeded();
      await screenshot(again.page, 'selection-lasso-map-390');
      await again.page.click('[data-testid="selection-leaderboard"]');
      assertMatchesCli(await readTable(again.page), json, 'lasso @390');
      await screenshot(again.page, 'selection-lasso-leaderboard-390');
      assert.deepEqual(again.errors, [], describeErrors(again.errors));
    } finally { await again.context.close(); }
  } finally { await context.close(); }
});

test('the map zooms with its buttons and keys, and a lasso drawn zoomed in selects only what it encloses', async () => {
  const { page, context, errors } = await openPage(browser, '?view=clusters&label=computed&ck=12', { viewport: { width: 1280, height: 900 } });
  try {
    await page.waitForSelector('[data-testid="cluster-done"]', { timeout: 120_000 });
    assert.match(await page.textContent('[data-testid="map-status"]'), /^All 500 prompts are shown/);
    await page.click('[data-testid="map-zoom-in"]');
    await page.waitForFunction(() => /Zoom ×2\.0/.test(document.querySelector('[data-testid="map-status"]').textContent));
    const inView = Number((await page.textContent('[data-testid="map-status"]')).match(/all ([\d,]+) prompts in view/)[1].replace(/,/g, ''));
    assert.ok(inView > 0 && inView < 500, `${inView} prompts in view at ×2`);
    await page.focus('[data-testid="prompt-map"]');
    await page.keyboard.press('+');
    await page.waitForFunction(() => /Zoom ×4\.0/.test(document.querySelector('[data-testid="map-status"]').textContent));
    await page.keyboard.press('0');
    await page.waitForFunction(() => /^All 500 prompts/.test(document.querySelector('[data-testid="map-status"]').textContent));
    // Zoomed in, a lasso over the whole window selects at most what the window shows.
    await page.click('[data-testid="map-zoom-in"]');
    await page.check('[data-testid="map-tool-lasso"]');
    await drawLasso(page, [[0.02, 0.02], [0.98, 0.02], [0.98, 0.98], [0.02, 0.98]]);
    await page.waitForFunction(() => new URLSearchParams(location.search).has('pids'), null, { timeout: 10_000 });
    const ids = await selectedIds(page);
    assert.ok(ids.length > 0 && ids.length <= inView, `${ids.length} selected, ${inView} in view`);
    await page.locator('[data-testid="prompt-map"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'selection-zoomed-1280');
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally { await context.close(); }
});

test('the quality colouring on the Arena log demo (criteria tags), at 1280 and 390 px', async () => {
  for (const width of [1280, 390]) {
    const { page, context, errors } = await openPage(browser, '?data=data/demo-arena/&view=clusters&label=computed&mapcolor=quality', { viewport: { width, height: 900 } });
    try {
      await page.waitForSelector('[data-testid="cluster-done"]', { timeout: 120_000 });
      assert.equal(await page.$eval('[data-testid="map-color"]', (s) => s.value), 'quality');
      await page.locator('[data-testid="prompt-map"]').scrollIntoViewIfNeeded();
      await screenshot(page, `selection-quality-map-${width}`);
      // One redraw of the whole map (zoom in and back out), timed to the next animation frame.
      const ms = await page.evaluate(async () => {
        const t = performance.now();
        document.querySelector('[data-testid="map-zoom-in"]').click();
        await new Promise((r) => requestAnimationFrame(() => r()));
        const t1 = performance.now();
        document.querySelector('[data-testid="map-zoom-reset"]').click();
        await new Promise((r) => requestAnimationFrame(() => r()));
        return [t1 - t, performance.now() - t1];
      });
      const status = await page.textContent('[data-testid="map-status"]');
      console.log(`# map redraw @${width}: zoom ×2 ${ms[0].toFixed(1)} ms, whole map ${ms[1].toFixed(1)} ms (${status})`);
      assert.deepEqual(errors, [], describeErrors(errors));
    } finally { await context.close(); }
  }
});

test('a box on the prompt map gives the leaderboard of `--prompts FILE` on the same ids, and the link reopens it', async () => {
  const { page, context, errors } = await openPage(browser, '?view=clusters&label=computed&ck=12', { viewport: { width: 1280, height: 900 } });
  try {
    await page.waitForSelector('[data-testid="prompt-map"]', { timeout: 120_000 });
    await page.waitForSelector('[data-testid="cluster-done"]', { timeout: 120_000 });
    await dragBox(page, [0.2, 0.2, 0.75, 0.8]);
    await page.waitForFunction(() => new URLSearchParams(location.search).has('pids'), null, { timeout: 10_000 });
    const ids = (await page.inputValue('[data-testid="selection-ids"]')).split('\n').filter(Boolean);
    assert.ok(ids.length >= 20 && ids.length < 500, `${ids.length} prompts in the box`);
    assert.match(await page.textContent('[data-testid="selection-status"]'), new RegExp(`^${ids.length} of 500 prompts selected`));
    // The link is short: a box of hundreds of 32-hex-digit ids is a few hundred characters.
    const pids = new URL(page.url()).searchParams.get('pids');
    assert.ok(pids.length < 120, `pids is ${pids.length} characters`);
    await page.locator('[data-testid="selection-card"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'selection-map-1280');

    mkdirSync(RESULTS_DIR, { recursive: true });
    const file = path.join(RESULTS_DIR, 'selection-ids.txt');
    writeFileSync(file, ids.join('\n') + '\n');
    const json = runCli(['leaderboard', DEMO, '--judge', 'judge-atlas', '--prompts', file]);

    await Promise.all([
      page.waitForFunction(() => !new URLSearchParams(location.search).has('view')),
      page.click('[data-testid="selection-leaderboard"]'),
    ]);
    const table = await readTable(page);
    assertMatchesCli(table, json, 'box selection');
    assert.match(await page.textContent('[data-testid="subset-status"]'), new RegExp(`^Scoring ${ids.length} of 500 prompts: selected prompts`));
    // Its own numbers, not the full leaderboard's.
    const all = runCli(['leaderboard', DEMO, '--judge', 'judge-atlas']);
    assert.ok(all.models.some((m) => Math.abs(table[m.model].score - m.score) > 1e-6), 'the selection changes the scores');
    await screenshot(page, 'selection-leaderboard-1280');
    const link = page.url();
    assert.deepEqual(errors, [], describeErrors(errors));

    // The link alone reopens the same selection: the same leaderboard, and on the clusters page the same ids.
    for (const width of [1280, 390]) {
      const again = await openPage(browser, link, { viewport: { width, height: 900 } });
      try {
        assertMatchesCli(await readTable(again.page), json, `reopened @${width}`);
        if (width === 390) await screenshot(again.page, 'selection-leaderboard-390');
        const clusters = new URL(link);
        clusters.searchParams.set('view', 'clusters');
        clusters.searchParams.set('label', 'computed');
        clusters.searchParams.set('ck', '12');
        await again.page.goto(clusters.href);
        await again.page.waitForSelector('[data-testid="selection-ids"]', { state: 'attached', timeout: 60_000 });
        const back = (await again.page.inputValue('[data-testid="selection-ids"]')).split('\n').filter(Boolean);
        assert.deepEqual(back, ids);
        if (width === 390) {
          await again.page.waitForSelector('[data-testid="prompt-map"]', { timeout: 120_000 });
          await again.page.locator('[data-testid="prompt-map"]').scrollIntoViewIfNeeded();
          await screenshot(again.page, 'selection-map-390');
        }
        assert.deepEqual(again.errors, [], describeErrors(again.errors));
      } finally { await again.context.close(); }
    }
  } finally { await context.close(); }
});

test('"all prompts matching this search" gives the leaderboard of `--search TEXT`', async () => {
  const { page, context, errors } = await openPage(browser, '?view=clusters', { viewport: { width: 1280, height: 900 } });
  try {
    await page.waitForSelector('[data-testid="map-search"]', { timeout: 60_000 });
    await page.fill('[data-testid="map-search"]', 'compare');
    await page.press('[data-testid="map-search"]', 'Enter');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('search') === 'compare');
    const ids = (await page.inputValue('[data-testid="selection-ids"]')).split('\n').filter(Boolean);
    assert.ok(ids.length > 10, `${ids.length} prompts match`);
    const json = runCli(['leaderboard', DEMO, '--judge', 'judge-atlas', '--search', 'compare']);
    await page.click('[data-testid="selection-leaderboard"]');
    assertMatchesCli(await readTable(page), json, 'search');
    assert.match(await page.textContent('[data-testid="subset-status"]'), new RegExp(`^Scoring ${ids.length} of 500 prompts: prompts matching "compare"`));
    // The Arena-Hard demo has no criteria tags, and the bar says so rather than hiding the slices.
    assert.match(await page.textContent('[data-testid="subset-no-criteria"]'), /no criteria tags/);
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally { await context.close(); }
});

// The clusters page on a Chatbot Arena log (votes, no judge): per-group win rates come from the
// votes, and the labels say what the fields hold (a category tag, grouped under a language).
// The oracle is computed here from the log itself: a model's score on a prompt is the mean of
// win 1, tie ½, loss 0 over that prompt's battles, and its group win rate the mean over the
// group's prompts (`cluster::votes`); the heatmap prints two decimals.
test('on an Arena log the clusters page shows win rates from the votes, with the right labels', async () => {
  const dir = path.join(REPO_ROOT, 'crates', 'web', 'public', 'data', 'demo-arena');
  // The log sits in a bench folder below the data folder (build.sh: demo --battles --out DIR).
  const lines = readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => readFileSync(path.join(dir, f), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)));
  const seen = new Set();
  const perPrompt = new Map(); // `${q}\t${model}` -> [sum, n]
  const groupOf = new Map();
  for (const r of lines) {
    if (r.model_a === r.model_b || seen.has(r.question_id)) continue;
    seen.add(r.question_id);
    const tag = r.category_tag || {};
    const crit = Object.values(tag['criteria_v0.1'] || {}).filter((v) => v === true).length;
    const labels = [crit >= 6 && 'hard_prompt', tag['math_v0.1']?.math === true && 'math',
      tag['if_v0.1']?.if === true && 'instruction_following',
      tag['creative_writing_v0.1']?.creative_writing === true && 'creative_writing',
      r.is_code === true && 'code'].filter(Boolean);
    groupOf.set(r.question_id, labels[0] || '');
    const a = { model_a: 1, model_b: 0, tie: 0.5, 'tie (bothbad)': 0.5 }[r.winner];
    for (const [m, s] of [[r.model_a, a], [r.model_b, 1 - a]]) {
      const k = `${r.question_id}\t${m}`;
      const [sum, n] = perPrompt.get(k) || [0, 0];
      perPrompt.set(k, [sum + s, n + 1]);
    }
  }
  const expected = new Map(); // `${group}\t${model}` -> [sum of prompt means, prompts]
  for (const [k, [sum, n]] of perPrompt) {
    const [q, m] = k.split('\t');
    const g = groupOf.get(q);
    if (!g) continue;
    const e = expected.get(`${g}\t${m}`) || [0, 0];
    expected.set(`${g}\t${m}`, [e[0] + sum / n, e[1] + 1]);
  }
  assert.ok(expected.size > 10, `${expected.size} group × model cells`);

  const { page, context, errors } = await openPage(browser, '?data=data/demo-arena/&view=clusters&label=subcategory', { viewport: { width: 1280, height: 900 } });
  try {
    await page.waitForSelector('[data-testid="cluster-heatmap"] td[data-rate]', { timeout: 120_000 });
    const cells = await page.$$eval('[data-testid="cluster-heatmap"] td[data-rate]', (tds) => tds.map((td) => [td.dataset.cluster, td.dataset.model, Number(td.dataset.rate)]));
    assert.equal(cells.length, expected.size, 'one cell per group and model that met there');
    for (const [g, m, rate] of cells) {
      const [sum, n] = expected.get(`${g}\t${m}`);
      assert.ok(Math.abs(rate - (100 * sum) / n) <= 0.005 + 1e-9, `${g} ${m}: ${rate} vs ${(100 * sum) / n}`);
    }
    assert.match(await page.textContent('[data-testid="note"]'), /votes and no judge/);
    assert.doesNotMatch(await page.textContent('[data-testid="note"]'), /no judgments/);
    assert.match(await page.textContent('[data-testid="perf-hint"]'), /^Win rate against the opponents each model met per “category tag” label/);
    assert.match(await page.textContent('.clusters h2:has-text("Groups by")'), /Groups by “category tag”/);
    assert.equal((await page.textContent('[data-testid="cluster-table"] thead th:nth-child(3)')).trim(), 'Language');
    await screenshot(page, 'clusters-arena-votes-1280');
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally { await context.close(); }
});
