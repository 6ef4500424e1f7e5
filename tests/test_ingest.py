import datetime as dt
import gzip
import json
from pathlib import Path

import pytest

from rasd.ingest import IngestOptions, parse_date, read
from rasd.model import Document, ProcessingError

ARTICLE = "أعلنت وزارة الدفاع وصول 300 جندي إلى القاعدة اليوم."


def write_jsonl(path: Path, lines: list[str]) -> Path:
    data = "\n".join(lines) + "\n"
    if path.suffix == ".gz":
        path.write_bytes(gzip.compress(data.encode("utf-8")))
    else:
        path.write_text(data, encoding="utf-8")
    return path


def test_jsonl_fields_and_metadata(tmp_path: Path) -> None:
    record = {
        "id": "a1",
        "text": ARTICLE,
        "title": "ت",
        "source": "s",
        "url": "u",
        "published": "2018-03-01",
        "category": "politics",
    }
    path = write_jsonl(tmp_path / "x.jsonl.gz", [json.dumps(record, ensure_ascii=False)])
    (doc,) = list(read([path]))
    assert isinstance(doc, Document)
    assert (doc.id, doc.title, doc.source, doc.url) == ("a1", "ت", "s", "u")
    assert doc.published == dt.date(2018, 3, 1)
    assert doc.metadata == {"category": "politics"}
    assert len(doc.sha256) == 64


def test_bad_jsonl_lines_are_reported_with_line_numbers(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "ok", "text": ARTICLE}, ensure_ascii=False),
        "{not json",
        json.dumps({"text": ARTICLE}, ensure_ascii=False),
        json.dumps({"id": "blank", "text": "   \n "}),
        json.dumps({"id": "num", "text": 5}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "huge", "text": "ا" * 500}),
        json.dumps({"id": "date", "text": ARTICLE, "published": "yesterday"}, ensure_ascii=False),
    ]
    path = write_jsonl(tmp_path / "x.jsonl", lines)
    records = list(read([path], IngestOptions(max_chars=200)))
    good = [r for r in records if isinstance(r, Document)]
    bad = [r for r in records if isinstance(r, ProcessingError)]
    assert [d.id for d in good] == ["ok", "date"]
    assert good[1].published is None and "published_error" in good[1].metadata
    reasons = {e.line: e.reason for e in bad}
    assert reasons[2].startswith("malformed JSON")
    assert reasons[3] == "missing id"
    assert "empty" in reasons[4]
    assert "not a string" in reasons[5]
    assert "JSON object" in reasons[6]
    assert "too long" in reasons[7]
    assert all(e.source == str(path) and e.stage == "ingest" for e in bad)


def test_invalid_utf8_line_does_not_stop_the_file(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    ok = json.dumps({"id": "b", "text": ARTICLE}, ensure_ascii=False).encode()
    path.write_bytes(b'{"id": "a", "text": "\xff\xfe"}\n' + ok + b"\n")
    records = list(read([path]))
    assert isinstance(records[0], ProcessingError) and "UTF-8" in records[0].reason
    assert isinstance(records[1], Document) and records[1].id == "b"


def test_directory_of_text_binary_and_html(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "one.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "latin1.txt").write_bytes("café".encode("latin-1"))
    (tmp_path / "page.html").write_text(
        "<html><head><title>عنوان الصفحة</title></head><body><nav>القائمة</nav><article><p>"
        + ARTICLE * 3
        + "</p></article></body></html>",
        encoding="utf-8",
    )
    records = list(read([tmp_path], IngestOptions(published=dt.date(2020, 1, 2))))
    by_id = {r.doc_id if isinstance(r, ProcessingError) else r.id: r for r in records}
    assert isinstance(by_id["sub/one.txt"], Document)
    assert by_id["sub/one.txt"].published == dt.date(2020, 1, 2)
    assert "empty" in by_id["empty.txt"].reason
    assert "binary" in by_id["image.png"].reason
    assert "UTF-8" in by_id["latin1.txt"].reason
    page = by_id["page.html"]
    assert isinstance(page, Document) and "300 جندي" in page.text and "القائمة" not in page.text


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    (record,) = list(read([tmp_path / "nope.txt"]))
    assert isinstance(record, ProcessingError) and "no such file" in record.reason


def test_a_stray_control_character_is_kept_but_binary_is_rejected(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "stray", "text": ARTICLE + "\x02" + ARTICLE}, ensure_ascii=False),
        json.dumps({"id": "junk", "text": "\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f" * 5}),
    ]
    records = list(read([write_jsonl(tmp_path / "c.jsonl", lines)]))
    assert isinstance(records[0], Document) and "\x02" in records[0].text
    assert isinstance(records[1], ProcessingError) and "binary" in records[1].reason


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2018-03-01", dt.date(2018, 3, 1)),
        ("2018-03-01T23:10:00+03:00", dt.date(2018, 3, 1)),
        ("2018/3/1", dt.date(2018, 3, 1)),
        ("01/03/2018", dt.date(2018, 3, 1)),  # day first, as Arab and European sites write it
        ("25.12.2017", dt.date(2017, 12, 25)),
        ("٢٠١٨-٠٣-٠١", dt.date(2018, 3, 1)),
        ("Thu, 01 Mar 2018 10:00:00 +0000", dt.date(2018, 3, 1)),
        ("1519900000", dt.date(2018, 3, 1)),
        (dt.date(2018, 3, 1), dt.date(2018, 3, 1)),
        ("", None),
        (None, None),
    ],
)
def test_published_dates_in_the_forms_feeds_write(value: object, day: dt.date | None) -> None:
    assert parse_date(value) == day


@pytest.mark.parametrize("value", ["yesterday", "2018", "2018-02-30", "13/13/2018", "1.3"])
def test_a_date_naming_no_day_is_a_clear_error(value: str) -> None:
    with pytest.raises(ValueError, match=repr(value)):
        parse_date(value)
