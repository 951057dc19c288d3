"""Deterministic checks over committed drafts: every claim traces back to a quoted span."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

from .errors import PostgenError
from .fetch import load_meta, sha256_hex, snapshot_dir
from .grounding import names_technology, normalize_for_key
from .lexicon import default_lexicon, names_in_text
from .paths import outputs_dir
from .write import HASHTAG_RE
from .yamlio import load_yaml_file


@dataclass
class CheckResult:
    company: str
    check: str
    passed: int = 0
    failures: list[str] = field(default_factory=list)

    def record(self, ok: bool, failure: str) -> None:
        if ok:
            self.passed += 1
        else:
            self.failures.append(failure)


def draft_files(company: str | None) -> list[Path]:
    pattern = f"{company}/draft.yaml" if company else "*/draft.yaml"
    return sorted(outputs_dir().glob(pattern))


def check_sources(company: str, draft: dict) -> tuple[CheckResult, dict[str, str]]:
    result = CheckResult(company, "snapshots match their sha256")
    texts: dict[str, str] = {}
    for source in draft.get("sources") or []:
        meta = load_meta(company, source["id"])
        path = snapshot_dir(company, source["id"]) / "text.txt"
        if meta is None or not path.is_file():
            result.record(False, f"source {source['id']!r}: no snapshot")
            continue
        data = path.read_bytes()
        ok = sha256_hex(data) == meta.text_sha256 == source.get("text_sha256")
        result.record(ok, f"source {source['id']!r}: snapshot text sha256 differs from the draft's record")
        texts[source["id"]] = data.decode("utf-8")
    return result, texts


def check_quotes(company: str, draft: dict, texts: dict[str, str]) -> tuple[CheckResult, CheckResult]:
    at_offsets = CheckResult(company, "quotes equal the snapshot at their offsets")
    names = CheckResult(company, "quotes name their technology")
    for claim in draft.get("claims") or []:
        if not claim.get("found", True):
            continue
        label = f"claim {claim['id']!r}"
        for citation in claim.get("citations") or []:
            text = texts.get(citation["source"])
            where = f"{label}, source {citation['source']!r}, offsets {citation['start']}-{citation['end']}"
            if text is None:
                at_offsets.record(False, f"{where}: source not in the draft's sources")
                continue
            span = text[citation["start"]:citation["end"]]
            at_offsets.record(span == citation["quote"], f"{where}: quote differs from the snapshot text")
            all_names = [claim["technology"], *(claim.get("aliases") or [])]
            names.record(names_technology(span, all_names) is not None,
                         f"{where}: quoted text does not name {claim['technology']!r}")
    return at_offsets, names


def publishable_keys(draft: dict, company_name: str | None) -> set[str]:
    """Keys of the claims the post may name, plus the company itself (the post's subject)."""
    keys = {normalize_for_key(company_name)} if company_name else set()
    for claim in draft.get("claims") or []:
        if claim.get("found", True) and claim.get("review", "pending") != "rejected":
            keys |= default_lexicon().keys_for([claim["technology"], *(claim.get("aliases") or [])])
    return keys


def check_post(company: str, draft: dict) -> tuple[CheckResult, CheckResult, CheckResult]:
    rows = CheckResult(company, "table rows are verified, non-rejected claims")
    copy = CheckResult(company, "technologies named in the copy are verified claims")
    tags = CheckResult(company, "hashtags valid and unique")
    allowed = publishable_keys(draft, draft.get("company_name"))
    post = draft.get("post") or {}
    for row in post.get("table") or []:
        technology = row["technology"].removesuffix(" (former)")
        rows.record(normalize_for_key(technology) in allowed,
                    f"table row {technology!r} is not a verified, non-rejected claim")
    texts = [post.get("brief") or ""] + [row.get("description", "") for row in post.get("table") or []]
    for text in texts:
        for technology, _, _ in names_in_text(text, default_lexicon()):
            copy.record(technology.key in allowed, f"copy names {technology.name!r}, which is not a verified claim: {text[:80]!r}")
    hashtags = post.get("hashtags") or []
    for hashtag in hashtags:
        tags.record(bool(HASHTAG_RE.match(hashtag)), f"invalid hashtag {hashtag!r}")
    tags.record(len(hashtags) == len({h.lower() for h in hashtags}), "duplicate hashtags")
    return rows, copy, tags


def run_checks(company: str | None = None) -> list[CheckResult]:
    results: list[CheckResult] = []
    for path in draft_files(company):
        slug = path.parent.name
        try:
            draft = load_yaml_file(path)
        except PostgenError as error:
            results.append(CheckResult(slug, "draft.yaml parses", failures=[str(error)]))
            continue
        sources, texts = check_sources(slug, draft)
        results += [sources, *check_quotes(slug, draft, texts), *check_post(slug, draft)]
    return results


def write_junit(results: list[CheckResult], path: Path) -> None:
    suite = ElementTree.Element("testsuite", name="postgen-eval", tests=str(len(results)),
                                failures=str(sum(1 for r in results if r.failures)))
    for result in results:
        case = ElementTree.SubElement(suite, "testcase", classname=result.company, name=result.check)
        for failure in result.failures:
            ElementTree.SubElement(case, "failure", message=failure[:500]).text = failure
    path.parent.mkdir(parents=True, exist_ok=True)
    ElementTree.ElementTree(suite).write(path, encoding="utf-8", xml_declaration=True)
