"""Analysed stores of the shipped sample corpus for the web tests.

The PostgreSQL store is module-scoped: other tests reset the same database between modules.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

import rasd
from rasd.store import Store
from tests.conftest import EXAMPLES, _reset_postgres


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def analysed_store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    if request.param == "sqlite":
        url = str(tmp_path_factory.mktemp("web") / "rasd.db")
    else:
        url = os.environ.get("RASD_TEST_POSTGRES", "")
        if not url:
            pytest.skip("no PostgreSQL (set RASD_TEST_POSTGRES; `make test` starts one)")
        _reset_postgres(url)
    store = Store(url)
    report = rasd.analyze_corpus([EXAMPLES], db=store, published="2026-03-21")
    assert report.processed > 0 and report.bad_records == 0
    yield store
    store.close()


@pytest.fixture(scope="session")
def sqlite_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = Store(str(tmp_path_factory.mktemp("web-sqlite") / "rasd.db"))
    rasd.analyze_corpus([EXAMPLES], db=store, published="2026-03-21")
    yield store
    store.close()
