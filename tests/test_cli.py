"""The CLI end to end on real files and a real SQLite store (text stage only, to stay fast)."""

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from rasd.cli import app
from tests.conftest import EXAMPLES, SCHEMA

runner = CliRunner()


def run(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


def test_help_on_every_command() -> None:
    result = run("--help")
    assert result.exit_code == 0
    for command in (
        "analyze",
        "export",
        "errors",
        "stats",
        "summary",
        "entities",
        "claims",
        "quotes",
        "events",
        "serve",
    ):
        assert command in result.output
        sub = run(command, "--help")
        assert sub.exit_code == 0 and "--help" in sub.output


def test_analyze_export_rerun(tmp_path: Path) -> None:
    db = str(tmp_path / "k.db")
    first = run("analyze", str(EXAMPLES), "--db", db, "--published", "2026-03-21", "--stages", "text")
    assert first.exit_code == 0, first.output
    assert "15 analysed" in first.stderr
    again = run("analyze", str(EXAMPLES), "--db", db, "--stages", "text")
    assert again.exit_code == 0 and "0 analysed, 15 unchanged" in again.stderr
    out = tmp_path / "export.json"
    assert run("export", "--db", db, "--out", str(out)).exit_code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data["documents"]) == 15
    if SCHEMA.exists():
        jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding="utf-8")))
    second = tmp_path / "export2.json"
    assert run("export", "--db", db, "--out", str(second)).exit_code == 0
    assert out.read_bytes() == second.read_bytes()


def test_bad_input_is_reported_and_the_rest_is_stored(tmp_path: Path) -> None:
    db = str(tmp_path / "k.db")
    batch = tmp_path / "batch.jsonl"
    batch.write_text(
        "\n".join(
            [
                json.dumps({"id": "a", "text": "خبر أول عن الاشتباكات."}, ensure_ascii=False),
                "{broken",
                json.dumps({"id": "a", "text": "نص مختلف بنفس المعرف."}, ensure_ascii=False),
                json.dumps({"id": "b", "text": ""}),
                json.dumps({"id": "c", "text": "خبر ثالث."}, ensure_ascii=False),
            ]
        ),
        encoding="utf-8",
    )
    result = run("analyze", str(batch), "--db", db, "--stages", "text")
    assert result.exit_code == 0
    lines = [line for line in result.stderr.splitlines() if line.startswith("error")]
    assert len(lines) == 3
    assert any(":2" in line and "malformed JSON" in line for line in lines)
    assert any("id=a" in line and "duplicate id" in line for line in lines)
    assert any("id=b" in line and "empty" in line for line in lines)
    listed = run("errors", "--db", db)
    assert listed.output.count("error [ingest]") == 3
    stats = run("stats", "--db", db)
    assert "documents" in stats.output


def test_nothing_processable_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02binary")
    result = run("analyze", str(bad), "--db", str(tmp_path / "k.db"), "--stages", "text")
    assert result.exit_code == 2
    assert "binary" in result.stderr


@pytest.mark.parametrize("payload", ["نص خبر قصير من المدخل القياسي.", '{"id": "s1", "text": "خبر."}'])
def test_stdin(tmp_path: Path, payload: str) -> None:
    db = str(tmp_path / "k.db")
    result = run("analyze", "-", "--db", db, "--stages", "text", input=payload)
    assert result.exit_code == 0, result.output
    assert "1 analysed" in result.stderr


def test_eval_ner_prints_micro_f1_last(tmp_path: Path) -> None:
    conll = tmp_path / "tiny.conll"
    conll.write_text(
        "زار B-PERS\nمحمد I-PERS\nعلي I-PERS\nمدينة O\nطرابلس B-LOC\n. O\n\n"
        "وقالت O\nالأمم B-ORG\nالمتحدة I-ORG\nإن O\nالوضع O\nخطير O\n. O\n",
        encoding="utf-8",
    )
    result = run("eval", "ner", str(conll))
    assert result.exit_code == 0, result.output
    last = result.output.strip().splitlines()[-1]
    assert last.startswith("micro_f1=")
    value = float(last.split("=", 1)[1])
    assert 0.0 <= value <= 100.0


def test_update_reruns_corpus_stages(tmp_path: Path) -> None:
    db = str(tmp_path / "k.db")
    assert run("analyze", str(EXAMPLES / "news.jsonl"), "--db", db, "--stages", "text,link").exit_code == 0
    result = run("update", "--db", db)
    assert result.exit_code == 0
    assert "entities" in result.stderr
