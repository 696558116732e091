// Browser timings for a million-battle Chatbot Arena log (issue 13, item 4; a benchmark, not a test):
// `arena-lens demo --battles N` (default 1,000,000) written beside the site, opened with ?data=, then
// - load + parse: the footer's fetch and parse times (the compute worker reads the file as it
//   arrives and the page reads its own copy of the same chunks), and navigation to the first row;
// - the leaderboard with 100 row-bootstrap rounds (chatbot-arena, the page's default method for an
//   Arena log): the footer's compute time;
// - style control (arena-rank, style=full, 100 rounds), chosen with the page's own selects so the
//   data is not loaded again: the footer's compute time;
// - peak memory: the page's performance.memory.usedJSHeapSize, and the summed resident set of the
//   browser's processes (every process below this one, sampled every 250 ms from /proc).
// Needs the built site served at E2E_BASE_URL and the release CLI (ARENA_LENS_CLI), as e2e does.
// Usage: E2E_BASE_URL=http://127.0.0.1:8080/ node scripts/bench-million.mjs [battles]
import { launchBrowser, runCli, REPO_ROOT, BASE_URL } from '../e2e/helpers.mjs';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const N = Number(process.argv[2] || 1_000_000);
const DIR = path.join(REPO_ROOT, 'dist', 'e2e', `bench-${N}`);
const FILE = path.join(DIR, 'battles.jsonl');
if (!existsSync(FILE)) {
  mkdirSync(DIR, { recursive: true });
  runCli(['demo', '--battles', String(N), '--out', FILE], { json: false });
}
console.log(`log: ${N} battles, ${statSync(FILE).size} bytes; load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);

// Resident set of every process descended from this one (the browser and its renderers and workers).
function treeRss() {
  const procs = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const rss = Number(readFileSync(`/proc/${d}/statm`, 'utf8').split(' ')[1]) * 4096;
      procs.set(Number(d), { ppid, rss });
    } catch { /* gone meanwhile */ }
  }
  const mine = new Set([process.pid]);
  let total = 0;
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, p] of procs) {
      if (!mine.has(pid) && mine.has(p.ppid)) { mine.add(pid); total += p.rss; grew = true; }
    }
  }
  return total;
}
let peakRss = 0;
const sampler = setInterval(() => { peakRss = Math.max(peakRss, treeRss()); }, 250);

const browser = await launchBrowser();
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await context.newPage();
let peakHeap = 0;
const heap = async () => {
  const h = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0).catch(() => 0);
  peakHeap = Math.max(peakHeap, h);
};
const heapSampler = setInterval(heap, 500);
const footer = () => page.textContent('[data-testid="timings"]');
const computedMs = (f) => Number(/computed in (\d+) ms/.exec(f)?.[1]);

const t0 = Date.now();
await page.goto(new URL(`?data=e2e/bench-${N}/battles.jsonl`, BASE_URL).href);
await page.waitForSelector('table[data-testid="leaderboard"] tbody tr[data-model]', { timeout: 600_000 });
const firstRow = await page.evaluate(() => performance.now());
const f1 = await footer();
const load = /from .* in (\d+) ms, parsed in (\d+) ms/.exec(f1);
console.log(`load + parse: ${Number(load[1]) + Number(load[2])} ms (fetch and read in the worker ${load[1]} ms, then ${load[2]} ms on the page); first row after ${firstRow.toFixed(0)} ms (wall ${Date.now() - t0} ms)`);
console.log(`leaderboard, ${await page.inputValue('input[data-testid="rounds"]').catch(() => '?')} row rounds (${await page.inputValue('select[data-testid="method-select"]')}): ${computedMs(f1)} ms`);
console.log(`  ${f1.trim()}`);

await page.selectOption('select[data-testid="method-select"]', 'arena-rank');
await page.waitForFunction((old) => document.querySelector('[data-testid="timings"]')?.textContent !== old, f1, { timeout: 600_000 });
const f2 = await footer();
console.log(`arena-rank, no style: ${computedMs(f2)} ms`);
await page.selectOption('select[data-testid="style"]', 'full');
await page.waitForSelector('[data-testid="style-coefs"]', { timeout: 600_000 });
await page.waitForFunction((old) => document.querySelector('[data-testid="timings"]')?.textContent !== old, f2, { timeout: 600_000 });
const f3 = await footer();
console.log(`style control (arena-rank, full): ${computedMs(f3)} ms`);
await heap();
clearInterval(sampler);
clearInterval(heapSampler);
console.log(`peak memory: page JS heap (performance.memory.usedJSHeapSize) ${(peakHeap / 1e6).toFixed(0)} MB; browser processes' summed RSS ${(peakRss / 1e6).toFixed(0)} MB (${(peakRss / N).toFixed(0)} B/battle)`);
await browser.close();
