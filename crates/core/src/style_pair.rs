//! Both sides' style counts of one battle row ([`crate::bench::FileBattle::style`]), stored in
//! 40 bytes instead of 72.
//!
//! A Chatbot Arena log gives every battle its `conv_metadata` counts (tokens, headers, lists,
//! bold), and a million battles keep a million pairs. The counts are small integers, which an
//! `f32` holds exactly, so a pair is kept as eight `f32`s when every value survives the round
//! trip, and boxed as written otherwise: [`StylePair::get`] always gives back the exact `f64`s.

use crate::style::StyleRaw;

/// A battle's two [`StyleRaw`]s, or none.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum StylePair {
    #[default]
    None,
    /// Side a's tokens, headers, lists, bold, then side b's, each exact as an `f32`.
    Counts([f32; 8]),
    /// A pair some value of which an `f32` does not hold exactly.
    Exact(Box<(StyleRaw, StyleRaw)>),
}

impl StylePair {
    /// The pair, exactly as given to [`StylePair::from`].
    pub fn get(&self) -> Option<(StyleRaw, StyleRaw)> {
        match self {
            StylePair::None => None,
            StylePair::Counts(c) => {
                let side = |o: usize| StyleRaw {
                    tokens: c[o] as f64,
                    headers: c[o + 1] as f64,
                    lists: c[o + 2] as f64,
                    bold: c[o + 3] as f64,
                };
                Some((side(0), side(4)))
            }
            StylePair::Exact(p) => Some(**p),
        }
    }

    pub fn is_some(&self) -> bool {
        !matches!(self, StylePair::None)
    }

    pub fn is_none(&self) -> bool {
        matches!(self, StylePair::None)
    }
}

impl From<Option<(StyleRaw, StyleRaw)>> for StylePair {
    fn from(p: Option<(StyleRaw, StyleRaw)>) -> StylePair {
        let Some((a, b)) = p else {
            return StylePair::None;
        };
        let all = [
            a.tokens, a.headers, a.lists, a.bold, b.tokens, b.headers, b.lists, b.bold,
        ];
        // `to_bits` so that -0.0 (which compares equal to 0.0) is also kept as written.
        if all
            .iter()
            .all(|&x| (x as f32 as f64).to_bits() == x.to_bits())
        {
            StylePair::Counts(all.map(|x| x as f32))
        } else {
            StylePair::Exact(Box::new((a, b)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(tokens: f64, headers: f64, lists: f64, bold: f64) -> StyleRaw {
        StyleRaw {
            tokens,
            headers,
            lists,
            bold,
        }
    }

    #[test]
    fn gives_back_exactly_what_it_was_given() {
        // Counts (exact as f32), a fraction and a count beyond f32's 2^24 integers (boxed).
        for p in [
            (raw(1113.0, 1.0, 7.0, 4.0), raw(0.0, -0.0, 2.0, 10.0)),
            (raw(0.1, 1.0, 7.0, 4.0), raw(0.0, 0.0, 2.0, 10.0)),
            (raw(16_777_217.0, 1.0, 7.0, 4.0), raw(0.0, 0.0, 2.0, 10.0)),
        ] {
            let s = StylePair::from(Some(p));
            let (a, b) = s.get().unwrap();
            for (x, y) in [(a, p.0), (b, p.1)] {
                for (u, v) in [
                    (x.tokens, y.tokens),
                    (x.headers, y.headers),
                    (x.lists, y.lists),
                    (x.bold, y.bold),
                ] {
                    assert_eq!(u.to_bits(), v.to_bits());
                }
            }
        }
        assert!(matches!(
            StylePair::from(Some((raw(3.0, 0.0, 0.0, 0.0), raw(1.0, 0.0, 0.0, 0.0)))),
            StylePair::Counts(_)
        ));
        assert!(StylePair::from(None).get().is_none());
        assert_eq!(std::mem::size_of::<StylePair>(), 40);
    }
}
