"""Where things live, and the rule that every path stays inside the project."""

from __future__ import annotations

import os
from pathlib import Path

from .errors import InputError
from .models import SLUG_RE


def project_root() -> Path:
    configured = os.environ.get("POSTGEN_HOME")
    if configured:
        return Path(configured).resolve()
    return Path(__file__).resolve().parent.parent


def sources_dir() -> Path:
    return project_root() / "sources"


def outputs_dir() -> Path:
    return project_root() / "outputs"


def prompts_dir() -> Path:
    return project_root() / "prompts"


def state_dir() -> Path:
    """Run state that is not committed: LLM call log and cache."""
    return Path(os.environ.get("POSTGEN_STATE_DIR", project_root() / ".postgen"))


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
