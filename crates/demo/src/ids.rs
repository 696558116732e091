//! Identifiers shaped like the real ones, so the site's parsers see realistic values:
//! question ids are 32 lowercase hex digits (a UUID without dashes) and answer ids are 22
//! characters of the "shortuuid" alphabet that FastChat uses.

use rand::Rng;
use rand_chacha::ChaCha8Rng;

/// shortuuid's alphabet: digits and letters without the easily confused 0, 1, I, O, l.
const SHORTUUID: &[u8] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

/// 32 lowercase hex digits.
pub fn question_id(rng: &mut ChaCha8Rng) -> String {
    let v: u128 = rng.random();
    format!("{v:032x}")
}

/// 22 shortuuid characters.
pub fn answer_id(rng: &mut ChaCha8Rng) -> String {
    (0..22)
        .map(|_| SHORTUUID[rng.random_range(0..SHORTUUID.len() as u32) as usize] as char)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::stream;

    #[test]
    fn shapes() {
        let mut rng = stream(1, 1);
        let q = question_id(&mut rng);
        assert_eq!(q.len(), 32);
        assert!(q
            .chars()
            .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
        let a = answer_id(&mut rng);
        assert_eq!(a.len(), 22);
        assert!(a.bytes().all(|b| SHORTUUID.contains(&b)));
    }
}
