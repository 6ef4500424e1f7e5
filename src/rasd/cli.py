"""The ``rasd`` command: a thin layer over ``rasd.api``."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from rasd import api
from rasd.ingest import parse_date
from rasd.model import Document, ProcessingError
from rasd.paths import shared_data_dir

app = typer.Typer(
    help="Rasd (رصد): Arabic news → an evidence-linked knowledge base.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
train_app = typer.Typer(help="Train the models Rasd ships (reproducible, seeded).", no_args_is_help=True)
eval_app = typer.Typer(help="Measure a component against gold data.", no_args_is_help=True)
app.add_typer(train_app, name="train")
app.add_typer(eval_app, name="eval")

out = Console(soft_wrap=True, emoji=False)
err = Console(stderr=True, soft_wrap=True, emoji=False)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db", help="SQLite file or URL (sqlite:///…, postgresql://…); default $RASD_DB or ./rasd.db"
    ),
]


def _date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return parse_date(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


def _error_line(error: ProcessingError) -> str:
    where = []
    if error.source:
        where.append(error.source + (f":{error.line}" if error.line else ""))
    elif error.line:
        where.append(f"line {error.line}")
    if error.doc_id:
        where.append(f"id={error.doc_id}")
    return f"error [{error.stage}] {' '.join(where) or '-'}: {error.reason}"


NER_MODEL_HELP = (
    "NER model: crf (the shipped default), crf:/dir, e5 (opt-in fine-tuned multilingual-e5-small, slower, "
    "needs the [ml] extra), e5:/dir, or transformers:/path for a local Hugging Face model"
)


def _stage_options(ner: str | None, infer_dates: bool) -> dict[str, dict[str, Any]] | None:
    options: dict[str, dict[str, Any]] = {}
    if ner:
        options["ner"] = {"model": ner}
    if infer_dates:
        options["time"] = {"infer_anchor": True}
    return options or None


@app.command()
def analyze(
    paths: Annotated[
        list[str], typer.Argument(help="Files, directories, JSONL(.gz), HTML pages, or - for stdin")
    ],
    db: DbOption = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date YYYY-MM-DD for records that carry none")
    ] = None,
    stages: Annotated[
        str | None, typer.Option(help="Comma-separated stages to run (default: all installed)")
    ] = None,
    replace: Annotated[bool, typer.Option(help="Re-analyse stored ids whose text changed")] = False,
    ner: Annotated[
        str | None,
        typer.Option(help=NER_MODEL_HELP),
    ] = None,
    infer_dates: Annotated[
        bool,
        typer.Option(
            help="For documents with no publication date, infer one from the text to anchor relative dates "
            "(recorded in the document's metadata as time_anchor); default: such dates stay null"
        ),
    ] = False,
    max_chars: Annotated[int | None, typer.Option(help="Reject documents longer than this")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar")] = False,
    workers: Annotated[
        int,
        typer.Option(
            min=1, help="Analyse on this many Ray workers (1: in this process; >1 starts a local Ray)"
        ),
    ] = 1,
    ray_address: Annotated[
        str | None, typer.Option(help="Use an existing Ray cluster instead (e.g. auto, ray://host:10001)")
    ] = None,
) -> None:
    """Analyse documents and store the results (unchanged documents are skipped)."""
    stage_names = [s.strip() for s in stages.split(",") if s.strip()] if stages else None
    options = _stage_options(ner, infer_dates)
    runner = None
    if workers > 1 or ray_address:
        from rasd.distributed import RayRunner

        runner = RayRunner(stage_names, options, workers=workers, address=ray_address)
    progress = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        console=err,
        disable=quiet or not err.is_terminal,
    )
    task = progress.add_task("analysing", total=None, rate="")

    def on_error(error: ProcessingError) -> None:
        progress.console.print(_error_line(error), markup=False, highlight=False)

    def on_document(doc: Document, status: str) -> None:
        elapsed = progress.tasks[task].elapsed or 0.0
        done = progress.tasks[task].completed + 1
        progress.update(task, advance=1, rate=f"{done / elapsed:.1f} docs/s" if elapsed else "")

    with progress:
        report = api.analyze_corpus(
            paths,
            db=db,
            published=_date(published),
            stages=stage_names,
            options=options,
            replace=replace,
            max_chars=max_chars,
            on_error=on_error,
            on_document=on_document,
            runner=runner,
        )
    if runner is not None:
        runner.shutdown()
    err.print(
        f"{report.processed} analysed, {report.unchanged} unchanged, {report.bad_records} bad records, "
        f"{report.stage_errors} stage errors in {report.seconds:.1f}s "
        f"({report.docs_per_second:.1f} docs/s; stages: {', '.join(report.stages)})",
        markup=False,
        highlight=False,
    )
    if not report.ok:
        raise typer.Exit(2)


@app.command()
def update(db: DbOption = None) -> None:
    """Re-run the corpus-level stages over the store: entity resolution, claim groups, event merging.

    `rasd analyze` does this after every run; run it yourself after `rasd kb add`.
    """
    import time

    started = time.perf_counter()
    summary = api.update_corpus(api.open_store(db))
    done = ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in summary.items())
    err.print(f"{done or 'nothing to update'} in {time.perf_counter() - started:.1f}s", markup=False)


EXPORT_FORMATS = ("json", "geojson", "acled")


@app.command()
def export(
    db: DbOption = None,
    format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="json (the v1 contract), geojson (geocoded entities), acled (events as CSV)",
        ),
    ] = "json",
    out_file: Annotated[
        Path | None, typer.Option("--out", "-o", help="Output file (default: stdout)")
    ] = None,
    text: Annotated[bool, typer.Option(help="Include each document's text (json)")] = True,
) -> None:
    """Export the knowledge base: JSON contract v1, GeoJSON of places, or ACLED-compatible CSV of events."""
    import json

    from rasd.export import write_json
    from rasd.export.acled import write_acled_csv
    from rasd.export.geojson import places_geojson

    if format not in EXPORT_FORMATS:
        raise typer.BadParameter(
            f"unknown format {format!r}; available: {', '.join(EXPORT_FORMATS)}", param_hint="--format"
        )
    store = api.open_store(db)

    def write(fh: Any) -> dict[str, int]:
        if format == "geojson":
            collection = places_geojson(store.entities())
            json.dump(collection, fh, ensure_ascii=False, indent=1)
            fh.write("\n")
            return {"features": len(collection["features"])}
        if format == "acled":
            sources = {d.id: d.source or "" for d in store.iter_documents(annotations=False, with_text=False)}
            events = store.real_world_events()
            return {"events": write_acled_csv(events, store.entities(), fh, sources=sources)}
        return write_json(store, fh, with_text=text)

    if out_file is None:
        write(sys.stdout)
        return
    tmp = out_file.with_name(out_file.name + ".part")
    with tmp.open("w", encoding="utf-8", newline="\n") as fh:
        counts = write(fh)
    tmp.replace(out_file)
    err.print(f"wrote {out_file}: " + ", ".join(f"{v} {k}" for k, v in counts.items()), markup=False)


@app.command()
def errors(
    db: DbOption = None,
    limit: Annotated[int | None, typer.Option(help="Show at most this many")] = None,
) -> None:
    """List bad records and stage failures recorded in the store."""
    rows = api.open_store(db).errors(limit)
    for error in rows:
        out.print(_error_line(error), markup=False, highlight=False)
    err.print(f"{len(rows)} errors", markup=False)


@app.command()
def stats(db: DbOption = None) -> None:
    """Counts of everything in the store."""
    table = Table("table", "rows")
    for name, count in api.open_store(db).counts().items():
        table.add_row(name, str(count))
    out.print(table)


@app.command()
def summary(
    db: DbOption = None,
    top: Annotated[int, typer.Option(help="How many entities and claims to show")] = 10,
) -> None:
    """A short human summary of the store: counts, top entities, contested figures."""
    from rasd.summary import print_summary

    print_summary(api.open_store(db), out, top=top)


@app.command()
def entities(
    db: DbOption = None,
    type: Annotated[
        str | None, typer.Option("--type", "-t", help="PER, ORG, GPE, LOC, FAC, NORP, MISC")
    ] = None,
    name: Annotated[
        str | None, typer.Option(help="Only entities whose Arabic or English name matches")
    ] = None,
    limit: Annotated[int, typer.Option(help="Show at most this many")] = 50,
) -> None:
    """Entities, most mentioned first."""
    from rasd.store import queries

    rows = queries.entities(api.open_store(db), q=name, type=type, limit=limit)
    table = Table("id", "type", "name", "name_en", "kb_id", "mentions")
    for e in rows:
        table.add_row(e.id, e.type, e.name, e.name_en or "", e.kb_id or "", str(e.mention_count))
    out.print(table)


@app.command()
def quotes(
    db: DbOption = None,
    speaker: Annotated[str | None, typer.Option(help="Only quotes of this speaker (a name)")] = None,
    search: Annotated[str | None, typer.Option(help="Only quotes or speakers containing this text")] = None,
    limit: Annotated[int, typer.Option(help="Show at most this many")] = 50,
) -> None:
    """Quotes with their speakers, newest documents first."""
    from rasd.store import queries

    store = api.open_store(db)
    speaker_ids: list[str | None] = [None]
    if speaker:
        speaker_ids = [e.id for e in queries.entities(store, q=speaker, limit=20)]
        if not speaker_ids:
            out.print(f"no entity matches {speaker!r}", markup=False)
            return
    table = Table("speaker", "cue", "quote", "outlet", "date", "document")
    shown = 0
    for sid in speaker_ids:
        for v in queries.quotes(store, speaker_entity_id=sid, q=search, limit=limit - shown):
            text = f"«{v.quote.text}»" if v.quote.direct else v.quote.text
            table.add_row(
                v.speaker_name or "?", v.quote.cue or "", text, v.source or "", v.published or "", v.doc_id
            )
            shown += 1
        if shown >= limit:
            break
    out.print(table)


@app.command()
def events(
    db: DbOption = None,
    type: Annotated[
        str | None, typer.Option("--type", "-t", help="An ACLED event type (e.g. Battles) or Rasd's own type")
    ] = None,
    limit: Annotated[int, typer.Option(help="Show at most this many")] = 50,
) -> None:
    """Real-world events (reports merged across documents), newest first."""
    from rasd.store import queries

    table = Table("date", "event", "ACLED type / sub-type", "where", "actors", "killed", "reports")
    for v in queries.events(api.open_store(db), event_type=type, limit=limit):
        e = v.event
        table.add_row(
            e.date or "?",
            e.type,
            f"{e.acled_event_type or ''} / {e.acled_sub_event_type or ''}",
            v.location.label if v.location else "",
            "، ".join(a.label for a in v.actors),
            "" if e.fatalities is None else str(e.fatalities),
            str(v.documents),
        )
    out.print(table)


@train_app.command("ner")
def train_ner(
    out_dir: Annotated[
        Path | None, typer.Option("--out", help="Model folder (default: the shipped model's folder)")
    ] = None,
    data: Annotated[
        Path | None, typer.Option(help="Shared data folder (default: $RASD_DATA or ../shared/data)")
    ] = None,
    seed: Annotated[int, typer.Option(help="Random seed")] = 13,
    e5: Annotated[
        bool, typer.Option("--e5", help="Train the opt-in e5-small mode instead of the CRF")
    ] = False,
) -> None:
    """Regenerate the shipped NER model from the shared corpora (slow: word clusters, then a CRF)."""
    import json

    from rasd.ner.train import train, train_transformer

    trainer = train_transformer if e5 else train
    metrics = trainer(output_dir=out_dir, data_dir=data or shared_data_dir(), seed=seed)
    summary = {k: v for k, v in metrics.items() if k.endswith("micro_f1")}
    out.print(json.dumps(summary, indent=2), markup=False, highlight=False)


@eval_app.command("ner")
def eval_ner(
    conll: Annotated[
        Path, typer.Argument(help="CoNLL file: `token TAG` per line, blank line between sentences")
    ],
    model: Annotated[str | None, typer.Option(help=NER_MODEL_HELP)] = None,
) -> None:
    """Precision/recall/F1 per type (exact spans), tokens/s; the last line is micro_f1=NN.NN."""
    from rasd.ner.evaluate import evaluate_file

    out.print(evaluate_file(conll, model=model).format(), markup=False, highlight=False)


@eval_app.command("time")
def eval_time(
    corpus_dir: Annotated[
        Path | None, typer.Argument(help="Folder of TimeML .tml files (default: the shared TimeML gold)")
    ] = None,
    anchor: Annotated[
        str | None, typer.Option(help="Publication date the gold was annotated against (YYYY-MM-DD)")
    ] = None,
    errors: Annotated[list[str] | None, typer.Option(help="Print errors of this split (dev, test)")] = None,
    infer_anchor: Annotated[
        bool, typer.Option(help="Infer each document's date from its text instead of the fixed anchor")
    ] = False,
) -> None:
    """Time-expression recognition and value accuracy on TimeML gold (dev and test halves)."""
    from rasd.time.evaluate import DEFAULT_ANCHOR, evaluate_timeml

    corpus_dir = corpus_dir or shared_data_dir() / "timex" / "Corpus_test"
    report = evaluate_timeml(corpus_dir, anchor=_date(anchor) or DEFAULT_ANCHOR, infer=infer_anchor)
    out.print(report.format(show_errors=errors or ()), markup=False, highlight=False)


kb_app = typer.Typer(help="The actor knowledge base: add entries, validate files.", no_args_is_help=True)
app.add_typer(kb_app, name="kb")


@kb_app.command("add")
def kb_add(
    name: Annotated[str, typer.Argument(help="Canonical Arabic name")],
    type: Annotated[str, typer.Option("--type", "-t", help="PER, ORG, GPE, LOC, FAC, NORP or MISC")],
    name_en: Annotated[str | None, typer.Option(help="English name")] = None,
    alias: Annotated[
        list[str] | None, typer.Option("--alias", "-a", help="Arabic alias (repeatable)")
    ] = None,
    wikidata: Annotated[str | None, typer.Option(help="Wikidata id, e.g. Q123")] = None,
    category: Annotated[str | None, typer.Option(help="ACLED-style actor category")] = None,
    country: Annotated[str | None, typer.Option(help="ISO 3166 alpha-2 country code")] = None,
    entry_id: Annotated[
        str | None, typer.Option("--id", help="Entry id (default: derived from the name)")
    ] = None,
    file: Annotated[
        Path | None,
        typer.Option(help="KB file to append to (default: $RASD_KB_PATH or ~/.local/share/rasd/kb.jsonl)"),
    ] = None,
) -> None:
    """Add an actor to your knowledge base file (validated against the bundled KB first)."""
    from rasd.link.kb import KbValidationError, add_kb_entry, user_path

    entry = {
        "id": entry_id or "user-" + "-".join((name_en or name).lower().split()),
        "type": type.upper(),
        "name": name,
        "name_en": name_en,
        "aliases": alias or [],
        "wikidata": wikidata,
        "category": category,
        "country": country.upper() if country else None,
    }
    path = file or user_path()
    try:
        added = add_kb_entry(path, entry)
    except KbValidationError as exc:
        for line in exc.errors:
            err.print(f"error: {line}", markup=False, highlight=False)
        raise typer.Exit(1) from None
    err.print(f"added {added.id} to {path}", markup=False, highlight=False)


@kb_app.command("check")
def kb_check(
    files: Annotated[list[Path] | None, typer.Argument(help="Extra KB files to validate")] = None,
) -> None:
    """Validate the bundled knowledge base plus the given files (default: your own KB file)."""
    from rasd.link.kb import check_files, user_path

    if not files and user_path().exists():
        files = [user_path()]
    problems = check_files(files or [])
    for line in problems:
        err.print(f"error: {line}", markup=False, highlight=False)
    if problems:
        raise typer.Exit(1)
    err.print("knowledge base OK", markup=False)


bench_app = typer.Typer(help="Speed and memory benchmarks (see docs/benchmarks.md).", no_args_is_help=True)
app.add_typer(bench_app, name="bench")


@bench_app.command("analyze")
def bench_analyze(
    paths: Annotated[list[str], typer.Argument(help="Corpus files or directories")],
    stages: Annotated[
        str | None, typer.Option(help="Comma-separated stages (default: all installed)")
    ] = None,
    limit: Annotated[int | None, typer.Option(help="Stop after this many documents")] = None,
    db: DbOption = None,
) -> None:
    """Documents/s and tokens/s per stage, and RSS along the run (a throw-away store by default)."""
    from rasd.bench.throughput import bench_analyze as run_bench

    stage_names = [s.strip() for s in stages.split(",") if s.strip()] if stages else None
    report = run_bench(paths, stages=stage_names, limit=limit, db=db)
    out.print(report.format(), markup=False, highlight=False)


@app.command()
def claims(
    db: DbOption = None,
    subject: Annotated[str | None, typer.Option(help="Only groups whose subject matches this name")] = None,
    measure: Annotated[
        str | None, typer.Option(help="fighters, troops, killed, injured, detained, displaced, strikes")
    ] = None,
    disagreements: Annotated[bool, typer.Option(help="Only groups whose figures cannot all be true")] = False,
) -> None:
    """Figures about the same subject and measure across sources: figure, holder, outlet, date, sentence."""
    import dataclasses

    from rasd.quantity.claims import claim_title, doc_id_of, format_claim_groups

    store = api.open_store(db)
    groups = [g for g in store.claim_groups() if g.disagreement or not disagreements]
    names = {e.id: e for e in store.entities()}
    for i, group in enumerate(groups):  # show (and match) entity and place names, not ids
        groups[i] = dataclasses.replace(group, subject_key=claim_title(group, names))
    quantities = store.quantities_by_id(q for g in groups for q in g.quantity_ids)
    documents = {}
    for doc_id in sorted({doc_id_of(q) for q in quantities.values()}):
        doc = store.get_document(doc_id, annotations=False)
        if doc is not None:
            documents[doc_id] = doc
    text = format_claim_groups(groups, quantities, documents, subject=subject, measure=measure)
    out.print(text or "no claim groups match", markup=False, highlight=False)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port")] = 8000,
) -> None:
    """Serve the web UI and the HTTP API (OpenAPI at /docs, /openapi.json) over the store."""
    import uvicorn

    from rasd.web import create_app

    store = api.open_store(db)
    out.print(f"Rasd UI on http://{host}:{port}/  (API docs: /docs; Ctrl-C to stop)", markup=False)
    uvicorn.run(create_app(store=store), host=host, port=port, log_level="warning")


@app.command("stages")
def list_stages() -> None:
    """The pipeline stages this installation can run."""
    for name in api.default_stage_names():
        out.print(name, markup=False)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
