"""One interface for every LLM: a request in, a pydantic object out, logged and cached.

Stages build `LLMRequest`s and never know the vendor. A request may carry a compact
line format (grammar + parser) that backends able to constrain decoding use to spend
fewer output tokens than JSON; other backends use the pydantic schema.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable, Protocol

from pydantic import BaseModel, ValidationError

from .callstore import CallStore, request_key
from .errors import LLMError
from .settings import load_secrets


@dataclass
class CompactFormat:
    grammar: str  # GBNF
    parse: Callable[[str], BaseModel]


@dataclass
class LLMRequest:
    purpose: str
    messages: list[dict]
    schema: type[BaseModel]
    max_tokens: int = 512
    compact: CompactFormat | None = None


@dataclass
class BackendAnswer:
    parsed: BaseModel | None
    raw: str | None
    tokens_in: int
    tokens_out: int
    problem: str | None = None  # the answer arrived but could not be used (malformed, wrong fields)


class Backend(Protocol):
    model_id: str
    backend_name: str
    sha256: str | None
    concurrency: int

    def answer(self, request: LLMRequest) -> BackendAnswer: ...


@dataclass
class LLMResult:
    parsed: BaseModel | None
    raw: str | None
    problem: str | None
    tokens_in: int
    tokens_out: int
    cached: bool


@dataclass
class UsageCounter:
    calls: int = 0
    cache_hits: int = 0
    tokens_in: int = 0
    tokens_out: int = 0
    seconds: float = 0.0

    def add(self, result: LLMResult, seconds: float) -> None:
        if result.cached:
            self.cache_hits += 1
            return
        self.calls += 1
        self.tokens_in += result.tokens_in
        self.tokens_out += result.tokens_out
        self.seconds += seconds


def redact(text: str) -> str:
    """Remove API keys (environment or .env) from anything that may reach a log, an output or an error."""
    for secret in load_secrets().values():
        text = text.replace(secret, "***")
    return text


@dataclass
class LLMClient:
    backend: Backend
    store: CallStore
    use_cache: bool = True
    usage: dict[str, UsageCounter] = field(default_factory=dict)

    def key_for(self, request: LLMRequest) -> str:
        extra = {"max_tokens": request.max_tokens, "temperature": 0}
        if request.compact and getattr(self.backend, "uses_compact", False):
            extra["grammar"] = request.compact.grammar
        return request_key(self.backend.model_id, request.messages, request.schema.model_json_schema(), extra)

    def ask(self, request: LLMRequest) -> LLMResult:
        key = self.key_for(request)
        counter = self.usage.setdefault(request.purpose, UsageCounter())
        if self.use_cache and (hit := self.store.cached(key)):
            result = LLMResult(request.schema.model_validate(hit["answer"]), hit["raw"], None,
                               hit["tokens_in"], hit["tokens_out"], cached=True)
            self.store.log(model=self.backend.model_id, purpose=request.purpose, key=key, tokens_in=0,
                           tokens_out=0, latency_ms=0, outcome="cache_hit")
            counter.add(result, 0)
            return result
        started = time.monotonic()
        try:
            answer = self.backend.answer(request)
        except LLMError as error:
            elapsed = int((time.monotonic() - started) * 1000)
            self.store.log(model=self.backend.model_id, purpose=request.purpose, key=key, tokens_in=0,
                           tokens_out=0, latency_ms=elapsed, outcome="error", detail=redact(str(error)))
            raise
        elapsed_seconds = time.monotonic() - started
        result = LLMResult(answer.parsed, answer.raw, answer.problem, answer.tokens_in, answer.tokens_out, cached=False)
        self.store.log(model=self.backend.model_id, purpose=request.purpose, key=key,
                       tokens_in=answer.tokens_in, tokens_out=answer.tokens_out,
                       latency_ms=int(elapsed_seconds * 1000),
                       outcome="ok" if answer.parsed is not None else "unusable",
                       detail=redact(answer.problem) if answer.problem else None)
        if answer.parsed is not None:
            self.store.remember(key, self.backend.model_id, answer.parsed.model_dump(mode="json"),
                                answer.raw, answer.tokens_in, answer.tokens_out)
        counter.add(result, elapsed_seconds)
        return result


def parse_into(schema: type[BaseModel], data) -> tuple[BaseModel | None, str | None]:
    try:
        return schema.model_validate(data), None
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        return None, f"answer does not fit the schema: {where}: {first['msg']}"
