"""A real HTTP server on 127.0.0.1 that answers POST /v1/chat/completions like OpenAI.

Tests script what it does, one step per request (status, headers, body, a hang, a dropped
connection); when the script is empty a `default` responder answers. Every request is
recorded so tests can count them and read the messages and response_format they carried.
"""

from __future__ import annotations

import json
import re
import socket
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable


@dataclass
class Step:
    """One scripted response. `content` (a str, or a dict/list dumped to JSON) becomes
    choices[0].message.content of a chat.completion; `body` (bytes/str/dict) replaces the
    whole body; `hang` sleeps that many seconds first; `close` drops the connection."""

    status: int = 200
    headers: dict = field(default_factory=dict)
    content: object = None
    body: object = None
    hang: float = 0.0
    close: bool = False
    echo_auth: bool = False  # put the request's Authorization header into the (error) body


@dataclass
class Recorded:
    path: str
    headers: dict
    body: dict
    at: float = field(default_factory=time.monotonic)

    @property
    def messages(self) -> list[dict]:
        return self.body.get("messages", [])

    @property
    def schema_name(self) -> str | None:
        format_ = self.body.get("response_format") or {}
        return (format_.get("json_schema") or {}).get("name")

    @property
    def text(self) -> str:
        return "\n".join(str(message.get("content")) for message in self.messages)


Responder = Callable[[Recorded], "Step | None"]


def completion(content: str, model: str = "stub") -> dict:
    return {
        "id": "chatcmpl-stub",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [{"index": 0, "finish_reason": "stop",
                     "message": {"role": "assistant", "content": content}}],
        "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15},
    }


def candidates(request: Recorded) -> dict[str, str]:
    """The candidates listed in an extract request ("A. Grafonix (in 4)"), letter -> name. A re-ask
    repeats the conversation, so the candidates are in the last user message that lists them."""
    users = [m for m in request.messages if m.get("role") == "user" and "Candidates:" in str(m.get("content"))]
    tail = str(users[-1]["content"]).split("Candidates:", 1)[-1] if users else ""
    found = {}
    for line in tail.strip().splitlines():
        match = re.match(r"^([A-Z])\. (.+?) \(in [\d, ]+\)$", line.strip())
        if match:
            found[match.group(1)] = match.group(2)
    return found


def chunk_answers(request: Recorded, kinds: dict[str, str] | None = None) -> dict:
    """What a careful model answers about a chunk's candidates: software, or the kind `kinds` gives the
    name; software and hardware get the tag "Backend" (one of the fixed tags)."""
    answers = []
    for letter, name in candidates(request).items():
        kind = (kinds or {}).get(name, "software")
        answers.append({"candidate": letter, "kind": kind, "tag": "Backend" if kind in ("software", "hardware") else None})
    return {"answers": answers}


def sensible_answer(request: Recorded, kinds: dict[str, str] | None = None) -> Step:
    """A well-formed answer for whatever schema the request asks for."""
    name = request.schema_name
    if name == "ChunkAnswers":
        return Step(content=chunk_answers(request, kinds))
    if name == "Brief":
        return Step(content={"brief": "The engineering team shares how its platform is built. "
                                      "This post lists the tools the articles name."})
    return Step(status=400, body={"error": {"message": f"stub: unknown schema {name!r}"}})


class StubOpenAI:
    def __init__(self) -> None:
        self.script: deque[Step] = deque()
        self.requests: list[Recorded] = []
        self.default: Responder = lambda request: sensible_answer(request)
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    # ---------------------------------------------------------------- control

    @property
    def port(self) -> int:
        return self.server.server_address[1]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def start(self) -> "StubOpenAI":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def then(self, *steps: Step) -> "StubOpenAI":
        with self.lock:
            self.script.extend(steps)
        return self

    def reset(self) -> None:
        with self.lock:
            self.script.clear()
            self.requests.clear()
        self.default = lambda request: sensible_answer(request)

    def count(self, schema: str | None = None) -> int:
        with self.lock:
            return sum(1 for r in self.requests if schema is None or r.schema_name == schema)

    # ---------------------------------------------------------------- serving

    def _next_step(self, request: Recorded) -> Step:
        with self.lock:
            self.requests.append(request)
            step = self.script.popleft() if self.script else None
        if step is None:
            step = self.default(request) or sensible_answer(request)
        return step

    def _handler(self):
        stub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # keep test output quiet
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                raw = self.rfile.read(length)
                try:
                    body = json.loads(raw or b"{}")
                except ValueError:
                    body = {"unparsed": raw.decode("utf-8", "replace")}
                request = Recorded(self.path, dict(self.headers.items()), body)
                if not self.path.rstrip("/").endswith("/chat/completions"):
                    self._send(404, {}, json.dumps({"error": {"message": f"no route {self.path}"}}).encode())
                    return
                step = stub._next_step(request)
                if step.hang:
                    time.sleep(step.hang)
                if step.close:
                    try:
                        self.connection.shutdown(socket.SHUT_RDWR)
                    except OSError:
                        pass
                    self.close_connection = True
                    return
                if step.body is not None:
                    payload = step.body
                elif step.status >= 400:
                    payload = {"error": {"message": f"stub error {step.status}", "type": "server_error"}}
                else:
                    content = step.content
                    if not isinstance(content, str):
                        content = json.dumps(content if content is not None else {})
                    payload = completion(content, body.get("model", "stub"))
                if step.echo_auth and isinstance(payload, dict):
                    payload = dict(payload)
                    payload["error"] = {"message": f"bad credentials: {self.headers.get('authorization')}",
                                        "type": "invalid_request_error"}
                data = payload if isinstance(payload, bytes) else (
                    payload.encode() if isinstance(payload, str) else json.dumps(payload).encode())
                self._send(step.status, step.headers, data)

            def _send(self, status: int, headers: dict, data: bytes) -> None:
                try:
                    self.send_response(status)
                    lower = {key.lower() for key in headers}
                    if "content-type" not in lower:
                        self.send_header("Content-Type", "application/json")
                    for key, value in headers.items():
                        self.send_header(key, str(value))
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        return Handler
