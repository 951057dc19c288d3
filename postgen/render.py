"""See the post: outputs/<company>/draft.yaml as a self-contained HTML page and PNG slides.

post.html has the intro, the hashtags, one card per table row (logo, name, tag and a "former"
chip from the row's status, description, and its source of info: each publisher, linked when
its URL is known, with a fragment of the strongest quote) and a sources footer with links;
every SVG is inlined and nothing is fetched.
slide-1.png … are 1080×1350 screenshots taken by headless Chromium (Debian's /usr/bin/chromium,
driven by Playwright): a cover, then CARDS_PER_SLIDE cards a slide, then the sources.

Only the draft's post.table is shown, and rows whose claim a reviewer has since rejected or
taken out of the post (in_post: false), that waits for review (needs_review), or that a re-draft
no longer found are left out again here. A row finds its claim by the claim id it records.
Drafts written by older versions are read through draft_upgrade.py.
"""

from __future__ import annotations

import os
import re
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup
from pydantic import ValidationError

from .draft_upgrade import upgrade
from .errors import InputError, PostgenError
from .grammar import possessive
from .logos import VENDOR_DIR, ResolvedLogo, icon, icon_index, icon_svg, inline_svg, is_light, luminance, resolve
from .models import ClaimStatus, Post, RowSource, TableRow
from .paths import check_company, company_output_dir
from .review import draft_path, shown_in_post, write_atomic_text
from .settings import load_settings
from .yamlio import load_yaml_file

TEMPLATES = Path(__file__).parent / "templates"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SLIDE_WIDTH, SLIDE_HEIGHT = 1080, 1350
CARDS_PER_SLIDE = 6
STRIP_LOGOS = 10
DEFAULT_ACCENT = "4F46E5"
LIGHT_ACCENT = "A5B4FC"
HTTP_URL = re.compile(r"^https?://", re.IGNORECASE)
BROWSER_TIMEOUT_MS = 60_000


class RenderError(PostgenError):
    exit_code = 6


@dataclass
class CardSource:
    publisher: str
    url: str | None       # http(s) only
    quote: str | None     # the fragment, with "…" where the quote goes on


@dataclass
class Card:
    index: int
    technology: str
    tag: str
    description: str
    sources: list[CardSource]
    logo: ResolvedLogo
    former: bool


@dataclass
class RenderResult:
    html: Path
    slides: list[Path]
    rows: int
    hidden: list[str]
    seconds: float
    browser_seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)


# ---------------------------------------------------------------- the draft


def load_draft(path: Path) -> tuple[dict, Post]:
    data = upgrade(load_yaml_file(path))
    if not isinstance(data, dict) or not isinstance(data.get("post"), dict):
        raise InputError(f"{path}: expected a draft with a 'post' mapping; run `postgen draft` first")
    try:
        post = Post.model_validate(data["post"])
    except ValidationError as error:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in error.errors()[:5])
        raise InputError(f"{path}: invalid post: {problems}") from None
    for key in ("claims", "sources"):
        if data.get(key) is not None and not isinstance(data[key], list):
            raise InputError(f"{path}: '{key}' must be a list")
    return data, post


def split_rows(post: Post, claims: list[dict]) -> tuple[list[tuple[TableRow, dict | None]], list[str]]:
    """The rows to show, each with its claim when the draft has it, and the technologies left out."""
    by_id = {str(entry["id"]): entry for entry in claims if isinstance(entry, dict) and entry.get("id")}
    shown, left_out = [], []
    for row in post.table:
        claim = by_id.get(row.claim) if row.claim else None
        if claim is not None and not shown_in_post(claim):
            left_out.append(row.technology)
            continue
        shown.append((row, claim))
    return shown, left_out


def company_name(company: str, data: dict) -> str:
    from .registry import load_company

    try:
        return load_company(company).name
    except PostgenError:
        return str(data.get("company_name") or company.replace("-", " ").title())


# ---------------------------------------------------------------- the page's data


def number_sources(data: dict, rows: list[tuple[TableRow, dict | None]]) -> list[dict]:
    """Sources cited by the shown rows, numbered in the draft's order (all of them if no row has a claim)."""
    listed = [source for source in data.get("sources") or [] if isinstance(source, dict) and source.get("id")]
    cited = {citation.get("source") for _, claim in rows if claim for citation in claim.get("citations") or []
             if isinstance(citation, dict)}
    if all(claim is None for _, claim in rows):
        cited = {source["id"] for source in listed}
    sources = []
    for source in listed:
        if source["id"] not in cited:
            continue
        url = source.get("url") if isinstance(source.get("url"), str) and HTTP_URL.match(source["url"]) else None
        sources.append({
            "number": len(sources) + 1, "id": source["id"], "url": url,
            "label": str(source.get("title") or source.get("publisher") or source["id"]),
            "publisher": str(source["publisher"]) if source.get("publisher") and source.get("title") else None,
        })
    return sources


def card_source(source: RowSource) -> CardSource:
    url = source.url if source.url and HTTP_URL.match(source.url) else None
    quote = None
    if source.fragment:
        quote = ("…" if source.cut_before else "") + source.fragment + ("…" if source.cut_after else "")
    return CardSource(publisher=source.publisher, url=url, quote=quote)


def make_cards(rows: list[tuple[TableRow, dict | None]]) -> list[Card]:
    cards = []
    for index, (row, _) in enumerate(rows, start=1):
        logo = resolve(row.logo, row.logo_kind, row.logo_colour, row.technology)
        cards.append(Card(index=index, technology=row.technology, tag=row.tag, description=row.description,
                          sources=[card_source(source) for source in row.sources], logo=_markup(logo),
                          former=row.status is ClaimStatus.former))
    return cards


def _markup(logo: ResolvedLogo) -> ResolvedLogo:
    """SVG markup the templates may insert unescaped: vendored files and our own escaped monograms."""
    from dataclasses import replace

    return replace(logo, svg=Markup(logo.svg))


def company_logo(company: str) -> ResolvedLogo | None:
    found = icon(company)
    svg = icon_svg(company) if found else None
    if not (found and svg):
        return None
    return ResolvedLogo("company", found.slug, found.hex, Markup(inline_svg(svg, found.hex)), is_light(found.hex), found)


def accent_colours(logo: ResolvedLogo | None) -> tuple[str, str]:
    """The brand colour for the accent bar, and a version of it readable on the dark cover."""
    accent = logo.colour if logo else DEFAULT_ACCENT
    on_dark = accent if luminance(accent) >= 0.18 else LIGHT_ACCENT
    return accent, on_dark


def credits(cards: list[Card], extra: ResolvedLogo | None) -> list[dict]:
    seen, result = set(), []
    for logo in [extra, *(card.logo for card in cards)]:
        if logo is None or logo.icon is None or not logo.icon.needs_credit or logo.icon.slug in seen:
            continue
        seen.add(logo.icon.slug)
        result.append({"title": logo.icon.title, "licence": logo.icon.licence_label, "source": logo.icon.source})
    return sorted(result, key=lambda item: item["title"].casefold())


def build_context(company: str, data: dict, post: Post, *, cards_per_slide: int = CARDS_PER_SLIDE) -> dict:
    rows, hidden = split_rows(post, [entry for entry in data.get("claims") or []])
    sources = number_sources(data, rows)
    cards = make_cards(rows)
    name = company_name(company, data)
    brand = company_logo(company)
    accent, accent_on_dark = accent_colours(brand)
    strip, seen = [], set()
    for card in cards:
        if card.logo.slug and card.logo.slug not in seen and len(strip) < STRIP_LOGOS:
            seen.add(card.logo.slug)
            strip.append(card.logo)
    pages = [cards[start:start + cards_per_slide] for start in range(0, len(cards), cards_per_slide)]
    index = icon_index()
    version = ""
    index_file = VENDOR_DIR / "icons.json"
    if index and index_file.is_file():
        import json

        version = json.loads(index_file.read_text(encoding="utf-8")).get("version", "")
    return {
        "company": name,
        "title": f"Inside {possessive(name, '’')} engineering stack",
        "brief": post.brief.strip(),
        "hashtags": post.hashtags,
        "cards": cards,
        "hidden": hidden,
        "pages": pages,
        "rows_per_slide": (cards_per_slide + 1) // 2,
        "slide_count": len(pages) + 2,
        "sources": sources,
        "credits": credits(cards, brand),
        "company_logo": brand,
        "strip": strip,
        "accent": accent,
        "accent_on_dark": accent_on_dark,
        "icons_version": version,
        "generated_at": str(data.get("generated_at") or ""),
        "width": SLIDE_WIDTH,
        "height": SLIDE_HEIGHT,
    }


def environment() -> Environment:
    return Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(["html", "j2"]),
                       undefined=StrictUndefined, trim_blocks=False, lstrip_blocks=False)


def render_html(context: dict) -> tuple[str, str]:
    """(post.html, slides.html)"""
    env = environment()
    return env.get_template("post.html.j2").render(**context), env.get_template("slides.html.j2").render(**context)


# ---------------------------------------------------------------- the browser


def chromium_path() -> str:
    return str(load_settings().chromium)


@contextmanager
def browser() -> Iterator[object]:
    """Headless Chromium from the Debian package, driven by Playwright; nothing is downloaded."""
    path = chromium_path()
    if not Path(path).is_file():
        raise RenderError(f"Chromium not found at {path}: run scripts/install-browser")
    try:
        from playwright.sync_api import Error as PlaywrightError, sync_playwright
    except ImportError:
        raise RenderError("Playwright is not installed in this environment: run scripts/install-browser") from None
    with sync_playwright() as playwright:
        try:
            chromium = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True,
                                                  timeout=BROWSER_TIMEOUT_MS)
        except PlaywrightError as error:
            raise RenderError(f"could not start {path}: {str(error).splitlines()[0]}") from None
        try:
            yield chromium
        finally:
            chromium.close()


def offline_page(chromium, **options):
    """A page that can load file: and data: URLs but never the network."""
    page = chromium.new_page(**options)
    page.set_default_timeout(BROWSER_TIMEOUT_MS)
    page.route(re.compile(r"^(https?|wss?|ftp):"), lambda route: route.abort())
    return page


def screenshot_slides(chromium, slides_html: str, out_dir: Path) -> list[Path]:
    page = offline_page(chromium, viewport={"width": SLIDE_WIDTH, "height": SLIDE_HEIGHT}, device_scale_factor=1)
    try:
        page.set_content(slides_html, wait_until="load")
        page.wait_for_selector("body[data-fitted='1']", state="attached")
        paths = []
        slides = page.locator("section.slide")
        for number in range(1, slides.count() + 1):
            path = out_dir / f"slide-{number}.png"
            temporary = out_dir / f".slide-{number}.{os.getpid()}.png"
            slides.nth(number - 1).screenshot(path=str(temporary), type="png", animations="disabled")
            os.replace(temporary, path)
            paths.append(path)
        return paths
    finally:
        page.close()


def remove_stale_slides(out_dir: Path, keep: int) -> None:
    for path in out_dir.glob("slide-*.png"):
        match = re.fullmatch(r"slide-(\d+)\.png", path.name)
        if match and int(match.group(1)) > keep:
            path.unlink()


# ---------------------------------------------------------------- the command


def render_post(company: str, out_dir: Path | None = None, *, draft: Path | None = None, png: bool = True,
                cards_per_slide: int = CARDS_PER_SLIDE, chromium=None) -> RenderResult:
    """Write post.html and slide-N.png for a company's draft; `chromium` reuses an open browser."""
    started = time.monotonic()
    company = check_company(company)
    draft_file = draft or draft_path(company)
    data, post = load_draft(draft_file)
    context = build_context(company, data, post, cards_per_slide=cards_per_slide)
    post_html, slides_html = render_html(context)
    target = out_dir or company_output_dir(company)
    target.mkdir(parents=True, exist_ok=True)
    html_path = target / "post.html"
    write_atomic_text(html_path, post_html)
    timings = {"html": time.monotonic() - started}
    slides: list[Path] = []
    browser_started = time.monotonic()
    if png:
        if chromium is not None:
            slides = screenshot_slides(chromium, slides_html, target)
        else:
            with browser() as opened:
                slides = screenshot_slides(opened, slides_html, target)
        remove_stale_slides(target, len(slides))
    browser_seconds = time.monotonic() - browser_started if png else 0.0
    return RenderResult(html=html_path, slides=slides, rows=len(context["cards"]), hidden=context["hidden"],
                        seconds=time.monotonic() - started, browser_seconds=browser_seconds, timings=timings)
