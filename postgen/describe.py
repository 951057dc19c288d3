"""Stage 5b: a description per claim, made from the words attached to the technology's mention.

A mention's attached words are found by the shape of its sentence, never in a neighbour's part
of a list sentence (the sentence is cut at ";", ":", dashes, brackets, commas, "while"…):

| shape      | source words                                      | description                              |
|------------|---------------------------------------------------|------------------------------------------|
| subject    | Redis caches frequently accessed data             | Caches frequently accessed data          |
| list       | BigQuery – interactive log analytics              | Interactive log analytics                |
| aside      | Backstage (a developer portal for every squad)    | Developer portal for every squad         |
| purpose    | …, Kafka for real-time data streaming, …          | Real-time data streaming                 |
| role       | implements Envoy as a service mesh for traffic    | Service mesh for traffic                 |
| identity   | Java is their primary programming language        | Spotify's primary programming language   |

Rewriting is limited to: a leading article or preposition dropped, the first letter
capitalised, "to coordinate" → "Coordinates", "our/their/its" → the company's name, and a cut
at a boundary to at most MAX_WORDS words. Everything else is copied, so every content word
comes from the attached words (`unattached` checks this; checks.py runs it on every post).
A description that points elsewhere ("makes that possible"), has fewer than two content words
or ends mid-phrase is no description; nor is a bare kind ("Parallel test runner") unless the tool is
the company's own: it would be true of the technology anywhere. The best option over all of a claim's quotes wins; a
claim with none gets None and is left out of the post, flagged for review.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .attached import PLANNED_WORK, SPECULATIVE, attached_words, clause_bounds, coordinated, mention_spans
from .candidates import company_names
from .cues import read_mention
from .grammar import FUNCTION_WORDS, inflected, is_third_person, verb_lemma, without_gloss
from .lexicon import Lexicon
from .models import Citation, Claim, ClaimStatus
from .selection import description_key, mention_at
from .tags import tag_from_name, tag_from_words, tag_named
from .text import Document, Sentence
from .wording import (
    MAX_WORDS, WHAT_IT_IS, acceptable, as_own, cuts_a_name_list, kept_before_cut, rewritten,
    says_its_use,
)

IN_FLUX = re.compile(r"\b(?:migrat\w*|moving|moved|switch(?:ed|ing)|replac\w*|deprecat\w*|phas\w+\s+out|retir\w*|"
                     r"sunset\w*|decommission\w*|instead|rather\s+than|no\s+longer|formerly|previously|used\s+to)\b", re.I)
# "used to" as "formerly", not the passive "is (also) used to monitor …"
PASSIVE_USED_TO = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:(?:\w+ly|also|still|now|only)\s+)?used\s+to\b", re.I)
SHAPE_POINTS = {"subject": 4, "agent": 4, "list": 4, "aside": 4, "purpose": 3, "role": 3, "object": 3, "possessor": 3,
                "identity": 2}
SHARED_PENALTY = 1.5  # a pair's shared words rank below what the technology's own clause says, a shape lower


@dataclass(frozen=True)
class Option:
    text: str
    shape: str
    citation: int  # index into the claim's citations
    source: tuple[int, int]  # offsets of the copied words in the source text
    score: float


def score(shape: str, text: str, block_kind: str) -> float:
    """Shape first; then a useful length (4–9 words best); prose over list fragments on a tie."""
    length = len(text.split())
    fit = 2 if 4 <= length <= 9 else (1 if 3 <= length <= MAX_WORDS else 0)
    return SHAPE_POINTS[shape] + fit + (0.5 if block_kind == "paragraph" else 0)


Mention = tuple[int, Citation, Document, Sentence, int, int]


def mentions(claim: Claim, documents: dict[str, Document]) -> Iterator[Mention]:
    """Every mention of the claim's technology in its quotes: the citation's index, the citation, its document, the
    sentence and the mention's absolute offsets."""
    names = [claim.technology, *claim.aliases]
    for index, citation in enumerate(claim.citations):
        document = documents.get(citation.source)
        for sentence in (document.sentences[sentence_id] for sentence_id in citation.sentence_ids) if document else ():
            for start, end in mention_spans(sentence, names):
                yield index, citation, document, sentence, start, end


def options(claim: Claim, documents: dict[str, Document], lexicon: Lexicon, company: str) -> list[Option]:
    names = [claim.technology, *claim.aliases]
    found = []
    for index, citation, document, sentence, start, end in mentions(claim, documents):
        if citation.says not in (None, claim.status):
            continue  # a source that says the technology was dropped does not describe its current use
        if a_plan_or_possibility(sentence.text, start - sentence.start, end - sentence.start):
            continue  # a plan, a trial or a possibility says nothing sure of its use now
        # a move anywhere in the sentence ("after we moved the ledger off Oracle, PostgreSQL stores it") says nothing
        # sure of a current technology's use either, but for the role its new side moved into
        in_a_move = claim.status is ClaimStatus.current and in_flux(sentence.text)
        moved_into = in_a_move and \
            read_mention(sentence.text, start - sentence.start, end - sentence.start, company=company).use == "current"
        if in_a_move and not moved_into:
            continue
        if defines_another(sentence.text, start - sentence.start, names, company) or \
                GENERIC_DEFINITION.match(sentence.text[:start - sentence.start]):
            continue
        kind = document.paragraph_of(sentence).kind
        owner = subjects_owner(sentence.text, names, company)
        for attached in attached_words(document, sentence, start, end):
            if moved_into and attached.shape != "role":
                continue  # "we switched to X as our simulator": the role, not what else the sentence says
            if cuts_a_name_list(document.text[attached.start:sentence.end], attached.end - attached.start):
                continue  # "Error logger for SQL, JSON, MySQL, etc.": cut short, it would mislead
            words = kept_before_cut(document.text[attached.start:attached.end], document.text[attached.end:sentence.end])
            if not words or anothers_instrument(words, names):
                continue
            text = rewritten(attached.shape, words, company, owner)
            if acceptable(text, names) and (claim.own or says_its_use(attached.shape, text, company)):
                shared = SHARED_PENALTY if coordinated(sentence, start, end) else 0
                found.append(Option(text, attached.shape, index, (attached.start, attached.end),
                                    score(attached.shape, text, kind) - shared))
    return found


# "The diagram shows how we can leverage X to host …": what the company could do with X, not what X does there
POSSIBILITY_BEFORE = re.compile(r"\b(?:we|you|they)\s+can\s+(?:[\w'’-]+\s+){1,3}$", re.IGNORECASE)
PARTICIPLE_OPENING = re.compile(r"\s*(?:and\s+|then\s+)?[a-z]+ing\s")


def a_plan_or_possibility(sentence: str, start: int, end: int) -> bool:
    """A plan, a trial or a possibility in the mention's clause; a plan of work anywhere in the sentence; a plan in the
    clause before one opened by a participle ("It would read the files …, triggering X to update its indexes": it goes
    on with that clause); or what "we can" do with the technology."""
    lo, hi = clause_bounds(sentence, start, end)
    continues_a_plan = bool(PARTICIPLE_OPENING.match(sentence[lo:start])) and bool(SPECULATIVE.search(sentence[:lo]))
    return bool(SPECULATIVE.search(sentence[lo:hi]) or PLANNED_WORK.search(sentence) or continues_a_plan
                or POSSIBILITY_BEFORE.search(sentence[:start]))


# "AYR uses X to manage its users": a name opening the sentence, then its verb
SUBJECT_NAME = re.compile(r"^\s*(?:[-*•‣◦]\s+)?(?P<name>[A-Z][\w.+#-]*(?:\s+[A-Z][\w.+#-]*){0,3})\s+(?P<verb>[a-z]+)\b")


def subjects_owner(sentence: str, names: list[str], company: str) -> str | None:
    """Whose "its" or "their" is when it is not the company's: another name that opens the sentence as its subject
    ("AYR uses X to manage its users" → AYR's users). None when the sentence names the company anywhere ("X is
    employed by Acme on its cloud") or opens with a pronoun, an article or the technology itself."""
    if any(name in sentence for name in company_names(company)):
        return None
    found = SUBJECT_NAME.match(sentence)
    if not found or not is_third_person(found.group("verb")):
        return None
    subject = found.group("name")
    if subject.split()[0].lower() in FUNCTION_WORDS | {"it", "they", "we", "he", "she"} or \
            mention_at(subject, names, re.IGNORECASE) is not None:
        return None
    return subject


# "A DataFrame is an abstraction on top of an RDD": what any DataFrame is, not what the company does with it
GENERIC_DEFINITION = re.compile(r"^\s*(?:an?|each|every|any)\s+$", re.IGNORECASE)
# "Cilium is an open-source networking solution leveraging eBPF for …": a definition of another thing
DEFINITION_OPENING = re.compile(r"^\s*(?P<subject>[A-Z][\w.+#-]*(?:\s+[A-Z][\w.+#-]*){0,3})\s+(?:is|are)\s+(?:an?|the)\s")


# a list of tasks, each with its tool: "scheduling using YARN and ingestion via X"
ANOTHERS_INSTRUMENT = re.compile(r"\b(?:using|via|through)\s+(?:the\s+)?(?P<name>[A-Z][\w.+#/-]*(?:\s+[A-Z][\w.+#/-]*)*)"
                                 r"(?:\s+and|\s+or|,)\s")


def in_flux(sentence: str) -> bool:
    """A move, a replacement or a past use anywhere in the sentence."""
    return bool(IN_FLUX.search(PASSIVE_USED_TO.sub("", sentence)))


def anothers_instrument(words: str, names: list[str]) -> bool:
    """"resource scheduling using YARN and ingestion via X": the words before X's own task say what is done with
    another named thing; "images served via Camo" alone is what the images are."""
    return any(mention_at(found.group("name"), names, re.IGNORECASE) is None for found in ANOTHERS_INSTRUMENT.finditer(words))


def defines_another(sentence: str, at: int, names: list[str], company: str) -> bool:
    """Whether the mention at `at` sits in a sentence that defines another named thing: what that thing does
    anywhere, not what the company does with this one. The company's own sentence ("Acme is a marketplace that
    uses X to …") and the technology's own ("X is the queue that …") are kept."""
    found = DEFINITION_OPENING.match(sentence)
    if not found or at < found.end() or ";" in sentence[found.end():at]:
        return False  # "Django is the web server; Tornado runs the push system": the definition has ended
    subject = found.group("subject")
    first = subject.split()[0].lower()
    return first not in FUNCTION_WORDS and company.lower() not in subject.lower() and \
        mention_at(subject, names, re.IGNORECASE) is None


def ranked_options(claim: Claim, documents: dict[str, Document], lexicon: Lexicon, company: str) -> list[Option]:
    """The descriptions the claim's quotes offer, best first (earlier quotes win ties), one per wording."""
    best_first, seen = [], set()
    ordered = sorted(options(claim, documents, lexicon, company),
                     key=lambda option: (-option.score, option.citation, option.shape in WHAT_IT_IS))
    for option in ordered:
        if (key := description_key(option.text)) not in seen:
            seen.add(key)
            best_first.append(option)
    return best_first


def describe_claim(claim: Claim, documents: dict[str, Document], lexicon: Lexicon, company: str) -> Option | None:
    """The best description any of the claim's quotes offers, or None."""
    found = ranked_options(claim, documents, lexicon, company)
    return found[0] if found else None


def in_past(description: str) -> str:
    """A former technology's description in the past tense: "Powers text search" → "Powered text search"."""
    first, _, rest = description.partition(" ")
    past = inflected(verb_lemma(first), "VBD") if is_third_person(first) else None
    return f"{past.capitalize()} {rest}".strip() if past else description


def describe_all(claims: list[Claim], documents: dict[str, Document], lexicon: Lexicon, company: str) -> None:
    """Set each claim's description (None when no quote offers one) and its strongest quote.

    One sentence can give two claims the same words ("a service layer written in Java and Scala"), and a post
    shows a description once. So claims with fewer options choose first, and a claim whose best wording is
    already taken gets its next best; only a claim with nothing else to say keeps the shared wording."""
    company = without_gloss(company)  # a bracketed gloss would stand between the name and its "'s"
    found = {id(claim): ranked_options(claim, documents, lexicon, company) for claim in claims}
    taken: set[str] = set()
    for claim in sorted(claims, key=lambda claim: len(found[id(claim)])):
        offered = found[id(claim)]
        option = next((option for option in offered if description_key(option.text) not in taken),
                      offered[0] if offered else None)
        taken |= {description_key(option.text)} if option else set()
        claim.description = worded_for(claim, option, company) if option else None
        claim.best_citation = option.citation if option else 0
        if lexicon.lookup(claim.technology) is None:
            read = source_tag(claim, option, documents, lexicon)
            claim.tag, claim.tag_guessed = read or claim.tag, read is None


def source_tag(claim: Claim, option: Option | None, documents: dict[str, Document], lexicon: Lexicon) -> str | None:
    """The tag of a technology the lexicon does not know, from the source's words for it: what the chosen
    description says it is, its name's words, then the clauses that mention it (confirming the model's guess, or
    naming another area); None when they say nothing of its area, and the model's guess is all there is."""
    named = tag_named(option.text) if option and option.shape in WHAT_IT_IS | {"list"} else None
    clauses = [sentence.text[slice(*clause_bounds(sentence.text, start - sentence.start, end - sentence.start))]
               for _, _, _, sentence, start, end in mentions(claim, documents)]
    return named or tag_from_name(claim.technology, lexicon) or tag_from_words(clauses, claim.tag)


def worded_for(claim: Claim, option: Option, company: str) -> str:
    """The chosen wording as the claim's description: an own tool's what-it-is as the company's, a former
    technology's in the past tense."""
    text = as_own(option.text, company) if claim.own and option.shape in WHAT_IT_IS | {"list"} else option.text
    return in_past(text) if claim.status is ClaimStatus.former else text
