"""Benchmark: `postgen draft` on the embedded model with an empty LLM cache.

Runs in a scratch copy of the project (so the committed draft is untouched), then prints a
table per stage (wall seconds, LLM calls, tokens in/out), claims, rejected, quality against
evals/gold, and writes the numbers as JSON.

    .venv/bin/python benchmarks/draft.py --company spotify [--llm local] [--json benchmarks/results/spotify.json]
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


def scratch_project(company: str) -> Path:
    """A copy of this workspace's sources, prompts and gold sets, with empty outputs."""
    root = Path(tempfile.mkdtemp(prefix="postgen-bench-"))
    shutil.copy2(REPO / "postgen.toml", root / "postgen.toml")
    shutil.copytree(REPO / "sources", root / "sources")
    shutil.copytree(REPO / "prompts", root / "prompts")
    shutil.copytree(REPO / "evals" / "gold", root / "evals" / "gold")
    (root / "outputs").mkdir()
    return root


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--company", default="spotify")
    parser.add_argument("--llm", default="local")
    parser.add_argument("--model", default=None)
    parser.add_argument("--json", type=Path, default=None, help="where to write the numbers (default: benchmarks/results/<company>.json)")
    args = parser.parse_args()

    root = scratch_project(args.company)
    os.environ["POSTGEN_STATE_DIR"] = str(root / ".state")  # empty cache: every call is real

    from rich.console import Console
    from rich.table import Table

    from postgen.backends import build_backend, choose_llm
    from postgen.paths import choose_project
    from postgen.pipeline import Run, draft, open_client
    from postgen.quality import as_rows, score_all
    from postgen.registry import load_company
    from postgen.settings import load_settings

    choose_project(root)
    console = Console()
    started = time.monotonic()
    settings = load_settings()
    backend = build_backend(choose_llm(args.llm, args.model, settings), settings, log=lambda line: None)
    load_seconds = time.monotonic() - started
    client = open_client(backend, use_cache=False)
    run = Run(load_company(args.company), client)
    draft_started = time.monotonic()
    post, _ = draft(run)
    wall = time.monotonic() - draft_started + load_seconds

    draft_yaml = (root / "outputs" / args.company / "draft.yaml")
    from ruamel.yaml import YAML
    document = YAML(typ="safe").load(draft_yaml.read_text())
    llm_seconds = sum(counter.seconds for counter in client.usage.values())
    claims = [claim for claim in document["claims"] if claim.get("found", True)]

    table = Table("stage", "wall s", "LLM calls", "tokens in", "tokens out", title=f"postgen draft --company {args.company} ({backend.model_id})")
    table.add_row("model load", f"{load_seconds:.1f}", "0", "0", "0")
    for stat in run.stats:
        table.add_row(stat.stage, f"{stat.seconds:.1f}", str(stat.llm_calls), str(stat.tokens_in), str(stat.tokens_out))
    calls = sum(stat.llm_calls for stat in run.stats)
    tokens_in = sum(stat.tokens_in for stat in run.stats)
    tokens_out = sum(stat.tokens_out for stat in run.stats)
    table.add_row("total", f"{wall:.1f}", str(calls), str(tokens_in), str(tokens_out), style="bold")
    console.print(table)

    outside = max(0.0, wall - load_seconds - llm_seconds)
    summary = {
        "company": args.company, "model": backend.model_id, "wall_seconds": round(wall, 1),
        "model_load_seconds": round(load_seconds, 1), "llm_seconds": round(llm_seconds, 1),
        "outside_llm_seconds": round(outside, 1), "outside_llm_share": round(outside / wall, 4) if wall else 0,
        "llm_calls": calls, "tokens_in": tokens_in, "tokens_out": tokens_out,
        "claims": len(claims), "rejected": len(document["rejected"]), "table_rows": len(post["table"]),
        "tokens_per_verified_claim": round((tokens_in + tokens_out) / len(claims), 1) if claims else None,
        "output_tokens_per_verified_claim": round(tokens_out / len(claims), 2) if claims else None,
        "stages": [stat.model_dump() for stat in run.stats],
        "quality": as_rows(score_all(args.company)),
    }
    console.print(f"claims {summary['claims']}, rejected {summary['rejected']}, "
                  f"tokens per verified claim {summary['tokens_per_verified_claim']} "
                  f"(output {summary['output_tokens_per_verified_claim']}), "
                  f"outside LLM calls {summary['outside_llm_seconds']} s ({100 * summary['outside_llm_share']:.1f} % of wall, model load excluded)")
    quality = Table("source", "predicted", "precision", "core recall", "recall", "quotes valid", title="quality vs evals/gold")
    for row in summary["quality"]:
        quality.add_row(row["source"], str(row["predicted"]), f"{row['precision']:.2f}", f"{row['core_recall']:.2f}",
                        f"{row['recall']:.2f}", f"{row['quote_validity']:.2f}")
    console.print(quality)
    target = args.json or REPO / "benchmarks" / "results" / f"{args.company}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(summary, indent=2) + "\n")
    console.print(f"wrote {target}")
    shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
