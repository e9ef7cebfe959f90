"""Atom feeds of newly published reports: all of them, one unit's, and those behind a filtered problem list."""

import datetime
from typing import NamedTuple

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from rectify.models import Report, Unit
from rectify.opendata import filtered_issues

FEED_LENGTH = 50


class IssueSelection(NamedTuple):
    issues: QuerySet
    query: str


def _as_datetime(date: datetime.date | None) -> datetime.datetime | None:
    if date is None:
        return None
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time()))


class ReportFeed(Feed):
    """All published reports, newest first."""

    feed_type = Atom1Feed

    def title(self, obj=None):
        return _("巡察整改公开：最新整改进展通报")

    def subtitle(self, obj=None):
        return _("各单位公开发布的巡察整改进展情况通报")

    def link(self, obj=None):
        return reverse("home")

    def reports(self, obj):
        return Report.objects.published()

    def items(self, obj=None):
        return (
            self.reports(obj)
            .defer("source_text", "parse_warnings")
            .select_related("inspection__unit")
            .with_problem_counts()
            .latest_first()[:FEED_LENGTH]
        )

    def item_title(self, item):
        return item.display_title

    def item_description(self, item):
        # Atom summaries are type="html": readers render them, so report text is escaped here.
        unit = item.inspection.unit
        return _("%(unit)s（%(region)s）公开问题 %(problems)d 个，其中已完成整改 %(completed)d 个。") % {
            "unit": escape(unit.name),
            "region": escape(unit.region or _("地区未标明")),
            "problems": item.problem_count,
            "completed": item.completed_count,
        }

    def item_link(self, item):
        return item.get_absolute_url()

    def item_author_name(self, item):
        return item.publisher or item.inspection.unit.name

    def item_pubdate(self, item):
        return _as_datetime(item.date) or item.imported_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [category for category in (item.inspection.kind, item.inspection.unit.region) if category]


class UnitReportFeed(ReportFeed):
    """One unit's published reports."""

    def get_object(self, request, pk):
        return get_object_or_404(Unit.objects.public(), pk=pk)

    def title(self, obj=None):
        return _("%(unit)s的巡察整改进展通报") % {"unit": obj.name}

    def link(self, obj=None):
        return reverse("unit_detail", args=[obj.pk])

    def reports(self, obj):
        return Report.objects.published().filter(inspection__unit=obj)

    def item_description(self, item):
        # Followers of one unit want each report's news: what moved on since the report before it.
        summary = super().item_description(item)
        changes = item.changes_since_previous()
        if changes is None:
            return summary
        counts = changes.counts()
        return summary + _(
            "较上一期通报：新完成整改 %(finished)d 个，状态有变化 %(moved)d 个，仍在整改 %(open)d 个，"
            "本期新增 %(added)d 个，上一期列出、本期未提及 %(dropped)d 个。"
        ) % {
            "finished": counts["newly_finished"],
            "moved": counts["moved_on"],
            "open": counts["still_open"],
            "added": counts["newly_added"],
            "dropped": counts["not_mentioned"],
        }


class IssueReportFeed(ReportFeed):
    """Reports disclosing the problems a problem-list query string matches (400 on bad values)."""

    def get_object(self, request):
        # The feed object is shared between requests: keep the query with the selection, not on self.
        return IssueSelection(issues=filtered_issues(request.GET), query=request.GET.urlencode())

    def title(self, obj=None):
        return _("巡察整改公开：所选问题的整改进展通报")

    def link(self, obj=None):
        try:
            path = reverse("issue_list")
        except NoReverseMatch:  # the problem list arrives with the pages branch
            path = reverse("api_docs")
        return f"{path}?{obj.query}" if obj.query else path

    def feed_url(self, obj=None):
        path = reverse("issue_feed")
        return f"{path}?{obj.query}" if obj.query else path

    def reports(self, obj):
        return Report.objects.published().filter(pk__in=obj.issues.values("report_id"))
