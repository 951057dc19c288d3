"""The real embedded model (Qwen2.5-Coder-1.5B-Instruct Q4_K_M) on one short paragraph."""

from __future__ import annotations

import pytest
from ruamel.yaml import YAML

from postgen import modelstore
from postgen.extract import READINGS
from postgen.models import TAGS
from tests.helpers import make_project, run_cli

# Ordwise is an in-house name the lexicon lacks: only the model can say it is software. Priya Raman
# (a person) and Globex (a company) are candidates too, and must not become claims. PostgreSQL is
# in the lexicon and needs no model call; Cassandra is too, but the comparison wording keeps it out.
PARAGRAPH = (
    "Acme's checkout service keeps orders in PostgreSQL through Ordwise, our in-house query layer. "
    "Ordwise was written by Priya Raman, who joined from Globex last year. "
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


def test_real_model_tells_an_in_house_tool_from_a_person_and_a_company(tmp_path, installed_model):
    registry = "name: Acme\nslug: acme\nsources:\n  - id: note\n    file: acme/files/note.txt\n"
    project = make_project(tmp_path, registry=registry, files={"acme/files/note.txt": PARAGRAPH})
    assert run_cli(project, "fetch", "--company", "acme").returncode == 0
    result = run_cli(project, "extract", "--company", "acme", "--llm", "local", timeout=600)
    assert result.returncode == 0, result.stderr
    claims_file = YAML(typ="safe").load((project / "outputs" / "acme" / "claims.yaml").read_text())
    claims = {claim["technology"]: claim for claim in claims_file["claims"]}
    rejected = {item["technology"]: item["reason"] for item in claims_file["rejected"]}
    extract_stats = next(stat for stat in claims_file["stats"] if stat["stage"] == "extract")
    assert extract_stats["llm_calls"] == len(READINGS)  # one chunk of the three unknown names, read twice
    assert claims_file["model"]["sha256"] == modelstore.MODEL_SHA256

    assert "Ordwise" in claims, f"no Ordwise claim; got {sorted(claims)} and rejected {rejected}"
    assert claims["Ordwise"]["tag"] in TAGS
    for citation in claims["Ordwise"]["citations"]:
        assert PARAGRAPH[citation["start"]:citation["end"]] == citation["quote"]
        assert "Ordwise" in citation["quote"]
    for name in ("Priya Raman", "Globex"):
        assert name not in claims, f"the model called {name} a technology"
        assert rejected[name].startswith("model: ") and rejected[name].endswith("not a technology"), rejected
    assert "PostgreSQL" in claims  # known to the lexicon: no model call needed
    assert "Apache Cassandra" not in claims
    assert rejected["Apache Cassandra"] == 'in a contrast that opens the sentence ("Unlike")'
