//! The answer reader that skips texts: a line of `model_answer/<model>.jsonl` read straight into
//! the fields a leaderboard keeps (id, model, token counts, style metadata), stepping over the
//! answer texts without copying them (see `load_options::Texts::Skip`).
//!
//! It must agree with the `Value` reader in `answers.rs` on every line it accepts, so it accepts
//! only the usual shapes (v0.1 `choices[0].turns[{content, token_len}]` or plain-string turns;
//! v2.0 `messages[{role, content}]` with a string or `{"answer": ...}` content) and gives up with
//! `None` on anything else, after which the `Value` reader reads the line and reports it precisely.
//! A repeated key keeps its last value, as `serde_json::Map` does.

use super::answers::{AnswerFields, AnswerRow, Turns};
use super::fast_json::{Key, Num, OptStr, Raw, Skip, SkipText, Str};
use super::FieldError;
use crate::style::StyleRaw;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::Value;
use std::borrow::Cow;
use std::fmt;

/// Reads one answer line with its texts skipped, or `None` when the `Value` reader must decide.
pub(crate) fn row(line: &str) -> Option<AnswerRow<'_>> {
    let r: Record = serde_json::from_str(line).ok()?;
    if r.has_uid {
        let qid = r.uid?;
        let messages = r.messages?;
        let fields = if messages.assistant_text {
            Ok(AnswerFields {
                qid,
                turns: no_texts(false),
                turn_tokens: None,
                style: r.metadata.as_ref().and_then(StyleRaw::from_metadata),
            })
        } else {
            Err(FieldError::new("messages[].content", "no assistant answer"))
        };
        return Some(AnswerRow {
            row_model: r.model,
            fields,
        });
    }
    let first = r.choices?.first?;
    Some(AnswerRow {
        row_model: None,
        fields: Ok(AnswerFields {
            qid: r.question_id?,
            turns: no_texts(first.plain),
            turn_tokens: first.tokens,
            style: r.conv_metadata.as_ref().and_then(StyleRaw::from_metadata),
        }),
    })
}

fn no_texts(plain: bool) -> Turns {
    Turns {
        text: String::new(),
        later: Vec::new(),
        later_user: Vec::new(),
        plain,
    }
}

/// The fields of an answer row; `None` is absent. A field of an unexpected type is an error.
#[derive(Default)]
struct Record<'de> {
    has_uid: bool,
    uid: Option<Cow<'de, str>>,
    model: Option<Cow<'de, str>>,
    messages: Option<Messages>,
    question_id: Option<Cow<'de, str>>,
    choices: Option<Choices>,
    conv_metadata: Option<Value>,
    metadata: Option<Value>,
}

impl<'de> Deserialize<'de> for Record<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(RecordVisitor)
    }
}

struct RecordVisitor;

impl<'de> Visitor<'de> for RecordVisitor {
    type Value = Record<'de>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an answer row")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Record<'de>, A::Error> {
        let mut r = Record::default();
        while let Some(Key(k)) = m.next_key()? {
            match &*k {
                "uid" => {
                    r.has_uid = true;
                    r.uid = Some(m.next_value::<Str>()?.0);
                }
                "model" => r.model = m.next_value::<OptStr>()?.0,
                "messages" => r.messages = Some(m.next_value()?),
                "question_id" => r.question_id = Some(m.next_value::<Str>()?.0),
                "choices" => r.choices = Some(m.next_value()?),
                "conv_metadata" => r.conv_metadata = Some(m.next_value()?),
                "metadata" => r.metadata = Some(m.next_value()?),
                _ => {
                    m.next_value::<Skip>()?;
                }
            }
        }
        Ok(r)
    }
}

/// v0.1 `choices`: an array whose first item is an object with a non-empty `turns` array.
struct Choices {
    /// The first turn of `choices[0].turns`, `None` when `choices` is empty.
    first: Option<FirstTurn>,
}

impl<'de> Deserialize<'de> for Choices {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_seq(ChoicesVisitor)
    }
}

struct ChoicesVisitor;

impl<'de> Visitor<'de> for ChoicesVisitor {
    type Value = Choices;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of choices")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut s: A) -> Result<Choices, A::Error> {
        let first = s.next_element::<Choice>()?.map(|c| c.first);
        while s.next_element::<Skip>()?.is_some() {}
        Ok(Choices {
            first: first.flatten(),
        })
    }
}

/// `choices[0]`: its `turns` (the last, if repeated); `first` is `None` without one.
struct Choice {
    first: Option<FirstTurn>,
}

impl<'de> Deserialize<'de> for Choice {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(ChoiceVisitor)
    }
}

struct ChoiceVisitor;

impl<'de> Visitor<'de> for ChoiceVisitor {
    type Value = Choice;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a choice object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Choice, A::Error> {
        let mut first = None;
        while let Some(Key(k)) = m.next_key()? {
            if k == "turns" {
                first = m.next_value::<TurnList>()?.0;
            } else {
                m.next_value::<Skip>()?;
            }
        }
        Ok(Choice { first })
    }
}

/// The first turn of a `turns` array: a plain string or `{content: string, token_len}`. Later
/// turns must have the same shapes (their texts are stepped over). An empty array is an error.
struct TurnList(Option<FirstTurn>);

#[derive(Clone, Copy)]
struct FirstTurn {
    plain: bool,
    tokens: Option<f64>,
}

impl<'de> Deserialize<'de> for TurnList {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_seq(TurnListVisitor)
    }
}

struct TurnListVisitor;

impl<'de> Visitor<'de> for TurnListVisitor {
    type Value = TurnList;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of turns")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut s: A) -> Result<TurnList, A::Error> {
        let Some(first) = s.next_element::<Turn>()? else {
            return Err(de::Error::custom("no turns"));
        };
        while s.next_element::<Turn>()?.is_some() {}
        Ok(TurnList(Some(first.0)))
    }
}

struct Turn(FirstTurn);

impl<'de> Deserialize<'de> for Turn {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match Raw::deserialize(d)? {
            Raw::Str => Ok(Turn(FirstTurn {
                plain: true,
                tokens: None,
            })),
            Raw::Other(src) if src.starts_with('{') => serde_json::from_str::<TurnObject>(src)
                .map(|t| Turn(t.0))
                .map_err(de::Error::custom),
            Raw::Other(_) => Err(de::Error::custom("a turn of another shape")),
        }
    }
}

/// `{content: string, token_len}`; other keys validated and skipped.
struct TurnObject(FirstTurn);

impl<'de> Deserialize<'de> for TurnObject {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(TurnObjectVisitor)
    }
}

struct TurnObjectVisitor;

impl<'de> Visitor<'de> for TurnObjectVisitor {
    type Value = TurnObject;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a turn object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<TurnObject, A::Error> {
        let (mut content, mut tokens) = (false, None);
        while let Some(Key(k)) = m.next_key()? {
            match &*k {
                "content" => {
                    m.next_value::<SkipText>()?;
                    content = true;
                }
                "token_len" => tokens = m.next_value::<Num>()?.0,
                _ => {
                    m.next_value::<Skip>()?;
                }
            }
        }
        if !content {
            return Err(de::Error::custom("a turn without content"));
        }
        Ok(TurnObject(FirstTurn {
            plain: false,
            tokens,
        }))
    }
}

/// v2.0 `messages`: whether an assistant message has a text (a string content, or an object
/// content with a string `answer`), as `answers::message_text` finds one.
struct Messages {
    assistant_text: bool,
}

impl<'de> Deserialize<'de> for Messages {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_seq(MessagesVisitor)
    }
}

struct MessagesVisitor;

impl<'de> Visitor<'de> for MessagesVisitor {
    type Value = Messages;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of messages")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut s: A) -> Result<Messages, A::Error> {
        let mut assistant_text = false;
        while let Some(m) = s.next_element::<Message>()? {
            assistant_text |= m.role.as_deref() == Some("assistant") && m.has_text;
        }
        Ok(Messages { assistant_text })
    }
}

/// One message object: its role (when a string) and whether its content has a text.
struct Message<'de> {
    role: Option<Cow<'de, str>>,
    has_text: bool,
}

impl<'de> Deserialize<'de> for Message<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(MessageVisitor)
    }
}

struct MessageVisitor;

impl<'de> Visitor<'de> for MessageVisitor {
    type Value = Message<'de>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a message object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Message<'de>, A::Error> {
        let mut msg = Message {
            role: None,
            has_text: false,
        };
        while let Some(Key(k)) = m.next_key()? {
            match &*k {
                "role" => msg.role = m.next_value::<OptStr>()?.0,
                "content" => {
                    msg.has_text = match m.next_value::<Raw>()? {
                        Raw::Str => true,
                        Raw::Other(src) if src.starts_with('{') => {
                            serde_json::from_str::<AnswerContent>(src)
                                .map_err(de::Error::custom)?
                                .0
                        }
                        Raw::Other(src) => {
                            serde_json::from_str::<Skip>(src).map_err(de::Error::custom)?;
                            false
                        }
                    }
                }
                _ => {
                    m.next_value::<Skip>()?;
                }
            }
        }
        Ok(msg)
    }
}

/// v2.0 `{"answer": string, ...}` content: whether it has the string `answer` (any other type
/// of `answer` is an error, left to the `Value` reader).
struct AnswerContent(bool);

impl<'de> Deserialize<'de> for AnswerContent {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(AnswerContentVisitor)
    }
}

struct AnswerContentVisitor;

impl<'de> Visitor<'de> for AnswerContentVisitor {
    type Value = AnswerContent;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an answer object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<AnswerContent, A::Error> {
        let mut has = false;
        while let Some(Key(k)) = m.next_key()? {
            if k == "answer" {
                m.next_value::<SkipText>()?;
                has = true;
            } else {
                m.next_value::<Skip>()?;
            }
        }
        Ok(AnswerContent(has))
    }
}
