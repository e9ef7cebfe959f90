"""Status changes by staff and reviewed progress updates: every change lands in the history."""

import datetime

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError

from rectify import progress
from rectify.deadlines import due_date_for
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
    assert change.changed_by == office_user and change.note == "已整改" and update.review_comment == "材料齐全"
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


# --- due dates from deadline wording (due_date_for, what the loader sets) ---


def _due(issue, *, deadline_text, measure_texts=()):
    return due_date_for(
        deadline=None,
        deadline_text=deadline_text,
        feedback=issue.inspection.feedback_date,
        measure_texts=measure_texts,
        default_days=settings.RECTIFY_DEFAULT_DEADLINE_DAYS,
    )


def test_due_date_comes_from_deadline_wording_relative_to_feedback(issue):
    feedback = issue.inspection.feedback_date
    assert _due(issue, deadline_text="年底前") == (datetime.date(feedback.year, 12, 31), DueBasis.STATED)


def test_due_date_comes_from_measures_when_no_deadline_is_printed(issue):
    feedback = issue.inspection.feedback_date
    due = _due(issue, deadline_text="", measure_texts=[f"{feedback.year + 1}年3月底前完成制度修订"])
    assert due == (datetime.date(feedback.year + 1, 3, 31), DueBasis.STATED)


def test_long_term_and_default_due_dates(issue, settings):
    settings.RECTIFY_DEFAULT_DEADLINE_DAYS = 30
    assert _due(issue, deadline_text="长期坚持") == (None, DueBasis.LONG_TERM)
    feedback = issue.inspection.feedback_date
    due = _due(issue, deadline_text="", measure_texts=["已召开会议"])
    assert due == (feedback + datetime.timedelta(days=30), DueBasis.DEFAULT)


def test_a_staff_due_date_survives_a_reimport(imported_seeds, tmp_path):
    from django.core.management import call_command

    from .conftest import seed_path

    path = seed_path("001")
    issue = Issue.objects.get(report__source_name=path.name, number="问题7")
    Issue.objects.filter(pk=issue.pk).update(due_date=datetime.date(2030, 1, 1), due_basis=DueBasis.STAFF)
    # A corrected copy of the same report, so the loader rewrites its problems.
    copy = tmp_path / path.name
    copy.write_text(path.read_text(encoding="utf-8").replace("群众借还书籍存在不便", "群众借还书籍仍不便", 1))
    call_command("import_reports", str(copy), verbosity=0)
    issue.refresh_from_db()
    assert "仍不便" in issue.description
    assert (issue.due_date, issue.due_basis) == (datetime.date(2030, 1, 1), DueBasis.STAFF)


def test_public_history_hides_draft_reports_and_their_changes(issue, office_user):
    from rectify.models import StatusChange

    staff_change = progress.change_status(issue=issue, status=IssueStatus.COMPLETED, user=office_user, note="销号")
    assert staff_change in StatusChange.objects.public()
    imported = issue.status_changes.exclude(pk=staff_change.pk).first()
    assert imported in StatusChange.objects.public()
    progress.set_published(reports=[issue.report], published=False)
    assert not StatusChange.objects.public().filter(issue=issue).exists()


# --- what the public learns of a reviewed update (issue 16, item 15) ---

FILER, REVIEWER = "zhangsan_filer", "lisi_reviewer"
NOTE, COMMENT = "已召开专题会议并完成制度修订", "内部意见：佐证材料下次补齐"


@pytest.fixture
def reviewed(issue, unit_editor, office_user):
    """An update filed by a unit editor and approved with a review comment, both with telling logins."""
    for user, name in ((unit_editor, FILER), (office_user, REVIEWER)):
        user.username = name
        user.save()
    update = progress.submit_update(issue=issue, status=IssueStatus.COMPLETED, note=NOTE, user=unit_editor)
    return progress.approve_update(update=update, reviewer=office_user, comment=COMMENT)


def _public_outputs(client, issue) -> dict[str, str]:
    from django.urls import reverse

    urls = {
        "page": reverse("issue_detail", args=[issue.pk]),
        "api": reverse("api_issue_detail", args=[issue.pk]),
        "api list": reverse("api_issue_list") + f"?unit={issue.inspection.unit_id}",
        "csv": reverse("issue_export", args=["csv"]) + f"?unit={issue.inspection.unit_id}",
        "json": reverse("issue_export", args=["json"]) + f"?unit={issue.inspection.unit_id}",
        "feed": reverse("issue_feed") + f"?unit={issue.inspection.unit_id}",
        "unit": reverse("unit_detail", args=[issue.inspection.unit_id]),
        "report": reverse("report_detail", args=[issue.report_id]),
    }
    outputs = {}
    for name, url in urls.items():
        response = client.get(url)
        assert response.status_code == 200, name
        body = b"".join(response.streaming_content) if response.streaming else response.content
        outputs[name] = body.decode("utf-8-sig")
    return outputs


def test_the_public_sees_the_unit_and_the_office_never_an_account_or_a_review_comment(client, issue, reviewed):
    outputs = _public_outputs(client, issue)

    for name, body in outputs.items():
        assert FILER not in body and REVIEWER not in body, name
        assert COMMENT not in body, name
    page = outputs["page"]
    assert f"{issue.inspection.unit.name}填报" in page and "巡察办审核" in page and NOTE in page


def test_the_history_keeps_the_units_words_and_the_update_keeps_who_and_the_comment(issue, reviewed):
    change = reviewed.status_change
    assert change.note == NOTE and change.changed_by.username == REVIEWER
    assert reviewed.submitted_by.username == FILER and reviewed.review_comment == COMMENT
    assert not reviewed.comment_is_public and reviewed.public_comment == ""


def test_a_comment_the_office_makes_public_is_shown_and_can_be_withdrawn(client, issue, reviewed):
    from django.urls import reverse

    page = reverse("issue_detail", args=[issue.pk])
    assert progress.set_comment_public(updates=[reviewed], public=True) == 1
    assert COMMENT in client.get(page).content.decode()
    assert progress.set_comment_public(updates=[reviewed], public=False) == 1
    assert COMMENT not in client.get(page).content.decode()


def test_only_reviewers_can_make_a_comment_public(client, issue, reviewed, unit_editor, office_user):
    from django.urls import reverse

    changelist = reverse("admin:rectify_progressupdate_changelist")
    data = {"action": "publish_comment", "_selected_action": [reviewed.pk]}
    client.force_login(unit_editor)
    client.post(changelist, data)
    reviewed.refresh_from_db()
    assert not reviewed.comment_is_public

    client.force_login(office_user)
    client.post(changelist, data)
    reviewed.refresh_from_db()
    assert reviewed.comment_is_public


def test_a_submitter_cannot_make_their_update_public_through_the_form(client, issue, unit_editor):
    from django.urls import reverse

    update = progress.submit_update(issue=issue, status=IssueStatus.COMPLETED, note=NOTE, user=unit_editor)
    client.force_login(unit_editor)
    response = client.post(
        reverse("admin:rectify_progressupdate_change", args=[update.pk]),
        {"issue": issue.pk, "status": IssueStatus.COMPLETED, "note": NOTE, "comment_is_public": "on"},
    )
    assert response.status_code == 302
    update.refresh_from_db()
    assert not update.comment_is_public


def test_the_migration_takes_logins_and_comments_out_of_earlier_history_notes(issue, reviewed):
    from importlib import import_module

    from django.apps import apps

    change = reviewed.status_change
    StatusChange.objects.filter(pk=change.pk).update(note=f"{FILER}报送：{NOTE}\n审核意见：{COMMENT}")
    migration = import_module("rectify.migrations.0016_progress_comment_public")

    migration.notes_without_accounts(apps, None)

    change.refresh_from_db()
    assert change.note == NOTE
