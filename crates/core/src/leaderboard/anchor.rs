//! The display anchor of a leaderboard: the model shown at 50%. The scope checks a named display
//! baseline against the data ([`crate::scope::baseline::display`]); this picks the anchor among the
//! battles: the named one, else the judged baseline, else the most frequent `model_a` (a battles file
//! names no baseline).

use crate::battle_set::BattleSet;
use crate::error::Error;
use std::collections::BTreeMap;

/// The display baseline: the option, else the judged baseline, else the most frequent `model_a`.
pub(super) fn resolve_anchor(set: &BattleSet, wanted: Option<&str>) -> Result<u32, Error> {
    if let Some(w) = wanted {
        let in_battles = set
            .id(w)
            .filter(|&id| set.rows.iter().any(|r| r.a == id || r.b == id));
        return in_battles.ok_or_else(|| Error::UnknownBaseline {
            name: w.to_string(),
            models: battle_models(set),
        });
    }
    if let Some(b) = set.judged_baseline {
        return Ok(b);
    }
    let mut freq: BTreeMap<u32, u64> = BTreeMap::new();
    // model_a is the baseline in judgment-made battles (v2.0 rows name theirs) and in show_result.py's
    // battles files, so the most frequent model_a is the natural anchor.
    for r in &set.rows {
        *freq.entry(r.a).or_default() += r.copies as u64;
    }
    freq.into_iter()
        .max_by_key(|&(m, c)| (c, std::cmp::Reverse(m)))
        .map(|(m, _)| m)
        .ok_or(Error::NoBattles)
}

fn battle_models(set: &BattleSet) -> Vec<String> {
    let mut ids: Vec<u32> = set.rows.iter().flat_map(|r| [r.a, r.b]).collect();
    ids.sort_unstable();
    ids.dedup();
    let mut names: Vec<String> = ids.iter().map(|&i| set.name(i).to_string()).collect();
    names.sort();
    names
}
