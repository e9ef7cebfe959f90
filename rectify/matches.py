"""Staff decisions on uncertain problem matches: the same problem (join them) or different (keep apart).

A decision is stored on the ProblemMatch, keyed by the report and the problem's key in it, so every
later import of that report follows it (load._match_held reads it).
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from rectify.importer.load import reapply_report
from rectify.models import MatchState, ProblemMatch


def confirm_match(*, match: ProblemMatch, user: AbstractBaseUser | None) -> ProblemMatch:
    """The report's problem is the held one: the report is applied again with the two joined."""
    return _decide(match, MatchState.CONFIRMED, user)


def split_match(*, match: ProblemMatch, user: AbstractBaseUser | None) -> ProblemMatch:
    """The report's problem is another problem: they stay apart, and no import asks again."""
    return _decide(match, MatchState.SPLIT, user)


def _decide(match: ProblemMatch, state: str, user) -> ProblemMatch:
    with transaction.atomic():
        match = ProblemMatch.objects.select_for_update().select_related("report").get(pk=match.pk)
        if match.state != MatchState.UNCERTAIN:
            raise ValidationError(f"该匹配已{match.get_state_display()}，不能再次确认")
        # Other pairs offered for the same problem of that report are settled by this decision too.
        ProblemMatch.objects.filter(report=match.report, parsed_key=match.parsed_key).exclude(pk=match.pk).filter(
            state=MatchState.UNCERTAIN
        ).delete()
        match.state, match.decided_by, match.decided_at = state, user, timezone.now()
        match.save()
        if state == MatchState.CONFIRMED:
            match.issue = None  # the separate problem goes when the report is applied again (unless staff worked on it)
            match.save(update_fields=["issue"])
            reapply_report(match.report)
    return match
