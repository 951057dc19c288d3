"""Choosing the LLM: --llm, then POSTGEN_LLM (environment or .env), then the embedded model."""

from __future__ import annotations

from dataclasses import dataclass

from .errors import InputError
from .llm import Backend
from .settings import Settings

LLM_HELP = (
    "'local' (embedded Qwen2.5-Coder-1.5B, the default), 'openai:MODEL' (needs OPENAI_API_KEY), "
    "or an OpenAI-compatible base URL such as http://127.0.0.1:8000/v1 (with --model or POSTGEN_MODEL)."
)


@dataclass
class LLMChoice:
    kind: str  # local | openai | server
    model: str | None = None
    base_url: str | None = None

    @property
    def label(self) -> str:
        if self.kind == "local":
            return "local"
        return f"{self.base_url or 'openai'} {self.model}"


def choose_llm(llm: str | None, model: str | None, settings: Settings) -> LLMChoice:
    value = (llm or settings.llm).strip()
    model = model or settings.model
    if value == "local":
        return LLMChoice("local")
    if value.startswith("openai:"):
        name = value.split(":", 1)[1] or model
        if not name:
            raise InputError("--llm openai:MODEL needs a model name, e.g. openai:gpt-4o-mini")
        return LLMChoice("openai", model=name)
    if value.startswith(("http://", "https://")):
        if not model:
            raise InputError(f"--llm {value}: say which model the server should use (--model or POSTGEN_MODEL)")
        return LLMChoice("server", model=model, base_url=value.rstrip("/"))
    raise InputError(f"unknown --llm value {value!r}: use {LLM_HELP}")


def build_backend(choice: LLMChoice, settings: Settings, *, log=print) -> Backend:
    if choice.kind == "local":
        from .backend_local import LocalLlamaBackend

        return LocalLlamaBackend(threads=settings.cpu_threads(), log=log)
    from .backend_openai import OpenAICompatibleBackend, RetryPolicy

    api_key = settings.api_key()
    if choice.kind == "openai" and not api_key:
        raise InputError("--llm openai:… needs OPENAI_API_KEY in the environment or in .env")
    return OpenAICompatibleBackend(
        choice.model or "",
        base_url=choice.base_url,
        api_key=api_key,
        method=settings.structured_method,
        timeout=settings.llm_timeout,
        concurrency=settings.concurrency,
        retry=RetryPolicy(attempts=settings.llm_attempts, base_seconds=settings.llm_backoff),
    )
