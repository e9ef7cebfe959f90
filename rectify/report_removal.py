"""Withdrawing or deleting a report: what goes with it, what staff work is kept, and when deletion is refused.

Withdrawing (is_published off) changes nothing but visibility and is always possible. Deleting is
for a report uploaded by mistake: it takes the problems only this report lists, with their measures
and history. It is refused when any of them carries staff work (progress updates, evidence, closure
requests, a status or due date staff set), which is never deleted, or when another report lists the
same problems, whose history would be rewritten; withdrawing is offered instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q

from rectify.models import (
    ClosureRequest,
    Evidence,
    Issue,
    IssueDisclosure,
    Measure,
    ProblemMatch,
    ProgressUpdate,
    Report,
    StatusChange,
    StatusSource,
)


@dataclass
class RemovalPlan:
    report: Report
    problems: list[Issue] = field(default_factory=list)  # deleted with the report
    shared: int = 0  # problems another report lists too
    measures: int = 0
    history: int = 0  # status changes recorded from this report
    corrections: int = 0
    matches: int = 0
    staff_work: dict[str, int] = field(default_factory=dict)  # label -> count, on the problems above

    @property
    def can_delete(self) -> bool:
        return not self.shared and not any(self.staff_work.values())

    @property
    def reasons(self) -> list[str]:
        reasons = [f"{label} {count} 项" for label, count in self.staff_work.items() if count]
        if reasons:
            reasons = [f"这些问题上有工作人员录入的内容（{'、'.join(reasons)}），不能删除"]
        if self.shared:
            reasons.append(f"其中 {self.shared} 个问题也见于其他通报，删除会改写这些问题的历史")
        return reasons


def removal_plan(report: Report) -> RemovalPlan:
    """What deleting `report` would delete, and what stands in its way; reads only."""
    mentioned = Issue.objects.filter(Q(report=report) | Q(disclosures__report=report)).distinct()
    elsewhere = IssueDisclosure.objects.filter(issue__in=mentioned.values("pk")).exclude(report=report)
    shared_ids = set(elsewhere.values_list("issue_id", flat=True)) | set(
        mentioned.exclude(report=report).values_list("pk", flat=True)
    )
    problems = list(mentioned.exclude(pk__in=shared_ids).select_related("inspection__unit").order_by("order"))
    ids = [issue.pk for issue in problems]
    staff_statuses = StatusChange.objects.filter(issue__in=ids, source=StatusSource.STAFF)
    return RemovalPlan(
        report=report,
        problems=problems,
        shared=len(shared_ids),
        measures=Measure.objects.filter(issue__in=ids).count(),
        history=StatusChange.objects.filter(report=report).count(),
        corrections=report.corrections.count(),
        matches=ProblemMatch.objects.filter(report=report).count(),
        staff_work={
            "整改进展报送": ProgressUpdate.objects.filter(issue__in=ids).count(),
            "佐证材料": Evidence.objects.filter(measure__issue__in=ids).count(),
            "销号申请": ClosureRequest.objects.filter(issue__in=ids).count(),
            "工作人员设置的状态": staff_statuses.count(),
            "工作人员设定的期限": sum(issue.due_basis == "staff" for issue in problems),
        },
    )


def delete_report(report: Report) -> RemovalPlan:
    """Delete the report and the problems only it lists, in one transaction; refuse as removal_plan says."""
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report.pk)
        plan = removal_plan(report)
        if not plan.can_delete:
            raise ValueError("；".join(plan.reasons))
        ProblemMatch.objects.filter(report=report).delete()
        Issue.objects.filter(pk__in=[issue.pk for issue in plan.problems]).delete()
        report.delete()
    return plan
