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
    converter: str | None = None  # how markup became prose (text.txt + structure.json)
    structure_sha256: str | None = None


class TextBlock(Strict):
    """One paragraph-level unit of a snapshot's text: a line of text.txt."""

    kind: Literal["title", "heading", "paragraph", "list_item", "table_cell", "quote", "code"]
    start: int
    end: int
    level: int | None = None  # heading level, or list nesting depth


class InlineSpan(Strict):
    """Words the source marked inside a block: a link's text, a code span, bold or italic words."""

    kind: Literal["link", "code", "strong", "emphasis"]
    start: int
    end: int
    href: str | None = None


class TextStructure(Strict):
    """structure.json beside text.txt: what the markup said about the text, as offsets into it."""

    blocks: list[TextBlock]
    spans: list[InlineSpan] = Field(default_factory=list)


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
    description: str | None = None  # None: no acceptable description, so the claim cannot be a row
    status: ClaimStatus
    statuses: list[ClaimStatus] = Field(default_factory=list)
    citations: list[Citation]
    best_citation: int = 0  # index in `citations` of the strongest quote
    corroboration: int = 1
    logo: str | None = None
    version: str | None = None  # as the text writes it after the name: "22.04 LTS"
    evidence: list[str] = Field(default_factory=list)  # what made it a candidate: lexicon, link, code, shape…
    own: bool = False  # the company's own tool
    tag_guessed: bool = False  # the tag is the extraction model's guess: no lexicon entry, no source word for its area


class RejectedClaim(Strict):
    technology: str
    source: str
    reason: str
    quote: str | None = None


# ---------------------------------------------------------------- LLM answers


Kind = Literal["software", "hardware", "person", "company", "website", "place", "product", "feature", "term"]
KINDS: tuple[str, ...] = Kind.__args__
TECHNOLOGY_KINDS = ("software", "hardware")


class CandidateAnswer(Strict):
    """The model's answer about one candidate name in a chunk: what the name refers to."""

    candidate: str = Field(description="the candidate's letter, e.g. 'A'")
    kind: Kind = Field(description="what the name refers to")
    tag: str | None = Field(default=None, description="for software or hardware: one tag from the fixed list")

    @field_validator("tag")
    @classmethod
    def _known_tag(cls, value: str | None) -> str | None:
        if value is not None and value not in TAGS:
            raise ValueError(f"must be one of the fixed tags, not {value!r}")
        return value


class ChunkAnswers(Strict):
    answers: list[CandidateAnswer]


class Brief(Strict):
    """The writer pass's answer: the post's intro."""

    brief: str = Field(description="2 to 4 sentences")


# ---------------------------------------------------------------- the post


class RowSource(Strict):
    """One entry of a row's "Source of info": who published it and, for the strongest quote, a
    fragment of it (an exact substring; `cut_before`/`cut_after` say where the quote goes on)."""

    source: str | None = None  # the source's id in draft.yaml's sources
    publisher: str
    url: str | None = None
    fragment: str | None = None
    cut_before: bool = False
    cut_after: bool = False


class TableRow(Strict):
    claim: str | None = None  # the id of its claim in draft.yaml
    technology: str
    status: ClaimStatus = ClaimStatus.current
    tag: str
    description: str
    sources: list[RowSource] = Field(default_factory=list)
    logo: str
    logo_kind: Literal["simple-icons", "company", "monogram"]
    logo_colour: str | None = None
    logo_licence: str | None = None


class RowBounds(Strict):
    min: int
    max: int


class Figure(Strict):
    """A count or rate a quote states, for the brief's hook: its words and where they stand in the snapshot."""

    text: str
    source: str
    start: int
    end: int


class Post(Strict):
    brief: str
    hashtags: list[str]
    table: list[TableRow]
    row_bounds: RowBounds | None = None  # how many rows the selection may give (absent in older drafts)
    figures: list[Figure] = Field(default_factory=list)  # the figures the brief was given, each at its source
    dropped_copy: list[str] = Field(default_factory=list)


class QualityFloor(Strict):
    """The least a company's committed draft may score against its gold set."""

    precision: float = Field(ge=0, le=1)
    core_recall: float = Field(ge=0, le=1)
    status_accuracy: float = Field(ge=0, le=1)


class Baseline(Strict):
    """evals/baseline.yaml: quality floors per company, and the small set CI re-drafts from an empty cache."""

    gate: list[str] = Field(default_factory=list)
    companies: dict[str, QualityFloor]


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
