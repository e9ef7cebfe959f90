"""Daily deadline reminders: one digest per unit editor, one per unit for the office.

A digest lists the problems that turned yellow or red, or were returned for rework, since the last
digest. Every change reported is stored (ReminderSent, keyed by problem, kind and change), so no
later run repeats it; `plan_digests` only reads, `send_digests` sends and records.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from rectify.models import (
    ClosureRequest,
    Issue,
    ProgressUpdate,
    ReminderKind,
    ReminderSent,
    ReviewState,
    UnitEditor,
    WarningLevel,
)
from rectify.roles import OFFICE

# The first run reports returns of this many days back; later runs those since the last digest.
FIRST_DIGEST_DAYS = 7
KIND_ORDER = [ReminderKind.RED, ReminderKind.YELLOW, ReminderKind.RETURNED]


@dataclass(frozen=True)
class Change:
    """One thing a digest reports about one problem; (issue, kind, change) is its key in ReminderSent."""

    issue: Issue
    kind: str
    change: str
    detail: str


@dataclass
class Digest:
    """One e-mail: to one unit editor (their units' changes) or to the office (one unit's changes)."""

    to: list[str]
    greeting: str
    scope: str  # the units it covers, for the subject line
    changes: list[Change] = field(default_factory=list)

    @property
    def subject(self) -> str:
        return f"整改期限提醒：{self.scope} {len(self.changes)} 项"

    @property
    def body(self) -> str:
        lines = [f"{self.greeting}，您好：", "", "自上次提醒以来，以下问题需要关注：", ""]
        by_kind = defaultdict(list)
        for change in self.changes:
            by_kind[change.kind].append(change)
        for kind in KIND_ORDER:
            if not by_kind[kind]:
                continue
            lines.append(f"【{ReminderKind(kind).label}】")
            for change in by_kind[kind]:
                issue = change.issue
                lines.append(f"- {issue.inspection.unit.name} · {issue}（{change.detail}）")
                lines.append(f"  {issue_admin_url(issue)}")
            lines.append("")
        lines.append("此邮件由整改台账系统每日自动发送。不想再收到，请在管理后台“我的提醒设置”中取消。")
        return "\n".join(lines)


def issue_admin_url(issue: Issue) -> str:
    return settings.RECTIFY_SITE_URL.rstrip("/") + reverse("admin:rectify_issue_change", args=[issue.pk])


def pending_changes(*, today: datetime.date | None = None, now: datetime.datetime | None = None) -> list[Change]:
    """What no digest has reported yet: problems now yellow or red, and returns since the last digest."""
    today = today or timezone.localdate()
    now = now or timezone.now()
    changes = []
    warned = (
        Issue.objects.with_staff_warning(today)
        .filter(warning__in=[WarningLevel.YELLOW, WarningLevel.RED])
        .select_related("inspection__unit")
        .order_by("inspection__unit__name", "inspection", "order")
    )
    for issue in warned:
        estimated = "，期限为估算" if issue.warning_estimated else ""
        changes.append(
            Change(
                issue, issue.warning, f"due:{issue.due_date:%Y-%m-%d}", f"整改期限 {issue.due_date:%Y-%m-%d}{estimated}"
            )
        )
    last = ReminderSent.objects.order_by("-sent_at").values_list("sent_at", flat=True).first()
    since = last or now - datetime.timedelta(days=FIRST_DIGEST_DAYS)
    for prefix, model, label in (("progress", ProgressUpdate, "进展报送"), ("closure", ClosureRequest, "销号申请")):
        returned = model.objects.filter(state=ReviewState.RETURNED, reviewed_at__gt=since, reviewed_at__lte=now)
        for item in returned.select_related("issue__inspection__unit").order_by("reviewed_at"):
            changes.append(
                Change(
                    item.issue, ReminderKind.RETURNED, f"{prefix}:{item.pk}", f"{label}被退回：{item.review_comment}"
                )
            )
    # Read whole rather than by a list of ids: a first run can warn on more problems than SQLite
    # takes parameters, and the table holds one short row per change reported.
    sent = set(ReminderSent.objects.values_list("issue_id", "kind", "change"))
    return [change for change in changes if (change.issue.pk, change.kind, change.change) not in sent]


def _wants_reminders(users):
    """Active users with an address who have not opted out (no preference row means yes)."""
    return (
        users.filter(is_active=True)
        .exclude(email="")
        .exclude(staff_preference__receives_reminders=False)
        .order_by("username")
    )


def plan_digests(changes: list[Change]) -> list[Digest]:
    """The e-mails these changes make: each editor's units together, the office's unit by unit."""
    User = get_user_model()
    # Editors answer for their assigned units and those units' sub-units (roles.editable_units).
    covered: dict[int, set[int]] = defaultdict(set)  # assigned unit -> changed units it answers for
    for unit in {change.issue.inspection.unit for change in changes}:
        covered[unit.pk].add(unit.pk)
        if unit.parent_id:
            covered[unit.parent_id].add(unit.pk)
    assignments = UnitEditor.objects.filter(unit__in=list(covered), user__in=_wants_reminders(User.objects.all()))
    units_of_user: dict[int, set[int]] = defaultdict(set)
    for user_id, unit_id in assignments.values_list("user_id", "unit_id"):
        units_of_user[user_id] |= covered[unit_id]
    by_user = {
        user_id: [change for change in changes if change.issue.inspection.unit_id in units]
        for user_id, units in units_of_user.items()
    }
    digests: list[Digest] = []
    users = User.objects.in_bulk(list(by_user))
    for user_id, user_changes in sorted(by_user.items(), key=lambda item: users[item[0]].username):
        if not user_changes:
            continue
        user = users[user_id]
        names = sorted({change.issue.inspection.unit.name for change in user_changes})
        scope = names[0] if len(names) == 1 else f"{names[0]}等 {len(names)} 个单位"
        digests.append(Digest([user.email], user.get_full_name() or user.username, scope, user_changes))
    office = _wants_reminders(User.objects.filter(Q(is_superuser=True) | Q(groups__name=OFFICE)).distinct())
    office_addresses = list(dict.fromkeys(office.values_list("email", flat=True)))
    if office_addresses:
        by_unit: dict[int, list[Change]] = defaultdict(list)
        for change in changes:
            by_unit[change.issue.inspection.unit_id].append(change)
        for unit_changes in by_unit.values():
            unit = unit_changes[0].issue.inspection.unit
            digests.append(Digest(office_addresses, "巡察办", unit.name, unit_changes))
    return digests


@dataclass
class SendResult:
    digests: int = 0
    changes: int = 0
    failures: list[str] = field(default_factory=list)


def send_digests(digests: list[Digest], *, now: datetime.datetime | None = None) -> SendResult:
    """Send each digest and record every change that reached at least one address."""
    now = now or timezone.now()
    result = SendResult()
    reached: dict[tuple[int, str, str], tuple[Change, set[str]]] = {}
    for digest in digests:
        try:
            send_mail(digest.subject, digest.body, None, digest.to)
        except OSError as exc:  # SMTP errors are OSErrors; the other digests still go out
            result.failures.append(f"{'、'.join(digest.to)}：{exc}")
            continue
        result.digests += 1
        for change in digest.changes:
            key = (change.issue.pk, change.kind, change.change)
            reached.setdefault(key, (change, set()))[1].update(digest.to)
    with transaction.atomic():
        ReminderSent.objects.bulk_create(
            [
                ReminderSent(
                    issue=change.issue, kind=change.kind, change=change.change, recipients=sorted(to), sent_at=now
                )
                for change, to in reached.values()
            ],
            ignore_conflicts=True,  # a run started meanwhile recorded it first: still recorded once
        )
    result.changes = len(reached)
    return result
