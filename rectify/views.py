"""Public, read-only pages. Only published reports and what they disclose are shown."""

from django.db.models import Count, Prefetch
from django.shortcuts import render
from django.views.decorators.http import require_safe
from django.views.generic import DetailView

from rectify.models import Category, Issue, IssueStatus, Measure, Report, Unit


@require_safe
def home(request):
    issues = Issue.objects.published()
    by_status = dict(issues.values_list("status").annotate(n=Count("id")).values_list("status", "n"))
    total = sum(by_status.values())
    context = {
        "totals": {
            "units": Unit.objects.filter(inspections__reports__is_published=True).distinct().count(),
            "reports": Report.objects.published().count(),
            "issues": total,
            "measures": Measure.objects.filter(issue__report__is_published=True).count(),
        },
        "status_rows": [
            {
                "code": code,
                "label": label,
                "count": by_status.get(code, 0),
                "share": round(100 * by_status.get(code, 0) / total) if total else 0,
            }
            for code, label in IssueStatus.choices
        ],
        "completed_share": round(100 * by_status.get(IssueStatus.COMPLETED, 0) / total) if total else 0,
        "reports": Report.objects.published().latest_first().select_related("inspection__unit")[:20],
        "units": Unit.objects.top_level()
        .filter(inspections__reports__is_published=True)
        .distinct()
        .with_progress()
        .order_by("region", "name"),
    }
    return render(request, "rectify/home.html", context)


class ReportDetailView(DetailView):
    http_method_names = ["get", "head"]
    template_name = "rectify/report_detail.html"

    def get_queryset(self):
        measures = Measure.objects.prefetch_related("acting_units").order_by("order")
        return (
            Report.objects.published()
            .select_related("inspection__unit")
            .prefetch_related(
                Prefetch(
                    "issues",
                    queryset=Issue.objects.select_related("category__parent")
                    .prefetch_related(Prefetch("measures", queryset=measures))
                    .order_by("order"),
                ),
                Prefetch("inspection__categories", queryset=Category.objects.order_by("order")),
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = self.object
        issues = list(report.issues.all())
        disclosed = {
            "issues": len(issues),
            "completed": sum(i.status == IssueStatus.COMPLETED for i in issues),
            "partial": sum(i.status == IssueStatus.PARTIAL for i in issues),
            "immediate": sum(i.immediate for i in issues),
        }
        context.update(
            issues=issues,
            disclosed=disclosed,
            declared_rows=_declared_rows(report, issues, disclosed),
        )
        return context


def _declared_rows(report, issues, disclosed):
    """Counts the report declares beside what it discloses; a gap the 不宜公开 count explains is no mismatch."""
    hidden = report.declared_undisclosed_count or 0
    top_categories = len({i.category.parent_id or i.category_id for i in issues if i.category})
    rows = [
        ("问题类别", report.declared_category_count, top_categories, 0),
        ("反馈问题", report.declared_issue_count, None, 0),
        ("具体表现形式", report.declared_manifestation_count, None, 0),
        ("不宜公开", report.declared_undisclosed_count, None, 0),
        ("公开的问题", _expected_disclosed(report), disclosed["issues"], 0),
        ("已完成整改", report.declared_completed_count, disclosed["completed"], hidden),
        ("阶段性完成", report.declared_partial_count, disclosed["partial"], hidden),
        ("立行立改", report.declared_immediate_count, disclosed["immediate"], hidden),
    ]
    return [
        {
            "label": label,
            "declared": declared,
            "found": found,
            "mismatch": declared is not None and found is not None and not 0 <= declared - found <= tolerance,
        }
        for label, declared, found, tolerance in rows
        if declared is not None or found
    ]


def _expected_disclosed(report):
    if report.declared_manifestation_count is not None:
        return report.declared_manifestation_count - (report.declared_undisclosed_count or 0)
    if report.declared_issue_count is not None:
        return report.declared_issue_count - (report.declared_undisclosed_count or 0)
    return None


class UnitDetailView(DetailView):
    http_method_names = ["get", "head"]
    template_name = "rectify/unit_detail.html"
    queryset = Unit.objects.select_related("parent")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        unit = self.object
        issues = Issue.objects.published().for_unit(unit)
        context.update(
            reports=Report.objects.published()
            .filter(inspection__unit=unit)
            .select_related("inspection")
            .latest_first(),
            status_counts=[(label, issues.filter(status=code).count()) for code, label in IssueStatus.choices],
            sub_units=unit.sub_units.all(),
            measures_acted=Measure.objects.filter(acting_units=unit, issue__report__is_published=True).count(),
        )
        return context
