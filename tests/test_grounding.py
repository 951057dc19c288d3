"""Grounding: a citation is whole sentences found by id, quoted exactly at its offsets, and it
must name the technology; anything else is reported with the reason."""

from hypothesis import given, settings
from hypothesis import strategies as st

from postgen.grounding import cite_sentences, grounding_failure, names_technology
from postgen.models import CitationStatus
from postgen.text import Document

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
def test_cited_sentences_are_quoted_exactly_at_their_offsets(text, data):
    document = Document("x", text)
    ids = list(document.sentences)
    if not ids:
        return  # blank text: nothing to cite
    cited = data.draw(st.lists(st.sampled_from(ids), min_size=1, max_size=3, unique=True))
    citation = cite_sentences(document, cited)
    assert citation.status is CitationStatus.exact
    assert text[citation.start:citation.end] == citation.quote
    for sentence_id in cited:
        sentence = document.sentences[sentence_id]
        assert citation.start <= sentence.start and sentence.end <= citation.end
    assert citation.sentence_ids == cited


@given(name=st.sampled_from(["Apache Kafka", "Amazon Web Services", "Google Cloud"]), data=st.data())
@settings(max_examples=150, deadline=None)
def test_a_name_written_with_typographic_variants_is_still_named(name, data):
    variant = data.draw(st.sampled_from([
        name.replace(" ", "  "),
        name.replace(" ", "\u00a0"),
        name.replace("a", "a\u00ad", 1),
        name.replace(" ", " \n "),
        name.replace("e", "e\u200b", 1),
        name.upper(),
    ]))
    sentence = f"The platform team at Acme relies on {variant} every day."
    assert names_technology(sentence, [name]) == name


@given(missing=st.sampled_from(["p9s1", "p1s9", "p0s0", "s1", ""]))
def test_a_sentence_id_the_snapshot_lacks_is_not_found_and_fails_the_gate(missing):
    citation = cite_sentences(DOCUMENT, ["p2s1", missing])
    assert citation.status is CitationStatus.not_found
    assert citation.quote == ""
    assert "not found in source 's1'" in grounding_failure(DOCUMENT, citation, ["Java"])


def test_names_technology_matches_whole_words_and_aliases():
    assert names_technology("Data flows in real time — Apache Kafka makes that possible.", ["Kafka"]) == "Kafka"
    assert names_technology("A Kafkaesque design.", ["Kafka"]) is None
    assert names_technology("Built on React.js today", ["React.js"]) == "React.js"
    assert names_technology("Built on React Native today", ["Swift", "React Native"]) == "React Native"


def test_a_citation_that_does_not_name_the_technology_fails_the_gate():
    citation = cite_sentences(DOCUMENT, ["p2s1"])
    assert citation.quote == "Java is their primary programming language."
    assert grounding_failure(DOCUMENT, citation, ["Java"]) is None
    assert "does not name 'Rust'" in grounding_failure(DOCUMENT, citation, ["Rust"])


def test_a_quote_edited_after_citing_no_longer_matches_the_snapshot():
    citation = cite_sentences(DOCUMENT, ["p2s1"]).model_copy(update={"quote": "Java is their only language."})
    assert "quote does not match source 's1'" in grounding_failure(DOCUMENT, citation, ["Java"])


def test_a_multi_word_name_is_named_in_the_plural_as_the_lexicon_finds_it():
    assert names_technology("Payments run on two Microsoft SQL Servers.", ["Microsoft SQL Server"])
    assert names_technology("The request goes out at once.", ["Go"]) is None  # one word: no plural
    assert names_technology("Two Microsoft SQL Serverless pools.", ["Microsoft SQL Server"]) is None


def test_a_name_between_dashes_is_still_named_in_a_quote():
    # normalised text has plain dashes: "Scala—were" is a dash after the name, not a longer name
    assert names_technology("The primary language choices—Java and Scala—were deliberate.", ["Scala"]) == "Scala"
    assert names_technology("Kafka-based pipelines run every hour.", ["Kafka"]) == "Kafka"
