// Lazy loading of long texts (issue 4): the demo is indexed with `--slim`, so the leaderboard loads
// slim copies only, and the compare page fetches the full answer and judgment files of the two models
// it shows (under the judge it shows), with a progress line while they arrive.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { BASE_URL, REPO_ROOT, launchBrowser, collectErrors, describeErrors, screenshot } from './helpers.mjs';

const DEMO = path.join(REPO_ROOT, 'dist', 'data', 'demo');
const A = 'nimbus-large';
const B = 'kestrel-7b(chat)';
const JUDGE = 'judge-sage';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/** Records the answer and judgment files a page requests, full and slim, by decoded path. */
function recordTextRequests(page) {
  const seen = { full: [], slim: [] };
  page.on('request', (r) => {
    const p = decodeURIComponent(new URL(r.url()).pathname);
    if (!/\/model_(answer|judgment)\//.test(p)) return;
    (p.includes('/_slim/') ? seen.slim : seen.full).push(p.replace(/^.*\/arena-hard-demo\//, ''));
  });
  return seen;
}

test('slim demo: the leaderboard fetches no answer or judge text', async () => {
  const manifest = JSON.parse(readFileSync(path.join(DEMO, 'manifest.json'), 'utf8'));
  const slimmed = manifest.files.filter((f) => f.slim);
  assert.ok(slimmed.length >= 40, 'the demo manifest lists slim copies');
  const full = slimmed.reduce((s, f) => s + f.bytes, 0);
  const slim = slimmed.reduce((s, f) => s + f.slim.bytes, 0);
  assert.ok(slim < full / 3, `slim copies are small (${slim} of ${full} bytes)`);

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = collectErrors(page);
  const seen = recordTextRequests(page);
  try {
    await page.goto(BASE_URL);
    await page.waitForSelector('table[data-testid="leaderboard"] tbody tr[data-model]', { timeout: 60_000 });
    assert.equal(seen.full.length, 0, `no full text file is fetched for the leaderboard: ${seen.full.join(', ')}`);
    assert.equal(seen.slim.length, slimmed.length, 'every slim copy is fetched');
    assert.match(await page.textContent('[data-testid="timings"]'), /slim copies/);
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally {
    await context.close();
  }
});

test('slim demo: the compare page fetches exactly its two models\' files, shows progress, then the texts', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = collectErrors(page);
  const seen = recordTextRequests(page);
  // Hold the full files back a little, so the progress line can be seen.
  await page.route((url) => /\/model_(answer|judgment)\//.test(url.pathname) && !url.pathname.includes('/_slim/'), async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  try {
    const q = new URLSearchParams({ view: 'compare', a: A, b: B, cjudge: JUDGE });
    await page.goto(new URL(`?${q.toString().replace(/\+/g, '%20')}`, BASE_URL).href);
    await page.waitForSelector('[data-testid="texts-progress"]', { timeout: 60_000 });
    assert.match(await page.textContent('[data-testid="texts-progress"]'), /0 of 4 files/);
    // Verdicts are there before the texts.
    await page.waitForSelector('[data-testid="judgment-game-1"] .chip', { timeout: 30_000 });
    await page.waitForFunction(() => !document.querySelector('[data-testid="text-loading"], [data-testid="texts-progress"]'), null, { timeout: 60_000 });
    const expected = [
      `model_answer/${A}.jsonl`, `model_answer/${B}.jsonl`,
      `model_judgment/${JUDGE}/${A}.jsonl`, `model_judgment/${JUDGE}/${B}.jsonl`,
    ].sort();
    assert.deepEqual([...new Set(seen.full)].sort(), expected);
    assert.equal(seen.full.length, 4, 'each file is fetched once');

    // The text shown is the full file's, for the prompt shown.
    const qid = await page.getAttribute('[data-testid="prompt"]', 'data-question-id');
    const rows = readFileSync(path.join(DEMO, 'arena-hard-demo', 'model_answer', `${A}.jsonl`), 'utf8')
      .split('\n').filter(Boolean).map((l) => JSON.parse(l));
    const answer = rows.find((r) => r.question_id === qid).choices[0].turns[0].content;
    const phrase = answer.split('\n').map((l) => l.match(/[A-Za-z][A-Za-z ,'-]{25,}[A-Za-z]/)).find(Boolean)[0];
    const pane = (await page.innerText('[data-testid="answer-a"]')).replace(/\s+/g, ' ');
    assert.ok(pane.includes(phrase.replace(/\s+/g, ' ')), `answer A shows "${phrase}"`);
    assert.match(await page.innerText('[data-testid="answer-a"] [data-testid="counts"]'), /characters/);
    assert.ok((await page.innerText('[data-testid="judgment-game-1"] [data-testid="judgment-text"]')).length > 40, 'judge text shown');

    // Another prompt of the same models needs no new request.
    await page.keyboard.press('j');
    await page.waitForFunction((id) => document.querySelector('[data-testid="prompt"]')?.dataset.questionId !== id, qid);
    assert.equal(seen.full.length, 4);
    await screenshot(page, 'compare-lazy-1280');
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally {
    await context.close();
  }
});
