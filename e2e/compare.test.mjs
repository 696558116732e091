// The compare page in a real browser (issue 4's acceptance list): two models on a prompt with both
// games' judgments and correct labels (real fulltext data), search and the "games disagree" filter
// against sets computed from the files, the paired interval against `arena-lens compare --json`, the
// malicious fixture executing nothing, copy link into a fresh context, the site built and served under
// /sub/, stale links, the keyboard, and screenshots at 1280 and 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, existsSync } from 'node:fs';
import {
  BASE_URL, DATA_URL, DATA_DIR, REPO_ROOT, RESULTS_DIR, launchBrowser, openPage, collectErrors,
  screenshot, runCli, describeErrors, missingShared, sharedTest,
} from './helpers.mjs';
import {
  prepareMalicious, prepareFulltext, loadFulltext, modelResult, gamesDisagree, promptScore,
  readJsonl, MALICIOUS_DATA, FULLTEXT_DATA, FULLTEXT_BASELINE,
} from './compare-data.mjs';

const needData = { needs: ['fulltext-10-prompts'] };
const HAVE_DATA = !missingShared(needData.needs);
const A = 'mistral-7b';
const B = 'dolphin-miner';
const HEX_A = '0x453e587e45fe9737d4bee9cfffdd44e57380eb27-5ml1863';
const HEX_B = '0x4d206c6253d55ba92faa73685ebc99af848c347e-659c05';

let browser;
before(async () => {
  browser = await launchBrowser();
  prepareMalicious();
  if (HAVE_DATA) prepareFulltext();
});
after(async () => { await browser?.close(); });

function compareUrl(params) {
  const q = new URLSearchParams({ view: 'compare', ...params });
  return `?${q.toString().replace(/\+/g, '%20')}`;
}

/** Waits for the compare view to show `prompt` (or any prompt). */
async function waitForPrompt(page, prompt) {
  const sel = prompt ? `[data-testid="prompt"][data-question-id="${cssEscape(prompt)}"]` : '[data-testid="prompt"]';
  await page.waitForSelector(sel, { timeout: 60_000 });
  await waitForTexts(page);
}

/** Waits until the answer and judge texts of slim-loaded data have arrived. */
async function waitForTexts(page) {
  await page.waitForFunction(() => !document.querySelector('[data-testid="text-loading"], [data-testid="texts-progress"]'), null, { timeout: 60_000 });
}

function cssEscape(s) {
  return s.replace(/["\\]/g, '\\$&');
}

/** The ids listed in the prompt list (the current page). */
async function listedIds(page) {
  return page.$$eval('[data-testid="prompt-list"] [data-question-id]', (els) => els.map((e) => e.dataset.questionId));
}

/** Collapses whitespace, for comparing rendered text with source text. */
const squash = (s) => s.replace(/\s+/g, ' ').trim();

/** A plain run of words from markdown text (no markup characters), to look for in the rendered page. */
function plainPhrase(md, min = 30) {
  const m = md.split('\n').map((l) => l.match(/[A-Za-z][A-Za-z ,'-]{30,}[A-Za-z]/)).find(Boolean);
  assert.ok(m, `a plain phrase in ${md.slice(0, 200)}`);
  return squash(m[0]).slice(0, Math.max(min, 60)).trim();
}

sharedTest('fulltext-10-prompts: both answers and both games of both models, with the right labels (1280 and 390 px)', needData, async () => {
  const data = loadFulltext();
  const [ansA, ansB] = [data.answers(A), data.answers(B)];
  const [judA, judB] = [data.judgments(A), data.judgments(B)];
  const q = data.questions[3];
  for (const width of [1280, 390]) {
    const { page, context, errors } = await openPage(browser, compareUrl({ data: FULLTEXT_DATA, a: A, b: B, prompt: q.question_id }), { viewport: { width, height: 900 } });
    try {
      await waitForPrompt(page, q.question_id);
      assert.ok(squash(await page.innerText('[data-testid="prompt"]')).includes(plainPhrase(q.turns[0].content)), 'prompt text');
      for (const [side, model, ans, jud] of [['a', A, ansA, judA], ['b', B, ansB, judB]]) {
        const pane = page.locator(`[data-testid="answer-${side}"]`);
        assert.equal(await pane.getAttribute('data-model'), model);
        assert.ok(squash(await pane.innerText()).includes(plainPhrase(ans[q.question_id])), `answer ${side} text`);
        assert.match(await pane.locator('[data-testid="counts"]').innerText(), /\d+ tokens/);
        const col = page.locator(`[data-testid="verdicts-${side}"]`);
        assert.equal(await col.getAttribute('data-model'), model);
        for (const g of [1, 2]) {
          const game = jud[q.question_id][g - 1];
          const block = col.locator(`[data-testid="judgment-game-${g}"]`);
          assert.equal(await block.getAttribute('data-verdict'), game.score, `${model} game ${g} label`);
          assert.equal(await block.getAttribute('data-result'), modelResult(g, game.score), `${model} game ${g} result`);
          const positions = g === 1
            ? `Game 1 — baseline (${FULLTEXT_BASELINE}) as Assistant A, model (${model}) as Assistant B`
            : `Game 2 — model (${model}) as Assistant A, baseline (${FULLTEXT_BASELINE}) as Assistant B`;
          assert.equal(squash(await block.locator('.positions').textContent()), positions);
          assert.ok(squash(await block.textContent()).includes(plainPhrase(game.judgment)), `${model} game ${g} judge text`);
        }
        // Game 1's text is on screen, game 2's after pressing g.
        assert.ok(await col.locator('[data-testid="judgment-game-1"]').isVisible());
        assert.ok(!(await col.locator('[data-testid="judgment-game-2"]').isVisible()));
      }
      if (width === 1280) await screenshot(page, 'compare-1280');
      else {
        // Stacked on a phone: B's answer below A's, nothing wider than the screen.
        const [ba, bb] = [await page.locator('[data-testid="answer-a"]').boundingBox(), await page.locator('[data-testid="answer-b"]').boundingBox()];
        assert.ok(bb.y >= ba.y + ba.height - 1, `B below A at 390 px (${JSON.stringify([ba, bb])})`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `no horizontal overflow at 390 px (${overflow}px)`);
        await screenshot(page, 'compare-390');
      }
      await page.keyboard.press('g');
      await page.waitForFunction(() => new URLSearchParams(location.search).get('game') === '2');
      for (const side of ['a', 'b']) {
        const col = page.locator(`[data-testid="verdicts-${side}"]`);
        await col.locator('[data-testid="judgment-game-2"]').waitFor({ state: 'visible' });
        assert.ok(!(await col.locator('[data-testid="judgment-game-1"]').isVisible()));
      }
      if (width === 1280) await screenshot(page, 'compare-game2-1280');
      assert.deepEqual(errors, [], describeErrors(errors));
    } finally { await context.close(); }
  }
});

sharedTest('search finds prompts by a phrase (any case); "games disagree" and the outcome filter list exactly the prompts computed from the files', needData, async () => {
  const data = loadFulltext();
  const { page, context, errors } = await openPage(browser, compareUrl({ data: FULLTEXT_DATA, a: A, b: B }));
  try {
    await waitForPrompt(page);
    const all = data.questions.map((q) => q.question_id);
    assert.deepEqual((await listedIds(page)).sort(), [...all].sort());
    assert.equal(await page.innerText('[data-testid="match-count"]'), `${all.length} of ${all.length} prompts`);

    // A phrase from the middle of one prompt, typed in upper case.
    const target = data.questions[6];
    const phrase = target.turns[0].content.match(/[A-Za-z]+ [A-Za-z]+ [A-Za-z]+ [A-Za-z]+/)[0];
    const expected = data.questions.filter((q) => q.turns.some((t) => t.content.toLowerCase().includes(phrase.toLowerCase()))).map((q) => q.question_id);
    assert.ok(expected.includes(target.question_id));
    await page.fill('[data-testid="search"]', phrase.toUpperCase());
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="prompt-list"] [data-question-id]').length === n, expected.length);
    assert.deepEqual((await listedIds(page)).sort(), expected.sort());
    assert.ok(new URL(page.url()).searchParams.get('find'), 'search is in the URL');
    // Opening a found prompt shows it.
    await page.click(`[data-testid="prompt-list"] [data-question-id="${target.question_id}"] button`);
    await waitForPrompt(page, target.question_id);
    await page.fill('[data-testid="search"]', '');

    // "Games disagree", for two pairs of models.
    for (const [a, b] of [[A, B], [HEX_A, HEX_B]]) {
      await page.selectOption('[data-testid="model-a"]', a);
      await page.waitForFunction((m) => new URLSearchParams(location.search).get('a') === m, a);
      await page.selectOption('[data-testid="model-b"]', b);
      await page.waitForFunction((m) => new URLSearchParams(location.search).get('b') === m, b);
      const [ja, jb] = [data.judgments(a), data.judgments(b)];
      const disagree = all.filter((id) => gamesDisagree(ja[id]) || gamesDisagree(jb[id]));
      assert.ok(disagree.length > 0 && disagree.length < all.length, `a discriminating set (${disagree.length})`);
      await page.check('[data-testid="filter-disagree"]');
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="prompt-list"] [data-question-id]').length === n, disagree.length);
      assert.deepEqual((await listedIds(page)).sort(), [...disagree].sort(), `${a} vs ${b}: games disagree`);
      await page.uncheck('[data-testid="filter-disagree"]');
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="prompt-list"] [data-question-id]').length === n, all.length);

      // A beat B: A's prompt score above B's.
      const aBetter = all.filter((id) => promptScore(ja[id]) > promptScore(jb[id]));
      await page.selectOption('[data-testid="filter-outcome"]', 'a');
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="prompt-list"] [data-question-id]').length === n, aBetter.length);
      assert.deepEqual((await listedIds(page)).sort(), [...aBetter].sort(), `${a} beat ${b}`);
      await page.selectOption('[data-testid="filter-outcome"]', '');
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="prompt-list"] [data-question-id]').length === n, all.length);
    }
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally { await context.close(); }
});

sharedTest('the paired table and its interval equal `arena-lens compare --json`; sorting by disagreement', needData, async () => {
  const json = runCli(['compare', path.join(DATA_DIR, 'fulltext-10-prompts'), '--a', A, '--b', B, '--judged-baseline', FULLTEXT_BASELINE, '--seed', '7', '--rounds', '300']);
  const { page, context, errors } = await openPage(browser, compareUrl({ data: FULLTEXT_DATA, a: A, b: B, tab: 'paired', seed: '7', rounds: '300' }));
  try {
    await page.waitForSelector('table[data-testid="paired"] tbody tr[data-question-id]', { timeout: 60_000 });
    const ci = await page.$eval('[data-testid="paired-ci"]', (e) => ({ ...e.dataset }));
    for (const k of ['diff', 'lower', 'upper']) {
      assert.ok(Math.abs(Number(ci[k]) - json.ci[k]) < 1e-9, `${k}: page ${ci[k]} vs CLI ${json.ci[k]}`);
    }
    assert.equal(Number(ci.n), json.ci.n);
    const rows = await page.$$eval('table[data-testid="paired"] tbody tr[data-question-id]', (trs) => trs.map((t) => [t.dataset.questionId, t.dataset.diff]));
    assert.equal(rows.length, json.prompts.length);
    const byId = Object.fromEntries(json.prompts.map((p) => [p.question_id, p.diff]));
    for (const [id, d] of rows) assert.ok(Math.abs(Number(d) - byId[id]) < 1e-12, `${id} diff`);
    await page.click('button.sort[data-sort="diff"]');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('psort') === 'diff');
    const sorted = await page.$$eval('table[data-testid="paired"] tbody tr[data-question-id]', (trs) => trs.map((t) => Math.abs(Number(t.dataset.diff))));
    assert.deepEqual(sorted, [...sorted].sort((x, y) => y - x));
    await screenshot(page, 'compare-paired-1280');
    // A row opens its prompt in the prompt view.
    const first = await page.getAttribute('table[data-testid="paired"] tbody tr[data-question-id]', 'data-question-id');
    await page.click('table[data-testid="paired"] tbody tr[data-question-id] button');
    await waitForPrompt(page, first);
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally { await context.close(); }
});

test('the malicious fixture executes nothing: no __pwned, no dialogs, no remote image, the page stays responsive with a 10 MB answer', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = collectErrors(page);
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  const evil = [];
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (!u.startsWith(BASE_URL)) { evil.push(u); return route.abort(); }
    return route.continue();
  });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const check = async (where) => {
    assert.equal(await page.evaluate(() => typeof window.__pwned), 'undefined', `${where}: window.__pwned`);
    assert.deepEqual(dialogs, [], `${where}: dialogs`);
    const bad = await page.evaluate(() => {
      const out = [];
      for (const el of document.querySelectorAll('main script, main iframe, main img, main svg, main object, main embed, main style, main form, main math, main base, main meta, main details:not(.judge-saw):not(.export-menu)')) out.push(el.outerHTML.slice(0, 120));
      for (const a of document.querySelectorAll('main a[href]')) {
        const h = a.getAttribute('href');
        if (!/^(https?:|mailto:)/i.test(h) && a.closest('.md')) out.push(`href ${h}`);
        if (a.closest('.md') && a.rel !== 'noopener noreferrer') out.push(`rel ${a.rel} on ${h}`);
      }
      for (const el of document.querySelectorAll('main *')) {
        for (const at of el.getAttributeNames()) if (at.startsWith('on')) out.push(`${el.tagName} ${at}`);
      }
      return out;
    });
    assert.deepEqual(bad, [], `${where}: live markup from the data`);
  };
  try {
    await page.goto(new URL(compareUrl({ data: MALICIOUS_DATA, a: 'evil-a', b: 'evil-b', prompt: 'mal-1' }), BASE_URL).href);
    await waitForPrompt(page, 'mal-1');
    // The payloads are on the page, as text.
    assert.match(await page.innerText('[data-testid="answer-a"]'), /<script>window\.__pwned = 'script'/);
    assert.match(await page.innerText('[data-testid="prompt"]'), /<img src=x onerror=/);
    await check('mal-1');
    // Every prompt (j), both games (g), both judges, the markup-named model, the paired table.
    for (let i = 0; i < 4; i++) {
      if (i === 1) {
        // mal-2 has two turns: both user turns in the prompt, both assistant turns in each answer.
        assert.match(await page.innerText('[data-testid="prompt"]'), /User, turn 1[\s\S]*First turn[\s\S]*User, turn 2[\s\S]*Second turn/i);
        assert.match(await page.innerText('[data-testid="answer-b"]'), /Assistant, turn 1[\s\S]*Assistant, turn 2[\s\S]*evil-b turn 2/i);
      }
      for (const g of ['2', '1']) {
        await page.keyboard.press('g');
        await page.waitForFunction((v) => new URLSearchParams(location.search).get('game') === v, g);
        await check(`prompt ${i} game ${g}`);
      }
      const current = await page.getAttribute('[data-testid="prompt"]', 'data-question-id');
      await page.keyboard.press('j');
      if (i < 3) await page.waitForFunction((c) => document.querySelector('[data-testid="prompt"]').dataset.questionId !== c, current);
    }
    await page.click('[data-testid="judge-tabs"] [data-judge="judge-y"]');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('cjudge') === 'judge-y');
    await check('judge-y');
    const evilName = `<img src=x onerror="window.__pwned='model-name'">`;
    await page.click('[data-testid="judge-tabs"] [data-judge="judge-x"]');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('cjudge') === 'judge-x');
    await page.selectOption('[data-testid="model-a"]', evilName);
    await page.waitForFunction((m) => new URLSearchParams(location.search).get('a') === m, evilName);
    assert.equal(await page.getAttribute('[data-testid="answer-a"]', 'data-model'), evilName);
    await check('markup model name');
    await page.click('[data-testid="tab-paired"]');
    await page.waitForSelector('table[data-testid="paired"] tbody tr');
    await check('paired table');

    // The 10 MB answer: cut, and the page answers at once; "Show more" renders four times as much.
    await page.click('[data-testid="tab-prompt"]');
    await page.selectOption('[data-testid="model-a"]', 'evil-a');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('a') === 'evil-a');
    await page.fill('[data-testid="search"]', 'very long answer');
    await page.click('[data-testid="prompt-list"] [data-question-id="mal-big"] button');
    await waitForPrompt(page, 'mal-big');
    const note = page.locator('[data-testid="answer-a"] [data-testid="cut-note"]');
    assert.match(await note.innerText(), /Showing the first \d+ KB of 10\.\d MB/);
    let t0 = Date.now();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
    assert.ok(Date.now() - t0 < 2000, `responsive (${Date.now() - t0} ms to a frame)`);
    await note.locator('button', { hasText: 'Show more' }).click();
    await page.waitForFunction(() => /first 8\d\d KB/.test(document.querySelector('[data-testid="answer-a"] [data-testid="cut-note"]').textContent));
    await page.fill('[data-testid="search"]', '');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="prompt-list"] [data-question-id]').length === 4);
    await page.evaluate(() => document.activeElement?.blur());
    t0 = Date.now();
    await page.keyboard.press('k');
    await page.waitForFunction(() => document.querySelector('[data-testid="prompt"]').dataset.questionId !== 'mal-big');
    assert.ok(Date.now() - t0 < 5000, `navigating away took ${Date.now() - t0} ms`);
    await check('huge answer');
    await screenshot(page, 'compare-malicious-1280');
    assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no CSP violations (nothing even tried)');
    assert.deepEqual(evil, [], 'no request left the site (no remote image)');
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally { await context.close(); }
});

test('copy link → a fresh browser context opens the same prompt, models, game and judge; keyboard j/k/s/g', async () => {
  const origin = new URL(BASE_URL).origin;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await context.newPage();
  const errors = collectErrors(page);
  try {
    await page.goto(new URL(compareUrl({}), BASE_URL).href);
    await waitForPrompt(page);
    await page.selectOption('[data-testid="model-a"]', 'nimbus-large');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('a') === 'nimbus-large');
    await page.selectOption('[data-testid="model-b"]', 'kestrel-7b(chat)');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('b') === 'kestrel-7b(chat)');
    await page.click('[data-testid="judge-tabs"] [data-judge="judge-sage"]');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('cjudge') === 'judge-sage');
    // Keyboard: j twice, k once = the second prompt of the list; s swaps; g switches the game.
    const ids = await listedIds(page);
    await page.keyboard.press('j');
    await waitForPrompt(page, ids[1]);
    await page.keyboard.press('j');
    await waitForPrompt(page, ids[2]);
    await page.keyboard.press('k');
    await waitForPrompt(page, ids[1]);
    await page.keyboard.press('s');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('a') === 'kestrel-7b(chat)');
    assert.equal(await page.getAttribute('[data-testid="answer-a"]', 'data-model'), 'kestrel-7b(chat)');
    assert.equal(await page.getAttribute('[data-testid="answer-b"]', 'data-model'), 'nimbus-large');
    await page.keyboard.press('g');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('game') === '2');
    // Keys typed into the search box are text, not commands.
    await page.fill('[data-testid="search"]', '');
    await page.focus('[data-testid="search"]');
    await page.keyboard.type('sgj');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('find') === 'sgj');
    assert.equal(new URL(page.url()).searchParams.get('game'), '2');
    await page.fill('[data-testid="search"]', '');
    await page.waitForFunction(() => !new URLSearchParams(location.search).get('find'));

    await page.click('[data-testid="copy-link"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="copy-link"]').textContent.includes('Copied'));
    const link = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(link, page.url());
    assert.equal(await page.inputValue('[data-testid="share-url"]'), link);
    const state = async (p) => ({
      prompt: await p.getAttribute('[data-testid="prompt"]', 'data-question-id'),
      a: await p.getAttribute('[data-testid="answer-a"]', 'data-model'),
      b: await p.getAttribute('[data-testid="answer-b"]', 'data-model'),
      judge: await p.getAttribute('[data-testid="judge-tabs"] [aria-selected="true"]', 'data-judge'),
      game: await p.getAttribute('[data-testid="game-tabs"] [aria-selected="true"]', 'data-game'),
      game2Visible: await p.locator('[data-testid="verdicts-a"] [data-testid="judgment-game-2"]').isVisible(),
      judgeText: squash(await p.locator('[data-testid="verdicts-a"] [data-testid="judgment-game-2"]').innerText()),
    });
    const want = await state(page);
    assert.deepEqual([want.prompt, want.a, want.b, want.judge, want.game, want.game2Visible], [ids[1], 'kestrel-7b(chat)', 'nimbus-large', 'judge-sage', '2', true]);
    assert.ok(want.judgeText.length > 100, 'judge-sage has judge texts');
    const fresh = await openPage(browser, link);
    try {
      await waitForPrompt(fresh.page, want.prompt);
      assert.deepEqual(await state(fresh.page), want);
      assert.deepEqual(fresh.errors, [], describeErrors(fresh.errors));
    } finally { await fresh.context.close(); }
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally { await context.close(); }
});

test('a stale link (unknown models, removed prompt, unknown judge) opens the nearest view with a visible note', async () => {
  const { page, context, errors } = await openPage(browser, compareUrl({ a: 'no-such-model', b: 'nimbus-large', prompt: 'removed-prompt', cjudge: 'judge-gone' }));
  try {
    await waitForPrompt(page);
    const note = await page.innerText('[data-testid="note"]');
    assert.match(note, /“no-such-model” is not in this data/);
    assert.match(note, /Prompt “removed-prompt” is not in this data/);
    assert.match(note, /Judge “judge-gone” is not in this data/);
    assert.equal(await page.getAttribute('[data-testid="answer-b"]', 'data-model'), 'nimbus-large');
    assert.notEqual(await page.getAttribute('[data-testid="answer-a"]', 'data-model'), 'nimbus-large');
    const first = (await listedIds(page))[0];
    assert.equal(await page.getAttribute('[data-testid="prompt"]', 'data-question-id'), first);
    // The baseline as one side shows the direct judgments.
    await page.selectOption('[data-testid="model-a"]', 'atlas-base');
    await page.waitForSelector('[data-testid="verdicts-direct"] [data-testid="judgment-game-1"]');
    assert.match(await page.innerText('[data-testid="verdicts-direct"] h3'), /Direct judgments: B \(nimbus-large\) against the baseline atlas-base/);
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally { await context.close(); }
});

const KO_DIR = DATA_DIR ? path.join(DATA_DIR, 'ko-arena-hard-v0.1') : null;
const needKo = { needs: ['fulltext-10-prompts', 'ko-arena-hard-v0.1'] };

sharedTest('Korean: a phrase in Hangul finds exactly the prompts that contain it (ko-arena-hard-v0.1, 76 models)', needKo, async () => {
  const manifest = path.join(REPO_ROOT, 'dist', 'e2e', 'ko', 'manifest.json');
  if (!existsSync(manifest)) {
    runCli(['index', KO_DIR, '--out', manifest, '--base', `${DATA_URL}ko-arena-hard-v0.1/`, '--baseline', 'claude-3.7-sonnet'], { json: false });
  }
  const questions = readJsonl(path.join(KO_DIR, 'question.jsonl'));
  // Three Hangul words as they stand in one prompt, and every prompt that contains them.
  let phrase = null;
  for (const q of questions.slice(40)) {
    const m = q.turns[0].content.match(/[가-힣]{2,} [가-힣]{2,} [가-힣]{2,}/);
    if (!m) continue;
    const hits = questions.filter((x) => x.turns.some((t) => t.content.toLowerCase().includes(m[0].toLowerCase())));
    if (hits.length >= 1 && hits.length <= 20) { phrase = m[0]; break; }
  }
  assert.ok(phrase, 'a Korean phrase');
  const expected = questions.filter((x) => x.turns.some((t) => t.content.toLowerCase().includes(phrase.toLowerCase()))).map((q) => q.question_id);
  const { page, context, errors } = await openPage(browser, compareUrl({ data: 'e2e/ko/' }));
  try {
    await page.waitForSelector('[data-testid="prompt"]', { timeout: 120_000 });
    assert.equal(await page.innerText('[data-testid="match-count"]'), `${questions.length} of ${questions.length} prompts`);
    assert.equal((await listedIds(page)).length, 50, 'a page of 50');
    assert.match(await page.innerText('[data-testid="pager"]'), /Page 1 of 10/);
    await page.fill('[data-testid="search"]', phrase);
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="prompt-list"] [data-question-id]').length === n, expected.length);
    assert.deepEqual((await listedIds(page)).sort(), [...expected].sort());
    assert.equal(new URL(page.url()).searchParams.get('find'), phrase);
    await page.click(`[data-testid="prompt-list"] [data-question-id="${expected[0]}"] button`);
    await waitForPrompt(page, expected[0]);
    assert.ok((await page.innerText('[data-testid="prompt"]')).includes(phrase));
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally { await context.close(); }
});

/** Runs `trunk build --release --offline --public-url /sub/` into `dir`, from crates/web as build.sh does. */
function buildUnderSub(dir) {
  const cargoHome = process.env.CARGO_HOME || path.join(process.env.HOME || '/root', '.cargo');
  const basePath = `${path.join(REPO_ROOT, 'node_modules', '.bin')}:${path.join(cargoHome, 'bin')}:${process.env.PATH}`;
  const res = spawnSync('trunk', ['build', '--release', '--offline', '--public-url', '/sub/', '--dist', dir], {
    cwd: path.join(REPO_ROOT, 'crates', 'web'),
    encoding: 'utf8',
    env: { ...process.env, PATH: basePath },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (res.status !== 0) throw new Error(`trunk build --public-url /sub/ failed:\n${res.stdout}\n${res.stderr}`);
}

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

test('built with --public-url /sub/ and served under /sub/: compare, links and copy link work', async () => {
  const root = path.join(RESULTS_DIR, 'sub-site');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  buildUnderSub(path.join(root, 'sub'));
  const server = await serve(root);
  try {
    const sub = `${server.url}sub/`;
    const { page, context, errors } = await openPage(browser, `${sub}${compareUrl({ a: 'tern-1', b: 'quill-2' })}`);
    try {
      await waitForPrompt(page);
      assert.equal(await page.getAttribute('[data-testid="answer-a"]', 'data-model'), 'tern-1');
      const navHref = await page.getAttribute('[data-testid="nav-leaderboard"]', 'href');
      assert.ok(navHref.startsWith('/sub/'), navHref);
      await page.keyboard.press('j');
      await page.waitForFunction(() => new URLSearchParams(location.search).get('prompt'));
      await page.keyboard.press('g');
      await page.waitForFunction(() => new URLSearchParams(location.search).get('game') === '2');
      const link = await page.inputValue('[data-testid="share-url"]');
      assert.ok(link.startsWith(`${sub}?`), link);
      const prompt = await page.getAttribute('[data-testid="prompt"]', 'data-question-id');
      const fresh = await openPage(browser, link);
      try {
        await waitForPrompt(fresh.page, prompt);
        assert.equal(await fresh.page.getAttribute('[data-testid="game-tabs"] [aria-selected="true"]', 'data-game'), '2');
        assert.equal(await fresh.page.getAttribute('[data-testid="answer-b"]', 'data-model'), 'quill-2');
        assert.deepEqual(fresh.errors, [], describeErrors(fresh.errors));
      } finally { await fresh.context.close(); }
      // The nav goes to the leaderboard and back, staying under /sub/ with the compare keys kept.
      await page.click('[data-testid="nav-leaderboard"]');
      await page.waitForSelector('table[data-testid="leaderboard"] tbody tr[data-model]', { timeout: 60_000 });
      assert.ok(new URL(page.url()).pathname.startsWith('/sub/'), page.url());
      await page.click('[data-testid="nav-compare"]');
      await waitForPrompt(page, prompt);
      assert.deepEqual(errors, [], describeErrors(errors));
    } finally { await context.close(); }
  } finally { server.stop(); }
});
