"""Stage 5: one claim per canonical technology, every citation kept, conflicts visible."""

from __future__ import annotations

from collections import Counter

from .extract import SourceClaim
from .models import Claim, ClaimStatus



def status_of(statuses: list[ClaimStatus]) -> ClaimStatus:
    """Current if any source says current: a former use elsewhere stays visible in `statuses`."""
    return ClaimStatus.current if ClaimStatus.current in statuses else ClaimStatus.former


def display_name(items: list[SourceClaim]) -> str:
    """The lexicon's canonical name, else the spelling the sources use most (capitalised first on a tie)."""
    technology = items[0].technology
    if technology.from_lexicon:
        return technology.name
    counts = Counter(item.technology.name for item in items)
    return max(counts, key=lambda name: (counts[name], name[:1].isupper(), name))


def aliases_of(name: str, items: list[SourceClaim]) -> list[str]:
    """The lexicon's aliases plus every other spelling the sources used: aliases merge across sources."""
    spellings = [*(alias for item in items for alias in item.technology.aliases), *(item.technology.name for item in items)]
    return [alias for alias in dict.fromkeys(spellings) if alias != name]


def tag_of(items: list[SourceClaim]) -> str:
    """The lexicon's tag, else the tag the model gave most often."""
    if items[0].technology.from_lexicon:
        return items[0].technology.tag
    counts = Counter(item.technology.tag for item in items)
    return max(counts, key=lambda tag: (counts[tag], tag))


def consolidate(source_claims: list[SourceClaim]) -> list[Claim]:
    grouped: dict[str, list[SourceClaim]] = {}
    for item in source_claims:
        grouped.setdefault(item.technology.key, []).append(item)
    claims = []
    for items in grouped.values():
        name = display_name(items)
        statuses = sorted({item.status for item in items}, key=lambda status: status.value)
        citations = dedupe_citations([citation for item in items for citation in item.citations])
        claims.append(Claim(
            technology=name,
            aliases=aliases_of(name, items),
            tag=tag_of(items),
            description=None,  # set by the describe stage; None: no acceptable description
            status=status_of(statuses),
            statuses=statuses,
            citations=citations,
            corroboration=len({citation.source for citation in citations}),
            logo=items[0].technology.logo,
            version=next((item.version for item in items if item.version), None),
            evidence=sorted(set().union(*(item.evidence for item in items))),
            own=any(item.own for item in items),
        ))
    return sorted(claims, key=lambda claim: (-claim.corroboration, claim.technology.lower()))


def dedupe_citations(citations):
    seen = set()
    unique = []
    for citation in citations:
        key = (citation.source, citation.start, citation.end)
        if key not in seen:
            seen.add(key)
            unique.append(citation)
    return unique
