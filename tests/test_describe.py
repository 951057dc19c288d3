"""Descriptions are read off the words attached to a technology's own mention, and the eval check
that enforces it catches a description borrowed from a neighbour in a list sentence."""

from __future__ import annotations

import pytest

from postgen.attached import attached_to_technology
from postgen.describe import describe_claim
from postgen.grounding import cite_sentences
from postgen.lexicon import default_lexicon
from postgen.models import Claim, ClaimStatus
from postgen.text import Document

LIST_SENTENCE = ("The platform combines Apache Kafka for real-time data streaming, Cassandra and PostgreSQL for "
                 "distributed databases, React.js and TypeScript for frontend experiences, and native Swift "
                 "implementations for iOS.")


def claim_in(text: str, technology: str, aliases: tuple[str, ...] = ()) -> tuple[Claim, dict[str, Document]]:
    document = Document("src", text + "\n")
    sentence_ids = [s.id for s in document.sentences.values()
                    if any(name in s.text for name in (technology, *aliases))]
    citations = [cite_sentences(document, [sentence_id]) for sentence_id in sentence_ids]
    claim = Claim(technology=technology, aliases=list(aliases), tag="Backend", description=None,
                  status=ClaimStatus.current, citations=citations)
    return claim, {"src": document}


@pytest.mark.parametrize("text, technology, expected", [
    ("Redis caches frequently accessed data for the login service.", "Redis",
     "Caches frequently accessed data for the login service"),
    ("Acme's web platform is built on React with TypeScript.", "React", "Powers Acme's web platform"),
    ("Database credentials are managed through Vaultwarden across every region.", "Vaultwarden",
     "Manages database credentials"),
    ("- Quickwit: full-text search over application logs", "Quickwit", "Full-text search over application logs"),
    ("They built internal tools such as Shipyard (a release deployment dashboard for every team) last year.",
     "Shipyard", "Release deployment dashboard for every team"),
    ("We use Trino for interactive queries over the data lake.", "Trino", "Interactive queries over the data lake"),
    ("Acme implements Linkerd as a service mesh between all services.", "Linkerd", "Service mesh between all services"),
    ("Gitaly is responsible for all Git access in the application.", "Gitaly",
     "Handles all Git access in the application"),
    ("Go is our primary language for backend services.", "Go", "Acme's primary language for backend services"),
])
def test_description_comes_from_the_words_attached_to_the_mention(text, technology, expected):
    claim, documents = claim_in(text, technology)
    option = describe_claim(claim, documents, default_lexicon(), "Acme")
    assert option is not None and option.text == expected


def test_a_list_sentence_gives_each_name_its_own_part():
    descriptions = {}
    for technology in ("Apache Kafka", "PostgreSQL", "TypeScript", "iOS"):
        claim, documents = claim_in(LIST_SENTENCE, technology)
        option = describe_claim(claim, documents, default_lexicon(), "Acme")
        descriptions[technology] = option.text if option else None
    assert descriptions["Apache Kafka"] == "Real-time data streaming"
    # two words of a purpose say too little to publish; what matters is that nobody gets a neighbour's words
    assert descriptions["PostgreSQL"] in ("Distributed databases", None)
    assert descriptions["TypeScript"] in ("Frontend experiences", None)
    assert descriptions["iOS"] is None  # "for iOS" is what the Swift implementations are for, not what iOS does


@pytest.mark.parametrize("text, technology", [
    ("Apache Kafka makes that possible.", "Apache Kafka"),  # points elsewhere
    ("Kubernetes runs the show.", "Kubernetes"),  # says nothing
    ("Node.js shows up in lighter services.", "Node.js"),  # a phrasal verb standing in for a use
    ("Event Streaming with Apache Kafka", "Apache Kafka"),  # a heading
    ("Code sharing between iOS and Android for UI-heavy features.", "Android"),  # the purpose belongs to the sharing
])
def test_no_description_rather_than_a_vague_or_borrowed_one(text, technology):
    claim, documents = claim_in(text, technology)
    assert describe_claim(claim, documents, default_lexicon(), "Acme") is None


def test_attachment_check_fails_on_a_neighbour_s_words_and_passes_on_its_own():
    document = Document("src", LIST_SENTENCE + "\n")
    quotes = [(document, sentence) for sentence in document.sentences.values()]
    assert not attached_to_technology("Frontend experiences", ["PostgreSQL"], quotes, "Acme")
    assert attached_to_technology("Distributed databases", ["PostgreSQL"], quotes, "Acme")
    assert attached_to_technology("Frontend experiences", ["TypeScript"], quotes, "Acme")
    assert not attached_to_technology("Native Swift implementations", ["iOS"], quotes, "Acme")


def test_attachment_allows_the_company_name_and_verb_forms_only():
    document = Document("src", "Our web platform is built on React with TypeScript.\n")
    quotes = [(document, sentence) for sentence in document.sentences.values()]
    assert attached_to_technology("Powers Acme's web platform", ["React"], quotes, "Acme")
    assert not attached_to_technology("Powers Acme's fast, modular UI", ["React"], quotes, "Acme")


def test_a_company_name_with_an_apostrophe_is_its_own_in_a_description():
    from postgen.attached import unattached
    assert unattached("Runs Let's Encrypt's CT logs", "run our CT logs on", "Let's Encrypt") == []
    assert unattached("Runs Let's Encrypt's billing logs", "run our CT logs on", "Let's Encrypt") == ["billing"]


def test_a_company_name_with_a_dot_takes_a_possessive_in_a_description():
    from postgen.attached import unattached
    assert unattached("Receives logs from Made.com's Docker containers", "receive logs from our Docker containers",
                      "Made.com") == []
    assert unattached("Receives logs from Made.com's Kafka containers", "receive logs from our Docker containers",
                      "Made.com") == ["Kafka"]


def test_a_participle_with_two_lemmas_takes_the_common_one():
    from postgen.grammar import third_person, verb_lemma
    assert [third_person(verb_lemma(word)) for word in ("routed", "queued", "cached", "hosted")] == \
        ["routes", "queues", "caches", "hosts"]
