// Accessibility (issue 16, CI gates): axe-core on every page of the demo, at 1280 and 390 px, in the
// light and the dark theme, must find zero violations. axe is injected into the page, so these pages are opened with the site's
// Content-Security-Policy bypassed (openPageBypassingCsp); every other test keeps the CSP.
//
// Rules: axe's defaults (WCAG 2.0-2.2 A and AA, best practices), which include color-contrast
// (WCAG 1.4.3) and label-content-name-mismatch (2.5.3, "label in name").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { mkdirSync, copyFileSync } from 'node:fs';
import { REPO_ROOT, launchBrowser, openPageBypassingCsp, runAxe, describeViolations, describeErrors, sharedTest } from './helpers.mjs';
import { MTB, ALPACA, WB_PAIR, prepareJudgedFormats } from './formats-judged-data.mjs';

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
    // axe leaves text on a striped background unjudged ("incomplete"): check the muted heatmap cells'
    // ink against their tint directly (the stripes are the page background, further from the ink).
    extra: async (page) => {
      const muted = await page.$$eval('[data-testid="cluster-heatmap"] td.muted button', (bs) => bs.map((b) => {
        const s = getComputedStyle(b);
        return { cell: `${b.parentElement.dataset.model} × ${b.parentElement.dataset.cluster}`, fg: s.color, bg: s.backgroundColor };
      }));
      assert.ok(muted.length > 0, 'the demo has muted cells');
      const low = muted.map((m) => ({ ...m, ratio: contrast(parseColor(m.fg), parseColor(m.bg)) })).filter((m) => !(m.ratio >= 4.5));
      assert.deepEqual(low, [], 'muted cells below 4.5:1');
    },
  },
  {
    // A Chatbot Arena chat log (the project's fixture, served under dist/e2e/): Elo scale, figure
    // columns, the votes per pair on compare.
    name: 'leaderboard on an Arena log',
    url: '?data=e2e/arena-chat/chat_battles.jsonl',
    ready: async (page) => {
      await page.waitForSelector('table[data-testid="leaderboard"] tbody tr[data-model] td[data-figure]', { timeout: 60_000 });
    },
  },
  {
    name: 'compare on an Arena log',
    url: '?data=e2e/arena-chat/chat_battles.jsonl&view=compare&a=alpha&b=beta&prompt=q1',
    ready: async (page) => {
      await page.waitForSelector('[data-testid="answer-b"]', { timeout: 60_000 });
      await page.waitForSelector('[data-testid="pair-votes"] tbody tr', { timeout: 60_000 });
    },
  },
  {
    // MT-Bench (../shared, through a manifest under dist/e2e/): figure columns, disabled controls.
    name: 'leaderboard on MT-Bench',
    url: '?data=e2e/mt-bench/',
    needs: [MTB],
    ready: async (page) => {
      await page.waitForSelector('table[data-testid="leaderboard"] tbody tr[data-model]', { timeout: 90_000 });
    },
  },
  {
    // Two turns per answer, both games' judge texts, the reference answer and the single grades.
    name: 'compare on MT-Bench',
    url: '?data=e2e/mt-bench/&view=compare&a=phi-3&b=phi-3-dpo&prompt=101',
    needs: [MTB],
    ready: async (page) => {
      await page.waitForSelector('[data-testid="answer-b"]', { timeout: 90_000 });
      await page.waitForSelector('[data-testid="reference-answers"]', { timeout: 60_000 });
      await page.waitForSelector('[data-testid="grade"]', { timeout: 60_000 });
    },
  },
  {
    name: 'compare on AlpacaEval',
    url: '?data=e2e/alpaca/&view=compare&a=gpt4_1106_preview&b=alpaca-7b',
    needs: [ALPACA],
    ready: async (page) => {
      await page.waitForSelector('[data-testid="answer-b"]', { timeout: 90_000 });
      await page.waitForSelector('[data-testid="judgment-game-1"] .chip', { timeout: 60_000 });
    },
  },
  {
    // The project's WildBench pairwise fixture (e2e/formats-judged-data.mjs), WB-Reward figures.
    name: 'leaderboard on a WildBench pairwise file',
    url: `?data=e2e/${WB_PAIR}`,
    ready: async (page) => {
      await page.waitForSelector('table[data-testid="leaderboard"] tbody tr[data-model] td[data-figure]', { timeout: 60_000 });
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
  {
    name: 'diff',
    url: '?view=diff&judge=judge-atlas&judge2=judge-sage',
    ready: async (page) => {
      await page.waitForSelector('table[data-testid="diff-table"] tr[data-testid="diff-row"]', { timeout: 90_000 });
      await page.waitForFunction(() => !document.querySelector('[data-testid="computing"]'), null, { timeout: 90_000 });
    },
  },
];

const WIDTHS = [1280, 390];
const SCHEMES = ['light', 'dark'];

/** sRGB channels in [0, 1] of a computed CSS colour: `rgb(…)`/`rgba(…)` or `color(srgb …)` (color-mix). */
function parseColor(css) {
  let m = css.match(/^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)/);
  if (m) return [m[1], m[2], m[3]].map((x) => Number(x) / 255);
  m = css.match(/^color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)/);
  if (m) return [m[1], m[2], m[3]].map(Number);
  throw new Error(`cannot parse colour ${css}`);
}

/** WCAG 2.x contrast ratio of two sRGB colours (as crates/charts/src/palette.rs computes it). */
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.map((x) => (x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [la, lb] = [lum(a), lum(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

let browser;
before(async () => {
  browser = await launchBrowser();
  const served = path.join(REPO_ROOT, 'dist', 'e2e', 'arena-chat');
  mkdirSync(served, { recursive: true });
  copyFileSync(path.join(REPO_ROOT, 'crates', 'core', 'tests', 'fixtures', 'arena', 'chat_battles.jsonl'), path.join(served, 'chat_battles.jsonl'));
  prepareJudgedFormats();
});
after(async () => { await browser?.close(); });

for (const p of PAGES) {
  for (const colorScheme of SCHEMES) {
    for (const width of WIDTHS) {
      const what = `${p.name} at ${width} px, ${colorScheme} theme`;
      // Pages on ../shared data follow the shared-data rule (skipped, or failing when required).
      const declare = p.needs ? (name, opts, fn) => sharedTest(name, { ...opts, needs: p.needs }, fn) : test;
      declare(`axe: ${what} has no violations`, { timeout: 240_000 }, async () => {
        const { page, context, errors } = await openPageBypassingCsp(browser, p.url, { viewport: { width, height: 900 }, colorScheme });
        try {
          await p.ready(page);
          const violations = await runAxe(page);
          const nodes = violations.reduce((s, v) => s + v.nodes.length, 0);
          assert.equal(violations.length, 0, `${what}: ${violations.length} rules violated on ${nodes} nodes:\n${describeViolations(violations)}`);
          await p.extra?.(page);
          assert.deepEqual(errors, [], describeErrors(errors));
        } finally {
          await context.close();
        }
      });
    }
  }
}
