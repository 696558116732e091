// The topic-clusters page (issue 5): the heatmap has one row per model and one column per cluster,
// with the numbers of `arena-lens clusters --json`; a cell opens exactly that cluster's prompts in the
// compare page; the table sorts and builds a custom slice; the treemap zooms; re-clustering 2,000
// prompts shows progress, keeps the page responsive and finishes; the prompt map opens a prompt; and
// screenshots at 1280 and 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { REPO_ROOT, launchBrowser, openPage, screenshot, runCli, describeErrors, writeQuestionsBench } from './helpers.mjs';

const DEMO = path.join(REPO_ROOT, 'crates', 'web', 'public', 'data', 'demo');
const QUESTIONS = path.join(DEMO, 'arena-hard-demo', 'question.jsonl');
const HEATMAP = '[data-testid="cluster-heatmap"]';

let browser;
let cli;
let questions;
before(async () => {
  browser = await launchBrowser();
  // The page's defaults: the first judge by name, 100 rounds, seed 42, 95%.
  cli = runCli(['clusters', DEMO, '--judge', 'judge-atlas', '--label', 'cluster', '--rounds', '100', '--seed', '42']);
  questions = readFileSync(QUESTIONS, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
});
after(async () => { await browser?.close(); });

function url(params) {
  const q = new URLSearchParams({ view: 'clusters', ...params });
  return `?${q.toString().replace(/\+/g, '%20')}`;
}

test('demo: one heatmap row per model and one column per cluster, with the CLI\'s win rates and intervals', async () => {
  const { page, context, errors } = await openPage(browser, url({}), { viewport: { width: 1280, height: 900 } });
  try {
    await page.waitForSelector(`${HEATMAP} tbody tr[data-model]`, { timeout: 60_000 });
    const clusters = cli.clusters.map((c) => c.cluster).sort();
    const models = [...new Set(cli.clusters.flatMap((c) => c.models.map((m) => m.model)))].sort();
    assert.equal(clusters.length, 40);
    const rows = await page.$$eval(`${HEATMAP} tbody tr[data-model]`, (trs) => trs.map((t) => t.dataset.model));
    assert.deepEqual([...rows].sort(), models, 'one row per model');
    const cols = await page.$$eval(`${HEATMAP} thead th[data-cluster]`, (ths) => ths.map((t) => t.dataset.cluster));
    assert.deepEqual([...cols].sort(), clusters, 'one column per cluster');
    const cells = await page.$$eval(`${HEATMAP} td[data-rate]`, (tds) => tds.map((t) => ({
      model: t.dataset.model, cluster: t.dataset.cluster, rate: Number(t.dataset.rate), muted: t.classList.contains('muted'),
    })));
    let checked = 0;
    for (const c of cli.clusters) {
      for (const m of c.models) {
        const cell = cells.find((x) => x.model === m.model && x.cluster === c.cluster);
        assert.ok(cell, `cell ${m.model} × ${c.cluster}`);
        assert.ok(Math.abs(cell.rate - m.win_rate) < 0.006, `${m.model} × ${c.cluster}: ${cell.rate} vs ${m.win_rate}`);
        assert.equal(cell.muted, m.ci_crosses_50, `muted ${m.model} × ${c.cluster}`);
        checked += 1;
      }
    }
    assert.ok(checked >= 700, `${checked} cells checked`);
    // The table: one row per cluster, the chosen model's interval as the CLI has it (a section
    // of its own: the result's sections appear one per task).
    await page.waitForSelector('[data-testid="cluster-table"] tbody tr[data-cluster]');
    const trs = await page.$$eval('[data-testid="cluster-table"] tbody tr[data-cluster]', (r) => r.map((t) => t.dataset.cluster));
    assert.deepEqual([...trs].sort(), clusters);
    const model = await page.$eval('[data-testid="cluster-model"]', (s) => s.value);
    const c0 = cli.clusters[0];
    const m0 = c0.models.find((m) => m.model === model);
    const ci = await page.textContent(`[data-testid="cluster-table"] tr[data-cluster="${c0.cluster}"] td.score .ci`);
    assert.equal(ci.trim(), `[${m0.lower.toFixed(1)}, ${m0.upper.toFixed(1)}]`);
    assert.match(await page.textContent('.clusters .card .hint'), /95% interval \(prompt-level bootstrap, 100 rounds, seed 42\)/);
    await screenshot(page, 'clusters-1280');
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally {
    await context.close();
  }
});

test('demo: a heatmap cell opens exactly that cluster\'s prompts in the compare page', async () => {
  const { page, context, errors } = await openPage(browser, url({}), { viewport: { width: 1280, height: 900 } });
  try {
    await page.waitForSelector(`${HEATMAP} td[data-rate] button`, { timeout: 60_000 });
    const c = cli.clusters.find((x) => x.n_prompts >= 10);
    const m = c.models[2].model;
    await page.click(`${HEATMAP} td[data-model="${m}"][data-cluster="${c.cluster}"] button`);
    await page.waitForFunction(() => new URLSearchParams(location.search).get('view') === 'compare');
    const q = await page.evaluate(() => Object.fromEntries(new URLSearchParams(location.search)));
    assert.equal(q.a, m);
    assert.equal(q.cluster, c.cluster);
    await page.waitForSelector('[data-testid="prompt-list"] [data-question-id]', { timeout: 60_000 });
    const expected = questions.filter((x) => x.cluster === c.cluster).map((x) => x.question_id).sort();
    assert.match(await page.textContent('[data-testid="match-count"]'), new RegExp(`^${expected.length} of \\d+ prompts`));
    const listed = await page.$$eval('[data-testid="prompt-list"] [data-question-id]', (els) => els.map((e) => e.dataset.questionId));
    if (expected.length <= 50) assert.deepEqual([...listed].sort(), expected);
    for (const id of listed) assert.ok(expected.includes(id), `${id} is in ${c.cluster}`);
    assert.equal(listed.length, Math.min(expected.length, 50));
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally {
    await context.close();
  }
});

test('demo: sorting, a custom slice equal to its one cluster, and the treemap zoom, all in the URL', async () => {
  const { page, context, errors } = await openPage(browser, url({}), { viewport: { width: 1280, height: 900 } });
  try {
    const table = '[data-testid="cluster-table"]';
    await page.waitForSelector(`${table} tbody tr[data-cluster]`, { timeout: 60_000 });
    await page.click(`${table} button.sort[data-sort="size"]`);
    await page.waitForFunction(() => new URLSearchParams(location.search).get('csort') === 'size');
    const sizes = await page.$$eval(`${table} tbody tr td:nth-child(4)`, (tds) => tds.map((t) => Number(t.textContent)));
    assert.deepEqual(sizes, [...sizes].sort((a, b) => b - a), 'sorted by size');
    // One cluster selected with weight 1: every model's slice score is its win rate on that cluster.
    const c = cli.clusters[5];
    await page.check(`${table} tr[data-cluster="${c.cluster}"] td.pick input[type=checkbox]`);
    await page.waitForSelector('[data-testid="slice-score"] tbody tr[data-model]');
    assert.equal(await page.evaluate(() => new URLSearchParams(location.search).get('sel')), c.cluster);
    const slice = await page.$$eval('[data-testid="slice-score"] tbody tr', (trs) => trs.map((t) => [t.dataset.model, Number(t.dataset.score)]));
    for (const [model, score] of slice) {
      const m = c.models.find((x) => x.model === model);
      assert.ok(Math.abs(score - m.win_rate) < 0.006, `${model}: ${score} vs ${m.win_rate}`);
    }
    // Treemap: 40 tiles; a category zooms in (URL), and back out.
    assert.equal(await page.locator('[data-testid="treemap"] g.tile').count(), 40);
    const cat = await page.getAttribute('[data-testid="treemap"] g.category', 'data-category');
    await page.click(`[data-testid="treemap"] g.category[data-category="${cat}"] g.cat-head`);
    await page.waitForFunction((c) => new URLSearchParams(location.search).get('zoom') === c, cat);
    const inCat = new Set(questions.filter((q) => q.category === cat).map((q) => q.cluster)).size;
    assert.equal(await page.locator('[data-testid="treemap"] g.tile').count(), inCat);
    await page.click('[data-testid="zoom-out"]');
    await page.waitForFunction(() => !new URLSearchParams(location.search).get('zoom'));
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally {
    await context.close();
  }
});

/** 2,000 prompts: the demo's 500 and three reworded copies of each, as a questions-only bench. A
 * run long enough (about a second or more) that a click always lands while it is working. */
function write2000() {
  const wordings = ['Another question: {} Please be brief.', 'A colleague asks: {}', 'Quick one. {} Thanks!'];
  const extra = wordings.flatMap((w, k) => questions.map((q, i) => ({
    ...q, question_id: `copy-${k}-${i}`, turns: [{ content: w.replace('{}', q.turns[0].content) }],
  })));
  return writeQuestionsBench('q2000', [...questions, ...extra]);
}

test('re-clustering 2,000 prompts: progress shown, a click answered during the run, and it finishes', async () => {
  const data = write2000();
  const { page, context, errors } = await openPage(browser, url({ data, label: 'computed', ck: '30', cmethod: 'ward' }), { viewport: { width: 1280, height: 900 } });
  try {
    // Measure how long the main thread is ever blocked while the job runs.
    await page.evaluate(() => {
      window.__lag = 0;
      let last = performance.now();
      window.__iv = setInterval(() => { const now = performance.now(); window.__lag = Math.max(window.__lag, now - last - 20); last = now; }, 20);
    });
    // The k field exists before the job starts; click it (a real mouse click) as soon as progress shows.
    const box = await (await page.waitForSelector('[data-testid="cluster-k"]', { timeout: 60_000 })).boundingBox();
    await page.waitForSelector('[data-testid="cluster-progress"]', { timeout: 60_000 });
    // Whether the job was still running is read in the page when the click arrives, not after.
    await page.evaluate(() => document.addEventListener('pointerdown', () => {
      window.__clickDuringRun = !!document.querySelector('[data-testid="cluster-progress"]');
    }, { capture: true, once: true }));
    const t0 = Date.now();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const clickMs = Date.now() - t0;
    const stillRunning = await page.evaluate(() => window.__clickDuringRun === true);
    assert.ok(stillRunning, 'the click landed while the clustering was running');
    assert.ok(await page.evaluate(() => document.activeElement?.dataset.testid === 'cluster-k'), 'the click focused the input');
    await page.waitForSelector('[data-testid="cluster-done"]', { timeout: 120_000 });
    const lag = await page.evaluate(() => window.__lag);
    const done = await page.$eval('[data-testid="cluster-done"]', (e) => ({ k: Number(e.dataset.k), ms: Number(e.dataset.ms), text: e.textContent }));
    assert.equal(done.k, 30);
    assert.match(done.text, /30 topics from 2,?000 prompts/);
    assert.ok(clickMs < 1000, `click answered in ${clickMs} ms`);
    assert.ok(lag < 400, `longest main-thread stall ${lag.toFixed(0)} ms`);
    console.log(`# 2,000 prompts, Ward k=30: ${done.ms} ms in the page; click ${clickMs} ms (${stillRunning ? 'during' : 'after'} the run); longest stall ${lag.toFixed(0)} ms`);
    // Questions only: no heatmap, but the topics table, map and dendrogram are there.
    // 30 topics, plus the "other" group when some prompts fit no topic (issue 14).
    await page.waitForSelector('[data-testid="cluster-table"] tbody tr[data-cluster]');
    const rows = await page.$$eval('[data-testid="cluster-table"] tbody tr[data-cluster]', (t) => t.map((x) => x.dataset.cluster));
    assert.equal(rows.filter((c) => c !== 'Other (fits no topic)').length, 30);
    await page.waitForSelector('[data-testid="prompt-map"]');
    await page.waitForSelector('[data-testid="dendrogram"] path.link');
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally {
    await context.close();
  }
});

test('demo: computed topics recover the planted clusters, and the prompt map opens a prompt', async () => {
  const { page, context, errors } = await openPage(browser, url({ label: 'computed', ck: '40' }), { viewport: { width: 1280, height: 900 } });
  try {
    await page.waitForSelector('[data-testid="cluster-done"]', { timeout: 120_000 });
    const text = await page.textContent('[data-testid="cluster-done"]');
    const ari = Number(text.match(/adjusted Rand index ([0-9.]+)/)[1]);
    // The defaults are chosen on real prompt sets, not on this demo (issue 14): the core measures
    // 0.679 here (crates/core/tests/clusters.rs); 0.65 leaves room for nothing but a real change.
    assert.ok(ari >= 0.65, `ARI ${ari}`);
    await page.waitForSelector(`${HEATMAP} tbody tr[data-model]`);
    // The same topics and numbers as `arena-lens clusters --compute 40` (k-means, seed 42).
    const computed = runCli(['clusters', DEMO, '--judge', 'judge-atlas', '--compute', '40', '--rounds', '100', '--seed', '42']);
    const cols = await page.$$eval(`${HEATMAP} thead th[data-cluster]`, (ths) => ths.map((t) => t.dataset.cluster));
    assert.deepEqual([...cols].sort(), computed.clusters.map((c) => c.cluster).sort());
    const cells = await page.$$eval(`${HEATMAP} td[data-rate]`, (tds) => tds.map((t) => [t.dataset.model, t.dataset.cluster, Number(t.dataset.rate)]));
    for (const c of computed.clusters) {
      for (const m of c.models) {
        const cell = cells.find(([mm, cc]) => mm === m.model && cc === c.cluster);
        assert.ok(cell && Math.abs(cell[2] - m.win_rate) < 0.006, `${m.model} × ${c.cluster}`);
      }
    }
    // Sweep the map until a prompt is under the pointer, then open it.
    const canvas = page.locator('[data-testid="prompt-map"]');
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    let id = null;
    for (let y = 0.15; y < 0.9 && !id; y += 0.05) {
      for (let x = 0.1; x < 0.95 && !id; x += 0.04) {
        await page.mouse.move(box.x + box.width * x, box.y + box.height * y);
        id = await page.$eval('[data-testid="map-tip"]', (e) => e.dataset.questionId).catch(() => null);
      }
    }
    assert.ok(id, 'hovering the map shows a prompt');
    await page.mouse.down();
    await page.mouse.up();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('view') === 'compare');
    await page.waitForSelector(`[data-testid="prompt"][data-question-id="${id}"]`, { timeout: 60_000 });
    // The compare page opens at its top, not where the map was scrolled to.
    await page.waitForFunction(() => window.scrollY === 0, null, { timeout: 5_000 });
    await screenshot(page, 'clusters-map-opened-prompt');
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally {
    await context.close();
  }
});

test('screenshots at 390 px: heatmap scrolls inside its box, the page does not', async () => {
  const { page, context, errors } = await openPage(browser, url({ label: 'computed', ck: '12' }), { viewport: { width: 390, height: 844 } });
  try {
    await page.waitForSelector('[data-testid="cluster-done"]', { timeout: 120_000 });
    await page.waitForSelector(`${HEATMAP} tbody tr[data-model]`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `page is ${overflow}px wider than the screen`);
    await screenshot(page, 'clusters-390');
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally {
    await context.close();
  }
});
