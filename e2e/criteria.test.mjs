// Prompt quality by the seven criteria (issue 14, item 4), on the Arena log demo (data/demo-arena/,
// whose records carry category_tag.criteria_v0.1): "hard prompts only" gives the leaderboard of
// `arena-lens leaderboard --min-criteria 6` to 1e-9, a criterion's slice that of `--criterion`, the
// clusters page ranks groups by mean quality exactly as `arena-lens clusters` does, and data without
// tags says so. Screenshots of the quality colouring at 1280 and 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { REPO_ROOT, launchBrowser, openPage, screenshot, runCli, describeErrors } from './helpers.mjs';

const ARENA = path.join(REPO_ROOT, 'crates', 'web', 'public', 'data', 'demo-arena');
const DATA = 'data/demo-arena/';
const ROWS = 'table[data-testid="leaderboard"] tbody tr[data-model]';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/** The table once it shows `json`'s models and its first model's score (a table computed before a
 * change may have as many rows). */
async function readTable(page, json) {
  const [first] = json.models;
  await page.waitForFunction(([k, m, s]) => document.querySelectorAll('table[data-testid="leaderboard"] tbody tr[data-model]').length === k
    && Math.abs(Number(document.querySelector(`tr[data-model="${CSS.escape(m)}"]`)?.dataset.score) - s) <= 1e-9,
  [json.models.length, first.model, first.score], { timeout: 120_000 });
  return page.$$eval(ROWS, (trs) => Object.fromEntries(trs.map((tr) => [tr.dataset.model,
    { score: Number(tr.dataset.score), lower: Number(tr.dataset.lower), upper: Number(tr.dataset.upper) }])));
}

function assertMatchesCli(table, json, what) {
  for (const m of json.models) {
    for (const k of ['score', 'lower', 'upper']) {
      assert.ok(Math.abs(table[m.model][k] - m[k]) <= 1e-9, `${what}: ${m.model} ${k} ${table[m.model][k]} vs CLI ${m[k]}`);
    }
  }
}

test('"hard prompts only" equals `arena-lens leaderboard --min-criteria 6` to 1e-9, chosen in the page or opened from a link', async () => {
  const json = runCli(['leaderboard', ARENA, '--min-criteria', '6']);
  const full = runCli(['leaderboard', ARENA]);
  const { page, context, errors } = await openPage(browser, `?data=${DATA}`, { viewport: { width: 1280, height: 900 } });
  try {
    await readTable(page, full);
    await page.selectOption('[data-testid="subset-quality"]', 'm:6');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('min_criteria') === '6');
    await page.waitForFunction(() => /hard prompts/.test(document.querySelector('[data-testid="subset-status"]')?.textContent ?? ''));
    const table = await readTable(page, json);
    assertMatchesCli(table, json, 'hard prompts');
    assert.match(await page.textContent('[data-testid="subset-status"]'), /^Scoring [\d,]+ of 20,000 prompts: hard prompts \(criteria score ≥ 6\)/);
    await screenshot(page, 'criteria-hard-leaderboard-1280');
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally { await context.close(); }
  const linked = await openPage(browser, `?data=${DATA}&min_criteria=6`, { viewport: { width: 390, height: 844 } });
  try {
    assertMatchesCli(await readTable(linked.page, json), json, 'hard prompts from a link @390');
    await screenshot(linked.page, 'criteria-hard-leaderboard-390');
    assert.deepEqual(linked.errors, [], describeErrors(linked.errors));
  } finally { await linked.context.close(); }
});

test('one criterion\'s slice equals `--criterion creativity`', async () => {
  const json = runCli(['leaderboard', ARENA, '--criterion', 'creativity']);
  const { page, context, errors } = await openPage(browser, `?data=${DATA}&criterion=creativity`);
  try {
    assertMatchesCli(await readTable(page, json), json, 'creativity');
    assert.match(await page.textContent('[data-testid="subset-status"]'), /creativity prompts/);
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally { await context.close(); }
});

test('the clusters page ranks groups by mean quality as `arena-lens clusters` does, coloured by it', async () => {
  const cli = runCli(['clusters', ARENA, '--label', 'subcategory']);
  assert.equal(cli.criteria_tags, true);
  for (const width of [1280, 390]) {
    const { page, context, errors } = await openPage(browser, `?data=${DATA}&view=clusters&label=subcategory`, { viewport: { width, height: 900 } });
    try {
      await page.waitForSelector('[data-testid="quality-row"]', { timeout: 120_000 });
      const rows = await page.$$eval('[data-testid="quality-row"]', (trs) => trs.map((t) => ({ group: t.dataset.group, mean: Number(t.dataset.mean) })));
      assert.deepEqual(rows.map((r) => r.group), cli.quality.map((q) => q.group), 'the same ranking');
      rows.forEach((r, i) => assert.ok(Math.abs(r.mean - cli.quality[i].mean) <= 1e-9, `${r.group}: ${r.mean} vs ${cli.quality[i].mean}`));
      // Coloured by mean quality: the best and the worst group's cells differ.
      const colours = await page.$$eval('[data-testid="quality-row"] td:nth-child(3)', (tds) => tds.map((t) => getComputedStyle(t).backgroundColor));
      assert.notEqual(colours[0], colours[colours.length - 1]);
      await page.locator('[data-testid="quality-card"]').scrollIntoViewIfNeeded();
      await screenshot(page, `criteria-quality-${width}`);
      if (width === 1280) {
        // The hard-prompts button opens that leaderboard.
        const json = runCli(['leaderboard', ARENA, '--min-criteria', '6']);
        await page.click('[data-testid="quality-hard-leaderboard"]');
        assertMatchesCli(await readTable(page, json), json, 'from the clusters page');
      }
      assert.deepEqual(errors, [], describeErrors(errors));
    } finally { await context.close(); }
  }
});

test('data without criteria tags says so on the clusters page', async () => {
  const { page, context, errors } = await openPage(browser, '?view=clusters');
  try {
    await page.waitForSelector('[data-testid="quality-none"]', { timeout: 60_000 });
    assert.match(await page.textContent('[data-testid="quality-none"]'), /carries no criteria tags/);
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally { await context.close(); }
});
