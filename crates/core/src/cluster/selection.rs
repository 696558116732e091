//! A custom slice of groups with weights, as the clusters page keeps it in the URL (`sel`) and
//! scores it ([`crate::cluster::performance::slice_score`]).
//!
//! The text form is one group per line, `name` for weight 1 and `name=weight` otherwise. Parsing
//! splits at the last `=` and only when what follows is a number, so a group whose name holds `=`
//! still reads back; negative weights become 0. A name that itself ends in `=<number>` is always
//! printed with its weight, so that printing then parsing gives the slice back. A name cannot hold
//! a newline (the line separator); group names come from prompt labels, which are single lines.

use std::collections::BTreeMap;

/// Group name → weight (≥ 0).
pub type Selection = BTreeMap<String, f64>;

/// Reads the URL value (lenient: a line whose weight is not a number is a name of weight 1).
pub fn parse_selection(s: &str) -> Selection {
    s.split('\n')
        .filter(|x| !x.is_empty())
        .map(|x| match split_weight(x) {
            Some((name, w)) => (name.to_string(), w.max(0.0)),
            None => (x.to_string(), 1.0),
        })
        .collect()
}

/// The URL value of a slice; `None` when it is empty (the key is then left out).
pub fn selection_text(sel: &Selection) -> Option<String> {
    (!sel.is_empty()).then(|| {
        sel.iter()
            .map(|(n, w)| {
                // A bare name that would read back as `name=weight` needs its weight spelled out.
                if *w == 1.0 && split_weight(n).is_none() {
                    n.clone()
                } else {
                    format!("{n}={w}")
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    })
}

/// `name=weight` split at the last `=` when the weight is a number.
fn split_weight(line: &str) -> Option<(&str, f64)> {
    let (name, w) = line.rsplit_once('=')?;
    w.parse::<f64>().ok().map(|w| (name, w))
}
