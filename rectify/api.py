"""Read-only JSON API under /api/v1/: problems, reports and units, filtered like the problem list.

Plain Django views returning JsonResponse. Field names are English and stable, dates ISO 8601,
statuses a code with its Chinese label. Only published reports and what they disclose appear.
The problem rows here are also the rows of the JSON export (rectify.exports).
"""

from collections.abc import Iterator

from django.core.exceptions import BadRequest
from django.db.models import Prefetch, QuerySet
from django.http import Http404, JsonResponse, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe
from django_filters import BooleanFilter

from rectify.filters import IssueFilter
from rectify.models import (
    DueBasis,
    Issue,
    IssueStatus,
    Measure,
    MeasureState,
    MoneyAmount,
    Report,
    StatusChange,
    StatusSource,
    Unit,
    UnitLevel,
    WarningLevel,
)

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 200
# Report fields no row shows, too big to fetch with every problem or report.
REPORT_BULK_FIELDS = ("report__source_text", "report__parse_warnings")


class InvalidFilters(BadRequest):
    """A query string the problem list's filters reject; Django answers 400, the API says why."""

    def __init__(self, errors: dict):
        super().__init__(errors)
        self.errors = errors


def filtered_issues(query: QueryDict) -> QuerySet:
    """Published problems matching the problem list's query string, or InvalidFilters.

    django-filter silently drops a filter whose value does not validate; an export or feed that
    quietly ignored `status=bogus` would hand out more rows than asked for, so refuse instead.
    """
    filterset = IssueFilter(query, queryset=Issue.objects.published())
    errors = {field: [str(e) for e in field_errors] for field, field_errors in filterset.errors.items()}
    # A yes/no filter reads any unknown word as "not given"; refuse it like any other bad value.
    for name, filter_ in filterset.filters.items():
        if isinstance(filter_, BooleanFilter) and query.get(name) and filterset.form.cleaned_data.get(name) is None:
            errors[name] = [_("请填 true 或 false。")]
    if errors:
        raise InvalidFilters(errors)
    issues = filterset.qs
    # A stable order, so pages never repeat or skip a row.
    return issues.order_by(*(issues.query.order_by or Issue._meta.ordering), "pk")


# --- rows ---------------------------------------------------------------------------------------


def _choice(value: str, choices) -> dict | None:
    if not value:
        return None
    return {"code": value, "label": str(choices(value).label)}


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def _absolute(request, path: str) -> str:
    return request.build_absolute_uri(path)


def issue_rows_queryset(issues: QuerySet) -> QuerySet:
    """What issue_row reads, fetched in a fixed number of queries."""
    # Names into a list (to_attr): a many-to-many manager per measure cost more than the rest of a row.
    acting_units = Prefetch("acting_units", queryset=Unit.objects.only("name"), to_attr="acting_unit_list")
    measures = Measure.objects.order_by("order").prefetch_related(acting_units)
    if "warning" not in issues.query.annotations:
        issues = issues.with_warning()
    if "inferred_status" not in issues.query.annotations:
        issues = issues.with_inferred_status()
    return (
        issues.select_related("inspection__unit", "report__inspection__unit", "category__parent")
        # A report's full text is large; joined onto every problem it would swamp the sort and the memory.
        .defer(*REPORT_BULK_FIELDS)
        .prefetch_related(Prefetch("measures", queryset=measures))
    )


def _unit_ref(request, unit: Unit) -> dict:
    return {"id": unit.pk, "name": unit.name, "url": _absolute(request, reverse("api_unit_detail", args=[unit.pk]))}


def _inspection(inspection) -> dict:
    return {
        "inspector": inspection.inspector,
        "kind": inspection.kind,
        "focus": inspection.focus,
        "round": inspection.round,
        "start_date": _iso(inspection.start_date),
        "end_date": _iso(inspection.end_date),
        "feedback_date": _iso(inspection.feedback_date),
    }


def _measure(measure: Measure) -> dict:
    return {
        "number": measure.number,
        "text": measure.text,
        "acting_unit_name": measure.acting_unit_name,
        "acting_units": [unit.name for unit in measure.acting_unit_list],
        "state": _choice(measure.state, MeasureState),
        "dates": list(measure.dates),
    }


def _inferred_status(issue: Issue) -> dict | None:
    """What the site infers where the report states no status (with_inferred_status), marked as inferred."""
    inferred = getattr(issue, "inferred_status", "")
    if not inferred:
        return None
    return {**_choice(inferred, IssueStatus), "source": _choice(StatusSource.INFERRED, StatusSource)}


def issue_row(request, issue: Issue) -> dict:
    """One problem as the API and the JSON export give it (issue from issue_rows_queryset)."""
    category = issue.category
    report = issue.report
    return {
        "id": issue.pk,
        "url": _absolute(request, reverse("api_issue_detail", args=[issue.pk])),
        "web_url": _absolute(request, issue.get_absolute_url()),
        "number": issue.number,
        "title": issue.title,
        "description": issue.description,
        "category": category.title if category else None,
        "parent_category": category.parent.title if category and category.parent else None,
        "status": _choice(issue.status, IssueStatus),
        "status_source": _choice(issue.status_source, StatusSource),
        "inferred_status": _inferred_status(issue),
        "immediate": issue.immediate,
        "deadline": _iso(issue.deadline),
        "deadline_text": issue.deadline_text,
        "due_date": _iso(issue.due_date),
        "due_basis": _choice(issue.due_basis, DueBasis),
        "due_date_estimated": issue.due_basis == DueBasis.DEFAULT,
        "warning": _choice(getattr(issue, "warning", ""), WarningLevel),
        "responsible": issue.responsible,
        "unit": _unit_ref(request, issue.inspection.unit),
        "inspection": _inspection(issue.inspection),
        "report": {
            "id": report.pk,
            "title": report.display_title,
            "published_date": _iso(report.published_date),
            "date": _iso(report.date),
            "url": _absolute(request, reverse("api_report_detail", args=[report.pk])),
        },
        "measures": [_measure(measure) for measure in issue.measures.all()],
        "updated_at": _iso(issue.updated_at),
    }


def _report_queryset() -> QuerySet:
    return (
        Report.objects.published()
        .defer(*(name.removeprefix("report__") for name in REPORT_BULK_FIELDS))
        .select_related("inspection__unit")
        .with_problem_counts()
        .latest_first()
    )


def report_row(request, report: Report) -> dict:
    return {
        "id": report.pk,
        "url": _absolute(request, reverse("api_report_detail", args=[report.pk])),
        "web_url": _absolute(request, report.get_absolute_url()),
        "title": report.display_title,
        "unit": _unit_ref(request, report.inspection.unit),
        "inspection": _inspection(report.inspection),
        "date": _iso(report.date),
        "published_date": _iso(report.published_date),
        "signed_date": _iso(report.signed_date),
        "as_of_date": _iso(report.as_of_date),
        "disclosure_start": _iso(report.disclosure_start),
        "disclosure_end": _iso(report.disclosure_end),
        "publisher": report.publisher,
        "source_url": report.source_url,
        "contact": {
            "phones": list(report.phones),
            "emails": list(report.emails),
            "address": report.address,
            "postcode": report.postcode,
        },
        "declared": {
            "categories": report.declared_category_count,
            "issues": report.declared_issue_count,
            "manifestations": report.declared_manifestation_count,
            "completed": report.declared_completed_count,
            "partial": report.declared_partial_count,
            "immediate": report.declared_immediate_count,
            "undisclosed": report.declared_undisclosed_count,
        },
        "problem_count": report.problem_count,
        "completed_count": report.completed_count,
    }


def _unit_queryset() -> QuerySet:
    return Unit.objects.public().select_related("parent").with_progress().order_by("region", "name", "pk")


def unit_row(request, unit: Unit) -> dict:
    return {
        "id": unit.pk,
        "url": _absolute(request, reverse("api_unit_detail", args=[unit.pk])),
        "web_url": _absolute(request, reverse("unit_detail", args=[unit.pk])),
        "name": unit.name,
        "short_name": unit.short_name,
        "region": unit.region,
        "level": _choice(unit.level, UnitLevel),
        "parent": {"id": unit.parent.pk, "name": unit.parent.name} if unit.parent else None,
        "issue_count": unit.issue_count,
        "completed_count": unit.completed_count,
        "unknown_count": unit.unknown_count,
    }


# --- responses ----------------------------------------------------------------------------------


def api_response(data, status: int = 200) -> JsonResponse:
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    # Open data: any site may read it from a browser; nothing here depends on cookies.
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _positive_int(query: QueryDict, name: str, default: int) -> int:
    raw = query.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadRequest(name) from None
    if value < 1:
        raise BadRequest(name)
    return value


def paginate(request, queryset: QuerySet, row) -> dict:
    """A page of rows with count and next/previous links; page_size is capped at MAX_PAGE_SIZE."""
    try:
        page = _positive_int(request.GET, "page", 1)
        page_size = min(_positive_int(request.GET, "page_size", DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE)
    except BadRequest as error:
        raise InvalidFilters({str(error): [_("请输入正整数。")]}) from None
    count = queryset.count()
    start = (page - 1) * page_size
    items = _page_items(queryset, start, page_size) if start < count else []

    def link(number: int) -> str:
        params = request.GET.copy()
        params["page"] = number
        params["page_size"] = page_size
        return _absolute(request, f"{request.path}?{params.urlencode()}")

    return {
        "count": count,
        "page": page,
        "page_size": page_size,
        "next": link(page + 1) if start + page_size < count else None,
        "previous": link(min(page - 1, -(-count // page_size))) if page > 1 and count else None,
        "results": [row(request, item) for item in items],
    }


def _page_items(queryset: QuerySet, start: int, page_size: int) -> list:
    """One page's rows: sort and slice the ids alone, then fetch the wide rows for just those ids.

    Sorting whole rows (problem text, joined units and reports) to skip most of them is what made
    deep pages slow on a big archive.
    """
    ids = list(queryset.values_list("pk", flat=True)[start : start + page_size])
    by_id = queryset.order_by().in_bulk(ids)
    return [by_id[pk] for pk in ids]


def in_chunks(queryset: QuerySet, size: int = 500) -> Iterator[list]:
    """All the queryset's rows in its order, a chunk at a time, as _page_items reads one page.

    The ids are sorted alone (a few MB for an archive), then each chunk's wide rows are fetched
    by id. Sorting the wide rows themselves (problem text, joined units and reports) held 140 MB in
    SQLite's sorter for 200,000 problems and kept the first row 8 s away. A row deleted meanwhile
    is skipped.
    """
    ids = list(queryset.values_list("pk", flat=True))
    unordered = queryset.order_by()
    for start in range(0, len(ids), size):
        chunk = ids[start : start + size]
        by_id = unordered.in_bulk(chunk)
        yield [by_id[pk] for pk in chunk if pk in by_id]


def _bad_request(error: InvalidFilters) -> JsonResponse:
    return api_response({"error": _("查询参数无效"), "fields": error.errors}, status=400)


# --- views --------------------------------------------------------------------------------------


@require_safe
def api_root(request):
    return api_response(
        {
            "problems": _absolute(request, reverse("api_issue_list")),
            "reports": _absolute(request, reverse("api_report_list")),
            "units": _absolute(request, reverse("api_unit_list")),
            "docs": _absolute(request, reverse("api_docs")),
        }
    )


@require_safe
def api_issue_list(request):
    try:
        return api_response(paginate(request, issue_rows_queryset(filtered_issues(request.GET)), issue_row))
    except InvalidFilters as error:
        return _bad_request(error)


@require_safe
def api_issue_detail(request, pk):
    issue = _get_or_404(issue_rows_queryset(Issue.objects.published()), pk)
    # Status history may cite a report still in draft; only published sources are shown.
    history = StatusChange.objects.public().filter(issue=issue).order_by("changed_at", "id")
    data = issue_row(request, issue)
    data["status_history"] = [
        {
            "status": _choice(change.status, IssueStatus),
            "previous_status": _choice(change.previous_status, IssueStatus),
            "source": _choice(change.source, StatusSource),
            "report_id": change.report_id,
            "changed_at": _iso(change.changed_at),
        }
        for change in history
    ]
    data["amounts"] = [
        {"text": amount.text, "yuan": str(amount.yuan), "kind": amount.kind}
        for amount in MoneyAmount.objects.filter(issue=issue).order_by("id")
    ]
    # What each published report said of the problem: its number, wording and stated status then.
    data["by_report"] = [
        {
            "report_id": disclosure.report_id,
            "report_date": _iso(disclosure.report.date),
            "number": disclosure.number,
            "title": disclosure.title,
            "status": _choice(disclosure.status, IssueStatus),
            "match_score": disclosure.match_score,
        }
        for disclosure in issue.disclosures.public().select_related("report").in_report_order()
    ]
    return api_response(data)


@require_safe
def api_report_list(request):
    try:
        return api_response(paginate(request, _report_queryset(), report_row))
    except InvalidFilters as error:
        return _bad_request(error)


@require_safe
def api_report_detail(request, pk):
    report = _get_or_404(_report_queryset(), pk)
    data = report_row(request, report)
    problems = issue_rows_queryset(Issue.objects.published().filter(report=report)).order_by("order", "pk")
    data["problems"] = [issue_row(request, issue) for issue in problems]
    data["changes_since_previous"] = _changes(request, report.changes_since_previous())
    return api_response(data)


def _changes(request, changes) -> dict | None:
    """A later report's news, problem by problem: null for the inspection's first published report."""
    if changes is None:
        return None

    def entry(change):
        return {
            "problem_id": change.now.issue_id,
            "url": _absolute(request, reverse("api_issue_detail", args=[change.now.issue_id])),
            "number": change.now.number,
            "title": change.now.title,
            "previous_status": _choice(change.before.status, IssueStatus) if change.before else None,
            "status": _choice(change.now.status, IssueStatus),
        }

    groups = ("newly_finished", "moved_on", "still_open", "unchanged", "newly_added", "pending_match", "not_mentioned")
    return {
        "previous_report_id": changes.previous.pk,
        "previous_report_url": _absolute(request, reverse("api_report_detail", args=[changes.previous.pk])),
        **{group: [entry(change) for change in getattr(changes, group)] for group in groups},
    }


@require_safe
def api_unit_list(request):
    try:
        return api_response(paginate(request, _unit_queryset(), unit_row))
    except InvalidFilters as error:
        return _bad_request(error)


@require_safe
def api_unit_detail(request, pk):
    unit = _get_or_404(_unit_queryset(), pk)
    issues = Issue.objects.published().for_unit(unit)
    by_status = issues.count_by_status()
    data = unit_row(request, unit)
    data["status_counts"] = [
        {"code": code, "label": str(label), "count": by_status.get(code, 0)} for code, label in IssueStatus.choices
    ]
    data["reports"] = [
        {
            "id": report.pk,
            "title": report.display_title,
            "published_date": _iso(report.published_date),
            "url": _absolute(request, reverse("api_report_detail", args=[report.pk])),
        }
        for report in _report_queryset().filter(inspection__unit=unit)
    ]
    data["sub_units"] = [_unit_ref(request, sub) for sub in Unit.objects.public().filter(parent=unit).order_by("name")]
    return api_response(data)


def _get_or_404(queryset: QuerySet, pk):
    try:
        return queryset.get(pk=pk)
    except queryset.model.DoesNotExist:
        raise Http404 from None


# --- documentation ------------------------------------------------------------------------------

ISSUE_FIELDS = [
    ("id", gettext_lazy("问题编号（本站）")),
    ("url", gettext_lazy("本问题的 API 地址")),
    ("web_url", gettext_lazy("本问题的网页地址")),
    ("number", gettext_lazy("原文中的编号")),
    ("title", gettext_lazy("问题（原文）")),
    ("description", gettext_lazy("问题表现（原文）")),
    ("category", gettext_lazy("问题类别")),
    ("parent_category", gettext_lazy("上级问题类别，无则为 null")),
    ("status", gettext_lazy("整改状态：code 为代码，label 为中文名称")),
    ("status_source", gettext_lazy("状态来源：报告载明、据整改措施推断或工作人员更新")),
    (
        "inferred_status",
        gettext_lazy(
            "报告未载明状态而所列措施均注明已完成时，据措施推断的状态（source 为据整改措施推断）；"
            "否则为 null。不改变 status"
        ),
    ),
    ("immediate", gettext_lazy("是否立行立改（true/false）")),
    ("deadline", gettext_lazy("报告载明的整改时限（YYYY-MM-DD）")),
    ("deadline_text", gettext_lazy("整改时限原文，如“长期坚持”")),
    ("due_date", gettext_lazy("整改期限（YYYY-MM-DD）；due_date_estimated 为 true 时是按反馈日期估算的预计期限")),
    ("due_basis", gettext_lazy("期限依据：报告载明、按反馈日期估算、长期坚持、工作人员设定")),
    ("due_date_estimated", gettext_lazy("期限是否为按反馈日期估算（true/false）；估算的期限不产生预警")),
    (
        "warning",
        gettext_lazy(
            "预警：绿色、黄色、红色（已逾期），无预警为 null；仅在状态为未完成整改且期限为报告载明或工作人员设定时给出"
        ),
    ),
    ("responsible", gettext_lazy("责任领导/部门")),
    ("unit", gettext_lazy("被巡察单位：id、name、url")),
    ("inspection", gettext_lazy("巡察：巡察组、类型、专项内容、轮次、进驻/结束/反馈日期")),
    ("report", gettext_lazy("最近公开该问题的通报：id、title、published_date、date（通报日期）、url")),
    ("measures", gettext_lazy("整改措施：编号、内容、责任单位、措施状态、提及日期")),
    ("updated_at", gettext_lazy("最近更新时间（ISO 8601，含时区）")),
]
ISSUE_DETAIL_FIELDS = [
    ("status_history", gettext_lazy("状态变更记录：状态、原状态、来源、依据通报 id、时间")),
    ("amounts", gettext_lazy("涉及金额：原文、金额（元，字符串）、性质")),
    ("by_report", gettext_lazy("各期公开通报中的表述：通报 id、日期、编号、问题、载明状态、匹配得分")),
]
REPORT_FIELDS = [
    ("id", gettext_lazy("通报编号（本站）")),
    ("url", gettext_lazy("本通报的 API 地址")),
    ("web_url", gettext_lazy("本通报的网页地址")),
    ("title", gettext_lazy("标题")),
    ("unit", gettext_lazy("被巡察单位：id、name、url")),
    ("inspection", gettext_lazy("巡察：巡察组、类型、专项内容、轮次、日期")),
    ("date", gettext_lazy("通报日期：发布日期，未载明时为落款日期或公开期限起；列表按此由近到远排列")),
    ("published_date", gettext_lazy("发布日期")),
    ("signed_date", gettext_lazy("落款日期")),
    ("as_of_date", gettext_lazy("整改进展截至日期")),
    ("disclosure_start", gettext_lazy("公开期限起")),
    ("disclosure_end", gettext_lazy("公开期限止")),
    ("publisher", gettext_lazy("发布来源")),
    ("source_url", gettext_lazy("原文网址")),
    ("contact", gettext_lazy("联系方式：电话、电子邮箱、通信地址、邮编")),
    ("declared", gettext_lazy("报告自称的各项数目（类别、问题、表现形式、已完成、阶段性完成、立行立改、不宜公开）")),
    ("problem_count", gettext_lazy("本通报公开的问题数")),
    ("completed_count", gettext_lazy("其中已完成整改的问题数")),
]
REPORT_DETAIL_FIELDS = [
    ("problems", gettext_lazy("本通报公开的问题，字段同问题列表")),
    (
        "changes_since_previous",
        gettext_lazy(
            "与同一巡察上一期公开通报相比：新完成、状态有变化、仍在整改、未变、新增、"
            "待核实是否已有（pending_match）、未提及的问题；首期为 null"
        ),
    ),
]
UNIT_FIELDS = [
    ("id", gettext_lazy("单位编号（本站）")),
    ("url", gettext_lazy("本单位的 API 地址")),
    ("web_url", gettext_lazy("本单位的网页地址")),
    ("name", gettext_lazy("全称")),
    ("short_name", gettext_lazy("简称")),
    ("region", gettext_lazy("所在地区")),
    ("level", gettext_lazy("层级")),
    ("parent", gettext_lazy("上级单位：id、name，无则为 null")),
    ("issue_count", gettext_lazy("公开的问题数")),
    ("completed_count", gettext_lazy("其中已完成整改的问题数")),
    ("unknown_count", gettext_lazy("其中通报未载明整改状态的问题数")),
]
UNIT_DETAIL_FIELDS = [
    ("status_counts", gettext_lazy("各整改状态的问题数")),
    ("reports", gettext_lazy("本单位公开的通报")),
    ("sub_units", gettext_lazy("下级单位")),
]
PAGE_FIELDS = [
    ("count", gettext_lazy("符合条件的总数")),
    ("page", gettext_lazy("当前页码")),
    ("page_size", gettext_lazy("每页条数")),
    ("next", gettext_lazy("下一页地址，无则为 null")),
    ("previous", gettext_lazy("上一页地址，无则为 null")),
    ("results", gettext_lazy("本页的记录")),
]


def _filter_parameters() -> list[dict]:
    """The problem filters as documented: read from IssueFilter so the docs cannot drift from it."""
    parameters = []
    for name, filter_ in IssueFilter.base_filters.items():
        # Units are too many to list; sorting lists each key twice ("due", "-due"), the docs explain "-" once.
        choices = [] if name == "unit" else getattr(filter_.field, "choices", [])
        choices = [(value, label) for value, label in choices if value and not str(value).startswith("-")]
        parameters.append({"name": name, "label": filter_.label, "choices": choices})
    return parameters


@require_safe
def api_docs(request):
    example_issue = Issue.objects.published().order_by("pk").values_list("pk", flat=True).first()
    example_report = Report.objects.published().latest_first().values_list("pk", flat=True).first()
    example_unit = Unit.objects.public().order_by("pk").values_list("pk", flat=True).first()
    context = {
        "filter_parameters": _filter_parameters(),
        "default_page_size": DEFAULT_PAGE_SIZE,
        "max_page_size": MAX_PAGE_SIZE,
        "page_fields": PAGE_FIELDS,
        "issue_fields": ISSUE_FIELDS,
        "issue_detail_fields": ISSUE_DETAIL_FIELDS,
        "report_fields": REPORT_FIELDS,
        "report_detail_fields": REPORT_DETAIL_FIELDS,
        "unit_fields": UNIT_FIELDS,
        "unit_detail_fields": UNIT_DETAIL_FIELDS,
        "example_issue": example_issue,
        "example_report": example_report,
        "example_unit": example_unit,
        "example_status": IssueStatus.COMPLETED,
    }
    return render(request, "rectify/api.html", context)
