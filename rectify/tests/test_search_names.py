"""search.names: units and reports by name from the in-process folded names, as filter_names finds them."""

import pytest

from rectify.models import Report, Unit
from rectify.search import names

pytestmark = pytest.mark.django_db

QUERIES = ["宣传部", "巡察", "县委", "益阳 宣传", "區", "整改通报", "没有这个名字", "党", "中共 县"]


@pytest.mark.parametrize("query", QUERIES)
def test_units_and_reports_equal_the_sql_scan(imported_seeds, query):
    units = Unit.objects.public().order_by("name", "pk").search(query)
    reports = Report.objects.published().latest_first().search(query)

    found_units, found_reports = names.units(query, 3), names.reports(query, 3)

    assert found_units.count == units.count() and found_units.first == list(units[:3])
    assert found_reports.count == reports.count() and found_reports.first == list(reports[:3])


def test_a_query_the_index_cannot_take_is_scanned(imported_seeds):
    assert names.units("县\x1f委", 5).count == Unit.objects.public().search("县\x1f委").count() == 0
    assert names.reports("\x00", 5).count == 0


def test_the_names_follow_a_change_to_the_archive(imported_seeds):
    unit = Unit.objects.public().order_by("pk").first()
    assert names.units("新改的单位名称", 5).count == 0
    Unit.objects.filter(pk=unit.pk).update(name="新改的单位名稱")  # traditional 稱, folded as the query is

    assert names.units("新改的单位名称", 5).first == [Unit.objects.get(pk=unit.pk)]


def test_drafts_are_never_found(imported_seeds):
    report = Report.objects.published().order_by("pk").first()
    assert names.reports(report.title, 50).count >= 1
    Report.objects.filter(pk=report.pk).update(is_published=False)

    assert report.pk not in {found.pk for found in names.reports(report.title, 50).first}
