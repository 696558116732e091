// Which functions make the page's long tasks (a diagnostic, not a test): opens a URL of the built
// site in chromium with the DevTools CPU profiler on the page's main thread (CDP `Profiler`,
// sampling every 0.5 ms), waits for a selector, then takes every task over 50 ms the page itself
// reported (PerformanceObserver 'longtask') and prints the functions sampled during it: self time
// by function, and inclusive time by every frame on the stack. Wasm functions carry their Rust
// names only when the module keeps its name section (Trunk's release build drops it: run
// wasm-opt with -g on wasm-bindgen's output and put that in dist/ to read them).
// Usage: E2E_BASE_URL=http://127.0.0.1:8080/ node scripts/trace-long-tasks.mjs '?data=..' 'css selector'
import { launchBrowser, BASE_URL } from '../e2e/helpers.mjs';

const [query = '', selector = 'table[data-testid="leaderboard"] tbody tr[data-model]', limitArg] = process.argv.slice(2);
const LIMIT_MS = Number(limitArg || 50);

const browser = await launchBrowser();
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
// Before the page's own scripts: its long tasks (the browser's own account of what blocked), and
// a marker, a 20 ms busy loop in a function of a known name at a known performance.now(), which
// ties the profile's clock to the page's.
await context.addInitScript(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const __clockMarker = () => { const t = performance.now(); while (performance.now() - t < 20); return t; };
  window.__markAt = __clockMarker();
});
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
await cdp.send('Profiler.start');
const t0 = Date.now();
await page.goto(new URL(query, BASE_URL).href);
await page.waitForSelector(selector, { timeout: 600_000 });
// Let the task that rendered the match, and anything it scheduled, finish.
await page.waitForTimeout(1500);
const { profile } = await cdp.send('Profiler.stop');
const { longTasks, markAt } = await page.evaluate(() => ({ longTasks: window.__longTasks, markAt: window.__markAt }));
console.log(`matched ${selector} after ${Date.now() - t0} ms`);
await browser.close();

const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
const name = (n) => {
  const f = n.callFrame;
  const where = f.url ? ` ${f.url.split('/').pop()}:${f.lineNumber + 1}` : '';
  return `${f.functionName || '(anonymous)'}${where}`;
};
const idle = (id) => nodes.get(id).callFrame.functionName === '(idle)';
// Stack of a sample, outermost first, without the root.
const stack = (id) => {
  const s = [];
  for (let x = id; x !== undefined; x = parent.get(x)) s.push(nodes.get(x));
  return s.reverse().slice(1);
};

// Each sample with its time (µs on the profile's clock) and the time to the next sample (ms).
const samples = [];
let t = profile.startTime;
for (let i = 0; i < profile.samples.length; i++) {
  t += profile.timeDeltas[i];
  samples.push({ id: profile.samples[i], at: t, dt: (profile.timeDeltas[i + 1] ?? 0) / 1000 });
}
// The page's clock on the profile's: the first sample inside the marker is at markAt.
const mark = samples.find((x) => nodes.get(x.id).callFrame.functionName === '__clockMarker');
if (!mark) throw new Error('the clock marker was not sampled');
const offset = mark.at / 1000 - markAt;
const long = longTasks.filter((k) => k.duration > LIMIT_MS);
console.log(`${longTasks.length} long tasks reported by the page, ${long.length} over ${LIMIT_MS} ms`);
const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `    ${v.toFixed(1)} ms  ${k}`).join('\n');
for (const k of long) {
  const from = (k.start + offset) * 1000;
  const to = (k.start + k.duration + offset) * 1000;
  const self = new Map();
  const incl = new Map();
  let stalled = 0;
  for (const x of samples) {
    if (x.at < from || x.at >= to || idle(x.id)) continue;
    // A gap far over the sampling interval: the thread (or the sampler) was not running, which
    // on a loaded machine is the scheduler's time, not the page's work.
    if (x.dt > 5) stalled += x.dt;
    const nm = name(nodes.get(x.id));
    self.set(nm, (self.get(nm) || 0) + x.dt);
    const seen = new Set();
    for (const n of stack(x.id)) {
      const m = name(n);
      if (seen.has(m)) continue;
      seen.add(m);
      incl.set(m, (incl.get(m) || 0) + x.dt);
    }
  }
  console.log(`\ntask at ${k.start.toFixed(0)} ms: ${k.duration.toFixed(0)} ms (${stalled.toFixed(0)} ms of it in gaps over 5 ms between samples)\n  self:\n${top(self, 8)}\n  inclusive:\n${top(incl, 30)}`);
}
