// Export of every view (issue 15): the leaderboard's CSV, JSON, Markdown and LaTeX downloaded from
// the page against `arena-lens leaderboard --json` and `--format csv`; a chart's SVG and PNG; one
// export each from the clusters, compare (paired) and judges pages; the clusters heatmap, treemap
// and dendrogram as SVG (names checked against the page) and PNG; the menu open at 1280 and 390 px
// and the clusters page at both widths (screenshots in test-results/).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { mkdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { CLI, REPO_ROOT, RESULTS_DIR, launchBrowser, openPage, runCli, describeErrors } from './helpers.mjs';
import { prepareMalicious, MALICIOUS_DATA, MALICIOUS_FIXTURE } from './compare-data.mjs';

const PUBLIC = path.join(REPO_ROOT, 'crates', 'web', 'public');
// Opened by this relative URL, so the page's header names the data as the CLI run from
// crates/web/public with the same relative path names it: the two CSVs can match byte for byte.
const DEMO_REL = 'data/demo/';
const DEMO = path.join(PUBLIC, DEMO_REL);
const TABLE = 'table[data-testid="leaderboard"] tbody tr[data-model]';

let browser;
before(async () => {
  browser = await launchBrowser();
  prepareMalicious();
});
after(async () => { await browser?.close(); });

/** Runs the CLI and returns its stdout (text). */
function cliText(args, cwd = REPO_ROOT) {
  const res = spawnSync(CLI, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (res.status !== 0) throw new Error(`arena-lens ${args.join(' ')} exited ${res.status}:\n${res.stderr}`);
  return res.stdout;
}

/** Opens the menu `testid` and downloads its `item`; returns {name, text, bytes}. */
async function download(page, testid, item) {
  const menu = page.locator(`[data-testid="${testid}"]`).first();
  await menu.locator('summary').click();
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    menu.locator(`[data-testid="${testid}-${item}"]`).click(),
  ]);
  const bytes = readFileSync(await dl.path());
  return { name: dl.suggestedFilename(), bytes, text: bytes.toString('utf8') };
}

/**
 * RFC 4180 records of `text` (quoted fields with doubled quotes, CRLF or LF), skipping lines that
 * start with `#` outside quotes (the export's comment header). Returns {comments, rows}.
 */
function parseCsv(text) {
  const comments = [];
  const rows = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === '#') {
      const end = text.indexOf('\n', i);
      comments.push(text.slice(i, end < 0 ? text.length : end).replace(/\r$/, ''));
      i = end < 0 ? text.length : end + 1;
      continue;
    }
    const row = [];
    let field = '';
    for (;;) {
      if (text[i] === '"') {
        i += 1;
        for (;;) {
          if (text[i] === '"' && text[i + 1] === '"') { field += '"'; i += 2; }
          else if (text[i] === '"') { i += 1; break; }
          else if (i >= text.length) throw new Error('unterminated quote');
          else { field += text[i]; i += 1; }
        }
      }
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') { field += text[i]; i += 1; }
      row.push(field);
      field = '';
      if (text[i] === ',') { i += 1; continue; }
      if (text[i] === '\r') i += 1;
      if (text[i] === '\n') i += 1;
      break;
    }
    rows.push(row);
  }
  return { comments, rows };
}

/** The rows of a CSV as objects keyed by its column names. */
function records(text) {
  const { comments, rows } = parseCsv(text);
  const [head, ...body] = rows;
  return { comments, head, objects: body.map((r) => Object.fromEntries(head.map((h, k) => [h, r[k]]))) };
}

test('leaderboard: CSV equals the CLI (numbers to 1e-12; header and text cells byte for byte, numbers within 2 ulps), JSON, Markdown and LaTeX parse back', async () => {
  const json = runCli(['leaderboard', DEMO, '--judge', 'judge-atlas']);
  const cliCsv = cliText(['leaderboard', DEMO_REL, '--judge', 'judge-atlas', '--format', 'csv'], PUBLIC);
  const { page, context, errors } = await openPage(browser, `?data=${DEMO_REL}`);
  try {
    await page.waitForSelector(TABLE, { timeout: 60_000 });
    // CSV: every number of the CLI's JSON, and the CLI's own CSV byte for byte but the date line.
    const csv = await download(page, 'leaderboard-export', 'csv');
    assert.equal(csv.name, 'leaderboard.csv');
    const { comments, objects } = records(csv.text);
    assert.equal(objects.length, json.models.length);
    for (const [k, m] of json.models.entries()) {
      const r = objects[k];
      assert.equal(r.model, m.model);
      for (const key of ['score', 'lower', 'upper', 'avg_tokens']) {
        assert.ok(Math.abs(Number(r[key]) - m[key]) <= 1e-12, `${m.model} ${key}: ${r[key]} vs CLI ${m[key]}`);
      }
      assert.equal(Number(r.rank_ub), m.rank_ub);
      assert.equal(Number(r.battles), m.battles);
    }
    assert.ok(comments.some((c) => c === `# method_line: ${json.method_line}`), comments.join('\n'));
    assert.ok(comments.some((c) => c === '# seed: 42') && comments.some((c) => c === '# rounds: 100'));
    assert.ok(comments.some((c) => /^# date: \d{4}-\d\d-\d\d$/.test(c)));
    // Against the CLI's own CSV: every header line but the date byte for byte, every text cell
    // byte for byte, every number equal to within 2 ulps. (Byte identity of the numbers does not
    // hold: the wasm build's exp/ln (Rust's libm port) and native glibc's differ in the last bit
    // for a few values, so a few bootstrap bounds print one ulp apart; counted below.)
    const noDate = (t) => t.split('\r\n').filter((l) => !l.startsWith('# date: '));
    const [mine, theirs] = [noDate(csv.text), noDate(cliCsv)];
    assert.equal(mine.length, theirs.length);
    assert.deepEqual(mine.filter((l) => l.startsWith('#')), theirs.filter((l) => l.startsWith('#')), 'header lines');
    const [a, b] = [parseCsv(csv.text).rows, parseCsv(cliCsv).rows];
    let identical = 0;
    let cells = 0;
    for (const [k, row] of a.entries()) {
      assert.equal(row.length, b[k].length, `row ${k} width`);
      for (const [j, x] of row.entries()) {
        const y = b[k][j];
        cells += 1;
        if (x === y) { identical += 1; continue; }
        const [nx, ny] = [Number(x), Number(y)];
        assert.ok(x !== '' && Number.isFinite(nx) && Number.isFinite(ny), `row ${k} cell ${j}: ${x} vs ${y}`);
        assert.ok(Math.abs(nx - ny) <= 2 * Number.EPSILON * Math.max(Math.abs(nx), Math.abs(ny)), `row ${k} cell ${j}: ${x} vs ${y}`);
      }
    }
    console.log(`CSV against the CLI's: ${identical} of ${cells} cells byte-identical, the rest within 2 ulps`);
    // JSON: the header as an object, the same numbers.
    const js = JSON.parse((await download(page, 'leaderboard-export', 'json')).text);
    assert.equal(js.header.method, json.method);
    assert.equal(js.header.seed, 42);
    assert.equal(js.rows.length, json.models.length);
    for (const [k, m] of json.models.entries()) {
      assert.equal(js.rows[k].model, m.model);
      assert.ok(Math.abs(js.rows[k].score - m.score) <= 1e-12);
      assert.ok(Math.abs(js.rows[k].upper - m.upper) <= 1e-12);
    }
    // Markdown: a blockquote header, then one table row per model, rounded as the page shows.
    const md = (await download(page, 'leaderboard-export', 'md')).text;
    assert.match(md, /^> \*\*/);
    const mdRows = md.split('\n').filter((l) => l.startsWith('| '));
    assert.equal(mdRows.length, json.models.length + 2);
    const top = json.models[0];
    assert.ok(mdRows[2].includes(`| ${top.score.toFixed(1)} | ${top.lower.toFixed(1)} | ${top.upper.toFixed(1)} |`), mdRows[2]);
    // LaTeX: booktabs rules around one row per model.
    const tex = (await download(page, 'leaderboard-export', 'tex')).text;
    const at = (s) => tex.indexOf(s);
    assert.ok(at('\\toprule') > 0 && at('\\toprule') < at('\\midrule') && at('\\midrule') < at('\\bottomrule'), tex);
    assert.equal(tex.split('\n').filter((l) => l.endsWith(' \\\\')).length, json.models.length + 1);
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally { await context.close(); }
});

test('leaderboard LaTeX escapes an untrusted model name; its CSV keeps the name intact', async () => {
  const json = runCli(['leaderboard', path.join(MALICIOUS_FIXTURE), '--judge', 'judge-x']);
  const evil = json.models.map((m) => m.model).find((m) => m.includes('__pwned'));
  assert.ok(evil, 'the fixture has the hostile name');
  const { page, context, errors } = await openPage(browser, `?data=${MALICIOUS_DATA}&judge=judge-x`);
  try {
    await page.waitForSelector(TABLE, { timeout: 60_000 });
    const tex = (await download(page, 'leaderboard-export', 'tex')).text;
    const body = tex.split('\n').filter((l) => !l.startsWith('%'));
    assert.ok(body.some((l) => l.includes('window.\\_\\_pwned')), tex);
    assert.ok(!body.some((l) => l.includes('__pwned')), 'no raw underscore');
    const csv = records((await download(page, 'leaderboard-export', 'csv')).text);
    assert.ok(csv.objects.some((r) => r.model === evil), 'the CSV holds the name as it is');
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally { await context.close(); }
});

test('forest plot: SVG is well-formed XML with an <svg> root and the model names; PNG has the PNG signature', async () => {
  const json = runCli(['leaderboard', DEMO, '--judge', 'judge-atlas']);
  const { page, context, errors } = await openPage(browser, '');
  try {
    await page.waitForSelector(TABLE, { timeout: 60_000 });
    const svg = await download(page, 'forest-export', 'svg');
    assert.equal(svg.name, 'forest-plot.svg');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        root: doc.documentElement.localName,
        texts: [...doc.querySelectorAll('text')].map((t) => t.textContent),
      };
    }, svg.text);
    assert.equal(parsed.error, null);
    assert.equal(parsed.root, 'svg');
    for (const m of json.models) assert.ok(parsed.texts.some((t) => t.includes(m.model)), `label ${m.model}`);
    const png = await download(page, 'forest-export', 'png');
    assert.equal(png.name, 'forest-plot.png');
    assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.ok(png.bytes.length > 2000, `${png.bytes.length} bytes`);
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally { await context.close(); }
});

test('clusters, compare (paired) and judges: one export each, against the CLI', async () => {
  // Clusters: every (cluster, model) win rate of `arena-lens clusters --json`.
  const cj = runCli(['clusters', DEMO, '--judge', 'judge-atlas', '--label', 'cluster', '--rounds', '100', '--seed', '42']);
  let { page, context, errors } = await openPage(browser, '?view=clusters');
  try {
    await page.waitForSelector('[data-testid="cluster-heatmap"] tbody tr[data-model]', { timeout: 60_000 });
    const { objects } = records((await download(page, 'heatmap-export', 'csv')).text);
    const want = cj.clusters.flatMap((c) => c.models.map((m) => ({ c: c.cluster, ...m })));
    assert.equal(objects.length, want.length);
    for (const w of want) {
      const r = objects.find((o) => o.group === w.c && o.model === w.model);
      assert.ok(r, `${w.c} × ${w.model}`);
      assert.ok(Math.abs(Number(r.win_rate) - w.win_rate) <= 1e-12, `${w.c} × ${w.model}`);
      if (w.lower != null) assert.ok(Math.abs(Number(r.lower) - w.lower) <= 1e-9, `${w.c} × ${w.model} lower`);
    }
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally { await context.close(); }

  // Compare, paired table: one row per prompt, the CLI's labels and differences.
  const pj = runCli(['compare', DEMO, '--a', 'atlas-pro', '--b', 'atlas-mini', '--judge', 'judge-atlas']);
  ({ page, context, errors } = await openPage(browser, '?view=compare&a=atlas-pro&b=atlas-mini&tab=paired'));
  try {
    await page.waitForSelector('table[data-testid="paired"] tbody tr[data-question-id]', { timeout: 60_000 });
    const { objects } = records((await download(page, 'paired-export', 'csv')).text);
    assert.equal(objects.length, pj.prompts.length);
    for (const p of pj.prompts) {
      const r = objects.find((o) => o.question_id === p.question_id);
      assert.ok(r, p.question_id);
      assert.equal(r.a_game_1, p.a.games[0]?.label ?? '');
      if (p.diff != null) assert.ok(Math.abs(Number(r.diff) - p.diff) <= 1e-12, p.question_id);
    }
    const md = (await download(page, 'paired-export', 'md')).text;
    assert.equal(md.split('\n').filter((l) => l.startsWith('| ')).length, pj.prompts.length + 2);
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally { await context.close(); }

  // Judges: every judge's board (the page caps rounds at its own maximum; the default 100 is under it).
  const jj = runCli(['judges', DEMO]);
  ({ page, context, errors } = await openPage(browser, '?view=judges'));
  try {
    await page.waitForSelector('[data-testid="judges-method"]', { timeout: 120_000 });
    const js = JSON.parse((await download(page, 'judge-boards-export', 'json')).text);
    const want = jj.leaderboards.flatMap((l) => l.models.map((m) => ({ judge: l.judge, ...m })));
    assert.equal(js.rows.length, want.length);
    for (const [k, w] of want.entries()) {
      const r = js.rows[k];
      assert.equal(r.judge, w.judge);
      assert.equal(r.model, w.model);
      assert.ok(Math.abs(r.score - w.score) <= 1e-9 && Math.abs(r.lower - w.lower) <= 1e-9, `${w.judge} ${w.model}`);
    }
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally { await context.close(); }
});

/** An SVG's parse error (null when well formed), root name, texts and element counts. */
async function readSvg(page, text) {
  return page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: doc.documentElement.localName,
      texts: [...doc.querySelectorAll('text')].map((x) => x.textContent.trim()),
      rects: doc.querySelectorAll('rect').length,
      circles: doc.querySelectorAll('circle').length,
    };
  }, text);
}

/** A label cut with an ellipsis (charts' `short`) is a prefix of the name it stands for. */
function names(label, name) {
  return label === name || (label.endsWith('…') && name.startsWith(label.slice(0, -1)));
}

function isPng(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.ok(bytes.length > 2000, `${bytes.length} bytes`);
}

test('clusters heatmap, treemap and dendrogram: SVG with the page\'s names and tiles, PNG an image; screenshots', async () => {
  const { page, context, errors } = await openPage(browser, '?view=clusters&label=computed&ck=12', { viewport: { width: 1280, height: 900 } });
  try {
    await page.waitForSelector('[data-testid="cluster-done"]', { timeout: 120_000 });
    await page.waitForSelector('[data-testid="cluster-heatmap"] tbody tr[data-model]', { timeout: 60_000 });
    await page.waitForSelector('[data-testid="dendrogram"] path.link');
    const models = await page.$$eval('[data-testid="cluster-heatmap"] tbody tr[data-model]', (t) => t.map((x) => x.dataset.model));
    const groups = await page.$$eval('[data-testid="cluster-heatmap"] thead th[data-cluster]', (t) => t.map((x) => x.dataset.cluster));
    assert.ok(models.length > 2 && groups.length > 2);

    const heat = await download(page, 'heatmap-chart-export', 'svg');
    assert.equal(heat.name, 'clusters-heatmap.svg');
    const h = await readSvg(page, heat.text);
    assert.equal(h.error, null);
    assert.equal(h.root, 'svg');
    for (const m of models) assert.ok(h.texts.some((t) => names(t, m)), `heatmap row ${m}`);
    for (const g of groups) assert.ok(h.texts.some((t) => names(t, g)), `heatmap column ${g}`);
    assert.ok(h.texts.some((t) => /Win rate against the baseline/.test(t)), 'legend caption');
    // One rect per model × group, the legend's 20 steps and frame, the muted swatch, the background.
    assert.equal(h.rects, models.length * groups.length + 20 + 1 + 1 + 1);
    isPng((await download(page, 'heatmap-chart-export', 'png')).bytes);

    const tiles = await page.$$eval('[data-testid="treemap"] g.tile', (t) => t.map((x) => x.dataset.cluster));
    const heads = await page.locator('[data-testid="treemap"] g.cat-head').count();
    const tree = await download(page, 'treemap-export', 'svg');
    assert.equal(tree.name, 'clusters-treemap.svg');
    const t = await readSvg(page, tree.text);
    assert.equal(t.error, null);
    // The page's layout: one rect per tile and per category head, and the background.
    assert.equal(t.rects, tiles.length + heads + 1);
    const labelled = t.texts.filter((x) => tiles.some((g) => names(x, g)));
    assert.ok(labelled.length >= Math.min(3, tiles.length), `tile labels: ${t.texts.join(' | ')}`);
    assert.ok(t.texts.some((x) => x.startsWith('Size: prompts.')), 'caption');
    isPng((await download(page, 'treemap-export', 'png')).bytes);

    const leaves = await page.$$eval('[data-testid="dendrogram"] g.leaf title', (t) => t.map((x) => x.textContent));
    const dend = await download(page, 'dendrogram-export', 'svg');
    assert.equal(dend.name, 'clusters-dendrogram.svg');
    const d = await readSvg(page, dend.text);
    assert.equal(d.error, null);
    assert.equal(d.circles, leaves.length, 'one dot per leaf');
    for (const [i, name] of leaves.entries()) {
      assert.ok(d.texts.some((x) => /^\d+ /.test(x) && names(x.replace(/^\d+ /, ''), name)), `leaf ${i} ${name}`);
    }
    assert.ok(d.texts.includes('Merge height (Ward)'), 'axis label');
    assert.ok(d.texts.includes('0'), 'axis starts at 0');
    isPng((await download(page, 'dendrogram-export', 'png')).bytes);

    mkdirSync(RESULTS_DIR, { recursive: true });
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(RESULTS_DIR, `clusters-computed-${width}.png`), fullPage: true });
    }
    assert.deepEqual(errors, [], describeErrors(errors));
  } finally { await context.close(); }
});

test('the menu is keyboard reachable and fits at 1280 and 390 px (screenshots)', async () => {
  for (const width of [1280, 390]) {
    const { page, context, errors } = await openPage(browser, '', { viewport: { width, height: 900 } });
    try {
      await page.waitForSelector(TABLE, { timeout: 60_000 });
      const summary = page.locator('[data-testid="leaderboard-export"] summary');
      assert.equal(await summary.getAttribute('aria-label'), 'Export leaderboard table');
      await summary.scrollIntoViewIfNeeded();
      await page.evaluate(() => window.scrollBy(0, -120));
      await summary.focus();
      await page.keyboard.press('Enter');
      const csvItem = page.locator('[data-testid="leaderboard-export-csv"]');
      await csvItem.waitFor({ state: 'visible' });
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'leaderboard-export-csv');
      // The open list stays inside the viewport.
      const box = await page.locator('[data-testid="leaderboard-export"] ul').boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= width, `menu at ${box.x}..${box.x + box.width} in ${width}`);
      mkdirSync(RESULTS_DIR, { recursive: true });
      await page.screenshot({ path: path.join(RESULTS_DIR, `export-menu-${width}.png`) });
      // Escape closes it and gives the focus back to the button.
      await page.keyboard.press('Escape');
      await csvItem.waitFor({ state: 'hidden' });
      assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'SUMMARY');
      assert.deepEqual(errors, [], describeErrors(errors));
    } finally { await context.close(); }
  }
});
