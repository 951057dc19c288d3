"""Figures for the brief's hook: counts and rates the quotes state ("over 600 million users",
"2 trillion events monthly", "half a trillion events per day"), each kept with where it stands."""

from __future__ import annotations

import re

from .models import Claim, Figure
from .text import Document

SCALE_WORDS = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "b": 1e9, "trillion": 1e12}
NUMBER_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "ten": 10, "half a": 0.5,
                "hundreds of": 200, "thousands of": 2e3, "millions of": 2e6, "billions of": 2e9}
COUNTED = (r"users|listeners|customers|subscribers|members|people|visitors|developers|engineers|teams|events|messages|"
           r"requests|queries|transactions|orders|payments|files|audio files|tracks|songs|podcasts|videos|images|"
           r"documents|records|rows|objects|commits|deploys|deployments|builds|tests|jobs|pipelines|services|"
           r"microservices|servers|machines|nodes|clusters|containers|instances|repositories|page views|pageviews|"
           r"petabytes|terabytes|gigabytes|PB|TB|GB|streams|plays|searches|emails|e-mails|lines of code")
FIGURE = re.compile(
    rf"(?<![\w.])(?P<lead>(?:over|more than|nearly|almost|about|around|approximately|roughly|up to|some)\s+)?"
    rf"(?P<amount>\d+(?:[.,]\d+)*\+?|{'|'.join(sorted(NUMBER_WORDS, key=len, reverse=True))})"
    rf"(?:\s*(?P<scale>thousand|million|billion|trillion|[kKmMbB](?=\s)))?\s+"
    rf"(?P<between>(?:[\w-]+\s+){{0,2}}?)(?P<what>{COUNTED})\b"
    rf"(?P<rate>\s+(?:a|per|each|every)\s+(?:second|minute|hour|day|week|month|year)|\s+(?:daily|weekly|monthly|"
    rf"yearly|annually))?",
    re.IGNORECASE,
)
MAX_FIGURES = 3
# "61 million more requests a day" is a change against an earlier count, not a scale of its own
CHANGE_WORDS = {"more", "fewer", "less", "additional", "extra"}


def magnitude(match: re.Match) -> float:
    amount = match.group("amount").lower().rstrip("+").replace(",", "")
    value = float(NUMBER_WORDS.get(amount, 0) or (float(amount) if re.fullmatch(r"\d+(?:\.\d+)?", amount) else 0))
    return value * SCALE_WORDS.get((match.group("scale") or "").lower(), 1)


def figures_in(document: Document, sentence_ids: list[str]) -> list[tuple[float, Figure]]:
    found = []
    for sentence_id in sentence_ids:
        sentence = document.sentences[sentence_id]
        for match in FIGURE.finditer(sentence.text):
            value = magnitude(match)
            if value < 100 or CHANGE_WORDS & set(match.group("between").lower().split()):
                continue  # "3 teams" says little about scale
            start, end = sentence.start + match.start(), sentence.start + match.end()
            found.append((value, Figure(text=document.text[start:end], source=document.source_id, start=start, end=end)))
    return found


def choose_figures(claims: list[Claim], documents: dict[str, Document]) -> list[Figure]:
    """The largest figures stated in the claims' quotes, one per kind of thing counted, at most MAX_FIGURES."""
    found = []
    for claim in claims:
        for citation in claim.citations:
            if citation.source in documents:
                found += figures_in(documents[citation.source], citation.sentence_ids)
    chosen, counted = [], set()
    for _, figure in sorted(found, key=lambda item: (-item[0], item[1].source, item[1].start)):
        what = FIGURE.match(figure.text).group("what").lower()
        if what in counted or any(figure.text == other.text for other in chosen):
            continue
        counted.add(what)
        chosen.append(figure)
        if len(chosen) == MAX_FIGURES:
            break
    return chosen
