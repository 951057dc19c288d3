"""Every LLM call, logged in SQLite; the same store answers identical requests again."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import time
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS calls (
    id INTEGER PRIMARY KEY,
    at REAL NOT NULL,
    model TEXT NOT NULL,
    purpose TEXT NOT NULL,
    request_key TEXT NOT NULL,
    tokens_in INTEGER,
    tokens_out INTEGER,
    latency_ms INTEGER,
    outcome TEXT NOT NULL,
    detail TEXT
);
CREATE TABLE IF NOT EXISTS answers (
    request_key TEXT PRIMARY KEY,
    model TEXT NOT NULL,
    answer TEXT NOT NULL,
    raw TEXT,
    tokens_in INTEGER,
    tokens_out INTEGER,
    stored_at REAL NOT NULL
);
"""


def request_key(model: str, messages: list[dict], schema: dict, extra: dict) -> str:
    """Identity of a request: model, the full messages, the output schema and decoding options."""
    payload = json.dumps(
        {"model": model, "messages": messages, "schema": schema, "extra": extra},
        sort_keys=True,
        ensure_ascii=False,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class CallStore:
    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, check_same_thread=False, timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.executescript(SCHEMA)

    def cached(self, key: str) -> dict | None:
        with self._lock:
            row = self._db.execute(
                "SELECT answer, raw, tokens_in, tokens_out FROM answers WHERE request_key = ?", (key,)
            ).fetchone()
        if row is None:
            return None
        return {"answer": json.loads(row[0]), "raw": row[1], "tokens_in": row[2], "tokens_out": row[3]}

    def remember(self, key: str, model: str, answer: dict, raw: str | None, tokens_in: int, tokens_out: int) -> None:
        with self._lock, self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?, ?, ?, ?)",
                (key, model, json.dumps(answer, ensure_ascii=False), raw, tokens_in, tokens_out, time.time()),
            )

    def log(self, *, model: str, purpose: str, key: str, tokens_in: int, tokens_out: int,
            latency_ms: int, outcome: str, detail: str | None = None) -> None:
        with self._lock, self._db:
            self._db.execute(
                "INSERT INTO calls (at, model, purpose, request_key, tokens_in, tokens_out, latency_ms, outcome, detail)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (time.time(), model, purpose, key, tokens_in, tokens_out, latency_ms, outcome, detail),
            )

    def close(self) -> None:
        with self._lock:
            self._db.close()
