"""Bad input through the real import_reports command: each file is refused alone, by name, quickly.

Extends test_import_reports.py (empty, binary, not-a-report, no inspector, truncated UTF-16, a failing
Measure insert) and test_sources.py (read_source on malformed files) with the rest of issue #7's list.
Every case checks four things: the error names the file (and the line where there is one), the
database is exactly as before, a good file in the same run still imports, and the time it took.
"""

from __future__ import annotations

import contextlib
import io
import threading
import time
import tracemalloc
import zipfile
from pathlib import Path
from unittest import mock

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection

from rectify.importer import load
from rectify.models import Issue, Measure, Report, StatusChange, Unit
from rectify.tests.test_import_reports import golden, run, run_failing, snapshot, summary
from rectify.tests.test_sources import government_page

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
REPORTS = ROOT / "fixtures" / "reports"
SEED_000 = next(REPORTS.glob("000_*.txt"))
SEED_001 = next(REPORTS.glob("001_*.txt"))
SEED_002 = next(REPORTS.glob("002_*.txt"))
SEED_003 = next(REPORTS.glob("003_*.txt"))
TEXT_001 = SEED_001.read_text(encoding="utf-8")
LINES_001 = TEXT_001.split("\n")
# Refusing a bad file takes no parse of a whole report; the bound leaves room for a busy machine.
SECONDS_PER_BAD_FILE = 5


def truncated_mid_problem() -> bytes:
    cut = TEXT_001.index("13.问题13") + 40  # in the middle of problem 13's statement
    return TEXT_001[:cut].encode("utf-8")


def with_long_line() -> bytes:
    lines = [*LINES_001[:20], "学习" * 500_000, *LINES_001[20:]]  # line 21: 1,000,000 characters
    return "\n".join(lines).encode("utf-8")


def utf8_then_gbk() -> bytes:
    return "\n".join(LINES_001[:40]).encode("utf-8") + b"\n" + "\n".join(LINES_001[40:]).encode("gbk")


def gbk_with_a_utf8_line() -> bytes:
    pasted = LINES_001[14]  # line 15, as if pasted from a UTF-8 web page
    return (
        "\n".join(LINES_001[:14]).encode("gbk")
        + b"\n"
        + pasted.encode("utf-8")
        + b"\n"
        + ("\n".join(LINES_001[15:]).encode("gbk"))
    )


def without_problems_section() -> bytes:
    start = LINES_001.index("二、集中整改期内整改进展情况")
    end = LINES_001.index("三、下一步整改工作安排")
    return "\n".join(LINES_001[:start] + LINES_001[end:]).encode("utf-8")


def docx_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w") as member:
            for _ in range(60):
                member.write(b"\0" * (1 << 20))
    return buffer.getvalue()


def last_line_number(data: bytes) -> int:
    return len(data.decode("utf-8").rstrip("\n").split("\n"))


# name: (file name, bytes, what the error must say, the line it must name or None)
BAD_INPUTS = {
    "only-whitespace": ("空白 通报.txt", " \r\n\t\n\u3000\u3000\n  ".encode(), "文件为空", None),
    "truncated-mid-problem": (
        "截断 通报.txt",
        truncated_mid_problem(),
        "文件可能被截断",
        last_line_number(truncated_mid_problem()),
    ),
    "one-megabyte-line": ("长行 通报.txt", with_long_line(), "第21行过长（1,000,000字", 21),
    "utf8-then-gbk": ("混合编码 通报.txt", utf8_then_gbk(), "前40行是 UTF-8，第41行起不是", 41),
    "gbk-with-a-utf8-line": ("混合编码二 通报.txt", gbk_with_a_utf8_line(), "第15行有 UTF-8 文字", 15),
    "big5-read-as-gbk": (
        "繁体 Big5 通报.txt",
        TEXT_001.encode("big5", errors="replace"),
        "按 gb18030 编码读取；如原文是其他编码，请另存为 UTF-8",
        1,
    ),
    "double-encoded-utf8": (
        "乱码 通报.txt",
        TEXT_001.encode("utf-8").decode("latin-1").encode("cp1252", errors="replace"),
        "无法识别文件编码",
        None,
    ),
    "no-problems-section": (
        "无问题清单 通报.txt",
        without_problems_section(),
        "有报告头但没有问题清单",
        last_line_number(without_problems_section()),
    ),
    "docx-zip-bomb": ("压缩炸弹 通报.docx", docx_bomb(), "疑为压缩炸弹", None),
    "docx-not-a-zip": ("假 Word 通报.docx", TEXT_001.encode("utf-8"), "不是有效的 .docx 文件", None),
    "html-binary": ("网页 通报.html", b"\x00\x01\x02\xff" * 1000, "二进制文件", None),
}


@pytest.mark.parametrize("case", BAD_INPUTS)
def test_bad_input_is_refused_by_name_leaving_the_database_as_it_was(tmp_path, case):
    name, data, reason, line = BAD_INPUTS[case]
    run(SEED_000)  # something already in the database, which must stay exactly as it is
    before = snapshot()
    bad = tmp_path / "run" / name
    bad.parent.mkdir()
    bad.write_bytes(data)

    started = time.perf_counter()
    error, err = run_failing(bad)
    elapsed = time.perf_counter() - started

    where = f"{bad}:{line}: " if line else f"{bad}: "
    assert where in err, err
    assert reason in err, err
    assert str(bad) in str(error)
    assert elapsed < SECONDS_PER_BAD_FILE
    assert snapshot() == before

    (bad.parent / SEED_001.name).write_bytes(SEED_001.read_bytes())
    error, err = run_failing(bad.parent)

    assert summary(str(error)) == {"新增": 1, "更新": 0, "未变": 0, "失败": 1}
    assert reason in err
    assert Report.objects.filter(source_name=SEED_001.name).get().issues.count() == len(golden(SEED_001)["issues"])
    assert not Report.objects.filter(source_name=name).exists()


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".html"])
def test_a_200_mb_file_is_refused_by_its_size_without_reading_it(tmp_path, settings, suffix):
    huge = tmp_path / f"巨大 通报{suffix}"
    with huge.open("wb") as handle:
        handle.write(SEED_001.read_bytes())
        handle.truncate(200 * 1024 * 1024)  # sparse: 200 MB on paper, no time to write it
    assert huge.stat().st_size > settings.RECTIFY_MAX_REPORT_BYTES

    tracemalloc.start()
    started = time.perf_counter()
    try:
        _, err = run_failing(huge)
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert f"{huge}: 文件过大：209,715,200 字节，上限 {settings.RECTIFY_MAX_REPORT_BYTES:,} 字节" in err
    assert elapsed < 2
    assert peak < 5 * 1024 * 1024  # a whole read would hold 200 MB
    assert Report.objects.count() == 0


def test_a_report_with_duplicated_numbering_imports_with_a_warning_naming_the_line(tmp_path):
    """A typo in the numbering is no reason to refuse a real report: both problems are kept, and said."""
    path = tmp_path / "重复编号 通报.txt"
    path.write_text(TEXT_001.replace("3.问题3:", "2.问题2:", 1), encoding="utf-8")

    out, _ = run(path, verbosity=2)

    assert summary(out)["新增"] == 1
    assert f"{path}: 第15行：问题编号问题2重复" in out
    report = Report.objects.get()
    assert report.issues.count() == len(golden(SEED_001)["issues"])
    assert report.issues.filter(number="问题2").count() == 2
    assert {"code": "duplicate_number", "line": 15} in [
        {"code": w["code"], "line": w["line"]} for w in report.parse_warnings
    ]


def test_a_web_page_with_scripts_imports_its_text_and_never_its_code(client, tmp_path):
    shown = "<script>alert('整改')</script>"  # printed in the report as text: it stays text
    text = TEXT_001.replace("2.问题2:学习教育不够深入扎实。", f"2.问题2:学习教育不够深入扎实{shown}。", 1)
    page = government_page(text).replace(
        '<div class="content" id="zoom">',
        '<div class="content" id="zoom"><script>document.write("恶意脚本文字")</script>'
        '<p onclick="steal()"><a href="javascript:steal()">点击</a></p>',
    )
    path = tmp_path / "网页 通报.html"
    path.write_text(page, encoding="utf-8")

    out, _ = run(path)

    assert summary(out)["新增"] == 1
    report = Report.objects.get()
    assert "恶意脚本文字" not in report.source_text and "document.write" not in report.source_text
    assert "steal()" not in report.source_text
    issue = report.issues.get(number="问题2")
    assert shown in issue.description
    detail = client.get(report.get_absolute_url()).content.decode()
    assert shown not in detail
    assert "&lt;script&gt;alert(&#x27;整改&#x27;)&lt;/script&gt;" in detail


# --- the database failing part-way ------------------------------------------------------------------------


def failing_after_issues_are_written(exception):
    """A status-change insert that fails for seed 001, after its problems are in the database."""
    insert_rows = load.insert_rows
    saved = []

    def flaky_insert_rows(model, fields, rows, **kwargs):
        issue_ids = [row[fields.index("issue_id")] for row in rows] if model is StatusChange else []
        if Issue.objects.filter(pk__in=issue_ids, number__startswith="问题").exists():  # seed 001's, not 000's
            saved.extend(issue_ids)
            raise exception
        return insert_rows(model, fields, rows, **kwargs)

    return flaky_insert_rows, saved


@pytest.mark.parametrize(
    "exception, message",
    [
        (DatabaseError("could not extend file: No space left on device"), "写入数据库失败：could not extend file"),
        (RuntimeError("a bug in a receiver"), "导入时程序出错（RuntimeError：a bug in a receiver）"),
    ],
    ids=["database-error", "unexpected-error"],
)
def test_a_failure_midway_leaves_no_partial_report_and_the_run_goes_on(tmp_path, exception, message):
    folder = tmp_path / "run"
    folder.mkdir()
    for seed in (SEED_000, SEED_001, SEED_003):  # the failing report sits between two good ones
        (folder / seed.name).write_bytes(seed.read_bytes())
    flaky_insert_rows, saved = failing_after_issues_are_written(exception)
    with mock.patch.object(load, "insert_rows", side_effect=flaky_insert_rows):
        error, err = run_failing(folder)

    assert saved and all(saved), "001's problems were written before the failure"
    assert summary(str(error)) == {"新增": 2, "更新": 0, "未变": 0, "失败": 1}
    assert f"{folder / SEED_001.name}: {message}" in err
    assert not Report.objects.filter(source_name=SEED_001.name).exists()
    assert not Issue.objects.filter(number__startswith="问题").exists()
    assert set(Report.objects.values_list("source_name", flat=True)) == {SEED_000.name, SEED_003.name}

    out, _ = run(folder)  # once the fault is gone, the same run completes what was missing

    assert summary(out) == {"新增": 1, "更新": 0, "未变": 2, "失败": 0}
    assert Report.objects.get(source_name=SEED_001.name).issues.count() == len(golden(SEED_001)["issues"])


def test_a_failing_report_save_leaves_nothing(tmp_path):
    original = Report.save

    def failing_save(self, *args, **kwargs):
        original(self, *args, **kwargs)
        raise DatabaseError("server closed the connection unexpectedly")

    with mock.patch.object(Report, "save", failing_save):
        error, err = run_failing(SEED_001)

    assert "server closed the connection unexpectedly" in err
    assert Report.objects.count() == 0 and Issue.objects.count() == 0 and Measure.objects.count() == 0


# --- two imports of one file at once ------------------------------------------------------------------------


def import_at_once(*paths) -> list[str]:
    """Import each path in a thread of its own, at once; return each run's summary (or its error).

    On PostgreSQL both are held until each has passed the "already imported?" check, so they reach
    _store together. On SQLite a writer takes the lock at BEGIN (transaction_mode IMMEDIATE), so the
    second can never reach that point while the first writes: there both simply run at once.
    """
    from rectify.importer import load

    both_checked = threading.Barrier(len(paths), timeout=30)
    store = load._store

    def store_after_both_checked(*args, **kwargs):
        both_checked.wait()
        return store(*args, **kwargs)

    outcomes: list[str] = []

    def import_once(path):
        out = io.StringIO()
        try:
            call_command("import_reports", str(path), stdout=out, stderr=io.StringIO())
            outcomes.append(out.getvalue())
        except CommandError as error:
            outcomes.append(str(error))
        finally:
            connection.close()

    racing = mock.patch.object(load, "_store", store_after_both_checked)
    with racing if connection.vendor == "postgresql" else contextlib.nullcontext():
        threads = [threading.Thread(target=import_once, args=(path,)) for path in paths]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
    assert len(outcomes) == len(paths), outcomes
    return outcomes


@pytest.mark.django_db(transaction=True)
def test_two_imports_of_one_file_at_once_store_one_report():
    """Both imports pass the "already imported?" check before either writes; the database decides.

    PostgreSQL: the second blocks on the first's unique keys, then finds its report (created + unchanged).
    SQLite takes one writer at a time from BEGIN: the second either waits and finds it, or is refused whole.
    """
    outcomes = import_at_once(SEED_001, SEED_001)

    results = sorted((summary(text)["新增"], summary(text)["未变"], summary(text)["失败"]) for text in outcomes)
    if connection.vendor == "postgresql":
        assert results == [(0, 1, 0), (1, 0, 0)]
    else:
        assert results in ([(0, 1, 0), (1, 0, 0)], [(0, 0, 1), (1, 0, 0)])
        refused = [text for text in outcomes if "失败 1" in text]
        assert all("写入数据库失败" in text for text in refused)
    report = Report.objects.get()
    assert report.issues.count() == len(golden(SEED_001)["issues"])
    assert Measure.objects.count() == sum(len(i["measures"]) for i in golden(SEED_001)["issues"])


@pytest.mark.django_db(transaction=True)
def test_two_reports_about_one_unit_at_once_both_import(tmp_path):
    """Two inspections' reports about one known unit, imported at once, both naming its new sub-units.

    PostgreSQL: both pass the "already imported?" check and reach _store together; the second waits on
    the unit the first locked, then finds the sub-units the first created (no duplicate name). SQLite
    takes one writer at a time from BEGIN: the second waits, or is refused whole.
    """
    known = golden(SEED_002)["unit"]  # described in full: the import has nothing to fill in, so no UPDATE
    Unit.objects.create(**{field: known[field] for field in ("name", "short_name", "region", "level")})
    other = tmp_path / "002_另一巡察组.txt"
    other.write_text(SEED_002.read_text(encoding="utf-8").replace("县委巡察三组", "县委巡察四组"), encoding="utf-8")

    outcomes = import_at_once(SEED_002, other)

    failed = sum(summary(text)["失败"] for text in outcomes)
    assert failed == 0 if connection.vendor == "postgresql" else failed <= 1, outcomes
    assert Report.objects.count() == 2 - failed
    acting = [
        set(Unit.objects.filter(measures__issue__report=report).values_list("name", flat=True))
        for report in Report.objects.all()
    ]
    assert all(names == acting[0] for names in acting)  # both reports name the very same units
    assert {f"闽清{name}" for name in known["sub_units"]} <= acting[0]


def test_a_truncated_report_imports_what_it_has_with_allow_partial(tmp_path):
    path = tmp_path / "截断 通报.txt"
    path.write_bytes(truncated_mid_problem())

    out, _ = run(path, allow_partial=True)

    assert summary(out)["新增"] == 1
    report = Report.objects.get()
    assert report.issues.count() == 13  # problems 1-12 whole, 13 as far as the file goes
    assert [w["code"] for w in report.parse_warnings][-1] == "truncated"
    assert "文件可能被截断" in report.parse_warnings[-1]["message"]
