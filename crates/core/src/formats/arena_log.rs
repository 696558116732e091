//! Chatbot Arena battle logs: FastChat's `clean_battle_*.json` (a JSON array of
//! `{model_a, model_b, winner, judge, anony, tstamp}`), the same records as JSON Lines, and the
//! released chat datasets' records (`question_id`, `turn`, `language`, `conversation_a/b` as
//! OpenAI-style message lists, `category_tag`, `conv_metadata`).
//!
//! Every record becomes one [`FileBattle`] (its vote, `anony`, `tstamp`, `tie (bothbad)`), and when
//! it carries the conversations, a prompt (the user turns) and both models' answers (the assistant
//! turns). A bad record is reported as `file:line` for JSON Lines and as `item N` (with the line it
//! starts on) for a JSON array; an array broken in the middle is read on from the next record.
//! The 55k CSV (`arena_csv.rs`) fills the same [`ArenaBattle`].
//!
//! A JSON Lines record is first read by the typed fast path (`arena_fast.rs`); only a record it
//! declines is parsed into a `serde_json::Value` here, which is what names a bad field. A log can
//! also be handed over line by line (`arena_lines.rs`), so a million battles are never one string.

use super::battles::style_pair;
use super::{kind, lines, parse_object, req_str, FieldError};
use crate::bench::{Answer, Bench, FileBattle, Layout};
use crate::criteria::Criteria;
use crate::report::IssueKind;
use crate::shared_str::Interned;
use crate::style::StyleRaw;
use crate::verdict::Outcome;
use serde_json::{Map, Value};
use std::borrow::Cow;

/// One battle as any Arena format gives it, checked, before it enters the bench.
/// Strings borrow from the record's text where they can (the fast path), so a battle costs no
/// allocation for its id and model names.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct ArenaBattle<'a> {
    /// `question_id` / `id`; `None` for FastChat's clean_battle rows, which have none.
    pub id: Option<Cow<'a, str>>,
    pub model_a: Cow<'a, str>,
    pub model_b: Cow<'a, str>,
    pub outcome: Option<Outcome>,
    pub bothbad: bool,
    pub anony: Option<bool>,
    pub tstamp: Option<f64>,
    pub language: Option<Cow<'a, str>>,
    pub labels: Vec<String>,
    /// `category_tag.criteria_v0.1`, when the record has it.
    pub criteria: Option<Criteria>,
    /// The user turns (from `conversation_a`, or the CSV's `prompt`).
    pub user_turns: Vec<String>,
    /// Each side's assistant turns, when the record has them.
    pub answers: Option<(Vec<String>, Vec<String>)>,
    pub style: Option<(StyleRaw, StyleRaw)>,
}

/// Where a record was read, for the load report.
#[derive(Clone, Copy, Debug)]
pub(crate) struct At {
    /// 1-based line the record starts on.
    pub line: usize,
    /// 1-based position in a JSON array; `None` for a JSON Lines or CSV record.
    pub item: Option<usize>,
}

impl At {
    /// The message prefix naming the array item, so a report reads `file:line: item N ...`.
    fn prefix(self) -> String {
        self.item.map(|i| format!("item {i}: ")).unwrap_or_default()
    }
}

/// Reads a battle log (a JSON array or JSON Lines) into the bench.
pub fn parse(bench: &mut Bench, file: &str, text: &str) {
    if bench.layout == Layout::Empty {
        bench.layout = Layout::ArenaLog;
    }
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut seen = Seen::default();
    if body.trim_start().starts_with('[') {
        for (at, item) in array_items(body) {
            bench.report.lines += 1;
            match item {
                Ok(Value::Object(o)) => record(bench, file, at, &o, &mut seen),
                Ok(other) => bench.report.push(
                    IssueKind::BadJson,
                    file,
                    at.line,
                    "",
                    format!(
                        "{}expected a JSON object, found {}",
                        at.prefix(),
                        kind(&other)
                    ),
                ),
                Err(e) => bench.report.push(
                    IssueKind::BadJson,
                    file,
                    at.line,
                    "",
                    format!("{}{e}", at.prefix()),
                ),
            }
        }
    } else {
        for (n, line) in lines(body) {
            json_line(bench, file, n, line, &mut seen);
        }
    }
}

/// Reads one non-blank JSON Lines record: through the fast path, or else the `Value` path, which
/// reports what is wrong with it.
pub(crate) fn json_line(bench: &mut Bench, file: &str, n: usize, line: &str, seen: &mut Seen) {
    apply_line(bench, file, n, read_line(line), seen);
}

/// A JSON Lines record read apart from the bench: a checked battle, or the issue to report
/// (kind, field, message).
pub(crate) type LineRead<'a> = Result<ArenaBattle<'a>, (IssueKind, String, String)>;

/// Reads one non-blank JSON Lines record without touching the bench (pure, so any thread can).
pub(crate) fn read_line(line: &str) -> LineRead<'_> {
    if let Some(b) = super::arena_fast::battle(line) {
        return Ok(b);
    }
    match parse_object(line) {
        Ok(o) => from_json(&o).map_err(|(kind, e)| (kind, e.field, e.message)),
        Err(e) => Err((IssueKind::BadJson, String::new(), e)),
    }
}

/// Adds what [`read_line`] read from line `n` to the bench, as one sequential reader would.
pub(crate) fn apply_line(bench: &mut Bench, file: &str, n: usize, r: LineRead, seen: &mut Seen) {
    bench.report.lines += 1;
    let at = At {
        line: n,
        item: None,
    };
    match r {
        Ok(b) => add(bench, file, at, b, seen),
        Err((kind, field, message)) => bench.report.push(kind, file, n, &field, message),
    }
}

/// Reads one record, or reports why not.
fn record(bench: &mut Bench, file: &str, at: At, o: &Map<String, Value>, seen: &mut Seen) {
    match from_json(o) {
        Ok(b) => add(bench, file, at, b, seen),
        Err((kind, e)) => bench.report.push(
            kind,
            file,
            at.line,
            &e.field,
            format!("{}{}", at.prefix(), e.message),
        ),
    }
}

type RecordError = (IssueKind, FieldError);

/// A conversation's user turns and assistant turns.
type Turns = (Vec<String>, Vec<String>);

/// The checked fields of a JSON record.
fn from_json(o: &Map<String, Value>) -> Result<ArenaBattle<'static>, RecordError> {
    let missing = |e: FieldError| (IssueKind::MissingField, e);
    let model_a = model_name(o, "model_a").map_err(missing)?;
    let model_b = model_name(o, "model_b").map_err(missing)?;
    let winner = req_str(o, "winner").map_err(missing)?;
    let (outcome, bothbad) = parse_winner(&winner)?;
    let anony = match o.get("anony") {
        None | Some(Value::Null) => None,
        Some(Value::Bool(b)) => Some(*b),
        Some(other) => {
            return Err(missing(FieldError::new(
                "anony",
                format!("expected a boolean, found {}", kind(other)),
            )))
        }
    };
    let tstamp = o.get("tstamp").and_then(Value::as_f64);
    let id = match o.get("question_id") {
        None | Some(Value::Null) => None,
        Some(_) => Some(req_str(o, "question_id").map_err(missing)?),
    };
    let (user_turns, answers) =
        turns_of(o.get("conversation_a"), o.get("conversation_b")).map_err(missing)?;
    let mut labels = category_labels(o.get("category_tag"));
    let criteria = o
        .get("category_tag")
        .and_then(|t| t.get("criteria_v0.1"))
        .and_then(Value::as_object)
        // An empty object tags nothing (the fast path cannot tell it from a non-object).
        .filter(|c| !c.is_empty())
        .map(|c| {
            Criteria::from_flags(
                c.iter()
                    .map(|(k, v)| (k.as_str(), v.as_bool() == Some(true))),
            )
        });
    if o.get("is_code").and_then(Value::as_bool) == Some(true)
        && !labels.iter().any(|l| l == "code")
    {
        labels.push("code".into());
    }
    Ok(ArenaBattle {
        id: id.map(Cow::Owned),
        model_a: model_a.into(),
        model_b: model_b.into(),
        outcome: Some(outcome),
        bothbad,
        anony,
        tstamp,
        language: super::opt_str(o, "language").map(Cow::Owned),
        labels,
        criteria,
        user_turns,
        answers,
        style: o.get("conv_metadata").and_then(style_pair),
    })
}

/// A model name: a non-empty string that is not a `-` placeholder.
fn model_name(o: &Map<String, Value>, field: &str) -> Result<String, FieldError> {
    let name = req_str(o, field)?;
    if usable_model_name(&name) {
        Ok(name)
    } else {
        Err(FieldError::new(
            field,
            format!("{name:?} is not a model name"),
        ))
    }
}

/// False for an empty name or a `-` placeholder.
pub(crate) fn usable_model_name(name: &str) -> bool {
    !matches!(name.trim(), "" | "-")
}

/// The user turns and both sides' assistant turns of `conversation_a` / `conversation_b`
/// (absent or `null`: none).
pub(crate) fn turns_of(
    a: Option<&Value>,
    b: Option<&Value>,
) -> Result<(Vec<String>, Option<Turns>), FieldError> {
    let conv = |v: Option<&Value>, name: &str| -> Result<Option<Turns>, FieldError> {
        match v {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Array(msgs)) => conversation(msgs, name).map(Some),
            Some(other) => Err(FieldError::new(
                name,
                format!("expected a list of messages, found {}", kind(other)),
            )),
        }
    };
    let (ca, cb) = (conv(a, "conversation_a")?, conv(b, "conversation_b")?);
    Ok(match (ca, cb) {
        (Some((user, a)), Some((_, b))) => (user, Some((a, b))),
        (Some((user, _)), None) | (None, Some((user, _))) => (user, None),
        (None, None) => (Vec::new(), None),
    })
}

/// FastChat's `winner`: `model_a`, `model_b`, `tie` or `tie (bothbad)` (which FastChat's
/// `compute_elo_mle_with_tie` and arena-rank both score as a tie).
pub(crate) fn parse_winner(w: &str) -> Result<(Outcome, bool), RecordError> {
    match Outcome::parse_winner(w) {
        Some(o) => Ok((o, w == "tie (bothbad)")),
        None => Err((
            IssueKind::UnknownWinner,
            FieldError::new("winner", format!("{w:?}")),
        )),
    }
}

/// A message list's user turns and assistant turns. `content` is a string or a list of parts
/// (`{"type": "text", "text": ...}`, as newer releases write it); other parts are left out.
fn conversation(msgs: &[Value], field: &str) -> Result<Turns, FieldError> {
    let mut user = Vec::new();
    let mut assistant = Vec::new();
    for (i, m) in msgs.iter().enumerate() {
        let role = m.get("role").and_then(Value::as_str).ok_or_else(|| {
            FieldError::new(&format!("{field}[{i}].role"), "missing or not a string")
        })?;
        let text = match m.get("content") {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Array(parts)) => parts
                .iter()
                .filter_map(|p| p.get("text").and_then(Value::as_str))
                .collect::<Vec<_>>()
                .join("\n"),
            Some(Value::Null) | None => String::new(),
            Some(other) => {
                return Err(FieldError::new(
                    &format!("{field}[{i}].content"),
                    format!("expected text, found {}", kind(other)),
                ))
            }
        };
        match role {
            "user" => user.push(text),
            "assistant" => assistant.push(text),
            // System messages are not turns of either side.
            _ => {}
        }
    }
    Ok((user, assistant))
}

/// The labels Arena's leaderboard categories come from (`category_tag`): `math`
/// (`math_v0.1.math`), `instruction_following` (`if_v0.1.if`), `creative_writing`
/// (`creative_writing_v0.1.creative_writing`) and `hard_prompt` (six or more of the seven
/// `criteria_v0.1` flags, Arena's "Hard Prompts" rule).
fn category_labels(tag: Option<&Value>) -> Vec<String> {
    let Some(tag) = tag.and_then(Value::as_object) else {
        return Vec::new();
    };
    let flag = |group: &str, key: &str| {
        tag.get(group)
            .and_then(|g| g.get(key))
            .and_then(Value::as_bool)
            == Some(true)
    };
    let mut out = Vec::new();
    if let Some(c) = tag.get("criteria_v0.1").and_then(Value::as_object) {
        if c.values().filter(|v| v.as_bool() == Some(true)).count() >= 6 {
            out.push("hard_prompt".to_string());
        }
    }
    for (group, key, label) in CATEGORY_FLAGS {
        if flag(group, key) {
            out.push(label.to_string());
        }
    }
    out
}

/// The `category_tag` flags read as labels: (group, flag, label).
pub(crate) const CATEGORY_FLAGS: [(&str, &str, &str); 3] = [
    ("math_v0.1", "math", "math"),
    ("if_v0.1", "if", "instruction_following"),
    (
        "creative_writing_v0.1",
        "creative_writing",
        "creative_writing",
    ),
];

/// The prompts whose id a battle of the file being read already used (indexed by prompt), so a
/// repeated id is found without keeping a second copy of every id; and the file's languages and
/// label lists, interned so a million prompts share a handful of copies.
#[derive(Default)]
pub(crate) struct Seen(Vec<bool>, Interned);

impl Seen {
    /// Marks `prompt` as used; false if it already was.
    pub(crate) fn insert(&mut self, prompt: u32) -> bool {
        let i = prompt as usize;
        if self.0.len() <= i {
            self.0.resize(i + 1, false);
        }
        !std::mem::replace(&mut self.0[i], true)
    }
}

/// Adds a checked battle: its row, and its prompt and answers when it has conversations.
pub(crate) fn add(bench: &mut Bench, file: &str, at: At, b: ArenaBattle, seen: &mut Seen) {
    if b.model_a == b.model_b {
        bench.report.push(
            IssueKind::SelfBattle,
            file,
            at.line,
            "model_b",
            format!("{}{} against itself says nothing", at.prefix(), b.model_a),
        );
        return;
    }
    let Some(outcome) = b.outcome else {
        return;
    };
    // Without an id each battle is its own prompt, named by where it was read.
    let prompt = match &b.id {
        Some(id) => bench.prompt_id(id),
        None => bench.prompt_id(&match at.item {
            Some(i) => format!("{file}#{i}"),
            None => format!("{file}:{}", at.line),
        }),
    };
    if let Some(id) = &b.id {
        // A repeated id within the file names a prompt this file already used.
        if !seen.insert(prompt) {
            bench.report.push(
                IssueKind::DuplicateRow,
                file,
                at.line,
                "question_id",
                format!(
                    "{}a second battle with id {id}; the first is kept",
                    at.prefix()
                ),
            );
            return;
        }
    }
    {
        let p = &mut bench.prompts[prompt as usize];
        if let Some(lang) = &b.language {
            if p.category != **lang {
                p.category = seen.1.str(lang);
            }
        }
        p.labels = seen.1.list(&b.labels);
        p.subcategory = p.labels.first().cloned().unwrap_or_default();
        if b.criteria.is_some() {
            p.criteria = b.criteria;
        }
        let mut turns = b.user_turns.iter();
        if let Some(first) = turns.next() {
            p.text = first.clone();
            p.later_turns = turns.cloned().collect();
        }
    }
    let a = bench.models.intern(&b.model_a);
    let bm = bench.models.intern(&b.model_b);
    if let Some((ta, tb)) = &b.answers {
        let styles = b.style.map(|(x, y)| (Some(x), Some(y))).unwrap_or_default();
        for (model, turns, style) in [(a, ta, styles.0), (bm, tb, styles.1)] {
            if bench.answer_index.contains_key(&(model, prompt)) {
                continue;
            }
            let mut it = turns.iter();
            let idx = bench.answers.len() as u32;
            bench.answers.push(Answer {
                model,
                prompt,
                text: it.next().cloned().unwrap_or_default(),
                later_turns: it.cloned().collect(),
                later_user_turns: b.user_turns.iter().skip(1).cloned().collect(),
                tokens: style.map(|s| s.tokens),
                style,
            });
            bench.answer_index.insert((model, prompt), idx);
            bench.report.answers += 1;
        }
    }
    bench.file_battles.push(FileBattle {
        prompt,
        a,
        b: bm,
        outcome,
        style: b.style.into(),
        anony: b.anony,
        tstamp: b.tstamp,
        bothbad: b.bothbad,
    });
    bench.report.battle_rows += 1;
}

/// The items of a JSON array, each with where it starts, read one at a time so that a broken item
/// costs only itself: after an error, reading resumes at the next line that opens an object.
fn array_items(text: &str) -> Vec<(At, Result<Value, String>)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let Some(open) = text.find('[') else {
        return out;
    };
    let mut pos = open + 1;
    let mut line = 1 + bytes[..pos].iter().filter(|&&c| c == b'\n').count();
    let mut item = 0usize;
    loop {
        // Skip separators, counting lines.
        while pos < bytes.len() && matches!(bytes[pos], b' ' | b'\t' | b'\r' | b'\n' | b',') {
            line += (bytes[pos] == b'\n') as usize;
            pos += 1;
        }
        if pos >= bytes.len() {
            item += 1;
            out.push((
                At {
                    line,
                    item: Some(item),
                },
                Err("the array is not closed (truncated file?)".into()),
            ));
            break;
        }
        if bytes[pos] == b']' {
            break;
        }
        item += 1;
        let at = At {
            line,
            item: Some(item),
        };
        let mut stream = serde_json::Deserializer::from_str(&text[pos..]).into_iter::<Value>();
        match stream.next() {
            Some(Ok(v)) => {
                let end = pos + stream.byte_offset();
                line += bytes[pos..end].iter().filter(|&&c| c == b'\n').count();
                pos = end;
                out.push((at, Ok(v)));
            }
            Some(Err(e)) => {
                out.push((at, Err(e.to_string())));
                // Resume at the next line that starts an object, strictly after this item's start.
                let after = pos + text[pos..].chars().next().map_or(1, char::len_utf8);
                let next = text[after..]
                    .match_indices('\n')
                    .map(|(nl, _)| after + nl + 1)
                    .find(|&start| {
                        text[start..]
                            .trim_start_matches([' ', '\t'])
                            .starts_with('{')
                    });
                let Some(next) = next else {
                    break;
                };
                line += bytes[pos..next].iter().filter(|&&c| c == b'\n').count();
                pos = next;
            }
            None => break,
        }
    }
    out
}

#[cfg(test)]
#[path = "arena_fast_tests.rs"]
mod fast_tests;
