"""draft.yaml files written by older versions, read in today's shape (the file is not rewritten;
the next `postgen draft` writes the new shape and keeps every review decision).

- Claim ids were slugs of the name, so C, C# and C++ shared `c`: each entry whose id is not its
  technology's hash id (claim_ids.py) gets one.
- A row's status was a " (former)" suffix on its technology's name: it becomes `status`.
- A row found its claim by name: it gets the claim's id in `claim`.
- A row's "Source of info" was one string, `source_of_info`: it becomes `sources`, rebuilt from
  the claim's strongest quote when the claim is known, else kept as a publisher's label.
"""

from __future__ import annotations

from pydantic import ValidationError

from .claim_ids import ID_RE, identity, unused_id
from .models import Claim
from .table import row_sources

LEGACY_FORMER_MARK = " (former)"


def upgrade(data: object) -> object:
    if not isinstance(data, dict):
        return data
    entries = [entry for entry in data.get("claims") or [] if isinstance(entry, dict)]
    replace_slug_ids(entries)
    by_key: dict[str, dict] = {}
    for entry in entries:
        by_key.setdefault(identity(str(entry.get("technology") or "")), entry)
    sources = {source["id"]: source for source in data.get("sources") or [] if isinstance(source, dict) and source.get("id")}
    post = data.get("post")
    if isinstance(post, dict) and isinstance(post.get("table"), list):
        post["table"] = [upgrade_row(row, by_key, sources) for row in post["table"]]
    return data


def replace_slug_ids(entries: list[dict]) -> None:
    """Only slug ids change: a hash id that is wrong or duplicated stays for the eval to report."""
    taken = {entry.get("id") for entry in entries}
    for entry in entries:
        if not (isinstance(entry.get("id"), str) and ID_RE.match(entry["id"])):
            entry["id"] = unused_id(str(entry.get("technology") or ""), taken)
            taken.add(entry["id"])


def upgrade_row(row: object, by_key: dict[str, dict], sources: dict[str, dict]) -> object:
    if not isinstance(row, dict):
        return row
    row = dict(row)
    name = str(row.get("technology") or "")
    if "status" not in row and name.endswith(LEGACY_FORMER_MARK):
        row["technology"], row["status"] = name[: -len(LEGACY_FORMER_MARK)], "former"
    entry = by_key.get(identity(str(row.get("technology") or "")))
    if "claim" not in row and entry is not None:
        row = {"claim": entry["id"], **row}
    if "source_of_info" in row:
        legacy = row.pop("source_of_info")
        row.setdefault("sources", legacy_sources(entry, sources, legacy))
    return row


def legacy_sources(entry: dict | None, sources: dict[str, dict], legacy: object) -> list[dict]:
    claim = claim_of(entry)
    if claim is not None:
        return [source.model_dump(exclude_none=True) for source in row_sources(claim, sources)]
    return [{"publisher": str(legacy)}] if legacy else []


def claim_of(entry: dict | None) -> Claim | None:
    if entry is None:
        return None
    try:
        return Claim.model_validate({key: value for key, value in entry.items() if key in Claim.model_fields})
    except ValidationError:
        return None
