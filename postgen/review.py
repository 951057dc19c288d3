"""Stage 7: outputs/<company>/draft.yaml, the file a person reviews.

Re-drafting merges into the existing file instead of replacing it: review decisions,
edited descriptions and YAML comments survive; new claims arrive as pending; claims no
longer found are marked, not deleted. Writes are atomic.
"""

from __future__ import annotations

import fcntl
import os
import re
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from .errors import BusyError, InputError
from .models import Claim, ReviewState
from .paths import company_output_dir
from .yamlio import dump_yaml, load_yaml_file

CLAIM_FIELDS = ("technology", "aliases", "tag", "status", "statuses", "corroboration", "logo")


def draft_path(company: str) -> Path:
    return company_output_dir(company) / "draft.yaml"


def claim_id(technology: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", technology.lower()).strip("-") or "claim"


@contextmanager
def company_lock(company: str) -> Iterator[None]:
    """One draft per company at a time; a second one refuses clearly instead of racing."""
    directory = company_output_dir(company)
    directory.mkdir(parents=True, exist_ok=True)
    handle = (directory / ".draft.lock").open("a+")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        holder = handle.read().strip() or "another process"
        handle.close()
        raise BusyError(f"another postgen run for {company!r} is in progress ({holder}); try again when it ends") from None
    handle.seek(0)
    handle.truncate()
    handle.write(f"pid {os.getpid()}")
    handle.flush()
    try:
        yield
    finally:
        fcntl.flock(handle, fcntl.LOCK_UN)
        handle.close()


def load_existing(company: str) -> CommentedMap | None:
    path = draft_path(company)
    if not path.exists():
        return None
    data = load_yaml_file(path, round_trip=True)
    if not isinstance(data, CommentedMap) or not isinstance(data.get("claims", []), list):
        raise InputError(f"{path}: expected a mapping with a 'claims' list; fix or move the file and re-run")
    for index, entry in enumerate(data.get("claims") or []):
        if not isinstance(entry, dict) or "id" not in entry:
            raise InputError(f"{path}: claims[{index}] has no 'id'; fix or move the file and re-run")
        review = entry.get("review", "pending")
        if review not in {state.value for state in ReviewState}:
            raise InputError(f"{path}: claim {entry['id']!r}: review must be pending, approved or rejected, not {review!r}")
    return data


def citation_map(citation) -> CommentedMap:
    data = citation.model_dump(mode="json", exclude_none=True)
    if not data.get("sentence_ids"):
        data.pop("sentence_ids", None)
    return CommentedMap(data)


def fresh_claim(claim: Claim) -> CommentedMap:
    entry = CommentedMap()
    entry["id"] = claim_id(claim.technology)
    entry["review"] = ReviewState.pending.value
    entry["technology"] = claim.technology
    entry["description"] = claim.description
    entry["machine_description"] = claim.description
    update_machine_fields(entry, claim)
    return entry


def update_machine_fields(entry: CommentedMap, claim: Claim) -> None:
    for name in CLAIM_FIELDS:
        value = getattr(claim, name)
        if isinstance(value, list):
            value = CommentedSeq([getattr(item, "value", item) for item in value])
        elif hasattr(value, "value"):
            value = value.value
        entry[name] = value
    entry["found"] = True
    entry.pop("missing_since", None)
    entry["citations"] = CommentedSeq(citation_map(citation) for citation in claim.citations)


def merge_claims(existing: list, claims: list[Claim], now: str) -> CommentedSeq:
    """Existing entries keep their position, review, human description and comments."""
    merged = CommentedSeq(existing)
    by_id = {entry["id"]: entry for entry in merged}
    for claim in claims:
        entry = by_id.get(claim_id(claim.technology))
        if entry is None:
            merged.append(fresh_claim(claim))
            continue
        edited = entry.get("description") != entry.get("machine_description")
        entry["machine_description"] = claim.description
        if not edited:
            entry["description"] = claim.description
        update_machine_fields(entry, claim)
    found_ids = {claim_id(claim.technology) for claim in claims}
    for entry in merged:
        if entry["id"] not in found_ids and entry.get("found", True):
            entry["found"] = False
            entry["missing_since"] = now
    return merged


def publishable(entry) -> bool:
    return entry.get("found", True) and entry.get("review", "pending") != ReviewState.rejected.value


def apply_review(claims: list[Claim], merged: CommentedSeq) -> list[Claim]:
    """Claims the post may use: found, not rejected by a reviewer, with the reviewer's description."""
    by_id = {entry["id"]: entry for entry in merged}
    usable = []
    for claim in claims:
        entry = by_id[claim_id(claim.technology)]
        if publishable(entry):
            usable.append(claim.model_copy(update={"description": str(entry.get("description") or claim.description)}))
    return usable


def build_document(existing: CommentedMap | None, *, company: str, company_name: str, model: dict, sources: list[dict],
                   claims: CommentedSeq, rejected: list[dict], post: dict, stats: list[dict]) -> CommentedMap:
    document = existing if existing is not None else CommentedMap()
    now = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    values = {
        "company": company, "company_name": company_name, "generated_at": now, "model": model, "sources": sources, "claims": claims,
        "rejected": rejected, "post": post, "stats": stats,
    }
    for position, (key, value) in enumerate(values.items()):
        if key in document:
            document[key] = value
        else:  # keep the documented key order in files written by older versions
            document.insert(position, key, value)
    return document


def write_atomic_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with temporary.open("w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


def save(path: Path, document: CommentedMap) -> None:
    write_atomic_text(path, dump_yaml(document))
