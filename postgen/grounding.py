"""Stage 4: a citation is whole sentences, found by id in the snapshot, and must name the technology.

The quote is the snapshot's own text of those sentences, so it is exact by construction; what can
fail is a sentence id the snapshot does not have, or sentences that do not name the technology.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .models import Citation, CitationStatus
from .text import Document, normalized_text


@dataclass(frozen=True)
class Located:
    status: CitationStatus
    start: int
    end: int


NOT_FOUND = Located(CitationStatus.not_found, -1, -1)


def locate_sentences(document: Document, sentence_ids: list[str]) -> Located:
    """The span covering the cited sentences, which must exist."""
    sentences = [document.sentences.get(sentence_id) for sentence_id in sentence_ids]
    if not sentences or any(sentence is None for sentence in sentences):
        return NOT_FOUND
    start = min(sentence.start for sentence in sentences)
    end = max(sentence.end for sentence in sentences)
    return Located(CitationStatus.exact, start, end)


PLURAL = "(?:s|es)?"  # "SQL Servers", "Redis clusters" name the same technology


def plural_allowed(name: str) -> bool:
    """A multi-word name ending in a noun may be written in the plural ("Microsoft SQL Servers")."""
    return " " in name and name[-1:].isalpha() and name[-1:].islower()


def name_pattern(name: str) -> re.Pattern[str]:
    """Whole-word match of a normalised name ('c++' and 'node.js' included), in the plural where the
    lexicon finds one."""
    escaped = re.escape(normalized_text(name))
    return re.compile(rf"(?<![\w]){escaped}{PLURAL if plural_allowed(name) else ''}(?![\w])")


def names_technology(span_text: str, names: list[str]) -> str | None:
    """The first of `names` that the span mentions as a whole word, or None."""
    haystack = normalized_text(span_text)
    for name in names:
        if name.strip() and name_pattern(name).search(haystack):
            return name
    return None


def cite_sentences(document: Document, sentence_ids: list[str]) -> Citation:
    located = locate_sentences(document, sentence_ids)
    quote = document.text[located.start:located.end] if located.status is not CitationStatus.not_found else ""
    return Citation(source=document.source_id, quote=quote, start=located.start, end=located.end,
                    status=located.status, sentence_ids=list(sentence_ids))


def grounding_failure(document: Document, citation: Citation, names: list[str]) -> str | None:
    """Why a citation cannot support a claim about `names`, or None when it can."""
    if citation.status is CitationStatus.not_found:
        cited = ", ".join(citation.sentence_ids) or repr(citation.quote[:80])
        return f"citation {cited} not found in source {citation.source!r}"
    if document.text[citation.start:citation.end] != citation.quote:
        return f"quote does not match source {citation.source!r} at {citation.start}-{citation.end}"
    if names_technology(document.text[citation.start:citation.end], names) is None:
        return f"quoted text does not name {names[0]!r}"
    return None


def normalize_for_key(name: str) -> str:
    return re.sub(r"[^a-z0-9+#]", "", normalized_text(name))
