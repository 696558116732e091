//! The fictional models of the demo and their latent traits.
//!
//! Every model has a latent strength (log-odds against the baseline on an average prompt),
//! per-category skill offsets (so specialists stand out in per-category views), a typical answer
//! length, and a markdown style. The roster is built so the site's features have something to show:
//! a coding and a math specialist, a verbose "long" twin of an average model (the planted length
//! bias of the first judge should lift it), and an `atlas-*` family that the second judge favours.
//! All names are invented; `kestrel-7b(chat)` carries parentheses like some real model names.

use crate::topics::Category;

/// How a model formats its answers.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    /// Chance that an answer is organised in headed sections.
    pub headings: f64,
    /// Heading level of sections (2 = `##`, 3 = `###`).
    pub heading_level: usize,
    /// Whether sectioned answers also start with a `#` title.
    pub title: bool,
    /// Chance that a block is a list rather than a paragraph.
    pub lists: f64,
    /// Chance that list items get a bold lead-in (and paragraphs a bold phrase).
    pub bold: f64,
    /// The bold marker: `**` for most models, `__` for one, to exercise both counters.
    pub bold_marker: &'static str,
    /// Bullet character of unordered lists.
    pub bullet: char,
    /// Chance of a comparison table in a longer answer.
    pub tables: f64,
    /// Whether to nest sub-items under list items.
    pub nested: bool,
}

pub(crate) const PLAIN: Style = Style {
    headings: 0.05,
    heading_level: 3,
    title: false,
    lists: 0.3,
    bold: 0.1,
    bold_marker: "**",
    bullet: '-',
    tables: 0.0,
    nested: false,
};

pub(crate) const TERSE: Style = Style {
    headings: 0.0,
    lists: 0.25,
    bold: 0.05,
    ..PLAIN
};

pub(crate) const STRUCTURED: Style = Style {
    headings: 0.55,
    heading_level: 3,
    lists: 0.5,
    bold: 0.4,
    tables: 0.1,
    ..PLAIN
};

pub(crate) const HEAVY: Style = Style {
    headings: 1.0,
    heading_level: 2,
    title: true,
    lists: 0.7,
    bold: 0.85,
    tables: 0.35,
    nested: true,
    ..PLAIN
};

pub(crate) const PROSE: Style = Style {
    headings: 0.1,
    lists: 0.15,
    bold: 0.1,
    ..PLAIN
};

/// A fictional model.
#[derive(Clone, Debug)]
pub struct Model {
    pub name: &'static str,
    pub family: &'static str,
    /// Log-odds of beating the baseline on an average prompt, before any judge bias.
    pub strength: f64,
    /// Extra log-odds per category, indexed by [`Category::index`].
    pub skill: [f64; 5],
    /// Typical answer length in words on an average prompt (the writer overshoots it a little:
    /// it finishes its last block and adds a closing line).
    pub words: f64,
    pub style: Style,
}

impl Model {
    /// Latent quality on a category: strength plus the category skill.
    pub fn ability(&self, cat: Category) -> f64 {
        self.strength + self.skill[cat.index()]
    }
}

/// The baseline model; judged against itself like the real baseline.
pub const BASELINE: &str = "atlas-base";

/// The family that the second judge prefers.
pub const FAVOURED_FAMILY: &str = "atlas";

const NO_SKILL: [f64; 5] = [0.0; 5];

macro_rules! model {
    ($name:expr, $fam:expr, $strength:expr, $skill:expr, $words:expr, $style:expr) => {
        Model {
            name: $name,
            family: $fam,
            strength: $strength,
            skill: $skill,
            words: $words,
            style: $style,
        }
    };
}

/// The 20 models (skills are `[coding, math, writing, reasoning, knowledge]`).
pub fn roster() -> Vec<Model> {
    let under = Style {
        bold_marker: "__",
        bullet: '*',
        ..STRUCTURED
    };
    let star = Style {
        bullet: '*',
        ..HEAVY
    };
    vec![
        model!(
            "atlas-ultra",
            "atlas",
            1.6,
            [0.2, 0.2, 0.0, 0.2, 0.0],
            95.0,
            HEAVY
        ),
        model!(
            "atlas-pro",
            "atlas",
            0.9,
            [0.1, 0.0, 0.0, 0.1, 0.0],
            64.0,
            STRUCTURED
        ),
        model!(BASELINE, "atlas", 0.0, NO_SKILL, 48.0, STRUCTURED),
        model!("atlas-mini", "atlas", -0.7, NO_SKILL, 38.0, STRUCTURED),
        model!("atlas-nano", "atlas", -1.6, NO_SKILL, 26.0, PLAIN),
        model!(
            "nimbus-large",
            "nimbus",
            1.2,
            [0.0, 0.0, 0.3, 0.0, 0.2],
            60.0,
            STRUCTURED
        ),
        model!(
            "nimbus-medium",
            "nimbus",
            0.4,
            [0.0, 0.0, 0.2, 0.0, 0.1],
            51.0,
            STRUCTURED
        ),
        model!("nimbus-small", "nimbus", -0.6, NO_SKILL, 32.0, PLAIN),
        model!(
            "nimbus-code",
            "nimbus",
            0.1,
            [1.3, 0.2, -0.7, 0.0, -0.3],
            54.0,
            PLAIN
        ),
        model!(
            "kestrel-70b",
            "kestrel",
            0.6,
            [0.0, 0.0, 0.0, 0.0, 0.0],
            70.0,
            star
        ),
        model!("kestrel-13b", "kestrel", -0.3, NO_SKILL, 46.0, STRUCTURED),
        model!(
            "kestrel-7b(chat)",
            "kestrel",
            -1.1,
            [-0.2, -0.3, 0.2, 0.0, 0.0],
            44.0,
            under
        ),
        model!(
            "kestrel-7b-math",
            "kestrel",
            -0.9,
            [-0.2, 1.6, -0.4, 0.3, -0.2],
            37.0,
            PLAIN
        ),
        model!("tern-1", "tern", 0.3, NO_SKILL, 35.0, TERSE),
        model!("tern-1-long", "tern", 0.3, NO_SKILL, 115.0, HEAVY),
        model!("tern-lite", "tern", -0.4, NO_SKILL, 19.0, TERSE),
        model!(
            "quill-writer",
            "quill",
            -0.2,
            [-0.8, -0.4, 1.4, 0.0, 0.2],
            70.0,
            PROSE
        ),
        model!("quill-2", "quill", 0.7, NO_SKILL, 54.0, STRUCTURED),
        model!(
            "brook-r1",
            "brook",
            1.0,
            [0.1, 0.6, -0.2, 0.9, 0.0],
            76.0,
            STRUCTURED
        ),
        model!(
            "brook-mini",
            "brook",
            -0.2,
            [0.0, 0.2, -0.2, 0.4, 0.0],
            32.0,
            TERSE
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn roster_is_sane() {
        let r = roster();
        assert!(r.len() >= 20);
        let names: BTreeSet<_> = r.iter().map(|m| m.name).collect();
        assert_eq!(names.len(), r.len(), "duplicate model names");
        assert!(names.contains(BASELINE));
        for m in &r {
            assert!(m.name.starts_with(m.family));
            // Names become file names.
            assert!(!m.name.contains('/') && !m.name.contains('\\'));
        }
        let base = r.iter().find(|m| m.name == BASELINE).unwrap();
        assert_eq!(base.strength, 0.0);
        assert_eq!(base.skill, NO_SKILL);
    }
}
