"""Constraints and queryset verbs, on whichever database the suite runs against."""

from datetime import date

import pytest
from django.db import IntegrityError, transaction

from rectify.models import DueBasis, Inspection, Issue, IssueStatus, Report, Unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def unit():
    return Unit.objects.create(name="中共某县委宣传部", short_name="某县委宣传部", region="某省某市某县")


@pytest.fixture
def inspection(unit):
    return Inspection.objects.create(unit=unit, inspector="县委第一巡察组", start_date=date(2024, 3, 1))


@pytest.fixture
def report(inspection):
    return Report.objects.create(inspection=inspection, source_text="正文", checksum="a" * 64)


def test_unit_names_are_unique_in_simplified_form(unit):
    with pytest.raises(IntegrityError), transaction.atomic():
        Unit.objects.create(name="中共某縣委宣傳部")


def test_one_inspection_per_unit_inspector_and_start(unit, inspection):
    with pytest.raises(IntegrityError), transaction.atomic():
        Inspection.objects.create(unit=unit, inspector="县委第一巡察组", start_date=date(2024, 3, 1))


def test_an_inspection_cannot_end_before_it_starts(unit):
    with pytest.raises(IntegrityError), transaction.atomic():
        Inspection.objects.create(
            unit=unit, inspector="县委第二巡察组", start_date=date(2024, 3, 1), end_date=date(2024, 2, 1)
        )


def test_report_checksums_are_unique(inspection, report):
    with pytest.raises(IntegrityError), transaction.atomic():
        Report.objects.create(inspection=inspection, source_text="另一份", checksum="a" * 64)


def test_issue_keys_are_unique_within_an_inspection(inspection, report):
    Issue.objects.create(inspection=inspection, report=report, key="问题1", order=1, title="甲")
    with pytest.raises(IntegrityError), transaction.atomic():
        Issue.objects.create(inspection=inspection, report=report, key="问题1", order=2, title="乙")


def test_issue_status_must_be_a_known_code(inspection, report):
    with pytest.raises(IntegrityError), transaction.atomic():
        Issue.objects.create(inspection=inspection, report=report, key="k", order=1, title="甲", status="done")


def test_published_hides_draft_reports_and_their_issues(inspection, report):
    draft = Report.objects.create(inspection=inspection, source_text="草稿", checksum="b" * 64, is_published=False)
    Issue.objects.create(inspection=inspection, report=report, key="a", order=1, title="公开的")
    Issue.objects.create(inspection=inspection, report=draft, key="b", order=2, title="草稿的")
    assert list(Report.objects.published()) == [report]
    assert [i.title for i in Issue.objects.published()] == ["公开的"]


def _published_flags(*issues):
    return [Issue.objects.get(pk=issue.pk).is_published for issue in issues]


def test_a_problem_is_published_exactly_when_its_report_is(inspection, report):
    draft = Report.objects.create(inspection=inspection, source_text="草稿", checksum="b" * 64, is_published=False)
    public = Issue.objects.create(inspection=inspection, report=report, key="1", order=1, title="公开")
    hidden = Issue.objects.create(inspection=inspection, report=draft, key="2", order=2, title="草稿")
    assert _published_flags(public, hidden) == [True, False]
    draft.is_published = True
    draft.save()
    assert _published_flags(public, hidden) == [True, True]
    Report.objects.filter(pk=report.pk).update(is_published=False)  # a bulk write, no save()
    assert _published_flags(public, hidden) == [False, True]
    Issue.objects.filter(pk=public.pk).update(report=draft)  # disclosed again by the other report
    assert _published_flags(public, hidden) == [True, True]
    Issue.objects.filter(pk=hidden.pk).update(is_published=False)  # a wrong copy is put right
    assert _published_flags(public, hidden) == [True, True]
    assert set(Issue.objects.published()) == set(Issue.objects.filter(report__is_published=True))


def test_not_completed_means_partial_in_progress_or_not_started(inspection, report):
    for order, status in enumerate(IssueStatus.values):
        Issue.objects.create(inspection=inspection, report=report, key=status, order=order, title=status, status=status)
    assert set(Issue.objects.not_completed().values_list("status", flat=True)) == {
        "partial",
        "in_progress",
        "not_started",
    }


def test_status_labels_are_chinese():
    assert IssueStatus.COMPLETED.label == "已完成整改"
    assert IssueStatus.UNKNOWN.label == "未标明"


def test_report_without_a_title_composes_one(report):
    assert report.display_title == "中共某县委宣传部关于巡察整改进展情况的通报"


# --- early warning (admin helper) ---


def _issue_due(inspection, report, key, due, status=IssueStatus.IN_PROGRESS, basis=DueBasis.STATED):
    return Issue.objects.create(
        inspection=inspection,
        report=report,
        key=key,
        order=1,
        title=key,
        status=status,
        due_date=due,
        due_basis=basis if due else "",
    )


def test_warning_colours_follow_days_left_and_overdue(inspection, report, settings):
    from datetime import timedelta

    from rectify.models import WarningLevel

    settings.RECTIFY_WARNING_DAYS = (20, 10)
    today = date(2025, 6, 1)
    cases = {
        "overdue": (today - timedelta(days=1), WarningLevel.RED),
        "due-today": (today, WarningLevel.YELLOW),
        "ten-left": (today + timedelta(days=10), WarningLevel.YELLOW),
        "eleven-left": (today + timedelta(days=11), WarningLevel.GREEN),
        "twenty-left": (today + timedelta(days=20), WarningLevel.GREEN),
        "far": (today + timedelta(days=21), ""),
        "no-deadline": (None, ""),
    }
    for key, (due, _) in cases.items():
        _issue_due(inspection, report, key, due)
    _issue_due(inspection, report, "done-late", today - timedelta(days=30), IssueStatus.COMPLETED)
    warnings = dict(Issue.objects.with_warning(today).values_list("key", "warning"))
    assert warnings == {**{key: colour for key, (_, colour) in cases.items()}, "done-late": ""}
    assert list(Issue.objects.overdue(today).values_list("key", flat=True)) == ["overdue"]


def test_warning_thresholds_are_configurable(inspection, report, settings):
    from datetime import timedelta

    settings.RECTIFY_WARNING_DAYS = (30, 5)
    today = date(2025, 6, 1)
    _issue_due(inspection, report, "k", today + timedelta(days=25))
    assert Issue.objects.with_warning(today).get().warning == "green"
    settings.RECTIFY_WARNING_DAYS = (20, 10)
    assert Issue.objects.with_warning(today).get().warning == ""
