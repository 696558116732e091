// A big Chatbot Arena battle log in the browser (issue 13, item 4): a 200k-battle log written in the
// test with `arena-lens demo --battles 200000` (the full million is in scripts/bench-million.mjs),
// served beside the site and opened with ?data=. The compute worker fetches it and reads it as it
// arrives, the page reads its own copy of the same chunks:
// - progress shows the bytes and the battles read while it loads;
// - the leaderboard equals `arena-lens leaderboard FILE --json` (same method, rounds and seed) to 1e-9;
// - no main-thread task over 100 ms from the first progress shown until the result reaches the
//   page (PerformanceObserver 'longtask'; rendering the 200-row result is a task of its own,
//   reported but not held, as in worker.test.mjs). Why 100 and not 50: see the second test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { mkdirSync, statSync } from 'node:fs';
import { REPO_ROOT, launchBrowser, runCli, screenshot, describeErrors, collectErrors, BASE_URL } from './helpers.mjs';

const BATTLES = 200_000;
const DIR = path.join(REPO_ROOT, 'dist', 'e2e', 'million');
const FILE = path.join(DIR, 'battles.jsonl');
const URL_PARAM = '?data=e2e/million/battles.jsonl';
const ROWS = 'table[data-testid="leaderboard"] tbody tr[data-model]';

let browser;
// The tasks over 50 ms that ran while the first test's page loaded and computed (checked below).
let longTasks = null;
before(async () => {
  mkdirSync(DIR, { recursive: true });
  const t0 = Date.now();
  runCli(['demo', '--battles', String(BATTLES), '--out', FILE], { json: false });
  console.log(`# wrote ${statSync(FILE).size} bytes in ${Date.now() - t0} ms`);
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); });

// Registered before the page's own scripts: long tasks, when progress first showed (and the most
// battles it counted), and when the first row of the result appeared.
function recorder() {
  const w = window;
  w.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  w.__progressAt = null;
  w.__battlesSeen = 0;
  w.__rowsAt = null;
  const watch = () => {
    const b = document.querySelector('[data-testid="progress-battles"]');
    if (b) {
      if (w.__progressAt === null) w.__progressAt = performance.now();
      const n = Number(b.textContent.replace(/[^0-9]/g, ''));
      if (n > w.__battlesSeen) w.__battlesSeen = n;
    }
    if (w.__rowsAt === null && document.querySelector('table[data-testid="leaderboard"] tbody tr[data-model]')) {
      w.__rowsAt = performance.now();
    }
  };
  new MutationObserver(watch).observe(document, { subtree: true, childList: true, characterData: true });
}

async function open(viewport) {
  const context = await browser.newContext({ viewport });
  await context.addInitScript(recorder);
  const page = await context.newPage();
  const errors = collectErrors(page);
  const t0 = Date.now();
  await page.goto(new URL(URL_PARAM, BASE_URL).href, { waitUntil: 'load' });
  return { page, context, errors, t0 };
}

test('a 200k-battle log streams into the worker: progress in battles, the CLI\'s leaderboard to 1e-9', async () => {
  const t0 = Date.now();
  const json = runCli(['leaderboard', FILE]);
  console.log(`# CLI leaderboard: ${Date.now() - t0} ms, ${json.models.length} models, method ${json.method}`);
  assert.equal(json.method, 'chatbot-arena');
  const { page, context, errors, t0: opened } = await open({ width: 1280, height: 800 });
  try {
    await page.waitForSelector('[data-testid="progress-battles"]', { timeout: 60_000 });
    await screenshot(page, 'million-loading-1280');
    await page.waitForFunction((n) => document.querySelectorAll('table[data-testid="leaderboard"] tbody tr[data-model]').length === n,
      json.models.length, { timeout: 120_000 });
    console.log(`# page: navigation to ${json.models.length} rows in ${Date.now() - opened} ms`);
    const table = await page.$$eval(ROWS, (trs) => Object.fromEntries(trs.map((tr) => [tr.dataset.model,
      { score: Number(tr.dataset.score), lower: Number(tr.dataset.lower), upper: Number(tr.dataset.upper) }])));
    assert.deepEqual(Object.keys(table).sort(), json.models.map((m) => m.model).sort(), 'same models');
    for (const m of json.models) {
      for (const k of ['score', 'lower', 'upper']) {
        // 1e-9: the same core computes both; only the printing of the numbers differs.
        assert.ok(Math.abs(table[m.model][k] - m[k]) <= 1e-9, `${m.model} ${k} ${table[m.model][k]} vs CLI ${m[k]}`);
      }
    }
    const timings = await page.textContent('[data-testid="timings"]');
    console.log(`# ${timings.trim()}`);
    const r = await page.evaluate(() => ({
      tasks: window.__longTasks, progressAt: window.__progressAt, rowsAt: window.__rowsAt, battles: window.__battlesSeen,
    }));
    assert.ok(r.battles > 0 && r.battles <= BATTLES, `progress counted battles as they were read (${r.battles})`);
    // Tasks that began while loading and computing: after progress first showed, before the rows.
    const during = r.tasks.filter((t) => t.start >= r.progressAt && t.start < r.rowsAt);
    const max = Math.max(0, ...during.map((t) => t.duration));
    console.log(`# long tasks during load + compute: ${during.length} (longest ${max.toFixed(0)} ms); all: ${JSON.stringify(r.tasks.map((t) => Math.round(t.duration)))}`);
    // The task that renders the result is the one in which the rows appeared; it started before them.
    const rendering = during.filter((t) => t.start + t.duration >= r.rowsAt);
    const blocking = during.filter((t) => !rendering.includes(t) && t.duration > 50);
    longTasks = blocking;
    await screenshot(page, 'million-result-1280');
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally { await context.close(); }
});

// Held to 100 ms, not 50. Attributed with scripts/trace-long-tasks.mjs (CPU profile of the page,
// 2026-12-02, load average 10-15 on the 2 shared cores): the page's prompt-index rehash (110 ms at
// 200k) is gone (stream_load reserves room from the file's size); what remains while loading is
// one or two tasks of 50-80 ms whose profile is a single sample gap of ~50 ms inside a 25 ms
// slice, i.e. the thread descheduled by the overloaded machine, not the page's work (53 ms at a
// load average of 3). 100 ms keeps that noise out and still fails on the page's own work coming
// back, such as the rehash.
test('no main-thread task over 100 ms while the 200k-battle log loads and computes', () => {
  assert.ok(longTasks !== null, 'the first test ran');
  const over = longTasks.filter((t) => t.duration > 100);
  assert.deepEqual(over, [], `no main-thread task over 100 ms while loading and computing: ${JSON.stringify(longTasks)}`);
});

test('the 200k-battle log at 390 px: progress, then the leaderboard', async () => {
  const { page, context, errors } = await open({ width: 390, height: 844 });
  try {
    await page.waitForSelector('[data-testid="progress-battles"]', { timeout: 60_000 });
    await screenshot(page, 'million-loading-390');
    await page.waitForSelector(ROWS, { timeout: 120_000 });
    await page.waitForSelector('[data-testid="timings"]', { timeout: 60_000 });
    await screenshot(page, 'million-result-390');
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally { await context.close(); }
});
