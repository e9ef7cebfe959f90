"""The statistics page: counters that say their as-of date, and charts drawn by rectify.charts."""

from django.db.models import Count, Max, Q
from django.db.models.functions import Coalesce, TruncMonth
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from rectify import charts
from rectify.models import Issue, IssueStatus, Report, overdue_condition, report_date

MAX_UNIT_BARS = 30


def status_bars(issues) -> list[charts.Bar]:
    """One bar per inspected unit with its problems by status; the units with most problems first."""
    counts: dict[tuple[int, str], dict[str, int]] = {}
    for unit_id, unit_name, status, n in issues.values_list(
        "inspection__unit_id", "inspection__unit__name", "status"
    ).annotate(n=Count("id")):
        counts.setdefault((unit_id, unit_name), {})[status] = n
    bars = [
        charts.Bar(
            label=name,
            segments=tuple(
                charts.Segment(code, _(label), by_status.get(code, 0)) for code, label in IssueStatus.choices
            ),
        )
        for (_unit_id, name), by_status in counts.items()
    ]
    bars.sort(key=lambda bar: (-bar.total, bar.label))
    return bars[:MAX_UNIT_BARS]


def completion_columns(issues) -> list[charts.Column]:
    """Completed share of the problems disclosed by the reports of each month.

    A report is placed by its best known date (report_date(): published, else signed, else the
    start of disclosure), as the report lists show and sort it; reports with none form a last
    column, so every published problem is counted somewhere.
    """
    rows = (
        issues.annotate(month=TruncMonth(report_date("report__")))
        .values("month")
        .annotate(
            total=Count("id"),
            completed=Count("id", filter=Q(status=IssueStatus.COMPLETED)),
            unknown=Count("id", filter=Q(status=IssueStatus.UNKNOWN)),
        )
        .order_by("month")
    )
    columns, undated = [], None
    for row in rows:
        counts = {"part": row["completed"], "total": row["total"], "unknown": row["unknown"]}
        if row["month"] is None:
            undated = charts.Column(label=_("无日期"), **counts)  # short: it labels a column
            continue
        label = _("%(year)d年%(month)d月") % {"year": row["month"].year, "month": row["month"].month}
        columns.append(charts.Column(label=label, **counts))
    return [*columns, undated] if undated else columns


@require_safe
def stats(request):
    issues = Issue.objects.published()
    reports = Report.objects.published()
    totals = issues.aggregate(
        problems=Count("id"),
        completed=Count("id", filter=Q(status=IssueStatus.COMPLETED)),
        open=Count("id", filter=Q(status__in=IssueStatus.open_values())),
        unknown=Count("id", filter=Q(status=IssueStatus.UNKNOWN)),
        overdue=Count("id", filter=overdue_condition()),
        immediate=Count("id", filter=Q(immediate=True)),
        last_issue_update=Max("updated_at"),
    )
    report_dates = reports.aggregate(
        count=Count("id"),
        as_of=Max(Coalesce("as_of_date", "published_date")),
        last_update=Max("updated_at"),
    )
    updates = [moment for moment in (totals["last_issue_update"], report_dates["last_update"]) if moment]
    bars = status_bars(issues)
    columns = completion_columns(issues)
    context = {
        "as_of": report_dates["as_of"],
        "last_update": max(updates) if updates else None,
        "counters": {
            "reports": report_dates["count"],
            "units": reports.values("inspection__unit").distinct().count(),
            "problems": totals["problems"],
            "completed": totals["completed"],
            "open": totals["open"],
            "unknown": totals["unknown"],
            "immediate": totals["immediate"],
            "overdue": totals["overdue"],
            "inferred_completed": issues.inferred_completed().count(),
            "completed_share": round(100 * totals["completed"] / totals["problems"]) if totals["problems"] else 0,
        },
        "bars": bars,
        "columns": columns,
        "statuses": IssueStatus.choices,
        # The charts escape every label themselves (rectify.charts), so their markup is safe to inline.
        "status_chart": mark_safe(
            charts.stacked_bars_svg(
                bars,
                title=_("各单位问题整改状态"),
                description=_("每个被巡察单位一条横条，按整改状态分段；条末为问题总数。"),
                chart_id="status-by-unit",
                empty_text=_("暂无数据"),
                label_lang="zh-CN",  # the bars are named after units, as the reports name them
            )
        ),
        "completion_chart": mark_safe(
            charts.columns_svg(
                columns,
                title=_("按通报日期月份的整改完成率"),
                description=_(
                    "每月的通报所公开问题中已完成整改的比例（绿色），其上灰色为整改状态未标明的比例；"
                    "通报按发布日期归月，未载明发布日期的按落款日期或公开期限起，三者皆无的列在最后。"
                ),
                chart_id="completion-over-time",
                unknown_label=IssueStatus.UNKNOWN.label,
                empty_text=_("暂无数据"),
            )
        ),
    }
    return render(request, "rectify/stats.html", context)
