//! Which judges a view uses. One order everywhere: by name (byte order, as `str` sorts), so the CLI,
//! the site and every table list judges the same way whatever order the files were read in.
//!
//! A judge named by the user must be in the data; the error lists the judges that are. Only a
//! one-judge view's tab (a view's own choice that a stale link may carry) falls back, with a note.

use super::error::ScopeError;
use super::note::ScopeNote;
use super::request::Several;
use crate::bench::Bench;

/// Every judge of the bench as (id, name), sorted by name.
pub fn sorted(bench: &Bench) -> Vec<(u32, String)> {
    let mut v: Vec<(u32, String)> = bench
        .judge_names()
        .iter()
        .enumerate()
        .map(|(i, n)| (i as u32, n.clone()))
        .collect();
    v.sort_by(|x, y| x.1.cmp(&y.1));
    v
}

/// The judges' names, sorted.
pub fn sorted_names(bench: &Bench) -> Vec<String> {
    sorted(bench).into_iter().map(|(_, n)| n).collect()
}

/// The ids of the named judges, sorted by name, each once; a name the bench lacks is an error.
pub fn named(bench: &Bench, names: &[String]) -> Result<Vec<u32>, ScopeError> {
    let mut ids = Vec::with_capacity(names.len());
    for n in names {
        let id = bench
            .judges
            .get(n)
            .ok_or_else(|| ScopeError::UnknownJudge {
                name: n.clone(),
                found: sorted_names(bench),
            })?;
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids.sort_by(|&a, &b| bench.judges.name(a).cmp(bench.judges.name(b)));
    Ok(ids)
}

/// The judges to pool: the named ones; none named: the only judge (none for a battles file), and
/// with several, an error or the first by name, as `several` says.
pub fn pool(bench: &Bench, names: &[String], several: Several) -> Result<Vec<u32>, ScopeError> {
    if !names.is_empty() {
        return named(bench, names);
    }
    let all = sorted(bench);
    match (all.len(), several) {
        (0, _) => Ok(Vec::new()),
        (1, _) | (_, Several::First) => Ok(vec![all[0].0]),
        (_, Several::Ask) => Err(ScopeError::AmbiguousJudge {
            found: all.into_iter().map(|(_, n)| n).collect(),
        }),
    }
}

/// Every judge, or the named ones.
pub fn each(bench: &Bench, names: &[String]) -> Result<Vec<u32>, ScopeError> {
    if names.is_empty() {
        Ok(sorted(bench).into_iter().map(|(i, _)| i).collect())
    } else {
        named(bench, names)
    }
}

/// The one judge a view shows: `tab` when the bench has it; else the first named judge by name (the
/// names must exist); else the first judge by name. A tab the bench lacks adds a note. `None` when
/// the bench has no judges.
pub fn one(
    bench: &Bench,
    tab: Option<&str>,
    names: &[String],
    notes: &mut Vec<ScopeNote>,
) -> Result<Option<u32>, ScopeError> {
    let named = named(bench, names)?;
    let default = named
        .first()
        .copied()
        .or_else(|| sorted(bench).first().map(|(i, _)| *i));
    let Some(t) = tab else {
        return Ok(default);
    };
    if let Some(id) = bench.judges.get(t) {
        return Ok(Some(id));
    }
    if let Some(d) = default {
        notes.push(ScopeNote::JudgeNotInData {
            wanted: t.to_string(),
            shown: bench.judges.name(d).to_string(),
        });
    }
    Ok(default)
}
