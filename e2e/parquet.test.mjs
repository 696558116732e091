// Parquet battle logs in the site (issue 12, Parquet acceptance). The test writes its own Parquet
// file: GenAI-Arena's real clean_battle JSON (../shared, never copied) converted by the parquet
// crate's fixture tool (`cargo run -p arena-lens-parquet --features writer --example
// write_parquet`, crates/parquet/examples/write_parquet.rs) into dist/e2e/parquet/, served beside
// the site. It opens through `?data=` and through the file picker, and its leaderboard equals
// `arena-lens leaderboard FILE.parquet --json` to 1e-9 (and the JSON file's). The Parquet module
// (parquet-worker*, a web worker) is fetched only then: a page load of other data never requests it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  REPO_ROOT, DATA_DIR, launchBrowser, openPage, screenshot, runCli, describeErrors, sharedTest,
} from './helpers.mjs';

const GENAI = 'formats/arena_battles/TIGER-AI-Lab__GenAI-Arena/arena_elo/clean_battle_20240220.json';
const OUT_DIR = path.join(REPO_ROOT, 'dist', 'e2e', 'parquet', 'arena_elo');
const PARQUET = path.join(OUT_DIR, 'clean_battle_20240220.parquet');
const ROWS = 'table[data-testid="leaderboard"] tbody tr[data-model]';
const isModule = (url) => /parquet-worker/.test(url);

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/** Writes GenAI-Arena's battles as Parquet with the fixture tool (built on first use). */
function writeParquet() {
  mkdirSync(OUT_DIR, { recursive: true });
  const res = spawnSync('cargo', ['run', '-q', '-p', 'arena-lens-parquet', '--features', 'writer',
    '--example', 'write_parquet', '--', path.join(DATA_DIR, GENAI), PARQUET],
  { cwd: REPO_ROOT, encoding: 'utf8', timeout: 20 * 60_000 });
  if (res.status !== 0) throw new Error(`write_parquet failed: ${res.error?.message ?? ''}\n${res.stderr}`);
}

async function readTable(page) {
  return page.$$eval(ROWS, (trs) => Object.fromEntries(trs.map((tr) => [tr.dataset.model,
    { score: Number(tr.dataset.score), lower: Number(tr.dataset.lower), upper: Number(tr.dataset.upper) }])));
}

function assertMatches(table, json, what) {
  assert.equal(Object.keys(table).length, json.models.length, `${what}: one row per model`);
  for (const m of json.models) {
    for (const k of ['score', 'lower', 'upper']) {
      assert.ok(Math.abs(table[m.model][k] - m[k]) <= 1e-9, `${what}: ${m.model} ${k} ${table[m.model]?.[k]} vs CLI ${m[k]}`);
    }
  }
}

async function waitForRows(page, n) {
  await page.waitForFunction((k) => document.querySelectorAll('table[data-testid="leaderboard"] tbody tr[data-model]').length === k,
    n, { timeout: 120_000 });
}

sharedTest('a Parquet battle log opens with ?data= and via the file picker, equal to the CLI to 1e-9', { needs: [GENAI], served: false }, async () => {
  writeParquet();
  const json = runCli(['leaderboard', PARQUET]);
  const fromJson = runCli(['leaderboard', path.join(DATA_DIR, GENAI)]);
  assert.equal(json.method, 'chatbot-arena');
  assert.equal(json.models.length, 13);
  // The Parquet file and the JSON file it was written from: the same leaderboard (CLI).
  for (const m of fromJson.models) {
    const p = json.models.find((x) => x.model === m.model);
    assert.ok(Math.abs(p.score - m.score) <= 1e-9, `${m.model}: ${p.score} vs JSON ${m.score}`);
  }
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    const { page, context, errors } = await openPage(browser, '?data=e2e/parquet/arena_elo/clean_battle_20240220.parquet', { viewport });
    const module = [];
    page.on('request', (r) => { if (isModule(r.url())) module.push(r.url()); });
    try {
      await waitForRows(page, json.models.length);
      assertMatches(await readTable(page), json, `?data= at ${viewport.width} px`);
      assert.equal(await page.inputValue('select[data-testid="method-select"]'), 'chatbot-arena');
      assert.ok(module.some((u) => u.endsWith('parquet-worker_bg.wasm')), `the Parquet module was fetched: ${module}`);
      await screenshot(page, `parquet-leaderboard-${viewport.width}`);
      assert.deepEqual(errors, [], describeErrors(errors));
    } finally { await context.close(); }
  }
  // The file picker, from the demo: the same numbers, read in the browser.
  const { page, context, errors } = await openPage(browser, '');
  try {
    await page.waitForSelector(ROWS, { timeout: 60_000 });
    const outside = [];
    page.on('request', (r) => { if (!r.url().startsWith(new URL(page.url()).origin)) outside.push(r.url()); });
    await page.setInputFiles('input[data-testid="files-input"]', PARQUET);
    await waitForRows(page, json.models.length);
    assertMatches(await readTable(page), json, 'file picker');
    assert.deepEqual(outside, [], 'nothing leaves the page');
    await screenshot(page, 'parquet-picker-1280');
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally { await context.close(); }
});

test('a page load of non-Parquet data never requests the Parquet module', async () => {
  const requested = [];
  const { page, context, errors } = await openPage(browser, '');
  page.on('request', (r) => requested.push(r.url()));
  try {
    await page.waitForSelector(ROWS, { timeout: 60_000 });
    // Requests made before the listener was attached are in the performance timeline.
    const early = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    const all = [...early, ...requested];
    assert.ok(all.some((u) => u.endsWith('.wasm')), 'the main module was fetched');
    assert.deepEqual(all.filter(isModule), [], 'no Parquet module request');
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally { await context.close(); }
});

test('bytes that are not Parquet under a .parquet name give an error naming the file', async () => {
  mkdirSync(path.join(REPO_ROOT, 'test-results'), { recursive: true });
  const bad = path.join(REPO_ROOT, 'test-results', 'not-really.parquet');
  writeFileSync(bad, 'model_a,model_b,winner\nx,y,tie\n');
  const { page, context } = await openPage(browser, '');
  try {
    await page.waitForSelector(ROWS, { timeout: 60_000 });
    await page.setInputFiles('input[data-testid="files-input"]', bad);
    await page.waitForSelector('[data-testid="load-error"]', { timeout: 60_000 });
    const text = await page.textContent('[data-testid="load-error"]');
    assert.match(text, /not-really\.parquet: not a Parquet file/);
    await screenshot(page, 'parquet-error-1280');
  } finally { await context.close(); }
});
