"""Process faults: a draft killed with SIGKILL mid-run, and two drafts of one company at once."""

from __future__ import annotations

import os
import signal
import time

from ruamel.yaml import YAML

from faultkit import DATA_MARK, PLATFORM_MARK, READINGS, chunk_requests, draft, fetched, llm_args, load_yaml
from postgen.yamlio import round_trip_yaml
from stub_openai import Step, sensible_answer

REVIEW_COMMENT = "checked with the Acme platform team"
EDITED_DESCRIPTION = "Stores invoices (edited by a reviewer)"


def review(project) -> bytes:
    """What a reviewer does to draft.yaml: approve, reject, edit a description, add a comment."""
    path = project.outputs() / "draft.yaml"
    yaml = round_trip_yaml()
    document = yaml.load(path.read_text(encoding="utf-8"))
    for entry in document["claims"]:
        if entry["technology"] == "Apache Kafka":
            entry["review"] = "approved"
            entry.yaml_add_eol_comment(REVIEW_COMMENT, "review")
        elif entry["technology"] == "Grafonix":  # a row until the reviewer rejects it
            entry["review"] = "rejected"
        elif entry["technology"] == "PostgreSQL":
            entry["description"] = EDITED_DESCRIPTION
    with path.open("w", encoding="utf-8") as handle:
        yaml.dump(document, handle)
    return path.read_bytes()


def assert_review_survived(project) -> dict:
    text = (project.outputs() / "draft.yaml").read_text(encoding="utf-8")
    document = YAML(typ="safe").load(text)
    claims = {entry["technology"]: entry for entry in document["claims"]}
    assert claims["Apache Kafka"]["review"] == "approved"
    assert REVIEW_COMMENT in text
    assert claims["Grafonix"]["review"] == "rejected"
    assert claims["PostgreSQL"]["description"] == EDITED_DESCRIPTION
    rows = {row["technology"]: row for row in document["post"]["table"]}
    assert "Grafonix" not in rows and rows["PostgreSQL"]["description"] == EDITED_DESCRIPTION
    return claims


def add_sources(project) -> None:
    """Two more sources, each naming an in-house tool: one model request each."""
    project.write_source_file("acme", "ops.txt", "Every service is deployed by Tidewell, our release tool.\n")
    project.write_source_file("acme", "team.txt", "Acme's mobile app is built on Stowaway, our in-house UI kit.\n")
    registry = project.sources / "acme.yaml"
    registry.write_text(registry.read_text() + "  - id: ops\n    file: acme/files/ops.txt\n"
                        "  - id: team\n    file: acme/files/team.txt\n")
    fetched(project)


def wait_for(condition, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.05)


def test_draft_killed_mid_run_loses_nothing(project, stub_llm, fault):
    row = fault("process: kill -9 of `postgen draft` mid-run, then re-run",
                "old draft.yaml intact; answered chunks not asked again; review kept")
    row.must_keep_data()
    fetched(project)
    assert draft(project, stub_llm).returncode == 0
    reviewed = review(project)
    add_sources(project)
    stub_llm.reset()

    def hang_on_stowaway(request):
        if request.schema_name == "ChunkAnswers" and "Stowaway" in request.text:
            return Step(hang=20)
        return sensible_answer(request)

    stub_llm.default = hang_on_stowaway
    child = project.spawn("draft", *llm_args(stub_llm))
    try:
        wait_for(lambda: chunk_requests(stub_llm, "Stowaway"))
        assert len(chunk_requests(stub_llm, "Tidewell")) == READINGS  # answered before the kill
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        child.stdout.close()
        child.stderr.close()
    assert child.returncode == -signal.SIGKILL
    assert (project.outputs() / "draft.yaml").read_bytes() == reviewed
    assert [p.name for p in project.outputs().iterdir() if p.name.endswith(".tmp")] == []

    stub_llm.reset()
    outcome = draft(project, stub_llm)
    assert outcome.returncode == 0, outcome.output
    assert chunk_requests(stub_llm, "Tidewell") == []  # answered before the kill: from the cache
    assert chunk_requests(stub_llm, PLATFORM_MARK) == [] and chunk_requests(stub_llm, DATA_MARK) == []
    assert len(chunk_requests(stub_llm, "Stowaway")) == READINGS
    claims = assert_review_survived(project)
    assert claims["Tidewell"]["review"] == "pending" and claims["Stowaway"]["review"] == "pending"
    row.data_kept()
    row.observed = ("killed while the Stowaway chunk hung: draft.yaml byte-identical; re-run asked 1 chunk "
                    f"(0 for 3 answered), {len(claims)} claims, review kept")


def test_two_drafts_at_once(project, stub_llm, fault):
    row = fault("process: two drafts of one company at once",
                "second exits 5 'another run … in progress'; first completes; review kept")
    row.must_keep_data()
    fetched(project)
    assert draft(project, stub_llm).returncode == 0
    review(project)
    stub_llm.reset()
    stub_llm.then(Step(hang=4))  # the first run's first request: it holds the lock meanwhile
    first = project.spawn("draft", *llm_args(stub_llm), "--no-cache")
    try:
        wait_for(lambda: stub_llm.requests)
        second = draft(project, stub_llm)
        also = project.cli("extract", *llm_args(stub_llm))
        asked_while_busy = len(stub_llm.requests)
        stdout, stderr = first.communicate(timeout=30)
    finally:
        if first.poll() is None:
            first.kill()
            first.communicate()
    assert second.returncode == 5 and also.returncode == 5
    assert "another postgen run for 'acme' is in progress" in second.stderr
    assert f"pid {first.pid}" in second.stderr
    assert asked_while_busy == 1  # the refused runs asked nothing
    assert first.returncode == 0, stdout + stderr
    assert_review_survived(project)
    load_yaml(project.outputs() / "draft.yaml")
    row.data_kept()
    row.observed = f"second: exit 5 ({second.stderr.strip().splitlines()[0][:90]}…); first: exit 0; review kept"
