"""Claim ids that cannot collide: C, C#, C++, .NET and Net are five claims, and a reviewer's
decision lands on the claim it was made on, in memory, through a re-draft, and in files
written with the old slug ids."""

from __future__ import annotations

from ruamel.yaml import YAML

from postgen.claim_ids import assign_ids, claim_id, identity, is_id_of, unused_id
from postgen.models import Claim
from postgen.review import apply_review, merge_claims
from postgen.yamlio import dump_yaml, round_trip_yaml

NAMES = ["C", "C#", "C++", ".NET", "Net"]
NOW = "2026-01-01T00:00:00+00:00"
SAFE = YAML(typ="safe")


def claim(technology: str, description: str | None = None, tag: str = "Backend") -> Claim:
    quote = f"Acme writes its services in {technology}."
    return Claim(technology=technology, tag=tag, description=description or f"runs the {technology} services",
                 status="current", citations=[{"source": "blog", "quote": quote, "start": 0, "end": len(quote),
                                               "status": "exact"}])


def by_technology(entries) -> dict:
    return {entry["technology"]: entry for entry in entries}


def test_identity_keeps_punctuation_and_folds_only_case_width_and_spaces():
    assert len({identity(name) for name in NAMES}) == 5
    assert len({claim_id(name) for name in NAMES}) == 5
    assert identity("Ｃ＃") == identity("c#")  # full-width forms are the same name (NFKC)
    assert identity("  Apache\tKafka ") == identity("apache kafka")
    assert claim_id("Apache Kafka") == claim_id("apache  kafka")
    assert claim_id("C#").startswith("t-") and is_id_of(claim_id("C#"), "c#") and not is_id_of("c", "C")


def test_rejecting_c_sharp_leaves_c_and_c_plus_plus_in_the_post():
    claims = [claim(name) for name in NAMES]
    merged = merge_claims([], claims, NOW)
    assert len({entry["id"] for entry in merged}) == 5
    by_technology(merged)["C#"]["review"] = "rejected"
    by_technology(merged)[".NET"]["description"] = "runs the Windows client"

    usable = {c.technology: c for c in apply_review(claims, merged)}
    assert set(usable) == {"C", "C++", ".NET", "Net"}
    assert usable[".NET"].description == "runs the Windows client"
    assert usable["Net"].description == "runs the Net services"


def test_ids_are_stable_across_redrafts_and_survive_a_claim_going_missing():
    first = merge_claims([], [claim(name) for name in NAMES], NOW)
    ids = {entry["technology"]: entry["id"] for entry in first}
    second = merge_claims(list(first), [claim(name, "rewritten by a new model") for name in reversed(NAMES[:4])], NOW)
    assert {entry["technology"]: entry["id"] for entry in second} == ids
    assert by_technology(second)["Net"]["found"] is False


def test_a_taken_id_makes_the_newcomer_longer_and_never_renames_the_holder():
    holder = {"id": claim_id("Kafka"), "technology": "Kafka"}
    # Force the newcomer's first ten digits to be taken, as a hash collision would.
    assert unused_id("Flink", {claim_id("Flink")}) == claim_id("Flink", 11)
    entries = [holder, {"technology": "Flink", "id": claim_id("Flink")}, {"technology": "Flink"}]
    assign_ids(entries)
    assert holder["id"] == claim_id("Kafka")
    assert entries[1]["id"] == claim_id("Flink") and entries[2]["id"] == claim_id("Flink", 11)


OLD_FORMAT = """\
claims:
  - id: c  # slug id: C, C# and C++ all slugged to 'c'
    review: rejected  # we do not use C# any more
    technology: C#
    description: the old Windows client
    machine_description: builds desktop tools
    tag: Backend
    status: current
    citations: []
  - id: net
    review: approved
    technology: .NET
    description: runs the Windows client
    machine_description: Windows client
    tag: Backend
    status: current
    citations: []
  - id: python
    review: approved
    technology: Python
    description: glues the build together
    machine_description: build scripts
    tag: Backend
    status: current
    citations: []
"""


def test_a_draft_with_old_slug_ids_keeps_every_decision_edit_and_comment():
    yaml = round_trip_yaml()
    document = yaml.load(OLD_FORMAT)
    claims = [claim(name) for name in ["C", "C#", "C++", ".NET", "Net", "Python"]]
    merged = merge_claims(list(document["claims"]), claims, NOW)
    document["claims"] = merged
    text = dump_yaml(document)

    entries = by_technology(SAFE.load(text)["claims"])
    assert entries["C#"]["review"] == "rejected" and entries["C#"]["description"] == "the old Windows client"
    assert entries[".NET"]["review"] == "approved" and entries[".NET"]["description"] == "runs the Windows client"
    assert entries["Python"]["review"] == "approved" and entries["Python"]["description"] == "glues the build together"
    for fresh in ("C", "C++", "Net"):
        assert entries[fresh]["review"] == "pending"
    assert "# we do not use C# any more" in text and "# slug id" in text
    assert {entry["id"] for entry in entries.values()} == {claim_id(name) for name in entries}
    assert [name for name in entries][:3] == ["C#", ".NET", "Python"]  # old entries keep their place

    usable = {c.technology for c in apply_review(claims, merged)}
    assert usable == {"C", "C++", ".NET", "Net", "Python"}


# ---------------------------------------------------------------- through `postgen draft` (stub server)

# Each sentence attaches a description to its language, so each can be a row.
LANGS_TEXT = (
    "The network drivers are built with C for speed. "
    "Acme's search engine is built on C++. "
    "Acme's desktop tools are built with C#. "
    "Acme's web shop is powered by .NET.\n"
)
C_SHARP_SENTENCE = "Acme's desktop tools are built with C#."
DOTNET_SENTENCE = "Acme's web shop is powered by .NET."


def languages_project(project, text: str = LANGS_TEXT):
    project.write_source_file("acme", "langs.txt", text)
    registry = project.sources / "acme.yaml"
    registry.write_text(registry.read_text() + "  - id: langs\n    title: Languages at Acme\n    file: acme/files/langs.txt\n")
    assert project.cli("fetch", "--company", "acme").returncode == 0
    return project


def run_draft(project, stub_llm):
    result = project.cli("draft", "--company", "acme", "--llm", stub_llm.url, "--model", "stub")
    assert result.returncode == 0, result.output
    return project.outputs() / "draft.yaml"


def edit_claims(path, edit) -> None:
    yaml = round_trip_yaml()
    document = yaml.load(path.read_text(encoding="utf-8"))
    for entry in document["claims"]:
        edit(entry)
    path.write_text(dump_yaml(document), encoding="utf-8")


def test_rejecting_c_sharp_in_draft_yaml_survives_a_redraft_and_only_c_sharp_leaves(project, stub_llm):
    path = run_draft(languages_project(project), stub_llm)
    entries = by_technology(SAFE.load(path.read_text())["claims"])
    assert {"C", "C#", "C++", ".NET"} <= set(entries)
    assert {entries[name]["id"] for name in ("C", "C#", "C++", ".NET")} == {claim_id(n) for n in ("C", "C#", "C++", ".NET")}

    def reject_c_sharp(entry):
        if entry["technology"] == "C#":
            entry["review"] = "rejected"
            entry.yaml_add_eol_comment("moved off C# last year", "review")

    edit_claims(path, reject_c_sharp)
    path = run_draft(project, stub_llm)
    text = path.read_text()
    entries = by_technology(SAFE.load(text)["claims"])
    assert entries["C#"]["review"] == "rejected" and "# moved off C# last year" in text
    assert all(entries[name]["review"] == "pending" for name in ("C", "C++", ".NET"))
    rows = {row["technology"]: row for row in SAFE.load(text)["post"]["table"]}
    assert "C#" not in rows
    assert {"C", "C++", ".NET"} <= set(rows)
    assert all(rows[name]["claim"] == entries[name]["id"] for name in rows)
    assert rows["C"]["description"] == "Powers the network drivers"
    assert rows["C++"]["description"] == "Powers Acme's search engine"
    assert project.cli("eval", "--company", "acme").returncode == 0


def test_c_and_c_plus_plus_in_one_sentence_keep_their_own_descriptions(project, stub_llm):
    # C++'s words ("its search engine is built on") must not become C's description.
    path = run_draft(languages_project(project, "Acme writes its drivers in C, and its search engine is built on C++.\n"),
                     stub_llm)
    entries = by_technology(SAFE.load(path.read_text())["claims"])
    assert entries["C++"]["description"] == "Powers Acme's search engine" and "needs_review" not in entries["C++"]
    assert entries["C"]["description"] is None and entries["C"]["needs_review"] == "no acceptable description"
    rows = {row["technology"]: row for row in SAFE.load(path.read_text())["post"]["table"]}
    assert "C" not in rows and rows["C++"]["description"] == "Powers Acme's search engine"


def old_format_draft(project) -> str:
    """draft.yaml as the previous version wrote it: slug ids, status in the name, source_of_info text."""
    c_sharp, dotnet = LANGS_TEXT.index(C_SHARP_SENTENCE), LANGS_TEXT.index(DOTNET_SENTENCE)
    return f"""\
company: acme
company_name: Acme
generated_at: '2026-01-01T00:00:00+00:00'
model:
  backend: openai-compatible
  model: old
sources:
  - id: langs
    title: Languages at Acme
claims:
  - id: c
    review: rejected  # C# is gone from our stack
    technology: C#
    description: desktop tools
    machine_description: Powers Acme's desktop tools
    aliases: [C Sharp, CSharp]
    tag: Backend
    status: current
    citations:
      - {{source: langs, quote: "{C_SHARP_SENTENCE}", start: {c_sharp}, end: {c_sharp + len(C_SHARP_SENTENCE)}, status: exact}}
  - id: net
    review: approved
    technology: .NET
    description: the Windows client
    machine_description: Powers Acme's web shop
    tag: Backend
    status: current
    citations:
      - {{source: langs, quote: "{DOTNET_SENTENCE}", start: {dotnet}, end: {dotnet + len(DOTNET_SENTENCE)}, status: exact}}
rejected: []
post:
  brief: Acme builds with several languages.
  hashtags: ['#AcmeEngineering', '#TechStack']
  table:
    - technology: C# (former)
      tag: Backend
      description: desktop tools
      source_of_info: Languages at Acme
      logo: C
      logo_kind: monogram
    - technology: .NET
      tag: Backend
      description: the Windows client
      source_of_info: Languages at Acme
      logo: dotnet
      logo_kind: simple-icons
"""


def test_an_old_format_draft_reads_renders_and_redrafts_without_losing_a_decision(project, stub_llm):
    from postgen.render import build_context, load_draft

    languages_project(project)
    path = project.outputs() / "draft.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(old_format_draft(project), encoding="utf-8")

    data, post = load_draft(path)  # read in today's shape
    assert [(row.technology, row.status.value, row.claim) for row in post.table] == [
        ("C#", "former", claim_id("C#")), (".NET", "current", claim_id(".NET"))]
    assert post.table[1].sources[0].publisher == "Languages at Acme"
    assert post.table[1].sources[0].fragment == "Acme's web shop is powered by .NET"
    context = build_context("acme", data, post)
    assert [card.technology for card in context["cards"]] == [".NET"] and context["hidden"] == ["C#"]
    evaluated = project.cli("eval", "--company", "acme")
    assert "Traceback" not in evaluated.output and "every row's status is its claim's status" in evaluated.output

    path = run_draft(project, stub_llm)
    text = path.read_text()
    entries = by_technology(SAFE.load(text)["claims"])
    assert entries["C#"]["review"] == "rejected" and entries["C#"]["description"] == "desktop tools"
    assert entries[".NET"]["review"] == "approved" and entries[".NET"]["description"] == "the Windows client"
    assert entries["C"]["review"] == "pending" and entries["C++"]["review"] == "pending"
    assert "# C# is gone from our stack" in text
    assert all(entry["id"] == claim_id(name) for name, entry in entries.items())
    rows = {row["technology"]: row for row in SAFE.load(text)["post"]["table"]}
    assert "C#" not in rows and rows[".NET"]["description"] == "the Windows client"
    assert project.cli("eval", "--company", "acme").returncode == 0
