"""Prompt templates are jinja2 files: the workspace's prompts/ first, then the packaged ones."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined

from .grammar import possessive
from .paths import prompts_dir

PACKAGED_PROMPTS = "postgen.default_prompts"


def packaged_prompts_dir() -> Path:
    return Path(str(files(PACKAGED_PROMPTS)))


@lru_cache(maxsize=4)
def environment(overrides: Path) -> Environment:
    loaders = [FileSystemLoader(str(overrides)), FileSystemLoader(str(packaged_prompts_dir()))]
    found = Environment(
        loader=ChoiceLoader(loaders),
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=False,
    )
    found.filters["possessive"] = possessive  # "The National Archives'" as well as "Spotify's"
    return found


def render(name: str, **values) -> str:
    return environment(prompts_dir()).get_template(name).render(**values).strip()
