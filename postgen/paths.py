"""Where things live, and the rule that every path stays inside the project.

The project (the workspace) is `--project DIR`, else the nearest directory from the current
one upwards that holds postgen.toml, else the current directory. Never the package's location.
"""

from __future__ import annotations

from pathlib import Path

from .errors import InputError
from .models import SLUG_RE

WORKSPACE_MARKER = "postgen.toml"

# Set by the CLI's --project for the current invocation; None means "look from the current directory".
_chosen_root: Path | None = None


def choose_project(directory: Path | None) -> None:
    global _chosen_root
    if directory is not None and not directory.is_dir():
        raise InputError(f"--project {directory}: no such directory")
    _chosen_root = directory.resolve() if directory is not None else None


def chosen_project() -> Path | None:
    return _chosen_root


def find_workspace(start: Path) -> Path | None:
    """The nearest directory from `start` upwards (itself included) that holds the workspace marker."""
    for directory in (start, *start.parents):
        if (directory / WORKSPACE_MARKER).is_file():
            return directory
    return None


def project_root() -> Path:
    if _chosen_root is not None:
        return _chosen_root
    here = Path.cwd()
    return find_workspace(here) or here


def sources_dir() -> Path:
    return project_root() / "sources"


def outputs_dir() -> Path:
    return project_root() / "outputs"


def prompts_dir() -> Path:
    """The workspace's prompt overrides; the packaged prompts fill in the rest."""
    return project_root() / "prompts"


def gold_dir() -> Path:
    """Hand-annotated gold sets for `postgen eval --quality`."""
    return project_root() / "evals" / "gold"


def baseline_file() -> Path:
    """The quality floors `postgen eval --quality` holds each company to."""
    return project_root() / "evals" / "baseline.yaml"


def check_company(company: str) -> str:
    if not SLUG_RE.match(company or ""):
        raise InputError(
            f"invalid company {company!r}: use the slug of a file in sources/ "
            "(lowercase letters, digits and '-')"
        )
    return company


def inside(base: Path, relative: str, what: str) -> Path:
    """Resolve `relative` under `base`, refusing anything that escapes it."""
    if relative.startswith("file:"):
        relative = relative[len("file:"):]
    candidate = (base / relative).resolve()
    base_resolved = base.resolve()
    if candidate != base_resolved and base_resolved not in candidate.parents:
        raise InputError(f"{what}: path {relative!r} is outside {base_resolved}")
    return candidate


def company_output_dir(company: str) -> Path:
    return outputs_dir() / check_company(company)


def snapshot_root(company: str) -> Path:
    return sources_dir() / check_company(company) / "snapshots"
