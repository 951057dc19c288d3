"""The table's "Source of info": publisher, link and a short fragment of the strongest quote."""

from __future__ import annotations

import pytest

from postgen.models import Claim, Company
from postgen.table import FRAGMENT_WORDS, fragment, publisher_of, row_sources, table_rows

KAFKA_QUOTE = ("The platform combines Apache Kafka for real-time data streaming, Cassandra and PostgreSQL for "
               "distributed databases, and native Swift/Kotlin implementations for iOS and Android respectively.")


@pytest.mark.parametrize("quote, names, expected", [
    (KAFKA_QUOTE, ["Apache Kafka"], ("platform combines Apache Kafka for real-time data streaming", True, True)),
    (KAFKA_QUOTE, ["Android"], ("native Swift/Kotlin implementations for iOS and Android respectively", True, False)),
    ("Event Streaming with Apache Kafka", ["Apache Kafka"], ("Event Streaming with Apache Kafka", False, False)),
    ("## Why we run kafka, everywhere.", ["Kafka"], ("Why we run kafka, everywhere", False, False)),
    ("Platform) into [Google BigQuery](https://cloud.google.com/bigquery/), then selected the 100",
     ["BigQuery", "Google BigQuery"], ("Google BigQuery", True, True)),
    ("| Post-migration (GCP) | **7.3 days** |", ["GCP"], ("Post-migration (GCP)", False, True)),
    ("Limits (mostly in HAProxy) and more", ["HAProxy"], ("Limits (mostly in HAProxy) and more", False, False)),
    ("such as Tingle (for job scheduling) and Backstage (a developer portal) to control it all", ["Backstage"],
     ("and Backstage (a developer portal) to control", True, True)),
    ("We use Kafka (and Flink for the rest of it) everywhere", ["Kafka"], ("We use Kafka", False, True)),
    ("Nothing here names it at all but is long enough to be cut somewhere", ["Flink"],
     ("Nothing here names it at all but is", False, True)),
])
def test_fragment_is_a_short_exact_substring_around_the_mention(quote, names, expected):
    text, before, after = fragment(quote, names)
    assert (text, before, after) == expected
    assert text in quote and len(text.split()) <= FRAGMENT_WORDS


def test_publisher_comes_from_the_registry_then_the_site_then_the_title():
    assert publisher_of({"id": "a", "publisher": "Okoone", "sitename": "okoone.com", "title": "T"}) == "Okoone"
    assert publisher_of({"id": "a", "sitename": "The New Stack", "title": "T"}) == "The New Stack"
    assert publisher_of({"id": "a", "title": "How Acme builds"}) == "How Acme builds"
    assert publisher_of({"id": "a"}) == "a"


def cited(source: str, quote: str) -> dict:
    return {"source": source, "quote": quote, "start": 0, "end": len(quote), "status": "exact"}


def test_row_sources_put_the_strongest_quote_first_one_entry_per_publisher_links_only_http():
    claim = Claim(technology="Apache Kafka", aliases=["Kafka"], tag="Streaming", description="carries events",
                  status="current", best_citation=2,
                  citations=[cited("blog", "Kafka is used."), cited("blog-2", "We run Kafka."),
                             cited("case", "Acme moved every event to Kafka in 2021."), cited("file", "Kafka.")])
    sources = {
        "blog": {"id": "blog", "publisher": "Acme Engineering", "url": "https://eng.acme.test/a"},
        "blog-2": {"id": "blog-2", "publisher": "Acme Engineering", "url": "https://eng.acme.test/b"},
        "case": {"id": "case", "title": "Case study", "sitename": "Cloud Vendor", "url": "https://cloud.test/acme"},
        "file": {"id": "file", "title": "Notes", "url": "javascript:alert(1)"},
    }
    rows = row_sources(claim, sources)
    assert [(r.publisher, r.url, r.fragment) for r in rows] == [
        ("Cloud Vendor", "https://cloud.test/acme", "Acme moved every event to Kafka in 2021"),
        ("Acme Engineering", "https://eng.acme.test/a", None),
        ("Notes", None, None),
    ]


def test_table_rows_carry_status_claim_id_and_sources_as_data():
    company = Company(name="Acme", slug="acme", sources=[{"id": "a", "url": "https://example.org/a"}])
    claims = [Claim(technology="Amazon Web Services", aliases=["AWS"], tag="Cloud", description="the old cloud",
                    status="former", citations=[cited("a", "Acme moved off AWS in 2020.")])]
    row = table_rows(claims, company, {"a": {"id": "a", "title": "Moving clouds", "url": "https://example.org/a"}},
                     {"amazon web services": "t-0123456789"})[0]
    assert (row.technology, row.status.value, row.claim) == ("Amazon Web Services", "former", "t-0123456789")
    assert row.sources[0].model_dump(exclude_none=True) == {
        "source": "a", "publisher": "Moving clouds", "url": "https://example.org/a",
        "fragment": "Acme moved off AWS in 2020", "cut_before": False, "cut_after": False}
