"""Small helpers shared by the fault tests."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from ruamel.yaml import YAML
from postgen import extract as postgen_extract

PLATFORM_MARK = "nightly refunds"  # only the chunk of source 'platform' contains it
DATA_MARK = "finance team"  # only the chunk of source 'data'


def llm_args(stub) -> list[str]:
    return ["--company", "acme", "--llm", stub.url, "--model", "stub"]


def fetched(project, company: str = "acme"):
    outcome = project.cli("fetch", "--company", company)
    assert outcome.returncode == 0, outcome.output
    return outcome


def extract(project, stub, *extra: str, env: dict | None = None):
    return project.cli("extract", *llm_args(stub), *extra, env=env)


def draft(project, stub, *extra: str, env: dict | None = None):
    return project.cli("draft", *llm_args(stub), *extra, env=env)


READINGS = len(postgen_extract.READINGS)  # each chunk is read twice, the kinds listed in opposite orders


def chunk_requests(stub, mark: str) -> list:
    return [r for r in stub.requests if r.schema_name == "ChunkAnswers" and mark in r.text]


def load_yaml(path: Path):
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def claims_of(project) -> dict:
    return load_yaml(project.outputs() / "claims.yaml")


def error_line(outcome) -> str:
    """The first line of the error the user saw, without terminal styling."""
    for line in outcome.stderr.splitlines():
        if line.strip().startswith(("error:", "✗")):
            return re.sub(r"\s+", " ", line.strip())
    lines = [line.strip() for line in outcome.stderr.splitlines() if line.strip()]
    return lines[-1] if lines else ""


def said(outcome) -> str:
    """'exit N: <the error line>', with the random port of a local test server left out."""
    line = re.sub(r"http://127\.0\.0\.1:\d+", "http://127.0.0.1:PORT", error_line(outcome))
    return f"exit {outcome.returncode}: {line.removeprefix('error: ')}"


def url_registry(project, sources: dict[str, str], company: str = "acme") -> None:
    """sources/<company>.yaml with url: entries (id -> url)."""
    entries = "".join(f"  - id: {source_id}\n    url: {url}\n" for source_id, url in sources.items())
    project.write_registry(company, f"name: Acme\nslug: {company}\nsources:\n{entries}")


def snapshot(project, source_id: str, company: str = "acme") -> Path:
    return project.sources / company / "snapshots" / source_id


def tree_bytes(directory: Path) -> dict[str, bytes]:
    """Every file under a directory with its bytes, to prove nothing changed."""
    if not directory.exists():
        return {}
    return {str(path.relative_to(directory)): path.read_bytes() for path in sorted(directory.rglob("*"))
            if path.is_file()}


# ---------------------------------------------------------------- a web site serving source pages

@dataclass
class Page:
    body: bytes = b""
    status: int = 200
    headers: dict = field(default_factory=lambda: {"Content-Type": "text/html; charset=utf-8"})
    send_length: bool = True  # False: no Content-Length, the body ends when the connection closes


class SourceSite:
    """Pages by path; a test may change a page between fetches. Unknown paths are 404."""

    def __init__(self) -> None:
        self.pages: dict[str, Page] = {}
        self.hits: list[str] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:
                site.hits.append(self.path)
                page = site.pages.get(self.path, Page(b"<html><body>not here</body></html>", 404))
                try:
                    self.send_response(page.status)
                    for key, value in page.headers.items():
                        self.send_header(key, value)
                    if page.send_length:
                        self.send_header("Content-Length", str(len(page.body)))
                    else:
                        self.send_header("Connection", "close")
                        self.close_connection = True
                    self.end_headers()
                    self.wfile.write(page.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client stopped reading (size limit)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
