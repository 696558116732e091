"""scikit-learn's textbook TF-IDF → TruncatedSVD → KMeans pipeline, the bar arena-lens's computed
topics are measured against. Two modes:

Timing (BENCHMARKS.md, "Topic clustering, against scikit-learn"):
    python3 scripts/bench-clusters-sklearn.py QUESTION_JSONL K
  prints the wall time of the fit, with the same settings as arena-lens where they exist (sublinear
  tf, min_df 2, max_df 0.5, 64 dimensions, k-means++ with 4 restarts).

Quality (README "Topic clusters"; read by crates/core/tests/topic_quality.rs):
    python3 scripts/bench-clusters-sklearn.py --grid SHARED_DIR DEMO_QUESTION_JSONL > \
        crates/core/tests/fixtures/sklearn_nmi.json
  runs the textbook pipeline exactly as issue 14 states it,
  TfidfVectorizer(sublinear_tf=True, min_df=2, stop_words="english") → TruncatedSVD(64) → L2
  normalise → KMeans(n_init=10), on every labelled real prompt set in ../shared (SHARED_DIR) at
  k = 3, 8, 10, 20, 50, and prints NMI against the labels (scikit-learn's
  normalized_mutual_info_score, arithmetic mean) as JSON with the versions and the command. The demo
  (DEMO_QUESTION_JSONL, written by `arena-lens demo --out DIR`) is scored by ARI at its planted k.
  random_state is 42 for both the SVD and KMeans; the texts are the ones arena-lens clusters (every
  user turn, joined by a newline; v2.0's `prompt`).

Needs numpy and scikit-learn (not a project dependency; for benchmarking only).
"""
import json
import os
import sys
import time

from sklearn.cluster import KMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score
from sklearn.preprocessing import normalize

KS = [3, 8, 10, 20, 50]
SEED = 42

# (name, path under SHARED_DIR, label field): the sets crates/core/tests/topic_quality.rs reads.
SETS = [
    ("arena-hard-v2.0 subcategory", "data/arena-hard-v2.0-sample/question.jsonl", "subcategory"),
    ("arena-hard-v0.1 cluster", "data/arena-hard-v0.1/question.jsonl", "cluster"),
    ("ko-arena-hard-v0.1 ko_cluster", "data/ko-arena-hard-v0.1/question.jsonl", "ko_cluster"),
    ("ko-arena-hard-v0.1 cluster", "data/ko-arena-hard-v0.1/question.jsonl", "cluster"),
    (
        "mt-bench category",
        "data/formats/mt_bench/Stefanstud__FastChat/fastchat/llm_judge/data/mt_bench/question.jsonl",
        "category",
    ),
]


def read(path, label=None):
    """(texts, labels) of a questions file: every user turn, or v2.0's `prompt`."""
    texts, labels = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            r = json.loads(line)
            if "prompt" in r:
                texts.append(r["prompt"])
            else:
                texts.append("\n".join(t if isinstance(t, str) else t["content"] for t in r["turns"]))
            labels.append(r.get(label) if label else None)
    return texts, labels


def textbook(texts, k):
    x = TfidfVectorizer(sublinear_tf=True, min_df=2, stop_words="english").fit_transform(texts)
    emb = normalize(TruncatedSVD(n_components=64, random_state=SEED).fit_transform(x))
    return KMeans(n_clusters=k, n_init=10, random_state=SEED).fit_predict(emb)


def grid(shared, demo):
    import numpy
    import sklearn

    out = {
        "source": "scripts/bench-clusters-sklearn.py --grid ../shared DEMO_QUESTION_JSONL",
        "pipeline": 'TfidfVectorizer(sublinear_tf=True, min_df=2, stop_words="english") -> '
        "TruncatedSVD(64, random_state=42) -> L2 normalise -> KMeans(n_init=10, random_state=42)",
        "python": sys.version.split()[0],
        "sklearn": sklearn.__version__,
        "numpy": numpy.__version__,
        "metric": "normalized_mutual_info_score (arithmetic); the demo: adjusted_rand_score",
        "sets": [],
    }
    for name, rel, label in SETS:
        texts, labels = read(os.path.join(shared, rel), label)
        nmi = {str(k): round(normalized_mutual_info_score(labels, textbook(texts, k)), 6) for k in KS}
        out["sets"].append({"name": name, "path": rel, "label": label, "n": len(texts), "nmi": nmi})
        print(name, nmi, file=sys.stderr)
    texts, labels = read(demo, "cluster")
    k = len(set(labels))
    out["demo"] = {"n": len(texts), "k": k, "ari": round(adjusted_rand_score(labels, textbook(texts, k)), 6)}
    print(json.dumps(out, indent=1, ensure_ascii=False))


def timing(path, k):
    t0 = time.perf_counter()
    texts = read(path)[0]
    t1 = time.perf_counter()
    x = TfidfVectorizer(sublinear_tf=True, min_df=2, max_df=0.5).fit_transform(texts)
    emb = normalize(TruncatedSVD(n_components=64, random_state=SEED).fit_transform(x))
    KMeans(n_clusters=k, n_init=4, random_state=SEED).fit_predict(emb)
    t2 = time.perf_counter()
    print(f"sklearn: {len(texts)} prompts, k={k}: read {t1 - t0:.3f} s, fit {t2 - t1:.3f} s, total {t2 - t0:.3f} s")


if __name__ == "__main__":
    if sys.argv[1] == "--grid":
        grid(sys.argv[2], sys.argv[3])
    else:
        timing(sys.argv[1], int(sys.argv[2]))
