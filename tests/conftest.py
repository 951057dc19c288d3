"""Shared fixtures: a stub OpenAI server and a throw-away project directory."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from stub_openai import StubOpenAI  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
POSTGEN = REPO / ".venv" / "bin" / "postgen"

# Two sources. Names the lexicon knows (Kafka, PostgreSQL, Rust, Spark) need no model call; the
# in-house names (Grafonix, Quillmate; Ledgerline) do, so an extraction asks the model once per source.
# Rust's sentence gives it no description; every other claim has one.
PLATFORM_TEXT = (
    "Acme's order pipeline is built on Apache Kafka. "
    "PostgreSQL stores every invoice of the billing service. "
    "Our newest payment router is in Rust. "
    "The sales dashboards are rendered by Grafonix from PostgreSQL tables. "
    "The nightly refunds are scheduled by Quillmate, our in-house job runner.\n"
)
DATA_TEXT = (
    "The analytics team at Acme reads click events from Kafka every minute. "
    "The nightly reports are processed by Apache Spark. "
    "The finance team reads them in Ledgerline, our monthly reporting portal.\n"
)
ACME_YAML = """\
name: Acme
slug: acme
sources:
  - id: platform
    title: How Acme builds its platform
    file: acme/files/platform.txt
  - id: data
    title: Data at Acme
    file: acme/files/data.txt
"""

# Settings that keep runs fast and deterministic; anything from the developer's shell that
# could change a run is removed (every POSTGEN_* variable too, except where the model lives).
KEPT_POSTGEN = ("POSTGEN_MODEL_DIR",)
CLEARED = tuple(name for name in os.environ if name.startswith("POSTGEN_") and name not in KEPT_POSTGEN) + (
    "OPENAI_API_KEY", "OPENAI_BASE_URL", "HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY")
DEFAULTS = {
    "POSTGEN_LLM_ATTEMPTS": "3",
    "POSTGEN_LLM_BACKOFF": "0.01",
    "POSTGEN_LLM_TIMEOUT": "10",
    "POSTGEN_CONCURRENCY": "1",
    "NO_PROXY": "127.0.0.1,localhost",
    "no_proxy": "127.0.0.1,localhost",
    "COLUMNS": "200",
}


@dataclass
class Outcome:
    returncode: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


@dataclass
class Project:
    root: Path
    state: Path
    env: dict = field(default_factory=dict)

    @property
    def sources(self) -> Path:
        return self.root / "sources"

    def outputs(self, company: str = "acme") -> Path:
        return self.root / "outputs" / company

    def write_source_file(self, company: str, name: str, text: str | bytes) -> Path:
        path = self.sources / company / "files" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
        return path

    def write_registry(self, company: str, text: str) -> Path:
        path = self.sources / f"{company}.yaml"
        path.write_text(text, encoding="utf-8")
        return path

    def postgen(self, *args: str, env: dict | None = None, timeout: float = 60) -> Outcome:
        """Run the installed `postgen` command in a child process."""
        done = subprocess.run([str(POSTGEN), *args], cwd=self.root, env={**self.env, **(env or {})},
                              capture_output=True, text=True, timeout=timeout)
        return Outcome(done.returncode, done.stdout, done.stderr)

    def cli(self, *args: str, env: dict | None = None) -> "Outcome":
        """Run the same CLI in this process (typer's CliRunner): much faster than a child process."""
        from typer.testing import CliRunner

        from postgen.cli import app

        result = CliRunner().invoke(app, list(args), env={**self.env, **(env or {})})
        stderr = result.stderr
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            import traceback

            stderr += "".join(traceback.format_exception(result.exception))
        return Outcome(result.exit_code, result.stdout, stderr)

    def spawn(self, *args: str, env: dict | None = None) -> subprocess.Popen:
        return subprocess.Popen([str(POSTGEN), *args], cwd=self.root, env={**self.env, **(env or {})},
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.fixture
def stub_llm():
    server = StubOpenAI().start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(autouse=True)
def no_project_left_chosen():
    """--project given to an in-process CLI run must not leak into the next test."""
    yield
    from postgen.paths import choose_project

    choose_project(None)


@pytest.fixture
def project(tmp_path, monkeypatch) -> Project:
    """A temporary workspace (postgen.toml, the packaged prompts) that is the current directory:
    company 'acme' with two local-file sources, and POSTGEN_STATE_DIR outside it."""
    root = tmp_path / "project"
    (root / "sources").mkdir(parents=True)
    (root / "postgen.toml").write_text("# a postgen workspace for one test\n", encoding="utf-8")
    monkeypatch.chdir(root)
    state = tmp_path / "state"
    project = Project(root, state)
    project.write_registry("acme", ACME_YAML)
    project.write_source_file("acme", "platform.txt", PLATFORM_TEXT)
    project.write_source_file("acme", "data.txt", DATA_TEXT)
    for name in CLEARED:
        monkeypatch.delenv(name, raising=False)
    settings = {**DEFAULTS, "POSTGEN_STATE_DIR": str(state)}
    for name, value in settings.items():
        monkeypatch.setenv(name, value)
    project.env = {key: value for key, value in os.environ.items() if key not in CLEARED} | settings
    return project
