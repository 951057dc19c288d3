"""The source registry: sources/<company>.yaml, validated."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from .errors import InputError
from .models import Company, Source
from .paths import check_company, inside, sources_dir
from .yamlio import load_yaml_file


def registry_path(company: str) -> Path:
    return sources_dir() / f"{check_company(company)}.yaml"


def list_companies() -> list[str]:
    return sorted(path.stem for path in sources_dir().glob("*.yaml"))


def load_company(company: str) -> Company:
    path = registry_path(company)
    if not path.is_file():
        known = ", ".join(list_companies()) or "none"
        raise InputError(f"unknown company {company!r}: {path} does not exist (known: {known})")
    data = load_yaml_file(path)
    if not isinstance(data, dict):
        raise InputError(f"{path}: expected a mapping with 'name', 'slug' and 'sources'")
    try:
        parsed = Company.model_validate(data)
    except ValidationError as error:
        raise InputError(describe_validation_error(path, data, error)) from None
    if parsed.slug != company:
        raise InputError(f"{path}: field 'slug' is {parsed.slug!r}, expected {company!r} (the file name)")
    check_unique_ids(path, parsed.sources)
    for source in parsed.sources:
        if source.file:
            local_file(source, path)
    return parsed


def describe_validation_error(path: Path, data: dict, error: ValidationError) -> str:
    lines = [f"{path}: invalid source registry"]
    for problem in error.errors():
        location = problem["loc"]
        where = ".".join(str(part) for part in location) or "(top level)"
        if len(location) >= 2 and location[0] == "sources" and isinstance(location[1], int):
            entries = data.get("sources") or []
            entry = entries[location[1]] if location[1] < len(entries) else {}
            label = entry.get("id") if isinstance(entry, dict) else None
            field = ".".join(str(part) for part in location[2:]) or "(entry)"
            where = f"entry {location[1] + 1}" + (f" (id {label!r})" if label else "") + f", field {field!r}"
        lines.append(f"  {where}: {problem['msg']}")
    return "\n".join(lines)


def check_unique_ids(path: Path, sources: list[Source]) -> None:
    seen: set[str] = set()
    for source in sources:
        if source.id in seen:
            raise InputError(f"{path}: source id {source.id!r} is used twice")
        seen.add(source.id)


def local_file(source: Source, registry: Path) -> Path:
    """The local file of a source, refused if it leaves sources/."""
    assert source.file
    resolved = inside(sources_dir(), source.file, f"{registry} entry {source.id!r} field 'file'")
    if not resolved.is_file():
        raise InputError(f"{registry}: entry {source.id!r} field 'file': {resolved} does not exist")
    return resolved
