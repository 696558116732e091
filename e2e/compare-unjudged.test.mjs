// Issue 11's acceptance list: the compare page with models that have answers and no verdicts.
// 1. Judged against unjudged: a copy of ../shared's fulltext-10-prompts in an OS temp folder, with
//    every judgment file but mistral-7b's deleted at test time, served by its own server; the judged
//    model against an unjudged one on three prompts (answers, both games, "not judged", the link).
// 2. Answers only: ../shared/data/arena-hard-v2.0-sample (questions and the baseline's v2.0 answers)
//    opens in compare, its prompts are searchable, the answers render, and the leaderboard and judges
//    pages say there is nothing to score, linking to compare.
// The existing compare tests (compare.test.mjs) run unchanged.
// Screenshots at 1280 and 390 px go to test-results/ (and to $SHOTS_DIR when set).
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import os from 'node:os';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import {
  DATA_URL, DATA_DIR, REPO_ROOT, launchBrowser, openPage, screenshot, runCli, describeErrors,
  missingShared, sharedTest, openPageBypassingCsp, runAxe, describeViolations,
} from './helpers.mjs';
import { readJsonl, modelResult, FULLTEXT_BASELINE } from './compare-data.mjs';

const JUDGE = 'gpt-4-1106-preview';
const JUDGED = 'mistral-7b';
const UNJUDGED = 'dolphin-miner';
const needFulltext = { needs: ['fulltext-10-prompts'] };
const needV2 = { needs: ['arena-hard-v2.0-sample'] };
const V2_MODEL = 'o3-mini-2025-01-31';
const UNJUDGED_DATA = 'e2e/unjudged/';
const TWO_JUDGES_DATA = 'e2e/unjudged-two/';
const SECOND_JUDGE = 'second-judge';
const V2_DATA = 'e2e/v2sample/';

let browser;
let tmp = null;
let server = null;
before(async () => {
  browser = await launchBrowser();
  if (!missingShared(needFulltext.needs)) {
    // one-judge/: every judgment file but JUDGED's deleted. two-judges/: the same, plus UNJUDGED's
    // file moved under a second judge, so each model is judged by one judge only.
    tmp = mkdtempSync(path.join(os.tmpdir(), 'arena-lens-unjudged-'));
    for (const variant of ['one-judge', 'two-judges']) {
      const root = path.join(tmp, variant);
      cpSync(path.join(DATA_DIR, 'fulltext-10-prompts'), root, { recursive: true });
      const judgments = path.join(root, 'arena-hard-v0.1', 'model_judgment');
      if (variant === 'two-judges') {
        mkdirSync(path.join(judgments, SECOND_JUDGE));
        cpSync(path.join(judgments, JUDGE, `${UNJUDGED}.jsonl`), path.join(judgments, SECOND_JUDGE, `${UNJUDGED}.jsonl`));
      }
      for (const f of readdirSync(path.join(judgments, JUDGE))) if (f !== `${JUDGED}.jsonl`) rmSync(path.join(judgments, JUDGE, f));
    }
    server = await serve(tmp);
    for (const [variant, out] of [['one-judge', 'unjudged'], ['two-judges', 'unjudged-two']]) {
      runCli(['index', path.join(tmp, variant), '--out', path.join(REPO_ROOT, 'dist', 'e2e', out, 'manifest.json'),
        '--base', `${server.url}${variant}/`, '--baseline', FULLTEXT_BASELINE], { json: false });
    }
  }
  if (!missingShared(needV2.needs)) {
    runCli(['index', path.join(DATA_DIR, 'arena-hard-v2.0-sample'), '--out', path.join(REPO_ROOT, 'dist', 'e2e', 'v2sample', 'manifest.json'),
      '--base', `${DATA_URL}arena-hard-v2.0-sample/`], { json: false });
  }
});
after(async () => {
  await browser?.close();
  server?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** Serves `dir` with scripts/serve.py on a free port; resolves to { url, stop }. */
function serve(dir) {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', ['-u', path.join(REPO_ROOT, 'scripts', 'serve.py'), dir, '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/port (\d+)/);
      if (m) resolve({ url: `http://127.0.0.1:${m[1]}/`, stop: () => child.kill() });
    });
    child.on('exit', (code) => reject(new Error(`serve.py exited ${code}: ${out}`)));
  });
}

function compareUrl(params) {
  const q = new URLSearchParams({ view: 'compare', ...params });
  return `?${q.toString().replace(/\+/g, '%20')}`;
}

/** Also saves the screenshot under $SHOTS_DIR, when set (for looking at by hand). */
async function shot(page, name) {
  const file = await screenshot(page, name);
  if (process.env.SHOTS_DIR) {
    mkdirSync(process.env.SHOTS_DIR, { recursive: true });
    cpSync(file, path.join(process.env.SHOTS_DIR, path.basename(file)));
  }
}

async function waitForPrompt(page, prompt) {
  const sel = prompt ? `[data-testid="prompt"][data-question-id="${prompt}"]` : '[data-testid="prompt"]';
  await page.waitForSelector(sel, { timeout: 60_000 });
  await page.waitForFunction(() => !document.querySelector('[data-testid="text-loading"], [data-testid="texts-progress"]'), null, { timeout: 60_000 });
}

const squash = (s) => s.replace(/\s+/g, ' ').trim();

/** A plain run of words from markdown text (no markup characters), to look for on the page. */
function plainPhrase(md) {
  const m = md.split('\n').map((l) => l.match(/[A-Za-z][A-Za-z ,'-]{30,}[A-Za-z]/)).find(Boolean);
  assert.ok(m, `a plain phrase in ${md.slice(0, 200)}`);
  return squash(m[0]).slice(0, 60).trim();
}

sharedTest('judged against unjudged: a copy with one judgment file left, three prompts (1280 and 390 px)', needFulltext, async () => {
  const dir = path.join(tmp, 'one-judge', 'arena-hard-v0.1');
  const questions = readJsonl(path.join(dir, 'question.jsonl'));
  const answers = (m) => Object.fromEntries(readJsonl(path.join(dir, 'model_answer', `${m}.jsonl`)).map((a) => [a.question_id, a.choices[0].turns[0].content]));
  const [ansJ, ansU] = [answers(JUDGED), answers(UNJUDGED)];
  const games = Object.fromEntries(readJsonl(path.join(dir, 'model_judgment', JUDGE, `${JUDGED}.jsonl`)).map((j) => [j.question_id, j.games]));
  for (const [i, q] of questions.slice(0, 3).entries()) {
    const width = i === 1 ? 390 : 1280;
    const url = compareUrl({ data: UNJUDGED_DATA, a: JUDGED, b: UNJUDGED, prompt: q.question_id });
    const { page, context, errors } = await openPage(browser, url, { viewport: { width, height: 900 } });
    try {
      await waitForPrompt(page, q.question_id);
      // No fallback: B stays the unjudged model.
      assert.equal(await page.locator('[data-testid="note"]').count(), 0, 'no note');
      assert.equal(await page.inputValue('[data-testid="model-b"]'), UNJUDGED);
      assert.match(await page.getAttribute(`[data-testid="model-b"] option[value="${UNJUDGED}"]`, 'data-mark'), /^answers only$/);
      assert.equal(await page.getAttribute(`[data-testid="model-a"] option[value="${JUDGED}"]`, 'data-mark'), `answers + verdicts under ${JUDGE}`);
      // Both answers show the files' texts.
      for (const [side, model, ans] of [['a', JUDGED, ansJ], ['b', UNJUDGED, ansU]]) {
        const pane = page.locator(`[data-testid="answer-${side}"]`);
        assert.equal(await pane.getAttribute('data-model'), model);
        assert.ok(squash(await pane.innerText()).includes(plainPhrase(ans[q.question_id])), `answer ${side} text`);
      }
      // The judged side shows both games' judgments.
      const col = page.locator('[data-testid="verdicts-a"]');
      assert.equal(await col.getAttribute('data-judged'), 'true');
      for (const g of [1, 2]) {
        const game = games[q.question_id][g - 1];
        const block = col.locator(`[data-testid="judgment-game-${g}"]`);
        assert.equal(await block.getAttribute('data-verdict'), game.score, `game ${g} label`);
        assert.equal(await block.getAttribute('data-result'), modelResult(g, game.score), `game ${g} result`);
        assert.ok(squash(await block.textContent()).includes(plainPhrase(game.judgment)), `game ${g} judge text`);
      }
      // The unjudged side says so, and has no games.
      const colB = page.locator('[data-testid="verdicts-b"]');
      assert.equal(await colB.getAttribute('data-judged'), 'false');
      assert.equal(squash(await colB.locator('[data-testid="not-judged"]').innerText()), `${UNJUDGED} is not judged by ${JUDGE}.`);
      assert.match(await colB.innerText(), /No judge in this data judged it/);
      assert.equal(await colB.locator('[data-testid="judgment-game-1"]').count(), 0);
      assert.match(await page.innerText('[data-testid="summary-unjudged"]'), new RegExp(`B \\(${UNJUDGED}\\) has no verdicts under ${JUDGE}`));
      // Filters that need both sides' verdicts are disabled with the reason; "games disagree" works.
      assert.ok(await page.isDisabled('[data-testid="filter-outcome"]'));
      assert.ok(await page.isDisabled('[data-testid="filter-upset"]'));
      assert.ok(!(await page.isDisabled('[data-testid="filter-disagree"]')));
      assert.match(await page.innerText('[data-testid="filters-off"]'), /Needs verdicts for both A and B/);
      // The link keeps both models.
      const link = await page.inputValue('[data-testid="share-url"]');
      const params = new URL(link).searchParams;
      assert.deepEqual([params.get('a'), params.get('b'), params.get('prompt')], [JUDGED, UNJUDGED, q.question_id]);
      if (width === 390) {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `no horizontal overflow at 390 px (${overflow}px)`);
        await shot(page, 'unjudged-390');
      } else if (i === 0) {
        await shot(page, 'unjudged-1280');
        // Keys: j goes to the next prompt, s swaps A and B (the unjudged side moves with its model).
        await page.keyboard.press('j');
        await waitForPrompt(page, questions[1].question_id);
        await page.keyboard.press('s');
        await page.waitForFunction((m) => new URLSearchParams(location.search).get('a') === m, UNJUDGED);
        await page.waitForSelector(`[data-testid="verdicts-a"][data-model="${UNJUDGED}"][data-judged="false"]`);
        assert.equal(await page.getAttribute('[data-testid="verdicts-b"]', 'data-judged'), 'true');
      }
      assert.deepEqual(errors, [], describeErrors(errors));
    } finally { await context.close(); }
  }
});

sharedTest('a model the judge shown did not judge links to the judge that did, and the link switches judges', needFulltext, async () => {
  const { page, context, errors } = await openPage(browser, compareUrl({ data: TWO_JUDGES_DATA, a: JUDGED, b: UNJUDGED }));
  try {
    await waitForPrompt(page);
    // Judges sort by name: gpt-4-1106-preview first, which judged only A.
    assert.equal(await page.getAttribute('[data-testid="verdicts-a"]', 'data-judged'), 'true');
    const colB = page.locator('[data-testid="verdicts-b"]');
    assert.equal(await colB.getAttribute('data-judged'), 'false');
    assert.equal(squash(await colB.locator('[data-testid="judged-by"]').innerText()), `Judged by ${SECOND_JUDGE}.`);
    assert.equal(await page.getAttribute(`[data-testid="model-b"] option[value="${UNJUDGED}"]`, 'data-mark'), `answers only; verdicts under ${SECOND_JUDGE}`);
    await colB.locator(`[data-testid="judged-by"] a[data-judge="${SECOND_JUDGE}"]`).click();
    await page.waitForSelector(`[data-testid="verdicts-b"][data-judged="true"] [data-testid="judgment-game-1"]`);
    const params = new URL(page.url()).searchParams;
    assert.deepEqual([params.get('cjudge'), params.get('a'), params.get('b'), params.get('data')], [SECOND_JUDGE, JUDGED, UNJUDGED, TWO_JUDGES_DATA]);
    const colA = page.locator('[data-testid="verdicts-a"]');
    assert.equal(await colA.getAttribute('data-judged'), 'false');
    assert.equal(squash(await colA.locator('[data-testid="judged-by"]').innerText()), `Judged by ${JUDGE}.`);
    assert.equal(await page.getAttribute('[data-testid="judge-tabs"] [aria-selected="true"]', 'data-judge'), SECOND_JUDGE);
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally { await context.close(); }
});

sharedTest('answers only: arena-hard-v2.0-sample opens in compare, searchable, its answers render; the leaderboard says there is nothing to score', needV2, async () => {
  const dir = path.join(DATA_DIR, 'arena-hard-v2.0-sample');
  const questions = readJsonl(path.join(dir, 'question.jsonl'));
  const answers = Object.fromEntries(readJsonl(path.join(dir, 'model_answer', `${V2_MODEL}.jsonl`))
    .map((a) => [a.uid, a.messages.filter((m) => m.role === 'assistant').map((m) => (typeof m.content === 'string' ? m.content : m.content.answer))]));
  const needle = 'zig';
  const expected = questions.filter((q) => `${q.uid}\n${q.prompt}`.toLowerCase().includes(needle)).map((q) => q.uid);
  assert.ok(expected.length > 0 && expected.length < 20, `${expected.length} prompts mention ${needle}`);
  for (const width of [1280, 390]) {
    const { page, context, errors } = await openPage(browser, compareUrl({ data: V2_DATA }), { viewport: { width, height: 900 } });
    try {
      await waitForPrompt(page);
      assert.equal(await page.innerText('[data-testid="match-count"]'), `${questions.length} of ${questions.length} prompts`);
      assert.equal(await page.inputValue('[data-testid="model-a"]'), V2_MODEL);
      assert.equal(await page.getAttribute('[data-testid="pair-summary"]', 'data-judged'), 'none');
      assert.equal(await page.locator('[data-testid="answer-b"]').count(), 0, 'one model: one pane');
      assert.match(await page.innerText('[data-testid="no-verdicts"]'), /no verdicts/);
      assert.ok(await page.isDisabled('[data-testid="filter-outcome"]'));
      assert.ok(await page.isDisabled('[data-testid="filter-disagree"]'));
      // Prompts are searchable.
      await page.fill('[data-testid="search"]', needle);
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="prompt-list"] [data-question-id]').length === n, expected.length);
      const listed = await page.$$eval('[data-testid="prompt-list"] [data-question-id]', (els) => els.map((e) => e.dataset.questionId));
      assert.deepEqual(listed.sort(), [...expected].sort());
      // The baseline's answer renders from the v2.0 `messages`.
      const uid = expected[0];
      await page.click(`[data-testid="prompt-list"] [data-question-id="${uid}"] button`);
      await waitForPrompt(page, uid);
      const pane = squash(await page.innerText('[data-testid="answer-a"]'));
      assert.ok(pane.includes(plainPhrase(answers[uid][0])), 'the answer text');
      assert.match(await page.innerText('[data-testid="answer-a"] [data-testid="counts"]'), /\d+ tokens/);
      // Keys: k / ← move through the filtered list.
      // `expected` is in file order, as the list is.
      await page.keyboard.press('ArrowRight');
      await waitForPrompt(page, expected[1] ?? uid);
      await page.keyboard.press('k');
      await waitForPrompt(page, uid);
      if (width === 1280) await shot(page, 'answers-only-1280');
      else {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `no horizontal overflow at 390 px (${overflow}px)`);
        await shot(page, 'answers-only-390');
      }
      // The answer statistics: the model's mean tokens over every prompt (a Python pass over the
      // file's metadata.token_len gives 937.87), rounded.
      await page.fill('[data-testid="search"]', '');
      await page.click('[data-testid="tab-stats"]');
      await page.waitForSelector('[data-testid="answer-stats-table"]');
      const row = await page.$$eval(`[data-testid="answer-stats-table"] tr[data-model="${V2_MODEL}"] td`, (tds) => tds.map((t) => t.textContent));
      assert.deepEqual(row.slice(0, 2), ['750', '938']);
      assert.equal(await page.locator('[data-testid="answer-stats-categories"] tr[data-category]').count(), 2);
      if (width === 1280) await shot(page, 'answers-only-stats-1280');
      else await shot(page, 'answers-only-stats-390');
      assert.deepEqual(errors, [], describeErrors(errors));
    } finally { await context.close(); }
  }
  // The leaderboard and judges pages: nothing to score, with a link to compare that keeps the data.
  for (const view of ['', 'judges']) {
    const { page, context, errors } = await openPage(browser, `?${new URLSearchParams({ data: V2_DATA, ...(view ? { view } : {}) })}`);
    try {
      await page.waitForSelector('[data-testid="nothing-to-score"]', { timeout: 60_000 });
      assert.match(await page.innerText('[data-testid="nothing-to-score"]'), /one model's answers to 750 prompts but no verdicts .* nothing to score/);
      assert.equal(await page.locator('[data-testid="compute-error"]').count(), 0);
      if (!view) await shot(page, 'answers-only-leaderboard-1280');
      await page.click('[data-testid="to-compare"]');
      await waitForPrompt(page);
      const params = new URL(page.url()).searchParams;
      assert.deepEqual([params.get('view'), params.get('data')], ['compare', V2_DATA]);
      assert.deepEqual(errors, [], describeErrors(errors));
    } finally { await context.close(); }
  }
});

sharedTest('axe: the unjudged and answers-only compare views (stats tab too) at 1280 and 390 px have no violations', { needs: ['fulltext-10-prompts', 'arena-hard-v2.0-sample'] }, async () => {
  const views = [
    compareUrl({ data: TWO_JUDGES_DATA, a: JUDGED, b: UNJUDGED }),
    compareUrl({ data: V2_DATA }),
    compareUrl({ data: V2_DATA, tab: 'stats' }),
  ];
  for (const url of views) {
    for (const width of [1280, 390]) {
      const { page, context } = await openPageBypassingCsp(browser, url, { viewport: { width, height: 900 } });
      try {
        await page.waitForSelector('[data-testid="pair-summary"]', { timeout: 60_000 });
        await page.waitForFunction(() => !document.querySelector('[data-testid="text-loading"], [data-testid="texts-progress"]'), null, { timeout: 60_000 });
        const violations = await runAxe(page);
        assert.deepEqual(violations.map((v) => v.id), [], `${url} at ${width} px:\n${describeViolations(violations)}`);
      } finally { await context.close(); }
    }
  }
});
