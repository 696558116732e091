//! The query string itself: percent-encoding, decoding, and splitting a raw query into the pairs
//! [`super::ViewState::from_pairs`] reads.

use super::ViewState;

/// Percent-encodes a query component (everything but RFC 3986 unreserved characters). Written by hand:
/// it is eight lines, and the url crates pull in IDNA tables that would double the WASM size.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes a percent-encoded query component (`+` as space), for tests and native callers.
pub fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            // Hex digits are ASCII, so a valid escape never splits a UTF-8 character; `get` keeps
            // a `%` followed by the start of a multi-byte character from panicking on the slice.
            b'%' if i + 2 < bytes.len() => {
                match s
                    .get(i + 1..i + 3)
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                {
                    Some(v) => {
                        out.push(v);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Parses a raw query string (with or without `?`).
pub fn parse_query(q: &str) -> ViewState {
    let owned: Vec<(String, String)> = q
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect();
    ViewState::from_pairs(owned.iter().map(|(k, v)| (k.as_str(), v.as_str())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_percent_before_a_multibyte_character_is_kept_not_a_panic() {
        // Found by the round-trip proptest (tests/view_state.rs): the old decoder sliced `s[i+1..i+3]`
        // across the `é`'s two bytes.
        assert_eq!(decode("%a\u{e9}"), "%a\u{e9}");
        assert_eq!(decode("a%20b+c%2"), "a b c%2");
    }
}
