"""Writes that move a problem's rectification status on: staff changes and reviewed progress updates.

Every status change goes through `change_status`, so the history (StatusChange) always records who,
when, why and from what, in the same transaction as the change itself.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from rectify.models import (
    Issue,
    IssueStatus,
    ProgressUpdate,
    Report,
    ReviewState,
    StatusChange,
    StatusSource,
)


def change_status(
    *,
    issue: Issue,
    status: str,
    user: AbstractBaseUser | None,
    note: str = "",
) -> StatusChange | None:
    """Set a problem's status as staff and record it; None when the problem already has that status."""
    if status not in IssueStatus.values:
        raise ValidationError(f"无效的整改状态：{status}")
    with transaction.atomic():
        # Lock the row so two reviewers acting at once record a consistent "from" status.
        issue = Issue.objects.select_for_update().get(pk=issue.pk)
        previous = issue.status
        if status == previous:
            return None
        issue.status = status
        issue.status_source = StatusSource.STAFF
        issue.save(update_fields=["status", "status_source", "updated_at"])
        return StatusChange.objects.create(
            issue=issue,
            status=status,
            previous_status=previous,
            source=StatusSource.STAFF,
            changed_by=user,
            note=note,
        )


def change_statuses(*, issues: Iterable[Issue], status: str, user: AbstractBaseUser | None, note: str = "") -> int:
    """Set the status of several problems in one transaction; return how many changed."""
    with transaction.atomic():
        changes = [change_status(issue=issue, status=status, user=user, note=note) for issue in issues]
    return sum(change is not None for change in changes)


def submit_update(*, issue: Issue, status: str, note: str, user: AbstractBaseUser) -> ProgressUpdate:
    """A unit editor reports progress: stored as pending, the problem itself does not change yet."""
    if status not in IssueStatus.values:
        raise ValidationError(f"无效的整改状态：{status}")
    return ProgressUpdate.objects.create(issue=issue, status=status, note=note, submitted_by=user)


def submit_updates(*, issues: Iterable[Issue], status: str, note: str, user: AbstractBaseUser) -> int:
    """File the same pending update for several problems, all or none; return how many."""
    with transaction.atomic():
        updates = [submit_update(issue=issue, status=status, note=note, user=user) for issue in issues]
    return len(updates)


def approve_update(
    *, update: ProgressUpdate, reviewer: AbstractBaseUser, comment: str = "", comment_is_public: bool = False
) -> ProgressUpdate:
    """Approve a pending update: the problem takes its status and the history records the change.

    The history's note is the unit's own words only, as the public timeline shows it: who filed and
    who reviewed stay on the update (accounts are never shown to the public), and so does the review
    comment, shown publicly only while `comment_is_public` is set.
    """
    with transaction.atomic():
        update = ProgressUpdate.objects.select_for_update().select_related("issue").get(pk=update.pk)
        _require_pending(update)
        update.status_change = change_status(issue=update.issue, status=update.status, user=reviewer, note=update.note)
        update.state = ReviewState.APPROVED
        update.reviewed_by, update.reviewed_at, update.review_comment = reviewer, timezone.now(), comment
        update.comment_is_public = comment_is_public
        update.save()
    return update


def set_comment_public(*, updates: Iterable[ProgressUpdate], public: bool) -> int:
    """Show or hide the review comments of reviewed updates on the public site; return how many changed."""
    ids = [update.pk for update in updates]
    reviewed = ProgressUpdate.objects.filter(pk__in=ids).exclude(state=ReviewState.PENDING).exclude(review_comment="")
    return reviewed.exclude(comment_is_public=public).update(comment_is_public=public)


def return_update(*, update: ProgressUpdate, reviewer: AbstractBaseUser, comment: str) -> ProgressUpdate:
    """Send a pending update back to its unit with a comment; nothing about the problem changes."""
    if not comment.strip():
        raise ValidationError("退回时必须填写审核意见")
    with transaction.atomic():
        update = ProgressUpdate.objects.select_for_update().get(pk=update.pk)
        _require_pending(update)
        update.state = ReviewState.RETURNED
        update.reviewed_by, update.reviewed_at, update.review_comment = reviewer, timezone.now(), comment
        update.save()
    return update


def set_published(*, reports: Iterable[Report], published: bool) -> int:
    """Publish or withdraw reports; return how many changed.

    A draft published now moves on the published problems it held back while a draft, oldest report
    first, exactly as if it had been imported published (load.publish_report).
    """
    from rectify.importer.load import publish_report

    ids = [report.pk for report in reports]
    changed = Report.objects.filter(pk__in=ids).exclude(is_published=published)
    if not published:
        return changed.update(is_published=False, updated_at=timezone.now())
    drafts = sorted(changed.select_related("inspection__unit"), key=lambda report: (report.date is None, report.date))
    with transaction.atomic():
        for report in drafts:
            publish_report(report)
    return len(drafts)


def _require_pending(update: ProgressUpdate) -> None:
    if update.state != ReviewState.PENDING:
        raise ValidationError(f"该报送已{update.get_state_display()}，不能再次审核")
