"""Grounding core: quotes are found at offsets that round-trip, or reported not found."""

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from postgen.grounding import cite_quote, grounding_failure, locate, names_technology
from postgen.models import CitationStatus
from postgen.text import Document, normalized_text

ARTICLE = (
    "Spotify runs one of the most advanced digital infrastructures in the world.\n"
    "Java is their primary programming language. It’s reliable, works at scale, and has deep framework support.\n"
    "Data flows in real time — Apache Kafka makes that possible.\n"
    "They used to run on Amazon Web Services, but switched to Google Cloud around ten years ago.\n"
)
DOCUMENT = Document("s1", ARTICLE)

text_strategy = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=400
)


@given(text=text_strategy, data=st.data())
@settings(max_examples=200, deadline=None)
def test_any_substring_is_found_exactly_at_its_offsets(text, data):
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    quote = text[start:end]
    assume(quote.strip())  # a blank quote cites nothing
    located = locate(Document("x", text), quote)
    assert located.status is CitationStatus.exact
    assert text[located.start:located.end] == quote


@given(data=st.data())
@settings(max_examples=150, deadline=None)
def test_typographic_variants_are_found_as_normalized_with_round_trip_offsets(data):
    sentence = data.draw(st.sampled_from([s.text for s in DOCUMENT.sentences.values()]))
    variant = sentence.replace("’", "'").replace("—", "-")
    variant = data.draw(st.sampled_from([
        variant.replace(" ", "  "),
        variant.replace(" ", "\u00a0", 3),
        variant.replace("a", "a\u00ad", 2),
        variant.replace(" ", " \n "),
        variant.replace("e", "e\u200b", 1),
    ]))
    assume(variant != sentence)
    located = locate(DOCUMENT, variant)
    assert located.status is CitationStatus.normalized
    span = ARTICLE[located.start:located.end]
    assert normalized_text(span) == normalized_text(variant)


@given(word=st.text(alphabet="qxzjvw", min_size=12, max_size=30))
@settings(max_examples=100, deadline=None)
def test_absent_text_is_not_found(word):
    assert locate(DOCUMENT, word).status is CitationStatus.not_found


def test_curly_quotes_in_the_quote_match_straight_ones_in_the_text():
    document = Document("d", 'The team said "we run Kafka" in 2020.')
    located = locate(document, "said “we run Kafka”")
    assert located.status is CitationStatus.normalized
    assert document.text[located.start:located.end] == 'said "we run Kafka"'


def test_a_close_misquote_is_fuzzy_and_the_quote_is_not_rewritten():
    citation = cite_quote(DOCUMENT, "Java is their primary programing language.")
    assert citation.status is CitationStatus.fuzzy
    assert citation.score is not None and citation.score >= 90
    assert citation.quote == "Java is their primary programing language."
    assert "Java is their primary programming language" in ARTICLE[citation.start:citation.end]


def test_fuzzy_threshold_is_configurable():
    assert locate(DOCUMENT, "Java is their main coding language.", fuzzy_threshold=99).status is CitationStatus.not_found


def test_names_technology_matches_whole_words_and_aliases():
    assert names_technology("Data flows in real time — Apache Kafka makes that possible.", ["Kafka"]) == "Kafka"
    assert names_technology("A Kafkaesque design.", ["Kafka"]) is None
    assert names_technology("Built on React.js today", ["React.js"]) == "React.js"
    assert names_technology("Built on React Native today", ["Swift", "React Native"]) == "React Native"


def test_a_citation_that_does_not_name_the_technology_fails_the_gate():
    citation = cite_quote(DOCUMENT, "Java is their primary programming language.")
    assert grounding_failure(DOCUMENT, citation, ["Java"]) is None
    assert "does not name 'Rust'" in grounding_failure(DOCUMENT, citation, ["Rust"])
