//! Topic clustering: acceptance on the demo's planted clusters, sanity on the real Arena-Hard prompts
//! (when `../shared` is present), the tokeniser on Korean and code, property tests of each algorithm
//! against a naive oracle, and per-cluster performance.

// Index loops read more plainly than zipped iterators when several arrays share the index.
#![allow(clippy::needless_range_loop)]

mod common;

use arena_lens_core::cluster::job::{IDF_POWER, SPECTRAL_POWER};
use arena_lens_core::cluster::kmeans::{kmeans, kmeans_pp, lloyd, DEFAULT_RESTARTS};
use arena_lens_core::cluster::metrics::{adjusted_rand_index, normalized_mutual_info};
use arena_lens_core::cluster::svd::{normalise_rows, sym_eigen, truncated_svd, DEFAULT_ITERS};
use arena_lens_core::cluster::tfidf::tfidf;
use arena_lens_core::cluster::tokenize::tokenize;
use arena_lens_core::cluster::ward::{cut, ward};
use arena_lens_core::cluster::{cluster_texts, ClusterError, ClusterJob, ClusterParams, Method};
use common::shared::shared_data;
use proptest::prelude::*;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde_json::Value;

/// (text, planted cluster) of each demo prompt.
fn demo_prompts() -> Vec<(String, String)> {
    let files = arena_lens_demo::generate(2024);
    let q = files
        .iter()
        .find(|f| f.path.ends_with("question.jsonl"))
        .expect("a question file");
    q.contents
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            (
                v["turns"][0]["content"].as_str().unwrap().to_string(),
                v["cluster"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn distinct(labels: &[String]) -> usize {
    let mut v = labels.to_vec();
    v.sort();
    v.dedup();
    v.len()
}

/// The pipeline of `cluster/job.rs` without its two sharpening steps: plain TF-IDF (idf to the
/// power 1) and the plain LSA embedding `U S` (singular values to the power 1), both 2 in the
/// pipeline; the same tokeniser, pruning, dimensions, seed and clustering. The README compares the
/// two ("plain TF-IDF without the pipeline's two sharpening steps").
fn plain_assignment(texts: &[String], k: usize, method: Method) -> Vec<u32> {
    let p = ClusterParams::default();
    let tokens: Vec<Vec<String>> = texts.iter().map(|t| tokenize(t)).collect();
    let m = tfidf(&tokens, p.min_df.max(1), p.max_df);
    let svd = truncated_svd(&m.matrix, p.dims, DEFAULT_ITERS, p.seed);
    let (d, mut e) = (svd.dims, svd.embedding);
    normalise_rows(&mut e, d);
    match method {
        Method::Kmeans => kmeans(&e, d, k, DEFAULT_RESTARTS, p.seed).assignment,
        Method::Ward => cut(&ward(&e, d, &vec![1.0; texts.len()]), texts.len(), k),
    }
}

/// Clusters the demo prompts at the planted k with both methods; prints and returns the ARIs.
fn demo_aris() -> Vec<(Method, f64)> {
    let (texts, planted): (Vec<String>, Vec<String>) = demo_prompts().into_iter().unzip();
    let k = distinct(&planted);
    assert_eq!((texts.len(), k), (500, 40));
    let mut aris = Vec::new();
    for method in [Method::Kmeans, Method::Ward] {
        let params = ClusterParams {
            k,
            method,
            ..ClusterParams::default()
        };
        let t = std::time::Instant::now();
        let c = cluster_texts(texts.clone(), params).unwrap();
        let ari = adjusted_rand_index(&c.assignment, &planted);
        let nmi = normalized_mutual_info(&c.assignment, &planted);
        println!(
            "demo {} k={k}: ARI {ari:.4}, NMI {nmi:.4} ({:?})",
            method.as_str(),
            t.elapsed()
        );
        for ci in c.clusters.iter().take(5) {
            println!("  #{} ({}) {}", ci.id, ci.size, ci.label);
        }
        aris.push((method, ari));
        assert_eq!(c.assignment.len(), 500);
        assert_eq!(c.coords.len(), 500);
        assert_eq!(c.dendrogram.len(), c.clusters.len() - 1);
        assert!(c
            .coords
            .iter()
            .all(|p| (0.0..=1.0).contains(&p[0]) && (0.0..=1.0).contains(&p[1])));
        assert_eq!(
            c.clusters.iter().map(|c| c.size as usize).sum::<usize>(),
            500
        );
    }
    aris
}

/// Issue 5's acceptance test: the planted clusters are recovered at the planted k. Issue 14 chose the
/// defaults on real prompt sets instead of this demo (`tests/topic_quality.rs`), which lowered the
/// demo's ARI from 0.81 (k-means) and 0.87 (Ward) with the old 4th powers to the values below.
#[test]
fn demo_planted_clusters_are_recovered() {
    for (method, ari) in demo_aris() {
        assert!(ari >= 0.65, "{method:?}: ARI {ari} < 0.65");
        // README's table (demo, k = 40): k-means 0.679, Ward 0.708 (measured 0.6785 and 0.7084);
        // tolerance 0.001: the README's 3-decimal rounding, with room for a value on its boundary.
        let readme = match method {
            Method::Kmeans => 0.679,
            Method::Ward => 0.708,
        };
        assert!(
            (ari - readme).abs() < 0.001,
            "{method:?}: ARI {ari} vs README {readme}"
        );
    }
    // README: "a 64-dimensional truncated SVD", "idf and singular values squared".
    assert_eq!(ClusterParams::default().dims, 64);
    assert_eq!((IDF_POWER, SPECTRAL_POWER), (2.0, 2.0));
    let (texts, planted): (Vec<String>, Vec<String>) = demo_prompts().into_iter().unzip();
    for method in [Method::Kmeans, Method::Ward] {
        let plain = adjusted_rand_index(&plain_assignment(&texts, 40, method), &planted);
        println!("demo plain TF-IDF {}: ARI {plain:.4}", method.as_str());
        // README: plain TF-IDF scores "0.30 instead of 0.68 on the demo" (k-means; measured 0.2971,
        // against 0.6785 for the pipeline; Ward 0.4900); tolerance 0.005, the README's rounding.
        if method == Method::Kmeans {
            assert!((plain - 0.30).abs() < 0.005, "plain k-means ARI {plain}");
        }
    }
}

#[test]
fn real_prompts_nmi_against_shipped_clusters() {
    const QUESTIONS: &str = "data/arena-hard-v0.1/question.jsonl";
    let Some(shared) = shared_data("real_prompts_nmi_against_shipped_clusters", &[QUESTIONS])
    else {
        return;
    };
    let text = std::fs::read_to_string(shared.join(QUESTIONS)).unwrap();
    let (texts, shipped): (Vec<String>, Vec<String>) = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            (
                v["turns"][0]["content"].as_str().unwrap().to_string(),
                v["cluster"].as_str().unwrap().to_string(),
            )
        })
        .unzip();
    println!(
        "{} real prompts, {} shipped clusters",
        texts.len(),
        distinct(&shipped)
    );
    // README's table: "500 real prompts, 250 shipped `cluster` labels".
    assert_eq!((texts.len(), distinct(&shipped)), (500, 250));
    for k in [10, 20, 50, 100] {
        for method in [Method::Kmeans, Method::Ward] {
            let params = ClusterParams {
                k,
                method,
                ..ClusterParams::default()
            };
            let c = cluster_texts(texts.clone(), params).unwrap();
            let nmi = normalized_mutual_info(&c.assignment, &shipped);
            println!("NMI k={k} {}: {nmi:.4}", method.as_str());
            // Sanity: the shipped clusters come from neural embeddings of the prompts.
            assert!(nmi > 0.3, "k={k} {method:?}: NMI {nmi}");
            // README's table (Arena-Hard v0.1, NMI against the shipped labels); tolerance 0.001:
            // the README's 3-decimal rounding, with room for a value on its boundary (k = 20
            // Ward measures 0.5755).
            let readme = match (k, method) {
                (10, Method::Kmeans) => 0.448,
                (10, Method::Ward) => 0.451,
                (20, Method::Kmeans) => 0.575,
                (20, Method::Ward) => 0.576,
                (50, Method::Kmeans) => 0.704,
                (50, Method::Ward) => 0.705,
                (100, Method::Kmeans) => 0.787,
                _ => 0.797,
            };
            assert!(
                (nmi - readme).abs() < 0.001,
                "k={k} {method:?}: NMI {nmi} vs README {readme}"
            );
            let plain = normalized_mutual_info(&plain_assignment(&texts, k, method), &shipped);
            println!("plain TF-IDF NMI k={k} {}: {plain:.4}", method.as_str());
            // README: plain TF-IDF "scores within 0.04 of these on the real prompts" (measured:
            // largest gap 0.0385, k = 10 Ward).
            assert!(
                (plain - nmi).abs() < 0.04,
                "k={k} {method:?}: plain NMI {plain} vs {nmi}"
            );
        }
    }
}

#[test]
fn korean_and_code_tokenise_sensibly() {
    let t = tokenize("C++로 다음 문제를 푸세요: 알파벳 a, b, c가 적힌 세 장의 카드");
    for w in [
        "c++", "다음", "문제", "제를", "푸세", "세요", "알파", "파벳", "카드",
    ] {
        assert!(t.contains(&w.to_string()), "{w} missing from {t:?}");
    }
    // A one-syllable Hangul run is kept whole (it can be a word); one-letter Latin tokens go.
    assert!(t.contains(&"세".to_string()));
    assert!(!t.contains(&"a".to_string()) && !t.contains(&"b".to_string()));
    let t = tokenize("Rust에서 Rc<RefCell<T>>와 `borrow_mut()` 사용법을 설명해줘");
    for w in [
        "rust",
        "에서",
        "rc",
        "refcell",
        "borrow_mut",
        "사용",
        "용법",
        "법을",
    ] {
        assert!(t.contains(&w.to_string()), "{w} missing from {t:?}");
    }
    let t = tokenize("日本語のテキスト");
    assert!(t.contains(&"日本".to_string()) && t.contains(&"テキ".to_string()));
}

#[test]
fn bad_params_are_rejected() {
    let texts = || vec!["alpha beta".to_string(), "gamma delta".to_string()];
    let p = ClusterParams::default;
    assert_eq!(
        ClusterJob::new(vec!["one".into()], p()).err(),
        Some(ClusterError::TooFewTexts { n: 1 })
    );
    assert_eq!(
        ClusterJob::new(texts(), ClusterParams { k: 3, ..p() }).err(),
        Some(ClusterError::BadK { k: 3, n: 2 })
    );
    assert_eq!(
        ClusterJob::new(texts(), ClusterParams { k: 0, ..p() }).err(),
        Some(ClusterError::BadK { k: 0, n: 2 })
    );
    assert_eq!(
        ClusterJob::new(
            texts(),
            ClusterParams {
                k: 2,
                spectral_power: f64::NAN,
                ..p()
            }
        )
        .err()
        .map(|e| e.to_string()),
        Some("spectral_power must be in [0, 8], got NaN".to_string())
    );
    assert_eq!(
        ClusterJob::new(
            texts(),
            ClusterParams {
                k: 1,
                dims: 0,
                ..p()
            }
        )
        .err(),
        Some(ClusterError::BadDims { dims: 0 })
    );
    assert_eq!(
        ClusterJob::new(
            texts(),
            ClusterParams {
                k: 1,
                max_df: 0.0,
                ..p()
            }
        )
        .err(),
        Some(ClusterError::BadMaxDf { max_df: 0.0 })
    );
    assert!(ClusterJob::new(
        texts(),
        ClusterParams {
            k: 1,
            min_df: 3,
            ..p()
        }
    )
    .is_err());
    // Degenerate but valid: nothing survives pruning, so everything lands in one cluster.
    let c = cluster_texts(texts(), ClusterParams { k: 2, ..p() }).unwrap();
    assert_eq!(c.assignment, [0, 0]);
}

#[test]
fn job_steps_are_bounded_and_deterministic() {
    let (texts, _): (Vec<String>, Vec<String>) = demo_prompts().into_iter().unzip();
    let params = ClusterParams {
        k: 40,
        ..ClusterParams::default()
    };
    let mut job = ClusterJob::new(texts.clone(), params.clone()).unwrap();
    let mut steps = 0;
    let mut last = 0.0;
    let mut stages = Vec::new();
    while !job.is_done() {
        let p = job.step();
        assert!(p.done >= last && p.done <= 1.0, "progress went back: {p:?}");
        last = p.done;
        if stages.last() != Some(&p.stage) {
            stages.push(p.stage);
        }
        steps += 1;
    }
    println!("{steps} steps, stages {stages:?}");
    assert!(steps > 5, "the work should be split into several steps");
    assert_eq!(last, 1.0);
    let a = job.result().unwrap().clone();
    let b = cluster_texts(texts, params).unwrap();
    assert_eq!(a, b);
    assert_eq!(
        serde_json::to_string(&a).unwrap(),
        serde_json::to_string(&b).unwrap()
    );
}

#[test]
fn metrics_match_hand_computed_values() {
    // Hand-computed (also scikit-learn 1.5's adjusted_rand_score docstring example): contingency
    // {2, 1, 1}: index 1, expected 2·1/6 = 1/3, max 3/2, ARI = (1 − 1/3)/(3/2 − 1/3) = 4/7.
    let ari = adjusted_rand_index(&[0, 0, 1, 1], &[0, 0, 1, 2]);
    assert!((ari - 4.0 / 7.0).abs() < 1e-12, "{ari}");
    // Hand-computed: H(U) = ln 2, H(V) = 1.5 ln 2, I = ln 2, NMI = ln 2 / 1.25 ln 2 = 0.8 exactly
    // (scikit-learn 1.5 normalized_mutual_info_score gives 0.8 to 1e-15).
    let nmi = normalized_mutual_info(&[0, 0, 1, 1], &[0, 0, 1, 2]);
    assert!((nmi - 0.8).abs() < 1e-12, "{nmi}");
    // scikit-learn docstring: a partition split into singletons against one class has ARI 0.
    assert_eq!(adjusted_rand_index(&[0, 0, 0, 0], &[0, 1, 2, 3]), 0.0);
    // Independent partitions: I = 0. Hand-computed.
    assert!(normalized_mutual_info(&[0, 0, 1, 1], &[0, 1, 0, 1]).abs() < 1e-12);
    // ARI of [0,0,1,1] vs [0,1,0,1]: index 0, expected 2·2/6, max 2: (0 − 2/3)/(2 − 2/3) = −1/2.
    assert!((adjusted_rand_index(&[0, 0, 1, 1], &[0, 1, 0, 1]) + 0.5).abs() < 1e-12);
}

/// Naive k-means oracle: the same Lloyd iterations with plain loops and direct squared distances.
fn naive_lloyd(data: &[Vec<f64>], mut cent: Vec<Vec<f64>>, max_iter: usize) -> Vec<u32> {
    let mut assign = vec![u32::MAX; data.len()];
    for it in 0..max_iter {
        let mut changed = false;
        for i in 0..data.len() {
            let mut best = 0;
            let mut best_d = f64::INFINITY;
            for c in 0..cent.len() {
                let mut dist = 0.0;
                for j in 0..data[i].len() {
                    dist += (data[i][j] - cent[c][j]).powi(2);
                }
                if dist < best_d {
                    best_d = dist;
                    best = c as u32;
                }
            }
            if assign[i] != best {
                assign[i] = best;
                changed = true;
            }
        }
        if !changed || it + 1 == max_iter {
            break;
        }
        for c in 0..cent.len() {
            let members: Vec<&Vec<f64>> = (0..data.len())
                .filter(|&i| assign[i] == c as u32)
                .map(|i| &data[i])
                .collect();
            if members.is_empty() {
                continue;
            }
            for j in 0..cent[c].len() {
                cent[c][j] = members.iter().map(|m| m[j]).sum::<f64>() / members.len() as f64;
            }
        }
    }
    assign
}

/// Naive Ward oracle: merge the pair with the least increase in within-cluster sum of squares,
/// computed from scratch over all members (O(n³) and more), until one cluster is left.
/// Returns the sorted merge heights (SciPy convention) and the partition at `k`.
fn naive_ward(points: &[Vec<f64>], k: usize) -> (Vec<f64>, Vec<u32>) {
    let sse = |members: &[usize]| -> f64 {
        let d = points[0].len();
        let mut mean = vec![0.0; d];
        for &m in members {
            for j in 0..d {
                mean[j] += points[m][j] / members.len() as f64;
            }
        }
        members
            .iter()
            .map(|&m| {
                (0..d)
                    .map(|j| (points[m][j] - mean[j]).powi(2))
                    .sum::<f64>()
            })
            .sum()
    };
    let mut clusters: Vec<Vec<usize>> = (0..points.len()).map(|i| vec![i]).collect();
    let mut heights = Vec::new();
    let mut at_k = None;
    while clusters.len() > 1 {
        if clusters.len() == k {
            at_k = Some(clusters.clone());
        }
        let mut best = (f64::INFINITY, 0, 0);
        for a in 0..clusters.len() {
            for b in (a + 1)..clusters.len() {
                let mut u = clusters[a].clone();
                u.extend(&clusters[b]);
                let delta = sse(&u) - sse(&clusters[a]) - sse(&clusters[b]);
                if delta < best.0 {
                    best = (delta, a, b);
                }
            }
        }
        heights.push((2.0 * best.0).max(0.0).sqrt());
        let merged = clusters.remove(best.2);
        clusters[best.1].extend(merged);
    }
    let at_k = at_k.unwrap_or(clusters);
    let mut labels = vec![0u32; points.len()];
    for (c, members) in at_k.iter().enumerate() {
        for &m in members {
            labels[m] = c as u32;
        }
    }
    heights.sort_by(f64::total_cmp);
    (heights, labels)
}

fn points(n: usize, d: usize, seed: u64) -> Vec<Vec<f64>> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    // A few blobs, so clusters exist, plus noise so that no two distances tie.
    let centres: Vec<Vec<f64>> = (0..3)
        .map(|_| (0..d).map(|_| rng.random_range(-5.0..5.0)).collect())
        .collect();
    (0..n)
        .map(|i| {
            let c = &centres[i % 3];
            c.iter().map(|x| x + rng.random_range(-1.0..1.0)).collect()
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn kmeans_matches_naive_oracle(n in 5usize..40, d in 1usize..6, k in 1usize..6, seed in any::<u64>()) {
        let k = k.min(n);
        let pts = points(n, d, seed);
        let flat: Vec<f64> = pts.concat();
        let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 1);
        let init = kmeans_pp(&flat, d, k, &mut rng);
        let fast = lloyd(&flat, d, init.clone(), 30);
        let naive = naive_lloyd(&pts, init.chunks(d).map(|c| c.to_vec()).collect(), 30);
        prop_assert_eq!(fast.assignment, naive);
    }

    #[test]
    fn ward_matches_naive_oracle(n in 2usize..18, d in 1usize..5, k in 1usize..6, seed in any::<u64>()) {
        let k = k.min(n);
        let pts = points(n, d, seed);
        let flat: Vec<f64> = pts.concat();
        let merges = ward(&flat, d, &vec![1.0; n]);
        let (heights, naive) = naive_ward(&pts, k);
        prop_assert_eq!(merges.len(), n - 1);
        for (m, h) in merges.iter().zip(&heights) {
            prop_assert!((m.height - h).abs() < 1e-9 * (1.0 + h), "{} vs {}", m.height, h);
        }
        let fast = cut(&merges, n, k);
        prop_assert!((adjusted_rand_index(&fast, &naive) - 1.0).abs() < 1e-12);
        prop_assert_eq!(merges.last().unwrap().size as usize, n);
    }

    #[test]
    fn metrics_invariant_to_label_permutation(labels in proptest::collection::vec((0u32..5, 0u32..4), 2..60), shift in 1u32..7) {
        let (a, b): (Vec<u32>, Vec<u32>) = labels.into_iter().unzip();
        // A relabelling: a bijection on 0..5.
        let perm = |x: u32| (x + shift) % 5 + 10;
        let a2: Vec<u32> = a.iter().map(|&x| perm(x)).collect();
        let (ari, nmi) = (adjusted_rand_index(&a, &b), normalized_mutual_info(&a, &b));
        prop_assert!((adjusted_rand_index(&a2, &b) - ari).abs() < 1e-12);
        prop_assert!((normalized_mutual_info(&a2, &b) - nmi).abs() < 1e-12);
        prop_assert!((adjusted_rand_index(&b, &a) - ari).abs() < 1e-12);
        prop_assert!((adjusted_rand_index(&a, &a2) - 1.0).abs() < 1e-12);
        prop_assert!((normalized_mutual_info(&a, &a2) - 1.0).abs() < 1e-12);
        prop_assert!((0.0..=1.0 + 1e-12).contains(&nmi));
    }

    #[test]
    fn tfidf_rows_have_unit_norm(docs in proptest::collection::vec(proptest::collection::vec("[a-e]{2}", 0..8), 1..20)) {
        let t = tfidf(&docs, 1, 1.0);
        for i in 0..t.matrix.rows {
            let norm: f64 = t.matrix.row(i).map(|(_, v)| v * v).sum::<f64>().sqrt();
            if docs[i].is_empty() {
                prop_assert_eq!(norm, 0.0);
            } else {
                prop_assert!((norm - 1.0).abs() < 1e-12);
            }
        }
    }
}

#[test]
fn svd_matches_dense_oracle() {
    // Singular values of a small sparse matrix: randomized SVD against the eigenvalues of the dense
    // X^T X (Jacobi, tested on a known matrix in the unit tests) and against power iteration.
    let mut rng = ChaCha8Rng::seed_from_u64(7);
    let docs: Vec<Vec<String>> = (0..30)
        .map(|_| {
            (0..6)
                .map(|_| format!("w{}", rng.random_range(0..15)))
                .collect()
        })
        .collect();
    let x = tfidf(&docs, 1, 1.0).matrix;
    let (n, m) = (x.rows, x.cols);
    let dense = x.to_dense();
    let mut xtx = vec![0.0; m * m];
    for a in 0..m {
        for b in 0..m {
            xtx[a * m + b] = (0..n).map(|i| dense[i * m + a] * dense[i * m + b]).sum();
        }
    }
    let (eig, _) = sym_eigen(&xtx, m);
    // Power iteration for the top singular value, as an independent check of the oracle.
    let mut v = vec![1.0; m];
    for _ in 0..2000 {
        let w: Vec<f64> = (0..m)
            .map(|a| (0..m).map(|b| xtx[a * m + b] * v[b]).sum())
            .collect();
        let norm = w.iter().map(|x| x * x).sum::<f64>().sqrt();
        v = w.into_iter().map(|x| x / norm).collect();
    }
    let top: f64 = (0..m)
        .map(|a| v[a] * (0..m).map(|b| xtx[a * m + b] * v[b]).sum::<f64>())
        .sum::<f64>()
        .sqrt();
    assert!((top - eig[0].sqrt()).abs() < 1e-8);
    // With dims + oversampling covering the whole column space the randomized SVD is exact.
    let svd = truncated_svd(&x, 5, 4, 1);
    for c in 0..5 {
        let want = eig[c].max(0.0).sqrt();
        assert!(
            (svd.singular_values[c] - want).abs() < 1e-8,
            "sigma_{c}: {} vs {want}",
            svd.singular_values[c]
        );
    }
    // Embedding rows: |U S| row norms squared sum to the captured energy.
    let energy: f64 = svd.embedding.iter().map(|x| x * x).sum();
    let want: f64 = eig[..5].iter().sum();
    assert!((energy - want).abs() < 1e-8 * want);
}

mod performance {
    use arena_lens_core::bootstrap::{BootstrapSpec, BootstrapUnit};
    use arena_lens_core::cluster::performance::{cluster_performance, slice_score};
    use arena_lens_core::dataset::Dataset;
    use arena_lens_core::source::SourceFile;
    use std::collections::BTreeMap;

    /// Six prompts in clusters A (q0-q2) and B (q3-q5); model `m` against the baseline: in game 1 the
    /// baseline is A, so `B>A` is a win for the model; in game 2 `A>B` is.
    fn tiny() -> Dataset {
        let q: String = (0..6)
            .map(|i| {
                format!(
                    "{{\"question_id\":\"q{i}\",\"category\":\"c\",\"cluster\":\"{}\",\"turns\":[{{\"content\":\"p{i}\"}}]}}\n",
                    if i < 3 { "A" } else { "B" }
                )
            })
            .collect();
        // Cluster A: win/win, win/tie, loss/loss -> prompt scores 1, 0.75, 0. Cluster B: all wins.
        let games = [
            ("B>A", "A>B"),
            ("B>A", "A=B"),
            ("A>B", "B>A"),
            ("B>A", "A>B"),
            ("B>>A", "A>>B"),
            ("B>A", "A>B"),
        ];
        let j: String = games
            .iter()
            .enumerate()
            .map(|(i, (g1, g2))| {
                format!(
                    "{{\"question_id\":\"q{i}\",\"model\":\"m\",\"judge\":\"j\",\"games\":[{{\"score\":\"{g1}\"}},{{\"score\":\"{g2}\"}}]}}\n"
                )
            })
            .collect();
        Dataset::load(vec![
            SourceFile {
                path: "t/question.jsonl".into(),
                text: q,
            },
            SourceFile {
                path: "t/model_judgment/j/m.jsonl".into(),
                text: j,
            },
        ])
    }

    #[test]
    fn per_cluster_win_rates_and_intervals() {
        let ds = tiny();
        let bench = ds.bench(None).unwrap();
        let judge = bench.judges.get("j").unwrap();
        let labels: Vec<String> = bench
            .prompts
            .iter()
            .map(|p| p.cluster.to_string())
            .collect();
        let spec = BootstrapSpec::new(500, 7, 0.95, BootstrapUnit::Prompt).unwrap();
        let perf = cluster_performance(bench, judge, None, &labels, spec);
        assert_eq!(perf.len(), 2);
        let a = &perf[0].models[0];
        assert_eq!(
            (perf[0].cluster.as_str(), a.model.as_str(), a.n_prompts),
            ("A", "m", 3)
        );
        assert!((a.win_rate - 175.0 / 3.0).abs() < 1e-9, "{}", a.win_rate);
        let (lo, hi) = (a.lower.unwrap(), a.upper.unwrap());
        assert!(lo <= a.win_rate && a.win_rate <= hi && lo >= 0.0 && hi <= 100.0);
        assert!(a.ci_crosses_50);
        let b = &perf[1].models[0];
        assert_eq!(b.win_rate, 100.0);
        assert_eq!((b.lower, b.upper), (Some(100.0), Some(100.0)));
        assert!(!b.ci_crosses_50);
        // Deterministic for a seed; another seed moves only the interval.
        assert_eq!(perf, cluster_performance(bench, judge, None, &labels, spec));
        let other = cluster_performance(bench, judge, None, &labels, spec.with_seed(8));
        assert_eq!(other[0].models[0].win_rate, a.win_rate);

        let mut w = BTreeMap::new();
        w.insert("A".to_string(), 1.0);
        w.insert("B".to_string(), 3.0);
        let s = slice_score(bench, judge, None, &labels, &w, spec);
        let want = (175.0 / 3.0 + 3.0 * 100.0) / 4.0;
        assert!((s[0].score - want).abs() < 1e-9);
        assert!(s[0].lower.unwrap() <= s[0].score && s[0].score <= s[0].upper.unwrap());
        assert_eq!(s[0].n_prompts, 6);
        w.insert("B".to_string(), 0.0);
        let s = slice_score(bench, judge, None, &labels, &w, spec);
        assert!((s[0].score - 175.0 / 3.0).abs() < 1e-9);
        assert_eq!(s[0].n_prompts, 3);
    }

    #[test]
    fn demo_performance_is_deterministic_and_contains_points() {
        let ds = crate::common::demo_dataset();
        let bench = ds.bench(None).unwrap();
        let judge = bench.judges.get("judge-sage").unwrap();
        let baseline = bench.models.get(arena_lens_demo::DEMO_BASELINE);
        let labels: Vec<String> = bench
            .prompts
            .iter()
            .map(|p| p.category.to_string())
            .collect();
        let spec = BootstrapSpec::new(100, 42, 0.9, BootstrapUnit::Prompt).unwrap();
        let perf = cluster_performance(bench, judge, baseline, &labels, spec);
        assert_eq!(perf.len(), bench.categories().len());
        for c in &perf {
            assert_eq!(
                c.models.len(),
                19,
                "{}: every non-baseline model",
                c.cluster
            );
            for m in &c.models {
                let (lo, hi) = (m.lower.unwrap(), m.upper.unwrap());
                assert!(lo <= m.win_rate + 1e-9 && m.win_rate <= hi + 1e-9, "{m:?}");
                assert_eq!(m.ci_crosses_50, lo <= 50.0 && hi >= 50.0);
            }
        }
        assert_eq!(
            perf,
            cluster_performance(bench, judge, baseline, &labels, spec)
        );
        let w: BTreeMap<String, f64> = bench.categories().into_iter().map(|c| (c, 1.0)).collect();
        let s = slice_score(bench, judge, baseline, &labels, &w, spec);
        assert_eq!(s.len(), 19);
        assert_eq!(s, slice_score(bench, judge, baseline, &labels, &w, spec));
    }
}
