"""A technology the lexicon does not know is tagged by what the source calls it, when the source says."""

from __future__ import annotations

import pytest

from postgen.describe import describe_all
from postgen.grounding import cite_sentences
from postgen.lexicon import default_lexicon
from postgen.models import Claim
from postgen.tags import tag_from_name, tag_from_words, tag_named
from postgen.text import Document


@pytest.mark.parametrize("what_it_is, tag", [
    ("Acme's backend monitoring system", "Observability"),  # the head word over a modifier naming a generic area
    ("Error logger for SQL, JSON, MySQL, etc.", "Observability"),  # names after the head are skipped
    ("High-performance websocket server", "Networking"),  # "server" only says it is software
    ("Acme's high-performance JSON (de)serializer", "Backend"),
    ("Internal job scheduler for the data team", "Workflow Orchestration"),
    ("Distributed cache in front of the catalogue", "Caching"),
    ("Parallel test runner", "CI/CD"),
    # the inverses: no word of an area, or only a name that has one
    ("Acme's .Net CIL generation helper", None),
    ("High-performance Redis client", None),
    ("Open-source platform", None),
])
def test_the_head_words_of_what_a_technology_is_give_its_area(what_it_is, tag):
    assert tag_named(what_it_is) == tag


def described_claim(text: str, name: str, tag: str) -> Claim:
    document = Document("blog", text + "\n")
    claim = Claim(technology=name, tag=tag, status="current", citations=[cite_sentences(document, list(document.sentences)[:1])])
    describe_all([claim], {"blog": document}, default_lexicon(), "Acme")
    return claim


def test_an_unknown_technology_takes_the_tag_its_source_gives_and_keeps_the_model_s_otherwise():
    assert described_claim("Grafonix (an internal monitoring dashboard) shows every queue.", "Grafonix",
                           "Streaming").tag == "Observability"
    # the inverses: a use says what it does, not what it is; a lexicon technology keeps the lexicon's tag
    assert described_claim("Grafonix watches every payment queue for stalled orders.", "Grafonix",
                           "Streaming").tag == "Streaming"
    assert described_claim("Redis (an internal monitoring dashboard store) holds the panels.", "Redis",
                           "Caching").tag == "Caching"


@pytest.mark.parametrize("name, expected", [
    # the name's own words say the area: an area word, or a known technology it is named after
    ("ExternalDNS", "Networking"),
    ("AWS Secrets Manager", "Security"),
    ("Google Stackdriver Logging", "Observability"),
    ("Cluster autoscaler", "Infrastructure"),
    ("StackExchange.Redis", "Caching"),
    # the inverses: a name whose words say nothing of an area, and a known technology itself
    ("Quasar", None),
    ("Tag Engine", None),
    ("Redis", None),
])
def test_a_name_s_own_words_give_its_tag(name, expected):
    assert tag_from_name(name, default_lexicon()) == expected


def test_clause_words_confirm_the_guess_or_outvote_it_with_two_words():
    # the guess stands when the clauses name its area at all
    assert tag_from_words(["the cluster uses Dex for single sign-on to services"], "Security") == "Security"
    # two words of one area outvote a guess they never name
    assert tag_from_words(["Pubsubbeat ships logs to the logging cluster", "its metrics"], "Data Processing") == \
        "Observability"
    # the inverses: one area word is as often a neighbour's; no area word leaves the guess to the caller
    assert tag_from_words(["the load balancers run on CentOS"], "Caching") is None
    assert tag_from_words(["we rely on unicorn for much of the application"], "Caching") is None
