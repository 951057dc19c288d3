"""Which words of a sentence are attached to a technology's mention, by the shape of the sentence (see
describe.py for the shapes), and the attachment check that every published description passes: its content
words come from words attached to one of its technology's mentions."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .grammar import (
    FUNCTION_WORDS, PLURAL_AUXILIARIES, ROLE_VERBS, WORD, content_words, is_base_verb, is_possessive, is_third_person,
    is_verb, lemmas, noun_then_participle, noun_then_verb, parts_of_speech, plural_noun, role_lemmas, verb_lemma,
    without_possessive,
)
from .lexicon import LONGER_NAME
from .text import Document, Sentence

READER = re.compile(r"\byou(?:['’](?:ll|d|re))?\b", re.I)
READERS_OWN = re.compile(r"\byour\b", re.I)  # "depending on your stack: X to …", anywhere before the name
# "we messed around with X to customize …": what the team tried on X, not what X does
TINKERED_WITH = re.compile(r"\b(?:mess|play|fiddle|tinker|toy|hack)(?:s|ed|d|ing)?\s+(?:around\s+|about\s+)?with\s+"
                           r"(?:the\s+)?(?:[\w.]+-)?$", re.I)  # "… with apache-solr": the mention may be "solr"
WORD_PART_BRACKETS = r"\((?![a-z]{1,4}\)\w)"  # "(de)serializer" is one word, not an aside
BOUNDARY = re.compile(r"\s*(?:(?:,\s+|\s)(?:while|whereas|but|although|though|because|so that|which means|where)\s|"
                      rf";|:\s|\s[–—-]\s|—|(?<=\w)-{{2,3}}(?=\w)|{WORD_PART_BRACKETS}|\)(?!\w)|,\s(?!\d))\s*")  # "---": a dash
# "we switched from Redis to X as our session cache": the new side of a move is no mere object of "to"
MOVED_TO_BEFORE = re.compile(r"\b(?:mov|migrat|switch|transition|port)\w*\b(?:\s+\S+){0,6}?\s+(?:over\s+)?(?:to|onto)\s+$",
                             re.I)
USE_BEFORE = re.compile(r"\b(?:uses?|used|using|via|with|through|on top of|built (?:on|with)|relies on|rely on|"
                        r"(?:adoption|use|usage|introduction)\s+of|"  # "led to the adoption of X to automate …"
                        r"runs? on|powered by|based on|leverages?|adopted|chose|implements?|deploys?)\s+$", re.I)
PURPOSE_AFTER = re.compile(r"^\s*(?:(?:(?:that|which)\s+)?(?:is|are|was|were)\s+(?:(?:\w+ly|also|still|now)\s+)?(?:used|employed|leveraged|adopted|deployed|chosen)"
                           r"(?:\s+by\s+(?:the\s+|our\s+|its\s+)?[\w.'’-]+(?:\s+[\w.'’-]+)?)?\s+|(?!(?:stands|stood|refers|referred)\s)\w+\s+)?(?P<prep>for|to)\s+(?P<rest>\S.*)$", re.I)
# "we use X on an EC2 instance to schedule …": where it runs, then what it is for
PURPOSE_AFTER_PLACE = re.compile(r"^\s+(?:on|in|inside|behind|across)\s+(?:[\w.'’-]+\s+){1,4}?to (?P<rest>[a-z]\S*\s.*)$")
ROLE_OPENING = r"^\s*(?:[\w-]+\s+)?as\s+(?:a|an|the|our|their|its)\s+"  # "(implements X) as a …"
# "as our single source of truth": the possessive stays and becomes the company's
ROLE_AFTER = re.compile(r"^\s*(?:[\w-]+\s+)?as\s+(?:(?:a|an|the)\s+|(?=(?:our|their|its)\s))(?P<rest>\S.*)$", re.I)
IDENTITY_AFTER = re.compile(r"^\s*(?:is|are|remains|serves as|acts as)\s+(?P<rest>(?:a|an|the|our|their|its)\s+\S.*)$",
                            re.I)
APPOSITIVE_AFTER = re.compile(r"^,\s+(?P<rest>(?:a|an|the|our|their|its)\s+[^,;()]+?)\s*(?:[,;]|[.!?]?$)", re.I)
# "X for a number of projects", "X for the worker pool", "a bucket for further use by the app": what X is for is
# named, not what it does there; an activity ("for real-time streaming", "for caching") or a role ("for our CT
# log database") is
# "for a number of projects", "for further use", and "for publishers to upload their books" (who it serves)
FOR_A_TARGET = re.compile(r"(?:a|an|the|this|that|these|those|each|every|some|many|several|various)\s|"
                          r"[A-Za-z-]+\s+to\s+(?!\d)[a-z]|"  # "for developers to use"
                          r"(?:(?:further|later|future|general|internal|other|personal|any)\s+)?(?:use|usage)\b", re.I)
# "we chose to have X manage our control plane": X does what the base verb after it says
CAUSATIVE_BEFORE = re.compile(r"\b(?:have|has|had|having|let|lets|letting)\s+(?:the\s+)?$", re.I)
# "X has been a key component in our architecture since the early days for storing customer receipts": what X is
# there for, at the end of its own clause; not "X is popular for building …", which says what it suits in general
LATER_PURPOSE = re.compile(r"^\s+(?:is|are|has\s+been|have\s+been)\s+(?P<between>(?:[\w'’-]+\s+){1,12}?)for\s+"
                           r"(?P<rest>[a-z]+ing\s+[^,;()]+)$", re.I)
SUITABILITY = re.compile(r"\b(?:popular|known|famous|great|good|ideal|perfect|suited|suitable|designed|meant|built|"
                         r"used|useful|handy|best|better|fine)\b", re.I)
PURPOSE_AFTER_APPOSITIVE = re.compile(r"\s*for\s+(?P<rest>\w+ing\s[^,;()]+)", re.I)
HOW_WE_AFTER = re.compile(r"^\s+(?:is|was|remains)\s+how\s+(?:we|they|the\s+team)\s+(?:(?:still|now|also)\s+)?"
                          r"(?P<rest>(?P<verb>[a-z]+)\s+\S.*)$")
# "Browserstack is used by Nightwatch and Behat to test …": the purpose is the used thing's, not its users'
USED_BY_BEFORE = re.compile(r"\b(?:is|are|was|were)\s+(?:(?:\w+ly|also|still|now)\s+)?(?:used|employed|leveraged|called|invoked)\s+by\s+"
                            r"(?:[\w.+#-]+\s*(?:,\s*|\s+(?:and|or)\s+|,\s*(?:and|or)\s+))*$", re.I)
RESPONSIBLE_AFTER = re.compile(r"^\s*(?:is|are)\s+(?:(?:\w+ly|also|still|now)\s+)?responsible\s+for\s+(?P<rest>\S.*)$", re.I)
# "storing our logs in Elastic Cloud" → Stores GitLab's logs
# the object neither opens with a preposition ("background processing into a separate app and host it on X": a noun,
# not a verb) nor ends with a pronoun that another verb governs ("… and host it on X")
GERUND_BEFORE = re.compile(r"\b(?P<verb>storing|running|hosting|serving|caching|processing|scheduling|routing|"
                           r"monitoring|deploying|building|testing|streaming|rendering|indexing|handling)\s+"
                           r"(?!(?:in|on|into|onto|to|for|with|from|of|at|by)\s)(?P<np>(?:(?!(?:is|are|was|were|has|have|had)\s)[^,;()\s]+\s+)*?[^,;()\s]+)(?<!\sit)(?<!\sthem)\s+(?:in|on|with|through|using|via|into)\s+(?:\S+\s+){0,3}?(?:(?:and|or)\s+)?$",
                           re.I)
# "our streaming data": a gerund after a determiner or possessive is a noun's modifier, not a verb
MODIFIER_SLOT = re.compile(r"\b(?:a|an|the|our|their|its|my|your|this|that|these|those|all|most|some)\s+$", re.I)
# "The load balancers are running HAProxy on CentOS": CentOS runs the load balancers (what runs on it, not the
# program in between)
HOST_SUBJECT = re.compile(r"(?:^|[.:;]\s+)(?P<np>(?:the|our|their|its|all|every|each)\s+[\w\s-]+?)\s+(?:is|are|was|were)\s+"
                          r"(?:(?:also|now|still|all)\s+)?$", re.I)
# "we import the access logs into BigQuery" → Imports the access logs; "we decided to run our logs on AWS" → Runs …
OBJECT_BEFORE = re.compile(r"\b(?:we|they|it|the\s+team)\s+(?:(?:also|now|then|[a-z]+ly)\s+)?"
                           r"(?:(?:decided|chose|opted|continue|continued)\s+to\s+)?(?P<verb>(?:run|store|keep|host|"
                           r"deploy|serve|process|import|load|ship|send|push|stream|index|cache|manage|monitor|"
                           r"schedule|build|test|put|hold|track|log|queue|route|analy[sz]e)(?:s|ed|d)?)\s+"
                           r"(?P<np>(?:the|our|their|its|all|every|(?:(?:about|over|around|nearly|almost)\s+)?\d[\d,.]*)\s+"
                           r"[^,;()]+?)\s+(?:in|into|on|onto|with|through|"
                           r"across|using|via)\s+(?:the\s+)?$", re.I)
# "we manage external dependencies with X", "proxies requests to our API using X": what is done with X, said in the
# present (a past "we rebooted the project with X" is history, not a use); lowercase, so a handbook's imperative step
# ("Install X with …") is not read as one; how often or how much ("we often build …") is no part of the verb
# a manner adverb before the preposition is left out ("… quickly with X"); how often ("… monthly through X") stays
INSTRUMENT_BEFORE = re.compile(r"(?:[-*•‣◦]\s+)?(?:(?P<subject>[Ww]e|[Tt]hey|that|which|[Ii]t)\s+)?"
                               r"(?:(?:also|now|still|often|always|usually|sometimes|mostly|mainly|typically|generally)\s+)?"
                               r"(?P<verb>[a-z]+)\s+"
                               r"(?P<np>(?:(?:the|our|their|its|all|every)\s+)?[^,;()]+?)\s+(?:(?!(?:hour|dai|week|month|year|quarter|night)ly\b)[a-z]+ly\s+)?"
                               r"(?:with|using|via|through)\s+(?:(?:a|an|the)\s+)?$")
JOINED_VERB = re.compile(r"\s(?:and|or|to)\s+(?P<verb>[a-z]+)\s")  # "… to interact with …", "… and integrate …"
SUBJECT_WORD = re.compile(r"\b(?:[Ww]e|[Tt]hey|that|which|[Ii]t)\s")
# a relation to something, not a doing: "Ruby and Rails align to government guidance"
RELATION_VERBS = {"align", "conform", "comply", "correspond", "relate", "belong", "adhere", "accord",
                  "require", "need", "expect", "demand"}  # "X requires developers to …": what X asks, not its use
# "X seems to have a bug", "X appears to drop connections": how X looks to the writer, not what it does there
HEDGING_VERBS = {"seem", "appear", "look", "sound", "tend"}
# what the company made in a language or framework: "we wrote the cache layers in C"
WRITING_VERBS = {"wrote", "rewrote", "re-wrote", "implemented", "reimplemented", "built", "developed", "coded"}
# verbs that say nothing of what was done with X ("we work with X"), or make X a partner, a rival or a
# stand-in rather than a tool ("we compare our latency with X", "we replace the queue with X")
VACANT_VERBS = {"use", "do", "have", "get", "make", "go", "see", "need", "want", "try", "start", "begin", "work", "deal",
                "help", "come", "play", "talk", "speak", "chat", "meet", "spend", "keep", "find", "look", "like", "love",
                "compare", "contrast", "benchmark", "pair", "combine", "mix", "match", "share", "partner", "compete",
                "collaborate", "replace", "substitute", "experiment", "tinker", "toy"}
# what a running copy of a technology is called: "the X add-on adjusts …", "the X cluster stores …" say what X
# does at work. Not "the X service / server / library that …": a service or library is often written in X (a
# language) or made for X (a client), and what it does is not what X does there
DEPLOYED_NOUNS = {"add-on", "addon", "plugin", "plug-in", "instance", "cluster", "daemon", "router", "proxy", "gateway",
                  "balancer"}
# the same, counted: "the X pods proxy traffic …" (a plural noun, then the verb's plain form)
DEPLOYED_PLURALS = {"instances", "clusters", "pods", "nodes", "replicas", "containers", "daemons", "routers", "proxies",
                    "gateways", "balancers"}
HEAD_NOUN_THEN_VERB = re.compile(r"^\s+(?P<noun>[a-z][\w-]*)\s+(?:that\s+|which\s+)?(?P<at>(?:[a-z]+ly\s+)?(?P<verb>[a-z]+))\b")
ASIDE_AFTER = re.compile(r"^\s*\((?P<rest>[^()]{3,80})\)")
# "Backstage- An open-source platform for …": a gloss after a dash, as in a list of tools
DASH_GLOSS_AFTER = re.compile(r"^\s?[–—-]\s+(?P<rest>(?:a|an|the|our|their|its)\s+[^.;:()]{3,100})", re.I)
# "X as a service mesh, handling inter-service traffic": what X does in that role
ROLE_THEN_DOING = re.compile(ROLE_OPENING + r"[^,;()]{1,40},\s+(?P<rest>(?P<verb>[a-z]+ing)\s[^,;()]+)")
REFLEXIVES = {"itself", "themselves"}  # "X describes itself as …": what X says of itself, not what it does there
NAME_MEANING_VERBS = {"stands", "means", "refers", "abbreviates"}  # "Nappy stands for Node API": what a name means
MAKEUP_VERBS = {"consists", "consist", "comprises", "comprise"}  # "X consists of two components": what it is made of
ENABLING_VERBS = {"enabling", "allowing", "making", "ensuring", "including", "letting", "helping"}
ASIDE_OPENING = re.compile(r"^(?:a|an|the|our|their|its|for|used for|used to|which)\s", re.I)
LIST_SHAPE = re.compile(r"^\s*(?:[-*•‣◦]\s+|\d{1,3}[.)]\s+)?(?P<name>[^:–—]{1,60}?)\s*(?::|\s[–—-])\s+(?P<rest>\S.+)$")
# "GitHub (source code management)" as a whole list item: the bracket says what the name is for
LIST_GLOSS_SHAPE = re.compile(r"^\s*(?:[-*•‣◦]\s+|\d{1,3}[.)]\s+)?(?P<name>[^:–—()]{1,60}?)\s*\((?P<rest>[^()]{3,100})\)\s*[.;,]?\s*$")
AUXILIARIES = {"is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "been"}
# "a user's AWS Identity Access Management (IAM) role to …": a short gloss inside a phrase that goes on
NAME_GLOSS = re.compile(r"(?<=\w)\s\((?:or\s+|aka\s+|a\.k\.a\.\s+)?[A-Z][^()]{0,29}\)(?=\s+[a-z])")  # "(or Command Line Analytics)"
# "we use Fabric, a Python library for …": a name inside another name's appositive; what follows is the other's
INSIDE_ANOTHERS_APPOSITIVE = re.compile(r"\w\s+(?:[A-Z][\w.+#/-]*|[a-z][\w-]*[A-Z0-9][\w.+#/-]*),\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}$")
# "awscli: All of our apps are hosted on Amazon S3": a list item's text with a subject and verb of its own
FINITE_AFTER_SUBJECT = AUXILIARIES - {"been"} | {"should", "must", "may", "might", "requires", "require", "means", "makes",
                                                "lets", "allows"}
CLAUSE_OPENERS = {"that", "which", "who", "when", "where", "if", "because", "while", "so"}
SUBORDINATORS = {"because", "since", "although", "though", "if", "when", "while", "once", "unless", "whereas"}
INLINE_GLOSS = re.compile(r"(?<=\w)\s\([^()]{1,30}\)(?=\s+[a-z])")
# "allows Amazon EKS clusters to manage …": what follows is what the subject makes possible, not what X does
ENABLED_BEFORE = re.compile(r"\b(?:allows?|allowed|allowing|enables?|enabled|enabling|lets|helps?|helped|permits?)\s+(?:[A-Z][\w.+#-]*\s+)*$",
                            re.I)
SUBJECT_OPENERS = re.compile(r"^(?:[-*•‣◦]\s+)?(?:the\s+)?$", re.I)  # a list item may open with the name
# "Our Redis cluster stores …": a running copy of the company's opens its clause after "our" too ("A Redis cluster
# stores …" reads as true of any, see GENERIC_DEFINITION)
DEPLOYED_OPENERS = re.compile(r"^(?:[-*•‣◦]\s+)?(?:(?:the|our)\s+)?$", re.I)
COPULAS = {"is", "was", "has", "does"}
# the word after a name's would-be verb that shows it is none: an auxiliary (the "verb" was a plural noun), "as"
# ("X serves as …", a role) or a reflexive ("X describes itself as …")
NOT_AFTER_A_VERB = PLURAL_AUXILIARIES | {"as"} | REFLEXIVES
POSSESSOR_AFTER = re.compile(r"^['’]s\s+")
# work not done yet, named anywhere in the sentence ("Note: potential project, set up X to cache images")
# and a choice still open: "we can either use X, or Y"
PLANNED_WORK = re.compile(r"\b(?:potential|possible|future)\s+(?:projects?|tasks?|ideas?|work|improvements?)\b|"
                          r"\b(?:proposals?|proposed|to-?do|wish\s?list|either)\b", re.I)
# a plan, a possibility or a need ("X needs to spread …")
SPECULATIVE = re.compile(r"\b(?:will|would|could|might|may|shall|going\s+to|plan|plans|planned|planning|"
                         r"needs?\s+to|"
                         r"intend\w*|hop(?:e|es|ing)\s+to|interest(?:ed)?\s+in|soon|roadmap|future|evaluat\w+|consider(?:s|ed|ing)|"
                         r"experiment\w*|pilot(?:s|ed|ing)?|prototyp\w+|trial\w*|trying|try\s+out)\b|['’]ll\b", re.I)
POSSESSOR_PHRASE_WORDS = 4
# what a part of X does that is a use of X ("X's ecosystem provides …"); "X's planner picks the wrong index" is not
PEOPLE = {"creator", "creators", "author", "authors", "maintainer", "maintainers", "developer", "developers", "team",
          "teams", "founder", "founders", "community", "communities", "user", "users", "vendor", "vendors", "company"}
POSSESSOR_VERBS = {"provide", "help", "handle", "power", "support", "give", "offer", "let", "serve", "run"}
# "Code sharing between iOS and Android for …": a name governed by a preposition does not own the purpose after it
QUANTITY_OF = re.compile(r"\b(?:a\s+(?:number|couple|few|lot|set|handful|range|variety|series|pair|bunch)|lots|plenty|"
                         r"dozens|hundreds|thousands|millions)\s+of\s+$", re.I)
PREPOSITION_BEFORE = re.compile(r"\b(?:between|across|among|on|in|of|for|from|to|into|onto|at|over|under|within|"
                                r"without|against|like|than)\s+(?:\S+\s+(?:and|or)\s+)?(?:the\s+)?$", re.I)
PARTICIPLES = (r"powered|handled|managed|served|stored|saved|persisted|archived|captured|recorded|published|consumed|"
               r"runs|run|running|orchestrated|built|backed|driven|hosted|deployed|"
               r"cached|processed|monitored|secured|scheduled|tested|streamed|rendered|based|coordinated|indexed|"
               r"operated|maintained|delivered|collected|tracked|logged|analy[sz]ed|queued|written|compiled|bundled|"
               r"packaged|generated|distributed|replicated|backed up|load-balanced|proxied|routed|triggered")
# "we wrote multiple cache layers in C": what was written in a language or framework (the object reads "Builds …")
WRITTEN_IN_BEFORE = re.compile(r"\b(?:we|they|the\s+team)\s+(?:also\s+|then\s+|first\s+|originally\s+)?"
                               rf"(?P<verb>{'|'.join(sorted(WRITING_VERBS))})\s+(?P<np>(?:the|our|their|its|a|an|"
                               r"multiple|several|two|three|four|five|all|every)\s+(?:(?!about\b)[^,;()\s]+\s+)*?[^,;()\s]+)\s+in\s+$", re.I)
# "Spotify's web platform is built on React.js" → Powers Spotify's web platform; not "runs externally from X",
# where an adverb makes "from" mean outside
FORMAT_AFTER = re.compile(r"^\s+(?:format|formats|encoding|syntax|notation|style)\b", re.I)
# "course content is written to a Mongo database": the store the data goes to stores it
STORED_TO_BEFORE = re.compile(r"^(?P<np>[^,;]*?\w[^,;]*?)\s+(?:is|are|was|were|gets|get)\s+(?:(?:\w+ly|still|also|now)\s+)?"
                              r"(?P<verb>written|saved|stored|persisted|archived)\s+(?P<to>(?:in)?to)\s+"
                              r"(?:(?:a|an|the|one|two)\s+)?(?:[a-z][\w-]*\s+){0,2}$")
AGENT_BEFORE = re.compile(rf"^(?P<np>[^,;]*?\w[^,;]*?)\s+(?:(?:is|are|was|were|gets|get)\s+)?(?:(?:\w+ly|still|also|now)\s+)?"
                          rf"(?P<verb>{PARTICIPLES})\s+(?:(?:\w+ly\s+)?(?:by|on|with|through|in|via|using|on top of|atop)|from)\s+"
                          rf"(?:(?:the|a|an|combination|mix|set|cluster|fleet|pair|couple|handful|of|top|help)\s+){{0,4}}"
                          rf"(?:[A-Z][\w.+#/-]*\s+(?:and|or|&)\s+)?$",  # "written in Java and Scala": Scala too
                          re.I)
# "Our data store is MongoDB" → Artsy's data store; "The core of the search system is an Elasticsearch cluster" → Core
# of the search system (a running copy of it, after an article)
IDENTITY_BEFORE = re.compile(r"^(?P<np>(?:our|their|its|the|a|an)\s+[\w\s-]+?)\s+(?:is|are|was|remains)\s+"
                             r"(?:(?:a|an|the|our|their|its)\s+)?$", re.I)
# ", Y and Z" after a name: the rest of the sentence speaks of the whole list ("SendGrid and MailChimp to send e-mail")
LIST_CONTINUATION = re.compile(r"^(?:\s*,\s*|\s+(?:and|or|&)\s+|\s*,\s*(?:and|or)\s+)"
                               r"[A-Z][\w.+#/-]*(?:\s+[A-Z][\w.+#/-]*){0,3}")
RELATIVE_AFTER = re.compile(r"^,?\s+(?:which|that)\s+(?P<at>(?:(?:also|now|still|\w+ly)\s+)?(?P<verb>[a-z]+)\b)")
NAME_BEFORE_CONJUNCTION = re.compile(r"[A-Z][\w.+#/-]*(?:\s*,\s*|\s+(?:and|or|&)\s+|\s*,\s*(?:and|or)\s+)$")
# "Kafka-based event pipelines" → Powers event pipelines
COMPOUND_AFTER = re.compile(rf"^-(?P<verb>{PARTICIPLES})\s+(?P<np>\S.*)$", re.I)


@dataclass(frozen=True)
class Attached:
    """Words attached to a mention, by shape, as offsets into the source text."""

    shape: str
    start: int
    end: int


ITEM = r"[\w/.+#-]+(?:\s[\w/.+#-]+){0,2}"
# two or more short items, the last after "and" or "or", ending the clause: "deployments, scaling, and service discovery"
CLOSED_LIST = re.compile(rf"{ITEM}(?:,\s{ITEM})*,?\s(?:and|or)\s[\w/.+#-]+(?:\s[\w/.+#-]+)?"
                         r"(?=\s*(?:[.;,!?]|$)|\s(?:which|that|where|so|because|to|for|in|on|with|when|while)\b)")
CLAUSE_WORDS = (FUNCTION_WORDS - {"a", "an", "the"}) | {"i", "you", "he", "she", "when", "if", "how", "why", "what"}
EXAMPLES_OPENING = re.compile(r"\s(?:such as|including)\s")
LIST_ITEM_BREAK = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")


def closed_list_at(text: str, at: int) -> int | None:
    """Where a closed list of short noun phrases starting at `at` ends ("deployments, scaling, and service
    discovery"), or None: an open list, or a clause ("when we deploy and roll back")."""
    found = CLOSED_LIST.match(text, at)
    if not found:
        return None
    words = [word.lower() for item in LIST_ITEM_BREAK.split(found.group().strip()) for word in item.split()]
    return None if any(word in CLAUSE_WORDS for word in words) else found.end()


def examples_after(text: str, end: int) -> list[tuple[int, int]]:
    """The closed lists of examples after `end` ("… such as deployments, scaling, and service discovery"): their
    commas end no clause of a name before them; the list's end does."""
    spans = []
    for opening in EXAMPLES_OPENING.finditer(text, end):
        if found := closed_list_at(text, opening.end()):
            spans.append((opening.end(), found))
    return spans


VERB_SERIES = re.compile(r"\bto\s+(?P<verbs>[a-z]+(?:,\s+[a-z]+)+,?\s+(?:and|or)\s+[a-z]+)\b")


def verb_series(text: str) -> list[tuple[int, int]]:
    """Spans of infinitive verb series, "to convert, process, and enrich": their commas join verbs, not clauses."""
    spans = []
    for match in VERB_SERIES.finditer(text):
        verbs = re.findall(r"[a-z]+", match.group("verbs"))
        if all(is_base_verb(verb) for verb in verbs if verb not in ("and", "or")):
            spans.append(match.span("verbs"))
    return spans


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The piece of `text` between the clause and list boundaries around [start, end)."""
    examples = examples_after(text, end)
    lo, hi = 0, examples[0][1] if examples else len(text)  # a closed list of examples ends the clause
    joined = examples + verb_series(text)
    for match in BOUNDARY.finditer(INLINE_GLOSS.sub(lambda gloss: " " * len(gloss.group()), text)):
        if any(first <= match.start() < last for first, last in joined):
            continue
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
    if TINKERED_WITH.search(before):
        return []
    if READER.search(before) or READERS_OWN.search(text[:local_start]):
        return []  # "you can use X to …", "depending on your stack: X to …" advise the reader; no company's use
    opened = text[:local_start]
    if opened.count("(") > opened.count(")"):
        return []  # "EC2 (AWS Elastic Compute Cloud) … to host …": a name inside a gloss owns nothing outside it
    if opened.count('"') % 2 or opened.count("“") > opened.count("”"):
        return []  # a quotation ("Amazon EC2 is a web service that …") is another's words, not the company's use
    if INSIDE_ANOTHERS_APPOSITIVE.search(opened):
        return []  # "Fabric, a Python library for running …": the library's purpose is Fabric's, not Python's
    found = [item] if (item := list_item_words(document, sentence, local_start, local_end)) else []
    if not found and a_task(document, sentence, local_start):
        return []  # "- Scale Airflow to handle our biggest DAG": work to do, not what Airflow does
    after_name = text[local_end:]
    if (match := ASIDE_AFTER.match(after_name)) and ASIDE_OPENING.match(match.group("rest")):
        found.append(Attached("aside", end + match.start("rest"), end + match.end("rest")))
    if match := DASH_GLOSS_AFTER.match(after_name):
        found.append(Attached("aside", end + match.start("rest"), end + match.end("rest")))
    if (match := ROLE_THEN_DOING.match(after_name)) and match.group("verb") not in ENABLING_VERBS and \
            is_verb(match.group("verb")):
        found.append(Attached("agent", end + match.start("rest"), end + match.end("rest")))
    if (match := APPOSITIVE_AFTER.match(after_name)) and not list_goes_on(after_name[match.end():]) and \
            not a_clause(match.group("rest")):
        found.append(Attached("aside", end + match.start("rest"), end + match.end("rest")))
        if purpose := PURPOSE_AFTER_APPOSITIVE.match(after_name, match.end()):  # "X, a Rack server, for serving …"
            found.append(Attached("purpose", end + purpose.start("rest"), sentence.end))
    listed = False
    while match := LIST_CONTINUATION.match(after):
        after, end, listed = after[match.end():], end + match.end(), True
    if (words := WORD.findall(after)) and words[0].islower() and verb_lemma(words[0]) in HEDGING_VERBS:
        return found  # "X seems to have a bug", "X appears to cache …": the writer's impression, not its use
    if (match := IDENTITY_BEFORE.match(before)) and after.strip(" .!?").lower() in {"", *DEPLOYED_NOUNS}:
        found.append(Attached("identity", base + lo + match.start("np"), base + lo + match.end("np")))
    opens_clause = bool(SUBJECT_OPENERS.match(before))
    if opens_clause and (words := WORD.findall(after)) and words[0].islower() and \
            is_verb(words[0]) and words[0].lower() not in COPULAS | {"are", "were", "have", "do"} and \
            not (len(words) > 1 and words[1].lower() in NOT_AFTER_A_VERB) and not noun_before_and(words) and \
            words[0].lower() not in DEPLOYED_PLURALS | NAME_MEANING_VERBS | MAKEUP_VERBS and \
            verb_lemma(words[0]) not in RELATION_VERBS and (
            listed or is_third_person(words[0])) and not noun_then_participle(words) and not noun_then_verb(words):
        found.append(Attached("subject", end + after.index(words[0]), base + hi))
    if opens_clause and (match := LATER_PURPOSE.match(after)) and not SUITABILITY.search(match.group("between")) \
            and not IDENTITY_AFTER.match(after):  # "X is our platform for building …" says what it is
        found.append(Attached("purpose", end + match.start("rest"), base + hi))
    if CAUSATIVE_BEFORE.search(before) and (words := WORD.findall(after)) and words[0].islower() and \
            is_verb(words[0]) and verb_lemma(words[0]) == words[0] and words[0] not in VACANT_VERBS:
        found.append(Attached("subject", end + after.index(words[0]), base + hi))  # "have X manage our …"
    if opens_clause and (verb_at := possessor_verb(after)) is not None:
        found.append(Attached("possessor", end + verb_at, base + hi))
    if (verb_at := deployed_verb(after, relative_only=not DEPLOYED_OPENERS.match(before))) is not None:
        found.append(Attached("subject", end + verb_at, base + hi))
    a_format = FORMAT_AFTER.match(after)  # "values are stored in the Protobuf format": the format stores nothing
    if not a_format and (match := AGENT_BEFORE.search(before)) and \
            (np_start := noun_phrase_start(before, match.start("verb"))) is not None:
        found.append(Attached("agent", base + lo + np_start, base + lo + match.end("verb")))
    elif not a_format and (match := STORED_TO_BEFORE.search(before)) and \
            (np_start := noun_phrase_start(before, match.start("verb"))) is not None:
        found.append(Attached("agent", base + lo + np_start, base + lo + match.end("to")))
    if (match := GERUND_BEFORE.search(before)) and not MODIFIER_SLOT.search(before[:match.start("verb")]):
        found.append(Attached("agent", base + lo + match.start("verb"), base + lo + match.end("np")))
        if match.group("verb").lower() == "running" and \
                (host := HOST_SUBJECT.search(before[:match.start("verb")])) and \
                not PEOPLE & {word.lower() for word in host.group("np").split()}:  # "the team is running tests on X"
            found.append(Attached("agent", base + lo + host.start("np"), base + lo + match.end("verb")))
    elif (match := OBJECT_BEFORE.search(before) or WRITTEN_IN_BEFORE.search(before)) and is_verb(match.group("verb")) \
            and match.group("verb") not in COPULAS | MAKEUP_VERBS:  # "they consist of …": what they are made of
        found.append(Attached("object", base + lo + match.start("verb"), base + lo + match.end("np")))
    if match := instrument_before(before):
        verb_at = nearest_verb_phrase(before, match.start("verb"), match.end("np"))
        found.append(Attached("object", base + lo + verb_at, base + lo + match.end("np")))
    if opens_clause and (match := HOW_WE_AFTER.match(after)) and is_verb(match.group("verb")):
        found.append(Attached("object", end + match.start("rest"), base + hi))  # "X is how we manage …"
    if match := RESPONSIBLE_AFTER.match(after):
        found.append(Attached("agent", end + match.start(), base + hi))
    if match := COMPOUND_AFTER.match(after):
        found.append(Attached("agent", end + match.start("verb"), base + hi))
    counted_before = QUANTITY_OF.sub("", before)  # "we use a number of X applications to …": "of" counts, not places
    object_of_preposition = (PREPOSITION_BEFORE.search(counted_before) and not USE_BEFORE.search(counted_before)
                             and not MOVED_TO_BEFORE.search(counted_before) or ENABLED_BEFORE.search(counted_before))
    if not object_of_preposition and (verb_at := relative_verb(text[local_end:])) is not None:
        verb_start = local_end + verb_at  # "we run NGINX, which routes all traffic …": past the comma
        verb_end = clause_bounds(text, verb_start, verb_start + 1)[1]
        if opens_clause and not text[local_end:].startswith(","):
            verb_end = main_verb_at(text, verb_start, verb_end)
        if not SPECULATIVE.search(text[verb_start:verb_end]):
            found.append(Attached("subject", base + verb_start, base + verb_end))
    if USE_BEFORE.search(before) and (match := PURPOSE_AFTER_PLACE.match(after)) and infinitive(match.group("rest")):
        found.append(Attached("purpose", end + match.start("rest") - 3, base + hi))
    for shape, pattern in (("purpose", PURPOSE_AFTER), ("identity", IDENTITY_AFTER), ("role", ROLE_AFTER)):
        if (match := pattern.match(after)) and not object_of_preposition and (shape != "purpose" or is_a_purpose(match)
                                                                             and not USED_BY_BEFORE.search(before)):
            start_at = match.start("rest") - (3 if shape == "purpose" and match.group("prep").lower() == "to" else 0)
            found.append(Attached(shape, end + start_at, base + hi))
            break
    return found


FINITE_WORDS = AUXILIARIES - {"been"} | {"should", "may", "might", "must", "shall", "does", "do", "did"}
RELATIVE_WORDS = {"that", "which", "who", "whose", "where", "when"}


def a_clause(rest: str) -> bool:
    """"…, a temporary Wordpress site would allow …": words after a name's comma with a finite verb of their own (not
    one inside a relative clause, "a portal that is used by …") are the next clause's subject, no appositive."""
    for word in WORD.findall(rest.lower()):
        if word in RELATIVE_WORDS:
            return False
        if word in FINITE_WORDS:
            return True
    return False


def list_item_words(document: Document, sentence: Sentence, start: int, end: int) -> Attached | None:
    """What a list item headed by the name says of it: "X – what it does", "X: what it does", or, when the item is
    only the name and a bracket, "X (what it does)"; None when the name is not the item's head, or the words are a
    sentence about something else. `start`/`end` are the mention's offsets in the sentence."""
    paragraph, text = document.paragraph_of(sentence), sentence.text
    if sentence.start != paragraph.start:
        return None
    match = LIST_SHAPE.match(text)
    if match is None and paragraph.kind in ("list_item", "table_cell") and sentence.end == paragraph.end:
        match = LIST_GLOSS_SHAPE.match(text)
    if match is None or match.start("name") != start or end > match.end("name") or \
            len(match.group("name").split()) > len(text[start:end].split()) + 1 or own_clause(match.group("rest")):
        return None
    return Attached("list", sentence.start + match.start("rest"), sentence.start + match.end("rest"))


def a_task(document: Document, sentence: Sentence, start: int) -> bool:
    """A list item opening with a verb in its base form, before the name ("Implement …", "Scale X to …"): a task on
    a to-do list or an instruction, not a statement of what the technology does."""
    paragraph = document.paragraph_of(sentence)
    words = WORD.findall(sentence.text[:start])
    first = words[0] if words else ""
    return paragraph.kind == "list_item" and sentence.start == paragraph.start and first[:1].isupper() and \
        first[1:].islower() and is_base_verb(first) and not is_third_person(first.lower())


def own_clause(text: str) -> bool:
    """A list item's text that is a sentence about something else ("All of our apps are hosted on S3", "Using the
    template requires the command line"), not a phrase for the name ("Serves our assets", "Tool that deploys …")."""
    words = [word.lower() for word in WORD.findall(re.sub(r"\([^()]*\)", " ", text))]
    if not words or is_third_person(words[0]):
        return False
    for word in words[1:]:
        if word in CLAUSE_OPENERS:
            return False
        if word in FINITE_AFTER_SUBJECT:
            return True
    return False


def is_a_purpose(match: re.Match) -> bool:
    """"for" an activity or "to" a verb says what the technology is for; "for" a target ("for a number of
    projects") or "to" a noun phrase ("to government guidance") does not."""
    preposition, rest = match.group("prep").lower(), match.group("rest")
    return not FOR_A_TARGET.match(one_word_compounds(rest)) if preposition == "for" else infinitive(rest)


def one_word_compounds(text: str) -> str:
    """"end to end testing", "peer to peer networking": a word, "to" and the same word again make one compound."""
    return re.sub(r"\b(\w+) to \1\b", r"\1-to-\1", text, flags=re.I)


def noun_before_and(words: list[str]) -> bool:
    """"NVMe drives and local storage benefits": a would-be verb joined by "and"/"or" to words that are no verb is
    a plural noun in a list of things; "Redis caches and serves sessions" has a verb on both sides."""
    return len(words) > 2 and words[1].lower() in ("and", "or") and not is_verb(words[2])


def infinitive(rest: str) -> bool:
    """Whether the words after "to" open an infinitive ("to isolate …", "to quickly build …"), not a noun phrase
    ("to government guidance …": where something points, not what it does)."""
    words = WORD.findall(rest)
    words = words[1:] if words and words[0].lower().endswith("ly") else words
    return bool(words) and is_base_verb(words[0])


def deployed_verb(after: str, relative_only: bool) -> int | None:
    """Where the verb starts in "… X add-on creates …" / "… X pods that proxy …" (`after` follows the name);
    `relative_only`: the name does not open its clause, so only "that"/"which" makes the noun its verb's subject."""
    match = HEAD_NOUN_THEN_VERB.match(after)
    if not match:
        return None
    noun, verb = match.group("noun"), match.group("verb")
    agrees = is_third_person(verb) if noun in DEPLOYED_NOUNS else \
        noun in DEPLOYED_PLURALS and is_verb(verb) and verb_lemma(verb) == verb and verb not in AUXILIARIES | {"do", "be"}
    if not agrees or noun_then_verb(WORD.findall(after[match.start("verb"):])):
        return None  # "X cluster instances also have …": "instances" is the noun whose verb follows
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


def main_verb_at(text: str, verb_start: int, end: int) -> int:
    """"The X which provides forum capability is a legacy application": a relative clause without commas after
    the sentence's subject ends where the sentence's own verb begins."""
    for word in WORD.finditer(text, verb_start, end):
        if word.start() > verb_start and word.group().lower() in FINITE_AFTER_SUBJECT & AUXILIARIES:
            return word.start() - 1
    return end


def nearest_verb_phrase(text: str, verb_start: int, end: int) -> int:
    """"we leverage Bedrock to interact with models and integrate Slack via X": X goes with the verb phrase nearest
    to it ("integrate Slack"), not with the clause's first verb; where that phrase's verb starts."""
    joined = [found.start("verb") for found in JOINED_VERB.finditer(text, verb_start, end) if is_base_verb(found.group("verb"))]
    return joined[-1] if joined else verb_start


def instrument_before(before: str) -> re.Match | None:
    """"we manage external dependencies with", "proxies requests using": a present-tense verb with its object,
    done with the name that follows."""
    starts = [0, *(found.start() for found in SUBJECT_WORD.finditer(before))]
    match = next((found for start in reversed(starts) if (found := INSTRUMENT_BEFORE.match(before, start))
                  and (found.group("subject") or start == 0)), None)  # the nearest subject; no subject: a clause's start
    if not match or not is_verb(verb := match.group("verb")) or \
            verb_lemma(verb) in VACANT_VERBS | COPULAS | {"be"} or verb.lower() in MAKEUP_VERBS:
        return None
    last = match.group("np").split()[-1].lower()
    if last.endswith("ed") and is_verb(last) and verb_lemma(last) != last:
        return None  # "we ship an app with images compressed with X": X goes with "compressed", not with "ship"
    plural_subject = (match.group("subject") or "").lower() in ("we", "they")
    return match if (verb_lemma(verb) == verb if plural_subject else is_third_person(verb)) else None


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


def list_goes_on(rest: str) -> bool:
    """After "X, the Y," a verb goes on with X ("Postgres, the main store, holds …"); anything else is the next
    item of a list ("Node, the future of Chakra, VM neutrality and more"), and "the Y" is not about X."""
    words = WORD.findall(rest)
    return bool(words) and not (is_verb(words[0]) or words[0].lower().endswith("ly") or words[0].lower() in
                                {"which", "who", "where", "and", "but"} | NOUN_PHRASE_PREPOSITIONS)


NOUN_PHRASE_GLUE = {"and", "or", "of", "&"}
NOUN_PHRASE_PREPOSITIONS = {"to", "in", "on", "for", "with", "from", "into", "at", "by", "about", "under", "over"}
DETERMINERS = {"a", "an", "the", "our", "their", "its"}
QUANTIFYING = {"all", "most", "some", "many", "each", "both", "several", "half", "none", "much", "any"}


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
    for at, match in reversed(list(enumerate(words))):
        word = match.group()
        kinds = parts_of_speech(word)
        if start is not None and word.lower().endswith("ing") and at and words[at - 1].group().lower() in DETERMINERS:
            start = match.start()  # "the scheduling service": a gerund after an article modifies the noun
            continue
        if word.lower() in DETERMINERS:
            start = match.start()
            break
        if word.lower() == "of" and not auxiliary and start is not None:
            break  # "the start of 54 matches streamed on X": what is streamed is the matches
        if word.lower() in NOUN_PHRASE_GLUE and start is not None:
            continue
        if not auxiliary and word.lower() in FUNCTION_WORDS and word.lower() not in NOUN_PHRASE_GLUE:
            break  # "an application with assets packaged with X": with no auxiliary the participle describes "assets"
        if word.lower() in NOUN_PHRASE_PREPOSITIONS | SUBORDINATORS:
            break  # "from" is unknown to the tagger, but no noun; "Because Devbox is powered by": capitalised, no noun
        if is_possessive(word) or word[:1].isupper() or "-" in word or not kinds or \
                kinds & {"NOUN", "PROPN", "ADJ", "NUM"} and not kinds & {"AUX"} and word.lower() not in FUNCTION_WORDS:
            start = match.start()
            nouns += bool(kinds & {"NOUN", "PROPN"} or word[:1].isupper() or not kinds)  # "apps": unknown to the tagger
            continue
        break
    before = [match for match in words if start is not None and match.end() <= start]
    if len(before) >= 2 and before[-1].group().lower() == "of" and before[-2].group().lower() in QUANTIFYING:
        return before[-2].start() if nouns else None  # "All of our apps are hosted on": the whole is the subject
    before = [match.group().lower() for match in before]
    if before and before[-1] in NOUN_PHRASE_PREPOSITIONS | {"of"} and auxiliary:
        # "changes to our NGINX instances are kept on": the subject is "changes", not "instances"; without the
        # auxiliary the participle follows its noun ("relies on an architecture written in"), which it describes
        return head_opening_the_clause(text, start) if nouns else None
    return start if nouns else None


def head_opening_the_clause(text: str, inner_start: int) -> int | None:
    """"Tasks for the workers are queued via": the whole "Tasks for the workers" is the subject when the noun
    before the preposition opens the clause; after other words ("we saw that changes to …") it is not sure."""
    preposition = list(WORD.finditer(text[:inner_start]))[-1]
    head = noun_phrase_start(text, preposition.start() - 1 if preposition.start() else 0)
    opening = text[:head].strip(" -*•") if head is not None else None
    return head if opening == "" else None


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
        for match in re.finditer(rf"(?<![\w.]){re.escape(name)}(?![\w+#]|\.\w|{LONGER_NAME})", sentence.text, re.IGNORECASE):
            spans.add((sentence.start + match.start(), sentence.start + match.end()))
    return sorted(spans)


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
