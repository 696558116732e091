"""Helper of scripts/side-by-side-mt-bench.sh: runs FastChat llm_judge's show_result.py functions
(display_result_pairwise in pairwise-all and pairwise-baseline mode, display_result_single) from the
installed fschat package, unmodified, and compares their tables with arena-lens's mt-bench method.

  side_by_side_mt_bench.py DATA BASELINE ALL.json BASE.json

DATA is the llm_judge `data` folder; the tool is run from its parent, as `python show_result.py`
is run from `fastchat/llm_judge`. The functions print their DataFrames; the module-level name
`print` is pointed at a collector (the functions' code is not touched) so the full-precision
frames are compared, not their rounded text. Exit 1 on any difference above 1e-9 (counts exact).
"""
import argparse
import json
import os
import sys

from fastchat.llm_judge import show_result

TOL = 1e-9


def tables(mode, baseline=None):
    """The DataFrames one display function prints, in print order."""
    frames = []

    def collect(*args, **kwargs):
        frames.extend(a for a in args if hasattr(a, "columns"))

    show_result.print = collect
    args = argparse.Namespace(
        bench_name="mt_bench",
        input_file=None,
        judge_model="gpt-4",
        baseline_model=baseline,
        model_list=None,
        mode=mode,
    )
    if mode == "single":
        show_result.display_result_single(args)
    else:
        show_result.display_result_pairwise(args)
    del show_result.print
    return frames


def models(path):
    with open(path) as f:
        return {m["model"]: m for m in json.load(f)["models"]}


def compare_pairwise(title, frame, ours):
    bad = 0
    print(f"\n== {title} ==")
    print(f"{'model':<12}{'field':<20}{'FastChat':>14}{'arena-lens':>14}{'diff':>12}")
    if sorted(frame.index) != sorted(ours):
        print(f"models differ: FastChat {sorted(frame.index)}, arena-lens {sorted(ours)}")
        bad += 1
    for model, row in frame.iterrows():
        m = ours.get(model, {})
        pairs = [
            ("win", row["win"], m.get("wins")),
            ("loss", row["loss"], m.get("losses")),
            ("tie", row["tie"], m.get("ties")),
            ("win_rate", row["win_rate"], m.get("win_rate", float("nan")) / 100),
            ("loss_rate", row["loss_rate"], m.get("loss_rate", float("nan")) / 100),
            ("win_rate_adjusted", row["win_rate_adjusted"], m.get("score", float("nan")) / 100),
        ]
        for field, tool, mine in pairs:
            diff = abs(float(tool) - float(mine)) if mine is not None else float("inf")
            bad += not diff <= TOL
            print(f"{model:<12}{field:<20}{float(tool):>14.9f}{float(mine or 'nan'):>14.9f}{diff:>12.1e}")
    return bad


def compare_single(frames, ours):
    bad = 0
    print("\n== single (display_result_single: first turn, second turn, average) ==")
    names = ["single_turn_1", "single_turn_2", "single_mean"]
    for name, frame in zip(names, frames):
        for key, row in frame.iterrows():
            model = key[0] if isinstance(key, tuple) else key
            mine = ours.get(model, {}).get(name)
            diff = abs(float(row["score"]) - mine) if mine is not None else float("inf")
            bad += not diff <= TOL
            print(f"{model:<12}{name:<20}{float(row['score']):>14.9f}{float(mine or 'nan'):>14.9f}{diff:>12.1e}")
    return bad


def main():
    data, baseline, all_json, base_json = sys.argv[1:5]
    os.chdir(os.path.dirname(os.path.abspath(data)))
    bad = compare_pairwise("pairwise-all", tables("pairwise-all")[0], models(all_json))
    bad += compare_pairwise(
        f"pairwise-baseline (baseline {baseline})",
        tables("pairwise-baseline", baseline)[0],
        models(base_json),
    )
    bad += compare_single(tables("single"), models(all_json))
    print(f"\n{'all equal within 1e-9' if bad == 0 else f'{bad} differences above 1e-9'}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
