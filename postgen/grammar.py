"""Word forms the description rules read: parts of speech, lemmas and verb inflections (lemminflect),
and the content words of a phrase."""

from __future__ import annotations

import re
from functools import lru_cache

from .words import zipf


ROLE_VERBS = ("runs", "powers", "stores", "serves", "streams", "schedules", "builds", "tests", "deploys", "monitors",
              "secures", "handles", "processes", "hosts", "routes", "caches", "orchestrates", "renders")
FUNCTION_WORDS = {
    "a", "an", "the", "and", "or", "but", "nor", "of", "to", "into", "for", "with", "by", "on", "in", "at", "as",
    "from", "across", "through", "via", "its", "their", "our", "this", "that", "these", "those", "which", "who",
    "while", "is", "are", "was", "were", "be", "been", "it", "they", "we", "all", "each", "every", "both", "also",
    "so", "than", "then", "over", "under", "about", "between", "within", "without", "per", "up", "out", "such",
    "how", "where", "when", "why", "what", "whether",  # "to inform how [and where to …]" ends nowhere
}
WORD = re.compile(r"[\w'’/+#-]+(?:\.[\w/+#-]+)*(?:['’]s\b)?")  # "Node.js", "Made.com's": one word; a full stop is not part of one


@lru_cache(maxsize=8192)
def parts_of_speech(word: str) -> frozenset[str]:
    from lemminflect import getAllLemmas

    return frozenset(getAllLemmas(word.lower().strip("'’")))


@lru_cache(maxsize=8192)
def lemmas(word: str) -> frozenset[str]:
    from lemminflect import getAllLemmas

    return frozenset(lemma for found in getAllLemmas(word.lower()).values() for lemma in found)


@lru_cache(maxsize=1)
def role_lemmas() -> frozenset[str]:
    return frozenset(verb_lemma(verb) for verb in ROLE_VERBS)


def is_verb(word: str) -> bool:
    return bool(parts_of_speech(word) & {"VERB", "AUX"})


def verb_lemma(word: str) -> str:
    from lemminflect import getLemma

    found = getLemma(word.lower(), upos="VERB")
    # "routed" is "rout" or "route": the more common word is the one meant
    return max(found, key=lambda lemma: (zipf(lemma), -found.index(lemma))) if found else word


def inflected(verb: str, tag: str) -> str | None:
    """The verb in the Penn tag's form ("VBZ": runs, "VBD": ran), or None when lemminflect does not know it."""
    from lemminflect import getInflection

    forms = getInflection(verb.lower(), tag=tag)
    return forms[0] if forms else None


def third_person(verb: str) -> str:
    return inflected(verb, "VBZ") or verb


def is_base_verb(word: str) -> bool:
    """"build", "run": a verb in its base form (an infinitive or an imperative), not "builds" or "built"."""
    return is_verb(word) and verb_lemma(word) == word.lower()


def is_third_person(word: str) -> bool:
    """"caches", "powers": a verb in the third person; not "access" or "process" read as a noun."""
    return word.endswith("s") and is_verb(word) and verb_lemma(word) != word.lower()


def noun_then_participle(words: list[str]) -> bool:
    """"X clusters distributed across …", "X models running on …": a noun with a reduced relative, not a verb."""
    return len(words) > 1 and "NOUN" in parts_of_speech(words[0]) and words[1].lower().endswith(("ed", "ing")) \
        and is_verb(words[1])


# "X drives are becoming popular": a word before one of these is a plural noun, not X's verb
PLURAL_AUXILIARIES = {"are", "were", "have", "do", "can", "could", "will", "would", "may", "might", "should", "must"}
DETERMINERS = {"a", "an", "the", "our", "their", "its", "this", "that", "these", "those", "all", "every", "each"}
ADVERBS = {"also", "still", "now", "often", "always", "never", "then", "usually"}


def noun_then_verb(words: list[str]) -> bool:
    """"X requests end the …", "X instances also have …", "X tests of both …": a plural noun with its own verb (or
    an "of" phrase) after it, not a verb; "X caches frequently accessed data", "X powers search for …" are verbs."""
    if len(words) < 2 or not plural_noun(words[0]):
        return False
    rest = words[1:]
    while len(rest) > 1 and (rest[0].lower() in ADVERBS or rest[0].lower().endswith("ly") and not is_verb(rest[0])):
        rest = rest[1:]
    following, skipped = rest[0].lower(), len(rest) < len(words) - 1
    if following == "of" or following in PLURAL_AUXILIARIES:
        return True
    return is_base_verb(following) and (skipped or len(rest) > 1 and rest[1].lower() in DETERMINERS | {"to"})


def plural_noun(word: str) -> bool:
    from lemminflect import getAllLemmas

    return any(lemma != word.lower() for lemma in getAllLemmas(word.lower()).get("NOUN", ()))


GLOSS_AT_END = re.compile(r"\s*\(([^()]*)\)\s*$")  # "Department for Education (DfE Digital)"


def without_gloss(name: str) -> str:
    """A name without a bracketed gloss at its end: "Department for Education"."""
    return GLOSS_AT_END.sub("", name) or name


def possessive(name: str, apostrophe: str = "'") -> str:
    """"Spotify's", "Audius's"; a name ending in a plural noun takes the apostrophe alone: "The National Archives'";
    a bracketed gloss after the name is left out, not followed by the apostrophe ("Acme (UK)" → "Acme's")."""
    name = without_gloss(name)
    last = name.split()[-1] if name.split() else name
    return f"{name}{apostrophe}" if last.endswith("s") and plural_noun(last) else f"{name}{apostrophe}s"


def content_words(text: str) -> list[str]:
    return [word for word in WORD.findall(text) if word.lower() not in FUNCTION_WORDS and not word.isdigit()]


def is_possessive(word: str) -> bool:
    """"Spotify's", "The National Archives'" (a plural's apostrophe alone)."""
    return word.endswith(("'s", "’s", "s'", "s’"))


def without_possessive(word: str) -> str:
    plain = word.removesuffix("'s").removesuffix("’s")
    return plain[:-1] if plain.endswith(("s'", "s’")) else plain
