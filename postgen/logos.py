"""Logos for the post's table: Simple Icons vendored offline, the company's icon, or a monogram.

postgen/data/simple-icons/ holds only the icons the lexicon (and the registered companies) use,
copied from the simple-icons npm package by `scripts/vendor-simple-icons`; nothing here needs
npm or the network at run time. icons.json maps slug -> title, hex colour, source and, where
Simple Icons records one, the icon's own licence (the package itself is CC0-1.0).
"""

from __future__ import annotations

import json
import re
import shutil
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from pathlib import Path
from typing import Iterable
from .lexicon import INTERNAL_TAG

VENDOR_DIR = Path(__file__).parent / "data" / "simple-icons"
INDEX_FILE = "icons.json"
PACKAGE_LICENCE = "CC0-1.0"
MONOGRAM_COLOUR = "6B7280"  # neutral grey
HEX_RE = re.compile(r"^[0-9A-Fa-f]{6}$")
SLUG_RE = re.compile(r"^[a-z0-9_]+$")


@dataclass(frozen=True)
class Icon:
    slug: str
    title: str
    hex: str
    source: str | None = None
    licence: str | None = None       # the icon's own licence type, when Simple Icons records one
    licence_url: str | None = None   # for licence type "custom"

    @property
    def licence_label(self) -> str:
        """What a reviewer needs to know: the icon's own licence, or the package's CC0."""
        if self.licence and self.licence != PACKAGE_LICENCE:
            return f"{self.licence} ({self.licence_url})" if self.licence_url else self.licence
        return f"{PACKAGE_LICENCE} (Simple Icons)"

    @property
    def needs_credit(self) -> bool:
        return bool(self.licence) and self.licence != PACKAGE_LICENCE


@dataclass(frozen=True)
class Logo:
    """What a table row records about its logo."""

    logo: str            # a Simple Icons slug, or the monogram's letters
    kind: str            # simple-icons | company | monogram
    colour: str          # hex without '#'
    licence: str | None  # None for a generated monogram


# ---------------------------------------------------------------- the vendored index


@lru_cache(maxsize=4)
def _load_index(directory: str) -> dict[str, Icon]:
    path = Path(directory) / INDEX_FILE
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    icons = {}
    for slug, entry in data.get("icons", {}).items():
        licence = entry.get("licence") or {}
        icons[slug] = Icon(slug=slug, title=entry["title"], hex=entry["hex"].upper(), source=entry.get("source"),
                           licence=licence.get("type"), licence_url=licence.get("url"))
    return icons


def icon_index(directory: Path = VENDOR_DIR) -> dict[str, Icon]:
    return _load_index(str(directory))


def icon(slug: str | None, directory: Path = VENDOR_DIR) -> Icon | None:
    """The vendored icon for a slug, only if both its entry and its SVG file are there."""
    if not slug or not SLUG_RE.match(slug):
        return None
    found = icon_index(directory).get(slug)
    if found is None or not (directory / "icons" / f"{slug}.svg").is_file():
        return None
    return found


def icon_svg(slug: str, directory: Path = VENDOR_DIR) -> str | None:
    if not SLUG_RE.match(slug or ""):
        return None
    path = directory / "icons" / f"{slug}.svg"
    return path.read_text(encoding="utf-8") if path.is_file() else None


# ---------------------------------------------------------------- choosing a row's logo


def monogram_letters(name: str) -> str:
    """Initials: first letters of the first two words, or the first letter of a single word."""
    words = [word for word in re.split(r"[^\w]+", name or "") if word]
    letters = [next((c for c in word if c.isalnum()), "") for word in words[:2]]
    text = "".join(letters).upper()
    return text or "?"


def choose_logo(technology: str, tag: str, slug: str | None, company_slug: str | None,
                directory: Path = VENDOR_DIR) -> Logo:
    """The lexicon's icon; else, for an internal tool, the company's icon; else a monogram."""
    found = icon(slug, directory)
    if found is not None:
        return Logo(found.slug, "simple-icons", found.hex, found.licence_label)
    if tag == INTERNAL_TAG:
        company = icon(company_slug, directory)
        if company is not None:
            return Logo(company.slug, "company", company.hex, company.licence_label)
    return Logo(monogram_letters(technology), "monogram", MONOGRAM_COLOUR, None)


# ---------------------------------------------------------------- SVG for the page


def luminance(hex_colour: str) -> float:
    """WCAG relative luminance of a hex colour without '#' (0 black … 1 white)."""
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def is_light(hex_colour: str) -> bool:
    """True for colours that disappear on a white card (they get a dark tile instead)."""
    return HEX_RE.match(hex_colour or "") is not None and luminance(hex_colour) > 0.5


def monogram_svg(letters: str, colour: str = MONOGRAM_COLOUR, label: str | None = None) -> str:
    """Initials on a grey rounded square, as a standalone SVG."""
    letters = unicodedata.normalize("NFC", letters or "?")[:3]
    size = {1: 13, 2: 11}.get(len(letters), 8.5)
    fill = colour if HEX_RE.match(colour or "") else MONOGRAM_COLOUR
    return (
        f'<svg role="img" viewBox="0 0 24 24" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{escape(label or letters)}</title>"
        f'<rect width="24" height="24" rx="5" fill="#{fill}"/>'
        f'<text x="12" y="12" dy="0.35em" text-anchor="middle" font-family="DejaVu Sans, Liberation Sans, sans-serif" '
        f'font-weight="700" font-size="{size}" fill="#FFFFFF">{escape(letters)}</text></svg>'
    )


def inline_svg(svg: str, colour: str | None, css_class: str = "logo-svg") -> str:
    """A vendored Simple Icons SVG with its brand colour, ready to inline in HTML."""
    fill = f' fill="#{colour}"' if colour and HEX_RE.match(colour) else ""
    return re.sub(r"^<svg\b", f'<svg class="{css_class}" aria-hidden="false" focusable="false"{fill}', svg.strip(), count=1)


@dataclass(frozen=True)
class ResolvedLogo:
    """A row's logo as the renderer draws it."""

    kind: str
    slug: str | None     # Simple Icons slug when one is drawn
    colour: str
    svg: str             # inline SVG markup
    dark_tile: bool
    icon: Icon | None


def resolve(logo: str, kind: str, colour: str | None, technology: str, directory: Path = VENDOR_DIR) -> ResolvedLogo:
    """What a draft row says about its logo, made drawable; a missing icon becomes a monogram."""
    if kind in ("simple-icons", "company"):
        found = icon(logo, directory)
        svg = icon_svg(logo, directory) if found else None
        if found and svg:
            hex_colour = colour if colour and HEX_RE.match(colour) else found.hex
            return ResolvedLogo(kind, found.slug, hex_colour, inline_svg(svg, hex_colour), is_light(hex_colour), found)
        letters = monogram_letters(technology)
    else:
        letters = logo if logo and len(logo) <= 3 else monogram_letters(technology)
    fill = colour if colour and HEX_RE.match(colour) else MONOGRAM_COLOUR
    svg = monogram_svg(letters, fill, label=technology)
    return ResolvedLogo("monogram", None, fill, re.sub(r"^<svg\b", '<svg class="logo-svg"', svg), False, None)


# ---------------------------------------------------------------- vendoring from the npm package


def lexicon_slugs(lexicon_path: Path) -> set[str]:
    from ruamel.yaml import YAML

    entries = YAML(typ="safe").load(lexicon_path.read_text(encoding="utf-8")) or []
    return {entry["logo"] for entry in entries if isinstance(entry, dict) and entry.get("logo")}


def vendor(package_dir: Path, slugs: Iterable[str], destination: Path = VENDOR_DIR,
           optional: Iterable[str] = ()) -> list[str]:
    """Copy the named icons and their data from an unpacked simple-icons npm package.

    `slugs` must all exist (the lexicon's); `optional` ones (company slugs) are taken when present.
    Returns the vendored slugs. Rewrites icons/, icons.json and LICENSE.md; leaves README.md alone.
    """
    package_json = json.loads((package_dir / "package.json").read_text(encoding="utf-8"))
    data = json.loads((package_dir / "data" / "simple-icons.json").read_text(encoding="utf-8"))
    entries = data["icons"] if isinstance(data, dict) else data
    by_slug = {entry["slug"]: entry for entry in entries if "slug" in entry}
    wanted = set(slugs)
    missing = sorted(slug for slug in wanted if slug not in by_slug)
    if missing:
        raise ValueError(f"simple-icons {package_json['version']} has no icon for: {', '.join(missing)}")
    wanted |= {slug for slug in optional if slug in by_slug}
    icons_dir = destination / "icons"
    if icons_dir.exists():
        shutil.rmtree(icons_dir)
    icons_dir.mkdir(parents=True)
    index = {}
    for slug in sorted(wanted):
        entry = by_slug[slug]
        shutil.copyfile(package_dir / "icons" / f"{slug}.svg", icons_dir / f"{slug}.svg")
        item = {"title": entry["title"], "hex": entry["hex"]}
        if entry.get("source"):
            item["source"] = entry["source"]
        licence = entry.get("license")
        if licence and licence.get("type") != PACKAGE_LICENCE:
            item["licence"] = {key: licence[key] for key in ("type", "url") if licence.get(key)}
        index[slug] = item
    document = {
        "package": "simple-icons",
        "version": package_json["version"],
        "licence": PACKAGE_LICENCE,
        "note": "licence per icon only where Simple Icons records one other than CC0-1.0",
        "icons": index,
    }
    shutil.copyfile(package_dir / "LICENSE.md", destination / "LICENSE.md")
    (destination / INDEX_FILE).write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    _load_index.cache_clear()
    return sorted(wanted)
