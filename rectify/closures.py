"""整改销号: a unit asks to close a problem with a statement and evidence; the office approves or returns it.

Approval closes the problem through progress.change_status, so the history records the closure like
any staff status change, and a later import keeps it unless a newer report says otherwise
(importer.load: a status staff set after a report's date stands against that report).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from rectify.models import ClosureEvidence, ClosureRequest, Issue, IssueStatus, ReviewState
from rectify.progress import change_status


def check_can_request(issue: Issue) -> None:
    """Refuse a request for a problem already completed or already awaiting a decision."""
    if issue.status == IssueStatus.COMPLETED:
        raise ValidationError("该问题已是“已完成整改”，无需申请销号。")
    if issue.closure_requests.pending().exists():
        raise ValidationError("该问题已有待审核的销号申请，请等待巡察办审核。")


def request_closure(
    *, issue: Issue, statement: str, files: Iterable[tuple[str, object]], user: AbstractBaseUser
) -> ClosureRequest:
    """File a closure request with its evidence files ((title, file) pairs), all or nothing."""
    files = list(files)
    if not statement.strip():
        raise ValidationError("请填写整改完成情况说明。")
    if not files:
        raise ValidationError("销号申请至少需要一份佐证材料。")
    check_can_request(issue)
    with transaction.atomic():
        closure = ClosureRequest.objects.create(issue=issue, statement=statement, submitted_by=user)
        for title, file in files:
            evidence = ClosureEvidence(request=closure, title=title, file=file)
            evidence.full_clean(exclude=["request"])
            evidence.save()
    return closure


def approve_closure(*, closure: ClosureRequest, reviewer: AbstractBaseUser) -> ClosureRequest:
    """Close the problem: status 已完成整改, recorded in its history with the unit's statement."""
    with transaction.atomic():
        closure = ClosureRequest.objects.select_for_update().select_related("issue").get(pk=closure.pk)
        _require_pending(closure)
        closure.status_change = change_status(
            issue=closure.issue,
            status=IssueStatus.COMPLETED,
            user=reviewer,
            note=f"整改销号（巡察办审核通过）：{closure.statement}",
        )
        closure.state = ReviewState.APPROVED
        closure.reviewed_by, closure.reviewed_at = reviewer, timezone.now()
        closure.save()
    return closure


def return_closure(*, closure: ClosureRequest, reviewer: AbstractBaseUser, comment: str) -> ClosureRequest:
    """Send the request back to the unit with the reason; the problem stays as it is."""
    if not comment.strip():
        raise ValidationError("退回时必须填写退回原因。")
    with transaction.atomic():
        closure = ClosureRequest.objects.select_for_update().get(pk=closure.pk)
        _require_pending(closure)
        closure.state = ReviewState.RETURNED
        closure.reviewed_by, closure.reviewed_at, closure.review_comment = reviewer, timezone.now(), comment
        closure.save()
    return closure


def _require_pending(closure: ClosureRequest) -> None:
    if closure.state != ReviewState.PENDING:
        raise ValidationError(f"该销号申请已{closure.get_state_display()}，不能再次审核")
