"""An admin that explains itself: one-step unit editors, one deadline block, dates as dates, the index in
the order of the work, messages in the form's words, a report's withdraw/delete page, the favicon."""

import re

import pytest
from django.contrib.auth.models import User
from django.contrib.staticfiles import finders
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from rectify import admin_views
from rectify.models import DueBasis, Issue, IssueStatus, Measure, ProgressUpdate, Report, UnitEditor
from rectify.roles import UNIT_EDITOR, is_unit_editor

from .conftest import seed_path

pytestmark = pytest.mark.django_db

UPLOAD = reverse("admin:rectify_report_upload")
CONFIRM = reverse("admin:rectify_report_upload_confirm")


@pytest.fixture(autouse=True)
def staging(settings, tmp_path):
    settings.RECTIFY_IMPORT_STAGING_DIR = tmp_path / "staging"


# --- add_unit_editor -----------------------------------------------------------------------------


def test_add_unit_editor_makes_a_scoped_editor_in_one_step(two_units, roles, monkeypatch, capsys):
    unit = two_units[0]
    monkeypatch.setenv("EDITOR_PASSWORD", "long-enough-Passw0rd")
    call_command(
        "add_unit_editor", "wang", unit.short_name or unit.name, "--email=wang@example.org",
        "--password-from-env=EDITOR_PASSWORD",
    )  # fmt: skip
    user = User.objects.get(username="wang")
    assert user.is_staff and user.check_password("long-enough-Passw0rd") and user.email == "wang@example.org"
    assert list(user.groups.values_list("name", flat=True)) == [UNIT_EDITOR] and is_unit_editor(user)
    assert list(UnitEditor.objects.filter(user=user).values_list("unit", flat=True)) == [unit.pk]
    assert unit.name in capsys.readouterr().out


def test_add_unit_editor_without_a_password_says_how_to_set_one(two_units, roles, capsys):
    call_command("add_unit_editor", "li", str(two_units[1].pk), "--no-password")
    user = User.objects.get(username="li")
    assert not user.has_usable_password()
    assert "changepassword li" in capsys.readouterr().out


def test_add_unit_editor_refuses_an_unknown_unit_and_a_missing_password(two_units, roles, monkeypatch):
    with pytest.raises(CommandError, match="找不到"):
        call_command("add_unit_editor", "zhao", "没有这个单位", "--no-password")
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    with pytest.raises(CommandError, match="--password-from-env"):
        call_command("add_unit_editor", "zhao", str(two_units[0].pk))
    assert not User.objects.filter(username="zhao").exists()


# --- the problem and measure forms ---------------------------------------------------------------


def test_problem_page_has_one_deadline_block(client, office_user, imported_seeds):
    issue = Issue.objects.filter(due_basis=DueBasis.DEFAULT).select_related("inspection").first()
    client.force_login(office_user)
    page = client.get(reverse("admin:rectify_issue_change", args=[issue.pk])).content.decode()
    block = page[page.index('<h2 id="fieldset-0-2-heading"') :].split("</fieldset>")[0]
    assert "整改时限（通报原文）" in block and 'name="due_date"' in block
    assert f"按反馈日期 {issue.inspection.feedback_date:%Y-%m-%d} 估算" in block
    assert 'name="deadline"' not in page  # the parsed date is not a third field to keep in step
    assert page.count('name="due_date"') == 1


def test_measure_dates_are_typed_as_dates(client, office_user, imported_seeds):
    measure = Measure.objects.exclude(dates=[]).first()
    client.force_login(office_user)
    url = reverse("admin:rectify_measure_change", args=[measure.pk])
    form = client.get(url).context["adminform"].form
    shown = form["dates"].value()
    assert shown == "，".join(measure.dates) and "[" not in form["dates"].as_widget()
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data.update(issue=measure.issue_id, dates="2025-06-30，2025-12-31", acting_units=[])
    data.update({"evidence-TOTAL_FORMS": 0, "evidence-INITIAL_FORMS": 0})
    assert client.post(url, data).status_code == 302
    measure.refresh_from_db()
    assert measure.dates == ["2025-06-30", "2025-12-31"]
    response = client.post(url, {**data, "dates": "6月底"})
    assert response.status_code == 200 and "不是日期" in response.content.decode()


# --- the index ----------------------------------------------------------------------------------------


def test_index_lists_the_archive_in_the_order_of_the_work_and_lockouts_last(client, office_user):
    office_user.is_superuser = True
    office_user.save()
    client.force_login(office_user)
    apps = client.get(reverse("admin:index")).context["app_list"]
    assert [app["app_label"] for app in apps][0] == "rectify" and apps[-1]["app_label"] == "axes"
    names = [model["object_name"] for model in apps[0]["models"]]
    work = ["Report", "Issue", "ProgressUpdate", "ClosureRequest", "Evidence", "Unit", "Inspection"]
    assert names[: len(work)] == work
    every_name = [model["name"] for app in apps for model in app["models"]] + [app["name"] for app in apps]
    assert all(re.search(r"[\u4e00-\u9fff]", str(name)) for name in every_name), every_name


# --- messages in the web form's words -------------------------------------------------------------


def test_a_truncated_upload_names_the_tick_box_not_the_flag(client, office_user):
    client.force_login(office_user)
    source = seed_path("000").read_text(encoding="utf-8")
    truncated = "\n".join(source.split("\n")[:5]).encode()
    response = client.post(UPLOAD, {"file": SimpleUploadedFile("截断.txt", truncated)})
    message = " ".join(response.context["form"].errors["file"])
    assert "不完整" in message and "--" not in message
    assert "允许导入没有问题清单的不完整报告" in message
    assert admin_views.in_form_words("（可用 --allow-partial 仍然导入）").count("--") == 0


def test_reuploading_a_report_counts_its_measures_in_the_message(client, office_user, imported_seeds):
    client.force_login(office_user)
    path = seed_path("002")
    report = Report.objects.get(source_name=path.name)
    measures = Measure.objects.filter(issue__report=report).count()
    preview = client.post(UPLOAD, {"file": SimpleUploadedFile(path.name, path.read_bytes())})
    token = re.search(r'name="token" value="([0-9a-f]{32})"', preview.content.decode()).group(1)
    response = client.post(CONFIRM, {"token": token, "confirm": "1"}, follow=True)
    [message] = [str(m) for m in response.context["messages"]]
    assert measures > 0 and f"{measures} 条措施" in message and "内容未变" in message


# --- withdrawing or deleting a report ---------------------------------------------------------------


def test_report_delete_page_lists_what_goes_and_deletes_a_mistaken_upload(client, office_user, imported_seeds):
    report = Report.objects.get(source_name=seed_path("003").name)
    problems = list(report.issues.values_list("pk", flat=True))
    client.force_login(office_user)
    url = reverse("admin:rectify_report_delete", args=[report.pk])
    page = client.get(url).content.decode()
    assert f"仅见于该通报的问题 {len(problems)} 个" in page and "撤回这份通报" in page and "确认删除" in page
    assert "待确认的问题匹配 0 组" in page
    response = client.post(url, {"delete": "1"})
    assert response.status_code == 302
    assert not Report.objects.filter(pk=report.pk).exists() and not Issue.objects.filter(pk__in=problems).exists()


def test_report_with_staff_work_can_be_withdrawn_but_not_deleted(client, office_user, imported_seeds):
    report = Report.objects.get(source_name=seed_path("003").name)
    issue = report.issues.first()
    ProgressUpdate.objects.create(issue=issue, status=IssueStatus.COMPLETED, note="已整改", submitted_by=office_user)
    client.force_login(office_user)
    url = reverse("admin:rectify_report_delete", args=[report.pk])
    page = client.get(url).content.decode()
    assert "不能删除" in page and "整改进展报送 1 项" in page and 'name="delete"' not in page
    client.post(url, {"delete": "1"})
    assert Report.objects.filter(pk=report.pk).exists()
    client.post(url, {"withdraw": "1"})
    report.refresh_from_db()
    assert not report.is_published and ProgressUpdate.objects.filter(issue=issue).exists()


def test_unit_editors_and_readers_cannot_delete_reports(client, readonly_user, imported_seeds):
    report = Report.objects.first()
    client.force_login(readonly_user)
    assert client.get(reverse("admin:rectify_report_delete", args=[report.pk])).status_code == 403


# --- dashboard and favicon -----------------------------------------------------------------------------


def test_every_dashboard_count_links_to_the_filtered_list(client, office_user, imported_seeds):
    client.force_login(office_user)
    page = client.get(reverse("admin:rectify_issue_dashboard"))
    totals = page.context["totals"]
    changelist = reverse("admin:rectify_issue_changelist")
    for key, query in page.context["filters"].items():
        assert f'href="{changelist}?{query}"'.replace("&", "&amp;") in page.content.decode() or not query
        listed = client.get(f"{changelist}?{query}")
        assert listed.status_code == 200 and listed.context["cl"].result_count == totals[key], key


def test_admin_pages_link_the_favicon(client, office_user):
    client.force_login(office_user)
    page = client.get(reverse("admin:index")).content.decode()
    assert re.search(r'<link rel="icon" href="[^"]*rectify/favicon[^"]*\.svg"', page)
    assert finders.find("rectify/favicon.svg")
