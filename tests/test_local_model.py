"""The real embedded model (Qwen2.5-Coder-1.5B-Instruct Q4_K_M) on one short paragraph."""

from __future__ import annotations

import pytest
from ruamel.yaml import YAML

from postgen import modelstore
from tests.helpers import make_project, run_cli

# Cassandra is in the lexicon, so it is a candidate; the comparison wording must keep it out.
PARAGRAPH = (
    "Acme's checkout service is written in Go and stores orders in PostgreSQL. "
    "Unlike Netflix with its Cassandra clusters, Acme keeps every order in that one database.\n"
)

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def installed_model():
    status = modelstore.status()
    if not status.verified:
        pytest.fail(f"the embedded model is not installed at {status.path}: run `postgen model install` (scripts/bootstrap does)")
    return status


def test_the_model_file_is_the_pinned_one(installed_model):
    assert installed_model.size == modelstore.MODEL_SIZE
    assert modelstore.sha256_of(installed_model.path) == modelstore.MODEL_SHA256


def test_real_model_extracts_a_grounded_claim_from_a_paragraph(tmp_path, installed_model):
    registry = "name: Acme\nslug: acme\nsources:\n  - id: note\n    file: acme/files/note.txt\n"
    project = make_project(tmp_path, registry=registry, files={"acme/files/note.txt": PARAGRAPH})
    assert run_cli(project, "fetch", "--company", "acme").returncode == 0
    result = run_cli(project, "extract", "--company", "acme", "--llm", "local", timeout=600)
    assert result.returncode == 0, result.stderr
    claims_file = YAML(typ="safe").load((project / "outputs" / "acme" / "claims.yaml").read_text())
    claims = {claim["technology"]: claim for claim in claims_file["claims"]}
    assert "PostgreSQL" in claims, f"no PostgreSQL claim; got {sorted(claims)} and rejected {claims_file['rejected']}"
    citation = claims["PostgreSQL"]["citations"][0]
    assert PARAGRAPH[citation["start"]:citation["end"]] == citation["quote"]
    assert "PostgreSQL" in citation["quote"]
    assert "Apache Cassandra" not in claims
    compared = [item for item in claims_file["rejected"] if item["technology"] == "Apache Cassandra"]
    assert compared and "comparison" in compared[0]["reason"], claims_file["rejected"]
    assert claims_file["model"]["sha256"] == modelstore.MODEL_SHA256
