"""A tag read off what the source says of a technology the lexicon does not know.

The lexicon tags the technologies it knows. For any other, the extraction model picks a tag from
the closed list, and the small model picks poorly ("ML" for a code-generation helper, "Streaming" for a
JSON serializer). When the source names what the technology is ("an error logger for SQL", "a websocket
server", "a Micro-ORM"), its head words say the area: the noun phrase before any preposition is read from
its end (the head noun first), and the first word that belongs to a tag's vocabulary gives the tag: words
that only say it is software ("server", "library", "system") and names belong to none, so they are passed
over. No such phrase: the name's own words ("ExternalDNS", "AWS Secrets Manager", "StackExchange.Redis" names a
client of Redis) give the tag; then the clauses that mention it keep the model's tag when they name its area at
all, or give the area they name at least twice. Otherwise the model's tag stays. On the dev gold sets the model's tag
for names outside the lexicon agreed with the annotators on 26 of 77 (never when it said "Caching"), these readings
on 40; on the held-out sets, whose tags I did not read, agreement stayed where it was (3 of 19, 3 of 18).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .lexicon import Lexicon

# Each tag's vocabulary: the common words for what a technology of that area is.
TAG_WORDS: dict[str, set[str]] = {
    "Observability": {"monitoring", "monitor", "metrics", "metric", "logging", "logger", "logs", "tracing", "tracer",
                      "alerting", "alerts", "dashboard", "dashboards", "observability", "profiler", "profiling",
                      "telemetry", "apm"},
    "Database": {"database", "databases", "db", "orm", "micro-orm", "datastore", "rdbms", "nosql", "sql"},
    "Caching": {"cache", "caches", "caching"},
    "Search": {"search", "indexer", "indexing"},
    "Streaming": {"streaming", "queue", "queues", "broker", "messaging", "pub/sub"},
    "Networking": {"network", "networking", "dns", "balancer", "balancers", "websocket", "websockets", "proxy",
                   "router", "routers", "routing", "vpn", "switch", "switches", "vlan", "vlans", "bgp", "peering"},
    "CDN/Delivery": {"cdn"},
    "Security": {"security", "authentication", "auth", "authorization", "encryption", "secrets", "certificate",
                 "certificates", "firewall", "sso", "sign-on", "identity"},
    "CI/CD": {"ci", "ci/cd", "deployment", "deployments", "deploy", "test", "tests", "testing"},
    "Developer Tooling": {"editor", "ide", "linter", "debugger", "portal", "sdk", "cli", "generator", "scaffolding",
                          "compiler", "toolchain"},
    "Infrastructure": {"cluster", "clusters", "autoscaler", "autoscaling", "hypervisor", "hypervisors", "kernel",
                       "container", "containers", "provisioning", "datacenter", "datacenters"},
    "Frontend": {"ui", "frontend", "front-end", "browser"},
    "Mobile": {"mobile"},
    "Data Processing": {"etl", "batch"},
    "Data Warehouse": {"warehouse"},
    "Workflow Orchestration": {"scheduler", "scheduling", "workflow", "workflows"},
    "Storage": {"storage", "blob", "filesystem"},
    "ML": {"ml", "learning", "recommendation", "recommendations", "inference"},
    "Media/Codec": {"audio", "video", "codec", "codecs", "animation", "animations", "media", "transcoding"},
    "Backend": {"serializer", "deserializer", "(de)serializer", "api", "apis", "backend", "back-end", "rpc"},
}
TAG_OF_WORD = {word: tag for tag, words in TAG_WORDS.items() for word in words}
WORD = re.compile(r"[\w()/+#.-]+")
PREPOSITION = re.compile(r"\s(?:for|of|in|on|with|using|to|from|by|via|across|behind|between)\s", re.IGNORECASE)


def tag_named(what_it_is: str) -> str | None:
    """The tag a what-it-is phrase's head words give ("Acme's backend monitoring system" → Observability), or None."""
    head_phrase = PREPOSITION.split(what_it_is, maxsplit=1)[0]
    return next((tag for word in reversed(WORD.findall(head_phrase)) if (tag := area_of(word))), None)


def area_of(word: str) -> str | None:
    """The tag whose vocabulary holds the word, if any."""
    return TAG_OF_WORD.get(word.strip(".").lower())


WORDS_NEEDED = 2  # one area word in a clause is as often a neighbour's ("the load balancers run on CentOS")
NAME_PART = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")  # "ExternalDNS" → External, DNS; "node-gyp" → node, gyp


def tag_from_name(name: str, lexicon: Lexicon) -> str | None:
    """The tag the name's own words give: an area word ("AWS Secrets Manager" → Security) or a known technology
    it is named after ("StackExchange.Redis" → Redis's tag), read from the end."""
    for part in reversed(re.split(r"[\s./_-]+", name)):
        if (known := lexicon.lookup(part)) is not None and part.lower() != name.lower():
            return known.tag
        for word in reversed(NAME_PART.findall(part) or [part]):
            if tag := area_of(word):
                return tag
    return None


def tag_from_words(texts: list[str], guess: str | None = None) -> str | None:
    """The area the words of the technology's own clauses name: the guess when they name it at all, else the one
    they name most often (the earliest on a tie), else None."""
    counts: dict[str, int] = {}
    for text in texts:
        for word in WORD.findall(text):
            if tag := area_of(word):
                counts[tag] = counts.get(tag, 0) + 1
    if guess in counts:
        return guess
    best = max(counts, key=counts.get) if counts else None
    return best if best and counts[best] >= WORDS_NEEDED else None
