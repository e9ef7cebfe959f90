"""Problem lists in the shapes real reports use and the seeds do not: each class on a short report
written here and, where one exists, on a real opening in fixtures/openings/ (labels in
problem_lists.json, read by hand). No database."""

import json
import re
from pathlib import Path

import pytest

from rectify.importer.parse import parse_report

OPENINGS = Path(__file__).resolve().parents[2] / "fixtures" / "openings"
LABELS = {label["file"]: label for label in json.loads((OPENINGS / "problem_lists.json").read_text("utf-8"))}

OPENING = (
    "中共某某县委宣传部关于县委巡察整改进展情况的通报\n"
    "根据县委统一部署，2023年3月1日至4月30日，县委第一巡察组对县委宣传部进行了常规巡察。"
    "2023年6月2日，县委第一巡察组向县委宣传部反馈了巡察意见。现将整改进展情况予以公布。\n"
)


def opening(name: str):
    return parse_report((OPENINGS / name).read_text(encoding="utf-8"))


def codes(record) -> list[str]:
    return [warning.code for warning in record.warnings]


# --- every labelled opening ------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(LABELS))
def test_opening_reads_its_problem_list_as_labelled(name):
    label, record = LABELS[name], opening(name)

    assert len(record.issues) == label["issues"]
    if not label["issues"]:
        assert "no_problems_section" in codes(record)
        return
    first = record.issues[0]
    assert first.number == label["number"]
    assert first.title == label["title"]
    assert list(first.category) == label["category"]
    assert len(first.measures) == label["measures"]
    assert first.status == label["status"]


def test_openings_cut_inside_their_list_are_warned_and_nothing_is_invented():
    for name in ("002.txt", "008.txt", "015.txt", "028.txt", "035.txt", "041.txt"):
        record = opening(name)
        assert "truncated" in codes(record), name
        last = record.issues[-1]
        # The text stops mid-sentence: what is there is the last problem's, no status is made up.
        assert last.status == "unknown", name
        assert last.status_source is None, name


# --- the leadership's work is not a problem list ---------------------------------------------------

LEADERSHIP = (
    OPENING + "一、党组及主要负责人组织落实整改情况\n"
    "（一）党组书记组织落实整改工作情况\n"
    "1.强化责任担当，切实提高政治站位。主动认领问题，牵头成立领导小组。\n"
    "2.坚持问题导向，认真落实巡察意见。制定整改方案。\n"
    "（二）局党组织巡视整改主体责任落实情况\n"
    "1.深刻领会精神，统一思想认识。召开专题民主生活会。\n"
    "二、巡察反馈问题整改情况\n"
    "（一）贯彻落实上级决策部署方面\n"
    "1.理论学习不深入。\n"
    "整改情况：制定了学习计划。\n"
)


def test_numbered_items_of_the_leaderships_work_are_not_problems():
    record = parse_report(LEADERSHIP)

    assert [issue.title for issue in record.issues] == ["理论学习不深入"]
    assert record.issues[0].category == ("贯彻落实上级决策部署方面",)


def test_leadership_categories_without_any_part_heading_hold_no_problems():
    text = "\n".join(line for line in LEADERSHIP.split("\n") if not line.startswith(("一、", "二、")))
    record = parse_report(text)

    assert [issue.title for issue in record.issues] == ["理论学习不深入"]
    assert [category.title for category in record.categories] == ["贯彻落实上级决策部署方面"]


@pytest.mark.parametrize("name", ["006.txt", "018.txt", "020.txt", "021.txt"])
def test_openings_that_end_in_the_leaderships_work_have_no_problems(name):
    record = opening(name)

    assert record.issues == ()
    assert codes(record) == ["no_problems_section"]


def test_a_leadership_part_with_more_numbered_items_does_not_hide_the_list():
    record = opening("035.txt")  # 一、 has 1./2./3. on the leadership's work; 二、 has one problem

    assert [issue.line for issue in record.issues] == [9]
    assert record.issues[0].category == (LABELS["035.txt"]["category"][0],)


# --- parts that are categories, parts that are problems -----------------------------------------------

PARTS_AS_CATEGORIES = (
    OPENING + "一、关于贯彻落实党中央决策部署有差距方面\n"
    "（一）关于理论学习不深入的问题。一是制定了学习计划；二是开展专题学习4次。\n"
    "（二）关于意识形态责任制落实不到位的问题。一是修订了责任清单。\n"
    "二、关于全面从严治党不力方面\n"
    "（一）关于“三重一大”执行不严格的问题。一是修订了议事规则；二是已完成整改。\n"
)


def test_parts_that_name_problems_are_the_categories_when_nothing_wraps_them():
    record = parse_report(PARTS_AS_CATEGORIES)

    assert [c.title for c in record.categories] == ["关于贯彻落实党中央决策部署有差距方面", "关于全面从严治党不力方面"]
    assert [(i.number, i.category[0][:8]) for i in record.issues] == [
        ("一", "关于贯彻落实党中"),
        ("二", "关于贯彻落实党中"),
        ("一", "关于全面从严治党"),
    ]
    assert [len(i.measures) for i in record.issues] == [2, 1, 2]


def test_real_opening_with_parts_as_categories():
    record = opening("023.txt")

    assert record.issues[0].category == ("在政治意识不够强,党的领导弱化方面",)
    assert [m.number for m in record.issues[0].measures] == ["一", "二"]
    assert record.issues[0].measures[0].text.startswith("将各级领导干部严守政治纪律")


PARTS_AS_PROBLEMS = (
    OPENING + "整改期间，教育提醒3人，建立完善制度8项。\n"
    "一、关于“理论学习不深入”问题的整改情况\n"
    "（一）强化学习引领。制定了年度学习计划。\n"
    "（二）开展专题学习。已开展专题学习4次。\n"
    "二、关于“财务管理不规范”问题的整改情况\n"
    "（一）修订财务制度。正在修订报销制度。\n"
)


def test_parts_that_are_problems_take_their_items_as_measures():
    record = parse_report(PARTS_AS_PROBLEMS)

    assert [(i.number, i.title) for i in record.issues] == [
        ("一", "关于“理论学习不深入”问题的整改情况"),
        ("二", "关于“财务管理不规范”问题的整改情况"),
    ]
    assert record.categories == ()
    assert [m.number for m in record.issues[0].measures] == ["一", "二"]
    assert (record.issues[1].status, record.issues[1].status_source) == ("in_progress", "inferred")


def test_real_traditional_opening_whose_parts_are_the_problems():
    record = opening("034.txt")

    assert record.issues[0].title == "关于“推动妇女儿童工作高质量发展还需持续发力”问题的整改情况"
    assert record.issues[0].measures[0].number == "一"
    assert record.issues[0].measures[0].text.startswith("强化妇女群众思想政治引领")


# --- three numbering levels -------------------------------------------------------------------------

THREE_LEVELS = (
    OPENING + "二、反馈问题整改情况\n"
    "（一）在“党组领导核心作用发挥不足”方面\n"
    "1.关于“学习贯彻上级决策部署不到位”问题的整改\n"
    "（1）关于“学习共同富裕论述不深不透”的问题。\n"
    "整改情况：已召开专题学习会2次。\n"
    "（2）关于“未及时传达上级文件”的问题。\n"
    "整改情况：建立文件传达台账。\n"
    "2.关于“财务管理不规范”问题的整改\n"
    "（1）关于“公务接待无公函”的问题。\n"
    "整改情况：正在清理2022年以来接待台账。\n"
)


def test_the_problem_is_the_deepest_item_with_its_own_statement():
    record = parse_report(THREE_LEVELS)

    assert [i.number for i in record.issues] == ["1", "2", "1"]
    assert record.issues[0].category == (
        "在“党组领导核心作用发挥不足”方面",
        "关于“学习贯彻上级决策部署不到位”问题的整改",
    )
    assert record.issues[2].category[1] == "关于“财务管理不规范”问题的整改"
    assert [c.title for c in record.categories[0].children] == [
        "关于“学习贯彻上级决策部署不到位”问题的整改",
        "关于“财务管理不规范”问题的整改",
    ]
    assert record.issues[2].status == "in_progress"
    assert not [w for w in record.warnings if w.code == "duplicate_number"]


def test_measure_items_under_a_problem_stay_measures():
    text = (
        OPENING + "二、反馈问题整改情况\n"
        "1.会议记录不规范。\n"
        "（1）修订了会议制度；\n"
        "（2）开展了专项检查。\n"
        "2.学习计划执行不到位。\n"
        "（1）制定了学习计划。\n"
    )
    record = parse_report(text)

    assert [i.title for i in record.issues] == ["会议记录不规范", "学习计划执行不到位"]
    assert [m.number for m in record.issues[0].measures] == ["1", "2"]


def test_real_openings_with_three_levels():
    record = opening("002.txt")  # （一）/1./(1), cut inside (1) before its measures
    assert record.issues[0].number == "1"
    assert len(record.issues[0].category) == 2
    assert record.issues[0].measures == ()  # the quoted statement is not split at its 。

    record = opening("028.txt")  # （一） → 反馈问题一: → 1. → 整改情况
    assert record.issues[0].category[1] == "关于 “贯彻落实习近平法治思想和上级工作要求有差距” 的问题"
    assert record.issues[0].measures[0].text.startswith("严格落实党组会“第一议题”制度")


# --- headings 关于“X”问题的整改 / 针对…问题, unnumbered problems --------------------------------------

UNNUMBERED = (
    OPENING + "二、巡察反馈问题整改情况\n"
    "关于“理论学习不深入”问题的整改\n"
    "整改情况：一是制定了学习计划；二是开展专题学习4次。\n"
    "针对财务报销不规范的问题：\n"
    "整改情况：已完成整改。\n"
)


def test_unnumbered_problem_headings_open_their_problems():
    record = parse_report(UNNUMBERED)

    assert [(i.number, i.title) for i in record.issues] == [
        (None, "关于“理论学习不深入”问题的整改"),
        (None, "针对财务报销不规范的问题："),
    ]
    assert [m.number for m in record.issues[0].measures] == ["一", "二"]


def test_a_sentence_that_mentions_a_problem_is_not_a_heading():
    text = UNNUMBERED.replace("针对财务报销不规范的问题：", "针对上述问题，局党组召开专题会议研究整改。")
    record = parse_report(text)

    assert len(record.issues) == 1


def test_real_news_digest_with_bare_problem_and_measure_labels():
    record = opening("022.txt")

    assert (record.issues[0].number, record.issues[0].title) == (None, "落实惠台政策有差距")
    assert [m.number for m in record.issues[0].measures] == ["一", "二", "三"]


def test_a_category_labelled_as_the_feedback_drops_its_label():
    assert opening("011.txt").issues[0].category == ("落实巡视审计整改不够有力,成效不佳",)


# --- problems grouped by status -----------------------------------------------------------------------

STATUS_GROUPS = (
    OPENING + "二、反馈问题整改情况\n"
    "（一）已整改完成的问题\n"
    "1.会议记录不规范。\n"
    "整改情况：修订了会议制度。\n"
    "2.公务接待无公函。\n"
    "整改情况：清理了接待台账。\n"
    "（二）正在整改的问题\n"
    "3.办公用房超标。\n"
    "整改情况：制定了腾退方案。\n"
    "4.档案管理混乱。\n"
    "整改情况：整理档案。\n"
    "整改完成情况：已完成整改。\n"
)


def test_the_status_group_states_each_problems_status():
    record = parse_report(STATUS_GROUPS)

    assert [(i.status, i.status_source) for i in record.issues] == [
        ("completed", "stated"),
        ("completed", "stated"),
        ("in_progress", "stated"),
        ("completed", "stated"),  # its own status line wins over the group
    ]


def test_status_groups_as_parts():
    text = STATUS_GROUPS.replace("二、反馈问题整改情况\n", "").replace("（一）", "一、").replace("（二）", "二、")
    record = parse_report(text)

    assert [c.title for c in record.categories] == ["已整改完成的问题", "正在整改的问题"]
    assert [i.status for i in record.issues] == ["completed", "completed", "in_progress", "completed"]


# --- measure labels and 一是/二是 in a statement -----------------------------------------------------


@pytest.mark.parametrize("label", ["整改成效", "整改措施", "主要措施", "具体措施", "整改举措"])
def test_measures_follow_their_label(label):
    text = (
        OPENING + "二、反馈问题整改情况\n"
        "1.理论学习不深入，一是学习计划不健全；二是学习形式单一。\n"
        f"{label}：一是制定了学习计划；二是开展专题学习4次；三是建立学习台账。\n"
    )
    issue = parse_report(text).issues[0]

    assert issue.description == "理论学习不深入，一是学习计划不健全；二是学习形式单一。"
    assert [m.number for m in issue.measures] == ["一", "二", "三"]


def test_a_measure_label_on_the_problems_own_line_ends_the_statement():
    text = OPENING + "二、反馈问题整改情况\n1.理论学习不深入。整改措施：一是制定了学习计划；二是开展专题学习4次。\n"
    issue = parse_report(text).issues[0]

    assert issue.description == "理论学习不深入。"
    assert [m.text for m in issue.measures] == ["制定了学习计划", "开展专题学习4次。"]


def test_shi_markers_in_the_statement_describe_the_problem_when_measures_follow():
    text = (
        OPENING + "二、反馈问题整改情况\n"
        "1.理论学习不深入，一是学习计划不健全；二是学习形式单一。\n"
        "一是制定了学习计划；二是开展专题学习4次。\n"
    )
    issue = parse_report(text).issues[0]

    assert "二是学习形式单一" in issue.description
    assert [m.text for m in issue.measures] == ["制定了学习计划", "开展专题学习4次。"]


# --- garbled and cut-off text --------------------------------------------------------------------------


def test_garbled_text_is_parsed_as_it_stands_with_a_warning():
    text = (
        OPENING + "二、反馈问题整改情况\n"
        "1.会议记录不规范。\n"
        "整改情况：修订了会议制度锟斤拷锟斤拷。\n"
        "2.公务接待\ufffd\ufffd无公函。\n"
        "整改情况：清理了接待台账。\n"
    )
    record = parse_report(text)

    assert len(record.issues) == 2
    assert "锟斤拷" in record.issues[0].measures[0].text  # kept as printed, not guessed at
    garbled = [w for w in record.warnings if w.code == "garbled_text"]
    assert [(w.line, w.detail) for w in garbled] == [(5, {"lines": 2})]
    assert "乱码" in garbled[0].message


def test_a_list_cut_off_mid_problem_keeps_what_is_there():
    text = (
        OPENING + "二、反馈问题整改情况\n"
        "1.会议记录不规范。\n"
        "整改情况：修订了会议制度。\n"
        "整改完成情况：已完成整改。\n"
        "2.公务接待无公函，部分接待"
    )
    record = parse_report(text)

    assert [i.title for i in record.issues] == ["会议记录不规范", "公务接待无公函，部分接待"]
    assert record.issues[1].measures == ()
    assert (record.issues[1].status, record.issues[1].status_source) == ("unknown", None)
    assert "truncated" in codes(record)


# --- problem numbers of 1,000 and more ------------------------------------------------------------------


def test_problem_numbers_past_999_are_problems_not_measures():
    problems = "".join(
        f"{number}{'、' if number % 2 else '.'}第{number}项问题不规范。\n整改情况：已修订制度。\n"
        for number in range(997, 1004)
    )
    record = parse_report(OPENING + "二、反馈问题整改情况\n" + problems)

    assert [i.number for i in record.issues] == [str(n) for n in range(997, 1004)]
    assert all(len(i.measures) == 1 for i in record.issues)
    assert not [w for w in record.warnings if w.code == "numbering_gap"]


def test_a_date_at_the_start_of_a_measure_line_is_not_a_problem_number():
    text = OPENING + "二、反馈问题整改情况\n1.会议记录不规范。\n整改情况：\n2023.5修订了会议制度。\n"
    record = parse_report(text)

    assert len(record.issues) == 1
    assert re.match(r"2023\.5", record.issues[0].measures[0].text)


def test_labelled_problems_under_a_leadership_like_heading_are_still_read():
    text = (
        OPENING + "一、整改工作开展情况\n"
        "1.会议记录不规范。\n"
        "整改情况：修订了会议制度。\n"
        "2.公务接待无公函。\n"
        "整改情况：清理了接待台账。\n"
    )
    record = parse_report(text)

    assert [i.title for i in record.issues] == ["会议记录不规范", "公务接待无公函"]


def test_a_wrapping_part_that_opens_with_guanyu_is_not_a_category():
    text = (
        OPENING + "一、组织整改落实情况\n"
        "局党组高度重视巡察整改工作。\n"
        "二、关于巡察反馈问题的整改落实情况\n"
        "（一）党的领导弱化方面\n"
        "1.理论学习不深入。\n"
        "整改情况：制定了学习计划。\n"
    )
    record = parse_report(text)

    assert record.issues[0].category == ("党的领导弱化方面",)


# --- more of the genre's ways of writing a problem ------------------------------------------------


def test_unnumbered_category_headings_over_numbering_that_starts_again():
    text = (
        OPENING + "二、反馈问题整改情况\n"
        "党的领导弱化方面\n"
        "1.理论学习不深入。\n"
        "整改情况：制定了学习计划。\n"
        "2.意识形态责任制落实不到位。\n"
        "整改情况：修订了责任清单。\n"
        "全面从严治党不力方面\n"
        "1.公务接待无公函。\n"
        "整改情况：清理了接待台账。\n"
    )
    record = parse_report(text)

    assert [c.title for c in record.categories] == ["党的领导弱化方面", "全面从严治党不力方面"]
    assert [i.category for i in record.issues] == [("党的领导弱化方面",)] * 2 + [("全面从严治党不力方面",)]
    assert record.issues[1].measures[0].text == "修订了责任清单。"  # the heading is not folded into it


def test_numbered_measures_under_a_label_are_not_categories():
    text = (
        OPENING + "二、反馈问题整改情况\n"
        "问题1：理论学习不深入。\n"
        "整改措施：\n"
        "1.制定了学习计划；\n"
        "2.开展专题学习4次。\n"
        "问题2：公务接待无公函。\n"
        "整改措施：\n"
        "1.清理了接待台账。\n"
    )
    record = parse_report(text)

    assert record.categories == ()
    assert [i.number for i in record.issues] == ["问题1", "问题2"]
    assert [m.number for m in record.issues[0].measures] == ["1", "2"]


def test_problems_with_their_measure_label_inline_are_found_in_a_wrapping_part():
    text = (
        OPENING + "二、反馈问题整改情况\n"
        "（一）理论学习不深入，整改措施：制定了学习计划。\n"
        "（二）公务接待无公函。整改情况：清理了接待台账。\n"
    )
    record = parse_report(text)

    assert [(i.number, i.description) for i in record.issues] == [
        ("一", "理论学习不深入，"),
        ("二", "公务接待无公函。"),
    ]
    assert record.issues[1].measures[0].text == "清理了接待台账。"


@pytest.mark.parametrize(
    ("closing", "status"),
    [
        ("整改进展：已完成。", "completed"),
        ("整改进度：正在整改", "in_progress"),
        ("整改情况：清退了违规补贴。【已完成整改】", "completed"),
        ("整改情况：清退了违规补贴。（阶段性完成）", "partial"),
    ],
)
def test_a_status_written_where_measures_go_is_the_problems_status(closing, status):
    text = OPENING + "二、反馈问题整改情况\n1.违规发放补贴。\n" + closing + "\n"
    issue = parse_report(text).issues[0]

    assert (issue.status, issue.status_source) == (status, "stated")
    assert all("完成" not in m.text and "正在整改" not in m.text for m in issue.measures)


def test_a_bracketed_status_in_square_brackets_on_the_problems_line():
    text = OPENING + "二、反馈问题整改情况\n1.违规发放补贴。【已完成】\n整改情况：清退了违规补贴。\n"
    issue = parse_report(text).issues[0]

    assert (issue.title, issue.status) == ("违规发放补贴", "completed")


def test_the_part_whose_items_carry_measure_labels_holds_the_list():
    text = (
        OPENING + "一、提高站位，扛牢责任，高质量推进巡察整改\n"
        "1.强化思想认识。召开专题会议。\n"
        "2.细化整改方案。制定整改台账。\n"
        "3.健全工作机制。建立周调度制度。\n"
        "二、巡察反馈问题整改情况\n"
        "1.理论学习不深入。\n"
        "整改情况：制定了学习计划。\n"
    )
    record = parse_report(text)

    assert [i.title for i in record.issues] == ["理论学习不深入"]


def test_problems_numbered_with_a_closing_bracket():
    text = OPENING + "二、反馈问题整改情况\n1）理论学习不深入。\n整改情况：制定了学习计划。\n2）公务接待无公函。\n"
    record = parse_report(text)

    assert [i.number for i in record.issues] == ["1", "2"]


def test_parts_over_problems_that_carry_measure_labels_are_categories():
    text = (
        OPENING + "一、党的政治建设方面\n"
        "（一）“三重一大”事项集体决策执行。\n"
        "整改情况：修订了议事规则。\n"
        "二、党的作风建设方面\n"
        "（一）公务接待管理。\n"
        "整改情况：清理了接待台账。\n"
    )
    record = parse_report(text)

    assert [(i.category, i.title) for i in record.issues] == [
        (("党的政治建设方面",), "“三重一大”事项集体决策执行"),
        (("党的作风建设方面",), "公务接待管理"),
    ]


def test_a_problem_whose_own_status_contradicts_its_group_keeps_its_own_with_a_warning():
    record = parse_report(STATUS_GROUPS)  # problem 4, under 正在整改, says 已完成整改

    assert record.issues[3].status == "completed"
    conflicts = [w for w in record.warnings if w.code == "status_group_conflict"]
    assert [(w.line, w.detail) for w in conflicts] == [(record.issues[3].line, {"number": "4", "group": "正在整改"})]
    assert "请核对" in conflicts[0].message


def test_items_that_all_read_as_the_leaderships_work_are_not_problems():
    text = (
        OPENING + "一、高度重视，迅速部署\n"
        "1.提高思想认识，压实整改主体责任。召开专题会议，传达反馈意见。\n"
        "2.细化整改措施，确保整改有序推进。制定整改方案，建立台账。\n"
        "3.强化自我检视，不断提升整改成效。深入查找制度漏洞。"
    )
    record = parse_report(text)

    assert record.issues == ()
    assert codes(record) == ["no_problems_section"]


def test_items_that_name_shortcomings_under_a_plain_heading_are_problems():
    text = (
        OPENING + "一、巡察发现的问题\n"
        "1.加强理论学习不够，学习流于形式。一是制定了学习计划；二是开展专题学习4次。\n"
        "2.强化财务管理有差距。修订了报销制度。\n"
    )
    record = parse_report(text)

    assert [i.title for i in record.issues] == ["加强理论学习不够，学习流于形式", "强化财务管理有差距"]


def test_an_unnumbered_heading_inside_numbered_problems_does_not_take_over():
    text = (
        OPENING + "二、反馈问题整改情况\n"
        "1.理论学习不深入。\n"
        "整改情况：制定了学习计划。\n"
        "关于“第一议题”的问题\n"
        "2.公务接待无公函。\n"
        "整改情况：清理了接待台账。\n"
    )
    record = parse_report(text)

    assert [i.number for i in record.issues] == ["1", "2"]


def test_unnumbered_headings_over_numbered_problems_are_categories():
    text = (
        OPENING + "二、反馈问题整改情况\n"
        "关于“党的领导弱化”方面的问题\n"
        "1.理论学习不深入。\n"
        "整改情况：制定了学习计划。\n"
        "关于“全面从严治党不力”方面的问题\n"
        "1.公务接待无公函。\n"
        "整改情况：清理了接待台账。\n"
    )
    record = parse_report(text)

    assert [i.category for i in record.issues] == [
        ("关于“党的领导弱化”方面的问题",),
        ("关于“全面从严治党不力”方面的问题",),
    ]


def test_a_bare_problem_label_under_a_numbered_problem_is_its_statement():
    text = (
        OPENING + "二、反馈问题整改情况\n"
        "1.理论学习不深入。\n"
        "问题：中心组学习流于形式。\n"
        "整改情况：制定了学习计划。\n"
        "2.公务接待无公函。\n"
        "整改情况：清理了接待台账。\n"
    )
    record = parse_report(text)

    assert [i.number for i in record.issues] == ["1", "2"]
    assert record.issues[0].description == "理论学习不深入。\n问题：中心组学习流于形式。"


def _categories_as_parts(text: str) -> str:
    """The seed as a report without a wrapping part: its top categories become the 一、 parts."""
    record = parse_report(text)
    lines = text.split("\n")
    tops = {category.line for category in record.categories}
    wrapper = max(n for n in range(1, min(tops)) if re.match(r"^\s*[一二三四五六七八九十]+、", lines[n - 1]))
    out = []
    for number, line in enumerate(lines, start=1):
        if number == wrapper:
            continue
        if number in tops:
            line = re.sub(r"^\s*[（(]([一二三四五六七八九十]+)[）)]\s*", r"\1、", line)
        out.append(line)
    return "\n".join(out)


@pytest.mark.parametrize("stem", ["001", "002", "004"])
def test_seeds_with_their_categories_as_parts_read_the_same_problems(stem):
    from .conftest import seed_path

    text = seed_path(stem).read_text(encoding="utf-8")
    variant = _categories_as_parts(text)
    assert variant != text

    def shape(record):
        return [(i.number, i.title, i.category, len(i.measures), i.status) for i in record.issues]

    assert shape(parse_report(variant)) == shape(parse_report(text))


def test_a_whole_unnumbered_problem_in_one_paragraph():
    text = (
        OPENING + "二、巡察反馈问题整改情况\n"
        "关于“理论学习不深入”的问题。整改情况：一是制定了学习计划；二是开展专题学习4次。\n"
        "关于“财务报销不规范”的问题。整改措施：修订了报销制度。\n"
    )
    record = parse_report(text)

    assert [(i.title, len(i.measures)) for i in record.issues] == [
        ("关于“理论学习不深入”的问题", 2),
        ("关于“财务报销不规范”的问题", 1),
    ]


def test_a_measure_that_opens_with_zhendui_does_not_make_a_problem_part_a_category():
    text = PARTS_AS_PROBLEMS.replace("（二）开展专题学习。", "（二）针对学习形式单一问题，开展专题学习。").replace(
        "（一）修订财务制度。", "（一）修订财务制度。\n（二）开展财务检查。"
    )
    record = parse_report(text)

    assert [i.number for i in record.issues] == ["一", "二"]
    assert [len(i.measures) for i in record.issues] == [2, 2]


CENTRAL_SHAPE = (
    OPENING + "一、坚决扛起巡视整改政治责任\n"
    "党组把巡视整改作为重大政治任务。\n"
    "二、聚焦职能责任，坚决贯彻落实党中央重大决策部署\n"
    "（一）关于学习贯彻党的创新理论不够深入的问题\n"
    "1.坚持把学习贯彻党的创新理论作为首要政治任务。制定年度学习计划，开展专题学习12次。\n"
    "2.完善“第一议题”制度。修订党组理论学习中心组学习规则。\n"
    "（二）关于服务保障大局有差距的问题\n"
    "1.出台服务保障高质量发展的意见。已印发实施。\n"
)


def test_problem_headings_over_numbered_actions_take_them_as_measures():
    record = parse_report(CENTRAL_SHAPE)

    assert [(i.number, i.title) for i in record.issues] == [
        ("一", "关于学习贯彻党的创新理论不够深入的问题"),
        ("二", "关于服务保障大局有差距的问题"),
    ]
    assert [m.number for m in record.issues[0].measures] == ["1", "2"]
    assert record.issues[0].measures[0].text.startswith("坚持把学习贯彻")


def test_numbered_items_that_state_problems_stay_problems_under_a_problem_heading():
    text = (
        CENTRAL_SHAPE.replace("1.坚持把学习贯彻党的创新理论作为首要政治任务。", "1.理论学习不深入。")
        .replace("2.完善“第一议题”制度。", "2.“第一议题”制度落实不到位。")
        .replace("1.出台服务保障高质量发展的意见。", "1.服务保障措施不够有力。")
    )
    record = parse_report(text)

    assert [i.title for i in record.issues] == ["理论学习不深入", "“第一议题”制度落实不到位", "服务保障措施不够有力"]


def test_problems_numbered_in_arabic_brackets_with_their_own_labels():
    text = (
        OPENING + "二、反馈问题整改情况\n"
        "（1）理论学习不深入。\n"
        "整改情况：制定了学习计划。\n"
        "（2）公务接待无公函。\n"
        "整改情况：清理了接待台账。\n"
    )
    record = parse_report(text)

    assert [(i.number, i.title) for i in record.issues] == [("1", "理论学习不深入"), ("2", "公务接待无公函")]


def test_unnumbered_problems_labelled_as_existing_problems():
    text = (
        OPENING + "二、反馈问题整改情况\n"
        "存在问题：理论学习不深入。\n"
        "整改措施：制定了学习计划。\n"
        "存在问题：公务接待无公函。\n"
        "整改措施：清理了接待台账。\n"
    )
    record = parse_report(text)

    assert [i.title for i in record.issues] == ["理论学习不深入", "公务接待无公函"]


def _issue_shape(record):
    return [(i.title, i.category, len(i.measures), i.status) for i in record.issues]


@pytest.mark.parametrize("stem", ["000", "003", "004"])
def test_seeds_renumbered_past_999_read_the_same_problems(stem):
    from .conftest import seed_path

    text = seed_path(stem).read_text(encoding="utf-8")
    record = parse_report(text)
    numbered = {issue.line for issue in record.issues if issue.number and issue.number.isdigit()}
    variant = "\n".join(
        re.sub(
            r"^((?:\s|\[bookmark:[^\]]*\])*)(\d+)", lambda m: m.group(1) + str(int(m.group(2)) + 1000), line, count=1
        )
        if number in numbered
        else line
        for number, line in enumerate(text.split("\n"), start=1)
    )
    renumbered = parse_report(variant)

    assert [i.number for i in renumbered.issues] == [str(int(i.number) + 1000) for i in record.issues]
    assert _issue_shape(renumbered) == _issue_shape(record)


@pytest.mark.parametrize("stem", ["001", "004"])
def test_seeds_with_the_measure_label_on_the_problems_line_read_the_same_problems(stem):
    from .conftest import seed_path

    text = seed_path(stem).read_text(encoding="utf-8")
    record = parse_report(text)
    starts = {issue.line for issue in record.issues}
    lines = text.split("\n")
    out, index = [], 0
    while index < len(lines):
        line = lines[index]
        after = index + 1
        while after < len(lines) - 1 and not lines[after].strip():
            after += 1  # 004 leaves a blank line between a problem and its label
        following = lines[after] if after < len(lines) else ""
        if index + 1 in starts and re.match(r"^\s*(整改情况|整改进度)\s*[:：]", following):
            # The lines keep their count, so line numbers and the rest of the report stay put.
            joined = line.rstrip() + ("" if line.rstrip().endswith("。") else "。") + following.strip()
            out += [joined] + [""] * (after - index)
            index = after + 1
        else:
            out.append(line)
            index += 1
    variant = "\n".join(out)
    assert variant != text

    assert _issue_shape(parse_report(variant)) == _issue_shape(record)


def test_items_as_much_like_problems_as_measures_are_read_as_problems_with_a_warning():
    text = (
        OPENING + "一、关于“理论学习不深入”问题的整改情况\n"
        "（一）学习计划执行不到位。\n"
        "（二）开展专题学习。已开展专题学习4次。\n"
    )
    record = parse_report(text)

    assert [i.number for i in record.issues] == ["一", "二"]
    assert [(w.code, w.line) for w in record.warnings if w.code == "uncertain_structure"] == [
        ("uncertain_structure", 4)
    ]
