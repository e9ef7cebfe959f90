"""Server time of a conditional GET answered 304 against a full render, page by page, in-process.

Runs against the database DATABASE_URL names (the seed reports: `make seed`; or a small corpus:
`manage.py generate_corpus --reports 200`). For each page: one request to warm the caches (facet
counts, totals), then `--repeat` rounds of a full GET and a GET with the ETag it was sent in
If-None-Match, alternated, through Django's test client (DEBUG off, no network); medians, their
ratio, and the queries each made.

    DATABASE_URL=sqlite:////tmp/seed.sqlite3 .venv/bin/python -m bench.http_cache_bench --repeat 50
"""

from __future__ import annotations

import argparse
import json
import statistics
import time

from bench.common import RESULTS, setup_django, stamp


def pages() -> dict[str, str]:
    from django.db.models import Count

    from rectify.models import Issue, Report, Unit

    largest = Report.objects.published().annotate(n=Count("issues__measures")).order_by("-n").first()
    issue = Issue.objects.published().order_by("pk").first()
    unit = Unit.objects.filter(inspections__reports__is_published=True).order_by("pk").first()
    return {
        "home": "/",
        "problem list": "/problems/",
        "problem list, filtered, page 2": "/problems/?status=completed&page=2",
        "problem list, English": "/en/problems/",
        "stats": "/stats/",
        "largest report": f"/reports/{largest.pk}/",
        "problem": f"/problems/{issue.pk}/",
        "unit": f"/units/{unit.pk}/",
        "API problems": "/api/v1/problems/",
        "Atom feed": "/feeds/reports.atom",
    }


def _ms(function) -> float:
    start = time.perf_counter()
    function()
    return (time.perf_counter() - start) * 1000


def measure(client, url: str, repeat: int) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    first = client.get(url)  # warms the caches a full render would find warm in production
    assert first.status_code == 200, (url, first.status_code)
    etag = first["ETag"]
    with CaptureQueriesContext(connection) as full_queries:
        client.get(url)
    full_count = len(full_queries.captured_queries)
    with CaptureQueriesContext(connection) as conditional_queries:
        assert client.get(url, headers={"if-none-match": etag}).status_code == 304
    conditional_count = len(conditional_queries.captured_queries)
    full, conditional = [], []
    for _ in range(repeat):
        full.append(_ms(lambda: client.get(url)))
        conditional.append(_ms(lambda: client.get(url, headers={"if-none-match": etag})))
    full_ms, conditional_ms = statistics.median(full), statistics.median(conditional)
    return {
        "url": url,
        "full_ms": round(full_ms, 2),
        "not_modified_ms": round(conditional_ms, 2),
        "ratio": round(full_ms / conditional_ms, 1),
        "full_queries": full_count,
        "not_modified_queries": conditional_count,
        "bytes": len(first.content),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--save", action="store_true", help="write the figures to bench/results/")
    args = parser.parse_args()
    setup_django(None)
    from django.db import connection
    from django.test import Client

    from rectify.models import Issue, Report

    client = Client()
    results = {name: measure(client, url, args.repeat) for name, url in pages().items()}
    run = {
        "vendor": connection.vendor,
        "reports": Report.objects.published().count(),
        "problems": Issue.objects.published().count(),
        "repeat": args.repeat,
        "pages": results,
    }
    print(f"{run['vendor']}: {run['reports']} published reports, {run['problems']} problems; medians of {args.repeat}")
    print("| page | full ms | 304 ms | full ÷ 304 | queries full / 304 | body bytes |")
    print("|---|---|---|---|---|---|")
    for name, row in results.items():
        print(
            f"| {name} | {row['full_ms']} | {row['not_modified_ms']} | {row['ratio']}× "
            f"| {row['full_queries']} / {row['not_modified_queries']} | {row['bytes']:,} |"
        )
    if args.save:
        path = RESULTS / f"http-cache-{run['vendor']}-{run['problems']}-{stamp()}.json"
        path.write_text(json.dumps(run, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"saved {path.relative_to(RESULTS.parent.parent)}")


if __name__ == "__main__":
    main()
