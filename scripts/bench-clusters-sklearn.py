"""The clustering benchmark's side-by-side: scikit-learn's standard TF-IDF → TruncatedSVD → KMeans
pipeline on the same questions file `arena-lens clusters --compute K` reads, timed in the same run.

Usage: python3 scripts/bench-clusters-sklearn.py QUESTION_JSONL K
Needs numpy and scikit-learn (not a project dependency; for benchmarking only). Prints the wall time
of the fit, with the same settings as arena-lens where they exist (sublinear tf, min_df 2, max_df
0.5, 64 dimensions, k-means++ with 4 restarts).
(arena-lens raises idf to the 4th power and weights the SVD by S⁴ before k-means; see
crates/core/src/cluster/job.rs. Those cost nothing measurable.)
"""
import json
import sys
import time

from sklearn.cluster import KMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

path, k = sys.argv[1], int(sys.argv[2])
t0 = time.perf_counter()
with open(path, encoding="utf-8") as f:
    rows = [json.loads(line) for line in f if line.strip()]
texts = [r["turns"][0]["content"] for r in rows]
t1 = time.perf_counter()
x = TfidfVectorizer(sublinear_tf=True, min_df=2, max_df=0.5).fit_transform(texts)
emb = normalize(TruncatedSVD(n_components=64, random_state=42).fit_transform(x))
labels = KMeans(n_clusters=k, n_init=4, random_state=42).fit_predict(emb)
t2 = time.perf_counter()
print(f"sklearn: {len(texts)} prompts, k={k}: read {t1 - t0:.3f} s, fit {t2 - t1:.3f} s, total {t2 - t0:.3f} s")
