// Shared helpers for the end-to-end tests (node:test + playwright-core).
//
// The tests run against an already built and served site; scripts/test.sh
// builds it, starts the static servers and sets:
//   E2E_BASE_URL  the site (dist/), e.g. http://127.0.0.1:41234/
//   E2E_DATA_URL  a server for ../shared/data (the real Arena-Hard files), or unset
//   E2E_DATA_DIR  ../shared/data on disk, or unset
// A test that needs that data is declared with sharedTest (below): skipped, with the reason, when
// the data is absent, and a failure instead when ARENA_LENS_REQUIRE_SHARED=1 (.ci/run sets it).
// Run by hand: `E2E_BASE_URL=http://127.0.0.1:8080/ node --test e2e/`
// (after `bash scripts/serve.sh` in another terminal).
//
// The browser is Debian's chromium (/usr/bin/chromium): never run
// `npx playwright install`, it downloads a browser.

import { test } from 'node:test';
import { chromium } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const RESULTS_DIR = path.join(REPO_ROOT, 'test-results');
export const CLI = process.env.ARENA_LENS_CLI || path.join(REPO_ROOT, 'target', 'release', 'arena-lens');

/** Base URL of the served site, always with a trailing slash. */
export const BASE_URL = withSlash(process.env.E2E_BASE_URL || 'http://127.0.0.1:8080/');
/** Base URL of the server for ../shared/data, or null when it is not served. */
export const DATA_URL = process.env.E2E_DATA_URL ? withSlash(process.env.E2E_DATA_URL) : null;
/** Path of ../shared/data on disk (for comparing the app with the CLI), or null. */
export const DATA_DIR = process.env.E2E_DATA_DIR || null;

/** ARENA_LENS_REQUIRE_SHARED=1: a test that needs ../shared/data fails when it is missing. */
export const REQUIRE_SHARED = process.env.ARENA_LENS_REQUIRE_SHARED === '1';

/**
 * Why the real data a test needs is not there, or null when it is: each of `needs` (paths relative
 * to ../shared/data, e.g. 'ko-arena-hard-v0.1' or '../reference') must exist below DATA_DIR, and
 * with `served` (the default) the data server (DATA_URL) must be running too.
 */
export function missingShared(needs = [], { served = true } = {}) {
  if (!DATA_DIR) return 'E2E_DATA_DIR is unset (../shared/data, the real Arena-Hard data, is absent)';
  if (served && !DATA_URL) return 'E2E_DATA_URL is unset (../shared/data is not served)';
  const gone = needs.map((n) => path.join(DATA_DIR, n)).find((p) => !existsSync(p));
  return gone ? `${gone} not found (the real Arena-Hard data)` : null;
}

/**
 * `test(name, options, fn)` for a test that needs ../shared/data, the one place of the rule:
 * `options.needs` and `options.served` go to missingShared, the rest to test(). Data present: the
 * test runs. Absent: it is skipped with the reason (TAP prints "# SKIP <reason>", and node counts it
 * under "# skipped"), or, with ARENA_LENS_REQUIRE_SHARED=1, it fails naming what is missing.
 */
export function sharedTest(name, { needs = [], served = true, ...options }, fn) {
  const missing = missingShared(needs, { served });
  if (!missing) return test(name, options, fn);
  if (REQUIRE_SHARED) {
    return test(name, options, () => {
      throw new Error(`ARENA_LENS_REQUIRE_SHARED=1 but ${missing}`);
    });
  }
  return test(name, { ...options, skip: `${missing}; ARENA_LENS_REQUIRE_SHARED=1 makes this a failure` }, fn);
}

function withSlash(u) {
  return u.endsWith('/') ? u : `${u}/`;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches headless Debian chromium. Do not pass --user-data-dir: Playwright makes its own profile. */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/**
 * Opens `url` (absolute, or relative to BASE_URL) in a new page and records
 * problems: console errors, uncaught page errors, failed requests and HTTP
 * responses >= 400. Returns { page, context, errors }; `errors` keeps growing
 * while the page lives.
 */
export async function openPage(browser, url = '', { viewport = { width: 1280, height: 800 }, waitFor } = {}) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(new URL(url, BASE_URL).href, { waitUntil: 'load' });
  if (waitFor) await page.waitForSelector(waitFor, { timeout: 15_000 });
  return { page, context, errors };
}

/** Starts recording console errors, page errors and failed requests of `page`. */
export function collectErrors(page) {
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('requestfailed', (req) => {
    errors.push(`requestfailed: ${req.url()} ${req.failure()?.errorText ?? ''}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) errors.push(`http ${res.status()}: ${res.url()}`);
  });
  return errors;
}

/** Waits until the app has mounted (the root route renders [data-testid="app"]). */
export async function waitForApp(page, timeout = 15_000) {
  await page.waitForSelector('[data-testid="app"]', { timeout });
}

/** Saves a full-page screenshot to test-results/<name>.png and returns its path. */
export async function screenshot(page, name) {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name.replace(/[^A-Za-z0-9._-]+/g, '_')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Runs the CLI (target/release/arena-lens, built by scripts/test.sh) with
 * `args` plus `--json` and returns the parsed JSON from stdout. Throws with
 * stderr when it exits non-zero or prints something that is not JSON.
 */
export function runCli(args, { cwd = REPO_ROOT, json = true } = {}) {
  const argv = json ? [...args, '--json'] : [...args];
  const res = spawnSync(CLI, argv, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (res.error) throw new Error(`cannot run ${CLI}: ${res.error.message}`);
  if (res.status !== 0) {
    throw new Error(`arena-lens ${argv.join(' ')} exited ${res.status}:\n${res.stderr}`);
  }
  if (!json) return res.stdout;
  try {
    return JSON.parse(res.stdout);
  } catch (e) {
    throw new Error(`arena-lens ${argv.join(' ')} printed invalid JSON (${e.message}):\n${res.stdout.slice(0, 2000)}`);
  }
}

/** Formats collected errors for an assertion message. */
export function describeErrors(errors) {
  return errors.length ? `\n  ${errors.join('\n  ')}` : '';
}

/**
 * Writes `rows` (question objects) as a questions-only bench served beside the site, at
 * dist/e2e/<name>/prompts-<n>/question.jsonl, indexes it, and returns its `?data=` value.
 */
export function writeQuestionsBench(name, rows) {
  const dir = path.join(REPO_ROOT, 'dist', 'e2e', name);
  const bench = path.join(dir, `prompts-${rows.length}`);
  mkdirSync(bench, { recursive: true });
  writeFileSync(path.join(bench, 'question.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  runCli(['index', dir], { json: false });
  return `e2e/${name}/`;
}

/** axe-core's browser bundle (pinned in package.json). */
export const AXE_SOURCE = path.join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/**
 * Like openPage, but in a context that bypasses the page's Content-Security-Policy, so that a test
 * can inject a script (axe-core) the policy would refuse. For the accessibility check only: every
 * other test keeps the CSP, which is part of what they check. `colorScheme` ('light' or 'dark')
 * picks the stylesheet's theme.
 */
export async function openPageBypassingCsp(browser, url = '', { viewport = { width: 1280, height: 800 }, colorScheme = 'light', waitFor } = {}) {
  const context = await browser.newContext({ viewport, colorScheme, bypassCSP: true });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(new URL(url, BASE_URL).href, { waitUntil: 'load' });
  if (waitFor) await page.waitForSelector(waitFor, { timeout: 15_000 });
  return { page, context, errors };
}

/**
 * Injects axe-core into `page` (opened with openPageBypassingCsp) and runs it over the document.
 * `options` go to axe.run; returns its violations.
 */
export async function runAxe(page, options = {}) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.addScriptTag({ path: AXE_SOURCE });
  }
  const results = await page.evaluate((opts) => window.axe.run(document, opts), { resultTypes: ['violations'], ...options });
  return results.violations;
}

/** One line per violated rule and one per offending node: id, impact, target and axe's summary. */
export function describeViolations(violations) {
  return violations.map((v) => [
    `${v.id} (${v.impact}, ${v.nodes.length} nodes): ${v.help} ${v.helpUrl}`,
    ...v.nodes.map((n) => `    ${n.impact ?? v.impact} ${JSON.stringify(n.target)}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ').trim()}`),
  ].join('\n')).join('\n');
}
