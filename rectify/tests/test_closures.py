"""整改销号: a unit editor asks to close a problem with a statement and files; the office approves or returns it."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from rectify import closures
from rectify.ledger import HEADERS, ledger_rows
from rectify.models import ClosureEvidence, ClosureRequest, Issue, IssueStatus, ReviewState, StatusSource

from .conftest import seed_path

pytestmark = pytest.mark.django_db

CLOSURES = reverse("admin:rectify_closurerequest_changelist")


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _pdf(name="纪要.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4 minutes", content_type="application/pdf")


def _open_issue_of(unit):
    return Issue.objects.filter(inspection__unit=unit).exclude(status=IssueStatus.COMPLETED).first()


def _management(prefix="files", total=1):
    return {f"{prefix}-TOTAL_FORMS": total, f"{prefix}-INITIAL_FORMS": 0, f"{prefix}-MIN_NUM_FORMS": 1}


def test_unit_editor_files_a_closure_request_with_a_statement_and_a_file(client, unit_editor, two_units):
    issue = _open_issue_of(two_units[0])
    client.force_login(unit_editor)
    page = client.get(reverse("admin:rectify_issue_change", args=[issue.pk]))
    assert f"{reverse('admin:rectify_closurerequest_add')}?issue={issue.pk}" in page.content.decode()
    response = client.post(
        reverse("admin:rectify_closurerequest_add"),
        {
            "issue": issue.pk,
            "statement": "已建立制度并落实",
            **_management(),
            "files-0-title": "会议纪要",
            "files-0-file": _pdf(),
        },
    )
    assert response.status_code == 302, response.context["errors"] if response.context else ""
    closure = ClosureRequest.objects.get(issue=issue)
    assert (closure.state, closure.submitted_by, closure.statement) == (
        ReviewState.PENDING,
        unit_editor,
        "已建立制度并落实",
    )
    assert list(closure.files.values_list("title", flat=True)) == ["会议纪要"]
    issue.refresh_from_db()
    assert issue.status != IssueStatus.COMPLETED  # nothing changes until the office approves


def test_a_closure_request_without_a_file_is_refused(client, unit_editor, two_units):
    issue = _open_issue_of(two_units[0])
    client.force_login(unit_editor)
    response = client.post(
        reverse("admin:rectify_closurerequest_add"),
        {"issue": issue.pk, "statement": "已整改", **_management(), "files-0-title": "", "files-0-file": ""},
    )
    assert response.status_code == 200 and not ClosureRequest.objects.exists()
    assert "至少需要一份佐证材料" in response.content.decode()
    with pytest.raises(ValidationError, match="佐证材料"):
        closures.request_closure(issue=issue, statement="已整改", files=[], user=unit_editor)


def test_unit_editor_cannot_ask_to_close_another_units_problem(client, unit_editor, two_units):
    other = _open_issue_of(two_units[1])
    client.force_login(unit_editor)
    response = client.post(
        reverse("admin:rectify_closurerequest_add"),
        {"issue": other.pk, "statement": "x", **_management(), "files-0-title": "a", "files-0-file": _pdf()},
    )
    assert response.status_code == 200 and not ClosureRequest.objects.exists()


def test_a_second_request_waits_for_the_first(unit_editor, two_units):
    issue = _open_issue_of(two_units[0])
    closures.request_closure(issue=issue, statement="一", files=[("a", _pdf())], user=unit_editor)
    with pytest.raises(ValidationError, match="待审核"):
        closures.request_closure(issue=issue, statement="二", files=[("b", _pdf())], user=unit_editor)


def test_office_approval_completes_the_problem_and_records_it_in_the_history(
    client, office_user, unit_editor, two_units
):
    issue = _open_issue_of(two_units[0])
    previous = issue.status
    closure = closures.request_closure(issue=issue, statement="制度已建立", files=[("纪要", _pdf())], user=unit_editor)
    client.force_login(office_user)
    response = client.post(CLOSURES, {"action": "approve", "_selected_action": [closure.pk]})
    assert response.status_code == 302
    issue.refresh_from_db()
    closure.refresh_from_db()
    assert issue.status == IssueStatus.COMPLETED and issue.status_source == StatusSource.STAFF
    change = closure.status_change
    assert (change.previous_status, change.status, change.changed_by) == (previous, IssueStatus.COMPLETED, office_user)
    assert "整改销号" in change.note and "制度已建立" in change.note
    assert (closure.state, closure.reviewed_by) == (ReviewState.APPROVED, office_user)


def test_office_returns_a_request_with_a_reason(client, office_user, unit_editor, two_units):
    issue = _open_issue_of(two_units[0])
    closure = closures.request_closure(issue=issue, statement="已整改", files=[("纪要", _pdf())], user=unit_editor)
    client.force_login(office_user)
    data = {"action": "return_for_revision", "_selected_action": [closure.pk]}
    form = client.post(CLOSURES, data)
    assert form.status_code == 200 and "退回原因" in form.content.decode()
    client.post(CLOSURES, {**data, "apply": "1", "comment": ""})
    closure.refresh_from_db()
    assert closure.state == ReviewState.PENDING  # no reason, no return
    client.post(CLOSURES, {**data, "apply": "1", "comment": "佐证材料不足"})
    closure.refresh_from_db()
    issue.refresh_from_db()
    assert (closure.state, closure.review_comment) == (ReviewState.RETURNED, "佐证材料不足")
    assert issue.status != IssueStatus.COMPLETED


def test_unit_editor_cannot_approve_their_own_request(client, unit_editor, two_units):
    issue = _open_issue_of(two_units[0])
    closure = closures.request_closure(issue=issue, statement="已整改", files=[("纪要", _pdf())], user=unit_editor)
    client.force_login(unit_editor)
    client.post(CLOSURES, {"action": "approve", "_selected_action": [closure.pk]})
    closure.refresh_from_db()
    assert closure.state == ReviewState.PENDING


def test_closure_files_are_downloaded_through_the_admin_within_scope(client, unit_editor, office_user, two_units):
    from django.contrib.auth.models import User

    issue = _open_issue_of(two_units[0])
    closure = closures.request_closure(issue=issue, statement="已整改", files=[("纪要", _pdf())], user=unit_editor)
    url = reverse("admin:rectify_closureevidence_download", args=[closure.files.get().pk])
    client.force_login(office_user)
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")
    stranger = User.objects.create_user("stranger", is_staff=True)
    stranger.groups.add(*unit_editor.groups.all())
    client.force_login(stranger)  # a unit editor of no unit
    assert client.get(url).status_code == 403


def test_ledger_gives_the_closure_date_and_the_evidence_count(unit_editor, office_user, two_units):
    issue = _open_issue_of(two_units[0])
    issue.responsible, issue.responsible_department = "张副局长", "办公室"
    issue.save()
    closure = closures.request_closure(
        issue=issue, statement="已整改", files=[("纪要", _pdf()), ("制度", _pdf("制度.pdf"))], user=unit_editor
    )
    closures.approve_closure(closure=closure, reviewer=office_user)
    [row] = ledger_rows(Issue.objects.filter(pk=issue.pk), staff=True)
    cell = dict(zip(HEADERS, row, strict=True))
    assert (cell["责任领导"], cell["责任部门"]) == ("张副局长", "办公室")
    assert cell["销号日期"] == timezone.localdate() and cell["佐证材料"] == 2
    assert cell["完成情况"] == "已完成整改"
    # The public ledger counts only files the public may download: closure files never are.
    [public_row] = ledger_rows(Issue.objects.filter(pk=issue.pk))
    assert dict(zip(HEADERS, public_row, strict=True))["佐证材料"] == 0


def test_ledger_deadline_says_the_words_and_the_date_they_give(imported_seeds):
    issue = Issue.objects.first()
    Issue.objects.filter(pk=issue.pk).update(deadline_text="2025年底前", due_date=datetime.date(2025, 12, 31))
    issue.refresh_from_db()
    [row] = ledger_rows(Issue.objects.filter(pk=issue.pk))
    cell = dict(zip(HEADERS, row, strict=True))
    assert cell["整改时限"] == "2025年底前（2025-12-31）"
    assert cell["期限依据"] == issue.get_due_basis_display()


# --- later imports: a closed problem stays closed unless a newer report says otherwise ---------------


def _problem_7_closed(unit_editor_user, office):
    issue = Issue.objects.get(report__source_name=seed_path("001").name, number="问题7")
    assert issue.status == IssueStatus.PARTIAL
    closure = closures.request_closure(issue=issue, statement="已完成", files=[("纪要", _pdf())], user=unit_editor_user)
    closure = closures.approve_closure(closure=closure, reviewer=office)
    issue.refresh_from_db()
    assert issue.status == IssueStatus.COMPLETED
    return issue, closure


def _import_later_report_still_partial(tmp_path):
    """Seed 001 signed two months later, still calling 问题7 阶段性完成."""
    text = seed_path("001").read_text(encoding="utf-8")
    later = text.removesuffix("2025年7月28日") + "2025年9月30日"
    assert later != text
    path = tmp_path / "001-later.txt"
    path.write_text(later, encoding="utf-8")
    call_command("import_reports", str(path), verbosity=0)


def test_a_closure_approved_after_a_reports_date_stands_against_it(imported_seeds, office_user, tmp_path):
    issue, _ = _problem_7_closed(office_user, office_user)
    _import_later_report_still_partial(tmp_path)  # dated 2025-09-30, before the approval
    issue.refresh_from_db()
    assert issue.status == IssueStatus.COMPLETED


def test_a_report_dated_after_the_closure_moves_the_status_on(imported_seeds, office_user, tmp_path):
    issue, closure = _problem_7_closed(office_user, office_user)
    approved_at = timezone.make_aware(datetime.datetime(2025, 8, 1, 10))
    type(closure.status_change).objects.filter(pk=closure.status_change_id).update(changed_at=approved_at)
    _import_later_report_still_partial(tmp_path)  # dated 2025-09-30, after the approval
    issue.refresh_from_db()
    assert issue.status == IssueStatus.PARTIAL
    assert ClosureEvidence.objects.filter(request=closure).exists()  # the unit's files stay
