"""Deterministic checks over committed drafts: every claim traces back to a quoted span, and the
post's table is what the claims say (one claim per row, its status, a real and distinct
description, a grounded source fragment, a row count within the post's bounds).

Drafts written by older versions are checked in today's shape (postgen/draft_upgrade.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

from .claim_ids import identity, is_id_of
from .draft_upgrade import upgrade
from .errors import PostgenError
from .attached import attached_to_technology
from .fetch import load_meta, load_structure, sha256_hex, snapshot_dir
from .models import Claim, Company
from .text import Document, Sentence
from .write import blanked, check_brief, check_copy, copy_facts, publishers_of
from .grounding import names_technology, normalize_for_key
from .lexicon import default_lexicon, names_in_text
from .paths import outputs_dir
from .review import publishable, shown_in_post
from .selection import row_bounds, DEFAULT_ROWS
from .table import HASHTAG_RE
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
        technology = row["technology"]
        rows.record(normalize_for_key(technology) in allowed,
                    f"table row {technology!r} is not a verified, non-rejected claim")
    texts = [post.get("brief") or ""] + [row.get("description", "") for row in post.get("table") or []]
    # "as described by Acme docs (GitHub acme/docs)" names a publisher, and "Vera C. Rubin Observatory" the company,
    # not a technology
    frame = tuple(name for name in (draft.get("company_name"), *publishers_of(draft.get("sources") or [])) if name)
    for text in texts:
        for technology, _, _ in names_in_text(blanked(text, frame), default_lexicon()):
            copy.record(technology.key in allowed, f"copy names {technology.name!r}, which is not a verified claim: {text[:80]!r}")
    hashtags = post.get("hashtags") or []
    for hashtag in hashtags:
        tags.record(bool(HASHTAG_RE.match(hashtag)), f"invalid hashtag {hashtag!r}")
    tags.record(len(hashtags) == len({h.lower() for h in hashtags}), "duplicate hashtags")
    return rows, copy, tags


# ---------------------------------------------------------------- the table


PLACEHOLDER = re.compile(r"description pending review|technology named by the source|^\W*$", re.IGNORECASE)


def claim_index(draft: dict) -> dict[str, list[dict]]:
    index: dict[str, list[dict]] = {}
    for entry in draft.get("claims") or []:
        if isinstance(entry, dict):
            index.setdefault(str(entry.get("id")), []).append(entry)
    return index


def shown_rows(draft: dict) -> list[tuple[dict, dict | None]]:
    """The rows a reader sees (render leaves out the others), each with its claim if it resolves."""
    index = claim_index(draft)
    rows = []
    for row in (draft.get("post") or {}).get("table") or []:
        found = index.get(str(row.get("claim")), [])
        claim = found[0] if len(found) == 1 else None
        if claim is None or shown_in_post(claim):
            rows.append((row, claim))
    return rows


def check_resolution(company: str, draft: dict) -> CheckResult:
    result = CheckResult(company, "claim ids are unique and every row resolves to exactly one claim")
    index = claim_index(draft)
    for claim_id, entries in index.items():
        result.record(len(entries) == 1, f"claim id {claim_id!r} is used by {len(entries)} claims: "
                                         f"{', '.join(repr(e.get('technology')) for e in entries)}")
        for entry in entries:
            result.record(is_id_of(claim_id, str(entry.get("technology") or "")),
                          f"claim id {claim_id!r} is not an id of {entry.get('technology')!r}")
    seen: set[str] = set()
    for row in (draft.get("post") or {}).get("table") or []:
        label = f"row {row.get('technology')!r}"
        found = index.get(str(row.get("claim")), [])
        if len(found) != 1:
            result.record(False, f"{label}: claim {row.get('claim')!r} matches {len(found)} claims")
            continue
        same = identity(str(found[0].get("technology") or "")) == identity(str(row.get("technology") or ""))
        result.record(same, f"{label}: its claim {row['claim']!r} is {found[0].get('technology')!r}")
        result.record(row["claim"] not in seen, f"{label}: claim {row['claim']!r} has more than one row")
        seen.add(row["claim"])
    return result


def check_status(company: str, draft: dict) -> CheckResult:
    result = CheckResult(company, "every row's status is its claim's status")
    index = claim_index(draft)
    for row in (draft.get("post") or {}).get("table") or []:
        found = index.get(str(row.get("claim")), [])
        if len(found) == 1:
            status, expected = row.get("status", "current"), found[0].get("status")
            result.record(status == expected, f"row {row.get('technology')!r} is {status!r}, its claim is {expected!r}")
    return result


def check_descriptions(company: str, draft: dict) -> tuple[CheckResult, CheckResult]:
    real = CheckResult(company, "published rows have a real description")
    distinct = CheckResult(company, "no two rows share a description")
    seen: dict[str, str] = {}
    for row, _ in shown_rows(draft):
        text = " ".join(str(row.get("description") or "").split())
        label = f"row {row.get('technology')!r}"
        real.record(not PLACEHOLDER.search(text), f"{label}: description {text!r} is empty or a placeholder")
        key = text.casefold()
        if key:
            distinct.record(key not in seen, f"{label}: same description as {seen.get(key)!r}: {text!r}")
            seen.setdefault(key, str(row.get("technology")))
    return real, distinct


def reviewer_flipped(draft: dict) -> bool:
    return any("in_post" in entry and "machine_in_post" in entry and entry["in_post"] != entry["machine_in_post"]
               for entry in draft.get("claims") or [] if isinstance(entry, dict))


def could_be_rows(draft: dict, shown: set[str]) -> list[str]:
    """Claims the selection could still have used: publishable, described, not waiting for review."""
    return [str(entry.get("technology")) for entry in draft.get("claims") or []
            if isinstance(entry, dict) and publishable(entry) and not entry.get("needs_review")
            and str(entry.get("description") or "").strip() and entry.get("id") not in shown]


def check_row_count(company: str, draft: dict) -> CheckResult:
    result = CheckResult(company, "row count within the post's bounds")
    post = draft.get("post") or {}
    bounds = post.get("row_bounds") or dict(zip(("min", "max"), row_bounds(DEFAULT_ROWS)))
    rows = shown_rows(draft)
    count = len(rows)
    if reviewer_flipped(draft):
        result.record(True, "")  # the reviewer chose the rows by hand
    elif count > bounds["max"]:
        result.record(False, f"{count} rows, more than {bounds['max']}")
    elif count < bounds["min"]:
        spare = could_be_rows(draft, {str(row.get("claim")) for row, _ in rows})
        result.record(not spare, f"{count} rows, fewer than {bounds['min']}, yet {len(spare)} claims could be rows: "
                                 f"{', '.join(spare[:5])}")
    else:
        result.record(True, "")
    return result


def check_fragments(company: str, draft: dict) -> CheckResult:
    result = CheckResult(company, "source fragments are exact substrings of the claim's strongest quote")
    for row, claim in shown_rows(draft):
        citations = (claim or {}).get("citations") or []
        best = (claim or {}).get("best_citation", 0)
        quote = citations[best].get("quote", "") if isinstance(best, int) and 0 <= best < len(citations) else ""
        for source in row.get("sources") or []:
            fragment = source.get("fragment")
            if fragment is None:
                continue
            result.record(claim is not None and fragment in quote,
                          f"row {row.get('technology')!r}: fragment {fragment!r} is not in its claim's strongest quote")
    return result


# ---------------------------------------------------------------- the words of the post


def snapshot_documents(company: str, texts: dict[str, str]) -> dict[str, Document]:
    documents = {}
    for source_id, text in texts.items():
        meta = load_meta(company, source_id)
        documents[source_id] = Document(source_id, text, load_structure(company, source_id, meta) if meta else None)
    return documents


def quoted_sentences(claim: dict, documents: dict[str, Document]) -> list[tuple[Document, Sentence]]:
    """The sentences a claim's citations quote, found again in the snapshots by their offsets."""
    found = []
    for citation in claim.get("citations") or []:
        document = documents.get(citation["source"])
        if document is None:
            continue
        found += [(document, sentence) for sentence in document.sentences.values()
                  if citation["start"] <= sentence.start and sentence.end <= citation["end"]]
    return found


def check_attachment(company: str, draft: dict, documents: dict[str, Document]) -> CheckResult:
    """A published description is made of the words attached to its technology's own mention, not of a
    neighbour's words in a list sentence (a reviewer's edited description is theirs to vouch for)."""
    result = CheckResult(company, "description attached to its technology")
    subject = draft.get("company_name") or company
    for row, claim in shown_rows(draft):
        if claim is None or claim.get("description") != claim.get("machine_description"):
            continue
        names = [claim["technology"], *(claim.get("aliases") or [])]
        ok = attached_to_technology(row.get("description") or "", names, quoted_sentences(claim, documents), subject)
        result.record(ok, f"row {row['technology']!r}: {row.get('description')!r} is not made of the words its "
                          f"quotes attach to {row['technology']!r}")
    return result


def check_copy_states_quotes(company: str, draft: dict, texts: dict[str, str]) -> CheckResult:
    """The brief and the descriptions state only what cited quotes state: verified technologies (a former
    one only as "from X to Y"), numbers and words of quality or scale that a quote has, and (in the brief)
    content words that the quotes of the technologies a sentence names have; every figure given to the
    brief stands at its offsets."""
    result = CheckResult(company, "copy states only what quotes state")
    claims = [Claim.model_validate({**{k: v for k, v in claim.items() if k in Claim.model_fields},
                                    "description": claim.get("description")})
              for claim in draft.get("claims") or [] if claim.get("found", True) and claim.get("review") != "rejected"]
    subject = Company(name=draft.get("company_name") or company, slug=company, sources=[{"id": "x", "file": "x"}])
    facts = copy_facts(subject, claims, default_lexicon(), publishers_of(draft.get("sources") or []))
    post = draft.get("post") or {}
    descriptions = [row.get("description") or "" for row, claim in shown_rows(draft)
                    if claim is None or claim.get("description") == claim.get("machine_description")]
    checks = check_brief(post.get("brief") or "", default_lexicon(), facts)
    for text in descriptions:
        checks += check_copy(text, default_lexicon(), facts)
    for check in checks:
        result.record(not check.problems, f"{check.sentence!r}: {'; '.join(check.problems)}")
    for figure in post.get("figures") or []:
        text = texts.get(figure["source"], "")
        result.record(text[figure["start"]:figure["end"]] == figure["text"],
                      f"figure {figure['text']!r} is not at {figure['source']} {figure['start']}-{figure['end']}")
    return result


def check_table(company: str, draft: dict) -> list[CheckResult]:
    return [check_resolution(company, draft), check_status(company, draft), *check_descriptions(company, draft),
            check_row_count(company, draft), check_fragments(company, draft)]


def run_checks(company: str | None = None) -> list[CheckResult]:
    results: list[CheckResult] = []
    for path in draft_files(company):
        slug = path.parent.name
        try:
            draft = load_yaml_file(path)
        except PostgenError as error:
            results.append(CheckResult(slug, "draft.yaml parses", failures=[str(error)]))
            continue
        draft = upgrade(draft)
        sources, texts = check_sources(slug, draft)
        results += [sources, *check_quotes(slug, draft, texts), *check_post(slug, draft), *check_table(slug, draft),
                    check_attachment(slug, draft, snapshot_documents(slug, texts)),
                    check_copy_states_quotes(slug, draft, texts)]
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
