"""Shared test helpers: a temporary postgen project and running the real CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
POSTGEN = [sys.executable, "-m", "postgen.cli"]


def make_project(root: Path, company: str = "acme", registry: str | None = None,
                 files: dict[str, str] | None = None) -> Path:
    """A workspace (postgen.toml, sources/, outputs/) with one company registry; prompts are the packaged ones."""
    (root / "sources").mkdir(parents=True, exist_ok=True)
    (root / "outputs").mkdir(exist_ok=True)
    (root / "postgen.toml").write_text("# a postgen workspace for one test\n", encoding="utf-8")
    for relative, content in (files or {}).items():
        path = root / "sources" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    if registry is not None:
        (root / "sources" / f"{company}.yaml").write_text(registry, encoding="utf-8")
    return root


def run_cli(project: Path, *args: str, env: dict | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run the CLI in a child process whose current directory is the workspace."""
    environment = {**os.environ, "POSTGEN_STATE_DIR": str(project / ".state"), "COLUMNS": "200", **(env or {})}
    return subprocess.run([*POSTGEN, *args], cwd=project, env=environment, capture_output=True, text=True,
                          timeout=timeout)
