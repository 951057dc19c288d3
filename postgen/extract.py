"""Stage 3: the extraction pass.

The program lists candidate technologies (lexicon and naming patterns) with the sentences
that name them; the model answers, per candidate, whether the company uses it. Wording cues
decide current/former and veto comparisons and plans. Where a technology is first named,
the model also copies a short description from its sentence (a grammar admits only its
words). Every claim passes the grounding gate: its cited sentences exist and name the
technology. A small extra pass describes the claims left without a description.
"""

from __future__ import annotations

import re
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Callable

from .cues import not_a_use, status_from_wording
from .grounding import cite_sentences, grounding_failure, normalize_for_key
from .lexicon import INTERNAL_TAG, Lexicon, Mention, Technology, find_mentions, names_in_text
from .llm import CompactFormat, LLMClient, LLMRequest, LLMResult
from .models import (
    CandidateVerdict, ChunkVerdicts, Citation, ClaimStatus, Descriptions, ItemDescription, RejectedClaim,
)
from .prompts import render
from .text import Document, Sentence, normalized_text

MENTIONS_PER_TECHNOLOGY = 2  # per source: one grounded quote is enough, two guard against a misleading one
MAX_SENTENCES_PER_CHUNK = 5
MAX_CANDIDATES_PER_CHUNK = 8
WINDOW_WORDS = 14  # words kept either side of the mentions when a sentence is long
DESCRIPTION_WORDS = 8
DESCRIBE_WINDOW_WORDS = 9
INSTRUCTION_LIKE = re.compile(
    r"\b(ignore|disregard|forget)\b.{0,40}\b(instructions?|prompts?|rules)\b"
    r"|\b(system prompt|you are an? (ai|assistant|language model))\b",
    re.IGNORECASE,
)


@dataclass
class Candidate:
    letter: str
    technology: Technology
    numbers: list[int]
    mentions: list[Mention]
    describe: bool = False  # first chunk that names this technology: also copy a description
    phrase_source: str = ""  # the marked words a description may be copied from

    @property
    def name(self) -> str:
        return self.technology.name


@dataclass
class Chunk:
    source_id: str
    sentences: list[Sentence]
    windows: list[str]
    candidates: list[Candidate] = field(default_factory=list)


@dataclass
class SourceClaim:
    technology: Technology
    status: ClaimStatus
    citation: Citation
    description: str | None = None


@dataclass
class ExtractionOutcome:
    claims: list[SourceClaim] = field(default_factory=list)
    rejected: list[RejectedClaim] = field(default_factory=list)
    chunks: int = 0


def mark_first_mentions(chunks: list[Chunk], lexicon: Lexicon) -> None:
    """Ask for a description where a technology is first named, in document order; decided
    before any call so the requests, and so the cache keys, do not depend on answers."""
    seen: set[str] = set()
    for chunk in chunks:
        for candidate in chunk.candidates:
            candidate.describe = candidate.technology.key not in seen
            seen.add(candidate.technology.key)
            if candidate.describe:
                candidate.phrase_source = phrase_source(chunk, candidate, lexicon)


def looks_like_instructions(sentence: Sentence) -> bool:
    return bool(INSTRUCTION_LIKE.search(sentence.text))


def letters(count: int) -> list[str]:
    return [chr(ord("A") + index) for index in range(count)]


def window(sentence: Sentence, mentions: list[Mention], words_each_side: int = WINDOW_WORDS) -> str:
    """The sentence, or for a long one the words around its mentions: fewer prompt tokens."""
    words = list(re.finditer(r"\S+", sentence.text))
    if len(words) <= 2 * words_each_side + 6:
        return " ".join(match.group() for match in words)
    first = min(m.start for m in mentions) - sentence.start
    last = max(m.end for m in mentions) - sentence.start
    first_word = next(i for i, w in enumerate(words) if w.end() > first)
    last_word = max(i for i, w in enumerate(words) if w.start() < last)
    lo, hi = max(0, first_word - words_each_side), min(len(words), last_word + words_each_side + 1)
    text = " ".join(match.group() for match in words[lo:hi])
    return ("… " if lo > 0 else "") + text + (" …" if hi < len(words) else "")


def select_mentions(mentions: list[Mention]) -> list[Mention]:
    kept: dict[str, int] = {}
    selected = []
    for mention in mentions:
        key = mention.technology.key
        if kept.get(key, 0) < MENTIONS_PER_TECHNOLOGY:
            kept[key] = kept.get(key, 0) + 1
            selected.append(mention)
    return selected


def build_chunks(document: Document, mentions: list[Mention]) -> list[Chunk]:
    by_sentence: dict[str, list[Mention]] = {}
    for mention in mentions:
        by_sentence.setdefault(mention.sentence_id, []).append(mention)
    chunks: list[Chunk] = []
    pending: list[tuple[Sentence, list[Mention]]] = []
    for sentence_id, found in by_sentence.items():
        grown = pending + [(document.sentences[sentence_id], found)]
        keys = {m.technology.key for _, items in grown for m in items}
        if pending and (len(grown) > MAX_SENTENCES_PER_CHUNK or len(keys) > MAX_CANDIDATES_PER_CHUNK):
            chunks.append(make_chunk(document.source_id, pending))
            grown = [(document.sentences[sentence_id], found)]
        pending = grown
    if pending:
        chunks.append(make_chunk(document.source_id, pending))
    return chunks


def make_chunk(source_id: str, items: list[tuple[Sentence, list[Mention]]]) -> Chunk:
    chunk = Chunk(source_id, [s for s, _ in items], [window(s, found) for s, found in items])
    order: dict[str, Candidate] = {}
    for number, (_, found) in enumerate(items, start=1):
        for mention in found:
            candidate = order.setdefault(mention.technology.key, Candidate("", mention.technology, [], []))
            if number not in candidate.numbers:
                candidate.numbers.append(number)
            candidate.mentions.append(mention)
    for letter, candidate in zip(letters(len(order)), order.values()):
        candidate.letter = letter
        chunk.candidates.append(candidate)
    return chunk


# ------------------------------------------------------------------ compact formats (local model)

def verdict_grammar(chunk: Chunk) -> str:
    rules = ["root ::= " + " ".join(f"line{i}" for i in range(len(chunk.candidates)))]
    for i, candidate in enumerate(chunk.candidates):
        phrases = phrase_rules(candidate.phrase_source, f"c{i}") if candidate.describe else None
        yes = f'"yes: " {phrases[0]}' if phrases else '"yes"'
        rules.append(f'line{i} ::= "{candidate.letter} " ({yes} | "no") "\\n"')
        rules += phrases[1] if phrases else []
    return "\n".join(rules) + "\n"


VERDICT_LINE = re.compile(r"^([A-Z]) (yes|no)(?:: (.+))?$")


def parse_verdicts(text: str) -> ChunkVerdicts:
    verdicts = []
    for line in text.strip().splitlines():
        match = VERDICT_LINE.match(line.strip())
        if not match:
            raise ValueError(f"unexpected line {line!r}")
        letter, answer, description = match.groups()
        verdicts.append(CandidateVerdict(candidate=letter, used=answer == "yes", description=description))
    return ChunkVerdicts(verdicts=verdicts)


EDGE_WORDS = {
    "a", "an", "the", "and", "or", "but", "of", "to", "into", "for", "with", "by", "on", "in", "at", "as", "from",
    "across", "through", "like", "such", "its", "their", "this", "that", "which", "while", "is", "are", "was", "were",
}


def quote_words(quote: str) -> list[str]:
    return [word.strip(",;:()\"'“”‘’") for word in quote.replace("—", " ").split()]


MARKUP = re.compile(r"https?:|[\[\]|*`#<>]|\]\(")


def usable_word(word: str) -> bool:
    """Prose words only: no marked names, no markdown links, tables or emphasis."""
    return bool(word) and "«" not in word and "»" not in word and word not in {"…", "-"} and not MARKUP.search(word)


def phrase_rules(quote: str, prefix: str, max_words: int = DESCRIPTION_WORDS) -> tuple[str, list[str]] | None:
    """GBNF admitting only runs of 2–8 consecutive quote words, not containing a «marked» name
    and not starting or ending on a function word: a description is copied, never invented.
    Written as chains (word i, then optionally word i+1 …) because one long alternation of
    whole phrases made llama.cpp's sampler several times slower. Returns the start expression
    and the rules it needs, or None when the quote offers no phrase."""
    words = quote_words(quote)
    ok = [usable_word(word) for word in words]
    ends = [ok[i] and words[i].lower().rstrip(".!?") not in EDGE_WORDS for i in range(len(words))]
    rules: dict[str, str] = {}

    def chain(i: int, budget: int) -> str | None:
        """Rule name for phrases starting at word i with at most `budget` words, or None."""
        if i >= len(words) or not ok[i] or budget == 0:
            return None
        name = f"{prefix}w{i}b{budget}"
        if name not in rules:
            literal = gbnf_literal(words[i].rstrip(".!?") if ends[i] else words[i])
            rest = chain(i + 1, budget - 1) if not words[i].endswith((".", "!", "?")) else None
            options = ([literal] if ends[i] else []) + ([f'{literal} " " {rest}'] if rest else [])
            if not options:
                return None
            rules[name] = " | ".join(options)
        return name

    starts = []
    for i in range(len(words)):
        if not ok[i] or words[i].lower() in EDGE_WORDS or words[i].endswith((".", "!", "?")):
            continue
        rest = chain(i + 1, max_words - 1)
        if rest:
            starts.append(f'{gbnf_literal(words[i])} " " {rest}')
    if not starts:
        return None
    return "(" + " | ".join(starts) + ")", [f"{name} ::= {body}" for name, body in rules.items()]


def phrase_grammar(quote: str) -> str | None:
    found = phrase_rules(quote, "p")
    if found is None:
        return None
    start, rules = found
    return "\n".join([f'root ::= "A: " {start} "\\n"', *rules]) + "\n"


def marked(text: str, technology: Technology, lexicon: Lexicon) -> str:
    """The text with every technology name wrapped in «», so a copied phrase names none:
    a description says what the technology is used for, not which others sit beside it."""
    spans = [(start, end) for _, start, end in names_in_text(text, lexicon)]
    spans += lexicon.own_name_spans(text, technology)
    out, cursor = [], 0
    for start, end in sorted(spans, key=lambda span: (span[0], -span[1])):
        if start < cursor:
            continue
        out += [text[cursor:start], "«", text[start:end], "»"]
        cursor = end
    return "".join(out) + text[cursor:]


def phrase_source(chunk: Chunk, candidate: Candidate, lexicon: Lexicon) -> str:
    """What the model was shown about a candidate, names marked: the words it may copy."""
    return " … ".join(marked(chunk.windows[number - 1], candidate.technology, lexicon) for number in candidate.numbers)


def gbnf_literal(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def copied_from(description: str, quote: str) -> bool:
    return normalized_text(description) in normalized_text(" ".join(quote_words(quote)))


def parse_description(text: str) -> Descriptions:
    letter, _, description = text.strip().partition(":")
    if not description.strip():
        raise ValueError(f"unexpected answer {text!r}")
    return Descriptions(items=[ItemDescription(candidate=letter.strip(), description=description.strip())])


# ------------------------------------------------------------------ requests


def example_messages(prefix: str, **values) -> list[dict]:
    return [
        {"role": "system", "content": render(f"{prefix}_system.j2", **values)},
        {"role": "user", "content": render(f"{prefix}_example_user.j2", **values)},
        {"role": "assistant", "content": render(f"{prefix}_example_assistant.j2", **values)},
    ]


def verdict_request(chunk: Chunk, company: str, *, compact: bool, discover: bool) -> LLMRequest:
    messages = example_messages("extract", compact=compact, discover=discover) + [
        {"role": "user", "content": render("extract_user.j2", company=company, sentences=chunk.windows,
                                           candidates=chunk.candidates)},
    ]
    return LLMRequest(
        purpose="extract",
        messages=messages,
        schema=ChunkVerdicts,
        max_tokens=sum(4 + (DESCRIPTION_WORDS * 3 if c.describe else 0) for c in chunk.candidates) + (400 if discover else 8),
        compact=CompactFormat(verdict_grammar(chunk), parse_verdicts),
    )


def with_reask(request: LLMRequest, previous: LLMResult, problem: str) -> LLMRequest:
    messages = request.messages + [
        {"role": "assistant", "content": previous.raw or ""},
        {"role": "user", "content": render("reask.j2", problem=problem)},
    ]
    return LLMRequest(request.purpose + "-reask", messages, request.schema, request.max_tokens, request.compact)


def answer_problem(chunk: Chunk, result: LLMResult) -> str | None:
    if result.parsed is None:
        return result.problem or "no usable answer"
    expected = [candidate.letter for candidate in chunk.candidates]
    given = [verdict.candidate for verdict in result.parsed.verdicts]
    unknown = [letter for letter in given if letter not in expected]
    missing = [letter for letter in expected if letter not in given]
    if unknown:
        return f"verdicts for candidates that do not exist: {', '.join(unknown)}"
    if missing:
        return f"no verdict for candidates {', '.join(missing)}"
    return None


def status_of_mentions(document: Document, mentions: list[Mention]) -> ClaimStatus:
    """Former only when every cited mention is worded as a past use."""
    for mention in mentions:
        sentence = document.sentences[mention.sentence_id]
        offset = sentence.start
        if status_from_wording(sentence.text, mention.start - offset, mention.end - offset) is ClaimStatus.current:
            return ClaimStatus.current
    return ClaimStatus.former


# ------------------------------------------------------------------ the pass and its gate


@dataclass
class Extractor:
    client: LLMClient
    lexicon: Lexicon
    company: str
    discover: bool = False

    @property
    def compact(self) -> bool:
        return getattr(self.client.backend, "uses_compact", False)

    def screen(self, document: Document, outcome: ExtractionOutcome) -> list[Mention]:
        """Drop mentions no answer could turn into a claim, saying why."""
        kept = []
        for mention in find_mentions(document, self.lexicon, self.company):
            sentence = document.sentences[mention.sentence_id]
            if looks_like_instructions(sentence):
                reason = "sentence reads as instructions to an AI; treated as data and not used"
            elif mention.technology.key == normalize_for_key(self.company):
                reason = "the company itself, not part of its stack"
            elif wording := not_a_use(sentence.text, mention.start - sentence.start, self.company):
                reason = wording
            else:
                kept.append(mention)
                continue
            outcome.rejected.append(RejectedClaim(technology=mention.technology.name, source=document.source_id,
                                                  quote=sentence.text, reason=reason))
        return select_mentions(kept)

    def run(self, documents: list[Document], progress: Callable[[int, int], None] | None = None) -> ExtractionOutcome:
        outcome = ExtractionOutcome()
        work = [(document, chunk) for document in documents
                for chunk in build_chunks(document, self.screen(document, outcome))]
        outcome.chunks = len(work)
        mark_first_mentions([chunk for _, chunk in work], self.lexicon)
        workers = max(1, getattr(self.client.backend, "concurrency", 1))
        stop = threading.Event()  # after a failure (server down, Ctrl-C) chunks not yet started are not sent

        def process(item):
            if stop.is_set():
                return [], []
            try:
                return self.process_chunk(*item)
            except BaseException:
                stop.set()
                raise

        with ThreadPoolExecutor(max_workers=workers) as pool:
            try:
                for done, (claims, rejected) in enumerate(pool.map(process, work), 1):
                    outcome.claims += claims
                    outcome.rejected += rejected
                    if progress:
                        progress(done, len(work))
            except BaseException:
                stop.set()
                raise
        return outcome

    def process_chunk(self, document: Document, chunk: Chunk) -> tuple[list[SourceClaim], list[RejectedClaim]]:
        request = verdict_request(chunk, self.company, compact=self.compact, discover=self.discover)
        result = self.client.ask(request)
        problem = answer_problem(chunk, result) or self.discovery_problem(document, chunk, result)
        if problem:
            result = self.client.ask(with_reask(request, result, problem))
            problem = answer_problem(chunk, result)
        if problem:
            return [], [RejectedClaim(technology=candidate.name, source=document.source_id,
                                      reason=f"model answer unusable after one re-ask: {problem}")
                        for candidate in chunk.candidates]
        return self.gate(document, chunk, result.parsed)

    def discovery_problem(self, document: Document, chunk: Chunk, result: LLMResult) -> str | None:
        if result.parsed is None:
            return None
        for other in result.parsed.others:
            if reason := self.other_failure(document, chunk, other.technology, other.sentences):
                return f"{other.technology}: {reason}"
        return None

    def other_failure(self, document: Document, chunk: Chunk, name: str, numbers: list[int]) -> str | None:
        if not numbers:
            return "no sentence cited"
        bad = [n for n in numbers if not 1 <= n <= len(chunk.sentences)]
        if bad:
            return f"cites sentence {bad[0]}, which does not exist (the chunk has {len(chunk.sentences)})"
        citation = cite_sentences(document, [chunk.sentences[n - 1].id for n in numbers])
        known = self.lexicon.lookup(name)
        return grounding_failure(document, citation, known.names if known else [name])

    def gate(self, document: Document, chunk: Chunk, answer: ChunkVerdicts) -> tuple[list[SourceClaim], list[RejectedClaim]]:
        claims: list[SourceClaim] = []
        rejected: list[RejectedClaim] = []
        by_letter = {candidate.letter: candidate for candidate in chunk.candidates}
        for verdict in answer.verdicts:
            candidate = by_letter[verdict.candidate]
            citation = cite_sentences(document, sorted({m.sentence_id for m in candidate.mentions},
                                                       key=lambda sid: document.sentences[sid].start))
            status = status_of_mentions(document, candidate.mentions)
            # Small models often answer "no" for past use; wording such as "moved from X" is itself the evidence.
            if not verdict.used and status is not ClaimStatus.former:
                rejected.append(RejectedClaim(technology=candidate.name, source=document.source_id, quote=citation.quote,
                                              reason=f"model: only mentioned, not used by {self.company}"))
                continue
            description = copied_description(verdict.description, candidate) if candidate.describe else None
            self.admit(document, candidate.technology, status, citation, claims, rejected, description)
        for other in answer.others:
            if reason := self.other_failure(document, chunk, other.technology, other.sentences):
                rejected.append(RejectedClaim(technology=other.technology, source=document.source_id, reason=reason))
                continue
            technology = self.lexicon.lookup(other.technology) or Technology(
                other.technology, (), INTERNAL_TAG, None, from_lexicon=False)
            citation = cite_sentences(document, [chunk.sentences[n - 1].id for n in other.sentences])
            self.admit(document, technology, ClaimStatus.current, citation, claims, rejected)
        return claims, rejected

    @staticmethod
    def admit(document, technology, status, citation, claims, rejected, description=None) -> None:
        citation.says = status
        if reason := grounding_failure(document, citation, technology.names):
            rejected.append(RejectedClaim(technology=technology.name, source=document.source_id,
                                          quote=citation.quote or None, reason=reason))
            return
        claims.append(SourceClaim(technology, status, citation, description))


def copied_description(description: str | None, candidate: Candidate) -> str | None:
    """Keep a description only if it was copied from the candidate's own sentences."""
    if not description or not candidate.phrase_source:
        return None
    copied = copied_from(description, candidate.phrase_source) and says_something(description, candidate.name)
    return description if copied else None


def describing_quote(technology: Technology, sentences: list[Sentence], lexicon: Lexicon) -> str:
    """The cited sentence most about this technology (fewest other names, then shortest),
    cut to the words around it, with the names marked for the model."""
    best = min(sentences, key=lambda s: (len(s.text.split()) < 8,  # headings say little
                                         len({t.key for t, _, _ in names_in_text(s.text, lexicon)}), len(s.text)))
    spans = sorted(lexicon.own_name_spans(best.text, technology))
    mentions = [Mention(technology, best.text[start:end], best.start + start, best.start + end, best.id)
                for start, end in spans[:1]]
    text = window(best, mentions, DESCRIBE_WINDOW_WORDS) if mentions else " ".join(best.text.split())
    return marked(text, technology, lexicon)


def describe(client: LLMClient, company: str, items: list[tuple[str, str]]) -> dict[str, str]:
    """A short description per (technology, marked quote): a phrase copied from the quote.
    One technology per call: in batches the small model shifted answers between neighbours."""
    found: dict[str, str] = {}
    for name, quote in items:
        grammar = phrase_grammar(quote)
        if grammar is None:
            continue
        request = LLMRequest(
            purpose="describe",
            messages=example_messages("describe") + [
                {"role": "user", "content": render("describe_user.j2", company=company,
                                                   items=[{"letter": "A", "name": name, "quote": quote}])}],
            schema=Descriptions,
            max_tokens=DESCRIPTION_WORDS * 4 + 4,
            compact=CompactFormat(grammar, parse_description),
        )
        result = client.ask(request)
        if result.parsed is None or not result.parsed.items:
            continue
        description = result.parsed.items[0].description
        # Servers without grammars get the same instruction; keep only what was really copied.
        if copied_from(description, quote) and says_something(description, name):
            found[name] = description
    return found


def says_something(description: str, name: str) -> bool:
    """A description that only repeats the technology's name is no description."""
    rest = normalized_text(description).replace(normalized_text(name), " ")
    return len(re.findall(r"[a-z]{3,}", rest)) >= 2
