"""Bad user input: company names, registries, hand-edited drafts, local file paths."""

from __future__ import annotations

import re

import pytest

from faultkit import draft, fetched, load_yaml, said
from postgen.yamlio import dump_yaml

SECRET_FILE = "/etc/hostname"


def test_unknown_company(project, fault):
    row = fault("input: unknown company", "exit 2 naming the missing file and the known companies")
    outcome = project.cli("fetch", "--company", "globex")
    assert outcome.returncode == 2
    assert "unknown company 'globex'" in outcome.stderr and "globex.yaml" in outcome.stderr
    assert "known: acme" in outcome.stderr
    row.observed = said(outcome).replace(str(project.root), "<project>")


@pytest.mark.parametrize("command", ["fetch", "extract", "draft"])
def test_company_that_is_a_path(project, fault, command):
    row = fault(f"input: {command} --company ../../etc", "exit 2 'invalid company'; nothing outside the project touched")
    outcome = project.cli(command, "--company", "../../etc", "--llm", "http://127.0.0.1:9/v1", "--model", "m") \
        if command != "fetch" else project.cli(command, "--company", "../../etc")
    assert outcome.returncode == 2
    assert "invalid company '../../etc'" in outcome.stderr
    assert not (project.root / "outputs").exists()
    row.observed = said(outcome)


MALFORMED_REGISTRIES = [
    ("input: sources YAML with a syntax error",
     "name: Acme\nslug: acme\nsources:\n  - id: platform\n    file: [acme/files/platform.txt\n",
     r"acme\.yaml: malformed YAML at line \d+, column \d+"),
    ("input: sources YAML with a tab indent",
     "name: Acme\nslug: acme\nsources:\n\t- id: platform\n",
     r"acme\.yaml: malformed YAML at line 4, column 1"),
    ("input: sources entry without url or file",
     "name: Acme\nslug: acme\nsources:\n  - id: platform\n    file: acme/files/platform.txt\n  - id: blog\n    title: x\n",
     r"entry 2 \(id 'blog'\), field '\(entry\)': Value error, needs a 'url' or a 'file'"),
    ("input: sources entry with a bad id and a ftp: url",
     "name: Acme\nslug: acme\nsources:\n  - id: Eng Blog\n    url: ftp://example.com/x\n",
     r"entry 1 \(id 'Eng Blog'\), field 'id'.*\n.*field 'url'.*only http:// and https://"),
    ("input: sources YAML with an unknown field",
     "name: Acme\nslug: acme\nsources:\n  - id: platform\n    flie: acme/files/platform.txt\n",
     r"entry 1 \(id 'platform'\), field 'flie': Extra inputs are not permitted"),
    ("input: sources YAML whose slug is not the file name",
     "name: Acme\nslug: globex\nsources:\n  - id: platform\n    file: acme/files/platform.txt\n",
     r"field 'slug' is 'globex', expected 'acme'"),
]


@pytest.mark.parametrize("case, text, pattern", MALFORMED_REGISTRIES, ids=[case for case, _, _ in MALFORMED_REGISTRIES])
def test_malformed_registry_names_file_and_place(project, fault, case, text, pattern):
    row = fault(case, "exit 2 naming the file and the line/column or entry+field")
    project.write_registry("acme", text)
    outcome = project.cli("fetch", "--company", "acme")
    assert outcome.returncode == 2, outcome.output
    assert str(project.sources / "acme.yaml") in outcome.stderr
    assert re.search(pattern, outcome.stderr), outcome.stderr
    assert "Traceback" not in outcome.output
    row.observed = "exit 2: " + " / ".join(line.strip() for line in outcome.stderr.replace(
        str(project.sources), "sources").splitlines() if line.strip()).removeprefix("error: ")


def reviewed_draft(project, stub) -> bytes:
    fetched(project)
    assert draft(project, stub).returncode == 0
    return (project.outputs() / "draft.yaml").read_bytes()


DRAFT_EDITS = [
    ("input: draft.yaml hand-edited into bad YAML",
     lambda text: text.replace("review: pending", "review: 'approved", 1), r"malformed YAML at line \d+, column \d+"),
    ("input: draft.yaml with a tab where spaces belong",
     lambda text: text.replace("\n  - id:", "\n\t- id:", 1), r"malformed YAML at line \d+, column \d+"),
    ("input: draft.yaml with review: maybe",
     lambda text: text.replace("review: pending", "review: maybe", 1), r"review must be pending, approved or rejected"),
    ("input: draft.yaml claim without technology",
     lambda text: re.sub(r"\n    technology: [^\n]*", "", text, count=1), r"claims\[0\] has no 'technology'"),
    ("input: draft.yaml with in_post: maybe",
     lambda text: re.sub(r"in_post: (true|false)", "in_post: maybe", text, count=1), r"in_post must be true or false"),
]


@pytest.mark.parametrize("case, edit, pattern", DRAFT_EDITS, ids=[case for case, _, _ in DRAFT_EDITS])
def test_malformed_draft_is_reported_and_left_byte_identical(project, stub_llm, fault, case, edit, pattern):
    row = fault(case, "exit 2 with line/column or claim; file byte-identical; no LLM call")
    row.must_keep_data()
    original = reviewed_draft(project, stub_llm).decode("utf-8")
    edited = edit(original)
    assert edited != original
    path = project.outputs() / "draft.yaml"
    path.write_text(edited, encoding="utf-8")
    stub_llm.reset()
    outcome = draft(project, stub_llm, "--no-cache")
    assert outcome.returncode == 2, outcome.output
    assert str(path) in outcome.stderr and re.search(pattern, outcome.stderr), outcome.stderr
    assert path.read_bytes() == edited.encode("utf-8")
    assert stub_llm.requests == []
    assert [p.name for p in project.outputs().iterdir() if p.name.endswith(".tmp")] == []
    row.data_kept()
    row.observed = said(outcome).replace(str(project.root), "<project>")


def test_a_quote_that_does_not_name_its_technology_fails_eval(project, stub_llm, fault):
    row = fault("input: draft.yaml citation moved to a sentence not naming its technology",
                "eval exit 1 naming the claim, the source and the technology")
    reviewed_draft(project, stub_llm)
    path = project.outputs() / "draft.yaml"
    document = load_yaml(path)
    grafonix = next(claim for claim in document["claims"] if claim["technology"] == "Grafonix")
    kafka = next(claim for claim in document["claims"] if claim["technology"] == "Apache Kafka")
    moved = next(citation for citation in kafka["citations"] if citation["source"] == "platform")
    grafonix["citations"] = [moved]  # quote and offsets still match the snapshot; the name does not
    path.write_text(dump_yaml(document, round_trip=False), encoding="utf-8")
    outcome = project.cli("eval", "--company", "acme")
    assert outcome.returncode == 1, outcome.output
    message = " ".join(outcome.output.split())
    assert f"claim {grafonix['id']!r}, source 'platform'" in message and "quoted text does not name 'Grafonix'" in message
    assert "quote differs" not in message
    row.observed = f"exit 1: claim {grafonix['id']!r}, source 'platform': quoted text does not name 'Grafonix'"


FILE_PATHS = [
    ("input: file: ../../../../etc/hostname", "../../../../../../../../etc/hostname"),
    ("input: file: /etc/hostname (absolute)", SECRET_FILE),
    ("input: file: symlink inside sources/ to /etc/hostname", "acme/files/link.txt"),
]


@pytest.mark.parametrize("case, path", FILE_PATHS, ids=[case for case, _ in FILE_PATHS])
def test_local_file_outside_the_project_is_refused(project, fault, case, path):
    row = fault(case, "exit 2: path is outside sources/; nothing read")
    (project.sources / "acme" / "files" / "link.txt").symlink_to(SECRET_FILE)
    project.write_registry("acme", f"name: Acme\nslug: acme\nsources:\n  - id: leak\n    file: {path}\n")
    outcome = project.cli("fetch", "--company", "acme")
    assert outcome.returncode == 2, outcome.output
    assert "is outside" in outcome.stderr and "field 'file'" in outcome.stderr
    assert not (project.sources / "acme" / "snapshots").exists()
    row.observed = said(outcome).replace(str(project.root), "<project>")
