//! Issue 14, quality on real prompts: the computed topics against every labelled real prompt set in
//! `../shared`, at k = 3, 8, 10, 20 and 50, beside scikit-learn's textbook pipeline
//! (`TfidfVectorizer(sublinear_tf=True, min_df=2, stop_words="english")` → `TruncatedSVD(64)` → L2 →
//! `KMeans(n_init=10)`), whose NMIs come from the committed table
//! `tests/fixtures/sklearn_nmi.json`, written by `scripts/bench-clusters-sklearn.py --grid` (it
//! records the scikit-learn and numpy versions). Prints the whole grid; README's "Topic clusters"
//! table and BENCHMARKS.md carry it, and every number there is asserted here.

mod common;

use arena_lens_core::cluster::metrics::{adjusted_rand_index, normalized_mutual_info};
use arena_lens_core::cluster::{cluster_texts, ClusterParams};
use common::shared::shared_data;
use serde_json::Value;

/// The grid of k, as the issue asks.
const KS: [usize; 5] = [3, 8, 10, 20, 50];

/// README's grid, ours (k-means, the defaults), per set in the fixture's order, then k as [`KS`].
/// Measured by this test; tolerance 0.001: the README's 3-decimal rounding with room for a value
/// on its boundary. The Korean set's two label fields give one partition, so one row.
// MT-Bench at k = 3 measures 0.318, which clippy takes for an approximation of 1/pi.
#[allow(clippy::approx_constant)]
const README_OURS: [(&str, [f64; 5]); 4] = [
    (
        "arena-hard-v2.0 subcategory",
        [0.419, 0.315, 0.331, 0.323, 0.282],
    ),
    (
        "arena-hard-v0.1 cluster",
        [0.240, 0.429, 0.448, 0.575, 0.704],
    ),
    (
        "ko-arena-hard-v0.1 ko_cluster",
        [0.223, 0.390, 0.432, 0.546, 0.680],
    ),
    ("mt-bench category", [0.318, 0.401, 0.364, 0.461, 0.595]),
];

/// README's textbook rows, from the fixture rounded to 3 decimals (same order; tolerance 0.0005,
/// the rounding).
const README_TEXTBOOK: [[f64; 5]; 4] = [
    [0.406, 0.194, 0.261, 0.238, 0.220],
    [0.157, 0.398, 0.443, 0.566, 0.698],
    [0.177, 0.366, 0.402, 0.541, 0.679],
    [0.145, 0.290, 0.361, 0.499, 0.545],
];

/// The figures issue 14 quotes for the textbook pipeline on the v2.0 prompts at k = 3, 10, 20
/// (its table; our recomputation in the fixture differs by up to 0.013 through the seeds). The
/// test holds us to the higher of the two.
const ISSUE_TEXTBOOK_V2: [(usize, f64); 3] = [(3, 0.393), (10, 0.267), (20, 0.235)];

fn fixture() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/sklearn_nmi.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// (texts, labels) of a questions file: every user turn joined by a newline (as
/// `cluster::prompt_text`), or v2.0's `prompt`; MT-Bench's turns are plain strings.
fn read(path: &std::path::Path, label: &str) -> (Vec<String>, Vec<String>) {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            let text = match v["prompt"].as_str() {
                Some(p) => p.to_string(),
                None => v["turns"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|t| t.as_str().or(t["content"].as_str()).unwrap())
                    .collect::<Vec<_>>()
                    .join("\n"),
            };
            (text, v[label].as_str().unwrap().to_string())
        })
        .unzip()
}

fn nmi_at(texts: &[String], labels: &[String], k: usize) -> f64 {
    let params = ClusterParams {
        k,
        ..ClusterParams::default()
    };
    let c = cluster_texts(texts.to_vec(), params).unwrap();
    normalized_mutual_info(&c.assignment, labels)
}

#[test]
fn real_prompt_topics_beat_the_textbook_pipeline() {
    let fx = fixture();
    let sets = fx["sets"].as_array().unwrap();
    let paths: Vec<&str> = sets.iter().map(|s| s["path"].as_str().unwrap()).collect();
    let Some(shared) = shared_data("real_prompt_topics_beat_the_textbook_pipeline", &paths) else {
        return;
    };
    println!(
        "textbook: scikit-learn {}, numpy {}",
        fx["sklearn"], fx["numpy"]
    );
    let (mut ours_sum, mut textbook_sum, mut cells) = (0.0, 0.0, 0);
    let mut korean: Option<Vec<String>> = None;
    for s in sets {
        let name = s["name"].as_str().unwrap();
        let (texts, labels) = read(
            &shared.join(s["path"].as_str().unwrap()),
            s["label"].as_str().unwrap(),
        );
        assert_eq!(texts.len() as u64, s["n"].as_u64().unwrap(), "{name}");
        // The Korean set's `cluster` and `ko_cluster` are one partition (its labels translated):
        // checked here, then scored once.
        if s["path"].as_str().unwrap().contains("ko-arena-hard") {
            if let Some(first) = &korean {
                assert_eq!(normalized_mutual_info(first, &labels), 1.0);
                continue;
            }
            korean = Some(labels.clone());
        }
        let row = README_OURS
            .iter()
            .position(|r| r.0 == name)
            .unwrap_or_else(|| panic!("{name} missing from README_OURS"));
        let readme = README_OURS[row].1;
        for (i, k) in KS.into_iter().enumerate() {
            let ours = nmi_at(&texts, &labels, k);
            let textbook = s["nmi"][k.to_string()].as_f64().unwrap();
            println!("{name} k={k}: ours {ours:.4}, textbook {textbook:.4}");
            assert!(
                (textbook - README_TEXTBOOK[row][i]).abs() <= 0.0005,
                "{name} k={k}"
            );
            assert!(
                (ours - readme[i]).abs() < 0.001,
                "{name} k={k}: NMI {ours} vs README {}",
                readme[i]
            );
            if name.starts_with("arena-hard-v2.0") {
                if let Some(&(_, issue)) = ISSUE_TEXTBOOK_V2.iter().find(|x| x.0 == k) {
                    let bar = textbook.max(issue);
                    assert!(ours >= bar, "{name} k={k}: NMI {ours} < textbook {bar}");
                }
            }
            ours_sum += ours;
            textbook_sum += textbook;
            cells += 1;
        }
    }
    let (ours_mean, textbook_mean) = (ours_sum / cells as f64, textbook_sum / cells as f64);
    println!("mean over {cells} cells: ours {ours_mean:.4}, textbook {textbook_mean:.4}");
    // README: "Mean over the grid: 0.424 against the textbook's 0.379" (tolerance as above).
    assert_eq!(cells, 20);
    assert!(ours_mean > textbook_mean);
    assert!((ours_mean - 0.424).abs() < 0.001, "{ours_mean}");
    assert!((textbook_mean - 0.379).abs() < 0.001, "{textbook_mean}");
}

/// The demo's planted topics stay one test among the sets (the defaults are not tuned on it): ARI
/// at the planted k against the textbook's, from the same fixture.
#[test]
fn demo_planted_topics_against_the_textbook() {
    let files = arena_lens_demo::generate(arena_lens_demo::DEFAULT_SEED);
    let q = files
        .iter()
        .find(|f| f.path.ends_with("question.jsonl"))
        .unwrap();
    let (texts, planted): (Vec<String>, Vec<String>) = q
        .contents
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            (
                v["turns"][0]["content"].as_str().unwrap().to_string(),
                v["cluster"].as_str().unwrap().to_string(),
            )
        })
        .unzip();
    let fx = fixture();
    assert_eq!(fx["demo"]["n"].as_u64(), Some(texts.len() as u64));
    let k = fx["demo"]["k"].as_u64().unwrap() as usize;
    let c = cluster_texts(
        texts,
        ClusterParams {
            k,
            ..ClusterParams::default()
        },
    )
    .unwrap();
    let ari = adjusted_rand_index(&c.assignment, &planted);
    let textbook = fx["demo"]["ari"].as_f64().unwrap();
    println!("demo k={k}: ARI ours {ari:.4}, textbook {textbook:.4}");
    // README: "0.679 with k-means ... (the textbook: 0.346)" (rounding tolerance).
    assert!((ari - 0.679).abs() < 0.001 && (textbook - 0.346).abs() <= 0.0005);
    assert!(ari > textbook + 0.2, "{ari} vs {textbook}");
}
