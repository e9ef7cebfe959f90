"""Read-only JSON API under /api/v1/: problems, reports and units, filtered like the problem list.

Plain Django views returning JsonResponse; the selection and the rows are rectify.opendata's, so
the API, the pages, the exports and the feeds agree. Only published reports and what they
disclose appear.
"""

from django.core.exceptions import BadRequest
from django.db.models import QuerySet
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from rectify.filters import IssueFilter
from rectify.models import Issue, IssueStatus, Report, Unit
from rectify.opendata import (
    ISSUE_DETAIL_FIELDS,
    ISSUE_FIELDS,
    PAGE_SIZE_PARAMETER,
    REPORT_DETAIL_FIELDS,
    REPORT_FIELDS,
    UNIT_DETAIL_FIELDS,
    UNIT_FIELDS,
    InvalidFilters,
    absolute,
    documented,
    filtered_issues,
    issue_row,
    issue_rows_queryset,
    page_items,
    report_row,
    report_rows_queryset,
    requested_page_size,
    row,
    unit_row,
    unit_rows_queryset,
)

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 200


# --- responses ----------------------------------------------------------------------------------


def api_response(data, status: int = 200) -> JsonResponse:
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    # Open data: any site may read it from a browser; nothing here depends on cookies.
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _positive_int(raw: str | None, name: str, default: int) -> int:
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadRequest(name) from None
    if value < 1:
        raise BadRequest(name)
    return value


def paginate(request, queryset: QuerySet, row_of) -> dict:
    """A page of rows with count and next/previous links; page_size is capped at MAX_PAGE_SIZE."""
    try:
        page = _positive_int(request.GET.get("page"), "page", 1)
        page_size = _positive_int(requested_page_size(request.GET), PAGE_SIZE_PARAMETER, DEFAULT_PAGE_SIZE)
    except BadRequest as error:
        raise InvalidFilters({str(error): [_("请输入正整数。")]}) from None
    page_size = min(page_size, MAX_PAGE_SIZE)
    count = queryset.count()
    start = (page - 1) * page_size
    items = page_items(queryset, start, page_size) if start < count else []

    def link(number: int) -> str:
        params = request.GET.copy()
        params["page"] = number
        params[PAGE_SIZE_PARAMETER] = page_size
        return absolute(request, f"{request.path}?{params.urlencode()}")

    return {
        "count": count,
        "page": page,
        "page_size": page_size,
        "next": link(page + 1) if start + page_size < count else None,
        "previous": link(min(page - 1, -(-count // page_size))) if page > 1 and count else None,
        "results": [row_of(request, item) for item in items],
    }


def _bad_request(error: InvalidFilters) -> JsonResponse:
    return api_response({"error": _("查询参数无效"), "fields": error.errors}, status=400)


def _get_or_404(queryset: QuerySet, pk):
    try:
        return queryset.get(pk=pk)
    except queryset.model.DoesNotExist:
        raise Http404 from None


# --- views --------------------------------------------------------------------------------------


@require_safe
def api_root(request):
    return api_response(
        {
            "problems": absolute(request, reverse("api_issue_list")),
            "reports": absolute(request, reverse("api_report_list")),
            "units": absolute(request, reverse("api_unit_list")),
            "docs": absolute(request, reverse("api_docs")),
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
    return api_response(row(request, issue, ISSUE_FIELDS, ISSUE_DETAIL_FIELDS))


@require_safe
def api_report_list(request):
    try:
        return api_response(paginate(request, report_rows_queryset(), report_row))
    except InvalidFilters as error:
        return _bad_request(error)


@require_safe
def api_report_detail(request, pk):
    report = _get_or_404(report_rows_queryset(), pk)
    return api_response(row(request, report, REPORT_FIELDS, REPORT_DETAIL_FIELDS))


@require_safe
def api_unit_list(request):
    try:
        return api_response(paginate(request, unit_rows_queryset(), unit_row))
    except InvalidFilters as error:
        return _bad_request(error)


@require_safe
def api_unit_detail(request, pk):
    unit = _get_or_404(unit_rows_queryset(), pk)
    return api_response(row(request, unit, UNIT_FIELDS, UNIT_DETAIL_FIELDS))


# --- documentation ------------------------------------------------------------------------------

# The envelope of every list; the rows' fields are documented by rectify.opendata's field specs.
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
        "issue_fields": documented(ISSUE_FIELDS),
        "issue_detail_fields": documented(ISSUE_DETAIL_FIELDS),
        "report_fields": documented(REPORT_FIELDS),
        "report_detail_fields": documented(REPORT_DETAIL_FIELDS),
        "unit_fields": documented(UNIT_FIELDS),
        "unit_detail_fields": documented(UNIT_DETAIL_FIELDS),
        "example_issue": example_issue,
        "example_report": example_report,
        "example_unit": example_unit,
        "example_status": IssueStatus.COMPLETED,
    }
    return render(request, "rectify/api.html", context)
