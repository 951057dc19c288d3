"""Snapshot text as paragraphs and sentences with absolute offsets and stable ids."""

from postgen.text import Document, normalized_text


def test_sentences_have_absolute_offsets_and_stable_ids():
    text = "Title line\nFirst one. Second one, e.g. with an abbreviation. Third!\n\nNext paragraph here."
    document = Document("s", text)
    ids = list(document.sentences)
    assert ids == ["p1s1", "p2s1", "p2s2", "p2s3", "p3s1"]
    for sentence in document.sentences.values():
        assert text[sentence.start:sentence.end] == sentence.text
    assert document.sentences["p2s2"].text == "Second one, e.g. with an abbreviation."
    assert list(Document("s", text).sentences) == ids


def test_normalisation_is_the_declared_one():
    text = "A\u00a0“quoted”  soft\u00adhyphen — dash\u200b"
    assert normalized_text(text) == 'a "quoted" softhyphen - dash'
