// Smoke test: the built site loads, the app mounts, nothing logs an error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_URL,
  launchBrowser,
  openPage,
  waitForApp,
  screenshot,
  describeErrors,
  runCli,
} from './helpers.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('the site serves index.html with the wasm bundle', async () => {
  const res = await fetch(BASE_URL);
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /\.wasm/, 'index.html references the wasm module');
});

test('the demo data is served under data/demo/ with its manifest', async () => {
  const res = await fetch(new URL('data/demo/manifest.json', BASE_URL));
  assert.equal(res.status, 200);
  const manifest = await res.json();
  assert.ok(Array.isArray(manifest.files) && manifest.files.length > 0, 'manifest lists files');
  // Spot-check that listed files are really there, with the recorded size.
  for (const f of manifest.files.slice(0, 3)) {
    const r = await fetch(new URL(`data/demo/${f.path.split('/').map(encodeURIComponent).join('/')}`, BASE_URL));
    assert.equal(r.status, 200, f.path);
    assert.equal((await r.arrayBuffer()).byteLength, f.bytes, f.path);
  }
});

test('the release CLI runs', () => {
  assert.match(runCli(['--version'], { json: false }), /arena-lens \d+\.\d+\.\d+/);
});

test('the app mounts with no console errors', async () => {
  const { page, context, errors } = await openPage(browser, '');
  try {
    await waitForApp(page);
    const text = await page.textContent('[data-testid="app"]');
    assert.match(text ?? '', /arena-lens/);
    await screenshot(page, 'smoke-home');
    // Give late async work (fetches, effects) a moment to report errors.
    await page.waitForTimeout(300);
    assert.deepEqual(errors, [], `errors on the page:${describeErrors(errors)}`);
  } finally {
    await context.close();
  }
});
