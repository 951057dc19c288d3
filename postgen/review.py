"""Stage 7: outputs/<company>/draft.yaml, the file a person reviews.

Re-drafting merges into the existing file instead of replacing it: review decisions, edited
descriptions, in_post choices and YAML comments survive; new claims arrive as pending; claims no
longer found are marked, not deleted. Entries are matched by their technology's identity (see
claim_ids.py), never by a slug. Writes are atomic.
"""

from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from .errors import BusyError, InputError
from .claim_ids import assign_ids, identity
from .models import TAGS, Claim, ReviewState
from .paths import company_output_dir
from .selection import Selection
from .yamlio import dump_yaml, load_yaml_file

CLAIM_FIELDS = ("technology", "aliases", "status", "statuses", "corroboration", "best_citation", "own", "logo")
# Where keys a newer version adds go in entries written by an older one: after this key.
PLACED_AFTER = {"in_post": "review", "machine_in_post": "machine_description", "needs_review": "machine_in_post",
                "machine_tag": "tag", "tag_guessed": "machine_tag"}


def draft_path(company: str) -> Path:
    return company_output_dir(company) / "draft.yaml"


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
        if not isinstance(entry, dict) or not isinstance(entry.get("technology"), str):
            raise InputError(f"{path}: claims[{index}] has no 'technology'; fix or move the file and re-run")
        name = entry.get("id", entry["technology"])
        review = entry.get("review", "pending")
        if review not in {state.value for state in ReviewState}:
            raise InputError(f"{path}: claim {name!r}: review must be pending, approved or rejected, not {review!r}")
        if not isinstance(entry.get("in_post", False), bool):
            raise InputError(f"{path}: claim {name!r}: in_post must be true or false, not {entry['in_post']!r}")
        if tag_edited(entry) and entry.get("tag") not in TAGS:
            raise InputError(f"{path}: claim {name!r} ({entry['technology']}): tag must be one of {', '.join(TAGS)}; "
                             f"not {entry.get('tag')!r}")
    return data


def citation_map(citation) -> CommentedMap:
    data = citation.model_dump(mode="json", exclude_none=True)
    if not data.get("sentence_ids"):
        data.pop("sentence_ids", None)
    return CommentedMap(data)


def fresh_claim(claim: Claim) -> CommentedMap:
    entry = CommentedMap()
    entry["review"] = ReviewState.pending.value
    entry["in_post"] = False
    entry["technology"] = claim.technology
    entry["description"] = claim.description
    entry["machine_description"] = claim.description
    entry["machine_in_post"] = False
    entry["tag"] = claim.tag
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
    place(entry, "machine_tag", claim.tag)
    if claim.tag_guessed and not tag_edited(entry):  # written only when true: a reviewer should check a guessed tag
        place(entry, "tag_guessed", True)
    else:
        entry.pop("tag_guessed", None)
    entry["found"] = True
    entry.pop("missing_since", None)
    entry["citations"] = CommentedSeq(citation_map(citation) for citation in claim.citations)


def tag_edited(entry) -> bool:
    """A reviewer changed the tag (an entry written before machine_tag existed has the program's)."""
    return "machine_tag" in entry and entry.get("tag") != entry.get("machine_tag")


def key_of(entry) -> str:
    return identity(str(entry.get("technology") or ""))


def merge_claims(existing: list, claims: list[Claim], now: str) -> CommentedSeq:
    """Existing entries keep their position, review, human description and comments.

    Entries are matched by the identity of their `technology`, so a file written with the old
    slug ids (where C, C# and C++ shared one) keeps every decision; ids are then made unique."""
    merged = CommentedSeq(existing)
    by_key: dict[str, CommentedMap] = {}
    for entry in merged:
        by_key.setdefault(key_of(entry), entry)
    for claim in claims:
        entry = by_key.get(identity(claim.technology))
        if entry is None:
            entry = by_key[identity(claim.technology)] = fresh_claim(claim)
            merged.append(entry)
            continue
        edited = entry.get("description") != entry.get("machine_description")
        entry["machine_description"] = claim.description
        if not edited:
            entry["description"] = claim.description
        if not tag_edited(entry):
            entry["tag"] = claim.tag
        update_machine_fields(entry, claim)
    found = {identity(claim.technology) for claim in claims}
    for entry in merged:
        if key_of(entry) not in found and entry.get("found", True):
            entry["found"] = False
            entry["missing_since"] = now
    assign_ids(merged)
    return merged


def publishable(entry) -> bool:
    return entry.get("found", True) and entry.get("review", "pending") != ReviewState.rejected.value


def shown_in_post(entry) -> bool:
    """May the entry's row be shown: publishable, not taken out by a reviewer, not waiting for review."""
    return publishable(entry) and entry.get("in_post", True) is not False and not entry.get("needs_review")


def apply_review(claims: list[Claim], merged: CommentedSeq) -> list[Claim]:
    """Claims the post may use: found, not rejected by a reviewer, with the reviewer's description."""
    by_key = {key_of(entry): entry for entry in merged}
    usable = []
    for claim in claims:
        entry = by_key[identity(claim.technology)]
        if publishable(entry):
            description = entry.get("description")
            reviewed = {"tag": str(entry["tag"]), "tag_guessed": False} if tag_edited(entry) else {}
            usable.append(claim.model_copy(update={"description": str(description) if description else None, **reviewed}))
    return usable


def reviewer_choices(merged: CommentedSeq) -> dict[str, bool]:
    """in_post values a reviewer set by hand (they differ from the program's), by claim identity."""
    return {key_of(entry): entry["in_post"] for entry in merged
            if "in_post" in entry and entry["in_post"] != entry.get("machine_in_post", not entry["in_post"])}


def place(entry: CommentedMap, key: str, value) -> None:
    if key in entry or PLACED_AFTER.get(key) not in entry:
        entry[key] = value
    else:
        entry.insert(list(entry).index(PLACED_AFTER[key]) + 1, key, value)


def record_selection(merged: CommentedSeq, selection: Selection) -> None:
    """Write in_post, machine_in_post and needs_review; a reviewer's in_post is kept."""
    chosen_by_reviewer = reviewer_choices(merged)
    for entry in merged:
        key = key_of(entry)
        place(entry, "machine_in_post", selection.machine_in_post.get(key, False))
        if key not in chosen_by_reviewer:
            place(entry, "in_post", selection.in_post.get(key, False))
        if key in selection.needs_review:
            place(entry, "needs_review", selection.needs_review[key])
        else:
            entry.pop("needs_review", None)


def ids_by_identity(merged: CommentedSeq) -> dict[str, str]:
    return {key_of(entry): entry["id"] for entry in merged}


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
