"""The benchmark harness (bench/): its requests are valid and its figures are computed right."""

import pytest

from bench import list_bench, search_bench
from bench.common import percentile, summary
from bench.queries import ALL_TERMS, SEARCH_TERMS, datasette_params, list_filters
from bench.report import render_table
from rectify.filters import IssueFilter
from rectify.models import Issue


def test_percentile_is_the_nearest_rank():
    samples = list(range(1, 101))

    assert percentile(samples, 0.95) == 95
    assert percentile(samples, 0.5) == 50
    assert percentile([7.0], 0.99) == 7.0


def test_summary_reports_median_and_tail():
    figures = summary([1.0, 2.0, 3.0, 100.0])

    assert figures["n"] == 4
    assert figures["p50"] == 2.5
    assert figures["max"] == 100.0


def test_search_terms_cover_every_length_from_one_to_six_with_at_least_thirty_terms():
    assert len(ALL_TERMS) >= 30
    assert len(set(ALL_TERMS)) == len(ALL_TERMS)
    for length, terms in SEARCH_TERMS.items():
        assert {len(term) for term in terms} == {length}


def test_list_filters_are_distinct_triples_the_filterset_accepts():
    combos = list_filters()

    assert len(combos) >= 30
    assert len({tuple(sorted(c.items())) for c in combos}) == len(combos)
    for combo in combos:
        assert len(combo) == 3
        filterset = IssueFilter(data=combo, queryset=Issue.objects.none())
        assert filterset.is_valid(), (combo, filterset.errors)


def test_datasette_params_spell_open_and_region_as_datasette_filters():
    params = datasette_params({"status": "open", "region": "辽宁省丹东市", "year": "2024"})

    assert params == {
        "status__in": "partial,in_progress,not_started",
        "region__startswith": "辽宁省丹东市",
        "year": "2024",
    }


@pytest.mark.django_db
@pytest.mark.parametrize("term", ["整改", "公众号", "龘"])
def test_search_sides_find_the_same_problems(imported_seeds, term):
    assert search_bench.rectify_issues(term) == search_bench.icontains_issues(term)
    assert search_bench.rectify_measures(term) == search_bench.icontains_measures(term)


@pytest.mark.django_db
def test_orm_list_counts_what_the_filterset_selects(imported_seeds):
    filters = {"status": "completed", "level": "district", "region": "湖南省"}
    expected = IssueFilter(data=filters, queryset=Issue.objects.published()).qs.count()

    assert expected > 0
    assert list_bench.orm_list(filters) == expected


def test_table_shows_missing_entry_points_as_missing():
    result = {
        "label": "small",
        "machine": {
            "date": "2026-01-01 00:00 UTC",
            "commit": "abc",
            "cpu": "cpu",
            "cores": 2,
            "memory_gb": 4,
            "load_average": [0.5],
            "python": "3",
            "django": "5",
            "sqlite": "3",
        },
        "database": {"vendor": "sqlite"},
        "corpus": {"reports": 1, "issues": 2, "measures": 3, "units": 1},
        "targets": {
            "search_p95_ms": {"sqlite": 50},
            "search_speedup_p50": 20,
            "list_p95_ms": 100,
            "report_p95_ms": 50,
            "parse_per_second": 200,
            "load_per_second": 50,
        },
        "sections": {"search_page": {"missing": "no URL named 'search'"}, "list_page": {"missing": "x"}},
    }

    table = render_table(result)

    assert "| Search page /search/ (server time) | missing | missing |" in table
    assert "| Problem list page /problems/ (server time) | missing | missing |" in table
