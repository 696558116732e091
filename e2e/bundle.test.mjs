// `arena-lens bundle` end to end: the real CLI bundles data with the built site (dist/) into an OS
// temp folder named sub/, a plain static server (python3 -m http.server, no CORS, no rewrites)
// serves its parent, and every page opens at /sub/ with no `data=` in the link: the bundle's page
// names its data. The leaderboard equals `arena-lens leaderboard DATA --json` to 1e-9.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DATA_DIR, launchBrowser, openPage, collectErrors, runCli, describeErrors, screenshot, sharedTest } from './helpers.mjs';

const TABLE = 'table[data-testid="leaderboard"]';
let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/** Serves `dir` with Python's own http.server on a free port; resolves to { url, stop }. */
function plainServer(dir) {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/port (\d+)/);
      if (m) resolve({ url: `http://127.0.0.1:${m[1]}/`, stop: () => child.kill() });
    });
    child.on('exit', (code) => reject(new Error(`http.server exited ${code}: ${out}`)));
  });
}

/** Bundles `data` into <temp>/sub with `extra` flags; returns { root, out, stdout }. */
function bundle(data, extra = []) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'arena-lens-bundle-'));
  const out = path.join(root, 'sub');
  const stdout = runCli(['bundle', data, '--out', out, '--public-url', '/sub/', ...extra], { json: false });
  return { root, out, stdout };
}

/** Rows of the leaderboard as {model: {score, lower, upper, rank}}. */
async function readTable(page) {
  await page.waitForSelector(`${TABLE} tbody tr[data-model]`, { timeout: 60_000 });
  return page.$$eval(`${TABLE} tbody tr[data-model]`, (trs) => Object.fromEntries(trs.map((tr) => [tr.dataset.model, {
    score: Number(tr.dataset.score), lower: Number(tr.dataset.lower), upper: Number(tr.dataset.upper), rank: Number(tr.dataset.rank),
  }])));
}

function assertMatchesCli(table, json, what) {
  assert.deepEqual(Object.keys(table).sort(), json.models.map((m) => m.model).sort(), `${what}: same models`);
  for (const m of json.models) {
    for (const k of ['score', 'lower', 'upper']) {
      // Tolerance 1e-9: the same core computes both, only the float printing differs.
      assert.ok(Math.abs(table[m.model][k] - m[k]) <= 1e-9, `${what}: ${m.model} ${k} ${table[m.model][k]} vs CLI ${m[k]}`);
    }
    assert.equal(table[m.model].rank, m.rank_ub, `${what}: ${m.model} rank`);
  }
}

/** Opens `url` and records every request's path, to check all of them stay under /sub/. */
async function openRecording(url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = collectErrors(page);
  const paths = [];
  page.on('request', (r) => { if (r.url().startsWith('http')) paths.push(new URL(r.url()).pathname); });
  await page.goto(url, { waitUntil: 'load' });
  return { page, context, errors, paths };
}

async function waitForPrompt(page) {
  await page.waitForSelector('[data-testid="prompt"]', { timeout: 60_000 });
  // Slim-loaded data: the answers' and judgments' long texts arrive from the full files.
  await page.waitForFunction(() => !document.querySelector('[data-testid="text-loading"], [data-testid="texts-progress"]'), null, { timeout: 60_000 });
}

test('the demo bundled with --public-url /sub/ opens every page from a plain static server, leaderboard = CLI to 1e-9', async () => {
  const demoRoot = mkdtempSync(path.join(os.tmpdir(), 'arena-lens-bundle-demo-'));
  const demo = path.join(demoRoot, 'demo');
  runCli(['demo', '--out', demo], { json: false });
  const { root, out, stdout } = bundle(demo, ['--title', 'Demo runs']);
  assert.match(stdout, /at \/sub\//);
  const html = readFileSync(path.join(out, 'index.html'), 'utf8');
  assert.match(html, /<base href="\/sub\/"/);
  assert.match(html, /<meta name="arena-lens-data" content="data\/"/);
  const server = await plainServer(root);
  const sub = `${server.url}sub/`;
  try {
    // Leaderboard: the bundle's own link, no `data=`.
    const json = runCli(['leaderboard', demo, '--judge', 'judge-atlas']);
    const lb = await openRecording(sub);
    try {
      assertMatchesCli(await readTable(lb.page), json, 'bundle leaderboard');
      assert.equal(await lb.page.title(), 'Demo runs');
      assert.equal(new URL(lb.page.url()).search, '', 'no data= needed');
      for (const nav of ['leaderboard', 'compare', 'clusters', 'judges']) {
        const href = await lb.page.getAttribute(`[data-testid="nav-${nav}"]`, 'href');
        assert.ok(href.startsWith('/sub/'), `nav-${nav}: ${href}`);
      }
      assert.ok(lb.paths.some((p) => p === '/sub/data/manifest.json'), 'the manifest came from the bundle');
      assert.ok(lb.paths.some((p) => p.startsWith('/sub/data/_slim/')), 'the slim copies were loaded first');
      await screenshot(lb.page, 'bundle-leaderboard');
      assert.deepEqual(lb.paths.filter((p) => !p.startsWith('/sub/')), [], 'every request stays under /sub/');
      assert.deepEqual(lb.errors, [], describeErrors(lb.errors));
    } finally { await lb.context.close(); }

    // Compare: the answers' full texts are fetched from the bundle's full files.
    const cmp = await openRecording(`${sub}?view=compare`);
    try {
      await waitForPrompt(cmp.page);
      const answer = await cmp.page.innerText('[data-testid="answer-a"]');
      assert.ok(answer.trim().length > 50, `answer text shown: ${answer.slice(0, 80)}`);
      assert.ok(cmp.paths.some((p) => p.startsWith('/sub/data/arena-hard-demo/model_answer/')), 'a full answer file was fetched');
      assert.deepEqual(cmp.paths.filter((p) => !p.startsWith('/sub/')), [], 'every request stays under /sub/');
      assert.deepEqual(cmp.errors, [], describeErrors(cmp.errors));
    } finally { await cmp.context.close(); }

    // Clusters and judges render their main tables.
    for (const [view, ready] of [['clusters', '[data-testid="cluster-heatmap"] tbody tr[data-model]'], ['judges', 'table[data-testid="style-coefficients"]']]) {
      const p = await openRecording(`${sub}?view=${view}`);
      try {
        await p.page.waitForSelector(ready, { timeout: 120_000 });
        assert.deepEqual(p.paths.filter((x) => !x.startsWith('/sub/')), [], `${view}: every request stays under /sub/`);
        assert.deepEqual(p.errors, [], `${view}:${describeErrors(p.errors)}`);
      } finally { await p.context.close(); }
    }
  } finally {
    server.stop();
    rmSync(root, { recursive: true, force: true });
    rmSync(demoRoot, { recursive: true, force: true });
  }
});

sharedTest('a bundle of ../shared fulltext-10-prompts under /sub/ opens on its leaderboard and compare page', { needs: ['fulltext-10-prompts'], served: false }, async () => {
  const data = path.join(DATA_DIR, 'fulltext-10-prompts');
  // Its baseline, truth_model, is also judged against itself, so it is named (as scripts/test.sh does).
  const { root } = bundle(data, ['--baseline', 'truth_model']);
  const server = await plainServer(root);
  try {
    const lb = await openPage(browser, `${server.url}sub/`);
    try {
      assertMatchesCli(await readTable(lb.page), runCli(['leaderboard', data, '--baseline', 'truth_model']), 'fulltext-10-prompts');
      assert.deepEqual(lb.errors, [], describeErrors(lb.errors));
    } finally { await lb.context.close(); }
    const cmp = await openPage(browser, `${server.url}sub/?view=compare`);
    try {
      await waitForPrompt(cmp.page);
      assert.ok((await cmp.page.innerText('[data-testid="answer-a"]')).trim().length > 0, 'answer text shown');
      assert.deepEqual(cmp.errors, [], describeErrors(cmp.errors));
    } finally { await cmp.context.close(); }
  } finally {
    server.stop();
    rmSync(root, { recursive: true, force: true });
  }
});
