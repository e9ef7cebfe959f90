"""Status changes by staff and reviewed progress updates: every change lands in the history."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from rectify import progress
from rectify.models import (
    DueBasis,
    Issue,
    IssueStatus,
    ProgressUpdate,
    Report,
    ReviewState,
    StatusChange,
    StatusSource,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def issue(imported_seeds):
    return Issue.objects.exclude(status=IssueStatus.COMPLETED).order_by("pk").first()


def test_change_status_records_who_when_from_what_and_why(issue, office_user):
    before = issue.status
    change = progress.change_status(issue=issue, status=IssueStatus.COMPLETED, user=office_user, note="已销号")
    issue.refresh_from_db()
    assert issue.status == IssueStatus.COMPLETED and issue.status_source == StatusSource.STAFF
    assert (change.previous_status, change.status, change.changed_by, change.note) == (
        before,
        IssueStatus.COMPLETED,
        office_user,
        "已销号",
    )
    assert change.source == StatusSource.STAFF and change.report is None and change.changed_at is not None


def test_setting_the_same_status_records_nothing(issue, office_user):
    count = StatusChange.objects.count()
    assert progress.change_status(issue=issue, status=issue.status, user=office_user) is None
    assert StatusChange.objects.count() == count


def test_an_invalid_status_is_refused(issue, office_user):
    with pytest.raises(ValidationError):
        progress.change_status(issue=issue, status="done-ish", user=office_user)


def test_change_statuses_counts_only_real_changes(imported_seeds, office_user):
    issues = list(Issue.objects.order_by("pk")[:5])
    expected = sum(i.status != IssueStatus.PARTIAL for i in issues)
    assert progress.change_statuses(issues=issues, status=IssueStatus.PARTIAL, user=office_user) == expected
    assert Issue.objects.filter(pk__in=[i.pk for i in issues], status=IssueStatus.PARTIAL).count() == 5


def test_a_submitted_update_waits_for_review(issue, unit_editor):
    update = progress.submit_update(issue=issue, status=IssueStatus.COMPLETED, note="已整改", user=unit_editor)
    issue.refresh_from_db()
    assert update.state == ReviewState.PENDING and issue.status != IssueStatus.COMPLETED
    assert not ProgressUpdate.objects.public().exists()


def test_approval_applies_the_update_and_records_it(issue, unit_editor, office_user):
    update = progress.submit_update(issue=issue, status=IssueStatus.COMPLETED, note="已整改", user=unit_editor)
    update = progress.approve_update(update=update, reviewer=office_user, comment="材料齐全")
    issue.refresh_from_db()
    assert issue.status == IssueStatus.COMPLETED
    assert update.state == ReviewState.APPROVED and update.reviewed_by == office_user and update.reviewed_at
    change = update.status_change
    assert change.changed_by == office_user and "已整改" in change.note and "材料齐全" in change.note
    assert list(ProgressUpdate.objects.public()) == [update]


def test_an_update_is_reviewed_once(issue, unit_editor, office_user):
    update = progress.submit_update(issue=issue, status=IssueStatus.COMPLETED, note="已整改", user=unit_editor)
    progress.approve_update(update=update, reviewer=office_user)
    with pytest.raises(ValidationError):
        progress.return_update(update=update, reviewer=office_user, comment="再看看")


def test_returning_needs_a_comment_and_changes_nothing(issue, unit_editor, office_user):
    status = issue.status
    update = progress.submit_update(issue=issue, status=IssueStatus.COMPLETED, note="已整改", user=unit_editor)
    with pytest.raises(ValidationError):
        progress.return_update(update=update, reviewer=office_user, comment="  ")
    update = progress.return_update(update=update, reviewer=office_user, comment="缺少佐证材料")
    issue.refresh_from_db()
    assert update.state == ReviewState.RETURNED and update.review_comment == "缺少佐证材料"
    assert issue.status == status and update.status_change is None


def test_approved_updates_on_a_draft_report_are_not_public(issue, unit_editor, office_user):
    update = progress.submit_update(issue=issue, status=IssueStatus.COMPLETED, note="已整改", user=unit_editor)
    progress.approve_update(update=update, reviewer=office_user)
    progress.set_published(reports=[issue.report], published=False)
    assert not ProgressUpdate.objects.public().exists()


def test_set_published_counts_only_reports_that_change(imported_seeds):
    reports = list(Report.objects.all())
    assert progress.set_published(reports=reports[:2], published=False) == 2
    assert progress.set_published(reports=reports, published=False) == len(reports) - 2
    assert not Report.objects.published().exists()


# --- due dates from deadline wording (Issue.refresh_due_date) ---


def test_due_date_comes_from_deadline_wording_relative_to_feedback(issue):
    feedback = issue.inspection.feedback_date
    issue.deadline, issue.deadline_text, issue.due_basis = None, "年底前", ""
    issue.refresh_due_date()
    assert (issue.due_date, issue.due_basis) == (datetime.date(feedback.year, 12, 31), DueBasis.STATED)


def test_due_date_comes_from_measures_when_no_deadline_is_printed(issue):
    feedback = issue.inspection.feedback_date
    issue.deadline, issue.deadline_text, issue.due_basis = None, "", ""
    issue.refresh_due_date(measure_texts=[f"{feedback.year + 1}年3月底前完成制度修订"])
    assert (issue.due_date, issue.due_basis) == (datetime.date(feedback.year + 1, 3, 31), DueBasis.STATED)


def test_long_term_and_default_due_dates(issue, settings):
    settings.RECTIFY_DEFAULT_DEADLINE_DAYS = 30
    issue.deadline, issue.deadline_text, issue.due_basis = None, "长期坚持", ""
    issue.refresh_due_date()
    assert (issue.due_date, issue.due_basis) == (None, DueBasis.LONG_TERM)
    issue.deadline_text = ""
    issue.refresh_due_date(measure_texts=["已召开会议"])
    feedback = issue.inspection.feedback_date
    assert (issue.due_date, issue.due_basis) == (feedback + datetime.timedelta(days=30), DueBasis.DEFAULT)


def test_a_staff_due_date_survives_refresh(issue):
    issue.due_date, issue.due_basis = datetime.date(2030, 1, 1), DueBasis.STAFF
    issue.deadline_text = "年底前"
    issue.refresh_due_date()
    assert issue.due_date == datetime.date(2030, 1, 1)


def test_public_history_hides_draft_reports_and_their_changes(issue, office_user):
    from rectify.models import StatusChange

    staff_change = progress.change_status(issue=issue, status=IssueStatus.COMPLETED, user=office_user, note="销号")
    assert staff_change in StatusChange.objects.public()
    imported = issue.status_changes.exclude(pk=staff_change.pk).first()
    assert imported in StatusChange.objects.public()
    progress.set_published(reports=[issue.report], published=False)
    assert not StatusChange.objects.public().filter(issue=issue).exists()
