//! A synthetic Chatbot Arena battle log in the chat releases' JSON Lines schema
//! (`question_id, model_a, model_b, winner, judge, conversation_a/b, turn, anony, language,
//! tstamp, conv_metadata, is_code, is_refusal, category_tag`, in the order of the 100k release).
//!
//! [`write_arena_log`] streams one record per battle to a writer, so a million battles need no
//! more memory than one: nothing but the roster and the running counters is kept. Votes come from
//! the roster's true strengths (`arena_models`) through the voter model (`arena_votes`); the
//! planted effects are described there. `tstamp` increases through a 180-day span and models join
//! over it, newcomers sampled more, as Arena samples new models more.
//!
//! Deterministic: the same seed and battle count give byte-identical output. Conversations, when
//! asked for, draw from their own random stream, so adding them changes no vote.

use crate::arena_models::{arena_models, ArenaModel};
use crate::arena_prompts::{Kind, PromptInfo, CRITERIA};
use crate::arena_text;
use crate::arena_votes::{vote, AnswerShape, Winner};
use crate::rng::{chance, int, stream, uniform};
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use std::io::{self, BufWriter, Write};

/// The bench folder `arena-lens demo --battles N --out DIR` writes the log into.
pub const ARENA_DEMO_BENCH: &str = "chatbot-arena-demo";
/// The log's file name inside [`ARENA_DEMO_BENCH`].
pub const ARENA_DEMO_FILE: &str = "battles.jsonl";

/// Battle stream, text stream (see `rng::streams`, whose numbers stay below these).
const VOTES: u64 = 7_000_002;
const TEXTS: u64 = 7_000_003;
/// The log starts on 2024-04-25 and spans 180 days.
const START: f64 = 1_714_000_000.0;
const SPAN: f64 = 180.0 * 86_400.0;

/// What to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ArenaLogOptions {
    pub battles: u64,
    pub seed: u64,
    /// Every k-th battle (the first included) carries short `conversation_a/b`; 0 = none.
    pub conversations_every: u64,
}

/// What was written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ArenaLogSummary {
    pub battles: u64,
    pub bytes: u64,
    pub with_conversations: u64,
    /// model_a, model_b, tie, tie (bothbad).
    pub winners: [u64; 4],
    pub anonymous: u64,
}

/// Writes the log to `out`, one JSON object per line. Returns the counts; `out` is flushed.
pub fn write_arena_log<W: Write>(out: W, opts: &ArenaLogOptions) -> io::Result<ArenaLogSummary> {
    let models = arena_models(opts.seed);
    let mut rng = stream(opts.seed, VOTES);
    let mut text_rng = stream(opts.seed, TEXTS);
    let mut w = BufWriter::with_capacity(
        1 << 16,
        Counting {
            inner: out,
            bytes: 0,
        },
    );
    let mut summary = ArenaLogSummary::default();
    let step = SPAN / opts.battles.max(1) as f64;
    let users = (opts.battles / 4).max(10) as u32;
    let mut t = START;
    for i in 0..opts.battles {
        // Strictly increasing, a little irregular, rounded to 0.1 ms as the releases print it.
        t += step * (0.5 + uniform(&mut rng)) + 1e-3;
        let tstamp = (t * 1e4).round() / 1e4;
        let (ia, ib) = pair(&mut rng, &models, ((t - START) / SPAN).min(1.0));
        let (a, b) = (&models[ia], &models[ib]);
        let prompt = PromptInfo::draw(&mut rng);
        let sa = AnswerShape::draw(&mut rng, a, &prompt);
        let sb = AnswerShape::draw(&mut rng, b, &prompt);
        let winner = vote(&mut rng, a, b, &prompt, &sa, &sb);
        let anony = chance(&mut rng, 0.86);
        let judge = int(&mut rng, 1, users);
        let id: u128 = rng.random();
        let conversations = (opts.conversations_every > 0 && i % opts.conversations_every == 0)
            .then(|| conversations(&mut text_rng, &prompt, &sa, &sb));
        let record = Record {
            question_id: format!("{id:032x}"),
            model_a: &a.name,
            model_b: &b.name,
            winner: winner.as_str(),
            judge: format!("arena_user_{judge}"),
            conversation_a: conversations.as_ref().map(|c| Messages(&c.0, &c.1)),
            conversation_b: conversations.as_ref().map(|c| Messages(&c.0, &c.2)),
            turn: prompt.turns,
            anony,
            language: prompt.language,
            tstamp,
            conv_metadata: Meta {
                prompt: &prompt,
                a: &sa,
                b: &sb,
            },
            is_code: prompt.kind == Kind::Coding,
            is_refusal: prompt.refusal,
            category_tag: Tags(&prompt),
        };
        serde_json::to_writer(&mut w, &record)?;
        w.write_all(b"\n")?;
        summary.battles += 1;
        summary.with_conversations += conversations.is_some() as u64;
        summary.anonymous += anony as u64;
        summary.winners[match winner {
            Winner::ModelA => 0,
            Winner::ModelB => 1,
            Winner::Tie => 2,
            Winner::TieBothBad => 3,
        }] += 1;
    }
    w.flush()?;
    summary.bytes = w.get_ref().bytes;
    Ok(summary)
}

/// Two distinct models among those that have joined by `now` (a fraction of the span). Models
/// that joined in the last tenth of the span are sampled three times as often. Rejection sampling
/// keeps this O(1) per battle on average and independent of the roster's order.
fn pair(rng: &mut ChaCha8Rng, models: &[ArenaModel], now: f64) -> (usize, usize) {
    let one = |rng: &mut ChaCha8Rng| loop {
        let i = rng.random_range(0..models.len() as u32) as usize;
        let m = &models[i];
        if m.joined > now {
            continue;
        }
        let weight = if now - m.joined < 0.1 { 1.0 } else { 1.0 / 3.0 };
        if uniform(rng) < weight {
            return i;
        }
    };
    let a = one(rng);
    loop {
        let b = one(rng);
        if b != a {
            return (a, b);
        }
    }
}

/// The user turns and each side's answers.
type Conversation = (Vec<String>, Vec<String>, Vec<String>);

fn conversations(
    rng: &mut ChaCha8Rng,
    p: &PromptInfo,
    sa: &AnswerShape,
    sb: &AnswerShape,
) -> Conversation {
    let users = arena_text::user_turns(rng, p);
    let answers = |rng: &mut ChaCha8Rng, s: &AnswerShape| {
        (0..users.len())
            .map(|_| arena_text::answer(rng, p, s))
            .collect::<Vec<_>>()
    };
    let a = answers(rng, sa);
    let b = answers(rng, sb);
    (users, a, b)
}

/// A byte-counting writer, so the summary reports the size without a second pass.
struct Counting<W> {
    inner: W,
    bytes: u64,
}

impl<W: Write> Write for Counting<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[derive(Serialize)]
struct Record<'a> {
    question_id: String,
    model_a: &'a str,
    model_b: &'a str,
    winner: &'static str,
    judge: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    conversation_a: Option<Messages<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    conversation_b: Option<Messages<'a>>,
    turn: u32,
    anony: bool,
    language: &'static str,
    tstamp: f64,
    conv_metadata: Meta<'a>,
    is_code: bool,
    is_refusal: bool,
    category_tag: Tags<'a>,
}

/// An OpenAI-style message list: user and assistant turns alternating.
struct Messages<'a>(&'a [String], &'a [String]);

impl Serialize for Messages<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Message<'a> {
            role: &'static str,
            content: &'a str,
        }
        s.collect_seq(self.0.iter().zip(self.1).flat_map(|(u, a)| {
            [
                Message {
                    role: "user",
                    content: u,
                },
                Message {
                    role: "assistant",
                    content: a,
                },
            ]
        }))
    }
}

/// `conv_metadata` as the releases write it: token sums, then each side's markdown counts.
struct Meta<'a> {
    prompt: &'a PromptInfo,
    a: &'a AnswerShape,
    b: &'a AnswerShape,
}

impl Serialize for Meta<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let user = self.prompt.user_tokens;
        let mut m = s.serialize_map(Some(18))?;
        m.serialize_entry("sum_user_tokens", &user)?;
        m.serialize_entry("sum_assistant_a_tokens", &self.a.tokens)?;
        m.serialize_entry("sum_assistant_b_tokens", &self.b.tokens)?;
        // The context a side's last turn saw: the user turns and its own earlier answers.
        let earlier = |x: &AnswerShape| x.tokens - x.tokens / self.prompt.turns.max(1);
        m.serialize_entry("context_a_tokens", &(user + earlier(self.a)))?;
        m.serialize_entry("context_b_tokens", &(user + earlier(self.b)))?;
        m.serialize_entry("turns", &self.prompt.turns)?;
        for (side, x) in [("a", self.a), ("b", self.b)] {
            m.serialize_entry(&format!("header_count_{side}"), &Headers(&x.headers))?;
            m.serialize_entry(
                &format!("list_count_{side}"),
                &Pairs(["ordered", "unordered"], &x.lists),
            )?;
            m.serialize_entry(&format!("bold_count_{side}"), &Pairs(["**", "__"], &x.bold))?;
        }
        m.end()
    }
}

struct Headers<'a>(&'a [u32; 6]);

impl Serialize for Headers<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let keys = ["h1", "h2", "h3", "h4", "h5", "h6"];
        s.collect_map(keys.iter().zip(self.0))
    }
}

struct Pairs<'a>([&'static str; 2], &'a [u32; 2]);

impl Serialize for Pairs<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().zip(self.1))
    }
}

/// `category_tag`: the classifiers' flags, as in the 100k/140k releases.
struct Tags<'a>(&'a PromptInfo);

impl Serialize for Tags<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct If {
            #[serde(rename = "if")]
            flag: bool,
            score: u32,
        }
        #[derive(Serialize)]
        struct Math {
            math: bool,
        }
        #[derive(Serialize)]
        struct Creative {
            creative_writing: bool,
            score: &'static str,
        }
        let p = self.0;
        let mut m = s.serialize_map(Some(4))?;
        m.serialize_entry("criteria_v0.1", &CriteriaMap(&p.criteria))?;
        m.serialize_entry(
            "if_v0.1",
            &If {
                flag: p.instruction_following,
                score: p.if_score,
            },
        )?;
        m.serialize_entry("math_v0.1", &Math { math: p.math })?;
        m.serialize_entry(
            "creative_writing_v0.1",
            &Creative {
                creative_writing: p.creative_writing,
                score: if p.creative_writing { "yes" } else { "no" },
            },
        )?;
        m.end()
    }
}

struct CriteriaMap<'a>(&'a [bool; 7]);

impl Serialize for CriteriaMap<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(CRITERIA.iter().zip(self.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(opts: ArenaLogOptions) -> (Vec<u8>, ArenaLogSummary) {
        let mut buf = Vec::new();
        let s = write_arena_log(&mut buf, &opts).unwrap();
        (buf, s)
    }

    #[test]
    fn deterministic_and_conversations_change_no_vote() {
        let opts = ArenaLogOptions {
            battles: 500,
            seed: 3,
            conversations_every: 0,
        };
        let (plain, s) = write(opts);
        assert_eq!(write(opts).0, plain);
        assert_eq!(s.bytes, plain.len() as u64);
        let (with, sw) = write(ArenaLogOptions {
            conversations_every: 7,
            ..opts
        });
        assert_eq!(sw.with_conversations, 500u64.div_ceil(7));
        assert_eq!(sw.winners, s.winners);
        let strip = |text: &[u8]| -> Vec<serde_json::Value> {
            String::from_utf8(text.to_vec())
                .unwrap()
                .lines()
                .map(|l| {
                    let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
                    let o = v.as_object_mut().unwrap();
                    o.remove("conversation_a");
                    o.remove("conversation_b");
                    v
                })
                .collect()
        };
        assert_eq!(strip(&with), strip(&plain));
    }

    #[test]
    fn records_have_the_release_schema() {
        let (text, s) = write(ArenaLogOptions {
            battles: 2_000,
            seed: 11,
            conversations_every: 1,
        });
        let mut last = 0.0;
        for line in String::from_utf8(text).unwrap().lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            for key in [
                "question_id",
                "model_a",
                "model_b",
                "winner",
                "judge",
                "conversation_a",
                "conversation_b",
                "turn",
                "anony",
                "language",
                "tstamp",
                "conv_metadata",
                "category_tag",
            ] {
                assert!(v.get(key).is_some(), "{key} missing in {line}");
            }
            let t = v["tstamp"].as_f64().unwrap();
            assert!(t > last, "tstamp must increase");
            last = t;
            let turns = v["turn"].as_u64().unwrap() as usize;
            assert_eq!(v["conversation_a"].as_array().unwrap().len(), 2 * turns);
            assert_ne!(v["model_a"], v["model_b"]);
        }
        // Realistic rates (Arena's public logs: roughly 15-20% tie, 10-15% both bad, ~85%
        // anonymous); the generator's own targets, with a wide tolerance.
        let share = |k: u64| k as f64 / s.battles as f64;
        assert!(
            (0.1..0.25).contains(&share(s.winners[2])),
            "{:?}",
            s.winners
        );
        assert!(
            (0.04..0.18).contains(&share(s.winners[3])),
            "{:?}",
            s.winners
        );
        assert!((0.8..0.92).contains(&share(s.anonymous)));
    }
}
