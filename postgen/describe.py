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
from dataclasses import dataclass
from functools import lru_cache

from .candidates import common_word
from .lexicon import Lexicon
from .models import TAGS, Claim, ClaimStatus
from .selection import description_key, mention_at
from .tags import tag_from_name, tag_from_words, tag_named
from .text import Document, Sentence

MAX_WORDS = 12
MIN_CONTENT_WORDS = 3  # a two-word category ("service mesh") says what it is, not what it does there
MIN_USE_WORDS = 2  # a verb and the company's object do say it ("Stores GitLab's logs"; not "Monitors systems")
ROLE_VERBS = ("runs", "powers", "stores", "serves", "streams", "schedules", "builds", "tests", "deploys", "monitors",
              "secures", "handles", "processes", "hosts", "routes", "caches", "orchestrates", "renders")
FUNCTION_WORDS = {
    "a", "an", "the", "and", "or", "but", "nor", "of", "to", "into", "for", "with", "by", "on", "in", "at", "as",
    "from", "across", "through", "via", "its", "their", "our", "this", "that", "these", "those", "which", "who",
    "while", "is", "are", "was", "were", "be", "been", "it", "they", "we", "all", "each", "every", "both", "also",
    "so", "than", "then", "over", "under", "about", "between", "within", "without", "per", "up", "out", "such",
}
PARTICLES = {"up", "in", "out", "off", "over", "around", "away", "back"}
PERSONAL_WORDS = {"i", "me", "my", "we", "us", "you", "your", "yours"}  # "our" becomes the company's name
LINK = re.compile(r"https?://|www\.", re.IGNORECASE)
# praise, not a use: "really fast-growing application framework"
INTENSIFIERS = {"really", "very", "extremely", "super", "incredibly", "truly", "amazingly", "insanely", "hugely"}
READER = re.compile(r"\byou(?:['’](?:ll|d|re))?\b", re.I)
POINTING_WORDS = {"this", "that", "these", "those", "it", "them", "they", "here", "there", "such", "him", "her"}
POSSESSIVE = re.compile(r"\b(?:our|their|its)\b", re.IGNORECASE)
WORD_PART_BRACKETS = r"\((?![a-z]{1,4}\)\w)"  # "(de)serializer" is one word, not an aside
BOUNDARY = re.compile(r"\s*(?:(?:,\s+|\s)(?:while|whereas|but|although|though|because|so that|which means|where)\s|"
                      rf";|:\s|\s[–—-]\s|—|{WORD_PART_BRACKETS}|\)(?!\w)|,\s(?!\d))\s*")
INNER_BOUNDARY = re.compile(r"(?:,\s|\s)(?:which|that|where|enabling|allowing|making|ensuring|including|such as|"
                            r"so|because|and then|while)\s|,\s|\s" + WORD_PART_BRACKETS)
USE_BEFORE = re.compile(r"\b(?:uses?|used|using|via|with|through|on top of|built (?:on|with)|relies on|rely on|"
                        r"runs? on|powered by|based on|leverages?|adopted|chose|implements?|deploys?)\s+$", re.I)
PURPOSE_AFTER = re.compile(r"^\s*(?:(?:(?:that|which)\s+)?(?:is|are|was|were)\s+(?:\w+ly\s+)?(?:used|employed|leveraged|adopted|deployed|chosen)"
                           r"(?:\s+by\s+(?:the\s+|our\s+|its\s+)?[\w.'’-]+(?:\s+[\w.'’-]+)?)?\s+|(?!(?:stands|stood|refers|referred)\s)\w+\s+)?(?P<prep>for|to)\s+(?P<rest>\S.*)$", re.I)
ROLE_OPENING = r"^\s*(?:[\w-]+\s+)?as\s+(?:a|an|the|our|their|its)\s+"  # "(implements X) as a …"
# "as our single source of truth": the possessive stays and becomes the company's
ROLE_AFTER = re.compile(r"^\s*(?:[\w-]+\s+)?as\s+(?:(?:a|an|the)\s+|(?=(?:our|their|its)\s))(?P<rest>\S.*)$", re.I)
IDENTITY_AFTER = re.compile(r"^\s*(?:is|are|remains|serves as|acts as)\s+(?P<rest>(?:a|an|the|our|their|its)\s+\S.*)$",
                            re.I)
APPOSITIVE_AFTER = re.compile(r"^,\s+(?P<rest>(?:a|an|the|our|their|its)\s+[^,;()]+?)\s*(?:[,;]|[.!?]?$)", re.I)
# "X for a number of projects", "X for the worker pool", "a bucket for further use by the app": what X is for is
# named, not what it does there; an activity ("for real-time streaming", "for caching") or a role ("for our CT
# log database") is
FOR_A_TARGET = re.compile(r"(?:a|an|the|this|that|these|those|each|every|some|many|several|various)\s|"
                          r"(?:(?:further|later|future|general|internal|other|personal|any)\s+)?(?:use|usage)\b", re.I)
AUTHOR_AFTER = re.compile(r"\s+by\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*[.!]?\s*$")
# "we chose to have X manage our control plane": X does what the base verb after it says
CAUSATIVE_BEFORE = re.compile(r"\b(?:have|has|had|having|let|lets|letting)\s+(?:the\s+)?$", re.I)
# "X has been a key component in our architecture since the early days for storing customer receipts": what X is
# there for, at the end of its own clause; not "X is popular for building …", which says what it suits in general
LATER_PURPOSE = re.compile(r"^\s+(?:is|are|has\s+been|have\s+been)\s+(?P<between>(?:[\w'’-]+\s+){1,12}?)for\s+"
                           r"(?P<rest>[a-z]+ing\s+[^,;()]+)$", re.I)
SUITABILITY = re.compile(r"\b(?:popular|known|famous|great|good|ideal|perfect|suited|suitable|designed|meant|built|"
                         r"used|useful|handy|best|better|fine)\b", re.I)
PURPOSE_AFTER_APPOSITIVE = re.compile(r"\s*for\s+(?P<rest>\w+ing\s[^,;()]+)", re.I)
RESPONSIBLE_AFTER = re.compile(r"^\s*(?:is|are)\s+(?:\w+ly\s+)?responsible\s+for\s+(?P<rest>\S.*)$", re.I)
# "storing our logs in Elastic Cloud" → Stores GitLab's logs
GERUND_BEFORE = re.compile(r"\b(?P<verb>storing|running|hosting|serving|caching|processing|scheduling|routing|"
                           r"monitoring|deploying|building|testing|streaming|rendering|indexing|handling)\s+"
                           r"(?P<np>[^,;()]+?)\s+(?:in|on|with|through|using|via|into)\s+(?:\S+\s+){0,3}?(?:(?:and|or)\s+)?$",
                           re.I)
# "The load balancers are running HAProxy on CentOS": CentOS runs the load balancers (what runs on it, not the
# program in between)
HOST_SUBJECT = re.compile(r"(?:^|[.:;]\s+)(?P<np>(?:the|our|their|its|all|every|each)\s+[\w\s-]+?)\s+(?:is|are|was|were)\s+"
                          r"(?:(?:also|now|still|all)\s+)?$", re.I)
# "we import the access logs into BigQuery" → Imports the access logs; "we decided to run our logs on AWS" → Runs …
OBJECT_BEFORE = re.compile(r"\b(?:we|they|it|the\s+team)\s+(?:also\s+|now\s+|then\s+)?"
                           r"(?:(?:decided|chose|opted|continue|continued)\s+to\s+)?(?P<verb>(?:run|store|keep|host|"
                           r"deploy|serve|process|import|load|ship|send|push|stream|index|cache|manage|monitor|"
                           r"schedule|build|test|put|hold|track|log|queue|route|analy[sz]e)(?:s|ed|d)?)\s+"
                           r"(?P<np>(?:the|our|their|its|all|every)\s+[^,;()]+?)\s+(?:in|into|on|onto|with|through|"
                           r"across|using|via)\s+(?:the\s+)?$", re.I)
# "we manage external dependencies with X", "proxies requests to our API using X": what is done with X, said in the
# present (a past "we rebooted the project with X" is history, not a use); lowercase, so a handbook's imperative step
# ("Install X with …") is not read as one
INSTRUMENT_BEFORE = re.compile(r"(?:[-*•‣◦]\s+)?(?:(?P<subject>[Ww]e|[Tt]hey|that|which|[Ii]t)\s+)?(?:also\s+|now\s+)?(?P<verb>[a-z]+)\s+"
                               r"(?P<np>(?:(?:the|our|their|its|all|every)\s+)?[^,;()]+?)\s+(?:[a-z]+ly\s+)?"
                               r"(?:with|using|via|through)\s+(?:(?:a|an|the)\s+)?$")
SUBJECT_WORD = re.compile(r"\b(?:[Ww]e|[Tt]hey|that|which|[Ii]t)\s")
# verbs that say nothing of what was done with X ("we work with X"), or make X a partner, a rival or a
# stand-in rather than a tool ("we compare our latency with X", "we replace the queue with X")
VACANT_VERBS = {"use", "do", "have", "get", "make", "go", "see", "need", "want", "try", "start", "begin", "work", "deal",
                "help", "come", "play", "talk", "speak", "chat", "meet", "spend", "keep", "find", "look", "like", "love",
                "compare", "contrast", "benchmark", "pair", "combine", "mix", "match", "share", "partner", "compete",
                "collaborate", "replace", "substitute", "experiment", "tinker", "toy"}
# what a running copy of a technology is called: "the X add-on adjusts …", "the X cluster stores …" say what X
# does at work. Not "the X service / server / library that …": a service or library is often written in X (a
# language) or made for X (a client), and what it does is not what X does there
DEPLOYED_NOUNS = {"add-on", "addon", "plugin", "plug-in", "instance", "cluster", "daemon"}
# the same, counted: "the X pods proxy traffic …" (a plural noun, then the verb's plain form)
DEPLOYED_PLURALS = {"instances", "clusters", "pods", "nodes", "replicas", "containers", "daemons"}
HEAD_NOUN_THEN_VERB = re.compile(r"^\s+(?P<noun>[a-z][\w-]*)\s+(?:that\s+|which\s+)?(?P<at>(?:[a-z]+ly\s+)?(?P<verb>[a-z]+))\b")
ASIDE_AFTER = re.compile(r"^\s*\((?P<rest>[^()]{3,80})\)")
# "Backstage- An open-source platform for …": a gloss after a dash, as in a list of tools
DASH_GLOSS_AFTER = re.compile(r"^\s?[–—-]\s+(?P<rest>(?:a|an|the|our|their|its)\s+[^.;:()]{3,100})", re.I)
# "X as a service mesh, handling inter-service traffic": what X does in that role
ROLE_THEN_DOING = re.compile(ROLE_OPENING + r"[^,;()]{1,40},\s+(?P<rest>(?P<verb>[a-z]+ing)\s[^,;()]+)")
DEFINITION = re.compile(r"\b(?:designed|meant|intended|known|popular|famous)\b", re.I)  # what it is made for anywhere
SCOPE = re.compile(r"\s(?:for|to|that|which|of|over|between|across|in|on|with|from|into|behind|via|using|at|by)\s", re.I)
ACTIVITY_NOUNS = {"search", "delivery", "control", "discovery", "recovery", "backup", "backups", "support", "access",
                  "traffic", "logs", "metrics", "alerts", "builds", "tests", "deploys", "releases", "analysis"}
REFLEXIVES = {"itself", "themselves"}  # "X describes itself as …": what X says of itself, not what it does there
NAME_MEANING_VERBS = {"stands", "means", "refers", "abbreviates"}  # "Nappy stands for Node API": what a name means
MAKEUP_VERBS = {"consists", "consist", "comprises", "comprise"}  # "X consists of two components": what it is made of
ENABLING_VERBS = {"enabling", "allowing", "making", "ensuring", "including", "letting", "helping"}
ASIDE_OPENING = re.compile(r"^(?:a|an|the|our|their|its|for|used for|used to|which)\s", re.I)
LIST_SHAPE = re.compile(r"^\s*(?:[-*•‣◦]\s+|\d{1,3}[.)]\s+)?(?P<name>[^:–—]{1,60}?)\s*(?::|\s[–—-])\s+(?P<rest>\S.+)$")
LIST_GOES_ON = re.compile(r"^,\s+[A-Z][\w.+#/-]*(?:\s[A-Z][\w.+#/-]*)?(?:,|\s+(?:and|or)\s|,?\s+etc\b)")
AUXILIARIES = {"is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "been"}
# "a user's AWS Identity Access Management (IAM) role to …": a short gloss inside a phrase that goes on
NAME_GLOSS = re.compile(r"(?<=\w)\s\([A-Z][^()]{0,29}\)(?=\s+[a-z])")
INLINE_GLOSS = re.compile(r"(?<=\w)\s\([^()]{1,30}\)(?=\s+[a-z])")
# "allows Amazon EKS clusters to manage …": what follows is what the subject makes possible, not what X does
ENABLED_BEFORE = re.compile(r"\b(?:allows?|allowed|allowing|enables?|enabled|enabling|lets|helps?|helped|permits?)\s+(?:[A-Z][\w.+#-]*\s+)*$",
                            re.I)
ARTICLE = re.compile(r"^(?:a|an|the)\s+", re.I)
LEADING_WORDS = re.compile(r"^(?:(?:a|an|the|for|to)\s+)+", re.I)
SUBJECT_OPENERS = re.compile(r"^(?:[-*•‣◦]\s+)?(?:the\s+)?$", re.I)  # a list item may open with the name
COPULAS = {"is", "was", "has", "does"}
# "X drives are becoming popular": a word before one of these is a plural noun, not X's verb
PLURAL_AUXILIARIES = {"are", "were", "have", "do", "can", "could", "will", "would", "may", "might", "should", "must"}
# the word after a name's would-be verb that shows it is none: an auxiliary (the "verb" was a plural noun), "as"
# ("X serves as …", a role) or a reflexive ("X describes itself as …")
NOT_AFTER_A_VERB = PLURAL_AUXILIARIES | {"as"} | REFLEXIVES
POSSESSOR_AFTER = re.compile(r"^['’]s\s+")
SPECULATIVE = re.compile(r"\b(?:will|would|could|might|may|shall|going\s+to|plan|plans|planned|planning|"
                         r"intend\w*|hop(?:e|es|ing)\s+to|soon|roadmap|future|evaluat\w+|consider(?:s|ed|ing)|"
                         r"experiment\w*|pilot(?:s|ed|ing)?|prototyp\w+|trial\w*|trying|try\s+out)\b|['’]ll\b", re.I)
# "used to" as "formerly", not the passive "is used to monitor …"
IN_FLUX = re.compile(r"\b(?:migrat\w*|moving|moved|switch(?:ed|ing)|replac\w*|deprecat\w*|phas\w+\s+out|retir\w*|"
                     r"sunset\w*|decommission\w*|instead|rather\s+than|no\s+longer|formerly|previously|"
                     r"(?<!is\s)(?<!are\s)(?<!was\s)(?<!were\s)(?<!be\s)(?<!been\s)used\s+to)\b", re.I)
CATEGORY_WORDS = {word.lower() for tag in TAGS for word in re.split(r"[\s/]+", tag)}  # "Backend", "Frontend"
RELATIVE_USE = re.compile(r"\s(?:that|which)\s+(?P<can>can\s+)?(?P<verb>[a-z]+)\b")  # "that can listen": what it does
POSSESSOR_PHRASE_WORDS = 4
# what a part of X does that is a use of X ("X's ecosystem provides …"); "X's planner picks the wrong index" is not
PEOPLE = {"creator", "creators", "author", "authors", "maintainer", "maintainers", "developer", "developers", "team",
          "teams", "founder", "founders", "community", "communities", "user", "users", "vendor", "vendors", "company"}
POSSESSOR_VERBS = {"provide", "help", "handle", "power", "support", "give", "offer", "let", "serve", "run"}
# "Code sharing between iOS and Android for …": a name governed by a preposition does not own the purpose after it
PREPOSITION_BEFORE = re.compile(r"\b(?:between|across|among|on|in|of|from|to|into|onto|at|over|under|within|"
                                r"without|against|like|than)\s+(?:\S+\s+(?:and|or)\s+)?(?:the\s+)?$", re.I)
EMPTY_NOUNS = {"complexity", "complexities", "challenge", "challenges", "thing", "things", "stuff", "needs",
               "aspects", "everything", "anything", "show", "job", "trick", "lot"}
WHAT_IT_IS = {"identity", "role", "aside"}  # on a tie, what a technology does wins over what it is
SHAPE_POINTS = {"subject": 4, "agent": 4, "list": 4, "aside": 4, "purpose": 3, "role": 3, "object": 3, "possessor": 3,
                "identity": 2}
PARTICIPLES = (r"powered|handled|managed|served|stored|runs|run|running|orchestrated|built|backed|driven|hosted|deployed|"
               r"cached|processed|monitored|secured|scheduled|tested|streamed|rendered|based|coordinated|indexed|"
               r"operated|maintained|delivered|collected|tracked|logged|analy[sz]ed|queued|written|compiled|bundled|"
               r"packaged|generated|distributed|replicated|backed up|load-balanced|proxied|routed|triggered")
# "Spotify's web platform is built on React.js" → Powers Spotify's web platform; not "runs externally from X",
# where an adverb makes "from" mean outside
AGENT_BEFORE = re.compile(rf"^(?P<np>[^,;]*?\w[^,;]*?)\s+(?:(?:is|are|was|were|gets|get)\s+)?(?:(?:\w+ly|still|also|now)\s+)?"
                          rf"(?P<verb>{PARTICIPLES})\s+(?:(?:\w+ly\s+)?(?:by|on|with|through|in|via|using|on top of|atop)|from)\s+"
                          rf"(?:(?:the|a|an|combination|mix|set|cluster|fleet|pair|couple|handful|of|top|help)\s+){{0,4}}"
                          rf"(?:[A-Z][\w.+#/-]*\s+(?:and|or|&)\s+)?$",  # "written in Java and Scala": Scala too
                          re.I)
# "Our data store is MongoDB" → Artsy's data store
IDENTITY_BEFORE = re.compile(r"^(?P<np>(?:our|their|its|the|a|an)\s+[\w\s-]+?)\s+(?:is|are|was|remains)\s+$", re.I)
# ", Y and Z" after a name: the rest of the sentence speaks of the whole list ("SendGrid and MailChimp to send e-mail")
LIST_CONTINUATION = re.compile(r"^(?:\s*,\s*|\s+(?:and|or|&)\s+|\s*,\s*(?:and|or)\s+)"
                               r"[A-Z][\w.+#/-]*(?:\s+[A-Z][\w.+#/-]*){0,3}")
RELATIVE_AFTER = re.compile(r"^,?\s+(?:which|that)\s+(?P<at>(?:(?:also|now|still|\w+ly)\s+)?(?P<verb>[a-z]+)\b)")
NAME_BEFORE_CONJUNCTION = re.compile(r"[A-Z][\w.+#/-]*(?:\s*,\s*|\s+(?:and|or|&)\s+|\s*,\s*(?:and|or)\s+)$")
SHARED_PENALTY = 1.5  # a pair's shared words rank below what the technology's own clause says, a shape lower
# "Kafka-based event pipelines" → Powers event pipelines
COMPOUND_AFTER = re.compile(rf"^-(?P<verb>{PARTICIPLES})\s+(?P<np>\S.*)$", re.I)
POWERS = {"powered", "built", "backed", "driven", "based"}
RUNS = {"run", "runs", "running"}
BUILDS = {"written", "compiled", "bundled", "packaged"}
WORD = re.compile(r"[\w'’/+#-]+(?:\.[\w/+#-]+)*")  # "Node.js" is one word; a full stop is not part of one


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
    return found[0] if found else word


def inflected(verb: str, tag: str) -> str | None:
    """The verb in the Penn tag's form ("VBZ": runs, "VBD": ran), or None when lemminflect does not know it."""
    from lemminflect import getInflection

    forms = getInflection(verb.lower(), tag=tag)
    return forms[0] if forms else None


def third_person(verb: str) -> str:
    return inflected(verb, "VBZ") or verb


def is_third_person(word: str) -> bool:
    """"caches", "powers": a verb in the third person; not "access" or "process" read as a noun."""
    return word.endswith("s") and is_verb(word) and verb_lemma(word) != word.lower()


@dataclass(frozen=True)
class Option:
    text: str
    shape: str
    citation: int  # index into the claim's citations
    source: tuple[int, int]  # offsets of the copied words in the source text
    score: float


@dataclass(frozen=True)
class Attached:
    """Words attached to a mention, by shape, as offsets into the source text."""

    shape: str
    start: int
    end: int


# ---------------------------------------------------------------- which words are attached to a mention


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The piece of `text` between the clause and list boundaries around [start, end)."""
    lo, hi = 0, len(text)
    for match in BOUNDARY.finditer(INLINE_GLOSS.sub(lambda gloss: " " * len(gloss.group()), text)):
        if match.end() <= start:
            lo = max(lo, match.end())
        elif match.start() >= end:
            hi = min(hi, match.start())
            break
    return lo, hi


def attached_words(document: Document, sentence: Sentence, start: int, end: int) -> list[Attached]:
    """Every stretch of the sentence attached to the mention at [start, end) (absolute offsets)."""
    if document.paragraph_of(sentence).kind in ("title", "heading", "code"):
        return []
    text, base = sentence.text, sentence.start
    local_start, local_end = start - base, end - base
    lo, hi = clause_bounds(text, local_start, local_end)
    before = text[lo:local_start]
    # "X (AWS Elastic Compute Cloud) and Y (…) to host …": a name's expansion is no boundary of what follows the name;
    # an aside that says what the name does ("Tingle (for job scheduling) and …") keeps its own words apart
    after = NAME_GLOSS.sub(lambda gloss: " " * len(gloss.group()), text)[local_end:hi]
    if READER.search(before):
        return []  # "you can use X to …" tells the reader what to do; it is not the company's use
    opened = text[:local_start]
    if opened.count("(") > opened.count(")"):
        return []  # "EC2 (AWS Elastic Compute Cloud) … to host …": a name inside a gloss owns nothing outside it
    if opened.count('"') % 2 or opened.count("“") > opened.count("”"):
        return []  # a quotation ("Amazon EC2 is a web service that …") is another's words, not the company's use
    found = []
    if sentence.start == document.paragraph_of(sentence).start and (match := LIST_SHAPE.match(text)):
        name = match.group("name")
        if match.start("name") == local_start and local_end <= match.end("name") and len(
                name.split()) <= len(text[local_start:local_end].split()) + 1:
            found.append(Attached("list", base + match.start("rest"), sentence.end))
    after_name = text[local_end:]
    if (match := ASIDE_AFTER.match(after_name)) and ASIDE_OPENING.match(match.group("rest")):
        found.append(Attached("aside", end + match.start("rest"), end + match.end("rest")))
    if match := DASH_GLOSS_AFTER.match(after_name):
        found.append(Attached("aside", end + match.start("rest"), end + match.end("rest")))
    if (match := ROLE_THEN_DOING.match(after_name)) and match.group("verb") not in ENABLING_VERBS and \
            is_verb(match.group("verb")):
        found.append(Attached("agent", end + match.start("rest"), end + match.end("rest")))
    if (match := APPOSITIVE_AFTER.match(after_name)) and not list_goes_on(after_name[match.end():]):
        found.append(Attached("aside", end + match.start("rest"), end + match.end("rest")))
        if purpose := PURPOSE_AFTER_APPOSITIVE.match(after_name, match.end()):  # "X, a Rack server, for serving …"
            found.append(Attached("purpose", end + purpose.start("rest"), sentence.end))
    listed = False
    while match := LIST_CONTINUATION.match(after):
        after, end, listed = after[match.end():], end + match.end(), True
    if (match := IDENTITY_BEFORE.match(before)) and not after.strip(" .!?"):
        found.append(Attached("identity", base + lo + match.start("np"), base + lo + match.end("np")))
    opens_clause = bool(SUBJECT_OPENERS.match(before))
    if opens_clause and (words := WORD.findall(after)) and words[0].islower() and \
            is_verb(words[0]) and words[0].lower() not in COPULAS | {"are", "were", "have", "do"} and \
            not (len(words) > 1 and words[1].lower() in NOT_AFTER_A_VERB) and \
            words[0].lower() not in DEPLOYED_PLURALS | NAME_MEANING_VERBS | MAKEUP_VERBS and (
            listed or is_third_person(words[0])) and not noun_then_participle(words):
        found.append(Attached("subject", end + after.index(words[0]), base + hi))
    if opens_clause and (match := LATER_PURPOSE.match(after)) and not SUITABILITY.search(match.group("between")) \
            and not IDENTITY_AFTER.match(after):  # "X is our platform for building …" says what it is
        found.append(Attached("purpose", end + match.start("rest"), base + hi))
    if CAUSATIVE_BEFORE.search(before) and (words := WORD.findall(after)) and words[0].islower() and \
            is_verb(words[0]) and verb_lemma(words[0]) == words[0] and words[0] not in VACANT_VERBS:
        found.append(Attached("subject", end + after.index(words[0]), base + hi))  # "have X manage our …"
    if opens_clause and (verb_at := possessor_verb(after)) is not None:
        found.append(Attached("possessor", end + verb_at, base + hi))
    if (verb_at := deployed_verb(after, relative_only=not opens_clause)) is not None:
        found.append(Attached("subject", end + verb_at, base + hi))
    if (match := AGENT_BEFORE.search(before)) and (np_start := noun_phrase_start(before, match.start("verb"))) is not None:
        found.append(Attached("agent", base + lo + np_start, base + lo + match.end("verb")))
    if match := GERUND_BEFORE.search(before):
        found.append(Attached("agent", base + lo + match.start("verb"), base + lo + match.end("np")))
        if match.group("verb").lower() == "running" and \
                (host := HOST_SUBJECT.search(before[:match.start("verb")])) and \
                not PEOPLE & {word.lower() for word in host.group("np").split()}:  # "the team is running tests on X"
            found.append(Attached("agent", base + lo + host.start("np"), base + lo + match.end("verb")))
    elif (match := OBJECT_BEFORE.search(before)) and is_verb(match.group("verb")) and match.group("verb") not in COPULAS:
        found.append(Attached("object", base + lo + match.start("verb"), base + lo + match.end("np")))
    if match := instrument_before(before):
        found.append(Attached("object", base + lo + match.start("verb"), base + lo + match.end("np")))
    if match := RESPONSIBLE_AFTER.match(after):
        found.append(Attached("agent", end + match.start(), base + hi))
    if match := COMPOUND_AFTER.match(after):
        found.append(Attached("agent", end + match.start("verb"), base + hi))
    object_of_preposition = (PREPOSITION_BEFORE.search(before) and not USE_BEFORE.search(before)
                             or ENABLED_BEFORE.search(before))
    if not object_of_preposition and (verb_at := relative_verb(text[local_end:])) is not None:
        verb_start = local_end + verb_at  # "we run NGINX, which routes all traffic …": past the comma, to its clause's end
        verb_end = clause_bounds(text, verb_start, verb_start + 1)[1]
        if not SPECULATIVE.search(text[verb_start:verb_end]):
            found.append(Attached("subject", base + verb_start, base + verb_end))
    for shape, pattern in (("purpose", PURPOSE_AFTER), ("identity", IDENTITY_AFTER), ("role", ROLE_AFTER)):
        if (match := pattern.match(after)) and not object_of_preposition and not (
                shape == "purpose" and match.group("prep").lower() == "for" and FOR_A_TARGET.match(match.group("rest"))):
            start_at = match.start("rest") - (3 if shape == "purpose" and match.group("prep").lower() == "to" else 0)
            found.append(Attached(shape, end + start_at, base + hi))
            break
    return found


def deployed_verb(after: str, relative_only: bool) -> int | None:
    """Where the verb starts in "… X add-on creates …" / "… X pods that proxy …" (`after` follows the name);
    `relative_only`: the name does not open its clause, so only "that"/"which" makes the noun its verb's subject."""
    match = HEAD_NOUN_THEN_VERB.match(after)
    if not match:
        return None
    noun, verb = match.group("noun"), match.group("verb")
    agrees = is_third_person(verb) if noun in DEPLOYED_NOUNS else \
        noun in DEPLOYED_PLURALS and is_verb(verb) and verb_lemma(verb) == verb and verb not in AUXILIARIES | {"do", "be"}
    if not agrees:
        return None
    relative = re.search(r"\s(?:that|which)\s", after[:match.start("at") + 1])
    return match.start("at") if relative or not relative_only else None


def relative_verb(after: str) -> int | None:
    """Where the verb starts in ", which routes …" / " that caches …" right after the name: the name is the
    relative clause's subject. Not a verb of being, having or naming, nor one that only says it is used."""
    match = RELATIVE_AFTER.match(after)
    if not match:
        return None
    verb = match.group("verb")
    if not is_third_person(verb) or verb in AUXILIARIES | COPULAS | NAME_MEANING_VERBS | MAKEUP_VERBS or \
            verb_lemma(verb) in VACANT_VERBS:
        return None
    return match.start("at")


def instrument_before(before: str) -> re.Match | None:
    """"we manage external dependencies with", "proxies requests using": a present-tense verb with its object,
    done with the name that follows."""
    starts = [0, *(found.start() for found in SUBJECT_WORD.finditer(before))]
    match = next((found for start in reversed(starts) if (found := INSTRUMENT_BEFORE.match(before, start))
                  and (found.group("subject") or start == 0)), None)  # the nearest subject; no subject: a clause's start
    if not match or not is_verb(verb := match.group("verb")) or verb_lemma(verb) in VACANT_VERBS | COPULAS | {"be"}:
        return None
    plural_subject = (match.group("subject") or "").lower() in ("we", "they")
    return match if (verb_lemma(verb) == verb if plural_subject else is_third_person(verb)) else None


def noun_then_participle(words: list[str]) -> bool:
    """"X clusters distributed across …", "X models running on …": a noun with a reduced relative, not a verb."""
    return len(words) > 1 and "NOUN" in parts_of_speech(words[0]) and words[1].lower().endswith(("ed", "ing")) \
        and is_verb(words[1])


def possessor_verb(after: str) -> int | None:
    """"X's mature ecosystem provides …": where the verb whose subject is X's noun phrase starts in `after`
    (a short phrase of nouns and adjectives, then a verb that agrees with it), or None."""
    if not (opening := POSSESSOR_AFTER.match(after)):
        return None
    words = list(WORD.finditer(after, opening.end()))
    for index, match in enumerate(words[:POSSESSOR_PHRASE_WORDS + 1]):
        word = match.group()
        agrees = is_third_person(word) or index > 0 and verb_lemma(word) == word.lower() and \
            plural_noun(words[index - 1].group())
        if index > 0 and word.islower() and agrees and verb_lemma(word) in POSSESSOR_VERBS:
            return match.start()
        modifier = parts_of_speech(word) & {"NOUN", "ADJ", "PROPN"} or word.endswith("ing")  # "programming"
        if not modifier or word.lower() in FUNCTION_WORDS | PEOPLE:
            return None
    return None


def plural_noun(word: str) -> bool:
    from lemminflect import getAllLemmas

    return any(lemma != word.lower() for lemma in getAllLemmas(word.lower()).get("NOUN", ()))


def list_goes_on(rest: str) -> bool:
    """After "X, the Y," a verb goes on with X ("Postgres, the main store, holds …"); anything else is the next
    item of a list ("Node, the future of Chakra, VM neutrality and more"), and "the Y" is not about X."""
    words = WORD.findall(rest)
    return bool(words) and not (is_verb(words[0]) or words[0].lower().endswith("ly") or words[0].lower() in
                                {"which", "who", "where", "and", "but"} | NOUN_PHRASE_PREPOSITIONS)


NOUN_PHRASE_GLUE = {"and", "or", "of", "&"}
NOUN_PHRASE_PREPOSITIONS = {"to", "in", "on", "for", "with", "from", "into", "at", "by", "about", "under", "over"}
DETERMINERS = {"a", "an", "the", "our", "their", "its"}


def noun_phrase_start(text: str, end: int) -> int | None:
    """Where the noun phrase ending just before `end` starts ("… is a website built" → "a website"), walking
    back over nouns, adjectives, possessives and joining words, past an auxiliary; None when there is none."""
    words = list(WORD.finditer(text[:end]))
    while words and (words[-1].group().lower().endswith("ly") or words[-1].group().lower() in ("still", "also", "now")):
        words.pop()  # "the runtime is entirely written in": the adverb belongs to the participle
    auxiliary = False
    while words and words[-1].group().lower() in ("is", "are", "was", "were", "get", "gets", "being", "been"):
        words.pop()
        auxiliary = True
    if words and words[-1].group().lower() in ("and", "or", "but"):
        return None  # "X which runs the engine and is based on": the subject is further back, not "the engine"
    start, nouns = None, 0
    for match in reversed(words):
        word = match.group()
        kinds = parts_of_speech(word)
        if word.lower() in DETERMINERS:
            start = match.start()
            break
        if word.lower() in NOUN_PHRASE_GLUE and start is not None:
            continue
        if word.endswith(("'s", "’s")) or word[:1].isupper() or "-" in word or not kinds or \
                kinds & {"NOUN", "PROPN", "ADJ", "NUM"} and not kinds & {"AUX"} and word.lower() not in FUNCTION_WORDS:
            start = match.start()
            nouns += bool(kinds & {"NOUN", "PROPN"} or word[:1].isupper())
            continue
        break
    before = [match.group().lower() for match in words if start is not None and match.end() <= start]
    if before and before[-1] in NOUN_PHRASE_PREPOSITIONS and auxiliary:
        # "changes to our NGINX instances are kept on": the subject is "changes", not "instances"; without the
        # auxiliary the participle follows its noun ("relies on an architecture written in"), which it describes
        return None
    return start if nouns else None


# ---------------------------------------------------------------- turning attached words into a description


def content_words(text: str) -> list[str]:
    return [word for word in WORD.findall(text) if word.lower() not in FUNCTION_WORDS and not word.isdigit()]


def ends_mid_phrase(word: str) -> bool:
    """A last word that leaves the phrase hanging: a function word or a bare adverb."""
    return word.lower() in FUNCTION_WORDS or parts_of_speech(word) == frozenset({"ADV"})


def cuts_a_name_list(text: str, at: int) -> bool:
    """Whether a cut at `at` would keep only the first of a list of names ("for SQL, JSON, MySQL, etc.")."""
    before = text[:at].split()
    return bool(before) and before[-1][:1].isupper() and bool(LIST_GOES_ON.match(text[at:]))


def shortened(text: str) -> str:
    """Words before an inner boundary or relative clause, ending where a phrase can end; nothing when that is
    still longer than MAX_WORDS."""
    match = INNER_BOUNDARY.search(text)
    if match and len(text[:match.start()].split()) >= 2 and not cuts_a_name_list(text, match.start()):
        text = text[:match.start()]
    words = (text.rstrip(" !?;,") if text.rstrip().endswith("etc.") else text.rstrip(" .!?;,")).split()
    if len(words) > MAX_WORDS:
        return ""  # cut at the word limit, a clause becomes a fragment ("maps a role to the equivalent role")
    while words and ends_mid_phrase(words[-1].strip(",.;:")):
        words.pop()
    return " ".join(words).rstrip(",;:")


def agent_rewritten(text: str) -> str:
    """"NP is built on" → "Powers NP"; "NP handled by" → "Handles NP"; "-based NP" → "Powers NP";
    "storing NP" → "Stores NP"; "is responsible for NP" → "Handles NP"."""
    if match := RESPONSIBLE_AFTER.match(text):
        return f"handles {match.group('rest')}"
    # "NP is written in": the verb at the end makes the reading; "rendering logic" is a noun phrase, not "renders"
    if match := COMPOUND_AFTER.match("-" + text.lstrip("-")):
        verb, np = match.group("verb"), match.group("np")
    elif match := AGENT_BEFORE.search(text + " by "):
        verb, np = match.group("verb"), match.group("np")
    elif match := re.match(r"^(?P<verb>\w+ing)\s+(?P<np>.+)$", text):
        return f"{third_person(verb_lemma(match.group('verb')))} {match.group('np')}"
    else:
        return text
    role = ("runs" if verb.lower() in RUNS else "powers" if verb.lower() in POWERS
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
    if "'" in first or "’" in first or re.search(r"[A-Z]", first[1:]):
        return phrase
    parts = first.split("-")
    if len(parts) > 1 and all(map(common_word, parts)) or \
            (common_word(first) or first.lower() in CATEGORY_WORDS) and not second[:1].isupper():
        return f"{first.lower()} {rest}".strip()  # "High-performance JSON …", "Backend monitoring …"
    return phrase


def rewritten(shape: str, text: str, company: str) -> str:
    """The attached words as a description: role verb first where the shape needs one, cut short, then the
    leading article or preposition dropped, a verb in the third person, possessives made the company's."""
    preposition = text.strip().split(" ", 1)[0].lower() if text.strip() else ""
    if shape in ("object", "subject", "possessor"):  # "we import the logs" → Imports the logs; "X and Y power" → Powers
        verb, _, rest = text.strip().partition(" ")
        if shape == "object" or verb_lemma(verb) == verb.lower() and is_verb(verb) and not verb.lower().endswith("ly"):
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
    text = POSSESSIVE.sub(f"{company}'s", text)
    first = text.split(" ", 1)[0]
    return text if re.search(r"[A-Z]", first[1:]) else text[:1].upper() + text[1:]  # "iOS" stays


def relative_as_participle(text: str) -> str:
    """"the JavaScript engine that powers the browser" → "the JavaScript engine powering the browser": what a
    technology named for what it is does, kept past the cut at "that" (and without a pointing word)."""
    match = RELATIVE_USE.search(text)
    if not match or verb_form_wrong(match.group("verb"), bool(match.group("can"))) or match.group("verb") in AUXILIARIES:
        return text
    participle = inflected(verb_lemma(match.group("verb")), "VBG")
    return f"{text[:match.start()]} {participle}{text[match.end():]}" if participle else text


def relative_can(words: list[str], at: int) -> bool:
    """"… server that can listen …": the relative clause's "can" says what the thing does, not another clause."""
    return words[at].lower() == "can" and at > 0 and words[at - 1].lower() in ("that", "which")


def verb_form_wrong(verb: str, after_can: bool) -> bool:
    """"that powers" and "that can listen" are verbs of the relative clause; "that listen", "that can listens" not."""
    return not (is_verb(verb) and verb_lemma(verb) == verb) if after_can else not is_third_person(verb)


def as_own(description: str, company: str) -> str:
    """An own tool's description that says what it is reads as the company's, as seed 000 writes Backstage
    ("Spotify's open platform for …"): "High-performance websocket server" → "Acme's high-performance websocket
    server". One that says what it does, or already has an owner, stays."""
    words = description.split()
    if not words or is_third_person(words[0]) or any(word.endswith(("'s", "’s")) for word in words) or \
            len(words) + len(company.split()) > MAX_WORDS:
        return description
    return f"{company}'s {mid_sentence(description)}"


def purpose_as_verb(text: str, preposition: str) -> str:
    """"to provision accounts" → Provisions accounts; "for caching sessions" → Caches sessions; "for efficiently
    loading lists" → Efficiently loads lists. A purpose that is a noun phrase stays one."""
    words = text.split()
    at = 1 if len(words) > 2 and words[0].lower().endswith("ly") and words[1].lower().endswith("ing") else 0
    verb_form = preposition == "to" and at == 0 or bool(words[at:]) and words[at].lower().endswith("ing")
    if not words[at:] or not is_verb(words[at]) or not verb_form:
        return text
    words[at] = third_person(verb_lemma(words[at]))
    return " ".join(words)


def without_possessive(word: str) -> str:
    return word.removesuffix("'s").removesuffix("’s")


def acceptable(text: str, names: list[str] = ()) -> bool:
    """Enough content words, not counting a possessive: three ("frontend experiences" says little, and a
    two-word category such as "developer portal" says what it is, not what it does there), or two when a verb
    acts on something of the company's ("Stores GitLab's logs"; "Monitors systems" is too general); none pointing
    elsewhere ("makes that possible"), empty ("the show"), praising ("really fast-growing") or addressed to a reader
    ("your editor"); no link; its quotes and brackets closed; no phrasal verb standing in for a use ("shows up in …", "steps in for …"); and not
    the technology's own name again ("Kubernetes platform cluster" says nothing of Kubernetes)."""
    words = [without_possessive(word.lower().strip(",.;:")) for word in text.split()]
    counted = [word for word in content_words(text) if not word.endswith(("'s", "’s"))]  # "Artsy's data store"
    owned = any(word.endswith(("'s", "’s")) for word in text.split()[1:])
    least = MIN_USE_WORDS if counted and is_third_person(counted[0]) and owned else MIN_CONTENT_WORDS
    return (len(counted) >= least and not (POINTING_WORDS | EMPTY_NOUNS | PERSONAL_WORDS | INTENSIFIERS) & set(words)
            and not LINK.search(text) and balanced(text) and "etc" not in words
            and mention_at(text, list(names), re.IGNORECASE) is None
            and not (len(words) > 1 and words[1] in PARTICLES and is_verb(words[0])))


def says_its_use(shape: str, text: str, company: str) -> bool:
    """A description that names what a technology is says what it does at the company only when the company owns
    it ("Acme's CT log database"), it has a doing or a scope ("JavaScript engine powering the browser", "queue for
    sending emails", "service mesh between all services"), or its head is an activity ("interactive analytics").
    A bare kind ("Parallel test runner") or a definition ("markup language designed to be easy to type") would be
    true of the technology anywhere, and so would what a part of it does unless it is done to the company's things
    ("Java's mature ecosystem provides battle-tested libraries" against "… gives our teams reviewed modules")."""
    if shape == "possessor":  # "Java's mature ecosystem provides battle-tested libraries" is Java's anywhere
        return owned_by(text, company)
    if shape not in WHAT_IT_IS | {"list"}:
        return True
    words = text.split()
    if owned_by(text, company):
        return True
    if DEFINITION.search(text):
        return False
    doing = any(word.lower().endswith("ing") and is_verb(word) for word in words[1:]) or bool(SCOPE.search(text))
    return doing or bool(words) and activity(words[-1].lower().strip(".,;:"))


def owned_by(text: str, company: str) -> bool:
    """Whether the text names something of the company's ("Acme's CT log database", "Stores Acme's logs")."""
    return any(without_possessive(word) != word and without_possessive(word) in company.split() for word in text.split())


def activity(noun: str) -> bool:
    """"analytics", "streaming", "ingestion", "storage", "search": what is done, not a kind of thing."""
    return noun.endswith(("ing", "tion", "sion", "ment", "sis", "ics", "age")) or noun in ACTIVITY_NOUNS


def balanced(text: str) -> bool:
    """Quotes and brackets closed: "Describes itself as a “transparent" was cut inside a quotation."""
    return text.count("“") == text.count("”") and text.count('"') % 2 == 0 and text.count("(") == text.count(")")


def score(shape: str, text: str, block_kind: str) -> float:
    """Shape first; then a useful length (4–9 words best); prose over list fragments on a tie."""
    length = len(text.split())
    fit = 2 if 4 <= length <= 9 else (1 if 3 <= length <= MAX_WORDS else 0)
    return SHAPE_POINTS[shape] + fit + (0.5 if block_kind == "paragraph" else 0)


def coordinated(sentence: Sentence, start: int, end: int) -> bool:
    """Whether the mention is one of names joined by "and", "or" or commas ("written in Java and Scala", "run on
    Kafka and Dataflow"): words attached to such a pair are true of each, so they say less of this one."""
    local_start, local_end = start - sentence.start, end - sentence.start
    return bool(LIST_CONTINUATION.match(sentence.text[local_end:]) or
                NAME_BEFORE_CONJUNCTION.search(sentence.text[:local_start]))


def mention_spans(sentence: Sentence, names: list[str]) -> list[tuple[int, int]]:
    """Where the sentence names the technology; a longer name is another one: C is not in "C++" or "C#"."""
    spans = set()
    for name in names:
        for match in re.finditer(rf"(?<![\w.]){re.escape(name)}(?![\w+#]|\.\w)", sentence.text, re.IGNORECASE):
            spans.add((sentence.start + match.start(), sentence.start + match.end()))
    return sorted(spans)


def options(claim: Claim, documents: dict[str, Document], lexicon: Lexicon, company: str) -> list[Option]:
    names = [claim.technology, *claim.aliases]
    found = []
    for index, citation in enumerate(claim.citations):
        document = documents.get(citation.source)
        if citation.says not in (None, claim.status):
            continue  # a source that says the technology was dropped does not describe its current use
        for sentence_id in citation.sentence_ids if document else []:
            sentence = document.sentences[sentence_id]
            kind = document.paragraph_of(sentence).kind
            for start, end in mention_spans(sentence, names):
                clause = sentence.text[slice(*clause_bounds(sentence.text, start - sentence.start, end - sentence.start))]
                if SPECULATIVE.search(clause) or claim.status is ClaimStatus.current and IN_FLUX.search(sentence.text):
                    continue  # a plan, a trial or a possibility (in its clause), or a move anywhere in the sentence
                    # ("after we moved the ledger off Oracle, PostgreSQL stores it"), says nothing sure of its use now
                for attached in attached_words(document, sentence, start, end):
                    if cuts_a_name_list(document.text[attached.start:sentence.end], attached.end - attached.start):
                        continue  # "Error logger for SQL, JSON, MySQL, etc.": cut short, it would mislead
                    text = rewritten(attached.shape, document.text[attached.start:attached.end], company)
                    if acceptable(text, names) and (claim.own or says_its_use(attached.shape, text, company)):
                        shared = SHARED_PENALTY if coordinated(sentence, start, end) else 0
                        found.append(Option(text, attached.shape, index, (attached.start, attached.end),
                                            score(attached.shape, text, kind) - shared))
    return found


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
    found = {id(claim): ranked_options(claim, documents, lexicon, company) for claim in claims}
    taken: set[str] = set()
    for claim in sorted(claims, key=lambda claim: len(found[id(claim)])):
        offered = found[id(claim)]
        option = next((option for option in offered if description_key(option.text) not in taken),
                      offered[0] if offered else None)
        taken |= {description_key(option.text)} if option else set()
        claim.description = worded_for(claim, option, company) if option else None
        claim.best_citation = option.citation if option else 0
        if lexicon.lookup(claim.technology) is None:  # the source's words for it over the model's guess
            named = tag_named(option.text) if option and option.shape in WHAT_IT_IS | {"list"} else None
            claim.tag = named or tag_from_name(claim.technology, lexicon) or \
                tag_from_words(mention_clauses(claim, documents), claim.tag) or claim.tag


def mention_clauses(claim: Claim, documents: dict[str, Document]) -> list[str]:
    """The clauses of the claim's quotes that name it."""
    names, clauses = [claim.technology, *claim.aliases], []
    for citation in claim.citations:
        document = documents.get(citation.source)
        for sentence in (document.sentences[sentence_id] for sentence_id in citation.sentence_ids) if document else ():
            for start, end in mention_spans(sentence, names):
                clauses.append(sentence.text[slice(*clause_bounds(sentence.text, start - sentence.start,
                                                                  end - sentence.start))])
    return clauses


def worded_for(claim: Claim, option: Option, company: str) -> str:
    """The chosen wording as the claim's description: an own tool's what-it-is as the company's, a former
    technology's in the past tense."""
    text = as_own(option.text, company) if claim.own and option.shape in WHAT_IT_IS | {"list"} else option.text
    return in_past(text) if claim.status is ClaimStatus.former else text


# ---------------------------------------------------------------- the attachment check


def unattached(description: str, attached_text: str, company: str) -> list[str]:
    """Content words of `description` that the attached words do not hold, allowing other forms of the same
    word, the company's name and the role verbs. Empty: the description is attached."""
    available = {form for word in WORD.findall(company) for form in (word.lower(), without_possessive(word.lower()))}
    for word in WORD.findall(attached_text):
        available |= {word.lower(), without_possessive(word.lower())} | lemmas(without_possessive(word))
    missing = []
    for word in content_words(description):
        plain = without_possessive(word.lower())
        if plain in available or plain in ROLE_VERBS or lemmas(plain) & (available | role_lemmas()):
            continue
        missing.append(word)
    return missing


def attached_to_technology(description: str, claim_names: list[str], quotes: list[tuple[Document, Sentence]],
                           company: str) -> bool:
    """Whether a description is made of the words attached to one of the technology's mentions in its quotes."""
    for document, sentence in quotes:
        for start, end in mention_spans(sentence, claim_names):
            for attached in attached_words(document, sentence, start, end):
                if not unattached(description, document.text[attached.start:attached.end], company):
                    return True
    return False
