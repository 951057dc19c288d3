"""LLM faults: the real CLI against the stub OpenAI server misbehaving in each way."""

from __future__ import annotations

import socket
import time

import pytest

from faultkit import (
    DATA_MARK, PLATFORM_MARK, chunk_requests, claims_of, extract, fetched, said,
)
from stub_openai import Step, sensible_answer


def test_rate_limited_with_retry_after(project, stub_llm, fault):
    row = fault("LLM: 429 with Retry-After: 1", "waits as told, retries once, succeeds")
    fetched(project)
    stub_llm.then(Step(status=429, headers={"Retry-After": "1"}))
    outcome = extract(project, stub_llm)  # backoff is 0.01 s: a wait of 1 s comes from Retry-After
    assert outcome.returncode == 0, outcome.output
    asked = chunk_requests(stub_llm, PLATFORM_MARK)
    assert len(asked) == 2
    waited = asked[1].at - asked[0].at
    assert 1.0 <= waited < 3
    claims = claims_of(project)["claims"]
    assert len(claims) == 4
    row.observed = f"exit 0; retried after {waited:.1f} s; 2 requests for the chunk; {len(claims)} claims"


def test_server_error_forever(project, stub_llm, fault):
    row = fault("LLM: HTTP 500 on every request", "exit 3 naming the server; ATTEMPTS requests; old claims.yaml kept")
    row.must_keep_data()
    fetched(project)
    assert extract(project, stub_llm).returncode == 0
    before = (project.outputs() / "claims.yaml").read_bytes()
    stub_llm.reset()
    stub_llm.default = lambda request: Step(status=500)
    outcome = extract(project, stub_llm, "--no-cache", env={"POSTGEN_LLM_ATTEMPTS": "3"})
    assert outcome.returncode == 3, outcome.output
    assert f"http://127.0.0.1:{stub_llm.port}/v1" in outcome.stderr and "HTTP 500" in outcome.stderr
    assert len(stub_llm.requests) == 3
    assert (project.outputs() / "claims.yaml").read_bytes() == before
    row.data_kept()
    row.observed = f"{said(outcome)}; {len(stub_llm.requests)} requests (POSTGEN_LLM_ATTEMPTS=3)"


def test_connection_refused(project, fault):
    row = fault("LLM: connection refused", "exit 3 naming the server, no output written")
    fetched(project)
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    started = time.monotonic()
    outcome = project.cli("extract", "--company", "acme", "--llm", f"http://127.0.0.1:{port}/v1", "--model", "stub")
    assert outcome.returncode == 3, outcome.output
    assert f"http://127.0.0.1:{port}/v1" in outcome.stderr and "Connection" in outcome.stderr
    assert "Traceback" not in outcome.output
    assert not (project.outputs() / "claims.yaml").exists()
    row.observed = f"{said(outcome)} ({time.monotonic() - started:.1f} s)"


def test_hang_past_the_timeout(project, stub_llm, fault):
    row = fault("LLM: server hangs past POSTGEN_LLM_TIMEOUT=1", "each attempt cut at 1 s; exit 3 'timed out'")
    fetched(project)
    stub_llm.default = lambda request: Step(hang=3)
    started = time.monotonic()
    outcome = extract(project, stub_llm, env={"POSTGEN_LLM_TIMEOUT": "1", "POSTGEN_LLM_ATTEMPTS": "2"})
    elapsed = time.monotonic() - started
    assert outcome.returncode == 3, outcome.output
    assert "timed out" in outcome.stderr and f"127.0.0.1:{stub_llm.port}" in outcome.stderr
    assert len(stub_llm.requests) == 2
    assert elapsed < 5
    row.observed = f"{said(outcome)}; 2 attempts in {elapsed:.1f} s"


UNUSABLE = [
    ("LLM: truncated JSON", Step(content='{"verdicts": [{"candidate": "A", "used": tr'),
     "answer is not valid JSON"),
    ("LLM: cut off at max_tokens (finish_reason=length)",
     Step(body={"id": "x", "object": "chat.completion", "created": 0, "model": "stub",
                "choices": [{"index": 0, "finish_reason": "length",
                             "message": {"role": "assistant", "content": '{"verdicts": [{"cand'}}]}),
     "cut off at the output token limit"),
    ("LLM: not JSON at all", Step(content="Sure! Kafka: yes, PostgreSQL: yes."), "answer is not valid JSON"),
    ("LLM: valid JSON, wrong fields", Step(content={"answers": [{"letter": "A", "yes": True}]}),
     "does not fit the schema: verdicts: Field required"),
    ("LLM: verdict for a candidate that does not exist",
     Step(content={"verdicts": [{"candidate": "Z", "used": True}], "others": []}),
     "verdicts for candidates that do not exist: Z"),
    ("LLM: empty answer", Step(content=""), "empty answer"),
]


@pytest.mark.parametrize("case, step, reason", UNUSABLE, ids=[case for case, _, _ in UNUSABLE])
def test_unusable_answers_are_re_asked_once_then_rejected(project, stub_llm, fault, case, step, reason):
    row = fault(case, "one re-ask naming the problem, then the chunk's candidates rejected with the reason; exit 0")
    fetched(project)
    stub_llm.default = lambda request: step if PLATFORM_MARK in request.text else None
    outcome = extract(project, stub_llm)
    assert outcome.returncode == 0, outcome.output
    asked = chunk_requests(stub_llm, PLATFORM_MARK)
    assert len(asked) == 2
    assert reason in asked[1].messages[-1]["content"]
    document = claims_of(project)
    rejected = {item["technology"]: item["reason"] for item in document["rejected"] if item["source"] == "platform"}
    assert set(rejected) == {"Apache Kafka", "PostgreSQL", "Rust"}
    assert all(reason in text and "after one re-ask" in text for text in rejected.values())
    claimed = {claim["technology"] for claim in document["claims"]}
    assert claimed == {"Apache Kafka", "Apache Spark"}  # from the other source, which was answered well
    assert all(c["source"] == "data" for claim in document["claims"] for c in claim["citations"])
    row.observed = f"exit 0; 2 requests; rejected: {rejected['Rust']}"


def discovery(others):
    return lambda request: sensible_answer(request, others=others if PLATFORM_MARK in request.text else [])


def test_citation_of_a_sentence_that_does_not_exist(project, stub_llm, fault):
    row = fault("LLM: 'others' cites sentence 9 of 4", "re-asked once, then rejected: sentence does not exist")
    fetched(project)
    stub_llm.default = discovery([{"technology": "Snowflake", "sentences": [9]}])
    outcome = extract(project, stub_llm)
    assert outcome.returncode == 0, outcome.output
    document = claims_of(project)
    reason = next(item["reason"] for item in document["rejected"] if item["technology"] == "Snowflake")
    assert "cites sentence 9, which does not exist (the chunk has 4)" in reason
    assert "Snowflake" not in {claim["technology"] for claim in document["claims"]}
    assert len(chunk_requests(stub_llm, PLATFORM_MARK)) == 2
    row.observed = f"exit 0; rejected: {reason}"


def test_quote_that_does_not_name_its_technology(project, stub_llm, fault):
    row = fault("LLM: 'others' quote does not name it", "rejected: quoted text does not name the technology")
    fetched(project)
    stub_llm.default = discovery([{"technology": "Terraform", "sentences": [1, 2]},
                                  {"technology": "Grafonix", "sentences": [4]}])
    outcome = extract(project, stub_llm)
    assert outcome.returncode == 0, outcome.output
    document = claims_of(project)
    reason = next(item["reason"] for item in document["rejected"] if item["technology"] == "Terraform")
    assert "does not name 'Terraform'" in reason
    names = {claim["technology"] for claim in document["claims"]}
    assert "Terraform" not in names and "Grafonix" in names  # a grounded discovery still gets through
    row.observed = f"exit 0; rejected: {reason}; grounded 'Grafonix' kept"


def test_every_published_quote_is_in_its_snapshot(project, stub_llm, fault):
    row = fault("LLM: says yes to everything", "every claim's quote is at its offsets in the snapshot")
    fetched(project)
    stub_llm.default = discovery([{"technology": "Grafonix", "sentences": [4]}, {"technology": "Rust", "sentences": [1]}])
    outcome = extract(project, stub_llm)
    assert outcome.returncode == 0, outcome.output
    checked = 0
    for claim in claims_of(project)["claims"]:
        for citation in claim["citations"]:
            text = (project.sources / "acme" / "snapshots" / citation["source"] / "text.txt").read_text()
            assert text[citation["start"]:citation["end"]] == citation["quote"]
            assert claim["technology"].split()[-1].lower() in citation["quote"].lower()
            checked += 1
    assert len(chunk_requests(stub_llm, DATA_MARK)) == 1
    row.observed = f"exit 0; {checked} citations all found verbatim at their offsets"
