//! The judgment reader that skips texts: a line of `model_judgment/<judge>/<model>.jsonl` read
//! straight into the fields a leaderboard keeps (id, model, baseline, category, the games'
//! scores), stepping over the judges' texts without copying them (see
//! `load_options::Texts::Skip`).
//!
//! It must agree with the `Value` reader in `judgments.rs` on every line it accepts, so a field of
//! an unusual type (an id that is a number, a game that is not an object, a score that is neither
//! a string nor `null`) makes it give up with `None`, and the `Value` reader reads the line and
//! reports it precisely. A repeated key keeps its last value, as `serde_json::Map` does.

use super::fast_json::{Key, OptStr, Raw, Skip, Str};
use super::judgments::{GameRow, Games, JudgmentRow, Score};
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::borrow::Cow;
use std::fmt;

/// Reads one judgment line with its texts skipped, or `None` when the `Value` reader must decide.
pub(crate) fn row(line: &str) -> Option<JudgmentRow<'_>> {
    let r: Record = serde_json::from_str(line).ok()?;
    let id = if r.has_uid { r.uid } else { r.question_id };
    Some(JudgmentRow {
        v20: r.has_uid,
        // A missing id is reported by the `Value` reader, which also says which.
        id: Some(id?),
        model: r.model,
        games: Some(r.games?),
        baseline: r.baseline,
        category: r.category,
    })
}

/// The fields of a judgment row; `None` is absent. A field of an unexpected type is an error.
#[derive(Default)]
struct Record<'de> {
    has_uid: bool,
    uid: Option<Cow<'de, str>>,
    question_id: Option<Cow<'de, str>>,
    model: Option<Cow<'de, str>>,
    games: Option<Games<'de>>,
    baseline: Option<Cow<'de, str>>,
    category: Option<Cow<'de, str>>,
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
        f.write_str("a judgment row")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Record<'de>, A::Error> {
        let mut r = Record::default();
        while let Some(Key(k)) = m.next_key()? {
            match &*k {
                "uid" => {
                    r.has_uid = true;
                    r.uid = Some(m.next_value::<Str>()?.0);
                }
                "question_id" => r.question_id = Some(m.next_value::<Str>()?.0),
                "model" => r.model = m.next_value::<OptStr>()?.0,
                "games" => r.games = Some(m.next_value::<GameList>()?.0),
                "baseline" => r.baseline = m.next_value::<OptStr>()?.0,
                "category" => r.category = m.next_value::<OptStr>()?.0,
                _ => {
                    m.next_value::<Skip>()?;
                }
            }
        }
        Ok(r)
    }
}

/// `games`: an array of game objects; the first two are kept, every one is read.
struct GameList<'de>(Games<'de>);

impl<'de> Deserialize<'de> for GameList<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_seq(GameListVisitor)
    }
}

struct GameListVisitor;

impl<'de> Visitor<'de> for GameListVisitor {
    type Value = GameList<'de>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of games")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut s: A) -> Result<GameList<'de>, A::Error> {
        let mut games = Games {
            first_two: Vec::with_capacity(2),
            count: 0,
        };
        while let Some(g) = s.next_element::<Game>()? {
            games.count += 1;
            if games.first_two.len() < 2 {
                games.first_two.push(g.0);
            }
        }
        Ok(GameList(games))
    }
}

struct Game<'de>(GameRow<'de>);

impl<'de> Deserialize<'de> for Game<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(GameVisitor)
    }
}

struct GameVisitor;

impl<'de> Visitor<'de> for GameVisitor {
    type Value = Game<'de>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a game object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Game<'de>, A::Error> {
        let mut score = Score::Null;
        while let Some(Key(k)) = m.next_key()? {
            match &*k {
                "score" => score = m.next_value::<ScoreField>()?.0,
                // The texts (and v2.0's `prompt` messages) are stepped over; a string without
                // copying it, anything else validated as `Value` would validate it.
                _ => {
                    if let Raw::Other(src) = m.next_value::<Raw>()? {
                        serde_json::from_str::<Skip>(src).map_err(de::Error::custom)?;
                    }
                }
            }
        }
        Ok(Game(GameRow {
            score,
            judgment: String::new(),
            user_prompt: String::new(),
        }))
    }
}

/// A score: a string label or `null`; any other type is an error.
struct ScoreField<'de>(Score<'de>);

impl<'de> Deserialize<'de> for ScoreField<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ScoreVisitor)
    }
}

struct ScoreVisitor;

impl<'de> Visitor<'de> for ScoreVisitor {
    type Value = ScoreField<'de>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string or null")
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(ScoreField(Score::Label(Cow::Borrowed(v))))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(ScoreField(Score::Label(Cow::Owned(v.to_string()))))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(ScoreField(Score::Null))
    }
}
