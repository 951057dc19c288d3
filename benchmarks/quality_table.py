"""Print a markdown table comparing results files of benchmarks/quality.py, per company and split: the first
file is "before", the last "after", any in between are intermediate points (an earlier stop, say).

    .venv/bin/python benchmarks/quality_table.py benchmarks/results/quality-before.json \\
        benchmarks/results/quality-cb2de5a.json benchmarks/results/quality-local.json
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
    parser.add_argument("results", type=Path, nargs="+", help="results files, oldest first")
    args = parser.parse_args()
    loaded = [json.loads(path.read_text()) for path in args.results]
    runs = [companies_of(results) for results in loaded]
    after = runs[-1]
    points = " → ".join(["before", *(path.stem.removeprefix("quality-") for path in args.results[1:-1]), "after"])
    header = ["company", "split"] + [f"{label} {points}" for _, label in METRICS]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for split in ("dev", "heldout"):
        for name in sorted(name for name, row in after.items() if row.get("split") == split):
            cells = [" → ".join(cell(run.get(name), key) for run in runs) for key, _ in METRICS]
            label = "**held out**" if split == "heldout" else "dev"
            print(f"| {name} | {label} | " + " | ".join(cells) + " |")
    for split in (loaded[-1].get("splits") or {}):
        totals = [(results.get("splits") or {}).get(split) for results in loaded]
        cells = [" → ".join(f"{total[key]:.2f}" if total else "–" for total in totals) for key, _ in METRICS]
        print(f"| all {split} (micro) | {split} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
