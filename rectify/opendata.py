"""Open data: the published problems a query string selects, and the rows every outlet gives of them.

The problem list, its CSV/XLSX/JSON exports, the Atom feed of a selection and the API answer the
same query string with the same problems (filtered_issues). The API and the JSON export give the
same rows (issue_row, report_row, unit_row); each row is built from one field spec that also
documents it on /api/, so a field cannot be returned undocumented or documented and missing.
Field names are English and stable, dates ISO 8601, choices a code with its Chinese label.
"""

import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import BadRequest
from django.db.models import Prefetch, QuerySet
from django.http import QueryDict
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

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

# One page-size parameter for the pages and the API; `per_page` was the pages' name and still works.
PAGE_SIZE_PARAMETER = "page_size"
PAGE_SIZE_ALIASES = ("per_page",)
# Report fields no row shows, too big to fetch with every problem or report.
REPORT_BULK_FIELDS = ("report__source_text", "report__parse_warnings")


def requested_page_size(query: QueryDict) -> str | None:
    """The page size the query string asks for, under its name or an old alias; None if not asked."""
    for name in (PAGE_SIZE_PARAMETER, *PAGE_SIZE_ALIASES):
        if query.get(name):
            return query[name]
    return None


# --- the selection ------------------------------------------------------------------------------


class InvalidFilters(BadRequest):
    """A query string the problem list's filters reject; Django answers 400, the API says why."""

    def __init__(self, errors: dict):
        super().__init__(errors)
        self.errors = errors


def filtered_issues(query: QueryDict) -> QuerySet:
    """Published problems matching the problem list's query string, in a stable order, or InvalidFilters.

    django-filter's views show the rows anyway when a value does not validate; an export or feed
    that quietly ignored `status=bogus` would hand out more rows than asked for, so refuse instead.
    """
    filterset = IssueFilter(query, queryset=Issue.objects.published())
    if not filterset.is_valid():
        raise InvalidFilters({field: [str(e) for e in errors] for field, errors in filterset.errors.items()})
    issues = filterset.qs
    # A stable order, so pages never repeat or skip a row.
    return issues.order_by(*(issues.query.order_by or Issue._meta.ordering), "pk")


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


def report_rows_queryset() -> QuerySet:
    """Published reports as report_row reads them, newest first."""
    return (
        Report.objects.published()
        .defer(*(name.removeprefix("report__") for name in REPORT_BULK_FIELDS))
        .select_related("inspection__unit")
        .with_problem_counts()
        .latest_first()
    )


def unit_rows_queryset() -> QuerySet:
    """Public units as unit_row reads them, by region and name."""
    return Unit.objects.public().select_related("parent").with_progress().order_by("region", "name", "pk")


def page_items(queryset: QuerySet, start: int, size: int) -> list:
    """One page's rows: sort and slice the ids alone, then fetch the wide rows for just those ids.

    Sorting whole rows (problem text, joined units and reports) to skip most of them is what made
    deep pages slow on a big archive.
    """
    ids = list(queryset.values_list("pk", flat=True)[start : start + size])
    by_id = queryset.order_by().in_bulk(ids)
    return [by_id[pk] for pk in ids]


def in_chunks(queryset: QuerySet, size: int = 500) -> Iterator[list]:
    """All the queryset's rows in its order, a chunk at a time, as page_items reads one page.

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


# --- rows ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Field:
    """One field of a row: its name, what /api/ says of it, and how it is read from the object."""

    name: str
    doc: Any  # a lazy translation, shown in the page's language
    value: Callable[[Any, Any], Any]  # (request, object) -> JSON value


def row(request, obj, *specs: list[Field]) -> dict:
    """The object's fields, spec after spec (a list's fields, then a detail page's)."""
    return {field.name: field.value(request, obj) for fields in specs for field in fields}


def documented(fields: list[Field]) -> list[tuple[str, Any]]:
    """(name, description) of each field, as /api/ lists them."""
    return [(field.name, field.doc) for field in fields]


@functools.cache
def chinese_labels(choices) -> dict[str, str]:
    """The choices' labels in the site's own language, whatever language the request reads in.

    The models translate their labels for the pages; the open data documents `label` as the Chinese
    name, and a machine reading it must get the same string from / and /en/.
    """
    with translation.override(settings.LANGUAGE_CODE):
        return {value: str(label) for value, label in choices.choices}


def choice(value: str, choices) -> dict | None:
    """A choice as the open data gives it: its code and its Chinese label."""
    if not value:
        return None
    return {"code": value, "label": chinese_labels(choices)[value]}


def iso(value) -> str | None:
    return value.isoformat() if value else None


def absolute(request, path: str) -> str:
    return request.build_absolute_uri(path)


def unit_ref(request, unit: Unit) -> dict:
    return {"id": unit.pk, "name": unit.name, "url": absolute(request, reverse("api_unit_detail", args=[unit.pk]))}


def _inspection(request, obj) -> dict:
    """The inspection a problem or report belongs to."""
    inspection = obj.inspection
    return {
        "inspector": inspection.inspector,
        "kind": inspection.kind,
        "focus": inspection.focus,
        "round": inspection.round,
        "start_date": iso(inspection.start_date),
        "end_date": iso(inspection.end_date),
        "feedback_date": iso(inspection.feedback_date),
    }


def _measure(measure: Measure) -> dict:
    return {
        "number": measure.number,
        "text": measure.text,
        "acting_unit_name": measure.acting_unit_name,
        "acting_units": [unit.name for unit in measure.acting_unit_list],
        "state": choice(measure.state, MeasureState),
        "dates": list(measure.dates),
    }


def _inferred_status(issue: Issue) -> dict | None:
    """What the site infers where the report states no status (with_inferred_status), marked as inferred."""
    inferred = getattr(issue, "inferred_status", "")
    if not inferred:
        return None
    return {**choice(inferred, IssueStatus), "source": choice(StatusSource.INFERRED, StatusSource)}


def _inspected_unit(request, obj) -> dict:
    """The unit a problem's or report's inspection inspected."""
    return unit_ref(request, obj.inspection.unit)


def _category(issue: Issue) -> str | None:
    return issue.category.title if issue.category else None


def _parent_category(issue: Issue) -> str | None:
    category = issue.category
    return category.parent.title if category and category.parent else None


def _report_ref(request, report: Report) -> dict:
    return {
        "id": report.pk,
        "title": report.display_title,
        "published_date": iso(report.published_date),
        "date": iso(report.date),
        "url": absolute(request, reverse("api_report_detail", args=[report.pk])),
    }


def _url(name: str):
    return lambda request, obj: absolute(request, reverse(name, args=[obj.pk]))


def _attribute(name: str):
    return lambda request, obj: getattr(obj, name)


def _date(name: str):
    return lambda request, obj: iso(getattr(obj, name))


def _chosen(name: str, choices):
    return lambda request, obj: choice(getattr(obj, name), choices)


ISSUE_FIELDS = [
    Field("id", _("问题编号（本站）"), _attribute("pk")),
    Field("url", _("本问题的 API 地址"), _url("api_issue_detail")),
    Field("web_url", _("本问题的网页地址"), _url("issue_detail")),
    Field("number", _("原文中的编号"), _attribute("number")),
    Field("title", _("问题（原文）"), _attribute("title")),
    Field("description", _("问题表现（原文）"), _attribute("description")),
    Field("category", _("问题类别"), lambda request, issue: _category(issue)),
    Field("parent_category", _("上级问题类别，无则为 null"), lambda request, issue: _parent_category(issue)),
    Field("status", _("整改状态：code 为代码，label 为中文名称"), _chosen("status", IssueStatus)),
    Field(
        "status_source",
        _("状态来源：报告载明、据整改措施推断或工作人员更新"),
        _chosen("status_source", StatusSource),
    ),
    Field(
        "inferred_status",
        _(
            "报告未载明状态而所列措施均注明已完成时，据措施推断的状态（source 为据整改措施推断）；"
            "否则为 null。不改变 status"
        ),
        lambda request, issue: _inferred_status(issue),
    ),
    Field("immediate", _("是否立行立改（true/false）"), _attribute("immediate")),
    Field("deadline", _("报告载明的整改时限（YYYY-MM-DD）"), _date("deadline")),
    Field("deadline_text", _("整改时限原文，如“长期坚持”"), _attribute("deadline_text")),
    Field(
        "due_date",
        _("整改期限（YYYY-MM-DD）；due_date_estimated 为 true 时是按反馈日期估算的预计期限"),
        _date("due_date"),
    ),
    Field("due_basis", _("期限依据：报告载明、按反馈日期估算、长期坚持、工作人员设定"), _chosen("due_basis", DueBasis)),
    Field(
        "due_date_estimated",
        _("期限是否为按反馈日期估算（true/false）；估算的期限不产生预警"),
        lambda request, issue: issue.due_basis == DueBasis.DEFAULT,
    ),
    Field(
        "warning",
        _("预警：绿色、黄色、红色（已逾期），无预警为 null；仅在状态为未完成整改且期限为报告载明或工作人员设定时给出"),
        lambda request, issue: choice(getattr(issue, "warning", ""), WarningLevel),
    ),
    Field("responsible", _("责任领导/部门"), _attribute("responsible")),
    Field("unit", _("被巡察单位：id、name、url"), _inspected_unit),
    Field("inspection", _("巡察：巡察组、类型、专项内容、轮次、进驻/结束/反馈日期"), _inspection),
    Field(
        "report",
        _("最近公开该问题的通报：id、title、published_date、date（通报日期）、url"),
        lambda request, issue: _report_ref(request, issue.report),
    ),
    Field(
        "measures",
        _("整改措施：编号、内容、责任单位、措施状态、提及日期"),
        lambda request, issue: [_measure(measure) for measure in issue.measures.all()],
    ),
    Field("updated_at", _("最近更新时间（ISO 8601，含时区）"), _date("updated_at")),
]


def issue_row(request, issue: Issue) -> dict:
    """One problem as the API and the JSON export give it (issue from issue_rows_queryset)."""
    return row(request, issue, ISSUE_FIELDS)


def _status_history(request, issue: Issue) -> list[dict]:
    # Status history may cite a report still in draft; only published sources are shown.
    return [
        {
            "status": choice(change.status, IssueStatus),
            "previous_status": choice(change.previous_status, IssueStatus),
            "source": choice(change.source, StatusSource),
            "report_id": change.report_id,
            "changed_at": iso(change.changed_at),
        }
        for change in StatusChange.objects.public().filter(issue=issue).order_by("changed_at", "id")
    ]


def _amounts(request, issue: Issue) -> list[dict]:
    return [
        {"text": amount.text, "yuan": str(amount.yuan), "kind": amount.kind}
        for amount in MoneyAmount.objects.filter(issue=issue).order_by("id")
    ]


def _by_report(request, issue: Issue) -> list[dict]:
    """What each published report said of the problem: its number, wording and stated status then."""
    return [
        {
            "report_id": disclosure.report_id,
            "report_date": iso(disclosure.report.date),
            "number": disclosure.number,
            "title": disclosure.title,
            "status": choice(disclosure.status, IssueStatus),
            "match_score": disclosure.match_score,
        }
        for disclosure in issue.disclosures.public().select_related("report").in_report_order()
    ]


ISSUE_DETAIL_FIELDS = [
    Field("status_history", _("状态变更记录：状态、原状态、来源、依据通报 id、时间"), _status_history),
    Field("amounts", _("涉及金额：原文、金额（元，字符串）、性质"), _amounts),
    Field("by_report", _("各期公开通报中的表述：通报 id、日期、编号、问题、载明状态、匹配得分"), _by_report),
]


def _contact(request, report: Report) -> dict:
    return {
        "phones": list(report.phones),
        "emails": list(report.emails),
        "address": report.address,
        "postcode": report.postcode,
    }


def _declared(request, report: Report) -> dict:
    return {
        "categories": report.declared_category_count,
        "issues": report.declared_issue_count,
        "manifestations": report.declared_manifestation_count,
        "completed": report.declared_completed_count,
        "partial": report.declared_partial_count,
        "immediate": report.declared_immediate_count,
        "undisclosed": report.declared_undisclosed_count,
    }


REPORT_FIELDS = [
    Field("id", _("通报编号（本站）"), _attribute("pk")),
    Field("url", _("本通报的 API 地址"), _url("api_report_detail")),
    Field("web_url", _("本通报的网页地址"), _url("report_detail")),
    Field("title", _("标题"), _attribute("display_title")),
    Field("unit", _("被巡察单位：id、name、url"), _inspected_unit),
    Field("inspection", _("巡察：巡察组、类型、专项内容、轮次、日期"), _inspection),
    Field(
        "date",
        _("通报日期：发布日期，未载明时为落款日期或公开期限起；列表按此由近到远排列"),
        _date("date"),
    ),
    Field("published_date", _("发布日期"), _date("published_date")),
    Field("signed_date", _("落款日期"), _date("signed_date")),
    Field("as_of_date", _("整改进展截至日期"), _date("as_of_date")),
    Field("disclosure_start", _("公开期限起"), _date("disclosure_start")),
    Field("disclosure_end", _("公开期限止"), _date("disclosure_end")),
    Field("publisher", _("发布来源"), _attribute("publisher")),
    Field("source_url", _("原文网址"), _attribute("source_url")),
    Field("contact", _("联系方式：电话、电子邮箱、通信地址、邮编"), _contact),
    Field(
        "declared",
        _("报告自称的各项数目（类别、问题、表现形式、已完成、阶段性完成、立行立改、不宜公开）"),
        _declared,
    ),
    Field("problem_count", _("本通报公开的问题数"), _attribute("problem_count")),
    Field("completed_count", _("其中已完成整改的问题数"), _attribute("completed_count")),
]


def report_row(request, report: Report) -> dict:
    """One report as the API lists it (report from report_rows_queryset)."""
    return row(request, report, REPORT_FIELDS)


def _report_problems(request, report: Report) -> list[dict]:
    problems = issue_rows_queryset(Issue.objects.published().filter(report=report)).order_by("order", "pk")
    return [issue_row(request, issue) for issue in problems]


CHANGE_GROUPS = (
    "newly_finished",
    "moved_on",
    "still_open",
    "unchanged",
    "newly_added",
    "pending_match",
    "not_mentioned",
)


def _changes(request, report: Report) -> dict | None:
    """A later report's news, problem by problem: null for the inspection's first published report."""
    changes = report.changes_since_previous()
    if changes is None:
        return None

    def entry(change):
        return {
            "problem_id": change.now.issue_id,
            "url": absolute(request, reverse("api_issue_detail", args=[change.now.issue_id])),
            "number": change.now.number,
            "title": change.now.title,
            "previous_status": choice(change.before.status, IssueStatus) if change.before else None,
            "status": choice(change.now.status, IssueStatus),
        }

    return {
        "previous_report_id": changes.previous.pk,
        "previous_report_url": absolute(request, reverse("api_report_detail", args=[changes.previous.pk])),
        **{group: [entry(change) for change in getattr(changes, group)] for group in CHANGE_GROUPS},
    }


REPORT_DETAIL_FIELDS = [
    Field("problems", _("本通报公开的问题，字段同问题列表"), _report_problems),
    Field(
        "changes_since_previous",
        _(
            "与同一巡察上一期公开通报相比：新完成、状态有变化、仍在整改、未变、新增、"
            "待核实是否已有（pending_match）、未提及的问题；首期为 null"
        ),
        _changes,
    ),
]


def _parent(request, unit: Unit) -> dict | None:
    return {"id": unit.parent.pk, "name": unit.parent.name} if unit.parent else None


UNIT_FIELDS = [
    Field("id", _("单位编号（本站）"), _attribute("pk")),
    Field("url", _("本单位的 API 地址"), _url("api_unit_detail")),
    Field("web_url", _("本单位的网页地址"), _url("unit_detail")),
    Field("name", _("全称"), _attribute("name")),
    Field("short_name", _("简称"), _attribute("short_name")),
    Field("region", _("所在地区"), _attribute("region")),
    Field("level", _("层级"), _chosen("level", UnitLevel)),
    Field("parent", _("上级单位：id、name，无则为 null"), _parent),
    Field("issue_count", _("公开的问题数"), _attribute("issue_count")),
    Field("completed_count", _("其中已完成整改的问题数"), _attribute("completed_count")),
    Field("unknown_count", _("其中通报未载明整改状态的问题数"), _attribute("unknown_count")),
]


def unit_row(request, unit: Unit) -> dict:
    """One unit as the API lists it (unit from unit_rows_queryset)."""
    return row(request, unit, UNIT_FIELDS)


def _status_counts(request, unit: Unit) -> list[dict]:
    by_status = Issue.objects.published().for_unit(unit).count_by_status()
    return [{**choice(code, IssueStatus), "count": by_status.get(code, 0)} for code in IssueStatus.values]


def _unit_reports(request, unit: Unit) -> list[dict]:
    return [
        {key: value for key, value in _report_ref(request, report).items() if key != "date"}
        for report in report_rows_queryset().filter(inspection__unit=unit)
    ]


def _sub_units(request, unit: Unit) -> list[dict]:
    return [unit_ref(request, sub) for sub in Unit.objects.public().filter(parent=unit).order_by("name")]


UNIT_DETAIL_FIELDS = [
    Field("status_counts", _("各整改状态的问题数"), _status_counts),
    Field("reports", _("本单位公开的通报"), _unit_reports),
    Field("sub_units", _("下级单位"), _sub_units),
]
