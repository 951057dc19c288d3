"""Descriptions are read off the words attached to a technology's mention, without a model: the
best over all the claim's quotes, or None (the claim then waits for a reviewer)."""

from __future__ import annotations

import pytest

from postgen.describe import describe_all
from postgen.grounding import cite_sentences, names_technology
from postgen.lexicon import default_lexicon
from postgen.markup import markdown_to_prose
from postgen.models import Claim, ClaimStatus
from postgen.text import Document

LEXICON = default_lexicon()


def described(document: Document, name: str, company: str = "Acme") -> Claim:
    """The claim for a lexicon technology, citing every sentence of `document` that names it, after describe."""
    technology = LEXICON.lookup(name)
    cited = [sentence_id for sentence_id, sentence in document.sentences.items()
             if names_technology(sentence.text, technology.names)]
    assert cited, f"{name} is not in the text"
    claim = Claim(technology=technology.name, aliases=list(technology.aliases), tag=technology.tag, status="current",
                  citations=[cite_sentences(document, [sentence_id]) for sentence_id in cited])
    describe_all([claim], {document.source_id: document}, LEXICON, company)
    return claim


def describe_text(text: str, name: str, company: str = "Acme") -> str | None:
    return described(Document("blog", text + "\n"), name, company).description


def describe_unknown(text: str, name: str) -> str | None:
    """The description of a technology the lexicon does not know, citing every sentence that names it; a text
    opening with "- " is a markdown list."""
    document = Document("blog", *markdown_to_prose(text + "\n")) if text.startswith("- ") else Document("blog", text + "\n")
    claim = Claim(technology=name, tag="Backend", status="current",
                  citations=[cite_sentences(document, [sentence_id]) for sentence_id, sentence
                             in document.sentences.items() if name in sentence.text])
    describe_all([claim], {"blog": document}, LEXICON, "Acme")
    return claim.description


@pytest.mark.parametrize("text, name, company, expected", [
    # subject: the verb after the name
    ("Redis caches frequently accessed data for the web tier.", "Redis", "Acme",
     "Caches frequently accessed data for the web tier"),
    # aside in brackets
    ("The team built Backstage (an internal developer portal for every squad) in 2016.", "Backstage", "Spotify",
     "Internal developer portal for every squad"),
    # purpose, without the next item of the list sentence
    ("The platform uses Apache Kafka for real-time data streaming, Redis for caching.", "Apache Kafka", "Acme",
     "Real-time data streaming"),
    # role
    ("The platform implements Envoy proxy as a service mesh for internal traffic.", "Envoy", "Acme",
     "Service mesh for internal traffic"),
    # role with a possessive: it stays, as the company's
    ("We're using PostgreSQL as our single source of truth.", "PostgreSQL", "Acme", "Acme's single source of truth"),
    ("The team runs Redis as their session store for every region.", "Redis", "Acme",
     "Acme's session store for every region"),
    # identity: a possessive becomes the company's name
    ("Go is their language for every payment service.", "Go", "Acme", "Acme's language for every payment service"),
    # agent: what the technology is built into
    ("Spotify's web platform is built on React.js.", "React", "Spotify", "Powers Spotify's web platform"),
    ("We run Kafka-based event pipelines across regions.", "Apache Kafka", "Acme", "Powers event pipelines across regions"),
    # agent in the active voice: what runs on it; a gerund that modifies a noun is no verb
    ("Nearly all gameplay and rendering logic runs through Lua.", "Lua", "Acme", "Runs gameplay and rendering logic"),
    ("The scheduling service is written in Rust.", "Rust", "Acme", "Builds the scheduling service"),
    # a short gloss inside the phrase does not end it
    ("Kubernetes maps each Identity and Access Management (IAM) role to a cluster role.", "Kubernetes", "Acme",
     "Maps each Identity and Access Management role to a cluster role"),
    # a use with a purpose is still described
    ("Our platform uses Amazon EKS clusters to manage the lifecycle of volumes.", "Amazon EKS", "Acme",
     "Manages the lifecycle of volumes"),
    # an appositive followed by its verb
    ("Postgres, the main store for orders, holds every invoice.", "PostgreSQL", "Acme", "Main store for orders"),
    # the inverse of a noun phrase pointing back: "old" and "other" that do not follow "the" describe, not point
    ("Elasticsearch indexes old support tickets for full-text search.", "Elasticsearch", "Acme",
     "Indexes old support tickets for full-text search"),
    ("Redis caches sessions for other regions' web servers.", "Redis", "Acme", "Caches sessions for other regions' web servers"),
    ("Redis caches the sessions of existing customers for the checkout.", "Redis", "Acme",
     "Caches the sessions of existing customers for the checkout"),
    # the inverse of a shortfall: a verb of doing
    ("Kubernetes schedules the nightly payment reports across three regions.", "Kubernetes", "Acme",
     "Schedules the nightly payment reports across three regions"),
])
def test_a_description_is_the_words_attached_to_the_mention(text, name, company, expected):
    assert describe_text(text, name, company) == expected


@pytest.mark.parametrize("text, name", [
    ("Data flows in real time — Apache Kafka makes that possible.", "Apache Kafka"),  # points elsewhere
    # a noun phrase that points back to earlier text: the row would not stand on its own
    ("Every night we swap the old indexes out atomically using Elasticsearch.", "Elasticsearch"),
    ("Redis stores the same session data for a shorter time.", "Redis"),
    ("Nginx serves the remaining endpoints of the legacy app.", "Nginx"),
    ("Postgres keeps the rest of the catalogue in three tables.", "PostgreSQL"),
    ("Kafka carries the former batch exports to the warehouse.", "Apache Kafka"),
    ("The existing process is driven by an Amazon SNS notification from each upload.", "Amazon SNS"),
    ("Redis caches the existing session tokens of every user.", "Redis"),
    ("Our newest payment router is in Rust.", "Rust"),  # nothing attached says what it does
    ("Acme uses PostgreSQL.", "PostgreSQL"),
    # a second verb phrase of the same subject: "the tag engine" is not what is based on Kafka
    ('The big one is "Stack Server", which runs the tag engine and is based on Apache Kafka.', "Apache Kafka"),
    # the noun phrase before the verb is the object of a preposition, not the subject
    ("After the outage requests from mobile clients are routed through Kong.", "Kong"),
    ("The site is an application written in CoffeeScript and served from a Ruby on Rails back-end.", "Ruby on Rails"),
    # words for the reader, a link, or the technology's own name again
    ("If using Redis for sessions you would also need to bring up the workers.", "Redis"),
    ("NGINX Amplify - https://amplify.nginx.com, our current basic monitoring dashboard.", "Nginx"),
    ("Specific to its setup, the Acme Kubernetes platform cluster handles builds.", "Kubernetes"),
    # "the Y" here is the next item of a list of topics, not an appositive of the name
    ("We talked about the Node.js, the future of React and Vue.js, VM neutrality and more.", "Node.js"),
    # what another thing lets the technology do is that thing's role
    ("The storage driver allows Amazon EKS clusters to manage the lifecycle of volumes.", "Amazon EKS"),
    ("A plugin lets Redis instances replicate keys across regions.", "Redis"),
    # what the technology falls short of is no use of it
    ("Kubernetes lacks a comprehensive system for routing traffic inside the cluster.", "Kubernetes"),
    ("Jenkins fails the nightly builds of the payment service twice a week.", "Jenkins"),
    ("The old Solr cluster struggles with the nightly reindex of the catalogue.", "Apache Solr"),
    # a role that turns into a clause names nothing
    ("You know, Node.js as a platform has been having an amazing growth lately.", "Node.js"),
])
def test_no_acceptable_description_is_none(text, name):
    assert describe_text(text, name) is None


def test_list_items_read_name_then_what_it_does():
    text, structure = markdown_to_prose(
        "# Our stack\n\nAcme's data team keeps a short list of what it runs.\n\n"
        "- BigQuery – interactive analytics over every event\n"
        "- Redis: session caching for the login service\n")
    document = Document("handbook", text, structure)
    assert described(document, "BigQuery").description == "Interactive analytics over every event"
    assert described(document, "Redis").description == "Session caching for the login service"


def test_the_best_quote_gives_the_description_and_becomes_the_strongest():
    claim = described(Document("blog", "Acme moved to Redis in 2019. Redis caches session tokens for the login service.\n"),
                      "Redis")
    assert claim.description == "Caches session tokens for the login service"
    assert claim.best_citation == 1
    assert "caches session tokens" in claim.citations[claim.best_citation].quote


def test_a_longer_name_in_the_same_sentence_keeps_its_own_words():
    # "its search engine is built on C++" describes C++, not the C of "C++"
    document = Document("blog", "Acme writes its drivers in C, and its search engine is built on C++.\n")
    assert described(document, "C++").description == "Powers Acme's search engine"
    assert described(document, "C").description is None


def test_a_list_item_is_not_cut_inside_a_word_or_a_list_of_names():
    document = Document("handbook", *markdown_to_prose(
        "Our libraries:\n\n- Redis - High-performance JSON (de)serializer for the API\n"
        "- Sentry - Error logger for SQL, JSON, MySQL, etc.\n"))
    assert described(document, "Redis").description == "High-performance JSON (de)serializer for the API"
    assert described(document, "Sentry").description is None  # an open list ("etc.") says neither what nor where


def test_a_former_technology_is_described_in_the_past():
    document = Document("blog", "The first text search was powered by Apache Solr, which we later replaced.\n")
    claim = described(document, "Apache Solr")
    assert claim.description is None  # read as current, the sentence that says it was replaced describes nothing
    former = Claim(technology="Apache Solr", tag="Search", status="former", citations=claim.citations)
    describe_all([former], {"blog": document}, LEXICON, "Acme")
    assert former.description == "Powered the first text search"


@pytest.mark.parametrize("text, name, expected", [
    # a participle after the role says what the technology does in it
    ("Acme runs Envoy proxy as a service mesh, handling traffic between services with retries.", "Envoy",
     "Handles traffic between services with retries"),
    ("We use Redis as a cache, storing user sessions for a day.", "Redis", "Stores user sessions for a day"),
    ("Acme adopted Kafka as the event bus, carrying every order event between teams.", "Apache Kafka",
     "Carries every order event between teams"),
    # the inverse: what the role makes possible is not what it does
    ("Acme runs Envoy proxy as a service mesh, enabling teams to ship faster.", "Envoy", None),
    # a passive use with its purpose
    ("Kubernetes is employed by Acme to orchestrate containerized applications.", "Kubernetes",
     "Orchestrates containerized applications"),
    ("Terraform is used by the platform team to provision every cloud account.", "Terraform",
     "Provisions every cloud account"),
    # a gloss after a dash
    ("One such tool is Backstage- An open-source platform for managing services.", "Backstage",
     "Open-source platform for managing services"),
    # a participle after an adverb, and the second of two names
    ("Acme relies on a service layer written mostly in Java and Scala.", "Scala", "Builds a service layer"),
    ("Acme relies on a service layer written mostly in Java and Scala.", "Java", "Builds a service layer"),
    # what a name stands for is not what the technology does
    ("Redis stands for Remote Dictionary Server.", "Redis", None),
    ("Redis stands for Remote Dictionary Server. Redis caches every session for the web tier.", "Redis",
     "Caches every session for the web tier"),
    # "serves as" names what it is; a sentence with a use besides gives the use
    ("Apache Kafka serves as the nervous system of the platform. Order pipelines run on top of Apache Kafka.",
     "Apache Kafka", "Runs order pipelines"),
])
def test_what_a_technology_does_wins_over_what_it_is(text, name, expected):
    assert describe_text(text, name) == expected


@pytest.mark.parametrize("text, name", [
    ("The team built Backstage (a developer portal) in 2016.", "Backstage"),
    ("The platform implements Envoy proxy as a service mesh.", "Envoy"),
    ("Our data store is MongoDB.", "MongoDB"),
    ("Java is their primary language.", "Java"),
    ("Logstash, the aggregation layer, sits before the index.", "Logstash"),
])
def test_a_two_word_category_says_what_it_is_not_what_it_does_there(text, name):
    assert describe_text(text, name) is None


@pytest.mark.parametrize("text, name, expected", [
    # a noun phrase, then "is" and the technology after an article (or as a running copy of it): what it is there
    ("The core of the search system is an Elasticsearch cluster, provided by a cloud vendor.", "Elasticsearch",
     "Core of the search system"),
    ("The backbone of the order pipeline is a Kafka cluster.", "Apache Kafka", "Backbone of the order pipeline"),
    ("Our store of record for every payment is a PostgreSQL instance.", "PostgreSQL",
     "Acme's store of record for every payment"),
    ("The heart of the ingestion service is the Redis queue.", "Redis", None),  # a queue is no running copy's name
    # the inverse: a bare kind, the technology as the subject, or more after the name
    ("The main database is a PostgreSQL cluster.", "PostgreSQL", None),
    ("The core of the search system is an Elasticsearch cluster that we are retiring next year.", "Elasticsearch",
     None),
    ("The search system is an Elasticsearch client written in Python.", "Elasticsearch", None),
])
def test_a_noun_phrase_that_is_a_running_copy_of_the_technology(text, name, expected):
    assert describe_text(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # what a part of the technology does for the company's own things is a use of it
    ("Java's mature ecosystem provides battle-tested clients for our distributed services.", "Java",
     "Provides battle-tested clients for Acme's distributed services"),
    ("While Java runs the services, Scala's functional paradigms help our engineers write concurrent code.",
     "Scala", "Helps Acme's engineers write concurrent code"),
    ("Terraform's module registry gives our teams reviewed building blocks for new accounts.", "Terraform",
     "Gives Acme's teams reviewed building blocks for new accounts"),
    # the inverse: what a part of it does anywhere is a trait of the technology, not its use there
    ("Java's mature ecosystem provides battle-tested libraries for distributed computing.", "Java", None),
    ("Scala's functional programming paradigms help engineers write concurrent code.", "Scala", None),
    # the inverse: a fault of a part, people behind it, or a part that only changes
    ("Postgres's query planner picks the wrong index for large tables.", "PostgreSQL", None),
    ("Redis's memory limits forced a redesign of the session store.", "Redis", None),
    ("Kafka's creators provide commercial support for the platform.", "Apache Kafka", None),
    ("Kafka's popularity is growing among the platform teams.", "Apache Kafka", None),
])
def test_what_the_technologys_own_part_does(text, name, expected):
    assert describe_text(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # a list item that opens with the name and a verb is a sentence about the name
    ("Codecs:\n\n- Ogg Vorbis provides solid compression for standard-quality streams", "Ogg Vorbis",
     "Provides solid compression for standard-quality streams"),
    ("Stores:\n\n* Redis caches every session for the web tier", "Redis", "Caches every session for the web tier"),
    # the inverse: a list item that only names it, with no verb, says nothing of use; a plural noun that could be
    # a verb, then a participle, is a noun phrase
    ("Stores:\n\n- Apache Hadoop clusters distributed across data centers", "Apache Hadoop", None),
    ("Models:\n\n- TensorFlow models running on GPU clusters, scoring every track", "TensorFlow", None),
    ("Stores:\n\n- Redis and more", "Redis", None),
])
def test_a_list_item_that_is_a_sentence(text, name, expected):
    assert describe_text(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # the article stays after the role verb
    ("The iOS application is written in Swift.", "Swift", "Builds the iOS application"),
    ("Acme relies on a service layer written in Go.", "Go", "Builds a service layer"),
    # no article in the source, none in the description
    ("Complex data pipelines run on top of Apache Kafka.", "Apache Kafka", "Runs complex data pipelines"),
])
def test_the_rewritten_phrase_keeps_its_article(text, name, expected):
    assert describe_text(text, name) == expected


def test_two_claims_from_one_sentence_get_different_descriptions_when_one_has_another():
    text = ("Acme relies on a service layer written mostly in Java and Scala. "
            "Java's mature ecosystem provides battle-tested clients for our distributed services.\n")
    document = Document("blog", text)
    java, scala = described(document, "Java"), described(document, "Scala")
    describe_all([java, scala], {"blog": document}, LEXICON, "Acme")
    assert scala.description == "Builds a service layer"
    assert java.description == "Provides battle-tested clients for Acme's distributed services"


def test_two_claims_with_nothing_else_to_say_keep_the_shared_description():
    document = Document("blog", "Acme relies on a service layer written mostly in Java and Scala.\n")
    java, scala = described(document, "Java"), described(document, "Scala")
    describe_all([java, scala], {"blog": document}, LEXICON, "Acme")
    assert java.description == scala.description == "Builds a service layer"


@pytest.mark.parametrize("text, name, expected", [
    # a verb acting on something of the company's says enough in two words
    ("We ship events through Fluentd, storing our logs in Elasticsearch for a month.", "Elasticsearch",
     "Stores Acme's logs"),
    # the inverse: two general words do not
    ("We use New Relic to monitor systems.", "New Relic", None),
    ("Acme uses Apache Kafka to move events.", "Apache Kafka", None),
])
def test_two_words_are_enough_only_for_a_use_of_the_companys_own_thing(text, name, expected):
    assert describe_text(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # a purpose after an appositive is what the technology does there; a gerund purpose takes the verb form
    ("We rely on NGINX, a fast http server, for serving every page of the storefront.", "NGINX",
     "Serves every page of the storefront"),
    ("We run Redis, the session cache, for caching user sessions across regions.", "Redis",
     "Caches user sessions across regions"),
    ("Acme uses Apache Kafka for streaming events between services.", "Apache Kafka",
     "Streams events between services"),
    # the inverse: a purpose that is no gerund stays a noun phrase; an appositive alone is what it is
    ("Acme uses Apache Kafka for real-time data streaming.", "Apache Kafka", "Real-time data streaming"),
    ("We rely on NGINX, a fast http server for the web tier, in every region.", "NGINX",
     "Fast http server for the web tier"),
])
def test_a_purpose_after_an_appositive_and_a_gerund_purpose(text, name, expected):
    assert describe_text(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # a clause longer than the word limit is not cut into a fragment
    ("Kubernetes maps every user's cloud identity role to the equivalent role in the cluster's own access model.",
     "Kubernetes", None),
    # praise is no description
    ("Node.js is a really fast-growing application framework.", "Node.js", None),
    ("Redis is an extremely fast in-memory data store.", "Redis", None),
    # the inverse: within the limit, and plain words
    ("Kubernetes maps each user's cloud role to an equivalent cluster role.", "Kubernetes",
     "Maps each user's cloud role to an equivalent cluster role"),
    ("Node.js is a fast-growing application framework for our APIs.", "Node.js",
     "Fast-growing application framework for Acme's APIs"),
])
def test_fragments_and_praise_are_no_description(text, name, expected):
    assert describe_text(text, name) == expected


def test_a_quote_whose_source_says_another_status_does_not_describe_the_claim():
    document = Document("blog", "Redis caches every session for the web tier.\n")
    claim = described(document, "Redis")
    assert claim.description == "Caches every session for the web tier"
    claim.citations[0].says = ClaimStatus.former
    describe_all([claim], {"blog": document}, LEXICON, "Acme")
    assert claim.description is None
    former = claim.model_copy(update={"status": ClaimStatus.former})
    describe_all([former], {"blog": document}, LEXICON, "Acme")
    assert former.description == "Cached every session for the web tier"


@pytest.mark.parametrize("text, name, expected", [
    # a sentence telling the reader what to do is not the company's use
    ("While that is in the works, you can use Azure to create new virtual machines for every team.",
     "Microsoft Azure", None),
    ("If you'll need a cache, you could use Redis to hold every session.", "Redis", None),
    # the inverse: the reader addressed in another clause; the company as subject
    ("As you may know, we use Redis to cache every session for the web tier.", "Redis",
     "Caches every session for the web tier"),
    ("We use Azure to create new virtual machines for every team.", "Microsoft Azure",
     "Creates new virtual machines for every team"),
])
def test_a_sentence_addressed_to_the_reader_describes_no_use(text, name, expected):
    assert describe_text(text, name) == expected


def test_a_gerund_purpose_after_an_adverb_takes_the_verb_form():
    assert describe_text("Acme relies on Redis for efficiently caching user sessions.", "Redis") == \
        "Efficiently caches user sessions"


@pytest.mark.parametrize("text, name, expected", [
    # what a technology named for what it is does, after "that" or "which", as a participle
    ("We talked about Node.js, the JavaScript runtime that powers the web tier.", "Node.js",
     "JavaScript runtime powering the web tier"),
    ("We rely on Redis, a cache that stores every session.", "Redis", "Cache storing every session"),
    ("Acme picked Apache Kafka as the backbone that streams events between services.", "Apache Kafka",
     "Backbone streaming events between services"),
    ("We run NGINX, the proxy which routes requests to the web tier.", "NGINX", "Proxy routing requests to the web tier"),
    # the inverses: a relative clause without a verb of its own, or a passive, is not kept
    ("We rely on Redis, a cache that is fast.", "Redis", None),
    ("We run NGINX, a fast http server for the web tier that everyone knows.", "NGINX",
     "Fast http server for the web tier"),
])
def test_what_a_technology_named_for_what_it_is_does(text, name, expected):
    assert describe_text(text, name) == expected


@pytest.mark.parametrize("text, name, own, expected", [
    # the company's own tool, named for what it is, reads as the company's (seed 000: "Spotify's open platform …")
    ("- Backstage - Open-source platform for building developer portals", "Backstage", True,
     "Acme's open-source platform for building developer portals"),
    ("We built Backstage (an internal developer portal) in 2016.", "Backstage", True, "Acme's internal developer portal"),
    ("- Backstage - High-performance developer portal", "Backstage", True, "Acme's high-performance developer portal"),
    ("- Backstage - High-performance GraphQL portal", "Backstage", True, "Acme's high-performance GraphQL portal"),
    ("- Backstage - Backend catalogue of every service", "Backstage", True, "Acme's backend catalogue of every service"),
    ("- Backstage - Kafka catalogue of every topic", "Backstage", True, "Acme's Kafka catalogue of every topic"),
    # the inverses: a third party's tool; an own tool described by what it does; an owner already named
    ("- Backstage - Open-source platform for building developer portals", "Backstage", False,
     "Open-source platform for building developer portals"),
    ("Backstage catalogues every service the teams run.", "Backstage", True, "Catalogues every service the teams run"),
    ("Backstage is our platform for building developer portals.", "Backstage", True,
     "Acme's platform for building developer portals"),
])
def test_an_own_tool_named_for_what_it_is_reads_as_the_company_s(text, name, own, expected):
    document = Document("blog", text + "\n")
    claim = described(document, name)
    claim.own = own
    describe_all([claim], {"blog": document}, LEXICON, "Acme")
    assert claim.description == expected



@pytest.mark.parametrize("text, name, expected", [
    # a sentence about a plan, a trial or a possibility describes nothing the company does with it now
    ("Next year Redis will cache every session for the web tier.", "Redis", None),
    ("We are experimenting with Apache Kafka for streaming click events.", "Apache Kafka", None),
    ("Kubernetes could make our deployments uniform across regions.", "Kubernetes", None),
    ("Our roadmap has PostgreSQL storing all billing records.", "PostgreSQL", None),
    ("Grafana is planned to replace the old dashboards for on-call engineers.", "Grafana", None),
    # the inverses: the same uses stated as facts
    ("Redis caches every session for the web tier.", "Redis", "Caches every session for the web tier"),
    ("Apache Kafka streams click events between services.", "Apache Kafka", "Streams click events between services"),
])
def test_a_plan_or_a_trial_gives_no_description(text, name, expected):
    assert describe_text(text, name) == expected



@pytest.mark.parametrize("text, name, expected", [
    # a clause about a move or a replacement says nothing sure of a current technology's use
    ("We are migrating the billing ledger from Redis to a new store.", "Redis", None),
    ("Apache Kafka replaced the old queue for every order event.", "Apache Kafka", None),
    ("PostgreSQL is being phased out of the reporting pipeline.", "PostgreSQL", None),
    ("Instead of Grafana, the on-call team reads plain dashboards.", "Grafana", None),
    ("Kubernetes no longer schedules the batch jobs of the data team.", "Kubernetes", None),
    # a move elsewhere in the sentence: the sentence is about the change, not a settled use
    ("Since we migrated off MySQL last spring, PostgreSQL stores every billing record.", "PostgreSQL", None),
    # the inverses: the same technologies in a clause that states a use
    ("Redis stores the billing ledger for every region.", "Redis", "Stores the billing ledger for every region"),
    ("Apache Kafka carries every order event between services.", "Apache Kafka", "Carries every order event between services"),
    ("Since last spring, PostgreSQL stores every billing record.", "PostgreSQL", "Stores every billing record"),
])
def test_a_move_or_replacement_gives_a_current_technology_no_description(text, name, expected):
    assert describe_text(text, name) == expected



@pytest.mark.parametrize("text, name, expected", [
    # what runs on a platform, not the program in between: the platform runs the subject
    ("The load balancers are running HAProxy 1.5.15 on Ubuntu, our preferred Linux.", "Ubuntu", "Runs the load balancers"),
    ("Our web servers are running NGINX on Ubuntu.", "Ubuntu", "Runs Acme's web servers"),
    ("All our build agents are still running Jenkins jobs on Ubuntu.", "Ubuntu", "Runs all Acme's build agents"),
    # the inverses: people running something on it, no subject of its own, a program running elsewhere
    ("The team is running nightly experiments on Kubernetes.", "Kubernetes", None),
    ("It's also running the IIS web tier on Ubuntu.", "Ubuntu", "Runs the IIS web tier"),
    ("Our web servers are running NGINX on every host.", "NGINX", None),
])
def test_a_platform_runs_what_runs_on_it(text, name, expected):
    assert describe_text(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # what is done with a technology: a present-tense verb with its object before "with", "using", "via", "through"
    ("We manage external dependencies with CocoaPods.", "CocoaPods", "Manages external dependencies"),
    ("- authenticates platform cluster users using an Okta tenant", "Okta", "Authenticates platform cluster users"),
    ("The edge tier is a thin proxy that routes requests to the API via Envoy.", "Envoy", "Routes requests to the API"),
    ("They also deploy every backend service through Argo CD.", "Argo CD", "Deploys every backend service"),
    # how often or how much ("often", "usually", "mostly") is no part of the verb
    ("We often build the public websites using React.", "React", "Builds the public websites"),
    ("They usually deploy the public websites with Ansible.", "Ansible", "Deploys the public websites"),
    ("We mostly manage external dependencies with CocoaPods.", "CocoaPods", "Manages external dependencies"),
    # how often is part of what is done ("2 trillion events" alone would claim another scale); how is not
    ("We process about 2 trillion events monthly through Apache Kafka.", "Apache Kafka",
     "Processes about 2 trillion events monthly"),
    ("We publish roughly a million order events daily via RabbitMQ.", "RabbitMQ",
     "Publishes roughly a million order events daily"),
    ("We update the full search index nightly with Elasticsearch.", "Elasticsearch",
     "Updates the full search index nightly"),
    ("We update the full search index incrementally with Elasticsearch.", "Elasticsearch",
     "Updates the full search index"),
    # the inverses: a past event, an instruction to the reader, a verb that says nothing, a bare "use"
    ("In 2011 we rebuilt the whole storefront with Ruby on Rails.", "Ruby on Rails", None),
    ("Install the build tools with Docker.", "Docker", None),
    ("We work closely with Grafana on dashboards.", "Grafana", None),
    ("We have a two-level cache system with Redis.", "Redis", None),
    ("We compare our checkout latency with Envoy.", "Envoy", None),
    ("We replace the old job queue with Apache Kafka.", "Apache Kafka", None),
    ("We often work closely with Grafana on dashboards.", "Grafana", None),
    ("In 2011 we often rebuilt the whole storefront with Ruby on Rails.", "Ruby on Rails", None),
    ("We peer with our transit providers using BGP.", "Border Gateway Protocol", "Peers with Acme's transit providers"),
])
def test_what_is_done_with_a_technology(text, name, expected):
    assert describe_text(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # a running copy of a technology named by its kind does what the verb says
    ("The Prometheus add-on automatically scrapes metrics from every pod.", "Prometheus",
     "Automatically scrapes metrics from every pod"),
    ("The Redis cluster stores every session of the web tier.", "Redis", "Stores every session of the web tier"),
    ("Orders land in a Kafka cluster that keeps every payment event for a week.", "Apache Kafka",
     "Keeps every payment event for a week"),
    ("The Redis pods cache every session of the web tier.", "Redis", "Caches every session of the web tier"),
    # a router, proxy, gateway or balancer is a running copy too, and "our" may open its clause
    ("The Nginx router dispatches requests to the right service by path.", "Nginx",
     "Dispatches requests to the right service by path"),
    ("Our Envoy proxies encrypt every call between services.", "Envoy", "Encrypts every call between services"),
    ("Our Kong gateway checks the token of every partner request.", "Kong", "Checks the token of every partner request"),
    # the inverses: a thing written in or made for the technology, people, a noun with a participle
    ("Orders go to a small Go service that validates each payment request.", "Go", None),
    ("A Redis client that pools connections sits in every web worker.", "Redis", None),
    ("The Chakra JavaScript engine that powers the browser is open source.", "JavaScript", None),
    ("The Kafka team maintains the ingestion libraries for all squads.", "Apache Kafka", None),
    ("We also have an iOS application that talks to the same API.", "iOS", None),
    ("Apache Hadoop clusters distributed across data centers hold the logs.", "Apache Hadoop", None),
    ("The Redis pods are restarted every night by the platform team.", "Redis", None),
    ("Our Rails services call JVM services that read the records.", "Ruby on Rails", None),
    ("A Go proxy service forwards every request to the ledger.", "Go", None),
    ("An Nginx router dispatches requests to the right service by path.", "Nginx", None),  # true of any
])
def test_a_technology_named_by_its_running_kind_does_what_the_verb_says(text, name, expected):
    assert describe_text(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # examples after "such as" end the description; a leading "to" is not counted against the word limit
    ("We use websockets to push real-time updates to users such as notifications in the top bar.", "WebSocket",
     "Pushes real-time updates to users"),
    # over the limit even without its "to": the closing phrase of place goes (see the place-phrase cases)
    ("We use Redis to keep the session tokens of every signed-in user across all regions of the platform.", "Redis",
     "Keeps the session tokens of every signed-in user"),
])
def test_examples_end_a_purpose(text, name, expected):
    assert describe_text(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # "for" a target (a project, a pool) names what X serves, not what it does there
    ("Acme uses Terraform for a number of cloud-based projects.", "Terraform", None),
    ("We set up and tune PostgreSQL for the reporting replicas in each region.", "PostgreSQL", None),
    ("We use 4 large EC2 instances for each worker pool of the log.", "Amazon EC2", None),
    ("The pages are stored in an S3 bucket for further use by the front-end app.", "Amazon S3", None),
    # the inverses: an activity, or a role of the company's
    ("We use Terraform for provisioning every cloud account.", "Terraform", "Provisions every cloud account"),
    ("We chose PostgreSQL for our billing ledger database.", "PostgreSQL", "Acme's billing ledger database"),
    ("The platform uses Apache Kafka for real-time data streaming.", "Apache Kafka", "Real-time data streaming"),
])
def test_a_purpose_is_an_activity_or_a_role_not_a_target(text, name, expected):
    assert describe_text(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # a plural noun after the name, then an auxiliary: the noun is the subject, not a verb of X
    ("Docker images are becoming increasingly popular with database teams.", "Docker", None),
    ("Redis streams can hold every click event for a day.", "Redis", None),
    # an adverb before "from" makes it "outside": X does not run the subject
    ("Each probe instance runs externally from Kubernetes clusters.", "Kubernetes", None),
    # a purpose at the end of the technology's own clause; not a general suitability
    ("Amazon S3 has been a key component in our architecture since the early days for storing customer receipts.",
     "Amazon S3", "Stores customer receipts"),
    ("Redis is popular among web teams for caching sessions.", "Redis", None),
    # the inverses: a verb after the name, a participle straight before "from"
    ("Redis streams every click event to the analytics tier.", "Redis", "Streams every click event to the analytics tier"),
    ("The product images are served from Amazon S3.", "Amazon S3", "Serves the product images"),
])
def test_nouns_read_as_verbs_outside_and_a_purpose_at_the_clause_end(text, name, expected):
    assert describe_text(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # "have X do …": X does it
    ("We chose to have Amazon EKS manage our Kubernetes control plane.", "Amazon EKS",
     "Manages Acme's Kubernetes control plane"),
    ("We let Argo CD deploy every service from the main branch.", "Argo CD", "Deploys every service from the main branch"),
    # a purpose in a relative clause; "is used to" is a purpose, not "formerly"
    ("We run Prometheus which is used to scrape metrics from every pod.", "Prometheus", "Scrapes metrics from every pod"),
    ("Grafana is used to chart every release of the web tier.", "Grafana", "Charts every release of the web tier"),
    # with an adverb between: still a purpose
    ("Redis is also used to store session information.", "Redis", "Stores session information"),
    ("Grafana is mainly used to chart every release of the web tier.", "Grafana", "Charts every release of the web tier"),
    ("Prometheus is still used to scrape metrics from every pod.", "Prometheus", "Scrapes metrics from every pod"),
    # the inverses: "have" with a noun, "used to" as formerly, with or without an adverb
    ("We have Redis instances in every region.", "Redis", None),
    ("We used to run the job queue on Redis for every region.", "Redis", None),
    ("We also used to run the job queue on Redis for every region.", "Redis", None),
    ("The team originally used to chart every release in Grafana.", "Grafana", None),
])
def test_a_causative_and_a_purpose_in_a_relative_clause(text, name, expected):
    assert describe_text(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # who wrote a tool is not what it does
    ("We use Kafka, a distributed event log for orders by the Apache Software Foundation.", "Apache Kafka",
     "Distributed event log for orders"),
    ("- Sentry - Error tracker for every web service by Jane Doe", "Sentry", "Error tracker for every web service"),
    # the inverse: "by" with what it serves
    ("- Sentry - Error tracker used by every web service", "Sentry", "Error tracker used by every web service"),
])
def test_an_author_is_no_part_of_what_a_tool_is(text, name, expected):
    assert describe_text(text, name) == expected


def test_a_decision_to_run_something_on_a_technology_says_what_it_runs():
    assert describe_text("We decided to run our certificate logs on Kubernetes for two reasons.", "Kubernetes") == \
        "Runs Acme's certificate logs"
    # the inverse: a wish is no decision
    assert describe_text("We wanted to run our certificate logs on Kubernetes for two reasons.", "Kubernetes") is None


@pytest.mark.parametrize("text, name, expected", [
    # what a technology says of itself is no use; a wording cut inside a quotation is garbled
    ("Redis describes itself as an in-memory data store used by millions of developers.", "Redis", None),
    ("Apache Kafka calls itself “a distributed event streaming platform, trusted by many” on its site.", "Apache Kafka",
     None),
    # the inverse: a verb about what it does there
    ("Redis describes every cached page with a short key for the web tier.", "Redis",
     "Describes every cached page with a short key for the web tier"),
])
def test_a_self_description_or_a_cut_quotation_is_no_description(text, name, expected):
    assert describe_text(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # a short gloss after each name of a list is no boundary: the purpose after the list is each one's
    ("We use EC2 (AWS Elastic Compute Cloud) and ECS (AWS Elastic Container Service) to host the hundreds of "
     "services our teams build.", "Amazon EC2", "Hosts the hundreds of services Acme's teams build"),
    # a name inside a gloss owns nothing outside it; a quotation is another's words
    ("We use EC2 (AWS Elastic Compute Cloud) and ECS (AWS Elastic Container Service) to host the hundreds of "
     "services our teams build.", "Amazon Web Services", None),
    ('"Amazon Elastic Compute Cloud (Amazon EC2) is a web service that provides secure, resizable compute capacity in '
     'the cloud."', "Amazon EC2", None),
    # an aside saying what the name does keeps the shared purpose after the list from it
    ("We run Redis (for page caching) and Memcached (for sessions) to keep every web node fast and light.", "Redis",
     "Page caching"),
    # the inverses: the same use stated by the company, the service named for what it is
    ("Redis caches every session of the web tier.", "Redis", "Caches every session of the web tier"),
    ("Amazon S3 is the storage service that keeps every build artifact.", "Amazon S3",
     "Storage service keeping every build artifact"),
])
def test_glosses_and_quotations(text, name, expected):
    assert describe_text(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # a bare kind or a definition is true of the technology anywhere: what it is, not what it does there
    ("We use test-queue, a parallel test runner.", "test-queue", None),
    ("- Hookshot - Tiny Node HTTP server", "Hookshot", None),
    ("We write docs in Markdown, a markup language designed to be easy for humans to type.", "Markdown", None),
    ("Redis is an in-memory key-value store.", "Redis", None),
    ("Nomad (a workload orchestrator) came later.", "Nomad", None),
    # owned, but only its rank and its kind: which one it is, not what it does
    ("Kotlin is our primary programming language.", "Kotlin", None),
    ("Concourse is our default CI tool.", "Concourse", None),
    ("Zephyr is our main backend database.", "Zephyr", None),
    ("Nomad is our core infrastructure platform.", "Nomad", None),
    ("Quill is our preferred frontend framework.", "Quill", None),
    # the inverses: the company's, a doing, a scope, or an activity
    ("Redis is our in-memory key-value store.", "Redis", "Acme's in-memory key-value store"),
    ("Kotlin is our primary language for Android apps.", "Kotlin", "Acme's primary language for Android apps"),
    ("Zephyr is our main session database.", "Zephyr", "Acme's main session database"),
    ("We use test-queue, a parallel test runner for the Rails monolith.", "test-queue",
     "Parallel test runner for the Rails monolith"),
    ("- Hookshot - Tiny Node HTTP server receiving GitHub webhooks", "Hookshot",
     "Tiny Node HTTP server receiving GitHub webhooks"),
    ("- Quickwit - Full-text log search", "Quickwit", "Full-text log search"),
    ("- Trino - Interactive log analytics", "Trino", "Interactive log analytics"),
])
def test_what_a_technology_is_says_its_use_only_with_an_owner_a_doing_or_an_activity(text, name, expected):
    assert describe_unknown(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # what a technology belongs to is not what it does there, even for the company's own tool
    ("The core component of the brand alerts process is alert-runner.", "alert-runner", None),
    ("Our in-house tool mailbox-sync is part of the onboarding flow.", "mailbox-sync", None),
    ("We use ledgerd, a key piece of our billing stack.", "ledgerd", None),
    ("- cartwheel - Component of the checkout system", "cartwheel", None),
    ("Sidekick is one element of the release process.", "Sidekick", None),
    # the inverses: the whole is said to do something, or the part's own doing is given
    ("We use ledgerd, a piece of the billing stack that reconciles payments nightly.", "ledgerd",
     "Piece of the billing stack reconciling payments nightly"),
    ("- cartwheel - Component of the checkout system computing taxes", "cartwheel",
     "Component of the checkout system computing taxes"),
    ("alert-runner sends every brand alert email to subscribers.", "alert-runner",
     "Sends every brand alert email to subscribers"),
])
def test_a_description_that_only_says_what_the_technology_is_part_of_is_none(text, name, expected):
    assert describe_unknown(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # what a technology is made of says nothing of what it does at the company
    ("Trillian consists of two components, the log signer and the log server.", "Trillian", None),
    ("Kubernetes comprises a control plane and a set of worker nodes.", "Kubernetes", None),
    ("Redis and Memcached consist of small single-threaded servers.", "Redis", None),
    # the inverses: what it does
    ("Trillian signs every certificate log entry.", "Trillian", "Signs every certificate log entry"),
    ("Kubernetes schedules the batch workloads across the worker nodes.", "Kubernetes",
     "Schedules the batch workloads across the worker nodes"),
])
def test_what_a_technology_is_made_of_is_no_description(text, name, expected):
    assert describe_unknown(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # words attached to a pair of names are true of each; the technology's own clause says more of it
    ("Complex data pipelines run on top of Apache Kafka and Google Dataflow. We use Kafka for streaming click events "
     "between services.", "Apache Kafka", "Streams click events between services"),
    ("Redis, Memcached and Varnish cache the rendered pages. We rely on Redis for storing user sessions.", "Redis",
     "Stores user sessions"),
    ("The mobile apps are built with Swift and Kotlin. We use Swift for rendering the offline map tiles.", "Swift",
     "Renders the offline map tiles"),
    # the inverses: the same words attached to the technology alone keep their rank
    ("Complex data pipelines run on top of Apache Kafka. We use Kafka for streaming click events between services.",
     "Apache Kafka", "Runs complex data pipelines"),
    ("Redis caches the rendered pages. We rely on Redis for storing user sessions.", "Redis", "Caches the rendered pages"),
    ("The mobile apps are built with Swift. We use Swift for rendering the offline map tiles.", "Swift",
     "Powers the mobile apps"),
])
def test_a_clause_of_its_own_says_more_than_words_shared_with_another_name(text, name, expected):
    assert describe_text(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # an adverb between the auxiliary and the participle belongs to the participle, not to the subject
    ("Under the hood, the scheduling runtime is entirely written in Rust.", "Rust", "Builds the scheduling runtime"),
    ("The checkout service is now built on Django.", "Django", "Powers the checkout service"),
    ("Our nightly reports are automatically generated by Apache Spark.", "Apache Spark", "Generates Acme's nightly reports"),
    ("The search index is still maintained in Elasticsearch.", "Elasticsearch", "Maintains the search index"),
    # the inverses: without the adverb the same; a subject with its prepositional phrase keeps it
    ("The scheduling runtime is written in Rust.", "Rust", "Builds the scheduling runtime"),
    ("Changes to our NGINX config are quickly tracked in Git.", "Git", "Tracks changes to Acme's NGINX config"),
])
def test_an_adverb_before_the_participle_keeps_the_subject(text, name, expected):
    assert describe_text(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # a relative clause right after the name has the name for its subject
    ("We run NGINX, which routes all traffic to the web tier.", "Nginx", "Routes all traffic to the web tier"),
    ("Our team uses Redis that caches the rendered pages.", "Redis", "Caches the rendered pages"),
    ("We adopted Apache Kafka, which carries every click event between services.", "Apache Kafka",
     "Carries every click event between services"),
    # the inverses: a name after a preposition, a verb of naming or having, a plan, or a plural verb
    ("The service is written in Go, which compiles to a single binary.", "Go", None),
    ("We use Redis, which means fewer database reads.", "Redis", None),
    ("We use Redis, which has a rich set of data types.", "Redis", None),
    ("We use Redis, which will cache sessions next year.", "Redis", None),
    ("These servers run NGINX and HAProxy which route all traffic to the site.", "Nginx", None),
])
def test_a_relative_clause_after_the_name_says_what_it_does(text, name, expected):
    assert describe_text(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # "that can …" after what a technology is says what it does there, as "that …" does
    ("We run NGINX, a fast http server that can terminate TLS for every service.", "Nginx",
     "Fast http server terminating TLS for every service"),
    ("We run NGINX, a fast http server that powers the web tier.", "Nginx", "Fast http server powering the web tier"),
    # the inverses: another modal, a verb form that does not fit "can", or a clause too long to keep whole
    ("We use hookshot, a tiny HTTP server that could listen for updates.", "hookshot", None),
    ("We run NGINX, a fast http server that can terminates TLS for every service.", "Nginx", None),
    ("We use hookshot, a tiny Node HTTP server that can listen for any updates to a given branch and run a given "
     "command.", "hookshot", None),
])
def test_a_relative_clause_with_can_after_what_it_is(text, name, expected):
    assert (describe_unknown(text, name) if name == "hookshot" else describe_text(text, name)) == expected


@pytest.mark.parametrize("text, name, expected", [
    # a closed list of short examples says more and stays when it fits; its end ends the clause
    ("Kubernetes provides abstractions for operators such as deployments, scaling, and service discovery that we "
     "would not have to build ourselves.", "Kubernetes",
     "Provides abstractions for operators such as deployments, scaling, and service discovery"),
    ("Redis stores session data such as tokens and carts.", "Redis", "Stores session data such as tokens and carts"),
    ("Grafana shows dashboards including latency, error rates and saturation for every service.", "Grafana",
     "Shows dashboards including latency, error rates and saturation"),
    # the inverses: an open example, a list too long for a description, a clause, a list of the name's peers
    ("We use websockets to push real-time updates to users such as notifications in the top bar.", "WebSocket",
     "Pushes real-time updates to users"),
    ("Redis stores session data such as tokens, carts, user preferences, feature flags, and recently viewed pages "
     "of the whole store.", "Redis", "Stores session data"),
    ("Terraform provisions resources such as when we deploy and roll back.", "Terraform", None),
    ("We use frameworks such as React, Vue, and Angular for the storefront.", "Vue.js", None),
])
def test_a_closed_list_of_examples_is_kept_when_it_fits(text, name, expected):
    assert describe_text(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # a second verb joined to the first takes the same form
    ("Acme uses Docker to isolate and package up application dependencies from the hosts.", "Docker",
     "Isolates and packages up application dependencies from the hosts"),
    ("Acme uses Terraform for provisioning and updating every cloud account.", "Terraform",
     "Provisions and updates every cloud account"),
    # the inverse: a noun after "and" stays a noun
    ("Acme uses Terraform for provisioning accounts and networks in every region.", "Terraform",
     "Provisions accounts and networks in every region"),
])
def test_a_second_joined_verb_takes_the_first_one_s_form(text, name, expected):
    assert describe_text(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # "to" before a noun phrase says where something points, not what the technology does
    ("Ruby and Rails align to government guidance on using open source software.", "Ruby on Rails", None),
    ("Acme moved Kafka to three new data centres in 2020.", "Apache Kafka", None),
    # a relation to something is no doing
    ("Ruby conforms to the department's open source policy for every service.", "Ruby", None),
    ("Kubernetes aligns with the platform team's hosting standards across regions.", "Kubernetes", None),
    # the inverses: an infinitive, after an adverb too, and a doing verb
    ("Acme uses Docker to isolate every service from the hosts.", "Docker", "Isolates every service from the hosts"),
    ("Acme uses Docker to quickly build every service image.", "Docker", "Quickly builds every service image"),
    ("Kubernetes schedules the platform team's batch jobs across regions.", "Kubernetes",
     "Schedules the platform team's batch jobs across regions"),
])
def test_to_a_noun_phrase_and_a_relation_verb_say_no_use(text, name, expected):
    assert describe_text(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # a quantifier and a generic noun say nothing of what it does
    ("The department has many applications written in C# across its services.", "C#", None),
    ("Acme has some services built in Node.js for now.", "Node.js", None),
    ("We rely on NGINX, a fast http server, for serving most of the application.", "NGINX", None),
    # the inverse: a quantifier before a noun that says what
    ("Acme has several payment reconciliation services written in C#.", "C#",
     "Builds several payment reconciliation services"),
])
def test_a_quantifier_and_a_generic_noun_are_no_description(text, name, expected):
    assert describe_text(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # the next item of an "or"/"and" list of uses belongs to another name
    ("Some teams used Vert.x for web sockets or Spock in Groovy to write tests.", "Vert.x", None),
    ("Acme uses Redis for caching user sessions and Postgres for the order ledger.", "Redis", "Caches user sessions"),
    # a plural noun before "and" is no verb: a list of things
    ("NVMe drives and local storage benefits", "NVMe", None),
    ("Dell servers and network switches in each rack", "Dell", None),
    # the inverses: a coordinated name that is no new item, and two verbs
    ("Kotlin builds the iOS and Android apps of the storefront.", "Kotlin", "Builds the iOS and Android apps of the storefront"),
    ("Redis caches and serves every user session of the shop.", "Redis", "Caches and serves every user session of the shop"),
])
def test_a_neighbour_s_item_and_a_list_of_things_are_not_a_use(text, name, expected):
    document_text = text if text.endswith(".") else text
    assert (describe_unknown(document_text, name) if name in ("Vert.x", "NVMe", "Dell") else describe_text(text, name)) == expected


def test_the_company_s_possessive_leaves_out_a_bracketed_gloss_of_its_name():
    assert describe_text("The department uses Microsoft Azure as its primary hosting platform.", "Microsoft Azure",
                         "Department for Education (DfE Digital)") == "Department for Education's primary hosting platform"
    assert describe_text("The team uses Microsoft Azure as its primary hosting platform.", "Microsoft Azure",
                         "Acme Cloud") == "Acme Cloud's primary hosting platform"


@pytest.mark.parametrize("text, name, company, expected", [
    # "its" and "their" are the sentence subject's: another name opening the sentence owns them
    ("AYR uses Keycloak to manage its users and their sign-ins.", "Keycloak", "Acme",
     "Manages AYR's users and AYR's sign-ins"),
    ("Billing uses Apache Kafka to stream its invoices to the ledger.", "Apache Kafka", "Acme",
     "Streams Billing's invoices to the ledger"),
    ("Phalanx uses Redis to cache its rendered configuration pages.", "Redis", "Acme",
     "Caches Phalanx's rendered configuration pages"),
    # the inverses: the company named anywhere, a pronoun or an article opening the sentence, or "our"
    ("Kubernetes is employed by Acme to orchestrate containers on its cloud infrastructure.", "Kubernetes", "Acme",
     "Orchestrates containers on Acme's cloud infrastructure"),
    ("They are also using Luigi for orchestrating their data science pipelines.", "Luigi", "Acme",
     "Orchestrates Acme's data science pipelines"),
    ("The platform uses Redis to cache its rendered configuration pages.", "Redis", "Acme",
     "Caches Acme's rendered configuration pages"),
    ("Billing uses Apache Kafka to stream our invoices to the ledger.", "Apache Kafka", "Acme",
     "Streams Acme's invoices to the ledger"),
    # a name ending in a plural noun takes the apostrophe alone
    ("We use Redis to cache our rendered catalogue pages.", "Redis", "The National Archives",
     "Caches The National Archives' rendered catalogue pages"),
    # over the word limit once the company's name is in: no description
    ("We use Apache Kafka to stream our payment events from checkout to the ledger service.", "Apache Kafka",
     "The Very Long Name Payments Group", None),
    ("We use Apache Kafka to stream our payment events from checkout to the ledger service.", "Apache Kafka",
     "Acme", "Streams Acme's payment events from checkout to the ledger service"),
])
def test_a_possessive_is_the_subject_s_and_fits_the_word_limit(text, name, company, expected):
    assert describe_text(text, name, company) == expected


@pytest.mark.parametrize("text, name, expected", [
    # what the company wrote in a language or framework: the technology builds it
    ("Also we wrote multiple cache layers in C to lessen the load on the database.", "C", "Builds multiple cache layers"),
    ("We rewrote the billing engine in Rust last year.", "Rust", "Builds the billing engine"),
    ("We implemented our own message router in Go.", "Go", "Builds Acme's own message router"),
    ("The team built the mobile apps in Flutter.", "Flutter", "Builds the mobile apps"),
    # the inverses: a pointing word, a quantifier and a generic noun, writing about something
    ("We wrote it in Go.", "Go", None),
    ("We wrote some tools in Go.", "Go", None),
    ("We wrote a blog post about Kafka in Go Weekly.", "Go", None),
])
def test_what_the_company_wrote_in_a_language_is_what_it_builds(text, name, expected):
    assert describe_text(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # "-based" modifies a noun phrase; the sentence's own verb or a "to" after it is no part of it
    ("The Kafka-based order event pipeline of the billing team keeps every payment.", "Apache Kafka",
     "Powers order event pipeline of the billing team"),
    ("Our React-based storefront renders every product page.", "React", None),
    ("We built a more modular Sass-based file structure to our site styles.", "Sass", "Powers file structure"),
    # the inverse: a prepositional phrase of the noun stays
    ("We run Kafka-based event pipelines across regions.", "Apache Kafka", "Powers event pipelines across regions"),
])
def test_a_based_compound_powers_its_noun_phrase_not_the_rest_of_the_sentence(text, name, expected):
    assert describe_text(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # a hyphenated manner word before a gerund with an object goes after it, so the purpose reads as a verb
    ("Spotify uses Next.js for server-side rendering critical pages.", "Next.js", "Renders critical pages server-side"),
    ("We use Apache Spark for real-time scoring every payment in our checkout.", "Apache Spark",
     "Scores every payment in Acme's checkout real-time"),
    ("We use Varnish for edge-side caching the API responses of the shop.", "Varnish",
     "Caches the API responses of the shop edge-side"),
    # the inverses: a gerund with "of", a noun before the gerund, or no object is a noun phrase and stays one
    ("We use Next.js for server-side rendering of critical pages.", "Next.js", "Server-side rendering of critical pages"),
    ("We use Apache Kafka for real-time data streaming.", "Apache Kafka", "Real-time data streaming"),
    ("We use Redis for in-memory caching of user sessions.", "Redis", "In-memory caching of user sessions"),
])
def test_a_manner_word_before_a_gerund_moves_after_its_object(text, name, expected):
    assert describe_text(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # how a technology looks to the writer is not what it does there
    ("Redis seems to cache every session of the web tier.", "Redis", None),
    ("Redis appears to drop connections under heavy load.", "Redis", None),
    ("Redis looks like a good fit for the session store of the shop.", "Redis", None),
    ("For instance, Cilium seems to have a bug that causes existing connections to fail.", "Cilium", None),
    # the inverses: a plain verb, and an aside said before the hedge
    ("Redis caches every session of the web tier.", "Redis", "Caches every session of the web tier"),
    ("Redis, our session store for the web tier, seems to drop connections.", "Redis",
     "Acme's session store for the web tier"),
])
def test_a_hedged_verb_says_nothing_of_the_use(text, name, expected):
    assert describe_text(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # work not done yet, named anywhere in the sentence
    ("Note: Potential project for Chloe, set up a Fastly service to cache images served via Camo.", "Fastly", None),
    ("Possible improvement: set up Varnish to cache the product pages of the shop.", "Varnish", None),
    ("Proposal: use Varnish to cache the product pages of the shop.", "Varnish", None),
    ("TODO, move the worker fleet: use Amazon EC2 to run the nightly billing jobs.", "Amazon EC2", None),
    # the inverse: the same use, done
    ("We set up a Fastly service to cache images served via Camo.", "Fastly", "Caches images served via Camo"),
])
def test_planned_work_anywhere_in_the_sentence_gives_no_description(text, name, expected):
    assert describe_text(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # advice on the reader's stack is no company's use
    ("Depending on your tech stack, it is a great combination: Terraform to provision cloud infrastructure.",
     "Terraform", None),
    ("If your stack allows it: Terraform to provision cloud infrastructure, including servers.", "Terraform", None),
    # "for" someone "to" do something names who it serves, not what it does
    ("We have one Rails app for publishers to upload their books.", "Ruby on Rails", None),
    ("We use Redis for users to resume their sessions.", "Redis", None),
    # a gerund that is a noun ("background processing into …"), or whose object is another verb's pronoun
    ("We moved background processing into a separate app and host it on Amazon EC2.", "Amazon EC2", None),
    # the inverses
    ("We use Terraform to provision cloud infrastructure, including servers.", "Terraform",
     "Provisions cloud infrastructure"),
    ("We have one Rails app for uploading publishers' books to the store.", "Ruby on Rails",
     "Uploads publishers' books to the store"),
    ("Our workers are processing the billing events on Amazon EC2.", "Amazon EC2", "Processes the billing events"),
    ("We are storing all customer receipts in Amazon S3.", "Amazon S3", "Stores all customer receipts"),
])
def test_no_description_from_advice_a_beneficiary_or_a_noun_gerund(text, name, expected):
    assert describe_text(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # a use, where it runs, then what it is for
    ("We now use Jenkins on an EC2 instance to schedule nightly analytics jobs.", "Jenkins",
     "Schedules nightly analytics jobs"),
    ("We use Envoy across all clusters to route traffic between services.", "Envoy", "Routes traffic between services"),
    # the inverses: "to" a noun phrase, a past habit, and a move away
    ("We use Redis in production to the satisfaction of every team.", "Redis", None),
    ("Jenkins on an EC2 instance used to schedule nightly analytics jobs.", "Jenkins", None),
    ("We moved away from Jenkins on an EC2 instance to schedule nightly analytics jobs with Airflow.", "Jenkins", None),
])
def test_a_purpose_after_where_the_technology_runs(text, name, expected):
    assert describe_text(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # a purpose is an activity, or a role of the company's; a target is neither
    ("We run Elixir for new services and projects of the platform.", "Elixir", None),
    ("The platform uses React for frontend experiences across every device.", "React", None),
    ("We run Apache Spark for distributed processing jobs analyzing listening patterns.", "Apache Spark",
     "Distributed processing jobs analyzing listening patterns"),
    ("We use Apache Kafka for real-time data streaming between services.", "Apache Kafka",
     "Real-time data streaming between services"),
    ("We chose PostgreSQL for our billing ledger database.", "PostgreSQL", "Acme's billing ledger database"),
    # an interest is a wish, not a use
    ("We already had an interest in using Redis for caching every session of the shop.", "Redis", None),
])
def test_a_purpose_names_an_activity_not_a_target(text, name, expected):
    assert describe_text(text, name) == expected


@pytest.mark.parametrize("text, name", [
    # a name inside another name's appositive: what follows describes the other name
    ("This is because we use Fabric, a Python library for running functions from the command line.", "Python"),
    ("We deploy with Capistrano, a Ruby tool for remote server automation.", "Ruby"),
    ("Jobs run on Sidekiq, a Redis queue for background work.", "Redis"),
    ("We picked Hasura, an open-source GraphQL engine for instant APIs.", "GraphQL"),
    ("Builds use Gradle, a Java build tool for large projects.", "Java"),
])
def test_a_name_inside_another_name_s_appositive_takes_none_of_its_words(text, name):
    assert describe_text(text, name) is None


@pytest.mark.parametrize("text, name, expected", [
    # the inverses: the appositive's own name, and a name with nothing before its comma
    ("This is because we use Fabric, a Python library for running functions from the command line.", "Fabric",
     "Python library for running functions from the command line"),
    ("We use Python for running functions from the command line.", "Python",
     "Runs functions from the command line"),
])
def test_the_appositive_describes_the_name_it_follows(text, name, expected):
    assert (describe_unknown(text, name) if name == "Fabric" else describe_text(text, name)) == expected


@pytest.mark.parametrize("text, name", [
    # a list item's text that is a sentence about something else says nothing of the name
    ("- awscli: All of our apps are hosted on Amazon S3.", "awscli"),
    ("- Fabric: Using the app template requires knowledge of the command line.", "Fabric"),
    ("- Dashing: The dashboards are rebuilt every hour.", "Dashing"),
    ("- Sluice: Our nightly exports have grown tenfold since 2019.", "Sluice"),
    ("- Keel: A release can be rolled back in one click.", "Keel"),
])
def test_a_list_item_that_is_a_sentence_about_something_else_is_no_description(text, name):
    assert describe_unknown(text, name) is None


@pytest.mark.parametrize("text, name, expected", [
    # the inverses: a phrase for the name, its own verb, a relative clause
    ("- Sluice: Exports the nightly ledger to the warehouse", "Sluice", "Exports the nightly ledger to the warehouse"),
    ("- Keel: Promotes a release to production in one click", "Keel", "Promotes a release to production in one click"),
    ("- Dashing: Dashboards for every on-call team", "Dashing", "Dashboards for every on-call team"),
])
def test_a_list_item_phrase_still_describes_its_name(text, name, expected):
    assert describe_unknown(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # a subject that opens the clause with a prepositional phrase is the whole phrase, not its last noun
    ("Config changes to our Nginx instances are maintained on GitHub.", "GitHub",
     "Maintains Config changes to Acme's Nginx instances"),
    ("Tasks for the workers are queued via Amazon SQS.", "Amazon SQS", "Queues tasks for the workers"),
    ("Backups of the billing database are stored in Amazon S3 every night.", "Amazon S3",
     "Stores backups of the billing database"),
    ("Requests from mobile clients are routed through Kong.", "Kong", "Routes requests from mobile clients"),
    ("- Invoices for every customer are generated with Prawn.", "Prawn", "Generates invoices for every customer"),
])
def test_a_subject_with_its_prepositional_phrase_is_what_the_passive_agent_acts_on(text, name, expected):
    assert describe_unknown(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # a quantified subject ("all of our apps") is what the passive's agent does something to
    ("All of our apps are hosted on Amazon S3.", "Amazon S3", "Hosts all of Acme's apps"),
    ("Most of our services are deployed on Kubernetes.", "Kubernetes", "Deploys most of Acme's services"),
    # an alternative name in brackets after the name does not hide the purpose after it
    ("Chris wrote Tally (or Command Line Analytics) for generating analytics reports about our projects.", "Tally",
     "Generates analytics reports about Acme's projects"),
])
def test_quantified_subjects_and_alternative_names_keep_their_descriptions(text, name, expected):
    assert (describe_unknown(text, name) if name == "Tally" else describe_text(text, name)) == expected


@pytest.mark.parametrize("text, name, expected", [
    # data kept somewhere: the store stores it
    ("New or updated power data is saved in a DynamoDB table.", "Amazon DynamoDB", "Stores power data"),
    ("Every customer invoice is persisted in Postgres within a second.", "PostgreSQL", "Stores every customer invoice"),
    ("Old release artefacts are archived on Amazon S3 after a week.", "Amazon S3", "Stores old release artefacts"),
    # a quantity before the name counts it; "of" is no preposition of place there
    ("We use a number of Kafka Streams applications to enrich order events.", "Kafka Streams", "Enriches order events"),
    # the inverses: a gerund after "our" is a noun's modifier, and a reflexive pronoun speaks of the writer
    ("Most of our streaming data is in the form of topics on a Kafka cluster.", "Apache Kafka", None),
    ("Our style guide is strict, so we use RuboCop to keep ourselves in line.", "RuboCop", None),
])
def test_stored_data_counted_uses_and_modifiers(text, name, expected):
    assert (describe_unknown(text, name) if name == "RuboCop" else describe_text(text, name)) == expected


@pytest.mark.parametrize("text, name, expected", [
    # an infinitive's series of verbs is one purpose: its commas join verbs, and every verb takes the third person
    ("We use a number of Kafka Streams applications to convert, process, and enrich data.", "Kafka Streams",
     "Converts, processes, and enriches data"),
    ("We use Kafka to collect, route and store events.", "Apache Kafka", "Collects, routes and stores events"),
    ("Airflow is used to extract, load, or transform the nightly data.", "Apache Airflow",
     "Extracts, loads, or transforms the nightly data"),
    # the inverses: a list of nouns after one verb is no series (the cut leaves too little), nor are other names'
    # purposes after the first
    ("We use Redis to cache sessions, carts, and tokens for the web tier.", "Redis", None),
    ("We use Kafka to move events, Redis to cache them, and Postgres to keep them.", "Apache Kafka", None),
])
def test_an_infinitive_s_series_of_verbs_is_one_purpose(text, name, expected):
    assert describe_text(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # over the word limit, a purpose of the sentence's own action ("to prepare for …") is cut off
    ("We selected Rails for rapid development of the online store to prepare for release at the annual fair.",
     "Ruby on Rails", "Rapid development of the online store"),
    # "the adoption of X to …": X's purpose, as after "we adopted X"
    ("Our growing fleet led to the adoption of Chef to automate operations and build a devops mindset.", "Chef",
     "Automates operations and builds a devops mindset"),
    ("We rely on the use of Redis to cache sessions for the web tier.", "Redis", "Caches sessions for the web tier"),
    # the inverses: a verb used as a modifier before "and" stays; a short text keeps its "to"
    ("The Power API leverages serverless Lambda functions to process read and write requests.", "AWS Lambda",
     "Processes read and write requests"),
    ("We use Kafka to move order events to the billing ledger.", "Apache Kafka", "Moves order events to the billing ledger"),
])
def test_a_purpose_cut_at_the_action_s_own_purpose_and_nominal_uses(text, name, expected):
    assert describe_text(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # with no auxiliary, a participle describes the nearest noun: "assets packaged with X" is not the application
    ("They consist of a client-side application with assets packaged with Bundlr.", "Bundlr", None),
    ("We ship a mobile app with images compressed with Squoosh.", "Squoosh", None),
    # the inverses: with an auxiliary the subject is the whole noun phrase; a participle right after its noun
    ("The API for Brand Alerts is written in Python.", "Python", "Builds the API for Brand Alerts"),
    ("Our platform relies on an order pipeline written in Go.", "Go", "Builds an order pipeline"),
])
def test_a_participle_without_an_auxiliary_describes_the_nearest_noun(text, name, expected):
    assert (describe_unknown(text, name) if name in ("Bundlr", "Squoosh") else describe_text(text, name)) == expected


@pytest.mark.parametrize("text, name, expected", [
    # a verb and bare machines say nothing of use
    ("Our servers run on Phusion Passenger.", "Phusion Passenger", None),
    ("Our machines run on Quillux.", "Quillux", None),
    ("All of our hosts run on Quillux.", "Quillux", None),
    ("The devices run on Quillux.", "Quillux", None),
    # the inverses: which machines, or what they do, is said
    ("Our web servers run on Quillux.", "Quillux", "Runs Acme's web servers"),
    ("The load balancers run on Quillux.", "Quillux", "Runs the load balancers"),
])
def test_only_the_machines_a_technology_runs_is_no_description(text, name, expected):
    assert describe_unknown(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # a list item that is only a name and a bracket: the bracket says what it is used for
    ("- Sluice (exports the nightly ledger to our warehouse)", "Sluice", "Exports the nightly ledger to Acme's warehouse"),
    ("- Dashing (dashboards for every on-call team)", "Dashing", "Dashboards for every on-call team"),
    ("- Keel (release promotion for every service)", "Keel", "Release promotion for every service"),
    ("- Keel (release promotion)", "Keel", None),
    ("- Tally (background processing)", "Tally", "Background processing"),
    # the inverses: a bracket that says no use, or text going on after the bracket
    ("- Keel (optional)", "Keel", None),
    ("- Sluice (2019)", "Sluice", None),
    ("- Tally (cron-like)", "Tally", None),
    ("- Dashing (see below) is rebuilt every hour", "Dashing", None),
])
def test_a_list_item_of_a_name_and_a_bracket_reads_the_bracket(text, name, expected):
    assert describe_unknown(text, name) == expected


def test_a_bracket_after_a_name_in_prose_is_not_a_list_item():
    assert describe_unknown("We moved the nightly jobs to Tally (background processing) last year.", "Tally") is None


@pytest.mark.parametrize("text, name, expected", [
    # two words are enough when the head names what is done
    ("We use Pingdom for application monitoring.", "Pingdom", "Application monitoring"),
    ("We use Resque for background processing.", "Resque", "Background processing"),
    ("We use Sluice for ledger exporting.", "Sluice", "Ledger exporting"),
    # the inverses: a two-word kind, a target or a noun that is no doing say what it is or for whom
    ("We use Backstage as a developer portal.", "Backstage", None),
    ("We use Envoy as a service mesh.", "Envoy", None),
    ("We use React for frontend experiences.", "React", None),
    ("We use Sluice for the web application.", "Sluice", None),
    ("Java is their main language.", "Java", None),
])
def test_two_words_are_enough_when_they_name_what_is_done(text, name, expected):
    assert (describe_text(text, name) if name in ("Backstage", "Envoy", "React", "Java") else
            describe_unknown(text, name)) == expected


@pytest.mark.parametrize("text, name, expected", [
    # cut before its "but also …", a "not just" phrase says the opposite of what the writer stresses
    ('We use Postgres, which provides not just "not null" constraints, but also check constraints.', "PostgreSQL", None),
    ("We run Redis, which gives not only caching, but also queues.", "Redis", None),
    # the inverses: the same use without the correlative, or the "not just" part outside the description
    ("We use Postgres, which provides check constraints on every shared table.", "PostgreSQL",
     "Provides check constraints on every shared table"),
    ("Redis caches the sessions of every web node, not just pages.", "Redis", "Caches the sessions of every web node"),
])
def test_half_of_a_not_just_phrase_is_no_description(text, name, expected):
    assert describe_text(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # a relative clause without commas after the subject ends where the sentence's own verb begins
    ("The sluice_service which exports the nightly ledger to the warehouse is a legacy application.", "sluice_service",
     "Exports the nightly ledger to the warehouse"),
    ("Keel which promotes every release to production has been rewritten twice.", "Keel",
     "Promotes every release to production"),
    # the inverse: with commas the relative clause is closed by them, and what follows is no verb of the sentence
    ("Keel, which promotes every release to production, was rewritten twice.", "Keel",
     "Promotes every release to production"),
    ("We run Keel which promotes every release to the production cluster.", "Keel",
     "Promotes every release to the production cluster"),
])
def test_a_relative_clause_ends_before_the_sentence_s_own_verb(text, name, expected):
    assert describe_unknown(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # a relative clause after "for X" says what the thing before "for" does
    ("Acme ships a mobile application, available for Tizen and Sailfish, that lets drivers accept new orders.",
     "Sailfish", None),
    ("We keep a plugin for Sluice, which exports the nightly ledger to the warehouse.", "Sluice", None),
    # the inverse: the name is the object of a use, not of "for"
    ("We run Sluice, which exports the nightly ledger to the warehouse.", "Sluice",
     "Exports the nightly ledger to the warehouse"),
])
def test_a_relative_clause_after_for_a_name_is_not_the_name_s(text, name, expected):
    assert describe_unknown(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # the writer's opinion of a technology is no description of its use
    ("Keel plugins are a great way to extend the platform.", "Keel", None),
    ("Sluice is an awesome tool for exporting the nightly ledger.", "Sluice", None),
    # the inverse: the same use without the opinion
    ("Sluice is our tool for exporting the nightly ledger.", "Sluice", "Acme's tool for exporting the nightly ledger"),
])
def test_an_opinion_is_no_description(text, name, expected):
    assert describe_unknown(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # data written or saved to a store: the store stores it
    ("Course content is written to a MongoDB database.", "MongoDB", "Stores course content"),
    ("Every nightly export is saved into an Amazon S3 bucket.", "Amazon S3", "Stores every nightly export"),
    ("Every customer order is persisted to PostgreSQL.", "PostgreSQL", "Stores every customer order"),
    # the inverses: sent somewhere is no storing, nor is a store named after the data's first stop
    ("Every nightly export is sent to Amazon S3.", "Amazon S3", None),
    ("Every nightly export is written to local disk before MongoDB loads it.", "MongoDB", None),
])
def test_what_is_written_to_a_store_is_stored_there(text, name, expected):
    assert describe_text(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # a full stop the sentence splitter missed (code after it starts with a lowercase letter) does not end a row
    ('- Sluice exports the nightly ledger to the warehouse. it(@"exports the ledger", ^{ ...', "Sluice",
     "Exports the nightly ledger to the warehouse"),
    # the inverse: a dot inside a name stays
    ("- Sluice exports the nightly ledger to the ledger.js service", "Sluice",
     "Exports the nightly ledger to the ledger.js service"),
])
def test_a_description_ends_without_a_full_stop(text, name, expected):
    assert describe_unknown(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # "X is how we <verb> …": what is done with X
    ("Sluice is how we export the nightly ledger to the warehouse.", "Sluice",
     "Exports the nightly ledger to the warehouse"),
    ("Keel is how we manage all of our dependencies, including private pods.", "Keel", "Manages all of Acme's dependencies"),
    # the inverses: how the name is spelt or said, or "how" inside another clause
    ("Keel is how we spell it, not Keal.", "Keel", None),
    ("We learned from Sluice how we export the ledger.", "Sluice", None),
])
def test_how_the_company_does_something_with_a_technology(text, name, expected):
    assert describe_unknown(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # what a technology asks of its users is not what the company does with it
    ("Sluice requires developers to make every export request through a router.", "Sluice", None),
    ("Keel needs every service to declare its release channel.", "Keel", None),
    # the inverse: a verb of doing
    ("Sluice routes every export request through a router.", "Sluice", "Routes every export request through a router"),
])
def test_what_a_technology_requires_is_no_description(text, name, expected):
    assert describe_unknown(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # "a way of …" names a manner, not what the technology does there
    ("Keel is a different way of thinking about releases, and we like it.", "Keel", None),
    ("Sluice gives us a new way to look at the nightly ledger.", "Sluice", None),
    # the inverse: the doing itself
    ("Sluice exports the nightly ledger to the warehouse.", "Sluice", "Exports the nightly ledger to the warehouse"),
])
def test_a_way_of_doing_something_is_no_description(text, name, expected):
    assert describe_unknown(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # "X is used by Y and Z to …": the purpose is X's, the thing used, not its users'
    ("- Shotbox is used by Sluice and Keel to test against browsers and devices.", "Keel", None),
    ("- Shotbox is used by Keel to test against browsers and devices.", "Shotbox", "Tests against browsers and devices"),
    # a word, "to" and the same word make one compound: "end to end testing" is an activity, not a target
    ("- Keel is used for end to end testing of legacy PHP applications.", "Keel",
     "End to end testing of legacy PHP applications"),
    ("- Sluice is used for peer to peer syncing of every shop's ledger.", "Sluice",
     "Peer to peer syncing of every shop's ledger"),
    # the inverse: "for someone to do something" is a target
    ("- Keel is used for developers to release every service.", "Keel", None),
    # a second "to" in a series goes with the first verb's form
    ("- Keel is used to take snapshots of visual components and to run unit tests.", "Keel",
     "Takes snapshots of visual components and runs unit tests"),
])
def test_users_of_a_tool_compounds_and_a_second_to(text, name, expected):
    assert describe_unknown(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # an instrument at the end goes with the verb phrase nearest to it, not with the clause's first verb
    ("We leverage Keel to promote every release and notify the release channel of each team via Sluice.", "Sluice",
     "Notifies the release channel of each team"),
    ("We export the nightly ledger and archive every invoice of each shop with Sluice.", "Sluice",
     "Archives every invoice of each shop"),
    # the inverse: one verb phrase, and "to" before a noun is no verb
    ("We export the nightly ledger to the warehouse of each region with Sluice.", "Sluice",
     "Exports the nightly ledger to the warehouse of each region"),
])
def test_an_instrument_goes_with_the_nearest_verb_phrase(text, name, expected):
    assert describe_unknown(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # "make X as rapid as possible": a cut after the object would drop what "make" makes it, so no cut there
    ("We often develop frontends using Webflow to maximise the flexibility for the designer and make iteration on "
     "the user interface as rapid as possible.", "Webflow", None),
    ("We use Bazel to build every service of the monorepo and make builds of the payments service reproducible on "
     "every laptop.", "Bazel", None),
    # the inverses: a cut after another verb's object, and "make" with all of its complement
    ("We use Bazel to build every service and every library of the monorepo from the same rules on every laptop.",
     "Bazel", "Builds every service and every library of the monorepo"),
    ("Tidewell archives every nightly export of the ledger for the analysts in each regional office.", "Tidewell",
     "Archives every nightly export of the ledger for the analysts"),
    ("Tidewell makes every nightly export of the ledger available to the analysts in each regional office.",
     "Tidewell", "Makes every nightly export of the ledger available to the analysts"),
])
def test_a_cut_never_drops_what_make_makes_its_object(text, name, expected):
    assert describe_unknown(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # a list item that opens with a verb's base form is a task to do, not what the technology does
    ("- Scale Sluice to handle the nightly ledger of every shop", "Sluice", None),
    ("- Configure Keel to promote every release to production", "Keel", None),
    # the inverses: a list item that says what the name does, and the same words as a statement
    ("- Sluice handles the nightly ledger of every shop", "Sluice", "Handles the nightly ledger of every shop"),
    ("We scaled Sluice to handle the nightly ledger of every shop.", "Sluice", "Handles the nightly ledger of every shop"),
])
def test_a_task_on_a_list_is_no_description(text, name, expected):
    assert describe_unknown(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # data stored in a format is not stored by the format
    ("Our values are stored in the Protocol Buffers format, via a small library.", "Protocol Buffers", None),
    # the inverse: stored in a store
    ("Every customer order is stored in PostgreSQL.", "PostgreSQL", "Stores every customer order"),
])
def test_a_format_stores_nothing(text, name, expected):
    assert describe_text(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # a cut before "where" leaves "the …" without the words that say which one
    ("We pointed Quarry to read data from the bucket where we keep our request logs.", "Quarry", None),
    ("Nightly, Tallyho copies every invoice to the warehouse where analysts query it.", "Tallyho", None),
    # the inverses: nothing cut, an aside after a comma, an indefinite place
    ("We pointed Quarry to read the request logs from the bucket.", "Quarry", "Reads the request logs from the bucket"),
    ("We use Quarry to read data from the S3 bucket, where the logs land every hour.", "Quarry",
     "Reads data from the S3 bucket"),
    ("Tallyho copies every invoice to a warehouse where analysts query it.", "Tallyho",
     "Copies every invoice to a warehouse"),
])
def test_a_place_defined_by_the_words_cut_off_is_no_description(text, name, expected):
    assert describe_unknown(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # what the team tried on a tool is not what the tool does
    ("We messed around with Sorl to customize some of the search backends.", "Sorl", None),
    ("We played around with Sorl to rank the product search results.", "Sorl", None),
    ("We tinkered with apache-sorl to tune the search backends.", "sorl", None),
    ("Last year we toyed with Sorl to rank the product search results.", "Sorl", None),
    # the inverse: used for it
    ("We use Sorl to rank the product search results.", "Sorl", "Ranks the product search results"),
])
def test_tinkering_with_a_tool_says_nothing_of_its_use(text, name, expected):
    assert describe_unknown(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # "lots of", "tons of" say how many without saying what
    ("We wrote Brisk functions to work with lots of common tasks.", "Brisk", None),
    ("We use Brisk to handle tons of background jobs.", "Brisk", None),
    ("We use Brisk to handle a bunch of background jobs.", "Brisk", None),
    # the inverse: a number says how many of what
    ("We use Brisk to handle thousands of background jobs.", "Brisk", "Handles thousands of background jobs"),
    ("We use Brisk to handle the billing team's background jobs.", "Brisk", "Handles the billing team's background jobs"),
])
def test_a_vague_amount_says_nothing(text, name, expected):
    assert describe_unknown(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # a sentence that defines another named thing says what that thing does anywhere
    ("Cilium is an open-source networking solution leveraging the kernel's Kernex technology for deep visibility at "
     "the kernel level.", "Kernex", None),
    ("Backstage is an open platform that uses Kernex to render every plugin page.", "Kernex", None),
    # the inverses: the company's own sentence, the technology's own, a sentence about the company's platform
    ("Acme is a marketplace that uses Kernex to stream every order event to the warehouse.", "Kernex",
     "Streams every order event to the warehouse"),
    ("Kernex is the queue that streams every order event to the warehouse.", "Kernex",
     "Queue streaming every order event to the warehouse"),
    ("Our platform is a Rails monolith that uses Kernex to stream every order event.", "Kernex",
     "Streams every order event"),
    # after a semicolon the definition has ended
    ("Django is the main web application server; Kernex runs the server-to-client real-time push system.", "Kernex",
     "Runs the server-to-client real-time push system"),
])
def test_a_definition_of_another_thing_does_not_describe_the_technology(text, name, expected):
    assert describe_unknown(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # without an auxiliary a participle describes the nearest noun, not a phrase joined to it by "of"
    ("It was the start of 54 matches streamed on Vidly in June.", "Vidly", None),
    ("It was the final of the cup streamed on Vidly to 9 million viewers.", "Vidly", None),
    ("We run a fleet of payment services written in Golang.", "Golang", "Builds payment services"),
    # the inverses: with an auxiliary the subject is the whole phrase; a nearest noun phrase that says enough
    ("The highlights of every match are streamed on Vidly within minutes.", "Vidly",
     "Streams the highlights of every match"),
    ("It was the start of the nightly match highlights streamed on Vidly.", "Vidly", "Streams the nightly match highlights"),
])
def test_a_participle_after_a_noun_describes_the_nearest_noun(text, name, expected):
    assert describe_unknown(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # a bracketed relative clause is a clause's tail, and what a technology may do is not what it does
    ("Acme hands off delivery of the file to Gateway (which may itself fetch from S3, depending on the backend).",
     "Gateway", None),
    ("We hand every upload to Vaulty (which then stores every file encrypted in three regions).", "Vaulty", None),
    ("We could route every billing request through Kong.", "Kong", None),
    ("Hopper might cache every rendered product page for an hour.", "Hopper", None),
    # the inverses: the same doing, said for sure
    ("Hopper caches every rendered product page for an hour.", "Hopper", "Caches every rendered product page for an hour"),
    ("We route every billing request through Kong.", "Kong", "Routes every billing request"),
])
def test_a_clause_tail_or_a_possibility_is_no_description(text, name, expected):
    assert describe_unknown(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # a comma between an article's adjectives splits a noun phrase: the article and adjective go with the rest
    ("Our team built a tool called Lantern which compiles data from our discovery and content networks into a "
     "single, easy to extend database.", "Lantern", "Compiles data from Acme's discovery and content networks"),
    ("Lantern compiles data from every node into a single, easy to extend database.", "Lantern",
     "Compiles data from every node"),
    ("Lantern streams logs into a new, faster cluster every night.", "Lantern", None),
    # the inverses: a whole noun phrase before the comma stays
    ("Lantern compiles data from every node into a database, which analysts query daily.", "Lantern",
     "Compiles data from every node into a database"),
    ("Lantern streams logs into the new cluster, every night.", "Lantern", "Streams logs into the new cluster"),
])
def test_a_noun_phrase_split_by_a_comma_is_not_kept_in_half(text, name, expected):
    assert describe_unknown(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # a list of tasks, each with its own tool: the words before the name's task are another tool's
    ("We chose HDFS for storage, resource scheduling using Yarny and ingestion via Flumex.", "Flumex", None),
    ("Builds run through Jenkins and deploys via Spinnaker.", "Spinnaker", None),
    ("We handle alerting using PagerDuty, or paging via Opsgenie.", "Opsgenie", None),
    # the inverses: an instrument inside what the name does; the name's own task alone
    ("We set up a Fastly service to cache images served via Camo.", "Fastly", "Caches images served via Camo"),
    ("We use Flumex for ingestion from every relational database.", "Flumex", "Ingestion from every relational database"),
])
def test_another_tool_s_task_in_a_list_is_not_the_name_s(text, name, expected):
    assert (describe_text(text, name) if name == "Fastly" else describe_unknown(text, name)) == expected


@pytest.mark.parametrize("text, name, expected", [
    # "A X is …" says what any X is
    ("A DataFrame is an abstraction on top of an RDD.", "DataFrame", None),
    ("An Ingressor is a controller that routes external traffic to services.", "Ingressor", None),
    ("Every Podlet is a small agent that reports node health.", "Podlet", None),
    # the inverses: the company's own one, named without an article
    ("Our Ingressor is the controller that routes external traffic to every service.", "Ingressor",
     "Controller routing external traffic to every service"),
    ("Podlet reports the health of every node to Acme's dashboard.", "Podlet",
     "Reports the health of every node to Acme's dashboard"),
])
def test_a_definition_of_any_one_of_a_kind_is_no_description(text, name, expected):
    assert describe_unknown(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # "---" and "--" written for a dash end a clause, as "—" does
    ("It arrives by an automated ingestion process---principally via Kafkax sinks---in many formats.", "Kafkax", None),
    ("Our nightly jobs--mostly exports--run on Batchy in two regions.", "Batchy", None),
    ("Logs are shipped to Lokix--our search cluster--every minute.", "Lokix", None),
    # the inverses: a hyphenated word is one word; the same clause without the aside
    ("Batchy runs the end-to-end export jobs every night.", "Batchy", "Runs the end-to-end export jobs every night"),
    ("Batchy exports every customer invoice—mostly as CSV files.", "Batchy", "Exports every customer invoice"),
])
def test_a_double_or_triple_hyphen_is_a_dash(text, name, expected):
    assert describe_unknown(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # a relative clause with "that" says what the thing before it does, so it stays when it fits
    ("Argonaut serves a dashboard that shows resources in the cluster, and a command line.", "Argonaut",
     "Serves a dashboard that shows resources in the cluster"),
    ("Tallyho keeps a ledger that records every refund.", "Tallyho", "Keeps a ledger that records every refund"),
    ("Pagely renders a dashboard that lists every open incident for the on-call team.", "Pagely",
     "Renders a dashboard that lists every open incident for the on-call team"),
    # the inverses: a clause cut short by the name, one about the writers, an aside after a comma, one too long
    ("Every click generates an event that flows through Streamy topics.", "Streamy", None),
    ("Argonaut serves a status dashboard that we built for the operators.", "Argonaut", "Serves a status dashboard"),
    ("Argonaut serves a status dashboard, which shows resources in the cluster.", "Argonaut",
     "Serves a status dashboard"),
    ("Tallyho keeps a ledger that records every refund issued by the payment teams across all of the regions.",
     "Tallyho", None),
    ("Argonaut makes that process simple.", "Argonaut", None),
])
def test_a_relative_clause_saying_what_the_object_does_is_kept(text, name, expected):
    assert describe_unknown(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # over the word limit, a closing phrase of place is dropped: the verb and its object still say the use
    ("Herder manages the Kubernetes deployments of each application's Helm chart from the shared configuration "
     "repository.", "Herder", "Manages the Kubernetes deployments of each application's Helm chart"),
    ("The Dnsbot add-on creates and manages Domain Name System records in AWS Route 53 for exposed Kubernetes "
     "services.", "Dnsbot", "Creates and manages Domain Name System records"),
    ("Herder copies nightly invoices from the billing database to the warehouse tables in the analytics account.",
     "Herder", "Copies nightly invoices from the billing database to the warehouse tables"),
    # the inverses: a word that needs the dropped phrase ("the equivalent role [in …]", "tables hosted [in …]")
    ("Rolemap maps a user's AWS Identity Access Management role to the equivalent role in Kubernetes clusters.",
     "Rolemap", None),
    ("Linehaul publishes new data to the following BigQuery tables hosted in the public data project.", "Linehaul",
     None),
])
def test_a_closing_phrase_of_place_goes_when_the_clause_is_too_long(text, name, expected):
    assert describe_unknown(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # every verb of a purpose's series takes the third person, an adverb before it too
    ("We use Packly to retrieve and appropriately set MIME types on files.", "Packly",
     "Retrieves and appropriately sets MIME types on files"),
    ("We use Packly to build and quickly publish the release bundles for every app.", "Packly",
     "Builds and quickly publishes the release bundles for every app"),
    # the inverse: an adverb after the series' last verb is no verb (and a bare adverb ends no phrase)
    ("We use Packly to build and publish release bundles quickly.", "Packly", "Builds and publishes release bundles"),
])
def test_a_verb_series_after_an_adverb_agrees(text, name, expected):
    assert describe_unknown(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # "which" with no comma before it says which pipeline is meant, so its clause stays when it fits
    ("When a change is merged, Shipyard runs the pipeline of the application which does unit testing, builds an "
     "image and ships it.", "Shipyard", "Runs the pipeline of the application which does unit testing"),
    # the inverse: after a comma it is an aside
    ("Shipyard runs the release pipeline of the billing application, which does unit testing and ships it.",
     "Shipyard", "Runs the release pipeline of the billing application"),
    # "one of the key components of …" says what it belongs to, as "component of …" does
    ("Dockyard is a one of the key component of our infrastructure.", "Dockyard", None),
    # a purpose cut before "how and where …" lost what it was about, so it goes with the question word
    ("To measure progress we use Pingr, which provides reports and insights to inform how and where to reduce our "
     "footprint.", "Pingr", "Provides reports and insights"),
    # the inverses: a purpose with its object, and a question word inside what is kept
    ("Pingr sends weekly reports to inform the product teams.", "Pingr",
     "Sends weekly reports to inform the product teams"),
    ("We use Pingr to collect reports to decide when to scale the web tier.", "Pingr",
     "Collects reports to decide when to scale the web tier"),
])
def test_which_clauses_membership_and_question_words_after_round_20(text, name, expected):
    assert describe_unknown(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # a past-tense verb joined to a purpose by "and" is the writers' own doing, not the tool's
    ("We used Snapper to take hourly snapshots and built robust Python workflows for restoration.", "Snapper",
     "Takes hourly snapshots"),
    # the inverses: participles before a noun, and a series of base verbs
    ("We used Snapper to store the uploaded and processed images.", "Snapper", "Stores the uploaded and processed images"),
    ("We use Snapper to read and write requests.", "Snapper", "Reads and writes requests"),
])
def test_a_past_tense_verb_after_a_purpose_is_the_subject_s(text, name, expected):
    assert describe_unknown(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # a plural noun after the name, with its own verb or an "of" phrase, is what the sentence is about: the
    # requests, instances or tests say nothing of what the technology does
    ("Most Django requests end the long poll with a heartbeat event.", "Django", None),
    ("The ECS cluster instances also have access to the internal datacenters.", "ECS", None),
    ("Python tests of both the command-line tool and the configuration.", "Python", None),
    ("Nginx workers usually handle the TLS handshake for every client.", "Nginx", None),
    ("Kafka consumers are restarted when a deploy finishes.", "Kafka", None),
    ("Jenkins builds of each branch take ten minutes.", "Jenkins", None),
    # the inverses: a verb in the third person, whatever follows it
    ("Redis caches frequently accessed data for the web tier.", "Redis", "Caches frequently accessed data for the web tier"),
    ("Elasticsearch powers search for the help centre articles.", "Elasticsearch", "Powers search for the help centre articles"),
    ("Jenkins builds every branch of the mobile applications.", "Jenkins", "Builds every branch of the mobile applications"),
    ("Kafka streams the click events to the analytics warehouse.", "Kafka", "Streams the click events to the analytics warehouse"),
    ("Nginx handles the TLS handshake for every client.", "Nginx", "Handles the TLS handshake for every client"),
])
def test_a_plural_noun_after_the_name_with_its_own_verb_is_not_the_technology_s_verb(text, name, expected):
    assert describe_text(text, name) == expected


@pytest.mark.parametrize("name, expected", [
    ("Spotify", "Spotify's"), ("Audius", "Audius's"), ("Lichess", "Lichess's"), ("Our World in Data", "Our World in Data's"),
    ("The National Archives", "The National Archives'"), ("Open Food Facts", "Open Food Facts'"),
])
def test_a_name_ending_in_a_plural_noun_takes_the_apostrophe_alone(name, expected):
    from postgen.grammar import possessive
    assert possessive(name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # what the company puts into a store, after an adverb or with a quantity: the store does it
    ("We recently indexed about 6 million documents with user-inputted text into Elasticsearch.", "Elasticsearch",
     "Indexes about 6 million documents with user-inputted text"),
    ("We currently store 40 terabytes of request logs in Amazon S3.", "Amazon S3", "Stores 40 terabytes of request logs"),
    ("They quickly load all product images into Redis.", "Redis", "Loads all product images"),
    # the inverses: a verb that is no use of a store, a subject that is not the company, a bare plural object
    ("We recently talked about 6 million requests with Zendesk.", "Zendesk", None),
    ("Customers recently uploaded 6 million photos into Amazon S3.", "Amazon S3", None),
    ("We recently indexed documents into Elasticsearch.", "Elasticsearch", None),
])
def test_what_the_company_puts_into_a_store_is_what_the_store_does(text, name, expected):
    assert (describe_unknown(text, name) if name == "Zendesk" else describe_text(text, name)) == expected


@pytest.mark.parametrize("text, name, expected", [
    # a choice still open ("either … or") and a need say nothing of what the technology does there
    ("We can either use Amazon EKS, or a custom control plane based on Amazon EC2 instances.", "Amazon EC2", None),
    ("We either run the nightly reports on Jenkins or on a laptop.", "Jenkins", None),
    ("Billing needs to spread the invoice rendering across many Celery workers.", "Celery", None),
    # a subordinating conjunction opening the sentence is no part of the noun phrase
    ("Because Devbox is powered by Nix, every package is pinned.", "Nix", None),
    # the writer's praise, where it runs, and someone's slogan in quotation marks are no description
    ("Devbox provides a useful CLI to search for packages.", "Devbox", None),
    ("Jenkins runs on a single virtual machine in the office.", "Jenkins", None),
    ("We chose Kubernetes for our tools, running on Amazon EKS as the control plane.", "Kubernetes", None),
    ("GitHub Codespaces: Codespaces is billed as a \"dev environment in the cloud.\"", "GitHub Codespaces", None),
    # the inverses
    ("Our custom control plane is based on Amazon EC2 instances in two regions.", "Amazon EC2",
     "Powers Acme's custom control plane"),
    ("Celery spreads the invoice rendering across many workers.", "Celery", "Spreads the invoice rendering across many workers"),
    ("Because the Debian build system is powered by Nix, every package is pinned.", "Nix",
     "Powers the Debian build system"),
    ("Devbox provides package search in every project.", "Devbox", "Provides package search in every project"),
    ("Jenkins runs the nightly reports on a single virtual machine.", "Jenkins",
     "Runs the nightly reports on a single virtual machine"),
    ("AWS Lambda generates the \"references\" based on an incremented counter.", "AWS Lambda",
     "Generates the \"references\" based on an incremented counter"),
])
def test_an_open_choice_a_need_praise_a_place_or_a_slogan_is_no_description(text, name, expected):
    assert describe_unknown(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # a purpose cut before its object goes with the cut ("to ensure [that …]", "to view[, access and manage …]")
    ("- Nexus Repository Manager: Tool for artifact management to ensure that every environment deploys the same build.",
     "Nexus Repository Manager", "Tool for artifact management"),
    ("- Confluence: Shared space for collaboration to view, access and manage all tasks of the team.", "Confluence",
     "Shared space for collaboration"),
    # the inverse: a purpose with its object stays
    ("- Nexus Repository Manager: Tool for artifact management to store every build artifact.",
     "Nexus Repository Manager", "Tool for artifact management to store every build artifact"),
    # a one-letter name keeps its capital after a role verb
    ("It is a C library built with CMake for every platform.", "CMake", "Powers a C library"),
    # a verdict opening the description is no use; the inverse: a comparative later in it
    ("RedisGraph is a better project for the issues opened by our users.", "RedisGraph", None),
    ("Specta allows our specs to read like English and have better structure.", "Specta",
     "Allows Acme's specs to read like English and have better structure"),
])
def test_a_dangling_purpose_a_one_letter_name_and_a_verdict(text, name, expected):
    assert describe_unknown(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # "the" and everyday words for a kind of the company's own thing point back to where the text said which one
    ("The load process is automatically triggered by Tidewell when a sqlite3 file is uploaded.", "Tidewell", None),
    ("The hosting platform is built on top of Tidewell.", "Tidewell", None),
    ("Tidewell runs the pipeline of the application.", "Tidewell", None),
    ("Tidewell powers the main system.", "Tidewell", None),
    # the inverses: a rarer word or a name says which, an indefinite article introduces it, and "infrastructure"
    # is no thing of its own kind
    ("Tidewell runs the billing pipeline of the shop.", "Tidewell", "Runs the billing pipeline of the shop"),
    ("Tidewell runs the django app.", "Tidewell", "Runs the django app"),
    ("Tidewell triggers the nightly invoice export process.", "Tidewell", "Triggers the nightly invoice export process"),
    ("Tidewell runs a data pipeline for the shop.", "Tidewell", "Runs a data pipeline for the shop"),
    ("Tidewell builds the iOS application of the shop.", "Tidewell", "Builds the iOS application of the shop"),
    ("Tidewell powers the mobile apps of the shop.", "Tidewell", "Powers the mobile apps of the shop"),
    ("Tidewell hosts the hundreds of services of the shop.", "Tidewell", "Hosts the hundreds of services of the shop"),
    ("Tidewell provisions the underlying infrastructure.", "Tidewell", "Provisions the underlying infrastructure"),
])
def test_a_kind_named_before_does_not_stand_alone(text, name, expected):
    assert describe_unknown(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # what a technology itself uses says how it works, not what it does at the company
    ("Tidewell utilises DAGs to trigger a set of jobs and tasks.", "Tidewell", None),
    ("Tidewell leverages Amazon Bedrock to talk to language models.", "Tidewell", None),
    ("Tidewell uses a pull model to collect metrics from every service.", "Tidewell", None),
    ("Tidewell relies on ZooKeeper to elect a leader for every partition.", "Tidewell", None),
    # the inverses: the technology used by the company for a purpose, and a verb of doing
    ("The billing team uses Tidewell to reconcile every invoice with the bank statements.", "Tidewell",
     "Reconciles every invoice with the bank statements"),
    ("Tidewell collects metrics from every service of the shop.", "Tidewell", "Collects metrics from every service of the shop"),
    ("We rely on Tidewell to elect a leader for every partition.", "Tidewell", "Elects a leader for every partition"),
])
def test_what_a_technology_itself_uses_is_not_its_use(text, name, expected):
    assert describe_unknown(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # two words headed by a noun for a doing say what is done with it, as a gerund does ("Background processing")
    ("We use Tidewell for workflow management.", "Tidewell", "Workflow management"),
    ("We use Tidewell for container orchestration.", "Tidewell", "Container orchestration"),
    ("Tidewell is used for log storage.", "Tidewell", "Log storage"),
    ("We use Tidewell for error detection.", "Tidewell", "Error detection"),
    # the inverses: a kind of thing, a noun that only ends like one, and a rank before the doing
    ("We use Tidewell for web applications.", "Tidewell", None),
    ("We use Tidewell for the sales department.", "Tidewell", None),
    ("We use Tidewell for core integration.", "Tidewell", None),
])
def test_two_words_naming_a_doing_are_a_description(text, name, expected):
    assert describe_unknown(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # a "-based" compound's noun phrase ends where another doing or the subject's verb begins
    ("A mirror is kept by consuming data from the Kafka-based journal and retrieving the blob objects from the "
     "object storage.", "Kafka", None),
    ("The shop has a Tidewell-based ledger and writes every invoice to it.", "Tidewell", None),
    ("Our Tidewell-backed session store and cache serve every request.", "Tidewell", "Powers session store and cache"),
    # the inverses: a gerund that modifies the next noun, and a phrase with no second doing
    ("We use a Tidewell-based crawler and indexing pipeline for the catalogue.", "Tidewell",
     "Powers crawler and indexing pipeline for the catalogue"),
    ("We built a Tidewell-based API gateway and service registry for the shop.", "Tidewell",
     "Powers API gateway and service registry for the shop"),
])
def test_a_compound_s_noun_phrase_ends_at_another_doing(text, name, expected):
    assert describe_unknown(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # an "own" whose noun was cut off, markup copied from the source, and only a rank and where it runs
    ("We not only use open source, but we also write and distribute our own through Tidewell.", "Tidewell", None),
    ("This service is a recent addition to the |swh| architecture based on Tidewell.", "Tidewell", None),
    ("The store supports both Tidewell (the current solution in production) and Cassandra.", "Tidewell", None),
    ("The store supports Tidewell (our main database in production).", "Tidewell", None),
    # the inverses: "own" with its noun, a bar that is no markup of the description, and a rank with what it holds
    ("We write and distribute our own libraries through Tidewell.", "Tidewell", "Distributes Acme's own libraries"),
    ("Tidewell indexes our own product pages.", "Tidewell", "Indexes Acme's own product pages"),
    ("The store supports Tidewell (the current ledger store in production) and Cassandra.", "Tidewell",
     "Current ledger store in production"),
])
def test_a_cut_off_own_markup_or_a_rank_in_production_is_no_description(text, name, expected):
    assert describe_unknown(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # the parts a product comes with say what it is made of, not what it does at the company
    ("Tidewell provides a web UI for the deploy queue.", "Tidewell", None),
    ("Tidewell provides a small CLI to search for packages.", "Tidewell", None),
    ("Tidewell offers the lazy function for splitting bundles.", "Tidewell", None),
    ("Tidewell ships the dump utility to copy tables to disk.", "Tidewell", None),
    ("Tidewell provides tools to serialise the fitted model to S3.", "Tidewell", None),
    # the inverses: what it provides is a doing, a capability or an interface of the company's own library
    ("Tidewell provides templating within the HTML pages.", "Tidewell", "Provides templating within the HTML pages"),
    ("Tidewell provides discussion forum capability within the platform.", "Tidewell",
     "Provides discussion forum capability within the platform"),
    ("Tidewell provides an API for the billing service.", "Tidewell", "Provides an API for the billing service"),
    ("Tidewell runs the command queue of the shop.", "Tidewell", "Runs the command queue of the shop"),
])
def test_the_parts_a_product_ships_are_not_its_use(text, name, expected):
    assert describe_unknown(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # the role the new side of a move was moved into is what it does now
    ("We recently switched from using Redis to using Memcached as our session cache of choice.", "Memcached",
     "Acme's session cache of choice"),
    ("We recently switched from Redis to Memcached as our session cache for the web tier.", "Memcached",
     "Acme's session cache for the web tier"),
    ("We replaced Jenkins with Buildkite as our CI runner for every team.", "Buildkite",
     "Acme's CI runner for every team"),
    # the inverses: the old side, another clause of the move's sentence, and a "to" that is no move
    ("We moved from Jenkins to Buildkite as our CI runner for every team.", "Jenkins", None),
    ("After we moved the ledger off Oracle, PostgreSQL stores it.", "PostgreSQL", None),
    ("We migrated from MySQL to PostgreSQL, which now stores every invoice of the shop.", "PostgreSQL", None),
    ("We sent the logs to Elasticsearch as our search index for every team.", "Elasticsearch", None),
])
def test_the_new_side_of_a_move_is_described_by_the_role_it_took(text, name, expected):
    assert describe_text(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # words after a name's comma with a finite verb of their own are the next clause's subject, no appositive
    ("For the archived reports, which do not come from Redis, a temporary internally facing Wordpress site would "
     "allow them to be managed.", "Redis", None),
    ("Orders that pass through RabbitMQ, the queue must keep for a week.", "RabbitMQ", None),
    # the inverses: a true appositive, and one with a relative clause of its own
    ("The team built on Backstage, an internal developer portal for every squad.", "Backstage",
     "Internal developer portal for every squad"),
    ("We deploy with Ansible, a provisioning tool that pushes every release to the servers.", "Ansible",
     "Provisioning tool pushing every release to the servers"),
    ("Search goes through Elasticsearch, the index that holds every product listing.", "Elasticsearch",
     "Index holding every product listing"),
])
def test_an_appositive_has_no_finite_verb_of_its_own(text, name, expected):
    assert describe_text(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # a clause opened by a participle goes on with the clause before it, and a plan there is its plan too
    ("The importer would store the files in blob storage, triggering Elasticsearch to update the search indexes.",
     "Elasticsearch", None),
    ("We will shard the orders table, leaving Redis to cache the hot keys for every region.", "Redis", None),
    ("The gateway would check the tokens first, letting Envoy route every request to the right pod.", "Envoy", None),
    ("The new service could write the ledger first, letting Redis cache the balances for each account.", "Redis", None),
    # the inverses: the same clauses after a clause in the present tense, or a plan in a later clause
    ("The importer stores the files in blob storage, triggering Elasticsearch to update the search indexes.",
     "Elasticsearch", "Updates the search indexes"),
    ("Redis caches the balances for each account, and we will add a second region next year.", "Redis",
     "Caches the balances for each account"),
])
def test_a_participle_clause_after_a_plan_is_part_of_the_plan(text, name, expected):
    assert describe_text(text, name) == expected


@pytest.mark.parametrize("text, name, expected", [
    # what the company could do with a technology is a possibility, not what the technology does there
    ("The diagram above shows how we can leverage Kubernetes to host an API pod for the medicines service.",
     "Kubernetes", None),
    ("With this design we can use Redis to cache the sessions of every user.", "Redis", None),
    ("They can run Apache Kafka to stream the order events between regions.", "Apache Kafka", None),
    ("In the new setup we can deploy Nginx to serve the static files of the site.", "Nginx", None),
    # the inverses: the technology as the subject, a present use, or "can" after the name
    ("Kubernetes hosts an API pod for the medicines service.", "Kubernetes", "Hosts an API pod for the medicines service"),
    ("We use Redis to cache the sessions of every user.", "Redis", "Caches the sessions of every user"),
    ("Apache Kafka streams the order events between regions, so we can replay them.", "Apache Kafka",
     "Streams the order events between regions"),
])
def test_what_the_company_can_do_with_a_technology_is_no_description(text, name, expected):
    assert describe_text(text, name) == expected
