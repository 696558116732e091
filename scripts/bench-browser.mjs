// Browser timings for BENCHMARKS.md (a benchmark, not a test): time from navigation to a rendered demo
// leaderboard (median of 5 fresh contexts); topic clustering of 750 and 5,000 prompts in the clusters
// page (k-means, k = 40, as the page reports it); and the Korean set's load and compute times as the
// page reports them. Needs the built site served at E2E_BASE_URL, and for the Korean set a manifest at
// dist/e2e/ko/ (scripts/test.sh writes one) — see scripts/bench-browser.sh.
import { launchBrowser, openPage, writeQuestionsBench, REPO_ROOT } from '../e2e/helpers.mjs';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const browser = await launchBrowser();
const times = [];
for (let i = 0; i < 5; i++) {
  const t0 = Date.now();
  const { page, context } = await openPage(browser, '');
  await page.waitForSelector('table[data-testid="leaderboard"] tbody tr[data-model]', { timeout: 60_000 });
  const nav = await page.evaluate(() => performance.now());
  times.push({ wall: Date.now() - t0, nav, footer: await page.textContent('[data-testid="timings"]') });
  await context.close();
}
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`demo: navigation → rendered leaderboard, median of 5: ${median(times.map((t) => t.nav)).toFixed(0)} ms (performance.now at first row)`);
console.log(`demo: last footer: ${times.at(-1).footer}`);
// Clustering: the demo's prompts, reworded and repeated up to n, as questions-only benches.
const demoQuestions = readFileSync(path.join(REPO_ROOT, 'dist', 'data', 'demo', 'arena-hard-demo', 'question.jsonl'), 'utf8')
  .split('\n').filter(Boolean).map((l) => JSON.parse(l));
const openers = ['', 'Quick question: ', 'I need help. ', 'For a project, ', 'Honestly, ', 'Could you explain: ', 'Hi! ', 'At work, ', 'As a beginner, ', 'In short: '];
for (const n of [750, 5000]) {
  const rows = Array.from({ length: n }, (_, i) => {
    const q = demoQuestions[i % demoQuestions.length];
    const round = Math.floor(i / demoQuestions.length);
    return { ...q, question_id: `${q.question_id}-${round}`, turns: [{ content: openers[round % openers.length] + q.turns[0].content }] };
  });
  const data = writeQuestionsBench(`bench-q${n}`, rows);
  const ms = [];
  for (let i = 0; i < 3; i++) {
    const { page, context } = await openPage(browser, `?view=clusters&data=${data}&label=computed&ck=40`);
    await page.waitForSelector('[data-testid="cluster-done"]', { timeout: 300_000 });
    ms.push(Number(await page.getAttribute('[data-testid="cluster-done"]', 'data-ms')));
    await context.close();
  }
  console.log(`clusters: ${n} prompts, k-means k=40, tokenise → TF-IDF → SVD → k-means → labels → map, in the page (sliced): median of 3 ${median(ms).toFixed(0)} ms (${ms.join(', ')})`);
}
if (process.env.KO !== '0') {
  const { page, context } = await openPage(browser, '?data=e2e/ko/&baseline=claude-3.7-sonnet');
  try {
    await page.waitForSelector('table[data-testid="leaderboard"] tbody tr[data-model]', { timeout: 120_000 });
    console.log(`ko-76: first row after ${(await page.evaluate(() => performance.now())).toFixed(0)} ms; ${await page.textContent('[data-testid="timings"]')}`);
    for (const [label, q] of [['1000 row rounds', 'rounds=1000'], ['1000 prompt rounds', 'rounds=1000&unit=prompt'], ['style control, 100 rounds', 'style=full']]) {
      await page.goto(new URL(`?data=e2e/ko/&baseline=claude-3.7-sonnet&${q}`, process.env.E2E_BASE_URL).href);
      await page.waitForSelector('[data-testid="timings"]', { timeout: 300_000 });
      console.log(`ko-76 ${label}: ${await page.textContent('[data-testid="timings"]')}`);
    }
  } finally { await context.close(); }
}
await browser.close();
