"""The opening sentence of a 巡察/巡视 report: who inspected whom, when, of what kind, fed back when.

The genre writes one sentence, at every level from 中央 to a county:
  根据<X>统一部署，<start>至<end>，<inspector>对<unit>进行了<kind>巡察/巡视。<feedback date>，
  <inspector>向<unit>反馈了巡察意见。
with its variants: the group before the dates ("市委第一巡视组于2023年3月29日至6月16日对徐汇区…"),
a round in front of the group ("七届市委第十二轮巡察一组"), a special inspection's subject inside
the group's name ("市委…优化营商环境专项巡察组"), the unit named as 我单位/我局/我院党组, dates that
leave out the year, month-only dates, and round summaries in which several groups inspect many
units (then there is no single unit or group). Each fact comes with the line it was read from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from rectify.numerals import NUMBER, make_date, to_int

DASH = r"(?:至|到|—|－|-|~|～|——)"
FULL_DAY = rf"({NUMBER})\s*年\s*({NUMBER})\s*月\s*({NUMBER})\s*[日号]"
PERIOD = re.compile(
    rf"{FULL_DAY}\s*(?:起)?\s*{DASH}\s*(?:({NUMBER})\s*年\s*)?(?:({NUMBER})\s*月\s*)?({NUMBER})\s*[日号]"
)
# "2023.3.1—4.30", "2023/03/01至2023/04/30": the period in numbers (a hyphen separates parts, not ends).
NUMERIC_PERIOD = re.compile(
    r"(?<!\d)(\d{4})[./](\d{1,2})[./](\d{1,2})\s*(?:至|到|—|－|~|～|——)\s*(?:(\d{4})[./])?(?:(\d{1,2})[./])?(\d{1,2})(?![\d./])"
)
# "3月8日至4月20日" with no year: the year is the feedback's (the inspection comes before it).
YEARLESS_PERIOD = re.compile(
    rf"(?<![年\d〇零一二三四五六七八九十])({NUMBER})\s*月\s*({NUMBER})\s*[日号]\s*{DASH}\s*(?:({NUMBER})\s*月\s*)?({NUMBER})\s*[日号]"
)
# "2024年4月上旬至7月上旬", "2023年11月至12月": a period known only to the month.
MONTH_PERIOD = re.compile(
    rf"({NUMBER})\s*年\s*({NUMBER})\s*月(?:上旬|中旬|下旬|初|中|底|末)?(?!\s*{NUMBER}\s*[日号])\s*{DASH}\s*"
    rf"(?:({NUMBER})\s*年\s*)?({NUMBER})\s*月(?!\s*{NUMBER}\s*[日号])"
)
# A date in the feedback sentence: full, without its year, or only to the month.
SOME_DATE = re.compile(rf"(?:({NUMBER})\s*年\s*)?(?<![\d{NUMBER[1:-2]}])({NUMBER})\s*月\s*(?:({NUMBER})\s*[日号])?")
LEVEL = r"中央|省委|自治区党委|市委|州委|盟委|地委|县委|区委|旗委|党工委"
ROUND = re.compile(rf"((?:{NUMBER}届)?(?:{LEVEL})?第{NUMBER}轮)")
# The first committee named in the group's name: "七届市委第十二轮巡察一组", "十四届县委第三轮巡察第二组".
INSPECTOR_LEVEL = re.compile(rf"({LEVEL})")
# Several groups at once: a round summary, not one inspection.
SEVERAL_GROUPS = re.compile(rf"{NUMBER}个巡[察视]组|第{NUMBER}(?:至|到|—|－|-)第?{NUMBER}巡[察视]组|各巡[察视]组")
# The inspector when the sentence is not in the usual order: the old pattern, with 中央 added.
INSPECTOR_FALLBACK = re.compile(
    rf"((?:中央|[省市县区州旗盟]委|党委|党组)(?:第{NUMBER}[\u4e00-\u9fff]{{0,6}}?巡[察视]组|巡[察视]{NUMBER}组|[\u4e00-\u9fff]{{0,4}}?巡[察视]组))"
)
INSPECTS = re.compile(
    r"对(?P<unit>[^。；;]{1,90}?)(?P<verb>进行|开展|实施)了?(?P<kind>[^。；;，,]{0,24}?)(?P<type>巡[察视])"
)
# "县委第三巡察组进驻县水利局，开展了为期一个月的巡察": the group stationed at the unit.
STATIONED = re.compile(
    r"进驻(?P<unit>[^。；;，,]{1,60}?)[，,]?\s*(?P<verb>进行|开展)了?(?P<kind>[^。；;，,]{0,24}?)(?P<type>巡[察视])"
)
INDIRECT = re.compile(
    r"^(?:我|本)(?P<noun>单位|局|委|院|乡|镇|街道|校|部|办|中心|会|馆|站|所|厅|公司|集团|社|协|联|村|县|市|区|省|州|旗)?"
    r"(?P<organ>党组|党委|党工委|党总支|党支部)?$"
)
ALIAS = re.compile(r"[（(]\s*(?:以下简称|下称|简称)[^)）]*[)）]")
SUB_UNITS = re.compile(r"[（(]含(.+?)[）)]")
KINDS = ("提级交叉", "上下联动", "联动", "提级", "交叉", "机动", "专项", "常规")
FEEDBACK_TO = re.compile(r"向(?P<unit>[\u4e00-\u9fff（）()、]{2,40}?)(?:全面)?反馈")
DOCUMENT_BY = re.compile(
    r"《(?P<unit>(?:中共|中国共产党)?[\u4e00-\u9fff]{2,30}?(?:党组|党委|党工委|委员会|党总支|支部))关于"
)


@dataclass
class Opening:
    """The header facts of the opening sentence; `lines` says where each was read."""

    inspector: str | None = None
    inspector_level: str | None = None
    inspection_type: str | None = None
    kind: str | None = None
    focus: str | None = None
    start_date: date | None = None
    end_date: date | None = None
    feedback_date: date | None = None
    unit: str | None = None  # as the sentence names it, indirect names resolved
    sub_units: tuple[str, ...] = ()
    indirect: str | None = None  # 我单位 as printed, when the sentence names the unit so
    several: bool = False
    yearless: tuple[int, int, int, int, int] | None = None  # (month, day, month, day, line) of a period
    lines: dict[str, int] = field(default_factory=dict)
    warnings: list[tuple[str, int, dict]] = field(default_factory=list)


def read_opening(lines: list, *, depth: int = 3) -> Opening:
    """Read the facts from the first lines of the report (parse.Line objects, header removed)."""
    found = Opening()
    window = [line for line in lines if line.text][:depth]
    for line in window:
        _read_inspection(found, line)
        if found.inspector or found.unit or found.several:
            break
    for line in window:
        if _read_feedback(found, line):
            break
    if found.yearless and found.feedback_date and found.start_date is None:
        m1, d1, m2, d2, number = found.yearless
        feedback = found.feedback_date
        year = feedback.year if (m1, d1) <= (feedback.month, feedback.day) else feedback.year - 1
        found.start_date = make_date(year, m1, d1)
        found.end_date = make_date(year + (m2 < m1), m2, d2)
        found.lines.update({"start_date": number, "end_date": number})
    return found


def _read_inspection(found: Opening, line) -> None:
    text = line.text
    period = PERIOD.search(text) or NUMERIC_PERIOD.search(text)
    if period and found.start_date is None:
        y1, m1, d1, y2, m2, d2 = (to_int(g) if g else None for g in period.groups())
        found.start_date = make_date(y1, m1, d1)
        end_month = m2 or m1
        end_year = y2 or (y1 + 1 if y1 and m1 and end_month and end_month < m1 else y1)
        found.end_date = make_date(end_year, end_month, d2)
        # A range that reads backwards is a slip of the text, not a fact.
        if found.start_date and found.end_date and found.end_date < found.start_date:
            found.end_date = None
        found.lines.update({k: line.number for k in ("start_date", "end_date") if getattr(found, k) is not None})
    elif found.start_date is None and (garbled := re.search(r"(?<!\d)\d{5,8}[日号]", text)):
        # "2024717日至830日": a page that lost its 年 and 月; the digits do not say where they split.
        found.warnings.append(("date_unreadable", line.number, {"text": garbled.group(0)}))
    if found.start_date is None and not period and (yearless := YEARLESS_PERIOD.search(text)):
        m1, d1, m2, d2 = (to_int(g) if g else None for g in yearless.groups())
        if m1 and d1 and d2:
            found.yearless = (m1, d1, m2 or m1, d2, line.number)
    if found.start_date is None and not period and (month := MONTH_PERIOD.search(text)):
        y1, m1, y2, m2 = (to_int(g) if g else None for g in month.groups())
        end_year = y2 or (y1 + 1 if y1 and m2 and m1 and m2 < m1 else y1)
        detail = {
            "start": f"{y1:04d}-{m1:02d}" if y1 and m1 else None,
            "end": f"{end_year:04d}-{m2:02d}" if end_year and m2 else None,
        }
        found.warnings.append(
            ("month_only_date", line.number, {"field": "inspection", "text": month.group(0), **detail})
        )
    inspects = INSPECTS.search(text) or STATIONED.search(text)
    if not inspects:
        fallback = INSPECTOR_FALLBACK.search(text)
        if fallback and SEVERAL_GROUPS.search(fallback.group(1)):
            found.several = True
            found.inspection_type = re.search(r"巡[察视]", fallback.group(1)).group()
            found.warnings.append(("several_inspections", line.number, {"text": fallback.group(1)}))
        elif fallback and not found.inspector:
            _take_inspector(found, fallback.group(1), line.number)
        return
    subject = _subject_before(text, inspects.start())
    if SEVERAL_GROUPS.search(text[: inspects.start()]):
        found.several = True
        found.warnings.append(("several_inspections", line.number, {"text": subject}))
        found.inspection_type = found.inspection_type or inspects.group("type")
        found.lines.setdefault("inspection_type", line.number)
        return
    if subject:
        _take_inspector(found, subject, line.number)
    else:
        fallback = INSPECTOR_FALLBACK.search(text)
        if fallback:
            _take_inspector(found, fallback.group(1), line.number)
    found.inspection_type = found.inspection_type or inspects.group("type")
    found.lines.setdefault("inspection_type", line.number)
    if not found.inspector_level and (deploy := re.search(rf"(?:根据|按照)({LEVEL})", text)):
        found.inspector_level = deploy.group(1)
        found.lines["inspector_level"] = line.number
    _take_unit(found, inspects.group("unit"), line.number)
    after = text[inspects.end() : inspects.end() + 8]
    revisit = "回头看" in after or "回头看" in inspects.group("kind")
    # The group's own name says the kind first ("…营商环境专项巡察组" holds the subject too).
    kind = _kind(found.inspector or "", revisit, found.inspection_type) or _kind(
        inspects.group("kind"), revisit, found.inspection_type
    )
    if kind:
        found.kind, found.focus = kind
        found.lines["kind"] = line.number


def _subject_before(text: str, at: int) -> str | None:
    """The group doing the inspection: the clause before 对, without its dates ("…组于…日")."""
    start = max(text.rfind(mark, 0, at) for mark in "，,。；;：:") + 1
    clause = text[start:at].strip()
    clause = re.sub(rf"^.*?{NUMBER}\s*[日号](?:期间|以来)?\s*", "", clause) if re.search(r"[日号]", clause) else clause
    clause = re.sub(r"(?:于|在|从)[^于]*$", "", clause).strip()
    if re.search(r"巡[察视]", clause) and re.search(r"组$", clause) and len(clause) <= 60:
        return clause
    return None


def _take_inspector(found: Opening, inspector: str, number: int) -> None:
    found.inspector = inspector
    found.lines["inspector"] = number
    level = INSPECTOR_LEVEL.search(inspector)
    if level:
        found.inspector_level = level.group(1)
        found.lines["inspector_level"] = number
    kind_of = re.search(r"巡[察视]", inspector)
    if kind_of:
        found.inspection_type = kind_of.group()
        found.lines["inspection_type"] = number


def _take_unit(found: Opening, printed: str, number: int) -> None:
    name = ALIAS.sub("", printed).strip()
    subs = SUB_UNITS.search(name)
    if subs:
        found.sub_units = tuple(s.strip() for s in re.split(r"[、,，和及]", subs.group(1)) if s.strip())
        name = SUB_UNITS.sub("", name).strip()
    if INDIRECT.match(name):
        found.indirect = name
    found.unit = name
    found.lines["unit"] = number


def _kind(phrase: str, revisit: bool, inspection_type: str | None) -> tuple[str, str | None] | None:
    """The kind as the genre names it (常规巡察, 提级交叉巡察, 回头看…) and a special inspection's subject."""
    if revisit:
        return "回头看", None
    suffix = inspection_type or "巡察"
    for core in KINDS:
        at = phrase.find(core)
        if at == -1:
            continue
        focus = None
        if core == "专项":
            before = phrase[:at]
            before = re.sub(rf"^.*?(?:{LEVEL})(?:第{NUMBER})?", "", before) if re.search(LEVEL, before) else before
            focus = before.strip("的") or None
        return f"{core}{suffix}", focus
    return None


def _read_feedback(found: Opening, line) -> bool:
    """The feedback date: the last date before 反馈 in its sentence, after the inspection's period."""
    text = line.text
    cursor = 0
    period = PERIOD.search(text) or NUMERIC_PERIOD.search(text)
    if period:
        cursor = period.end()
    for sentence in re.finditer(r"[^。]+", text[cursor:]):
        body = sentence.group()
        at = body.find("反馈")
        if at == -1:
            continue
        # The last date before 反馈 that names a day, or a year and month ("2023年11月"); "六月" alone is no date.
        dates = [
            (match, *(to_int(g) if g else None for g in match.groups())) for match in SOME_DATE.finditer(body, 0, at)
        ]
        dates = [d for d in dates if d[3] is not None or d[1] is not None]
        if not dates:
            continue
        match, y, m, d = dates[-1]
        if d is None:
            detail = {"field": "feedback_date", "text": match.group(0), "month": f"{y:04d}-{m:02d}"}
            found.warnings.append(("month_only_date", line.number, detail))
            return True
        if y is None:
            y = _year_on_or_after(m, d, found.end_date or found.start_date)
            if y is None:
                return False
        found.feedback_date = make_date(y, m, d)
        if found.feedback_date:
            found.lines["feedback_date"] = line.number
        return True
    return False


def _year_on_or_after(month: int, day: int, after: date | None) -> int | None:
    """A date printed without its year is the first such date on or after the inspection's end."""
    if after is None:
        return None
    candidate = make_date(after.year, month, day)
    return after.year + 1 if candidate and candidate < after else after.year


def resolve_indirect(
    indirect: str, candidates: list[tuple[str | None, int | None]], lines: list
) -> tuple[str | None, int | None]:
    """Name the unit an opening calls 我单位/我局/我院党组: title, signature, 发布机构, then the body.

    `candidates` are (name, line) from the title, the signature and the page's 发布机构, in that order.
    In the body the first full naming wins: "向通渭县委宣传部反馈", "《中共…党组关于…》", else the first
    name ending like the self-reference (我乡 → "…乡").
    """
    for name, number in candidates:
        if name and not INDIRECT.match(name):
            return name, number
    for pattern in (FEEDBACK_TO, DOCUMENT_BY):
        for line in lines:
            for match in pattern.finditer(line.text):
                name = match.group("unit")
                if not INDIRECT.match(name) and not re.search(r"巡[察视]|^(?:各|全)", name):
                    return name, line.number
    noun = INDIRECT.match(indirect).group("noun")
    if noun and noun not in ("单位",):
        named = re.compile(
            rf"(?:^|[，,。；;、：:“”《》()（）\s]|召开|组织|对|向|在|是|由)([\u4e00-\u9fff]{{1,6}}?{noun})(?!{noun})"
        )
        for line in lines:
            for match in named.finditer(line.text):
                # The name starts after the verb that introduces it: "组织召开沙窝乡…" names 沙窝乡.
                name = re.sub(r"^(?:组织|召开|开展|举行|推进|对|向|在|由|是)+", "", match.group(1))
                if len(name) > 1 and not re.match(r"^(?:我|本|该|各|全|此|每|其)", name):
                    return name, line.number
    return None, None


# Declared counts in the phrasings the seeds do not show (parse._declared_counts reads these after
# the seeds' own patterns): "反馈面上问题741个", "各类问题16个", "31个省委巡视反馈问题",
# "79个“问题清单”", "完成整改688个", "共性问题3个、个性问题9个".
DECLARED_ISSUES_AFTER = re.compile(
    rf"(?:反馈|发现|指出|提出)[^，,。；;\d]{{0,8}}?问题\s*(?:共计?)?({NUMBER})\s*[个条项](?!大?方面|类|大项)"
)
DECLARED_ISSUES_QUALIFIED = re.compile(rf"({NUMBER})\s*[个条项](?:{LEVEL})?巡[察视](?:组)?反馈(?:的)?问题")
DECLARED_ISSUE_LIST = re.compile(rf"({NUMBER})\s*个\s*[“\"]?问题清单")
DECLARED_COMPLETED_BARE = re.compile(rf"(?<!基本)(?<!阶段性)(?<![未已])完成整改\s*({NUMBER})\s*[个条项]")
COMMON_AND_SPECIFIC = re.compile(rf"共性问题\s*({NUMBER})\s*[个条项][、，,和及]?\s*个性问题\s*({NUMBER})\s*[个条项]")


def is_slogan_count(text: str, match: re.Match) -> bool:
    """ "一个问题、一个方案" is a slogan, not a count: a count of one in quotes or in a 、 list."""
    before = text[match.start() - 1 : match.start()]
    after = text[match.end() : match.end() + 1]
    return before in '“"‘、' and before != "" or after == "、"
