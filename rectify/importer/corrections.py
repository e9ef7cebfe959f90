"""Staff corrections of a report's header facts, applied to what the parser read: records in, records out.

A correction names a fact by its key (below) and gives its value as text, as a web form posts it: a
date as YYYY-MM-DD, a count as digits, empty for "not stated". The loader applies the corrections
stored for a report to every later parse of it, so a correction survives re-imports.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Mapping
from typing import NamedTuple

from .records import ReportRecord
from .regions import describe_unit


class Fact(NamedTuple):
    label: str
    part: str  # unit, inspection or declared
    field: str
    kind: type  # str, datetime.date or int


# The facts staff may correct before confirming an upload, in the order the preview shows them.
CORRECTABLE_FACTS = {
    "unit.name": Fact("被巡察单位", "unit", "name", str),
    "inspection.inspector": Fact("巡察（巡视）组", "inspection", "inspector", str),
    "inspection.kind": Fact("巡察类型", "inspection", "kind", str),
    "inspection.start_date": Fact("进驻日期", "inspection", "start_date", datetime.date),
    "inspection.end_date": Fact("结束日期", "inspection", "end_date", datetime.date),
    "inspection.feedback_date": Fact("反馈日期", "inspection", "feedback_date", datetime.date),
    "report.declared.issues": Fact("报告所称问题数", "declared", "issues", int),
    "report.declared.categories": Fact("报告所称问题类别数", "declared", "categories", int),
    "report.declared.completed": Fact("报告所称已完成数", "declared", "completed", int),
}


class CorrectionError(ValueError):
    """A corrected value that cannot stand for its fact; the message names the fact, in Chinese."""


def fact_value(record: ReportRecord, key: str):
    """The value the parse gave a correctable fact."""
    fact = CORRECTABLE_FACTS[key]
    if fact.part == "declared":
        return getattr(record.report.declared, fact.field)
    return getattr(getattr(record, fact.part), fact.field)


def as_text(value) -> str:
    """A fact's value as a form shows it (empty for not stated)."""
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, datetime.date) else str(value)


def facts_as_read(record: ReportRecord) -> list[tuple[str, str, str, int | None]]:
    """Each correctable fact as the upload preview offers it: key, label, value read (as text), line read from."""
    lines = record.fact_lines()
    return [
        (key, fact.label, as_text(fact_value(record, key)), lines.get(key)) for key, fact in CORRECTABLE_FACTS.items()
    ]


def changed_facts(record: ReportRecord, facts: Mapping[str, str]) -> dict[str, str]:
    """The posted facts that differ from what the parser read: the corrections staff made."""
    return {
        key: value
        for key, value in facts.items()
        if key in CORRECTABLE_FACTS and value.strip() != as_text(fact_value(record, key))
    }


def parse_value(key: str, text: str):
    """The typed value of a correction; raise CorrectionError when the text is not one."""
    fact = CORRECTABLE_FACTS[key]
    text = text.strip()
    if not text:
        return None
    try:
        if fact.kind is datetime.date:
            return datetime.date.fromisoformat(text)
        if fact.kind is int:
            value = int(text)
            if value < 0:
                raise ValueError(text)
            return value
    except ValueError as exc:
        expected = "日期（如 2024-09-30）" if fact.kind is datetime.date else "非负整数"
        raise CorrectionError(f"{fact.label}：“{text}”不是{expected}") from exc
    return text[:200]


def apply_corrections(record: ReportRecord, corrections: dict[str, str]) -> ReportRecord:
    """The record with each corrected fact replaced; unknown keys are refused."""
    unknown = set(corrections) - set(CORRECTABLE_FACTS)
    if unknown:
        raise CorrectionError(f"不能更正的字段：{'、'.join(sorted(unknown))}")
    changes: dict[str, dict] = {"unit": {}, "inspection": {}, "declared": {}}
    for key, text in corrections.items():
        fact = CORRECTABLE_FACTS[key]
        changes[fact.part][fact.field] = parse_value(key, text)
    unit = record.unit
    if changes["unit"]:
        # Short name, region and level follow from the name: derived again from the corrected one.
        old = record.unit
        unit = describe_unit(changes["unit"]["name"], old.sub_units, named_as=old.named_as, lines=old.lines)
    inspection = dataclasses.replace(record.inspection, **changes["inspection"])
    report = dataclasses.replace(
        record.report, declared=dataclasses.replace(record.report.declared, **changes["declared"])
    )
    return dataclasses.replace(record, unit=unit, inspection=inspection, report=report)
