//! One benchmark's loaded data: prompts, answers, judgments and battle rows, with interned names.
//!
//! Names are interned once so that every later step (battles, fits, bootstraps) works on small integer
//! ids; the strings come back only for display.

use crate::report::LoadReport;
use crate::shared_str::{SharedList, SharedStr};
use crate::style::StyleRaw;
use crate::style_pair::StylePair;
use crate::verdict::{Outcome, Verdict};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Which layout a bench's verdicts came in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Layout {
    V01,
    V20,
    Battles,
    /// A Chatbot Arena battle log (FastChat `clean_battle`, the released chat datasets).
    ArenaLog,
    /// FastChat llm_judge's MT-Bench folder: pairwise and single-grade judgments.
    MtBench,
    /// AlpacaEval annotations against a reference model.
    AlpacaEval,
    /// WildBench pairwise or score-mode results.
    #[serde(rename = "wildbench")]
    WildBench,
    /// Questions or answers only, no verdicts yet.
    Empty,
}

/// Strings interned to dense ids, in first-seen order.
#[derive(Clone, Debug, Default)]
pub struct Interner {
    names: Vec<String>,
    index: FxHashMap<String, u32>,
}

impl Interner {
    /// The id of `name`, adding it if new.
    pub fn intern(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.index.get(name) {
            return i;
        }
        let i = self.names.len() as u32;
        self.names.push(name.to_string());
        self.index.insert(name.to_string(), i);
        i
    }
    pub fn get(&self, name: &str) -> Option<u32> {
        self.index.get(name).copied()
    }
    pub fn name(&self, id: u32) -> &str {
        &self.names[id as usize]
    }
    pub fn len(&self) -> usize {
        self.names.len()
    }
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
    pub fn names(&self) -> &[String] {
        &self.names
    }
}

/// A prompt (question).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Prompt {
    /// Shared with the [`Bench::prompt_index`] key, so a million prompts keep their ids once.
    pub id: SharedStr,
    /// The short label fields are [`SharedStr`]s, which a reader interns: a million prompts in a
    /// dozen languages hold a dozen copies (see [`crate::shared_str`]).
    pub category: SharedStr,
    pub subcategory: SharedStr,
    pub cluster: SharedStr,
    /// The Korean topic cluster (`ko_cluster` in the Korean question file); empty elsewhere.
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub ko_cluster: SharedStr,
    /// The first user turn (v0.1 `turns[0].content`, v2.0 `prompt`).
    pub text: String,
    /// Later user turns of a multi-turn question (v0.1 `turns[1..]`); empty for single-turn prompts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub later_turns: Vec<String>,
    /// The format's own labels of the prompt beyond `category` (Chatbot Arena `category_tag`:
    /// `math`, `instruction_following`, `creative_writing`, `hard_prompt`, `code`); empty elsewhere.
    #[serde(default, skip_serializing_if = "<[SharedStr]>::is_empty")]
    pub labels: SharedList,
    /// The seven quality criteria (Chatbot Arena `category_tag.criteria_v0.1`), when the data
    /// tags the prompt; `None`: untagged (not a score of 0). See [`crate::criteria`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub criteria: Option<crate::criteria::Criteria>,
}

/// One model's answer to one prompt.
#[derive(Clone, Debug, Default)]
pub struct Answer {
    pub model: u32,
    pub prompt: u32,
    /// The first assistant turn.
    pub text: String,
    /// Later assistant turns of a multi-turn answer (v0.1 `choices[0].turns[1..]`, v2.0 later assistant
    /// messages); empty for single-turn answers.
    pub later_turns: Vec<String>,
    /// User turns after the first, when a v2.0 answer carries the conversation in `messages`.
    pub later_user_turns: Vec<String>,
    /// `token_len` from the turn or from the metadata, if either has it.
    pub tokens: Option<f64>,
    /// Style metadata (`conv_metadata` / `metadata`), if present.
    pub style: Option<StyleRaw>,
}

/// One game of a judgment: the verdict (if usable) and the judge's text.
#[derive(Clone, Debug, Default)]
pub struct Game {
    pub verdict: Option<Verdict>,
    /// The score was JSON `null` or absent (as opposed to an unknown label). arena-hard-v2.0's
    /// show_result.py drops a row with such a game whole; the v0.1 tool drops the game.
    pub null: bool,
    pub judgment: String,
    pub user_prompt: String,
    /// AlpacaEval's continuous preference in [1, 2] (1: Assistant A preferred, 2: B), kept as
    /// written; `verdict` is its rounded reading. `None` for label-based formats.
    pub preference: Option<f64>,
}

/// A judgment row: one judge on one model's answer to one prompt, against a baseline.
#[derive(Clone, Debug)]
pub struct Judgment {
    pub judge: u32,
    pub model: u32,
    pub prompt: u32,
    /// The baseline named in the row (v2.0 rows name it; v0.1 rows do not).
    pub baseline: Option<u32>,
    /// Game 1 has the baseline as Assistant A; game 2 swaps them. A single-game row has one.
    pub games: Vec<Game>,
    /// Where the row was read: an index into [`Bench::judgment_files`] and the 1-based line, so a
    /// method that drops rows later can still report them by `file:line`.
    pub file: u32,
    pub line: u32,
    /// The conversation turn judged: 1, or 2 for MT-Bench's second-turn judgments (a separate
    /// judgment of the same prompt). Arena-Hard rows are turn 1.
    pub turn: u8,
    /// The judge prompt's name where the row gives one (MT-Bench's `judge[1]`, e.g. `pair-v2`).
    pub judge_prompt: String,
}

/// A row of a battles file, as written (strong verdicts already repeated).
#[derive(Clone, Debug)]
pub struct FileBattle {
    pub prompt: u32,
    pub a: u32,
    pub b: u32,
    pub outcome: Outcome,
    /// Both sides' style counts, kept compact (a million battles each have them).
    pub style: StylePair,
    /// Chatbot Arena: whether the vote was cast before the models were revealed (`anony`); `None`
    /// when the row does not say (Arena-Hard battles files, the 55k CSV).
    pub anony: Option<bool>,
    /// Chatbot Arena: the vote's Unix time (`tstamp`), if given.
    pub tstamp: Option<f64>,
    /// Chatbot Arena: the tie was `tie (bothbad)` (both answers bad); it scores as a tie.
    pub bothbad: bool,
}

/// Everything loaded for one bench.
#[derive(Clone, Debug)]
pub struct Bench {
    pub name: String,
    pub layout: Layout,
    pub models: Interner,
    pub judges: Interner,
    pub prompts: Vec<Prompt>,
    pub prompt_index: FxHashMap<SharedStr, u32>,
    pub answers: Vec<Answer>,
    pub answer_index: HashMap<(u32, u32), u32>,
    /// Models that have an answer file (by file name), in sorted order.
    pub answer_files: Vec<u32>,
    /// Models that have a judgment file, per judge id.
    pub judged_models: Vec<Vec<u32>>,
    pub judgments: Vec<Judgment>,
    /// The judgment files' paths, indexed by [`Judgment::file`].
    pub judgment_files: Vec<String>,
    pub file_battles: Vec<FileBattle>,
    /// A baseline named by a manifest, if any.
    pub manifest_baseline: Option<String>,
    pub report: LoadReport,
    /// Absolute grades (MT-Bench's `<judge>_single.jsonl`, WildBench score mode), see
    /// [`crate::grade`].
    pub grades: Vec<crate::grade::Grade>,
    /// Published scores tables (leaderboard CSV/JSON) read as scores-only runs.
    pub tables: Vec<crate::diff::scores::ScoresRun>,
    /// Reference answers shown to the judges (MT-Bench's `reference_answer/`), never scored.
    pub references: Vec<crate::reference_answer::ReferenceAnswer>,
    /// Judge prompt templates by name (FastChat's `judge_prompts.jsonl`), for display.
    pub judge_prompts: Vec<crate::judge_prompt::JudgePrompt>,
}

impl Bench {
    pub fn new(name: &str) -> Bench {
        Bench {
            name: name.to_string(),
            layout: Layout::Empty,
            models: Interner::default(),
            judges: Interner::default(),
            prompts: Vec::new(),
            prompt_index: FxHashMap::default(),
            answers: Vec::new(),
            answer_index: HashMap::new(),
            answer_files: Vec::new(),
            judged_models: Vec::new(),
            judgments: Vec::new(),
            judgment_files: Vec::new(),
            file_battles: Vec::new(),
            manifest_baseline: None,
            report: LoadReport::default(),
            grades: Vec::new(),
            tables: Vec::new(),
            references: Vec::new(),
            judge_prompts: Vec::new(),
        }
    }

    /// The id of a prompt, adding a text-less prompt when a verdict names one the questions lack.
    pub fn prompt_id(&mut self, id: &str) -> u32 {
        if let Some(&i) = self.prompt_index.get(id) {
            return i;
        }
        let i = self.prompts.len() as u32;
        let id = SharedStr::from(id);
        self.prompt_index.insert(id.clone(), i);
        self.prompts.push(Prompt {
            id,
            ..Prompt::default()
        });
        i
    }

    /// Adds a single-turn answer of `model` to `prompt`, keeping the first when one is loaded
    /// already (an output may appear in two files).
    pub(crate) fn add_answer(&mut self, model: u32, prompt: u32, text: &str) {
        if self.answer_index.contains_key(&(model, prompt)) {
            return;
        }
        let idx = self.answers.len() as u32;
        self.answers.push(Answer {
            model,
            prompt,
            text: text.to_string(),
            ..Answer::default()
        });
        self.answer_index.insert((model, prompt), idx);
        self.report.answers += 1;
    }

    /// The answer of `model` to `prompt`, if loaded.
    pub fn answer(&self, model: u32, prompt: u32) -> Option<&Answer> {
        self.answer_index
            .get(&(model, prompt))
            .map(|&i| &self.answers[i as usize])
    }

    /// Judge names, in load order.
    pub fn judge_names(&self) -> &[String] {
        self.judges.names()
    }

    /// All model names that appear anywhere in the bench.
    pub fn model_names(&self) -> &[String] {
        self.models.names()
    }

    /// Sorted distinct categories of the prompts.
    pub fn categories(&self) -> Vec<String> {
        let mut v: Vec<String> = self
            .prompts
            .iter()
            .map(|p| p.category.to_string())
            .collect();
        v.sort();
        v.dedup();
        v
    }
}
