"""Claim ids: a short hash of a technology's exact name, never a slug.

A slug folds punctuation away, so C, C# and C++ (or .NET and Net) would share an id and a
reviewer's decision would land on the wrong claim. A claim's identity keeps punctuation and
folds only what does not change the name: Unicode compatibility forms (NFKC), case and runs of
whitespace. Its id is `t-` and the first ID_DIGITS hex digits of the identity's sha256; an
entry keeps the id it was given, and a new entry whose digits are taken gets more of them, so
ids never collide and never change once written.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Iterable, MutableMapping

ID_PREFIX = "t-"
ID_DIGITS = 10
ID_RE = re.compile(rf"^{ID_PREFIX}[0-9a-f]{{{ID_DIGITS},64}}$")


def identity(technology: str) -> str:
    """What makes two technology names the same claim: 'C#' ≠ 'C' ≠ 'C++', '.NET' ≠ 'Net'."""
    return " ".join(unicodedata.normalize("NFKC", technology).casefold().split())


def digest(technology: str) -> str:
    return hashlib.sha256(identity(technology).encode("utf-8")).hexdigest()


def claim_id(technology: str, digits: int = ID_DIGITS) -> str:
    return ID_PREFIX + digest(technology)[:digits]


def is_id_of(value: object, technology: str) -> bool:
    """True when `value` is an id this scheme gives `technology` (a slug from older drafts is not)."""
    return isinstance(value, str) and bool(ID_RE.match(value)) and digest(technology).startswith(value[len(ID_PREFIX):])


def unused_id(technology: str, taken: set[str]) -> str:
    full = digest(technology)
    for digits in range(ID_DIGITS, len(full) + 1):
        candidate = ID_PREFIX + full[:digits]
        if candidate not in taken:
            return candidate
    raise ValueError(f"every id of {technology!r} is taken: the draft lists it more than once")


def assign_ids(entries: Iterable[MutableMapping]) -> None:
    """Give every draft entry a unique id of its `technology`: valid ids are kept, others replaced."""
    entries = list(entries)
    taken: set[str] = set()
    needing = []
    for entry in entries:
        current = entry.get("id")
        if is_id_of(current, str(entry.get("technology") or "")) and current not in taken:
            taken.add(current)
        else:
            needing.append(entry)
    for entry in needing:
        new_id = unused_id(str(entry.get("technology") or ""), taken)
        taken.add(new_id)
        if "id" not in entry and hasattr(entry, "insert"):  # a round-trip YAML map: the id goes first
            entry.insert(0, "id", new_id)
        else:
            entry["id"] = new_id
