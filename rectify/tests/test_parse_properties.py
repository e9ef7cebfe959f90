"""Properties of parse_report on generated text (hypothesis): no crash, no lost text, same answer twice.

"No lost text": every non-blank character of the body (the lines the parser reads, see `report_lines`)
is either in a placed part (`ReportRecord.placed_texts()`) or in the recorded `remainder`, once.
Whitespace is layout, not text, and is left out of the count. No database here.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from rectify.importer.parse import MAX_LINE_CHARS, ParseError, parse_report, report_lines
from rectify.importer.records import ReportRecord

REPORTS = Path(__file__).resolve().parents[2] / "fixtures" / "reports"
SEED_TEXTS = [path.read_text(encoding="utf-8") for path in sorted(REPORTS.glob("*.txt"))]
SEED_LINES = sorted({line for text in SEED_TEXTS for line in text.split("\n") if line.strip()})

MARKERS = [
    "一、",
    "二、",
    "（一）",
    "(二)",
    "1.",
    "2．",
    "3、",
    "（1）",
    "(2)",
    "①",
    "②",
    "问题1:",
    "【问题二】",
    "一是",
    "二是",
]
LABELS = ["整改情况:", "整改措施：", "整改完成情况:", "完成情况：", "整改时限:", "责任单位："]
STATUSES = ["已完成整改。", "阶段性完成整改。", "【已完成】", "（持续整改）", "立行立改", "正在推进", "长期坚持"]
FRAMES = [
    "中共某县委宣传部关于县委巡察整改进展情况的通报",
    "根据县委统一部署，2024年3月1日至5月30日，县委第一巡察组对县委宣传部进行了巡察。2024年7月1日，县委第一巡察组向县委宣传部反馈了巡察意见。",
    "截至2025年6月30日，反馈的10个问题已完成整改8个。",
    "欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0738-1234567；邮政编码：417000。",
    "中共某县委宣传部",
    "2025年7月1日",
]
BLANKS = [" ", "\t", "\u3000", "\u00a0", "\u200b", "\ufeff", "[bookmark: _Toc1]"]
CONTROL = ["\x00", "\x0b", "\x0c", "\x1c", "\x7f", "\u2028", "\u0085", "\ud7ff", "\U0001f600"]

cjk = st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=1, max_size=30)
anything = st.text(max_size=40)
pieces = st.one_of(
    st.sampled_from(SEED_LINES),
    st.sampled_from(MARKERS),
    st.sampled_from(LABELS),
    st.sampled_from(STATUSES),
    st.sampled_from(FRAMES),
    st.sampled_from(BLANKS),
    st.sampled_from(CONTROL),
    cjk,
    anything,
)
# A line is a few pieces run together; a report is a few dozen lines split by any line break.
line = st.lists(pieces, min_size=0, max_size=5).map("".join)
report_text = st.builds(
    lambda lines, breaks: "".join(text + breaks[i % len(breaks)] for i, text in enumerate(lines)),
    st.lists(line, min_size=0, max_size=40),
    st.lists(st.sampled_from(["\n", "\r\n", "\r", "\n\n"]), min_size=1, max_size=3),
)
# Real reports with lines dropped, repeated or shuffled in: closest to a clerk's bad copy and paste.
mangled_seed = st.builds(
    lambda text, drops, inserts: _mangle(text, drops, inserts),
    st.sampled_from(SEED_TEXTS),
    st.lists(st.integers(min_value=0, max_value=250), max_size=15),
    st.lists(st.tuples(st.integers(min_value=0, max_value=250), line), max_size=10),
)
texts = st.one_of(report_text, mangled_seed)

PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _mangle(text: str, drops: list[int], inserts: list[tuple[int, str]]) -> str:
    lines = text.split("\n")
    for index in sorted(set(drops), reverse=True):
        if index < len(lines):
            del lines[index]
    for index, extra in inserts:
        lines.insert(min(index, len(lines)), extra)
    return "\n".join(lines)


def parse_or_none(text: str) -> ReportRecord | None:
    """Parse, treating a ParseError (a reasoned refusal) as a result, anything else as a crash."""
    try:
        return parse_report(text)
    except ParseError as error:
        assert str(error)
        assert error.line is None or 1 <= error.line <= len(report_lines(text))
        return None


def characters(texts) -> Counter:
    return Counter(ch for text in texts for ch in text if not ch.isspace())


def assert_accounts_for_every_character(text: str, record: ReportRecord) -> None:
    body = {line.number: line.text for line in report_lines(text) if line.text}
    placed = characters(part for part, _ in record.placed_texts())
    left = characters(fragment.text for fragment in record.remainder)

    assert placed + left == characters(body.values())
    for fragment in record.remainder:
        assert fragment.text in body[fragment.line]


@PROPERTY
@given(texts)
@example("")
@example("\x00" * 10)
@example("巡察\n1.")
@example("巡察整改\n一、问题\n1.\n整改情况:\n①")
@example("巡察整改\n【问题一】【已完成】\n整改完成情况:")
def test_parse_never_crashes_and_accounts_for_every_character(text):
    record = parse_or_none(text)
    if record is None:
        return
    assert_accounts_for_every_character(text, record)
    json.dumps(record.as_dict(), ensure_ascii=False)  # what parse_report --json prints
    line_count = len(report_lines(text))
    for issue in record.issues:
        assert 1 <= issue.line <= issue.end_line <= line_count
        assert all(issue.line <= measure.line <= issue.end_line for measure in issue.measures)
    assert all(warning.line is None or 1 <= warning.line <= line_count for warning in record.warnings)


@PROPERTY
@given(texts)
def test_parsing_is_deterministic(text):
    first, second = parse_or_none(text), parse_or_none(text)

    assert first == second
    if first is not None:
        assert first.as_dict() == second.as_dict()


@pytest.mark.parametrize("index", range(len(SEED_TEXTS)))
def test_every_seed_report_is_accounted_for_character_by_character(index):
    text = SEED_TEXTS[index]
    record = parse_report(text)

    assert_accounts_for_every_character(text, record)
    assert record.issues  # the property means something only when parts were placed
    placed = sum(characters(part for part, _ in record.placed_texts()).values())
    assert placed > sum(characters(fragment.text for fragment in record.remainder).values()) / 4


def test_text_the_parser_drops_shows_up_in_the_remainder():
    """Status lines and labels are read, not placed: the remainder is where they can be seen."""
    text = SEED_TEXTS[1]
    record = parse_report(text)
    remainder = {(fragment.line, fragment.text) for fragment in record.remainder}

    assert (10, "整改完成情况:已完成整改。") in remainder
    assert (9, "整改情况:") in remainder
    assert (1, text.split("\n")[0].strip()) in remainder  # the opening paragraph


def test_a_bracketed_status_cut_from_the_statement_is_in_the_remainder():
    text = (
        "中共某县委宣传部关于县委巡察整改进展情况的通报\n"
        "县委第一巡察组对县委宣传部进行了巡察。\n"
        "二、整改进展情况\n"
        "1.宣传经费管理不规范（已完成整改）。\n"
        "整改情况:一是建立制度；二是开展自查。\n"
    )
    record = parse_report(text)

    assert_accounts_for_every_character(text, record)
    assert record.issues[0].status == "completed"
    assert "已完成" not in record.issues[0].description
    assert any(fragment.line == 4 and "已完成整改" in fragment.text for fragment in record.remainder)


def test_a_line_longer_than_the_limit_is_refused_with_its_number():
    text = "巡察整改\n" + "字" * (MAX_LINE_CHARS + 1)

    with pytest.raises(ParseError, match="第2行过长") as caught:
        parse_report(text)

    assert caught.value.line == 2
    try:
        parse_report("巡察整改\n" + "字" * MAX_LINE_CHARS)  # at the limit: read like any other line
    except ParseError as error:
        assert "过长" not in str(error)


# Found by a hypothesis run on 2026-12-03. The parse itself is sound (the problem, its deadline text
# and the heading line after it are read), but the accounting of where each placed character came
# from is greedy: the description's last segment "一、" (line 3) claims the first free "一、" in the
# problem's region, which is the one inside line 2's deadline, so line 3's is reported as left over
# and the deadline's as repeated. Claiming the longest segments first, with whitespace-insensitive
# matching, would settle it; strict, so the day it is fixed this test says so.
@pytest.mark.xfail(strict=True, reason="_remainder claims a short repeated segment from the wrong line")
def test_a_deadline_line_repeating_the_problem_is_accounted_for():
    problem = "1.在组织推动理论武装工作有不足方面。一是指导市融媒体中心在东港融媒APP首屏搭建“学习贯彻”专栏。"
    text = "".join(f"{line}\n" for line in [f"    {problem}", f"整改时限:一、    {problem}", "一、", "整改情况:"])
    assert_accounts_for_every_character(text, parse_report(text))
