"""filetypes.content_matches: an evidence file is what its content says, whatever its name."""

from __future__ import annotations

import io
import json
import zipfile

import docx
import openpyxl
import pytest

from rectify.filetypes import content_matches

EXE = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00"
    + b"\x00" * 100
    + b"This program cannot be run in DOS mode"
)
ELF = b"\x7fELF\x02\x01\x01" + b"\x00" * 100


def zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def real_docx() -> bytes:
    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("整改会议纪要")
    document.save(buffer)
    return buffer.getvalue()


def real_xlsx() -> bytes:
    buffer = io.BytesIO()
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "整改台账"
    workbook.save(buffer)
    return buffer.getvalue()


GENUINE = {
    "pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
    "jpg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00",
    "jpeg": b"\xff\xd8\xff\xe1\x00\x10Exif\x00",
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "gif": b"GIF89a\x01\x00\x01\x00",
    "webp": b"RIFF\x24\x00\x00\x00WEBPVP8 ",
    "doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100,
    "xls": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100,
    "docx": real_docx(),
    "xlsx": real_xlsx(),
    "odt": zipped({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"}),
    "ods": zipped({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b"<x/>"}),
    "zip": zipped({"照片/1.jpg": b"\xff\xd8\xff"}),
    "txt": "整改情况说明\n".encode("gb18030"),
}


@pytest.mark.parametrize("suffix", sorted(GENUINE))
def test_a_genuine_file_of_each_allowed_type_is_accepted(suffix):
    assert content_matches(io.BytesIO(GENUINE[suffix]), suffix)


@pytest.mark.parametrize("suffix", sorted(GENUINE))
@pytest.mark.parametrize("program", [EXE, ELF, b"#!/bin/sh\nrm -rf /\n"], ids=["exe", "elf", "script"])
def test_a_program_renamed_to_any_allowed_type_is_refused(suffix, program):
    assert not content_matches(io.BytesIO(program), suffix)


@pytest.mark.parametrize(
    "suffix, content",
    [
        ("pdf", GENUINE["png"]),
        ("jpg", GENUINE["pdf"]),
        ("docx", GENUINE["xlsx"]),  # a zip, but a workbook
        ("xlsx", GENUINE["docx"]),
        ("docx", GENUINE["zip"]),
        ("odt", GENUINE["ods"]),
        ("docx", b"PK\x03\x04 not really a zip"),
        ("txt", GENUINE["png"]),  # binary: NUL bytes
    ],
)
def test_a_file_of_another_type_under_the_name_is_refused(suffix, content):
    assert not content_matches(io.BytesIO(content), suffix)


def test_a_type_without_a_signature_is_accepted_unless_it_is_a_program():
    assert content_matches(io.BytesIO(b"\x1aE\xdf\xa3 matroska"), "mkv")
    assert not content_matches(io.BytesIO(EXE), "mkv")


def test_the_reading_position_is_restored():
    handle = io.BytesIO(GENUINE["docx"])
    handle.seek(7)
    content_matches(handle, "docx")
    assert handle.tell() == 7


# --- in the admin --------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("name, content", [("纪要.pdf", EXE), ("照片.jpg", ELF), ("台账.xlsx", GENUINE["docx"])])
def test_the_admin_refuses_evidence_whose_content_is_not_its_type(
    admin_client, imported_seeds, settings, tmp_path, name, content
):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from rectify.models import Evidence, Measure

    settings.MEDIA_ROOT = tmp_path
    measure = Measure.objects.first()

    response = admin_client.post(
        reverse("admin:rectify_evidence_add"),
        {"measure": measure.pk, "title": "纪要", "file": SimpleUploadedFile(name, content)},
    )

    assert response.status_code == 200
    assert "文件内容不是扩展名所说的类型" in str(response.context["adminform"].form.errors["file"])
    assert not Evidence.objects.exists() and not any(tmp_path.rglob("*.*"))
    genuine = SimpleUploadedFile(name, GENUINE[name.rsplit(".", 1)[1]])
    response = admin_client.post(
        reverse("admin:rectify_evidence_add"), {"measure": measure.pk, "title": "纪要", "file": genuine}
    )
    assert response.status_code == 302 and Evidence.objects.count() == 1


@pytest.mark.django_db
def test_the_measure_page_refuses_a_program_attached_as_evidence(admin_client, imported_seeds, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from rectify.models import Evidence, Measure

    settings.MEDIA_ROOT = tmp_path
    measure = Measure.objects.first()
    page = admin_client.get(reverse("admin:rectify_measure_change", args=[measure.pk]))
    data = {k: v for k, v in page.context["adminform"].form.initial.items() if v is not None}
    data["acting_units"] = [unit.pk for unit in data.get("acting_units", [])]
    data["dates"] = json.dumps(data.get("dates", []))
    data.update(
        {
            "evidence-TOTAL_FORMS": "1",
            "evidence-INITIAL_FORMS": "0",
            "evidence-0-title": "纪要",
            "evidence-0-file": SimpleUploadedFile("纪要.pdf", EXE),
        }
    )

    response = admin_client.post(reverse("admin:rectify_measure_change", args=[measure.pk]), data)

    assert response.status_code == 200 and not Evidence.objects.exists()
    assert "文件内容不是扩展名所说的类型" in response.content.decode()
