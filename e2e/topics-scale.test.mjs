// Topics at scale (issue 14, item 3): a 20,000-prompt demo, written here by the CLI
// (`arena-lens demo --prompts 20000`, the compact layout) into a folder served beside the site,
// is clustered on the clusters page in the compute worker:
// - long tasks (PerformanceObserver 'longtask', as e2e/worker-pages.test.mjs) from the moment the
//   page asks for the clustering (the progress bar's first sighting, once the data is loaded)
//   until the result's rows are shown (the hierarchy's rows and the done line), both seen by a
//   5 ms poll: none over 50 ms in that whole window. It holds three things that each made one
//   long task before: the hand-over of the loaded files to the worker (33 MB, one message: 54-142
//   ms), now pieces of 2 MB posted one per task (compute/client.rs, core compute::load_parts);
//   the worker's answer, whose 40,000 map coordinates now travel as hex instead of decimal floats
//   (compute::clusters_wire); and the insertion of the result (heatmap, tables, treemap,
//   hierarchy, map: 100-220 ms in one task), now one section per task (pages/clusters/reveal.rs).
//   The worker computes the topics' win rates with the topics (`Job::Clusters` with a win-rate
//   request), so the page only draws them; the map's first frame is drawn in a task of its own;
// - its topics' sizes and win rates equal `arena-lens clusters --compute 40 --json` (same k,
//   seed, method, judge, rounds);
// - the hierarchy rows (broad topics, their topics, "other") equal the CLI's `broad`,
//   `broad_clusters` and `other`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { mkdirSync, rmSync } from 'node:fs';
import { REPO_ROOT, RESULTS_DIR, BASE_URL, launchBrowser, collectErrors, runCli, describeErrors } from './helpers.mjs';

const N = 20_000;
const NAME = 'topics-20k';
const DIR = path.join(REPO_ROOT, 'dist', 'e2e', NAME);
const OTHER = 'Other (fits no topic)';
// The page's defaults on this data: its one judge, 100 rounds, seed 42; k-means, k = 40.
const ARGS = ['--judge', 'judge-sage', '--compute', '40', '--rounds', '100', '--seed', '42'];

let browser;
let cli;
let cliMs;
before(async () => {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  runCli(['demo', '--prompts', String(N), '--out', DIR], { json: false });
  runCli(['index', DIR], { json: false });
  const t0 = Date.now();
  cli = runCli(['clusters', DIR, ...ARGS]);
  cliMs = Date.now() - t0;
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  rmSync(DIR, { recursive: true, force: true });
});

const close = (a, b, tol, what) => assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b}`);

test(`${N.toLocaleString('en')} prompts cluster in the worker with no long task, and the topics, win rates and hierarchy equal the CLI`, async () => {
  const q = new URLSearchParams({ view: 'clusters', data: `e2e/${NAME}/`, label: 'computed', ck: '40' });
  // A fresh page (not the default demo first): the observers are in place before the app starts.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = collectErrors(page);
  try {
    await page.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
      // Between tasks: the bar's first sighting, the worker's first progress report and the
      // first moment the result's rows are shown.
      setInterval(() => {
        const bar = document.querySelector('[data-testid="cluster-progress"]');
        if (bar) {
          window.__firstBar ??= performance.now();
          // The worker reports progress only once it has the data and is clustering.
          if (Number(bar.dataset.done) > 0) window.__firstWorker ??= performance.now();
        }
        if (window.__firstBar && document.querySelector('[data-testid="cluster-done"]')
          && document.querySelector('[data-testid="broad-topics"] tbody tr')) {
          window.__rowsShown ??= performance.now();
        }
      }, 5);
    });
    const t0 = Date.now();
    await page.goto(new URL(`?${q.toString()}`, BASE_URL).href);
    // The progress bar is up while the worker clusters; the result is marked by cluster-done.
    await page.waitForSelector('[data-testid="cluster-progress"]', { timeout: 60_000 });
    await page.waitForSelector('[data-testid="cluster-done"]', { timeout: 120_000 });
    await page.waitForFunction(() => window.__rowsShown > 0, null, { timeout: 60_000 });
    const [tBar, tStart, tDone] = await page.evaluate(() => [window.__firstBar, window.__firstWorker, window.__rowsShown]);
    const wallMs = Date.now() - t0;
    const done = await page.$eval('[data-testid="cluster-done"]', (e) => ({ k: Number(e.dataset.k), ms: Number(e.dataset.ms) }));
    const tasks = await page.evaluate(() => window.__longTasks);
    assert.ok(tBar > 0 && tStart >= tBar && tDone >= tStart, `bar ${tBar}, worker ${tStart}, rows ${tDone}`);
    // Every task that overlaps the window from the bar to the rows (a task running when the bar
    // was first seen, or the one that drew the rows, counts too).
    const window_ = tasks.filter((t) => t.start + t.duration > tBar && t.start < tDone);
    const handoff = window_.filter((t) => t.start < tStart);
    const after = window_.filter((t) => t.start >= tStart);
    const longest = (ts) => ts.reduce((m, t) => Math.max(m, t.duration), 0).toFixed(0);
    console.log(`# ${N} prompts, k-means k=40 with win rates in the worker: ${done.ms} ms (page open to topics ${wallMs} ms; CLI ${cliMs} ms with 100 rounds); from the bar to the rows ${(tDone - tBar).toFixed(0)} ms: hand-over ${handoff.length} long tasks (longest ${longest(handoff)} ms), then ${after.length} (longest ${longest(after)} ms)`);
    assert.equal(done.k, 40);
    // The whole window, hand-over, clustering and result included: no task over 50 ms (a long
    // task entry is one over 50 ms). Before: the hand-over 54-142 ms, the result 100-220 ms.
    assert.deepEqual(window_, [], `no main-thread task over 50 ms from the bar to the rows: ${JSON.stringify(window_)}`);

    // Topic sizes and win rates: the heatmap's cells against the CLI's clusters.
    await page.waitForSelector('[data-testid="cluster-heatmap"] td[data-rate]', { timeout: 60_000 });
    const cells = await page.$$eval('[data-testid="cluster-heatmap"] td[data-rate]', (tds) => tds.map((t) => [t.dataset.model, t.dataset.cluster, Number(t.dataset.rate)]));
    let checked = 0;
    for (const c of cli.clusters) {
      for (const m of c.models) {
        const cell = cells.find((x) => x[0] === m.model && x[1] === c.cluster);
        assert.ok(cell, `cell ${m.model} × ${c.cluster}`);
        // The heatmap prints two decimals (data-rate): the CLI's number rounded.
        close(cell[2], m.win_rate, 0.006, `${m.model} × ${c.cluster}`);
        checked += 1;
      }
    }
    assert.ok(checked >= 40 * 5, `${checked} cells checked`);

    // The hierarchy rows: full precision on data-* attributes, to 1e-9.
    const rows = await page.$$eval('[data-testid="broad-topics"] tbody tr', (trs) => trs.map((t) => {
      const s = t.querySelector('td.score');
      return {
        kind: t.dataset.testid, group: t.dataset.group, parent: t.dataset.parent || null,
        n: Number(t.querySelector('td[data-n]').dataset.n),
        rate: s.dataset.rate === '' ? null : Number(s.dataset.rate),
        lower: s.dataset.lower === '' ? null : Number(s.dataset.lower),
        upper: s.dataset.upper === '' ? null : Number(s.dataset.upper),
      };
    }));
    const model = await page.$eval('[data-testid="cluster-model"]', (s) => s.value);
    const broadRows = rows.filter((r) => r.kind === 'broad-row');
    assert.equal(broadRows.length, cli.clustering.broad.length, 'one row per broad topic');
    const bySize = new Map(cli.broad_clusters.map((b) => [b.cluster, b]));
    const topicPerf = new Map(cli.clusters.map((c) => [c.cluster, c]));
    for (const r of rows) {
      const source = r.kind === 'broad-topic-row' ? topicPerf : bySize;
      const c = source.get(r.group);
      assert.ok(c, `CLI row for ${r.group}`);
      assert.equal(r.n, c.n_prompts, `prompts of ${r.group}`);
      const m = c.models.find((x) => x.model === model);
      close(r.rate, m.win_rate, 1e-9, `${model} on ${r.group}`);
      close(r.lower, m.lower, 1e-9, `${model} on ${r.group}, lower`);
      close(r.upper, m.upper, 1e-9, `${model} on ${r.group}, upper`);
    }
    // Each topic under its broad topic, every topic once; "other" with the CLI's size.
    for (const b of cli.clustering.broad) {
      const under = rows.filter((r) => r.kind === 'broad-topic-row' && bySize.has(r.parent) && r.parent.startsWith(`${String.fromCharCode(65 + b.id)}:`));
      assert.equal(under.length, b.topics.length, `topics under broad topic ${b.id}`);
    }
    assert.equal(rows.filter((r) => r.kind === 'broad-topic-row').length, 40);
    const other = rows.find((r) => r.kind === 'broad-other-row');
    assert.equal(other?.n ?? 0, cli.clustering.other, 'the other group\'s size');
    // The hierarchy's card at 1280 and 390 px.
    mkdirSync(RESULTS_DIR, { recursive: true });
    const card = page.locator('[data-testid="broad-card"]');
    await card.screenshot({ path: path.join(RESULTS_DIR, 'topics-20k-hierarchy-1280.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await card.screenshot({ path: path.join(RESULTS_DIR, 'topics-20k-hierarchy-390.png') });
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally {
    await context.close();
  }
});
