#!/usr/bin/env python3
"""What a wasm module is made of: its 20 largest items and its bytes per crate, as Markdown.

    cargo install twiggy --locked       # once, from crates.io
    python3 scripts/bundle-composition.py target/wasm32-unknown-unknown/wasm-release/arena-lens-web.wasm

Give the module cargo wrote (before wasm-bindgen and wasm-opt): it still has its function names.
The names section and wasm-bindgen's describe functions and custom sections are left out of the
shares, because neither wasm-bindgen's output nor wasm-opt's keeps them, so the per-crate shares
describe what the browser downloads.
"""
import collections
import csv
import io
import re
import subprocess
import sys

# Items wasm-bindgen removes when it writes the shipped module.
DROPPED = ("function names", "custom section", "__wbindgen_describe")
CRATE = re.compile(r"^[<&(\s]*(?:mut |dyn |impl )?([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::")


def crate_of(name: str) -> str:
    if name.startswith("data"):
        return "data segments"
    m = CRATE.match(name)
    return m.group(1) if m else "other"


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    wasm = sys.argv[1]
    out = subprocess.run(["twiggy", "top", "-n", "1000000", "-f", "csv", wasm],
                         check=True, capture_output=True, text=True).stdout
    rows = [r for r in csv.DictReader(io.StringIO(out))
            if r["Name"] and not any(d in r["Name"] for d in DROPPED)
            and not r["Name"].startswith("Σ") and r["ShallowSize"].isdigit()]
    total = sum(int(r["ShallowSize"]) for r in rows)
    print(f"{wasm}: {total:,} bytes without names and wasm-bindgen's own sections\n")
    print("| # | bytes | % | item |\n|---|---|---|---|")
    for i, r in enumerate(sorted(rows, key=lambda r: -int(r["ShallowSize"]))[:20], 1):
        b = int(r["ShallowSize"])
        name = re.sub(r"::h[0-9a-f]{16}$", "", r["Name"]).replace("|", "\\|")
        print(f"| {i} | {b:,} | {100 * b / total:.1f} | `{name[:110]}` |")
    per = collections.Counter()
    for r in rows:
        per[crate_of(r["Name"])] += int(r["ShallowSize"])
    print("\n| crate | bytes | % |\n|---|---|---|")
    for k, v in per.most_common(15):
        print(f"| {k} | {v:,} | {100 * v / total:.1f} |")


if __name__ == "__main__":
    main()
