"""The problem list: three filters, the first page of 20 and counts for five facets.

Two of our figures: the ORM work alone (IssueFilter plus five GROUP BY counts, which exists on
every branch) and the public page /problems/ in-process (server time, once the pages branch is
merged). The Datasette baseline is timed over HTTP in datasette_baseline.py.
"""

from __future__ import annotations

from django.db.models import Count
from django.db.models.functions import ExtractYear

from bench.common import Missing, summary, time_each
from bench.queries import list_filters

PAGE = 20
FACET_FIELDS = {
    "status": "status",
    "level": "inspection__unit__level",
    "region": "inspection__unit__region",
    "kind": "inspection__kind",
    "year": "facet_year",
}


def orm_list(filters: dict[str, str]) -> int:
    """Count, first page and five facet counts, the way a list view with facets would ask."""
    from rectify.filters import IssueFilter
    from rectify.models import Issue

    filterset = IssueFilter(data=filters, queryset=Issue.objects.published())
    if not filterset.is_valid():
        raise ValueError(f"filters rejected: {filterset.errors}")
    issues = filterset.qs
    count = issues.count()
    list(issues.select_related("inspection__unit", "category")[:PAGE])
    grouped = issues.order_by().annotate(facet_year=ExtractYear("inspection__start_date"))
    for field in FACET_FIELDS.values():
        list(grouped.values(field).annotate(n=Count("pk")).order_by("-n")[:30])
    return count


def list_page(client):
    from django.urls import NoReverseMatch, reverse

    try:
        url = reverse("issue_list")
    except NoReverseMatch as exc:
        raise Missing("no URL named 'issue_list'") from exc

    def get(key: tuple) -> int:
        response = client.get(url, dict(key))
        if response.status_code != 200:
            raise RuntimeError(f"GET {url} {dict(key)} answered {response.status_code}")
        return response.status_code

    return get


def measure() -> dict:
    combos = [tuple(sorted(f.items())) for f in list_filters()]
    samples, counts = time_each(combos, lambda key: orm_list(dict(key)))
    return {
        "filters": [dict(key) for key in combos],
        "orm": {**summary(samples), "samples": [round(s, 2) for s in samples]},
        "counts": [counts[key] for key in combos],
    }


def measure_page(client) -> dict:
    """The page with its facet cache emptied before every request (the figure that counts: the first
    visitor after each import pays it), and again with the cache the first pass filled."""
    try:
        get = list_page(client)
    except Missing as missing:
        return {"missing": str(missing)}
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def cold(key: tuple) -> int:
        cache.clear()
        return get(key)

    combos = [tuple(sorted(f.items())) for f in list_filters()]
    samples, _ = time_each(combos, cold)
    cached, _ = time_each(combos, get)
    with CaptureQueriesContext(connection) as queries:
        cold(combos[0])
    unfiltered, _ = time_each([()] * 5, cold, warmup=False)
    return {
        **summary(samples),
        "queries": len(queries.captured_queries),
        "cached": summary(cached),
        "unfiltered": summary(unfiltered),
    }
