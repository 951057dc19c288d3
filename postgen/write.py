"""Stage 6: the writer pass and copy grounding.

The model writes the brief (intro) in the shape of the target post: a hook made of the figures
the quotes state (figures.py), a sentence on what the post covers and who published the
sources, and a closing sentence. It is given only verified claims, the figures word for word
and the publishers. Then every sentence is checked (check_copy): every technology it names is a
verified claim (a former one only as "from X to Y"), every number and every word of quality or
scale appears in a cited quote. A failing brief is regenerated once with the problems stated;
sentences that still fail are dropped and reported, and a missing hook or coverage sentence is
filled from a template that adds no claim of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .figures import choose_figures
from .lexicon import Lexicon, names_in_text
from .llm import CompactFormat, LLMClient, LLMRequest
from .models import Brief, Claim, ClaimStatus, Company, Figure, Post, TableRow
from .prompts import render
from .text import Document

BRIEF_AREAS = 4
BRIEF_PER_AREA = 2
MAX_SENTENCE_WORDS = 40
NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")
# Words that claim quality or scale: a sentence may use one only when a cited quote does.
EVALUATIVE = re.compile(
    r"\b(?:seamless(?:ly)?|robust|reliab(?:le|ly|ility)|scalab(?:le|ility)|high[- ]availability|available|"
    r"efficien(?:t|tly|cy)|fast(?:er|est)?|quick(?:ly)?|massive(?:ly)?|huge|enormous|vast|world-?class|"
    r"cutting[- ]edge|state[- ]of[- ]the[- ]art|innovative|sophisticated|powerful|best|leading|optimal|flawless(?:ly)?|"
    r"smooth(?:ly)?|instant(?:ly)?|real[- ]time|millions|billions|trillions|thousands|global(?:ly)?|worldwide|secure(?:ly)?|"
    r"performant|high[- ]performance|lightning|blazing|unparalleled|resilient|resilience|effortless(?:ly)?|"
    r"modern|advanced|rapid(?:ly)?|industry[- ]leading|battle[- ]tested|mature|proven)\b",
    re.IGNORECASE,
)


@dataclass
class CopyCheck:
    sentence: str
    problems: list[str]


@dataclass
class CopyFacts:
    """What copy may say: technologies by key and status, numbers and words of the cited quotes."""

    statuses: dict[str, ClaimStatus]
    quoted_numbers: set[str]
    quoted_text: str


# Three sentences of plain words; numbers may carry separators, "+" or "%". No cap on sentence length here:
# near a cap the small model glued words together; overlong sentences are dropped by the copy check.
BRIEF_GRAMMAR = """root ::= sentence " " sentence " " sentence
sentence ::= word ((","|":"|" -")? " " word){5,60} "."
word ::= [A-Za-z'/+#&-]{1,24} | [0-9]{1,4} ([.,] [0-9]{1,4})* ("+"|"%")? | [A-Za-z][A-Za-z0-9.'/+#&-]{0,24}[A-Za-z0-9]
"""


def brief_areas(claims: list[Claim]) -> dict[str, list[str]]:
    """The post's current technologies by tag, a few per tag: given the whole list, the small model only
    enumerates it in one endless sentence."""
    areas: dict[str, list[str]] = {}
    for claim in claims:
        if claim.status is ClaimStatus.current:
            names = areas.setdefault(claim.tag, [])
            if len(names) < BRIEF_PER_AREA:
                names.append(claim.technology)
    return dict(list(areas.items())[:BRIEF_AREAS])


def publishers_of(sources: dict[str, dict]) -> list[str]:
    """Who published the sources, as the registry or the page says; titles are no publishers."""
    names = [source.get("publisher") or source.get("sitename") for source in sources.values()]
    return list(dict.fromkeys(name for name in names if name))


def brief_request(company: Company, claims: list[Claim], figures: list[Figure], publishers: list[str],
                  feedback: str | None = None) -> LLMRequest:
    messages = [
        {"role": "system", "content": render("write_system.j2")},
        {"role": "user", "content": render("write_user.j2", company=company.name, areas=brief_areas(claims),
                                           figures=[figure.text for figure in figures], publishers=publishers,
                                           feedback=feedback)},
    ]
    return LLMRequest(
        purpose="write",
        messages=messages,
        schema=Brief,
        max_tokens=160,
        compact=CompactFormat(grammar=BRIEF_GRAMMAR, parse=lambda text: Brief(brief=" ".join(text.split()))),
    )


def numbers_in(quotes: list[str]) -> set[str]:
    return {number.replace(",", "") for quote in quotes for number in NUMBER_RE.findall(quote)}


def check_copy(text: str, lexicon: Lexicon, facts: CopyFacts) -> list[CopyCheck]:
    """Per sentence: technologies that are not verified claims (or former ones outside "from X to Y"),
    numbers and words of quality or scale that no cited quote has, and overlong sentences."""
    checks = []
    for sentence in SENTENCE_BREAK.split(text.strip()):
        if not sentence:
            continue
        problems = []
        for technology, start, end in names_in_text(sentence, lexicon):
            status = facts.statuses.get(technology.key)
            if status is None:
                problems.append(f"names {technology.name}, which is not a verified claim")
            elif status is ClaimStatus.former and not re.search(r"\bfrom\s+(?:the\s+)?$", sentence[:start], re.I):
                problems.append(f"names {technology.name}, a former technology, other than as \"from {technology.name} to …\"")
        if len(sentence.split()) > MAX_SENTENCE_WORDS:
            problems.append(f"longer than {MAX_SENTENCE_WORDS} words")
        for number in NUMBER_RE.findall(sentence):
            if number.replace(",", "") not in facts.quoted_numbers:
                problems.append(f"the number {number} appears in no cited quote")
        for match in EVALUATIVE.finditer(sentence):
            if not re.search(rf"\b{re.escape(match.group())}\b", facts.quoted_text, re.IGNORECASE):
                problems.append(f"says \"{match.group()}\", which no cited quote says")
        checks.append(CopyCheck(sentence, sorted(set(problems))))
    return checks


def copy_facts(company: Company, claims: list[Claim], lexicon: Lexicon) -> CopyFacts:
    """What copy may name and state: the verified technologies (and the company, the post's subject), the
    numbers and words of their cited quotes."""
    statuses = {lexicon.key_of(company.name): ClaimStatus.current}
    for claim in claims:
        for name in [claim.technology, *claim.aliases]:
            statuses[lexicon.key_of(name)] = claim.status
    quotes = [citation.quote for claim in claims for citation in claim.citations]
    return CopyFacts(statuses, numbers_in(quotes), "\n".join(quotes))


def kept_sentences(brief: str, lexicon: Lexicon, facts: CopyFacts, dropped: list[str]) -> list[str]:
    kept = []
    for check in check_copy(brief, lexicon, facts):
        if check.problems:
            dropped.append(f"{check.sentence} [{'; '.join(check.problems)}]")
        else:
            kept.append(check.sentence)
    return kept


def completed(sentences: list[str], company: Company, figures: list[Figure], publishers: list[str],
              claims: list[Claim], source_count: int, dropped: list[str]) -> str:
    """Three sentences in the target shape: the hook (a checked model sentence carrying a figure, else a
    template made of the figures), what the post covers and who published it (a model sentence naming the
    publishers, else a template), and a closing (the next checked model sentence, else a template).
    Templates state nothing of their own."""
    hook = next((s for s in sentences if any(figure.text in s for figure in figures)), None)
    coverage = next((s for s in sentences if s != hook and publishers and any(p in s for p in publishers)), None)
    closing = next((s for s in sentences if s not in (hook, coverage)), None)
    if hook is None and figures:
        hook = render("brief_hook.j2", company=company.name, figures=[f.text for f in figures[:2]]).strip()
        dropped.append("brief: no model sentence carried the figures; the template hook was used")
    if coverage is None:
        coverage = render("brief_coverage.j2", company=company.name, areas=list(brief_areas(claims)),
                          publishers=publishers, sources=source_count, count=len(claims)).strip()
        dropped.append("brief: no model sentence said who published the sources; the template sentence was used")
    closing = closing or render("brief_closing.j2", company=company.name).strip()
    return " ".join(part for part in (hook, coverage, closing) if part)


def write_post(client: LLMClient, company: Company, claims: list[Claim], lexicon: Lexicon,
               table: list[TableRow], hashtags: list[str], *, post_claims: list[Claim] | None = None,
               documents: dict[str, Document] | None = None, sources: dict[str, dict] | None = None) -> Post:
    """The brief about the post's claims, checked against `claims` (every verified claim); the table and
    hashtags are given."""
    post_claims = claims if post_claims is None else post_claims
    facts = copy_facts(company, claims, lexicon)
    figures = choose_figures(claims, documents or {}) if documents else []
    publishers = publishers_of(sources or {})
    dropped: list[str] = []
    brief = ""
    if post_claims:
        result = client.ask(brief_request(company, post_claims, figures, publishers))
        brief = result.parsed.brief if result.parsed else ""
        failing = [check for check in check_copy(brief, lexicon, facts) if check.problems]
        if failing:
            feedback = "; ".join(f"\"{c.sentence}\": {', '.join(c.problems)}" for c in failing)
            retry = client.ask(brief_request(company, post_claims, figures, publishers, feedback=feedback))
            if retry.parsed:
                brief = retry.parsed.brief
        brief = completed(kept_sentences(brief, lexicon, facts, dropped), company, figures, publishers, post_claims,
                          len(sources or {}), dropped)
    return Post(brief=brief, hashtags=hashtags, table=table, figures=figures, dropped_copy=dropped)
