"""Stage 2: snapshot text as paragraphs and sentences with absolute offsets, and the
normalisation used for matching, with a map back to original offsets.

Normalisation (declared, applied identically to text and quotes):
NFKC per character; curly quotes -> straight; en/em dashes and minus -> '-';
no-break spaces -> space; soft hyphen and zero-width characters removed;
any run of whitespace -> one space; case folded.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

from .markup import plain_text_structure
from .models import InlineSpan, TextStructure

REMOVED = {"\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"}
REPLACED = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u00a0": " ", "\u202f": " ", "\u2007": " ",
}

# A sentence ends at . ! ? (optionally followed by closing quotes/brackets) and whitespace,
# unless the dot belongs to a common abbreviation or a single initial.
SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+")
ABBREVIATIONS = {"e.g", "i.e", "etc", "vs", "mr", "mrs", "ms", "dr", "inc", "ltd", "co", "st", "no", "approx", "u.s"}


def normalize_char(char: str) -> str:
    if char in REMOVED:
        return ""
    char = REPLACED.get(char, char)
    return unicodedata.normalize("NFKC", char).casefold()


def normalized_text(text: str) -> str:
    """The declared normalisation: per character NFKC, straight quotes, plain dashes, spaces for no-break
    spaces, soft hyphens and zero-width characters removed, case folded; whitespace runs become one space."""
    return " ".join("".join(normalize_char(char) for char in text).split())


UNSPLIT_KINDS = {"title", "heading", "table_cell", "code"}


@dataclass(frozen=True)
class Sentence:
    id: str
    start: int
    end: int
    text: str
    paragraph: int


@dataclass(frozen=True)
class Paragraph:
    """A block of the snapshot text (a line of text.txt): paragraph, heading, title, list item, table cell…"""

    index: int
    start: int
    end: int
    sentences: tuple[Sentence, ...]
    kind: str = "paragraph"  # title, heading, paragraph, list_item, table_cell, quote or code


def is_abbreviation(text: str, dot_index: int) -> bool:
    word = re.search(r"([\w.]+)$", text[:dot_index])
    if not word:
        return False
    token = word.group(1).lower().rstrip(".")
    return token in ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    cursor = start
    for match in SENTENCE_END.finditer(text, start, end):
        if text[match.start()] == "." and is_abbreviation(text, match.start()):
            continue
        following = text[match.end():match.end() + 1]
        if following and following.islower():
            continue
        sentence_end = match.end()
        while sentence_end > cursor and text[sentence_end - 1].isspace():
            sentence_end -= 1
        spans.append((cursor, sentence_end))
        cursor = match.end()
    if cursor < end:
        spans.append((cursor, end))
    return [(s, e) for s, e in spans if text[s:e].strip()]


@dataclass
class Document:
    """A snapshot's text with its structure: blocks from structure.json (markdown, HTML), or read
    off the lines of plain text. Sentences never cross a block."""

    source_id: str
    text: str
    structure: TextStructure | None = field(default=None, repr=False)

    @cached_property
    def blocks(self) -> TextStructure:
        return self.structure or plain_text_structure(self.text)

    @property
    def spans(self) -> list[InlineSpan]:
        return self.blocks.spans

    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        paragraphs = []
        for p_index, block in enumerate(self.blocks.blocks, start=1):
            spans = [(block.start, block.end)] if block.kind in UNSPLIT_KINDS else \
                sentence_spans(self.text, block.start, block.end)
            sentences = tuple(
                Sentence(f"p{p_index}s{s_index}", s, e, self.text[s:e], p_index)
                for s_index, (s, e) in enumerate(spans, start=1)
            )
            paragraphs.append(Paragraph(p_index, block.start, block.end, sentences, block.kind))
        return paragraphs

    def paragraph_of(self, sentence: Sentence) -> Paragraph:
        return self.paragraphs[sentence.paragraph - 1]

    @cached_property
    def sentences(self) -> dict[str, Sentence]:
        return {s.id: s for p in self.paragraphs for s in p.sentences}


    def sentence_at(self, offset: int) -> Sentence | None:
        for sentence in self.sentences.values():
            if sentence.start <= offset < sentence.end:
                return sentence
        return None
