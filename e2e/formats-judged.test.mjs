// Issue 12 "Pages": the site on MT-Bench, AlpacaEval and WildBench. Each real ../shared set opens
// with `?data=` (a folder through a manifest written beside the site under dist/e2e/, a file
// directly): the leaderboard's scores, intervals, ranks and every figure equal the CLI's `--json`
// to 1e-9 (reference: `arena-lens leaderboard <same path> --json`), the controls the format's method
// does not read are disabled with the reason as their title, compare shows what each format holds
// (both turns, both games' judge texts, reference answers, single grades, AlpacaEval's raw
// completion), and clusters group by the format's own label. Screenshots at 1280 and 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { DATA_URL, DATA_DIR, launchBrowser, openPage, screenshot, runCli, describeErrors, sharedTest } from './helpers.mjs';
import { MTB, ALPACA, WB_SCORE, WB_TABLE, WB_PAIR, HAIKU, DIST_E2E, prepareJudgedFormats } from './formats-judged-data.mjs';

const TABLE = 'table[data-testid="leaderboard"]';

let browser;
before(async () => {
  browser = await launchBrowser();
  prepareJudgedFormats();
});
after(async () => { await browser?.close(); });

/** Rows of the main table as {model: {score, lower, upper, rank, figures}}. */
async function readTable(page) {
  await page.waitForSelector(`${TABLE} tbody tr[data-model]`, { timeout: 90_000 });
  return page.$$eval(`${TABLE} tbody tr[data-model]`, (trs) => Object.fromEntries(trs.map((tr) => [tr.dataset.model, {
    score: Number(tr.dataset.score), lower: Number(tr.dataset.lower), upper: Number(tr.dataset.upper), rank: Number(tr.dataset.rank),
    figures: Object.fromEntries([...tr.querySelectorAll('td[data-figure]')].map((td) => [td.dataset.figure, td.dataset.value === '' ? null : Number(td.dataset.value)])),
  }])));
}

const close = (x, ref, tol) => Math.abs(x - ref) <= tol * Math.max(1, Math.abs(ref));
/** The table equals the CLI's JSON: models, score, interval, rank and every flattened figure. */
function assertMatchesCli(table, json, what, tol = 1e-9) {
  assert.deepEqual(Object.keys(table).sort(), json.models.map((m) => m.model).sort(), `${what}: same models`);
  const core = new Set(['model', 'score', 'lower', 'upper', 'rank_ub', 'battles', 'avg_tokens', 'estimate']);
  const figures = [...new Set(json.models.flatMap((m) => Object.keys(m).filter((k) => !core.has(k) && typeof m[k] === 'number')))].sort();
  for (const m of json.models) {
    const row = table[m.model];
    for (const k of ['score', 'lower', 'upper']) assert.ok(close(row[k], m[k], tol), `${what}: ${m.model} ${k} ${row[k]} vs CLI ${m[k]}`);
    assert.equal(row.rank, m.rank_ub, `${what}: ${m.model} rank`);
    // Every figure any model has is a column; a model without it shows an empty cell.
    assert.deepEqual(Object.keys(row.figures).sort(), figures, `${what}: ${m.model} figure columns`);
    for (const k of figures) {
      if (k in m) assert.ok(close(row.figures[k], m[k], tol), `${what}: ${m.model} ${k} ${row.figures[k]} vs CLI ${m[k]}`);
      else assert.equal(row.figures[k], null, `${what}: ${m.model} has no ${k}`);
    }
  }
}

/** The controls the method does not read are disabled, each with a title saying why. */
async function assertUnusedControlsOff(page, { baseline }) {
  const state = (sel) => page.$eval(sel, (e) => ({ disabled: e.disabled, title: e.closest('label').title }));
  for (const sel of ['input[data-testid="weight"]', 'input[data-testid="first-game"]', 'select[data-testid="unit"]', 'input[data-testid="rounds"]', 'input[data-testid="seed"]']) {
    const s = await state(sel);
    assert.ok(s.disabled, `${sel} is disabled`);
    assert.match(s.title, /^Not used by the [a-z-]+ method: /, `${sel} title`);
  }
  const b = await state('select[data-testid="baseline"]');
  assert.equal(b.disabled, !baseline, `baseline select disabled: ${b.disabled}`);
  if (!baseline) assert.match(b.title, /Not used by the/);
}

/** On the clusters page, groups by the data's own label field and returns the groups. */
async function groupByLabel(page, label) {
  const field = 'select[data-testid="label-field"]';
  await page.waitForSelector(field, { timeout: 90_000 });
  const options = await page.$$eval(`${field} option`, (os) => os.map((o) => [o.value, o.textContent]));
  assert.ok(options.some(([v, t]) => v === 'category' && t === `Data labels: ${label}`), JSON.stringify(options));
  await page.selectOption(field, 'category');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('label') === 'category');
  await page.waitForSelector('[data-testid="cluster-table"] tbody tr[data-cluster]', { timeout: 90_000 });
  return page.$$eval('[data-testid="cluster-table"] tbody tr[data-cluster]', (t) => t.map((x) => x.dataset.cluster).sort());
}

/** Text as a reader sees it: markdown marks dropped, white space collapsed (the page renders
 * answers as markdown, so `**bold**` shows as bold). */
const plain = (t) => String(t).replace(/[*_#`>|\\]/g, '').replace(/\s+/g, ' ').trim();
const readJsonl = (f) => readFileSync(f, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));

sharedTest('MT-Bench: leaderboard equals the CLI, compare shows both turns, both games, the reference and the grades, clusters by category', { needs: [MTB], timeout: 400_000 }, async () => {
  const url = '?data=e2e/mt-bench/';
  const json = runCli(['leaderboard', path.join(DATA_DIR, MTB)]);
  assert.equal(json.method, 'mt-bench');
  const bench = path.join(DATA_DIR, MTB, 'mt_bench');
  const q = readJsonl(path.join(bench, 'question.jsonl')).find((x) => x.question_id === 101);
  const ref = readJsonl(path.join(bench, 'reference_answer', 'gpt-4.jsonl')).find((x) => x.question_id === 101);
  const pairRow = readJsonl(path.join(bench, 'model_judgment', 'gpt-4_pair.jsonl')).find((x) => x.question_id === 101 && x.turn === 1);
  const answers = Object.fromEntries(['phi-3', 'phi-3-dpo'].map((m) => [m, readJsonl(path.join(bench, 'model_answer', `${m}.jsonl`)).find((x) => x.question_id === 101).choices[0].turns]));
  const grades = readJsonl(path.join(bench, 'model_judgment', 'gpt-4_single.jsonl')).filter((x) => x.question_id === 101);
  const snip = (t) => plain(t).slice(0, 40);
  for (const width of [1280, 390]) {
    const { page, context, errors } = await openPage(browser, url, { viewport: { width, height: 900 } });
    try {
      assertMatchesCli(await readTable(page), json, `mt-bench @${width}`);
      assert.equal(await page.inputValue('select[data-testid="method-select"]'), 'mt-bench');
      await assertUnusedControlsOff(page, { baseline: true });
      await screenshot(page, `formats-mtbench-leaderboard-${width}`);

      await page.goto(new URL(`${url}&view=compare&a=phi-3&b=phi-3-dpo&prompt=101`, page.url()).href);
      await page.waitForSelector('[data-testid="prompt"][data-question-id="101"]', { timeout: 90_000 });
      await page.waitForSelector('[data-testid="answer-b"]', { timeout: 60_000 });
      const prompt = (await page.textContent('[data-testid="prompt"]'));
      for (const t of q.turns) assert.ok(prompt.includes(snip(t)), `prompt turn: ${snip(t)}`);
      for (const [side, m] of [['a', 'phi-3'], ['b', 'phi-3-dpo']]) {
        const text = plain(await page.textContent(`[data-testid="answer-${side}"]`));
        assert.equal((text.match(/Assistant, turn \d/g) ?? []).length, 2, `${m}: two turns`);
        assert.ok(text.includes(snip(answers[m][1]).slice(0, 25)), `${m}: turn 2 shown`);
      }
      // Both games' judge texts (game 2 is behind its tab, in the page all the same).
      for (const g of [1, 2]) {
        const text = plain(await page.$eval(`[data-testid="judgment-game-${g}"]`, (e) => e.textContent));
        assert.ok(text.includes(snip(pairRow[`g${g}_judgment`])), `game ${g} judge text`);
      }
      const refText = plain(await page.textContent('[data-testid="reference-answers"]'));
      for (const t of ref.choices[0].turns) assert.ok(refText.includes(snip(t).slice(0, 30)), `reference turn: ${snip(t)}`);
      const shown = await page.$$eval('[data-testid="grade"]', (gs) => gs.map((g) => ({ ...g.dataset })));
      assert.deepEqual(shown.map((g) => [g.model, Number(g.turn), Number(g.score)]),
        grades.map((g) => [g.model, g.turn, g.score]).sort((x, y) => x[1] - y[1]));
      await screenshot(page, `formats-mtbench-compare-${width}`);
      assert.deepEqual(errors, [], describeErrors(errors));
    } finally { await context.close(); }
  }
  const { page, context, errors } = await openPage(browser, `${url}&view=clusters`, { viewport: { width: 1280, height: 900 } });
  try {
    const cats = [...new Set(readJsonl(path.join(bench, 'question.jsonl')).filter((x) => readJsonl(path.join(bench, 'model_judgment', 'gpt-4_pair.jsonl')).some((p) => p.question_id === x.question_id)).map((x) => x.category))].sort();
    assert.deepEqual(await groupByLabel(page, 'MT-Bench category'), cats);
    await screenshot(page, 'formats-mtbench-clusters-1280');
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally { await context.close(); }
});

sharedTest('AlpacaEval: leaderboard equals the CLI with its figures, compare shows both outputs and the raw completion, clusters by dataset', { needs: [ALPACA], timeout: 400_000 }, async () => {
  const url = '?data=e2e/alpaca/';
  const json = runCli(['leaderboard', path.join(DATA_DIR, ALPACA)]);
  assert.equal(json.method, 'alpaca-eval');
  for (const k of ['standard_error', 'discrete_win_rate', 'lc_score']) assert.ok(k in json.models[0], `CLI prints ${k}`);
  const ann = JSON.parse(readFileSync(path.join(DATA_DIR, ALPACA, 'weighted_alpaca_eval_gpt4_turbo', 'annotations.json'), 'utf8'));
  const item = ann.find((a) => a.raw_completion?.logprobs && a.output_2.length > 80 && a.dataset === 'vicuna');
  const snip = (t) => plain(t).slice(0, 40);
  for (const width of [1280, 390]) {
    const { page, context, errors } = await openPage(browser, url, { viewport: { width, height: 900 } });
    try {
      const table = await readTable(page);
      assertMatchesCli(table, json, `alpaca-eval @${width}`);
      for (const k of ['standard_error', 'discrete_win_rate', 'lc_score']) assert.ok(k in table['alpaca-7b'].figures, `column ${k}`);
      await assertUnusedControlsOff(page, { baseline: false });
      await screenshot(page, `formats-alpaca-leaderboard-${width}`);

      await page.goto(new URL(`${url}&view=compare&a=gpt4_1106_preview&b=alpaca-7b&prompt=${encodeURIComponent(item.instruction)}`, page.url()).href);
      await page.waitForSelector('[data-testid="answer-b"]', { timeout: 90_000 });
      assert.ok(plain(await page.textContent('[data-testid="prompt"]')).includes(snip(item.instruction)));
      assert.ok(plain(await page.textContent('[data-testid="answer-a"]')).includes(snip(item.output_1).slice(0, 25)), 'the reference output');
      assert.ok(plain(await page.textContent('[data-testid="answer-b"]')).includes(snip(item.output_2).slice(0, 25)), 'the model output');
      const judge = (await page.$eval('[data-testid="judgment-game-1"]', (e) => e.textContent)).replace(/\s+/g, ' ');
      // The weighted annotator's raw completion is an object (the judge's first token and its
      // log-probabilities), shown as JSON text: its finish reason and the chosen token are there.
      const raw = item.raw_completion;
      assert.ok(judge.includes(`"finish_reason":"${raw.finish_reason}"`), `raw completion shown: ${judge.slice(0, 300)}`);
      assert.ok(judge.includes(`"token":"${raw.logprobs.content[0].token}"`), 'the chosen token');
      await screenshot(page, `formats-alpaca-compare-${width}`);
      assert.deepEqual(errors, [], describeErrors(errors));
    } finally { await context.close(); }
  }
  const { page, context, errors } = await openPage(browser, `${url}&view=clusters`, { viewport: { width: 1280, height: 900 } });
  try {
    assert.deepEqual(await groupByLabel(page, 'dataset'), [...new Set(ann.map((a) => a.dataset))].sort());
    await screenshot(page, 'formats-alpaca-clusters-1280');
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally { await context.close(); }
});

sharedTest('WildBench score mode: leaderboard equals the CLI, compare shows the answer and the grade with strengths and weaknesses', { needs: [WB_SCORE], timeout: 300_000 }, async () => {
  const file = path.join(DATA_DIR, WB_SCORE);
  const url = `?data=${encodeURIComponent(DATA_URL + WB_SCORE)}`;
  const json = runCli(['leaderboard', file]);
  assert.equal(json.method, 'wildbench');
  const items = JSON.parse(readFileSync(file, 'utf8'));
  const item = items.find((x) => x.model_output && x.model_output.length > 60 && x.parsed_result?.weaknesses);
  const model = json.models[0].model;
  for (const width of [1280, 390]) {
    const { page, context, errors } = await openPage(browser, url, { viewport: { width, height: 900 } });
    try {
      assertMatchesCli(await readTable(page), json, `wildbench @${width}`);
      await assertUnusedControlsOff(page, { baseline: true });
      await screenshot(page, `formats-wbscore-leaderboard-${width}`);
      await page.goto(new URL(`${url}&view=compare&a=${encodeURIComponent(model)}&prompt=${item.session_id}`, page.url()).href);
      await page.waitForSelector('[data-testid="grade"]', { timeout: 90_000 });
      const answer = plain(await page.textContent('[data-testid="answer-a"]'));
      assert.ok(answer.includes(plain(item.model_output).slice(0, 25)), 'the answer');
      const grade = await page.$eval('[data-testid="grade"]', (g) => ({ score: Number(g.dataset.score), text: g.textContent }));
      assert.equal(grade.score, Number(item.score));
      assert.match(grade.text, /strengths: /);
      grade.text = plain(grade.text);
      assert.ok(grade.text.includes(plain(item.parsed_result.weaknesses).slice(0, 30)), 'weaknesses shown');
      await screenshot(page, `formats-wbscore-compare-${width}`);
      assert.deepEqual(errors, [], describeErrors(errors));
    } finally { await context.close(); }
  }
});

sharedTest('WildBench published pairwise table opens as a scores-only leaderboard equal to the CLI', { needs: [WB_TABLE], timeout: 200_000 }, async () => {
  const json = runCli(['leaderboard', path.join(DATA_DIR, WB_TABLE)]);
  for (const width of [1280, 390]) {
    const { page, context, errors } = await openPage(browser, `?data=${encodeURIComponent(DATA_URL + WB_TABLE)}`, { viewport: { width, height: 900 } });
    try {
      const table = await readTable(page);
      assert.deepEqual(Object.keys(table).sort(), json.models.map((m) => m.model).sort());
      for (const m of json.models) assert.ok(close(table[m.model].score, m.score, 1e-9), `${m.model} ${table[m.model].score} vs ${m.score}`);
      await screenshot(page, `formats-wbtable-leaderboard-${width}`);
      assert.deepEqual(errors, [], describeErrors(errors));
    } finally { await context.close(); }
  }
});

test('WildBench pairwise fixture: WB-Reward equals the CLI, compare shows both answers and the judge text as text', { timeout: 200_000 }, async () => {
  const url = `?data=e2e/${WB_PAIR}`;
  const json = runCli(['leaderboard', path.join(DIST_E2E, WB_PAIR)]);
  assert.equal(json.method, 'wildbench');
  for (const width of [1280, 390]) {
    const { page, context, errors } = await openPage(browser, url, { viewport: { width, height: 900 } });
    try {
      assertMatchesCli(await readTable(page), json, `wildbench pairwise @${width}`);
      await screenshot(page, `formats-wbpair-leaderboard-${width}`);
      await page.goto(new URL(`${url}&view=compare&a=${HAIKU}&b=m&prompt=s3`, page.url()).href);
      await page.waitForSelector('[data-testid="judgment-game-1"]', { timeout: 90_000 });
      assert.match(await page.textContent('[data-testid="answer-a"]'), /answer of claude-3-haiku-20240307 on s3/);
      assert.match(await page.textContent('[data-testid="answer-b"]'), /answer of m on s3/);
      const judge = await page.$eval('[data-testid="judgment-game-1"]', (e) => e.textContent);
      assert.match(judge, /analysis of A/);
      assert.match(judge, /A on s3 <b id="wb-injected">bold<\/b>/, 'markup shows as text');
      assert.equal(await page.$$eval('#wb-injected', (e) => e.length), 0);
      await screenshot(page, `formats-wbpair-compare-${width}`);
      assert.deepEqual(errors, [], describeErrors(errors));
    } finally { await context.close(); }
  }
});
