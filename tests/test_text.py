"""Snapshot text as paragraphs and sentences with absolute offsets and stable ids."""

from postgen.text import Document, normalize


def test_sentences_have_absolute_offsets_and_stable_ids():
    text = "Title line\nFirst one. Second one, e.g. with an abbreviation. Third!\n\nNext paragraph here."
    document = Document("s", text)
    ids = list(document.sentences)
    assert ids == ["p1s1", "p2s1", "p2s2", "p2s3", "p3s1"]
    for sentence in document.sentences.values():
        assert text[sentence.start:sentence.end] == sentence.text
    assert document.sentences["p2s2"].text == "Second one, e.g. with an abbreviation."
    assert list(Document("s", text).sentences) == ids


def test_normalisation_maps_back_to_original_offsets():
    text = "A\u00a0“quoted”  soft\u00adhyphen — dash"
    normalized = normalize(text)
    assert normalized.text == 'a "quoted" softhyphen - dash'
    start = normalized.text.index("softhyphen")
    original = normalized.span_to_original(start, start + len("softhyphen"))
    assert text[original[0]:original[1]] == "soft\u00adhyphen"
