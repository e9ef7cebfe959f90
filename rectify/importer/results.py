"""What an import did: the front door's answer to its caller. Pure: the loader fills it in."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rectify.models import Report


@dataclass(frozen=True)
class StaffWorkKept:
    """What an import left as staff had it, where the report alone would have changed or removed it."""

    measures: int = 0  # measures the report no longer lists, kept (with their evidence) as earlier history
    evidence: int = 0  # evidence files on the problems the report touched, all still attached
    issues: int = 0  # problems a corrected report no longer lists, kept for the staff work on them
    statuses: int = 0  # statuses staff set after the report's date, not replaced by the report's
    corrections: int = 0  # fields staff corrected, not replaced by the report's wording
    held_back: int = 0  # published problems a draft report leaves as the public sees them until it is published

    def __bool__(self) -> bool:
        return any(vars(self).values())

    def describe(self) -> list[str]:
        """One line per kind of staff work kept, for the command's summary and the upload preview."""
        lines = {
            "evidence": "佐证材料 {} 份均保留在原措施上",
            "measures": "本通报未再列出的整改措施 {} 条予以保留（标注为较早通报所列）",
            "issues": "修订后的通报未再列出、但有工作人员录入内容的问题 {} 个予以保留",
            "statuses": "工作人员在通报日期之后设定的整改状态 {} 个未被覆盖",
            "corrections": "工作人员更正的字段 {} 处未被覆盖",
            "held_back": "已公开的问题 {} 个在本草稿公开前保持原状",
        }
        return [text.format(value) for field, text in lines.items() if (value := getattr(self, field))]


@dataclass(frozen=True)
class LoadResult:
    report: Report | None
    outcome: str  # created, updated, unchanged; with dry_run would_created, would_updated
    issue_count: int = 0
    measure_count: int = 0
    status_changes: int = 0
    kept: StaffWorkKept = StaffWorkKept()
    uncertain_matches: int = 0  # problems kept apart from a held one they may be, for staff to decide
