"""Deadline phrases (整改时限) read into dates relative to the feedback date. No database."""

from datetime import date
from functools import partial

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from rectify.deadlines import (
    BASIS_DEFAULT,
    BASIS_LONG_TERM,
    BASIS_STATED,
    ENDS_A_DEADLINE,
    IN_TEXT,
    WITHIN,
    Deadline,
    deadline_from_measures,
    due_date_for,
    parse_deadline,
)

FEEDBACK = date(2024, 8, 15)


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("年底前", date(2024, 12, 31)),
        ("今年年底前", date(2024, 12, 31)),
        ("2025年底前", date(2025, 12, 31)),
        ("9月底前", date(2024, 9, 30)),
        ("6月底前", date(2025, 6, 30)),  # June has passed at feedback: the next June
        ("十二月底前", date(2024, 12, 31)),
        ("9月30日前", date(2024, 9, 30)),
        ("2025年3月前", date(2025, 3, 31)),
        ("2025年6月30日", date(2025, 6, 30)),
        ("2024年12月31日前完成", date(2024, 12, 31)),
        ("二〇二五年一月十日前", date(2025, 1, 10)),
        ("2025-01-10", date(2025, 1, 10)),
        ("上半年", date(2025, 6, 30)),
        ("3个月内", date(2024, 11, 15)),
        ("30日内", date(2024, 9, 14)),
        ("10个工作日内", date(2024, 8, 29)),
    ],
)
def test_dated_phrases_become_dates(text, due):
    assert parse_deadline(text, reference=FEEDBACK) == Deadline(due)


def test_immediate_rectification_is_due_on_the_feedback_date():
    assert parse_deadline("立行立改", reference=FEEDBACK) == Deadline(FEEDBACK, immediate=True)


def test_long_term_tasks_have_no_date():
    assert parse_deadline("长期坚持", reference=FEEDBACK) == Deadline(None, long_term=True)


def test_relative_phrases_need_a_reference_date():
    assert parse_deadline("6月底前", reference=None) is None
    assert parse_deadline("2025年6月底前", reference=None) == Deadline(date(2025, 6, 30))


@pytest.mark.parametrize("text", ["", "明年", "按要求整改", "2月30日前"])
def test_text_without_a_deadline_gives_none(text):
    assert parse_deadline(text, reference=FEEDBACK) is None


def test_measures_give_the_latest_worded_deadline():
    measures = ["于2024年10月底前完成清理", "年底前建立台账", "已于2024年9月3日召开专题会议"]
    assert deadline_from_measures(measures, reference=FEEDBACK) == Deadline(date(2024, 12, 31))


def test_a_date_on_which_something_was_done_is_not_a_deadline():
    assert deadline_from_measures(["已于2024年9月3日召开专题会议"], reference=FEEDBACK) is None


def test_long_term_measures_do_not_outweigh_dated_ones():
    assert deadline_from_measures(["长期坚持", "11月底前完成"], reference=FEEDBACK) == Deadline(date(2024, 11, 30))
    assert deadline_from_measures(["建立长效机制，长期坚持"], reference=FEEDBACK) == Deadline(None, long_term=True)


def test_a_habit_in_running_text_is_not_a_long_term_deadline():
    assert deadline_from_measures(["常态化开展学习"], reference=FEEDBACK) is None
    assert parse_deadline("常态化", reference=FEEDBACK) == Deadline(None, long_term=True)


@pytest.mark.parametrize(
    ("text", "due"),
    [("今年年内完成", date(2024, 12, 31)), ("3个月内完成", date(2024, 11, 15)), ("截至11月底为止", date(2024, 11, 30))],
)
def test_every_word_that_ends_a_deadline_in_running_text_is_read(text, due):
    # Running text is only searched for dates when one of these words is in it.
    assert deadline_from_measures([text], reference=FEEDBACK) == Deadline(due)


# The date patterns' pieces, and whole endings so that generated texts reach every pattern.
DEADLINE_PIECES = [
    *(
        "2024",
        "二〇二五",
        "3",
        "12",
        "三",
        "十二",
        "年",
        "月",
        "日",
        "号",
        "底",
        "末",
        "份",
        "上",
        "下",
        "半",
        "今",
        "本",
    ),
    *("个", "工作", "天", "周", "前", "之前", "以前", "为止", "内", " ", "\u3000", "-", "/", ".", "目", "党", "完成"),
    *("周内", "天内", "日内", "个月内", "个工作日内", "年底前", "月底前", "上半年前", "年内", "月前", "日前", "号前"),
]


@settings(max_examples=1000, deadline=None)
@example("2024年12月31号前")
@example("2024年末前")
@example("3月份前")
@example("2025-01-10前")
@example("3周内")
@example("30天内")
@example("上半年前")
@given(st.lists(st.sampled_from(DEADLINE_PIECES), max_size=10).map("".join))
def test_running_text_is_searched_for_dates_whenever_a_date_pattern_could_match(text):
    # ENDS_A_DEADLINE spares running text the date patterns: it must find an ending wherever one of them matches.
    if any(pattern.search(text) for pattern in (*IN_TEXT.values(), WITHIN)):
        assert ENDS_A_DEADLINE.search(text)


def test_the_due_date_rule_needs_no_database_and_takes_the_default_it_is_given():
    feedback = date(2025, 3, 1)
    rule = partial(due_date_for, deadline=None, feedback=feedback, default_days=45)
    assert rule(deadline_text="6月底前") == (date(2025, 6, 30), BASIS_STATED)
    assert rule(deadline_text="", measure_texts=["2026年3月底前完成制度修订"]) == (date(2026, 3, 31), BASIS_STATED)
    assert rule(deadline_text="长期坚持") == (None, BASIS_LONG_TERM)
    assert rule(deadline_text="") == (date(2025, 4, 15), BASIS_DEFAULT)
    assert due_date_for(deadline=None, deadline_text="", feedback=None, default_days=45) == (None, "")
