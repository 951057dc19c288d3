"""A tag read off what the source calls a technology the lexicon does not know.

The lexicon tags the technologies it knows. For any other, the extraction model picks a tag from
the closed list, and the small model picks poorly ("ML" for a code-generation helper, "Streaming" for a
JSON serializer). When the source names what the technology is ("an error logger for SQL", "a websocket
server", "a Micro-ORM"), its head words say the area: the noun phrase before any preposition is read from
its end (the head noun first), and the first word that belongs to a tag's vocabulary gives the tag: words
that only say it is software ("server", "library", "system") and names belong to none, so they are passed
over. No such word: the model's tag stays.
"""

from __future__ import annotations

import re

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
                   "router", "routers", "routing", "vpn"},
    "CDN/Delivery": {"cdn"},
    "Security": {"security", "authentication", "auth", "authorization", "encryption", "secrets", "certificate",
                 "certificates", "firewall", "sso", "identity"},
    "CI/CD": {"ci", "ci/cd", "deployment", "deployments", "deploy", "test", "tests", "testing"},
    "Developer Tooling": {"editor", "ide", "linter", "debugger", "portal", "sdk", "cli", "generator", "scaffolding"},
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
    for word in reversed(WORD.findall(head_phrase)):
        if tag := TAG_OF_WORD.get(word.strip(".").lower()):
            return tag
    return None
