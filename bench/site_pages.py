"""Queries and server time of every kind of public page, in-process, in both languages.

Runs against the database DATABASE_URL names, with the seed reports imported (`make seed`, or
`import_reports fixtures/reports` into a scratch database). For each page: queries of a cold
request (cache cleared), of a warm one, and the median server time of warm requests through
Django's test client (no network, no static files). Written to run unchanged on older commits, so
a before/after pair is two runs of this file in one session:

    DATABASE_URL=sqlite:////tmp/seed.sqlite3 .venv/bin/python -m bench.site_pages --repeat 20
"""

from __future__ import annotations

import argparse
import json
import statistics
import time

from bench.common import setup_django


def public_pages() -> dict[str, str]:
    from django.db.models import Count

    from rectify.models import Issue, Report, Unit

    published = Report.objects.filter(is_published=True)
    report = published.annotate(n=Count("issues__measures")).order_by("-n").first()
    unit = Unit.objects.get(pk=report.inspection.unit_id)
    issue = Issue.objects.filter(report__in=published).order_by("pk").first()
    pages = {
        "home": "/",
        "reports": "/reports/",
        "report": f"/reports/{report.pk}/",
        "source": f"/reports/{report.pk}/source/",
        "inspection": f"/inspections/{report.inspection_id}/",
        "units": "/units/",
        "unit": f"/units/{unit.pk}/",
        "problems": "/problems/",
        "problems_filtered": "/problems/?status=completed",
        # issue 18 (404 on commits before it): several values of one facet, the league table, report filters
        "problems_two_statuses": "/problems/?status=completed&status=in_progress",
        "league": "/units/league/",
        "reports_filtered": f"/reports/?region={unit.region[:3]}&kind=%E5%B7%A1%E5%AF%9F",
        "problem": f"/problems/{issue.pk}/",
        "search": "/search/?q=%E8%A1%A5%E5%8A%A9",
        "stats": "/stats/",
        "api_docs": "/api/",
        "api_problems": "/api/v1/problems/",
    }
    pages.update(
        {
            f"en_{name}": f"/en{url}"
            for name, url in list(pages.items())
            if name in {"home", "report", "problems", "stats"}
        }
    )
    return pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    setup_django(None)
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    results = {}
    for name, url in public_pages().items():
        cache.clear()
        with CaptureQueriesContext(connection) as cold:
            status = client.get(url).status_code
        cold_count = len(cold.captured_queries)  # read now: the next request empties the log
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
            "status": status,
            "queries_cold": cold_count,
            "queries_warm": warm_count,
            "median_ms": round(statistics.median(samples), 1),
        }
    print(json.dumps({"vendor": connection.vendor, "pages": results}, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
