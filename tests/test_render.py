"""Logos and the rendered post (post.html and slide PNGs), checked in a real headless Chromium."""

from __future__ import annotations

import base64
import json
import math
import os
import re
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from postgen import logos
from postgen.models import Claim, Company
from postgen.render import SLIDE_HEIGHT, SLIDE_WIDTH, base_technology, browser, chromium_path
from postgen.write import table_rows
from postgen.yamlio import dump_yaml, load_yaml_file
from tests.helpers import REPO, run_cli

CHROMIUM = chromium_path()
needs_chromium = pytest.mark.skipif(
    not Path(CHROMIUM).is_file(), reason=f"{CHROMIUM} is absent (Debian package 'chromium'): run scripts/install-browser")

NON_ASCII = "Zürich Ω-Service 数据"
LONG_NAME = "Hyperscale Distributed Event-Sourcing Personalisation Orchestrator Platform for Realtime Playlists"
UNBROKEN = "SupercalifragilisticexpialidociousServiceMeshControllerManagerV2"
REJECTED = "Rejected Frobnicator"
NOT_FOUND = "Vanished Widget"
SYNTHETIC_ROWS = 34


# ---------------------------------------------------------------- logos (no browser)


def test_vendored_icons_cover_the_lexicon_and_nothing_else():
    index = logos.icon_index()
    wanted = logos.lexicon_slugs(REPO / "postgen" / "data" / "lexicon.yaml")
    companies = {path.stem for path in (REPO / "sources").glob("*.yaml")}
    svgs = {path.stem for path in (logos.VENDOR_DIR / "icons").glob("*.svg")}
    assert wanted <= set(index), sorted(wanted - set(index))
    assert set(index) == svgs
    assert svgs - wanted <= companies, sorted(svgs - wanted - companies)
    for slug in svgs:
        svg = (logos.VENDOR_DIR / "icons" / f"{slug}.svg").read_text(encoding="utf-8")
        assert svg.startswith("<svg") and 'viewBox="0 0 24 24"' in svg, slug
        assert re.fullmatch(r"[0-9A-F]{6}", index[slug].hex), slug
    data = json.loads((logos.VENDOR_DIR / "icons.json").read_text(encoding="utf-8"))
    assert data["licence"] == "CC0-1.0" and data["version"]
    assert (logos.VENDOR_DIR / "README.md").is_file() and (logos.VENDOR_DIR / "LICENSE.md").is_file()
    # only non-CC0 licences are recorded per icon, and they are recorded
    assert all(entry.get("licence", {}).get("type") != "CC0-1.0" for entry in data["icons"].values())
    assert index["android"].licence == "CC-BY-3.0" and index["android"].needs_credit
    assert index["kubernetes"].licence is None and index["kubernetes"].licence_label == "CC0-1.0 (Simple Icons)"


def test_choose_logo_icon_company_monogram():
    kafka = logos.choose_logo("Apache Kafka", "Streaming", "apachekafka", "spotify")
    assert (kafka.logo, kafka.kind, kafka.colour) == ("apachekafka", "simple-icons", logos.icon("apachekafka").hex)
    assert kafka.licence == "Apache-2.0"
    tingle = logos.choose_logo("Tingle", "Internal Tooling", None, "spotify")
    assert (tingle.logo, tingle.kind, tingle.colour) == ("spotify", "company", "1ED760")
    assert tingle.licence == "CC0-1.0 (Simple Icons)"
    internal_elsewhere = logos.choose_logo("Frobnicator Tool", "Internal Tooling", None, "acme")
    assert (internal_elsewhere.logo, internal_elsewhere.kind, internal_elsewhere.licence) == ("FT", "monogram", None)
    unknown_slug = logos.choose_logo("Beam", "Data Processing", "nosuchicon", "spotify")
    assert unknown_slug.kind == "monogram" and unknown_slug.logo == "B"
    assert logos.monogram_letters(NON_ASCII) == "ZΩ"
    assert logos.monogram_letters("数据") == "数"
    assert logos.monogram_letters("") == "?"


def test_monogram_svg_escapes_and_resolve_falls_back():
    svg = logos.monogram_svg("<&>", label="<script>")
    assert "<script>" not in svg and "&lt;&amp;&gt;" in svg
    missing = logos.resolve("doesnotexist", "simple-icons", None, "Some Tool")
    assert missing.kind == "monogram" and missing.slug is None and ">ST<" in missing.svg
    found = logos.resolve("react", "simple-icons", None, "React")
    assert found.slug == "react" and 'fill="#61DAFB"' in found.svg and found.dark_tile


def test_table_rows_record_slug_colour_and_licence():
    company = Company(name="Spotify", slug="spotify", sources=[{"id": "a", "url": "https://example.org/a"}])
    citation = {"source": "a", "quote": "q", "start": 0, "end": 1, "status": "exact"}
    claims = [
        Claim(technology="Apache Kafka", tag="Streaming", description="events", status="current",
              citations=[citation], logo="apachekafka"),
        Claim(technology="Tingle", tag="Internal Tooling", description="builds", status="current", citations=[citation]),
        Claim(technology="Amazon Web Services", tag="Cloud", description="old cloud", status="former", citations=[citation]),
    ]
    rows = table_rows(claims, company, {"a": {"id": "a", "url": "https://example.org/a"}})
    assert [(r.logo, r.logo_kind, r.logo_colour) for r in rows] == [
        ("apachekafka", "simple-icons", logos.icon("apachekafka").hex),
        ("spotify", "company", "1ED760"),
        ("AW", "monogram", logos.MONOGRAM_COLOUR),
    ]
    assert [r.logo_licence for r in rows] == ["Apache-2.0", "CC0-1.0 (Simple Icons)", None]


# ---------------------------------------------------------------- a synthetic draft


def synthetic_draft() -> tuple[dict, list[str]]:
    """34 shown rows (long names, non-ASCII, missing logos) plus a rejected and a vanished one."""
    slugs = ["apachekafka", "kubernetes", "react", "postgresql", "googlecloud", "redis", "docker", "python",
             "openjdk", "android", "swift", "grafana"]
    tags = ["Streaming", "Infrastructure", "Frontend", "Database", "Cloud", "Caching", "Workflow Orchestration",
            "Developer Tooling"]
    sources = [
        {"id": "eng-blog", "title": "Acme Engineering: Wie wir skalieren — 数据 at scale", "url": "https://example.org/blog/ü"},
        {"id": "case-study", "title": "Cloud case study", "publisher": "Example Cloud", "url": "https://example.com/case?x=1&y=2"},
        {"id": "talk", "title": "A conference talk with no URL", "file": "acme/files/talk.txt"},
        {"id": "evil", "title": "Bad link", "url": "javascript:alert(1)"},
        {"id": "unused", "title": "Never cited", "url": "https://example.net/unused"},
    ]
    rows, claims = [], []

    def add(technology, tag, description, logo, kind, cited=("eng-blog",), review="pending", found=True, claim=True):
        rows.append({"technology": technology, "tag": tag, "description": description,
                     "source_of_info": "; ".join(cited), "logo": logo, "logo_kind": kind})
        if claim:
            claims.append({"id": re.sub(r"[^a-z0-9]+", "-", base_technology(technology).lower()).strip("-"),
                           "review": review, "technology": base_technology(technology), "found": found,
                           "citations": [{"source": source} for source in cited]})

    add(NON_ASCII, "Internal Tooling", "Überträgt Ereignisse zwischen Rechenzentren — 数据 für Empfehlungen, ñandú Ωmega",
        "acme", "company", cited=("eng-blog", "talk"))
    add(LONG_NAME, "Workflow Orchestration", "schedules every playlist refresh across regions and teams at once",
        "LONG", "monogram")
    add(UNBROKEN, "Infrastructure", "Pneumonoultramicroscopicsilicovolcanoconiosis-grade configuration reconciliation",
        "doesnotexist", "simple-icons", cited=("case-study",))
    add("Amazon Web Services (former)", "Cloud", "the cloud before the move", "AW", "monogram",
        cited=("case-study", "evil"))
    add("Hand-added row without a claim", "Developer Tooling", "a reviewer typed this row in by hand", "HR", "monogram",
        cited=("Some magazine (https://example.org/magazine)",), claim=False)
    add(REJECTED, "Backend", "a reviewer rejected this claim", "RF", "monogram", review="rejected")
    add(NOT_FOUND, "Backend", "a re-draft no longer found this", "VW", "monogram", found=False)
    number = 0
    while len([r for r in rows if r["technology"] not in (REJECTED, NOT_FOUND)]) < SYNTHETIC_ROWS:
        slug = slugs[number % len(slugs)]
        add(f"{logos.icon(slug).title} Service {number + 1}", tags[number % len(tags)],
            "handles a part of the product for many millions of listeners", slug, "simple-icons",
            cited=("eng-blog", "case-study") if number % 3 else ("talk",))
        number += 1
    shown = [r["technology"] for r in rows if r["technology"] not in (REJECTED, NOT_FOUND)]
    draft = {
        "company": "acme",
        "generated_at": "2026-01-01T00:00:00+00:00",
        "model": {"backend": "test", "model": "none"},
        "sources": sources,
        "claims": claims,
        "rejected": [],
        "post": {
            "brief": "Acme ships music to Zürich and 北京 with Ω-grade reliability. " * 3,
            "hashtags": ["#AcmeEngineering", "#TechStack", "#DataEngineering", "#CloudInfra", "#DevTools",
                         "#MachineLearning", "#Observability", "#Security"],
            "table": rows,
            "dropped_copy": [],
        },
    }
    return draft, shown


# ---------------------------------------------------------------- browser checks

CHECK_LAYOUT = """
(selector) => {
  const problems = [];
  const inside = (r, o) => r.left >= o.left - 1 && r.right <= o.right + 1 && r.top >= o.top - 1 && r.bottom <= o.bottom + 1;
  const label = (el) => el.tagName.toLowerCase() + (el.className && el.className.baseVal === undefined ? '.' + el.className : '');
  const cards = [...document.querySelectorAll(selector + ' .card')];
  for (const card of cards) {
    const name = card.dataset.technology;
    const box = card.getBoundingClientRect();
    if (card.scrollWidth > card.clientWidth + 1) problems.push(`${name}: card content ${card.scrollWidth}px wide in ${card.clientWidth}px`);
    if (card.scrollHeight > card.clientHeight + 1) problems.push(`${name}: card content ${card.scrollHeight}px high in ${card.clientHeight}px`);
    for (const el of card.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (!inside(r, box)) problems.push(`${name}: ${label(el)} leaves its card`);
      if (el instanceof HTMLElement && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1 && !el.classList.contains('chip'))
        problems.push(`${name}: ${label(el)} overflows sideways (${el.scrollWidth} > ${el.clientWidth})`);
      if (el.classList.contains('fit') && el.scrollHeight > el.clientHeight + 1 && !el.classList.contains('clamped'))
        problems.push(`${name}: ${label(el)} overflows downwards`);
      if (el.classList.contains('clamped')) problems.push(`${name}: ${label(el)} had to be cut short`);
    }
    const logo = card.querySelector('.logo-tile svg');
    if (!logo) problems.push(`${name}: no logo`);
    else { const r = logo.getBoundingClientRect(); if (r.width < 16 || r.height < 16) problems.push(`${name}: logo ${r.width}x${r.height}`); }
  }
  for (let i = 0; i < cards.length; i++) for (let j = i + 1; j < cards.length; j++) {
    const a = cards[i].getBoundingClientRect(), b = cards[j].getBoundingClientRect();
    if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1)
      problems.push(`cards ${cards[i].dataset.technology} and ${cards[j].dataset.technology} overlap`);
  }
  for (const slide of document.querySelectorAll('section.slide')) {
    const box = slide.getBoundingClientRect();
    for (const el of slide.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if ((r.width || r.height) && !inside(r, box)) problems.push(`slide ${slide.dataset.slide}: ${label(el)} leaves the slide`);
      if (el.classList.contains('fit') && el.scrollHeight > el.clientHeight + 1 && !el.classList.contains('clamped'))
        problems.push(`slide ${slide.dataset.slide}: ${label(el)} overflows downwards`);
    }
  }
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth + 1) problems.push(`page is ${root.scrollWidth}px wide in a ${root.clientWidth}px window`);
  return {problems, cards: cards.map(c => ({
    technology: c.dataset.technology,
    text: c.innerText,
    logo: c.querySelector('.logo-tile') && c.querySelector('.logo-tile').dataset.logo,
    kind: c.querySelector('.logo-tile') && c.querySelector('.logo-tile').dataset.logoKind,
  }))};
}
"""

PIXEL_STATS = """
async (dataUrl) => {
  const img = new Image();
  img.src = dataUrl;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = img.naturalWidth; canvas.height = img.naturalHeight;
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  let sum = 0, sum2 = 0, n = 0;
  const colours = new Set();
  for (let i = 0; i < data.length; i += 4 * 7) {
    const y = 0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2];
    sum += y; sum2 += y * y; n++;
    if (colours.size < 5000) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
  }
  const mean = sum / n;
  return {width: img.naturalWidth, height: img.naturalHeight, mean, std: Math.sqrt(Math.max(0, sum2 / n - mean * mean)),
          colours: colours.size};
}
"""


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR", f"{path} is not a PNG"
    return struct.unpack(">II", head[16:24])


@pytest.fixture(scope="module")
def chromium():
    if not Path(CHROMIUM).is_file():
        pytest.skip(f"{CHROMIUM} is absent: run scripts/install-browser")
    with browser() as opened:
        yield opened


def open_page(chromium, url: str, width: int = 1080):
    page = chromium.new_page(viewport={"width": width, "height": 1350})
    page.route(re.compile(r"^(https?|wss?):"), lambda route: route.abort())
    page.goto(url, wait_until="load")
    return page


def check_slides_and_pngs(chromium, out: Path, expected_cards: int) -> list[dict]:
    slides = sorted(out.glob("slide-*.png"), key=lambda p: int(re.search(r"\d+", p.name).group()))
    assert len(slides) == 2 + math.ceil(expected_cards / 8), [p.name for p in slides]
    page = chromium.new_page()
    stats = []
    try:
        for path in slides:
            assert png_size(path) == (SLIDE_WIDTH, SLIDE_HEIGHT), path
            data_url = "data:image/png;base64," + base64.b64encode(path.read_bytes()).decode()
            result = page.evaluate(PIXEL_STATS, data_url)
            assert (result["width"], result["height"]) == (SLIDE_WIDTH, SLIDE_HEIGHT)
            assert result["std"] > 15 and result["colours"] > 50, f"{path.name} looks blank: {result}"
            stats.append(result)
    finally:
        page.close()
    return stats


def check_slide_layout(chromium, draft_path: Path, company: str, expected: list[str]) -> None:
    """Lay the slides out again in the browser and check every card on every slide."""
    from postgen.render import build_context, load_draft, render_html

    data, post = load_draft(draft_path)
    _, slides_html = render_html(build_context(company, data, post))
    page = chromium.new_page(viewport={"width": SLIDE_WIDTH, "height": SLIDE_HEIGHT})
    try:
        page.set_content(slides_html, wait_until="load")
        page.wait_for_selector("body[data-fitted='1']", state="attached")
        result = page.evaluate(CHECK_LAYOUT, "section.slide")
    finally:
        page.close()
    assert result["problems"] == []
    assert [card["technology"] for card in result["cards"]] == expected


def cited_sources(data: dict, technologies: list[str]) -> list[dict]:
    """The draft's sources that the shown rows' claims cite: these must be linked in the footer."""
    wanted = {base_technology(name) for name in technologies}
    cited = {citation["source"] for claim in data["claims"] if claim["technology"] in wanted
             for citation in claim.get("citations") or []}
    return [source for source in data["sources"] if source["id"] in cited]


def check_post_html(chromium, html: Path, rows: list[dict], sources: list[dict]) -> str:
    text = html.read_text(encoding="utf-8")
    assert not re.search(r"<(img|script|link|iframe|object|embed)\b", text, re.IGNORECASE), "post.html is not self-contained"
    assert not re.search(r"""(src|srcset)\s*=""", text, re.IGNORECASE)
    for width in (1080, 390):
        page = open_page(chromium, html.as_uri(), width)
        try:
            result = page.evaluate(CHECK_LAYOUT, "main")
            links = page.eval_on_selector_all("a.source-link", "els => els.map(a => a.getAttribute('href'))")
            body = page.inner_text("body")
        finally:
            page.close()
        assert result["problems"] == [], f"at {width}px: {result['problems']}"
        cards = result["cards"]
        assert [card["technology"] for card in cards] == [row["technology"] for row in rows]
        for card, row in zip(cards, rows):
            assert base_technology(row["technology"]) in card["text"] and row["tag"] in card["text"]
            assert ("former" in card["text"]) == row["technology"].endswith("(former)")
            assert " ".join(row["description"].split()) in " ".join(card["text"].split())
            if row["logo_kind"] in ("simple-icons", "company") and logos.icon(row["logo"]):
                assert (card["logo"], card["kind"]) == (row["logo"], row["logo_kind"])
            else:
                assert card["kind"] == "monogram"
        for source in sources:
            if source.get("url", "").startswith(("http://", "https://")):
                assert source["url"] in links, f"no link to {source['url']}"
        assert all(link.startswith(("http://", "https://")) for link in links), links
    return body


# ---------------------------------------------------------------- the committed Spotify draft


def listing(directory: Path) -> dict[str, tuple[int, int]]:
    """Every file under `directory` with its size and modification time."""
    return {str(path.relative_to(directory)): (path.stat().st_size, path.stat().st_mtime_ns)
            for path in sorted(directory.rglob("*")) if path.is_file()}


@needs_chromium
def test_render_committed_spotify_draft(chromium, tmp_path):
    draft = REPO / "outputs" / "spotify" / "draft.yaml"
    if not draft.is_file():
        pytest.skip("no committed outputs/spotify/draft.yaml")
    environment = {key: value for key, value in os.environ.items() if not key.startswith("POSTGEN_")}
    out = tmp_path / "spotify"
    committed = listing(REPO / "outputs" / "spotify")
    done = subprocess.run([sys.executable, "-m", "postgen.cli", "render", "--company", "spotify", "--out", str(out)],
                          cwd=REPO, env={**environment, "COLUMNS": "200"}, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr + done.stdout
    assert re.search(r"in \d+\.\d s", done.stdout), done.stdout
    data = load_yaml_file(draft)
    rejected = {c["technology"] for c in data["claims"] if c.get("review") == "rejected" or c.get("found") is False}
    rows = [row for row in data["post"]["table"] if base_technology(row["technology"]) not in rejected]
    assert rows
    sources = cited_sources(data, [row["technology"] for row in rows])
    assert sources
    body = check_post_html(chromium, out / "post.html", rows, sources)
    for source in sources:
        assert source["title"] in body
    check_slides_and_pngs(chromium, out, len(rows))
    check_slide_layout(chromium, draft, "spotify", [row["technology"] for row in rows])
    assert listing(REPO / "outputs" / "spotify") == committed, "render --out wrote into the workspace's outputs/"


@needs_chromium
def test_render_leaves_out_a_claim_rejected_after_drafting(chromium, tmp_path):
    """A reviewer rejects a claim in the committed draft; render hides it without a re-draft."""
    from postgen.render import render_post

    draft = REPO / "outputs" / "spotify" / "draft.yaml"
    if not draft.is_file():
        pytest.skip("no committed outputs/spotify/draft.yaml")
    data = load_yaml_file(draft)
    victim = data["post"]["table"][0]["technology"]
    for claim in data["claims"]:
        if claim["technology"] == base_technology(victim):
            claim["review"] = "rejected"
    edited = tmp_path / "draft.yaml"
    edited.write_text(dump_yaml(data, round_trip=False), encoding="utf-8")
    result = render_post("spotify", tmp_path / "out", draft=edited, chromium=chromium)
    assert result.hidden == [victim]
    assert result.rows == len(data["post"]["table"]) - 1
    html = result.html.read_text(encoding="utf-8")
    assert f'data-technology="{victim}"' not in html
    assert len(result.slides) == 2 + math.ceil(result.rows / 8)


# ---------------------------------------------------------------- the synthetic draft


@needs_chromium
def test_render_synthetic_draft_long_names_many_rows_missing_logos_non_ascii(chromium, tmp_path):
    draft, shown = synthetic_draft()
    assert len(shown) >= 30
    project = tmp_path / "project"
    (project / "outputs" / "acme").mkdir(parents=True)
    (project / "sources").mkdir()
    draft_path = project / "outputs" / "acme" / "draft.yaml"
    draft_path.write_text(dump_yaml(draft, round_trip=False), encoding="utf-8")
    # an old slide from a longer render is removed
    (project / "outputs" / "acme" / "slide-40.png").write_bytes(b"old")

    done = run_cli(project, "render", "--company", "acme", timeout=300)
    assert done.returncode == 0, done.stderr + done.stdout
    assert f"{len(shown)} technologies" in done.stdout and re.search(r"in \d+\.\d s", done.stdout)
    assert REJECTED in done.stdout and NOT_FOUND in done.stdout  # reported as left out
    out = project / "outputs" / "acme"
    assert not (out / "slide-40.png").exists()

    rows = [row for row in draft["post"]["table"] if row["technology"] in shown]
    sources = cited_sources(draft, shown)
    assert {source["id"] for source in sources} == {"eng-blog", "case-study", "talk", "evil"}
    body = check_post_html(chromium, out / "post.html", rows, sources)
    html = (out / "post.html").read_text(encoding="utf-8")
    for gone in (REJECTED, NOT_FOUND, "Never cited", "example.net/unused", "javascript:"):
        assert gone not in html
    for text in (NON_ASCII, LONG_NAME, UNBROKEN, "Amazon Web Services", "北京", "Wie wir skalieren — 数据", "(no URL recorded)",
                 "Some magazine (https://example.org/magazine)", "Android icon: CC-BY-3.0"):
        assert text in body, text
    assert "https://example.com/case?x=1&amp;y=2" in html  # escaped in the attribute, a working link
    stats = check_slides_and_pngs(chromium, out, len(shown))
    assert len(stats) == 2 + math.ceil(len(shown) / 8)
    check_slide_layout(chromium, draft_path, "acme", shown)


def test_render_refuses_a_broken_draft_clearly(tmp_path):
    project = tmp_path / "project"
    (project / "outputs" / "acme").mkdir(parents=True)
    (project / "outputs" / "acme" / "draft.yaml").write_text("company: acme\npost:\n  brief: hi\n", encoding="utf-8")
    done = run_cli(project, "render", "--company", "acme")
    assert done.returncode == 2
    assert "invalid post" in done.stderr and "hashtags" in done.stderr
    missing = run_cli(project, "render", "--company", "nobody")
    assert missing.returncode == 2 and "file not found" in missing.stderr


def test_render_without_a_browser_says_how_to_install_one(tmp_path):
    draft, _ = synthetic_draft()
    project = tmp_path / "project"
    (project / "outputs" / "acme").mkdir(parents=True)
    (project / "outputs" / "acme" / "draft.yaml").write_text(dump_yaml(draft, round_trip=False), encoding="utf-8")
    done = run_cli(project, "render", "--company", "acme", env={"POSTGEN_CHROMIUM": str(tmp_path / "no-chromium")})
    assert done.returncode == 6
    assert "Chromium not found" in done.stderr and "scripts/install-browser" in done.stderr
    assert (project / "outputs" / "acme" / "post.html").is_file()  # the page needs no browser
    assert not list((project / "outputs" / "acme").glob("slide-*.png"))
