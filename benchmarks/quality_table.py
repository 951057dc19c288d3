"""Print a markdown table comparing two results files of benchmarks/quality.py, per company and split.

    .venv/bin/python benchmarks/quality_table.py benchmarks/results/quality-before.json \\
        benchmarks/results/quality-local.json
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

METRICS = (("precision", "precision"), ("core_recall", "core recall"), ("status_accuracy", "status"))


def companies_of(results: dict) -> dict[str, dict]:
    """Both shapes: {"companies": {name: row}} as quality.py writes it, or {name: row}."""
    return results.get("companies") or {name: row for name, row in results.items() if isinstance(row, dict)
                                        and "precision" in row}


def cell(row: dict | None, key: str) -> str:
    return f"{row[key]:.2f}" if row and row.get(key) is not None else "–"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    args = parser.parse_args()
    before = companies_of(json.loads(args.before.read_text()))
    after_results = json.loads(args.after.read_text())
    after = companies_of(after_results)
    header = ["company", "split"] + [f"{label} before → after" for _, label in METRICS]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for split in ("dev", "heldout"):
        for name in sorted(name for name, row in after.items() if row.get("split") == split):
            cells = [f"{cell(before.get(name), key)} → {cell(after[name], key)}" for key, _ in METRICS]
            label = "**held out**" if split == "heldout" else "dev"
            print(f"| {name} | {label} | " + " | ".join(cells) + " |")
    for split, total in (after_results.get("splits") or {}).items():
        print(f"| all {split} (micro) | {split} | " + " | ".join(f"→ {total[key]:.2f}" for key, _ in METRICS) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
