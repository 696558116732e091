// The compute worker's numbers for BENCHMARKS.md (a benchmark, not a test): on the Korean set
// (76 models), turning style control on, the longest main-thread task (PerformanceObserver
// 'longtask', which reports tasks over 50 ms) until the result reaches the page, the one rendering
// it, and the time from the change to the result's arrival; once with the worker, once with its
// script blocked, so that the page computes on its main thread (the client's fallback, the same
// path the page took before the worker). Median of 3 each. Then the sizes of the two wasm modules.
// Needs the built site at E2E_BASE_URL and dist/e2e/ko/manifest.json (scripts/test.sh writes it).
import { launchBrowser, REPO_ROOT, BASE_URL } from '../e2e/helpers.mjs';
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';

const KO = '?data=e2e/ko/&baseline=claude-3.7-sonnet';
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const browser = await launchBrowser();

async function run(blockWorker) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  if (blockWorker) await context.route(/compute-worker/, (route) => route.abort());
  const page = await context.newPage();
  await page.goto(new URL(KO, BASE_URL).href);
  await page.waitForSelector('table[data-testid="leaderboard"] tbody tr[data-model]', { timeout: 180_000 });
  await page.waitForSelector('[data-testid="compute-status"][data-busy="false"]', { state: 'attached', timeout: 180_000 });
  await page.evaluate(() => {
    window.__tasks = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__tasks.push({ start: e.startTime, duration: e.duration }); }).observe({ type: 'longtask' });
    window.__t0 = performance.now();
  });
  await page.selectOption('select[data-testid="style"]', 'full');
  await page.waitForSelector('[data-testid="style-coefs"]', { timeout: 180_000 });
  await page.waitForSelector('[data-testid="compute-status"][data-busy="false"]', { state: 'attached', timeout: 180_000 });
  // One more frame, so a long task that ends with the render is recorded.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
  // data-arrived: when the result reached the page, before it was rendered (a task of its own).
  const arrived = Number(await page.getAttribute('[data-testid="compute-status"]', 'data-arrived'));
  const out = await page.evaluate((arrived) => {
    const t = window.__tasks;
    const max = (xs) => Math.max(0, ...xs.map((x) => x.duration));
    return { ms: arrived - window.__t0, longest: max(t.filter((x) => x.start < arrived)), render: max(t.filter((x) => x.start >= arrived)) };
  }, arrived);
  await context.close();
  return out;
}

for (const [label, block] of [['worker', false], ['main thread (worker blocked)', true]]) {
  const runs = [];
  for (let i = 0; i < 3; i++) runs.push(await run(block));
  const show = (k) => `median ${median(runs.map((r) => r[k])).toFixed(0)} ms (${runs.map((r) => r[k].toFixed(0)).join(', ')})`;
  console.log(`ko-76 style control on, ${label}: longest main-thread task while computing ${show('longest')} (0: none over 50 ms); rendering the result ${show('render')}; change → result ${show('ms')}`);
}
await browser.close();

const dist = path.join(REPO_ROOT, 'dist');
for (const f of readdirSync(dist).filter((f) => f.endsWith('.wasm'))) {
  const bytes = readFileSync(path.join(dist, f));
  console.log(`${f}: ${(bytes.length / 1024).toFixed(0)} KiB raw, ${(gzipSync(bytes, { level: 9 }).length / 1024).toFixed(0)} KiB gzipped`);
}
