"""Public, read-only pages. Only published reports and what they disclose are shown."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Sum
from django.shortcuts import render
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from django.views.generic import DetailView, ListView
from django_filters.views import FilterView

from rectify import caching, charts, opendata
from rectify.filters import IssueFilter, ReportFilter, UnitFilter
from rectify.models import (
    Evidence,
    Inspection,
    Issue,
    IssueDisclosure,
    IssueStatus,
    Measure,
    MeasureState,
    MoneyAmount,
    Report,
    StatusChange,
    Unit,
)
from rectify.search import names as search_names
from rectify.search.query import matching_measures
from rectify.search.text import normalise_query, search_terms

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
SEARCH_PAGE_SIZE = 20
# Units and reports whose names hold the query: the first few, with a count and a link to the rest.
SEARCH_NAMES_SHOWN = 20


class ReadOnlyMixin:
    http_method_names = ["get", "head"]


class RejectedFiltersMixin:
    """A FilterView answering a query string its filters reject with 400, the form's errors and no rows."""

    def filter_is_valid(self) -> bool:
        return not self.filterset.is_bound or self.filterset.is_valid()

    def render_to_response(self, context, **kwargs):
        if not self.filter_is_valid():
            kwargs["status"] = 400
        return super().render_to_response(context, **kwargs)


class CappedPaginationMixin:
    """`?page_size=` (or the older `per_page`) chooses the page size, capped so no query string can ask
    for the whole table; a page size that is no number gives the default."""

    paginate_by = DEFAULT_PAGE_SIZE

    def get_paginate_by(self, queryset):
        try:
            wanted = int(opendata.requested_page_size(self.request.GET) or self.paginate_by)
        except ValueError:
            return self.paginate_by
        return max(1, min(wanted, MAX_PAGE_SIZE))


def _status_rows(by_status: dict[str, int]) -> list[dict]:
    """IssueStatus.shares with each share drawn as a bar in the status's colour."""
    return [
        # charts escape the label themselves, so the markup is safe to inline.
        {**row, "bar": mark_safe(charts.share_bar_svg(row["share"], key=row["code"], label=str(row["label"])))}
        for row in IssueStatus.shares(by_status)
    ]


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
    published_inspections = Inspection.objects.published()
    by_status = Issue.objects.published().count_by_status()
    return {
        "by_status": by_status,
        "totals": {
            "units": published_inspections.values("unit").distinct().count(),
            "inspections": published_inspections.count(),
            "reports": Report.objects.published().count(),
            "issues": sum(by_status.values()),
            "measures": Measure.objects.count() - Measure.objects.filter(issue__in=Issue.objects.unpublished()).count(),
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
            .with_problem_counts()
            .values("pk", "problem_count", "disclosed_count", "disclosed_completed")
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
        disclosed = Report.disclosed_counts(issues)
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
            declared_rows=report.declared_rows(issues, disclosed),
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
    status_labels = {code: str(label) for code, label in IssueStatus.choices}
    state_labels = {code: str(label) for code, label in MeasureState.choices}
    for issue in issues:
        issue.status_label = status_labels.get(issue.status, issue.status)
        for measure in issue.measures.all():
            measure.state_label = state_labels.get(measure.state, measure.state)


class InspectionDetailView(ReadOnlyMixin, DetailView):
    """One inspection: its published reports in order and each problem's stated status report by report."""

    template_name = "rectify/inspection_detail.html"
    queryset = Inspection.objects.published().select_related("unit")

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
        context["lines"] = self.object.source_lines()
        return context


class UnitListView(ReadOnlyMixin, RejectedFiltersMixin, CappedPaginationMixin, FilterView):
    template_name = "rectify/unit_list.html"
    filterset_class = UnitFilter
    paginate_by = 50

    def get_queryset(self):
        # Meta.ordering does not apply to GROUP BY queries: order explicitly so pages stay stable.
        return Unit.objects.public().with_progress().with_report_count().order_by("region", "name")


class UnitDetailView(ReadOnlyMixin, DetailView):
    template_name = "rectify/unit_detail.html"
    queryset = Unit.objects.public().select_related("parent")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        unit = self.object
        issues = Issue.objects.published().for_unit(unit)
        by_status = issues.count_by_status()
        reports = Report.objects.published().oldest_first()
        inspections = (
            Inspection.objects.for_unit(unit).published().prefetch_related(Prefetch("reports", queryset=reports))
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
            scorecard=unit.scorecard(),
            sub_units=unit.sub_units.all(),
            measures_acted=Measure.objects.published().filter(acting_units=unit).count(),
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


class IssueListView(ReadOnlyMixin, RejectedFiltersMixin, CappedPaginationMixin, FilterView):
    """All published problems, filtered by the query string, with facet counts beside each choice."""

    template_name = "rectify/issue_list.html"
    filterset_class = IssueFilter
    context_object_name = "issues"

    def get_queryset(self):
        # The base the filters narrow and the facets count over: no joins or annotations yet.
        return Issue.objects.published()

    def get_context_data(self, **kwargs):
        # FilterView hands over filterset.qs (none() when invalid); add what the rows show.
        rows = kwargs["object_list"].select_related("inspection__unit", "report", "category__parent")
        kwargs["object_list"] = self.object_list = rows.with_warning().with_inferred_status()
        facets = self._facets() if self.filter_is_valid() else []
        kwargs["facets"] = facets
        kwargs["facet_lists"] = facet_lists(self.request.GET, facets)
        kwargs["active_filters"] = _active_filters(self.request, facets, rejected=set(self.filterset.form.errors))
        # The filter form keeps the page size asked for, under its one name.
        kwargs["page_size_asked"] = opendata.requested_page_size(self.request.GET)
        return super().get_context_data(**kwargs)

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
        if name in ("page", "sort", opendata.PAGE_SIZE_PARAMETER, *opendata.PAGE_SIZE_ALIASES):
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
    """One search box: published problems holding every term (newest report first, grouped by report,
    matches highlighted), the units and published reports whose names hold them, and the published
    measures holding them."""
    query = normalise_query(request.GET.get("q", ""))
    terms = search_terms(query)
    context = {"query": query, "terms": terms, "groups": [], "issue_count": 0, "unit_options": _public_unit_options()}
    if terms:
        hits = Issue.objects.select_related("report__inspection__unit", "category__parent").search_published(query)
        page = Paginator(hits, SEARCH_PAGE_SIZE).get_page(request.GET.get("page"))
        shown = list(page.object_list)
        measures_by_issue = matching_measures(shown, query)
        groups = {}
        for issue in shown:
            issue.matching_measures = measures_by_issue.get(issue.pk, [])
            groups.setdefault(issue.report, []).append(issue)
        units = search_names.units(query, SEARCH_NAMES_SHOWN)
        reports = search_names.reports(query, SEARCH_NAMES_SHOWN)
        measures = Measure.objects.published().search(query)
        context.update(
            groups=[{"report": report, "issues": issues} for report, issues in groups.items()],
            issue_count=hits.count(),
            page_obj=page,
            paginator=page.paginator,
            is_paginated=page.has_other_pages(),
            units=units.first,
            unit_count=units.count,
            reports=reports.first,
            report_count=reports.count,
            measures=measures.select_related("issue__report__inspection__unit").order_by("-pk")[:SEARCH_NAMES_SHOWN],
            measure_count=measures.count(),
        )
    return render(request, "rectify/search.html", context)


def _public_unit_options() -> str:
    """The names the search box suggests as one types, as the <option>s of a <datalist> (plain HTML,
    no script). Rendered once per archive version: a province's 3,000 names took the template 60 ms."""
    names = Unit.objects.public().order_by("name").values_list("name", flat=True)
    return caching.remembered(
        "search-unit-options", lambda: format_html_join("", '<option value="{}"></option>', ((name,) for name in names))
    )


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
