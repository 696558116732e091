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

// `ready`: what shows once the page has computed (so the screenshot shows the page, not its loading).
const PAGES = [
  { view: '', line: 'method', name: 'leaderboard', ready: 'table[data-testid="leaderboard"] tbody tr' },
  { view: 'view=compare', line: 'compare-method', name: 'compare', ready: '[data-testid="compare-summary"], .compare .answer-body' },
  { view: 'view=clusters', line: 'clusters-method', name: 'clusters', ready: '[data-testid="cluster-table"]' },
  { view: 'view=judges', line: 'judges-method', name: 'judges', ready: '[data-testid="judges-method"]' },
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
        await page.waitForSelector(p.ready, { timeout: 60_000 });
        await page.waitForFunction(() => !document.querySelector('[data-testid="progress"]'), null, { timeout: 60_000 });
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

test('v2.0 data opens with the arena-hard-v2.0 method, says so, and equals the CLI per category', async () => {
  const V2 = path.join(REPO_ROOT, 'dist', 'e2e', 'v2');
  const json = runCli(['leaderboard', V2, '--judge', 'judge-sage']);
  assert.equal(json.method, 'arena-hard-v2.0');
  const { page, context, errors } = await openPage(browser, '?data=e2e/v2/&judge=judge-sage');
  try {
    await page.waitForSelector(`${TABLE} tbody tr[data-model]`, { timeout: 60_000 });
    assert.equal(await page.inputValue('select[data-testid="method-select"]'), 'arena-hard-v2.0');
    assert.match(await page.textContent('[data-testid="scope-notes"]'), /Arena-Hard v2\.0 layout, so its numbers are computed with the arena-hard-v2\.0 method/);
    assert.equal(await page.textContent('[data-testid="method"]'), json.method_line);
    // The baseline and the grouping are the tool's: shown, not choosable.
    assert.ok(await page.isDisabled('select[data-testid="baseline"]'));
    assert.ok(await page.isDisabled('select[data-testid="group"]'));
    const read = (sel) => page.$$eval(`${sel} tbody tr[data-model]`, (trs) => Object.fromEntries(trs.map((tr) => [tr.dataset.model, [Number(tr.dataset.score), Number(tr.dataset.lower), Number(tr.dataset.upper)]])));
    const close = (rows, models, what) => {
      assert.deepEqual(Object.keys(rows).sort(), models.map((m) => m.model).sort(), `${what}: models`);
      for (const m of models) {
        const [s, lo, hi] = rows[m.model];
        assert.ok(Math.abs(s - m.score) < 1e-9 && Math.abs(lo - m.lower) < 1e-9 && Math.abs(hi - m.upper) < 1e-9, `${what}: ${m.model}`);
      }
    };
    close(await read(TABLE), json.models, 'hard_prompt');
    // Each category against its own baseline.
    for (const g of json.groups) {
      await page.selectOption('select[data-testid="group-select"]', g.group);
      await page.waitForFunction((b) => !!document.querySelector(`table[data-testid="group-board"] tr[data-model="${CSS.escape(b)}"]`), g.baseline);
      assert.match(await page.textContent('select[data-testid="group-select"]'), new RegExp(`${g.group} \\(\\d+ prompts, against ${g.baseline.replace(/\./g, '\\.')}\\)`));
      close(await read('table[data-testid="group-board"]'), g.models, g.group);
    }
    await screenshot(page, 'method-v2-leaderboard-1280');
    // The other pages name the method too.
    for (const [view, id] of [['compare', 'compare-method'], ['clusters', 'clusters-method'], ['judges', 'judges-method']]) {
      await page.goto(new URL(`?data=e2e/v2/&judge=judge-sage&view=${view}`, page.url()).href);
      await page.waitForFunction((i) => /Method arena-hard-v2\.0 \(lmarena\/arena-hard-auto show_result\.py v2\.0/.test(document.querySelector(`[data-testid="${i}"]`)?.textContent ?? ''), id, { timeout: 60_000 });
      if (view === 'judges') await screenshot(page, 'method-v2-judges-1280');
    }
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally { await context.close(); }
});
