// A leaderboard for any selection of prompts (issue 14, item 5): a box dragged on the clusters
// page's prompt map selects prompts; their leaderboard, intervals included, equals
// `arena-lens leaderboard --prompts FILE` on the same ids to 1e-9; the selection lives in the link
// (`pids`, compactly encoded), so the link reopens it; "all prompts matching this search" does the
// same with `--search`. Screenshots at 1280 and 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { REPO_ROOT, RESULTS_DIR, launchBrowser, openPage, screenshot, runCli, describeErrors } from './helpers.mjs';

const DEMO = path.join(REPO_ROOT, 'crates', 'web', 'public', 'data', 'demo');
const ROWS = 'table[data-testid="leaderboard"] tbody tr[data-model]';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

async function readTable(page) {
  await page.waitForSelector(ROWS, { timeout: 60_000 });
  return page.$$eval(ROWS, (trs) => Object.fromEntries(trs.map((tr) => [tr.dataset.model,
    { score: Number(tr.dataset.score), lower: Number(tr.dataset.lower), upper: Number(tr.dataset.upper) }])));
}

function assertMatchesCli(table, json, what) {
  assert.equal(Object.keys(table).length, json.models.length, `${what}: one row per model`);
  for (const m of json.models) {
    for (const k of ['score', 'lower', 'upper']) {
      assert.ok(Math.abs(table[m.model][k] - m[k]) <= 1e-9, `${what}: ${m.model} ${k} ${table[m.model][k]} vs CLI ${m[k]}`);
    }
  }
}

/** Drags a box over the middle of the prompt map, from (fx0, fy0) to (fx1, fy1) of its size. */
async function dragBox(page, [fx0, fy0, fx1, fy1]) {
  const canvas = page.locator('[data-testid="prompt-map"]');
  await canvas.scrollIntoViewIfNeeded();
  const b = await canvas.boundingBox();
  await page.mouse.move(b.x + b.width * fx0, b.y + b.height * fy0);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width * fx1, b.y + b.height * fy1, { steps: 8 });
  await page.mouse.up();
}

test('a box on the prompt map gives the leaderboard of `--prompts FILE` on the same ids, and the link reopens it', async () => {
  const { page, context, errors } = await openPage(browser, '?view=clusters&label=computed&ck=12', { viewport: { width: 1280, height: 900 } });
  try {
    await page.waitForSelector('[data-testid="prompt-map"]', { timeout: 120_000 });
    await page.waitForSelector('[data-testid="cluster-done"]', { timeout: 120_000 });
    await dragBox(page, [0.2, 0.2, 0.75, 0.8]);
    await page.waitForFunction(() => new URLSearchParams(location.search).has('pids'), null, { timeout: 10_000 });
    const ids = (await page.inputValue('[data-testid="selection-ids"]')).split('\n').filter(Boolean);
    assert.ok(ids.length >= 20 && ids.length < 500, `${ids.length} prompts in the box`);
    assert.match(await page.textContent('[data-testid="selection-status"]'), new RegExp(`^${ids.length} of 500 prompts selected`));
    // The link is short: a box of hundreds of 32-hex-digit ids is a few hundred characters.
    const pids = new URL(page.url()).searchParams.get('pids');
    assert.ok(pids.length < 120, `pids is ${pids.length} characters`);
    await page.locator('[data-testid="selection-card"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'selection-map-1280');

    mkdirSync(RESULTS_DIR, { recursive: true });
    const file = path.join(RESULTS_DIR, 'selection-ids.txt');
    writeFileSync(file, ids.join('\n') + '\n');
    const json = runCli(['leaderboard', DEMO, '--judge', 'judge-atlas', '--prompts', file]);

    await Promise.all([
      page.waitForFunction(() => !new URLSearchParams(location.search).has('view')),
      page.click('[data-testid="selection-leaderboard"]'),
    ]);
    const table = await readTable(page);
    assertMatchesCli(table, json, 'box selection');
    assert.match(await page.textContent('[data-testid="subset-status"]'), new RegExp(`^Scoring ${ids.length} of 500 prompts: selected prompts`));
    // Its own numbers, not the full leaderboard's.
    const all = runCli(['leaderboard', DEMO, '--judge', 'judge-atlas']);
    assert.ok(all.models.some((m) => Math.abs(table[m.model].score - m.score) > 1e-6), 'the selection changes the scores');
    await screenshot(page, 'selection-leaderboard-1280');
    const link = page.url();
    assert.deepEqual(errors, [], describeErrors(errors));

    // The link alone reopens the same selection: the same leaderboard, and on the clusters page the same ids.
    for (const width of [1280, 390]) {
      const again = await openPage(browser, link, { viewport: { width, height: 900 } });
      try {
        assertMatchesCli(await readTable(again.page), json, `reopened @${width}`);
        if (width === 390) await screenshot(again.page, 'selection-leaderboard-390');
        const clusters = new URL(link);
        clusters.searchParams.set('view', 'clusters');
        clusters.searchParams.set('label', 'computed');
        clusters.searchParams.set('ck', '12');
        await again.page.goto(clusters.href);
        await again.page.waitForSelector('[data-testid="selection-ids"]', { state: 'attached', timeout: 60_000 });
        const back = (await again.page.inputValue('[data-testid="selection-ids"]')).split('\n').filter(Boolean);
        assert.deepEqual(back, ids);
        if (width === 390) {
          await again.page.waitForSelector('[data-testid="prompt-map"]', { timeout: 120_000 });
          await again.page.locator('[data-testid="prompt-map"]').scrollIntoViewIfNeeded();
          await screenshot(again.page, 'selection-map-390');
        }
        assert.deepEqual(again.errors, [], describeErrors(again.errors));
      } finally { await again.context.close(); }
    }
  } finally { await context.close(); }
});

test('"all prompts matching this search" gives the leaderboard of `--search TEXT`', async () => {
  const { page, context, errors } = await openPage(browser, '?view=clusters', { viewport: { width: 1280, height: 900 } });
  try {
    await page.waitForSelector('[data-testid="map-search"]', { timeout: 60_000 });
    await page.fill('[data-testid="map-search"]', 'compare');
    await page.press('[data-testid="map-search"]', 'Enter');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('search') === 'compare');
    const ids = (await page.inputValue('[data-testid="selection-ids"]')).split('\n').filter(Boolean);
    assert.ok(ids.length > 10, `${ids.length} prompts match`);
    const json = runCli(['leaderboard', DEMO, '--judge', 'judge-atlas', '--search', 'compare']);
    await page.click('[data-testid="selection-leaderboard"]');
    assertMatchesCli(await readTable(page), json, 'search');
    assert.match(await page.textContent('[data-testid="subset-status"]'), new RegExp(`^Scoring ${ids.length} of 500 prompts: prompts matching "compare"`));
    // The Arena-Hard demo has no criteria tags, and the bar says so rather than hiding the slices.
    assert.match(await page.textContent('[data-testid="subset-no-criteria"]'), /no criteria tags/);
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally { await context.close(); }
});
