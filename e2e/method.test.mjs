// The scoring method on every page (issue 10): a labelled select kept in the link, and a method line
// naming the method and its source; the numbers under an anchor method equal the CLI's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { REPO_ROOT, launchBrowser, openPage, screenshot, runCli, describeErrors } from './helpers.mjs';

const DEMO = path.join(REPO_ROOT, 'crates', 'web', 'public', 'data', 'demo');
const TABLE = 'table[data-testid="leaderboard"]';
let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const PAGES = [
  { view: '', line: 'method', name: 'leaderboard' },
  { view: 'view=compare', line: 'compare-method', name: 'compare' },
  { view: 'view=clusters', line: 'clusters-method', name: 'clusters' },
  { view: 'view=judges', line: 'judges-method', name: 'judges' },
];

async function lineText(page, testid) {
  await page.waitForSelector(`[data-testid="${testid}"]`, { timeout: 60_000 });
  return page.textContent(`[data-testid="${testid}"]`);
}

for (const p of PAGES) {
  test(`${p.name}: the method select names the method, writes it to the link, and the method line follows`, async () => {
    for (const width of [1280, 390]) {
      const { page, context, errors } = await openPage(browser, p.view ? `?${p.view}` : '', { viewport: { width, height: 900 } });
      try {
        const select = 'select[data-testid="method-select"]';
        await page.waitForSelector(select);
        assert.equal(await page.inputValue(select), 'arena-lens');
        assert.match(await page.textContent(`label:has(${select})`), /Method/);
        assert.match(await lineText(page, p.line), /Method arena-lens \(arena-lens: show_result\.py v0\.1's Bradley-Terry fit with a prompt-level bootstrap\)/);
        await page.selectOption(select, 'show-result-v0.1');
        await page.waitForFunction(() => new URLSearchParams(location.search).get('method') === 'show-result-v0.1');
        await page.waitForFunction((id) => /Method show-result-v0\.1 \(lm-sys\/arena-hard-auto show_result\.py v0\.1 \(@efc012e\)\)/.test(document.querySelector(`[data-testid="${id}"]`)?.textContent ?? ''), p.line, { timeout: 60_000 });
        const line = await lineText(page, p.line);
        if (p.name === 'compare' || p.name === 'clusters') assert.match(line, /The tool has no such view; its interval level is kept\./);
        else assert.match(line, /95% intervals from \d+ bootstrap rounds over battle rows/);
        // A fresh page from the copied link opens the same method.
        const fresh = await openPage(browser, page.url().replace(/^.*?\?/, '?'), { viewport: { width, height: 900 } });
        try {
          await fresh.page.waitForSelector(select);
          await fresh.page.waitForFunction((s) => document.querySelector(s)?.value === 'show-result-v0.1', select);
        } finally { await fresh.context.close(); }
        await screenshot(page, `method-${p.name}-${width}`);
        assert.deepEqual(errors, [], describeErrors(errors));
      } finally { await context.close(); }
    }
  });
}

test('the show-result-v0.1 method on the demo equals `--method show-result-v0.1`, and an old `compat=1` link opens it', async () => {
  const json = runCli(['leaderboard', DEMO, '--judge', 'judge-atlas', '--method', 'show-result-v0.1']);
  assert.equal(json.method, 'show-result-v0.1');
  const { page, context, errors } = await openPage(browser, '?judge=judge-atlas&compat=1');
  try {
    await page.waitForSelector(`${TABLE} tbody tr[data-model]`, { timeout: 60_000 });
    assert.equal(await page.inputValue('select[data-testid="method-select"]'), 'show-result-v0.1');
    assert.equal(await page.textContent('[data-testid="method"]'), json.method_line);
    const rows = await page.$$eval(`${TABLE} tbody tr[data-model]`, (trs) => Object.fromEntries(trs.map((tr) => [tr.dataset.model, [Number(tr.dataset.score), Number(tr.dataset.lower), Number(tr.dataset.upper)]])));
    for (const m of json.models) {
      const [s, lo, hi] = rows[m.model];
      assert.ok(Math.abs(s - m.score) < 1e-9 && Math.abs(lo - m.lower) < 1e-9 && Math.abs(hi - m.upper) < 1e-9, m.model);
    }
    // The unit and level are fixed by the method: shown and disabled.
    assert.ok(await page.isDisabled('select[data-testid="unit"]'));
    assert.ok(await page.isDisabled('select[data-testid="level"]'));
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally { await context.close(); }
});
