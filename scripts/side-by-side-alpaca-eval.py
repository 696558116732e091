"""alpaca_eval's metrics next to arena-lens's alpaca-eval method (see side-by-side-alpaca-eval.sh).

Calls, never copies: alpaca_eval.metrics.winrate.get_winrate; for the length-controlled win rate,
glm_winrate.make_dmatrix_for_model + fit_LogisticRegressionCV on GLM_INFO["length_controlled_minimal"]
(what one annotations file determines, see FIDELITY.md), an unpenalised scipy fit of the same
likelihood (what arena-lens fits), and with --with-hub get_length_controlled_winrate itself.
"""
import json
import sys

import numpy as np
import pandas as pd
from alpaca_eval.metrics import glm_winrate
from alpaca_eval.metrics.winrate import get_winrate
from scipy.optimize import minimize

ann_path, ours_path, csv_path = sys.argv[1:4]
with_hub = "--with-hub" in sys.argv[4:]
ann = pd.DataFrame(json.load(open(ann_path)))
model = ann["generator_2"].iloc[0]
ours = next(m for m in json.load(open(ours_path))["models"] if m["model"] == model)
published = pd.read_csv(csv_path, index_col=0).loc[model]

tool = {k: float(v) for k, v in get_winrate(ann).items()}

# The minimal GLM, built with alpaca_eval's own design-matrix and fitting helpers.
df = ann.reset_index()
delta = df["output_1"].str.len() - df["output_2"].str.len()
df = df[["preference", "index"]].copy()
df["std_delta_len"] = delta / delta.std()
df["preference"] = df["preference"].astype(float).replace({0.0: 1.5}) - 1
df["not_gamed_baseline"] = True
test = df[["not_gamed_baseline"]].copy()
test["std_delta_len"] = 0
formula = glm_winrate.GLM_INFO["length_controlled_minimal"]["formula"]
X, X_test = glm_winrate.make_dmatrix_for_model(df, test, formula=formula)
X = X[X["preference"].notna()]
cv = glm_winrate.fit_LogisticRegressionCV(X, "preference", is_ytrue_proba=True, n_splits=5)
tool["lc_minimal_cv"] = cv.predict_proba(X_test)[:, 1].mean() * 100
t, y = X["np.tanh(std_delta_len)"].values, X["preference"].values


def nll(w):
    z = w[0] * t + w[1]
    return -np.sum(y * -np.logaddexp(0, -z) + (1 - y) * -np.logaddexp(0, z))


mle = minimize(nll, [0.0, 0.0], method="BFGS", options={"gtol": 1e-12}).x
tool["lc_minimal_mle"] = 100 / (1 + np.exp(-mle[1]))
if with_hub:
    lc = glm_winrate.get_length_controlled_winrate(ann.copy(), save_weights_dir=None)
    tool["lc_v1"] = float(lc["length_controlled_winrate"])

rows = [
    ("win_rate", tool["win_rate"], ours["score"], published["win_rate"], 1e-9),
    ("standard_error", tool["standard_error"], ours["standard_error"], published["standard_error"], 1e-9),
    ("discrete_win_rate", tool["discrete_win_rate"], ours["discrete_win_rate"], published["discrete_win_rate"], 1e-9),
    ("n_wins", tool["n_wins"], ours["n_wins"], published["n_wins"], 0),
    ("n_wins_base", tool["n_wins_base"], ours["n_wins_base"], published["n_wins_base"], 0),
    ("n_draws", tool["n_draws"], ours["n_draws"], published["n_draws"], 0),
    ("n_total", tool["n_total"], ours["n_total"], published["n_total"], 0),
    ("lc (minimal GLM, unpenalised)", tool["lc_minimal_mle"], ours["lc_score"], float("nan"), 1e-6),
    ("lc (minimal GLM, alpaca_eval CV)", tool["lc_minimal_cv"], ours["lc_score"], float("nan"), None),
    ("lc (length_controlled_v1)", tool.get("lc_v1", float("nan")), ours["lc_score"], published["length_controlled_winrate"], None),
]
print(f"{model} vs {ann['generator_1'].iloc[0]}, annotator {ann['annotator'].iloc[0]}")
print(f"{'figure':34} {'alpaca_eval':>20} {'arena-lens':>20} {'published CSV':>20} {'|ours-tool|':>12}")
bad = False
for name, a, o, p, tol in rows:
    diff = abs(o - a)
    flag = ""
    if tol is not None and not diff <= tol:
        flag, bad = "  DIFFERS", True
    print(f"{name:34} {a:20.12f} {o:20.12f} {p:20.12f} {diff:12.3g}{flag}")
sys.exit(1 if bad else 0)
