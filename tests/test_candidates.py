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
    ("We render every cover in a headless browser with Phantom.js first.", "Phantom.js", "shape"),  # a library
    ("Install pnpm globally before the first build.", "pnpm", "use-word"),  # what is installed is software
    ("Then we installed zvkit on every runner.", "zvkit", "use-word"),
    ("Install dependencies globally before the first build.", "dependencies", None),  # an English word
    ("Then we installed zvkit packages on every runner.", "zvkit", None),  # an adjective before its noun
])
def test_names_the_lexicon_does_not_know_are_candidates(text, name, evidence):
    if evidence is None:
        assert name not in names(text)
    else:
        assert evidence in names(text).get(name, set())


def test_a_list_item_s_name_is_the_whole_name_even_when_it_opens_with_a_known_one():
    found = names("- NGINX Amplify: our basic monitoring dashboard\n\nTraffic reaches our NGINX Servers first.\n",
                  markdown=True)
    assert "list-name" in found["NGINX Amplify"]
    assert "NGINX" in found and "NGINX Servers" not in found  # the inverse: prose keeps the known name alone


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
    ("The front end provides [RFC 6962](https://example.org/rfc) endpoints.", "RFC 6962"),  # a standard's number
    ("Wire it up in AppLoader.lifecycleComponents before the app starts.", "AppLoader.lifecycleComponents"),  # code
    ("Write to talent@octo.example if you like Django.", "talent@octo.example"),  # an e-mail address
    ("Ping @PlatformBot in the ops channel for access.", "@PlatformBot"),  # a handle
    ("The build tasks live in Gruntfile.js and app.js.", "Gruntfile.js"),  # a file
    ("The build tasks live in Gruntfile.js and app.js.", "app.js"),
    # numbers from a spec table
    ("Storage 24x 3.8TB Samsung PM883 SATA SSD 560/540 MB/s read/write 24x 6.4TB Intel P4610 NVMe SSD 3200/3200 MB/s "
     "read/write", "560"),
    ("Storage 24x 3.8TB Samsung PM883 SATA SSD 560/540 MB/s read/write 24x 6.4TB Intel P4610 NVMe SSD 3200/3200 MB/s "
     "read/write", "3200"),
])
def test_ordinary_words_and_identifiers_are_not_candidates(text, not_a_name):
    assert not_a_name not in names(text, markdown="`" in text)


def test_a_known_name_keeps_its_span_against_generic_words_after_it():
    found = names("Traffic reaches our HAProxy Load Balancers first.")
    assert "HAProxy" in found and "HAProxy Load Balancers" not in found


def test_a_link_on_an_inflected_english_word_names_a_concept_not_a_product():
    text = ("Kubernetes gives operators [deployments](https://example.org/d) and [scaling](https://example.org/s); "
            "we configure hosts with [chef](https://example.org/c) and [gitaly](https://example.org/g).\n")
    found = names(text, markdown=True)
    assert "deployments" not in found and "scaling" not in found
    assert "link" in found["chef"] and "link" in found["gitaly"]  # the inverses: a base form, a coined word


def test_dotted_product_names_stay_candidates():
    found = names("The chat service runs on Socket.io and Node.js behind StackExchange.Redis caches.")
    assert {"Socket.io", "Node.js", "StackExchange.Redis"} <= set(found)


def test_a_name_with_a_number_stays_a_candidate():
    # the inverse of the bare number: a model number after a maker's name is a product's name
    assert any(name.startswith("Cisco 3945") for name in names("Our edge runs on a Cisco 3945 router."))


def test_the_company_s_own_name_is_not_a_candidate():
    assert "Acme" not in names("Acme runs its billing on Quillstore.")
    assert "Quillstore" in names("Acme runs its billing on Quillstore.")


def test_the_company_s_short_names_before_a_name_are_not_part_of_it():
    company = "Northwind Council (NWC Digital)"
    found = names("Add members to the NWC Quillhub organisation. Northwind Council Ledgerline keeps the accounts. "
                  "NWC runs its billing on Tarnwell.", company)
    assert {"Quillhub", "Ledgerline", "Tarnwell"} <= set(found)
    assert not {"NWC", "NWC Digital", "NWC Quillhub", "Northwind Council", "Northwind Council Ledgerline"} & set(found)
    # the inverses: without the gloss, the acronym is part of the name; another acronym stays in its name
    assert "NWC Quillhub" in names("Add members to the NWC Quillhub organisation.", "Northwind Council")
    assert "ACME Quillhub" in names("Add members to the ACME Quillhub organisation.", company)


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
    ("2 Falcon 800C Firewalls (replaced Vortex 5525-X Routers)", "Vortex 5525-X"),
    ("2 Falcon 800C Firewalls (replaced Vortex 5525-X Routers)", "Falcon 800C"),
    ("Storage Runs On Titan 4410 Arrays", "Titan 4410"),
    ("Nexus 5596 Switches Everywhere", "Nexus 5596"),
    ("The rack holds two Nexus 5596 switches.", "Nexus 5596"),
])
def test_a_model_number_keeps_its_maker_where_capitals_say_nothing(text, name):
    found = names(text)
    assert name in found
    assert name.split()[1] not in found


@pytest.mark.parametrize("text, not_a_name", [
    ("Over 120 Teams Deploy Daily", "Over 120"),  # an ordinary word before a number is no maker
    ("About 3945 Requests Per Second", "About 3945"),
])
def test_an_ordinary_word_before_a_number_is_no_maker(text, not_a_name):
    assert not_a_name not in names(text)


@pytest.mark.parametrize("text, not_a_name", [
    ("Keep VMs updated\n\nWe patch the VMs every week.", "VMs"),  # a plural acronym, capitalised everywhere
    ("List The Databases\n\nIt runs three Databases in total.", "Databases"),
    ("Infrastructure (Servers, Databases, CDNs) is rebuilt nightly.", "Databases"),
    ("(Optional) Uninstall old versions", "Uninstall"),  # capitals after a leading aside still say nothing
    ("[Note] Remember to rotate the keys.", "Remember"),
])
def test_plurals_and_words_after_a_leading_aside_are_not_names(text, not_a_name):
    assert not_a_name not in names(text)


@pytest.mark.parametrize("text, name", [
    ("Keep Quillstore updated\n\nWe patch Quillstore every week.", "Quillstore"),  # the inverse: a name
    ("(Optional) Install Quillstore on the build host before the first run", "Quillstore"),
    ("Infrastructure (Servers, Quillstore, CDNs) is rebuilt nightly.", "Quillstore"),
    ("Since 2018, Glides has grown into a sprawling world.", "Glides"),  # ends in s, but no English plural
])
def test_names_in_the_same_places_are_still_found(text, name):
    assert name in names(text)


def test_a_vendor_s_short_name_is_its_product_only_where_the_vendor_is_named():
    document = Document("src", "Cache & Pub/Sub (Redis)\n\nWe use Redis for a few things.\n")
    assert all(m.technology.name != "Google Cloud Pub/Sub" for m in find_candidates(document, default_lexicon(), "Acme"))
    document = Document("src", "Cache & Pub/Sub (Redis)\n\nEverything else runs on GCP.\n")
    assert any(m.technology.name == "Google Cloud Pub/Sub" for m in find_candidates(document, default_lexicon(), "Acme"))


@pytest.mark.parametrize("link, name", [
    ("External secrets documentation", "External secrets"),  # a common word alone is no name: sentence case
    ("Cluster autoscaler add-on", "Cluster autoscaler"),
    ("Sentry error tracking", "Sentry"),  # the inverses: a name, then words about it
    ("Grafana dashboards", "Grafana"),
    ("Chef cookbooks for staging", "Chef"),
])
def test_a_link_s_name_is_read_in_sentence_case_only_after_a_common_word(link, name):
    found = names(f"See the [{link}](https://example.org) page for details.", markdown=True)
    assert name in found
    assert link not in found or link == name


@pytest.mark.parametrize("text, name, acronym", [
    ("Records live in [Domain Name System (DNS)](https://example.org) zones.", "Domain Name System", "DNS"),
    ("It runs on [Quill Object Store (QOS)](https://example.org) buckets.", "Quill Object Store", "QOS"),
])
def test_a_name_followed_by_its_acronym_takes_the_acronym_as_an_alias(text, name, acronym):
    document = Document("src", *markdown_to_prose(text))
    found = {m.technology.name: m.technology.aliases for m in find_candidates(document, default_lexicon(), "Acme")}
    assert acronym in found[name]


@pytest.mark.parametrize("text, surface", [
    ("Records live in [Quillstore (beta)](https://example.org) zones.", "Quillstore (beta)"),  # no acronym
    ("Records live in [Quill Store (XYZ)](https://example.org) zones.", "Quill Store (XYZ)"),  # not its initials
])
def test_a_parenthesis_that_is_not_the_acronym_stays_in_the_name(text, surface):
    document = Document("src", *markdown_to_prose(text))
    found = {m.surface: m.technology for m in find_candidates(document, default_lexicon(), "Acme")}
    assert found[surface].name == surface and found[surface].aliases == ()


@pytest.mark.parametrize("link, phrase, name", [
    ("ROWVERSION in Quillstore DB", "ROWVERSION in Quillstore DB", "Quillstore DB"),  # a phrase, not one name
    ("Sharding with Quillstore", "Sharding with Quillstore", "Quillstore"),
    ("Ruby on Rails", None, "Ruby on Rails"),  # the inverse: a known name with a preposition inside
    ("Quill Data Store", None, "Quill Data Store"),
    ("Elastic Cloud", None, "Elastic Cloud"),
])
def test_a_link_with_a_preposition_inside_is_a_phrase_unless_the_lexicon_knows_it(link, phrase, name):
    found = names(f"We rely on [{link}](https://example.org) for reporting.", markdown=True)
    assert name in found
    if phrase:
        assert phrase not in found


def test_a_distinctive_short_name_is_the_vendor_s_product_wherever_it_stands():
    document = Document("src", "Nightly backups are copied to S3 by a cron job.\n")
    assert any(m.technology.name == "Amazon S3" for m in find_candidates(document, default_lexicon(), "Acme"))


def test_a_project_s_short_name_is_its_product_without_the_foundation_named():
    # only a cloud vendor's ordinary-word short names need the vendor; "Cassandra" is Apache Cassandra anywhere
    document = Document("src", "Orders live in our Cassandra clusters in every region.\n")
    assert any(m.technology.name == "Apache Cassandra" for m in find_candidates(document, default_lexicon(), "Acme"))


@pytest.mark.parametrize("text, not_a_name", [
    # a link on a common noun after its article
    ("The proxy seems to have [a bug](https://example.org/b) that drops connections.", "bug"),
    ("We found [an issue](https://example.org/i) in the scheduler.", "issue"),
    # a code span that is a state's or a kind's value, or a command-line option
    ("The API server moves the pod to the `Terminating` state.", "Terminating"),
    ("Check the `Running` pods first.", "Running"),
    ("Start it with the `--rewrite` option.", "--rewrite"),
    ("Start it with the `—-rewrite` option.", "—-rewrite"),
])
def test_common_nouns_values_and_options_are_not_candidates(text, not_a_name):
    assert not_a_name not in names(text, markdown=True)


@pytest.mark.parametrize("text, name", [
    # the inverses: a coined lowercase link after an article, a product's code name, a link with no article
    ("We provision every host with a [quokkactl](https://example.org/q) agent.", "quokkactl"),
    ("Jobs are queued in `Tidewater` before they run.", "Tidewater"),
    ("We configure hosts with [chef](https://example.org/c).", "chef"),
])
def test_names_beside_those_stay_candidates(text, name):
    assert name in names(text, markdown=True)


def test_an_ordinary_word_name_in_a_title_cased_heading_is_no_mention():
    assert "Flow" not in names("# Adding Kafka to our Data Flow\n\nWe stream events with Kafka.\n", markdown=True)
    # the inverses: the same name in prose, and in a heading that is not title-cased
    assert "Flow" in names("# Data flow\n\nOur Android app uses Flow for state updates.\n", markdown=True)
    assert "Elasticsearch" in names("# Moving Our Search To Elasticsearch\n\nSome text.\n", markdown=True)


def technologies(text: str) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Each mention's surface → (technology, aliases)."""
    document = Document("src", text + "\n")
    return {m.surface: (m.technology.name, m.technology.aliases)
            for m in find_candidates(document, default_lexicon(), "Acme")}


@pytest.mark.parametrize("text, expected", [
    ("The package server runs on a NodeJS/MongoDB stack.", {"NodeJS": "Node.js", "MongoDB": "MongoDB"}),
    ("Our services are written in Python/Django with a React/Redux front end.",
     {"Python": "Python", "Django": "Django", "React": "React", "Redux": "Redux"}),
    ("The agents are built in C/C++ for speed.", {"C": "C", "C++": "C++"}),
    ("We deploy to AWS/GCP depending on the region.", {"AWS": "Amazon Web Services", "GCP": "Google Cloud Platform"}),
    ("Queries go through a Redis/Postgres pair.", {"Redis": "Redis", "Postgres": "PostgreSQL"}),
    # a name that stands for one product wherever it stands, beside a name the lexicon lacks; a full stop ends it
    ("Traffic reaches our Kubernetes/Ingress stack.", {"Kubernetes": "Kubernetes"}),
    ("Values are cached in L2/Redis.", {"Redis": "Redis"}),
    ("Earlier the hosts were checked with Icinga/Nagios and a custom frontend.", {"Nagios": "Nagios"}),
    ("Our backend is primarily in Python/Django.", {"Python": "Python", "Django": "Django"}),
])
def test_known_names_joined_by_a_slash_are_each_named(text, expected):
    found = technologies(text)
    assert {surface: found[surface][0] for surface in expected if surface in found} == expected


@pytest.mark.parametrize("text, absent", [
    # a pair that is one name, or a part the lexicon does not know, is not split
    ("Our CI/CD runs on every merge request.", "CI"),
    ("The router speaks TCP/IP only.", "TCP"),
    ("We keep Redis/foo bindings for legacy code.", "Redis"),
    ("The role's settings live in deploy/puppet/files/redis on every host.", "Redis"),  # a path
    ("Reports are stored procedures in PL/SQL.", "SQL"),  # a short part may be half of one name
])
def test_a_slash_pair_that_is_one_name_or_has_an_unknown_part_is_not_split(text, absent):
    assert absent not in technologies(text)


@pytest.mark.parametrize("text, absent", [
    # a name joined by a hyphen to a word is another name
    ("The R-universe build system publishes every package.", "R"),
    ("Routing lives in our Vue-router setup.", "Vue.js"),
    ("We forked Kafka-connector-lite last year.", "Apache Kafka"),
    ("The Go-kit services answer in milliseconds.", "Go"),
    ("Our Rust-analyzer plugin is pinned.", "Rust"),
])
def test_a_name_joined_by_a_hyphen_to_a_word_is_another_name(text, absent):
    assert absent not in {name for name, _ in technologies(text).values()}


@pytest.mark.parametrize("text, surface, name", [
    # the inverse: a hyphen that makes the name a modifier keeps it
    ("We run a Kafka-based order pipeline.", "Kafka", "Apache Kafka"),
    ("Boulder uses MySQL-style schemas and queries.", "MySQL", "MySQL"),
    ("Our Python-heavy data team ships daily.", "Python", "Python"),
    ("The Redis-backed queue drains every minute.", "Redis", "Redis"),
    ("It is a Kubernetes-native operator.", "Kubernetes", "Kubernetes"),
    # a dash between words is no hyphen
    ("The primary languages—Java and Scala—were chosen a decade ago.", "Scala", "Scala"),
])
def test_a_name_that_a_hyphen_makes_a_modifier_is_still_named(text, surface, name):
    assert technologies(text)[surface][0] == name


@pytest.mark.parametrize("text, kept, dropped", [
    # words before a known name no English word could be are a kind or a modifier, not a longer name
    ("New data is saved in a NoSQL DynamoDB table.", "DynamoDB", "NoSQL DynamoDB"),
    ("The catalogue moved to NoSQL MongoDB in 2012.", "MongoDB", "NoSQL MongoDB"),
    ("Infrastructure is code in Hashicorp Terraform.", "Terraform", "Hashicorp Terraform"),
    # the inverse: before an English word they may be a name of their own
    ("Millions of people searched the term “Taylor Swift” at once.", "Taylor Swift", "Swift"),
])
def test_words_before_a_distinctive_known_name_are_not_part_of_it(text, kept, dropped):
    found = names(text)
    assert kept in found and dropped not in found


def test_an_acronym_after_a_known_name_is_its_alias_through_the_document():
    found = technologies("We take advantage of GitHub Actions (GHA) a lot. The GHA platform scales up when needed. "
                         "Alerts come from Amazon CloudWatch (CW) alarms.")
    assert found["GitHub Actions"] == ("GitHub Actions", ("GHA",))
    assert found["GHA"] == ("GitHub Actions", ("GHA",))
    assert "CW" in found["Amazon CloudWatch"][1]
    # the inverse: brackets that are not the name's initials give no alias
    assert technologies("We use GitHub Actions (CI) for builds.")["GitHub Actions"] == ("GitHub Actions", ())



@pytest.mark.parametrize("text, name, technology", [
    ("Spark runs through [Amazon's EMR](https://example.org/emr) solution.", "EMR", "Amazon EMR"),
    ("Reports come from [Initech's Quarrel](https://example.org/q) service.", "Quarrel", "Quarrel"),
])
def test_an_owner_s_possessive_in_a_link_is_not_part_of_the_product_s_name(text, name, technology):
    document = Document("src", *markdown_to_prose(text))
    found = {m.surface: m.technology.name for m in find_candidates(document, default_lexicon(), "Acme")}
    assert found.get(name) == technology, found
    assert not [surface for surface in found if "'s" in surface], found


def test_a_link_of_one_possessive_word_is_not_cut_to_nothing():
    assert names("Read [Quarrel's](https://example.org/q) notes first.", markdown=True) == {"Quarrel's": {"link"}}


@pytest.mark.parametrize("text, name", [
    ("We modified django-allauth for some of our custom needs.", "django-allauth"),
    ("Comments are threaded by django-threadedcomments.", "django-threadedcomments"),
    ("Routes are declared with react-quillrouter in each app.", "react-quillrouter"),
    ("Types come from graphql-zentrix at build time.", "graphql-zentrix"),
    ("A Crunch-based extract API reads either table.", "Crunch"),
    ("Search is a Zentrix-powered service behind the gateway.", "Zentrix"),
    ("Node, npm, webpack, babel, gulp etc build the frontend.", "gulp"),
    ("We run Kafka, Spark and zorbfoo for streaming.", "zorbfoo"),
])
def test_names_built_on_or_listed_with_known_ones_are_candidates(text, name):
    assert name in names(text), names(text)


@pytest.mark.parametrize("text, not_a_name", [
    ("The team wrote kafka-based consumers for every topic.", "kafka-based"),  # a compound, not a package
    ("We pinned elasticsearch-1.7.0 on every node.", "elasticsearch-1.7.0"),  # a version
    ("Deploys use django-style settings files.", "django-style"),
    ("Cloud-based tools are everywhere; our Cloud-based runners too.", "Cloud"),  # a common word capitalised
    ("Our SQL-based reports run nightly.", "SQL-based"),
    ("Zentrix-based services start fast.", "Zentrix"),  # the first word of a sentence says nothing
    ("We run Kafka, Spark and more for streaming.", "more"),  # a word in a list of names
    ("The page loads avatars, images, JS and CSS together.", "avatars"),
    ("Kafka, Spark and XML files fill the lake.", "XML"),
    ("We use Kafka and zorbfoo for streaming.", "zorbfoo"),  # two items with one known name are no list of kin
])
def test_words_compounds_and_versions_near_known_names_are_not_candidates(text, not_a_name):
    assert not_a_name not in names(text), names(text)


@pytest.mark.parametrize("text, name, found", [
    # after a cloud vendor's name, capitalised common words name one of its products
    ("Every page is audited with Google Lighthouse before a release.", "Google Lighthouse", True),
    ("Alerts come from Azure Monitoring and page the on-call engineer.", "Azure Monitoring", True),
    ("The nightly jobs run on AWS Batch in two regions.", "AWS Batch", True),
    ("Bounces are handled by Amazon Simple Workflow steps.", "Amazon Simple Workflow", True),
    # the inverses: capitalised common words after no vendor, or after a word that only opens many names
    ("The Release Radar playlist is built every Monday.", "Release Radar", False),
    ("We watch the Core Web Vitals of every page.", "Core Web Vitals", False),
    ("Assets are served by Content Delivery Networks near the readers.", "Content Delivery Networks", False),
    ("The build fails when the Google API is inaccessible.", "Google API", False),
])
def test_a_cloud_vendor_s_name_before_common_words_names_its_product(text, name, found):
    assert (name in names(text)) is found, names(text)


@pytest.mark.parametrize("text, name, found", [
    # after a cloud vendor's name, a capitalised plural ends a product's name of three words or more
    ("Errors are traced in Azure Application Insights and paged to the on-call engineer.", "Azure Application Insights",
     True),
    ("Each import is one of our AWS Step Functions workflows.", "AWS Step Functions", True),
    ("Uploads trigger Google Cloud Functions in two regions.", "Google Cloud Functions", True),
    ("The preview apps run on Azure Container Apps.", "Azure Container Apps", True),
    # the inverses: a lowercase plural, two words, or no vendor: the plural says what kind of thing it is
    ("Errors are traced by Azure Application insights.", "Azure Application insights", False),
    ("The app runs on Azure Servers in two regions.", "Azure Servers", False),
    ("Our Tidewell Web Servers sit behind the balancer.", "Tidewell Web Servers", False),
])
def test_a_vendor_s_product_keeps_its_last_capitalised_plural(text, name, found):
    assert (name in names(text)) is found, names(text)


@pytest.mark.parametrize("text, name, found", [
    # capitalised common words ending in a kind of software name one
    ("The Guardian frontend is a set of Play Framework 2 Scala applications.", "Play Framework", True),
    ("Editors arrange the page in the Fronts Tool before it goes live.", "Fronts Tool", True),
    ("Questions are tagged by our Tag Engine within milliseconds.", "Tag Engine", True),
    ("Every query goes through the Rubin Science Platform first.", "Rubin Science Platform", True),
    ("Charts are drawn by the Vega Chart Library in the browser.", "Vega Chart Library", True),
    # the inverses: a plural, another noun, or the start of a sentence, where capitals say nothing
    ("Assets are served by Content Delivery Networks near the readers.", "Content Delivery Networks", False),
    ("The Release Radar playlist is built every Monday.", "Release Radar", False),
    ("Our Build Tools run on every commit.", "Build Tools", False),
    ("Play Framework apps start fast.", "Play Framework", False),
    ("Models are shipped by the Deploy Pipeline each night.", "Deploy Pipeline", False),  # a process as often
])
def test_capitalised_common_words_ending_in_a_kind_of_software_are_a_candidate(text, name, found):
    assert (name in names(text)) is found, names(text)
