"""The admin as each role sees it: row-level scope, permissions, actions, ledger, dashboard, evidence."""

import csv
import io
from datetime import timedelta

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from rectify.ledger import HEADERS
from rectify.models import (
    DueBasis,
    Evidence,
    Inspection,
    Issue,
    IssueStatus,
    Measure,
    ProgressUpdate,
    Report,
    ReviewState,
    StatusChange,
    StatusSource,
)

pytestmark = pytest.mark.django_db

ISSUES = reverse("admin:rectify_issue_changelist")


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _action(client, changelist, action, objects, **extra):
    data = {"action": action, "_selected_action": [obj.pk for obj in objects], **extra}
    return client.post(changelist, data)


def _own_and_other_issue(two_units):
    own, other = two_units
    return Issue.objects.filter(inspection__unit=own).first(), Issue.objects.filter(inspection__unit=other).first()


# --- anonymous -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        ISSUES,
        reverse("admin:rectify_issue_dashboard"),
        reverse("admin:rectify_report_upload"),
        reverse("admin:rectify_progressupdate_changelist"),
    ],
)
def test_anonymous_users_are_sent_to_login(client, url):
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith(reverse("admin:login"))


# --- unit editor: row level ----------------------------------------------------------------------


def test_unit_editor_lists_only_their_units_problems(client, unit_editor, two_units):
    client.force_login(unit_editor)
    response = client.get(ISSUES)
    own, other = two_units
    assert response.status_code == 200
    assert response.context["cl"].result_count == Issue.objects.filter(inspection__unit=own).count()
    shown = {issue.inspection.unit for issue in response.context["cl"].result_list}
    assert shown == {own}


def test_unit_editor_cannot_open_another_units_problem(client, unit_editor, two_units):
    client.force_login(unit_editor)
    own_issue, other_issue = _own_and_other_issue(two_units)
    assert client.get(reverse("admin:rectify_issue_change", args=[own_issue.pk])).status_code == 200
    response = client.get(reverse("admin:rectify_issue_change", args=[other_issue.pk]))
    # The admin answers "does not exist" with a redirect to the index; the page is never shown.
    assert response.status_code == 302 and other_issue.title not in response.content.decode()


def test_unit_editor_cannot_change_even_their_own_problem_directly(client, unit_editor, two_units):
    client.force_login(unit_editor)
    own_issue, _ = _own_and_other_issue(two_units)
    url = reverse("admin:rectify_issue_change", args=[own_issue.pk])
    response = client.post(url, {"title": "改掉", "status": IssueStatus.COMPLETED})
    assert response.status_code == 403
    own_issue.refresh_from_db()
    assert own_issue.title != "改掉"


def test_unit_editor_cannot_file_an_update_for_another_unit(client, unit_editor, two_units):
    client.force_login(unit_editor)
    own_issue, other_issue = _own_and_other_issue(two_units)
    add = reverse("admin:rectify_progressupdate_add")
    response = client.post(add, {"issue": other_issue.pk, "status": IssueStatus.COMPLETED, "note": "已完成"})
    assert response.status_code == 200 and "issue" in response.context["adminform"].form.errors
    assert not ProgressUpdate.objects.exists()
    response = client.post(add, {"issue": own_issue.pk, "status": IssueStatus.COMPLETED, "note": "已完成"})
    assert response.status_code == 302
    update = ProgressUpdate.objects.get()
    assert (update.issue, update.submitted_by, update.state) == (own_issue, unit_editor, ReviewState.PENDING)


def test_unit_editor_autocomplete_offers_only_their_problems(client, unit_editor, two_units):
    client.force_login(unit_editor)
    own, _ = two_units
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "rectify", "model_name": "progressupdate", "field_name": "issue", "term": ""},
    )
    ids = {int(row["id"]) for row in response.json()["results"]}
    assert ids and ids <= set(Issue.objects.filter(inspection__unit=own).values_list("pk", flat=True))


def test_unit_editor_set_status_files_pending_updates(client, unit_editor, two_units):
    client.force_login(unit_editor)
    own_issue, other_issue = _own_and_other_issue(two_units)
    status = own_issue.status
    response = _action(
        client, ISSUES, "set_status", [own_issue, other_issue], status=IssueStatus.COMPLETED, note="已整改", apply="1"
    )
    assert response.status_code == 302
    own_issue.refresh_from_db()
    assert own_issue.status == status
    # The other unit's problem is outside the editor's queryset, so the action never sees it.
    assert list(ProgressUpdate.objects.values_list("issue", "state")) == [(own_issue.pk, ReviewState.PENDING)]


def test_unit_editor_cannot_publish(client, unit_editor, two_units):
    client.force_login(unit_editor)
    report = Report.objects.filter(inspection__unit=two_units[0]).first()
    _action(client, reverse("admin:rectify_report_changelist"), "unpublish", [report])
    report.refresh_from_db()
    assert report.is_published


def test_unit_editor_cannot_review(client, unit_editor, two_units, office_user):
    own_issue, _ = _own_and_other_issue(two_units)
    update = ProgressUpdate.objects.create(
        issue=own_issue, status=IssueStatus.COMPLETED, note="x", submitted_by=unit_editor
    )
    client.force_login(unit_editor)
    _action(client, reverse("admin:rectify_progressupdate_changelist"), "approve", [update])
    update.refresh_from_db()
    assert update.state == ReviewState.PENDING


def test_unit_editor_evidence_stays_private(client, unit_editor, two_units):
    client.force_login(unit_editor)
    own_issue, _ = _own_and_other_issue(two_units)
    measure = Measure.objects.filter(issue__inspection__unit=two_units[0]).first()
    response = client.post(
        reverse("admin:rectify_evidence_add"),
        {
            "measure": measure.pk,
            "title": "会议纪要",
            "is_public": "on",
            "file": SimpleUploadedFile("minutes.pdf", b"%PDF-1.4 minutes"),
        },
    )
    assert response.status_code == 302
    evidence = Evidence.objects.get()
    assert evidence.uploaded_by == unit_editor and not evidence.is_public
    assert not Evidence.objects.public().exists()


def _public_evidence_of(unit, office_user) -> Evidence:
    measure = Measure.objects.filter(issue__inspection__unit=unit).first()
    return Evidence.objects.create(
        measure=measure,
        title="整改会议纪要",
        is_public=True,
        uploaded_by=office_user,
        file=SimpleUploadedFile("minutes.pdf", b"%PDF-1.4 office minutes"),
    )


def test_unit_editor_cannot_replace_a_public_evidence_file(client, unit_editor, office_user, two_units):
    evidence = _public_evidence_of(two_units[0], office_user)
    original = evidence.file.name
    client.force_login(unit_editor)
    url = reverse("admin:rectify_evidence_change", args=[evidence.pk])
    page = client.get(url)
    assert page.status_code == 200 and b'type="file"' not in page.content
    client.post(
        url,
        {"measure": evidence.measure_id, "title": "替换", "file": SimpleUploadedFile("x.pdf", b"%PDF-1.4 forged")},
    )
    evidence.refresh_from_db()
    assert (evidence.file.name, evidence.title, evidence.is_public) == (original, "整改会议纪要", True)


def test_unit_editor_cannot_delete_public_evidence_alone_or_in_a_batch(client, unit_editor, office_user, two_units):
    evidence = _public_evidence_of(two_units[0], office_user)
    client.force_login(unit_editor)
    assert client.post(reverse("admin:rectify_evidence_delete", args=[evidence.pk]), {"post": "yes"}).status_code == 403
    changelist = reverse("admin:rectify_evidence_changelist")
    _action(client, changelist, "delete_selected", [evidence], post="yes")
    assert Evidence.objects.filter(pk=evidence.pk).exists()


def test_unit_editor_still_adds_and_deletes_their_own_unpublished_evidence(client, unit_editor, two_units):
    client.force_login(unit_editor)
    measure = Measure.objects.filter(issue__inspection__unit=two_units[0]).first()
    client.post(
        reverse("admin:rectify_evidence_add"),
        {"measure": measure.pk, "title": "新纪要", "file": SimpleUploadedFile("m.pdf", b"%PDF-1.4 new")},
    )
    evidence = Evidence.objects.get(title="新纪要")
    response = client.post(reverse("admin:rectify_evidence_delete", args=[evidence.pk]), {"post": "yes"})
    assert response.status_code == 302 and not Evidence.objects.filter(pk=evidence.pk).exists()


def test_office_corrections_in_the_problem_form_are_recorded_for_later_imports(client, office_user, imported_seeds):
    issue = Issue.objects.filter(measures__isnull=False).first()
    client.force_login(office_user)
    url = reverse("admin:rectify_issue_change", args=[issue.pk])
    form = client.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None and name in form.fields}
    data.update(title="更正后的标题", inspection=issue.inspection_id, report=issue.report_id)
    data = {k: (v.pk if hasattr(v, "pk") else v) for k, v in data.items()}
    data["immediate"] = "on" if issue.immediate else ""
    measures = list(issue.measures.order_by("order"))
    data.update(
        {
            "measures-TOTAL_FORMS": len(measures),
            "measures-INITIAL_FORMS": len(measures),
            "status_changes-TOTAL_FORMS": 0,
            "status_changes-INITIAL_FORMS": 0,
            "progress_updates-TOTAL_FORMS": 0,
            "progress_updates-INITIAL_FORMS": 0,
            "closure_requests-TOTAL_FORMS": 0,
            "closure_requests-INITIAL_FORMS": 0,
        }
    )
    for i, measure in enumerate(measures):
        data.update(
            {
                f"measures-{i}-id": measure.pk,
                f"measures-{i}-issue": issue.pk,
                f"measures-{i}-order": measure.order,
                f"measures-{i}-number": measure.number,
                f"measures-{i}-text": "更正后的措施" if i == 0 else measure.text,
                f"measures-{i}-acting_unit_name": measure.acting_unit_name,
                f"measures-{i}-state": measure.state,
                f"measures-{i}-dates": ", ".join(measure.dates),
                f"measures-{i}-acting_units": [unit.pk for unit in measure.acting_units.all()],
            }
        )
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    issue.refresh_from_db()
    assert issue.title == "更正后的标题" and issue.corrected_fields == ["title"]
    assert Measure.objects.get(pk=measures[0].pk).corrected_fields == ["text"]
    assert Measure.objects.get(pk=measures[1].pk).corrected_fields == []


# --- read-only -----------------------------------------------------------------------------------


def test_read_only_user_can_look_but_not_change(client, readonly_user, imported_seeds):
    client.force_login(readonly_user)
    issue = Issue.objects.first()
    change = reverse("admin:rectify_issue_change", args=[issue.pk])
    assert client.get(ISSUES).status_code == 200
    assert client.get(change).status_code == 200
    assert client.post(change, {"title": "改掉"}).status_code == 403
    assert client.get(reverse("admin:rectify_issue_add")).status_code == 403
    assert client.post(reverse("admin:rectify_issue_delete", args=[issue.pk]), {"post": "yes"}).status_code == 403
    assert client.get(reverse("admin:rectify_report_upload")).status_code == 403
    _action(client, ISSUES, "set_status", [issue], status=IssueStatus.COMPLETED, note="x", apply="1")
    issue.refresh_from_db()
    assert issue.status != IssueStatus.COMPLETED and not ProgressUpdate.objects.exists()


# --- office --------------------------------------------------------------------------------------


def test_office_set_status_action_asks_for_a_note_then_records_history(client, office_user, imported_seeds):
    client.force_login(office_user)
    issues = list(Issue.objects.exclude(status=IssueStatus.PARTIAL).order_by("pk")[:3])
    form = _action(client, ISSUES, "set_status", issues)
    assert form.status_code == 200 and "note" in form.context["form"].fields
    response = _action(client, ISSUES, "set_status", issues, status=IssueStatus.PARTIAL, note="阶段性完成", apply="1")
    assert response.status_code == 302
    changes = StatusChange.objects.filter(source=StatusSource.STAFF)
    assert changes.count() == 3
    assert {(c.issue_id, c.status, c.changed_by_id, c.note) for c in changes} == {
        (i.pk, IssueStatus.PARTIAL, office_user.pk, "阶段性完成") for i in issues
    }


def test_editing_status_in_the_form_records_history(client, office_user, imported_seeds):
    client.force_login(office_user)
    issue = Issue.objects.exclude(status=IssueStatus.COMPLETED).first()
    url = reverse("admin:rectify_issue_change", args=[issue.pk])
    form = client.get(url).context["adminform"].form
    data = {name: form.initial.get(name) or "" for name in form.fields}
    data.update(status=IssueStatus.COMPLETED, immediate="on" if issue.immediate else "")
    for prefix in ("measures", "status_changes", "progress_updates", "closure_requests"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    data = {k: v for k, v in data.items() if v is not None and v is not False}
    response = client.post(url, data)
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    issue.refresh_from_db()
    assert issue.status == IssueStatus.COMPLETED
    change = issue.status_changes.latest("id")
    assert (change.status, change.changed_by, change.source) == (IssueStatus.COMPLETED, office_user, "staff")


def test_office_publishes_and_unpublishes(client, office_user, imported_seeds):
    client.force_login(office_user)
    reports = list(Report.objects.all()[:2])
    changelist = reverse("admin:rectify_report_changelist")
    confirmation = _action(client, changelist, "unpublish", reports)
    assert confirmation.status_code == 200 and "全部保留" in confirmation.content.decode()
    assert Report.objects.filter(pk__in=[r.pk for r in reports], is_published=True).count() == 2
    _action(client, changelist, "unpublish", reports, apply="1")
    assert Report.objects.filter(pk__in=[r.pk for r in reports], is_published=False).count() == 2
    assert not Issue.objects.published().filter(report__in=reports).exists()
    _action(client, changelist, "publish", reports)
    assert Report.objects.filter(pk__in=[r.pk for r in reports], is_published=True).count() == 2


def test_office_approves_and_returns_updates(client, office_user, unit_editor, two_units):
    own_issue, _ = _own_and_other_issue(two_units)
    first, second = (
        ProgressUpdate.objects.create(issue=own_issue, status=status, note=note, submitted_by=unit_editor)
        for status, note in [(IssueStatus.COMPLETED, "已整改"), (IssueStatus.PARTIAL, "部分完成")]
    )
    client.force_login(office_user)
    changelist = reverse("admin:rectify_progressupdate_changelist")
    _action(client, changelist, "approve", [first])
    returned = _action(client, changelist, "return_for_revision", [second], comment="", apply="1")
    assert returned.status_code == 200  # the comment is required: the form comes back
    _action(client, changelist, "return_for_revision", [second], comment="请补充佐证", apply="1")
    first.refresh_from_db(), second.refresh_from_db(), own_issue.refresh_from_db()
    assert (first.state, second.state, second.review_comment) == (
        ReviewState.APPROVED,
        ReviewState.RETURNED,
        "请补充佐证",
    )
    assert own_issue.status == IssueStatus.COMPLETED


def test_reviewed_updates_are_final(client, office_user, unit_editor, two_units):
    own_issue, _ = _own_and_other_issue(two_units)
    update = ProgressUpdate.objects.create(
        issue=own_issue, status=IssueStatus.COMPLETED, note="x", submitted_by=unit_editor, state=ReviewState.RETURNED
    )
    client.force_login(unit_editor)
    url = reverse("admin:rectify_progressupdate_change", args=[update.pk])
    client.post(url, {"issue": own_issue.pk, "status": IssueStatus.PARTIAL, "note": "改了"})
    update.refresh_from_db()
    assert (update.status, update.note) == (IssueStatus.COMPLETED, "x")


# --- warnings and dashboard ----------------------------------------------------------------------


@pytest.fixture
def flagged(imported_seeds):
    """Three open problems of one inspection: red (overdue), yellow (5 days left), green (15 left)."""
    today = timezone.localdate()
    inspection = Inspection.objects.filter(issues__isnull=False).order_by("pk").first()
    issues = list(inspection.issues.order_by("order")[:3])
    for issue, days in zip(issues, (-3, 5, 15), strict=True):
        Issue.objects.filter(pk=issue.pk).update(due_date=today + timedelta(days=days), status=IssueStatus.IN_PROGRESS)
    # Everything else far off, so only these three carry a flag.
    Issue.objects.exclude(pk__in=[i.pk for i in issues]).update(due_date=today + timedelta(days=365))
    return dict(zip(("red", "yellow", "green"), issues, strict=True))


@pytest.mark.parametrize("colour", ["red", "yellow", "green"])
def test_warning_filter_lists_each_colour(client, office_user, flagged, colour):
    client.force_login(office_user)
    response = client.get(ISSUES, {"warning": colour})
    assert [issue.pk for issue in response.context["cl"].result_list] == [flagged[colour].pk]
    assert f"rectify-flag-{colour}" in response.content.decode()


def test_issue_changelist_query_count(client, office_user, flagged, django_assert_max_num_queries):
    client.force_login(office_user)
    with django_assert_max_num_queries(15):
        response = client.get(ISSUES)
    assert response.status_code == 200 and len(response.context["cl"].result_list) == 50


def test_dashboard_counts_warnings_per_unit(client, office_user, flagged, django_assert_max_num_queries):
    client.force_login(office_user)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("admin:rectify_issue_dashboard"))
    rows = {row["inspection__unit"]: row for row in response.context["rows"]}
    unit = flagged["red"].inspection.unit_id
    assert (rows[unit]["red"], rows[unit]["yellow"], rows[unit]["green"]) == (1, 1, 1)
    assert response.context["rows"][0]["inspection__unit"] == unit  # most overdue first
    assert sum(row["red"] for row in rows.values()) == 1
    assert sum(row["total"] for row in rows.values()) == Issue.objects.count()


def test_dashboard_for_a_unit_editor_shows_only_their_unit(client, unit_editor, two_units):
    client.force_login(unit_editor)
    response = client.get(reverse("admin:rectify_issue_dashboard"))
    assert [row["inspection__unit"] for row in response.context["rows"]] == [two_units[0].pk]


# --- ledger exports ------------------------------------------------------------------------------


def test_ledger_xlsx_of_selected_problems(client, office_user, imported_seeds):
    client.force_login(office_user)
    issues = list(Issue.objects.order_by("inspection", "order")[:4])
    response = _action(client, ISSUES, "export_ledger_xlsx", issues)
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    assert response.streaming  # sent from a spooled temporary file, not built as bytes
    sheet = openpyxl.load_workbook(io.BytesIO(response.getvalue())).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == HEADERS
    assert [row[3].split("\n")[0] for row in rows[1:]] == [issue.title for issue in issues]
    status = HEADERS.index("完成情况")
    assert [row[status] for row in rows[1:]] == [issue.get_status_display() for issue in issues]
    assert sheet.freeze_panes == "A2" and sheet["A1"].font.bold
    assert sheet.column_dimensions["E"].width > sheet.column_dimensions["A"].width


def test_ledger_of_one_inspection_has_all_its_problems(client, office_user, imported_seeds):
    client.force_login(office_user)
    inspection = Inspection.objects.order_by("pk").first()
    response = _action(client, reverse("admin:rectify_inspection_changelist"), "export_ledger_xlsx", [inspection])
    rows = list(openpyxl.load_workbook(io.BytesIO(response.getvalue())).active.iter_rows(values_only=True))
    assert len(rows) - 1 == inspection.issues.count()
    assert {row[1] for row in rows[1:]} == {inspection.unit.name}


def test_ledger_csv_of_selected_problems(client, office_user, imported_seeds):
    client.force_login(office_user)
    issues = list(Issue.objects.order_by("inspection", "order")[:3])
    response = _action(client, ISSUES, "export_ledger_csv", issues)
    assert response.streaming  # a whole archive selected is never held in memory
    text = response.getvalue().decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0] == HEADERS and len(rows) == 4


def test_unit_editor_ledger_holds_only_their_problems(client, unit_editor, two_units):
    client.force_login(unit_editor)
    inspections = list(Inspection.objects.filter(unit__in=two_units))
    response = _action(client, reverse("admin:rectify_inspection_changelist"), "export_ledger_xlsx", inspections)
    rows = list(openpyxl.load_workbook(io.BytesIO(response.getvalue())).active.iter_rows(values_only=True))
    assert {row[1] for row in rows[1:]} == {two_units[0].name}


# --- evidence limits -----------------------------------------------------------------------------


def test_evidence_type_and_size_are_limited(client, office_user, imported_seeds, settings):
    settings.RECTIFY_MAX_EVIDENCE_BYTES = 10
    client.force_login(office_user)
    measure = Measure.objects.first()
    add = reverse("admin:rectify_evidence_add")
    for name, content in [("run.exe", b"MZ"), ("big.pdf", b"%PDF-" + b"x" * 20)]:
        response = client.post(add, {"measure": measure.pk, "title": name, "file": SimpleUploadedFile(name, content)})
        assert response.status_code == 200 and "file" in response.context["adminform"].form.errors
    assert not Evidence.objects.exists()
    response = client.post(
        add,
        {"measure": measure.pk, "title": "ok", "is_public": "on", "file": SimpleUploadedFile("ok.pdf", b"%PDF-1.7")},
    )
    assert response.status_code == 302
    evidence = Evidence.objects.get()
    assert evidence.is_public and evidence.file.name.startswith("evidence/") and "ok" not in evidence.file.name


def test_problem_page_offers_unit_editors_a_progress_report_link(client, unit_editor, readonly_user, two_units):
    own_issue, _ = _own_and_other_issue(two_units)
    link = f"{reverse('admin:rectify_progressupdate_add')}?issue={own_issue.pk}"
    client.force_login(unit_editor)
    assert link in client.get(reverse("admin:rectify_issue_change", args=[own_issue.pk])).content.decode()
    client.force_login(readonly_user)
    assert link not in client.get(reverse("admin:rectify_issue_change", args=[own_issue.pk])).content.decode()


def test_problem_admin_search_finds_text_through_the_index_and_unit_names(admin_client, imported_seeds):
    from rectify.models import Issue

    url = reverse("admin:rectify_issue_changelist")
    by_text = Issue.objects.search("公众号")
    assert by_text.exists()
    page = admin_client.get(url, {"q": "公众号"}).content.decode()
    assert f"{by_text.count()} 条结果" in page
    unit = Issue.objects.first().inspection.unit
    page = admin_client.get(url, {"q": unit.name}).content.decode()
    total = Issue.objects.filter(inspection__unit=unit).count()
    assert f"{total} 条结果" in page


# --- filters the database refuses ----------------------------------------------------------------

# Lookups the admin accepts on any field of a model's own, whose values only the database refuses:
# out of the range of a year or a 64-bit integer, not a date, not a regular expression.
HOSTILE_LOOKUPS = [
    "{name}__year=99999999999",
    "{name}=99999999999999999999",
    "{name}__regex=%5B",
    "{name}__iregex=%28&_facets=1",
    "{name}__gte=-99999999999999999999",
    "{name}__in=1,99999999999999999999",
    "{name}__date=99999-99-99",
    "{name}__month__gt=99999999999999999999",
]


def _changelists():
    """Each changelist with the names to filter on: every field its filters name, every parameter of
    its own filters, and one field of each other kind (type, with choices or not, a relation or not),
    as fields of one kind take one path through the admin's lookups and the database's refusals."""
    from django.contrib import admin

    for model, model_admin in admin.site._registry.items():
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        filtered = {name.split("__")[0] for name in model_admin.list_filter if isinstance(name, str)}
        filtered |= {name[0] for name in model_admin.list_filter if isinstance(name, tuple)}
        names, kinds = [], set()
        for field in model._meta.concrete_fields:
            kind = (field.get_internal_type(), bool(field.choices), field.is_relation)
            if field.name in filtered or kind not in kinds:
                names.append(field.name)
                kinds.add(kind)
        names += [f.parameter_name for f in model_admin.list_filter if getattr(f, "parameter_name", None)]
        yield url, names


# One test per changelist, so test workers share them (all of them in one test took 20 s).
@pytest.mark.parametrize(
    ("url", "names"), list(_changelists()), ids=lambda value: value if isinstance(value, str) else ""
)
def test_every_admin_changelist_answers_filters_the_database_refuses_without_a_server_error(
    admin_client, imported_seeds, url, names
):
    refused = []
    for name in names:
        for lookup in HOSTILE_LOOKUPS:
            query = lookup.format(name=name)
            response = admin_client.get(f"{url}?{query}")
            # 400: a lookup Django itself forbids (a user's password hash); 302: to the list with a message
            if response.status_code == 302:
                assert response["Location"] == f"{url}?e=1", query
            elif response.status_code not in (200, 400):
                refused.append((url, query, response.status_code))
    assert not refused


def test_the_hostile_filter_test_covers_every_changelist():
    assert len(list(_changelists())) >= 15  # rectify's own, auth's and axes' changelists


@pytest.mark.parametrize(
    "changelist, query",
    [
        ("admin:rectify_issue_changelist", "due_date__year=99999999999"),
        ("admin:rectify_issue_changelist", "unit=99999999999999999999"),
        ("admin:rectify_inspection_changelist", "unit=99999999999999999999"),
        ("admin:rectify_issue_changelist", "description__regex=%5B"),
        ("admin:rectify_measure_changelist", "text__regex=%5B"),
        ("admin:auth_user_changelist", "date_joined__year=99999999999"),
    ],
)
def test_a_filter_the_database_refuses_shows_staff_a_message_on_the_whole_list(
    client, office_user, imported_seeds, changelist, query
):
    office_user.is_superuser = True  # the auth user list is the superuser's
    office_user.save()
    client.force_login(office_user)

    response = client.get(f"{reverse(changelist)}?{query}", follow=True)

    assert response.status_code == 200
    if not response.redirect_chain:
        # PostgreSQL answers an id beyond 64 bits with no rows (Django knows the column's range): no such unit
        assert query.startswith("unit=") and connection.vendor == "postgresql"
        assert response.context["cl"].result_count == 0
        return
    assert response.redirect_chain == [(f"{reverse(changelist)}?e=1", 302)]
    page = response.content.decode()
    assert "无法按这些筛选条件查询" in page and "已改为显示全部记录" in page
    assert response.context["cl"].result_count == response.context["cl"].full_result_count


def test_a_long_refused_filter_is_shown_once_and_cut_short(client, office_user, imported_seeds):
    client.force_login(office_user)
    pattern = "%5B" + "x" * 5_000

    page = client.get(f"{ISSUES}?description__regex={pattern}", follow=True).content.decode()

    assert page.count("x" * 100) == 1 and "x" * 200 not in page


def test_staff_see_estimated_warnings_marked_and_counted_apart(client, office_user, flagged):
    # The red one's deadline is stated by the report; the others are estimated from the feedback date.
    Issue.objects.filter(pk=flagged["red"].pk).update(due_basis=DueBasis.STATED)
    Issue.objects.filter(pk__in=[flagged["yellow"].pk, flagged["green"].pk]).update(due_basis=DueBasis.DEFAULT)
    client.force_login(office_user)
    red = client.get(ISSUES, {"warning": "red"}).content.decode()
    yellow = client.get(ISSUES, {"warning": "yellow"}).content.decode()
    assert "rectify-flag-red" in red and "（估算）" not in red
    assert "rectify-flag-yellow rectify-flag-estimated" in yellow and "（估算）" in yellow
    dashboard = client.get(reverse("admin:rectify_issue_dashboard"))
    assert dashboard.context["totals"]["estimated"] == 2
    assert (dashboard.context["totals"]["red"], dashboard.context["totals"]["yellow"]) == (1, 1)
