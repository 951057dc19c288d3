"""Export the rows of committed posts for grading descriptions (rubric: good / vague / wrong).

Each row: company, technology, status, description and up to three of the quotes the row's claim
cites (its strongest quote first). Reads outputs/<company>/draft.yaml, or any draft file given.

    .venv/bin/python benchmarks/description_rows.py spotify gitlab > rows.json
    .venv/bin/python benchmarks/description_rows.py --draft old-spotify.yaml:spotify > rows-before.json
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ruamel.yaml import YAML

REPO = Path(__file__).resolve().parent.parent
QUOTES_PER_ROW = 3


def rows_of(draft: dict, company: str) -> list[dict]:
    claims = {claim.get("id"): claim for claim in draft.get("claims") or []}
    by_name = {claim.get("technology"): claim for claim in draft.get("claims") or []}
    rows = []
    for row in (draft.get("post") or {}).get("table") or []:
        name = row["technology"].removesuffix(" (former)")
        claim = claims.get(row.get("claim")) or by_name.get(name) or {}
        citations = list(claim.get("citations") or [])
        best = claim.get("best_citation", 0) or 0
        if 0 <= best < len(citations):
            citations.insert(0, citations.pop(best))
        rows.append({"company": company, "technology": name,
                     "status": row.get("status") or ("former" if row["technology"].endswith("(former)") else "current"),
                     "description": row.get("description"),
                     "quotes": [citation["quote"] for citation in citations[:QUOTES_PER_ROW]]})
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("companies", nargs="*")
    parser.add_argument("--draft", action="append", default=[], help="FILE:COMPANY, a draft file outside outputs/")
    args = parser.parse_args()
    yaml = YAML(typ="safe")
    rows = []
    for company in args.companies:
        rows += rows_of(yaml.load((REPO / "outputs" / company / "draft.yaml").read_text()), company)
    for item in args.draft:
        path, _, company = item.rpartition(":")
        rows += rows_of(yaml.load(Path(path).read_text()), company)
    json.dump(rows, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
