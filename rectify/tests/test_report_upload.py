"""Uploading a report in the admin: preview by a rolled-back import, then confirm or cancel."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from rectify import report_upload
from rectify.models import Inspection, Issue, IssueStatus, Measure, Report, StatusChange, Unit

from .conftest import seed_path, with_newer_status

pytestmark = pytest.mark.django_db

UPLOAD = reverse("admin:rectify_report_upload")
CONFIRM = reverse("admin:rectify_report_upload_confirm")


@pytest.fixture(autouse=True)
def staging(settings, tmp_path):
    settings.RECTIFY_IMPORT_STAGING_DIR = tmp_path / "staging"
    return settings.RECTIFY_IMPORT_STAGING_DIR


def _counts():
    return [model.objects.count() for model in (Unit, Inspection, Report, Issue, Measure, StatusChange)]


def _upload(client, path, name=None, **fields):
    upload = SimpleUploadedFile(name or path.name, path.read_bytes())
    return client.post(UPLOAD, {"file": upload, **fields})


def _token(response):
    return re.search(r'name="token" value="([0-9a-f]{32})"', response.content.decode()).group(1)


def test_preview_describes_the_import_and_writes_nothing(db):
    path = seed_path("000")
    preview = report_upload.preview_import(path.read_bytes(), name=path.name)
    assert _counts() == [0] * 6
    assert preview.outcome == "created" and preview.new_inspection and not preview.published
    assert preview.unit_name in preview.new_units
    assert len(preview.created_issues) > 0 and not preview.updated_issues
    from django.core.management import call_command

    call_command("import_reports", str(path), verbosity=0)
    assert len(preview.created_issues) == Issue.objects.count()
    assert preview.measure_count == Measure.objects.count()
    assert len(preview.status_changes) == StatusChange.objects.count()


def test_preview_of_a_report_already_imported_is_unchanged(imported_seeds):
    path = seed_path("001")
    before = _counts()
    preview = report_upload.preview_import(path.read_bytes(), name=path.name)
    assert preview.outcome == "unchanged" and not preview.created_issues and _counts() == before


def test_preview_shows_status_changes_a_corrected_report_would_make(imported_seeds):
    path = seed_path("001")
    issue = Issue.objects.get(report__source_name=path.name, number="问题7")
    # The same file corrected: 问题7 now stated finished (and signed later), so an update in place.
    corrected = with_newer_status(path.read_text(encoding="utf-8")).encode("utf-8")
    preview = report_upload.preview_import(corrected, name=path.name)
    assert preview.outcome == "updated" and not preview.created_issues and preview.published
    assert [(c.title, c.previous_status, c.status) for c in preview.status_changes] == [
        (issue.title, "阶段性完成", "已完成整改")
    ]
    issue.refresh_from_db()
    assert issue.status == IssueStatus.PARTIAL


def test_preview_of_the_same_text_with_other_spacing_is_unchanged(imported_seeds):
    path = seed_path("004")
    before = _counts()
    preview = report_upload.preview_import(path.read_bytes().replace(b"\n", b"\r\n") + b"\n\n", name="004.html.txt")
    assert preview.outcome == "unchanged" and _counts() == before


def test_upload_then_confirm_imports_the_report(client, office_user, staging):
    client.force_login(office_user)
    path = seed_path("002")
    response = _upload(client, path, publish="on")
    preview = response.context["preview"]
    assert response.status_code == 200 and preview.outcome == "created"
    assert _counts() == [0] * 6 and len(list(staging.iterdir())) == 1
    response = client.post(CONFIRM, {"token": _token(response), "confirm": "1"})
    report = Report.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "admin:rectify_report_change", args=[report.pk]
    )
    assert report.source_name == path.name and report.is_published
    assert Issue.objects.count() == len(preview.created_issues) > 0
    assert not list(staging.iterdir())


def test_upload_then_cancel_writes_nothing(client, office_user, staging):
    client.force_login(office_user)
    token = _token(_upload(client, seed_path("003")))
    response = client.post(CONFIRM, {"token": token, "cancel": "1"})
    assert response.status_code == 302 and _counts() == [0] * 6
    assert not list(staging.iterdir())
    # The token is spent: confirming it afterwards imports nothing.
    client.post(CONFIRM, {"token": token, "confirm": "1"})
    assert Report.objects.count() == 0


def test_uploads_are_drafts_unless_published(client, office_user):
    client.force_login(office_user)
    response = _upload(client, seed_path("000"))
    client.post(CONFIRM, {"token": _token(response), "confirm": "1"})
    assert not Report.objects.get().is_published


def test_another_sessions_token_cannot_be_confirmed(client, office_user, django_user_model, roles):
    client.force_login(office_user)
    token = _token(_upload(client, seed_path("000")))
    from django.test import Client

    other = Client()
    other.force_login(django_user_model.objects.create_superuser("boss", password="x-unused-x"))
    other.post(CONFIRM, {"token": token, "confirm": "1"})
    assert Report.objects.count() == 0


@pytest.mark.parametrize("name", ["report.pdf", "report", "../../etc/passwd.txt.exe"])
def test_unsupported_file_types_are_refused(client, office_user, staging, name):
    client.force_login(office_user)
    response = _upload(client, seed_path("000"), name=name)
    assert response.status_code == 200 and "file" in response.context["form"].errors
    assert not staging.exists() or not list(staging.iterdir())


def test_files_over_the_limit_are_refused(client, office_user, settings):
    settings.RECTIFY_MAX_REPORT_BYTES = 100
    client.force_login(office_user)
    response = _upload(client, seed_path("000"))
    assert "文件过大" in str(response.context["form"].errors["file"])


def test_a_file_that_is_not_a_report_gives_a_message_not_an_error(client, office_user):
    client.force_login(office_user)
    response = client.post(UPLOAD, {"file": SimpleUploadedFile("x.txt", "今天天气很好。".encode())})
    assert response.status_code == 200 and response.context["form"].errors["file"]
    assert _counts() == [0] * 6


def test_a_forged_token_is_refused(client, office_user):
    client.force_login(office_user)
    response = client.post(CONFIRM, {"token": "../../etc/passwd", "confirm": "1"})
    assert response.status_code == 302 and response["Location"] == UPLOAD


def test_unit_editors_and_readers_cannot_upload(client, unit_editor, readonly_user):
    for user in (unit_editor, readonly_user):
        client.force_login(user)
        assert client.get(UPLOAD).status_code == 403
        assert client.post(CONFIRM, {"token": "0" * 32}).status_code == 403


def test_preview_and_confirmation_say_what_staff_work_the_import_keeps(imported_seeds, settings, tmp_path):
    from django.core.files.base import ContentFile

    from rectify.models import Evidence

    settings.MEDIA_ROOT = tmp_path
    path = seed_path("001")
    issue = Issue.objects.get(report__source_name=path.name, number="问题7")
    Evidence.objects.create(measure=issue.measures.first(), title="纪要", file=ContentFile(b"%PDF-1.4", name="a.pdf"))
    corrected = with_newer_status(path.read_text(encoding="utf-8")).encode("utf-8")
    preview = report_upload.preview_import(corrected, name=path.name)
    assert preview.staff_work_kept == ["佐证材料 1 份均保留在原措施上"]
    result = report_upload.import_upload(corrected, name=path.name)
    assert result.kept.evidence == 1 and Evidence.objects.count() == 1


def test_reuploading_an_imported_report_counts_its_measures(imported_seeds):
    path = seed_path("001")
    result = report_upload.import_upload(path.read_bytes(), name=path.name)
    report = Report.objects.get(source_name=path.name)
    assert result.outcome == "unchanged"
    assert result.measure_count == Measure.objects.filter(issue__report=report).count() > 0


def test_a_page_declaring_an_undefined_charset_is_previewed_not_a_server_error(client, office_user):
    """<meta charset="undefined"> names Python's codec that always raises; the page is read by detection."""
    client.force_login(office_user)
    text = seed_path("001").read_text(encoding="utf-8")
    page = f'<html><head><meta charset="undefined"><title>通报</title></head><body><div>{text}</div></body></html>'
    upload = SimpleUploadedFile("通报.html", page.replace("\n", "<br>\n").encode("gbk"))

    response = client.post(UPLOAD, {"file": upload})

    assert response.status_code == 200
    assert re.search(r'name="token" value="[0-9a-f]{32}"', response.content.decode())
    assert _counts() == [0] * 6
