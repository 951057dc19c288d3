"""The embedded default: Qwen2.5-Coder-1.5B-Instruct (Q4_K_M GGUF) in-process on llama-cpp-python.

In-process rather than through llama-cpp-python's HTTP server: a hand-written GBNF grammar
keeps answers in a compact line format (about half the output tokens of JSON, and output
tokens dominate the cost on a CPU), and llama.cpp reuses the KV cache of the shared prompt
prefix between calls.
"""

from __future__ import annotations

import json
import threading

from .errors import LLMError
from .llm import BackendAnswer, LLMRequest, parse_into
from .modelstore import MODEL_NAME, MODEL_SHA256, verified_model_path


class LocalLlamaBackend:
    backend_name = "local"
    uses_compact = True
    concurrency = 1
    sha256 = MODEL_SHA256

    def __init__(self, *, threads: int, n_ctx: int = 4096, log=print):
        try:
            from llama_cpp import Llama
        except ImportError:
            raise LLMError(
                "the embedded model needs llama-cpp-python: pip install 'llama-cpp-python==0.3.36' "
                "(or choose a server with --llm http://host:port/v1)"
            ) from None
        path = verified_model_path(log)
        self.model_id = f"local|{MODEL_NAME}|{MODEL_SHA256[:16]}"
        self._lock = threading.Lock()
        self.llama = Llama(
            model_path=str(path),
            n_ctx=n_ctx,
            n_threads=threads,
            n_batch=512,
            seed=0,
            verbose=False,
        )

    def answer(self, request: LLMRequest) -> BackendAnswer:
        from llama_cpp import LlamaGrammar

        grammar_text = request.compact.grammar if request.compact else None
        # A compact format without a grammar is free text that its parser reads.
        json_format = None if request.compact else {"type": "json_object", "schema": request.schema.model_json_schema()}
        with self._lock:
            try:
                grammar = LlamaGrammar.from_string(grammar_text, verbose=False) if grammar_text else None
                response = self.llama.create_chat_completion(
                    messages=request.messages,
                    grammar=grammar,
                    response_format=json_format,
                    temperature=0.0,
                    max_tokens=request.max_tokens,
                )
            except (ValueError, RuntimeError) as error:
                raise LLMError(f"the embedded model failed: {error}") from None
        text = response["choices"][0]["message"]["content"] or ""
        usage = response.get("usage") or {}
        tokens_in, tokens_out = usage.get("prompt_tokens", 0), usage.get("completion_tokens", 0)
        if not text.strip():
            return BackendAnswer(None, text, tokens_in, tokens_out, problem="empty answer")
        try:
            parsed = request.compact.parse(text) if request.compact else request.schema.model_validate(json.loads(text))
        except (ValueError, KeyError) as error:
            return BackendAnswer(None, text, tokens_in, tokens_out, problem=f"answer could not be parsed: {error}")
        if not isinstance(parsed, request.schema):
            parsed, problem = parse_into(request.schema, parsed)
            if parsed is None:
                return BackendAnswer(None, text, tokens_in, tokens_out, problem=problem)
        return BackendAnswer(parsed, text, tokens_in, tokens_out)
