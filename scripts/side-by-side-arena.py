"""Chatbot Arena battle logs, side by side: FastChat's and arena-rank's own functions next to
`arena-lens leaderboard --json`, and both next to GenAI-Arena's published leaderboard.

Run by scripts/side-by-side-arena.sh (which makes the Python environment). Arguments:
  battles.json  leaderboard.csv  ours_chatbot_arena.json  ours_full.json  ours_arena_rank.json

FastChat: fschat 0.2.36, fastchat/serve/monitor/elo_analysis.py, `compute_elo_mle_with_tie` and
`get_bootstrap_result` (100 rounds, np.random.seed(42), as its __main__), anonymous battles as
`report_elo_analysis_results`. arena-rank 0.1.1: `PairDataset.from_pandas(reweighted=True)`,
`BradleyTerry(...).compute_ratings_and_cis(ci_method="sandwich")`.
"""

import csv
import json
import sys

import numpy as np
import pandas as pd


def converged_sklearn():
    """Makes scikit-learn's LogisticRegression run to convergence (tol 1e-12) instead of its
    default tol 1e-4, to separate the fit's optimum from lbfgs stopping early."""
    import sklearn.linear_model as lm

    base = lm.LogisticRegression

    class Tight(base):
        def __init__(self, **kw):
            super().__init__(tol=1e-12, max_iter=100000, **kw)

    lm.LogisticRegression = Tight


def fastchat(battles, anony_only):
    # elo_analysis.py imports fastchat.model (and through it torch) only for model links in its
    # plots; the rating functions do not use it, so a stand-in avoids installing torch.
    import types

    registry = types.ModuleType("fastchat.model.model_registry")
    registry.get_model_info = lambda name: None
    sys.modules.setdefault("fastchat.model", types.ModuleType("fastchat.model"))
    sys.modules.setdefault("fastchat.model.model_registry", registry)
    from fastchat.serve.monitor.elo_analysis import (
        compute_elo_mle_with_tie,
        get_bootstrap_result,
    )

    df = pd.DataFrame(battles).sort_values(ascending=True, by=["tstamp"])
    if anony_only:
        df = df[df["anony"]].reset_index(drop=True)
    np.random.seed(42)
    boot = get_bootstrap_result(df, compute_elo_mle_with_tie, num_round=100)
    final = compute_elo_mle_with_tie(df)
    return final, boot.quantile(0.025), boot.quantile(0.975)


def arena_rank(battles, tight=False):
    from arena_rank.models.bradley_terry import BradleyTerry
    from arena_rank.utils.data_utils import PairDataset

    df = pd.DataFrame(battles)
    df = df[df["anony"]].reset_index(drop=True)
    ds = PairDataset.from_pandas(df, reweighted=True)
    extra = dict(gtol=1e-15, ftol=1e-18, max_iter=100000) if tight else {}
    model = BradleyTerry(n_competitors=len(ds.competitors), **extra)
    res = model.compute_ratings_and_cis(ds, significance_level=0.05)
    return {
        m: (float(r), float(lo), float(hi))
        for m, r, lo, hi in zip(
            res["competitors"], res["ratings"], res["rating_lower"], res["rating_upper"]
        )
    }


def rows(path):
    with open(path) as f:
        return {r["model"]: r for r in json.load(f)["models"]}


def main():
    battles_path, lb_path, ours_path, ours_full_path, ours_rank_path = sys.argv[1:6]
    battles = json.load(open(battles_path))
    published = {r["key"]: r for r in csv.DictReader(open(lb_path))}
    names = {m for b in battles for m in (b["model_a"], b["model_b"])}
    print(f"published models: {len(published)}; in the battles: {len(names)}; "
          f"names equal: {set(published) == names}")

    for label, anony, ours_file, col in [
        ("anony", True, ours_path, "Arena Elo rating (anony)"),
        ("full", False, ours_full_path, "Arena Elo rating (full)"),
    ]:
        final, lo, hi = fastchat(battles, anony)
        ours = rows(ours_file)
        print(f"\n== chatbot-arena ({label}): published vs fschat vs arena-lens")
        print(f"{'model':36s} {'published':>10s} {'fschat':>10s} {'ours':>10s} "
              f"{'ours-pub':>9s} {'ours-fs':>9s} {'ours 95% CI':>21s} {'pub in CI':>9s}")
        worst_pub = worst_fs = 0.0
        inside = 0
        for m in sorted(final.index, key=lambda k: -final[k]):
            pub = float(published[m][col])
            o = ours[m]
            d_pub, d_fs = o["score"] - pub, o["score"] - float(final[m])
            worst_pub, worst_fs = max(worst_pub, abs(d_pub)), max(worst_fs, abs(d_fs))
            ok = o["lower"] <= pub <= o["upper"]
            inside += ok
            print(f"{m:36s} {pub:10.4f} {final[m]:10.4f} {o['score']:10.4f} {d_pub:+9.4f} "
                  f"{d_fs:+9.4f} [{o['lower']:8.2f}, {o['upper']:8.2f}] {str(ok):>9s}"
                  f"   fschat CI [{lo[m]:8.2f}, {hi[m]:8.2f}]")
        print(f"max |ours - published| = {worst_pub:.4f}; max |ours - fschat| = {worst_fs:.4f}; "
              f"published inside our interval: {inside}/{len(final)}")

    ours = rows(ours_rank_path)
    for tight in (False, True):
        compare_arena_rank(arena_rank(battles, tight), ours, tight)

    # FastChat's fit again with scikit-learn run to convergence: what is left is lbfgs's early stop.
    converged_sklearn()
    for label, anony, ours_file in [("anony", True, ours_path), ("full", False, ours_full_path)]:
        final, _, _ = fastchat(battles, anony)
        ours = rows(ours_file)
        worst = max(abs(ours[m]["score"] - float(final[m])) for m in final.index)
        print(f"\nchatbot-arena ({label}): max |ours - fschat with tol 1e-12| = {worst:.3e}")


def compare_arena_rank(ref, ours, tight):
    how = "L-BFGS run to gtol 1e-15" if tight else "package defaults"
    print(f"\n== arena-rank (reweighted, sandwich 95%, {how}): package vs arena-lens")
    worst = worst_ci = 0.0
    for m, (r, lo, hi) in sorted(ref.items(), key=lambda kv: -kv[1][0]):
        o = ours[m]
        d = o["score"] - r
        rel = max(abs((o["upper"] - o["lower"]) / (hi - lo) - 1), 0)
        worst, worst_ci = max(worst, abs(d)), max(worst_ci, rel)
        print(f"{m:36s} {r:12.6f} {o['score']:12.6f} {d:+.2e}  CI [{lo:9.4f}, {hi:9.4f}] vs "
              f"[{o['lower']:9.4f}, {o['upper']:9.4f}]  width rel diff {rel:.2e}")
    print(f"max |score diff| = {worst:.3e}; max relative interval-width diff = {worst_ci:.3e}")


if __name__ == "__main__":
    main()
