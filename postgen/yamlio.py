"""YAML reading with errors that name the file, line and column."""

from __future__ import annotations

import io
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError

from .errors import InputError


def round_trip_yaml() -> YAML:
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 100
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def load_yaml_file(path: Path, *, round_trip: bool = False):
    if not path.is_file():
        raise InputError(f"{path}: file not found")
    text = path.read_text(encoding="utf-8")
    yaml = round_trip_yaml() if round_trip else YAML(typ="safe")
    try:
        return yaml.load(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "unknown position"
        raise InputError(f"{path}: malformed YAML at {where}: {error.problem or error}") from None


def dump_yaml(data, *, round_trip: bool = True) -> str:
    yaml = round_trip_yaml() if round_trip else YAML(typ="safe")
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()
