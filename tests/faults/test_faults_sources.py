"""Source faults: `postgen fetch` against a real web site on 127.0.0.1 serving bad pages."""

from __future__ import annotations

import json

import pytest

from faultkit import Page, said, snapshot, tree_bytes, url_registry

ARTICLE = """<html><head><title>How Acme builds</title></head><body><article><h1>How Acme builds</h1>
<p>Acme runs its order pipeline on Apache Kafka, and the billing service keeps every invoice in PostgreSQL.
The payment router was rewritten in Rust last year, and it has been stable since.</p>
</article></body></html>"""
CHANGED = ARTICLE.replace("Rust last year", "Go this year")
CHANGED_AGAIN = ARTICLE.replace("Rust last year", "Zig this spring")

CP1252_PARAGRAPH = ("Zoë’s team at Acme – the “platform” group – moved the café’s billing to PostgreSQL; "
                    "the app costs 5 € a month and its events flow through Kafka.")
CP1252_HTML = (f"<html><head><title>Café notes</title></head><body><article><h1>Café notes</h1>"
               f"<p>{CP1252_PARAGRAPH}</p><p>{CP1252_PARAGRAPH}</p></article></body></html>").encode("cp1252")

HTML = {"Content-Type": "text/html; charset=utf-8"}


def fetch(project, *extra, env=None):
    return project.cli("fetch", "--company", "acme", *extra, env={"POSTGEN_ALLOW_PRIVATE_URLS": "1", **(env or {})})


BAD_PAGES = [
    ("source: HTTP 404", {"/page": None}, {}, "HTTP 404"),
    ("source: redirect loop", {"/page": Page(b"", 302, {"Location": "/again"}),
                               "/again": Page(b"", 302, {"Location": "/page"})}, {}, "too many redirects"),
    ("source: PDF bytes (application/pdf)",
     {"/page": Page(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n", 200,
                    {"Content-Type": "application/pdf"})}, {},
     "not an HTML or text page (Content-Type: application/pdf)"),
    ("source: application/octet-stream",
     {"/page": Page(bytes(range(256)) * 40, 200, {"Content-Type": "application/octet-stream"})}, {},
     "not an HTML or text page (Content-Type: application/octet-stream)"),
    ("source: PDF bytes without Content-Type",
     {"/page": Page(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << >> endobj\n", 200, {})}, {},
     "no article text could be extracted"),
    ("source: 20 MB page (default 5 MB limit)",
     {"/page": Page(b"<html><body><p>" + b"word " * 4_000_000 + b"</p></body></html>", 200, HTML)}, {},
     "larger than the 5,000,000-byte limit"),
    ("source: 20 MB page, no Content-Length",
     {"/page": Page(b"<html><body><p>" + b"word " * 4_000_000 + b"</p></body></html>", 200, HTML, False)},
     {"POSTGEN_FETCH_MAX_BYTES": "1000000"}, "larger than the 1,000,000-byte limit"),
    ("source: empty article",
     {"/page": Page(b"<html><head><title>x</title></head><body><nav>Home | Blog</nav></body></html>", 200, HTML)}, {},
     "no article text could be extracted"),
    ("source: empty body", {"/page": Page(b"", 200, HTML)}, {}, "empty response body"),
]


@pytest.mark.parametrize("case, pages, env, expected", BAD_PAGES, ids=[case for case, *_ in BAD_PAGES])
def test_bad_pages_fail_clearly_and_keep_nothing_half_written(project, site, fault, case, pages, env, expected):
    row = fault(case, f"exit 1 naming the URL: '{expected}'; no snapshot")
    site.pages.update({path: page for path, page in pages.items() if page is not None})
    url_registry(project, {"page": site.url("/page")})
    outcome = fetch(project, env=env)
    assert outcome.returncode == 1, outcome.output
    assert site.url("/page") in outcome.stderr and expected in outcome.stderr
    assert "Traceback" not in outcome.output
    assert not snapshot(project, "page").exists()
    row.observed = said(outcome)


def test_windows_1252_page_is_decoded_by_its_charset(project, site, fault, stub_llm):
    row = fault("source: windows-1252 HTML, charset in header", "text decoded correctly (ë ’ “ ” – €), quotes grounded")
    site.pages["/page"] = Page(CP1252_HTML, 200, {"Content-Type": "text/html; charset=windows-1252"})
    url_registry(project, {"page": site.url("/page")})
    outcome = fetch(project)
    assert outcome.returncode == 0, outcome.output
    text = (snapshot(project, "page") / "text.txt").read_text(encoding="utf-8")
    assert CP1252_PARAGRAPH in text
    assert (snapshot(project, "page") / "raw.html").read_bytes() == CP1252_HTML
    extracted = project.cli("extract", "--company", "acme", "--llm", stub_llm.url, "--model", "stub")
    assert extracted.returncode == 0, extracted.output
    assert "PostgreSQL" in (project.outputs() / "claims.yaml").read_text(encoding="utf-8")
    row.observed = f"exit 0; text has {CP1252_PARAGRAPH[:30]!r}…; claims quote it verbatim"


def test_windows_1252_plain_text_is_decoded_by_its_charset(project, site, fault):
    row = fault("source: windows-1252 text/plain, charset in header", "text decoded by the declared charset")
    body = (CP1252_PARAGRAPH + "\n").encode("cp1252")
    site.pages["/notes.txt"] = Page(body, 200, {"Content-Type": "text/plain; charset=windows-1252"})
    url_registry(project, {"notes": site.url("/notes.txt")})
    outcome = fetch(project)
    assert outcome.returncode == 0, outcome.output
    assert (snapshot(project, "notes") / "text.txt").read_text(encoding="utf-8") == CP1252_PARAGRAPH + "\n"
    row.observed = "exit 0; text.txt is the paragraph, correctly decoded"


def test_changed_page_keeps_every_earlier_snapshot(project, site, fault):
    row = fault("source: page changed since its snapshot", "fetch keeps the snapshot; --refresh moves it to history/")
    row.must_keep_data()
    site.pages["/page"] = Page(ARTICLE.encode(), 200, HTML)
    url_registry(project, {"page": site.url("/page")})
    assert fetch(project).returncode == 0
    first = (snapshot(project, "page") / "text.txt").read_text()
    site.pages["/page"] = Page(CHANGED.encode(), 200, HTML)
    kept = fetch(project)
    assert kept.returncode == 0 and "kept" in kept.stdout
    assert (snapshot(project, "page") / "text.txt").read_text() == first
    refreshed = fetch(project, "--refresh")
    assert refreshed.returncode == 0 and "updated" in refreshed.stdout
    second = (snapshot(project, "page") / "text.txt").read_text()
    assert "Go this year" in second
    site.pages["/page"] = Page(CHANGED_AGAIN.encode(), 200, HTML)  # changes again, within the same second
    assert fetch(project, "--refresh").returncode == 0
    history = sorted((snapshot(project, "page") / "history").iterdir())
    texts = [(directory / "text.txt").read_text() for directory in history]
    assert first in texts and second in texts
    for directory in history:
        meta = json.loads((directory / "meta.json").read_text())
        assert (directory / meta["raw_file"]).exists()
    assert "Zig this spring" in (snapshot(project, "page") / "text.txt").read_text()
    row.data_kept()
    row.observed = f"'kept' without --refresh; after two refreshes history/ holds {len(history)} earlier versions"


def test_refresh_of_a_page_that_now_fails_keeps_the_snapshot(project, site, fault):
    row = fault("source: refresh when the page is now 500 / HTML→PDF", "exit 1; existing snapshot byte-identical")
    row.must_keep_data()
    site.pages["/page"] = Page(ARTICLE.encode(), 200, HTML)
    site.pages["/other"] = Page(ARTICLE.replace("Acme", "Acme's data team").encode(), 200, HTML)
    url_registry(project, {"page": site.url("/page"), "other": site.url("/other")})
    assert fetch(project).returncode == 0
    before = tree_bytes(project.sources / "acme" / "snapshots")
    site.pages["/page"] = Page(b"oops", 500, HTML)
    site.pages["/other"] = Page(b"%PDF-1.7", 200, {"Content-Type": "application/pdf"})
    # trafilatura retries a 500 with a backoff of half the timeout: keep the timeout short here
    outcome = fetch(project, "--refresh", env={"POSTGEN_FETCH_TIMEOUT": "1"})
    assert outcome.returncode == 1
    assert "500 error responses" in outcome.stderr and "application/pdf" in outcome.stderr
    assert "2 of 2 sources failed" in outcome.stderr
    assert tree_bytes(project.sources / "acme" / "snapshots") == before
    row.data_kept()
    row.observed = f"exit 1: both failures listed; snapshots unchanged ({len(before)} files)"


def test_one_bad_source_does_not_stop_the_others(project, site, fault):
    row = fault("source: 1 of 2 sources is 404", "the good one is snapshotted; exit 1 with a count")
    site.pages["/good"] = Page(ARTICLE.encode(), 200, HTML)
    url_registry(project, {"good": site.url("/good"), "gone": site.url("/gone")})
    outcome = fetch(project)
    assert outcome.returncode == 1
    assert "1 of 2 sources failed" in outcome.stderr and "HTTP 404" in outcome.stderr
    assert (snapshot(project, "good") / "text.txt").exists() and not snapshot(project, "gone").exists()
    row.observed = "exit 1: '✗ gone: … HTTP 404', '1 of 2 sources failed'; 'good' snapshotted"
