"""Which claims become the post's rows: a significance score, then a greedy pick that covers the
stack's areas before it repeats one.

Significance (points; higher ranks first):

| signal | points |
|---|---|
| corroboration: each source beyond the first that names the technology | +2 |
| named in a source's title (its recorded title or a "title" paragraph) | +3 |
| named in a heading | +2 |
| named in a list item or table cell | +1 |
| named in a source's opening (its first OPENING_PARAGRAPHS paragraphs) | +1 |
| the company's own tool (tag "Internal Tooling" or the claim's `own` flag) | +3 |

Each prominence signal counts once per claim, whichever source gives it. Former technologies
rank below every current one. Ties go to the claim with more citations, then to the name.

The pick: tags fall into areas (frontend and mobile, backend, data, infrastructure, internal
tools, other). Until `rows` rows are chosen, take the highest-ranked remaining claim among
those whose area has the fewest rows so far, so every area present gets a row before any area
gets a second. A claim whose description is missing or unacceptable, or repeats a chosen row's
description, is skipped (the next one is taken) and flagged `needs_review` with the reason. So is a
claim whose quotes disagree on whether it is still used ("X serves …" in one source, "moved from X to
Y" in another): the post would have to pick a side no quote settles, so a reviewer decides.
A reviewer's choice (`in_post` set by hand) is kept: claims they put in take their rows first,
claims they took out are never picked. Rows are shown grouped by area, in rank order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Mapping

from .claim_ids import identity
from .models import Claim, ClaimStatus
from .text import Document

DEFAULT_ROWS = 12
ROWS_MIN, ROWS_MAX = 8, 15
OPENING_PARAGRAPHS = 3
OWN_TAG = "Internal Tooling"

POINTS_PER_EXTRA_SOURCE = 2
PROMINENCE_POINTS = {"title": 3, "heading": 2, "list": 1, "opening": 1}
OWN_POINTS = 3

AREAS = ("frontend", "backend", "data", "infrastructure", "internal tools", "other")
AREA_OF_TAG = {
    "Frontend": "frontend", "Mobile": "frontend", "Desktop Runtime": "frontend",
    "Backend": "backend",
    "Database": "data", "Caching": "data", "Storage": "data", "Streaming": "data", "Data Processing": "data",
    "Workflow Orchestration": "data", "Data Warehouse": "data", "ML": "data", "Search": "data",
    "Infrastructure": "infrastructure", "Cloud": "infrastructure", "Networking": "infrastructure",
    "CDN/Delivery": "infrastructure",
    "Internal Tooling": "internal tools",
}
PARAGRAPH_SIGNALS = {"title": "title", "heading": "heading", "list_item": "list", "table_cell": "list"}

DescriptionProblem = Callable[[Claim], "str | None"]


def area_of(tag: str) -> str:
    return AREA_OF_TAG.get(tag, "other")


def is_own(claim: Claim) -> bool:
    return claim.own or claim.tag == OWN_TAG


def row_bounds(rows: int) -> tuple[int, int]:
    """How many rows a post may have: 8–15, widened to include a number the user asked for."""
    return min(ROWS_MIN, rows), max(ROWS_MAX, rows)


# ---------------------------------------------------------------- prominence


def whole_name(name: str) -> str:
    """The pattern of a name written as a whole word: "Go" in "Go services", not in "Google"."""
    return rf"(?<!\w){re.escape(name)}(?!\w)"


def mention_at(text: str, names: list[str], flags: int = 0) -> int | None:
    """Where `text` first names the technology as a whole word (case matters unless `flags` say)."""
    starts = [match.start() for name in names if name.strip() for match in [re.search(whole_name(name), text, flags)]
              if match]
    return min(starts) if starts else None


def prominence(claim: Claim, documents: Mapping[str, Document], titles: Mapping[str, str]) -> set[str]:
    """Where the sources give the technology weight: 'title', 'heading', 'list', 'opening'."""
    names = [claim.technology, *claim.aliases]
    found = {"title" for title in titles.values() if title and mention_at(title, names) is not None}
    for document in documents.values():
        for paragraph in document.paragraphs:
            signal = PARAGRAPH_SIGNALS.get(paragraph.kind)
            opening = paragraph.index <= OPENING_PARAGRAPHS
            if (signal or opening) and mention_at(document.text[paragraph.start:paragraph.end], names) is not None:
                found |= {signal} if signal else set()
                found |= {"opening"} if opening else set()
    return found


def significance(claim: Claim, signals: set[str]) -> float:
    score = POINTS_PER_EXTRA_SOURCE * max(claim.corroboration - 1, 0)
    score += sum(PROMINENCE_POINTS[signal] for signal in signals)
    return score + (OWN_POINTS if is_own(claim) else 0)


# ---------------------------------------------------------------- the pick


@dataclass(frozen=True)
class Ranked:
    claim: Claim
    score: float
    rank: int
    area: str

    @property
    def key(self) -> str:
        return identity(self.claim.technology)

    @property
    def former(self) -> bool:
        return self.claim.status is ClaimStatus.former


@dataclass
class Selection:
    rows: list[Claim]                                             # the post's rows, in display order
    in_post: dict[str, bool] = field(default_factory=dict)        # claim identity → shown in the post
    machine_in_post: dict[str, bool] = field(default_factory=dict)  # identity → the program's own choice
    needs_review: dict[str, str] = field(default_factory=dict)    # identity → why a wanted claim is left out
    scores: dict[str, float] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)           # identity → technology as written

    def flagged(self) -> list[tuple[str, str]]:
        return [(self.names.get(key, key), reason) for key, reason in self.needs_review.items()]


def rank(claims: list[Claim], signals: Mapping[str, set[str]]) -> list[Ranked]:
    scored = [(claim, significance(claim, signals.get(identity(claim.technology), set()))) for claim in claims]
    scored.sort(key=lambda pair: (pair[0].status is ClaimStatus.former, -pair[1], -len(pair[0].citations),
                                  identity(pair[0].technology)))
    return [Ranked(claim, score, index, area_of(claim.tag)) for index, (claim, score) in enumerate(scored)]


def missing_description(claim: Claim) -> str | None:
    return None if claim.description and claim.description.strip() else "no acceptable description"


def disputed_status(claim: Claim) -> str | None:
    """Why a claim whose quotes say both "current" and "former" cannot be a row without a reviewer."""
    sources = {says: sorted({c.source for c in claim.citations if c.says == says}) for says in ClaimStatus}
    if not all(sources.values()):
        return None
    if len({source for names in sources.values() for source in names}) == 1:
        return f"quotes of {sources[ClaimStatus.current][0]} disagree on its status: one says current, one former"
    return "sources disagree on its status: " + "; ".join(
        f"{', '.join(names)} {'says' if len(names) == 1 else 'say'} {says.value}" for says, names in sources.items())


def description_key(text: str) -> str:
    """Two descriptions that differ only in case or spacing are the same."""
    return " ".join(text.casefold().split())


def why_not(item: Ranked, chosen: list[Ranked], problem: DescriptionProblem) -> str | None:
    if reason := problem(item.claim):
        return reason
    wording = description_key(item.claim.description or "")
    twin = next((other for other in chosen if description_key(other.claim.description or "") == wording), None)
    return f"same description as {twin.claim.technology}" if twin else None


def pick(pool: list[Ranked], rows: int, problem: DescriptionProblem,
         pinned: list[Ranked] = ()) -> tuple[list[Ranked], dict[str, str]]:
    """Pinned claims first, then the greedy area-covering pick; skipped claims with their reasons. A claim the
    reviewer pinned has been seen by a person, so a dispute over its status does not keep it out."""
    chosen: list[Ranked] = []
    skipped: dict[str, str] = {}
    for item in pinned:
        if reason := why_not(item, chosen, problem):
            skipped[item.key] = reason
        else:
            chosen.append(item)
    remaining = list(pool)
    while remaining and len(chosen) < rows:
        in_area = {area: sum(1 for c in chosen if c.area == area) for area in AREAS}
        item = min(remaining, key=lambda r: (r.former, in_area.get(r.area, 0), r.rank))
        remaining.remove(item)
        if reason := disputed_status(item.claim) or why_not(item, chosen, problem):
            skipped[item.key] = reason
        else:
            chosen.append(item)
    return chosen, skipped


def display_order(chosen: list[Ranked]) -> list[Claim]:
    return [item.claim for item in sorted(chosen, key=lambda r: (AREAS.index(r.area), r.former, r.rank))]


def select(claims: list[Claim], signals: Mapping[str, set[str]], *, rows: int = DEFAULT_ROWS,
           forced: Mapping[str, bool] | None = None, problem: DescriptionProblem = missing_description) -> Selection:
    """The post's rows. `signals` and `forced` are keyed by claim identity; `forced` holds the
    reviewer's in_post choices, which win over the program's."""
    forced = forced or {}
    ranked = rank(claims, signals)
    alone, _ = pick(ranked, rows, problem)
    pinned = [item for item in ranked if forced.get(item.key) is True]
    free = [item for item in ranked if item.key not in forced]
    chosen, skipped = pick(free, rows, problem, pinned)
    shown = {item.key for item in chosen}
    picked_alone = {item.key for item in alone}
    selection = Selection(rows=display_order(chosen), needs_review=skipped)
    for item in ranked:
        selection.in_post[item.key] = item.key in shown
        # for a claim the reviewer decided, what the program would do without them: if that ever
        # equals their choice, the claim follows the program again, as an edited description does
        selection.machine_in_post[item.key] = item.key in (picked_alone if item.key in forced else shown)
        selection.scores[item.key] = item.score
        selection.names[item.key] = item.claim.technology
    return selection
