"""Open-vocabulary candidates: every name in a source that might be a technology, with the
evidence that made it one. The lexicon is a prior (canonical names, aliases, tags, logos), not
a gate: names also come from the text's own structure and wording.

Evidence, each read off the text without any list of example names:
- lexicon      a known technology's name or alias;
- link, code   the words of a link or a code span (markdown, HTML);
- list-name    the name that opens a list item shaped "Name – what it does" / "Name: what it does";
- shape        a name spelled like one: CamelCase, dotted (Node.js), with digits, an acronym, or a
               capitalised word inside a sentence that is not an ordinary English word at its start;
- tech-noun    a name right before or after a technology noun ("Nginx servers", "our Foo library",
               "an Xyz cluster", "Bar, a job scheduler");
- naming       a name the text introduces ("a tool called Foo", "named Bar").
A version written after a name ("Ubuntu 22.04 LTS", "IIS 8.5") goes into the mention's version.
The model later decides, per candidate, whether it is a technology the company uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from .grounding import normalize_for_key
from .lexicon import Lexicon, Technology, names_in_text
from .text import Document, Paragraph, Sentence

COMMON_WORDS_PATH = Path(__file__).parent / "data" / "common-words.txt"
MAX_NAME_WORDS = 4
MAX_LINK_WORDS = 4

TECH_NOUNS = (
    "server|servers|cluster|clusters|database|databases|db|library|libraries|framework|frameworks|service|"
    "services|cache|caches|queue|queues|proxy|proxies|instance|instances|node|nodes|pipeline|pipelines|job|jobs|"
    "engine|engines|platform|runtime|compiler|sdk|api|apis|plugin|plugins|module|modules|package|packages|tool|"
    "tools|tooling|cli|daemon|agent|agents|scheduler|broker|brokers|store|stores|container|containers|image|images|"
    "driver|drivers|extension|extensions|gem|gems|crate|crates|bindings|client|clients|backend|frontend|stack|"
    "deployment|deployments|fleet|dashboards?|workers?|mounts?|shards?|replicas?|tables?|buckets?|functions?|"
    "language|languages|protocol|kernel|filesystem|distribution|distro|operating system|os|app|apps|application|"
    "applications|system|systems|repository|repositories|repo|repos|integration|integrations"
)
TECH_NOUN_AFTER = re.compile(rf"^\s+(?:{TECH_NOUNS})\b", re.IGNORECASE)
DETERMINER_BEFORE = re.compile(r"\b(?:our|its|their|an?|the|using|with|via|on|in|run|runs|running|use|uses)\s+$",
                               re.IGNORECASE)
APPOSITIVE_AFTER = re.compile(rf"^\s*(?:,|\(|–|—|-)\s*(?:an?|the|our)\s+(?:[\w/.+-]+\s+){{0,4}}?(?:{TECH_NOUNS})\b",
                              re.IGNORECASE)
NAMING = re.compile(r"\b(?:called|named|dubbed|codenamed|known as)\s+[\"“'‘]?$", re.IGNORECASE)
LIST_NAME = re.compile(r"^\s*(?:[-*•‣◦]\s+|\d{1,3}[.)]\s+)?(?P<name>[^\s:–—-][^:–—]{0,60}?)\s*(?::|\s[–—-])\s+\S")

TOKEN = r"[A-Za-z][\w+#]*(?:[./-][\w+#]+)*(?:\+\+)?"
NAME_RUN = re.compile(rf"{TOKEN}(?:\s+{TOKEN})*")
VERSION_AFTER = re.compile(
    r"^\s+(?:v|version\s+)?(?P<version>\d+(?:\.(?:\d+|x))*(?:\s*(?:LTS|R\d|SP\d|beta|alpha|rc\d*))?)\b(?!\s*(?:%|percent|ms|s\b|"
    r"seconds?|minutes?|hours?|days?|weeks?|months?|years?|times|x\b|gb|mb|tb|kb|million|billion|users?|"
    r"servers?|nodes?|instances?|cores?|requests?))",
    re.IGNORECASE,
)
ACRONYM = re.compile(r"^[A-Z][A-Z0-9]{1,6}s?$")
CAMEL = re.compile(r"[a-z][A-Z]|[A-Z]{2,}[a-z]")
DOTTED = re.compile(r"\w[./+#]\w|\w(?:\+\+|#)$|\d")
LOWER_CAMEL = re.compile(r"^[a-z]{1,4}[A-Z][\w+#]*$")  # iOS, gRPC, jQuery, eBPF; not audioEngine
ABBREVIATION = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]?\.?$")  # e.g, U.S
NOT_NAMES = re.compile(r"^(?:https?:|www\.|/|\.|~|\$|@)|\s{2,}")


ORDINARY_ZIPF = 4.0  # about once per 10,000 words of English
RARE_ZIPF = 3.0  # under once per million words
COMMON_LINK_ZIPF = 4.5  # a one-word link more common than this is a phrase ("here", "post"), not a name


@lru_cache(maxsize=1)
def word_frequencies() -> dict[str, float]:
    frequencies = {}
    for line in COMMON_WORDS_PATH.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, zipf = line.split()
            frequencies[word] = float(zipf)
    return frequencies


def zipf(word: str) -> float:
    """How common a word is in English (wordfreq's Zipf scale); a hyphenated word counts as its rarest part."""
    parts = [part for part in word.lower().strip("'’").split("-") if part]
    return min((word_frequencies().get(part, 0.0) for part in parts), default=0.0)


def ordinary(word: str) -> bool:
    """An English word common enough that its spelling alone says nothing (case ignored)."""
    return zipf(word) >= ORDINARY_ZIPF


@dataclass(frozen=True)
class Mention:
    technology: Technology
    surface: str
    start: int
    end: int
    sentence_id: str
    evidence: frozenset[str] = field(default_factory=frozenset)
    version: str | None = None


# ---------------------------------------------------------------- name shapes


def name_shaped(word: str) -> bool:
    """Spelled like a name whatever its position: CamelCase, dotted or with digits or +/# (from a capital),
    or a lowercase prefix before capitals (iOS, gRPC). Acronyms are not enough on their own."""
    if ABBREVIATION.match(word):
        return False
    if word[:1].islower():
        return bool(LOWER_CAMEL.match(word))
    if ACRONYM.match(word):
        return False
    return bool(CAMEL.search(word) or DOTTED.search(word))


def capitalised(word: str) -> bool:
    return word[:1].isupper() and not ABBREVIATION.match(word) and len(word) > 1


def reads_as_name(words: list[str], capitals_say_nothing: bool, named_elsewhere: bool) -> bool:
    """Whether a run of capitalised words reads as a name. Where capitals say nothing (the first word of a
    sentence or after a colon, a title-cased heading) only a run the same document also capitalises inside a
    sentence does; elsewhere a single common word or an acronym needs other evidence, while a
    run of two or more capitalised words, or an uncommon word, is enough."""
    if any(name_shaped(word) for word in words) or named_elsewhere:
        return True
    if capitals_say_nothing:
        return False
    if len(words) == 1:
        return not ordinary(words[0]) and not ACRONYM.match(words[0])
    return True


def title_cased(text: str) -> bool:
    words = [word for word in re.findall(r"[A-Za-z][\w'’]*", text) if len(word) > 3]
    return len(words) >= 2 and sum(capitalised(word) for word in words) >= 0.7 * len(words)


def capitalised_runs(text: str) -> list[list[tuple[int, int]]]:
    """Runs of capitalised or name-shaped tokens separated by single spaces; anything else ends a run."""
    runs, current = [], []
    for match in re.finditer(TOKEN, text):
        word = match.group()
        if capitalised(word) or name_shaped(word):
            if current and text[current[-1][1]:match.start()] != " ":
                runs.append(current)
                current = []
            current.append((match.start(), match.end()))
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def trim_ordinary(text: str, run: list[tuple[int, int]], capitals_say_nothing: bool) -> list[list[tuple[int, int]]]:
    """Where capitals say nothing, common words are not part of a name: "When Acme" is Acme, the heading
    "Event Streaming with Apache Kafka" holds no name but the lexicon's."""
    if not capitals_say_nothing:
        return [run]
    pieces, current = [], []
    for start, end in run:
        word = text[start:end]
        if ordinary(word) and not name_shaped(word):
            if current:
                pieces.append(current)
            current = []
        else:
            current.append((start, end))
    if current:
        pieces.append(current)
    return pieces


def name_runs(text: str, in_heading: bool) -> list[tuple[int, int, bool]]:
    """Spans of capitalised runs (at most MAX_NAME_WORDS words) and whether capitals there say nothing."""
    spans = []
    for run in capitalised_runs(text):
        before = text[:run[0][0]].rstrip(" \"“'‘*•(")
        at_start = not before.strip("-–—") or before.endswith((":", "-", "–", "—"))
        says_nothing = in_heading or at_start
        for piece in trim_ordinary(text, run, says_nothing):
            for index in range(0, len(piece), MAX_NAME_WORDS):
                part = piece[index:index + MAX_NAME_WORDS]
                spans.append((part[0][0], part[-1][1], says_nothing and part[0] == run[0]))
    return spans


def strip_possessive(text: str, start: int, end: int) -> int:
    for suffix in ("'s", "’s", "'", "’"):
        if text[start:end].endswith(suffix) and end - len(suffix) > start:
            return end - len(suffix)
    return end


# ---------------------------------------------------------------- evidence per sentence


@dataclass
class SentenceReader:
    document: Document
    lexicon: Lexicon
    company_keys: set[str]
    inside_names: set[str] = field(default_factory=set)  # runs capitalised inside a sentence somewhere

    def __post_init__(self) -> None:
        for sentence in self.document.sentences.values():
            if self.document.paragraph_of(sentence).kind in ("paragraph", "list_item", "quote"):
                for start, end, says_nothing in name_runs(sentence.text, title_cased(sentence.text)):
                    if not says_nothing:
                        self.inside_names.add(sentence.text[start:strip_possessive(sentence.text, start, end)])

    def mentions(self, sentence: Sentence) -> list[Mention]:
        paragraph = self.document.paragraph_of(sentence)
        if paragraph.kind == "code":
            return []
        found = self.lexicon_mentions(sentence)
        found += self.span_mentions(sentence)
        found += self.list_name_mentions(sentence, paragraph)
        found += self.shape_mentions(sentence, paragraph)
        return self.merge(sentence, found)

    def lexicon_mentions(self, sentence: Sentence) -> list[Mention]:
        return [Mention(technology, sentence.text[start:end], sentence.start + start, sentence.start + end,
                        sentence.id, frozenset({"lexicon"}))
                for technology, start, end in names_in_text(sentence.text, self.lexicon)]

    def span_mentions(self, sentence: Sentence) -> list[Mention]:
        """Link texts and code spans inside the sentence that are short enough to be a name."""
        found = []
        for span in self.document.spans:
            if span.kind not in ("link", "code") or not (sentence.start <= span.start and span.end <= sentence.end):
                continue
            text = self.document.text[span.start:span.end]
            words = text.split()
            if not words or len(words) > MAX_LINK_WORDS or NOT_NAMES.search(text) or not re.search(r"[A-Za-z]", text):
                continue
            if span.kind == "link" and not self.link_reads_as_name(words):
                continue
            if span.kind == "code" and (len(words) > 2 or re.search(r"[=(){}<>\"'$]", text)):
                continue  # a command or an expression, not a name
            found.append(self.open_mention(sentence, span.start, span.end, {span.kind}))
        return found

    @staticmethod
    def link_reads_as_name(words: list[str]) -> bool:
        """A link's words name something ("Gitaly", "chef", "Elastic Cloud"), not a phrase ("this comment on X",
        "here", "99.68 percent"): no number first, no common lowercase word first, a single word not too common."""
        first = words[0]
        if first[:1].isdigit() or (first[:1].islower() and ordinary(first) and not name_shaped(first)):
            return len(words) == 1 and zipf(first) < COMMON_LINK_ZIPF
        return True

    def list_name_mentions(self, sentence: Sentence, paragraph: Paragraph) -> list[Mention]:
        """The name opening a list item or a table cell shaped "Name – what it does" / "Name: what it does"."""
        if paragraph.kind not in ("list_item", "table_cell") or sentence.start != paragraph.start:
            return []
        match = LIST_NAME.match(sentence.text)
        if not match:
            return []
        name = match.group("name").strip().strip("*_`\"“”")
        words = name.split()
        if not words or len(words) > MAX_NAME_WORDS or not any(name_shaped(word) or not ordinary(word) for word in words):
            return []
        if len(words) > 1 and not all(capitalised(word) or name_shaped(word) for word in words):
            return []  # a phrase ("Offline synchronization", "X is faster"), not a name
        start = sentence.start + sentence.text.index(name, match.start("name"))
        return [self.open_mention(sentence, start, start + len(name), {"list-name"})]

    def shape_mentions(self, sentence: Sentence, paragraph: Paragraph) -> list[Mention]:
        text = sentence.text
        heading = paragraph.kind in ("title", "heading") or title_cased(text)
        found = []
        for start, end, capitals_say_nothing in name_runs(text, heading):
            end = strip_possessive(text, start, end)
            words = text[start:end].split()
            named_elsewhere = capitals_say_nothing and text[start:end] in self.inside_names
            evidence = {"shape"} if reads_as_name(words, capitals_say_nothing, named_elsewhere) else set()
            if evidence or not all(ordinary(word) for word in words):
                evidence |= self.wording_evidence(text, start, end)
            if evidence:
                found.append(self.open_mention(sentence, sentence.start + start, sentence.start + end, evidence))
        found += self.lowercase_tech_noun_mentions(sentence)
        return found

    @staticmethod
    def wording_evidence(text: str, start: int, end: int) -> set[str]:
        evidence = set()
        before, after = text[:start], text[end:]
        if TECH_NOUN_AFTER.match(after) or APPOSITIVE_AFTER.match(after):
            evidence.add("tech-noun")
        if NAMING.search(before):
            evidence.add("naming")
        return evidence

    def lowercase_tech_noun_mentions(self, sentence: Sentence) -> list[Mention]:
        """A rare lowercase word used as a name: "our fluentd agents", "a gitaly node"."""
        found = []
        for match in re.finditer(rf"(?<![\w.-])([a-z][a-z0-9]*(?:[.-][a-z0-9]+)*)(?=\s+(?:{TECH_NOUNS})\b)",
                                 sentence.text):
            word = match.group(1)
            if zipf(word) >= RARE_ZIPF or len(word) < 3 or not DETERMINER_BEFORE.search(sentence.text[:match.start()]):
                continue
            found.append(self.open_mention(sentence, sentence.start + match.start(1), sentence.start + match.end(1),
                                           {"tech-noun"}))
        return found

    def open_mention(self, sentence: Sentence, start: int, end: int, evidence: set[str]) -> Mention:
        surface = self.document.text[start:end]
        known = self.lexicon.lookup(surface)
        technology = known or Technology(surface, (), None, None, from_lexicon=False)
        return Mention(technology, surface, start, end, sentence.id, frozenset(evidence))

    def merge(self, sentence: Sentence, found: list[Mention]) -> list[Mention]:
        """One mention per name span: overlapping candidates merge their evidence, the lexicon's span wins,
        then a longer one; versions are read after the name; the company itself is no candidate."""
        ordered = sorted(found, key=lambda m: ("lexicon" not in m.evidence, -(m.end - m.start), m.start))
        kept: list[Mention] = []
        for mention in ordered:
            overlap = next((k for k in kept if mention.start < k.end and k.start < mention.end), None)
            if overlap is None:
                kept.append(mention)
            else:
                kept[kept.index(overlap)] = replace(overlap, evidence=overlap.evidence | mention.evidence)
        result = []
        for mention in sorted(kept, key=lambda m: m.start):
            if normalize_for_key(mention.technology.name) in self.company_keys or not mention.surface.strip():
                continue
            result.append(self.with_version(mention))
        return result

    def with_version(self, mention: Mention) -> Mention:
        after = self.document.text[mention.end:self.document.sentences[mention.sentence_id].end]
        match = VERSION_AFTER.match(after)
        if not match:
            return mention
        return replace(mention, version=match.group("version"))


def company_keys(company: str) -> set[str]:
    return {normalize_for_key(company), normalize_for_key(company.split()[0])} if company.strip() else set()


def find_candidates(document: Document, lexicon: Lexicon, company: str) -> list[Mention]:
    reader = SentenceReader(document, lexicon, company_keys(company))
    found = []
    for sentence in document.sentences.values():
        found += reader.mentions(sentence)
    return found
