//! Recognising a file's format by its content.
//!
//! Arena-Hard folders are recognised by their paths (`source::classify`). The other formats people
//! keep (Chatbot Arena battle logs, FastChat's MT-Bench judgments, AlpacaEval annotations, WildBench
//! results, published leaderboard tables) are single files whose names say little: `annotations.json`,
//! `gemma-2b-it.json`, `clean_battle_20240220.json`. So the first record decides: the first object of
//! a JSON array, the first line of a JSON Lines file, or the header of a CSV. Only that record is
//! parsed, so sniffing a large file costs one record.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A format recognised by content.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FormatKind {
    /// FastChat `clean_battle_*.json` (a JSON array) or a Chatbot Arena battle log in JSON Lines with
    /// `anony`, `tstamp`, `conversation_a`, ... (the 33k / 100k / 140k releases).
    ArenaBattles,
    /// The Chatbot Arena 55k CSV: one-hot `winner_model_a` / `winner_model_b` / `winner_tie`,
    /// JSON-encoded turn lists in `prompt`, `response_a`, `response_b`.
    ArenaBattlesCsv,
    /// FastChat llm_judge `model_judgment/<judge>_pair.jsonl`: `model_1`, `model_2`, `g1_winner`, ...
    MtBenchPair,
    /// FastChat llm_judge `model_judgment/<judge>_single.jsonl`: `model`, `score` 1-10, `turn`.
    MtBenchSingle,
    /// FastChat llm_judge `reference_answer/<model>.jsonl`.
    MtBenchReference,
    /// FastChat llm_judge `judge_prompts.jsonl`: the judges' prompt templates.
    MtBenchJudgePrompts,
    /// AlpacaEval `annotations.json`: `instruction`, `output_1`, `generator_1`, `output_2`,
    /// `generator_2`, `annotator`, `preference` in [1, 2].
    AlpacaAnnotations,
    /// AlpacaEval `model_outputs.json`: `instruction`, `output`, `generator`, `dataset`.
    AlpacaOutputs,
    /// WildBench per-instance pairwise results: `session_id`, `parsed_result.choice` (A++ ... B++),
    /// `model_A`, `model_B`, `winner`, `extent`.
    WildBenchPairwise,
    /// WildBench per-instance score mode: `session_id`, `parsed_result.score` ("1".."10").
    WildBenchScore,
    /// A published table of per-model results with no verdicts: a leaderboard CSV (Arena-Hard,
    /// AlpacaEval, arena-catalog, FastChat's Elo table) or a JSON object keyed by model (WildBench's
    /// `pairwise-*.json`, `score.json`, `all_stat_wildbench.*.json`). Loads as a scores-only run.
    ScoresTable,
}

impl FormatKind {
    /// The name a load report uses for the format.
    pub fn describe(self) -> &'static str {
        match self {
            FormatKind::ArenaBattles => "a Chatbot Arena battle log",
            FormatKind::ArenaBattlesCsv => "a Chatbot Arena 55k-style battle CSV",
            FormatKind::MtBenchPair => "MT-Bench pairwise judgments",
            FormatKind::MtBenchSingle => "MT-Bench single-grade judgments",
            FormatKind::MtBenchReference => "MT-Bench reference answers",
            FormatKind::MtBenchJudgePrompts => "MT-Bench judge prompts",
            FormatKind::AlpacaAnnotations => "AlpacaEval annotations",
            FormatKind::AlpacaOutputs => "AlpacaEval model outputs",
            FormatKind::WildBenchPairwise => "WildBench pairwise results",
            FormatKind::WildBenchScore => "WildBench score-mode results",
            FormatKind::ScoresTable => "a published scores table",
        }
    }
}

/// The format of a file that its path alone does not place, from its first record; `None` when
/// the content matches no known format (the caller keeps its path-based reading).
pub fn sniff(path: &str, text: &str) -> Option<FormatKind> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let body = text.trim_start();
    let lower = path.to_ascii_lowercase();
    if lower.ends_with(".csv") || lower.ends_with(".tsv") {
        return sniff_csv(body);
    }
    match body.as_bytes().first() {
        Some(b'[') => first_array_object(&body[1..]).and_then(|o| sniff_object(&o)),
        Some(b'{') => {
            let first = first_value(body)?;
            let obj = first.as_object()?;
            // A JSON object keyed by model (every value an object with numbers) is a scores table;
            // a JSON Lines record is matched by its fields.
            sniff_object(obj).or_else(|| keyed_by_model(obj).then_some(FormatKind::ScoresTable))
        }
        _ => None,
    }
}

/// The format a record's fields mark.
fn sniff_object(o: &Map<String, Value>) -> Option<FormatKind> {
    let has = |k: &str| o.contains_key(k);
    if has("g1_winner") && has("model_1") && has("model_2") {
        return Some(FormatKind::MtBenchPair);
    }
    if has("judge") && has("model") && has("score") && (has("turn") || has("question_id")) {
        return Some(FormatKind::MtBenchSingle);
    }
    if has("system_prompt") && has("prompt_template") {
        return Some(FormatKind::MtBenchJudgePrompts);
    }
    if has("preference") && has("generator_1") && has("generator_2") {
        return Some(FormatKind::AlpacaAnnotations);
    }
    if has("instruction") && has("output") && has("generator") {
        return Some(FormatKind::AlpacaOutputs);
    }
    if has("session_id") {
        let parsed = o.get("parsed_result").and_then(Value::as_object);
        if has("model_A") || has("model_B") || parsed.is_some_and(|p| p.contains_key("choice")) {
            return Some(FormatKind::WildBenchPairwise);
        }
        if parsed.is_some_and(|p| p.contains_key("score")) || has("score") {
            return Some(FormatKind::WildBenchScore);
        }
    }
    if has("model_a") && has("model_b") && has("winner") {
        // A plain `{question_id, model_a, model_b, winner}` row is the Arena-Hard battles layout;
        // Arena's own logs carry votes' metadata or the conversations.
        let arena = [
            "anony",
            "tstamp",
            "conversation_a",
            "judge",
            "turn",
            "language",
        ];
        if arena.iter().any(|k| has(k)) {
            return Some(FormatKind::ArenaBattles);
        }
        return None;
    }
    if has("question_id") && has("model_id") && has("choices") {
        // An answer file outside `model_answer/`: FastChat keeps reference answers this way.
        return Some(FormatKind::MtBenchReference);
    }
    None
}

/// A CSV's format from its header row.
fn sniff_csv(body: &str) -> Option<FormatKind> {
    let header = body.lines().next()?;
    let cols: Vec<String> = header
        .split(',')
        .map(|c| c.trim().trim_matches('"').to_ascii_lowercase())
        .collect();
    let has = |k: &str| cols.iter().any(|c| c == k);
    if has("winner_model_a") && has("winner_model_b") {
        return Some(FormatKind::ArenaBattlesCsv);
    }
    let model = cols
        .iter()
        .any(|c| matches!(c.as_str(), "model" | "model_name" | "name" | "key" | ""));
    let score = cols.iter().any(|c| {
        c == "score"
            || c == "rating"
            || c == "elo"
            || c == "win_rate"
            || c.contains("elo rating")
            || c == "arena score"
    });
    (model && score).then_some(FormatKind::ScoresTable)
}

/// True when every value of the object is an object holding at least one number: a table keyed by
/// model name. A `config` entry (as `wb_elo_results.json` has) is allowed beside the models.
fn keyed_by_model(o: &Map<String, Value>) -> bool {
    !o.is_empty()
        && o.values().all(|v| {
            v.as_object().is_some_and(|m| {
                m.values().any(|x| x.is_number() || x.is_object())
                    && !m.contains_key("turns")
                    && !m.contains_key("choices")
            })
        })
}

/// The first JSON value of a text (a JSON Lines file's first record, or a whole object).
fn first_value(text: &str) -> Option<Value> {
    serde_json::Deserializer::from_str(text)
        .into_iter::<Value>()
        .next()?
        .ok()
}

/// The first object after an array's `[`, read without parsing the rest of the array.
fn first_array_object(rest: &str) -> Option<Map<String, Value>> {
    match first_value(rest.trim_start())? {
        Value::Object(o) => Some(o),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_mark_their_format() {
        let cases = [
            (
                "b.json",
                r#"[{"model_a":"x","model_b":"y","winner":"tie","anony":true,"tstamp":1.0}, {"#,
                Some(FormatKind::ArenaBattles),
            ),
            (
                "b.jsonl",
                r#"{"question_id":"q","model_a":"x","model_b":"y","winner":"model_a"}"#,
                None,
            ),
            (
                "m/model_judgment/gpt-4_pair.jsonl",
                r#"{"question_id":81,"model_1":"a","model_2":"b","g1_winner":"tie","g2_winner":"error"}"#,
                Some(FormatKind::MtBenchPair),
            ),
            (
                "gpt-4_single.jsonl",
                r#"{"question_id":81,"model":"a","judge":["gpt-4","single-v1"],"score":7,"turn":1}"#,
                Some(FormatKind::MtBenchSingle),
            ),
            (
                "data/judge_prompts.jsonl",
                r#"{"name": "pair-v2", "type": "pairwise", "system_prompt": "s", "prompt_template": "t", "output_format": "[[A]]"}"#,
                Some(FormatKind::MtBenchJudgePrompts),
            ),
            (
                "gpt-4.jsonl",
                r#"{"question_id": 101, "answer_id": "x", "model_id": "gpt-4", "choices": [{"index": 0, "turns": ["a", "b"]}]}"#,
                Some(FormatKind::MtBenchReference),
            ),
            (
                "annotations.json",
                "[\n {\"instruction\":\"i\",\"output_1\":\"o\",\"generator_1\":\"g\",\"output_2\":\"p\",\"generator_2\":\"h\",\"preference\":1.5}",
                Some(FormatKind::AlpacaAnnotations),
            ),
            (
                "model_outputs.json",
                r#"[{"instruction":"i","output":"o","generator":"g","dataset":"d"}]"#,
                Some(FormatKind::AlpacaOutputs),
            ),
            (
                "gemma.json",
                r#"[{"session_id":"s","parsed_result":{"score":"7"},"model_test":"m"}]"#,
                Some(FormatKind::WildBenchScore),
            ),
            (
                "pair.json",
                r#"[{"session_id":"s","parsed_result":{"choice":"A+"},"model_A":"m","model_B":"n"}]"#,
                Some(FormatKind::WildBenchPairwise),
            ),
            (
                "score.json",
                r#"{"m": {"model": "m", "score": 7.9}, "n": {"model": "n", "score": 6.1}}"#,
                Some(FormatKind::ScoresTable),
            ),
            (
                "train.csv",
                "id,model_a,model_b,prompt,response_a,response_b,winner_model_a,winner_model_b,winner_tie\n",
                Some(FormatKind::ArenaBattlesCsv),
            ),
            (
                "lb.csv",
                ",win_rate,standard_error,n_wins\nm,1,2,3\n",
                Some(FormatKind::ScoresTable),
            ),
            ("notes.csv", "a,b\n1,2\n", None),
            ("x.json", "not json", None),
        ];
        for (path, text, want) in cases {
            assert_eq!(sniff(path, text), want, "{path}");
        }
    }
}
