"""Reading documents from files, directories, JSONL(.gz), HTML and stdin.

Everything here streams: records are yielded one at a time, so memory stays
flat whatever the corpus size. A bad record is yielded as a ProcessingError
(with its id or line number and the reason) and reading goes on.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import email.utils
import gzip
import json
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from rasd.model import Document, ProcessingError
from rasd.text.normalise import to_ascii_digits

MAX_CHARS = 1_000_000  # an article longer than this is a mistake, not news
KNOWN_FIELDS = ("id", "text", "title", "source", "url", "published")
TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".json.gz")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_ISO_DATE = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])")
_DAY_FIRST_DATE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:$|[T\s,])")
_EPOCH = re.compile(r"^\d{9,10}(?:\.\d+)?$")

Record = Document | ProcessingError


@dataclass(frozen=True, slots=True)
class IngestOptions:
    published: dt.date | None = None  # used when a record has no date of its own
    max_chars: int = MAX_CHARS


def parse_date(value: Any) -> dt.date | None:
    """The day of a record's publication date; raises ValueError when it names no day.

    Accepted, as feeds and scrapers write them: YYYY-MM-DD (also with / or ., and any ISO
    timestamp starting with it), DD/MM/YYYY (day first, the Arab and European order; also
    with - or .), RFC 2822 ("Thu, 01 Mar 2018 10:00:00 +0000", RSS), Unix seconds, and
    the same with Arabic-Indic digits.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = to_ascii_digits(str(value)).strip()
    try:
        if match := _ISO_DATE.match(text):
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        if match := _DAY_FIRST_DATE.match(text):
            return dt.date(int(match[3]), int(match[2]), int(match[1]))
        if _EPOCH.match(text):
            return dt.datetime.fromtimestamp(float(text), tz=dt.UTC).date()
    except (ValueError, OverflowError, OSError) as exc:
        raise ValueError(f"impossible date {value!r}: {exc}") from None
    with contextlib.suppress(TypeError, ValueError, IndexError):
        return email.utils.parsedate_to_datetime(text).date()
    raise ValueError(f"unrecognised date {value!r} (expected YYYY-MM-DD, DD/MM/YYYY or an RFC 2822 date)")


def read(paths: Sequence[str | Path], options: IngestOptions | None = None) -> Iterator[Record]:
    """Documents and errors from every path (``-`` reads stdin), in a stable order."""
    options = options or IngestOptions()
    for raw in paths:
        if str(raw) == "-":
            yield from _read_stream(sys.stdin.buffer, "<stdin>", "stdin", options)
            continue
        path = Path(raw)
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file()):
                if any(part.startswith(".") for part in file.relative_to(path).parts):
                    continue
                yield from _read_file(file, file.relative_to(path).as_posix(), options)
        elif path.is_file():
            yield from _read_file(path, path.name, options)
        else:
            yield ProcessingError(
                doc_id=None, stage="ingest", reason="no such file or directory", source=str(path)
            )


def _read_file(path: Path, doc_id: str, options: IngestOptions) -> Iterator[Record]:
    name = path.name.lower()
    source = str(path)
    try:
        if name.endswith(JSONL_SUFFIXES):
            opener = gzip.open if name.endswith(".gz") else open
            with opener(path, "rb") as fh:
                yield from _read_jsonl(fh, source, options)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield ProcessingError(doc_id=doc_id, stage="ingest", reason=f"cannot read file: {exc}", source=source)
        return
    if name.endswith(HTML_SUFFIXES):
        yield _html_document(data, doc_id, source, options)
    else:
        yield _text_document(data, doc_id, source, options)


def _read_stream(stream: IO[bytes], source: str, doc_id: str, options: IngestOptions) -> Iterator[Record]:
    head = stream.peek(64) if hasattr(stream, "peek") else b""
    if head.lstrip()[:1] == b"{":
        yield from _read_jsonl(stream, source, options)
        return
    yield _text_document(stream.read(), doc_id, source, options)


def _decode(data: bytes) -> str:
    if b"\x00" in data[:8192]:
        raise ValueError("binary content (NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"invalid UTF-8 at byte {exc.start}") from None
    return text


def _check_text(text: str, options: IngestOptions) -> None:
    if not text.strip():
        raise ValueError("empty or whitespace-only text")
    if len(text) > options.max_chars:
        raise ValueError(f"document too long ({len(text):,} characters > limit {options.max_chars:,})")
    controls = len(_CONTROL.findall(text[:65536]))
    if controls > max(8, len(text[:65536]) * 0.01):
        raise ValueError(f"binary content ({controls} control characters), not text")


def _text_document(data: bytes, doc_id: str, source: str, options: IngestOptions) -> Record:
    try:
        text = _decode(data)
        _check_text(text, options)
    except ValueError as exc:
        return ProcessingError(doc_id=doc_id, stage="ingest", reason=str(exc), source=source)
    return Document(id=doc_id, text=text, published=options.published, metadata={"file": source})


def _html_document(data: bytes, doc_id: str, source: str, options: IngestOptions) -> Record:
    try:
        import trafilatura

        html = _decode(data)
        extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
        if extracted is None:
            raise ValueError("no main text found in HTML page")
        fields = extracted if isinstance(extracted, dict) else extracted.as_dict()
        text = fields.get("text") or ""
        _check_text(text, options)
        published = options.published
        if fields.get("date"):
            with contextlib.suppress(ValueError):  # a page's own date is a hint, not required
                published = parse_date(fields["date"]) or published
    except ValueError as exc:
        return ProcessingError(doc_id=doc_id, stage="ingest", reason=str(exc), source=source)
    return Document(
        id=doc_id,
        text=text,
        title=fields.get("title"),
        source=fields.get("sitename") or fields.get("hostname"),
        url=fields.get("url"),
        published=published,
        metadata={"file": source},
    )


def _read_jsonl(stream: IO[bytes] | gzip.GzipFile, source: str, options: IngestOptions) -> Iterator[Record]:
    reader = stream
    line_no = 0
    while True:
        try:
            raw = reader.readline()
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            yield ProcessingError(
                doc_id=None,
                stage="ingest",
                reason=f"unreadable stream: {exc}",
                source=source,
                line=line_no + 1,
            )
            return
        if not raw:
            return
        line_no += 1
        if not raw.strip():
            continue
        yield _jsonl_record(raw, source, line_no, options)


def _jsonl_record(raw: bytes, source: str, line_no: int, options: IngestOptions) -> Record:
    def error(reason: str, doc_id: str | None = None) -> ProcessingError:
        return ProcessingError(doc_id=doc_id, stage="ingest", reason=reason, source=source, line=line_no)

    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return error(f"invalid UTF-8 at byte {exc.start}")
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return error(f"malformed JSON: {exc.msg} at column {exc.colno}")
    return record_document(obj, options, source=source, line=line_no)


def record_document(
    obj: Any, options: IngestOptions | None = None, *, source: str | None = None, line: int | None = None
) -> Record:
    """One JSON object (a JSONL line, an HTTP request body) as a Document, or the reason it is not one."""
    options = options or IngestOptions()

    def error(reason: str, doc_id: str | None = None) -> ProcessingError:
        return ProcessingError(doc_id=doc_id, stage="ingest", reason=reason, source=source, line=line)

    if not isinstance(obj, dict):
        return error(f"expected a JSON object, got {type(obj).__name__}")
    doc_id = obj.get("id")
    if doc_id is None or (isinstance(doc_id, str) and not doc_id.strip()):
        return error("missing id")
    doc_id = str(doc_id)
    text = obj.get("text")
    if not isinstance(text, str):
        return error("missing text" if text is None else "text is not a string", doc_id)
    try:
        _check_text(text, options)
    except ValueError as exc:
        return error(str(exc), doc_id)
    metadata = {k: v for k, v in obj.items() if k not in KNOWN_FIELDS}
    try:
        published = parse_date(obj.get("published")) or options.published
    except ValueError as exc:
        metadata["published_raw"] = obj.get("published")
        metadata["published_error"] = str(exc)
        published = options.published
    return Document(
        id=doc_id,
        text=text,
        title=_str_or_none(obj.get("title")),
        source=_str_or_none(obj.get("source")),
        url=_str_or_none(obj.get("url")),
        published=published,
        metadata=metadata,
    )


def _str_or_none(value: Any) -> str | None:
    return None if value is None else str(value)
