"""Shared fixtures: real SQLite files and, when available, a real PostgreSQL."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCHEMA = SHARED / "contract" / "export.schema.json"
EXAMPLES = ROOT / "examples"


def _reset_postgres(url: str) -> None:
    from rasd.store import database_url

    engine = create_engine(database_url(url))
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database of each kind the store supports."""
    if request.param == "sqlite":
        yield str(tmp_path / "rasd.db")
        return
    url = os.environ.get("RASD_TEST_POSTGRES")
    if not url:
        pytest.skip("no PostgreSQL (set RASD_TEST_POSTGRES; `make test` starts one)")
    _reset_postgres(url)
    yield url


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return str(tmp_path / "rasd.db")
