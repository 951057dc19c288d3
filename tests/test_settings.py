"""Settings: one typed object read when a command runs; a bad value is a clear error, never a traceback."""

from __future__ import annotations

import re

import pytest

from postgen.settings import documented
from tests.helpers import REPO

BAD_VALUES = [
    ("POSTGEN_LLM_TIMEOUT", "abc", "valid number"),
    ("POSTGEN_CONCURRENCY", "0", "greater than or equal to 1"),
    ("POSTGEN_LLM_ATTEMPTS", "two", "valid integer"),
    ("POSTGEN_FETCH_MAX_BYTES", "-5", "greater than or equal to 1"),
    ("POSTGEN_ALLOW_PRIVATE_URLS", "maybe", "valid boolean"),
    ("POSTGEN_STRUCTURED_METHOD", "xml", "'json_schema', 'function_calling' or 'json_mode'"),
]


@pytest.mark.parametrize("variable, value, problem", BAD_VALUES, ids=[case[0] for case in BAD_VALUES])
def test_a_bad_value_in_the_environment_names_the_variable(project, variable, value, problem):
    done = project.postgen("fetch", "--company", "acme", env={variable: value})
    assert done.returncode == 2, done.stdout + done.stderr
    assert f"invalid setting {variable}={value!r} (in the environment)" in done.stderr
    assert problem in done.stderr
    assert "Traceback" not in done.stderr
    assert not (project.sources / "acme" / "snapshots").exists()


def test_a_bad_value_in_env_file_names_the_file(project):
    (project.root / ".env").write_text("POSTGEN_FETCH_TIMEOUT=soon\n", encoding="utf-8")
    done = project.postgen("fetch", "--company", "acme")
    assert done.returncode == 2
    assert f"invalid setting POSTGEN_FETCH_TIMEOUT='soon' (in {project.root / '.env'})" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_environment_wins_over_env_file(project):
    (project.root / ".env").write_text("POSTGEN_FETCH_TIMEOUT=soon\n", encoding="utf-8")
    done = project.postgen("fetch", "--company", "acme", env={"POSTGEN_FETCH_TIMEOUT": "5"})
    assert done.returncode == 0, done.stderr


def test_an_empty_value_counts_as_unset(project):
    done = project.postgen("fetch", "--company", "acme", env={"POSTGEN_FETCH_TIMEOUT": "", "POSTGEN_CONCURRENCY": ""})
    assert done.returncode == 0, done.stderr


def test_the_readme_table_lists_every_setting_with_its_default():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    rows = {match.group(1): match.group(2).strip() for match in
            re.finditer(r"^\| `([A-Z_]+)` \| ([^|]*) \|", readme, re.MULTILINE)}
    for item in documented():
        assert item.variable in rows, f"README has no row for {item.variable}"
        assert rows[item.variable].strip("`") == item.default, item.variable
    assert set(rows) == {item.variable for item in documented()}
