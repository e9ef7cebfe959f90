"""Cached counts last exactly until the next write to the archive's tables."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from rectify import caching
from rectify.models import Category, Inspection, Issue, IssueStatus, Measure, Report, Unit

pytestmark = pytest.mark.django_db


def test_every_write_to_the_archive_tables_moves_the_version_on(imported_seeds):
    issue = Issue.objects.order_by("pk").first()
    writes = [
        lambda: Unit.objects.filter(pk=issue.inspection.unit_id).update(region="某省"),
        lambda: Inspection.objects.filter(pk=issue.inspection_id).update(kind="专项巡察"),
        lambda: Report.objects.filter(pk=issue.report_id).update(title="新标题"),
        lambda: Category.objects.filter(inspection=issue.inspection_id).update(title="新类别"),
        lambda: Issue.objects.filter(pk=issue.pk).update(status=IssueStatus.PARTIAL),
        lambda: Measure.objects.create(issue=issue, order=900, text="新措施"),
        lambda: Measure.objects.filter(issue=issue, order=900).delete(),
    ]
    for write in writes:
        before = caching.data_version()
        write()
        assert caching.data_version() > before


def test_remembered_values_are_recomputed_after_a_write(imported_seeds):
    calls = []

    def count():
        calls.append(1)
        return Issue.objects.count()

    first = caching.remembered("test", count, "a")
    assert caching.remembered("test", count, "a") == first and len(calls) == 1
    caching.remembered("test", count, "b")  # other parts, another entry
    assert len(calls) == 2
    Issue.objects.filter(pk=Issue.objects.order_by("pk").first().pk).delete()
    assert caching.remembered("test", count, "a") == first - 1 and len(calls) == 3


def test_problem_list_facets_come_from_the_cache_until_a_problem_changes(client, imported_seeds):
    url = reverse("issue_list")
    query = {"status": "completed", "page": "1"}

    def completed_count(response):
        facet = next(f for f in response.context["facets"] if f.name == "status")
        return next(c.count for c in facet.choices if c.value == "completed")

    with CaptureQueriesContext(connection) as cold:
        first = client.get(url, query)
    with CaptureQueriesContext(connection) as warm:
        again = client.get(url, {**query, "page": "2", "sort": "-year"})  # same filters, same facets

    def facet_queries(context):
        return [q for q in context.captured_queries if "GROUP BY" in q["sql"]]

    assert facet_queries(cold) and not facet_queries(warm)
    assert completed_count(again) == completed_count(first)
    issue = Issue.objects.published().filter(status=IssueStatus.COMPLETED).first()
    issue.status = IssueStatus.PARTIAL
    issue.save()
    assert completed_count(client.get(url, query)) == completed_count(first) - 1


def test_home_totals_follow_a_withdrawn_report(client, imported_seeds):
    before = client.get(reverse("home")).context["totals"]
    report = Report.objects.order_by("pk").first()
    withdrawn = report.issues.count()
    report.is_published = False
    report.save()
    after = client.get(reverse("home")).context["totals"]
    assert after["issues"] == before["issues"] - withdrawn
    assert after["reports"] == before["reports"] - 1


# --- facet counts: one snapshot, keys from validated values (issue 16, items 5 and 6) ---------------


def _facet(response, name):
    return next(facet for facet in response.context["facets"] if facet.name == name)


def _fresh_facets(data):
    from rectify.filters import IssueFilter

    filterset = IssueFilter(data, queryset=Issue.objects.published())
    assert filterset.is_valid()
    return filterset.facets()


def test_a_crafted_query_string_cannot_store_counts_under_a_real_filters_key(client, imported_seeds):
    url = reverse("issue_list")
    real = {"q": "整改", "status": "completed"}
    # Under "k=v" parts joined by U+001F, this one q value spelt the same key as `real`, and
    # matches nothing: every count of the real filter would have read 0.
    crafted = client.get(url, {"q": "整改\x1fstatus=completed"})
    assert crafted.status_code == 200
    assert all(choice.count == 0 for choice in _facet(crafted, "status").choices)

    response = client.get(url, real)

    assert response.context["facets"] == _fresh_facets(real)
    assert sum(choice.count for choice in _facet(response, "unit").choices) > 0


def test_facets_are_keyed_by_validated_values_only(client, imported_seeds):
    url = reverse("issue_list")
    year = str(Inspection.objects.exclude(start_date=None).values_list("start_date__year", flat=True).first())
    first = client.get(url, {"year": f" {year}.0 ", "utm_source": "x", "immediate": "false"})
    with CaptureQueriesContext(connection) as again:
        second = client.get(url, {"immediate": "false", "year": year})  # the same filters, spelt plainly

    assert not [q for q in again.captured_queries if "GROUP BY" in q["sql"]]  # one entry for both
    assert second.context["facets"] == first.context["facets"] == _fresh_facets({"year": year, "immediate": "false"})
    [selected] = [choice for choice in _facet(second, "year").choices if choice.selected]
    assert selected.value == year and selected.count > 0


@pytest.fixture
def file_database(tmp_path):
    """SQLite: the test database copied to a file in WAL mode, so another connection can commit
    while a page reads (the in-memory test database is one shared cache, locked table by table).
    PostgreSQL: the test database as it is."""
    if connection.vendor != "sqlite":
        yield
        return
    import sqlite3

    memory = connection.settings_dict["NAME"]
    keeper = sqlite3.connect(memory, uri=True)  # an in-memory database lives while a connection does
    copy = tmp_path / "archive.sqlite3"
    with connection.cursor() as cursor:
        cursor.execute("VACUUM INTO %s", [str(copy)])
    connection.settings_dict["NAME"] = str(copy)  # the dict every thread's connection is made from
    connection.close()
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict["NAME"] = memory
        keeper.close()


def _commit_an_inspection_from_another_connection():
    import threading

    from django.db import connections

    def write():
        try:
            unit = Unit.objects.create(name="快照测试单位", match_name="快照测试单位")
            inspection = Inspection.objects.create(unit=unit, inspector="市委第九巡察组")
            report = Report.objects.create(inspection=inspection, source_text="", checksum="5" * 64)
            Issue.objects.create(inspection=inspection, report=report, key="1", order=1, title="快照之间提交的问题")
        finally:
            connections.close_all()

    writer = threading.Thread(target=write)
    writer.start()
    writer.join()


@pytest.mark.django_db(transaction=True)
def test_facets_count_one_snapshot_while_an_inspection_is_committed_between_their_queries(
    client, imported_seeds, file_database, monkeypatch
):
    from rectify import filters

    read_facts = filters._inspection_facts
    committed = []

    def facts_then_a_commit():
        facts = read_facts()
        if not committed:  # an import commits between reading the inspections and counting per inspection
            _commit_an_inspection_from_another_connection()
            committed.append(True)
        return facts

    monkeypatch.setattr(filters, "_inspection_facts", facts_then_a_commit)
    before = Issue.objects.published().count()

    response = client.get(reverse("issue_list"))

    assert committed and response.status_code == 200
    assert Issue.objects.filter(title="快照之间提交的问题").exists()
    units = _facet(response, "unit").choices
    assert "快照测试单位" not in {choice.label for choice in units}
    # Every facet counts the same rows: those of the snapshot, before the commit.
    for name in ("status", "unit", "immediate", "overdue"):
        assert sum(choice.count for choice in _facet(response, name).choices if choice.value != "open") == before, name
    after = client.get(reverse("issue_list"))  # the next page sees the commit
    assert "快照测试单位" in {choice.label for choice in _facet(after, "unit").choices}
