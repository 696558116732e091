// The third demo data set: the synthetic MT-Bench llm_judge folder (data/demo-mt-bench/, written by
// scripts/build.sh with `arena-lens demo --mt-bench`), opened from the data picker's link. Its
// leaderboard equals `arena-lens leaderboard --json` on the same folder to 1e-9 (mt-bench method,
// pairwise-all and pairwise-baseline mode); compare shows both turns, the reference answer, both
// games' judge texts and the single grades; the clusters page, grouped by the MT-Bench category,
// shows the planted math specialist (abacus-34b) high on math and low on writing, with the same
// numbers as `arena-lens clusters --label category --json`. Screenshots at 1280 and 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { REPO_ROOT, launchBrowser, openPage, screenshot, runCli, describeErrors } from './helpers.mjs';

const MTB = path.join(REPO_ROOT, 'crates', 'web', 'public', 'data', 'demo-mt-bench');
const BENCH = path.join(MTB, 'mt-bench-demo');
const URL_ = '?data=data/demo-mt-bench/';
const TABLE = 'table[data-testid="leaderboard"]';
const ROWS = `${TABLE} tbody tr[data-model]`;
// The planted models and the anchor every pairwise-all row has as model_1 (crates/demo mt_models.rs).
const ANCHOR = 'lark-13b-chat';
const SPECIALIST = 'abacus-34b';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const readJsonl = (f) => readFileSync(f, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
/** Text as a reader sees it: markdown marks dropped, white space collapsed. */
const plain = (t) => String(t).replace(/[*_#`>|\\]/g, '').replace(/\s+/g, ' ').trim();
const snip = (t) => plain(t).slice(0, 40);

/** Waits for `n` rows and returns them as {model: {score, lower, upper, rank, figures}}. */
async function readTable(page, n) {
  await page.waitForFunction(([sel, k]) => document.querySelectorAll(sel).length === k, [ROWS, n], { timeout: 120_000 });
  return page.$$eval(ROWS, (trs) => Object.fromEntries(trs.map((tr) => [tr.dataset.model, {
    score: Number(tr.dataset.score), lower: Number(tr.dataset.lower), upper: Number(tr.dataset.upper), rank: Number(tr.dataset.rank),
    figures: Object.fromEntries([...tr.querySelectorAll('td[data-figure]')].map((td) => [td.dataset.figure, td.dataset.value === '' ? null : Number(td.dataset.value)])),
  }])));
}

/** The table equals the CLI's JSON (reference: `arena-lens leaderboard DIR --json`): models,
 * score, interval, rank and every numeric figure, to 1e-9 relative. */
function assertMatchesCli(table, json, what) {
  const close = (x, ref) => Math.abs(x - ref) <= 1e-9 * Math.max(1, Math.abs(ref));
  assert.deepEqual(Object.keys(table).sort(), json.models.map((m) => m.model).sort(), `${what}: same models`);
  const core = new Set(['model', 'score', 'lower', 'upper', 'rank_ub', 'battles', 'avg_tokens', 'estimate']);
  for (const m of json.models) {
    const row = table[m.model];
    for (const k of ['score', 'lower', 'upper']) assert.ok(close(row[k], m[k]), `${what}: ${m.model} ${k} ${row[k]} vs CLI ${m[k]}`);
    assert.equal(row.rank, m.rank_ub, `${what}: ${m.model} rank`);
    for (const [k, v] of Object.entries(m)) {
      if (core.has(k) || typeof v !== 'number') continue;
      assert.ok(k in row.figures, `${what}: ${m.model} shows ${k}`);
      assert.ok(close(row.figures[k], v), `${what}: ${m.model} ${k} ${row.figures[k]} vs CLI ${v}`);
    }
  }
}

test('the data picker opens the MT-Bench demo; its leaderboard equals the CLI to 1e-9, pairwise-all and against a baseline', { timeout: 400_000 }, async () => {
  const all = runCli(['leaderboard', MTB]);
  const base = runCli(['leaderboard', MTB, '--baseline', ANCHOR]);
  assert.equal(all.method, 'mt-bench');
  assert.equal(all.models.length, 7);
  assert.equal(base.models.length, 6);
  const { page, context, errors } = await openPage(browser, '');
  try {
    // The default view is the Arena-Hard demo; the picker's link opens the MT-Bench set.
    await page.waitForSelector(ROWS, { timeout: 60_000 });
    await Promise.all([page.waitForURL(/data=data\/demo-mt-bench\//), page.click('[data-testid="demo-mt-bench-link"]')]);
    assertMatchesCli(await readTable(page, all.models.length), all, 'pairwise-all');
    assert.equal(await page.inputValue('select[data-testid="method-select"]'), 'mt-bench');
    await screenshot(page, 'demo-mt-bench-leaderboard-1280');
    await page.selectOption('select[data-testid="baseline"]', ANCHOR);
    await page.waitForFunction((b) => new URLSearchParams(location.search).get('baseline') === b, ANCHOR);
    assertMatchesCli(await readTable(page, base.models.length), base, `baseline ${ANCHOR}`);
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally { await context.close(); }

  const small = await openPage(browser, URL_, { viewport: { width: 390, height: 900 } });
  try {
    assertMatchesCli(await readTable(small.page, all.models.length), all, 'pairwise-all @390');
    await screenshot(small.page, 'demo-mt-bench-leaderboard-390');
    assert.deepEqual(small.errors, [], describeErrors(small.errors));
  } finally { await small.context.close(); }
});

test('compare shows both turns, the reference answer, both games\' judgments and the grades', { timeout: 400_000 }, async () => {
  const q = readJsonl(path.join(BENCH, 'question.jsonl')).find((x) => x.category === 'math');
  const ref = readJsonl(path.join(BENCH, 'reference_answer', 'gpt-4.jsonl')).find((x) => x.question_id === q.question_id);
  const pairRow = readJsonl(path.join(BENCH, 'model_judgment', 'gpt-4_pair.jsonl'))
    .find((x) => x.question_id === q.question_id && x.turn === 1 && x.model_1 === ANCHOR && x.model_2 === SPECIALIST);
  const answers = Object.fromEntries([ANCHOR, SPECIALIST].map((m) => [m,
    readJsonl(path.join(BENCH, 'model_answer', `${m}.jsonl`)).find((x) => x.question_id === q.question_id).choices[0].turns]));
  const grades = readJsonl(path.join(BENCH, 'model_judgment', 'gpt-4_single.jsonl'))
    .filter((x) => x.question_id === q.question_id && (x.model === ANCHOR || x.model === SPECIALIST));
  assert.ok(ref && pairRow && grades.length === 4);
  for (const width of [1280, 390]) {
    const { page, context, errors } = await openPage(browser,
      `${URL_}&view=compare&a=${ANCHOR}&b=${SPECIALIST}&prompt=${q.question_id}`, { viewport: { width, height: 900 } });
    try {
      await page.waitForSelector(`[data-testid="prompt"][data-question-id="${q.question_id}"]`, { timeout: 90_000 });
      await page.waitForSelector('[data-testid="answer-b"]', { timeout: 60_000 });
      const prompt = await page.textContent('[data-testid="prompt"]');
      for (const t of q.turns) assert.ok(plain(prompt).includes(snip(t)), `prompt turn: ${snip(t)}`);
      for (const [side, m] of [['a', ANCHOR], ['b', SPECIALIST]]) {
        const text = plain(await page.textContent(`[data-testid="answer-${side}"]`));
        assert.equal((text.match(/Assistant, turn \d/g) ?? []).length, 2, `${m}: two turns`);
        for (const t of answers[m]) assert.ok(text.includes(snip(t).slice(0, 25)), `${m}: ${snip(t)}`);
      }
      for (const g of [1, 2]) {
        const text = plain(await page.$eval(`[data-testid="judgment-game-${g}"]`, (e) => e.textContent));
        assert.ok(text.includes(snip(pairRow[`g${g}_judgment`])), `game ${g} judge text`);
      }
      const refText = plain(await page.textContent('[data-testid="reference-answers"]'));
      for (const t of ref.choices[0].turns) assert.ok(refText.includes(snip(t).slice(0, 30)), `reference turn: ${snip(t)}`);
      const shown = await page.$$eval('[data-testid="grade"]', (gs) => gs.map((g) => ({ ...g.dataset })));
      const want = [ANCHOR, SPECIALIST].flatMap((m) => grades.filter((g) => g.model === m).sort((x, y) => x.turn - y.turn));
      assert.deepEqual(shown.map((g) => [g.model, Number(g.turn), g.score === '' ? -1 : Number(g.score)]),
        want.map((g) => [g.model, g.turn, g.score]));
      await screenshot(page, `demo-mt-bench-compare-${width}`);
      assert.deepEqual(errors, [], describeErrors(errors));
    } finally { await context.close(); }
  }
});

test('clusters grouped by MT-Bench category show the math specialist high on math and low on writing', { timeout: 400_000 }, async () => {
  // Reference: the CLI on the same folder; the page's cells print the rate to 2 decimals.
  const cli = runCli(['clusters', MTB, '--label', 'category']);
  const rate = (c, m) => cli.clusters.find((x) => x.cluster === c).models.find((x) => x.model === m).win_rate;
  assert.ok(rate('math', SPECIALIST) - rate('writing', SPECIALIST) > 50, 'the planted effect is in the CLI numbers');
  for (const width of [1280, 390]) {
    const { page, context, errors } = await openPage(browser, `${URL_}&view=clusters`, { viewport: { width, height: 900 } });
    try {
      const field = 'select[data-testid="label-field"]';
      await page.waitForSelector(field, { timeout: 90_000 });
      const options = await page.$$eval(`${field} option`, (os) => os.map((o) => [o.value, o.textContent]));
      assert.ok(options.some(([v, t]) => v === 'category' && t === 'Data labels: MT-Bench category'), JSON.stringify(options));
      await page.selectOption(field, 'category');
      await page.waitForFunction(() => new URLSearchParams(location.search).get('label') === 'category');
      await page.waitForSelector('[data-testid="cluster-heatmap"] td[data-rate]', { timeout: 90_000 });
      await page.waitForSelector('[data-testid="cluster-table"] tbody tr[data-cluster]');
      const groups = await page.$$eval('[data-testid="cluster-table"] tbody tr[data-cluster]', (t) => t.map((x) => x.dataset.cluster).sort());
      assert.deepEqual(groups, ['coding', 'extraction', 'humanities', 'math', 'reasoning', 'roleplay', 'stem', 'writing']);
      const cells = await page.$$eval('[data-testid="cluster-heatmap"] td[data-rate]',
        (tds) => tds.map((td) => [td.dataset.cluster, td.dataset.model, Number(td.dataset.rate)]));
      assert.equal(cells.length, cli.clusters.reduce((n, c) => n + c.models.length, 0), 'one cell per group and model');
      for (const [c, m, r] of cells) assert.ok(Math.abs(r - rate(c, m)) <= 0.005 + 1e-9, `${m} on ${c}: ${r} vs CLI ${rate(c, m)}`);
      const cell = (c) => cells.find(([cc, m]) => cc === c && m === SPECIALIST)[2];
      // The specialist is the best model on math and the worst on writing.
      const on = (c) => cells.filter(([cc]) => cc === c).map(([, , r]) => r);
      assert.equal(cell('math'), Math.max(...on('math')));
      assert.equal(cell('writing'), Math.min(...on('writing')));
      await screenshot(page, `demo-mt-bench-clusters-${width}`);
      assert.deepEqual(errors, [], describeErrors(errors));
    } finally { await context.close(); }
  }
});
