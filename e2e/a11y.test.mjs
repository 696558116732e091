// Accessibility (issue 16, CI gates): axe-core on every page of the demo, at 1280 and 390 px, must
// find zero violations. axe is injected into the page, so these pages are opened with the site's
// Content-Security-Policy bypassed (openPageBypassingCsp); every other test keeps the CSP.
//
// Rules: axe's defaults (WCAG 2.0-2.2 A and AA, best practices), which include color-contrast
// (WCAG 1.4.3) and label-content-name-mismatch (2.5.3, "label in name").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPageBypassingCsp, runAxe, describeViolations, describeErrors } from './helpers.mjs';

/** Each page, and how to tell that its main content has rendered (not just the app shell). */
const PAGES = [
  {
    name: 'leaderboard',
    url: '',
    ready: async (page) => {
      await page.waitForSelector('table[data-testid="leaderboard"] tbody tr[data-model]', { timeout: 60_000 });
    },
  },
  {
    name: 'compare',
    url: '?view=compare',
    ready: async (page) => {
      await page.waitForSelector('[data-testid="prompt"]', { timeout: 60_000 });
      await page.waitForSelector('[data-testid="judgment-game-1"] .chip', { timeout: 60_000 });
      await page.waitForFunction(() => !document.querySelector('[data-testid="text-loading"], [data-testid="texts-progress"]'), null, { timeout: 60_000 });
    },
  },
  {
    name: 'clusters',
    url: '?view=clusters',
    ready: async (page) => {
      // The heatmap is drawn once the per-group bootstrap has run (a background job with a progress line).
      await page.waitForSelector('[data-testid="cluster-heatmap"] td[data-rate] button', { timeout: 90_000 });
      await page.waitForSelector('[data-testid="cluster-table"] tbody tr[data-cluster]', { timeout: 60_000 });
      await page.waitForFunction(() => !document.querySelector('[data-testid="cluster-progress"]'), null, { timeout: 90_000 });
    },
  },
  {
    name: 'judges',
    url: '?view=judges',
    ready: async (page) => {
      await page.waitForSelector('table[data-testid="style-coefficients"]', { timeout: 60_000 });
      await page.waitForFunction(() => !document.querySelector('[data-testid="computing"]'), null, { timeout: 60_000 });
    },
  },
];

const WIDTHS = [1280, 390];

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

for (const p of PAGES) {
  for (const width of WIDTHS) {
    test(`axe: ${p.name} at ${width} px has no violations`, { timeout: 240_000 }, async () => {
      const { page, context, errors } = await openPageBypassingCsp(browser, p.url, { viewport: { width, height: 900 } });
      try {
        await p.ready(page);
        const violations = await runAxe(page);
        const nodes = violations.reduce((s, v) => s + v.nodes.length, 0);
        assert.equal(violations.length, 0, `${p.name} at ${width} px: ${violations.length} rules violated on ${nodes} nodes:\n${describeViolations(violations)}`);
        assert.deepEqual(errors, [], describeErrors(errors));
      } finally {
        await context.close();
      }
    });
  }
}
