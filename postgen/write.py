"""Stage 6: the writer pass and copy grounding.

The model writes only the intro (brief); the table and hashtags come from table.py. The brief
is checked: every technology it names is a verified claim, every number appears in
a cited quote. A failing sentence is regenerated once, then dropped and reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import Lexicon, names_in_text
from .llm import CompactFormat, LLMClient, LLMRequest
from .models import Brief, Claim, Company, Post, TableRow
from .prompts import render

BRIEF_THEMES = 4
BRIEF_PER_THEME = 2
FALLBACK_NAMES = 5  # the most corroborated claims; the table carries the rest
MAX_SENTENCE_WORDS = 40
NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")


@dataclass
class CopyCheck:
    sentence: str
    problems: list[str]


# Three sentences of plain words. No cap on sentence length here: near a cap the small model
# glued words together ("anddockerfor…"); overlong sentences are dropped by the copy check.
BRIEF_GRAMMAR = """root ::= sentence " " sentence " " sentence
sentence ::= word (","? " " word){5,60} "."
word ::= [A-Za-z0-9'/+#&-]{1,24}
"""


def brief_themes(claims: list[Claim]) -> dict[str, list[str]]:
    """The few most corroborated current technologies, grouped by tag: given the whole list,
    the small model only enumerates it in one endless sentence."""
    themes: dict[str, list[str]] = {}
    for claim in claims:
        if claim.status.value != "current":
            continue
        names = themes.setdefault(claim.tag, [])
        if len(names) < BRIEF_PER_THEME:
            names.append(claim.technology)
    return dict(list(themes.items())[:BRIEF_THEMES])


def brief_request(company: Company, claims: list[Claim], feedback: str | None = None) -> LLMRequest:
    messages = [
        {"role": "system", "content": render("write_system.j2")},
        {"role": "user", "content": render("write_user.j2", company=company.name, themes=brief_themes(claims),
                                           feedback=feedback)},
    ]
    return LLMRequest(
        purpose="write",
        messages=messages,
        schema=Brief,
        max_tokens=140,
        compact=CompactFormat(grammar=BRIEF_GRAMMAR, parse=lambda text: Brief(brief=" ".join(text.split()))),
    )


def numbers_in(quotes: list[str]) -> set[str]:
    return {number.replace(",", "") for quote in quotes for number in NUMBER_RE.findall(quote)}


def check_copy(text: str, lexicon: Lexicon, verified: set[str], quoted_numbers: set[str]) -> list[CopyCheck]:
    """Per sentence: technologies that are not verified claims and numbers absent from every quote."""
    checks = []
    for sentence in SENTENCE_BREAK.split(text.strip()):
        if not sentence:
            continue
        problems = []
        for technology, _, _ in names_in_text(sentence, lexicon):
            if technology.key not in verified:
                problems.append(f"names {technology.name}, which is not a verified claim")
        if len(sentence.split()) > MAX_SENTENCE_WORDS:
            problems.append(f"longer than {MAX_SENTENCE_WORDS} words")
        for number in NUMBER_RE.findall(sentence):
            if number.replace(",", "") not in quoted_numbers:
                problems.append(f"the number {number} appears in no cited quote")
        checks.append(CopyCheck(sentence, sorted(set(problems))))
    return checks


def copy_facts(company: Company, claims: list[Claim], lexicon: Lexicon) -> tuple[set[str], set[str]]:
    """What copy may name and quote: keys of the verified technologies, numbers in cited quotes."""
    verified = {lexicon.key_of(company.name)}  # the subject of the post, not a claim about its stack
    verified |= {lexicon.key_of(name) for claim in claims for name in [claim.technology, *claim.aliases]}
    return verified, numbers_in([citation.quote for claim in claims for citation in claim.citations])


def write_post(client: LLMClient, company: Company, claims: list[Claim], lexicon: Lexicon,
               table: list[TableRow], hashtags: list[str]) -> Post:
    """The brief, checked against `claims` (every verified claim); the table and hashtags are given."""
    verified, quoted_numbers = copy_facts(company, claims, lexicon)
    dropped: list[str] = []
    brief = ""
    if claims:
        result = client.ask(brief_request(company, claims))
        brief = result.parsed.brief if result.parsed else ""
        failing = [check for check in check_copy(brief, lexicon, verified, quoted_numbers) if check.problems]
        if failing:
            feedback = "; ".join(f"\"{c.sentence}\": {', '.join(c.problems)}" for c in failing)
            retry = client.ask(brief_request(company, claims, feedback=feedback))
            if retry.parsed:
                brief = retry.parsed.brief
        kept = []
        for check in check_copy(brief, lexicon, verified, quoted_numbers):
            if check.problems:
                dropped.append(f"{check.sentence} [{'; '.join(check.problems)}]")
            else:
                kept.append(check.sentence)
        brief = " ".join(kept)
        if not brief:
            brief = render("brief_fallback.j2", company=company.name,
                           technologies=[claim.technology for claim in claims[:FALLBACK_NAMES]])
            dropped.append("brief: no model sentence passed the copy checks; the template brief was used")
    return Post(brief=brief, hashtags=hashtags, table=table, dropped_copy=dropped)
