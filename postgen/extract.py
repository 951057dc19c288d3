"""Stage 3: the extraction pass.

Candidates (candidates.py) are grouped with the sentences that name them into small chunks.
Per candidate the model answers one word: uses, used (before), no (a technology the company
does not use: planned, compared, another's, supported by a tool) or not (not a technology); a
name the lexicon does not know also gets a tag from the closed list. Wording rules (cues.py)
overrule the model where the sentence itself says plan, comparison, support, another owner or
rejection, and decide former use. Every claim passes the grounding gate: its cited sentences
exist and name the technology.
"""

from __future__ import annotations

import re
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Callable

from .candidates import Mention, find_candidates
from .cues import Reading, looks_like_instructions, read_mention
from .grounding import cite_sentences, grounding_failure
from .lexicon import Lexicon, Technology
from .llm import CompactFormat, LLMClient, LLMRequest, LLMResult
from .models import TAGS, CandidateAnswer, ChunkAnswers, Citation, ClaimStatus, RejectedClaim
from .prompts import render
from .text import Document, Sentence

MENTIONS_PER_NAME = 2  # per source: one grounded quote is enough, two guard against a misleading one
MAX_SENTENCES_PER_CHUNK = 6
MAX_CANDIDATES_PER_CHUNK = 10
WINDOW_WORDS = 14  # words kept either side of the mentions when a sentence is long
VETOING_READINGS = {"planned", "compared", "supported", "others", "rejected"}


@dataclass
class Candidate:
    letter: str
    technology: Technology
    numbers: list[int]
    mentions: list[Mention]
    readings: list[Reading] = field(default_factory=list)  # what the wording around each mention says

    @property
    def name(self) -> str:
        return self.technology.name

    @property
    def new(self) -> bool:
        """Not in the lexicon: the model also gives its tag."""
        return not self.technology.from_lexicon


@dataclass
class Chunk:
    source_id: str
    sentences: list[Sentence]
    windows: list[str]
    candidates: list[Candidate] = field(default_factory=list)


@dataclass
class SourceClaim:
    """One technology as one source states it, before consolidation across sources."""

    technology: Technology
    status: ClaimStatus
    citation: Citation
    evidence: frozenset[str] = frozenset()
    version: str | None = None


@dataclass
class ExtractionOutcome:
    claims: list[SourceClaim] = field(default_factory=list)
    rejected: list[RejectedClaim] = field(default_factory=list)
    chunks: int = 0


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


def select_mentions(mentions: list[Read]) -> list[Read]:
    """The first MENTIONS_PER_NAME mentions of each name in a source."""
    kept: dict[str, int] = {}
    selected = []
    for mention in mentions:
        key = mention[0].technology.key
        if kept.get(key, 0) < MENTIONS_PER_NAME:
            kept[key] = kept.get(key, 0) + 1
            selected.append(mention)
    return selected


Read = tuple[Mention, Reading]


def build_chunks(document: Document, mentions: list[Read]) -> list[Chunk]:
    by_sentence: dict[str, list[Read]] = {}
    for mention, reading in mentions:
        by_sentence.setdefault(mention.sentence_id, []).append((mention, reading))
    chunks: list[Chunk] = []
    pending: list[tuple[Sentence, list[Read]]] = []
    for sentence_id, found in by_sentence.items():
        grown = pending + [(document.sentences[sentence_id], found)]
        keys = {m.technology.key for _, items in grown for m, _ in items}
        if pending and (len(grown) > MAX_SENTENCES_PER_CHUNK or len(keys) > MAX_CANDIDATES_PER_CHUNK):
            chunks.append(make_chunk(document.source_id, pending))
            grown = [(document.sentences[sentence_id], found)]
        pending = grown
    if pending:
        chunks.append(make_chunk(document.source_id, pending))
    return chunks


def make_chunk(source_id: str, items: list[tuple[Sentence, list[Read]]]) -> Chunk:
    chunk = Chunk(source_id, [s for s, _ in items], [window(s, [m for m, _ in found]) for s, found in items])
    order: dict[str, Candidate] = {}
    for number, (_, found) in enumerate(items, start=1):
        for mention, reading in found:
            candidate = order.setdefault(mention.technology.key, Candidate("", mention.technology, [], []))
            if number not in candidate.numbers:
                candidate.numbers.append(number)
            candidate.mentions.append(mention)
            candidate.readings.append(reading)
    for letter, candidate in zip(letters(len(order)), order.values()):
        candidate.letter = letter
        chunk.candidates.append(candidate)
    return chunk


# ------------------------------------------------------------------ the compact format (local model)

TAG_ALTERNATIVES = " | ".join(f'"{tag}"' for tag in TAGS)


def answer_grammar(chunk: Chunk) -> str:
    """One line per candidate, in order: its letter and one word; a new name answered uses/used also gets
    a tag from the closed list."""
    rules = ["root ::= " + " ".join(f"line{i}" for i in range(len(chunk.candidates))), f"tag ::= {TAG_ALTERNATIVES}"]
    for i, candidate in enumerate(chunk.candidates):
        used = '("uses" | "used") " " tag' if candidate.new else '("uses" | "used")'
        rules.append(f'line{i} ::= "{candidate.letter} " ({used} | "no" | "not") "\\n"')
    return "\n".join(rules) + "\n"


ANSWER_LINE = re.compile(rf"^([A-Z]) (uses|used|no|not)(?: ({'|'.join(re.escape(tag) for tag in TAGS)}))?$")


def parse_answers(text: str) -> ChunkAnswers:
    answers = []
    for line in text.strip().splitlines():
        match = ANSWER_LINE.match(line.strip())
        if not match:
            raise ValueError(f"unexpected line {line!r}")
        letter, answer, tag = match.groups()
        answers.append(CandidateAnswer(candidate=letter, answer=answer, tag=tag))
    return ChunkAnswers(answers=answers)


# ------------------------------------------------------------------ requests


def example_messages(prefix: str, **values) -> list[dict]:
    return [
        {"role": "system", "content": render(f"{prefix}_system.j2", **values)},
        {"role": "user", "content": render(f"{prefix}_example_user.j2", **values)},
        {"role": "assistant", "content": render(f"{prefix}_example_assistant.j2", **values)},
    ]


def answer_request(chunk: Chunk, company: str, *, compact: bool) -> LLMRequest:
    messages = example_messages("extract", compact=compact, tags=TAGS) + [
        {"role": "user", "content": render("extract_user.j2", company=company, sentences=chunk.windows,
                                           candidates=chunk.candidates)},
    ]
    return LLMRequest(
        purpose="extract",
        messages=messages,
        schema=ChunkAnswers,
        max_tokens=sum(8 if candidate.new else 4 for candidate in chunk.candidates) + 8,
        compact=CompactFormat(answer_grammar(chunk), parse_answers),
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
    given = [answer.candidate for answer in result.parsed.answers]
    unknown = [letter for letter in given if letter not in expected]
    missing = [letter for letter in expected if letter not in given]
    if unknown:
        return f"answers for candidates that do not exist: {', '.join(unknown)}"
    if missing:
        return f"no answer for candidates {', '.join(missing)}"
    return None


# ------------------------------------------------------------------ wording and the decision


def read_mentions(document: Document, mentions: list[Mention], company: str) -> list[Read]:
    """What the wording around each mention says, with every other name of its sentence in view."""
    by_sentence: dict[str, list[Mention]] = {}
    for mention in mentions:
        by_sentence.setdefault(mention.sentence_id, []).append(mention)
    read = []
    for sentence_id, found in by_sentence.items():
        sentence = document.sentences[sentence_id]
        spans = [(m.start - sentence.start, m.end - sentence.start) for m in found]
        read += [(mention, read_mention(sentence.text, start, end, company=company, names=spans))
                 for mention, (start, end) in zip(found, spans)]
    return read


@dataclass(frozen=True)
class Decision:
    status: ClaimStatus | None  # None: no claim
    reason: str = ""


def decide(answer: CandidateAnswer, readings: list[Reading], company: str) -> Decision:
    """What a candidate's answer and the wording of its mentions support (vetoed mentions never reach the
    model). Former needs wording on every mention: small models answer "used" for any past tense."""
    if answer.answer == "not":
        return Decision(None, "model: not a technology")
    if answer.answer == "no":
        return Decision(None, f"model: only mentioned, not used by {company}")
    if all(reading.use == "former" for reading in readings):
        return Decision(ClaimStatus.former)
    return Decision(ClaimStatus.current)


# ------------------------------------------------------------------ the pass and its gate


@dataclass
class Extractor:
    client: LLMClient
    lexicon: Lexicon
    company: str

    @property
    def compact(self) -> bool:
        return getattr(self.client.backend, "uses_compact", False)

    def screen(self, document: Document, outcome: ExtractionOutcome) -> list[Read]:
        """Drop, saying why, mentions no answer could turn into a claim: in sentences that read as
        instructions to an AI, or worded as a plan, comparison, support, another owner or rejection."""
        kept = []
        for mention, reading in read_mentions(document, find_candidates(document, self.lexicon, self.company),
                                              self.company):
            sentence = document.sentences[mention.sentence_id]
            if looks_like_instructions(sentence.text):
                reason = "sentence reads as instructions to an AI; treated as data and not used"
            elif reading.use in VETOING_READINGS:
                reason = reading.reason
            else:
                kept.append((mention, reading))
                continue
            outcome.rejected.append(RejectedClaim(technology=mention.technology.name, source=document.source_id,
                                                  quote=sentence.text, reason=reason))
        return select_mentions(kept)

    def run(self, documents: list[Document], progress: Callable[[int, int], None] | None = None) -> ExtractionOutcome:
        outcome = ExtractionOutcome()
        work = [(document, chunk) for document in documents
                for chunk in build_chunks(document, self.screen(document, outcome))]
        outcome.chunks = len(work)
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
        request = answer_request(chunk, self.company, compact=self.compact)
        result = self.client.ask(request)
        problem = answer_problem(chunk, result)
        if problem:
            result = self.client.ask(with_reask(request, result, problem))
            problem = answer_problem(chunk, result)
        if problem:
            return [], [RejectedClaim(technology=candidate.name, source=document.source_id,
                                      reason=f"model answer unusable after one re-ask: {problem}")
                        for candidate in chunk.candidates]
        return self.gate(document, chunk, result.parsed)

    def gate(self, document: Document, chunk: Chunk, parsed: ChunkAnswers) -> tuple[list[SourceClaim], list[RejectedClaim]]:
        claims: list[SourceClaim] = []
        rejected: list[RejectedClaim] = []
        by_letter = {candidate.letter: candidate for candidate in chunk.candidates}
        for answer in parsed.answers:
            candidate = by_letter[answer.candidate]
            decision = decide(answer, candidate.readings, self.company)
            citation = cite_sentences(document, sorted({m.sentence_id for m in candidate.mentions},
                                                       key=lambda sid: document.sentences[sid].start))
            if decision.status is None:
                rejected.append(RejectedClaim(technology=candidate.name, source=document.source_id,
                                              quote=citation.quote or None, reason=decision.reason))
                continue
            technology = candidate.technology
            if candidate.new:
                technology = Technology(technology.name, technology.aliases, answer.tag or "Internal Tooling",
                                        technology.logo, from_lexicon=False)
            citation.says = decision.status
            if reason := grounding_failure(document, citation, technology.names):
                rejected.append(RejectedClaim(technology=technology.name, source=document.source_id,
                                              quote=citation.quote or None, reason=reason))
                continue
            evidence = frozenset().union(*(mention.evidence for mention in candidate.mentions))
            version = next((mention.version for mention in candidate.mentions if mention.version), None)
            claims.append(SourceClaim(technology, decision.status, citation, evidence, version))
        return claims, rejected
