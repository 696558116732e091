// Smoke test: the built site loads, the app mounts, nothing logs an error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, launchBrowser, openPage, waitForApp, screenshot, describeErrors } from './helpers.mjs';

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
