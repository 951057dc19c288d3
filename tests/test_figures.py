"""The brief's hook takes the largest counts the quotes state, one per kind of thing counted."""

from __future__ import annotations

from postgen.figures import choose_figures
from postgen.grounding import cite_sentences
from postgen.models import Claim
from postgen.text import Document


def figures_of(text: str) -> list[str]:
    document = Document("blog", text + "\n")
    claim = Claim(technology="Apache Kafka", tag="Streaming", status="current",
                  citations=[cite_sentences(document, [sentence_id]) for sentence_id in document.sentences])
    return [figure.text for figure in choose_figures([claim], {"blog": document})]


def test_scale_figures_are_found_largest_first_one_per_kind():
    text = ("Kafka carries half a trillion events per day. Kafka serves over 600 million users. "
            "Kafka also serves 200 users in the lab. Kafka moves 40 million files every day.")
    assert figures_of(text) == ["half a trillion events per day", "over 600 million users", "40 million files every day"]


def test_small_counts_and_changes_against_an_earlier_count_are_no_figure():
    assert figures_of("Kafka is run by 3 teams.") == []
    assert figures_of("Kafka handled 61 million more requests a day than last year.") == []
    assert figures_of("Kafka now sees 2 billion fewer queries a month.") == []
    # the inverse: the same counts stated as a scale
    assert figures_of("Kafka handled 61 million requests a day.") == ["61 million requests a day"]
