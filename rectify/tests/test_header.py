"""The opening sentence and the page header, on short reports written here in shapes real sites use."""

from datetime import date

import pytest

from rectify.importer.parse import parse_report


def opening(sentence: str, *, before: str = "", after: str = "一、组织整改落实情况\n领导重视。") -> object:
    return parse_report(f"{before}{sentence}\n{after}")


def codes(record) -> list[str]:
    return [w.code for w in record.warnings]


def test_a_central_inspection_of_a_ministry():
    record = opening(
        "根据中央统一部署，2021年10月12日至12月31日，中央第三巡视组对某某部党组开展了常规巡视。"
        "2022年3月1日，中央巡视组向某某部党组反馈了巡视意见。"
    )
    inspection = record.inspection
    assert (inspection.inspector, inspection.inspector_level, inspection.inspection_type) == (
        "中央第三巡视组",
        "中央",
        "巡视",
    )
    assert inspection.kind == "常规巡视"
    assert (inspection.start_date, inspection.end_date, inspection.feedback_date) == (
        date(2021, 10, 12),
        date(2021, 12, 31),
        date(2022, 3, 1),
    )
    assert record.unit.named_as == "某某部党组"


@pytest.mark.parametrize(
    ("phrase", "kind", "focus"),
    [
        ("省委第二巡视组对某某大学党委进行了机动巡视", "机动巡视", None),
        ("省委第二巡视组对某某大学党委进行了巡视“回头看”", "回头看", None),
        ("县委第一巡察组对某某镇党委开展了上下联动巡察", "上下联动巡察", None),
        ("市委第三提级巡察组对某某县医保局党组进行了巡察", "提级巡察", None),
        ("县委第二巡察组对某某局党组开展了交叉巡察", "交叉巡察", None),
        ("市委第五巡察组对某某公司党委进行了选人用人专项巡察", "专项巡察", "选人用人"),
        ("市委乡村振兴专项巡察组对某某镇党委进行了巡察", "专项巡察", "乡村振兴"),
    ],
)
def test_kinds_and_focus_from_the_sentence_or_the_group(phrase, kind, focus):
    record = opening(f"根据统一部署，2024年3月1日至4月30日，{phrase}。2024年6月2日反馈了意见。")
    assert (record.inspection.kind, record.inspection.focus) == (kind, focus)


def test_the_round_is_read_from_the_title():
    record = opening(
        "根据县委统一部署，2024年3月1日至4月30日，县委第一巡察组对县林业局党组进行了巡察。2024年6月2日反馈了巡察意见。",
        before="中共某某县林业局党组关于十四届县委第三轮巡察整改进展情况的通报\n",
    )
    assert record.inspection.round == "十四届县委第三轮"
    assert record.inspection.lines["round"] == 1


@pytest.mark.parametrize(
    ("period", "start", "end"),
    [
        ("２０２３年３月１日至４月３０日", date(2023, 3, 1), date(2023, 4, 30)),
        ("二〇二三年三月一日至四月三十日", date(2023, 3, 1), date(2023, 4, 30)),
        ("2023年11月20日至1月10日", date(2023, 11, 20), date(2024, 1, 10)),
        ("2023年11月20日至2024年1月10日", date(2023, 11, 20), date(2024, 1, 10)),
        ("2024年5月8日—5月24日", date(2024, 5, 8), date(2024, 5, 24)),
        ("2024年5月8日起至30日", date(2024, 5, 8), date(2024, 5, 30)),
    ],
)
def test_periods_in_the_forms_reports_print(period, start, end):
    record = opening(f"根据市委统一部署，{period}，市委第一巡察组对市统计局党组进行了巡察。")
    assert (record.inspection.start_date, record.inspection.end_date) == (start, end)


def test_a_feedback_date_without_its_year_follows_the_inspection_across_the_year_end():
    record = opening(
        "根据市委统一部署，2023年11月1日至12月20日，市委第一巡察组对市统计局党组进行了巡察。1月10日，市委巡察组反馈了巡察意见。"
    )
    assert record.inspection.feedback_date == date(2024, 1, 10)


def test_a_date_only_to_the_month_is_kept_as_a_month_and_not_invented():
    record = opening(
        "根据市委统一部署，2023年9月1日至10月20日，市委第一巡察组对市统计局党组进行了巡察。二〇二三年十一月，市委巡察组反馈了巡察意见。"
    )
    assert record.inspection.feedback_date is None
    warning = next(w for w in record.warnings if w.code == "month_only_date")
    assert warning.detail["month"] == "2023-11"
    assert "未推断" in warning.message


@pytest.mark.parametrize(
    ("summary", "issues", "completed"),
    [
        ("巡察反馈问题25个，已完成整改19个、正在整改6个，整改完成率76%。", 25, 19),
        ("巡察指出共性问题3个、个性问题9个，已完成整改10个。", 12, 10),
        ("对照巡察反馈的3个方面12项具体问题，逐项整改，完成整改11个。", 12, 11),
        ("巡察组共发现反馈各类问题16个。", 16, None),
        ("按照“一个问题、一个方案”要求推进整改。", None, None),
    ],
)
def test_declared_counts_in_their_usual_phrasings(summary, issues, completed):
    record = opening(
        "根据市委统一部署，2023年9月1日至10月20日，市委第一巡察组对市统计局党组进行了巡察。2023年11月2日反馈了巡察意见。",
        after=summary,
    )
    assert (record.report.declared.issues, record.report.declared.completed) == (issues, completed)


def test_a_unit_named_indirectly_takes_the_name_from_the_page_publisher():
    record = parse_report(
        "发布机构：\n中共某某市统计局党组\n成文日期：\n2024-01-05\n"
        "根据市委统一部署，2023年9月1日至10月20日，市委第一巡察组对我局进行了巡察。2023年11月2日反馈了巡察意见。\n"
    )
    assert record.unit.named_as == "中共某某市统计局党组"
    assert record.report.publisher == "中共某某市统计局党组"
    assert record.report.signed_date == date(2024, 1, 5)


def test_a_unit_named_indirectly_takes_the_first_full_naming_in_the_body():
    record = opening(
        "按照区委统一安排，2023年9月1日至10月20日，区委第一巡察组对我单位开展了巡察工作。",
        after="巡察组向区民政局党组反馈了巡察意见。区民政局党组高度重视。",
    )
    assert record.unit.named_as == "区民政局党组"
    assert record.unit.name == "区民政局党组"


def test_a_unit_that_cannot_be_named_is_null_with_a_warning():
    record = opening("根据区委统一部署，2023年9月1日至10月20日，区委第一巡察组对我单位开展了巡察。")
    assert record.unit.named_as is None
    assert "unit_unresolved" in codes(record)


def test_a_whole_page_on_one_line_gives_title_metadata_and_facts_without_chrome():
    page = (
        "首页 > 信息公开 > 巡视巡察 > 中共某某县统计局党组关于巡察整改进展情况的通报 发布时间：2024-02-03 09:10 "
        "来源：县纪委监委 浏览次数：88 根据县委统一部署，2023年9月1日至10月20日，"
        "县委第二巡察组对县统计局党组进行了巡察。"
        "2023年11月2日，县委第二巡察组向县统计局党组反馈了巡察意见。"
    )
    record = parse_report(page)
    assert record.title == "中共某某县统计局党组关于巡察整改进展情况的通报"
    assert record.unit.name == "中共某某县统计局党组"
    assert record.inspection.inspector == "县委第二巡察组"
    assert record.report.published_date == date(2024, 2, 3)
    assert record.report.publisher == "县纪委监委"
    assert record.inspection.feedback_date == date(2023, 11, 2)
    assert "no_problems_section" in codes(record)


def test_a_title_split_over_two_lines_and_prefixed_is_one_title():
    record = opening(
        "根据县委统一部署，2025年3月14日至4月20日，县委机动巡察组对县医疗保障局党组进行了巡察。2025年5月21日反馈了巡察意见。",
        before="【巡察整改】某某县医疗保障局党组关于第十四届\n县委机动巡察整改进展情况的通报\n",
    )
    assert record.title == "某某县医疗保障局党组关于第十四届县委机动巡察整改进展情况的通报"
    assert record.inspection.kind == "机动巡察"


def test_pinyin_annotation_residue_is_stripped_before_reading():
    record = opening(
        "根據(jù)中央統(tǒng)一部署，2019年9月9日至11月25日，中央第四巡視組對某某部黨組開展了常規(guī)巡視。"
        "2020年1月3日，中央巡視組向某某部黨組反饋了巡視意見。"
    )
    assert record.inspection.inspector == "中央第四巡视组"
    assert record.unit.named_as == "某某部党组"
    assert record.inspection.feedback_date == date(2020, 1, 3)


def test_the_level_of_a_group_named_with_its_round_is_the_committee_in_its_name():
    record = opening("根据统一部署，2024年3月1日至4月30日，十四届县委第三轮巡察第二组对县林业局党组进行了巡察。")
    assert record.inspection.inspector == "十四届县委第三轮巡察第二组"
    assert record.inspection.inspector_level == "县委"
    assert record.inspection.round == "十四届县委第三轮"


def test_a_period_in_numbers_and_a_group_stationed_at_the_unit():
    record = opening(
        "2023.3.1—4.30，县委第三巡察组进驻县水利局，开展了为期两个月的常规巡察。2023年6月2日，县委第三巡察组反馈了巡察意见。"
    )
    inspection = record.inspection
    assert (inspection.start_date, inspection.end_date) == (date(2023, 3, 1), date(2023, 4, 30))
    assert (inspection.inspector, inspection.kind, record.unit.named_as) == ("县委第三巡察组", "常规巡察", "县水利局")
    assert inspection.feedback_date == date(2023, 6, 2)


def test_a_provincial_report_on_a_central_inspection_known_to_the_month():
    record = opening(
        "根据中央统一部署，2023年4月至6月，中央第十巡视组对某某省进行了常规巡视。2023年8月10日，中央巡视组向某某省委反馈了巡视意见。",
        before="中共某某省委关于巡视整改进展情况的通报\n",
    )
    inspection = record.inspection
    assert inspection.start_date is None and inspection.end_date is None
    months = next(w for w in record.warnings if w.code == "month_only_date")
    assert (months.detail["start"], months.detail["end"]) == ("2023-04", "2023-06")
    assert inspection.feedback_date == date(2023, 8, 10)
    assert (record.unit.name, record.unit.named_as) == ("中共某某省委", "某某省")
    assert (inspection.inspector_level, inspection.inspection_type, inspection.kind) == ("中央", "巡视", "常规巡视")


def test_a_sentence_like_an_opening_inside_the_body_does_not_make_the_body_a_header():
    text = (
        "一、组织整改落实情况\n"
        "根据市委统一部署，2023年3月1日至4月30日，市委第一巡察组对市统计局党组进行了巡察。\n"
        "二、反馈问题整改情况\n1.理论学习不深入。\n整改情况：已制定学习计划。\n"
    )
    record = parse_report(text)
    assert record.title is None
    assert len(record.issues) == 1


def test_我县_in_a_county_report_on_a_provincial_inspection_is_the_county_of_the_title():
    record = opening(
        "根据省委统一部署，2024年3月1日至4月30日，省委第二巡视组对我县进行了巡视。2024年6月2日反馈了巡视意见。",
        before="中共某某县委关于巡视整改进展情况的通报\n",
    )
    assert record.unit.named_as == "中共某某县委"
    assert record.unit.lines["named_as"] == 1


def test_a_period_without_its_year_takes_the_year_of_the_feedback_that_follows_it():
    record = opening(
        "按照县委巡察工作领导小组统一安排，县委第四巡察组于11月10日至1月6日，对我局党组开展了常规巡察，"
        "2024年2月6日反馈了巡察意见。",
        before="中共某某县水利局党组关于巡察整改情况的通报\n",
    )
    inspection = record.inspection
    assert (inspection.start_date, inspection.end_date) == (date(2023, 11, 10), date(2024, 1, 6))
    assert inspection.feedback_date == date(2024, 2, 6)
    assert inspection.inspector == "县委第四巡察组"
    assert record.unit.named_as == "中共某某县水利局党组"


def test_a_date_in_brackets_under_the_title_is_the_signed_date():
    record = opening(
        "根据县委统一部署，2023年9月1日至10月20日，县委第一巡察组对县统计局党组进行了巡察。2023年11月2日反馈了巡察意见。",
        before="中共某某县统计局党组关于巡察整改进展情况的通报\n（2024年1月15日）\n",
    )
    assert record.report.signed_date == date(2024, 1, 15)
    assert record.report.lines["signed_date"] == 2
    assert record.title == "中共某某县统计局党组关于巡察整改进展情况的通报"
