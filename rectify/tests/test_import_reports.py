"""The import_reports and parse_report commands against the seed reports, through call_command."""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path
from unittest import mock

import pytest
from django.apps import apps
from django.core import checks
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction
from django.test.utils import CaptureQueriesContext

from rectify.importer import load
from rectify.models import Inspection, Issue, IssueStatus, Measure, Report, StatusChange, StatusSource, Unit
from rectify.search import query as search
from rectify.search.index import check_index_paused
from rectify.tests.conftest import with_newer_status
from rectify.tests.test_search import assert_search_equals_substring_match

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
REPORTS = ROOT / "fixtures" / "reports"
EXPECTED = ROOT / "fixtures" / "expected"
SEEDS = sorted(REPORTS.glob("*.txt"))
SEED_001 = next(p for p in SEEDS if p.name.startswith("001_"))


def golden(path: Path) -> dict:
    return json.loads((EXPECTED / f"{path.stem}.json").read_text(encoding="utf-8"))


def all_models():
    """Every table the importer can touch, many-to-many link tables included."""
    models = list(apps.get_app_config("rectify").get_models())
    links = [field.remote_field.through for model in models for field in model._meta.local_many_to_many]
    return models + links


def row_counts() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in all_models()}


def snapshot() -> dict[str, list[dict]]:
    """Every row of every table, timestamps included: any save at all shows up as a difference."""
    return {model._meta.label: list(model.objects.order_by("pk").values()) for model in all_models()}


def run(*args, **options) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_reports", *[str(a) for a in args], stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def run_failing(*args, **options) -> tuple[CommandError, str]:
    err = io.StringIO()
    with pytest.raises(CommandError) as caught:
        call_command("import_reports", *[str(a) for a in args], stdout=io.StringIO(), stderr=err, **options)
    return caught.value, err.getvalue()


def counts_if_imported(*args, **options) -> dict[str, int]:
    """Row counts after importing `args`, measured inside a transaction that is then rolled back."""
    with transaction.atomic():
        run(*args, **options)
        counts = row_counts()
        transaction.set_rollback(True)
    assert sum(row_counts().values()) == 0
    return counts


def copy_to(folder: Path, *sources: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for source in sources:
        shutil.copy(source, folder / source.name)
    return folder


def summary(text: str) -> dict[str, int]:
    return {label: int(n) for label, n in re.findall(r"(新增|更新|未变|失败) (\d+)", text)}


# --- importing the seed folder --------------------------------------------------------------------------


@pytest.mark.parametrize("jobs", [0, 1], ids=["parsed-here", "parsed-in-a-worker"])
def test_importing_the_seed_folder_creates_five_reports_with_their_golden_issues(jobs):
    out, _ = run(REPORTS, jobs=jobs)

    assert summary(out) == {"新增": 5, "更新": 0, "未变": 0, "失败": 0}
    assert Report.objects.count() == 5
    assert Inspection.objects.count() == 5
    for path in SEEDS:
        expected = golden(path)
        report = Report.objects.get(source_name=path.name)
        assert report.source_text == path.read_text(encoding="utf-8")
        assert report.inspection.unit.name == expected["unit"]["name"]
        assert report.inspection.inspector == expected["inspection"]["inspector"]
        issues = list(report.issues.order_by("order"))
        assert [(i.number, i.status) for i in issues] == [
            ((e["number"] or ""), e["status"]) for e in expected["issues"]
        ]
        assert [[m.text for m in i.measures.order_by("order")] for i in issues] == [
            [m["text"] for m in e["measures"]] for e in expected["issues"]
        ]
    assert Issue.objects.count() == sum(len(golden(p)["issues"]) for p in SEEDS)
    assert Measure.objects.count() == sum(len(i["measures"]) for p in SEEDS for i in golden(p)["issues"])


def test_reimporting_the_seed_folder_changes_nothing():
    run(REPORTS)
    before = snapshot()

    out, _ = run(REPORTS)

    assert summary(out) == {"新增": 0, "更新": 0, "未变": 5, "失败": 0}
    assert snapshot() == before


def test_dry_run_writes_nothing_but_reports_what_it_would_do():
    out, _ = run(REPORTS, dry_run=True)

    assert "试运行" in out
    assert summary(out) == {"新增": 5, "更新": 0, "未变": 0, "失败": 0}
    assert sum(row_counts().values()) == 0


def test_dry_run_after_an_import_leaves_the_database_as_it_was():
    run(REPORTS)
    before = snapshot()

    out, _ = run(REPORTS, dry_run=True)

    assert summary(out)["未变"] == 5
    assert snapshot() == before


def test_draft_import_is_not_published():
    run(SEED_001, draft=True)

    assert Report.objects.get().is_published is False
    assert Report.objects.published().count() == 0


def test_no_importable_files_is_an_error(tmp_path):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.7\n")

    error, _ = run_failing(tmp_path)

    assert "没有找到可导入的文件" in str(error)


def test_deferred_index_import_stores_the_same_rows_and_leaves_every_text_searchable():
    live = counts_if_imported(REPORTS)

    out, _ = run(REPORTS, defer_index=True)

    assert summary(out) == {"新增": 5, "更新": 0, "未变": 0, "失败": 0}
    assert row_counts() == live
    assert check_index_paused(databases=["default"]) == []
    assert_search_equals_substring_match()
    assert search.filter_measures(Measure.objects.all(), "公众号").exists()


def test_deferred_index_import_rebuilds_even_when_a_file_fails(tmp_path):
    folder = copy_to(tmp_path / "mixed", SEED_001)
    (folder / "坏文件.txt").write_bytes(b"")

    error, _ = run_failing(folder, defer_index=True)

    assert summary(str(error))["失败"] == 1
    assert check_index_paused(databases=["default"]) == []
    assert_search_equals_substring_match()


def test_an_index_left_paused_by_a_killed_import_is_reported_by_a_plain_check():
    run(SEED_001)
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO rectify_search_paused (id) VALUES (1)")

    [warning] = [message for message in checks.run_checks() if message.id.startswith("rectify.")]  # no --database
    out, err = io.StringIO(), io.StringIO()
    call_command("check", stdout=out, stderr=err)

    assert warning.id == "rectify.W001" and "rebuild_search_index" in warning.hint
    assert "rectify.W001" in out.getvalue() + err.getvalue()
    call_command("rebuild_search_index", verbosity=0)
    assert check_index_paused(databases=["default"]) == []
    assert not [message for message in checks.run_checks() if message.id.startswith("rectify.")]


def test_the_next_import_repairs_an_index_left_paused_by_a_killed_import():
    run(SEED_001)
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO rectify_search_paused (id) VALUES (1)")
    # What the killed run loaded before it died: rows the index has not seen.
    issue = Issue.objects.order_by("pk").first()
    Measure.objects.create(issue=issue, order=900, text="中断导入时写入的措施")
    assert not search.filter_issues(Issue.objects.all(), "中断导入时").exists()

    out, _ = run(*[path for path in SEEDS if path != SEED_001])  # an ordinary import, no --defer-index

    assert "检索索引处于暂停状态" in out and summary(out)["新增"] == len(SEEDS) - 1
    assert check_index_paused(databases=["default"]) == []
    assert search.filter_issues(Issue.objects.all(), "中断导入时").get() == issue
    assert_search_equals_substring_match()


# --- one bad file among good ones ------------------------------------------------------------------------

BAD_FILES = {
    "empty": ("坏文件.txt", b"", "文件为空"),
    "not-a-report": (
        "会议通知.txt",
        "关于召开全区安全生产工作会议的通知\n请各单位准时参加。\n".encode(),
        "不是巡察整改报告",
    ),
    "binary": ("扫描件.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "二进制文件"),
    "no-inspector": (
        "无巡察组.txt",
        "中共某县委办公室关于巡察整改进展情况的通报\n现将整改情况公布如下。\n1.问题一。\n整改情况:已完成整改。\n".encode(),
        "无法确定巡察组",
    ),
}


@pytest.mark.parametrize("case", BAD_FILES)
def test_bad_file_fails_alone_and_leaves_no_trace(tmp_path, case):
    name, data, reason = BAD_FILES[case]
    folder = copy_to(tmp_path / "good", SEED_001)
    expected = counts_if_imported(folder)
    bad = folder / name
    bad.write_bytes(data)

    error, err = run_failing(folder)

    assert summary(str(error)) == {"新增": 1, "更新": 0, "未变": 0, "失败": 1}
    assert str(bad) in err
    assert reason in err
    assert row_counts() == expected
    assert list(Report.objects.values_list("source_name", flat=True)) == [SEED_001.name]


def test_command_error_names_the_bad_file(tmp_path):
    folder = copy_to(tmp_path / "good", SEED_001)
    bad = folder / "坏文件.txt"
    bad.write_bytes(b"")

    error, _ = run_failing(folder)

    assert str(bad) in str(error)


def test_files_parsed_in_a_worker_fail_alone_naming_file_and_line(tmp_path):
    folder = copy_to(tmp_path / "run", SEED_001, SEEDS[3])
    (folder / "000_空文件.txt").write_bytes(b"")
    notice = folder / "002_通知.txt"
    notice.write_text("\n\n关于召开全区安全生产工作会议的通知\n请各单位准时参加。\n", encoding="utf-8")

    error, err = run_failing(folder, jobs=1)

    assert summary(str(error)) == {"新增": 2, "更新": 0, "未变": 0, "失败": 2}
    assert f"{notice}:3: 不是巡察整改报告" in err
    assert str(folder / "000_空文件.txt") in err
    assert set(Report.objects.values_list("source_name", flat=True)) == {SEED_001.name, SEEDS[3].name}


@pytest.mark.parametrize("jobs", [0, 1], ids=["parsed-here", "parsed-in-a-worker"])
def test_a_folder_import_does_not_follow_links_out_of_the_folder(tmp_path, jobs):
    folder = copy_to(tmp_path / "run", SEED_001)
    outside = copy_to(tmp_path / "elsewhere", SEEDS[3]) / SEEDS[3].name
    (folder / "外部链接.txt").symlink_to(outside)
    inside = copy_to(folder / "sub", SEEDS[2]) / SEEDS[2].name
    (folder / "内部链接.txt").symlink_to(inside)  # a link that stays inside is an ordinary file

    error, err = run_failing(folder, jobs=jobs)

    assert summary(str(error)) == {"新增": 2, "更新": 0, "未变": 1, "失败": 1}
    assert f"{folder / '外部链接.txt'}: 是指向所选文件夹之外的链接（{outside}），未读取" in err
    assert set(Report.objects.values_list("source_name", flat=True)) == {SEED_001.name, SEEDS[2].name}


def test_truncated_utf16_file_counts_as_failed_and_the_run_goes_on(tmp_path):
    folder = copy_to(tmp_path / "run", SEED_001)
    bad = folder / "000_截断.txt"  # sorts first: the good file comes after it
    bad.write_bytes(SEED_001.read_text(encoding="utf-8").encode("utf-16")[:-1])

    error, err = run_failing(folder)

    assert summary(str(error)) == {"新增": 1, "更新": 0, "未变": 0, "失败": 1}
    assert str(bad) in err


def test_parse_error_names_the_line_where_it_became_clear(tmp_path):
    bad = tmp_path / "通知.txt"
    bad.write_text("\n\n关于召开全区安全生产工作会议的通知\n请各单位准时参加。\n", encoding="utf-8")

    _, err = run_failing(bad)

    assert f"{bad}:3: 不是巡察整改报告" in err


# --- one transaction per report --------------------------------------------------------------------------


def test_failure_midway_through_a_report_rolls_back_that_report_only(tmp_path):
    first = next(p for p in SEEDS if p.name.startswith("000_"))
    folder = copy_to(tmp_path / "run", first, SEED_001)
    expected = counts_if_imported(tmp_path / "run" / first.name)
    insert_rows = load.insert_rows
    created_for_001 = []

    def flaky_insert_rows(model, fields, rows, **kwargs):
        written = insert_rows(model, fields, rows, **kwargs)
        issue_ids = {row[fields.index("issue_id")] for row in rows} if model is Measure else set()
        if Issue.objects.filter(pk__in=issue_ids, number="问题3").exists():  # 001: its unit, report and problems exist
            created_for_001.extend(written)
            raise DatabaseError("disk I/O error")
        return written

    with mock.patch.object(load, "insert_rows", side_effect=flaky_insert_rows):
        error, err = run_failing(folder)

    assert summary(str(error)) == {"新增": 1, "更新": 0, "未变": 0, "失败": 1}
    assert f"{folder / SEED_001.name}: 写入数据库失败：disk I/O error" in str(error)

    assert created_for_001, "the failure must come after some of 001's rows were written"
    assert row_counts() == expected
    assert not Measure.objects.filter(pk__in=created_for_001).exists()
    assert not Unit.objects.filter(name=golden(SEED_001)["unit"]["name"]).exists()
    assert not Inspection.objects.filter(inspector=golden(SEED_001)["inspection"]["inspector"]).exists()
    assert not Issue.objects.filter(number__startswith="问题").exists()
    report = Report.objects.get()
    assert report.source_name == first.name
    assert report.issues.count() == len(golden(first)["issues"])


# --- incomplete reports -----------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", ["000_", "004_"])
def test_truncated_report_needs_allow_partial(tmp_path, seed):
    source = next(p for p in SEEDS if p.name.startswith(seed))
    truncated = tmp_path / f"截断 {source.name}"
    truncated.write_text("\n".join(source.read_text(encoding="utf-8").split("\n")[:5]), encoding="utf-8")

    error, err = run_failing(truncated)

    assert summary(str(error))["失败"] == 1
    assert str(truncated) in err
    assert "不完整" in err
    assert sum(row_counts().values()) == 0

    out, _ = run(truncated, allow_partial=True)

    assert summary(out)["新增"] == 1
    report = Report.objects.get()
    assert report.inspection.unit.name == golden(source)["unit"]["name"]
    assert report.issues.count() == 0
    assert [w["code"] for w in report.parse_warnings] == ["no_problems_section"]


# --- parse_report --json ----------------------------------------------------------------------------------


@pytest.mark.parametrize("path", SEEDS, ids=[p.stem for p in SEEDS])
def test_parse_report_json_prints_the_golden_parse_and_writes_nothing(path):
    out = io.StringIO()

    with CaptureQueriesContext(connection) as queries:
        call_command("parse_report", str(path), "--json", stdout=out)

    assert json.loads(out.getvalue()) == golden(path)
    writes = [q["sql"] for q in queries.captured_queries if not q["sql"].lstrip().upper().startswith("SELECT")]
    assert writes == []
    assert sum(row_counts().values()) == 0


def test_parse_report_on_a_bad_file_is_a_command_error_naming_it(tmp_path):
    bad = tmp_path / "空 文件.txt"
    bad.write_bytes(b"")

    with pytest.raises(CommandError, match=re.escape(f"{bad}: 文件为空")):
        call_command("parse_report", str(bad), "--json", stdout=io.StringIO())


# --- file names -------------------------------------------------------------------------------------------


def test_paths_with_spaces_and_chinese_characters_import(tmp_path):
    folder = tmp_path / "巡察 整改" / "2025 年 通报"
    folder.mkdir(parents=True)
    name = "赫山区 委宣传部 巡察整改进展（第一期）.txt"
    shutil.copy(SEED_001, folder / name)

    out, _ = run(folder / name)

    assert summary(out)["新增"] == 1
    report = Report.objects.get()
    assert report.source_name == name
    assert report.issues.count() == len(golden(SEED_001)["issues"])

    out, _ = run(tmp_path / "巡察 整改")  # the folder, recursively

    assert summary(out) == {"新增": 0, "更新": 0, "未变": 1, "失败": 0}


# --- a newer report on the same inspection ---------------------------------------------------------------


def test_newer_report_moves_an_issue_on_and_keeps_its_history(tmp_path):
    run(SEED_001)
    newer = tmp_path / "001_赫山区委宣传部_第二期.txt"
    newer.write_text(with_newer_status(SEED_001.read_text(encoding="utf-8")), encoding="utf-8")
    first_report = Report.objects.get()
    changes_before = StatusChange.objects.count()

    out, _ = run(newer)

    assert summary(out) == {"新增": 1, "更新": 0, "未变": 0, "失败": 0}
    assert Inspection.objects.count() == 1
    assert Report.objects.count() == 2
    second_report = Report.objects.exclude(pk=first_report.pk).get()
    assert str(second_report.signed_date) == "2025-09-30"
    assert Issue.objects.count() == len(golden(SEED_001)["issues"])  # the same problems, not new ones

    issue = Issue.objects.get(number="问题7")
    assert issue.status == IssueStatus.COMPLETED
    assert issue.status_source == StatusSource.STATED
    assert issue.report == second_report
    history = list(issue.status_changes.order_by("changed_at", "id"))
    assert [(c.previous_status, c.status, c.report_id) for c in history] == [
        ("", IssueStatus.PARTIAL, first_report.pk),
        (IssueStatus.PARTIAL, IssueStatus.COMPLETED, second_report.pk),
    ]
    # Only 问题7 changed: no other issue gained a history entry.
    assert StatusChange.objects.count() == changes_before + 1
    assert set(Issue.objects.exclude(number="问题7").values_list("status", flat=True)) == {IssueStatus.COMPLETED}

    out, _ = run(newer)
    assert summary(out)["未变"] == 1
    assert StatusChange.objects.count() == changes_before + 1


def test_older_report_imported_after_a_newer_one_does_not_move_status_back(tmp_path):
    newer = tmp_path / "001_赫山区委宣传部_第二期.txt"
    newer.write_text(with_newer_status(SEED_001.read_text(encoding="utf-8")), encoding="utf-8")
    run(newer)

    run(SEED_001)

    issue = Issue.objects.get(number="问题7")
    assert issue.status == IssueStatus.COMPLETED
    assert str(issue.report.signed_date) == "2025-09-30"


def test_summary_says_what_staff_work_an_import_keeps(tmp_path, settings):
    from django.core.files.base import ContentFile

    from rectify.models import Evidence, Issue

    from .conftest import with_newer_status

    settings.MEDIA_ROOT = tmp_path / "media"
    source = next(REPORTS.glob("001*.txt"))
    run(str(source))
    issue = Issue.objects.get(number="问题7")
    Evidence.objects.create(measure=issue.measures.first(), title="纪要", file=ContentFile(b"%PDF-1.4", name="a.pdf"))
    newer = tmp_path / "001-later.txt"
    newer.write_text(with_newer_status(source.read_text(encoding="utf-8")), encoding="utf-8")
    out, _ = run(str(newer))
    assert "佐证材料 1 份均保留在原措施上" in out and Evidence.objects.count() == 1
