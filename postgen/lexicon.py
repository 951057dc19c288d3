"""The deterministic candidate pass: technology names found in text by a curated lexicon
(postgen/data/lexicon.yaml) and by a few naming patterns ("a system called X")."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ruamel.yaml import YAML

from .grounding import PLURAL, normalize_for_key, plural_allowed
from .models import TAGS
from .words import ORDINARY_ZIPF, RARE_ZIPF, zipf

LEXICON_PATH = Path(__file__).parent / "data" / "lexicon.yaml"
TERMS_PATH = Path(__file__).parent / "data" / "terms.yaml"
INTERNAL_TAG = "Internal Tooling"
# "R-universe", "Vue-router": a name joined by a hyphen to a word is another name; not when the word makes it a
# modifier ("Kafka-based", "Python-heavy", "cloud-native"). Read on text as written, never on
# normalised text, whose dashes are plain ("Java and Scala—were" names Scala)
LONGER_NAME = (r"-(?![a-z]*(?:ed|ing|like|specific|compatible|native|friendly|first|only|centric|heavy|aware|free|"
               r"ready|style|side|wide)\b)[A-Za-z]")
LONGER_NAME_AFTER = re.compile(LONGER_NAME)


@dataclass(frozen=True)
class Technology:
    name: str
    aliases: tuple[str, ...]
    tag: str
    logo: str | None
    ignore_case: bool = False
    exclude: tuple[str, ...] = ()
    from_lexicon: bool = True

    @property
    def names(self) -> list[str]:
        return [self.name, *self.aliases]

    @property
    def key(self) -> str:
        return normalize_for_key(self.name)


def english_compound(word: str) -> bool:
    """Whether a lowercase word reads as two English words run together ("dataflow", "dashboard")."""
    return any(zipf(word[:i]) >= ORDINARY_ZIPF and zipf(word[i:]) >= ORDINARY_ZIPF for i in range(4, len(word) - 3))


def distinctive(name: str) -> bool:
    """Names matched in any case, because markdown and casual prose often write them in lowercase
    ('fluentd', 'kubernetes', 'docker', 'redis'): five letters or more, or name-shaped, and not an English word
    ('airflow', 'express' stay case-sensitive; so does a name under five letters, 'Vite' or 'Deno', too short
    to tell from an abbreviation or a word of another language)."""
    if " " not in name and zipf(name) >= RARE_ZIPF:
        return False
    return len(name) >= 5 or bool(re.search(r"[0-9.+#/]|[a-z][A-Z]", name))


VENDOR_NAMES = 3  # a first word that opens this many known names is a vendor's or a foundation's ("Apache", "AWS")


@dataclass
class Lexicon:
    technologies: list[Technology]
    terms: frozenset[str] = frozenset()  # keys of general terms (formats, protocols…), never a claim
    by_key: dict[str, Technology] = field(init=False)
    matchers: list[tuple[re.Pattern[str], Technology, str]] = field(init=False)
    cloud_names: dict[str, tuple[str, ...]] = field(init=False)  # a vendor's first word → its clouds' names
    vendor_tags: dict[str, str] = field(init=False)  # "apache", "aws": a first word of several names → their usual tag

    def __post_init__(self) -> None:
        self.cloud_names = {}
        for technology in self.technologies:
            if technology.tag == "Cloud":
                vendor = technology.name.split()[0].lower()
                self.cloud_names[vendor] = (*self.cloud_names.get(vendor, ()), *technology.names)
        openings: dict[str, Counter[str]] = {}
        for technology in self.technologies:
            for name in technology.names:
                if " " in name:
                    openings.setdefault(name.split()[0].lower(), Counter())[technology.tag or ""] += 1
        self.vendor_tags = {word: tags.most_common(1)[0][0] for word, tags in openings.items()
                            if sum(tags.values()) >= VENDOR_NAMES or word in self.cloud_names}
        self.by_key = {}
        for technology in self.technologies:
            for name in technology.names:
                self.by_key.setdefault(normalize_for_key(name), technology)
        forms = [(name, technology) for technology in self.technologies for name in technology.names]
        forms.sort(key=lambda pair: -len(pair[0]))
        self.matchers = [
            (re.compile(rf"(?<![\w./-]){re.escape(name)}{PLURAL if plural_allowed(name) else ''}(?![\w/]|\.\w)",
                        re.IGNORECASE if tech.ignore_case or distinctive(name) else 0), tech, name)
            for name, tech in forms
        ]

    def vendor_names(self, vendor: str) -> tuple[str, ...]:
        """The ways a text names a vendor: its own name and its cloud's ("Amazon": AWS, "Google": GCP)."""
        return (vendor, *self.cloud_names.get(vendor.lower(), ()))

    def lookup(self, name: str) -> Technology | None:
        return self.by_key.get(normalize_for_key(name))

    def is_general_term(self, name: str) -> bool:
        """"JSON", "REST APIs", "RPCs": a format, protocol, kind of interface or style, not a product; so is a name
        made only of such terms ("JSON API")."""
        key = normalize_for_key(name)
        words = name.split()
        return key in self.terms or (key.endswith("s") and key[:-1] in self.terms) or \
            len(words) > 1 and all(map(self.is_general_term, words))

    def vendor_tag(self, name: str) -> str | None:
        """"AWS CodePipeline", "Apache Ambari": a name that opens with a vendor's or a foundation's name and goes on
        is that vendor's product; the tag most of the vendor's known names have, or None for any other name."""
        words = name.split()
        return self.vendor_tags.get(words[0].lower()) if len(words) > 1 else None

    def key_of(self, name: str) -> str:
        """The canonical key of a name: its lexicon technology's, else the normalised name."""
        found = self.lookup(name)
        return found.key if found else normalize_for_key(name)

    def keys_for(self, names: list[str]) -> set[str]:
        """Every key the names may match under: normalised as written and, when known, canonical."""
        return {normalize_for_key(name) for name in names} | {self.key_of(name) for name in names}




def load_terms(path: Path = TERMS_PATH) -> frozenset[str]:
    groups = YAML(typ="safe").load(path.read_text(encoding="utf-8")) or {}
    return frozenset(normalize_for_key(name) for names in groups.values() for name in names)


def load_lexicon(path: Path = LEXICON_PATH, terms_path: Path = TERMS_PATH) -> Lexicon:
    entries = YAML(typ="safe").load(path.read_text(encoding="utf-8")) or []
    technologies = []
    for entry in entries:
        tag = entry.get("tag")
        if tag not in TAGS:
            raise ValueError(f"{path}: {entry.get('name')!r} has tag {tag!r}, not one of the fixed tags")
        technologies.append(
            Technology(
                name=entry["name"],
                aliases=tuple(entry.get("aliases") or ()),
                tag=tag,
                logo=entry.get("logo"),
                ignore_case=bool(entry.get("ignore_case", False)),
                exclude=tuple(entry.get("exclude") or ()),
            )
        )
    return Lexicon(technologies, load_terms(terms_path))


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return load_lexicon()


def excluded(text: str, start: int, end: int, phrases: tuple[str, ...]) -> bool:
    for phrase in phrases:
        for match in re.finditer(re.escape(phrase), text):
            if match.start() <= start and end <= match.end():
                return True
    return False


def after_article(text: str, start: int, articles: str = "a|an|the") -> bool:
    """Whether the word at `start` follows one of the articles ("a superset", "[a bug]")."""
    return bool(re.search(rf"\b(?:{articles})\s+$", text[max(0, start - 8):start], re.I))


def common_noun_use(text: str, start: int, end: int, name: str) -> bool:
    """"a superset of the data", "the spring of 2019": a capitalised name written in lowercase between an article
    and "of" is the common noun."""
    surface = text[start:end]
    return surface != name and surface.islower() and after_article(text, start) \
        and bool(re.match(r"\s+of\b", text[end:]))


NAME_PAIR = re.compile(r"[A-Z0-9][\w.+#-]*(?:/[A-Z0-9][\w.+#-]*){1,2}")  # "Kubernetes/Ingress", not a path
# ends on a name's character: a full stop after the pair ends the sentence ("in Python/Django.")
SLASH_PAIR = re.compile(r"(?<![\w./-])[\w.+#-]+(?:/[\w.+#-]*[\w+#])+(?![\w/])")


def slash_joined(text: str, lexicon: Lexicon) -> list[tuple[Technology, int, int]]:
    """"a NodeJS/MongoDB stack": names joined by slashes, each a lexicon name, are each named; so is a name that
    stands for one product wherever it stands, beside a name the lexicon lacks ("our Kubernetes/Ingress stack"). A
    pair that is one name ("CI/CD", "Pub/Sub") or may be ("TCP/IP", "PL/SQL": short or general parts) is not
    split, nor is a path ("puppet/files/redis")."""
    found = []
    for match in SLASH_PAIR.finditer(text):
        parts = match.group().split("/")
        if lexicon.lookup(match.group()):
            continue
        every_part_known = all(lexicon.lookup(part) for part in parts)
        capitalised_pair = bool(NAME_PAIR.fullmatch(match.group()))
        start = match.start()
        for part in parts:
            if lexicon.lookup(part) and (every_part_known or names_one_product(part, lexicon) and capitalised_pair):
                found.append((lexicon.lookup(part), start, start + len(part)))
            start += len(part) + 1
    return found


def names_one_product(name: str, lexicon: Lexicon) -> bool:
    """"Kubernetes", "Redis": a known name, neither a general term nor an English word nor short enough to be half
    of an abbreviation."""
    return len(name) >= 5 and zipf(name) < RARE_ZIPF and not lexicon.is_general_term(name)


def names_in_text(text: str, lexicon: Lexicon) -> list[tuple[Technology, int, int]]:
    """Lexicon technologies named in `text`, longest name first, without overlaps."""
    taken: list[tuple[int, int]] = []
    found = []
    lowered = text.lower()
    for technology, start, end in slash_joined(text, lexicon):
        taken.append((start, end))
        found.append((technology, start, end))
    for pattern, technology, name in lexicon.matchers:
        if name.lower() not in lowered:  # a substring test first: most names are absent from most texts
            continue
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < t_end and t_start < end for t_start, t_end in taken) or LONGER_NAME_AFTER.match(text, end):
                continue
            if not technology.ignore_case and match.group() != name and english_compound(match.group().lower()):
                continue  # "optimized dataflow" is data flow, not the product Dataflow
            if common_noun_use(text, start, end, name):
                continue
            if technology.exclude and excluded(text, start, end, technology.exclude):
                continue
            taken.append((start, end))
            found.append((technology, start, end))
    return found
