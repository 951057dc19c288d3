"""Scorer: a draft's claims against the hand-made gold sets in the workspace's evals/gold/.

Per source: a predicted claim is a claim with a citation in that source. It is a true
positive when it matches a gold positive (by name or alias, through the lexicon), else a
false positive. Core recall counts only gold positives marked core.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ruamel.yaml import YAML

from .candidates import without_version
from .fetch import load_text
from .lexicon import default_lexicon
from .paths import gold_dir, outputs_dir


@dataclass
class SourceScore:
    company: str
    source: str
    predicted: int = 0
    true_positives: int = 0
    gold_positives: int = 0
    gold_core: int = 0
    core_found: int = 0
    found: int = 0
    quotes: int = 0
    quotes_valid: int = 0
    status_right: int = 0
    false_positives: list[str] = field(default_factory=list)
    missed_core: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 1.0

    @property
    def core_recall(self) -> float:
        return self.core_found / self.gold_core if self.gold_core else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.gold_positives if self.gold_positives else 1.0

    @property
    def status_accuracy(self) -> float:
        """Of the true positives, how many carry the gold status (current/former)."""
        return self.status_right / self.true_positives if self.true_positives else 1.0

    @property
    def quote_validity(self) -> float:
        return self.quotes_valid / self.quotes if self.quotes else 1.0


def keys_of(names: list[str]) -> set[str]:
    """Keys a name matches under: as written, canonical in the lexicon, and without a trailing version
    (gold may write "Windows Server 2012 R2" where a claim keeps the version apart)."""
    return default_lexicon().keys_for([*names, *(without_version(name) for name in names)])


def load_yaml(path: Path):
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def score_company(company: str, draft: dict, gold: dict) -> list[SourceScore]:
    scores = []
    claims = [claim for claim in draft.get("claims") or [] if claim.get("found", True)]
    for source_id, annotation in (gold.get("sources") or {}).items():
        score = SourceScore(company, source_id)
        positives = annotation.get("positives") or []
        gold_keys = [(keys_of([p["technology"], *(p.get("aliases") or [])]), p) for p in positives]
        score.gold_positives = len(positives)
        score.gold_core = sum(1 for p in positives if p.get("core", True))
        text = load_text(company, source_id)
        matched: set[int] = set()
        for claim in claims:
            citations = [c for c in claim.get("citations") or [] if c["source"] == source_id]
            if not citations:
                continue
            score.predicted += 1
            for citation in citations:
                score.quotes += 1
                score.quotes_valid += int(text[citation["start"]:citation["end"]] == citation["quote"])
            claim_keys = keys_of([claim["technology"], *(claim.get("aliases") or [])])
            hit = next((index for index, (keys, _) in enumerate(gold_keys) if keys & claim_keys), None)
            if hit is None:
                score.false_positives.append(claim["technology"])
                continue
            score.true_positives += 1
            matched.add(hit)
            says = {c.get("says") for c in citations} - {None}
            score.status_right += int(gold_keys[hit][1].get("status", "current") in says)
        score.found = len(matched)
        score.core_found = sum(1 for index in matched if gold_keys[index][1].get("core", True))
        score.missed_core = [p["technology"] for index, (_, p) in enumerate(gold_keys)
                             if index not in matched and p.get("core", True)]
        scores.append(score)
    return scores


def micro(scores: list[SourceScore]) -> SourceScore:
    total = SourceScore("all", "micro-average")
    for score in scores:
        for name in ("predicted", "true_positives", "gold_positives", "gold_core", "core_found", "found",
                     "quotes", "quotes_valid", "status_right"):
            setattr(total, name, getattr(total, name) + getattr(score, name))
    return total


def score_all(company: str | None = None) -> list[SourceScore]:
    scores = []
    for gold_path in sorted(gold_dir().glob("*.yaml")):
        slug = gold_path.stem
        draft_path = outputs_dir() / slug / "draft.yaml"
        if (company and slug != company) or not draft_path.exists():
            continue
        scores += score_company(slug, load_yaml(draft_path), load_yaml(gold_path))
    return scores


def as_rows(scores: list[SourceScore]) -> list[dict]:
    rows = []
    for score in [*scores, micro(scores)] if scores else []:
        row = asdict(score)
        row.update(precision=round(score.precision, 3), core_recall=round(score.core_recall, 3),
                   recall=round(score.recall, 3), quote_validity=round(score.quote_validity, 3),
                   status_accuracy=round(score.status_accuracy, 3))
        rows.append(row)
    return rows


def print_quality(console, company: str | None = None, json_path: Path | None = None) -> list[dict]:
    from rich.table import Table

    rows = as_rows(score_all(company))
    table = Table("company", "source", "predicted", "precision", "core recall", "recall", "quotes valid",
                  "status right", title="claim quality against evals/gold")
    for row in rows:
        table.add_row(row["company"], row["source"], str(row["predicted"]), f"{row['precision']:.2f}",
                      f"{row['core_recall']:.2f}", f"{row['recall']:.2f}", f"{row['quote_validity']:.2f}",
                      f"{row['status_accuracy']:.2f}")
    console.print(table)
    for row in rows[:-1]:
        if row["false_positives"]:
            console.print(f"{row['company']}/{row['source']} false positives: {', '.join(row['false_positives'])}")
        if row["missed_core"]:
            console.print(f"{row['company']}/{row['source']} missed core: {', '.join(row['missed_core'])}")
    if json_path:
        json_path.write_text(json.dumps(rows, indent=2))
    return rows
