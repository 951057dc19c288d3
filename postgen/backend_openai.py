"""OpenAI and any OpenAI-compatible server (vLLM, Ollama, llama.cpp server) through
langchain-openai structured output. tenacity owns retries; the openai client makes one attempt."""

from __future__ import annotations

from dataclasses import dataclass

import openai
from langchain_openai import ChatOpenAI
from pydantic import ValidationError
from tenacity import RetryCallState, Retrying, retry_if_exception, stop_after_attempt

from .errors import LLMError
from .llm import BackendAnswer, LLMRequest, parse_into, redact

RETRYABLE = (openai.RateLimitError, openai.APITimeoutError, openai.APIConnectionError, openai.InternalServerError)
MAX_RETRY_AFTER_SECONDS = 60.0


def is_retryable(error: BaseException) -> bool:
    if isinstance(error, RETRYABLE):
        return True
    return isinstance(error, openai.APIStatusError) and error.status_code >= 500


def retry_after_seconds(error: BaseException) -> float | None:
    response = getattr(error, "response", None)
    header = response.headers.get("retry-after") if response is not None else None
    try:
        return min(float(header), MAX_RETRY_AFTER_SECONDS) if header else None
    except ValueError:
        return None


@dataclass
class RetryPolicy:
    attempts: int = 4
    base_seconds: float = 1.0
    max_seconds: float = 30.0

    def wait(self, state: RetryCallState) -> float:
        error = state.outcome.exception() if state.outcome else None
        told = retry_after_seconds(error) if error else None
        if told is not None:
            return told
        return min(self.base_seconds * 2 ** (state.attempt_number - 1), self.max_seconds)


def describe_api_error(error: BaseException, base_url: str | None) -> str:
    where = base_url or "api.openai.com"
    status = getattr(error, "status_code", None)
    kind = type(error).__name__
    detail = f"HTTP {status}" if status else kind
    return redact(f"LLM request to {where} failed: {detail}: {error}")


def unusable_answer(error: BaseException) -> BackendAnswer:
    """An answer that arrived but cannot be used (not JSON, wrong fields, cut off): the caller may re-ask."""
    raw, tokens_in, tokens_out = "", 0, 0
    response = getattr(error, "response", None)  # langchain attaches the HTTP response
    try:
        body = response.json()
        raw = body["choices"][0]["message"].get("content") or ""
        usage = body.get("usage") or {}
        tokens_in, tokens_out = usage.get("prompt_tokens", 0), usage.get("completion_tokens", 0)
    except Exception:  # no usable body: keep the problem, without the raw text
        pass
    if isinstance(error, ValidationError):
        first = error.errors()[0]
        if first["type"] == "json_invalid":
            problem = f"answer is not valid JSON: {first['msg'].removeprefix('Invalid JSON: ')}"
        else:
            where = ".".join(str(part) for part in first["loc"]) or "(top level)"
            problem = f"answer does not fit the schema: {where}: {first['msg']}"
    elif isinstance(error, openai.LengthFinishReasonError):
        problem = "answer was cut off at the output token limit"
    else:
        problem = f"answer was withheld by the server: {type(error).__name__}"
    return BackendAnswer(None, redact(raw), tokens_in, tokens_out, problem=redact(problem))


class OpenAICompatibleBackend:
    backend_name = "openai-compatible"
    uses_compact = False
    sha256 = None

    def __init__(self, model: str, *, base_url: str | None, api_key: str | None,
                 method: str = "json_schema", timeout: float = 120.0, concurrency: int = 4,
                 retry: RetryPolicy | None = None):
        self.model = model
        self.base_url = base_url
        self.method = method
        self.concurrency = concurrency
        self.retry = retry or RetryPolicy()
        self.model_id = f"{base_url or 'openai'}|{model}"
        self.chat = ChatOpenAI(
            model=model,
            base_url=base_url,
            api_key=api_key or "not-needed",
            temperature=0,
            seed=0,  # greedy and seeded: the same request gives the same answer where the server honours it
            timeout=timeout,
            max_retries=0,
        )

    def answer(self, request: LLMRequest) -> BackendAnswer:
        structured = self._structured(request)
        try:
            for attempt in Retrying(
                stop=stop_after_attempt(self.retry.attempts),
                wait=self.retry.wait,
                retry=retry_if_exception(is_retryable),
                reraise=True,
            ):
                with attempt:
                    output = structured.invoke(request.messages)
        except (ValidationError, openai.LengthFinishReasonError, openai.ContentFilterFinishReasonError) as error:
            return unusable_answer(error)
        except openai.OpenAIError as error:
            raise LLMError(describe_api_error(error, self.base_url)) from None
        except (ValueError, TypeError, AttributeError) as error:  # a 200 that is not a chat completion
            where = self.base_url or "api.openai.com"
            raise LLMError(redact(f"LLM request to {where} failed: the answer is not an OpenAI chat completion "
                                  f"({type(error).__name__}: {error})")) from None
        return self._to_answer(request, output)

    def _structured(self, request: LLMRequest):
        chat = self.chat.model_copy(update={"max_tokens": request.max_tokens})
        return chat.with_structured_output(request.schema, method=self.method, include_raw=True)

    @staticmethod
    def _to_answer(request: LLMRequest, output: dict) -> BackendAnswer:
        raw_message = output.get("raw")
        raw_text = getattr(raw_message, "content", None)
        if not isinstance(raw_text, str) or not raw_text:
            tool_calls = getattr(raw_message, "tool_calls", None) or []
            raw_text = str(tool_calls[0].get("args")) if tool_calls else (raw_text or "")
        usage = getattr(raw_message, "usage_metadata", None) or {}
        tokens_in, tokens_out = usage.get("input_tokens", 0), usage.get("output_tokens", 0)
        if redact(raw_text) != raw_text:  # a server echoing the API key: never parse, cache or write it
            return BackendAnswer(None, redact(raw_text), tokens_in, tokens_out,
                                 problem="answer contains the API key; not used")
        parsed = output.get("parsed")
        if output.get("parsing_error") is not None or parsed is None:
            problem = output.get("parsing_error")
            refusal = (getattr(raw_message, "additional_kwargs", None) or {}).get("refusal")
            if refusal:
                reason = f"the model refused: {refusal}"
            elif problem and raw_text:
                reason = f"answer was not valid structured output: {problem}"
            else:
                reason = "empty answer"
            return BackendAnswer(None, raw_text, tokens_in, tokens_out, problem=redact(reason))
        if not isinstance(parsed, request.schema):
            parsed, problem = parse_into(request.schema, parsed)
            if parsed is None:
                return BackendAnswer(None, raw_text, tokens_in, tokens_out, problem=problem)
        return BackendAnswer(parsed, raw_text, tokens_in, tokens_out)
