// Data for the compare-page tests, written beside the built site (dist/e2e/...), indexed by the CLI.
//
// - dist/e2e/malicious/: the committed malicious fixture (crates/core/tests/fixtures/malicious) plus a
//   ~10 MB answer generated here (too big to commit).
// - dist/e2e/fulltext/manifest.json: ../shared/data/fulltext-10-prompts, served by the data server
//   (scripts/test.sh writes it too; this makes a hand run of one test file work).
import { cpSync, existsSync, mkdirSync, appendFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, DATA_URL, DATA_DIR, runCli } from './helpers.mjs';

export const DIST = path.join(REPO_ROOT, 'dist');
export const MALICIOUS_FIXTURE = path.join(REPO_ROOT, 'crates', 'core', 'tests', 'fixtures', 'malicious');
/** Data URLs, relative to the site. */
export const MALICIOUS_DATA = 'e2e/malicious/';
export const FULLTEXT_DATA = 'e2e/fulltext/';
export const FULLTEXT_BASELINE = 'truth_model';

/** The ~10 MB answer of evil-a to mal-big (payloads between ordinary markdown), as one JSONL line. */
export function hugeAnswerLine() {
  const chunk = "## Part\n\nSome **bold** text, a [bad link](javascript:window.__pwned='huge') and "
    + "<script>window.__pwned='huge'</script> <img src=x onerror=\"window.__pwned='huge'\">\n\n"
    + "- item one\n- item two\n\n```python\nprint('<script>')\n```\n\n";
  const text = chunk.repeat(Math.ceil(10_000_000 / chunk.length));
  return JSON.stringify({
    question_id: 'mal-big', answer_id: 'huge', model_id: 'evil-a',
    choices: [{ index: 0, turns: [{ content: text, token_len: Math.floor(text.length / 4) }] }], tstamp: 0,
  });
}

/** Copies the malicious fixture under dist/e2e/malicious/malicious/, adds the huge answer, indexes it. */
export function prepareMalicious() {
  const root = path.join(DIST, 'e2e', 'malicious');
  const bench = path.join(root, 'malicious');
  mkdirSync(root, { recursive: true });
  cpSync(MALICIOUS_FIXTURE, bench, { recursive: true });
  appendFileSync(path.join(bench, 'model_answer', 'evil-a.jsonl'), `${hugeAnswerLine()}\n`);
  runCli(['index', root, '--baseline', 'base-model'], { json: false });
  return root;
}

/** Writes dist/e2e/fulltext/manifest.json pointing at the data server, unless it is there already. */
export function prepareFulltext() {
  if (!DATA_URL || !DATA_DIR) return null;
  const out = path.join(DIST, 'e2e', 'fulltext', 'manifest.json');
  if (!existsSync(out)) {
    runCli(['index', path.join(DATA_DIR, 'fulltext-10-prompts'), '--out', out,
      '--base', `${DATA_URL}fulltext-10-prompts/`, '--baseline', FULLTEXT_BASELINE], { json: false });
  }
  return out;
}

/** Reads a JSONL file. */
export function readJsonl(file) {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
}

/** The fulltext set as plain objects: questions (in file order), answers and judgments by model. */
export function loadFulltext() {
  const dir = path.join(DATA_DIR, 'fulltext-10-prompts', 'arena-hard-v0.1');
  const questions = readJsonl(path.join(dir, 'question.jsonl'));
  const answers = (model) => Object.fromEntries(readJsonl(path.join(dir, 'model_answer', `${model}.jsonl`))
    .map((a) => [a.question_id, a.choices[0].turns[0].content]));
  const judgments = (model) => Object.fromEntries(readJsonl(path.join(dir, 'model_judgment', 'gpt-4-1106-preview', `${model}.jsonl`))
    .map((j) => [j.question_id, j.games]));
  return { questions, answers, judgments };
}

const MIRROR = { 'A>>B': 'B>>A', 'A>B': 'B>A', 'A=B': 'A=B', 'B>A': 'A>B', 'B>>A': 'A>>B' };
const KNOWN = new Set(Object.keys(MIRROR));

/** The model's result in game g (1 or 2) for the judge's label: game 1 has the model as Assistant B. */
export function modelResult(game, label) {
  if (!KNOWN.has(label)) return null;
  const forModelAsA = game === 1 ? MIRROR[label] : label;
  if (forModelAsA.startsWith('A>')) return 'win';
  if (forModelAsA === 'A=B') return 'tie';
  return 'loss';
}

/** True when both games are usable and give different results after mirroring game 2. */
export function gamesDisagree(games) {
  if (!games || games.length < 2) return false;
  const [r1, r2] = [modelResult(1, games[0].score), modelResult(2, games[1].score)];
  return r1 !== null && r2 !== null && r1 !== r2;
}

/** A model's prompt score: mean over usable games of win 1, tie ½, loss 0. */
export function promptScore(games) {
  const s = (games ?? []).map((g, i) => modelResult(i + 1, g.score)).filter((r) => r)
    .map((r) => ({ win: 1, tie: 0.5, loss: 0 }[r]));
  return s.length ? s.reduce((a, b) => a + b, 0) / s.length : null;
}
