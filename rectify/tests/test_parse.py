"""The parser against the golden files, and the genre rules on small made-up reports."""

from datetime import date

import pytest

from rectify.importer.parse import ParseError, parse_report

from .conftest import SEEDS, golden, seed_path


@pytest.mark.parametrize("stem", SEEDS)
def test_seed_parses_exactly_as_golden_file(stem):
    parsed = parse_report(seed_path(stem).read_text(encoding="utf-8")).as_dict()
    assert parsed == golden(stem)


def test_there_are_five_seed_reports_with_golden_files():
    assert len(SEEDS) == 5


def test_measure_texts_point_back_to_their_source_lines():
    lines = seed_path("002").read_text(encoding="utf-8").split("\n")
    record = parse_report("\n".join(lines))
    for issue in record.issues:
        assert issue.title in lines[issue.line - 1]
        for measure in issue.measures:
            assert measure.text.split("\n")[0][:20] in lines[measure.line - 1]


MINIMAL = """中共某某县委组织部关于县委巡察整改进展情况的通报
根据县委统一部署，2023年3月1日至4月30日，县委第一巡察组对县委组织部进行了常规巡察。2023年6月2日，县委第一巡察组向县委组织部反馈了巡察意见。现将整改进展情况予以公布。
一、整改落实情况
（一）关于政治建设方面的问题
1.理论学习不深入。
整改情况：一是已制定学习计划；二是将于年底前完成专题培训。
整改完成情况：已完成整改。
2.会议记录不规范。
整改情况：正在修订会议制度。
（二）关于作风建设方面的问题
3.违规发放补贴。
整改情况：违规发放的补贴1.2万元已全部清退。
整改完成情况：立行立改，已完成整改。
"""


def test_genre_rules_on_a_report_never_seen_before():
    record = parse_report(MINIMAL)
    assert record.title.endswith("通报")
    assert record.unit.name == "中共某某县委组织部"
    assert record.inspection.inspector == "县委第一巡察组"
    assert record.inspection.kind == "常规巡察"
    assert (record.inspection.start_date, record.inspection.end_date) == (date(2023, 3, 1), date(2023, 4, 30))
    assert record.inspection.feedback_date == date(2023, 6, 2)
    assert [c.title for c in record.categories] == ["关于政治建设方面的问题", "关于作风建设方面的问题"]
    first, second, third = record.issues
    assert (first.status, first.status_source) == ("completed", "stated")
    assert [m.number for m in first.measures] == ["一", "二"]
    assert [m.state for m in first.measures] == ["done", "planned"]
    assert (second.status, second.status_source) == ("in_progress", "inferred")
    assert third.immediate is True
    assert third.measures[0].amounts[0].yuan == 12000
    assert third.measures[0].amounts[0].kind == "清退"


@pytest.mark.parametrize("stem", SEEDS)
def test_traditional_character_versions_of_the_seeds_parse_the_same(stem):
    import opencc

    simplified = seed_path(stem).read_text(encoding="utf-8")
    traditional = opencc.OpenCC("s2t").convert(simplified)
    assert traditional != simplified
    expected, parsed = golden(stem), parse_report(traditional).as_dict()
    assert len(parsed["issues"]) == len(expected["issues"])
    assert [i["status"] for i in parsed["issues"]] == [i["status"] for i in expected["issues"]]
    assert [len(i["measures"]) for i in parsed["issues"]] == [len(i["measures"]) for i in expected["issues"]]
    assert parsed["inspection"] == expected["inspection"]
    assert parsed["unit"]["region"] == expected["unit"]["region"]


def test_year_less_dates_take_the_year_after_feedback():
    text = MINIMAL.replace("一是已制定学习计划", "一是已于1月5日制定学习计划")
    record = parse_report(text)
    # Feedback was 2023-06-02, so a bare 1月5日 is the January after it.
    assert record.issues[0].measures[0].dates == (date(2024, 1, 5),)


def test_a_report_cut_short_is_parsed_with_a_warning():
    head = "\n".join(MINIMAL.split("\n")[:3])
    record = parse_report(head)
    assert record.issues == ()
    assert [w.code for w in record.warnings] == ["no_problems_section"]
    assert record.is_partial


@pytest.mark.parametrize(
    ("text", "line"),
    [("", 1), ("\n\n   \n", 1), ("天气晴朗。\n今天去公园散步。", 1), ("\n\n春眠不觉晓", 3)],
)
def test_text_that_is_not_a_report_is_an_error_with_a_line(text, line):
    with pytest.raises(ParseError) as error:
        parse_report(text)
    assert error.value.line == line


def test_numbering_gaps_and_duplicates_are_warned():
    text = MINIMAL.replace("2.会议记录不规范", "4.会议记录不规范").replace("3.违规发放补贴", "4.违规发放补贴")
    codes = [(w.code, w.detail.get("next") or w.detail.get("number")) for w in parse_report(text).warnings]
    assert ("numbering_gap", "4") in codes
    assert ("duplicate_number", "4") in codes


VARIANT = """中共某某区委政法委员会关于区委巡察整改情况的通报
2024年5月6日至6月30日，区委第四巡察组对区委政法委员会进行了提级巡察，2024年8月1日反馈了巡察意见。
二、巡察反馈问题整改落实情况
（一）党的领导方面
【问题一】政治理论学习不深入。（已完成整改）
整改措施及成效：（1）制定年度学习计划；（2）已开展专题学习4次。
【问题二】“三重一大”执行不严格。（阶段性完成）
整改措施及成效：正在修订议事规则。
"""


def test_bracketed_chinese_numbered_problems_with_bracketed_status():
    record = parse_report(VARIANT)
    assert record.inspection.kind == "提级巡察"
    assert [i.number for i in record.issues] == ["问题一", "问题二"]
    assert [i.title for i in record.issues] == ["政治理论学习不深入", "“三重一大”执行不严格"]
    assert [(i.status, i.status_source) for i in record.issues] == [("completed", "stated"), ("partial", "stated")]
    assert [m.number for m in record.issues[0].measures] == ["1", "2"]
