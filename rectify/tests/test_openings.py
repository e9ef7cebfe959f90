"""Real report openings from other sites (fixtures/openings/): every hand-read header fact read right.

The labels are in fixtures/openings/expected.json (conventions and corrections in its README); the
same comparison prints per-field accuracy with `python -m rectify.importer.accuracy fixtures/openings`.
"""

import json
from pathlib import Path

import pytest

from rectify.importer.accuracy import FIELDS, header_facts, same
from rectify.importer.parse import parse_report, report_lines

OPENINGS = Path(__file__).resolve().parents[2] / "fixtures" / "openings"
LABELS = json.loads((OPENINGS / "expected.json").read_text(encoding="utf-8"))


def parsed(name: str):
    return parse_report((OPENINGS / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(LABELS))
def test_every_labelled_header_fact_is_read(name):
    facts = header_facts(parsed(name))
    wrong = {
        field: (facts[field], LABELS[name][field])
        for field in FIELDS
        if not same(field, facts[field], LABELS[name][field])
    }
    assert wrong == {}


def test_there_are_42_labelled_openings_each_with_its_text():
    assert len(LABELS) == 42
    assert all((OPENINGS / name).exists() for name in LABELS)


@pytest.mark.parametrize("name", sorted(LABELS))
def test_an_opening_without_its_problem_list_keeps_its_facts_and_says_so(name):
    record = parsed(name)
    if record.issues:
        pytest.skip("this opening reaches its problem list")
    assert record.is_partial
    assert record.inspection.start_date or record.report.declared.issues or record.warnings


@pytest.mark.parametrize("name", sorted(LABELS))
def test_each_fact_read_points_at_a_line_that_holds_it(name):
    text = (OPENINGS / name).read_text(encoding="utf-8")
    mirror = {line.number: line.text for line in report_lines(text)}  # simplified, residue stripped
    record = parse_report(text)
    inspection, unit = record.inspection, record.unit
    for field in ("start_date", "end_date", "feedback_date"):
        if value := getattr(inspection, field):
            assert f"{value.day}日" in mirror[inspection.lines[field]]
    if inspection.inspector:
        assert inspection.inspector in mirror[inspection.lines["inspector"]]
    if unit.named_as:
        assert unit.named_as in mirror[unit.lines["named_as"]]


def test_chrome_is_never_part_of_a_fact():
    for name in LABELS:
        record = parsed(name)
        for value in (record.title, record.unit.name, record.unit.named_as, record.inspection.inspector):
            assert not value or not any(mark in value for mark in ("首页", ">", "当前位置", "【", "发布时间", "来源"))


def test_web_metadata_gives_publisher_signed_and_published_dates():
    record = parsed("002.txt")  # a bulleted metadata block with each value on the next line
    assert record.report.publisher == "婺城区文旅体局"
    assert str(record.report.signed_date) == "2023-05-04"
    assert record.title == "中共金华市婺城区文化和旅游体育局党组关于巡察整改情况的通报"
    assert record.report.lines["publisher"] == 11
    record = parsed("038.txt")  # "- 成文时间:2023年11月23日" with spaced keys (索 引 号)
    assert record.report.publisher == "中共徐庄镇委员会"
    assert str(record.report.signed_date) == "2023-11-23"


def test_central_inspection_of_a_province_reads_as_a_巡视_by_中央():
    inspection = parsed("021.txt").inspection
    assert (inspection.inspection_type, inspection.inspector_level, inspection.kind) == ("巡视", "中央", "常规巡视")


def test_pinyin_residue_is_stripped_and_the_traditional_page_read_through_its_mirror():
    record = parsed("031.txt")
    assert record.title == "中共最高人民检察院党组关于十九届中央第四轮巡视整改进展情况的通报"
    assert record.inspection.round == "十九届中央第四轮"


def test_a_round_summary_names_no_single_unit_or_group_and_warns():
    record = parsed("003.txt")
    assert record.unit.name is None and record.inspection.inspector is None
    assert "several_inspections" in [w.code for w in record.warnings]
    assert record.inspection.feedback_date is not None


def test_a_garbled_or_month_only_period_is_not_invented():
    garbled = parsed("024.txt")
    assert garbled.inspection.start_date is None
    assert "date_unreadable" in [w.code for w in garbled.warnings]
    months = parsed("037.txt")  # 2024年4月上旬至7月上旬
    assert months.inspection.start_date is None and months.inspection.end_date is None
    warning = next(w for w in months.warnings if w.code == "month_only_date")
    assert (warning.detail["start"], warning.detail["end"]) == ("2024-04", "2024-07")


PAGE_TOP = (
    "设为首页 | 加入收藏\n当前位置：首页 > 信息公开 > 巡视巡察 >\n字体大小：大 中 小\n"
    "发布时间：2024-03-05 09:00  浏览次数：37\n\n"
)


@pytest.mark.parametrize("name", sorted(LABELS))
def test_an_opening_under_more_page_chrome_reads_the_same(name):
    text = (OPENINGS / name).read_text(encoding="utf-8")
    assert header_facts(parse_report(PAGE_TOP + text)) == header_facts(parse_report(text))


@pytest.mark.parametrize("name", sorted(LABELS))
def test_an_opening_in_traditional_characters_reads_the_same(name):
    import opencc

    text = (OPENINGS / name).read_text(encoding="utf-8")
    traditional = opencc.OpenCC("s2t").convert(text)
    assert header_facts(parse_report(traditional)) == header_facts(parse_report(text))


@pytest.mark.parametrize("name", sorted(LABELS))
def test_an_opening_saved_as_gb18030_or_as_an_html_page_reads_the_same(name):
    import html

    from rectify.importer.sources import source_from_bytes

    text = (OPENINGS / name).read_text(encoding="utf-8")
    expected = header_facts(parse_report(text))
    gb = source_from_bytes(text.encode("gb18030"), name="opening.txt")
    assert header_facts(parse_report(gb.text)) == expected
    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n") if line.strip())
    page = (
        '<html><head><meta charset="utf-8"><title>巡察整改</title></head><body>'
        '<div class="nav"><a href="/">首页</a> &gt; <a href="/x">巡视巡察</a></div>'
        f'<div class="article">{paragraphs}</div></body></html>'
    )
    saved = source_from_bytes(page.encode("utf-8"), name="opening.html")
    assert header_facts(parse_report(saved.text)) == expected
