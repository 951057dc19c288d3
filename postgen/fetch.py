"""Stage 1: turn each registered source into a frozen snapshot (raw document, text, meta)."""

from __future__ import annotations

import hashlib
import logging
import os
import re
import shutil
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

import trafilatura
from trafilatura.downloads import fetch_response
from trafilatura.settings import use_config

from .errors import FetchError
from .markup import html_body_to_prose, markdown_converter, markdown_to_prose, rst_converter, rst_to_html
from .models import Company, SnapshotMeta, Source, TextStructure
from .paths import snapshot_root
from .registry import local_file, registry_path
from .settings import Settings

EXTRACTION_OPTIONS = {
    "include_comments": False,
    "include_tables": True,
    "include_links": True,  # link texts and code spans are kept as structure, not as markup
    "include_formatting": True,
    "with_metadata": True,
    "deduplicate": False,
}
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdx")
RST_SUFFIXES = (".rst", ".rest")
HTML_SUFFIXES = (".html", ".htm")
TEXT_LIKE_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "text/markdown", "text/x-rst")
MIN_ARTICLE_CHARS = 80
STRUCTURE_FILE = "structure.json"


@dataclass
class FetchSettings:
    timeout_seconds: int
    max_bytes: int
    ssrf_protection: bool

    @classmethod
    def from_settings(cls, settings: Settings) -> FetchSettings:
        return cls(settings.fetch_timeout, settings.fetch_max_bytes, not settings.allow_private_urls)


@dataclass
class FetchOutcome:
    source_id: str
    action: str  # created | unchanged | updated | kept
    meta: SnapshotMeta


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def trafilatura_config(settings: FetchSettings):
    config = use_config()
    config.set("DEFAULT", "DOWNLOAD_TIMEOUT", str(settings.timeout_seconds))
    config.set("DEFAULT", "MAX_FILE_SIZE", str(settings.max_bytes))
    config.set("DEFAULT", "MAX_REDIRECTS", "2")
    config.set("DEFAULT", "SSRF_PROTECTION", "on" if settings.ssrf_protection else "off")
    return config


@contextmanager
def captured_trafilatura_errors() -> Iterator[list[str]]:
    """trafilatura reports download failures only in its log: keep them for our error message."""
    messages: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            messages.append(record.getMessage())

    handler = Collect(level=logging.WARNING)
    logger = logging.getLogger("trafilatura")
    logger.addHandler(handler)
    try:
        yield messages
    finally:
        logger.removeHandler(handler)


def download(url: str, settings: FetchSettings) -> tuple[bytes, str | None]:
    with captured_trafilatura_errors() as problems:
        try:
            response = fetch_response(url, decode=False, config=trafilatura_config(settings))
        except Exception as error:  # trafilatura lets some transport errors through
            raise FetchError(f"{url}: download failed: {error}") from None
    if response is None:
        reason = problems[-1] if problems else "no response"
        if "MAX_FILE_SIZE" in reason:
            reason = f"page larger than the {settings.max_bytes:,}-byte limit"
        raise FetchError(f"{url}: download failed: {reason}")
    if response.status != 200:
        raise FetchError(f"{url}: HTTP {response.status}")
    content_type = (response.headers or {}).get("content-type")
    if content_type and not content_type.split(";")[0].strip().lower() in TEXT_LIKE_TYPES:
        raise FetchError(f"{url}: not an HTML or text page (Content-Type: {content_type})")
    if not response.data:
        raise FetchError(f"{url}: empty response body")
    return response.data, content_type


@dataclass
class Extracted:
    """A source read and turned into prose: what a snapshot stores."""

    raw: bytes
    extension: str
    text: str
    structure: TextStructure | None  # None for plain text: its structure is read off its lines
    metadata: dict
    content_type: str | None
    converter: str | None


def extract_html(raw: bytes, url: str | None, where: str, content_type: str | None) -> Extracted:
    document = trafilatura.bare_extraction(raw, url=url, **EXTRACTION_OPTIONS)
    if document is None or document.body is None:
        raise FetchError(f"{where}: no article text could be extracted (0 characters of main text)")
    text, structure = html_body_to_prose(document.body, document.title)
    if len(text.strip()) < MIN_ARTICLE_CHARS:
        raise FetchError(f"{where}: no article text could be extracted ({len(text.strip())} characters of main text)")
    metadata = {"title": document.title, "author": document.author, "date": document.date,
                "sitename": document.sitename}
    return Extracted(raw, "html", text, structure, metadata, content_type, f"trafilatura {trafilatura.__version__} xml")


def extract_markdown(raw: bytes, where: str, title: str | None, content_type: str | None) -> Extracted:
    text, structure = markdown_to_prose(decode_text(raw, where, content_type))
    if not text.strip():
        raise FetchError(f"{where}: the markdown has no prose (only front matter, code or markup)")
    return Extracted(raw, "md", text, structure, {"title": title}, content_type or "text/markdown", markdown_converter())


def decode_text(raw: bytes, where: str, content_type: str | None = None) -> str:
    """UTF-8, or the charset a server declares for a text page."""
    match = re.search(r"charset=[\"']?([\w.:-]+)", content_type or "", re.IGNORECASE)
    encoding = match.group(1) if match else "utf-8"
    try:
        return raw.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        raise FetchError(f"{where}: text is not valid {encoding}") from None


def extract_rst(raw: bytes, where: str, title: str | None, content_type: str | None) -> Extracted:
    """reStructuredText read as the HTML docutils makes of it; the snapshot keeps the reStructuredText."""
    page = extract_html(rst_to_html(decode_text(raw, where, content_type)).encode(), None, where, "text/html")
    return Extracted(raw, "rst", page.text, page.structure, {**page.metadata, "title": title or page.metadata["title"]},
                     content_type or "text/x-rst", f"{rst_converter()} + {page.converter}")


def read_source(source: Source, company: Company, settings: FetchSettings) -> Extracted:
    if source.file:
        path = local_file(source, registry_path(company.slug))
        raw = path.read_bytes()
        suffix = path.suffix.lower()
        if suffix in HTML_SUFFIXES:
            return extract_html(raw, source.url, str(path), "text/html")
        if suffix in MARKDOWN_SUFFIXES:
            return extract_markdown(raw, str(path), source.title, None)
        if suffix in RST_SUFFIXES:
            return extract_rst(raw, str(path), source.title, None)
        text = decode_text(raw, str(path))
        if not text.strip():
            raise FetchError(f"{path}: the file is empty")
        return Extracted(raw, suffix.lstrip(".") or "txt", text, None, {"title": source.title}, "text/plain", None)
    assert source.url
    raw, content_type = download(source.url, settings)
    media_type = (content_type or "").split(";")[0].strip().lower()
    if media_type == "text/markdown" or (media_type == "text/plain" and source.url.lower().endswith(MARKDOWN_SUFFIXES)):
        return extract_markdown(raw, source.url, source.title, content_type)
    if media_type == "text/x-rst" or (media_type == "text/plain" and source.url.lower().endswith(RST_SUFFIXES)):
        return extract_rst(raw, source.url, source.title, content_type)
    if media_type == "text/plain":
        return Extracted(raw, "txt", decode_text(raw, source.url, content_type), None, {"title": source.title},
                         content_type, None)
    return extract_html(raw, source.url, source.url, content_type)


def snapshot_dir(company: str, source_id: str) -> Path:
    return snapshot_root(company) / source_id


def load_meta(company: str, source_id: str) -> SnapshotMeta | None:
    path = snapshot_dir(company, source_id) / "meta.json"
    if not path.is_file():
        return None
    return SnapshotMeta.model_validate_json(path.read_text(encoding="utf-8"))


def load_structure(company: str, source_id: str, meta: SnapshotMeta) -> TextStructure | None:
    """structure.json, checked against the sha256 its snapshot recorded; None for plain text."""
    if meta.structure_sha256 is None:
        return None
    path = snapshot_dir(company, source_id) / STRUCTURE_FILE
    data = path.read_bytes() if path.is_file() else b""
    if sha256_hex(data) != meta.structure_sha256:
        raise FetchError(f"{path}: missing or changed since the snapshot was taken; run `postgen fetch --company "
                         f"{company} --refresh`")
    return TextStructure.model_validate_json(data)


def load_text(company: str, source_id: str) -> str:
    path = snapshot_dir(company, source_id) / "text.txt"
    if not path.is_file():
        raise FetchError(
            f"no snapshot for source {source_id!r} of {company!r} ({path}): run `postgen fetch --company {company}`"
        )
    return path.read_text(encoding="utf-8")


def write_atomic(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def archive_previous(directory: Path, meta: SnapshotMeta) -> Path:
    stamp = meta.fetched_at.strftime("%Y%m%dT%H%M%SZ")
    target = directory / "history" / stamp
    number = 1
    while target.exists():  # two refreshes within one second: never overwrite an archived version
        number += 1
        target = directory / "history" / f"{stamp}-{number}"
    target.mkdir(parents=True)
    for name in (meta.raw_file, "text.txt", "meta.json", STRUCTURE_FILE):
        if (directory / name).exists():
            shutil.copy2(directory / name, target / name)
    return target


def fetch_source(company: Company, source: Source, *, refresh: bool, settings: FetchSettings) -> FetchOutcome:
    directory = snapshot_dir(company.slug, source.id)
    previous = load_meta(company.slug, source.id)
    if previous and not refresh:
        return FetchOutcome(source.id, "kept", previous)
    extracted = read_source(source, company, settings)
    raw, text_bytes = extracted.raw, extracted.text.encode("utf-8")
    structure_bytes = (extracted.structure.model_dump_json() + "\n").encode("utf-8") if extracted.structure else None
    structure_sha = sha256_hex(structure_bytes) if structure_bytes else None
    if (previous and previous.text_sha256 == sha256_hex(text_bytes) and previous.raw_sha256 == sha256_hex(raw)
            and previous.structure_sha256 == structure_sha):
        return FetchOutcome(source.id, "unchanged", previous)
    meta = SnapshotMeta(
        source_id=source.id,
        url=source.url,
        file=source.file,
        origin="file" if source.file else "http",
        fetched_at=datetime.now(timezone.utc).replace(microsecond=0),
        raw_file=f"raw.{extracted.extension}",
        raw_sha256=sha256_hex(raw),
        text_sha256=sha256_hex(text_bytes),
        text_chars=len(extracted.text),
        content_type=extracted.content_type,
        extractor=f"trafilatura {trafilatura.__version__}",
        extraction_options=EXTRACTION_OPTIONS,
        converter=extracted.converter,
        structure_sha256=structure_sha,
        **extracted.metadata,
    )
    if previous:
        archive_previous(directory, previous)
        if previous.raw_file != meta.raw_file:
            (directory / previous.raw_file).unlink(missing_ok=True)
    directory.mkdir(parents=True, exist_ok=True)
    write_atomic(directory / meta.raw_file, raw)
    write_atomic(directory / "text.txt", text_bytes)
    if structure_bytes:
        write_atomic(directory / STRUCTURE_FILE, structure_bytes)
    else:
        (directory / STRUCTURE_FILE).unlink(missing_ok=True)
    write_atomic(directory / "meta.json", (meta.model_dump_json(indent=2) + "\n").encode("utf-8"))
    return FetchOutcome(source.id, "updated" if previous else "created", meta)
