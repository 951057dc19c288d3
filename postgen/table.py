"""The post's table and hashtags, assembled from the selected claims (no LLM).

A row's "Source of info" is data: for each publisher that names the technology, its name and
link, and for the claim's strongest quote a fragment of at most FRAGMENT_WORDS words around the
technology's mention, an exact substring of the quote. The page renders the text from it.
"""

from __future__ import annotations

import re
from typing import Mapping

from .claim_ids import identity
from .lexicon import Lexicon
from .logos import Logo, choose_logo
from .models import Citation, Claim, Company, RowSource, TableRow
from .selection import DescriptionProblem, missing_description, mention_at
from .write import check_copy, copy_facts

HASHTAG_RE = re.compile(r"^#[A-Za-z][A-Za-z0-9_]{1,60}$")
TOPICAL_HASHTAGS = {
    "Cloud": "#CloudInfra", "Infrastructure": "#CloudInfra", "Networking": "#CloudInfra",
    "Frontend": "#FrontendTech", "Mobile": "#MobileDev", "Desktop Runtime": "#FrontendTech",
    "Streaming": "#DataEngineering", "Data Processing": "#DataEngineering", "Data Warehouse": "#DataEngineering",
    "Workflow Orchestration": "#DataEngineering", "Database": "#Databases", "Caching": "#Databases",
    "Storage": "#CloudInfra", "ML": "#MachineLearning", "Search": "#Search", "CDN/Delivery": "#CloudInfra",
    "CI/CD": "#DevOps", "Developer Tooling": "#DevTools", "Internal Tooling": "#DevTools",
    "Observability": "#Observability", "Security": "#Security", "Media/Codec": "#AudioTech",
    "Backend": "#BackendEngineering",
}
MAX_TOPICAL = 6
TABLE_DESCRIPTION_WORDS = 15
FRAGMENT_WORDS = 8
WORDS_BEFORE_MENTION = 2
EDGE_PUNCTUATION = ",;:.!?-–—*#\"'“”‘’()[]"
PAIRS = {"(": ")", "[": "]", "“": "”", "‘": "’"}
# Markdown a fragment must not cross: link targets, bare URLs, table cells, emphasis, code, headings, line breaks.
MARKUP = re.compile(r"\]\([^)]*\)|https?://\S+|[|*`\[\]<>\n]|#+\s")
HTTP_URL = re.compile(r"^https?://", re.IGNORECASE)


def hashtags_for(company: Company, claims: list[Claim]) -> list[str]:
    engineering = company.engineering_hashtag or "#" + re.sub(r"[^A-Za-z0-9]", "", company.name) + "Engineering"
    counts: dict[str, int] = {}
    for claim in claims:
        tag = TOPICAL_HASHTAGS.get(claim.tag)
        if tag:
            counts[tag] = counts.get(tag, 0) + 1
    topical = sorted(counts, key=lambda tag: (-counts[tag], tag))[:MAX_TOPICAL]
    ordered = [engineering, "#TechStack", *topical]
    return list(dict.fromkeys(tag for tag in ordered if HASHTAG_RE.match(tag)))


def clip_words(text: str, limit: int) -> str:
    return " ".join(text.split()[:limit])


# ---------------------------------------------------------------- source of info


def publisher_of(source: Mapping) -> str:
    """The registry's publisher, else the snapshot's site name, else the title."""
    return str(source.get("publisher") or source.get("sitename") or source.get("title") or source.get("id") or "")


def http_url(source: Mapping) -> str | None:
    url = source.get("url")
    return url if isinstance(url, str) and HTTP_URL.match(url) else None


def fragment(quote: str, names: list[str], words: int = FRAGMENT_WORDS) -> tuple[str, bool, bool]:
    """At most `words` words of `quote` around its first mention of `names`, as an exact substring
    that crosses no markdown (links, tables, emphasis), and whether the quote goes on either side."""
    at = mention_at(quote, names)
    at = (mention_at(quote, names, re.IGNORECASE) if at is None else at) or 0
    low, high = prose_around(quote, at)
    spans = [(low + m.start(), low + m.end()) for m in re.finditer(r"\S+", quote[low:high])]
    if not spans:
        return "", False, False
    index = next((i for i, (_, end) in enumerate(spans) if end > at), 0)
    first = max(0, min(index - WORDS_BEFORE_MENTION, len(spans) - words))
    start, end = trim(quote, spans[first][0], spans[min(len(spans), first + words) - 1][1])
    start, end = trim(quote, *outside_unmatched(quote, start, end, at))
    return quote[start:end], has_words(quote[:start]), has_words(quote[end:])


def prose_around(quote: str, at: int) -> tuple[int, int]:
    """The stretch of plain prose around offset `at`: between the markup nearest either side."""
    low, high = 0, len(quote)
    for match in MARKUP.finditer(quote):
        if match.end() <= at:
            low = match.end()
        elif match.start() > at:
            high = match.start()
            break
    return low, high


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop spaces and punctuation at the ends, but not a bracket or quote that the fragment closes."""
    while start < end and (text[start].isspace() or (text[start] in EDGE_PUNCTUATION and not balanced(text[start:end], 0))):
        start += 1
    while end > start and (text[end - 1].isspace() or (text[end - 1] in EDGE_PUNCTUATION and not balanced(text[start:end], -1))):
        end -= 1
    return start, end


def outside_unmatched(text: str, start: int, end: int, at: int) -> tuple[int, int]:
    """Narrow [start, end) so it holds no bracket or quote mark whose partner it cuts off, keeping
    the side with the mention at `at`: "…scheduling) and Backstage" becomes "and Backstage"."""
    closers = {closer: opener for opener, closer in PAIRS.items()}
    open_at: list[tuple[str, int]] = []
    unmatched: list[int] = []
    for index in range(start, end):
        char = text[index]
        if char in PAIRS:
            open_at.append((char, index))
        elif char in closers:
            if open_at and open_at[-1][0] == closers[char]:
                open_at.pop()
            else:
                unmatched.append(index)
    unmatched += [index for _, index in open_at]
    for index in unmatched:
        if index < at:
            start = max(start, index + 1)
        else:
            end = min(end, index)
    return start, end


def balanced(fragment: str, index: int) -> bool:
    """True when the bracket at `index` of the fragment has its partner inside it."""
    char = fragment[index]
    pair = PAIRS.get(char) or next((opener for opener, closer in PAIRS.items() if closer == char), None)
    if pair is None:
        return False
    return pair in (fragment[1:] if index == 0 else fragment[:-1])


def has_words(text: str) -> bool:
    return re.search(r"\w", text) is not None


def strongest(claim: Claim) -> Citation | None:
    if not claim.citations:
        return None
    return claim.citations[claim.best_citation] if 0 <= claim.best_citation < len(claim.citations) else claim.citations[0]


def row_sources(claim: Claim, sources: Mapping[str, Mapping]) -> list[RowSource]:
    """One entry per publisher, the strongest quote's first, with its fragment."""
    best = strongest(claim)
    if best is None:
        return []
    cited = dict.fromkeys([best.source, *(citation.source for citation in claim.citations)])
    entries: dict[str, RowSource] = {}
    for source_id in cited:
        source = sources.get(source_id) or {"id": source_id}
        publisher = publisher_of(source)
        if publisher in entries:
            continue
        quoted = {}
        if source_id == best.source:
            text, before, after = fragment(best.quote, [claim.technology, *claim.aliases])
            quoted = {"fragment": text or None, "cut_before": before, "cut_after": after}
        entries[publisher] = RowSource(source=source_id, publisher=publisher, url=http_url(source), **quoted)
    return list(entries.values())


# ---------------------------------------------------------------- rows


def logo_for(claim: Claim, company: Company) -> Logo:
    """The lexicon's Simple Icon; an internal tool without one gets the company's; else a monogram."""
    return choose_logo(claim.technology, claim.tag, claim.logo, company.slug)


def table_rows(claims: list[Claim], company: Company, sources: Mapping[str, Mapping],
               ids: Mapping[str, str] | None = None) -> list[TableRow]:
    """One row per claim; `ids` maps claim identity to the claim's id in draft.yaml."""
    rows = []
    for claim in claims:
        logo = logo_for(claim, company)
        rows.append(TableRow(
            claim=(ids or {}).get(identity(claim.technology)),
            technology=claim.technology,
            status=claim.status,
            tag=claim.tag,
            description=clip_words(claim.description or "", TABLE_DESCRIPTION_WORDS),
            sources=row_sources(claim, sources),
            logo=logo.logo,
            logo_kind=logo.kind,
            logo_colour=logo.colour,
            logo_licence=logo.licence,
        ))
    return rows


def description_checker(company: Company, claims: list[Claim], lexicon: Lexicon) -> DescriptionProblem:
    """Why a claim's description cannot be published: missing, or failing the copy checks
    (another technology named, a number no quote has)."""
    facts = copy_facts(company, claims, lexicon)

    def problem(claim: Claim) -> str | None:
        if missing := missing_description(claim):
            return missing
        found = sorted({p for check in check_copy(claim.description, lexicon, facts) for p in check.problems})
        return f"description fails the copy check: {'; '.join(found)}" if found else None

    return problem
