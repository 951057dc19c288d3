"""Open-vocabulary candidates: names the lexicon does not know are found by the text's own structure and
wording, ordinary words are not, and versions stay apart from names. Every name here is invented or
chosen freely; no rule knows any of them."""

from __future__ import annotations

import pytest

from postgen.candidates import find_candidates, without_version
from postgen.lexicon import default_lexicon
from postgen.markup import markdown_to_prose
from postgen.text import Document


def names(text: str, company: str = "Acme", markdown: bool = False) -> dict[str, set[str]]:
    document = Document("src", *markdown_to_prose(text)) if markdown else Document("src", text + "\n")
    found: dict[str, set[str]] = {}
    for mention in find_candidates(document, default_lexicon(), company):
        found.setdefault(mention.surface, set()).update(mention.evidence)
    return found


def versions(text: str) -> dict[str, str | None]:
    document = Document("src", text + "\n")
    return {m.surface: m.version for m in find_candidates(document, default_lexicon(), "Acme")}


@pytest.mark.parametrize("text, name, evidence", [
    ("Deploys go through Shipwright, which we wrote in 2019.", "Shipwright", "shape"),
    ("The scheduler is called Tidewater and runs every job.", "Tidewater", "naming"),
    ("Every request passes our Quokka gateway before it reaches a service.", "Quokka", "shape"),
    ("Logs are shipped with our kube-shipper agents on every node.", "kube-shipper", "tech-noun"),
    ("Logs are shipped with fluentbitz agents on every node.", "fluentbitz", None),  # plain lowercase: a word
    ("Values are serialised via protobuf-lite by default.", "protobuf-lite", "use-word"),
    ("The two big services are \"Stack Server\" and the search API.", "Stack Server", "naming"),
    ("Metrics land in Hyperloglogd, our time series store.", "Hyperloglogd", "shape"),
])
def test_names_the_lexicon_does_not_know_are_candidates(text, name, evidence):
    if evidence is None:
        assert name not in names(text)
    else:
        assert evidence in names(text).get(name, set())


def test_markdown_links_code_spans_and_list_names_are_candidates():
    found = names("- Barnacle: keeps configuration in sync\n\n"
                  "We deploy with [Gangplank](https://example.org) and `tidyctl` on every host.\n", markdown=True)
    assert "list-name" in found["Barnacle"]
    assert "link" in found["Gangplank"]
    assert "code" in found["tidyctl"]


@pytest.mark.parametrize("text, not_a_name", [
    ("Reliable Delivery At Scale", "Reliable"),  # a title-cased heading
    ("However, the team shipped it on Tuesday.", "However"),  # a sentence start
    ("The GPU-accelerated cluster trains every model.", "GPU-accelerated"),  # a compound adjective
    ("We ran an A/B test on the new page.", "A/B"),
    ("Requests hit NY-WEB01 before the cache.", "NY-WEB01"),  # a host name
    ("Set `enMain` and `PATH` before you run it.", "enMain"),  # variables
    ("The cache sits between L1 and the disk.", "L1"),
])
def test_ordinary_words_and_identifiers_are_not_candidates(text, not_a_name):
    assert not_a_name not in names(text, markdown="`" in text)


def test_a_known_name_keeps_its_span_against_generic_words_after_it():
    found = names("Traffic reaches our HAProxy Load Balancers first.")
    assert "HAProxy" in found and "HAProxy Load Balancers" not in found


def test_the_company_s_own_name_is_not_a_candidate():
    assert "Acme" not in names("Acme runs its billing on Quillstore.")
    assert "Quillstore" in names("Acme runs its billing on Quillstore.")


def test_versions_go_into_a_field_and_model_numbers_stay_in_the_name():
    found = versions("Web servers run Ubuntu 22.04 LTS on Zephyr 3945 machines with Quillstore 7.")
    assert found["Ubuntu"] == "22.04 LTS"
    assert "Zephyr 3945" in found
    assert found["Quillstore"] == "7"
    assert without_version("Windows Server 2012 R2") == "Windows Server"
    assert without_version("Zephyr 3945") == "Zephyr 3945"


@pytest.mark.parametrize("text, quantity", [
    ("Each volume group gives 32k IOPS 1280MB/s of throughput.", "IOPS 1280MB"),
    ("The Zephyr 2GHz chips run our batch jobs.", "Zephyr 2GHz"),
    ("Latency stayed under Quillstore 500ms all week.", "Quillstore 500ms"),
    ("Nodes ship with Tessel 64GB of memory.", "Tessel 64GB"),
    ("Storage reached Brightvault 10TB last year.", "Brightvault 10TB"),
])
def test_a_number_with_a_unit_is_a_quantity_not_part_of_a_name(text, quantity):
    assert quantity not in names(text)
    assert quantity not in versions(text)


@pytest.mark.parametrize("text, name", [
    ("2 Brightline Switches (replaced Brightline 4410 Switches)", "Brightline 4410"),
    ("Two Marlow 88-XT Firewalls Guard The Edge", "Marlow 88-XT"),
    ("We swapped every Tesk 7200 router last spring.", "Tesk 7200"),
    ("Storage Arrays (Norvale 5120 Units)", "Norvale 5120"),
    ("Our edge runs Quillon 990-S appliances.", "Quillon 990-S"),
])
def test_a_model_number_stays_with_the_maker_before_it(text, name):
    found = names(text)
    assert name in found
    assert name.split(" ")[1] not in found  # the number alone names nothing


@pytest.mark.parametrize("text", [
    "Upgrade Notes For 4410 Units",
    "The 4410 is a number on a form.",
    "Rooms 4410 And 4412 Were Booked",
    "Batch 2231-B Was Shipped",
    "3945 requests arrived in the first hour.",
])
def test_a_number_alone_is_not_a_name(text):
    assert not any(surface[:1].isdigit() for surface in names(text))


@pytest.mark.parametrize("text, name, expected", [
    ("Helpers target .Net and the JVM alike.", ".Net", True),
    ("A .Zephyr port is planned.", ".Zephyr", True),
    ("We ship .NET services on every host.", ".NET", True),
    ("The file ends in .txt and holds notes.", ".txt", False),
    ("It stopped.Then it started again.", ".Then", False),
])
def test_a_name_keeps_a_leading_dot(text, name, expected):
    assert (name in names(text)) is expected


@pytest.mark.parametrize("text, word", [
    ("(Optional) Uninstall old versions", "Uninstall"),
    ("[Note] Restart the service afterwards.", "Restart"),
    ("(Step 2) Configure the proxy first.", "Configure"),
    ("(Beta) Enable the new view.", "Enable"),
    ("(Required) Update every node.", "Update"),
])
def test_a_bracketed_label_does_not_make_the_next_word_a_name(text, word):
    assert word not in names(text)


def test_a_name_after_a_bracketed_label_is_still_found():
    assert "Harrowgate" in names("(Optional) Point the old proxy at Harrowgate before you restart the cluster.")


@pytest.mark.parametrize("text, word", [
    ("Artifacts are pushed to the API servers.", "API"),
    ("We use a CLI tool to send the newsletter.", "CLI"),
    ("We are working on creating our IaC setup.", "IaC"),
    ("Keep your SDK library pinned.", "SDK"),
    ("Each VM image is rebuilt nightly.", "VM"),
    ("Get a list of the VMs before you start.", "VMs"),
])
def test_an_abbreviation_of_a_kind_of_thing_is_not_a_name(text, word):
    assert word not in names(text)


@pytest.mark.parametrize("text, name", [
    # the inverse: an acronym that names one thing, in a heading and capitalised inside a sentence too
    ("NFS Mounts\n\nWorkers relied on NFS to share data.", "NFS"),
    ("QRX Gateways\n\nEvery request passes QRX first.", "QRX"),
])
def test_an_acronym_naming_one_thing_is_still_a_candidate(text, name):
    assert name in names(text)


@pytest.mark.parametrize("text, name", [
    ("Artifacts are pushed to the Karbon servers.", "Karbon"),  # the inverse: a name before the noun
    ("We use the Pelican tool to send the newsletter.", "Pelican"),
])
def test_a_name_before_a_technology_noun_is_still_a_candidate(text, name):
    assert name in names(text)


@pytest.mark.parametrize("text, word", [
    ("It is deployed to separate sets of infrastructure (Servers, Databases, CDNs, etc.).", "Databases"),
    ("Get a list of the VMs\n\nKeep VMs updated on every host.", "VMs"),
    ("We keep Backups for thirty days.", "Backups"),
    ("Teams own their Pipelines end to end.", "Pipelines"),
    ("Alerts go to the Channels each team picks.", "Channels"),
])
def test_a_common_plural_or_acronym_capitalised_is_not_a_name(text, word):
    assert word not in names(text)


@pytest.mark.parametrize("text, name, expected", [
    ("Run the `unstartup` command to remove it.", "unstartup", False),
    ("Pass the `forcewipe` flag when it hangs.", "forcewipe", False),
    ("Set the `kube-fooz` namespace first.", "kube-fooz", False),
    ("Edit the `grimconf` file by hand.", "grimconf", False),
    ("We install `grimconf` on every host.", "grimconf", True),  # the inverse: a tool used
])
def test_a_code_span_naming_a_command_or_setting_is_not_a_tool(text, name, expected):
    assert (name in names(text, markdown=True)) is expected


@pytest.mark.parametrize("text, name, expected", [
    ("Cache and Pub/Sub run on one cluster.", "Pub/Sub", None),
    ("We moved from Google to Pub/Sub for events.", "Pub/Sub", "Google Cloud Pub/Sub"),
])
def test_a_short_vendor_name_is_that_product_only_where_the_vendor_is_named(text, name, expected):
    document = Document("src", text + "\n")
    found = {m.surface: m.technology.name for m in find_candidates(document, default_lexicon(), "Acme")}
    assert found.get(name) == expected


@pytest.mark.parametrize("text, first, second", [
    ("The code lives in the ZephyrCore GitHub repo.", "ZephyrCore", "GitHub"),
    ("Builds run on QuillOps Jenkins agents.", "QuillOps", "Jenkins"),
    ("We send traces from BrightLoop Kafka topics.", "BrightLoop", "Kafka"),
])
def test_two_names_side_by_side_are_two_candidates(text, first, second):
    found = names(text)
    assert first in found and second in found


@pytest.mark.parametrize("text, word", [
    ("Our Harbor Kafka cluster carries every event.", "Harbor"),  # a plain word before a known name
    ("Nightly Jenkins builds take an hour.", "Nightly"),
])
def test_a_plain_word_before_a_known_name_is_not_split_off_as_a_name(text, word):
    assert word not in names(text)
