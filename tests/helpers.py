"""Shared test helpers: a temporary postgen project and running the real CLI."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
POSTGEN = [sys.executable, "-m", "postgen.cli"]


def make_project(root: Path, company: str = "acme", registry: str | None = None,
                 files: dict[str, str] | None = None) -> Path:
    """A project directory with prompts/ and one company registry."""
    (root / "sources").mkdir(parents=True, exist_ok=True)
    (root / "outputs").mkdir(exist_ok=True)
    if not (root / "prompts").exists():
        shutil.copytree(REPO / "prompts", root / "prompts")
    for relative, content in (files or {}).items():
        path = root / "sources" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    if registry is not None:
        (root / "sources" / f"{company}.yaml").write_text(registry, encoding="utf-8")
    return root


def run_cli(project: Path, *args: str, env: dict | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    environment = {**os.environ, "POSTGEN_HOME": str(project), "POSTGEN_STATE_DIR": str(project / ".state"),
                   "COLUMNS": "200", **(env or {})}
    return subprocess.run([*POSTGEN, *args], cwd=project, env=environment, capture_output=True, text=True,
                          timeout=timeout)
