"""Benchmark: claim quality and cost per company, drafted from an empty LLM cache.

Each company is drafted in a scratch copy of the workspace (the committed drafts are untouched)
and scored against evals/gold/<company>.yaml. The table gives, per company and split (dev or
held-out), precision, core recall, recall, status accuracy, LLM calls, tokens, tokens per
verified claim, wall time and how many rows of the committed post the empty-cache draft did not give
again, then the micro-average of each split.

Held-out companies are reported by their numbers only: their false positives and misses are
not printed (looking at them while changing code would tune on them).

    .venv/bin/python benchmarks/quality.py                       # every gold company, embedded model
    .venv/bin/python benchmarks/quality.py --split heldout
    .venv/bin/python benchmarks/quality.py --company spotify --company gitlab --show-misses
    .venv/bin/python benchmarks/quality.py --llm http://127.0.0.1:8080/v1 --model qwen   # a server
    .venv/bin/python benchmarks/quality.py --keep-cache /tmp/answers   # run again later on the same answers
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def scratch_workspace() -> Path:
    root = Path(tempfile.mkdtemp(prefix="postgen-quality-"))
    for folder in ("sources", "prompts", "evals"):
        shutil.copytree(REPO / folder, root / folder, ignore=shutil.ignore_patterns("__pycache__"))
    (root / "postgen.toml").write_text("# scratch workspace for benchmarks/quality.py\n")
    (root / "outputs").mkdir()
    return root


def post_rows(path: Path) -> set[tuple]:
    from ruamel.yaml import YAML

    if not path.is_file():
        return set()
    post = (YAML(typ="safe").load(path.read_text(encoding="utf-8")) or {}).get("post") or {}
    return {(row["technology"], row.get("status"), row.get("description")) for row in post.get("table") or []}


def reproduced(root: Path, company: str) -> dict:
    """How many rows of the committed post (technology, status, description) this empty-cache draft did not
    give again: decoding is greedy and seeded, so on the same build this should be 0."""
    committed = post_rows(REPO / "outputs" / company / "draft.yaml")
    return {"committed_rows": len(committed),
            "rows_not_reproduced": len(committed - post_rows(root / "outputs" / company / "draft.yaml"))}


def split_totals(rows) -> dict[str, dict]:
    """Micro-averages per split over every company in the results file, this run's and earlier runs'."""
    from postgen.quality import SourceScore

    totals: dict[str, SourceScore] = {}
    for row in rows:
        total = totals.setdefault(row["split"], SourceScore("all", row["split"]))
        for key in COUNTS:
            setattr(total, key, getattr(total, key) + row[key])
    return {split: {"precision": round(t.precision, 3), "core_recall": round(t.core_recall, 3),
                    "recall": round(t.recall, 3), "status_accuracy": round(t.status_accuracy, 3)}
            for split, t in totals.items()}


COUNTS = ("predicted", "true_positives", "gold_core", "core_found", "gold_positives", "found", "status_right")


def gold_companies(split: str | None, chosen: list[str]) -> list[tuple[str, str]]:
    from ruamel.yaml import YAML

    found = []
    for path in sorted((REPO / "evals" / "gold").glob("*.yaml")):
        gold = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
        company_split = gold.get("split", "dev")
        if (chosen and path.stem not in chosen) or (split and company_split != split):
            continue
        found.append((path.stem, company_split))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--company", action="append", default=[], help="only these companies (repeatable)")
    parser.add_argument("--split", choices=("dev", "heldout"), default=None)
    parser.add_argument("--llm", default="local")
    parser.add_argument("--model", default=None)
    parser.add_argument("--label", default=None, help="name of the results file (default: the backend)")
    parser.add_argument("--show-misses", action="store_true", help="list false positives and missed core claims "
                                                                  "(dev companies only)")
    parser.add_argument("--save-drafts", action="store_true", help="copy each empty-cache draft over the "
                        "committed outputs/<company>/draft.yaml (the committed drafts carry no review decisions)")
    parser.add_argument("--keep-cache", type=Path, default=None, help="keep the LLM cache in this folder after the "
                        "run; a later run given the same folder answers from it (not an empty-cache run any more)")
    args = parser.parse_args()

    root = scratch_workspace()
    # empty cache: every call is real, unless --keep-cache names a folder an earlier run filled
    os.environ["POSTGEN_STATE_DIR"] = str(args.keep_cache.resolve() if args.keep_cache else root / ".state")
    warm = bool(args.keep_cache) and (args.keep_cache / "llm.sqlite").is_file()

    from rich.console import Console
    from rich.table import Table

    from postgen.backends import build_backend, choose_llm
    from postgen.paths import choose_project
    from postgen.pipeline import Run, draft, open_client
    from postgen.quality import micro, score_all
    from postgen.registry import load_company
    from postgen.settings import load_settings

    choose_project(root)
    console = Console()
    settings = load_settings()
    started = time.monotonic()
    backend = build_backend(choose_llm(args.llm, args.model, settings), settings, log=lambda line: None)
    load_seconds = time.monotonic() - started
    rows, by_split = [], {}
    for company, split in gold_companies(args.split, args.company):
        client = open_client(backend, use_cache=warm)
        run = Run(load_company(company), client)
        began = time.monotonic()
        draft(run)
        seconds = time.monotonic() - began
        scores = score_all(company)
        total = micro(scores)
        calls = sum(stat.llm_calls for stat in run.stats)
        tokens = sum(stat.tokens_in + stat.tokens_out for stat in run.stats)
        claims = len([claim for claim in load_claims(root, company) if claim.get("found", True)])
        row = {"company": company, "split": split, "precision": round(total.precision, 3),
               "core_recall": round(total.core_recall, 3), "recall": round(total.recall, 3),
               "status_accuracy": round(total.status_accuracy, 3), "predicted": total.predicted,
               "true_positives": total.true_positives, "gold_core": total.gold_core, "core_found": total.core_found,
               "gold_positives": total.gold_positives, "found": total.found, "status_right": total.status_right,
               "claims": claims, "llm_calls": calls, "tokens": tokens,
               "tokens_per_verified_claim": round(tokens / claims, 1) if claims else None,
               "seconds": round(seconds, 1), **reproduced(root, company)}
        rows.append(row)
        if args.save_drafts:
            committed = REPO / "outputs" / company / "draft.yaml"
            committed.parent.mkdir(parents=True, exist_ok=True)  # a company with no committed draft yet
            shutil.copyfile(root / "outputs" / company / "draft.yaml", committed)
        by_split.setdefault(split, []).extend(scores)
        if args.show_misses and split == "dev":
            for score in scores:
                console.print(f"{company}/{score.source} false positives: {', '.join(score.false_positives) or '-'}")
                console.print(f"{company}/{score.source} missed core: {', '.join(score.missed_core) or '-'}")
    table = Table("company", "split", "precision", "core recall", "recall", "status acc.", "claims", "LLM calls",
                  "tokens", "tokens/claim", "seconds", "rows not reproduced",
                  title=f"claim quality vs evals/gold ({backend.model_id})")
    for row in rows:
        table.add_row(row["company"], row["split"], f"{row['precision']:.2f}", f"{row['core_recall']:.2f}",
                      f"{row['recall']:.2f}", f"{row['status_accuracy']:.2f}", str(row["claims"]),
                      str(row["llm_calls"]), str(row["tokens"]), str(row["tokens_per_verified_claim"]),
                      f"{row['seconds']:.1f}", f"{row['rows_not_reproduced']} of {row['committed_rows']}")
    splits = {}
    for split, scores in by_split.items():
        total = micro(scores)
        splits[split] = {"precision": round(total.precision, 3), "core_recall": round(total.core_recall, 3),
                         "recall": round(total.recall, 3), "status_accuracy": round(total.status_accuracy, 3)}
        table.add_row(f"all {split}", split, f"{total.precision:.2f}", f"{total.core_recall:.2f}",
                      f"{total.recall:.2f}", f"{total.status_accuracy:.2f}", "", "", "", "", "", style="bold")
    console.print(table)
    if warm:
        console.print(f"answers came from the cache in {args.keep_cache} where it had them: not an empty-cache run")
    label = args.label or ("local" if args.llm == "local" else "server")
    target = REPO / "benchmarks" / "results" / f"quality-{label}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    previous = json.loads(target.read_text()) if target.exists() else {}
    previous.update({"model": backend.model_id, "model_load_seconds": round(load_seconds, 1)})
    previous.setdefault("companies", {}).update({row["company"]: row for row in rows})
    previous["splits"] = split_totals(previous["companies"].values())
    target.write_text(json.dumps(previous, indent=2) + "\n")
    console.print(f"wrote {target}")
    shutil.rmtree(root, ignore_errors=True)
    return 0


def load_claims(root: Path, company: str) -> list[dict]:
    from ruamel.yaml import YAML

    return YAML(typ="safe").load((root / "outputs" / company / "draft.yaml").read_text())["claims"]


if __name__ == "__main__":
    sys.exit(main())
