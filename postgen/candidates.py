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
from collections.abc import Container
from dataclasses import dataclass, field, replace

from .grammar import GLOSS_AT_END, without_gloss
from .grounding import normalize_for_key
from .lexicon import NAME_PAIR, Lexicon, Technology, after_article, distinctive, names_in_text
from .text import Document, Paragraph, Sentence
from .words import RARE_ZIPF, ordinary, zipf

COMMON_LINK_ZIPF = 4.5  # a one-word link more common than this is a phrase ("here", "post"), not a name

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
FUNCTION_WORD = re.compile(r"in|on|of|for|with|to|at|from|by|into|via|the|a|an|and|or|vs")
GENERIC_TAIL = re.compile(rf"(?:{TECH_NOUNS}|add-?ons?|docs|documentation|guide|page|website|site|project)",
                          re.IGNORECASE)
TECH_NOUN_AFTER = re.compile(rf"^\s+(?:{TECH_NOUNS})\b", re.IGNORECASE)
DETERMINER_BEFORE = re.compile(r"\b(?:our|its|their|an?|the|using|with|via|on|in|run|runs|running|use|uses)\s+$",
                               re.IGNORECASE)
APPOSITIVE_AFTER = re.compile(rf"^\s*(?:,|\(|–|—|-)\s*(?:an?|the|our)\s+(?:[\w/.+-]+\s+){{0,4}}?(?:{TECH_NOUNS})\b",
                              re.IGNORECASE)
USE_WORD_BEFORE = re.compile(r"\b(?:via|using|use|uses|used|with|install|installs|installed|installing|run|runs|"
                             r"running|deploy|deploys|deployed|called|through|on top of)\s+$", re.IGNORECASE)
# "Install pnpm globally", "apt-get install ufw": what is installed is software, even a plain lowercase word
INSTALLED = re.compile(r"\binstall(?:s|ed|ing)?\s+$", re.IGNORECASE)
CONTENT_WORD_AFTER = re.compile(r"^\s+(?!(?:and|or|but|by|for|to|on|in|at|as|with|from|of|the|a|an|is|are|was|were|"
                                r"which|that|so|then|via|\w+ly)\b)[a-z]")  # an adjective before its noun
QUOTED_BEFORE = re.compile(r"(?:^|\s)[\"“]$")
QUOTED_AFTER = re.compile(r"^[\"”](?:\s|[,.;:)]|$)")
NAMING = re.compile(r"\b(?:called|named|dubbed|codenamed|known as)\s+[\"“'‘]?$", re.IGNORECASE)
LIST_NAME = re.compile(r"^\s*(?:[-*•‣◦]\s+|\d{1,3}[.)]\s+)?(?P<name>[^\s:–—-][^:–—]{0,60}?)\s*(?::|\s[–—-])\s+\S")

TOKEN = r"[A-Za-z][\w+#]*(?:[./-][\w+#]+)*(?:\+\+)?"
VERSION_AFTER = re.compile(
    r"^\s+(?:v|version\s+)?(?P<version>(?:\d+(?:\.(?:\d+|x))+|(?:19|20)\d\d|\d{1,2})(?:\s*(?:LTS|R\d|SP\d|beta|alpha|rc\d*))?)\b"
    r"(?!\s*(?:%|percent|ms|s\b|"
    r"seconds?|minutes?|hours?|days?|weeks?|months?|years?|times|x\b|gb|mb|tb|kb|million|billion|users?|"
    r"servers?|nodes?|instances?|cores?|requests?))",
    re.IGNORECASE,
)
ENGLISH_SUFFIX = re.compile(r"(?:tion|sion|ment|ness|ity|ive|ous|able|ible|ism|ence|ance|ally|ical|ized|ised|ing|"
                            r"ices|ers|ies)$")  # "containerization", "generative", "microservices": words, not names
COMPOUND_ADJECTIVE = re.compile(r"-[a-z]+$")  # "GPU-accelerated", "UI-heavy", "Real-time"
ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)", re.IGNORECASE)
# A number with a unit of measure is a quantity, not a model number: "32k IOPS 1280MB/s", "2GHz", "500ms".
QUANTITY = re.compile(r"\d+(?:[.,]\d+)*\s?(?:[kKMGTP]?i?[bB](?:ps)?|[kKMG]?Hz|ms|ns|µs|s|k|K|M|[kKM]?W|x)(?:/s)?",)
FILE_NAME = re.compile(r"\.(?:png|jpe?g|gif|svg|csv|json|ya?ml|js|ts|py|rb|hbs|html?|md|txt|sh|conf|log)$", re.IGNORECASE)
ACRONYM = re.compile(r"^[A-Z]{2,7}s?$")  # API, SLAs; with a digit (PM2, EC2) it is a name
PLURAL_ACRONYM = re.compile(r"^[A-Z]{2,7}s$")
CAMEL = re.compile(r"[a-z][A-Z]|[A-Z]{2,}[a-z]")
DOTTED = re.compile(r"\w[./+#]\w|\w(?:\+\+|#)$|\d")
LOWER_CAMEL = re.compile(r"^[a-z]{1,4}[A-Z][\w+#]*$")  # iOS, gRPC, jQuery, eBPF; not audioEngine
ABBREVIATION = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]?\.?$")  # e.g, U.S
COMPOUND_NAME = re.compile(r"(?<![\w.-])(?P<name>[A-Z][\w.+#]*[\w+#])-(?:based|powered|backed|driven)\b")
# a run of one-word items joined by commas, "and", "or" or "&" ("Node, npm, webpack, babel, gulp")
LISTED_WORDS = re.compile(r"(?<![\w.+#-])[\w.+#-]+(?:(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or|&)\s+)[\w.+#-]+){2,}"
                          r"(?![\w.+#-])")
LIST_ITEM = re.compile(r"[\w+#-]+(?:\.[\w+#-]+)*")
OWNER_OPENING = re.compile(r"^[A-Z][\w.&-]*['’]s\s+")
NOT_NAMES = re.compile(r"^(?:https?:|www\.|/|\.|~|\$|@|[-–—])|\s{2,}")  # "--rewrite": an option, not a name


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
    if COMPOUND_ADJECTIVE.search(word) or re.search(r"(?:^|/)\w(?:/|$)", word):
        return False  # "IO-heavy", "A/B"
    if word[:1].islower():  # "iOS", "gRPC"; not a variable such as "enMain"
        return bool(LOWER_CAMEL.match(word)) and not ordinary(re.sub(r"^[a-z]+", "", word))
    if ACRONYM.match(word):
        return False
    return bool(CAMEL.search(word) or DOTTED.search(word))


def capitalised(word: str) -> bool:
    """Starts with a capital and is not an abbreviation ("U.S") or a compound adjective ("GPU-accelerated")."""
    return word[:1].isupper() and not ABBREVIATION.match(word) and len(word) > 1 and not COMPOUND_ADJECTIVE.search(word)


def reads_as_name(words: list[str], capitals_say_nothing: bool, named_elsewhere: bool) -> bool:
    """Whether a run of capitalised words reads as a name. Where capitals say nothing (the first word of a
    sentence or after a colon, a title-cased heading) only a run the same document also capitalises inside a
    sentence does; elsewhere a single common word or an acronym needs other evidence, while a
    run of two or more capitalised words, or an uncommon word, is enough."""
    if any(name_shaped(word) for word in words):
        return True
    if named_elsewhere and not (len(words) == 1 and (PLURAL_ACRONYM.match(words[0]) or english_plural(words[0]))):
        return True  # a plural ("VMs", "Servers") names a kind of thing, wherever it is capitalised
    if capitals_say_nothing:
        return False
    if len(words) == 1:  # one common word, its plural, an acronym or an English-derived word ("Orchestration") needs more
        return (not ordinary(words[0]) and not ACRONYM.match(words[0]) and not english_plural(words[0])
                and not ENGLISH_SUFFIX.search(words[0].lower()))
    return True


def title_cased(text: str) -> bool:
    words = [word for word in re.findall(r"[A-Za-z][\w'’]*", text) if len(word) > 3]
    return len(words) >= 2 and sum(capitalised(word) for word in words) >= 0.7 * len(words)


def version_like(token: str) -> bool:
    """A number written as a version or a year ("3", "8.5", "2012"), not a model number ("3945", "5525-X")."""
    return bool(re.fullmatch(r"\d{1,2}|(?:19|20)\d\d|\d+(?:\.(?:\d+|x))+", token))


def capitalised_runs(text: str) -> list[list[tuple[int, int]]]:
    """Runs of capitalised or name-shaped tokens separated by single spaces; anything else ends a run.
    A model number after a name belongs to it ("Cisco 3945"); a version does not ("CentOS 7")."""
    runs, current = [], []
    for match in re.finditer(rf"{TOKEN}|\d[\w-]*(?:\.[\w-]+)*", text):
        word = match.group()
        if word[0].isdigit():
            if (current and text[current[-1][1]:match.start()] == " " and not version_like(word.rstrip("."))
                    and not ORDINAL.fullmatch(word) and not QUANTITY.fullmatch(word)):
                current.append((match.start(), match.end()))
                continue
            if current:
                runs.append(current)
                current = []
            continue
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
    for index, (start, end) in enumerate(run):
        word = text[start:end]
        maker = index + 1 < len(run) and text[run[index + 1][0]].isdigit() and not ordinary(word)  # "Cisco 3945"
        if zipf(word) >= RARE_ZIPF and not name_shaped(word) and not maker:
            if current:
                pieces.append(current)
            current = []
        else:
            current.append((start, end))
    if current:
        pieces.append(current)
    return pieces


LEADING_ASIDE = re.compile(r"^\s*(?:[(\[][^()\[\]]{0,30}[)\]]\s*)+$")  # "(Optional) Uninstall": still the start


def name_runs(text: str, in_heading: bool) -> list[tuple[int, int, bool]]:
    """Spans of capitalised runs (at most MAX_NAME_WORDS words) and whether capitals there say nothing."""
    spans = []
    for run in capitalised_runs(text):
        before = LEADING_ASIDE.sub("", text[:run[0][0]].rstrip(" \"“'‘*•("))
        at_start = not before.strip("-–—") or before.endswith((":", "-", "–", "—"))
        says_nothing = in_heading or at_start
        for piece in trim_ordinary(text, run, says_nothing):
            for index in range(0, len(piece), MAX_NAME_WORDS):
                part = piece[index:index + MAX_NAME_WORDS]
                # in a title-cased heading every capital says nothing; at a sentence start only the first word's
                spans.append((part[0][0], part[-1][1], in_heading or (at_start and part[0] == run[0])))
    return spans


LIBRARY_JS = re.compile(r"^[A-Z][A-Za-z\d]*(?<!file)(?<!config)\.js$")  # Phantom.js, Three.js; not Gruntfile.js
HOST_NAME = re.compile(r"^[A-Z]{2,}(?:-[A-Z]+)*-[A-Z]*\d+$")  # NY-WEB01: a machine, not a product
SHORT_CODE = re.compile(r"^[A-Za-z]\d{1,2}$")  # L1, V8: too short to tell a product from a level or version
MEMBER_ACCESS = re.compile(r"\.[a-z]+[A-Z]")  # AppLoader.lifecycleComponents: code, not a product ("Node.js", "Socket.io")
STANDARD_DOCUMENT = re.compile(r"^(?:RFC|ISO|IEC|IEEE|ECMA|NIST\s+SP)\s?[\d.:/-]+$")  # RFC 6962: a specification's number
NUMBER = re.compile(r"^[\d.,:/x×%+-]+$")  # 3200, 2x, 1.5: a quantity, never a product's name alone


def identifier_not_name(surface: str) -> bool:
    """Text shaped like a path, a list, a host name, an e-mail address or handle, a bare number, a standard's number,
    a member of an object, or a code too short to be a product name."""
    return bool("/" in surface or "," in surface or "@" in surface or HOST_NAME.match(surface) or SHORT_CODE.match(surface)
                or FILE_NAME.search(surface) and not LIBRARY_JS.match(surface) or NUMBER.match(surface)
                or STANDARD_DOCUMENT.match(surface) or MEMBER_ACCESS.search(surface))


def capitalised_title(text: str) -> bool:
    """A heading in title case ("Adding Kafka to our Data Flow"): its capitals say nothing of names."""
    words = [word for word in re.findall(r"[A-Za-z][\w'’-]*", text) if len(word) > 3]  # "to", "our" stay small
    return len(words) >= 3 and all(word[:1].isupper() for word in words)


def generic_plural(word: str) -> bool:
    """A plural of a common word ("Servers", "Firewalls", "Routers"): a kind of thing after a name, not part of it."""
    return word.endswith("s") and not word.endswith("ss") and not name_shaped(word) and zipf(word[:-1]) >= RARE_ZIPF


def ordinary_words(text: str) -> bool:
    """Text made only of English words ("Pub/Sub", "Lambda", "Blob Storage"), with no digit or coined word."""
    words = re.findall(r"[A-Za-z]+", text)
    return bool(words) and not re.search(r"\d", text) and all(zipf(word) >= RARE_ZIPF for word in words)


def english_plural(word: str) -> bool:
    """A plural English word, both forms in the word list ("Databases", "Routers"); not a name that merely ends
    in s ("Evades", "Jenkins")."""
    singular = word[:-2] if word.lower().endswith("es") and zipf(word[:-1]) < RARE_ZIPF else word[:-1]
    return (word.endswith("s") and not word.endswith("ss") and not name_shaped(word) and zipf(word) >= RARE_ZIPF
            and zipf(singular) >= RARE_ZIPF)


def inflected_word(word: str) -> bool:
    """An English plural or -ing form ("deployments", "scaling"): a lowercase link with it names a concept; a
    product's lowercase name is a base form or a coined word ("chef", "gitaly")."""
    return english_plural(word) or word.endswith("ing") and zipf(word) >= RARE_ZIPF


def common_word(word: str) -> bool:
    """A word of ordinary English (a plural included), not shaped like a name."""
    return not name_shaped(word) and (zipf(word) >= RARE_ZIPF or (word.endswith("s") and zipf(word[:-1]) >= RARE_ZIPF))


def generic_word(word: str) -> bool:
    """A word that adds nothing to a name before it: an acronym (API, LTS), a common word, or its plural."""
    return bool(ACRONYM.match(word)) or ordinary(word) or (word.endswith("s") and zipf(word[:-1]) >= RARE_ZIPF)


def code_reads_as_name(text: str) -> bool:
    """A code span naming a tool or package ("pnpm", "logrotate", "HAProxy"), not a command, a path, a file,
    a value, an ordinary word ("main", "default"), a variable ("enMain") or an environment variable ("PATH")."""
    if " " in text or re.search(r"[=(){}<>\"'$/\\@*\[\],]", text) or FILE_NAME.search(text) or len(text) < 3:
        return False
    if re.fullmatch(r"[a-z]+[A-Z]\w*|[A-Z_]+", text):
        return False  # in code, "enMain" is a variable and "PATH" an environment variable
    if capitalised(text) and inflected_word(text.lower()):
        return False  # "Terminating", "Pods": a state's or a kind's value, not a product's name
    return capitalised(text) or name_shaped(text) or zipf(text) < RARE_ZIPF


def name_part(text: str, vendors: Container[str] = ()) -> str:
    """A link's or run's name without the generic words after it: "Grafana dashboards" → "Grafana",
    "Cisco 3945 Routers" → "Cisco 3945", "CentOS 7" → "CentOS" (the version is read separately). After a cloud
    vendor's name (`vendors`, lowercase) a capitalised plural ends a product's name of three words or more ("Azure
    Application Insights", "AWS Step Functions"); "Azure Servers" are the vendor's servers."""
    original = text.split(" ")
    words = list(original)
    named = capitalised(words[0]) or name_shaped(words[0])
    vendors_product = words[0].lower() in vendors
    after_plural = False  # "IIS Web Servers": once a generic plural goes, so do the common words before it
    while len(words) > 1 and (version_like(words[-1]) or (named and words[-1][:1].islower()) or (
            zipf(words[-1]) >= RARE_ZIPF and any(word[:1].isdigit() for word in words[:-1])) or
            cut_plural(words, vendors_product) or (after_plural and ordinary(words[-1]))):
        after_plural = after_plural or generic_plural(words[-1])
        words.pop()
    if len(words) == 1 and ordinary(words[0]) and len(original) > 1 and sentence_case_second_word(original):
        words.append(original[1])  # "External secrets documentation": "External" alone is no name
    return " ".join(words)


# the kinds of software a name of capitalised common words may end in: "Play Framework", "Fronts Tool", "Tag Engine";
# not a pipeline, as often a process ("ML Pipeline", "Deployment Pipeline") as a program
SOFTWARE_KINDS = {"framework", "tool", "toolkit", "engine", "server", "platform", "library"}


def named_software(words: list[str]) -> bool:
    """Capitalised common words ending in a kind of software, singular, name one ("Play Framework", "Stack Server");
    a plural ("Content Delivery Networks") or another noun ("Release Radar") says nothing of what they name."""
    return words[-1].lower() in SOFTWARE_KINDS


def cut_plural(words: list[str], vendors_product: bool) -> bool:
    """A generic plural that ends no vendor's product name of three words or more."""
    return generic_plural(words[-1]) and not (vendors_product and capitalised(words[-1]) and len(words) >= 3)


def sentence_case_second_word(words: list[str]) -> bool:
    """Whether a name is written in sentence case over two words: "Cluster autoscaler", "External secrets
    documentation", "Cluster autoscaler add-on"; not "Chef cookbooks for staging"."""
    second, after = words[1], words[2:3]
    return (second[:1].islower() and not GENERIC_TAIL.fullmatch(second)
            and (not after or bool(GENERIC_TAIL.fullmatch(after[0]))))


ACRONYM_AFTER = re.compile(r"\s+\((?P<acronym>[A-Z][A-Za-z0-9]{1,7})\)")  # "GitHub Actions (GHA)"
SPELLED_OUT = re.compile(r"(?P<name>.+?)" + ACRONYM_AFTER.pattern)


def spelled_out(surface: str) -> tuple[str, tuple[str, ...]]:
    """A name followed by its acronym is that name, the acronym an alias: "Domain Name System (DNS)"."""
    match = SPELLED_OUT.fullmatch(surface)
    if not match or not initials_fit(match["name"], match["acronym"]):
        return surface, ()
    return match["name"], (match["acronym"],)


def ends_in_distinctive_name(mention: Mention, known: list[Mention]) -> bool:
    """"NoSQL DynamoDB", "serverless Lambda": words before a known name that no English word could be are a kind
    or a modifier, not part of a longer name; before an English word they may be ("Taylor Swift")."""
    return any(mention.start < k.start and k.end == mention.end and distinctive(k.surface) and
               not ordinary(k.surface) for k in known)


def initials_fit(name: str, acronym: str) -> bool:
    """"Domain Name System" and "DNS", "GitHub Actions" and "GHA": the acronym is made of the name's capitals."""
    capitals = "".join(letter for letter in name if letter.isupper())
    initials = "".join(word[0] for word in re.findall(r"[A-Za-z][\w-]*", name) if word[0].isupper())
    wanted = acronym.rstrip("s").upper()  # "APIs"
    return initials.upper().endswith(wanted) or capitals.endswith(wanted)


def with_acronyms(text: str, found: list[Mention]) -> list[Mention]:
    """"GitHub Actions (GHA)": an acronym in brackets after a known name is its alias, and wherever the document
    writes the acronym it names that technology."""
    acronyms = {match["acronym"]: mention.technology for mention in found if mention.technology.from_lexicon
                and (match := ACRONYM_AFTER.match(text, mention.end)) and initials_fit(mention.surface, match["acronym"])
                and match["acronym"] not in mention.technology.names}
    if not acronyms:
        return found
    named = {technology.key: acronym for acronym, technology in acronyms.items()}
    result = []
    for mention in found:
        technology = acronyms.get(mention.surface, mention.technology)
        if acronym := named.get(technology.key):
            technology = replace(technology, aliases=(*technology.aliases, acronym))
        result.append(replace(mention, technology=technology))
    return result


def without_version(name: str) -> str:
    """A name as written without the version after it: "Windows Server 2012 R2" → "Windows Server"."""
    for match in re.finditer(r" ", name):
        if VERSION_AFTER.fullmatch(name[match.start():]) or VERSION_AFTER.match(name[match.start():] + " "):
            tail = VERSION_AFTER.match(name[match.start():])
            if tail and tail.end() >= len(name) - match.start():
                return name[:match.start()]
    return name


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
    company_names: list[str] = field(default_factory=list)
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
        found += self.listed_mentions(sentence, found)
        found += self.span_mentions(sentence)
        found += self.list_name_mentions(sentence, paragraph)
        found += self.shape_mentions(sentence, paragraph)
        return self.merge(sentence, found)

    def lexicon_mentions(self, sentence: Sentence) -> list[Mention]:
        title_case = self.document.paragraph_of(sentence).kind in ("title", "heading") and capitalised_title(sentence.text)
        return [Mention(technology, sentence.text[start:end], sentence.start + start, sentence.start + end,
                        sentence.id, frozenset({"lexicon"}))
                for technology, start, end in names_in_text(sentence.text, self.lexicon)
                if self.vendor_named(technology, sentence.text[start:end])
                and not (title_case and ordinary_words(sentence.text[start:end]))]  # "Adding Kafka to our Data Flow"

    def listed_mentions(self, sentence: Sentence, known: list[Mention]) -> list[Mention]:
        """One-word items of a list of three or more that names two known technologies: "Node, npm, webpack, babel,
        gulp etc" lists babel and gulp as their kin. A known name in other case is that name; another item is a
        candidate unless it is a word or an acronym ("Kafka, Spark and more", "avatars", "XML")."""
        spans = {(m.start - sentence.start, m.end - sentence.start) for m in known}
        found = []
        for start, end in (item for items in list_items(sentence.text) if sum(item in spans for item in items) >= 2
                           for item in items if item not in spans):
            word = sentence.text[start:end]
            if zipf(word) >= RARE_ZIPF + 1 or FUNCTION_WORD.fullmatch(word.lower()) or NUMBER.match(word):
                continue
            technology = self.lexicon.lookup(word)
            if technology is None and (common_word(word) or ACRONYM.match(word)):
                continue  # "databases", "Query", "XML": a word or an acronym, not a name
            mention = self.open_mention(sentence, sentence.start + start, sentence.start + end,
                                        {"lexicon"} if technology else {"listed"})
            found.append(replace(mention, technology=technology) if technology else mention)
        return found

    def vendor_named(self, technology: Technology, surface: str) -> bool:
        """A short name for a cloud vendor's product made of ordinary words ("Pub/Sub" for Google Cloud Pub/Sub,
        "Lambda" for AWS Lambda) is that product only where the text names the vendor or its cloud; elsewhere
        it is the generic term. A distinctive short name ("S3", "BigQuery"), or one of a project that is no
        cloud's ("Cassandra" for Apache Cassandra), names the product wherever it stands."""
        name = technology.name
        if not name.lower().endswith(surface.lower()) or len(name) == len(surface) or not ordinary_words(surface):
            return True
        vendor = name[: len(name) - len(surface)]
        clouds = [word for word in re.findall(r"[A-Za-z]{3,}", vendor)  # "Apache" has no cloud: Cassandra is Cassandra
                  if word.lower() in self.lexicon.cloud_names]
        return not clouds or any(re.search(rf"\b{re.escape(spelling)}\b", self.document.text, re.IGNORECASE)
                                 for word in clouds for spelling in self.lexicon.vendor_names(word))

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
            if span.kind == "link" and self.common_noun_after_article(span.start, words):
                continue
            if span.kind == "code" and not code_reads_as_name(text):
                continue
            owner = OWNER_OPENING.match(text)  # "[Amazon's EMR]": the owner's name is not part of the product's
            start = span.start + (owner.end() if owner and len(words) > 1 else 0)
            end = span.start + len(name_part(text))
            if end > start:
                found.append(self.open_mention(sentence, start, end, {span.kind}))
        return found

    @staticmethod
    def link_reads_as_name(words: list[str]) -> bool:
        """A link's words name something ("Gitaly", "chef", "Elastic Cloud"), not a phrase ("this comment on X",
        "here", "99.68 percent", "ROWVERSION in SQL Server"): no number first, no common lowercase word first, no
        preposition or article inside (a known name such as "Ruby on Rails" is found by the lexicon), a single
        word not too common and not an inflected English word ("deployments")."""
        if FILE_NAME.search(words[-1]) or any(FUNCTION_WORD.fullmatch(word) for word in words[1:-1]):
            return False
        first = words[0]
        if len(words) == 1 and first.islower() and inflected_word(first):
            return False
        if first[:1].isdigit() or (first[:1].islower() and not name_shaped(first) and (
                ordinary(first) or len(words) > 1 or "'" in first or "’" in first)):
            return len(words) == 1 and zipf(first) < COMMON_LINK_ZIPF and "'" not in first
        if not any(name_shaped(word) for word in words) and all(zipf(word) >= COMMON_LINK_ZIPF for word in words):
            return False  # "Chat", "External": a common word, capitalised as a link's text
        return True

    def common_noun_after_article(self, start: int, words: list[str]) -> bool:
        """"seems to have [a bug]": a lowercase English word after "a"/"an" is a common noun with its article;
        a product's lowercase name ("we provision nodes with [chef]") is not counted like that."""
        return len(words) == 1 and words[0].islower() and zipf(words[0]) >= RARE_ZIPF and \
            after_article(self.document.text, start, "a|an")

    def list_name_mentions(self, sentence: Sentence, paragraph: Paragraph) -> list[Mention]:
        """The name opening a list item, table cell or paragraph shaped "Name – what it does" / "Name: what it does"."""
        if paragraph.kind in ("title", "heading", "code") or sentence.start != paragraph.start:
            return []
        match = LIST_NAME.match(sentence.text)
        if not match:
            return []
        name = match.group("name").strip().strip("*_`\"“”")
        words = name.split()
        if not words or len(words) > MAX_NAME_WORDS or not re.search(r"[A-Za-z]", name) or not any(
                name_shaped(word) or not ordinary(word) for word in words):
            return []
        if len(words) > 1 and not all(capitalised(word) or name_shaped(word) for word in words):
            return []  # a phrase ("Offline synchronization", "X is faster"), not a name
        if len(words) == 1 and not name_shaped(name) and (zipf(name) >= RARE_ZIPF or ENGLISH_SUFFIX.search(name.lower())):
            return []  # "Spoiler:", "Reproducibility:": a word, not a name
        start = sentence.start + sentence.text.index(name, match.start("name"))
        return [self.open_mention(sentence, start, start + len(name), {"list-name"})]

    def shape_mentions(self, sentence: Sentence, paragraph: Paragraph) -> list[Mention]:
        text = sentence.text
        heading = paragraph.kind in ("title", "heading") or title_cased(text)
        found = []
        for start, end, capitals_say_nothing in name_runs(text, heading):
            end = start + len(name_part(text[start:strip_possessive(text, start, end)], self.lexicon.cloud_names))
            words = text[start:end].split()
            named_elsewhere = capitals_say_nothing and text[start:end] in self.inside_names
            evidence = {"shape"} if reads_as_name(words, capitals_say_nothing, named_elsewhere) else set()
            if evidence == {"shape"} and len(words) > 1 and all(common_word(word) for word in words) and \
                    not self.vendors_product(words) and not named_software(words):
                evidence = set()  # "Release Radar", "Content Delivery Networks": common words, capitalised
            if evidence or not capitals_say_nothing or any(zipf(word) < RARE_ZIPF for word in words):
                wording = self.wording_evidence(text, start, end)
                if not evidence and len(words) == 1 and ordinary(words[0]):
                    wording -= {"tech-noun"}  # "Mobile databases": a common word before a noun says nothing
                evidence |= wording
            if evidence:
                found.append(self.open_mention(sentence, sentence.start + start, sentence.start + end, evidence))
        found += self.lowercase_tech_noun_mentions(sentence)
        found += self.compound_mentions(sentence)
        return found

    def vendors_product(self, words: list[str]) -> bool:
        """"Azure Monitoring", "Google Lighthouse": after a cloud vendor's name ("Azure", "Google", "AWS"), capitalised
        common words name one of its products, as "AWS Secrets Manager" does; after other words that open many
        known names ("Core", "Spark") they may be anything ("Core Web Vitals"), and a general term after a vendor ("the
        Google API is down", "AWS API keys") is its interface in general."""
        return words[0].lower() in self.lexicon.cloud_names and not self.lexicon.is_general_term(" ".join(words[1:]))

    def compound_mentions(self, sentence: Sentence) -> list[Mention]:
        """A capitalised name inside a sentence that a "-based"/"-powered" compound is built on: "a Crunch-based
        extract API", "our Zentrix-powered search"; not the sentence's first word, an acronym ("SQL-based"), or
        a common word capitalised ("Cloud-based")."""
        found = []
        for match in COMPOUND_NAME.finditer(sentence.text):
            name = match.group("name")
            if match.start() == 0 or ACRONYM.match(name) or (ordinary(name) and zipf(name) >= RARE_ZIPF + 1):
                continue
            found.append(self.open_mention(sentence, sentence.start + match.start("name"),
                                           sentence.start + match.end("name"), {"shape"}))
        return found

    @staticmethod
    def wording_evidence(text: str, start: int, end: int) -> set[str]:
        evidence = set()
        before, after = text[:start], text[end:]
        if QUOTED_BEFORE.search(before) and QUOTED_AFTER.match(after):
            evidence.add("naming")  # a name the text puts in quotes: "Stack Server" runs the tag engine
        if TECH_NOUN_AFTER.match(after) or APPOSITIVE_AFTER.match(after):
            evidence.add("tech-noun")
        if NAMING.search(before):
            evidence.add("naming")
        return evidence

    def lowercase_tech_noun_mentions(self, sentence: Sentence) -> list[Mention]:
        """A rare lowercase token shaped like a package name (with a hyphen, underscore, dot or digit) used as a
        name: before a technology noun after a determiner ("our kube-proxy nodes"), or as the object of a use word
        ("via protobuf-net"); a plain lowercase word only as what is installed ("install pnpm"). Other plain
        lowercase names are found by the lexicon, links and code spans."""
        found = []
        text = sentence.text
        for match in re.finditer(r"(?<![\w./-])([a-z][a-z0-9]*(?:[.-][a-z0-9]+)*)(?![\w/])", text):
            word, before, after = match.group(1), text[:match.start()], text[match.end():]
            installed = INSTALLED.search(before)
            if zipf(word) >= RARE_ZIPF or len(word) < 3 or ENGLISH_SUFFIX.search(word):
                continue
            if not re.search(r"[-_.\d]", word) and not installed:
                continue  # a plain lowercase word ("backend systems") is English; "protobuf-net", "s3cmd" may be names
            if installed and not CONTENT_WORD_AFTER.match(after):
                evidence = "use-word"
            elif self.extends_known_name(word):
                evidence = "shape"  # "django-allauth", "node-gyp": a package named after the framework it extends
            elif TECH_NOUN_AFTER.match(after) and DETERMINER_BEFORE.search(before):
                evidence = "tech-noun"
            elif USE_WORD_BEFORE.search(before) and not CONTENT_WORD_AFTER.match(after):
                evidence = "use-word"
            else:
                continue
            found.append(self.open_mention(sentence, sentence.start + match.start(1), sentence.start + match.end(1),
                                           {evidence}))
        return found

    def extends_known_name(self, word: str) -> bool:
        """A hyphenated lowercase name whose first part is a known technology's and whose rest is no common word
        ("django-allauth", "react-router"), not a phrase such as "kafka-based" or "redis-backed"."""
        first, _, rest = word.partition("-")
        return bool(re.fullmatch(r"[a-z][a-z0-9]*(?:-[a-z][a-z0-9]*)*", rest)) and len(first) >= 3 and \
            self.lexicon.lookup(first) is not None and \
            not any(common_word(part) or ENGLISH_SUFFIX.search(part) for part in rest.split("-"))

    def open_mention(self, sentence: Sentence, start: int, end: int, evidence: set[str]) -> Mention:
        surface = self.document.text[start:end]
        name, aliases = spelled_out(surface)
        known = next((found for found in map(self.lexicon.lookup, (name, *aliases)) if found), None)
        if known and not self.vendor_named(known, surface):
            known = None
        technology = known or Technology(name, aliases, None, None, from_lexicon=False)
        return Mention(technology, surface, start, end, sentence.id, frozenset(evidence))

    def merge(self, sentence: Sentence, found: list[Mention]) -> list[Mention]:
        """One mention per name span: overlapping candidates merge their evidence and the longest span wins
        ("AWS Secrets Manager" over the lexicon's "AWS", "Taylor Swift" over "Swift"), the lexicon's on a tie;
        versions are read after the name; the company itself is no candidate. Names joined by a slash
        ("Kubernetes/Ingress", "L2/Redis") are no one name, and leave the known names among them to stand; a path
        ("zulip/puppet/files/redis") is still no mention of what it holds."""
        found = [m for m in found if "lexicon" in m.evidence or not NAME_PAIR.fullmatch(m.surface)]
        known = [m for m in found if "lexicon" in m.evidence]
        found = [self.trimmed_to_known(m, known) for m in found if "lexicon" in m.evidence or sum(
            1 for k in known if m.start <= k.start and k.end <= m.end) < 2]  # "Memcached Heroku addon": two names
        found = [m for m in found if "lexicon" in m.evidence or not ends_in_distinctive_name(m, known)]
        ordered = sorted(found, key=lambda m: (-(m.end - m.start), "lexicon" not in m.evidence, m.start))
        kept: list[Mention] = []
        for mention in ordered:
            overlap = next((k for k in kept if mention.start < k.end and k.start < mention.end), None)
            if overlap is None:
                kept.append(mention)
            else:
                kept[kept.index(overlap)] = replace(overlap, evidence=overlap.evidence | mention.evidence)
        result = []
        for mention in sorted(kept, key=lambda m: m.start):
            if not mention.technology.from_lexicon and identifier_not_name(mention.surface):
                continue
            mention = self.without_company(mention)
            if mention is None or normalize_for_key(mention.technology.name) in self.company_keys:
                continue
            result.append(self.with_version(mention))
        return result

    def trimmed_to_known(self, mention: Mention, known: list[Mention]) -> Mention:
        """A run opening with a known name is that name ("Redis Servers", "Kubernetes Ingress", "Node.js LTS"),
        and so is one ending in generic words after it; a cloud provider's products are named that way
        ("AWS Secrets Manager"), as is a list item's name, and words before a known name make another name
        ("Taylor Swift")."""
        inside = next((k for k in known if mention.start <= k.start and k.end < mention.end), None)
        if inside is None or "lexicon" in mention.evidence or inside.technology.tag == "Cloud" or \
                "list-name" in mention.evidence:  # "NGINX Amplify: our monitoring dashboard" names the whole item
            return mention
        if not self.document.text[inside.end].isspace():
            return mention  # "protobuf-net" is not protobuf
        after = self.document.text[inside.end:mention.end].split()
        if inside.start != mention.start and not all(generic_word(word) for word in after):
            return mention
        sentence = self.document.sentences[mention.sentence_id]
        return self.open_mention(sentence, mention.start, inside.end, set(mention.evidence) | inside.evidence)

    def without_company(self, mention: Mention) -> Mention | None:
        """"GOV.UK Kubernetes" is Kubernetes: the company's name before a name is not part of it."""
        prefix = next((len(name) for name in self.company_names if mention.surface.startswith(name + " ")
                       or mention.surface.startswith(name + "'s ") or mention.surface.startswith(name + "’s ")), None)
        if prefix is None or mention.technology.from_lexicon:
            return mention
        rest = mention.surface[prefix:].lstrip("'’s ").lstrip()
        if not rest:
            return None
        start = mention.end - len(rest)
        sentence = self.document.sentences[mention.sentence_id]
        found = self.open_mention(sentence, start, mention.end, set(mention.evidence))
        return found if reads_as_name(rest.split(), False, False) or found.technology.from_lexicon else None

    def with_version(self, mention: Mention) -> Mention:
        after = self.document.text[mention.end:self.document.sentences[mention.sentence_id].end]
        match = VERSION_AFTER.match(after)
        if not match:
            return mention
        return replace(mention, version=match.group("version"))


def list_items(text: str) -> list[list[tuple[int, int]]]:
    """The items' spans of each run of three or more one-word items joined by commas, "and", "or" or "&"."""
    runs = [[(item.start() + run.start(), item.end() + run.start()) for item in LIST_ITEM.finditer(run.group())
             if item.group() not in ("and", "or")] for run in LISTED_WORDS.finditer(text)]
    return [items for items in runs if len(items) >= 3]


def company_names(company: str) -> list[str]:
    """The names the company goes by in its own text, longest first: "Department for Education (DfE Digital)" is
    also "Department for Education", "DfE Digital" and the gloss's acronym "DfE" ("DfE Docker Hub" is Docker Hub)."""
    company = company.strip()
    gloss = GLOSS_AT_END.search(company)
    names = [company, without_gloss(company)]
    if gloss:
        names += [gloss.group(1).strip()] + [word for word in gloss.group(1).split()
                                             if word.isalpha() and sum(letter.isupper() for letter in word) >= 2]
    return sorted({name for name in names if name}, key=lambda name: (-len(name), name))


def company_keys(company: str) -> set[str]:
    return {normalize_for_key(name) for name in company_names(company)}


def find_candidates(document: Document, lexicon: Lexicon, company: str) -> list[Mention]:
    reader = SentenceReader(document, lexicon, company_keys(company), company_names(company))
    found = []
    for sentence in document.sentences.values():
        found += reader.mentions(sentence)
    return with_acronyms(document.text, found)
