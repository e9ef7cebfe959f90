"""The loader: what the seed reports become in the database."""

import dataclasses
from datetime import date
from decimal import Decimal

import pytest

from rectify.models import Inspection, Issue, Measure, MoneyAmount, Report, StatusChange, Unit

pytestmark = pytest.mark.django_db


def test_seed_counts_match_what_the_reports_disclose(imported_seeds):
    assert Report.objects.count() == 5
    assert Issue.objects.count() == 10 + 24 + 43 + 4 + 9
    assert Measure.objects.count() == 18 + 52 + 93 + 14 + 19


def test_units_get_region_and_level_from_the_gazetteer(imported_seeds):
    dongang = Unit.objects.get(name="中共东港市委宣传部")
    assert (dongang.region, dongang.level, dongang.short_name) == (
        "辽宁省丹东市东港市",
        "county_city",
        "东港市委宣传部",
    )
    heshan = Unit.objects.get(name="中共益阳市赫山区委宣传部")
    assert (heshan.short_name, heshan.level) == ("赫山区委宣传部", "district")


def test_joint_report_sub_units_hang_under_the_department(imported_seeds):
    minqing = Unit.objects.get(name="中共闽清县委宣传部")
    subs = set(minqing.sub_units.values_list("name", flat=True))
    assert {"闽清县融媒体中心", "闽清县社科联", "闽清县文联"} <= subs
    media = Unit.objects.get(name="闽清县融媒体中心")
    assert media.measures.count() > 20
    # "县委宣传部" acting in its own report is the department itself, not a new unit.
    assert minqing.measures.exists()


def test_inspection_facts_are_stored(imported_seeds):
    hancheng = Inspection.objects.get(unit__name="中共韩城市委宣传部")
    assert (hancheng.kind, hancheng.focus, hancheng.round) == ("专项巡察", "扫黑除恶", "十八届市委第七轮")
    assert hancheng.feedback_date == date(2021, 1, 8)


def test_declared_counts_and_warnings_are_kept(imported_seeds):
    dongang = Report.objects.get(inspection__unit__name="中共东港市委宣传部")
    assert (dongang.declared_issue_count, dongang.declared_category_count) == (11, 5)
    assert [w["code"] for w in dongang.parse_warnings] == ["declared_count_mismatch"] * 2


def test_recovered_money_is_stored_as_numbers(imported_seeds):
    recovered = MoneyAmount.objects.recovered().filter(issue__inspection__unit__name="中共益阳市赫山区委宣传部")
    assert {(a.text, a.yuan, a.kind) for a in recovered} >= {
        ("4800元", Decimal("4800.00"), "上缴"),
        ("10万元", Decimal("100000.00"), "归还"),
    }


def test_every_issue_starts_its_status_history_at_import(imported_seeds):
    assert StatusChange.objects.count() == Issue.objects.count()
    change = StatusChange.objects.select_related("report").first()
    assert change.report is not None and change.source in ("stated", "inferred")


def test_source_text_is_kept_exactly_as_imported(imported_seeds):
    from .conftest import seed_path

    report = Report.objects.get(inspection__unit__name="中共东港市委宣传部")
    assert report.source_text == seed_path("000").read_text(encoding="utf-8")


def _as_inspection(record, inspector: str):
    """The same report, as if from another inspection group (so it loads as a new report)."""
    return dataclasses.replace(record, inspection=dataclasses.replace(record.inspection, inspector=inspector))


def test_queries_to_load_a_report_do_not_grow_with_its_measures():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from rectify.importer.load import load_report
    from rectify.importer.parse import parse_report
    from rectify.management.commands.generate_corpus import compose_report

    text = compose_report(7, 1)
    full = parse_report(text)
    one_each = dataclasses.replace(
        full, issues=tuple(dataclasses.replace(issue, measures=issue.measures[:1]) for issue in full.issues)
    )
    # The first load creates the acting units; both timed loads then find them all.
    load_report(_as_inspection(full, "第九巡察组"), source_text=text + "warm-up")
    with CaptureQueriesContext(connection) as small:
        few = load_report(_as_inspection(one_each, "第八巡察组"), source_text=text + "few")
    with CaptureQueriesContext(connection) as large:
        many = load_report(_as_inspection(full, "第七巡察组"), source_text=text + "many")

    assert many.measure_count >= 3 * few.measure_count
    assert Measure.objects.filter(issue__report=many.report).count() == many.measure_count
    assert len(large.captured_queries) == len(small.captured_queries)
    assert len(large.captured_queries) < 60


def _found(terms):
    from rectify.search import filter_issues, filter_measures

    return {
        term: (
            sorted(filter_issues(Issue.objects.all(), term).values_list("pk", flat=True)),
            sorted(filter_measures(Measure.objects.all(), term).values_list("pk", flat=True)),
        )
        for term in terms
    }


def test_a_new_report_is_searchable_as_after_a_full_index_rebuild():
    from rectify.importer.load import load_report
    from rectify.importer.parse import parse_report
    from rectify.management.commands.generate_corpus import compose_report
    from rectify.search import rebuild_index

    for index in (1, 2):
        text = compose_report(11, index)
        load_report(parse_report(text), source_text=text)
    measure = Measure.objects.order_by("pk").last()
    issue = Issue.objects.order_by("pk").first()
    terms = [measure.text[:1], measure.text[2:4], measure.text[5:11], issue.title[:3], issue.description[-6:]]
    found = _found(terms)

    assert all(issues for issues, _ in found.values())
    assert measure.pk in found[measure.text[5:11]][1]
    rebuild_index()
    assert _found(terms) == found


def test_loading_during_a_paused_index_leaves_the_pause_to_its_owner():
    from django.db import connection

    from rectify.importer.load import load_report
    from rectify.importer.parse import parse_report
    from rectify.management.commands.generate_corpus import compose_report
    from rectify.search import index_paused

    text = compose_report(11, 3)
    with index_paused():
        load_report(parse_report(text), source_text=text)
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM rectify_search_paused")
            assert cursor.fetchone()[0] == 1
    title = Issue.objects.order_by("pk").first().title
    assert _found([title])[title][0]


def test_rows_written_in_bulk_hang_on_the_rows_they_belong_to():
    from rectify.importer.load import load_report
    from rectify.importer.parse import parse_report
    from rectify.management.commands.generate_corpus import compose_report

    for index in (1, 2):
        text = compose_report(13, index)
        load_report(parse_report(text), source_text=text)

    for issue in Issue.objects.prefetch_related("measures", "amounts", "status_changes"):
        assert [m.order for m in issue.measures.all()] == list(range(1, issue.measures.count() + 1))
        assert all(change.report_id == issue.report_id for change in issue.status_changes.all())
        for amount in issue.amounts.all():
            assert amount.text in (amount.measure.text if amount.measure_id else issue.description)
            assert amount.measure_id is None or amount.measure.issue_id == issue.pk
    assert MoneyAmount.objects.filter(measure__isnull=False).exists()
