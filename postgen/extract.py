"""Stage 3: the extraction pass.

Candidates (candidates.py) come with what the wording around each mention says (cues.py):
a mention worded as a plan, comparison, support, another owner or rejection is set aside
with that reason before any model call, and former use is read from the wording too.

Names the lexicon knows are technologies. Every other name goes to the model, grouped with
the sentences that name it into small chunks: per name it answers what the name refers to
(software, hardware, person, company, website, place, the company's product, a feature, a
general term) and, for software and hardware, a tag from the closed list. It answers twice, with
the kinds listed in opposite orders, and only a name both readings call software or hardware
becomes a claim, but for one written as a product (a version, a model number, a technology noun
after it) that one reading calls a company: a company has no version. (Asked whether the company
uses a technology, the embedded model answered yes to every technology it was shown, so use and
status are read from the wording.)
Every claim passes the grounding gate: its cited sentences exist and name the technology.
"""

from __future__ import annotations

import re
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Callable

from .candidates import Mention, find_candidates
from .cues import (
    Reading, introduces_own_tools, introduces_rejected_options, looks_like_instructions, own_tool, read_mention,
)
from .grammar import FUNCTION_WORDS
from .grounding import cite_sentences, grounding_failure
from .lexicon import Lexicon, Technology
from .llm import CompactFormat, LLMClient, LLMRequest, LLMResult
from .models import KINDS, TAGS, TECHNOLOGY_KINDS, CandidateAnswer, ChunkAnswers, Citation, ClaimStatus, RejectedClaim
from .prompts import render
from .tags import tag_from_name
from .text import Document, Sentence

MENTIONS_PER_NAME = 2  # shown to the model per unknown name and source: two guard against a misleading one
CITATIONS_PER_SOURCE = 6  # quotes kept per claim and source: the describer picks the best of them
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
    citations: list[Citation]  # one per sentence that names it
    evidence: frozenset[str] = frozenset()
    version: str | None = None
    own: bool = False  # worded as the company's own tool


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
OTHER_KINDS = " | ".join(f'"{kind}"' for kind in KINDS if kind not in TECHNOLOGY_KINDS)
TECHNOLOGY = " | ".join(f'"{kind}"' for kind in TECHNOLOGY_KINDS)


def answer_grammar(chunk: Chunk) -> str:
    """One line per candidate, in order: its letter and what it is; software and hardware also get a tag
    from the closed list."""
    rules = ["root ::= " + " ".join(f"line{i}" for i in range(len(chunk.candidates))),
             f"tag ::= {TAG_ALTERNATIVES}", f"answer ::= ({TECHNOLOGY}) \" \" tag | {OTHER_KINDS}"]
    rules += [f'line{i} ::= "{candidate.letter} " answer "\\n"' for i, candidate in enumerate(chunk.candidates)]
    return "\n".join(rules) + "\n"


ANSWER_LINE = re.compile(rf"^([A-Z]) ({'|'.join(KINDS)})(?: ({'|'.join(re.escape(tag) for tag in TAGS)}))?$")


def parse_answers(text: str) -> ChunkAnswers:
    answers = []
    for line in text.strip().splitlines():
        match = ANSWER_LINE.match(line.strip())
        if not match:
            raise ValueError(f"unexpected line {line!r}")
        letter, kind, tag = match.groups()
        answers.append(CandidateAnswer(candidate=letter, kind=kind, tag=tag))
    return ChunkAnswers(answers=answers)


# ------------------------------------------------------------------ requests


def example_messages(prefix: str, **values) -> list[dict]:
    return [
        {"role": "system", "content": render(f"{prefix}_system.j2", **values)},
        {"role": "user", "content": render(f"{prefix}_example_user.j2", **values)},
        {"role": "assistant", "content": render(f"{prefix}_example_assistant.j2", **values)},
    ]


KIND_DEFINITIONS = {
    "software": "a software product, programming language, library, framework, database, cloud service, operating "
                "system, or one of the company's own internal tools;",
    "hardware": "a hardware product, server model or chip;",
    "person": "a person;",
    "company": "a company or organisation as a business;",
    "website": "a website or online community;",
    "place": "a city, country or region;",
    "product": "what the company offers its own users (its app, game, site or service);",
    "feature": "a feature, playlist, dataset or piece of content of a product;",
    "term": "a general concept, method, architecture style, team, role or process, even when written in capitals or "
            "as an abbreviation.",
}
# Two readings of each chunk, the kinds listed in opposite orders: a small model leans towards the options it
# read first, and a name counts as a technology only when both readings say so.
READINGS = (KINDS, tuple(reversed(KINDS)))


def answer_request(chunk: Chunk, company: str, *, compact: bool, reading: int = 0) -> LLMRequest:
    messages = example_messages("extract", compact=compact, tags=TAGS, kind_order=READINGS[reading],
                                kind_definitions=KIND_DEFINITIONS) + [
        {"role": "user", "content": render("extract_user.j2", company=company, sentences=chunk.windows,
                                           candidates=chunk.candidates)},
    ]
    return LLMRequest(
        purpose="extract" if reading == 0 else "extract-check",
        messages=messages,
        schema=ChunkAnswers,
        max_tokens=8 * len(chunk.candidates) + 8,
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


LISTED_REJECTED = Reading("rejected", "listed among options the company rejected")


def read_mentions(document: Document, mentions: list[Mention], company: str) -> list[Read]:
    """What the wording around each mention says, with every other name of its sentence in view."""
    by_sentence: dict[str, list[Mention]] = {}
    for mention in mentions:
        by_sentence.setdefault(mention.sentence_id, []).append(mention)
    read = []
    for sentence_id, found in by_sentence.items():
        sentence = document.sentences[sentence_id]
        spans = [(m.start - sentence.start, m.end - sentence.start) for m in found]
        read += [(mention, LISTED_REJECTED if listed_as_rejected(document, mention) else
                  read_mention(sentence.text, start, end, company=company, names=spans,
                               technology=mention.technology.name))
                 for mention, (start, end) in zip(found, spans)]
    return read


def status_of(readings: list[Reading]) -> ClaimStatus:
    """Former only when every mention is worded as a past use."""
    return ClaimStatus.former if all(reading.use == "former" for reading in readings) else ClaimStatus.current


# ------------------------------------------------------------------ the pass and its gate


@dataclass
class Extractor:
    client: LLMClient
    lexicon: Lexicon
    company: str
    mentions_of: dict[str, dict[str, Candidate]] = field(default_factory=dict)  # every mention, per source and name
    readings: int = len(READINGS)

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
        return kept

    def run(self, documents: list[Document], progress: Callable[[int, int], None] | None = None) -> ExtractionOutcome:
        outcome = ExtractionOutcome()
        work = []
        for document in documents:
            screened = self.screen(document, outcome)
            known = [item for item in screened if item[0].technology.from_lexicon]
            for candidate in group_by_name(known):
                self.admit(document, candidate, candidate.technology, outcome.claims, outcome.rejected)
            unknown = [item for item in screened if not item[0].technology.from_lexicon]
            work += [(document, chunk) for chunk in build_chunks(document, select_mentions(unknown))]
            self.mentions_of[document.source_id] = {c.technology.key: c for c in group_by_name(unknown)}
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
        answers = []
        for reading in range(self.readings):
            request = answer_request(chunk, self.company, compact=self.compact, reading=reading)
            result = self.client.ask(request)
            problem = answer_problem(chunk, result)
            if problem:
                result = self.client.ask(with_reask(request, result, problem))
                problem = answer_problem(chunk, result)
            if problem:
                return [], [RejectedClaim(technology=candidate.name, source=document.source_id,
                                          reason=f"model answer unusable after one re-ask: {problem}")
                            for candidate in chunk.candidates]
            answers.append(result.parsed)
        return self.gate(document, chunk, agreed(answers, {c.letter for c in chunk.candidates if product_shaped(c)}))

    def gate(self, document: Document, chunk: Chunk, parsed: ChunkAnswers) -> tuple[list[SourceClaim], list[RejectedClaim]]:
        claims: list[SourceClaim] = []
        rejected: list[RejectedClaim] = []
        by_letter = {candidate.letter: candidate for candidate in chunk.candidates}
        for answer in parsed.answers:
            candidate = by_letter[answer.candidate]
            vendors_tag = self.lexicon.vendor_tag(candidate.name)  # a reading may call a vendor's product a company
            if answer.kind not in TECHNOLOGY_KINDS and not (answer.kind == "company" and vendors_tag):
                quote = document.sentences[candidate.mentions[0].sentence_id].text
                rejected.append(RejectedClaim(technology=candidate.name, source=document.source_id, quote=quote,
                                              reason=f"model: {KIND_WORDS[answer.kind]}, not a technology"))
                continue
            named = candidate.technology
            tag = answer.tag or tag_from_name(named.name, self.lexicon) or vendors_tag or DEFAULT_TAG
            technology = Technology(named.name, named.aliases, tag, named.logo, from_lexicon=False)
            every_mention = self.mentions_of.get(document.source_id, {}).get(named.key, candidate)
            self.admit(document, every_mention, technology, claims, rejected)
        return claims, rejected

    def not_a_technology(self, technology: Technology) -> str | None:
        """Why a name the model called a technology is none (a general term, an identifier, a document), or None."""
        if any(map(self.lexicon.is_general_term, technology.names)):
            return GENERAL_TERM
        if CUT_SHORT.search(technology.name):
            return CUT
        if IDENTIFIER_NAME.match(technology.name):
            return IDENTIFIER
        if any(map(generated_id, NAME_PARTS.split(technology.name))):
            return GENERATED
        if TITLE_NAME.match(technology.name):
            return TITLE
        if CODE_REFERENCE.fullmatch(technology.name) or NUMBERED_ITEM.fullmatch(technology.name):
            return CODE
        return DOCUMENT if DOCUMENT_NAME.search(technology.name) else None

    def admit(self, document: Document, candidate: Candidate, technology: Technology, claims: list[SourceClaim],
              rejected: list[RejectedClaim]) -> None:
        company = self.company
        # decided after the answers, so chunks (and their cached answers) stay those of the other candidates
        if reason := self.not_a_technology(technology) or named_as_identifier(document, candidate) or \
                counted_as_unit(document, candidate) or cut_from_longer_name(document, candidate):
            rejected.append(RejectedClaim(technology=technology.name, source=document.source_id,
                                          quote=document.sentences[candidate.mentions[0].sentence_id].text,
                                          reason=reason))
            return
        citations = []
        for sentence_id, readings in quotable(document, readings_by_sentence(document, candidate))[:CITATIONS_PER_SOURCE]:
            citation = cite_sentences(document, [sentence_id])
            citation.says = status_of(readings)
            if reason := grounding_failure(document, citation, technology.names):
                rejected.append(RejectedClaim(technology=technology.name, source=document.source_id,
                                              quote=citation.quote or None, reason=reason))
                continue
            citations.append(citation)
        if not citations:
            return
        evidence = frozenset().union(*(mention.evidence for mention in candidate.mentions))
        version = next((mention.version for mention in candidate.mentions if mention.version), None)
        own = any(worded_as_own(document, mention, company) for mention in candidate.mentions)
        claims.append(SourceClaim(technology, status_of(candidate.readings), citations, evidence, version, own))


def agreed(answers: list[ChunkAnswers], products: set[str] = frozenset()) -> ChunkAnswers:
    """Per candidate, the first reading's answer, unless a later reading says it is no technology. Where the
    readings split between a company and a technology, a name written as a product (`products`: with a version
    or a model number, or before a technology noun) is the technology: a company has no version."""
    final = {answer.candidate: answer for answer in answers[0].answers}
    for other in answers[1:]:
        for answer in other.answers:
            current = final[answer.candidate]
            if answer.candidate in products and "company" in (answer.kind, current.kind):
                final[answer.candidate] = answer if answer.kind in TECHNOLOGY_KINDS else current
            elif answer.kind not in TECHNOLOGY_KINDS and current.kind in TECHNOLOGY_KINDS:
                final[answer.candidate] = answer
    return ChunkAnswers(answers=list(final.values()))


MODEL_NUMBER = re.compile(r"^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9-]+$|^\d{3,}(?:-\w+)?$")  # R720xd, ASR-1001, 3945


def product_shaped(candidate: Candidate) -> bool:
    """A name written as a product: with a version ("CentOS 7"), a model number ("Dell R720xd") or a technology
    noun after it ("Dell R720xd servers")."""
    return any(mention.version or "tech-noun" in mention.evidence for mention in candidate.mentions) or any(
        MODEL_NUMBER.match(word) for word in candidate.name.split()[1:])


KIND_WORDS = {"person": "a person", "company": "a company", "website": "a website", "place": "a place",
              "product": "the company's own product", "feature": "a product feature or content",
              "term": "a general term"}
DEFAULT_TAG = "Internal Tooling"
GENERAL_TERM = "a general term (a format, protocol, kind of interface or style), not a named technology"
# "RAW_PRD", "LOCAL_UPLOADS_DIR": words in capitals joined by underscores name a setting, variable, database or role
IDENTIFIER_NAME = re.compile(r"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$")
IDENTIFIER = "an identifier (a setting, variable, database or role name), not a technology"
CHARACTER_RUNS = re.compile(r"[A-Z]+|[a-z]+|[0-9]+|_+")
NAME_PARTS = re.compile(r"[\s./-]+")
GENERATED = "a generated id (of a node, host, build or commit), not a technology's name"


def generated_id(word: str) -> bool:
    """"xWtfBlWnQiG3kYR1b5qYUw", "a3f9c2d1e8b7": a long word whose case and digits change every character or two, or
    that mixes cases with digits in several places, was made by a machine; a name's capitals mark its words
    ("DiscoveryApiErrorAlarm") and its digits a version or two ("Linq2Sql")."""
    if len(word) < 12 or not word.isascii() or not word.replace("_", "").isalnum():
        return False
    runs = CHARACTER_RUNS.findall(word)
    digit_runs = sum(run[0].isdigit() for run in runs)
    mixed_case = word.lower() != word != word.upper()
    return (len(runs) - 1) / len(word) >= 0.5 or digit_runs >= 2 and mixed_case


# "the kube-system namespace", "the USR1 signal", "Terraform init, plan and apply stages": a noun after the name (or
# after the short list it ends) says the name is one of a tool's own settings, places or steps
IDENTIFIER_NOUN_AFTER = re.compile(
    r"(?:\s*(?:,|,?\s+and|,?\s+or)\s+[\w.-]+){0,3}\s+(?:namespaces?|director(?:y|ies)|folders?|signals?|flags?|"
    r"variables?|parameters?|arguments?|fields?|columns?|headers?|labels?|attributes?|propert(?:y|ies)|settings?|"
    r"stages?|subcommands?)(?=\s*(?:[^\w\s]|$)|\s+(?:to|on|in|for|of|with|and|or|is|are|was|were|that|which|at|from|"
    r"by|as)\b)", re.IGNORECASE)  # the noun ends the phrase: "the Plovik flag service" is a service
CUT_SHORT = re.compile(r"\.\.\.|…")  # "MS...Pod PEP": the writer's abbreviation of several names, no one name
CUT = "words cut short with an ellipsis, not a technology's name"
# "IET RFC 002", "ADR 0013", "Architecture Decision Records", "Original RFC Pull Request", "MIT License": a document
# about the stack or the terms it comes under
DOCUMENT_NAME = re.compile(r"\b(?:RFCs?|ADRs?)\b|\bDecision\s+Records?\b|\bPull\s+Requests?\b|\bLicen[cs]es?\b",
                           re.IGNORECASE)
DOCUMENT = "a document (a request for comments, a decision record, a pull request or a licence), not a technology"
# "snowflake_role.loader", "ieee.std_logic_arith.all": a dotted path with a snake_case part names a module, member or
# resource in code; "RAW_{env}" is a template and "setup:docker:local" a task; "H1.2" numbers an item of the text
CODE_REFERENCE = re.compile(r"(?=[^\s]*_)[\w-]+(?:\.[\w-]+)+|[^\s{}]*\{\w+\}[^\s{}]*|[\w-]+(?::[\w-]+){2,}")
NUMBERED_ITEM = re.compile(r"[A-Z]\d{1,2}(?:\.\d+)+")
CODE = "a name in code (a module, a member, a template or a task) or an item's number, not a technology's name"
# "The Pragmatic Programmer", "The Twelve-Factor App", "The Makefile": a product's name does not open with an article;
# a work's title or one thing of the text's ("the Makefile") does
TITLE_NAME = re.compile(r"^The\s+\S")
TITLE = "a title or a thing named with its article (a book, a method, a file), not a technology's name"


def at_every_mention(candidate: Candidate, holds: Callable[[Mention], object]) -> bool:
    """Whether something holds at every mention of a name no list knows; one mention where it does not ("tini runs
    as PID 1") keeps the name a candidate."""
    return not candidate.technology.from_lexicon and bool(candidate.mentions) and all(map(holds, candidate.mentions))


def named_as_identifier(document: Document, candidate: Candidate) -> str | None:
    """A name no list knows whose every mention is followed by a noun for a piece of configuration or code."""
    followed = at_every_mention(candidate, lambda mention: IDENTIFIER_NOUN_AFTER.match(document.text, mention.end))
    return IDENTIFIER if followed else None


# "16 vCPUs and 64 GiB of memory": a word right after a number counts what the number measures
AFTER_NUMBER = re.compile(r"(?<![\w.])\d[\d.,]*\s*(?:[KMGTP]i?B\s+of\s+)?$")
UNIT = "a unit after a number, or what a size measures, not a technology"


def counted_as_unit(document: Document, candidate: Candidate) -> str | None:
    """A name no list knows that follows a number at every mention ("16 vCPUs", "64 GiB"), or a size of it ("4TB of
    PCIe SSD space"); a name also written on its own ("Tidewell runs on 4 nodes"), a known name ("3 Redis nodes")
    or a name of several words after a bare number ("2 Kestrel Routers") is not counted that way."""
    several_words = " " in candidate.name
    return UNIT if at_every_mention(candidate, lambda mention: counted_at(document, mention, several_words)) else None


def counted_at(document: Document, mention: Mention, several_words: bool) -> bool:
    found = AFTER_NUMBER.search(document.text, max(0, mention.start - 24), mention.start)
    return bool(found) and (not several_words or found.group().rstrip().endswith("of"))


# a capitalised word right before or after a mention, on the same line: the name the text gives goes on
CAPITAL_BEFORE = re.compile(r"(?<![\w.])(?P<word>[A-Z][\w-]*) $")
CAPITAL_AFTER = re.compile(r" (?![A-Z]{2,7}s?\b)[A-Z][\w-]*(?!\w|\.\w)")  # "SOAP API": an acronym after is a kind
FRAGMENT = "part of a longer name the text gives, not a name of its own"


def cut_from_longer_name(document: Document, candidate: Candidate) -> str | None:
    """A name no list knows whose every mention runs on into capitalised words it was cut from: "Directed Acyclic"
    of "Directed Acyclic Graphs", "Chrome Dev" of "Chrome Dev Tools", "Balancer" of "The Elastic Load Balancer".
    An article or a sentence's first word before it ("The Corvane agent", "Using Corvane") and one mention standing
    alone keep it a name."""
    return FRAGMENT if at_every_mention(candidate, lambda mention: runs_on_into_capitals(document, mention)) else None


def runs_on_into_capitals(document: Document, mention: Mention) -> bool:
    opening = document.sentences[mention.sentence_id].start
    # "Cisco 3945 Routers": a model number ends a name, and a generic plural after it is what the model is
    if CAPITAL_AFTER.match(document.text, mention.end) and not re.search(r"\d", mention.surface):
        return True
    before = CAPITAL_BEFORE.search(document.text, max(opening, mention.start - 40), mention.start)
    # "Using Corvane, …": the first word of a sentence is capitalised whatever it is; "UI-driven Bamboo": an adjective
    return bool(before) and before.start() != opening and before.group("word").lower() not in FUNCTION_WORDS and \
        not re.search(r"-[a-z]+$", before.group("word"))


def worded_as_own(document: Document, mention: Mention, company: str) -> bool:
    sentence = document.sentences[mention.sentence_id]
    return own_tool(sentence.text, mention.start - sentence.start, mention.end - sentence.start,
                    company=company) or listed_as_own(document, mention)


def listed_as_own(document: Document, mention: Mention) -> bool:
    """A list item that opens with the name, in a list whose introduction says the company built or maintains
    what it lists ("open-source libraries we maintain:")."""
    intro = introduction(document, mention, ("list_item",))
    return intro is not None and introduces_own_tools(intro)


def listed_as_rejected(document: Document, mention: Mention) -> bool:
    """A list item or table cell that opens with the name, under an introduction that says its items were options
    the company turned down ("But first, what are the options we rejected?")."""
    intro = introduction(document, mention, ("list_item", "table_cell"))
    return intro is not None and introduces_rejected_options(intro)


def introduction(document: Document, mention: Mention, kinds: tuple[str, ...]) -> str | None:
    """The paragraph before the list or table whose item (of `kinds`) opens with the mention; None otherwise."""
    item = document.paragraph_of(document.sentences[mention.sentence_id])
    if item.kind not in kinds or document.text[item.start:mention.start].strip(" -*•[(`"):
        return None
    at = item.index - 2  # the paragraph before the item (indexes count from 1)
    while at >= 0 and document.paragraphs[at].kind in kinds:
        at -= 1
    intro = document.paragraphs[at] if at >= 0 else None
    return document.text[intro.start:intro.end] if intro else None


def readings_by_sentence(document: Document, candidate: Candidate) -> dict[str, list[Reading]]:
    """The readings of a candidate's mentions, per sentence, in document order."""
    grouped: dict[str, list[Reading]] = {}
    for mention, reading in sorted(zip(candidate.mentions, candidate.readings), key=lambda pair: pair[0].start):
        grouped.setdefault(mention.sentence_id, []).append(reading)
    return grouped


def quotable(document: Document, by_sentence: dict[str, list[Reading]]) -> list[tuple[str, list[Reading]]]:
    """Sentences in document order, those that say something first: a table cell or heading holding nothing
    but a name ("Azure") is quoted only when no sentence says more."""
    def bare(sentence_id: str) -> bool:
        return len(re.findall(r"\w+", document.sentences[sentence_id].text)) <= 2
    return sorted(by_sentence.items(), key=lambda item: bare(item[0]))


def group_by_name(items: list[Read]) -> list[Candidate]:
    """The mentions of each name in one source, as one candidate."""
    grouped: dict[str, Candidate] = {}
    for mention, reading in items:
        candidate = grouped.setdefault(mention.technology.key, Candidate("", mention.technology, [], []))
        candidate.mentions.append(mention)
        candidate.readings.append(reading)
    return list(grouped.values())
