"""The workspace is where the user is: `postgen init`, finding postgen.toml upwards, --project,
.env and prompt overrides read from the workspace, never from the package's location."""

from __future__ import annotations

import subprocess
from pathlib import Path

from postgen.prompts import packaged_prompts_dir
from postgen.settings import documented
from tests.helpers import REPO

POSTGEN = REPO / ".venv" / "bin" / "postgen"

LAYOUT = ["postgen.toml", "sources/", "outputs/", "prompts/", "prompts/README.md", ".env.example", ".gitignore"]


def postgen(cwd: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(POSTGEN), *args], cwd=cwd, capture_output=True, text=True, timeout=120,
                          env={"PATH": "/usr/bin:/bin", "HOME": str(Path.home()), "COLUMNS": "200", **(env or {})})


def listing(directory: Path) -> dict[str, tuple[int, int]]:
    return {str(path.relative_to(directory)): (path.stat().st_size, path.stat().st_mtime_ns)
            for path in sorted(directory.rglob("*"))}


def test_init_makes_a_workspace_and_a_second_run_changes_nothing(tmp_path):
    done = postgen(tmp_path, "init")
    assert done.returncode == 0, done.stderr
    for entry in LAYOUT:
        assert f"created {entry}" in done.stdout
        assert (tmp_path / entry.rstrip("/")).exists()
    assert (tmp_path / ".gitignore").read_text().splitlines() == [".postgen/"]
    assert "overrides the packaged prompt of the same name" in (tmp_path / "prompts" / "README.md").read_text()
    assert list((tmp_path / "prompts").iterdir()) == [tmp_path / "prompts" / "README.md"]

    before = listing(tmp_path)
    again = postgen(tmp_path, "init")
    assert again.returncode == 0, again.stderr
    assert "created" not in again.stdout and "already a workspace; nothing changed" in again.stdout
    assert listing(tmp_path) == before


def test_init_never_overwrites_and_says_what_it_kept(tmp_path):
    target = tmp_path / "new" / "place"
    target.mkdir(parents=True)
    (target / ".gitignore").write_text("node_modules/\n")
    (target / "postgen.toml").write_text("# mine\n")
    done = postgen(tmp_path, "init", str(target))
    assert done.returncode == 0, done.stderr
    assert (target / ".gitignore").read_text() == "node_modules/\n"
    assert (target / "postgen.toml").read_text() == "# mine\n"
    assert "kept    postgen.toml (already there)" in done.stdout
    assert "kept    .gitignore (already there): it does not ignore .postgen/" in done.stdout
    assert "created sources/" in done.stdout


def test_init_refuses_a_file_where_a_folder_belongs(tmp_path):
    (tmp_path / "sources").write_text("not a folder")
    done = postgen(tmp_path, "init")
    assert done.returncode == 2
    assert f"{tmp_path / 'sources'} exists and is not a directory" in done.stderr
    assert (tmp_path / "sources").read_text() == "not a folder"


def test_env_example_lists_every_setting_with_its_default(tmp_path):
    postgen(tmp_path, "init")
    example = (tmp_path / ".env.example").read_text()
    for item in documented():
        expected = f"# {item.variable}=" + ("" if item.computed else item.default)
        assert expected in example.splitlines(), expected


def test_the_workspace_is_found_from_a_subdirectory_and_its_env_is_read(tmp_path):
    postgen(tmp_path, "init")
    (tmp_path / ".env").write_text("POSTGEN_LLM=no-such-llm\n")
    (tmp_path / "sources" / "acme.yaml").write_text(
        "name: Acme\nslug: acme\nsources:\n  - id: a\n    file: acme/a.txt\n")
    (tmp_path / "sources" / "acme").mkdir()
    (tmp_path / "sources" / "acme" / "a.txt").write_text("Acme stores orders in PostgreSQL.\n")
    deep = tmp_path / "sources" / "acme"

    fetched = postgen(deep, "fetch", "--company", "acme")
    assert fetched.returncode == 0, fetched.stderr
    assert (tmp_path / "sources" / "acme" / "snapshots" / "a" / "text.txt").is_file()

    refused = postgen(deep, "extract", "--company", "acme")
    assert refused.returncode == 2
    assert "unknown --llm value 'no-such-llm'" in refused.stderr
    assert not (tmp_path / "outputs" / "acme").exists()


def test_project_option_wins_over_the_current_directory(tmp_path):
    workspace, elsewhere = tmp_path / "workspace", tmp_path / "elsewhere"
    elsewhere.mkdir()
    postgen(tmp_path, "init", str(workspace))
    postgen(elsewhere, "init")
    (workspace / "sources" / "acme.yaml").write_text("name: Acme\nslug: acme\nsources:\n  - id: a\n    url: https://example.com/a\n")
    listed = postgen(elsewhere, "--project", str(workspace), "sources", "list")
    assert listed.returncode == 0, listed.stderr
    assert "https://example.com/a" in listed.stdout
    assert "https://example.com/a" not in postgen(elsewhere, "sources", "list").stdout
    missing = postgen(elsewhere, "--project", str(tmp_path / "nowhere"), "sources", "list")
    assert missing.returncode == 2 and "--project" in missing.stderr and "no such directory" in missing.stderr


def test_without_a_marker_the_current_directory_is_the_workspace(tmp_path):
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "solo.yaml").write_text("name: Solo\nslug: solo\nsources:\n  - id: a\n    url: https://example.com/solo\n")
    listed = postgen(tmp_path, "sources", "list")
    assert listed.returncode == 0, listed.stderr
    assert "https://example.com/solo" in listed.stdout


def test_a_workspace_prompt_overrides_the_packaged_one(project, stub_llm):
    packaged = (packaged_prompts_dir() / "extract_system.j2").read_text(encoding="utf-8")
    (project.root / "prompts").mkdir()
    (project.root / "prompts" / "extract_system.j2").write_text(packaged + "\nOVERRIDE-MARK-7731\n", encoding="utf-8")
    assert project.cli("fetch", "--company", "acme").returncode == 0
    done = project.cli("draft", "--company", "acme", "--llm", stub_llm.url, "--model", "stub")
    assert done.returncode == 0, done.output
    systems = [r.messages[0]["content"] for r in stub_llm.requests if r.schema_name == "ChunkAnswers"]
    assert systems and all("OVERRIDE-MARK-7731" in text for text in systems)
    others = [r.messages[0]["content"] for r in stub_llm.requests if r.schema_name != "ChunkAnswers"]
    assert others and all("OVERRIDE-MARK-7731" not in text for text in others)  # the writer's prompt is the packaged one
