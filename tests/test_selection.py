"""Which claims become rows: significance, area coverage, own tools, former ones last, claims
without an acceptable description skipped and flagged, and the reviewer's choices kept."""

from __future__ import annotations

from dataclasses import replace

import pytest

from postgen.claim_ids import identity
from postgen.models import Claim
from postgen.selection import (
    DEFAULT_ROWS, area_of, prominence, rank, row_bounds, select, significance,
)
from postgen.text import Document


def claim(technology: str, tag: str = "Backend", *, sources: int = 1, status: str = "current",
          description: str | None = "", own: bool = False, citations: int = 1) -> Claim:
    quote = f"Acme uses {technology}."
    cited = [{"source": f"s{i % sources}", "quote": quote, "start": 0, "end": len(quote), "status": "exact"}
             for i in range(max(citations, sources))]
    return Claim(technology=technology, tag=tag, status=status, citations=cited, corroboration=sources, own=own,
                 description=f"does the {technology} work" if description == "" else description)


def names(claims: list[Claim]) -> list[str]:
    return [c.technology for c in claims]


def test_corroboration_own_tools_and_prominence_add_up_as_documented():
    assert significance(claim("A"), set()) == 0
    assert significance(claim("A", sources=3), set()) == 4
    assert significance(claim("A", "Internal Tooling"), set()) == 3
    assert significance(claim("A", own=True), set()) == 3
    assert significance(claim("A"), {"title", "heading", "list", "opening"}) == 7


def test_former_ranks_below_every_current_claim_however_corroborated():
    ranked = rank([claim("Old", sources=3, status="former"), claim("New"), claim("Newer", sources=2)], {})
    assert [r.claim.technology for r in ranked] == ["Newer", "New", "Old"]
    chosen = select([claim("Old", sources=3, status="former"), claim("New")], {}, rows=1).rows
    assert names(chosen) == ["New"]


def test_every_area_gets_a_row_before_any_area_gets_a_second():
    claims = [claim(f"Backend {i}", "Backend", sources=3) for i in range(4)]
    claims += [claim("Web", "Frontend"), claim("Queue", "Streaming"), claim("Cloud", "Cloud"),
               claim("Portal", "Internal Tooling"), claim("Scanner", "Security")]
    chosen = select(claims, {}, rows=6).rows
    assert {area_of(c.tag) for c in chosen} == {"frontend", "backend", "data", "infrastructure", "internal tools",
                                                "other"}
    chosen = select(claims, {}, rows=7).rows
    assert sum(c.tag == "Backend" for c in chosen) == 2  # the second row goes to the highest-ranked remaining


def test_rows_are_grouped_by_area_in_rank_order():
    claims = [claim("Db", "Database"), claim("Api", "Backend", sources=2), claim("Ui", "Frontend"),
              claim("Api2", "Backend", sources=3)]
    assert names(select(claims, {}, rows=4).rows) == ["Ui", "Api2", "Api", "Db"]


def test_the_company_own_tool_beats_a_better_corroborated_claim_of_its_area():
    claims = [claim("Kafka", "Streaming", sources=2), claim("Pipes", "Data Processing", own=True)]
    assert names(select(claims, {}, rows=1).rows) == ["Pipes"]


def test_prominence_from_headings_lists_titles_and_openings():
    text = "\n".join([
        "Inside the Acme stack",                        # 1: title paragraph
        "Acme ships software.",                          # 2
        "We like tools.",                                # 3
        "More words here.",                              # 4
        "Why we chose Kafka",                            # 5: heading
        "Redis for sessions",                            # 6: list item
        "Deep in the article we mention Vault and Go.",  # 7
        "go is also a word.",                            # 8
    ]) + "\n"
    document = Document("blog", text)
    kinds = {1: "title", 5: "heading", 6: "list_item"}
    document.__dict__["paragraphs"] = [replace(p, kind=kinds.get(p.index, "paragraph")) for p in document.paragraphs]
    early = Document("intro", "Acme runs Vault everywhere.\n")
    documents = {"blog": document, "intro": early}
    titles = {"blog": "How Acme uses Redis and Kafka", "intro": ""}
    assert prominence(claim("Kafka"), documents, titles) == {"heading", "title"}
    assert prominence(claim("Redis"), documents, titles) == {"list", "title"}
    assert prominence(claim("Vault"), documents, titles) == {"opening"}
    assert prominence(claim("Go"), documents, titles) == set()  # a mid-article mention gives no weight
    assert prominence(claim("Acme Stack"), documents, titles) == set()


def test_prominence_moves_a_claim_up_the_ranking():
    claims = [claim("Quiet", "Database"), claim("Loud", "Database")]
    signals = {identity("Loud"): {"heading", "opening"}}
    assert names(select(claims, signals, rows=1).rows) == ["Loud"]


def test_a_claim_without_description_is_skipped_flagged_and_the_next_one_taken():
    claims = [claim("Undescribed", "Backend", sources=3, description=None), claim("Next", "Backend")]
    selection = select(claims, {}, rows=1)
    assert names(selection.rows) == ["Next"]
    assert selection.needs_review == {identity("Undescribed"): "no acceptable description"}
    assert selection.in_post[identity("Undescribed")] is False


def test_a_repeated_description_is_skipped_and_flagged():
    claims = [claim("First", sources=2, description="runs the services"),
              claim("Second", description="Runs the  services"), claim("Third")]
    selection = select(claims, {}, rows=2)
    assert names(selection.rows) == ["First", "Third"]
    assert selection.flagged() == [("Second", "same description as First")]


def test_a_description_problem_reported_by_the_caller_keeps_the_claim_out():
    claims = [claim("Bad", sources=2), claim("Good")]

    def problem(checked: Claim) -> str | None:
        return "description names Oracle, which is not a verified claim" if checked.technology == "Bad" else None

    selection = select(claims, {}, rows=1, problem=problem)
    assert names(selection.rows) == ["Good"] and "Oracle" in selection.needs_review[identity("Bad")]


def test_the_default_is_twelve_rows_and_fewer_claims_give_fewer_rows():
    many = [claim(f"T{i}", tag) for i, tag in enumerate(["Backend", "Frontend", "Database", "Cloud"] * 5)]
    assert DEFAULT_ROWS == 12 and len(select(many, {}).rows) == 12
    assert len(select(many[:5], {}).rows) == 5
    assert row_bounds(12) == (8, 15) and row_bounds(20) == (8, 20) and row_bounds(3) == (3, 15)


def test_reviewer_choices_win_and_the_program_remembers_its_own():
    claims = [claim("Top", sources=3), claim("Middle", sources=2), claim("Low")]
    forced = {identity("Low"): True, identity("Top"): False}
    selection = select(claims, {}, rows=2, forced=forced)
    assert names(selection.rows) == ["Middle", "Low"]
    assert selection.in_post == {identity("Top"): False, identity("Middle"): True, identity("Low"): True}
    # what the program alone would have done, for the claims the reviewer decided
    assert selection.machine_in_post == {identity("Top"): True, identity("Middle"): True, identity("Low"): False}


def test_claims_the_reviewer_puts_in_take_rows_beyond_the_count():
    claims = [claim(name) for name in ("A", "B", "C")]
    forced = {identity(name): True for name in ("A", "B", "C")}
    assert len(select(claims, {}, rows=1, forced=forced).rows) == 3


def test_a_claim_put_in_by_the_reviewer_without_description_is_flagged_not_shown():
    claims = [claim("Wanted", description=None), claim("Other")]
    selection = select(claims, {}, rows=2, forced={identity("Wanted"): True})
    assert names(selection.rows) == ["Other"]
    assert selection.needs_review == {identity("Wanted"): "no acceptable description"}


@pytest.mark.parametrize("tag, area", [("Mobile", "frontend"), ("Data Warehouse", "data"), ("CDN/Delivery", "infrastructure"),
                                       ("Internal Tooling", "internal tools"), ("Observability", "other"),
                                       ("Something New", "other")])
def test_tags_fall_into_areas(tag, area):
    assert area_of(tag) == area


def disputed(technology: str, says: tuple[str, ...], **kwargs) -> Claim:
    base = claim(technology, citations=len(says), **kwargs)
    cited = [{**citation.model_dump(), "source": f"s{i}", "says": word} for i, (citation, word)
             in enumerate(zip(base.citations, says))]
    return Claim(**{**base.model_dump(), "citations": cited, "corroboration": len(says)})


@pytest.mark.parametrize("says, kept_out", [
    (("current", "former"), True),             # "X serves billing" here, "moved from X to Y" there
    (("former", "current", "current"), True),
    (("current", "current"), False),
    (("former", "former"), False),             # former everywhere: a former row, no dispute
    (("current",), False),
])
def test_a_claim_whose_sources_disagree_on_its_status_is_flagged_not_shown(says, kept_out):
    selection = select([disputed("Postgres", says, sources=len(says)), claim("Other")], {}, rows=2)
    assert ("Postgres" not in names(selection.rows)) is kept_out
    reason = selection.needs_review.get(identity("Postgres"), "")
    assert reason.startswith("sources disagree on its status") is kept_out
    if kept_out:
        assert "s0" in reason and "s1" in reason and "current" in reason and "former" in reason


def test_a_disputed_claim_the_reviewer_puts_in_is_shown():
    selection = select([disputed("Postgres", ("current", "former"), sources=2)], {}, rows=2,
                       forced={identity("Postgres"): True})
    assert names(selection.rows) == ["Postgres"] and not selection.needs_review


def test_quotes_of_one_source_that_disagree_are_named_as_such():
    base = disputed("Celery", ("current", "former"), sources=2)
    one_source = Claim(**{**base.model_dump(), "citations": [{**c.model_dump(), "source": "post"} for c in base.citations],
                          "corroboration": 1})
    selection = select([one_source, claim("Other")], {}, rows=2)
    assert names(selection.rows) == ["Other"]
    assert selection.needs_review[identity("Celery")] == "quotes of post disagree on its status: one says current, one former"
