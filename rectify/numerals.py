"""Chinese numerals, dates and sums of money as printed in reports."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import lru_cache

import cn2an

CN_DIGITS = "〇零一二三四五六七八九十百两"
NUMBER = rf"[\d{CN_DIGITS}]+"


# Reports repeat a few numerals (一是, 二是, 十三) thousands of times, and cn2an is slow.
@lru_cache(maxsize=4096)
def to_int(numeral: str) -> int | None:
    """Read '13', '十三' or '二〇二五' as an int; None when it is not a numeral."""
    numeral = numeral.strip()
    if not numeral:
        return None
    if numeral.isdecimal():  # 13, full-width １３
        return int(numeral)
    if len(numeral) == 1 and unicodedata.category(numeral) == "No":
        # Circled and parenthesised numbers (①, ⑵, ⒈) are digits to isdigit() but not to int().
        value = unicodedata.numeric(numeral, 0)
        return int(value) if value and value == int(value) else None
    if all(ch in "〇零一二三四五六七八九" for ch in numeral) and len(numeral) > 1:
        # Years are written digit by digit (二〇二五), which cn2an reads as a quantity.
        return int("".join(str("〇一二三四五六七八九".index(ch) if ch != "零" else 0) for ch in numeral))
    try:
        return int(cn2an.cn2an(numeral.replace("两", "二"), "smart"))
    except (ValueError, KeyError):
        return None


FULL_DATE = re.compile(rf"({NUMBER})\s*年\s*({NUMBER})\s*月\s*({NUMBER})\s*[日号]")
ISO_DATE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")


def make_date(year: int | None, month: int | None, day: int | None) -> date | None:
    if not (year and month and day):
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_full_date(text: str) -> date | None:
    """Return the first date with year, month and day in `text` (Chinese or ISO form)."""
    match = FULL_DATE.search(text)
    if match:
        return make_date(*(to_int(g) for g in match.groups()))
    match = ISO_DATE.search(text)
    if match:
        return make_date(*(int(g) for g in match.groups()))
    return None


# A day-precision date, with or without its year, and a range's second end ("22日-26日").
# Every date starts with a digit: the leading lookahead says so, and lets the scan of a long text pass
# other characters about twice as fast as trying the optional year at each.
DAY_DATE = re.compile(
    r"(?=\d)(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]"
    r"(?:\s*(?:-|—|－|~|～|至|到)\s*(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*[日号])?"
)
YEAR_MENTION = re.compile(r"(\d{4})\s*年")


def dates_in(text: str, *, after: date | None = None) -> list[date]:
    """Every day-precision date in `text`, in order, without repeats.

    A date printed without a year takes the year last printed before it in the text, else the year
    that puts it on or after `after` (rectification follows the inspection's feedback).
    """
    found: list[date] = []
    if "月" not in text or ("日" not in text and "号" not in text):
        return found  # every day-precision date names its month and day; most measures name neither
    for match in DAY_DATE.finditer(text):
        year_text, month, day, month2, day2 = match.groups()
        if year_text:
            year = int(year_text)
        else:
            earlier = YEAR_MENTION.findall(text, 0, match.start())
            year = int(earlier[-1]) if earlier else _year_on_or_after(int(month), int(day), after)
        for value in (
            make_date(year, int(month), int(day)),
            make_date(year, int(month2 or month), int(day2)) if day2 else None,
        ):
            if value and value not in found:
                found.append(value)
    return found


def _year_on_or_after(month: int, day: int, after: date | None) -> int | None:
    if after is None:
        return None
    candidate = make_date(after.year, month, day)
    if candidate and candidate < after:
        return after.year + 1
    return after.year


MONEY = re.compile(r"(\d[\d,，]*(?:\.\d+)?)\s*(万|亿)?\s*(余|多)?\s*元")
MULTIPLIERS = {None: 1, "万": 10_000, "亿": 100_000_000}


def parse_money(text: str) -> list[tuple[str, float | int, int, int]]:
    """Every sum of money in `text`: (as printed, yuan, start, end)."""
    sums = []
    if "元" not in text:  # a sum of money ends in 元; most texts have none, and the scan is costly
        return sums
    for match in MONEY.finditer(text):
        (
            number,
            multiplier,
            _approx,
        ) = match.groups()
        value = float(number.replace(",", "").replace("，", "")) * MULTIPLIERS[multiplier]
        yuan = int(value) if value == int(value) else round(value, 2)
        sums.append((match.group(0), yuan, match.start(), match.end()))
    return sums
