"""Secrets: the API key never reaches outputs, the SQLite call log, stdout or stderr, even when the
server echoes the Authorization header back."""

from __future__ import annotations

import sqlite3

import pytest

from faultkit import DATA_MARK, PLATFORM_MARK, draft, extract, fetched, llm_args, load_yaml
from stub_openai import Step, sensible_answer

SECRET = "sk-test-SECRET123456"
KEYS = {"OPENAI_API_KEY": SECRET, "POSTGEN_API_KEY": SECRET}


def leaks(project, outcome) -> list[str]:
    """Every place the secret shows up: output streams, any file of the project or state dir (but the
    .env the user keeps it in), any SQLite row (read through SQLite too, in case the bytes are only in the WAL)."""
    found = [name for name, text in (("stdout", outcome.stdout), ("stderr", outcome.stderr)) if SECRET in text]
    for root in (project.root, project.state):
        for path in root.rglob("*"):
            if path == project.root / ".env":
                continue
            if path.is_file() and not path.is_symlink() and SECRET.encode() in path.read_bytes():
                found.append(str(path))
    database = project.state / "llm.sqlite"
    if database.exists():
        with sqlite3.connect(database) as db:
            for table in ("calls", "answers"):
                for row in db.execute(f"SELECT * FROM {table}"):
                    if SECRET in repr(row):
                        found.append(f"llm.sqlite table {table}")
    return found


def redacted(outcome) -> str:
    assert "Bearer ***" in outcome.stderr
    return "key in no output stream, file or call-log row"


def echoes_key(stub) -> bool:
    return any(SECRET in str(request.headers.get("authorization")) for request in stub.requests)


ERROR_ECHOES = [
    ("secrets: 401 whose body echoes the Authorization header", Step(status=401, echo_auth=True), 3, 1),
    ("secrets: 500 echoing the header, retried", Step(status=500, echo_auth=True), 3, 3),
    ("secrets: 400 echoing the header", Step(status=400, echo_auth=True), 3, 1),
]


@pytest.mark.parametrize("case, step, code, requests", ERROR_ECHOES, ids=[case for case, *_ in ERROR_ECHOES])
def test_echoed_key_in_an_error_body_is_redacted(project, stub_llm, fault, case, step, code, requests):
    row = fault(case, f"exit {code}; key shown as *** nowhere in stdout/stderr/outputs/call log")
    fetched(project)
    stub_llm.default = lambda request: step
    outcome = extract(project, stub_llm, env=KEYS)
    assert outcome.returncode == code, outcome.output
    assert echoes_key(stub_llm) and len(stub_llm.requests) == requests
    assert "***" in outcome.stderr and f"127.0.0.1:{stub_llm.port}" in outcome.stderr
    assert leaks(project, outcome) == []
    assert f"HTTP {step.status}" in outcome.stderr
    row.observed = f"exit {outcome.returncode}: 'HTTP {step.status} … bad credentials: Bearer ***'; {redacted(outcome)}"


def test_key_kept_in_the_workspace_env_file_is_redacted_too(project, stub_llm, fault):
    row = fault("secrets: key only in the workspace's .env, 401 echoing it", "exit 3; key shown as *** only")
    fetched(project)
    (project.root / ".env").write_text(f"POSTGEN_API_KEY={SECRET}\n", encoding="utf-8")
    stub_llm.default = lambda request: Step(status=401, echo_auth=True)
    outcome = project.postgen("extract", *llm_args(stub_llm))
    assert outcome.returncode == 3, outcome.output
    assert echoes_key(stub_llm)  # the key from .env was sent
    assert leaks(project, outcome) == []
    row.observed = f"exit {outcome.returncode}: stderr shows 'Bearer ***'; {redacted(outcome)}"


def test_echoed_key_in_a_child_process(project, stub_llm, fault):
    row = fault("secrets: 401 echo, real `postgen` process", "the process's own stdout/stderr never show the key")
    fetched(project)
    stub_llm.default = lambda request: Step(status=401, echo_auth=True)
    outcome = project.postgen("extract", *llm_args(stub_llm), env=KEYS)
    assert outcome.returncode == 3, outcome.output
    assert echoes_key(stub_llm)
    assert leaks(project, outcome) == []
    row.observed = f"exit {outcome.returncode}: stderr shows 'Bearer ***'; {redacted(outcome)}"


def test_echoed_key_inside_model_answers(project, stub_llm, fault):
    row = fault("secrets: answers whose content echoes the key (bad JSON, as a candidate letter)",
                "key never stored or written; such answers unusable")
    fetched(project)

    def echo_in_content(request):
        header = request.headers.get("authorization", "")
        if request.schema_name != "ChunkAnswers":
            return sensible_answer(request)
        if PLATFORM_MARK in request.text:
            return Step(content='{"answers": "' + header)  # broken JSON quoting the header
        return Step(content={"answers": [{"candidate": header, "kind": "software", "tag": "Backend"}]})

    stub_llm.default = echo_in_content
    outcome = extract(project, stub_llm, env=KEYS)
    assert outcome.returncode == 0, outcome.output
    assert echoes_key(stub_llm)
    assert leaks(project, outcome) == []
    for mark in (PLATFORM_MARK, DATA_MARK):
        asked = [r for r in stub_llm.requests if mark in r.text]
        assert len(asked) == 2 and SECRET not in asked[-1].text  # the problem and the answer sent back are redacted
    rejected = load_yaml(project.outputs() / "claims.yaml")["rejected"]
    reasons = sorted({item["reason"] for item in rejected})
    assert {item["technology"] for item in rejected} == {"Grafonix", "Quillmate", "Ledgerline"}
    assert any("contains the API key" in reason for reason in reasons)
    row.observed = "exit 0; rejected: " + "; ".join(reasons)


def test_successful_draft_with_key_in_environment(project, stub_llm, fault):
    row = fault("secrets: a full successful draft", "the key is sent to the server and appears nowhere else")
    fetched(project)
    outcome = draft(project, stub_llm, env=KEYS)
    assert outcome.returncode == 0, outcome.output
    assert echoes_key(stub_llm)
    assert leaks(project, outcome) == []
    row.observed = f"exit 0; {len(stub_llm.requests)} requests carried the key; no copy anywhere"
