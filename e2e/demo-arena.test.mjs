// The second demo data set: the synthetic Chatbot Arena battle log (data/demo-arena/, written by
// scripts/build.sh with `arena-lens demo --battles 20000`), opened from the data picker's link. Its
// leaderboard equals `arena-lens leaderboard --json` on the same folder, with the chatbot-arena
// method; the default page stays on the Arena-Hard demo. Under the arena-rank method the style
// select runs the package's contextual Bradley-Terry, equal to `--method arena-rank --style-control`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { REPO_ROOT, launchBrowser, openPage, screenshot, runCli, describeErrors } from './helpers.mjs';

const ARENA = path.join(REPO_ROOT, 'crates', 'web', 'public', 'data', 'demo-arena');
const ROWS = 'table[data-testid="leaderboard"] tbody tr[data-model]';
let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test('the data picker opens the Arena log demo; its leaderboard equals the CLI to 1e-9', async () => {
  const json = runCli(['leaderboard', ARENA]);
  assert.equal(json.method, 'chatbot-arena');
  const { page, context, errors } = await openPage(browser, '');
  try {
    // The default view is the Arena-Hard demo (arena-lens method).
    await page.waitForSelector(ROWS, { timeout: 60_000 });
    assert.equal(await page.inputValue('select[data-testid="method-select"]'), 'arena-lens');
    await Promise.all([page.waitForURL(/data=data\/demo-arena\//), page.click('[data-testid="demo-arena-link"]')]);
    await page.waitForFunction((n) => document.querySelectorAll('table[data-testid="leaderboard"] tbody tr[data-model]').length === n,
      json.models.length, { timeout: 120_000 });
    const table = await page.$$eval(ROWS, (trs) => Object.fromEntries(trs.map((tr) => [tr.dataset.model,
      { score: Number(tr.dataset.score), lower: Number(tr.dataset.lower), upper: Number(tr.dataset.upper) }])));
    for (const m of json.models) {
      for (const k of ['score', 'lower', 'upper']) {
        assert.ok(Math.abs(table[m.model][k] - m[k]) <= 1e-9, `${m.model} ${k} ${table[m.model][k]} vs CLI ${m[k]}`);
      }
    }
    assert.equal(await page.inputValue('select[data-testid="method-select"]'), 'chatbot-arena');
    await screenshot(page, 'demo-arena-leaderboard');
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally { await context.close(); }
});

test('style control under arena-rank equals the CLI to 1e-9; chatbot-arena refuses it', async () => {
  const json = runCli(['leaderboard', ARENA, '--method', 'arena-rank', '--style-control']);
  assert.equal(json.style_control, 'full');
  const { page, context, errors } = await openPage(browser, '?data=data/demo-arena/');
  try {
    await page.waitForSelector(ROWS, { timeout: 120_000 });
    const style = 'select[data-testid="style"]';
    assert.equal(await page.isDisabled(style), false);
    // chatbot-arena (FastChat's Feb 2024 fit) has no style control: the page says where it is.
    await page.selectOption(style, 'full');
    await page.waitForSelector('[data-testid="compute-error"]', { timeout: 60_000 });
    assert.match(await page.textContent('[data-testid="compute-error"]'), /arena-rank method/);
    await page.selectOption('select[data-testid="method-select"]', 'arena-rank');
    if ((await page.inputValue(style)) !== 'full') await page.selectOption(style, 'full');
    await page.waitForSelector('[data-testid="style-coefs"]', { timeout: 120_000 });
    await page.waitForFunction((n) => document.querySelectorAll('table[data-testid="leaderboard"] tbody tr[data-model]').length === n,
      json.models.length, { timeout: 120_000 });
    const table = await page.$$eval(ROWS, (trs) => Object.fromEntries(trs.map((tr) => [tr.dataset.model,
      { score: Number(tr.dataset.score), lower: Number(tr.dataset.lower), upper: Number(tr.dataset.upper) }])));
    for (const m of json.models) {
      for (const k of ['score', 'lower', 'upper']) {
        assert.ok(Math.abs(table[m.model][k] - m[k]) <= 1e-9, `${m.model} ${k} ${table[m.model][k]} vs CLI ${m[k]}`);
      }
    }
    // The coefficients as the page prints them (three decimals, signed).
    const coefs = await page.textContent('[data-testid="style-coefs"]');
    for (const [name, v] of Object.entries(json.style_coefficients)) {
      assert.ok(coefs.includes(`${name} ${v >= 0 ? '+' : ''}${v.toFixed(3)}`), `${name} ${v} not in "${coefs}"`);
    }
    assert.match(page.url(), /style=full/);
    await screenshot(page, 'demo-arena-arena-rank-style');
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally { await context.close(); }
  // The same view on a phone-sized screen.
  const narrow = await openPage(browser, '?data=data/demo-arena/&method=arena-rank&style=full', { viewport: { width: 390, height: 844 } });
  try {
    await narrow.page.waitForSelector('[data-testid="style-coefs"]', { timeout: 120_000 });
    await screenshot(narrow.page, 'demo-arena-arena-rank-style-390');
    assert.deepEqual(narrow.errors, [], describeErrors(narrow.errors));
  } finally { await narrow.context.close(); }
});
