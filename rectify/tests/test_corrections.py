"""Staff corrections of header facts: applied to the parse, stored with who and when, kept on re-import."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse

from rectify.importer.corrections import CorrectionError, apply_corrections, fact_value
from rectify.importer.load import load_report
from rectify.importer.parse import parse_report
from rectify.models import FactCorrection, Inspection, Report, Unit

from .conftest import seed_path


def _seed(prefix="001"):
    text = seed_path(prefix).read_text(encoding="utf-8")
    return text, parse_report(text)


def test_corrections_replace_facts_and_derive_the_units_region_again():
    _, record = _seed()
    corrected = apply_corrections(
        record,
        {
            "unit.name": "中共益阳市赫山区委宣传部",
            "inspection.feedback_date": "2025-01-02",
            "report.declared.issues": "14",
        },
    )
    assert corrected.unit.name == "中共益阳市赫山区委宣传部" and corrected.unit.region.endswith("赫山区")
    assert corrected.inspection.feedback_date == datetime.date(2025, 1, 2)
    assert corrected.report.declared.issues == 14
    assert corrected.issues == record.issues
    assert apply_corrections(record, {"inspection.kind": ""}).inspection.kind is None


@pytest.mark.parametrize(
    "corrections",
    [{"inspection.start_date": "2024年9月6日"}, {"report.declared.issues": "-1"}, {"report.title": "x"}],
)
def test_a_value_that_cannot_stand_is_refused_naming_the_fact(corrections):
    _, record = _seed()
    with pytest.raises(CorrectionError):
        apply_corrections(record, corrections)


@pytest.mark.django_db
def test_a_correction_is_stored_with_who_and_survives_a_corrected_reimport(tmp_path, django_user_model):
    text, record = _seed()
    staff = django_user_model.objects.create_user("office")
    read = fact_value(record, "inspection.feedback_date")
    result = load_report(
        record,
        source_text=text,
        source_name="r.txt",
        corrections={"inspection.feedback_date": "2025-01-02"},
        corrected_by=staff,
    )
    assert result.report.inspection.feedback_date == datetime.date(2025, 1, 2)
    (correction,) = FactCorrection.objects.all()
    assert (correction.parsed_value, correction.value, correction.corrected_by) == (
        read.isoformat(),
        "2025-01-02",
        staff,
    )
    # The same file corrected by its publisher: the parser still reads the old date, the correction stands.
    (tmp_path / "r.txt").write_text(text.replace("群众借还书籍存在不便", "群众借还书籍仍不便"), encoding="utf-8")
    call_command("import_reports", str(tmp_path / "r.txt"), verbosity=0)
    assert Report.objects.count() == 1
    assert Inspection.objects.get().feedback_date == datetime.date(2025, 1, 2)


@pytest.mark.django_db
def test_a_correction_yields_when_the_report_itself_reads_differently(tmp_path):
    text, record = _seed()
    load_report(record, source_text=text, source_name="r.txt", corrections={"report.declared.issues": "20"})
    assert Report.objects.get().declared_issue_count == 20
    # A new version of the file states another count: that reading stands, not the old correction.
    changed = text.replace("巡察反馈的13个问题", "巡察反馈的15个问题")
    assert changed != text
    (tmp_path / "r.txt").write_text(changed, encoding="utf-8")
    call_command("import_reports", str(tmp_path / "r.txt"), verbosity=0)
    assert Report.objects.get().declared_issue_count == 15


@pytest.mark.django_db
def test_the_unit_corrected_on_an_imported_report_moves_it(django_user_model):
    text, record = _seed()
    load_report(record, source_text=text, source_name="r.txt")
    before = Unit.objects.get(inspections__reports__isnull=False)
    load_report(
        record, source_text=text, source_name="r.txt", corrections={"unit.name": "中共益阳市赫山区委宣传部（更正）"}
    )
    report = Report.objects.select_related("inspection__unit").get()
    assert report.inspection.unit.name == "中共益阳市赫山区委宣传部（更正）" != before.name
    assert report.issues.count() == len(record.issues)


@pytest.mark.django_db
def test_upload_preview_shows_each_fact_with_its_line_and_confirm_stores_the_correction(
    client, admin_user, settings, tmp_path
):
    import re

    settings.RECTIFY_IMPORT_STAGING_DIR = tmp_path
    client.force_login(admin_user)
    path = seed_path("001")
    from django.core.files.uploadedfile import SimpleUploadedFile

    page = client.post(
        reverse("admin:rectify_report_upload"),
        {"file": SimpleUploadedFile(path.name, path.read_bytes()), "publish": "on"},
    ).content.decode()
    assert 'name="fact:inspection.feedback_date" value="2024-12-30"' in page
    assert "第 1 行" in page
    token = re.search(r'name="token" value="([0-9a-f]{32})"', page).group(1)
    response = client.post(
        reverse("admin:rectify_report_upload_confirm"),
        {"token": token, "confirm": "1", "fact:inspection.feedback_date": "2025-01-03", "fact:inspection.kind": ""},
    )
    assert response.status_code == 302
    report = Report.objects.get()
    assert report.inspection.feedback_date == datetime.date(2025, 1, 3)
    (correction,) = report.corrections.all()
    assert correction.corrected_by == admin_user and correction.label == "反馈日期"
    history = client.get(reverse("admin:rectify_report_change", args=[report.pk])).content.decode()
    assert "报告头信息更正记录" in history and "2025-01-03" in history
    public = client.get(report.get_absolute_url()).content.decode()
    assert "经巡察办工作人员核对原文后更正" in public and admin_user.username not in public.split("<main")[-1]


@pytest.mark.django_db
def test_a_report_whose_unit_was_not_read_is_previewed_and_imported_once_staff_name_it(
    client, admin_user, settings, tmp_path
):
    import re

    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.RECTIFY_IMPORT_STAGING_DIR = tmp_path
    client.force_login(admin_user)
    text = seed_path("001").read_text(encoding="utf-8")
    # No title, no signature, and the opening says only 我单位: no unit to be read anywhere.
    body = text.replace("对区委宣传部进行了巡察", "对我单位进行了巡察").replace("向区委宣传部反馈", "向我单位反馈")
    body = body.rsplit("\n中共益阳市赫山区委宣传部\n", 1)[0]
    upload = SimpleUploadedFile("无单位.txt", body.encode("utf-8"))
    page = client.post(reverse("admin:rectify_report_upload"), {"file": upload, "publish": "on"}).content.decode()
    assert "解析未读出导入所必需的报告头信息" in page and 'name="fact:unit.name" value=""' in page
    token = re.search(r'name="token" value="([0-9a-f]{32})"', page).group(1)
    client.post(
        reverse("admin:rectify_report_upload_confirm"),
        {"token": token, "confirm": "1", "fact:unit.name": "中共益阳市赫山区委宣传部"},
    )
    report = Report.objects.select_related("inspection__unit").get()
    assert report.inspection.unit.name == "中共益阳市赫山区委宣传部"
    assert report.corrections.get().key == "unit.name"
