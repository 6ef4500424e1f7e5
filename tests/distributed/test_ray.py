"""The Ray runner on a real local Ray: the same knowledge base as in-process analysis."""

from __future__ import annotations

from pathlib import Path

import pytest

import rasd
from rasd.export import export_dict
from rasd.store import Store
from tests.conftest import EXAMPLES

ray = pytest.importorskip("ray")


def _export(db: str) -> dict:
    store = Store(db)
    data = export_dict(store)
    store.close()
    return data


def test_ray_workers_build_the_same_knowledge_base(tmp_path: Path) -> None:
    from rasd.distributed import RayRunner

    local = str(tmp_path / "local.db")
    distributed = str(tmp_path / "ray.db")
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        '{"id": "ok-1", "text": "قال الجيش إن 20 مسلحا قتلوا أمس في درنة."}\n{not json\n', encoding="utf-8"
    )
    inputs = [EXAMPLES, bad]
    first = rasd.analyze_corpus(inputs, db=local, published="2026-03-21")
    runner = RayRunner(workers=2, batch_size=3)
    try:
        second = rasd.analyze_corpus(inputs, db=distributed, published="2026-03-21", runner=runner)
        # Re-running through Ray skips what is stored, like the in-process path.
        again = rasd.analyze_corpus([EXAMPLES], db=distributed, runner=runner)
    finally:
        runner.shutdown()
    assert (second.processed, second.bad_records) == (first.processed, first.bad_records) == (16, 1)
    assert _export(distributed) == _export(local)
    assert (again.processed, again.unchanged) == (0, 15)


def test_runner_rejects_nonsense_sizes() -> None:
    from rasd.distributed import RayRunner

    with pytest.raises(ValueError):
        RayRunner(workers=0)
