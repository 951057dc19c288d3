"""Stage 5: one claim per canonical technology, every citation kept, conflicts visible."""

from __future__ import annotations

from .extract import SourceClaim
from .lexicon import Technology
from .models import Claim, ClaimStatus



def status_of(statuses: list[ClaimStatus]) -> ClaimStatus:
    """Current if any source says current: a former use elsewhere stays visible in `statuses`."""
    return ClaimStatus.current if ClaimStatus.current in statuses else ClaimStatus.former


def consolidate(source_claims: list[SourceClaim]) -> list[Claim]:
    grouped: dict[str, list[SourceClaim]] = {}
    technologies: dict[str, Technology] = {}
    for item in source_claims:
        grouped.setdefault(item.technology.key, []).append(item)
        technologies.setdefault(item.technology.key, item.technology)
    claims = []
    for key, items in grouped.items():
        technology = technologies[key]
        statuses = sorted({item.status for item in items}, key=lambda status: status.value)
        citations = dedupe_citations([item.citation for item in items])
        description = next((item.description for item in items if item.description), None)
        claims.append(Claim(
            technology=technology.name,
            aliases=list(technology.aliases),
            tag=technology.tag,
            description=description,  # None: no acceptable description yet
            status=status_of(statuses),
            statuses=statuses,
            citations=citations,
            corroboration=len({citation.source for citation in citations}),
            logo=technology.logo,
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
