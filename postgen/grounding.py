"""Stage 4: locate a quote in its snapshot and check that it names the technology.

A quote is never rewritten: the citation keeps the quote as given, and the span says where
the matching text is in the snapshot.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from .models import Citation, CitationStatus
from .text import Document, normalize, normalized_text

DEFAULT_FUZZY_THRESHOLD = float(os.environ.get("POSTGEN_FUZZY_THRESHOLD", "92"))


@dataclass(frozen=True)
class Located:
    status: CitationStatus
    start: int
    end: int
    score: float | None = None


NOT_FOUND = Located(CitationStatus.not_found, -1, -1)


def locate(document: Document, quote: str, *, fuzzy_threshold: float = DEFAULT_FUZZY_THRESHOLD) -> Located:
    if not quote.strip():
        return NOT_FOUND
    exact = document.text.find(quote)
    if exact >= 0:
        return Located(CitationStatus.exact, exact, exact + len(quote))
    haystack = document.normalized
    needle = normalized_text(quote)
    if not needle:
        return NOT_FOUND
    position = haystack.text.find(needle)
    if position >= 0:
        start, end = haystack.span_to_original(position, position + len(needle))
        return Located(CitationStatus.normalized, start, end)
    return locate_fuzzy(document, needle, fuzzy_threshold)


def locate_fuzzy(document: Document, needle: str, threshold: float) -> Located:
    haystack = document.normalized
    alignment = fuzz.partial_ratio_alignment(needle, haystack.text, score_cutoff=threshold)
    if alignment is None or alignment.dest_end <= alignment.dest_start:
        return NOT_FOUND
    start, end = haystack.span_to_original(alignment.dest_start, alignment.dest_end)
    return Located(CitationStatus.fuzzy, start, end, round(alignment.score, 1))


def locate_sentences(document: Document, sentence_ids: list[str]) -> Located:
    """The span covering the cited sentences, which must exist."""
    sentences = [document.sentences.get(sentence_id) for sentence_id in sentence_ids]
    if not sentences or any(sentence is None for sentence in sentences):
        return NOT_FOUND
    start = min(sentence.start for sentence in sentences)
    end = max(sentence.end for sentence in sentences)
    return Located(CitationStatus.exact, start, end)


def name_pattern(name: str) -> re.Pattern[str]:
    """Whole-word match of a normalised name ('c++' and 'node.js' included)."""
    escaped = re.escape(normalized_text(name))
    return re.compile(rf"(?<![\w]){escaped}(?![\w])")


def names_technology(span_text: str, names: list[str]) -> str | None:
    """The first of `names` that the span mentions as a whole word, or None."""
    haystack = normalized_text(span_text)
    for name in names:
        if name.strip() and name_pattern(name).search(haystack):
            return name
    return None


def citation_from(document: Document, located: Located, quote: str, **extra) -> Citation:
    return Citation(source=document.source_id, quote=quote, start=located.start, end=located.end,
                    status=located.status, score=located.score, **extra)


def cite_quote(document: Document, quote: str, **options) -> Citation:
    return citation_from(document, locate(document, quote, **options), quote)


def cite_sentences(document: Document, sentence_ids: list[str]) -> Citation:
    located = locate_sentences(document, sentence_ids)
    quote = document.text[located.start:located.end] if located.status is not CitationStatus.not_found else ""
    return citation_from(document, located, quote, sentence_ids=list(sentence_ids))


def grounding_failure(document: Document, citation: Citation, names: list[str]) -> str | None:
    """Why a citation cannot support a claim about `names`, or None when it can."""
    if citation.status is CitationStatus.not_found:
        cited = ", ".join(citation.sentence_ids) or repr(citation.quote[:80])
        return f"citation {cited} not found in source {citation.source!r}"
    if document.text[citation.start:citation.end] != citation.quote and citation.status is CitationStatus.exact:
        return f"quote does not match source {citation.source!r} at {citation.start}-{citation.end}"
    if names_technology(document.text[citation.start:citation.end], names) is None:
        return f"quoted text does not name {names[0]!r}"
    return None


def normalize_for_key(name: str) -> str:
    return re.sub(r"[^a-z0-9+#]", "", normalize(name).text)
