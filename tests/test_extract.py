"""What extraction decides without the model: names the lexicon knows are claims with no model call,
the wording sets aside plans, comparisons, support, other owners and rejections before any call,
and says whether a use is current or former; only unknown names are put to the model."""

from __future__ import annotations

import pytest
from ruamel.yaml import YAML

from postgen.candidates import find_candidates
from postgen.extract import READINGS, Candidate, agreed, product_shaped, worded_as_own
from postgen.lexicon import default_lexicon
from postgen.models import CandidateAnswer, ChunkAnswers
from postgen.text import Document

from stub_openai import sensible_answer

NOTES = (
    "Acme migrated its billing data from MySQL to PostgreSQL in 2021. "
    "PostgreSQL now stores every invoice, and PostgreSQL replicas serve the reports. "
    "We plan to adopt Zephyrine for feature flags next year. "
    "Unlike Initech, Acme routes traffic through Envoy. "
    "Netflix's Portcullis gateway inspired the design. "
    "The mobile SDK has support for Kotlin. "
    "Rather than MongoDB, the team picked Tidewell for the audit log.\n"
)
SET_ASIDE = {  # name -> the words of the reason a reviewer reads
    "Zephyrine": "worded as a plan",
    "Initech": "comparison",
    "Portcullis": "another organisation's technology (Netflix)",
    "Kotlin": "a tool's support, not the company's use",
    "MongoDB": "an option not chosen",
}


def extracted(project, stub_llm, text: str, file: str = "notes.txt") -> dict:
    project.write_source_file("acme", file, text)
    project.write_registry("acme", f"name: Acme\nslug: acme\nsources:\n  - id: notes\n    file: acme/files/{file}\n")
    assert project.cli("fetch", "--company", "acme").returncode == 0
    outcome = project.cli("extract", "--company", "acme", "--llm", stub_llm.url, "--model", "stub")
    assert outcome.returncode == 0, outcome.output
    return YAML(typ="safe").load((project.outputs() / "claims.yaml").read_text(encoding="utf-8"))


def rejected_as(document: dict, reason: str) -> set[str]:
    """The names the extraction rejected with `reason` in the reason it gives."""
    return {item["technology"] for item in document["rejected"] if reason in item["reason"]}


def test_wording_decides_before_the_model_and_only_unknown_names_are_asked(project, stub_llm):
    document = extracted(project, stub_llm, NOTES)
    claims = {claim["technology"]: claim for claim in document["claims"]}
    assert set(claims) == {"MySQL", "PostgreSQL", "Envoy", "Tidewell"}
    assert claims["MySQL"]["status"] == "former" and claims["PostgreSQL"]["status"] == "current"
    assert claims["Tidewell"]["tag"] == "Backend"  # the model's tag for a name the lexicon lacks

    rejected = {item["technology"]: item for item in document["rejected"]}
    assert set(rejected) == set(SET_ASIDE)
    for name, words in SET_ASIDE.items():
        assert words in rejected[name]["reason"], rejected[name]
        assert name in rejected[name]["quote"]

    # one chunk (read twice), about the one unknown name left: set-aside sentences and known names are not sent
    assert len(stub_llm.requests) == len(READINGS)  # one chunk, read twice
    asked = stub_llm.requests[0].messages[-1]["content"]
    assert "A. Tidewell (in 1)" in asked and "B." not in asked
    assert "Zephyrine" not in asked and "Portcullis" not in asked and "PostgreSQL" not in asked


def test_one_citation_per_sentence_at_its_offsets(project, stub_llm):
    document = extracted(project, stub_llm, NOTES)
    postgres = next(claim for claim in document["claims"] if claim["technology"] == "PostgreSQL")
    quotes = [citation["quote"] for citation in postgres["citations"]]
    assert quotes == ["Acme migrated its billing data from MySQL to PostgreSQL in 2021.",
                      "PostgreSQL now stores every invoice, and PostgreSQL replicas serve the reports."]
    for citation in postgres["citations"]:
        assert NOTES[citation["start"]:citation["end"]] == citation["quote"]
        assert citation["says"] == "current"


def test_a_lexicon_name_in_the_plural_is_a_claim_quoting_its_sentence(project, stub_llm):
    # The lexicon finds "Microsoft SQL Servers" as Microsoft SQL Server; the grounding gate must agree.
    document = extracted(project, stub_llm, "Payments run on two Microsoft SQL Servers in each region.\n")
    claims = {claim["technology"]: claim for claim in document["claims"]}
    assert [c["quote"] for c in claims["Microsoft SQL Server"]["citations"]] == [
        "Payments run on two Microsoft SQL Servers in each region."]
    assert document["rejected"] == []
    assert stub_llm.requests == []  # a known name: no model call


def test_a_bare_name_is_quoted_only_after_the_sentences_that_say_something(project, stub_llm):
    # seven short cells holding only "PostgreSQL" come first; the citations kept are the sentences
    cells = "".join("PostgreSQL\n\n" for _ in range(7))
    text = cells + "Acme stores every invoice in PostgreSQL.\n\nPostgreSQL replicas serve the monthly reports.\n"
    document = extracted(project, stub_llm, text)
    postgres = next(claim for claim in document["claims"] if claim["technology"] == "PostgreSQL")
    quotes = [citation["quote"] for citation in postgres["citations"]]
    assert quotes[:2] == ["Acme stores every invoice in PostgreSQL.", "PostgreSQL replicas serve the monthly reports."]
    assert all(quote == "PostgreSQL" for quote in quotes[2:])


def split_answers(first: str, second: str, tag: str = "Infrastructure"):
    def one(kind):
        return ChunkAnswers(answers=[CandidateAnswer(candidate="A", kind=kind,
                                                     tag=tag if kind in ("software", "hardware") else None)])
    return [one(first), one(second)]


def candidate_in(text: str, name: str):
    mentions = [m for m in find_candidates(Document("src", text + "\n"), default_lexicon(), "Acme")
                if m.technology.name == name]
    assert mentions, name
    return Candidate("A", mentions[0].technology, [1], mentions)



@pytest.mark.parametrize("text, name, product", [
    ("The first cluster is a set of Zephyr R720xd servers.", "Zephyr R720xd", True),  # a model number
    ("The load balancers run on Quillux 7, our preferred Linux.", "Quillux", True),  # a version
    ("Jobs land on our Tidewater cluster.", "Tidewater", True),  # a technology noun after it
    ("We signed a contract with Zephyrcorp last spring.", "Zephyrcorp", False),  # the inverses: a company's name
    ("We met the Zephyrcorp founders in Berlin.", "Zephyrcorp", False),
])
def test_a_name_written_as_a_product_is_product_shaped(text, name, product):
    assert product_shaped(candidate_in(text, name)) is product


@pytest.mark.parametrize("first, second, products, kind", [
    ("company", "hardware", {"A"}, "hardware"),  # the readings split; the name is written as a product
    ("software", "company", {"A"}, "software"),
    ("company", "hardware", set(), "company"),  # the inverses: a plain name stays with the stricter reading
    ("software", "company", set(), "company"),
    ("company", "person", {"A"}, "company"),  # no technology reading: nothing to decide
    ("software", "term", {"A"}, "term"),  # only the company reading is overruled by the shape
])
def test_readings_split_between_a_company_and_a_technology_follow_the_name_s_shape(first, second, products, kind):
    assert agreed(split_answers(first, second), products).answers[0].kind == kind


OWN_LIST = ("We run everything on two data centres.\n"
            "Here are some open-source libraries we maintain. I hope you find them useful:\n"
            "- Quillmap - a tiny object mapper\n"
            "- Tidewire - a websocket server, faster than Zephyrnet\n")
THEIR_LIST = ("Here are the libraries we use every day:\n"
              "- Quillmap - a tiny object mapper\n")


@pytest.mark.parametrize("text, name, own", [
    (OWN_LIST, "Quillmap", True),  # an item of a list introduced as what the company maintains
    (OWN_LIST, "Tidewire", True),  # a later item of the same list
    (OWN_LIST, "Zephyrnet", False),  # named inside an item, not the item's name
    (THEIR_LIST, "Quillmap", False),  # a list of what the company uses
    ("Here are some open-source libraries we maintain:\n\nThe Quillmap library maps objects.\n", "Quillmap", False),  # no list
])
def test_items_of_a_list_introduced_as_the_company_s_own_are_its_tools(text, name, own):
    candidate = candidate_in(text, name)
    document = Document("src", text + "\n")
    assert any(worded_as_own(document, mention, "Acme") for mention in candidate.mentions) is own


REJECTED_TABLE = ("Most of our data is on Kafka. But first, what are the options we rejected?\n\n"
                  "| Solution | Rejection reason |\n|---|---|\n"
                  "| Flink | Lags behind on client support |\n| NiFi | Runs on Yarn, requiring a cluster |\n")
REJECTED_LIST = ("Alternatives we ruled out:\n\n- Pulsar - too new for us\n- NATS Streaming - no replay\n")
CHOSEN_LIST = ("Tools we chose for streaming:\n\n- Pulsar - carries every event\n")


def listed_reading(markdown: str, name: str) -> str:
    from postgen.extract import read_mentions
    from postgen.markup import markdown_to_prose
    document = Document("src", *markdown_to_prose(markdown))
    read = read_mentions(document, find_candidates(document, default_lexicon(), "Acme"), "Acme")
    return next(reading.use for mention, reading in read if mention.technology.name == name)


@pytest.mark.parametrize("markdown, name, use", [
    (REJECTED_TABLE, "Apache Flink", "rejected"),  # a table's first cell under "the options we rejected"
    (REJECTED_TABLE, "Apache NiFi", "rejected"),  # a later row of the same table
    (REJECTED_LIST, "Apache Pulsar", "rejected"),  # a list under "alternatives we ruled out"
    ("Products we decided against:\n\n- Grafana Cloud - too costly\n", "Grafana Cloud", "rejected"),  # the whole item
    ("The team's rejected options:\n\n- Flink\n- Storm\n", "Apache Storm", "rejected"),
    # the inverses: a name inside a reason cell, a list of what was chosen, and the introduction's own sentence
    (REJECTED_TABLE, "Yarn", "unknown"),
    (CHOSEN_LIST, "Apache Pulsar", "unknown"),
    (REJECTED_TABLE, "Apache Kafka", "unknown"),
    ("We rejected nothing in the end; our tools:\n\n- Flink - stream jobs\n", "Apache Flink", "unknown"),
])
def test_items_of_a_list_or_table_introduced_as_rejected_options_are_rejected(markdown, name, use):
    assert listed_reading(markdown, name) == use


def test_a_general_term_is_never_a_claim_and_a_product_named_after_one_is(project, stub_llm):
    document = extracted(project, stub_llm, (
        "Acme's billing service answers in JSON over HTTP/2, and operators drive it with a CLI. "
        "Tidewell stores every invoice, and sessions are signed with JSON Web Tokens. "
        "The mobile clients talk to it through WebSockets and REST APIs.\n"))
    claims = {claim["technology"] for claim in document["claims"]}
    assert {"Tidewell", "JSON Web Token"} <= claims
    assert not claims & {"JSON", "HTTP/2", "CLI", "WebSocket", "REST APIs", "REST API"}
    general = rejected_as(document, "general term")
    assert {"HTTP/2", "WebSocket"} <= general, document["rejected"]
    for item in document["rejected"]:
        assert item["technology"].split("/")[0][:4] in item["quote"], item


def test_a_document_about_the_stack_is_never_a_claim(project, stub_llm):
    document = extracted(project, stub_llm, (
        "The IET RFC 002 proposal puts Keycloak in front of the cluster, and ADR 0013 records why Tidewell stores "
        "the audit log. Our Architecture Decision Records live next to the Terraform code.\n"))
    claims = {claim["technology"] for claim in document["claims"]}
    assert not {name for name in claims if "RFC" in name or "ADR" in name or "Decision" in name}, claims
    assert {"Keycloak", "Tidewell"} <= claims  # the inverses: the technologies the documents are about
    documents = rejected_as(document, "a document")
    assert documents, document["rejected"]


def test_an_identifier_in_capitals_is_never_a_claim(project, stub_llm):
    document = extracted(project, stub_llm, (
        "Tidewell loads raw data into the RAW_PRD database, and the REPORTER_DEV role reads the marts. "
        "Set LOCAL_UPLOADS_DIR to keep uploads on disk; S3 stores them otherwise, and GPT-4 drafts the summaries.\n"))
    claims = {claim["technology"] for claim in document["claims"]}
    assert not claims & {"RAW_PRD", "REPORTER_DEV", "LOCAL_UPLOADS_DIR"}
    assert "Amazon S3" in claims  # the inverse: a product's name in capitals without underscores is one
    identifiers = rejected_as(document, "an identifier")
    assert identifiers == {"RAW_PRD", "REPORTER_DEV", "LOCAL_UPLOADS_DIR"}, document["rejected"]


def test_a_generated_id_is_never_a_claim(project, stub_llm):
    document = extracted(project, stub_llm, (
        "# What happened on the night of the outage\n\n"
        "At 8:00 the node `Tidewell-xWtfBlWnQiG3kYR1b5qYUw` went quiet, and `Tidewell-u3AewBjlSD2rwrPdRbI_yg` took "
        "its shards.\n\n"
        "The fix shipped in commit `a3f9c2d1e8b7c6d5`, built by job `Build7x2Q9k4Lm`.\n\n"
        "The `DiscoveryApiErrorAlarm` alarm now pages us, `Linq2Sql` maps the tables and `JsonSerDe` reads the "
        "logs.\n"), file="notes.md")
    claims = {claim["technology"] for claim in document["claims"]}
    generated = {"Tidewell-xWtfBlWnQiG3kYR1b5qYUw", "Tidewell-u3AewBjlSD2rwrPdRbI_yg", "a3f9c2d1e8b7c6d5",
                 "Build7x2Q9k4Lm"}
    assert not claims & generated, claims
    assert rejected_as(document, "a generated id") == generated, document["rejected"]
    # the inverses: a name whose capitals mark its words, or with a digit or two in it, stays a name
    assert {"DiscoveryApiErrorAlarm", "Linq2Sql", "JsonSerDe"} <= claims


def test_a_name_in_code_or_an_item_number_is_never_a_claim(project, stub_llm):
    document = extracted(project, stub_llm, (
        "# How Tidewell loads the warehouse\n\n"
        "The `tidewell_role.loader` grant lets Tidewell write to the raw data, and `tidewell_grants.raw_r_to_reader` "
        "lets the analysts read it.\n\n- RAW_{env}: This holds raw data loaded by Tidewell.\n\nRun `setup:docker:tidewell-local` before the tests. The library "
        "`ieee.std_logic_arith.all` is no longer needed.\n\n"
        "Hypotheses H1.1 and H1.2 were tested with Socket.io, Vert.x and `mongoid_fulltext` on Node.js.\n"),
        file="notes.md")
    claims = {claim["technology"] for claim in document["claims"]}
    in_code = {"tidewell_role.loader", "RAW_{env}", "tidewell_grants.raw_r_to_reader", "setup:docker:tidewell-local",
               "ieee.std_logic_arith.all", "H1.1", "H1.2"}
    assert not claims & in_code, claims
    assert rejected_as(document, "a name in code") == in_code, document["rejected"]
    # the inverses: dotted product names, a snake_case gem's name and the tool the code is about stay claims
    assert {"Tidewell", "Socket.io", "Vert.x", "mongoid_fulltext", "Node.js"} <= claims, claims


def test_a_licence_or_a_title_is_never_a_claim(project, stub_llm):
    document = extracted(project, stub_llm, (
        "# How we build Tidewell\n\n"
        "Tidewell runs on Kubernetes, and our CI runs [Licensee](https://example.org/licensee) on every dependency.\n\n"
        "Reading for new engineers:\n\n"
        "- [The Pragmatic Programmer](https://example.org/book) - techniques for building software\n"
        "- [The Twelve-Factor App](https://example.org/12factor) - how we shape services\n"
        "- [Theano](https://example.org/theano) - trains the ranking model\n\n"
        "Photos are used under the [Pexels License](https://example.org/pexels), and Tidewell ships under the "
        "[Apache License](https://example.org/apache).\n"), file="notes.md")
    claims = {claim["technology"] for claim in document["claims"]}
    assert not {name for name in claims if name.endswith("License") or name.startswith("The ")}, claims
    # the inverses: the software under the licence, a tool named after licences, and a name that opens with "The…"
    assert {"Tidewell", "Kubernetes", "Licensee", "Theano"} <= claims, claims
    reasons = {item["technology"]: item["reason"] for item in document["rejected"]}
    assert "a document" in reasons["Pexels License"], reasons
    assert "a title" in reasons["The Pragmatic Programmer"] and "a title" in reasons["The Twelve-Factor App"], reasons


def test_a_name_followed_by_a_noun_for_a_setting_or_step_is_an_identifier(project, stub_llm):
    document = extracted(project, stub_llm, (
        "Tidewell deploys Corvane into the `kube-system` namespace.\n\n"
        "The worker drains its queue when it receives the `USR1` signal.\n\n"
        "Set the `quillmode` flag to skip uploads, and logs go to the `zarkdir` directory on each host.\n\n"
        "The runner prints the `prelint`, `mergecheck` and `postlint` stages for every pull request.\n\n"
        "Zentrix runs as PID 1 in every container, and the `Zentrix` settings live in one file.\n\n"
        "Django settings and the Plovik flag service decide who sees a feature.\n"), file="notes.md")
    claims = {claim["technology"] for claim in document["claims"]}
    identifiers = rejected_as(document, "an identifier")
    assert {"kube-system", "USR1", "quillmode", "zarkdir", "prelint", "mergecheck", "postlint"} <= identifiers, \
        document["rejected"]
    assert not claims & identifiers
    # the inverses: a name also said to run on its own, a known name, and a name before another noun
    assert {"Corvane", "Zentrix", "Django", "Plovik"} <= claims, (claims, document["rejected"])


def test_a_vendor_s_product_the_model_calls_a_company_is_a_technology(project, stub_llm):
    stub_llm.default = lambda request: sensible_answer(request, kinds={
        "AWS Quillpipe": "company", "Apache Zorblat": "company", "Vextron": "company"})
    document = extracted(project, stub_llm, (
        "Builds run on AWS Quillpipe, and the cluster is managed with Apache Zorblat by the platform team. "
        "Our partners at Vextron sponsor the meetup.\n"))
    claims = {claim["technology"]: claim for claim in document["claims"]}
    assert {"AWS Quillpipe", "Apache Zorblat"} <= set(claims), document["rejected"]
    assert "Internal Tooling" not in {claims["AWS Quillpipe"]["tag"], claims["Apache Zorblat"]["tag"]}
    # the inverse: a name with no vendor's before it stays what the model says
    companies = {item["technology"] for item in document["rejected"]
                 if item["reason"] == "model: a company, not a technology"}
    assert companies == {"Vextron"}, document["rejected"]


def test_a_name_made_of_general_terms_or_cut_short_is_no_technology(project, stub_llm):
    document = extracted(project, stub_llm, (
        "- Tidewell API - serves the mobile apps\n"
        "- JSON API - the public endpoints for partners\n"
        "- REST API - the admin endpoints\n"
        "- MS...Pod Gateway - microservices with their own gateways\n"), file="notes.md")
    claims = {claim["technology"] for claim in document["claims"]}
    reasons = {item["technology"]: item["reason"] for item in document["rejected"]}
    assert "general term" in reasons["JSON API"] and "general term" in reasons["REST API"], reasons
    assert "cut short" in reasons["MS...Pod Gateway"], reasons
    assert "Tidewell API" in claims  # the inverse: a name of its own before a general term


def test_a_word_after_a_number_is_a_unit_not_a_technology(project, stub_llm):
    document = extracted(project, stub_llm, (
        "The machines we generally use have 16 vCPUs and 64 GiB of memory, and 2 Zentrix nodes sit in front.\n\n"
        "Each shard holds 12 Kerbs of data; Zentrix routes requests to 3 Redis replicas.\n\n"
        "We moved the batch jobs to Quillpipe 2 last year.\n\n"
        "Each box has 4TB of FlexRaid NVX space and two Kestrel 800C Routers.\n"), file="notes.md")
    claims = {claim["technology"] for claim in document["claims"]}
    units = rejected_as(document, "a unit")
    assert {"vCPUs", "GiB", "Kerbs", "FlexRaid NVX"} <= units, document["rejected"]
    assert not claims & units
    # the inverses: a name also written on its own, a known name after a number, a number after a name, and a name
    # of several words after a bare number
    assert {"Zentrix", "Redis", "Quillpipe", "Kestrel 800C"} <= claims, (claims, document["rejected"])


def test_a_name_cut_from_a_longer_capitalised_name_is_no_name_of_its_own(project, stub_llm):
    document = extracted(project, stub_llm, (
        "Tidewell runs Quillflow, whose DAGs (Directed Acyclic Graphs) order the tasks of each night's run.\n\n"
        "The Elastic Load Balancer will balance traffic to the Zentrix app.\n\n"
        "Tidewell ships under the GNU Affero General Public License 3 with an exception for Plotwise.\n\n"
        "Since pipeline options were limited (UI-driven Bamboo), we wrote Corvane scripts and replaced two "
        "Kestrel 800C Firewalls.\n"), file="notes.md")
    claims = {claim["technology"] for claim in document["claims"]}
    fragments = rejected_as(document, "a longer name")
    assert {"Directed Acyclic", "Balancer", "GNU Affero General Public"} <= fragments, document["rejected"]
    assert not claims & fragments
    # the inverses: a name standing alone, after a compound adjective or before a lowercase noun, and a model number
    # before a generic plural
    assert {"Quillflow", "Zentrix", "Plotwise", "Bamboo", "Corvane", "Kestrel 800C"} <= claims, \
        (claims, document["rejected"])
    # an acronym after a name is a kind of it ("the old SOAP API"), not the rest of its name
    from postgen.extract import CAPITAL_AFTER
    assert CAPITAL_AFTER.match(" API was replaced") is None and CAPITAL_AFTER.match(" SDKs") is None
    assert CAPITAL_AFTER.match(" Graphs) order") and CAPITAL_AFTER.match(" License 3")
    assert CAPITAL_AFTER.match(" Tools.")
    assert CAPITAL_AFTER.match(" Node.js") is None  # a dotted name after is a name of its own
