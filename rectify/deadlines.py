"""Rectification deadlines (整改时限) as reports word them, read into dates, and a problem's due date.

Pure: no Django, no importer, so the models and the importer both use it.

Reports rarely print a full date. They say 年底前, 6月底前, 2025年3月前, 3个月内, 立行立改 or
长期坚持. Every phrase is read relative to a reference date, the inspection's feedback date, because
rectification starts from the feedback: "6月底前" means the first 30 June on or after it.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from rectify.numerals import NUMBER, make_date, to_int

LONG_TERM = re.compile(r"长期坚持|长期推进|长期落实|长期|持续推进|持续整改|常态化")
# In a measure's running text "常态化" or a bare "长期" describe a habit, not the task's deadline.
LONG_TERM_IN_TEXT = re.compile(r"长期坚持|长期推进|长期落实")
IMMEDIATE = re.compile(r"立行立改|立查立改|即知即改|立即整改|立即完成")
# "之前/以前/前" ends a deadline in running text; "底" and "末" say the end of the month or year.
BEFORE = r"\s*(?:之前|以前|前|为止|内)"
# Every dated pattern of running text ends with BEFORE right after a digit, 日/号, 月, 底/末/份, 年
# (年内, 上半年前), 天 or 周 (3个月内, 10个工作日内, 2周内), so a text without such an ending holds no
# dated deadline. Most measures have none ("目前", "党内" are not endings), and eight passes are saved.
ENDS_A_DEADLINE = re.compile(rf"[\d日号月底末份年天周]{BEFORE}")
# A month followed by a day number is a day-precision date, read (or rejected) by the day patterns.
NO_DAY = rf"(?!\s*{NUMBER}\s*[日号])"
YEAR = r"(\d{4}|[〇零一二三四五六七八九]{4})"


def _date_patterns(before: str) -> dict[str, re.Pattern]:
    return {
        "full": re.compile(rf"{YEAR}\s*年\s*({NUMBER})\s*月\s*({NUMBER})\s*[日号]{before}"),
        "iso": re.compile(rf"(\d{{4}})[-/.](\d{{1,2}})[-/.](\d{{1,2}}){before}"),
        "year_month": re.compile(rf"{YEAR}\s*年\s*({NUMBER})\s*月\s*(?:底|末|份)?{before}{NO_DAY}"),
        "month_day": re.compile(rf"(?<![\d年])({NUMBER})\s*月\s*({NUMBER})\s*[日号]{before}"),
        "month": re.compile(rf"(?<![\d年])({NUMBER})\s*月\s*(?:底|末|份)?{before}{NO_DAY}"),
        "year_end": re.compile(rf"(?:{YEAR}\s*年\s*年?(?:底|末)|(?:今年|本年)?年(?:底|末)){before}|(?:今|本)?年内"),
        "half_year": re.compile(rf"(?:(\d{{4}})\s*年\s*)?(上|下)半年{before}"),
    }


# In running text (measures) only a date followed by 前/之前/底前 is a deadline; a 整改时限 field
# may print the bare date.
IN_TEXT = _date_patterns(BEFORE)
IN_FIELD = _date_patterns(rf"(?:{BEFORE})?")
WITHIN = re.compile(rf"({NUMBER})\s*(个月|个工作日|日|天|周)内")


@dataclass(frozen=True)
class Deadline:
    """A deadline read from text: a date, or a standing task with none (长期坚持)."""

    due: date | None
    long_term: bool = False
    immediate: bool = False


def parse_deadline(text: str, *, reference: date | None, in_text: bool = False) -> Deadline | None:
    """Read one 整改时限 phrase; None when the text sets no deadline that can be placed in time.

    `in_text` reads running text (a measure) rather than a 整改时限 field: a date there counts only
    when worded as a deadline (…前, …底前, …内), not as the day something was done.
    """
    text = (text or "").strip()
    if not text:
        return None
    if in_text and not ENDS_A_DEADLINE.search(text):
        dated = None
    else:
        dated = _first_date(text, reference, IN_TEXT if in_text else IN_FIELD)
    if dated is not None:
        return Deadline(dated, immediate=bool(IMMEDIATE.search(text)))
    if IMMEDIATE.search(text):
        # Rectified on the spot: due the day the feedback was given.
        return Deadline(reference, immediate=True) if reference else Deadline(None, immediate=True)
    if (LONG_TERM_IN_TEXT if in_text else LONG_TERM).search(text):
        return Deadline(None, long_term=True)
    return None


def deadline_from_measures(texts: Iterable[str], *, reference: date | None) -> Deadline | None:
    """The problem's deadline from its measures: the latest dated one, else long-term if one says so.

    A problem is rectified when its last measure is, so the latest date wins; a measure that is
    long-term (建立长效机制、长期坚持) does not keep the rest of the problem open for ever.
    """
    found = [d for d in (parse_deadline(t, reference=reference, in_text=True) for t in texts) if d is not None]
    dated = [d.due for d in found if d.due is not None]
    if dated:
        return Deadline(max(dated))
    if any(d.long_term for d in found):
        return Deadline(None, long_term=True)
    return None


# How a due date was set: the values of models.DueBasis this rule gives (staff set the fourth, "staff").
BASIS_STATED, BASIS_DEFAULT, BASIS_LONG_TERM = "stated", "default", "long_term"


def due_date_for(
    *,
    deadline: date | None,
    deadline_text: str,
    feedback: date | None,
    measure_texts: Iterable[str] = (),
    default_days: int,
) -> tuple[date | None, str]:
    """A problem's due date and how it was set: the stated deadline (整改时限, else the measures' wording
    such as 年底前), else the feedback date plus `default_days`; none for a long-term task."""
    if deadline:
        return deadline, BASIS_STATED
    stated = parse_deadline(deadline_text, reference=feedback) or deadline_from_measures(
        measure_texts, reference=feedback
    )
    if stated and stated.due:
        return stated.due, BASIS_STATED
    if stated and stated.long_term:
        return None, BASIS_LONG_TERM
    if feedback:
        return feedback + timedelta(days=default_days), BASIS_DEFAULT
    return None, ""


def _first_date(text: str, reference: date | None, patterns: dict[str, re.Pattern]) -> date | None:
    """The earliest-placed dated phrase in the text; each pattern says how to complete a partial date."""
    candidates: list[tuple[int, date]] = []

    def add(match: re.Match, value: date | None) -> None:
        if value is not None:
            candidates.append((match.start(), value))

    for match in patterns["full"].finditer(text):
        add(match, make_date(*(to_int(g) for g in match.groups())))
    for match in patterns["iso"].finditer(text):
        add(match, make_date(*(int(g) for g in match.groups())))
    for match in patterns["year_month"].finditer(text):
        add(match, _month_end(to_int(match.group(1)), to_int(match.group(2))))
    for match in patterns["month_day"].finditer(text):
        month, day = to_int(match.group(1)), to_int(match.group(2))
        add(match, _next_on_or_after(reference, lambda year, m=month, d=day: make_date(year, m, d)))
    for match in patterns["month"].finditer(text):
        month = to_int(match.group(1))
        add(match, _next_on_or_after(reference, lambda year, m=month: _month_end(year, m)))
    for match in patterns["half_year"].finditer(text):
        month = 6 if match.group(2) == "上" else 12
        if match.group(1):
            add(match, _month_end(int(match.group(1)), month))
        else:
            add(match, _next_on_or_after(reference, lambda year, m=month: _month_end(year, m)))
    for match in patterns["year_end"].finditer(text):
        year = to_int(match.group(1)) if match.group(1) else (reference.year if reference else None)
        add(match, make_date(year, 12, 31))
    for match in WITHIN.finditer(text):
        add(match, _after(reference, to_int(match.group(1)), match.group(2)))
    if not candidates:
        return None
    # Where patterns overlap ("2025年6月底前" also matches MONTH), the longest reading starts first.
    return min(candidates, key=lambda c: c[0])[1]


def _month_end(year: int | None, month: int | None) -> date | None:
    if not year or not month or not 1 <= month <= 12:
        return None
    return date(year, month, calendar.monthrange(year, month)[1])


def _next_on_or_after(reference: date | None, build) -> date | None:
    """The date `build(year)` in the reference year, or the next year if that falls before it."""
    if reference is None:
        return None
    this_year = build(reference.year)
    if this_year is None:
        return None
    return this_year if this_year >= reference else build(reference.year + 1)


def _after(reference: date | None, count: int | None, unit: str) -> date | None:
    if reference is None or not count:
        return None
    if unit == "个月":
        month_index = reference.month - 1 + count
        year, month = reference.year + month_index // 12, month_index % 12 + 1
        day = min(reference.day, calendar.monthrange(year, month)[1])
        return date(year, month, day)
    if unit == "周":
        return reference + timedelta(weeks=count)
    if unit == "个工作日":
        # Working days: skip weekends (public holidays are not known here).
        current, left = reference, count
        while left:
            current += timedelta(days=1)
            if current.weekday() < 5:
                left -= 1
        return current
    return reference + timedelta(days=count)
