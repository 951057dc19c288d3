"""Scorer: a draft's claims against the hand-made gold sets in the workspace's evals/gold/.

Per source: a predicted claim is a claim with a citation in that source. It is a true
positive when it matches a gold positive (by name or alias, through the lexicon), else a
false positive. Core recall counts only gold positives marked core.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from pydantic import ValidationError
from ruamel.yaml import YAML

from .candidates import without_version
from .errors import InputError
from .fetch import load_text
from .lexicon import default_lexicon
from .models import Baseline, QualityFloor
from .paths import baseline_file, gold_dir, outputs_dir
from .yamlio import load_yaml_file


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


def load_floors() -> dict[str, QualityFloor]:
    """Per-company quality floors from evals/baseline.yaml (none when the file is absent)."""
    path = baseline_file()
    if not path.is_file():
        return {}
    data = load_yaml_file(path)
    try:
        return Baseline.model_validate(data).companies
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise InputError(f"{path}: {where}: {first['msg']}") from None


def split_of(company: str) -> str:
    path = gold_dir() / f"{company}.yaml"
    return (load_yaml(path) or {}).get("split", "dev") if path.is_file() else "dev"


def company_totals(scores: list[SourceScore]) -> dict[str, SourceScore]:
    by_company: dict[str, list[SourceScore]] = {}
    for score in scores:
        by_company.setdefault(score.company, []).append(score)
    totals = {}
    for company, found in by_company.items():
        total = micro(found)
        total.company, total.source = company, "all sources"
        totals[company] = total
    return totals


def below_floor(total: SourceScore, floor: QualityFloor) -> list[str]:
    """What a company's score falls short of, each as 'measure value < floor'."""
    return [f"{name} {getattr(total, name):.2f} < {getattr(floor, name):.2f}"
            for name in ("precision", "core_recall", "status_accuracy")
            if getattr(total, name) + 1e-9 < getattr(floor, name)]


def print_quality(console, company: str | None = None, json_path: Path | None = None) -> list[str]:
    """Print the score of every committed draft that has a gold set, against its floor; returns the failures.
    The misses and false positives of held-out companies are not printed: looking at them tunes on them."""
    from rich.table import Table

    scores = score_all(company)
    floors = load_floors()
    table = Table("company", "split", "predicted", "precision", "core recall", "recall", "status acc.", "floor",
                  title="claim quality against evals/gold (floors: evals/baseline.yaml)")
    failures = []
    totals = company_totals(scores)
    splits = {name: split_of(name) for name in totals}  # each gold file read once
    for name, total in totals.items():
        floor = floors.get(name)
        short = below_floor(total, floor) if floor else []
        failures += [f"{name}: {item}" for item in short]
        floor_text = (f"{floor.precision:.2f}/{floor.core_recall:.2f}/{floor.status_accuracy:.2f}"
                      + (" BELOW" if short else "")) if floor else "-"
        table.add_row(name, splits[name], str(total.predicted), f"{total.precision:.2f}", f"{total.core_recall:.2f}",
                      f"{total.recall:.2f}", f"{total.status_accuracy:.2f}", floor_text)
    console.print(table)
    for score in scores:
        if splits[score.company] == "heldout":
            continue
        if score.false_positives:
            console.print(f"{score.company}/{score.source} false positives: {', '.join(score.false_positives)}")
        if score.missed_core:
            console.print(f"{score.company}/{score.source} missed core: {', '.join(score.missed_core)}")
    if json_path:
        json_path.write_text(json.dumps(as_rows(scores), indent=2))
    return failures
