// Topics at scale in chromium, for BENCHMARKS.md (a benchmark, not a test; issue 14, item 3).
// For each size N (default 750, 20000, 100000): `arena-lens demo --prompts N` into dist/e2e/,
// the clusters page with computed topics (k-means, k = 40, seed 42) opened on it, and
// - the clustering's time in the compute worker (the page's `cluster-done` data-ms: from the
//   request to the result's arrival);
// - the longest main-thread task while the worker clusters (from its first progress report to the
//   bar's last sighting; as e2e/topics-scale.test.mjs), before it (the load, handing the data to
//   the worker) and after it (the page drawing the result: win rates, tables, the map);
// then, at the largest N, the prompt map's frame time: from a zoom click to the next animation
// frame (the canvas redraw happens in between), zoomed out and at zoom ×8, median of 5.
// Needs the built site at E2E_BASE_URL and the release CLI (ARENA_LENS_CLI).
//   node scripts/bench-topics.mjs [N ...]
import { launchBrowser, REPO_ROOT, BASE_URL, RESULTS_DIR, runCli } from '../e2e/helpers.mjs';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const SIZES = sizes.length ? sizes : [750, 20_000, 100_000];
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
mkdirSync(RESULTS_DIR, { recursive: true });
const browser = await launchBrowser();

async function cluster(name, runs) {
  const out = [];
  for (let r = 0; r < runs; r++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__tasks = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__tasks.push({ start: e.startTime, duration: e.duration }); }).observe({ type: 'longtask', buffered: true });
      setInterval(() => {
        const bar = document.querySelector('[data-testid="cluster-progress"]');
        if (!bar) return;
        window.__lastProgress = performance.now();
        // The worker reports progress once it has the data and clusters.
        if (Number(bar.dataset.done) > 0) window.__firstProgress ??= performance.now();
      }, 5);
    });
    const q = new URLSearchParams({ view: 'clusters', data: `e2e/${name}/`, label: 'computed', ck: '40' });
    await page.goto(new URL(`?${q}`, BASE_URL).href);
    await page.waitForSelector('[data-testid="cluster-done"]', { timeout: 600_000 });
    await page.evaluate(() => new Promise((res) => requestAnimationFrame(() => setTimeout(res, 100))));
    const m = await page.evaluate(() => {
      const t = window.__tasks;
      const max = (xs) => Math.max(0, ...xs.map((x) => x.duration));
      return {
        ms: Number(document.querySelector('[data-testid="cluster-done"]').dataset.ms),
        during: max(t.filter((x) => x.start >= window.__firstProgress && x.start + x.duration <= window.__lastProgress)),
        after: max(t.filter((x) => x.start + x.duration > window.__lastProgress)),
        before: max(t.filter((x) => x.start < window.__firstProgress)),
      };
    });
    // Clustering again at k = 39 on the page already open: the worker has the data, so this is the
    // clustering alone (the first run's time includes the worker's own load of the data).
    await page.evaluate(() => { window.__tasks = []; window.__firstProgress = undefined; });
    await page.fill('[data-testid="cluster-k"]', '39');
    await page.dispatchEvent('[data-testid="cluster-k"]', 'change');
    await page.waitForSelector('[data-testid="cluster-done"][data-k="39"]', { timeout: 600_000 });
    await page.evaluate(() => new Promise((res) => requestAnimationFrame(() => setTimeout(res, 100))));
    m.again = await page.evaluate(() => {
      const t = window.__tasks;
      const max = (xs) => Math.max(0, ...xs.map((x) => x.duration));
      return {
        ms: Number(document.querySelector('[data-testid="cluster-done"]').dataset.ms),
        during: max(t.filter((x) => x.start >= window.__firstProgress && x.start + x.duration <= window.__lastProgress)),
      };
    });
    out.push({ m, page, context });
  }
  return out;
}

async function frames(page) {
  const map = page.locator('[data-testid="prompt-map"]');
  await map.scrollIntoViewIfNeeded();
  const click = (id) => page.evaluate((id) => new Promise((res) => {
    const t0 = performance.now();
    document.querySelector(`[data-testid="${id}"]`).click();
    requestAnimationFrame(() => res(performance.now() - t0));
  }), id);
  const at = async (zoomIns) => {
    const xs = [];
    for (let i = 0; i < 5; i++) {
      await click('map-zoom-reset');
      for (let z = 0; z < zoomIns - 1; z++) await click('map-zoom-in');
      // The measured frame: the last zoom step (zoomed out: a reset from ×2).
      if (zoomIns === 0) { await click('map-zoom-in'); xs.push(await click('map-zoom-reset')); } else xs.push(await click('map-zoom-in'));
      await page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
    }
    return { median: median(xs), status: await page.textContent('[data-testid="map-status"]') };
  };
  return { out: await at(0), x8: await at(3) };
}

for (const n of SIZES) {
  const name = `bench-topics-${n}`;
  const dir = path.join(REPO_ROOT, 'dist', 'e2e', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  runCli(['demo', '--prompts', String(n), '--out', dir], { json: false });
  runCli(['index', dir], { json: false });
  const runs = await cluster(name, n <= 1000 ? 3 : 1);
  const ms = median(runs.map((r) => r.m.ms));
  const during = Math.max(...runs.map((r) => r.m.during));
  const after = Math.max(...runs.map((r) => r.m.after));
  const again = median(runs.map((r) => r.m.again.ms));
  console.log(`${n} prompts, k-means k=39 again on the open page (clustering alone): ${again} ms (median of ${runs.length}: ${runs.map((r) => r.m.again.ms).join(', ')}); longest main-thread task meanwhile ${Math.max(...runs.map((r) => r.m.again.during)).toFixed(0)} ms`);
  console.log(`${n} prompts, k-means k=40 in the worker: ${ms} ms (median of ${runs.length}: ${runs.map((r) => r.m.ms).join(', ')}); longest main-thread task while clustering ${during.toFixed(0)} ms, before (load, handing the data to the worker) ${Math.max(...runs.map((r) => r.m.before)).toFixed(0)} ms, drawing the result ${after.toFixed(0)} ms`);
  if (n === Math.max(...SIZES)) {
    const f = await frames(runs[0].page);
    console.log(`${n} prompts, map frame (zoom click to next frame, median of 5): zoomed out ${f.out.median.toFixed(1)} ms; zoom x8 ${f.x8.median.toFixed(1)} ms (${f.x8.status.trim()})`);
    // Screenshots of the map and the hierarchy rows at this size, 1280 and 390 px wide.
    const page = runs[0].page;
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: width > 500 ? 900 : 844 });
      await page.click('[data-testid="map-zoom-reset"]');
      await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
      // The map's card and the hierarchy's card, each on its own.
      await page.locator('section.card', { has: page.locator('[data-testid="prompt-map"]') })
        .screenshot({ path: path.join(RESULTS_DIR, `topics-${n}-map-${width}.png`) });
      await page.locator('[data-testid="broad-card"]').screenshot({ path: path.join(RESULTS_DIR, `topics-${n}-hierarchy-${width}.png`) });
    }
  }
  for (const r of runs) await r.context.close();
  rmSync(dir, { recursive: true, force: true });
}
await browser.close();
