"""Run the per-document pipeline on Ray actors; the driver keeps reading and writing the store.

Per-document stages are pure functions of one document plus read-only resources, so
each actor builds the pipeline once (models load once per worker) and analyses batches
of documents. Results come back in input order, so a run is reproducible and the store
sees the same writes as in-process analysis. At most ``2 × workers`` batches are in
flight: memory stays bounded however large the input is. Corpus-level stages (entity
resolution, claim groups) stay in the driver: they need the whole store.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import Any

from rasd.model import Document, ProcessingError


class _Worker:
    """One Ray actor: a pipeline built once, applied to batches."""

    def __init__(self, stages: Sequence[str] | None, options: dict[str, dict[str, Any]] | None) -> None:
        from rasd.api import get_pipeline

        self.pipeline = get_pipeline(stages, options)

    def run(self, docs: list[Document]) -> list[Document]:
        out = []
        for doc in docs:
            try:
                out.append(self.pipeline(doc))
            except Exception as error:  # the pipeline records stage errors itself; this is a last resort
                doc.errors.append(ProcessingError(doc.id, "worker", f"{type(error).__name__}: {error}"))
                out.append(doc)
        return out


class RayRunner:
    """A ``runner`` for :func:`rasd.analyze_corpus` that fans documents out to Ray actors.

    ``address``: an existing cluster (``"auto"`` or ``"ray://host:10001"``); default a
    local Ray started with ``workers`` CPUs. ``workers``: how many actors (one CPU each).
    """

    def __init__(
        self,
        stages: Sequence[str] | None = None,
        options: dict[str, dict[str, Any]] | None = None,
        *,
        workers: int = 2,
        batch_size: int = 16,
        address: str | None = None,
    ) -> None:
        if workers < 1 or batch_size < 1:
            raise ValueError("workers and batch_size must be at least 1")
        self.stages = list(stages) if stages is not None else None
        self.options = options
        self.workers = workers
        self.batch_size = batch_size
        self.address = address
        self._actors: list[Any] = []

    def _start(self) -> list[Any]:
        # Offline at run time: Ray's usage statistics would otherwise try to phone home.
        os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
        import ray

        if not ray.is_initialized():
            if self.address:
                ray.init(address=self.address, log_to_driver=False)
            else:
                ray.init(num_cpus=self.workers, include_dashboard=False, log_to_driver=False)
        if not self._actors:
            actor = ray.remote(num_cpus=1)(_Worker)
            self._actors = [actor.remote(self.stages, self.options) for _ in range(self.workers)]
        return self._actors

    def __call__(self, docs: Iterable[Document]) -> Iterator[Document]:
        import ray

        actors = self._start()
        pending: deque[Any] = deque()
        source = iter(docs)
        turn = 0
        while True:
            while len(pending) < 2 * len(actors):
                batch = list(islice(source, self.batch_size))
                if not batch:
                    break
                pending.append(actors[turn % len(actors)].run.remote(batch))
                turn += 1
            if not pending:
                return
            yield from ray.get(pending.popleft())

    def shutdown(self) -> None:
        """Release the actors (and the local Ray this runner started, if any)."""
        import ray

        for actor in self._actors:
            ray.kill(actor)
        self._actors = []
        if ray.is_initialized() and not self.address:
            ray.shutdown()
