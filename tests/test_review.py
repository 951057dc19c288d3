"""draft.yaml as a reviewer sees it: decisions and edits survive re-drafts, evals catch tampering."""

from __future__ import annotations

from ruamel.yaml import YAML

from postgen.claim_ids import claim_id
from stub_openai import Step, sensible_answer

SAFE = YAML(typ="safe")
KAFKA, RUST, GRAFONIX = claim_id("Apache Kafka"), claim_id("Rust"), claim_id("Grafonix")


def drafted(project, stub_llm, *extra):
    """The command's result and the draft it wrote."""
    result = project.cli("draft", "--company", "acme", "--llm", stub_llm.url, "--model", "stub", *extra)
    assert result.returncode == 0, result.output
    return result, project.outputs() / "draft.yaml"


def draft(project, stub_llm, *extra):
    return drafted(project, stub_llm, *extra)[1]


def fetched(project):
    assert project.cli("fetch", "--company", "acme").returncode == 0
    return project


def claims_by_technology(path):
    return {claim["technology"]: claim for claim in SAFE.load(path.read_text())["claims"]}


def test_review_decisions_edits_and_comments_survive_a_redraft(project, stub_llm):
    path = draft(fetched(project), stub_llm)
    text = path.read_text()
    claims = claims_by_technology(path)
    assert {"Apache Kafka", "PostgreSQL", "Rust", "Grafonix", "Apache Spark"} <= set(claims)
    assert all(claim["review"] == "pending" for claim in claims.values())
    assert "Grafonix" in rows_of(path)

    text = text.replace(f"- id: {KAFKA}\n    review: pending", f"- id: {KAFKA}\n    review: approved  # checked with the platform team")
    text = text.replace(f"- id: {GRAFONIX}\n    review: pending", f"- id: {GRAFONIX}\n    review: rejected")
    kafka_description = claims["Apache Kafka"]["description"]
    text = text.replace(f"description: {kafka_description}", "description: Carries every order event", 1)
    path.write_text(text)

    # The article changes: Spark disappears from the data source, Flink arrives.
    project.write_source_file("acme", "data.txt", "The analytics team at Acme reads click events from Kafka every minute. "
                                                  "The nightly reports are processed by Apache Flink.\n")
    assert project.cli("fetch", "--company", "acme", "--refresh").returncode == 0
    path = draft(project, stub_llm)

    text = path.read_text()
    assert "# checked with the platform team" in text
    claims = claims_by_technology(path)
    assert claims["Apache Kafka"]["review"] == "approved"
    assert claims["Apache Kafka"]["description"] == "Carries every order event"
    assert claims["Grafonix"]["review"] == "rejected"
    assert claims["Apache Flink"]["review"] == "pending"
    assert claims["Apache Spark"]["found"] is False and "missing_since" in claims["Apache Spark"]

    post = SAFE.load(text)["post"]
    rows = {row["technology"]: row for row in post["table"]}
    assert "Grafonix" not in rows, "a claim the reviewer rejected reached the post"
    assert "Apache Spark" not in rows, "a claim no longer found reached the post"
    assert rows["Apache Kafka"]["description"] == "Carries every order event"
    assert "Apache Flink" in rows
    assert project.cli("eval", "--company", "acme").returncode == 0


def test_a_tampered_quote_or_offset_fails_eval_naming_claim_and_source(project, stub_llm):
    path = draft(fetched(project), stub_llm)
    assert project.cli("eval", "--company", "acme").returncode == 0
    original = path.read_text()

    path.write_text(original.replace("Acme's order pipeline is built on Apache Kafka.", "Acme runs everything on Apache Kafka.", 1))
    result = project.cli("eval", "--company", "acme")
    assert result.returncode == 1
    assert KAFKA in result.output and "'platform'" in result.output

    document = SAFE.load(original)
    kafka = next(claim for claim in document["claims"] if claim["id"] == KAFKA)
    start = kafka["citations"][0]["start"]
    path.write_text(original.replace(f"start: {start}\n", f"start: {start + 3}\n", 1))
    result = project.cli("eval", "--company", "acme", "--junit", str(project.root / "junit.xml"))
    assert result.returncode == 1
    assert KAFKA in result.output and "quote differs from the snapshot text" in result.output
    assert "<failure" in (project.root / "junit.xml").read_text()


def test_copy_naming_an_unverified_technology_is_dropped_and_the_checked_rest_kept(project, stub_llm):
    def answers(request):
        if request.schema_name == "Brief":
            # Haskell is in no source, so it is not a verified claim.
            return Step(content={"brief": "Acme reads click events from Apache Kafka. Its payment router is written in Haskell."})
        return sensible_answer(request)

    stub_llm.default = answers
    path = draft(fetched(project), stub_llm)
    post = SAFE.load(path.read_text())["post"]
    assert "Haskell" not in post["brief"]
    assert "Acme reads click events from Apache Kafka." in post["brief"]
    assert any("Haskell" in item and "not a verified claim" in item for item in post["dropped_copy"])
    brief_requests = [r for r in stub_llm.requests if r.schema_name == "Brief"]
    assert len(brief_requests) == 1  # asked once: the failing sentence is dropped, not asked for again

    edited = SAFE.load(path.read_text())
    edited["post"]["brief"] = edited["post"]["brief"].replace("Acme reads click events from Apache Kafka.",
                                                              "Acme streams orders through MongoDB.")
    assert "MongoDB" in edited["post"]["brief"]
    with path.open("w") as handle:
        SAFE.dump(edited, handle)
    result = project.cli("eval", "--company", "acme")
    assert result.returncode == 1 and "MongoDB" in result.output


def test_a_malformed_hand_edited_draft_is_reported_and_left_untouched(project, stub_llm):
    path = draft(fetched(project), stub_llm)
    broken = path.read_text().replace("review: pending", "review: [pending", 1)
    path.write_text(broken)
    result = project.cli("draft", "--company", "acme", "--llm", stub_llm.url, "--model", "stub")
    assert result.returncode == 2
    assert "draft.yaml" in result.output and "line" in result.output and "column" in result.output
    assert path.read_text() == broken


def rows_of(path) -> list[str]:
    return [row["technology"] for row in SAFE.load(path.read_text())["post"]["table"]]


def set_in_post(path, choices: dict[str, bool]) -> None:
    text = path.read_text()
    for technology, value in choices.items():
        entry = claims_by_technology(path)[technology]
        text = text.replace(f"- id: {entry['id']}\n    review: pending\n    in_post: {str(entry['in_post']).lower()}",
                            f"- id: {entry['id']}\n    review: pending\n    in_post: {str(value).lower()}")
    path.write_text(text)


def test_rows_are_selected_and_a_reviewer_flip_of_in_post_survives_redrafts(project, stub_llm):
    path = draft(fetched(project), stub_llm, "--rows", "2")
    claims = claims_by_technology(path)
    shown = rows_of(path)
    assert len(shown) == 2 and len(claims) > 2
    assert {name for name, claim in claims.items() if claim["in_post"]} == set(shown)
    assert all(claim["in_post"] == claim["machine_in_post"] for claim in claims.values())
    left_out = sorted(set(claims) - set(shown))[0]
    taken_out = shown[0]

    set_in_post(path, {left_out: True, taken_out: False})
    for _ in range(2):
        path = draft(project, stub_llm, "--rows", "2")
        claims = claims_by_technology(path)
        assert claims[left_out]["in_post"] is True and claims[taken_out]["in_post"] is False
        assert left_out in rows_of(path) and taken_out not in rows_of(path)
        assert len(rows_of(path)) == 2
    assert project.cli("eval", "--company", "acme").returncode == 0


def test_a_claim_without_acceptable_description_is_flagged_left_out_and_the_next_taken(project, stub_llm):
    # "Our newest payment router is in Rust." attaches no words to Rust that describe it.
    result, path = drafted(fetched(project), stub_llm)
    assert "needs review, left out of the post: Rust: no acceptable description" in result.output
    claims = claims_by_technology(path)
    rust = claims["Rust"]
    assert rust["description"] is None and rust["needs_review"] == "no acceptable description"
    assert rust["in_post"] is False and "Rust" not in rows_of(path)
    described = {name for name, claim in claims.items() if claim["description"]}
    assert set(rows_of(path)) == described and len(described) == 6  # every other claim is a row
    assert "description pending" not in path.read_text()

    # The reviewer writes one: the claim is no longer waiting and may be a row.
    path.write_text(path.read_text().replace(f"- id: {RUST}\n    review: pending\n    in_post: false\n    technology: Rust\n"
                                             "    description:\n", f"- id: {RUST}\n    review: pending\n    in_post: false\n"
                                             "    technology: Rust\n    description: Routes every payment\n"))
    path = draft(project, stub_llm)
    rust = claims_by_technology(path)["Rust"]
    assert "needs_review" not in rust and rust["description"] == "Routes every payment"
    assert "Rust" in rows_of(path)


def set_tag(path, technology: str, tag: str) -> None:
    entry = claims_by_technology(path)[technology]
    text = path.read_text()
    old = f"    tag: {entry['tag']}\n    machine_tag: {entry['machine_tag']}\n"
    assert old in text
    path.write_text(text.replace(old, f"    tag: {tag}\n    machine_tag: {entry['machine_tag']}\n", 1))


def test_a_guessed_tag_is_flagged_states_no_area_and_a_reviewer_s_tag_survives_redrafts(project, stub_llm):
    # The stub model tags every unknown name "Backend"; nothing in "rendered by Grafonix from PostgreSQL tables"
    # names an area, while "our monthly reporting portal" does (Ledgerline).
    result, path = drafted(fetched(project), stub_llm)
    assert "check the tag of Grafonix: 'Backend' is the model's guess" in result.output
    claims = claims_by_technology(path)
    assert claims["Grafonix"]["tag_guessed"] is True
    assert "tag_guessed" not in claims["Apache Kafka"] and "tag_guessed" not in claims["Ledgerline"]
    coverage = next(s for s in SAFE.load(path.read_text())["post"]["brief"].split(". ") if "across" in s)
    assert "backend" not in coverage  # only guessed tags say Backend among the post's rows

    set_tag(path, "Grafonix", "Observability")
    for _ in range(2):
        result, path = drafted(project, stub_llm)
        assert "check the tag of Grafonix" not in result.output
        claims = claims_by_technology(path)
        assert claims["Grafonix"]["tag"] == "Observability" and claims["Grafonix"]["machine_tag"] == "Backend"
        assert "tag_guessed" not in claims["Grafonix"]
        rows = {row["technology"]: row for row in SAFE.load(path.read_text())["post"]["table"]}
        assert rows["Grafonix"]["tag"] == "Observability"

    # a tag outside the closed list is refused, naming the file and the claim, and nothing is written
    set_tag(path, "Grafonix", "Dashboards")
    before = path.read_text()
    result = project.cli("draft", "--company", "acme", "--llm", stub_llm.url, "--model", "stub")
    assert result.returncode != 0 and "draft.yaml" in result.output and "Grafonix" in result.output
    assert "Dashboards" in result.output and path.read_text() == before
