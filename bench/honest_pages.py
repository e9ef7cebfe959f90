"""Queries and server time of the pages issue 18 ("honest progress") touches, in-process.

Runs against the database DATABASE_URL names (import the seed reports first: `make seed`, or
`import_reports fixtures/reports` into a scratch database). For each page: the number of queries
of a cold request (cache cleared) and of a warm one, and the median server time of warm requests
through Django's test client (no network, no static files).

    DATABASE_URL=sqlite:////tmp/seed.sqlite3 .venv/bin/python -m bench.honest_pages --repeat 30
"""

from __future__ import annotations

import argparse
import json
import statistics
import time

from bench.common import setup_django


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    setup_django(None)
    from django.core.cache import cache
    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from rectify.models import Report

    largest = (
        Report.objects.published().annotate(n=Count("issues__measures")).order_by("-n").values_list("pk", flat=True)
    )[0]
    pages = {"home": "/", "problems": "/problems/", "stats": "/stats/", "report": f"/reports/{largest}/"}
    client = Client()
    results = {}
    for name, url in pages.items():
        cache.clear()
        with CaptureQueriesContext(connection) as cold:
            assert client.get(url).status_code == 200
        # Counted at once: captured_queries reads the connection's log, which the next request empties.
        cold_count = len(cold.captured_queries)
        with CaptureQueriesContext(connection) as warm:
            client.get(url)
        warm_count = len(warm.captured_queries)
        samples = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            client.get(url)
            samples.append((time.perf_counter() - start) * 1000)
        results[name] = {
            "url": url,
            "queries_cold": cold_count,
            "queries_warm": warm_count,
            "median_ms": round(statistics.median(samples), 1),
        }
    print(json.dumps({"vendor": connection.vendor, "pages": results}, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
