// Issue 12 "Pages": the site on Chatbot Arena battle logs. GenAI-Arena's real battles (../shared,
// opened with `?data=`) and the project's own chat-log fixture (crates/core/tests/fixtures/arena,
// copied beside the built site under dist/e2e/): leaderboard scores and intervals equal the CLI's
// `--json` to 1e-9 under both arena methods, the method's figures are columns, the score is an Elo
// rating (no %), the method select offers only the methods that fit, compare shows the votes per
// pair or the multi-turn conversations (text, never markup), and clusters group by the log's labels.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { mkdirSync, copyFileSync, writeFileSync } from 'node:fs';
import { DATA_URL, DATA_DIR, REPO_ROOT, launchBrowser, openPage, screenshot, runCli, describeErrors, sharedTest } from './helpers.mjs';

const TABLE = 'table[data-testid="leaderboard"]';
const SELECT = 'select[data-testid="method-select"]';
const GENAI = 'formats/arena_battles/TIGER-AI-Lab__GenAI-Arena/arena_elo/clean_battle_20240220.json';
const FIXTURE = path.join(REPO_ROOT, 'crates', 'core', 'tests', 'fixtures', 'arena', 'chat_battles.jsonl');
const SERVED = path.join(REPO_ROOT, 'dist', 'e2e', 'arena-chat');

let browser;
before(async () => {
  browser = await launchBrowser();
  // The project's own fixture, served beside the site (dist/ is the served root).
  mkdirSync(SERVED, { recursive: true });
  copyFileSync(FIXTURE, path.join(SERVED, 'chat_battles.jsonl'));
  // A hostile chat log: markup in a prompt, an answer and a model name must show as text.
  const conv = (answer) => [
    { role: 'user', content: 'Say <b id="injected-b">bold</b>' },
    { role: 'assistant', content: answer },
    { role: 'user', content: 'Second turn <script>window.__pwned = 1</script>' },
    { role: 'assistant', content: `second ${answer}` },
  ];
  const rows = [
    { question_id: 'h1', model_a: 'm<i>x</i>', model_b: 'plain', winner: 'model_a', anony: true, tstamp: 1, language: 'English', turn: 2,
      conversation_a: conv('<img src=x onerror="window.__pwned=1" id="injected-img">'), conversation_b: conv('fine') },
    { question_id: 'h2', model_a: 'plain', model_b: 'm<i>x</i>', winner: 'tie', anony: true, tstamp: 2, language: 'English', turn: 2,
      conversation_a: conv('a'), conversation_b: conv('b') },
  ];
  writeFileSync(path.join(SERVED, 'hostile.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
});
after(async () => { await browser?.close(); });

/** Rows of the main table as {model: {score, lower, upper, rank, figures}}. */
async function readTable(page) {
  await page.waitForSelector(`${TABLE} tbody tr[data-model]`, { timeout: 60_000 });
  return page.$$eval(`${TABLE} tbody tr[data-model]`, (trs) => Object.fromEntries(trs.map((tr) => [tr.dataset.model, {
    score: Number(tr.dataset.score), lower: Number(tr.dataset.lower), upper: Number(tr.dataset.upper), rank: Number(tr.dataset.rank),
    figures: Object.fromEntries([...tr.querySelectorAll('td[data-figure]')].map((td) => [td.dataset.figure, td.dataset.value === '' ? null : Number(td.dataset.value)])),
  }])));
}

/** Scores, intervals, ranks and every figure of the CLI's JSON, to `tol` relative to max(1, |value|)
 * (reference: the CLI; a variance in squared Elo is ~1e4, so its tolerance scales with it). */
const close = (x, ref, tol) => Math.abs(x - ref) <= tol * Math.max(1, Math.abs(ref));
function assertMatchesCli(table, json, tol, what) {
  assert.deepEqual(Object.keys(table).sort(), json.models.map((m) => m.model).sort(), `${what}: same models`);
  const core = new Set(['model', 'score', 'lower', 'upper', 'rank_ub', 'battles', 'avg_tokens', 'estimate', 'elo', 'elo_lower', 'elo_upper', 'bootstrap_mean', 'bootstrap_var']);
  for (const m of json.models) {
    const row = table[m.model];
    for (const k of ['score', 'lower', 'upper']) {
      assert.ok(close(row[k], m[k], tol), `${what}: ${m.model} ${k} ${row[k]} vs CLI ${m[k]}`);
    }
    assert.equal(row.rank, m.rank_ub, `${what}: ${m.model} rank`);
    // The flattened figures of the JSON are exactly the table's figure columns.
    const figs = Object.keys(m).filter((k) => !core.has(k));
    assert.deepEqual(Object.keys(row.figures).sort(), figs.sort(), `${what}: ${m.model} figure columns`);
    for (const k of figs) assert.ok(close(row.figures[k], m[k], tol), `${what}: ${m.model} ${k} ${row.figures[k]} vs CLI ${m[k]}`);
  }
}

async function methodOptions(page) {
  return page.$$eval(`${SELECT} option`, (os) => os.map((o) => o.value));
}

sharedTest('GenAI-Arena battles: leaderboard equals the CLI under chatbot-arena and arena-rank; figures, Elo scale, compare votes', { needs: [GENAI], timeout: 300_000 }, async () => {
  const file = path.join(DATA_DIR, GENAI);
  const url = `?data=${encodeURIComponent(DATA_URL + GENAI)}`;
  for (const width of [1280, 390]) {
    const { page, context, errors } = await openPage(browser, url, { viewport: { width, height: 900 } });
    try {
      // The log opens with its own method; the select offers only the methods that fit an Arena log.
      const json = runCli(['leaderboard', file]);
      assert.equal(json.method, 'chatbot-arena');
      assertMatchesCli(await readTable(page), json, 1e-9, `chatbot-arena @${width}`);
      assert.equal(await page.inputValue(SELECT), 'chatbot-arena');
      assert.deepEqual(await methodOptions(page), ['chatbot-arena', 'arena-rank']);
      // The score is an Elo rating: headed by the method's score label, no % anywhere in the table head.
      const head = await page.$$eval(`${TABLE} thead th`, (ths) => ths.map((t) => t.textContent.trim()));
      assert.ok(head.some((h) => /^Elo rating/.test(h)), `score header: ${head}`);
      assert.ok(head.some((h) => /^95% CI \(Elo rating\)/.test(h)), `interval header: ${head}`);
      assert.ok(!head.some((h) => /\d%\)$/.test(h)), `no percentage scale on the bar: ${head}`);
      // Figure columns with human headers and an explaining title; no 50% reference mark in the bars.
      const spread = await page.$eval(`${TABLE} thead th[data-figure="rank_spread"]`, (t) => ({ text: t.textContent.trim(), title: t.title }));
      assert.equal(spread.text, 'Rank spread');
      assert.match(spread.title, /Range of ranks consistent with the intervals/);
      assert.equal(await page.$$eval(`${TABLE} .cibar .ref`, (r) => r.length), 0);
      assert.match(await page.textContent('[data-testid="method"]'), /Method chatbot-arena/);
      await screenshot(page, `formats-genai-leaderboard-${width}`);

      // Switch to arena-rank with the select: the link follows, the numbers equal the CLI's again.
      await page.selectOption(SELECT, 'arena-rank');
      await page.waitForFunction(() => new URLSearchParams(location.search).get('method') === 'arena-rank');
      await page.waitForFunction(() => /Method arena-rank/.test(document.querySelector('[data-testid="method"]')?.textContent ?? ''), null, { timeout: 60_000 });
      const rank = runCli(['leaderboard', file, '--method', 'arena-rank']);
      // arena-rank's fit is iterative (stopped at its gradient tolerance), and wasm's exp/ln are not
      // the native libm's: measured 2.5e-8 Elo apart on a bound and 1e-9 relative on a variance, so 1e-6 (relative above 1) here (the printed
      // precision is whole Elo).
      assertMatchesCli(await readTable(page), rank, 1e-6, `arena-rank @${width}`);
      assert.match((await page.$$eval(`${TABLE} thead th`, (ths) => ths.map((t) => t.textContent))).join('|'), /Arena score/);
      await screenshot(page, `formats-genai-arena-rank-${width}`);
      assert.deepEqual(errors, [], describeErrors(errors));
    } finally { await context.close(); }
  }

  // Compare: no conversations in this log, so the votes per model pair, counted as the file holds them.
  const { page, context, errors } = await openPage(browser, `${url}&view=compare`, { viewport: { width: 1280, height: 900 } });
  try {
    await page.waitForSelector('[data-testid="pair-votes"] tbody tr', { timeout: 60_000 });
    const votes = await page.$$eval('[data-testid="pair-votes"] tbody tr', (trs) => trs.map((t) => ({ ...t.dataset })));
    // Reference: the raw rows of the file (every row, anonymous or not, self-battles skipped).
    const { readFileSync } = await import('node:fs');
    const rows = JSON.parse(readFileSync(file, 'utf8')).filter((r) => r.model_a !== r.model_b);
    assert.equal(votes.reduce((s, v) => s + Number(v.total), 0), rows.length);
    const top = votes[0];
    const expect = { a: 0, b: 0, t: 0 };
    for (const r of rows) {
      const fwd = r.model_a === top.a && r.model_b === top.b;
      const back = r.model_a === top.b && r.model_b === top.a;
      if (!fwd && !back) continue;
      if (r.winner.startsWith('tie')) expect.t++;
      else if ((r.winner === 'model_a') === fwd) expect.a++;
      else expect.b++;
    }
    assert.deepEqual([Number(top.aWins), Number(top.bWins), Number(top.ties)], [expect.a, expect.b, expect.t]);
    await screenshot(page, 'formats-genai-compare-1280');
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally { await context.close(); }
});

test('Arena chat-log fixture: leaderboard equals the CLI, compare shows both conversations turn by turn, clusters group by language', { timeout: 240_000 }, async () => {
  const url = '?data=e2e/arena-chat/chat_battles.jsonl';
  const json = runCli(['leaderboard', FIXTURE]);
  for (const width of [1280, 390]) {
    const { page, context, errors } = await openPage(browser, url, { viewport: { width, height: 900 } });
    try {
      assertMatchesCli(await readTable(page), json, 1e-9, `fixture @${width}`);
      await screenshot(page, `formats-chat-leaderboard-${width}`);

      // Compare alpha and beta on q1: two user turns, each model's two assistant turns.
      await page.goto(new URL(`${url}&view=compare&a=alpha&b=beta&prompt=q1`, page.url()).href);
      await page.waitForSelector('[data-testid="prompt"][data-question-id="q1"]', { timeout: 60_000 });
      const prompt = await page.textContent('[data-testid="prompt"]');
      assert.match(prompt, /What is 2\+2\?/);
      assert.match(prompt, /And 3\+3\?/);
      const a = await page.textContent('[data-testid="answer-a"]');
      const b = await page.textContent('[data-testid="answer-b"]');
      // alpha's turns are "4." and "6.", which markdown reads as ordered lists starting at 4 and 6.
      assert.deepEqual(await page.$$eval('[data-testid="answer-a"] ol', (os) => os.map((o) => o.start)), [4, 6]);
      assert.equal((a.match(/Assistant, turn \d/g) ?? []).length, 2);
      assert.match(b, /Four, I think\./); assert.match(b, /Six\./);
      // The votes of the log, with the pair on screen first.
      const first = await page.$eval('[data-testid="pair-votes"] tbody tr', (t) => ({ ...t.dataset }));
      assert.deepEqual([first.a, first.b], ['alpha', 'beta']);
      await screenshot(page, `formats-chat-compare-${width}`);
      assert.deepEqual(errors, [], describeErrors(errors));
    } finally { await context.close(); }
  }

  // Clusters: the label field is offered under the log's own name (language), and grouping by it
  // gives the fixture's languages.
  const { page, context, errors } = await openPage(browser, `${url}&view=clusters`, { viewport: { width: 1280, height: 900 } });
  try {
    const field = 'select[data-testid="label-field"]';
    await page.waitForSelector(field, { timeout: 60_000 });
    const options = await page.$$eval(`${field} option`, (os) => os.map((o) => [o.value, o.textContent]));
    assert.ok(options.some(([v, t]) => v === 'category' && t === 'Data labels: language'), JSON.stringify(options));
    await page.selectOption(field, 'category');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('label') === 'category');
    await page.waitForSelector('[data-testid="cluster-table"] tbody tr[data-cluster]', { timeout: 60_000 });
    const groups = await page.$$eval('[data-testid="cluster-table"] tbody tr[data-cluster]', (t) => t.map((x) => x.dataset.cluster).sort());
    assert.deepEqual(groups, ['English', 'German']);
    await screenshot(page, 'formats-chat-clusters-1280');
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally { await context.close(); }
});

test('a chat log with markup in prompts, answers and model names shows it as text and runs none of it', { timeout: 120_000 }, async () => {
  const { page, context, errors } = await openPage(browser, '?data=e2e/arena-chat/hostile.jsonl&view=compare&a=plain&prompt=h1', { viewport: { width: 1280, height: 900 } });
  try {
    await page.waitForSelector('[data-testid="prompt"][data-question-id="h1"]', { timeout: 60_000 });
    await page.waitForSelector('[data-testid="answer-a"]', { timeout: 60_000 });
    assert.equal(await page.$$eval('#injected-img, #injected-b, [data-testid="answer-a"] img, [data-testid="answer-b"] img', (e) => e.length), 0);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.match(await page.textContent('[data-testid="prompt"]'), /Second turn/);
    assert.ok(await page.$$eval('select option', (os) => os.some((o) => o.textContent.includes('m<i>x</i>'))), 'the model name shows as typed');
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally { await context.close(); }
});
