"""The OpenAI-compatible backend against a real HTTP server (tests/stub_openai.py): structured
output, what the model's answers decide (only software and hardware become claims), retries,
re-asks and the call cache."""

from __future__ import annotations

import sqlite3
import time

import pytest
from ruamel.yaml import YAML

from postgen.backend_openai import OpenAICompatibleBackend, RetryPolicy
from postgen.errors import LLMError
from postgen.llm import LLMRequest
from postgen import extract as postgen_extract
from postgen.models import ChunkAnswers
from stub_openai import Step, sensible_answer

PLATFORM_MARK = "nightly refunds"  # a phrase only the first chunk (source 'platform') contains
DATA_MARK = "finance team"  # only the second chunk (source 'data')
ALL_CLAIMS = {"Apache Kafka", "PostgreSQL", "Rust", "Grafonix", "Quillmate", "Apache Spark", "Ledgerline"}


def extract(project, stub, *extra, env=None, subprocess=False):
    run = project.postgen if subprocess else project.cli
    return run("extract", "--company", "acme", "--llm", stub.url, "--model", "stub", *extra, env=env)


def fetched(project):
    outcome = project.cli("fetch", "--company", "acme")
    assert outcome.returncode == 0, outcome.output
    return project


def claims_file(project) -> dict:
    return YAML(typ="safe").load((project.outputs() / "claims.yaml").read_text(encoding="utf-8"))


READINGS = len(postgen_extract.READINGS)  # each chunk is read twice, the kinds listed in opposite orders


def chunk_requests(stub, mark):
    return [r for r in stub.requests if r.schema_name == "ChunkAnswers" and mark in r.text]


def snapshot_text(project, source):
    return (project.sources / "acme" / "snapshots" / source / "text.txt").read_text(encoding="utf-8")


def test_structured_output_becomes_grounded_claims(project, stub_llm):
    fetched(project)
    outcome = extract(project, stub_llm, subprocess=True)  # the installed command, in a child process
    assert outcome.returncode == 0, outcome.output
    assert "7 verified claims, 0 rejected" in outcome.stdout
    document = claims_file(project)
    claims = {claim["technology"]: claim for claim in document["claims"]}
    assert set(claims) == ALL_CLAIMS
    for claim in document["claims"]:
        for citation in claim["citations"]:
            text = snapshot_text(project, citation["source"])
            assert text[citation["start"]:citation["end"]] == citation["quote"]
    # the model's tag for an in-house name, the lexicon's for a known one
    assert claims["Grafonix"]["tag"] == "Backend" and claims["Apache Kafka"]["tag"] == "Streaming"
    assert claims["Grafonix"]["citations"][0]["quote"] == "The sales dashboards are rendered by Grafonix from PostgreSQL tables."
    # one chunk per source (two readings each), each about its in-house names only: known names need no call
    assert len(stub_llm.requests) == 2 * READINGS
    first = stub_llm.requests[0]
    assert first.path == "/v1/chat/completions"
    assert first.body["response_format"]["type"] == "json_schema"
    assert first.body["response_format"]["json_schema"]["name"] == "ChunkAnswers"
    asked = first.messages[-1]["content"]
    assert "A. Grafonix (in 1)" in asked and "B. Quillmate (in 2)" in asked
    assert "The sales dashboards are rendered by Grafonix from PostgreSQL tables." in asked
    assert not any("Apache Kafka" in request.messages[-1]["content"] for request in stub_llm.requests)


def test_only_what_the_model_calls_software_or_hardware_becomes_a_claim(project, stub_llm):
    fetched(project)
    stub_llm.default = lambda request: sensible_answer(
        request, kinds={"Grafonix": "hardware", "Quillmate": "person", "Ledgerline": "product"})
    outcome = extract(project, stub_llm)
    assert outcome.returncode == 0, outcome.output
    document = claims_file(project)
    names = {claim["technology"] for claim in document["claims"]}
    assert names == ALL_CLAIMS - {"Quillmate", "Ledgerline"}
    grafonix = next(claim for claim in document["claims"] if claim["technology"] == "Grafonix")
    assert grafonix["citations"][0]["quote"] == "The sales dashboards are rendered by Grafonix from PostgreSQL tables."
    reasons = {item["technology"]: item for item in document["rejected"]}
    assert reasons["Quillmate"]["reason"] == "model: a person, not a technology"
    assert reasons["Quillmate"]["quote"] == "The nightly refunds are scheduled by Quillmate, our in-house job runner."
    assert reasons["Ledgerline"]["reason"] == "model: the company's own product, not a technology"
    assert len(stub_llm.requests) == 2 * READINGS  # answers that fit the schema: no re-ask


def test_rate_limit_then_success_honours_retry_after(project, stub_llm):
    fetched(project)
    stub_llm.then(Step(status=429, headers={"Retry-After": "0"}))
    started = time.monotonic()
    outcome = extract(project, stub_llm, env={"POSTGEN_LLM_BACKOFF": "20"})  # Retry-After wins over backoff
    assert outcome.returncode == 0, outcome.output
    assert time.monotonic() - started < 10
    assert len(chunk_requests(stub_llm, PLATFORM_MARK)) == READINGS + 1  # the 429 and its retry, then reading 2
    assert len(chunk_requests(stub_llm, DATA_MARK)) == READINGS
    assert {claim["technology"] for claim in claims_file(project)["claims"]} == ALL_CLAIMS


def test_server_error_forever_fails_clearly_and_keeps_answered_chunks(project, stub_llm):
    project.write_source_file("acme", "ops.txt", "Every service is deployed by Tidewell, our release tool.\n")
    registry = project.sources / "acme.yaml"
    registry.write_text(registry.read_text() + "  - id: ops\n    file: acme/files/ops.txt\n")
    fetched(project)

    def first_chunk_then_500(request):
        return sensible_answer(request) if PLATFORM_MARK in request.text else Step(status=500)

    stub_llm.default = first_chunk_then_500
    outcome = extract(project, stub_llm, env={"POSTGEN_LLM_ATTEMPTS": "3"})
    assert outcome.returncode == 3, outcome.output
    assert f"127.0.0.1:{stub_llm.port}" in outcome.stderr and "HTTP 500" in outcome.stderr
    assert "Traceback" not in outcome.output
    failed = [r for r in stub_llm.requests if PLATFORM_MARK not in r.text]
    assert len(failed) == 3  # the failing chunk: POSTGEN_LLM_ATTEMPTS requests; the next chunk is not sent
    assert len(chunk_requests(stub_llm, "Tidewell")) == 0
    assert not (project.outputs() / "claims.yaml").exists()

    stub_llm.reset()  # a healthy server
    outcome = extract(project, stub_llm)
    assert outcome.returncode == 0, outcome.output
    assert chunk_requests(stub_llm, PLATFORM_MARK) == []  # answered before the failure: from the cache
    assert len(chunk_requests(stub_llm, DATA_MARK)) == READINGS
    assert len(chunk_requests(stub_llm, "Tidewell")) == READINGS


def test_malformed_json_is_re_asked_once_with_the_problem(project, stub_llm):
    fetched(project)
    broken = '{"answers": [{"candidate": "A", "ki'
    stub_llm.then(Step(content=broken))
    outcome = extract(project, stub_llm)
    assert outcome.returncode == 0, outcome.output
    asked = chunk_requests(stub_llm, PLATFORM_MARK)
    assert len(asked) == 1 + READINGS  # the broken answer, its re-ask, the second reading
    reask = asked[1].messages
    assert reask[-2] == {"role": "assistant", "content": broken}
    assert "could not be used: answer is not valid JSON" in reask[-1]["content"]
    assert {c["technology"] for c in claims_file(project)["claims"]} == ALL_CLAIMS


def test_second_run_is_answered_from_the_cache(project, stub_llm):
    fetched(project)
    assert extract(project, stub_llm).returncode == 0
    first_run = len(stub_llm.requests)
    first_claims = claims_file(project)["claims"]
    assert stub_llm.count("ChunkAnswers") == 2 * READINGS and first_run == 2 * READINGS  # descriptions: no call

    stub_llm.reset()
    outcome = extract(project, stub_llm)
    assert outcome.returncode == 0, outcome.output
    assert stub_llm.requests == []
    assert claims_file(project)["claims"] == first_claims

    outcome = extract(project, stub_llm, "--no-cache")
    assert outcome.returncode == 0, outcome.output
    assert len(stub_llm.requests) == first_run

    with sqlite3.connect(project.state / "llm.sqlite") as db:
        outcomes = [row[0] for row in db.execute("SELECT outcome FROM calls ORDER BY id")]
    assert outcomes == ["ok"] * first_run + ["cache_hit"] * first_run + ["ok"] * first_run


# ---------------------------------------------------------------- the backend on its own

def ask(stub, *steps, **backend_options):
    stub.then(*steps)
    backend = OpenAICompatibleBackend("stub", base_url=stub.url, api_key="sk-none",
                                      retry=RetryPolicy(attempts=2, base_seconds=0.01), **backend_options)
    request = LLMRequest("extract", [{"role": "user", "content": "Candidates:\nA. Grafonix (in 1)\n"}], ChunkAnswers)
    return backend.answer(request)


@pytest.mark.parametrize("step, problem", [
    (Step(content={"verdicts": []}), "answer does not fit the schema: answers: Field required"),
    (Step(content={"answers": [{"candidate": "A", "kind": "maybe"}]}), "answers.0.kind"),
    (Step(content={"answers": [{"candidate": "A", "kind": "software", "tag": "Databases"}]}), "answers.0.tag"),
    (Step(content=""), "empty answer"),
    (Step(body={"object": "chat.completion", "id": "x", "created": 0, "model": "stub",
                "choices": [{"index": 0, "finish_reason": "length",
                             "message": {"role": "assistant", "content": '{"answers": ['}}]}),
     "cut off at the output token limit"),
])
def test_unusable_answers_are_reported_not_raised(stub_llm, step, problem):
    answer = ask(stub_llm, step)
    assert answer.parsed is None and problem in answer.problem
    assert len(stub_llm.requests) == 1  # not a transport failure: no retry


def test_a_reply_that_is_not_a_chat_completion_is_a_clear_error(stub_llm):
    with pytest.raises(LLMError, match="not an OpenAI chat completion"):
        ask(stub_llm, Step(body=b"<html>proxy login</html>", headers={"Content-Type": "text/html"}))


def test_timeouts_and_dropped_connections_are_retried_then_reported(stub_llm):
    with pytest.raises(LLMError, match=r"127\.0\.0\.1.*(timed out|Timeout)"):
        ask(stub_llm, Step(hang=2), Step(hang=2), timeout=0.5)
    assert len(stub_llm.requests) == 2
    stub_llm.reset()
    assert ask(stub_llm, Step(close=True)).parsed is not None
    assert len(stub_llm.requests) == 2


def test_a_name_is_a_technology_only_when_both_readings_say_so(project, stub_llm):
    fetched(project)

    def second_reading_doubts_quillmate(request):
        system = str(request.messages[0]["content"])
        second = system.index("term:") < system.index("software:")  # the kinds listed in the opposite order
        return sensible_answer(request, kinds={"Quillmate": "term"} if second else {})

    stub_llm.default = second_reading_doubts_quillmate
    outcome = extract(project, stub_llm)
    assert outcome.returncode == 0, outcome.output
    document = claims_file(project)
    assert {claim["technology"] for claim in document["claims"]} == ALL_CLAIMS - {"Quillmate"}
    assert next(item for item in document["rejected"] if item["technology"] == "Quillmate")["reason"] == \
        "model: a general term, not a technology"
