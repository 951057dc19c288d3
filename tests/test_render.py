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
from postgen.claim_ids import claim_id
from postgen.draft_upgrade import upgrade
from postgen.models import Claim, Company
from postgen.render import CARDS_PER_SLIDE, SLIDE_HEIGHT, SLIDE_WIDTH, browser, chromium_path
from postgen.review import shown_in_post
from postgen.table import table_rows
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
TAKEN_OUT = "Taken-out Gadget"
WAITING = "Waiting Doohickey"
LEFT_OUT = (REJECTED, NOT_FOUND, TAKEN_OUT, WAITING)
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
    """34 shown rows (long names, non-ASCII, missing logos, a former one) plus four left out: rejected,
    vanished, taken out of the post by a reviewer, waiting for review."""
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

    titles = {source["id"]: source.get("publisher") or source["title"] for source in sources}

    def add(technology, tag, description, logo, kind, cited=("eng-blog",), status="current", claim=True, **review):
        quote = f"At Acme, {technology} {description}."
        row_sources = [{"source": source, "publisher": titles[source], "url": next(
            (s.get("url") for s in sources if s["id"] == source), None)} for source in cited]
        row_sources[0].update(fragment=f"{technology} {' '.join(description.split()[:3])}", cut_before=True, cut_after=True)
        rows.append({"claim": claim_id(technology) if claim else None, "technology": technology, "status": status,
                     "tag": tag, "description": description, "sources": row_sources, "logo": logo, "logo_kind": kind})
        if claim:
            claims.append({"id": claim_id(technology), "review": "pending", "technology": technology, "status": status,
                           "found": True, **review,
                           "citations": [{"source": source, "quote": quote} for source in cited]})

    add(NON_ASCII, "Internal Tooling", "Überträgt Ereignisse zwischen Rechenzentren — 数据 für Empfehlungen, ñandú Ωmega",
        "acme", "company", cited=("eng-blog", "talk"))
    add(LONG_NAME, "Workflow Orchestration", "schedules every playlist refresh across regions and teams at once",
        "LONG", "monogram")
    add(UNBROKEN, "Infrastructure", "Pneumonoultramicroscopicsilicovolcanoconiosis-grade configuration reconciliation",
        "doesnotexist", "simple-icons", cited=("case-study",))
    add("Amazon Web Services", "Cloud", "the cloud before the move", "AW", "monogram", cited=("case-study", "evil"),
        status="former")
    add("Hand-added row without a claim", "Developer Tooling", "a reviewer typed this row in by hand", "HR", "monogram",
        cited=("eng-blog",), claim=False)
    rows[-1]["sources"] = [{"publisher": "Some magazine", "url": "https://example.org/magazine"}]
    add(REJECTED, "Backend", "a reviewer rejected this claim", "RF", "monogram", review="rejected")
    add(NOT_FOUND, "Backend", "a re-draft no longer found this", "VW", "monogram", found=False)
    add(TAKEN_OUT, "Backend", "a reviewer took this row out", "TG", "monogram", in_post=False, machine_in_post=True)
    add(WAITING, "Backend", "a description waiting for review", "WD", "monogram", needs_review="same description as X")
    number = 0
    while len([r for r in rows if r["technology"] not in LEFT_OUT]) < SYNTHETIC_ROWS:
        slug = slugs[number % len(slugs)]
        add(f"{logos.icon(slug).title} Service {number + 1}", tags[number % len(tags)],
            "handles a part of the product for many millions of listeners", slug, "simple-icons",
            cited=("eng-blog", "case-study") if number % 3 else ("talk",))
        number += 1
    shown = [r["technology"] for r in rows if r["technology"] not in LEFT_OUT]
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
    chips: [...c.querySelectorAll('.chip')].map(e => e.innerText.trim()),
    refs: c.querySelector('.refs') ? c.querySelector('.refs').innerText : '',
    links: [...c.querySelectorAll('a')].map(a => a.getAttribute('href')),
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
    assert len(slides) == 2 + math.ceil(expected_cards / CARDS_PER_SLIDE), [p.name for p in slides]
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
    wanted = set(technologies)
    cited = {citation["source"] for claim in data["claims"] if claim["technology"] in wanted
             for citation in claim.get("citations") or []}
    return [source for source in data["sources"] if source["id"] in cited]


def check_source_of_info(card: dict, row: dict) -> None:
    """Each publisher is shown, linked when it has a web address, with its quoted fragment."""
    refs = " ".join(card["refs"].split())
    for source in row["sources"]:
        assert source["publisher"] in refs, (source, refs)
        if source.get("fragment"):
            shown = ("…" if source.get("cut_before") else "") + source["fragment"] + ("…" if source.get("cut_after") else "")
            assert f"“{' '.join(shown.split())}”" in refs, (shown, refs)
        url = source.get("url") or ""
        assert (url in card["links"]) == url.startswith(("http://", "https://")), (url, card["links"])


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
            assert row["technology"] in card["text"] and row["tag"] in card["chips"]
            assert ("former" in card["chips"]) == (row.get("status") == "former")
            assert " ".join(row["description"].split()) in " ".join(card["text"].split())
            check_source_of_info(card, row)
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


def shown_table(data: dict) -> list[dict]:
    """The rows a reader should see: those whose claim is still publishable and in the post."""
    claims = {claim["id"]: claim for claim in data["claims"]}
    return [row for row in data["post"]["table"] if row.get("claim") not in claims or shown_in_post(claims[row["claim"]])]


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
    data = upgrade(load_yaml_file(draft))  # committed by an older version until it is drafted again
    rows = shown_table(data)
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
    data = upgrade(load_yaml_file(draft))
    shown = shown_table(data)
    victim = shown[0]
    for claim in data["claims"]:
        if claim["id"] == victim["claim"]:
            claim["review"] = "rejected"
    edited = tmp_path / "draft.yaml"
    edited.write_text(dump_yaml(data, round_trip=False), encoding="utf-8")
    result = render_post("spotify", tmp_path / "out", draft=edited, chromium=chromium)
    assert victim["technology"] in result.hidden
    assert result.rows == len(shown) - 1
    html = result.html.read_text(encoding="utf-8")
    assert f'data-technology="{victim["technology"]}"' not in html
    assert len(result.slides) == 2 + math.ceil(result.rows / CARDS_PER_SLIDE)


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
    assert all(name in done.stdout for name in LEFT_OUT)  # reported as left out
    out = project / "outputs" / "acme"
    assert not (out / "slide-40.png").exists()

    rows = [row for row in draft["post"]["table"] if row["technology"] in shown]
    sources = cited_sources(draft, shown)
    assert {source["id"] for source in sources} == {"eng-blog", "case-study", "talk", "evil"}
    body = check_post_html(chromium, out / "post.html", rows, sources)
    html = (out / "post.html").read_text(encoding="utf-8")
    for gone in (*LEFT_OUT, "Never cited", "example.net/unused", "javascript:"):
        assert gone not in html
    for text in (NON_ASCII, LONG_NAME, UNBROKEN, "Amazon Web Services", "北京", "Wie wir skalieren — 数据", "(no URL recorded)",
                 "Some magazine", "Android icon: CC-BY-3.0"):
        assert text in body, text
    assert "https://example.com/case?x=1&amp;y=2" in html  # escaped in the attribute, a working link
    stats = check_slides_and_pngs(chromium, out, len(shown))
    assert len(stats) == 2 + math.ceil(len(shown) / CARDS_PER_SLIDE)
    check_slide_layout(chromium, draft_path, "acme", shown)


@needs_chromium
def test_a_curated_post_shows_former_chips_and_leaves_out_rows_taken_out_or_waiting_for_review(chromium, tmp_path):
    from postgen.render import render_post

    def entry(technology, status="current", **review):
        quote = f"Acme ran {technology} for years before 2020, and the team still talks about it."
        return {"id": claim_id(technology), "review": "pending", "in_post": True, "technology": technology,
                "description": f"{technology} work", "machine_in_post": True, "status": status, "found": True,
                "best_citation": 0, "citations": [{"source": "blog", "quote": quote}], **review}

    def row(technology, status="current"):
        return {"claim": claim_id(technology), "technology": technology, "status": status, "tag": "Backend",
                "description": f"{technology} work", "logo": "XX", "logo_kind": "monogram",
                "sources": [{"source": "blog", "publisher": "Acme Engineering", "url": "https://eng.acme.test/post",
                             "fragment": f"Acme ran {technology} for years", "cut_after": True}]}

    draft = {
        "company": "acme", "generated_at": "2026-01-01T00:00:00+00:00", "model": {"backend": "test", "model": "none"},
        "sources": [{"id": "blog", "title": "How Acme builds", "publisher": "Acme Engineering",
                     "url": "https://eng.acme.test/post"}],
        "claims": [entry("Kotlin"), entry("Mesos", "former"), entry("Perl", in_post=False),
                   entry("Cobol", needs_review="no acceptable description")],
        "rejected": [],
        "post": {"brief": "How Acme builds.", "hashtags": ["#AcmeEngineering"],
                 "table": [row("Kotlin"), row("Mesos", "former"), row("Perl"), row("Cobol")]},
    }
    path = tmp_path / "draft.yaml"
    path.write_text(dump_yaml(draft, round_trip=False), encoding="utf-8")
    result = render_post("acme", tmp_path / "out", draft=path, chromium=chromium)
    assert result.rows == 2 and sorted(result.hidden) == ["Cobol", "Perl"]
    page = open_page(chromium, result.html.as_uri())
    try:
        cards = page.evaluate(CHECK_LAYOUT, "main")["cards"]
        body = page.inner_text("body")
    finally:
        page.close()
    assert [(card["technology"], card["chips"]) for card in cards] == [("Kotlin", ["Backend"]),
                                                                       ("Mesos", ["Backend", "former"])]
    assert "SOURCE Acme Engineering “Acme ran Mesos for years…”" in " ".join(cards[1]["refs"].split())
    assert cards[1]["links"] == ["https://eng.acme.test/post"]
    assert "Perl" not in body and "Cobol" not in body and "2 technologies" in body


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
