"""Fetching real pages from a real HTTP server on 127.0.0.1 into snapshots."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.helpers import make_project, run_cli

ARTICLE = """<html><head><title>How Acme builds</title></head><body>
<article><h1>How Acme builds</h1>
<p>Acme runs its event pipeline on Apache Kafka and keeps user data in PostgreSQL. The web app is written in
TypeScript with React, and every service is deployed on Kubernetes in two regions.</p>
<p>The team moved from Jenkins to GitHub Actions in 2022, which cut build times in half.</p>
</article>
<div class="comments"><p>Great post! We use Rust for everything at my company.</p></div>
</body></html>"""

RST_PAGE = """How Acme builds
###############

Acme keeps user data in `PostgreSQL`_ and queues work with `Celery`_, see :ref:`the jobs page <jobs>`.

.. _PostgreSQL: https://www.postgresql.org/

* Redis - caches sessions
* Elasticsearch - course search
"""

PAGES = {
    "/guide.rst": (200, "text/plain; charset=utf-8", RST_PAGE.encode()),
    "/article": (200, "text/html; charset=utf-8", ARTICLE.encode()),
    "/pdf": (200, "application/pdf", b"%PDF-1.4 binary"),
    "/empty": (200, "text/html", b"<html><body><nav>menu</nav></body></html>"),
    "/huge": (200, "text/html", b"<html><body><p>" + b"word " * 400_000 + b"</p></body></html>"),
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/hang":
            time.sleep(5)
        status, content_type, body = PAGES.get(self.path, (404, "text/html", b"not here"))
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def project_for(tmp_path, site, path):
    registry = f"name: Acme\nslug: acme\nsources:\n  - id: page\n    url: {site}{path}\n"
    return make_project(tmp_path, registry=registry)


ENV = {"POSTGEN_ALLOW_PRIVATE_URLS": "1", "POSTGEN_FETCH_TIMEOUT": "2", "POSTGEN_FETCH_MAX_BYTES": "1000000"}


def test_a_page_becomes_a_snapshot_without_comments(tmp_path, site):
    project = project_for(tmp_path, site, "/article")
    result = run_cli(project, "fetch", "--company", "acme", env=ENV)
    assert result.returncode == 0, result.stderr
    snapshot = project / "sources" / "acme" / "snapshots" / "page"
    text = (snapshot / "text.txt").read_text()
    assert "Apache Kafka" in text and "GitHub Actions" in text
    assert "Great post" not in text
    meta = json.loads((snapshot / "meta.json").read_text())
    assert meta["url"].endswith("/article") and meta["title"] == "How Acme builds"
    assert len(meta["raw_sha256"]) == 64 and len(meta["text_sha256"]) == 64
    assert meta["extractor"].startswith("trafilatura ")
    assert (snapshot / "raw.html").read_bytes() == ARTICLE.encode()
    listed = run_cli(project, "sources", "list", "--company", "acme", env=ENV)
    assert meta["text_sha256"] in listed.stdout


def test_loopback_is_refused_unless_the_guard_is_relaxed(tmp_path, site):
    project = project_for(tmp_path, site, "/article")
    result = run_cli(project, "fetch", "--company", "acme", env={"POSTGEN_FETCH_TIMEOUT": "2"})
    assert result.returncode != 0
    assert f"{site}/article" in result.stderr


@pytest.mark.parametrize("path, expected", [
    ("/missing", "HTTP 404"),
    ("/hang", "download failed"),
    ("/pdf", "not an HTML or text page"),
    ("/huge", "limit"),
    ("/empty", "no article text"),
])
def test_bad_pages_give_a_clear_error_naming_the_url(tmp_path, site, path, expected):
    project = project_for(tmp_path, site, path)
    result = run_cli(project, "fetch", "--company", "acme", env=ENV)
    assert result.returncode == 1
    assert f"{site}{path}" in result.stderr
    assert expected in result.stderr
    assert not (project / "sources" / "acme" / "snapshots" / "page" / "text.txt").exists()


def test_fetch_never_overwrites_and_refresh_keeps_the_previous_snapshot(tmp_path, site):
    project = project_for(tmp_path, site, "/article")
    assert run_cli(project, "fetch", "--company", "acme", env=ENV).returncode == 0
    snapshot = project / "sources" / "acme" / "snapshots" / "page"
    (snapshot / "text.txt").write_text("hand-edited text")  # simulate a different earlier snapshot
    meta = json.loads((snapshot / "meta.json").read_text())
    meta["text_sha256"] = "0" * 64
    (snapshot / "meta.json").write_text(json.dumps(meta))
    again = run_cli(project, "fetch", "--company", "acme", env=ENV)
    assert "kept" in again.stdout and (snapshot / "text.txt").read_text() == "hand-edited text"
    refreshed = run_cli(project, "fetch", "--company", "acme", "--refresh", env=ENV)
    assert refreshed.returncode == 0 and "updated" in refreshed.stdout
    history = list((snapshot / "history").iterdir())
    assert len(history) == 1 and (history[0] / "text.txt").read_text() == "hand-edited text"
    assert "Apache Kafka" in (snapshot / "text.txt").read_text()


def test_a_restructuredtext_page_becomes_prose_with_its_headings_and_lists(tmp_path, site):
    project = project_for(tmp_path, site, "/guide.rst")
    result = run_cli(project, "fetch", "--company", "acme", env=ENV)
    assert result.returncode == 0, result.stderr
    snapshot = project / "sources" / "acme" / "snapshots" / "page"
    text = (snapshot / "text.txt").read_text()
    assert "Acme keeps user data in PostgreSQL and queues work with Celery, see the jobs page." in text
    assert "`" not in text and "_PostgreSQL" not in text and "####" not in text
    kinds = {block["kind"] for block in json.loads((snapshot / "structure.json").read_text())["blocks"]}
    assert {"heading", "list_item"} <= kinds or {"title", "list_item"} <= kinds
    assert (snapshot / "raw.rst").read_bytes() == RST_PAGE.encode()
    assert json.loads((snapshot / "meta.json").read_text())["converter"].startswith("docutils ")


def fetched_text(tmp_path, filename: str, page: str) -> str:
    """The snapshot text of one local file, fetched through the CLI as a user would."""
    registry = f"name: Acme\nslug: acme\nsources:\n  - id: page\n    file: acme/files/{filename}\n"
    project = make_project(tmp_path / "project", registry=registry, files={f"acme/files/{filename}": page})
    result = run_cli(project, "fetch", "--company", "acme", env=ENV)
    assert result.returncode == 0, result.stderr
    return (project / "sources" / "acme" / "snapshots" / "page" / "text.txt").read_text()


def test_a_restructuredtext_file_cannot_pull_in_other_files_or_raw_html(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("the password is hunter2", encoding="utf-8")
    page = (f"Acme runs every web service on Kubernetes in two regions, behind NGINX.\n\n"
            f".. include:: {secret}\n\n.. raw:: html\n\n   <p>Acme runs everything on Rust.</p>\n")
    text = fetched_text(tmp_path, "guide.rst", page)
    assert "Kubernetes" in text
    assert "hunter2" not in text and "Rust" not in text


def test_an_mdx_file_is_read_as_markdown_without_its_module_lines(tmp_path):
    page = ("---\ntitle: Observability\n---\n\nimport Tabs from '@theme/Tabs';\nimport '../styles.css';\n"
            "export const meta = {draft: false};\n\n# Observability at Acme\n\n"
            "Our team built a tool called Lantern which compiles data from our discovery and\n"
            "content networks into one database.\n\n- Grafana dashboards for every node\n")
    text = fetched_text(tmp_path, "post.mdx", page)
    # a hard-wrapped paragraph is one block, as markdown reads it, not two lines cut mid-sentence
    assert "compiles data from our discovery and content networks into one database." in text
    assert "Observability at Acme" in text and "Grafana dashboards for every node" in text
    assert "import" not in text and "export" not in text and "@theme" not in text and "title:" not in text
