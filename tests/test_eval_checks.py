"""`postgen eval` checks on the post's table: each one passes on a real draft and fails, naming
the row, on a draft broken in the way it guards against."""

from __future__ import annotations

import pytest
from ruamel.yaml import YAML

from postgen.yamlio import dump_yaml

SAFE = YAML(typ="safe")


def drafted(project, stub_llm, *extra):
    assert project.cli("fetch", "--company", "acme").returncode == 0
    result = project.cli("draft", "--company", "acme", "--llm", stub_llm.url, "--model", "stub", *extra)
    assert result.returncode == 0, result.output
    return project.outputs() / "draft.yaml"


def tamper(path, edit) -> None:
    document = SAFE.load(path.read_text(encoding="utf-8"))
    edit(document)
    path.write_text(dump_yaml(document, round_trip=False), encoding="utf-8")


def table(document) -> list[dict]:
    return document["post"]["table"]


def set_row(index, **values):
    return lambda document: table(document)[index].update(values)


def copy_description(document):
    table(document)[1]["description"] = table(document)[0]["description"].upper()


def duplicate_claim_id(document):
    document["claims"][1]["id"] = document["claims"][0]["id"]


def fragment_not_quoted(document):
    table(document)[0]["sources"][0]["fragment"] = "words the quote never had"


BROKEN = [
    ("placeholder description", set_row(0, description="Named by the source; description pending review"),
     "published rows have a real description"),
    ("empty description", set_row(0, description=" "), "published rows have a real description"),
    ("two rows, one description", copy_description, "no two rows share a description"),
    ("row status not the claim's", set_row(0, status="former"), "every row's status is its claim's status"),
    ("row claim id unknown", set_row(0, claim="t-0000000000"), "matches 0 claims"),
    ("row claim of another technology", set_row(0, technology="Oracle Database"), "every row resolves"),
    ("two claims share an id", duplicate_claim_id, "is used by 2 claims"),
    ("too many rows", lambda d: d["post"].update(row_bounds={"min": 1, "max": 1}), "row count within the post's bounds"),
    ("fragment not in the quote", fragment_not_quoted, "is not in its claim's strongest quote"),
]


@pytest.mark.parametrize("case, edit, message", BROKEN, ids=[case for case, _, _ in BROKEN])
def test_a_broken_table_fails_eval(project, stub_llm, case, edit, message):
    path = drafted(project, stub_llm)
    assert len(table(SAFE.load(path.read_text()))) >= 2
    passing = project.cli("eval", "--company", "acme")
    assert passing.returncode == 0, passing.output
    tamper(path, edit)
    result = project.cli("eval", "--company", "acme")
    assert result.returncode == 1, result.output
    assert message in " ".join(result.output.split()), result.output


def test_too_few_rows_fail_unless_no_claim_could_fill_them_or_the_reviewer_chose(project, stub_llm):
    path = drafted(project, stub_llm, "--rows", "2")
    claims = SAFE.load(path.read_text())["claims"]
    assert len(claims) > 2
    assert project.cli("eval", "--company", "acme").returncode == 0
    tamper(path, lambda d: d["post"].update(row_bounds={"min": 3, "max": 15}))
    result = project.cli("eval", "--company", "acme")
    assert result.returncode == 1 and "claims could be rows" in " ".join(result.output.split())

    def reviewer_takes_one_out(document):
        entry = next(e for e in document["claims"] if e["in_post"])
        entry["in_post"] = False
    tamper(path, reviewer_takes_one_out)
    assert project.cli("eval", "--company", "acme").returncode == 0
