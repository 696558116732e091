"""Helper of scripts/side-by-side-v20.sh: runs arena-hard-auto v2.0's show_result.py unmodified
and compares its numbers with arena-lens's arena-hard-v2.0 method.

  run-tool DATA_ROOT CHECKOUT ROUNDS JUDGE OUT.json [style]
      Imports show_result.py from CHECKOUT (lmarena/arena-hard-auto, v2.0) and runs its own
      load_judgments and print_leaderboard for every category of DATA_ROOT/data/arena-hard-v2.0.
      Two things are set from outside, without changing its code: the round count (its
      print_leaderboard hard-codes range(100); the module-level name `range` is pointed at one that
      gives ROUNDS instead of 100) and a wrapper around its format_confidence_interval that keeps
      the unrounded mean / 5% / 95% values it is given (the printed table rounds to 0.1). Each
      category is run on its own rows, since its main loop overwrites `battles` per category.
      With `style`: its print_leaderboard_with_style_features with `-f markdown length`, rounds set
      through bootstrap_pairwise_model's num_round; the printed median coefficients are kept.
  compare OURS.json TOOL.json [TOOL2.json]
      Per category and model: point difference, interval-width ratio, baselines. Exit 1 when a
      point differs by more than 0.1 or a width by more than 10%. With TOOL2 (a second, independent
      run of the unseeded tool) the tool-vs-tool spread is printed too, as the noise floor.
      Also printed: the RMS of z = diff / sqrt(2 var / R), with var our bootstrap variance of the
      round means and R the rounds: the point differences in units of their Monte-Carlo standard
      error, about 1 when both compute the same quantity (a wrong rule shows as z far above 3).
"""
import builtins
import contextlib
import io
import json
import re
import os
import sys


def run_tool(root, checkout, rounds, judge, out, style=""):
    sys.path.insert(0, os.path.abspath(checkout))
    os.chdir(root)
    import show_result  # noqa: E402  (the upstream module; imports torch)

    rounds = int(rounds)
    show_result.range = lambda n, *a: builtins.range(rounds) if (n == 100 and not a) else builtins.range(n, *a)
    captured = {}
    original = show_result.format_confidence_interval

    def keep(mean_scores, lower_scores, upper_scores, baseline=None):
        frame = mean_scores.merge(lower_scores, on="model").merge(upper_scores, on="model")
        captured["rows"] = {
            r["model"]: {"score": 100 * r["scores"], "lower": 100 * r["lower"], "upper": 100 * r["upper"]}
            for _, r in frame.iterrows()
        }
        captured["baseline"] = baseline
        return original(mean_scores, lower_scores, upper_scores, baseline)

    show_result.format_confidence_interval = keep
    if style:
        # The style path's rounds are bootstrap_pairwise_model's num_round (default 100).
        import functools
        show_result.bootstrap_pairwise_model = functools.partial(show_result.bootstrap_pairwise_model, num_round=rounds)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        battles = show_result.load_judgments([judge], "arena-hard-v2.0")
    print(printed.getvalue(), end="")
    null_rows = int(re.search(r"Number of null judgments found: (\d+)", printed.getvalue()).group(1))
    result = {"_null_rows": null_rows}
    for category in sorted(battles.category.unique()):
        rows = battles[battles.category == category].reset_index(drop=True)
        if style:
            printed = io.StringIO()
            with contextlib.redirect_stdout(printed):
                show_result.print_leaderboard_with_style_features(rows.copy(), "arena-hard-v2.0", category, ["markdown", "length"])
            print(printed.getvalue(), end="")
            coefs = re.search(r"Feature Coefs: tensor\(\[([^\]]*)\]", printed.getvalue()).group(1)
            baseline = show_result.JUDGE_SETTINGS[category]["baseline"]
            models = {m: v for m, v in captured["rows"].items() if m != baseline}
            result[category] = {"baseline": baseline, "models": models, "coefs": [float(c) for c in coefs.split(",")]}
        else:
            show_result.print_leaderboard(rows, category)
            result[category] = {"baseline": captured["baseline"], "models": captured["rows"]}
    with open(out, "w") as f:
        json.dump(result, f)


def ours_by_category(path):
    lb = json.load(open(path))
    return lb["report"]["counts"].get("null_game_row", 0), {
        g["group"]: {
            "baseline": g["baseline"],
            "models": {m["model"]: m for m in g["models"] if m["model"] != g["baseline"]},
        }
        for g in lb["groups"]
    }


def compare(ours_path, tool_path, tool2_path=None):
    (null_ours, ours), tool = ours_by_category(ours_path), json.load(open(tool_path))
    tool2 = json.load(open(tool2_path)) if tool2_path else None
    null_tool = tool.pop("_null_rows")
    if tool2:
        tool2.pop("_null_rows")
    rounds = json.load(open(ours_path))["rounds"]
    zs = []
    bad = int(null_ours != null_tool)
    print(f"rows dropped for a null game: ours {null_ours}, tool {null_tool}")
    worst_d, worst_w = 0.0, 0.0
    if set(ours) != set(tool):
        print(f"categories differ: ours {sorted(ours)}, tool {sorted(tool)}")
        bad += 1
    for cat in sorted(set(ours) & set(tool)):
        o, t = ours[cat], tool[cat]
        ok_base = o["baseline"] == t["baseline"]
        bad += not ok_base
        print(f"## {cat}: baseline ours {o['baseline']}, tool {t['baseline']}" + ("" if ok_base else "  <-- DIFFERENT"))
        if set(o["models"]) != set(t["models"]):
            print(f"   models differ: only ours {sorted(set(o['models']) - set(t['models']))}, only tool {sorted(set(t['models']) - set(o['models']))}")
            bad += 1
        head = f"   {'model':<28} {'ours':>7} {'tool':>7} {'diff':>6} {'width o/t':>10}"
        print(head + ("  tool-vs-tool diff, width" if tool2 else ""))
        for m in sorted(set(o["models"]) & set(t["models"]), key=lambda m: -t["models"][m]["score"]):
            a, b = o["models"][m], t["models"][m]
            d = a["score"] - b["score"]
            wo, wt = a["upper"] - a["lower"], b["upper"] - b["lower"]
            ratio = wo / wt if wt > 0 else float("nan")
            flag = abs(d) > 0.1 or not (abs(ratio - 1) <= 0.10)
            bad += flag
            worst_d, worst_w = max(worst_d, abs(d)), max(worst_w, abs(ratio - 1))
            if a.get("bootstrap_var"):
                zs.append(d / (2 * a["bootstrap_var"] / rounds) ** 0.5)
            extra = ""
            if tool2 and m in tool2.get(cat, {}).get("models", {}):
                c = tool2[cat]["models"][m]
                extra = f"  {c['score'] - b['score']:+.3f}, {(c['upper'] - c['lower']) / wt:.3f}"
            print(f"   {m:<28} {a['score']:7.3f} {b['score']:7.3f} {d:+6.3f} {ratio:10.3f}{extra}" + ("  <--" if flag else ""))
    if zs:
        rms = (sum(z * z for z in zs) / len(zs)) ** 0.5
        print(f"point diffs in Monte-Carlo standard errors: RMS z {rms:.2f}, max |z| {max(map(abs, zs)):.2f} over {len(zs)} models")
    print(f"largest |point diff| {worst_d:.3f}, largest |width ratio - 1| {worst_w:.3f}, {bad} outside tolerance")
    return 1 if bad else 0


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "run-tool":
        run_tool(*args)
    elif cmd == "compare":
        sys.exit(compare(*args))
    else:
        sys.exit(f"unknown command {cmd}")
