"""Public, read-only pages. Only published reports and what they disclose are shown."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q, Sum
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from django.views.generic import DetailView, ListView
from django_filters.views import FilterView

from rectify import caching, charts, search
from rectify.filters import MEASURE_STATE_LABELS, STATUS_LABELS, IssueFilter, ReportFilter, UnitFilter
from rectify.importer.text import split_lines
from rectify.models import (
    Evidence,
    Inspection,
    Issue,
    IssueDisclosure,
    IssueStatus,
    Measure,
    MoneyAmount,
    Report,
    StatusChange,
    Unit,
    overdue_condition,
)

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
SEARCH_PAGE_SIZE = 20


class ReadOnlyMixin:
    http_method_names = ["get", "head"]


class CappedPaginationMixin:
    """`?per_page=` chooses the page size, capped so no query string can ask for the whole table."""

    paginate_by = DEFAULT_PAGE_SIZE

    def get_paginate_by(self, queryset):
        try:
            wanted = int(self.request.GET.get("per_page", self.paginate_by))
        except ValueError:
            return self.paginate_by
        return max(1, min(wanted, MAX_PAGE_SIZE))


def _status_rows(by_status: dict[str, int]) -> list[dict]:
    """One row per status with its share drawn in the status's colour; 未标明 is marked `unknown`,
    so tables show it apart from the statuses a report states."""
    total = sum(by_status.values())
    rows = []
    for code in IssueStatus.values:
        count = by_status.get(code, 0)
        share = round(100 * count / total) if total else 0
        label = STATUS_LABELS[code]
        rows.append(
            {
                "code": code,
                "label": label,
                "count": count,
                "share": share,
                "unknown": code == IssueStatus.UNKNOWN,
                # charts escape the label themselves, so the markup is safe to inline.
                "bar": mark_safe(charts.share_bar_svg(share, key=code, label=str(label))),
            }
        )
    return rows


def _count_by_status(issues) -> dict[str, int]:
    return dict(issues.order_by().values_list("status").annotate(n=Count("id")).values_list("status", "n"))


HOME_UNITS = 20


@require_safe
def home(request):
    counts = caching.remembered("home", _home_counts)
    by_status, total = counts["by_status"], counts["totals"]["issues"]
    context = {
        "totals": counts["totals"],
        "status_rows": _status_rows(by_status),
        "completed_share": round(100 * by_status.get(IssueStatus.COMPLETED, 0) / total) if total else 0,
        "reports": Report.objects.published()
        .latest_first()
        .select_related("inspection__unit")
        .defer("source_text")[:10],
        "units": recently_reported_units(HOME_UNITS),
    }
    return render(request, "rectify/home.html", context)


def _home_counts() -> dict:
    # Measures are counted as all minus the few of unpublished drafts: a whole-table count is one
    # index pass, where joining each of a million measures to its problem grew with the archive.
    draft_issues = Issue.objects.filter(is_published__in=[False])
    published_inspections = Inspection.objects.filter(reports__is_published=True)
    by_status = _count_by_status(Issue.objects.published())
    return {
        "by_status": by_status,
        "totals": {
            "units": published_inspections.values("unit").distinct().count(),
            "inspections": published_inspections.values("pk").distinct().count(),
            "reports": Report.objects.published().count(),
            "issues": sum(by_status.values()),
            "measures": Measure.objects.count() - Measure.objects.filter(issue__in=draft_issues).count(),
        },
    }


def recently_reported_units(limit: int) -> list[Unit]:
    """The units of the latest published reports, newest first, with their progress.

    The home page shows these few and links to the unit list, so its work stays the same however
    many units the archive holds.
    """
    unit_ids = []
    latest = Report.objects.published().latest_first().values_list("inspection__unit", flat=True)
    for unit_id in latest[: limit * 5].iterator():
        if unit_id not in unit_ids:
            unit_ids.append(unit_id)
            if len(unit_ids) == limit:
                break
    units = Unit.objects.filter(pk__in=unit_ids).with_progress().in_bulk()
    return [units[pk] for pk in unit_ids if pk in units]


class ReportListView(ReadOnlyMixin, CappedPaginationMixin, FilterView):
    template_name = "rectify/report_list.html"
    context_object_name = "reports"
    filterset_class = ReportFilter

    def get_queryset(self):
        # No counts here: grouped, every report would be counted before the newest page is picked.
        return Report.objects.published().latest_first().select_related("inspection__unit").defer("source_text")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        reports = list(context["reports"])
        counts = (
            Report.objects.filter(pk__in=[report.pk for report in reports])
            .with_disclosed_progress()
            .annotate(issue_count=Count("issues"))
            .values("pk", "issue_count", "disclosed_count", "disclosed_completed")
        )
        by_report = {row.pop("pk"): row for row in counts}
        for report in reports:
            vars(report).update(by_report[report.pk])  # as annotations would, for this page only
        # The selects' regions, years and units change only with the archive: counted once per version.
        options = caching.remembered("report-filter-options", self.filterset.options)
        # The problem exports read year and kind otherwise (inspection's year, 常规/专项): no links then.
        chosen = any(self.request.GET.get(name) for name in self.filterset.filters)
        context.update(reports=reports, object_list=reports, filter_options=options, filters_chosen=chosen)
        return context

    def render_to_response(self, context, **kwargs):
        if self.filterset.is_bound and not self.filterset.is_valid():
            kwargs["status"] = 400
        return super().render_to_response(context, **kwargs)


class ReportDetailView(ReadOnlyMixin, DetailView):
    template_name = "rectify/report_detail.html"

    def get_queryset(self):
        measures = Measure.objects.order_by("order")
        return (
            Report.objects.published()
            .with_original()
            .select_related("inspection__unit")
            .prefetch_related(
                Prefetch(
                    "issues",
                    queryset=Issue.objects.select_related("category__parent")
                    .with_inferred_status()
                    .prefetch_related(Prefetch("measures", queryset=measures))
                    .order_by("order"),
                ),
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = self.object
        issues = list(report.issues.all())
        _label_states(issues)
        disclosed = {
            "issues": len(issues),
            "completed": sum(i.status == IssueStatus.COMPLETED for i in issues),
            "partial": sum(i.status == IssueStatus.PARTIAL for i in issues),
            "immediate": sum(i.immediate for i in issues),
        }
        # Problems this report listed that a later report has since moved on: shown as this report put them.
        updated_later = (
            IssueDisclosure.objects.public()
            .filter(report=report)
            .exclude(issue__report=report)
            .select_related("issue__report")
            .order_by("order")
        )
        changes = report.changes_since_previous()
        context.update(
            issues=issues,
            inferred_completed_label=str(_("据措施推断已完成")),
            disclosed=disclosed,
            declared_rows=_declared_rows(report, issues, disclosed),
            changes=changes,
            corrected_facts=sorted({c.label for c in report.corrections.all()}),
            change_groups=_change_groups(changes) if changes else [],
            updated_later=updated_later,
            unit_neighbours=report.unit_neighbours(),
        )
        return context


def _change_groups(changes) -> list[tuple[str, list, bool]]:
    """The report's changes as headed lists, in the order a reader asks about them."""
    return [
        (_("新完成整改"), changes.newly_finished, True),
        (_("状态有变化"), changes.moved_on, True),
        (_("仍在整改"), changes.still_open, True),
        (_("本期新增"), changes.newly_added, False),
        (_("可能是已有问题，待巡察办核实"), changes.pending_match, False),
        (_("上一期列出、本期未提及"), changes.not_mentioned, False),
    ]


def _label_states(issues):
    """Give each problem and measure its translated status label, translating each label once.

    A `{% translate %}` per measure was a large share of a long report's rendering time.
    """
    status_labels = {code: str(label) for code, label in STATUS_LABELS.items()}
    state_labels = {code: str(label) for code, label in MEASURE_STATE_LABELS.items()}
    for issue in issues:
        issue.status_label = status_labels.get(issue.status, issue.status)
        for measure in issue.measures.all():
            measure.state_label = state_labels.get(measure.state, measure.state)


def _declared_rows(report, issues, disclosed):
    """Counts the report declares beside what it discloses; a gap the 不宜公开 count explains is no mismatch."""
    hidden = report.declared_undisclosed_count or 0
    top_categories = len({i.category.parent_id or i.category_id for i in issues if i.category})
    rows = [
        (_("问题类别"), report.declared_category_count, top_categories, 0),
        (_("反馈问题"), report.declared_issue_count, None, 0),
        (_("具体表现形式"), report.declared_manifestation_count, None, 0),
        (_("不宜公开"), report.declared_undisclosed_count, None, 0),
        (_("公开的问题"), _expected_disclosed(report), disclosed["issues"], 0),
        (_("已完成整改"), report.declared_completed_count, disclosed["completed"], hidden),
        (_("阶段性完成"), report.declared_partial_count, disclosed["partial"], hidden),
        (_("立行立改"), report.declared_immediate_count, disclosed["immediate"], hidden),
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


class InspectionDetailView(ReadOnlyMixin, DetailView):
    """One inspection: its published reports in order and each problem's stated status report by report."""

    template_name = "rectify/inspection_detail.html"
    queryset = Inspection.objects.filter(reports__is_published=True).distinct().select_related("unit")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        reports, rows = self.object.status_grid()
        context.update(reports=reports, rows=rows)
        return context


class ReportSourceView(ReadOnlyMixin, DetailView):
    """The report as published, line by line, with the lines the parser read as problems or measures marked."""

    template_name = "rectify/report_source.html"
    context_object_name = "report"

    def get_queryset(self):
        return Report.objects.published().select_related("inspection__unit")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        issue_lines = Issue.objects.filter(report=self.object).values_list("pk", "source_line_start", "source_line_end")
        measures = Measure.objects.filter(issue__report=self.object, source_line__isnull=False)
        context["lines"] = source_lines(
            self.object.source_text,
            issue_lines=issue_lines,
            measure_lines=measures.values_list("source_line", "issue_id"),
            fact_lines=self.object.fact_lines or {},
        )
        return context


FACT_LABELS = {
    "title": _("标题"),
    "unit.name": _("单位全称"),
    "unit.named_as": _("被巡察单位"),
    "inspection.inspector": _("巡察组"),
    "inspection.inspector_level": None,
    "inspection.inspection_type": None,
    "inspection.kind": _("巡察类型"),
    "inspection.round": _("轮次"),
    "inspection.start_date": _("进驻日期"),
    "inspection.end_date": _("结束日期"),
    "inspection.feedback_date": _("反馈日期"),
    "report.published_date": _("发布日期"),
    "report.signed_date": _("落款日期"),
    "report.publisher": _("发布机构"),
    "report.declared.categories": _("所称问题类别数"),
    "report.declared.issues": _("所称问题数"),
    "report.declared.manifestations": _("所称具体问题数"),
    "report.declared.completed": _("所称已完成数"),
    "report.declared.partial": _("所称阶段性完成数"),
    "report.declared.immediate": _("所称立行立改数"),
    "report.declared.undisclosed": _("所称不宜公开数"),
}


def source_lines(text, *, issue_lines, measure_lines, fact_lines=None):
    """Number the text's lines as the importer did; tag each with the problem or measure read from it.

    issue_lines: (issue pk, first line, last line); measure_lines: (line, issue pk);
    fact_lines: {"inspection.feedback_date": 3, ...}, the header facts read from each line.
    """
    facts: dict[int, list[str]] = {}
    for key, number in (fact_lines or {}).items():
        if label := FACT_LABELS.get(key):
            facts.setdefault(number, []).append(str(label))
    marks = {}
    for issue_id, start, end in issue_lines:
        if start:
            for number in range(start, (end or start) + 1):
                marks[number] = ("issue", issue_id, number == start)
    for number, issue_id in measure_lines:
        marks[number] = ("measure", issue_id, marks.get(number, (None, None, False))[2])
    rows = []
    for number, line in enumerate(split_lines(text), start=1):
        kind, issue_id, starts_issue = marks.get(number, ("", None, False))
        rows.append(
            {
                "number": number,
                "text": line,
                "kind": kind or ("fact" if number in facts else ""),
                "issue_id": issue_id,
                "starts_issue": starts_issue,
                "facts": facts.get(number, []),
            }
        )
    return rows


class UnitListView(ReadOnlyMixin, CappedPaginationMixin, FilterView):
    template_name = "rectify/unit_list.html"
    filterset_class = UnitFilter
    paginate_by = 50

    def get_queryset(self):
        # Meta.ordering does not apply to GROUP BY queries: order explicitly so pages stay stable.
        published_reports = Q(inspections__reports__is_published=True)
        return (
            Unit.objects.public()
            .with_progress()
            .annotate(report_count=Count("inspections__reports", filter=published_reports, distinct=True))
            .order_by("region", "name")
        )

    def render_to_response(self, context, **kwargs):
        if self.filterset.is_bound and not self.filterset.is_valid():
            kwargs["status"] = 400
        return super().render_to_response(context, **kwargs)


class UnitDetailView(ReadOnlyMixin, DetailView):
    template_name = "rectify/unit_detail.html"
    queryset = Unit.objects.public().select_related("parent")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        unit = self.object
        issues = Issue.objects.published().for_unit(unit)
        by_status = _count_by_status(issues)
        reports = Report.objects.published().oldest_first()
        inspections = (
            Inspection.objects.for_unit(unit)
            .filter(reports__is_published=True)
            .distinct()
            .prefetch_related(Prefetch("reports", queryset=reports))
        )
        recovered = (
            MoneyAmount.objects.recovered()
            .filter(issue__in=issues)
            .values("kind")
            .annotate(yuan=Sum("yuan"), n=Count("id"))
            .order_by("-yuan")
        )
        progress = unit.progress_by_report()
        context.update(
            inspections=inspections,
            progress_chart=_progress_chart(progress) if len(progress) > 1 else "",
            status_rows=_status_rows(by_status),
            issue_total=sum(by_status.values()),
            completed_count=by_status.get(IssueStatus.COMPLETED, 0),
            overdue_count=issues.overdue().count(),
            recovered=recovered,
            scorecard=unit_scorecard(unit),
            sub_units=unit.sub_units.all(),
            measures_acted=Measure.objects.filter(acting_units=unit, issue__is_published=True).count(),
            # Exports and feeds on this page cover this unit's problems, as the problem list would.
            export_query=urlencode({"unit": unit.pk}),
        )
        return context


def _progress_chart(progress) -> str:
    columns = [
        charts.Column(f"{report.date:%Y-%m}" if report.date else str(_("日期未标明")), completed, total)
        for report, completed, total in progress
    ]
    return charts.columns_svg(
        columns,
        title=str(_("各期通报后的整改完成率")),
        description=str(_("每期通报之后，该单位被巡察问题中已载明完成的比例")),
        chart_id="unit-progress",
    )


SCORECARD_TOP = 10
SCORECARD_AROUND = 2


def unit_scorecard(unit, today=None):
    """The unit beside the units of its level: problems, share completed, overdue; best share first.

    Every peer is ranked, but only the top ten and the unit's neighbours are returned: a level
    holds hundreds of units, and the page needs the leaders and where this unit stands.
    """
    if not unit.level:
        return []
    counts = (
        Issue.objects.published()
        .filter(inspection__unit__level=unit.level)
        .values("inspection__unit")
        .annotate(
            issue_count=Count("pk"),
            completed_count=Count("pk", filter=Q(status=IssueStatus.COMPLETED)),
            overdue_count=Count("pk", filter=overdue_condition(today)),
        )
        .order_by()
    )
    counts = {row.pop("inspection__unit"): row for row in counts}
    names = dict(Unit.objects.filter(pk__in=counts).values_list("pk", "name"))
    ranked = sorted(counts.items(), key=lambda item: (-_share(item[1]), item[1]["overdue_count"], names[item[0]]))
    own_rank = next((rank for rank, (pk, row) in enumerate(ranked) if pk == unit.pk), None)
    rows = []
    for rank, (pk, row) in enumerate(ranked):
        near_self = own_rank is not None and abs(rank - own_rank) <= SCORECARD_AROUND
        if rank >= SCORECARD_TOP and not near_self:
            continue
        peer = Unit(pk=pk, name=names[pk])
        vars(peer).update(row)  # issue_count, completed_count, overdue_count, as an annotation would
        rows.append({"unit": peer, "share": _share(row), "is_self": pk == unit.pk, "rank": rank + 1})
    return rows


def _share(counts: dict) -> int:
    return round(100 * counts["completed_count"] / counts["issue_count"])


class IssueListView(ReadOnlyMixin, CappedPaginationMixin, FilterView):
    """All published problems, filtered by the query string, with facet counts beside each choice."""

    template_name = "rectify/issue_list.html"
    filterset_class = IssueFilter
    context_object_name = "issues"

    def get_queryset(self):
        return Issue.objects.published()

    def get(self, request, *args, **kwargs):
        self.filterset = self.get_filterset(self.get_filterset_class())
        valid = not self.filterset.is_bound or self.filterset.is_valid()
        if valid:
            rows = self.filterset.qs.select_related("inspection__unit", "report", "category__parent")
            self.object_list = rows.with_warning().with_inferred_status()
        else:
            self.object_list = self.filterset.queryset.none()
        facets = self._facets() if valid else []
        context = self.get_context_data(
            filter=self.filterset,
            object_list=self.object_list,
            facets=facets,
            facet_lists=facet_lists(request.GET, facets),
            active_filters=_active_filters(request, facets, rejected=set(self.filterset.form.errors)),
        )
        return self.render_to_response(context, status=200 if valid else 400)

    def _facets(self):
        # Facet counts group every matching problem, several times over; the same filters give
        # the same counts until the archive changes. Keyed by the validated filter values alone, so
        # no query string can store counts under another filter's key (page, sort and unknown
        # parameters do not change them).
        return caching.remembered("issue-facets", self.filterset.facets, self.filterset.facets_key())


def _active_filters(request, facets, *, rejected=frozenset()):
    """The chosen filter values, each with the address of this list without it (page reset).

    A filter given several values (?status=a&status=b) lists each, and each link drops that one only.
    Values the filters rejected are left out of every such address: they would be rejected again.
    """
    labels = {facet.name: (facet.label, {c.value: c.label for c in facet.choices}) for facet in facets}
    active = []
    for name, values in request.GET.lists():
        if name in ("page", "per_page", "sort"):
            continue
        label, choices = labels.get(name, (_("关键词") if name == "q" else name, {}))
        for value in values:
            if not value:
                continue
            remaining = _toggled(request.GET, name, value)
            for removed in {"page", *rejected}:
                remaining.pop(removed, None)
            active.append({"label": label, "value": choices.get(value, value), "remove_query": remaining.urlencode()})
    return active


def _toggled(query, name: str, value: str):
    """A copy of the query string with `value` of `name` added, or removed if it was there."""
    toggled = query.copy()
    values = toggled.getlist(name)
    toggled.setlist(name, [v for v in values if v != value] if value in values else [*values, value])
    return toggled


FACET_LIST_SIZE = 8


def facet_lists(query, facets, *, size: int = FACET_LIST_SIZE) -> list[dict]:
    """Each facet's values as links that add or remove that value, with counts, as Datasette lists them.

    Choosing several values of one facet shows problems with any of them; the counts are those the
    selects show (each counted without the facet's own filter). The selected values, then the
    `size` most frequent others, are listed; the select beside offers the rest.
    """
    lists = []
    for facet in facets:
        selected = [choice for choice in facet.choices if choice.selected]
        others = [choice for choice in facet.choices if not choice.selected and choice.count]
        shown = selected + sorted(others, key=lambda choice: -choice.count)[:size]
        items = []
        for choice in shown:
            toggled = _toggled(query, facet.name, choice.value)
            toggled.pop("page", None)
            items.append({"choice": choice, "query": toggled.urlencode()})
        if items:
            lists.append({"facet": facet, "items": items, "hidden": len(others) + len(selected) - len(shown)})
    return lists


class IssueDetailView(ReadOnlyMixin, DetailView):
    template_name = "rectify/issue_detail.html"
    context_object_name = "issue"

    def get_queryset(self):
        history = StatusChange.objects.public().select_related("report", "progress_update").order_by("changed_at", "pk")
        disclosures = IssueDisclosure.objects.public().select_related("report__inspection__unit")
        evidence = Evidence.objects.public().order_by("uploaded_at", "pk")
        measures = Measure.objects.prefetch_related(
            "acting_units", Prefetch("evidence", queryset=evidence, to_attr="public_evidence")
        ).order_by("order")
        return (
            Issue.objects.published()
            .with_warning()
            .with_inferred_status()
            .select_related("inspection__unit", "report", "category__parent")
            .prefetch_related(
                Prefetch("status_changes", queryset=history),
                Prefetch("disclosures", queryset=disclosures.in_report_order(), to_attr="by_report"),
                Prefetch("measures", queryset=measures),
                "amounts",
            )
        )


@require_safe
def search_page(request):
    """Published problems containing the query, newest report first, grouped by report, matches highlighted."""
    query = search.normalise_query(request.GET.get("q", ""))
    context = {"query": query, "groups": [], "issue_count": 0}
    if query:
        hits = search.published_issues(
            query, Issue.objects.select_related("report__inspection__unit", "category__parent")
        )
        page = Paginator(hits, SEARCH_PAGE_SIZE).get_page(request.GET.get("page"))
        shown = list(page.object_list)
        matching_measures = search.matching_measures(shown, query)
        groups = {}
        for issue in shown:
            issue.matching_measures = matching_measures.get(issue.pk, [])
            groups.setdefault(issue.report, []).append(issue)
        context.update(
            groups=[{"report": report, "issues": issues} for report, issues in groups.items()],
            issue_count=hits.count(),
            page_obj=page,
            paginator=page.paginator,
            is_paginated=page.has_other_pages(),
        )
    return render(request, "rectify/search.html", context)


# The league table's columns: query-string key -> (UnitReportCard attribute, sorted highest first by default).
LEAGUE_COLUMNS = {
    "name": ("name", False),
    "issues": ("issue_count", True),
    "completion": ("completion", True),
    "open": ("open_count", True),
    "overdue": ("overdue_count", True),
    "last_report": ("last_report_date", True),
}
LEAGUE_DEFAULT_SORT = "-completion"


def league_sort(value: str) -> tuple[str, bool]:
    """The league column and direction `?sort=` asks for ("-open": open, descending); unknown keys sort by default."""
    key = value.removeprefix("-")
    if key not in LEAGUE_COLUMNS:
        return league_sort(LEAGUE_DEFAULT_SORT)
    return key, value.startswith("-")


def sorted_cards(cards, key: str, descending: bool) -> list:
    """The report cards by one column; units without a value (no problems, no dated report) last either
    way, ties by name, so a page never shuffles."""
    attribute = LEAGUE_COLUMNS[key][0]
    by_name = sorted(cards, key=lambda card: (card.name, card.pk))
    known = [card for card in by_name if getattr(card, attribute) is not None]
    unknown = [card for card in by_name if getattr(card, attribute) is None]
    # sorted() is stable: the name order stays within equal values, in either direction.
    return sorted(known, key=lambda card: getattr(card, attribute), reverse=descending) + unknown


def league_headers(query, sort_key: str, descending: bool) -> list[dict]:
    """Each column's header link: the column sorted its natural way, or reversed if already sorted by it."""
    headers = []
    for key, (_field, natural_descending) in LEAGUE_COLUMNS.items():
        current = key == sort_key
        next_descending = not descending if current else natural_descending
        linked = query.copy()
        linked["sort"] = f"-{key}" if next_descending else key
        linked.pop("page", None)
        aria = ("descending" if descending else "ascending") if current else ""
        headers.append({"key": key, "query": linked.urlencode(), "aria_sort": aria})
    return headers


class UnitLeagueView(ReadOnlyMixin, CappedPaginationMixin, ListView):
    """Units with published reports ranked by a column: completion, open, overdue problems, latest report."""

    template_name = "rectify/unit_league.html"
    context_object_name = "units"
    paginate_by = 50

    def get_queryset(self):
        self.sort_key, self.descending = league_sort(self.request.GET.get("sort", LEAGUE_DEFAULT_SORT))
        # Every unit's counts read every published problem: remembered until the archive changes
        # (or the day does: overdue moves at midnight), then only sorted per request.
        cards = caching.remembered("unit-league", Unit.objects.report_cards)
        return sorted_cards(cards, self.sort_key, self.descending)

    def get_context_data(self, **kwargs):
        headers = league_headers(self.request.GET, self.sort_key, self.descending)
        return super().get_context_data(headers={h["key"]: h for h in headers}, **kwargs)
