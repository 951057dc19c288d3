"""LLM faults: the real CLI against the stub OpenAI server misbehaving in each way."""

from __future__ import annotations

import socket
import time

import pytest

from faultkit import (
    DATA_MARK, PLATFORM_MARK, READINGS, chunk_requests, claims_of, extract, fetched, said,
)
from postgen.grounding import names_technology
from stub_openai import Step, chunk_answers

ALL_CLAIMS = {"Apache Kafka", "PostgreSQL", "Rust", "Grafonix", "Quillmate", "Apache Spark", "Ledgerline"}
ASKED_ABOUT = {"Grafonix", "Quillmate"}  # the in-house names of source 'platform': its chunk's candidates


def test_rate_limited_with_retry_after(project, stub_llm, fault):
    row = fault("LLM: 429 with Retry-After: 1", "waits as told, retries once, succeeds")
    fetched(project)
    stub_llm.then(Step(status=429, headers={"Retry-After": "1"}))
    outcome = extract(project, stub_llm)  # backoff is 0.01 s: a wait of 1 s comes from Retry-After
    assert outcome.returncode == 0, outcome.output
    asked = chunk_requests(stub_llm, PLATFORM_MARK)
    assert len(asked) == 1 + READINGS  # the 429, its retry, the second reading
    waited = asked[1].at - asked[0].at
    assert 1.0 <= waited < 3
    claims = claims_of(project)["claims"]
    assert {claim["technology"] for claim in claims} == ALL_CLAIMS
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
    ("LLM: truncated JSON", Step(content='{"answers": [{"candidate": "A", "kind": "softw'),
     "answer is not valid JSON"),
    ("LLM: cut off at max_tokens (finish_reason=length)",
     Step(body={"id": "x", "object": "chat.completion", "created": 0, "model": "stub",
                "choices": [{"index": 0, "finish_reason": "length",
                             "message": {"role": "assistant", "content": '{"answers": [{"cand'}}]}),
     "cut off at the output token limit"),
    ("LLM: not JSON at all", Step(content="Sure! Grafonix and Quillmate are both software."), "answer is not valid JSON"),
    ("LLM: valid JSON, wrong fields", Step(content={"verdicts": [{"candidate": "A", "used": True}]}),
     "does not fit the schema: answers: Field required"),
    ("LLM: a kind outside the closed list", Step(content={"answers": [{"candidate": "A", "kind": "library"},
                                                                     {"candidate": "B", "kind": "software"}]}),
     "does not fit the schema: answers.0.kind"),
    ("LLM: a tag outside the closed list",
     Step(content={"answers": [{"candidate": "A", "kind": "software", "tag": "Dashboards"},
                               {"candidate": "B", "kind": "software", "tag": "Backend"}]}),
     "does not fit the schema: answers.0.tag"),
    ("LLM: answer for a candidate that does not exist",
     Step(content={"answers": [{"candidate": "A", "kind": "software", "tag": "Backend"},
                               {"candidate": "B", "kind": "software", "tag": "Backend"},
                               {"candidate": "Z", "kind": "software", "tag": "Backend"}]}),
     "answers for candidates that do not exist: Z"),
    ("LLM: no answer for one candidate", Step(content={"answers": [{"candidate": "A", "kind": "software",
                                                                    "tag": "Backend"}]}),
     "no answer for candidates B"),
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
    assert set(rejected) == ASKED_ABOUT
    assert all(reason in text and "after one re-ask" in text for text in rejected.values())
    claimed = {claim["technology"] for claim in document["claims"]}
    # the known names of 'platform' needed no answer; the other source was answered well
    assert claimed == ALL_CLAIMS - ASKED_ABOUT
    row.observed = f"exit 0; 2 requests; rejected: {rejected['Quillmate']}"


def test_answers_in_another_order_land_on_their_own_candidates(project, stub_llm, fault):
    row = fault("LLM: answers out of order, one name called a person",
                "each answer applies to its letter's name; the person is rejected, quoting its own sentence")
    fetched(project)

    def reversed_answers(request):
        if PLATFORM_MARK not in request.text:
            return None
        answers = chunk_answers(request, {"Grafonix": "person"})["answers"]
        return Step(content={"answers": answers[::-1]})

    stub_llm.default = reversed_answers
    outcome = extract(project, stub_llm)
    assert outcome.returncode == 0, outcome.output
    document = claims_of(project)
    claims = {claim["technology"]: claim for claim in document["claims"]}
    assert set(claims) == ALL_CLAIMS - {"Grafonix"}
    assert [c["quote"] for c in claims["Quillmate"]["citations"]] == [
        "The nightly refunds are scheduled by Quillmate, our in-house job runner."]
    grafonix = next(item for item in document["rejected"] if item["technology"] == "Grafonix")
    assert grafonix["reason"] == "model: a person, not a technology"
    assert grafonix["quote"] == "The sales dashboards are rendered by Grafonix from PostgreSQL tables."
    assert len(chunk_requests(stub_llm, PLATFORM_MARK)) == READINGS  # another order needs no re-ask
    row.observed = f"exit 0; claims {sorted(claims)}; Grafonix rejected: {grafonix['reason']}"


def test_every_published_quote_is_in_its_snapshot_and_names_its_technology(project, stub_llm, fault):
    row = fault("LLM: says software to everything", "every claim's quote is at its offsets and names the technology")
    fetched(project)
    outcome = extract(project, stub_llm)  # the stub's default: every candidate is software
    assert outcome.returncode == 0, outcome.output
    checked = 0
    for claim in claims_of(project)["claims"]:
        for citation in claim["citations"]:
            text = (project.sources / "acme" / "snapshots" / citation["source"] / "text.txt").read_text()
            assert text[citation["start"]:citation["end"]] == citation["quote"]
            assert names_technology(citation["quote"], [claim["technology"], *claim["aliases"]]), citation["quote"]
            checked += 1
    assert checked == 9  # one per sentence naming a claim: PostgreSQL twice, Kafka in both sources
    assert len(chunk_requests(stub_llm, PLATFORM_MARK)) == READINGS == len(chunk_requests(stub_llm, DATA_MARK))
    row.observed = f"exit 0; {checked} citations all found verbatim at their offsets, each naming its technology"
