"""The importer's front door: one way in for every caller, one failure type naming the file and the line."""

import ast
import io
import pickle
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError
from django.urls import reverse

from rectify import deadlines, report_upload
from rectify.importer import (
    ImportFailure,
    LoadError,
    MissingFactError,
    import_bytes,
    import_file,
    parse_bytes,
    parse_file,
    parse_text,
)
from rectify.importer import load as loader
from rectify.importer.parse import ParseError
from rectify.importer.sources import SourceError
from rectify.models import DueBasis, FactCorrection, Issue, Report

from .conftest import ROOT, golden, seed_path

NOTICE = "\n\n关于召开全区安全生产工作会议的通知\n请各单位准时参加。\n"
# What every entry says of the notice above: its name, the line where it stopped being a report, why.
NOT_A_REPORT = "{name}:3: 不是巡察整改报告"


def notice_file(tmp_path) -> Path:
    path = tmp_path / "通知.txt"
    path.write_text(NOTICE, encoding="utf-8")
    return path


# --- one failure type, from every entry ------------------------------------------------------------------


def test_import_reports_command_says_what_the_front_door_says(tmp_path, db):
    path = notice_file(tmp_path)
    err = io.StringIO()

    with pytest.raises(CommandError):
        call_command("import_reports", str(path), stdout=io.StringIO(), stderr=err)

    assert NOT_A_REPORT.format(name=path) in err.getvalue()


def test_parse_report_command_says_what_the_front_door_says(tmp_path):
    path = notice_file(tmp_path)

    with pytest.raises(CommandError) as caught:
        call_command("parse_report", str(path), stdout=io.StringIO())

    assert str(caught.value).startswith(NOT_A_REPORT.format(name=path))


def test_admin_upload_says_what_the_front_door_says(client, office_user):
    client.force_login(office_user)
    upload = SimpleUploadedFile("通知.txt", NOTICE.encode("utf-8"))

    response = client.post(reverse("admin:rectify_report_upload"), {"file": upload})

    assert response.status_code == 200
    assert NOT_A_REPORT.format(name="通知.txt") in " ".join(response.context["form"].errors["file"])
    assert Report.objects.count() == 0


def test_upload_preview_and_import_raise_the_one_failure_type(db):
    for entry in (report_upload.preview_import, report_upload.import_upload):
        with pytest.raises(ImportFailure) as caught:
            entry(NOTICE.encode("utf-8"), name="通知.txt")
        assert str(caught.value).startswith(NOT_A_REPORT.format(name="通知.txt"))
        assert isinstance(caught.value, ParseError)


def test_an_upload_refused_by_type_is_an_import_failure_naming_the_file():
    with pytest.raises(ImportFailure, match=r"^通报\.pdf: 不支持的文件类型"):
        report_upload.check_upload("通报.pdf", 10)


# --- each step's failure, named by the front door --------------------------------------------------------


def test_a_file_that_cannot_be_read_fails_naming_it(tmp_path):
    empty = tmp_path / "空.txt"
    empty.write_bytes(b"")

    with pytest.raises(SourceError) as caught:
        parse_file(empty)

    assert isinstance(caught.value, ImportFailure)
    assert str(caught.value) == f"{empty}: 文件为空"


def test_a_missing_file_fails_naming_it(tmp_path):
    missing = tmp_path / "没有.txt"

    with pytest.raises(ImportFailure, match=rf"^{missing}: 无法读取文件："):
        parse_file(missing)


def test_a_file_over_the_limit_fails_naming_it(tmp_path):
    path = tmp_path / "大.txt"
    path.write_bytes(seed_path("001").read_bytes())

    with pytest.raises(ImportFailure, match=rf"^{path}: 文件过大"):
        parse_file(path, max_bytes=100)


def test_a_report_that_cannot_be_stored_fails_naming_file_and_line(tmp_path, db):
    text = seed_path("001").read_text(encoding="utf-8")
    opening = "\n".join(text.splitlines()[:6])  # the header, no problem list: a partial report
    path = tmp_path / "开头.txt"
    path.write_text(opening, encoding="utf-8")
    line = parse_file(path).record.partial_warning.line

    with pytest.raises(LoadError) as caught:
        import_file(path)

    assert isinstance(caught.value, ImportFailure)
    assert str(caught.value).startswith(f"{path}:{line}: 报告不完整")
    assert Report.objects.count() == 0


def test_a_database_error_is_a_failure_of_the_file_and_leaves_nothing(db):
    path = seed_path("001")

    with (
        mock.patch.object(loader, "insert_rows", side_effect=DatabaseError("disk I/O error")),
        pytest.raises(ImportFailure, match=rf"^{path}: 写入数据库失败：disk I/O error"),
    ):
        import_file(path)

    assert Report.objects.count() == 0 and Issue.objects.count() == 0


def test_a_failure_pickles_with_its_file_line_and_kind():
    """A worker process parses; the process that stores re-raises what the worker met."""
    for failure in (
        ParseError("不是巡察整改报告", 3),
        MissingFactError("无法确定巡察组", key="inspection.inspector"),
        ImportFailure("是指向所选文件夹之外的链接", path="a/b.txt"),
    ):
        failure.path = failure.path or "通报.txt"
        copy = pickle.loads(pickle.dumps(failure))
        assert type(copy) is type(failure)
        assert str(copy) == str(failure)
        assert vars(copy) == vars(failure)


# --- what the front door does when all goes well -----------------------------------------------------------


def test_import_file_is_atomic_and_idempotent(db):
    path = seed_path("001")

    first = import_file(path)
    again = import_file(path)

    assert (first.outcome, again.outcome) == ("created", "unchanged")
    assert Report.objects.get().source_name == path.name
    assert Issue.objects.count() == len(golden(path.stem)["issues"])


def test_a_dry_run_says_what_it_would_do_and_writes_nothing(db):
    result = import_file(seed_path("001"), dry_run=True)

    assert (result.outcome, result.report) == ("would_created", None)
    assert result.issue_count == len(golden(seed_path("001").stem)["issues"]) > 0
    assert Report.objects.count() == 0


def test_import_bytes_stores_the_facts_staff_changed_as_corrections(db, office_user):
    path = seed_path("001")
    parsed = parse_bytes(path.read_bytes(), name=path.name)
    inspector = parsed.record.inspection.inspector

    result = import_bytes(
        path.read_bytes(),
        name=path.name,
        facts={"inspection.inspector": "县委第九巡察组", "unit.name": parsed.record.unit.name},
        corrected_by=office_user,
    )

    correction = FactCorrection.objects.get()  # the unit's name was posted as read: no correction
    assert (correction.key, correction.parsed_value, correction.value) == (
        "inspection.inspector",
        inspector,
        "县委第九巡察组",
    )
    assert result.report.inspection.inspector == "县委第九巡察组"


def test_parse_file_and_parse_text_read_a_report_alike():
    path = seed_path("001")

    from_file = parse_file(path)
    from_text = parse_text(path.read_text(encoding="utf-8"), name=path.name)

    assert from_file.record == from_text.record
    assert from_file.source.name == from_text.source.name == path.name
    assert from_file.path == str(path)


# --- what imports what -------------------------------------------------------------------------------------


def test_importing_the_importer_imports_no_django():
    """Parsing runs in worker processes and in benchmarks with no Django set up."""
    check = "import sys, rectify.importer; print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))"
    found = subprocess.run([sys.executable, "-c", check], cwd=ROOT, capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "[]"


def _rectify_imports(module: str) -> set[str]:
    """The rectify modules a module imports, at its top or inside its functions."""
    source = (ROOT / Path(*module.split("."))).with_suffix(".py")
    found = set()
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("rectify"):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("rectify")}
    return found


def test_the_models_and_what_they_import_import_nothing_of_the_importer():
    seen, todo = set(), ["rectify.models"]
    while todo:
        module = todo.pop()
        if module in seen or not (ROOT / Path(*module.split("."))).with_suffix(".py").exists():
            continue
        seen.add(module)
        todo.extend(_rectify_imports(module))
    assert {"rectify.chinese", "rectify.textlines"} <= seen  # the walk reached what models import lazily
    assert not [module for module in seen if module.startswith("rectify.importer")]


def test_the_admin_upload_and_the_commands_use_only_the_front_door():
    callers = [
        "rectify.report_upload",
        "rectify.admin_views",
        "rectify.management.commands.import_reports",
        "rectify.management.commands.parse_report",
        "rectify.management.commands.generate_corpus",
    ]
    # parallel (worker processes) and records (describing warnings) read no file and store nothing.
    allowed = {"rectify.importer", "rectify.importer.parallel", "rectify.importer.records"}
    for caller in callers:
        assert {module for module in _rectify_imports(caller) if module.startswith("rectify.importer")} <= allowed


def test_the_due_date_rule_gives_due_basis_values():
    assert {deadlines.BASIS_STATED, deadlines.BASIS_DEFAULT, deadlines.BASIS_LONG_TERM} <= set(DueBasis.values)
