"""The lexicon is data the candidate pass trusts: well-formed, unambiguous, logos present."""

from pathlib import Path

import pytest

from postgen.lexicon import default_lexicon, distinctive, load_lexicon, names_in_text
from postgen.models import TAGS

ICONS = Path(__file__).resolve().parent.parent / "postgen" / "data" / "simple-icons" / "icons"


def test_every_entry_has_a_fixed_tag_unique_names_and_a_vendored_logo():
    lexicon = load_lexicon()
    seen: dict[str, str] = {}
    for technology in lexicon.technologies:
        assert technology.tag in TAGS, technology.name
        for name in technology.names:
            any_case = technology.ignore_case or distinctive(name)
            key = name.lower() if any_case else name  # what the matcher can confuse
            assert seen.get(key, technology.name) == technology.name, f"{name!r} is in both {seen[key]!r} and {technology.name!r}"
            seen[key] = technology.name
        if technology.logo:
            assert (ICONS / f"{technology.logo}.svg").is_file(), f"{technology.name}: no icon {technology.logo}.svg"


def test_longest_name_wins_and_ordinary_words_are_not_technologies():
    lexicon = default_lexicon()
    found = [t.name for t, _, _ in names_in_text("The app uses React Native, while Taylor Swift fans go swiftly.", lexicon)]
    assert found == ["React Native"]
    found = [t.name for t, _, _ in names_in_text("We use [fluentd](https://x.org) and kubernetes; node autoscaling.", lexicon)]
    assert sorted(found) == ["Fluentd", "Kubernetes"]


@pytest.mark.parametrize("text, expected", [
    # a short name that is no English word is matched as casual prose writes it, in lowercase
    ("We introduced poetry for dependency management and embraced docker for containerisation.", ["Docker"]),
    ("Logs go from nginx to kafka, then to redis.", ["Nginx", "Apache Kafka", "Redis"]),
    ("The heroku dynos run the app.", ["Heroku"]),
    # the inverses: a short name that is an English word keeps its capital, as does a name shorter than five letters
    ("We keep a hive of workers and flask of coffee near the helm.", []),
    ("The gulp of air before the express train left.", []),
    ("Each node reads the spark plug data.", []),
])
def test_a_short_rare_name_is_matched_in_lowercase(text, expected):
    assert sorted(technology.name for technology, _, _ in names_in_text(text, default_lexicon())) == sorted(expected)


@pytest.mark.parametrize("text, expected", [
    # a capitalised name in lowercase between an article and "of" is the common noun
    ("It holds a superset of the data the API serves.", []),
    ("In the spring of 2019 we moved the jobs.", []),
    # the inverses: the name as written, or the lowercase word used as a name
    ("We run Superset on top of the warehouse.", ["Apache Superset"]),
    ("We adopted a Superset of our own for dashboards.", ["Apache Superset"]),
    ("We chart it with a superset dashboard.", ["Apache Superset"]),
])
def test_a_lowercase_name_between_an_article_and_of_is_a_common_noun(text, expected):
    assert [technology.name for technology, _, _ in names_in_text(text, default_lexicon())] == expected


@pytest.mark.parametrize("name, general", [
    ("JSON", True), ("REST APIs", True), ("RPCs", True), ("TCP/IP", True), ("Domain Name System", True),
    ("PaaS", True),
    # architecture styles, singular or plural, however the words are joined
    ("Microservice", True), ("Micro Frontends", True), ("Micro-FrontEnds", True), ("Microfrontend", True),
    # the inverses: products named after a format or protocol, and ordinary products
    ("JSON Web Token", False), ("gRPC", False), ("HTTP Live Streaming", False), ("Azure CLI", False),
    ("PostgreSQL", False), ("Frontend Toolkit", False),
])
def test_formats_protocols_and_kinds_of_interface_are_general_terms(name, general):
    assert default_lexicon().is_general_term(name) is general
