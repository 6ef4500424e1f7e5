"""Throughput and memory of `analyze` on a real corpus.

Reports documents and tokens per second overall and per stage, and the
resident set size sampled along the run, so a reader can see that memory stays
flat as the corpus grows.
"""

from __future__ import annotations

import resource
import tempfile
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rasd.api import get_pipeline
from rasd.ingest import IngestOptions, read
from rasd.model import Document
from rasd.store import Store


def current_rss_mb() -> float:
    """Resident set size now (Linux /proc), in MB."""
    try:
        with open("/proc/self/statm") as fh:
            pages = int(fh.read().split()[1])
        return pages * resource.getpagesize() / 1e6
    except OSError:
        return peak_rss_mb()


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@dataclass
class ThroughputReport:
    documents: int = 0
    tokens: int = 0
    characters: int = 0
    seconds: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    store_seconds: float = 0.0
    rss_samples: list[tuple[int, float]] = field(default_factory=list)
    peak_rss_mb: float = 0.0
    bad_records: int = 0

    def format(self) -> str:
        lines = [
            f"documents: {self.documents} ({self.bad_records} bad records skipped)",
            f"tokens: {self.tokens}  characters: {self.characters}",
            f"total: {self.seconds:.1f} s  {self.documents / self.seconds:.1f} docs/s  "
            f"{self.tokens / self.seconds:,.0f} tokens/s",
        ]
        for name, secs in self.stage_seconds.items():
            rate = self.documents / secs if secs else float("inf")
            lines.append(f"  stage {name:10s} {secs:8.1f} s  {rate:10.1f} docs/s")
        lines.append(f"  store      {self.store_seconds:8.1f} s")
        samples = ", ".join(f"{n}:{mb:.0f}" for n, mb in self.rss_samples)
        lines.append(f"RSS MB after N docs: {samples}")
        lines.append(f"peak RSS: {self.peak_rss_mb:.0f} MB")
        return "\n".join(lines)


def bench_analyze(
    paths: Sequence[str | Path],
    stages: Sequence[str] | None = None,
    limit: int | None = None,
    db: str | None = None,
    samples: int = 10,
) -> ThroughputReport:
    """Analyse and store up to ``limit`` documents, timing each stage separately."""
    pipeline = get_pipeline(stages)
    report = ThroughputReport()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(db or str(Path(tmp) / "bench.db"))
        every = max(1, limit // samples) if limit else 2000
        started = time.perf_counter()
        for record in read(paths, IngestOptions()):
            if not isinstance(record, Document):
                report.bad_records += 1
                continue
            doc = record
            for stage in pipeline.stages:
                t0 = time.perf_counter()
                doc = stage(doc)
                report.stage_seconds[stage.name] += time.perf_counter() - t0
            t0 = time.perf_counter()
            store.save_document(doc, pipeline.names)
            report.store_seconds += time.perf_counter() - t0
            report.documents += 1
            report.tokens += len(doc.tokens)
            report.characters += len(doc.text)
            if report.documents % every == 0:
                report.rss_samples.append((report.documents, current_rss_mb()))
            if limit and report.documents >= limit:
                break
        report.seconds = time.perf_counter() - started
        store.close()
    report.rss_samples.append((report.documents, current_rss_mb()))
    report.peak_rss_mb = peak_rss_mb()
    return report
