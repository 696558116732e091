"""Chatbot Arena battle logs, side by side: FastChat's and arena-rank's own functions next to
`arena-lens leaderboard --json`, and both next to GenAI-Arena's published leaderboard.

Run by scripts/side-by-side-arena.sh (which makes the Python environment). Arguments:
  battles.json  leaderboard.csv  ours_chatbot_arena.json  ours_full.json  ours_arena_rank.json
or, for arena-rank's style control (its ContextualBradleyTerry) on a demo log:
  --contextual  battles.jsonl  ours_arena_rank_style.json  table_out.tsv

FastChat: fschat 0.2.36, fastchat/serve/monitor/elo_analysis.py, `compute_elo_mle_with_tie` and
`get_bootstrap_result` (100 rounds, np.random.seed(42), as its __main__), anonymous battles as
`report_elo_analysis_results`. arena-rank 0.1.1: `PairDataset.from_pandas(reweighted=True)`,
`BradleyTerry(...).compute_ratings_and_cis(ci_method="sandwich")`.
"""

import csv
import json
import os
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


def newton_polish(loss, params, steps=8):
    """Drives a package model's own objective (its jitted `loss_function`) to its optimum by Newton
    steps with jax's exact gradient and Hessian, from the package's L-BFGS answer. The ratings'
    Hessian is singular along each connected group's all-ones direction; the least-squares
    (minimum-norm) step has no component there, so every group keeps the sum L-BFGS gave it."""
    import jax
    import jax.numpy as jnp

    keys = list(params)
    sizes = [params[k].shape[0] for k in keys]

    def unflat(v):
        out, i = {}, 0
        for k, n in zip(keys, sizes):
            out[k] = v[i:i + n]
            i += n
        return out

    f = lambda v: loss(unflat(v))
    g, h = jax.grad(f), jax.hessian(f)
    v = jnp.concatenate([params[k] for k in keys])
    for _ in range(steps):
        step = np.linalg.lstsq(np.asarray(h(v)), -np.asarray(g(v)), rcond=None)[0]
        v = v + step
        if np.abs(step).max() < 1e-15:
            break
    return unflat(v)


def objective_report(label, loss, params):
    import jax

    grad = jax.grad(loss)(params)
    gmax = max(float(np.abs(np.asarray(x)).max()) for x in grad.values())
    print(f"  {label:44s} objective {float(loss(params)):.17g}  |gradient|_inf {gmax:.3e}")


def arena_rank(battles, mode, ours=None):
    """arena-rank 0.1.1's BradleyTerry on the anonymous battles. mode: "default" (its L-BFGS
    tolerances), "tight" (gtol 1e-15, ftol 1e-18) or "converged" (then Newton on its own
    objective, see `newton_polish`), whose intervals are the package's sandwich at that point."""
    import jax.numpy as jnp
    from arena_rank.models.bradley_terry import BradleyTerry
    from arena_rank.utils.data_utils import PairDataset

    df = pd.DataFrame(battles)
    df = df[df["anony"]].reset_index(drop=True)
    ds = PairDataset.from_pandas(df, reweighted=True)
    extra = dict(gtol=1e-15, ftol=1e-18, max_iter=100000) if mode != "default" else {}
    model = BradleyTerry(n_competitors=len(ds.competitors), **extra)
    model.fit(ds)
    loss = lambda p: BradleyTerry.loss_function(p, ds.as_dict())
    objective_report(f"package L-BFGS ({mode})", loss, model.params)
    if mode == "converged":
        model.params = newton_polish(loss, model.params)
        objective_report("package objective, Newton-polished", loss, model.params)
        if ours is not None:
            alpha = model.alpha
            mine = {"ratings": jnp.array([(ours[c]["score"] - model.init_rating) / alpha
                                          for c in ds.competitors])}
            objective_report("package objective at arena-lens's ratings", loss, mine)
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
    print("\n== arena-rank: the package's objective and gradient at each answer")
    runs = {mode: arena_rank(battles, mode, ours) for mode in ("default", "tight", "converged")}
    for mode, ref in runs.items():
        compare_arena_rank(ref, ours, mode)
    print("\nconverged package values (crates/core/tests/chatbot_arena.rs ARENA_RANK):")
    for m, (r, lo, hi) in sorted(runs["converged"].items(), key=lambda kv: -kv[1][0]):
        print(f'    ("{m}", {r:.10f}, {lo:.10f}, {hi:.10f}),')

    # FastChat's fit again with scikit-learn run to convergence: what is left is lbfgs's early stop.
    converged_sklearn()
    for label, anony, ours_file in [("anony", True, ours_path), ("full", False, ours_full_path)]:
        final, _, _ = fastchat(battles, anony)
        ours = rows(ours_file)
        worst = max(abs(ours[m]["score"] - float(final[m])) for m in final.index)
        print(f"\nchatbot-arena ({label}): max |ours - fschat with tol 1e-12| = {worst:.3e}")


def compare_arena_rank(ref, ours, mode):
    how = {"default": "package defaults", "tight": "L-BFGS run to gtol 1e-15",
           "converged": "driven to convergence by Newton on its objective"}[mode]
    print(f"\n== arena-rank (reweighted, sandwich 95%, {how}): package vs arena-lens")
    worst = worst_ci = worst_bound = 0.0
    for m, (r, lo, hi) in sorted(ref.items(), key=lambda kv: -kv[1][0]):
        o = ours[m]
        d = o["score"] - r
        rel = abs((o["upper"] - o["lower"]) / (hi - lo) - 1)
        bound = max(abs(o["lower"] - lo), abs(o["upper"] - hi)) / (hi - lo)
        worst, worst_ci, worst_bound = max(worst, abs(d)), max(worst_ci, rel), max(worst_bound, bound)
        print(f"{m:36s} {r:12.6f} {o['score']:12.6f} {d:+.2e}  CI [{lo:9.4f}, {hi:9.4f}] vs "
              f"[{o['lower']:9.4f}, {o['upper']:9.4f}]  width rel diff {rel:.2e}")
    print(f"max |score diff| = {worst:.3e}; max relative interval-width diff = {worst_ci:.3e}; "
          f"max bound diff / width = {worst_bound:.3e}")


STYLE_FEATURES = ["sum_assistant_tokens", "header_count", "bold_count", "list_count"]


def style_columns(df):
    """LMArena's style features as lmarena/arena-rank @3900eae `examples/example_utils.py`
    (`extract_metadata_features`, `add_style_feature_cols`) builds them for `examples/lmarena.ipynb`:
    token sums, the sums of the header/list/bold count objects, then per feature
    (a - b) / (a + b) (a zero denominator read as 1) standardised with pandas' std (ddof 1)."""
    meta = df["conv_metadata"]
    total = lambda v: sum(v.values()) if isinstance(v, dict) else 0
    for side in ("a", "b"):
        df[f"sum_assistant_tokens_{side}"] = meta.map(lambda m: m[f"sum_assistant_{side}_tokens"])
        for key in ("header_count", "bold_count", "list_count"):
            df[f"{key}_{side}"] = meta.map(lambda m: total(m[f"{key}_{side}"]))
    for f in STYLE_FEATURES:
        diff = df[f + "_a"] - df[f + "_b"]
        denom = (df[f + "_a"] + df[f + "_b"]).replace(0, 1)
        raw = diff / denom
        df[f] = (raw - raw.mean()) / raw.std()
    return df[["model_a", "model_b", "winner"] + STYLE_FEATURES]


def contextual(log_path, ours_path, table_out):
    """arena-rank 0.1.1's ContextualBradleyTerry (defaults: reweighted, reg 1.0, hessian_reg 1e-5,
    sandwich 95%) on the anonymous battles of a demo log, L-BFGS then Newton on its own objective;
    compared with `arena-lens leaderboard --method arena-rank --style-control --json`, and written
    as the table crates/cli/tests/arena_rank_style.rs reads."""
    import arena_rank
    from importlib.metadata import version
    from arena_rank.models.contextual_bradley_terry import ContextualBradleyTerry
    from arena_rank.utils.data_utils import ContextualPairDataset

    df = pd.DataFrame([json.loads(line) for line in open(log_path)])
    df = df[df["anony"]].reset_index(drop=True)
    df = style_columns(df)
    ds = ContextualPairDataset.from_pandas(df, feature_cols=STYLE_FEATURES)
    model = ContextualBradleyTerry(n_competitors=len(ds.competitors), n_features=len(STYLE_FEATURES))
    model.fit(ds)
    loss = lambda p: model.loss_function(p, ds.as_dict())
    print(f"\n== arena-rank style control (ContextualBradleyTerry) on {len(df)} anonymous battles, "
          f"{len(ds.competitors)} models")
    objective_report("package L-BFGS (defaults)", loss, model.params)
    lbfgs = compute(model, ds)
    model.params = newton_polish(loss, model.params)
    objective_report("package objective, Newton-polished", loss, model.params)
    ours_doc = json.load(open(ours_path))
    ours = {r["model"]: r for r in ours_doc["models"]}
    import jax.numpy as jnp
    mine = {"ratings": jnp.array([(ours[c]["score"] - model.init_rating) / model.alpha
                                  for c in ds.competitors]),
            "coeffs": jnp.array([ours_doc["style_coefficients"][f] for f in STYLE_FEATURES])}
    objective_report("package objective at arena-lens's answer", loss, mine)
    conv = compute(model, ds)
    for label, ref in (("package defaults", lbfgs), ("driven to convergence", conv)):
        ratings, coefs = ref
        worst = max(abs(ours[m]["score"] - r) for m, (r, _, _) in ratings.items())
        width = max(abs((ours[m]["upper"] - ours[m]["lower"]) / (hi - lo) - 1)
                    for m, (_, lo, hi) in ratings.items())
        bound = max(max(abs(ours[m]["lower"] - lo), abs(ours[m]["upper"] - hi)) / (hi - lo)
                    for m, (_, lo, hi) in ratings.items())
        cdiff = max(abs(ours_doc["style_coefficients"][f] - c) for f, c in coefs.items())
        print(f"  {label:24s} max |rating diff| {worst:.3e} Elo; max relative width diff "
              f"{width:.3e}; max bound diff / width {bound:.3e}; max |coefficient diff| {cdiff:.3e}")
    print("  coefficients (package, converged):",
          ", ".join(f"{f} {c:.6f}" for f, c in conv[1].items()))
    ratings, coefs = conv
    with open(table_out, "w") as out:
        out.write(f"# arena-rank {version('arena-rank')} ContextualBradleyTerry (defaults), driven to "
                  "convergence; written by scripts/side-by-side-arena.py --contextual\n")
        out.write(f"# log: {os.path.basename(log_path)}, its {len(df)} anonymous battles; "
                  "95% sandwich intervals\n")
        for f, c in coefs.items():
            out.write(f"coef\t{f}\t{c!r}\n")
        for m, (r, lo, hi) in sorted(ratings.items(), key=lambda kv: -kv[1][0]):
            out.write(f"rating\t{m}\t{r!r}\t{lo!r}\t{hi!r}\n")
    print(f"  wrote {table_out}")


def compute(model, ds):
    res = model.compute_ratings_and_cis(ds, significance_level=0.05)
    ratings = {m: (float(r), float(lo), float(hi)) for m, r, lo, hi in zip(
        res["competitors"], res["ratings"], res["rating_lower"], res["rating_upper"])}
    return ratings, {f: float(c) for f, c in zip(STYLE_FEATURES, res["coeffs"])}


if __name__ == "__main__":
    if sys.argv[1] == "--contextual":
        contextual(*sys.argv[2:5])
    else:
        main()
