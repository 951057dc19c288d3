"""Attached words turned into a description: cut at a boundary to at most MAX_WORDS words, the role verb put
first, possessives made the company's; and whether the result says enough of what the technology does there to
be published."""

from __future__ import annotations

import re

from .attached import (
    AGENT_BEFORE, STORED_TO_BEFORE, AUXILIARIES, COMPOUND_AFTER, EXAMPLES_OPENING, INLINE_GLOSS, RESPONSIBLE_AFTER, WORD_PART_BRACKETS,
    WRITING_VERBS, closed_list_at, one_word_compounds,
)
from .candidates import common_word
from .grammar import (
    DETERMINERS as NOUN_PHRASE_OPENERS, FUNCTION_WORDS, content_words, inflected, is_base_verb, is_possessive,
    is_third_person, is_verb, parts_of_speech, possessive, third_person, verb_lemma, without_possessive,
)
from .models import TAGS
from .selection import mention_at
from .words import ordinary

MAX_WORDS = 12
MIN_CONTENT_WORDS = 3  # a two-word category ("service mesh") says what it is, not what it does there
MIN_USE_WORDS = 2  # a verb and the company's object do say it ("Stores GitLab's logs"; not "Monitors systems")
WH_WORDS = {"how", "where", "when", "why", "what", "whether", "which", "who"}
PARTICLES = {"up", "in", "out", "off", "over", "around", "away", "back"}
RELATIVE_OPENERS = {"which", "that", "who", "whom", "whose", "where"}  # "Which may itself fetch …": a clause's tail
MAYBE_WORDS = {"may", "might", "could", "perhaps", "maybe", "possibly"}  # what it may do is not what it does
DETERMINERS = NOUN_PHRASE_OPENERS | {"both"}
PERSONAL_WORDS = {"i", "me", "my", "we", "us", "you", "your", "yours",  # "our" becomes the company's name
                  "myself", "ourselves", "yourself", "yourselves"}  # "keeps ourselves in line"
NOT_ONLY = re.compile(r"\bnot\s+(?:just|only|merely|simply)\b", re.I)
LINK = re.compile(r"https?://|www\.", re.IGNORECASE)
DEFINING_RELATIVE = re.compile(r"\swhere\s")  # no comma before it: it says which place is meant
DEFINITE_END = re.compile(r"\bthe\s+(?:[\w-]+\s+){0,2}[\w-]+$", re.IGNORECASE)
QUOTE_MARKS = {'"', "“", "”", "'", "‘", "’"}
# praise, not a use: "really fast-growing application framework"
INTENSIFIERS = {"really", "very", "extremely", "super", "incredibly", "truly", "amazingly", "insanely", "hugely",
                # the writer's opinion ("a great way to extend the platform") says nothing of the use
                "great", "nice", "awesome", "excellent", "wonderful", "fantastic", "amazing", "cool", "brilliant",
                "useful", "handy", "neat", "helpful"}
RANKING_OPENERS = {"better", "best", "worse", "worst"}  # "Better project for the issues opened": a verdict, not a use
QUANTIFIERS = {"some", "many", "much", "several", "most", "few", "various", "multiple", "numerous", "other", "certain"}
POINTING_WORDS = {"this", "that", "these", "those", "it", "them", "they", "here", "there", "such", "him", "her"}
# "the old indexes", "the same role": a noun phrase that points back to earlier text, so the row does not stand alone
POINTING_BACK = re.compile(r"\bthe\s+(?:old|same|other|former|latter|above|previous|aforementioned|remaining|rest|existing)\b", re.I)
# "Triggers the load process", "Powers the hosting platform": a verb, then "the" and a kind of the company's own
# arrangement in ordinary words; the text said which one earlier, and alone the row does not ("the mobile apps"
# says which apps)
KIND_OBJECT = re.compile(r"^\S+\s+the\s+(?P<words>(?:(?!of\s)[a-z-]+\s+){0,2}(?:process|platform|pipeline|system|"
                         r"project|workflow)s?(?:\s+of\s+the\s+(?:[a-z-]+\s+){0,2}[a-z-]+)?)$")
# nouns for a doing, read as a gerund is ("workflow management" as "application monitoring"); "department",
# "statement" or "position" end the same way and name no doing
DOING_NOUNS = {"management", "orchestration", "deployment", "provisioning", "validation", "authentication",
               "authorisation", "authorization", "integration", "automation", "transformation", "replication",
               "detection", "aggregation", "visualisation", "visualization", "configuration", "compilation",
               "execution", "analysis", "analytics", "delivery", "distribution", "ingestion", "encryption",
               "compression", "storage"}
IN_SERVICE = re.compile(r"\s+in\s+(?:production|prod|use|service)\s*$", re.I)  # where it runs, not what it does
# "Utilises DAGs to trigger a set of jobs", "Leverages AWS Bedrock to …": what the technology itself works with,
# not what it does at the company
USE_VERBS = {"uses", "utilises", "utilizes", "leverages", "employs", "relies"}
# "Lacks a comprehensive system for routing traffic": what the technology falls short of, not what it does there
SHORTFALL_VERBS = {"lacks", "misses", "fails", "struggles", "suffers", "lags"}
# "Provides a web UI", "Offers the lazy function", "Provides the mysqldump utility": the parts a product comes with,
# not what it does at the company
SHIPPING_VERBS = {"provides", "offers", "ships", "includes", "exposes", "bundles", "features"}
PRODUCT_PARTS = {"ui", "uis", "gui", "cli", "clis", "utility", "utilities", "tool", "tools", "function", "functions",
                 "library", "libraries", "command", "commands", "plugin", "plugins", "feature", "features", "option",
                 "options", "method", "methods", "widget", "widgets", "module", "modules"}
MACHINES = {"server", "servers", "device", "devices", "machine", "machines", "host", "hosts", "computer", "computers",
            "laptop", "laptops", "box", "boxes"}
# "Core component of the alerts process": what it is part of, not what it does there
MEMBERSHIP = re.compile(r"^(?:one\s+of\s+(?:the\s+)?)?(?:[\w-]+\s+){0,2}?(?:component|part|piece|element|member)s?\s+of\s+"
                        r"(?P<whole>.*)$", re.I)  # "One of the key components of the infrastructure" too
WRITERS_OWN = re.compile(r"\bour\b", re.IGNORECASE)
SUBJECTS_OWN = re.compile(r"\b(?:their|its)\b", re.IGNORECASE)
INNER_BOUNDARY = re.compile(r"(?:,\s|\s)(?:which|that|where|enabling|allowing|making|ensuring|including|such as|"
                            r"so|because|and then|while)\s|,\s|\s" + WORD_PART_BRACKETS +
                            # "for web sockets or Spock in Groovy to write tests": the next item is another name's use
                            r"|\s(?:and|or)\s(?=[A-Z][\w.+#-]*(?:\s[A-Z][\w.+#-]*)?\s(?:in|to|for|with|as|on|via)\s)")
AUTHOR_AFTER = re.compile(r"\s+by\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*[.!]?\s*$")
DEFINITION = re.compile(r"\b(?:designed|meant|intended|known|popular|famous)\b", re.I)  # what it is made for anywhere
SCOPE = re.compile(r"\s(?:for|to|that|which|of|over|between|across|in|on|with|from|into|behind|via|using|at|by)\s", re.I)
ACTIVITY_NOUNS = {"search", "delivery", "control", "discovery", "recovery", "backup", "backups", "support", "access",
                  "traffic", "logs", "metrics", "alerts", "builds", "tests", "deploys", "releases", "analysis",
                  "queries", "query", "requests", "jobs", "tasks", "events", "messages", "payments", "emails"}
LIST_GOES_ON = re.compile(r"^,\s+[A-Z][\w.+#/-]*(?:\s[A-Z][\w.+#/-]*)?(?:,|\s+(?:and|or)\s|,?\s+etc\b)")
RELATIVE_THAT = re.compile(r"(?<=\w)\s+that\s+(?P<verb>[a-z]+)\b")
CLAUSE_END = re.compile(r"[,;:.!?()]|\s(?:and|or|but|which|that|where|while)\s")
# "the equivalent role [in Kubernetes]": these words need what a cut would drop
RELATIONAL = {"equivalent", "corresponding", "following", "same", "respective", "matching", "relevant"}
PLACE_PREPOSITIONS = {"from", "in", "on", "at", "across", "within", "throughout", "inside"}
ARTICLE = re.compile(r"^(?:a|an|the)\s+", re.I)
LEADING_WORDS = re.compile(r"^(?:(?:a|an|the|for|to)\s+)+", re.I)
CATEGORY_WORDS = {word.lower() for tag in TAGS for word in re.split(r"[\s/]+", tag)}  # "Backend", "Frontend"
RELATIVE_USE = re.compile(r"\s(?:that|which)\s+(?P<can>can\s+)?(?P<verb>[a-z]+)\b")  # "that can listen": what it does
EMPTY_NOUNS = {"complexity", "complexities", "challenge", "challenges", "thing", "things", "stuff", "needs",
               "aspects", "everything", "anything", "show", "job", "trick", "lot", "lots", "tons", "bunch", "plenty",
               "way", "ways"}  # "a different way of thinking about architecture": a manner, not a use
# "Acme's primary programming language": the company owns it, but its rank and kind say nothing of its use
RANK_WORDS = {"primary", "main", "core", "principal", "chief", "preferred", "default", "favourite", "favorite",
              "chosen", "standard", "official", "go-to", "only", "first", "second", "new", "current", "own"}
KIND_WORDS = {"language", "languages", "programming", "scripting", "database", "databases", "framework",
              "frameworks", "library", "libraries", "tool", "tools", "toolkit", "platform", "platforms", "technology",
              "technologies", "choice", "choices", "stack", "option", "solution", "runtime", "system"}
WHAT_IT_IS = {"identity", "role", "aside"}  # on a tie, what a technology does wins over what it is
POWERS = {"powered", "built", "backed", "driven", "based"}
RUNS = {"run", "runs", "running"}
BUILDS = {"written", "compiled", "bundled", "packaged"}
STORES = {"stored", "saved", "persisted", "archived"}


def ends_mid_phrase(word: str) -> bool:
    """A last word that leaves the phrase hanging: a function word or a bare adverb."""
    return word.lower() in FUNCTION_WORDS or parts_of_speech(word) == frozenset({"ADV"})


def cuts_a_name_list(text: str, at: int) -> bool:
    """Whether a cut at `at` would keep only the first of a list of names ("for SQL, JSON, MySQL, etc.")."""
    before = text[:at].split()
    return bool(before) and before[-1][:1].isupper() and bool(LIST_GOES_ON.match(text[at:]))


def shortened(text: str) -> str:
    """Words before an inner boundary or relative clause, ending where a phrase can end; nothing when that is
    still longer than MAX_WORDS. A closed list of examples is kept when it fits ("provides abstractions such as
    deployments, scaling, and service discovery" says more than "provides abstractions")."""
    match = INNER_BOUNDARY.search(text)
    whole = text.rstrip(" .!?;,")
    if match and (examples := closed_examples(text, match) or defining_clause(text, match)):
        text = examples
    elif match and len(text[:match.start()].split()) >= 2 and not cuts_a_name_list(text, match.start()):
        text = kept_before_cut(text[:match.start()], text[match.start():])
        if not text:
            return ""
    words = (text.rstrip(" !?;,") if text.rstrip().endswith("etc.") else text.rstrip(" .!?;,")).split()
    dropped = ""  # the last word a phrase cannot end with, popped below
    if len(words) > MAX_WORDS:
        words = words[:infinitive_after(words)]  # "development of the store [to prepare for release …]"
    if len(words) > MAX_WORDS:
        words = words[:adjunct_after(words)]  # "manages the deployments of each chart [from the repository]"
    if len(words) > MAX_WORDS:
        return ""  # cut at the word limit, a clause becomes a fragment ("maps a role to the equivalent role")
    while words and ends_mid_phrase(words[-1].strip(",.;:")):
        dropped = words.pop()
    cut = len(words) < len(whole.split())
    if len(words) > 3 and words[-2].lower() == "to" and is_base_verb(words[-1]) and (dropped.lower() in WH_WORDS or cut):
        words = words[:-2]  # "insights to inform [how and where …]", "tool for artifacts to ensure [that …]": the
        # purpose lost what it was about
    kept = " ".join(words).rstrip(",;:")
    return kept if kept.endswith("etc.") else kept.rstrip(".!?")  # cut after a full stop the splitter missed


def kept_before_cut(kept: str, rest: str) -> str:
    """The words before a cut that still stand without the rest: nothing when the rest says which place "the …"
    means, and without half a noun phrase the cut went through."""
    return "" if defined_by_what_follows(kept, rest) else split_noun_phrase_dropped(kept, rest)


def split_noun_phrase_dropped(kept: str, rest: str) -> str:
    """"… into a single[, easy to extend database]": a comma between an article's adjectives is no boundary, so the
    article and its adjective are dropped with the rest of their noun phrase (the preposition before them then goes
    as any phrase-ending word does)."""
    found = re.search(r"\s(?:a|an|the)\s+[\w-]+$", kept, re.IGNORECASE)
    if rest.startswith(",") and found and "ADJ" in parts_of_speech(kept.split()[-1]):
        return kept[:found.start()]
    return kept


def defined_by_what_follows(kept: str, rest: str) -> bool:
    """"Reads data from the S3 bucket [where we log requests]": the words after a cut say which place "the …"
    means, so the kept words alone do not."""
    return bool(DEFINING_RELATIVE.match(rest)) and bool(DEFINITE_END.search(kept.rstrip()))


def defining_clause(text: str, boundary: re.Match) -> str | None:
    """The text up to the end of a restrictive relative clause that says what the thing before it does ("a web UI
    [that shows resources in the cluster]", "the pipeline of the application [which does unit testing]"), when that fits in MAX_WORDS and speaks of no person; None otherwise
    ("a UI, which …" is an aside, and "ensures that the data …" opens a statement, not a relative clause)."""
    if boundary.group() not in (" that ", " which "):  # no comma before it: it says which one is meant
        return None
    rest = text[boundary.end():]
    verb = rest.split(maxsplit=1)[0] if rest.strip() else ""
    if not is_third_person(verb):
        return None
    end = boundary.end() + (found.start() if (found := CLAUSE_END.search(rest)) else len(rest))
    clause = text[:end]
    words = {word.lower().strip(",.;:") for word in clause.split()}
    says_what = content_words(text[boundary.end() + len(verb):end])  # "an event that flows [through X]" says nothing
    return clause if says_what and len(clause.split()) <= MAX_WORDS and not words & PERSONAL_WORDS else None


def adjunct_after(words: list[str]) -> int:
    """Where the last phrase saying where from, where or across what the action happens begins, within the word
    limit and after a verb and its object; the whole length when there is none."""
    for at in range(min(len(words) - 1, MAX_WORDS), 3, -1):
        last = words[at - 1]
        if words[at].lower() in PLACE_PREPOSITIONS and not last.endswith((",", ";", ":")) \
                and not participle_only(last) and not RELATIONAL & {word.lower() for word in words[:at]} \
                and not complement_follows(words[:at]):
            return at
    return len(words)


def complement_follows(kept: list[str]) -> bool:
    """"… and make iteration [on the user interface as rapid as possible]": "make" with its object is waiting for
    what it makes the object, and a cut after the object drops that."""
    return any(verb_lemma(word.lower()) == "make" and is_verb(word) for word in kept[-3:])


def participle_only(word: str) -> bool:
    """"tables hosted", "files requested": a participle waiting for the phrase a cut after it would drop."""
    return word.lower().endswith("ed") and "NOUN" not in parts_of_speech(word)


def infinitive_after(words: list[str]) -> int:
    """Where a purpose of the sentence's own action begins ("to prepare for …"), after at least three words and
    within the word limit; the whole length when there is none."""
    for at in range(3, min(len(words) - 1, MAX_WORDS + 1)):
        after = words[at + 1].strip(",.;:")
        if words[at].lower() == "to" and is_base_verb(after) and \
                not words[at - 1].lower().endswith(("ed", "ing")):
            return at
    return len(words)


def closed_examples(text: str, boundary: re.Match) -> str | None:
    """The text up to the end of the closed list of short noun phrases that follows "such as" or "including" at
    the boundary, when that fits in MAX_WORDS; None for an open list or a clause ("such as when we deploy")."""
    if not EXAMPLES_OPENING.search(boundary.group()):
        return None
    found = closed_list_at(text, boundary.end())
    return text[:found] if found and len(text[:found].split()) <= MAX_WORDS else None


def compound_head(phrase: str) -> str:
    """The noun phrase a "-based"/"-powered" compound modifies, up to the words that go on with the sentence:
    "storefront renders every page" → "storefront"; "file structure to our site styles" → "file structure";
    "journal and retrieving the blobs" → "journal" (a second doing joined by "and" is the sentence's, not the noun's)."""
    words = [word.strip(",.;:") for word in phrase.split()]
    end = next((i for i, word in enumerate(words) if i and (word.lower() == "to" or is_third_person(word)
                                                           or joins_a_doing(words, i))), len(words))
    return " ".join(phrase.split()[:end])


def joins_a_doing(words: list[str], at: int) -> bool:
    """"and retrieving", "or writes": a conjunction before a verb starts another verb phrase, as a plural subject's
    verb before its object does ("… and cache serve every request")."""
    following = words[at + 1] if at + 1 < len(words) else ""
    after = words[at + 2].lower() if at + 2 < len(words) else ""
    if words[at].lower() in ("and", "or"):  # "and retrieving the blobs"; "and booking pages" is one more noun
        return following.endswith("ing") and is_verb(following) and after in NOUN_PHRASE_OPENERS or \
            is_third_person(following)
    # "session store and cache serve every request": a plural subject's verb, then its object
    return is_base_verb(words[at]) and following.lower() in NOUN_PHRASE_OPENERS


def agent_rewritten(text: str) -> str:
    """"NP is built on" → "Powers NP"; "NP handled by" → "Handles NP"; "-based NP" → "Powers NP";
    "storing NP" → "Stores NP"; "is responsible for NP" → "Handles NP"."""
    if match := RESPONSIBLE_AFTER.match(text):
        return f"handles {match.group('rest')}"
    if match := STORED_TO_BEFORE.match(text + " "):  # the attached words end at "to"
        return f"stores {mid_sentence(match.group('np'))}"
    # "NP is written in": the verb at the end makes the reading; "rendering logic" is a noun phrase, not "renders"
    if match := COMPOUND_AFTER.match("-" + text.lstrip("-")):
        verb, np = match.group("verb"), compound_head(match.group("np"))
    elif match := AGENT_BEFORE.search(text + " by "):
        verb, np = match.group("verb"), match.group("np")
    elif match := re.match(r"^(?P<verb>\w+ing)\s+(?P<np>.+)$", text):
        return f"{third_person(verb_lemma(match.group('verb')))} {match.group('np')}"
    else:
        return text
    role = ("runs" if verb.lower() in RUNS else "powers" if verb.lower() in POWERS else "stores" if verb.lower() in STORES
            else "builds" if verb.lower() in BUILDS else third_person(verb_lemma(verb)))
    np = re.sub(r"\s+(?:is|are|was|were|gets?)$", "", np.strip())
    # the article stays: "Builds the iOS application", not "Builds iOS application"
    article, np = (match.group().lower(), np[match.end():]) if (match := ARTICLE.match(np)) else ("", np)
    return f"{role} {article}{mid_sentence(np)}"


def mid_sentence(phrase: str) -> str:
    """A phrase that began a sentence, as it reads after other words: "Credentials like …" → "credentials like …";
    "Apache Solr" and "iOS" are names and keep their capitals."""
    first, _, rest = phrase.partition(" ")
    second = rest.split(" ", 1)[0]
    if "'" in first or "’" in first or re.search(r"[A-Z]", first[1:]) or first.isupper() and first not in ("A", "I"):
        return phrase  # "C library", "R scripts": a one-letter name keeps its capital
    parts = first.split("-")
    if len(parts) > 1 and all(map(common_word, parts)) or \
            (common_word(first) or first.lower() in CATEGORY_WORDS) and not second[:1].isupper():
        return f"{first.lower()} {rest}".strip()  # "High-performance JSON …", "Backend monitoring …"
    return phrase


def rewritten(shape: str, text: str, company: str, owner: str | None = None) -> str:
    """The attached words as a description: role verb first where the shape needs one, cut short, then the
    leading article or preposition dropped, a verb in the third person, "our" made the company's and "its"/"their"
    the sentence subject's (`owner`, the company unless another name is the subject)."""
    preposition = text.strip().split(" ", 1)[0].lower() if text.strip() else ""
    if shape in ("object", "subject", "possessor"):  # "we import the logs" → Imports the logs; "X and Y power" → Powers
        verb, _, rest = text.strip().partition(" ")
        if shape == "object" and verb.lower() in WRITING_VERBS:
            text = f"builds {rest}"  # "we wrote the cache layers in C": C does not write, it builds
        elif shape == "object" or verb_lemma(verb) == verb.lower() and is_verb(verb) and not verb.lower().endswith("ly"):
            text = f"{third_person(verb_lemma(verb))} {rest}"  # "automatically adjusts …" keeps its adverb
    text = INLINE_GLOSS.sub("", text)
    if shape in ("role", "identity", "aside"):  # a name for what it is: "a platform has been growing" is a clause
        words = text.split()
        text = relative_as_participle(" ".join(words[:next(
            (i for i, w in enumerate(words) if w.lower() in AUXILIARIES and not relative_can(words, i)), len(words))]))
    if shape in WHAT_IT_IS | {"list"}:
        text = AUTHOR_AFTER.sub("", text)  # "a parallel test runner by Jane Doe": who wrote it is not what it does
    if shape == "agent":  # the article stays: "Builds the iOS application"
        text = LEADING_WORDS.sub("", shortened(agent_rewritten(text.strip())).strip())
    else:  # a leading "to" or "for" is no word of the limit
        text = shortened(LEADING_WORDS.sub("", text.strip()) if shape != "subject" else text.strip()).strip()
    if shape == "purpose":
        text = purpose_as_verb(text, preposition)
    text = WRITERS_OWN.sub(possessive(company), text)
    text = SUBJECTS_OWN.sub(possessive(owner or company), text)
    first = text.split(" ", 1)[0]
    return text if re.search(r"[A-Z]", first[1:]) else text[:1].upper() + text[1:]  # "iOS" stays


def relative_as_participle(text: str) -> str:
    """"the JavaScript engine that powers the browser" → "the JavaScript engine powering the browser": what a
    technology named for what it is does, kept past the cut at "that" (and without a pointing word)."""
    match = RELATIVE_USE.search(text)
    if not match or not fits_relative(match.group("verb"), bool(match.group("can"))):
        return text
    participle = inflected(verb_lemma(match.group("verb")), "VBG")
    return f"{text[:match.start()]} {participle}{text[match.end():]}" if participle else text


def relative_can(words: list[str], at: int) -> bool:
    """"… server that can listen …": the relative clause's "can" says what the thing does, not another clause."""
    return words[at].lower() == "can" and at > 0 and words[at - 1].lower() in ("that", "which")


def fits_relative(verb: str, after_can: bool) -> bool:
    """"that powers" and "that can listen" are verbs of the relative clause; "that listen", "that can listens" and
    an auxiliary ("that is") not."""
    agrees = is_verb(verb) and verb_lemma(verb) == verb if after_can else is_third_person(verb)
    return agrees and verb not in AUXILIARIES


def as_own(description: str, company: str) -> str:
    """An own tool's description that says what it is reads as the company's, as seed 000 writes Backstage
    ("Spotify's open platform for …"): "High-performance websocket server" → "Acme's high-performance websocket
    server". One that says what it does, or already has an owner, stays."""
    words = description.split()
    if not words or is_third_person(words[0]) or any(is_possessive(word) for word in words) or \
            len(words) + len(company.split()) > MAX_WORDS:
        return description
    return f"{possessive(company)} {mid_sentence(description)}"


def purpose_as_verb(text: str, preposition: str) -> str:
    """"to provision accounts" → Provisions accounts; "for caching sessions" → Caches sessions; "for efficiently
    loading lists" → Efficiently loads lists. A purpose that is a noun phrase stays one."""
    words = text.split()
    if manner := manner_before_gerund(words, preposition):
        return purpose_as_verb(" ".join(manner), preposition)
    at = 1 if len(words) > 2 and words[0].lower().endswith("ly") and (
        words[1].lower().endswith("ing") or preposition == "to" and is_verb(words[1])) else 0
    verb_form = preposition == "to" or bool(words[at:]) and words[at].lower().rstrip(",").endswith("ing")
    if not words[at:] or not is_verb(words[at].rstrip(",")) or not verb_form:
        return text
    words[at] = in_third_person(words[at])
    # "to isolate and package up …", "for automating and scripting …", "to convert, process, and enrich data": the
    # verbs joined to the first take the same form
    at += 1
    while at + 1 < len(words) and (words[at].lower() in ("and", "or") or words[at - 1].endswith(",")):
        joined = at + 1 if words[at].lower() in ("and", "or") else at
        if words[joined].lower().endswith("ly") and joined + 1 < len(words):
            joined += 1  # "to retrieve and appropriately set …"
        verb = words[joined].rstrip(",")
        if not is_verb(verb) or not (verb.lower().endswith("ing") or preposition == "to" and verb_lemma(verb) == verb):
            break
        words[joined] = in_third_person(words[joined])
        at = joined + 1
    if preposition == "to":  # "to take snapshots and to run unit tests": the second "to" goes with the first
        words = [word for at, word in enumerate(words)
                 if not (word.lower() == "to" and 0 < at < len(words) - 1 and words[at - 1].lower() == "and"
                         and is_base_verb(words[at + 1]))]
    if preposition == "to" and (second := verb_after_object(words)) is not None:
        words[second] = third_person(words[second])  # "to automate operations and build a mindset"
    if preposition == "to" and (subjects := subjects_own_verb_after(words)) is not None:
        words = words[:subjects]  # "we used X to take snapshots [and built workflows]": "built" is the writers'
    return " ".join(words)


def subjects_own_verb_after(words: list[str]) -> int | None:
    """Where "and" joins a verb in the past tense to a purpose: that verb goes with the sentence's subject, not
    with the purpose ("to take hourly snapshots and built workflows"); None when there is none, or when the verb
    follows a participle ("the uploaded and processed images")."""
    for at in range(2, len(words) - 1):
        verb = words[at + 1].lower()
        before = words[at - 1]
        if words[at].lower() == "and" and "NOUN" in parts_of_speech(before) and not before.lower().endswith("ed") \
                and inflected(verb_lemma(verb), "VBD") == verb and verb_lemma(verb) != verb:
            return at
    return None


def in_third_person(word: str) -> str:
    """A verb of a series in the third person, its comma kept: "convert," → "converts,"."""
    return third_person(verb_lemma(word.rstrip(","))) + ("," if word.endswith(",") else "")


def verb_after_object(words: list[str]) -> int | None:
    """Where a second verb follows the first one's object after "and" ("… operations and build …"), or None; a
    verb used as a modifier before "and" ("read and write requests") is no object."""
    for at in range(2, len(words) - 1):
        before, verb = words[at - 1], words[at + 1]
        if words[at].lower() == "and" and "VERB" in parts_of_speech(verb) and verb_lemma(verb) == verb.lower() \
                and not before.endswith(",") and not ("VERB" in parts_of_speech(before) and verb_lemma(before) == before):
            return at + 1
    return None


def manner_before_gerund(words: list[str], preposition: str) -> list[str] | None:
    """"for server-side rendering critical pages": a hyphenated manner word before a gerund that takes an object
    goes after the purpose ("rendering critical pages server-side"), so it reads as a verb; "server-side rendering
    of pages" and "real-time data streaming" are noun phrases and stay."""
    if preposition == "to" or len(words) < 3 or "-" not in words[0].strip("-") or is_verb(words[0]) or \
            not (words[1].lower().endswith("ing") and is_verb(words[1])) or words[2].lower() in FUNCTION_WORDS - DETERMINERS:
        return None
    return [*words[1:], words[0].lower()]


def acceptable(text: str, names: list[str] = ()) -> bool:
    """At most MAX_WORDS words once the company's name is in; enough content words, not counting a possessive:
    three ("frontend experiences" says little, and a two-word category such as "developer portal" says what it is,
    not what it does there), or two when a verb acts on something of the company's ("Stores GitLab's logs";
    "Monitors systems" is too general); none pointing elsewhere ("makes that possible", "swaps the old indexes"),
    only bare machines ("Runs Acme's servers"), only what it is part of ("core component of the alerts process"),
    empty ("the show"), praising ("really fast-growing") or addressed to a reader ("your editor"); no link; its
    quotes and brackets closed; no phrasal verb standing in for a use ("shows up in …", "steps in for …"); not only
    where it runs, a quotation, a verdict, what the technology itself uses ("Utilises DAGs …"), what it falls short
    of ("Lacks a system for routing traffic") or a kind named before ("Triggers the load process"); no markup ("the
    |swh| architecture") and no "own" whose noun was cut off ("Distributes Acme's own"); and not the technology's own
    name again ("Kubernetes platform cluster" says nothing of Kubernetes)."""
    words = [without_possessive(word.lower().strip(",.;:")) for word in without_relative_that(
        re.sub(r"\bsuch as\b", "", text)).split()]
    counted = [word for word in content_words(text)  # "Artsy's data store"; "Powers some services" says no more
               if not is_possessive(word) and word.lower() not in QUANTIFIERS]
    owned = any(is_possessive(word) for word in text.split()[1:])
    least = MIN_USE_WORDS if counted and (is_third_person(counted[0]) and owned or names_an_activity(counted)) \
        else MIN_CONTENT_WORDS
    return (len(counted) >= least and len(text.split()) <= MAX_WORDS
            and not (POINTING_WORDS | EMPTY_NOUNS | PERSONAL_WORDS | INTENSIFIERS) & set(words)
            and not LINK.search(text) and not POINTING_BACK.search(text) and not only_membership(text)
            and not only_machines(counted)
            and balanced(text) and "etc" not in words and not half_a_correlative(text)
            and mention_at(text, list(names), re.IGNORECASE) is None
            and not (len(words) > 1 and words[1] in PARTICLES and is_verb(words[0]))
            and not (words and words[0] in RELATIVE_OPENERS) and not MAYBE_WORDS & set(words)
            and not only_where_it_runs(words) and not someone_elses_words(text)
            and not (words and words[0] in RANKING_OPENERS | USE_VERBS | SHORTFALL_VERBS)
            and not only_a_kind_named_before(text) and not only_parts_it_ships(words)
            and "|" not in text and not (words and words[-1] == "own"))


def only_a_kind_named_before(text: str) -> bool:
    """"Triggers the load process": "the" with everyday words for a kind of thing points back to where the text
    said which; a name ("Builds the iOS application") or a rarer word ("Runs the billing pipeline", "Runs the django
    app") among them says it here, as a count does ("Hosts the hundreds of services")."""
    match = KIND_OBJECT.match(text.strip())
    return bool(match) and all(ordinary(word) for word in re.findall(r"[A-Za-z]+", match.group("words")))


def only_parts_it_ships(words: list[str]) -> bool:
    """"Provides a useful CLI to search for packages": a verb of shipping whose object is one of a product's parts;
    "Provides templating within HTML" or "Provides an API similar to …" says what it does."""
    if len(words) < 2 or words[0] not in SHIPPING_VERBS:
        return False
    object_words = SCOPE.split(" " + " ".join(words[1:]) + " ", 1)[0].split()
    return bool(object_words) and object_words[-1] in PRODUCT_PARTS


def only_where_it_runs(words: list[str]) -> bool:
    """"Runs on AWS EKS as the control plane": where it runs, not what it does there."""
    return len(words) > 1 and words[0] in RUNS and words[1] in ("on", "in", "inside", "atop", "within", "under")


def someone_elses_words(text: str) -> bool:
    """A description that is all one quotation ('"dev environment in the cloud."'): how someone bills it."""
    stripped = text.strip().rstrip(".")
    return len(stripped) > 1 and stripped[0] in QUOTE_MARKS and stripped[-1] in QUOTE_MARKS


def without_relative_that(text: str) -> str:
    """"a UI that shows resources": "that" opening a relative clause points nowhere, unlike "makes that possible"."""
    return RELATIVE_THAT.sub(lambda found: " " + found["verb"] if relative(found) else found[0], text)


def relative(that: re.Match) -> bool:
    """"a UI that shows": a noun, then "that" and a verb; "ensures that pages …" opens a statement."""
    before = that.string[:that.start()].split()[-1]
    return is_third_person(that["verb"]) and not is_verb(before) and before.lower() not in FUNCTION_WORDS


def half_a_correlative(text: str) -> bool:
    """"Provides not just null constraints" was cut before its "but also …": what it stresses is in the missing half."""
    return bool(NOT_ONLY.search(text)) and not re.search(r"\bbut\b", text, re.I)


def names_an_activity(counted: list[str]) -> bool:
    """"Background processing", "application monitoring", "workflow management": two words headed by a gerund or a
    noun for a doing say what is done with it; "service mesh" or "developer portal" only say what it is, "web
    application" not even that, and "core integration" only how it ranks."""
    head = counted[-1].lower().strip(",.;:")
    return not is_third_person(counted[0]) and counted[0].lower() not in RANK_WORDS and \
        (head.endswith("ing") and is_verb(head) or head in DOING_NOUNS)


def only_machines(counted: list[str]) -> bool:
    """"Runs Cerner's servers": a verb and bare machines say nothing of use; "Runs Acme's web servers" says which."""
    rest = [word.lower().strip(",.;:") for word in counted[1:]]
    return len(rest) == 1 and is_third_person(counted[0]) and rest[0] in MACHINES


def only_membership(text: str) -> bool:
    """"Core component of the brand alerts process" says what the technology belongs to; "Part of the pipeline that
    resizes images" also says what is done there."""
    found = MEMBERSHIP.match(text)
    words = found.group("whole").split() if found else []
    doing = any(word.endswith("ing") and is_verb(word) and before.lower() not in DETERMINERS and before == without_possessive(before)
                for before, word in zip(words, words[1:]))  # "the system computing taxes", not "our billing stack"
    return bool(found) and not doing and not RELATIVE_USE.search(" " + " ".join(words))


def says_its_use(shape: str, text: str, company: str) -> bool:
    """A description that names what a technology is says what it does at the company only when the company owns
    it ("Acme's CT log database"), it has a doing or a scope ("JavaScript engine powering the browser", "queue for
    sending emails", "service mesh between all services"), or its head is an activity ("interactive analytics").
    A bare kind ("Parallel test runner") or a definition ("markup language designed to be easy to type") would be
    true of the technology anywhere, and so would what a part of it does unless it is done to the company's things
    ("Java's mature ecosystem provides battle-tested libraries" against "… gives our teams reviewed modules")."""
    if shape == "possessor":  # "Java's mature ecosystem provides battle-tested libraries" is Java's anywhere
        return owned_by(text, company)
    if shape == "purpose":  # "for real-time data streaming" is an activity; "for new services and projects" a target
        return owned_by(text, company) or purpose_is_an_activity(text)  # "for our billing ledger": a role
    if shape not in WHAT_IT_IS | {"list"}:
        return True
    words = text.split()
    if owned_by(text, company):
        return not only_rank_and_kind(text)
    if DEFINITION.search(text) or only_rank_and_kind(text):
        return False
    doing = any(word.lower().endswith("ing") and is_verb(word) for word in words[1:]) or bool(SCOPE.search(text))
    return doing or bool(words) and activity(words[-1].lower().strip(".,;:"))


def only_rank_and_kind(text: str) -> bool:
    """"Acme's primary programming language", "Acme's default CI tool", "Current solution in production": only how it
    ranks, what kind of thing it is and where it runs; "Acme's CT log database" says what it holds."""
    words = IN_SERVICE.sub("", text).split()
    rest = [word.lower().strip(",.;:") for word in words if without_possessive(word) == word]
    return all(word in DETERMINERS | RANK_WORDS | KIND_WORDS | CATEGORY_WORDS for word in rest)


def purpose_is_an_activity(text: str) -> bool:
    """A purpose that reads as a verb ("Caches sessions") or a noun phrase that names an activity before any scope
    ("Real-time data streaming", "Server-side rendering of pages"); not a target ("New services and projects",
    "Frontend experiences")."""
    words = [word.rstrip(",") for word in text.split()[:2] if not word.lower().endswith("ly")]  # "Efficiently caches …"
    if words and is_third_person(words[0]):
        return True
    phrase = SCOPE.split(f" {one_word_compounds(text)} ", maxsplit=1)[0].split()  # "Distributed processing jobs …"
    return any(activity(word.lower().strip(".,;:")) for word in phrase)


def owned_by(text: str, company: str) -> bool:
    """Whether the text names something of the company's ("Acme's CT log database", "Stores Acme's logs")."""
    owners = company.split()
    return any(without_possessive(word) != word and without_possessive(word) in owners for word in text.split())


def activity(noun: str) -> bool:
    """"analytics", "streaming", "ingestion", "storage", "search": what is done, not a kind of thing."""
    return noun.endswith(("ing", "tion", "sion", "ment", "sis", "ics", "age")) or noun in ACTIVITY_NOUNS


def balanced(text: str) -> bool:
    """Quotes and brackets closed: "Describes itself as a “transparent" was cut inside a quotation."""
    return text.count("“") == text.count("”") and text.count('"') % 2 == 0 and text.count("(") == text.count(")")
