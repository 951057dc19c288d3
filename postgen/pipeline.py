"""The stages in order: snapshots → text → extract → ground → consolidate → describe → write → draft.yaml."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Callable

from .callstore import CallStore
from .claim_ids import identity
from .consolidate import consolidate
from .errors import FetchError
from .describe import describe_all
from .extract import Extractor
from .fetch import load_meta, load_structure, load_text, sha256_hex
from .lexicon import Lexicon, default_lexicon
from .llm import LLMClient
from .models import Claim, Company, ModelInfo, RejectedClaim, RowBounds, StageStats
from .review import (
    apply_review, build_document, company_lock, draft_path, ids_by_identity, load_existing, merge_claims,
    record_selection, reviewer_choices, save,
)
from .selection import DEFAULT_ROWS, Selection, prominence, row_bounds, select
from .table import description_checker, hashtags_for, table_rows
from .settings import load_settings
from .text import Document
from .write import write_post
from .yamlio import dump_yaml

Progress = Callable[[str, int, int], None]


@dataclass
class Run:
    company: Company
    client: LLMClient
    lexicon: Lexicon = field(default_factory=default_lexicon)
    progress: Progress | None = None
    stats: list[StageStats] = field(default_factory=list)
    loaded: dict[str, Document] = field(default_factory=dict)  # the snapshots extract read, by source id

    def timed(self, stage: str, work: Callable[[], object]):
        before = {purpose: (c.calls, c.cache_hits, c.tokens_in, c.tokens_out) for purpose, c in self.client.usage.items()}
        started = time.monotonic()
        result = work()
        seconds = time.monotonic() - started
        calls = hits = tokens_in = tokens_out = 0
        for purpose, counter in self.client.usage.items():
            c0, h0, i0, o0 = before.get(purpose, (0, 0, 0, 0))
            calls += counter.calls - c0
            hits += counter.cache_hits - h0
            tokens_in += counter.tokens_in - i0
            tokens_out += counter.tokens_out - o0
        self.stats.append(StageStats(stage=stage, seconds=round(seconds, 2), llm_calls=calls, cache_hits=hits,
                                     tokens_in=tokens_in, tokens_out=tokens_out))
        return result

    def documents(self) -> list[Document]:
        documents = []
        for source in self.company.sources:
            meta = load_meta(self.company.slug, source.id)
            if meta is None:
                raise FetchError(f"no snapshot for source {source.id!r}: run `postgen fetch --company {self.company.slug}`")
            text = load_text(self.company.slug, source.id)
            if sha256_hex(text.encode("utf-8")) != meta.text_sha256:
                raise FetchError(f"snapshot text of {source.id!r} does not match its recorded sha256; re-run fetch --refresh")
            documents.append(Document(source.id, text, load_structure(self.company.slug, source.id, meta)))
        return documents

    def source_table(self) -> list[dict]:
        rows = []
        for source in self.company.sources:
            meta = load_meta(self.company.slug, source.id)
            row = {"id": source.id, "title": source.title or (meta.title if meta else None), "url": source.url,
                   "publisher": source.publisher, "sitename": meta.sitename if meta else None,
                   "text_sha256": meta.text_sha256 if meta else None}
            rows.append({key: value for key, value in row.items() if value is not None})
        return rows

    def extract(self) -> tuple[list[Claim], list[RejectedClaim]]:
        documents = self.timed("text", self.documents)
        extractor = Extractor(self.client, self.lexicon, self.company.name)
        report = (lambda done, total: self.progress("extract", done, total)) if self.progress else None
        outcome = self.timed("extract", lambda: extractor.run(documents, report))
        claims = self.timed("consolidate", lambda: consolidate(outcome.claims))
        self.loaded = {document.source_id: document for document in documents}
        self.timed("describe", lambda: describe_all(claims, self.loaded, self.lexicon, self.company.name))
        return claims, outcome.rejected

    # ------------------------------------------------------------ selection (issue 11)

    def select(self, usable: list[Claim], merged, sources: list[dict], rows: int) -> Selection:
        """The post's rows among the usable claims, keeping the reviewer's in_post choices."""
        titles = {source["id"]: source.get("title") or "" for source in sources}
        signals = {identity(claim.technology): prominence(claim, self.loaded, titles) for claim in usable}
        problem = description_checker(self.company, usable, self.lexicon)
        return select(usable, signals, rows=rows, forced=reviewer_choices(merged), problem=problem)

    def model_info(self) -> dict:
        backend = self.client.backend
        info = ModelInfo(backend=backend.backend_name, model=backend.model_id, sha256=backend.sha256)
        return info.model_dump(exclude_none=True)


def open_client(backend, *, use_cache: bool) -> LLMClient:
    return LLMClient(backend, CallStore(load_settings().state_directory() / "llm.sqlite"), use_cache=use_cache)


def claims_document(run: Run, claims: list[Claim], rejected: list[RejectedClaim]) -> str:
    data = {
        "company": run.company.slug,
        "generated_at": datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
        "model": run.model_info(),
        "claims": [claim.model_dump(mode="json", exclude_none=True) for claim in claims],
        "rejected": [item.model_dump(mode="json", exclude_none=True) for item in rejected],
        "stats": [stat.model_dump() for stat in run.stats],
    }
    return dump_yaml(data, round_trip=False)


def draft(run: Run, rows: int = DEFAULT_ROWS) -> tuple[dict, Selection]:
    """Run every stage and merge the result into draft.yaml; returns the post and the selection."""
    slug = run.company.slug
    with company_lock(slug):
        existing = load_existing(slug)  # a malformed hand-edited file stops us before any work
        claims, rejected = run.extract()
        now = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
        merged = merge_claims(list(existing.get("claims") or []) if existing else [], claims, now)
        usable = apply_review(claims, merged)
        sources = run.source_table()
        selection = run.timed("select", lambda: run.select(usable, merged, sources, rows))
        record_selection(merged, selection)
        table = table_rows(selection.rows, run.company, {source["id"]: source for source in sources},
                           ids_by_identity(merged))
        post = run.timed("write", lambda: write_post(
            run.client, run.company, usable, run.lexicon, table, hashtags_for(run.company, selection.rows),
            post_claims=selection.rows, documents=run.loaded, sources={source["id"]: source for source in sources}))
        low, high = row_bounds(rows)
        post.row_bounds = RowBounds(min=low, max=high)
        document = build_document(
            existing, company=slug, company_name=run.company.name, model=run.model_info(), sources=sources, claims=merged,
            rejected=[item.model_dump(mode="json", exclude_none=True) for item in rejected],
            post=post.model_dump(mode="json", exclude_none=True),
            stats=[stat.model_dump() for stat in run.stats],
        )
        run.timed("output", lambda: save(draft_path(slug), document))
        return post.model_dump(mode="json"), selection
