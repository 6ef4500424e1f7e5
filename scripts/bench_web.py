"""Latency of the web UI and HTTP API pages over a store (in-process ASGI client, no network).

    python scripts/bench_web.py --db /path/to/store.db [--runs 5]

Prints, per page, the first (cold) request and the median of the following runs. The most
mentioned entity and the newest document stand in for "an entity page" and "a document page".
"""

from __future__ import annotations

import argparse
import statistics
import time

from fastapi.testclient import TestClient

from rasd.store import Store
from rasd.store import queries as Q
from rasd.web import create_app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    store = Store(args.db)
    client = TestClient(create_app(store=store))
    top = Q.entities(store, limit=1)
    newest = Q.documents(store, limit=1)
    pages = [
        "/",
        "/entities",
        "/entities?q=%D8%AF%D8%B1%D9%86%D8%A9",
        "/claims",
        "/map",
        "/documents",
        "/api/overview",
    ]
    if top:
        pages += [f"/entities/{top[0].id}", f"/api/entities/{top[0].id}"]
    if newest:
        pages += [f"/documents/{newest[0].id}"]
    print(f"store: {store.counts()}")
    print(f"{'page':45} {'status':>6} {'KiB':>7} {'cold s':>7} {'median s':>9}")
    for page in pages:
        started = time.perf_counter()
        response = client.get(page)
        cold = time.perf_counter() - started
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            client.get(page)
            times.append(time.perf_counter() - started)
        print(
            f"{page[:45]:45} {response.status_code:>6} {len(response.content) / 1024:>7.0f} "
            f"{cold:>7.2f} {statistics.median(times):>9.3f}"
        )


if __name__ == "__main__":
    main()
