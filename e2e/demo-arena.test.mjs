// The second demo data set: the synthetic Chatbot Arena battle log (data/demo-arena/, written by
// scripts/build.sh with `arena-lens demo --battles 20000`), opened from the data picker's link. Its
// leaderboard equals `arena-lens leaderboard --json` on the same folder, with the chatbot-arena
// method; the default page stays on the Arena-Hard demo.
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
