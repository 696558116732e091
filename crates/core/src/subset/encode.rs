//! Selected prompt ids, compactly encoded for a link. A box on the prompt map can hold a thousand
//! prompts whose ids are 32 hex digits each; listed plainly that is a 33 kB URL. Instead the
//! selection is written as positions in the bench's prompt ids sorted by id, either as a bitset or
//! as gaps between positions (LEB128 varints), whichever is shorter, in URL-safe base64:
//! a thousand prompts of 20,000 take about 1.4 kB, all 750 of Arena-Hard 0.1 kB.
//!
//! Format: `b<base64>.<fp>` (bitset, bit i = sorted position i) or `d<base64>.<fp>` (gaps, the
//! first from −1). `<fp>` is 6 base64 characters of an FNV-1a hash of the sorted ids, so a link
//! opened on other data says so instead of scoring other prompts.

use super::SubsetError;
use crate::bench::Bench;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// The bench's prompt indices sorted by id: the positions the encoding counts.
fn sorted(bench: &Bench) -> Vec<u32> {
    let mut v: Vec<u32> = (0..bench.prompts.len() as u32).collect();
    v.sort_by(|&a, &b| {
        bench.prompts[a as usize]
            .id
            .cmp(&bench.prompts[b as usize].id)
    });
    v
}

/// FNV-1a (64-bit) of the sorted ids, each followed by a newline; 36 bits of it in 6 characters.
fn fingerprint(bench: &Bench, order: &[u32]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &i in order {
        for &b in bench.prompts[i as usize].id.as_bytes().iter().chain(b"\n") {
            h ^= b as u64;
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    (0..6)
        .map(|k| ALPHABET[((h >> (6 * k)) & 63) as usize] as char)
        .collect()
}

fn base64(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | (b as u32) << (16 - 8 * i));
        for k in 0..=chunk.len() {
            out.push(ALPHABET[((n >> (18 - 6 * k)) & 63) as usize] as char);
        }
    }
    out
}

fn unbase64(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let digits: Option<Vec<u32>> = s
        .bytes()
        .map(|c| ALPHABET.iter().position(|&a| a == c).map(|p| p as u32))
        .collect();
    for chunk in digits?.chunks(4) {
        if chunk.len() == 1 {
            return None;
        }
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &d)| n | d << (18 - 6 * i));
        for k in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * k)) as u8);
        }
    }
    Some(out)
}

/// Encodes prompt indices of `bench` (any order; repeats and out-of-range indices are ignored).
pub fn encode_ids(bench: &Bench, prompts: &[u32]) -> String {
    let order = sorted(bench);
    let mut pos_of = vec![u32::MAX; bench.prompts.len()];
    for (pos, &i) in order.iter().enumerate() {
        pos_of[i as usize] = pos as u32;
    }
    let mut pos: Vec<u32> = prompts
        .iter()
        .filter_map(|&i| pos_of.get(i as usize).copied())
        .collect();
    pos.sort_unstable();
    pos.dedup();
    let mut bits = vec![0u8; order.len().div_ceil(8)];
    for &p in &pos {
        bits[p as usize / 8] |= 1 << (p % 8);
    }
    let mut gaps = Vec::new();
    let mut last: i64 = -1;
    for &p in &pos {
        let mut g = (p as i64 - last) as u64;
        last = p as i64;
        loop {
            let byte = (g & 0x7f) as u8;
            g >>= 7;
            if g == 0 {
                gaps.push(byte);
                break;
            }
            gaps.push(byte | 0x80);
        }
    }
    let (kind, body) = if gaps.len() < bits.len() {
        ('d', gaps)
    } else {
        ('b', bits)
    };
    format!("{kind}{}.{}", base64(&body), fingerprint(bench, &order))
}

/// The prompt indices an [`encode_ids`] string names, ascending.
pub fn decode_ids(bench: &Bench, code: &str) -> Result<Vec<u32>, SubsetError> {
    let (body, fp) = code.trim().rsplit_once('.').ok_or(SubsetError::Malformed)?;
    let order = sorted(bench);
    if fp != fingerprint(bench, &order) {
        return Err(SubsetError::OtherData);
    }
    let mut chars = body.chars();
    let kind = chars.next().ok_or(SubsetError::Malformed)?;
    let bytes = unbase64(chars.as_str()).ok_or(SubsetError::Malformed)?;
    let mut pos: Vec<usize> = Vec::new();
    match kind {
        'b' => {
            for (i, &byte) in bytes.iter().enumerate() {
                for bit in 0..8 {
                    if byte & (1 << bit) != 0 {
                        pos.push(i * 8 + bit);
                    }
                }
            }
        }
        'd' => {
            let (mut last, mut g, mut shift) = (-1i64, 0u64, 0u32);
            for &byte in &bytes {
                if shift > 35 {
                    return Err(SubsetError::Malformed);
                }
                g |= ((byte & 0x7f) as u64) << shift;
                shift += 7;
                if byte & 0x80 == 0 {
                    last += g as i64;
                    pos.push(usize::try_from(last).map_err(|_| SubsetError::Malformed)?);
                    (g, shift) = (0, 0);
                }
            }
            if shift != 0 {
                return Err(SubsetError::Malformed);
            }
        }
        _ => return Err(SubsetError::Malformed),
    }
    let mut out = Vec::with_capacity(pos.len());
    for p in pos {
        out.push(*order.get(p).ok_or(SubsetError::Malformed)?);
    }
    out.sort_unstable();
    Ok(out)
}
