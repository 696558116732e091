"""Static (model2vec-style) embeddings from registry packages, scored as crates/core/tests/
topic_quality.rs scores arena-lens: mean-pooled token vectors → L2 → KMeans(n_init=10,
random_state=42), NMI against each labelled real prompt set at k = 3, 8, 10, 20, 50, and the demo's
ARI at its planted k. The evidence for keeping TF-IDF (BENCHMARKS.md, "Neural static embeddings").

Usage: python3 scripts/bench-static-embeddings.py wordllama|tokenlearn PACKAGE_DIR SHARED_DIR DEMO_QUESTION_JSONL
  PACKAGE_DIR: the installed or unpacked package folder (`wordllama/` of wordllama 0.4.0.post1;
  `static_model/model/` of tokenlearn-static-model 0.1.1). Weights are read from the package only,
  never from a model hub. Needs numpy, safetensors, tokenizers and scikit-learn.
"""
import json
import os
import sys

import numpy as np
from safetensors.numpy import load_file
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score
from sklearn.preprocessing import normalize
from tokenizers import Tokenizer

sys.path.insert(0, os.path.dirname(__file__))
SETS = __import__("bench-clusters-sklearn").SETS
read = __import__("bench-clusters-sklearn").read

kind, pkg, shared, demo = sys.argv[1:5]
if kind == "wordllama":
    # 32k x 256 fp16, Matryoshka-trained (its first dims are a model of their own); all 256 used.
    table = next(iter(load_file(os.path.join(pkg, "weights/l2_supercat_256.safetensors")).values()))
    table = table.astype(np.float32)
    with open(os.path.join(pkg, "tokenizers/l2_supercat_tokenizer_config.json"), encoding="utf-8") as f:
        tok = Tokenizer.from_str(f.read())
else:
    # model2vec vocabulary quantisation: token -> one of 10k int8 rows, times a per-token weight.
    m = load_file(os.path.join(pkg, "model.safetensors"))
    table = m["embeddings"].astype(np.float32)[m["mapping"]] * m["weights"][:, None]
    tok = Tokenizer.from_file(os.path.join(pkg, "tokenizer.json"))


def embed(texts):
    rows = []
    for t in texts:
        ids = tok.encode(t).ids
        rows.append(table[ids].mean(0) if ids else np.zeros(table.shape[1], np.float32))
    return normalize(np.array(rows))


cells = []
for name, rel, label in SETS:
    if name == "ko-arena-hard-v0.1 cluster":
        continue  # the same partition as ko_cluster
    texts, labels = read(os.path.join(shared, rel), label)
    e = embed(texts)
    row = [normalized_mutual_info_score(labels, KMeans(k, n_init=10, random_state=42).fit_predict(e)) for k in (3, 8, 10, 20, 50)]
    cells += row
    print(name, " ".join(f"{x:.3f}" for x in row))
texts, labels = read(demo, "cluster")
k = len(set(labels))
print(f"demo ARI k={k}: {adjusted_rand_score(labels, KMeans(k, n_init=10, random_state=42).fit_predict(embed(texts))):.3f}")
print(f"mean NMI over {len(cells)} cells: {np.mean(cells):.3f}")
