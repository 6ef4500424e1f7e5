"""`rasd kb add` / `rasd kb check` against a user KB file in a temporary folder."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rasd.cli import app

runner = CliRunner()


@pytest.fixture
def kb_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "kb.jsonl"
    monkeypatch.setenv("RASD_KB_PATH", str(path))
    return path


def test_add_then_check(kb_file: Path) -> None:
    added = runner.invoke(
        app,
        [
            "kb",
            "add",
            "لواء الاختبار الأول",
            "--type",
            "org",
            "--name-en",
            "First Test Brigade",
            "--alias",
            "اللواء التجريبي",
            "--country",
            "ly",
        ],
    )
    assert added.exit_code == 0, added.stderr
    entry = json.loads(kb_file.read_text(encoding="utf-8").splitlines()[0])
    assert entry["type"] == "ORG" and entry["country"] == "LY" and entry["aliases"] == ["اللواء التجريبي"]
    checked = runner.invoke(app, ["kb", "check"])
    assert checked.exit_code == 0 and "OK" in checked.stderr


def test_duplicate_is_refused_and_nothing_written(kb_file: Path) -> None:
    args = ["kb", "add", "لواء الاختبار الثاني", "--type", "ORG", "--name-en", "Second Test Brigade"]
    assert runner.invoke(app, args).exit_code == 0
    again = runner.invoke(app, args)
    assert again.exit_code == 1 and "duplicate id" in again.stderr
    assert len(kb_file.read_text(encoding="utf-8").splitlines()) == 1


def test_check_reports_bad_entries(kb_file: Path) -> None:
    kb_file.write_text('{"id": "broken"}\n', encoding="utf-8")
    result = runner.invoke(app, ["kb", "check"])
    assert result.exit_code == 1
    assert "broken" in result.stderr and "type must be one of" in result.stderr
