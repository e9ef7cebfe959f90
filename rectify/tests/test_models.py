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


# --- honest progress: overdue only when known, inferred completion apart (issue 18) ---


def test_overdue_needs_a_known_unfinished_status_and_a_stated_or_staff_deadline(inspection, report):
    from datetime import timedelta

    today = date(2025, 6, 1)
    late = today - timedelta(days=1)
    _issue_due(inspection, report, "stated-open", late)
    _issue_due(inspection, report, "staff-open", late, IssueStatus.NOT_STARTED, DueBasis.STAFF)
    _issue_due(inspection, report, "stated-partial", late, IssueStatus.PARTIAL)
    _issue_due(inspection, report, "estimated-open", late, basis=DueBasis.DEFAULT)
    _issue_due(inspection, report, "stated-unknown", late, IssueStatus.UNKNOWN)
    _issue_due(inspection, report, "estimated-unknown", late, IssueStatus.UNKNOWN, DueBasis.DEFAULT)
    _issue_due(inspection, report, "stated-done", late, IssueStatus.COMPLETED)
    known = {"stated-open", "staff-open", "stated-partial"}
    assert set(Issue.objects.overdue(today).values_list("key", flat=True)) == known
    public = dict(Issue.objects.with_warning(today).values_list("key", "warning"))
    assert {key for key, warning in public.items() if warning} == known


def test_staff_warnings_include_estimated_ones_marked_as_such(inspection, report):
    from datetime import timedelta

    from rectify.models import WarningLevel

    today = date(2025, 6, 1)
    late = today - timedelta(days=1)
    _issue_due(inspection, report, "stated-open", late)
    _issue_due(inspection, report, "estimated-open", late, basis=DueBasis.DEFAULT)
    _issue_due(inspection, report, "estimated-unknown", late, IssueStatus.UNKNOWN, DueBasis.DEFAULT)
    _issue_due(inspection, report, "stated-done", late, IssueStatus.COMPLETED)
    rows = {
        key: (w, e)
        for key, w, e in Issue.objects.with_staff_warning(today).values_list("key", "warning", "warning_estimated")
    }
    assert rows["stated-open"] == (WarningLevel.RED, False)
    assert rows["estimated-open"] == (WarningLevel.RED, True)
    assert rows["estimated-unknown"] == (WarningLevel.RED, True)
    assert rows["stated-done"][0] == ""


def test_completion_is_inferred_only_when_no_status_is_stated_and_every_measure_is_done(inspection, report):
    from rectify.models import Measure, MeasureState

    def issue_with(key, status, states):
        issue = Issue.objects.create(inspection=inspection, report=report, key=key, order=1, title=key, status=status)
        for order, state in enumerate(states, start=1):
            Measure.objects.create(issue=issue, order=order, text=f"{key}{order}", state=state)

    issue_with("all-done", IssueStatus.UNKNOWN, [MeasureState.DONE, MeasureState.DONE])
    issue_with("one-ongoing", IssueStatus.UNKNOWN, [MeasureState.DONE, MeasureState.ONGOING])
    issue_with("one-unstated", IssueStatus.UNKNOWN, [MeasureState.DONE, ""])
    issue_with("no-measures", IssueStatus.UNKNOWN, [])
    issue_with("stated-open", IssueStatus.IN_PROGRESS, [MeasureState.DONE])
    inferred = dict(Issue.objects.with_inferred_status().values_list("key", "inferred_status"))
    assert {key for key, status in inferred.items() if status} == {"all-done"}
    assert inferred["all-done"] == IssueStatus.COMPLETED
    assert list(Issue.objects.inferred_completed().values_list("key", flat=True)) == ["all-done"]
    # The stated status stays as the report has it.
    assert Issue.objects.get(key="all-done").status == IssueStatus.UNKNOWN


def test_reports_sort_by_their_best_known_date(inspection):
    def report_with(name, **dates):
        return Report.objects.create(inspection=inspection, source_text=name, checksum=name * 64, **dates)

    published = report_with("a", published_date=date(2025, 3, 1), signed_date=date(2025, 12, 1))
    signed = report_with("b", signed_date=date(2025, 6, 1))
    disclosed = report_with("c", disclosure_start=date(2025, 9, 1))
    undated = report_with("d")
    assert list(Report.objects.latest_first()) == [disclosed, signed, published, undated]
    assert list(Report.objects.all()) == [disclosed, signed, published, undated]  # Meta.ordering agrees
    assert list(Report.objects.oldest_first()) == [published, signed, disclosed, undated]
    assert [r.date_kind for r in (published, signed, disclosed, undated)] == [
        "published",
        "signed",
        "disclosure_start",
        "",
    ]
