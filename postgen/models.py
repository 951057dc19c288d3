"""Every data shape postgen reads or writes, in one place."""

from __future__ import annotations

import re
from datetime import datetime
from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

TAGS: tuple[str, ...] = (
    "Frontend", "Backend", "Mobile", "Desktop Runtime", "Database", "Caching", "Storage",
    "Streaming", "Data Processing", "Workflow Orchestration", "Data Warehouse", "ML", "Search",
    "Infrastructure", "Cloud", "Networking", "CDN/Delivery", "CI/CD", "Developer Tooling",
    "Internal Tooling", "Observability", "Security", "Media/Codec",
)

SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


# ---------------------------------------------------------------- sources


class Source(Strict):
    """One entry of sources/<company>.yaml."""

    id: str
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    file: str | None = None
    licence: str | None = None
    note: str | None = None

    @field_validator("id")
    @classmethod
    def _id_is_slug(cls, value: str) -> str:
        if not SLUG_RE.match(value):
            raise ValueError("must be lowercase letters, digits and '-' (e.g. 'eng-blog-2021')")
        return value

    @field_validator("url")
    @classmethod
    def _http_only(cls, value: str | None) -> str | None:
        if value is not None and not re.match(r"^https?://", value):
            raise ValueError("only http:// and https:// URLs are fetched")
        return value

    @model_validator(mode="after")
    def _has_url_or_file(self) -> "Source":
        if not self.url and not self.file:
            raise ValueError("needs a 'url' or a 'file'")
        return self


class Company(Strict):
    name: str
    slug: str
    engineering_hashtag: str | None = None
    sources: list[Source] = Field(min_length=1)

    @field_validator("slug")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not SLUG_RE.match(value):
            raise ValueError("must be lowercase letters, digits and '-'")
        return value


class SnapshotMeta(Strict):
    source_id: str
    url: str | None
    file: str | None
    origin: Literal["http", "file"]
    fetched_at: datetime
    raw_file: str
    raw_sha256: str
    text_sha256: str
    text_chars: int
    content_type: str | None = None
    title: str | None = None
    author: str | None = None
    date: str | None = None
    sitename: str | None = None
    extractor: str
    extraction_options: dict


# ---------------------------------------------------------------- claims


class CitationStatus(str, Enum):
    exact = "exact"
    not_found = "not_found"


class ClaimStatus(str, Enum):
    current = "current"
    former = "former"


class Citation(Strict):
    source: str
    quote: str
    start: int
    end: int
    status: CitationStatus
    sentence_ids: list[str] = Field(default_factory=list)
    says: ClaimStatus | None = None  # what this source says: current or former


class Claim(Strict):
    technology: str
    aliases: list[str] = Field(default_factory=list)
    tag: str
    description: str
    status: ClaimStatus
    statuses: list[ClaimStatus] = Field(default_factory=list)
    citations: list[Citation]
    corroboration: int = 1
    logo: str | None = None


class RejectedClaim(Strict):
    technology: str
    source: str
    reason: str
    quote: str | None = None


# ---------------------------------------------------------------- LLM answers


class CandidateVerdict(Strict):
    """The model's answer about one candidate technology in a chunk."""

    candidate: str = Field(description="the candidate's letter, e.g. 'A'")
    used: bool = Field(description="true if the sentences say the company itself uses or used it")
    description: str | None = Field(
        default=None, description="for candidates marked 'describe': 2-8 words copied from its sentences saying what it is used for"
    )


class OtherClaim(Strict):
    """A technology the model found that the program did not list (discovery, when enabled)."""

    technology: str
    sentences: list[int] = Field(description="numbers of the sentences that say the company uses it")


class ChunkVerdicts(Strict):
    verdicts: list[CandidateVerdict]
    others: list[OtherClaim] = Field(default_factory=list)


class Brief(Strict):
    """The writer pass's answer: the post's intro."""

    brief: str = Field(description="2 to 4 sentences")


# ---------------------------------------------------------------- the post


class TableRow(Strict):
    technology: str
    tag: str
    description: str
    source_of_info: str
    logo: str
    logo_kind: Literal["simple-icons", "company", "monogram"]
    logo_colour: str | None = None
    logo_licence: str | None = None


class Post(Strict):
    brief: str
    hashtags: list[str]
    table: list[TableRow]
    dropped_copy: list[str] = Field(default_factory=list)


class ModelInfo(Strict):
    backend: str
    model: str
    sha256: str | None = None


class StageStats(Strict):
    stage: str
    seconds: float
    llm_calls: int = 0
    cache_hits: int = 0
    tokens_in: int = 0
    tokens_out: int = 0


class ReviewState(str, Enum):
    pending = "pending"
    approved = "approved"
    rejected = "rejected"


class Draft(BaseModel):
    """The shape of outputs/<company>/draft.yaml (extra keys a reviewer adds are kept)."""

    model_config = ConfigDict(extra="allow")

    company: str
    generated_at: datetime
    model: ModelInfo
    sources: list[dict]
    claims: list[dict]
    rejected: list[RejectedClaim]
    post: Post
    stats: list[StageStats] = Field(default_factory=list)


class ItemDescription(Strict):
    candidate: str
    description: str = Field(description="at most 10 words")


class Descriptions(Strict):
    items: list[ItemDescription]
