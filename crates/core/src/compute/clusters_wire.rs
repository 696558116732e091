//! The compact form of a clustering's answer between the worker and the page: the map position
//! of every prompt (two `f64` each, 40,000 numbers at 20,000 prompts) travels as the hex digits of
//! their bits in one string rather than as JSON numbers. Reading 40,000 correctly rounded decimal
//! floats was most of decoding the answer on the page's thread; hex reads back the same bits,
//! exactly, in a fraction of that time. Everything else is the clustering's own JSON.

use super::protocol::ClustersDone;
use crate::cluster::topic_perfs::{PerfRequest, TopicPerfs};
use crate::cluster::Clustering;
use serde::{Deserialize, Serialize};

/// [`ClustersDone`] as sent: the clustering without its `coords`, which ride in `coords_hex`.
#[derive(Serialize, Deserialize)]
pub(super) struct ClustersWire {
    clustering: Clustering,
    coords_hex: String,
    perfs: Option<(PerfRequest, TopicPerfs)>,
}

impl From<ClustersDone> for ClustersWire {
    fn from(d: ClustersDone) -> ClustersWire {
        let ClustersDone {
            mut clustering,
            perfs,
        } = d;
        let coords = std::mem::take(&mut clustering.coords);
        let mut hex = String::with_capacity(coords.len() * 32);
        for x in coords.iter().flatten() {
            hex.push_str(&format!("{:016x}", x.to_bits()));
        }
        ClustersWire {
            clustering,
            coords_hex: hex,
            perfs,
        }
    }
}

impl TryFrom<ClustersWire> for ClustersDone {
    type Error = String;
    fn try_from(w: ClustersWire) -> Result<ClustersDone, String> {
        let ClustersWire {
            mut clustering,
            coords_hex,
            perfs,
        } = w;
        let bytes = coords_hex.as_bytes();
        if bytes.len() % 32 != 0 {
            return Err(format!(
                "coords_hex: {} digits, not a multiple of 32",
                bytes.len()
            ));
        }
        let mut coords = Vec::with_capacity(bytes.len() / 32);
        for pair in bytes.chunks_exact(32) {
            coords.push([bits(&pair[..16])?, bits(&pair[16..])?]);
        }
        clustering.coords = coords;
        Ok(ClustersDone { clustering, perfs })
    }
}

/// The `f64` whose bits are these 16 hex digits.
fn bits(digits: &[u8]) -> Result<f64, String> {
    let mut v: u64 = 0;
    for &d in digits {
        let x = match d {
            b'0'..=b'9' => d - b'0',
            b'a'..=b'f' => d - b'a' + 10,
            _ => return Err(format!("coords_hex: {:?} is not a hex digit", d as char)),
        };
        v = (v << 4) | x as u64;
    }
    Ok(f64::from_bits(v))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn done(coords: Vec<[f64; 2]>) -> ClustersDone {
        ClustersDone {
            clustering: Clustering {
                assignment: vec![0; coords.len()],
                clusters: Vec::new(),
                coords,
                dendrogram: Vec::new(),
                other: Vec::new(),
                broad: Vec::new(),
            },
            perfs: None,
        }
    }

    #[test]
    fn coordinates_come_back_bit_for_bit() {
        // Values a decimal round trip would need 17 digits for, and ones JSON numbers cannot
        // carry at all (NaN, infinities): hex keeps every bit.
        let xs = [
            0.1 + 0.2,
            1.0 / 3.0,
            -0.0,
            f64::MIN_POSITIVE,
            f64::NAN,
            f64::INFINITY,
        ];
        let d = done(xs.iter().map(|&x| [x, 1.0 - x]).collect());
        let text = serde_json::to_string(&d).unwrap();
        assert!(text.contains("coords_hex"), "{text}");
        let back: ClustersDone = serde_json::from_str(&text).unwrap();
        for (a, b) in d.clustering.coords.iter().zip(&back.clustering.coords) {
            assert_eq!(a.map(f64::to_bits), b.map(f64::to_bits));
        }
        assert_eq!(back.clustering.coords.len(), xs.len());
    }

    #[test]
    fn malformed_hex_is_an_error() {
        let text = serde_json::to_string(&done(vec![[0.5, 0.25]])).unwrap();
        let short = text.replacen("\"coords_hex\":\"", "\"coords_hex\":\"0", 1);
        assert!(serde_json::from_str::<ClustersDone>(&short).is_err());
        let upper = text.replacen("\"coords_hex\":\"3", "\"coords_hex\":\"X", 1);
        assert!(serde_json::from_str::<ClustersDone>(&upper).is_err());
    }
}
