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
