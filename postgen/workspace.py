"""`postgen init`: make a directory a workspace, without ever overwriting a file that is there."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .paths import WORKSPACE_MARKER
from .prompts import packaged_prompts_dir
from .settings import ENV_FILE, documented

MARKER_TEXT = """\
# This directory is a postgen workspace. postgen looks for this file from the current directory
# upwards and reads sources/, outputs/, prompts/, evals/gold/ and .env next to it; run state goes
# to .postgen/. The file itself may stay empty.
"""
GITIGNORE_LINE = ".postgen/"
DIRECTORIES = ("sources", "outputs", "prompts")


@dataclass
class Entry:
    path: str  # relative to the workspace
    created: bool
    note: str = ""


def prompts_readme() -> str:
    return (
        "# Prompt overrides\n\n"
        "A file here overrides the packaged prompt of the same name: copy one of the packaged\n"
        f"prompts from {packaged_prompts_dir()}\n"
        "into this folder and edit it. Prompts not found here are read from the package.\n"
    )


def env_example() -> str:
    lines = [
        "# postgen settings: copy this file to .env and uncomment what you change.",
        "# A variable set in the environment wins over .env; each line below shows the default.",
    ]
    for item in documented():
        lines.append("")
        lines.append(f"# {item.description}" + (f" Default: {item.default}." if item.computed else ""))
        lines.append(f"# {item.variable}=" + ("" if item.computed else item.default))
    return "\n".join(lines) + "\n"


def gitignore_note(path: Path) -> str:
    lines = {line.strip() for line in path.read_text(encoding="utf-8", errors="replace").splitlines()}
    if lines & {GITIGNORE_LINE, ".postgen", "/.postgen/", "/.postgen"}:
        return ""
    return f"it does not ignore {GITIGNORE_LINE}: add that line to keep run state out of git"


def make_directory(root: Path, name: str) -> Entry:
    path = root / name
    if path.is_dir():
        return Entry(name + "/", created=False)
    if path.exists():
        raise InputError(f"{path} exists and is not a directory; move it away and run `postgen init` again")
    path.mkdir()
    return Entry(name + "/", created=True)


def make_file(root: Path, name: str, text: str) -> Entry:
    path = root / name
    if path.exists():
        note = gitignore_note(path) if name == ".gitignore" and path.is_file() else ""
        return Entry(name, created=False, note=note)
    path.write_text(text, encoding="utf-8")
    return Entry(name, created=True)


def init_workspace(root: Path) -> list[Entry]:
    """Create what is missing of a workspace in `root` and report every item, created or kept."""
    if root.exists() and not root.is_dir():
        raise InputError(f"{root} is a file, not a directory")
    root.mkdir(parents=True, exist_ok=True)
    entries = [make_file(root, WORKSPACE_MARKER, MARKER_TEXT)]
    entries += [make_directory(root, name) for name in DIRECTORIES]
    entries.append(make_file(root, "prompts/README.md", prompts_readme()))
    entries.append(make_file(root, ENV_FILE + ".example", env_example()))
    entries.append(make_file(root, ".gitignore", GITIGNORE_LINE + "\n"))
    return entries
