"""Every setting postgen reads from the environment or the workspace's .env, in one typed object.

Settings are read when a command needs them, never at import time, so the workspace (and
its .env) is known by then. The environment wins over .env; an empty value counts as unset.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from .errors import InputError
from .paths import project_root

ENV_FILE = ".env"


class SettingsError(InputError):
    """A setting has a value postgen cannot use."""


def setting(default, variable: str, description: str, *, shown_default: str | None = None, **constraints):
    """A field read from `variable`; `shown_default` documents a default that is computed at run time."""
    extra = {"shown_default": shown_default} if shown_default else None
    return Field(default, validation_alias=variable, description=description, json_schema_extra=extra, **constraints)


class Secrets(BaseSettings):
    """The API keys: kept apart so that errors can be redacted even when another setting is invalid."""

    model_config = SettingsConfigDict(extra="ignore", env_ignore_empty=True)

    postgen_api_key: SecretStr | None = setting(
        None, "POSTGEN_API_KEY", "API key sent to an OpenAI-compatible server (falls back to OPENAI_API_KEY).",
        shown_default="none")
    openai_api_key: SecretStr | None = setting(
        None, "OPENAI_API_KEY", "API key for --llm openai:MODEL.", shown_default="none")

    def api_key(self) -> str | None:
        chosen = self.postgen_api_key or self.openai_api_key
        return chosen.get_secret_value() if chosen else None

    def values(self) -> list[str]:
        """Keys long enough to be worth hiding (a one-letter key would blank out the text)."""
        keys = [key.get_secret_value() for key in (self.postgen_api_key, self.openai_api_key) if key]
        return [key for key in keys if len(key) >= 6]


class Settings(Secrets):
    llm: str = setting(
        "local", "POSTGEN_LLM",
        "Which LLM: 'local' (the embedded model), 'openai:MODEL', or an OpenAI-compatible base URL. --llm overrides it.")
    model: str | None = setting(
        None, "POSTGEN_MODEL", "Model name on an OpenAI-compatible server. --model overrides it.", shown_default="none")
    structured_method: Literal["json_schema", "function_calling", "json_mode"] = setting(
        "json_schema", "POSTGEN_STRUCTURED_METHOD",
        "How a server is asked for structured answers: json_schema, function_calling or json_mode.")
    llm_timeout: float = setting(120.0, "POSTGEN_LLM_TIMEOUT", "Seconds before one LLM request is abandoned.", gt=0)
    llm_attempts: int = setting(4, "POSTGEN_LLM_ATTEMPTS",
                                "Attempts per LLM request (429, 5xx, timeouts and connection errors are retried).", ge=1)
    llm_backoff: float = setting(1.0, "POSTGEN_LLM_BACKOFF",
                                 "Seconds before the first retry, doubled each time (at most 30); Retry-After wins.", ge=0)
    concurrency: int = setting(4, "POSTGEN_CONCURRENCY", "Chunks sent to a server at once (the embedded model runs one).",
                               ge=1)
    threads: int | None = setting(None, "POSTGEN_THREADS", "CPU threads for the embedded model.",
                                  shown_default="number of CPUs", ge=1)
    model_dir: Path | None = setting(None, "POSTGEN_MODEL_DIR", "Where the embedded model file is assembled.",
                                     shown_default="$XDG_CACHE_HOME/postgen/models, else ~/.cache/postgen/models")
    cache_home: Path | None = setting(None, "XDG_CACHE_HOME", "The user's cache directory (the standard variable).",
                                      shown_default="~/.cache")
    state_dir: Path | None = setting(None, "POSTGEN_STATE_DIR",
                                     "Run state: the LLM call log and cache (llm.sqlite). Relative to the workspace.",
                                     shown_default=".postgen")
    fetch_timeout: int = setting(20, "POSTGEN_FETCH_TIMEOUT", "Seconds before a source download is abandoned.", ge=1)
    fetch_max_bytes: int = setting(5_000_000, "POSTGEN_FETCH_MAX_BYTES", "Largest source page downloaded, in bytes.",
                                   ge=1)
    allow_private_urls: bool = setting(
        False, "POSTGEN_ALLOW_PRIVATE_URLS",
        "Allow sources on loopback and private addresses (off: protects against server-side request forgery).")
    chromium: Path = setting(Path("/usr/bin/chromium"), "POSTGEN_CHROMIUM", "The Chromium binary `postgen render` drives.")

    def model_directory(self) -> Path:
        if self.model_dir:
            return self.model_dir.expanduser()
        return (self.cache_home or Path.home() / ".cache").expanduser() / "postgen" / "models"

    def state_directory(self) -> Path:
        return project_root() / (self.state_dir.expanduser() if self.state_dir else ".postgen")

    def cpu_threads(self) -> int:
        return self.threads or os.cpu_count() or 2


def env_file() -> Path:
    return project_root() / ENV_FILE


def read(kind: type[Secrets]) -> Secrets:
    path = env_file()
    try:
        return kind(_env_file=path if path.is_file() else None)
    except ValidationError as error:
        raise SettingsError(describe_invalid(error, path)) from None


def load_settings() -> Settings:
    """The settings now: the environment, then the workspace's .env, then the defaults."""
    return read(Settings)


def load_secrets() -> Secrets:
    return read(Secrets)


def describe_invalid(error: ValidationError, path: Path) -> str:
    environment = {name.upper() for name in os.environ}
    lines = []
    for problem in error.errors():
        variable = str(problem["loc"][0]) if problem["loc"] else "?"
        where = "in the environment" if variable.upper() in environment else f"in {path}"
        lines.append(f"invalid setting {variable}={problem['input']!r} ({where}): {problem['msg']}")
    return "\n".join(lines)


@dataclass(frozen=True)
class Documented:
    variable: str
    default: str  # as a user would write it, or a description when it is computed at run time
    description: str
    computed: bool


def documented() -> list[Documented]:
    """Every setting with its default and what it does: for the README table and .env.example."""
    fields = Settings.model_fields
    first = ["llm", "model", *Secrets.model_fields]  # the keys belong with the choice of LLM
    rows = []
    for field in [fields[name] for name in first] + [f for name, f in fields.items() if name not in first]:
        computed = (field.json_schema_extra or {}).get("shown_default")
        default = computed or (str(field.default).lower() if isinstance(field.default, bool) else str(field.default))
        rows.append(Documented(field.validation_alias, default, field.description, computed=bool(computed)))
    return rows
