"""The scorer counts what a reviewer would: matches by name or alias, misses, wrong extras."""

from postgen.quality import micro, score_company


def test_scorer_matches_aliases_and_counts_misses_and_extras(project):
    project.cli("fetch", "--company", "acme")
    text = (project.sources / "acme" / "snapshots" / "platform" / "text.txt").read_text()
    quote = "Acme's order pipeline is built on Apache Kafka."
    start = text.index(quote)
    draft = {"claims": [
        {"technology": "Apache Kafka", "found": True,
         "citations": [{"source": "platform", "quote": quote, "start": start, "end": start + len(quote), "says": "current"}]},
        {"technology": "Rust", "found": True,
         "citations": [{"source": "platform", "quote": "tampered", "start": 0, "end": 3, "says": "current"}]},
        {"technology": "PostgreSQL", "found": False, "citations": [{"source": "platform", "quote": "x", "start": 0, "end": 1}]},
    ]}
    gold = {"sources": {"platform": {"positives": [
        {"technology": "Kafka", "aliases": [], "status": "current", "core": True},
        {"technology": "PostgreSQL", "aliases": ["Postgres"], "status": "current", "core": True},
        {"technology": "Grafonix", "aliases": [], "status": "current", "core": False},
    ]}}}
    [score] = score_company("acme", draft, gold)
    assert (score.predicted, score.true_positives) == (2, 1)
    assert score.false_positives == ["Rust"]
    assert score.missed_core == ["PostgreSQL"]
    assert score.core_recall == 0.5 and round(score.recall, 2) == 0.33 and score.precision == 0.5
    assert score.quote_validity == 0.5
    assert score.status_accuracy == 1.0  # Kafka: the gold says current, so does its citation
    assert micro([score]).predicted == 2
