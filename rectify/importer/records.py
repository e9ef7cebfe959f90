"""Plain records the parser returns: no Django, frozen, JSON-ready through `as_dict`."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Amount:
    text: str
    yuan: float | int
    kind: str | None = None


@dataclass(frozen=True)
class MeasureRecord:
    number: str | None
    line: int
    text: str
    unit: str | None = None
    dates: tuple[date, ...] = ()
    state: str | None = None
    amounts: tuple[Amount, ...] = ()


@dataclass(frozen=True)
class IssueRecord:
    number: str | None
    category: tuple[str, ...]
    line: int
    end_line: int
    title: str
    description: str
    status: str = "unknown"
    status_source: str | None = None
    immediate: bool = False
    deadline: date | None = None
    deadline_text: str | None = None
    amounts: tuple[Amount, ...] = ()
    measures: tuple[MeasureRecord, ...] = ()
    category_numbers: tuple[str | None, ...] = ()


@dataclass(frozen=True)
class CategoryRecord:
    number: str | None
    title: str
    line: int
    children: tuple[CategoryRecord, ...] = ()


@dataclass(frozen=True)
class UnitRecord:
    name: str | None
    short_name: str | None = None
    region: str | None = None
    level: str | None = None
    sub_units: tuple[str, ...] = ()
    # The inspected body as the opening sentence names it ("对区文旅体局党组进行了巡察"), with 我单位/我局
    # resolved; None for a round summary that covers many units.
    named_as: str | None = None
    # Where each fact was read: {"name": 1, "named_as": 3} (1-based lines of the decoded file).
    lines: dict = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class InspectionRecord:
    inspector: str | None = None
    kind: str | None = None
    focus: str | None = None
    round: str | None = None
    start_date: date | None = None
    end_date: date | None = None
    feedback_date: date | None = None
    inspection_type: str | None = None  # 巡察 | 巡视
    inspector_level: str | None = None  # the inspecting committee as printed: 中央, 省委, 市委, 县委, 区委…
    lines: dict = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class DeclaredCounts:
    categories: int | None = None
    issues: int | None = None
    manifestations: int | None = None
    completed: int | None = None
    partial: int | None = None
    immediate: int | None = None
    undisclosed: int | None = None


@dataclass(frozen=True)
class ReportInfo:
    published_date: date | None = None
    signed_date: date | None = None
    as_of_date: date | None = None
    disclosure_start: date | None = None
    disclosure_end: date | None = None
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    address: str | None = None
    postcode: str | None = None
    publisher: str | None = None
    declared: DeclaredCounts = field(default_factory=DeclaredCounts)
    # Where each fact was read: {"published_date": 4, "publisher": 3, "declared.issues": 12}.
    lines: dict = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Warning:
    code: str
    line: int | None
    detail: dict = field(default_factory=dict)

    @property
    def message(self) -> str:
        return describe_warning(self)


@dataclass(frozen=True)
class Fragment:
    """Text of one line that the parse placed in no part: opening, summary, labels, closing."""

    line: int
    text: str


@dataclass(frozen=True)
class ReportRecord:
    title: str | None
    unit: UnitRecord
    inspection: InspectionRecord
    report: ReportInfo
    categories: tuple[CategoryRecord, ...]
    issues: tuple[IssueRecord, ...]
    warnings: tuple[Warning, ...] = ()
    # Kept out of `as_dict`: the golden parses describe what was placed, not what was left over.
    remainder: tuple[Fragment, ...] = ()

    @property
    def is_partial(self) -> bool:
        return self.partial_warning is not None

    @property
    def partial_warning(self) -> Warning | None:
        return next((w for w in self.warnings if w.code in PARTIAL_CODES), None)

    def placed_texts(self) -> list[tuple[str, int | None]]:
        """The texts the parse placed, each once, with the line it starts on (None: anywhere in the body).

        Derived values (an issue's title, a measure's acting unit, dates, amounts) repeat placed text
        and are left out, so these and `remainder` together hold each character of the body once.
        """
        texts: list[tuple[str, int | None]] = [(self.title, None)] if self.title else []

        def visit(categories):
            for category in categories:
                texts.extend([(category.number or "", category.line), (category.title, category.line)])
                visit(category.children)

        visit(self.categories)
        for issue in self.issues:
            texts += [(issue.number or "", issue.line), (issue.description, issue.line)]
            texts += [(issue.deadline_text or "", issue.line)]
            for measure in issue.measures:
                texts += [(measure.number or "", measure.line), (measure.text, measure.line)]
        return [(text, line) for text, line in texts if text]

    def fact_lines(self) -> dict[str, int]:
        """Where each header fact was read, keyed "inspection.feedback_date", "report.declared.issues"…"""
        found = {}
        for part, record in (("unit", self.unit), ("inspection", self.inspection), ("report", self.report)):
            for key, line in record.lines.items():
                if key != "title":
                    found[f"{part}.{key}"] = line
        if "title" in self.report.lines:
            found["title"] = self.report.lines["title"]
        return found

    def as_dict(self) -> dict:
        """Return the JSON shape of `parse_report --json` (see fixtures/expected/README.md)."""
        return {
            "title": self.title,
            "unit": _plain(self.unit),
            "inspection": _plain(self.inspection),
            "report": _plain(self.report),
            "categories": [_category_dict(c) for c in self.categories],
            "issues": [_issue_dict(i) for i in self.issues],
            "warnings": [_plain(w) for w in self.warnings],
        }


def _plain(value):
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _category_dict(category: CategoryRecord) -> dict:
    return {
        "number": category.number,
        "title": category.title,
        "line": category.line,
        "children": [_category_dict(c) for c in category.children],
    }


def _issue_dict(issue: IssueRecord) -> dict:
    data = _plain(issue)
    del data["end_line"], data["category_numbers"]
    measures = data.pop("measures")
    data["measures"] = measures
    return data


WARNING_TEXTS = {
    "declared_count_mismatch": "报告称{field_label}{declared}个，实际公开{found}个",
    "numbering_gap": "{level_label}编号从{after}跳到{next}",
    "duplicate_number": "{level_label}编号{number}重复",
    "no_problems_section": "未找到问题清单，报告可能不完整",
    "truncated": "报告在最后一个问题中途结束：该行没有结束标点，其后也没有落款，文件可能被截断",
    "status_group_conflict": "问题{number}列在“{group}”之下，自身却写明了另一种整改状态：按问题自身所写记录，请核对",
    "uncertain_structure": "自此行起的编号条目一半像问题、一半像整改措施：已按问题读取，请核对",
    "garbled_text": "自此行起有{lines}行含乱码（锟斤拷或无法解码的字符），乱码处的文字无法读出，未作猜测",
    "month_only_date": "日期只写到月（{text}），未推断具体日期",
    "date_unreadable": "日期无法识别（{text}），可能缺少“年”“月”",
    "several_inspections": "开头写的是多个巡察组或多家单位（{text}），不是单一巡察，未读取被巡察单位和巡察组",
    "unit_unresolved": "开头称被巡察单位为“{text}”，未能从标题、落款、发布机构或正文确定其名称",
}
FIELD_LABELS = {
    "categories": "问题类别",
    "issues": "问题",
    "manifestations": "具体问题（扣除不宜公开）",
    "immediate": "立行立改问题",
}
PARTIAL_CODES = ("no_problems_section", "truncated")
LEVEL_LABELS = {"category": "类别", "issue": "问题"}


def describe_warning(warning: Warning) -> str:
    detail = dict(warning.detail)
    detail.setdefault("field_label", FIELD_LABELS.get(detail.get("field", ""), detail.get("field", "")))
    detail.setdefault("level_label", LEVEL_LABELS.get(detail.get("level", ""), ""))
    text = WARNING_TEXTS.get(warning.code, warning.code).format(**detail)
    return f"第{warning.line}行：{text}" if warning.line else text
