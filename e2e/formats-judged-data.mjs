// The MT-Bench, AlpacaEval and WildBench data the format e2e tests open, shared by
// formats-judged.test.mjs and a11y.test.mjs: paths of the real sets in ../shared/data, the
// manifests that let the site open a ../shared folder (written beside the site under dist/e2e/,
// the files staying on the data server), and a small WildBench pairwise fixture.
import path from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { DATA_URL, DATA_DIR, REPO_ROOT, runCli } from './helpers.mjs';

export const MTB = 'formats/mt_bench/Stefanstud__FastChat/fastchat/llm_judge/data';
export const ALPACA = 'formats/alpaca_eval/tatsu-lab__alpaca_eval/results/alpaca-7b';
export const WB = 'formats/wildbench/allenai__WildBench';
export const WB_SCORE = `${WB}/eval_results/v2.0625/score.v2/eval=gpt-4o-2024-05-13/gemma-2b-it.json`;
export const WB_TABLE = `${WB}/leaderboard/data_dir/pairwise-haiku-K=-1.json`;
export const DIST_E2E = path.join(REPO_ROOT, 'dist', 'e2e');

// A WildBench per-instance pairwise file in the fields of allenai/WildBench
// src/openai_batch_eval/batch_results_format.py (the real ones are too large to ship): the path
// names the judge (eval=) and the reference (ref=), as WildBench lays them out.
export const WB_PAIR = 'wildbench-pair/pairwise.v2/eval=gpt-4-turbo-2024-04-09/ref=claude-3-haiku-20240307/m.json';
export const HAIKU = 'claude-3-haiku-20240307';
const WB_PAIR_ITEMS = [
  ['s1', 'A++', 'm', HAIKU], ['s2', 'B+', 'm', HAIKU], ['s3', 'A+', HAIKU, 'm'], ['s4', 'A=B', 'm', HAIKU], ['s5', 'B++', HAIKU, 'm'],
].map(([id, choice, a, b]) => ({
  session_id: id, model_A: a, model_B: b,
  parsed_result: { 'analysis of A': `A on ${id} <b id="wb-injected">bold</b>`, 'analysis of B': `B on ${id}`, choice },
  model_outputs: { [a]: `answer of ${a} on ${id}`, [b]: `answer of ${b} on ${id}` },
}));

/** Writes the WildBench pairwise fixture under dist/e2e/ and, when ../shared/data is served, the
 * MT-Bench and AlpacaEval manifests (`?data=e2e/mt-bench/`, `?data=e2e/alpaca/`). */
export function prepareJudgedFormats() {
  const pair = path.join(DIST_E2E, WB_PAIR);
  mkdirSync(path.dirname(pair), { recursive: true });
  writeFileSync(pair, JSON.stringify(WB_PAIR_ITEMS, null, 1));
  if (!DATA_DIR || !DATA_URL) return;
  for (const [name, rel] of [['mt-bench', MTB], ['alpaca', ALPACA]]) {
    runCli(['index', path.join(DATA_DIR, rel), '--out', path.join(DIST_E2E, name, 'manifest.json'), '--base', `${DATA_URL}${rel}/`], { json: false });
  }
}
