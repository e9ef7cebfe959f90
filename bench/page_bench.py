"""Public pages in-process (server time): the largest report's disclosure page, home and a unit.

The report page must cost the same number of queries for the largest report as for the
smallest: the count is recorded for both.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext

from bench.common import summary, time_each

REPEAT = 30


def _get(client, url: str) -> int:
    response = client.get(url)
    if response.status_code != 200:
        raise RuntimeError(f"GET {url} answered {response.status_code}")
    return len(response.content)


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        _get(client, url)
    return len(queries.captured_queries)


def measure(client, *, repeat: int = REPEAT) -> dict:
    from rectify.models import Report, Unit

    by_size = Report.objects.published().annotate(measure_count=Count("issues__measures")).order_by("-measure_count")
    largest = by_size.values("pk", "measure_count").first()
    smallest = by_size.reverse().values("pk", "measure_count").first()
    if largest is None:
        return {"missing": "no published report"}
    largest_url = Report(pk=largest["pk"]).get_absolute_url()
    smallest_url = Report(pk=smallest["pk"]).get_absolute_url()
    samples, sizes = time_each([largest_url] * repeat, lambda url: _get(client, url))
    result = {
        "report_largest": {
            **summary(samples),
            "url": largest_url,
            "measures": largest["measure_count"],
            "bytes": sizes[largest_url],
            "queries": _queries(client, largest_url),
            "queries_smallest": _queries(client, smallest_url),
            "smallest_measures": smallest["measure_count"],
        }
    }
    busiest = Unit.objects.annotate(n=Count("inspections__reports")).order_by("-n").values("pk").first()
    pages = {"home": "/"}
    if busiest:
        from django.urls import reverse

        pages["unit_busiest"] = reverse("unit_detail", args=[busiest["pk"]])
    from django.core.cache import cache

    def cold(url: str) -> int:
        cache.clear()  # the home page remembers its totals until the archive changes
        return _get(client, url)

    for name, url in pages.items():
        samples, _ = time_each([url] * max(5, repeat // 3), cold)
        cached, _ = time_each([url] * max(5, repeat // 3), lambda url: _get(client, url))
        result[name] = {**summary(samples), "url": url, "queries": _queries(client, url), "cached": summary(cached)}
    return result
