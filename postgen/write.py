"""Stage 6: the writer pass and copy grounding.

The brief (intro) has the shape of the target post: a hook made of the figures the quotes state
(figures.py), a sentence on what the post covers and who published the sources (a template: it
adds nothing of its own), and a closing sentence on what a technology of the post does. The model
writes the hook and the closing from the figures word for word and the post's grounded descriptions.
Every sentence is checked (check_brief): every technology it names is a verified claim (a former one
only as "from X to Y"), every number and every word of quality or scale appears in a cited quote, and
every other content word appears in the quotes of the technologies the sentence names. Sentences that
fail are dropped and reported. A missing closing is made of a post row's description ("At GitLab, Gitaly
handles all Git access in the GitLab application."), which is checked the same way; a missing hook is
filled from a template of the figures. The model is asked once: asked again with the problems stated,
the embedded model gave a usable closing on 2 of 10 companies (none on the first try), for about 20 s
more per draft.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Iterable

from .grammar import is_possessive, is_third_person, possessive
from .figures import choose_figures
from .lexicon import Lexicon, names_in_text
from .llm import CompactFormat, LLMClient, LLMRequest
from .models import Brief, Claim, ClaimStatus, Company, Figure, Post, TableRow
from .prompts import render
from .selection import mention_at, whole_name
from .text import Document, sentence_spans

BRIEF_AREAS = 4
BRIEF_PER_AREA = 2
BRIEF_DESCRIBED = 6
MAX_SENTENCE_WORDS = 40
NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")
DOUBLED_STOP = re.compile(r"(?<![.…])\.\.(?![.…])")  # "Guidebook Inc..": an abbreviation's stop, then the sentence's; not "..."
RUN_TOGETHER = re.compile(r"\b[A-Za-z]{2,}\.[A-Z](?=[A-Za-z]*[a-z])[A-Za-z]+\b")  # "search.MongoDB": two sentences glued by the model
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


# Words any brief may use without a quote: grammar, and the words of the post's own frame.
FRAME_WORDS = frozenset("""
a an the every and or but nor of to in on at by for with from as is are was were be been being it its this that these those
their there here which who what when where while into onto over than then so such also both each all any some
many most more other our we us they them has have had do does did not no can could will would may might must should
across behind around between through via per about how why
technology technologies tech stack engineering engineers post article articles source sources published publishes
publisher described describes describe description listed below above looks look covers cover use uses used using
built build builds team teams company row rows table quotes quote names named name see find shown
""".split())
CLAUSE_BREAK = re.compile(r"\s*;\s*|,\s+|\s+(?:while|whereas)\s+")
NAMES_JOINED = re.compile(r"\s*(?:,\s*)?(?:(?:and|or|&|\+|/)\s*)?", re.IGNORECASE)
# "Auth0's" and "S3" are one word each; a letter after an apostrophe is a clitic ("(ONS)'s"), not a word
WORD_RE = re.compile(r"[A-Za-z][A-Za-z0-9'’-]*[A-Za-z0-9]|(?<!['’])[A-Za-z]")


@dataclass
class CopyFacts:
    """What copy may say: technologies by key and status, numbers and words of the cited quotes, the
    names and quotes of each claim, and the words of the frame (company, publishers, tags)."""

    statuses: dict[str, ClaimStatus]
    quoted_numbers: set[str]
    quoted_text: str
    names: dict[str, list[str]] = field(default_factory=dict)
    quotes: dict[str, list[str]] = field(default_factory=dict)
    frame_words: frozenset[str] = frozenset()
    company: str = ""
    publishers: tuple[str, ...] = ()

    @property
    def frame_names(self) -> tuple[str, ...]:
        """The names the copy may use that are no technology of the post: the company's and the publishers'."""
        return (self.company, *self.publishers)


# Two sentences of plain words; numbers may carry separators, "+" or "%". No cap on sentence length here:
# near a cap the small model glued words together; overlong sentences are dropped by the copy check. A word holds
# no full stop unless it is a number or one of the post's own names ("Node.js"): allowed one, the model wrote its
# third and fourth sentences inside the second ("scalability.scala, on the other hand, …").
BRIEF_GRAMMAR = """root ::= sentence " " sentence
sentence ::= word ((","|":"|" -")? " " word){5,60} "."
word ::= [A-Za-z'/+#&-]{1,24} | [0-9]{1,4} ([.,] [0-9]{1,4})* ("+"|"%")? | [A-Za-z][A-Za-z0-9'/+#&-]{0,24}[A-Za-z0-9]DOTTED
"""


def brief_grammar(names: list[str]) -> str:
    """The brief's grammar, the post's names that hold a full stop ("Node.js") allowed as words."""
    dotted = sorted({name for name in names if "." in name and re.fullmatch(r"[\w.+#-]+", name)})
    literals = "".join(" | " + json.dumps(name) for name in dotted)
    return BRIEF_GRAMMAR.replace("DOTTED", literals)


def in_prose(tag: str) -> str:
    """A tag as it reads inside a sentence: "Data Processing" → "data processing"; acronyms stay ("ML", "CI/CD")."""
    return re.sub(r"[A-Za-z]+", lambda word: word.group() if word.group().isupper() else word.group().lower(), tag)


def brief_areas(claims: list[Claim]) -> dict[str, list[str]]:
    """The post's current technologies by tag, a few per tag (given the whole list, the small model only
    enumerates it in one endless sentence); a tag the model guessed with nothing in the source naming its area
    gives no area."""
    areas: dict[str, list[str]] = {}
    for claim in claims:
        if claim.status is ClaimStatus.current and not claim.tag_guessed:  # a guessed area is no fact to state
            names = areas.setdefault(claim.tag, [])
            if len(names) < BRIEF_PER_AREA:
                names.append(claim.technology)
    return dict(list(areas.items())[:BRIEF_AREAS])


def publishers_of(sources: Iterable[dict]) -> list[str]:
    """Who published the sources, as the registry or the page says; titles are no publishers."""
    names = [source.get("publisher") or source.get("sitename") for source in sources]
    return list(dict.fromkeys(name for name in names if name))


def described(claims: list[Claim]) -> list[tuple[str, str]]:
    """The post's current technologies with their (grounded) descriptions, the first few."""
    pairs = [(claim.technology, claim.description) for claim in claims
             if claim.status is ClaimStatus.current and claim.description]
    return pairs[:BRIEF_DESCRIBED]


def brief_request(company: Company, claims: list[Claim], figures: list[Figure]) -> LLMRequest:
    messages = [
        {"role": "system", "content": render("write_system.j2")},
        {"role": "user", "content": render("write_user.j2", company=company.name,
                                           technologies=described(claims),
                                           figures=[figure.text for figure in figures])},
    ]
    return LLMRequest(
        purpose="write",
        messages=messages,
        schema=Brief,
        max_tokens=160,
        compact=CompactFormat(grammar=brief_grammar([claim.technology for claim in claims]),
                              parse=lambda text: Brief(brief=" ".join(text.split()))),
    )


def numbers_in(quotes: list[str]) -> set[str]:
    return {number.replace(",", "") for quote in quotes for number in NUMBER_RE.findall(quote)}


def check_copy(text: str, lexicon: Lexicon, facts: CopyFacts) -> list[CopyCheck]:
    """Per sentence: technologies that are not verified claims (or former ones outside "from X to Y"),
    numbers and words of quality or scale that no cited quote has, and overlong sentences."""
    checks = []
    text = text.strip()
    for sentence in (text[start:end] for start, end in sentence_spans(text, 0, len(text))):  # "Vera C. Rubin …"
        problems = []
        for technology, start, end in names_in_text(blanked(sentence, facts.frame_names), lexicon):
            status = facts.statuses.get(technology.key)
            if status is None:
                problems.append(f"names {technology.name}, which is not a verified claim")
            elif status is ClaimStatus.former and not re.search(r"\bfrom\s+(?:the\s+)?$", sentence[:start], re.I):
                problems.append(f"names {technology.name}, a former technology, other than as \"from {technology.name} to …\"")
        problems += [f"runs two sentences together at \"{glued}\"" for glued in RUN_TOGETHER.findall(sentence)
                     if glued not in facts.quoted_text]
        if DOUBLED_STOP.search(sentence):
            problems.append("has a doubled full stop")
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


def copy_facts(company: Company, claims: list[Claim], lexicon: Lexicon, publishers: list[str] = ()) -> CopyFacts:
    """What copy may name and state: the verified technologies (and the company, the post's subject), the
    numbers and words of their cited quotes."""
    statuses = {lexicon.key_of(company.name): ClaimStatus.current}
    names: dict[str, list[str]] = {}
    quotes_of: dict[str, list[str]] = {}
    for claim in claims:
        key = lexicon.key_of(claim.technology)
        names.setdefault(key, []).extend([claim.technology, *claim.aliases])
        quotes_of.setdefault(key, []).extend(citation.quote for citation in claim.citations)
        if claim.description:  # its own words were checked against these quotes (describe.py)
            quotes_of[key].append(claim.description)
        for name in [claim.technology, *claim.aliases]:
            statuses[lexicon.key_of(name)] = claim.status
    quotes = [citation.quote for claim in claims for citation in claim.citations]
    frame = " ".join([company.name, *publishers, *(claim.tag for claim in claims)])
    frame_words = frozenset(bare_word(word) for word in WORD_RE.findall(frame))
    return CopyFacts(statuses, numbers_in(quotes), "\n".join(quotes), names, quotes_of, frame_words, company.name,
                     tuple(publishers))


def bare_word(word: str) -> str:
    return word.lower().replace("’", "'").removesuffix("'s")


def word_stem(word: str) -> str:
    """A crude stem: enough to let "handles" stand for "handled" and "streaming" for "stream"."""
    word = bare_word(word)
    return word[:5] if len(word) > 5 else word.removesuffix("s")


def blanked(sentence: str, names: tuple[str, ...]) -> str:
    """The sentence with the company's and the publishers' names blanked out: "Python Software Foundation" names
    the company, not the Python of its stack, whose quotes alone a sentence naming Python may rest on, and "Acme docs
    (GitHub acme/docs)" names where the sources were published, not a technology of Acme's."""
    for name in sorted((name for name in names if name), key=len, reverse=True):
        sentence = sentence.replace(name, " " * len(name))
    return sentence


def names_mentioned(sentence: str, facts: CopyFacts) -> list[str]:
    sentence = blanked(sentence, facts.frame_names)
    return [key for key, names in facts.names.items() if mention_at(sentence, names, re.IGNORECASE) is not None]


def unsupported_words(sentence: str, facts: CopyFacts) -> list[str]:
    """The sentence's content words that the quotes (or checked descriptions) of the technologies they are said
    of lack: a brief sentence may only say again what its quotes say. Words are said of the technologies named in
    their own clause (a clause naming none goes on about the previous one's; a sentence naming none rests on every
    cited quote), and words said of technologies joined by "and" ("X and Y are ways of thinking about
    architecture") are said of each, so each one's quotes must have them."""
    missing: list[str] = []
    for clause, named, joined in clauses_and_names(sentence, facts):
        own = {word.lower() for key in named for name in facts.names[key] for word in WORD_RE.findall(name)}
        content = [word for word in dict.fromkeys(WORD_RE.findall(clause)) if (bare := bare_word(word))
                   not in FRAME_WORDS and bare not in facts.frame_words and bare not in own]
        groups = [[facts.quotes[key]] for key in named] if joined else [[facts.quotes[key] for key in named]]
        for quote_lists in groups if named else [[[facts.quoted_text]]]:
            quoted = {word_stem(word) for quotes in quote_lists for quote in quotes for word in WORD_RE.findall(quote)}
            missing += [word for word in content if word_stem(word) not in quoted and word not in missing]
    return missing


def clauses_and_names(sentence: str, facts: CopyFacts) -> list[tuple[str, list[str], bool]]:
    """The sentence cut at commas, semicolons and "while"/"whereas", each piece with the technologies it names and
    whether two of them are joined ("X and Y", "X, Y"). A piece that is only names ("X, Y and Z power …") joins the
    next; a piece naming none continues the previous one's."""
    pieces, carried, previous = [], "", []
    for piece in CLAUSE_BREAK.split(sentence):
        piece = carried + piece
        searched = blanked(piece, facts.frame_names)
        spans = {key: at for key, names in facts.names.items()
                 if (at := mention_at(searched, names, re.IGNORECASE)) is not None}
        named = sorted(spans, key=spans.get)
        if named and only_names(searched, named, facts):
            carried = piece + " and "
            continue
        carried = ""
        joined = any(NAMES_JOINED.fullmatch(between) for between in gaps_between(searched, named, facts))
        pieces.append((piece, named or previous, joined and len(named) > 1))
        previous = named or previous
    return pieces + ([(carried, previous, False)] if carried else [])


def gaps_between(piece: str, named: list[str], facts: CopyFacts) -> list[str]:
    """The text between each named technology and the next one named."""
    spans = sorted((found for key in named for name in facts.names[key]
                    for found in [re.search(whole_name(name), piece, re.IGNORECASE)] if found),
                   key=lambda found: found.start())
    return [piece[first.end():second.start()] for first, second in zip(spans, spans[1:]) if second.start() >= first.end()]


def only_names(piece: str, named: list[str], facts: CopyFacts) -> bool:
    rest = piece
    for name in sorted((name for key in named for name in facts.names[key]), key=len, reverse=True):
        rest = re.sub(whole_name(name), " ", rest, flags=re.IGNORECASE)
    return not re.sub(r"\b(?:and|or|from|to)\b|[\s,&+/]", "", rest, flags=re.IGNORECASE)


def check_brief(text: str, lexicon: Lexicon, facts: CopyFacts) -> list[CopyCheck]:
    """The copy checks, and every content word of a sentence found in the quotes it rests on."""
    checks = check_copy(text, lexicon, facts)
    for check in checks:
        if words := unsupported_words(check.sentence, facts):
            check.problems.append(f"says {', '.join(repr(w) for w in words)}, which no quote it rests on says")
    return checks


def kept_sentences(brief: str, lexicon: Lexicon, facts: CopyFacts, dropped: list[str]) -> list[str]:
    kept = []
    for check in check_brief(brief, lexicon, facts):
        if check.problems:
            dropped.append(f"{check.sentence} [{'; '.join(check.problems)}]")
        else:
            kept.append(check.sentence)
    return kept


def closing_from_rows(claims: list[Claim], company: Company) -> str:
    """A closing made of a post row's checked description, for when the model's fails the check: the company's own
    tool first, else the first row: "At GitLab, Gitaly handles all Git access …", "Bosun is Stack Overflow's …"."""
    def sentence(claim: Claim) -> str | None:
        text = (claim.description or "").rstrip(" .")
        first = text.split(" ", 1)[0]
        if not text or claim.status is not ClaimStatus.current:
            return None
        if is_third_person(first):  # "Heroku hosts Acme's apps" names the company once
            where = "" if company.name in text else f"At {company.name}, "
            return f"{where}{claim.technology} {text[:1].lower() + text[1:]}."
        owned = is_possessive(first) or text.startswith(possessive(company.name))
        return f"{claim.technology} is {text}." if owned else None  # "X is Acme's …", "X is Stack Overflow's …"
    made = [found for claim in sorted(claims, key=lambda claim: not claim.own) if (found := sentence(claim))]
    return made[0] if made else ""


def rejoined(text: str, names: list[str]) -> str:
    """The model's text with each dotted name whole again: "GOV. UK uses …" → "GOV.UK uses …", "Node. js" →
    "Node.js"; split at its dot, a name would end one sentence and open the next with its tail."""
    for name in sorted({name for name in names if re.search(r"\w\.\w", name)}, key=len, reverse=True):
        spaced = r"\.\s+".join(map(re.escape, name.split(".")))
        text = re.sub(rf"(?<![\w.]){spaced}(?![\w])", lambda _: name, text)
    return text


def hook_sentence(sentences: list[str], figures: list[Figure]) -> str | None:
    """The first checked model sentence that carries a figure."""
    return next((s for s in sentences if any(figure.text in s for figure in figures)), None)


def model_closing(sentences: list[str], hook: str | None, claims: list[Claim]) -> str | None:
    """The first other checked model sentence that names a technology of the post and is not a second hook."""
    post_names = [name for claim in claims for name in [claim.technology, *claim.aliases]]
    return next((s for s in sentences if s != hook and not s.startswith("From ")  # the hook's shape
                 and mention_at(s, post_names, re.IGNORECASE) is not None), None)


def completed(hook: str | None, closing: str | None, company: Company, figures: list[Figure], publishers: list[str],
              claims: list[Claim], source_count: int, dropped: list[str]) -> str:
    """Three sentences in the target shape: the hook (else a template made of the figures), what the post covers
    and who published it (always the template: the small model garbled publishers' names), and the closing (else
    a template). Templates state nothing of their own."""
    if hook is None and figures:
        hook = render("brief_hook.j2", company=company.name, figures=[f.text for f in figures[:2]]).strip()
        dropped.append("brief: no model sentence carried the figures; the template hook was used")
    coverage = render("brief_coverage.j2", company=company.name, areas=[in_prose(tag) for tag in brief_areas(claims)],
                      publishers=publishers, sources=source_count, count=len(claims)).strip()
    if closing is None:
        closing = render("brief_closing.j2", company=company.name).strip()
        dropped.append("brief: no checked model sentence said what a technology of the post does; the template closing was used")
    return " ".join(part for part in (hook, coverage, closing) if part)


def write_post(client: LLMClient, company: Company, claims: list[Claim], lexicon: Lexicon,
               table: list[TableRow], hashtags: list[str], *, post_claims: list[Claim] | None = None,
               documents: dict[str, Document] | None = None, sources: dict[str, dict] | None = None) -> Post:
    """The brief about the post's claims, checked against `claims` (every verified claim); the table and
    hashtags are given."""
    post_claims = claims if post_claims is None else post_claims
    publishers = publishers_of((sources or {}).values())
    facts = copy_facts(company, claims, lexicon, publishers)
    figures = choose_figures(claims, documents or {}) if documents else []
    dropped: list[str] = []
    brief = ""
    if post_claims:
        result = client.ask(brief_request(company, post_claims, figures))
        names = [company.name, *(name for claim in post_claims for name in (claim.technology, *claim.aliases))]
        written = kept_sentences(rejoined(result.parsed.brief if result.parsed else "", names), lexicon, facts, dropped)
        hook = hook_sentence(written, figures)
        # A row's description closes only a brief whose model closing failed, and never serves as its hook.
        closing = model_closing(written, hook, post_claims) or next(
            iter(kept_sentences(closing_from_rows(post_claims, company), lexicon, facts, dropped)), None)
        brief = completed(hook, closing, company, figures, publishers, post_claims, len(sources or {}), dropped)
    return Post(brief=brief, hashtags=hashtags, table=table, figures=figures, dropped_copy=dropped)
