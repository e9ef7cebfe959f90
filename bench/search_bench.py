"""Search: rectify.search (the site's only entry point) against Django's plain icontains.

Each figure is "count + first page of 20", the work a search page does. Both sides must find the
same problems; a difference in counts is recorded, since the search index has to equal a plain
substring match.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q

from bench.common import Missing, summary, time_each
from bench.queries import ALL_TERMS, SEARCH_TERMS

PAGE = 20


def _issues():
    from rectify.models import Issue

    return Issue.objects.published().select_related("inspection__unit", "report")


def rectify_issues(term: str) -> int:
    """What the search page does: the published hits' count and first page, newest report first."""
    from rectify.search import query as search

    hits = search.published_issues(term, _issues())
    count = hits.count()
    hits[:PAGE]
    return count


def icontains_issues(term: str) -> int:
    from rectify.models import Measure

    in_measures = Exists(Measure.objects.filter(issue=OuterRef("pk"), text__icontains=term))
    found = _issues().filter(Q(title__icontains=term) | Q(description__icontains=term) | in_measures)
    count = found.count()
    list(found[:PAGE])
    return count


def _measures():
    from rectify.models import Measure

    return Measure.objects.filter(issue__report__is_published=True).select_related("issue")


def rectify_measures(term: str) -> int:
    from rectify.search import query as search

    found = search.filter_measures(_measures(), term)
    count = found.count()
    list(found[:PAGE])
    return count


def icontains_measures(term: str) -> int:
    found = _measures().filter(text__icontains=term)
    count = found.count()
    list(found[:PAGE])
    return count


def search_page(client):
    """The public search page, in-process (server time); Missing until the pages branch is merged."""
    from django.urls import NoReverseMatch, reverse

    try:
        url = reverse("search")
    except NoReverseMatch as exc:
        raise Missing("no URL named 'search'") from exc

    def get(term: str) -> int:
        response = client.get(url, {"q": term})
        if response.status_code != 200:
            raise RuntimeError(f"GET {url}?q={term} answered {response.status_code}")
        return response.status_code

    return get


def by_length(samples: list[float]) -> dict:
    """Split one pass's samples (in ALL_TERMS order) by query length."""
    per = len(samples) // len(ALL_TERMS)
    out, position = {}, 0
    for length, terms in SEARCH_TERMS.items():
        size = len(terms) * per
        out[str(length)] = summary(samples[position : position + size])
        position += size
    return out


def measure(*, warm: int = 3) -> dict:
    """Time every search term on each side; warm the caches with the first `warm` terms only."""
    sides = {
        "issues": (rectify_issues, icontains_issues),
        "measures": (rectify_measures, icontains_measures),
    }
    result = {"terms": list(ALL_TERMS)}
    for name, (ours, baseline) in sides.items():
        for term in ALL_TERMS[:warm]:
            ours(term), baseline(term)
        ours_ms, ours_counts = time_each(ALL_TERMS, ours, warmup=False)
        base_ms, base_counts = time_each(ALL_TERMS, baseline, warmup=False)
        result[name] = {
            "rectify": {**summary(ours_ms), "by_length": by_length(ours_ms), "samples": _round(ours_ms)},
            "icontains": {**summary(base_ms), "by_length": by_length(base_ms), "samples": _round(base_ms)},
            "counts": {term: ours_counts[term] for term in ALL_TERMS},
            "count_mismatches": {
                term: [ours_counts[term], base_counts[term]]
                for term in ALL_TERMS
                if ours_counts[term] != base_counts[term]
            },
        }
    return result


def measure_page(client) -> dict:
    try:
        get = search_page(client)
    except Missing as missing:
        return {"missing": str(missing)}
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    samples, _ = time_each(ALL_TERMS, get)
    with CaptureQueriesContext(connection) as queries:
        get(ALL_TERMS[0])
    return {**summary(samples), "by_length": by_length(samples), "queries": len(queries.captured_queries)}


def _round(samples):
    return [round(s, 2) for s in samples]
