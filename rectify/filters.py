"""Query-string filters for the public lists, the exports and the API (django-filter).

One FilterSet per list, so a page, its CSV/XLSX/JSON export and the API answer the same query
string with the same rows. Facet counts (how many rows each choice of a filter would give) live
here too, so the page shows numbers that agree with the filter it links to.
"""

import json
import re
from dataclasses import dataclass
from decimal import Decimal

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import BooleanField, Case, Count, F, Model, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce, ExtractYear
from django.utils.translation import gettext_lazy as _

from rectify import caching
from rectify.models import (
    Inspection,
    InspectionType,
    Issue,
    IssueStatus,
    Report,
    Unit,
    UnitLevel,
    WarningLevel,
    overdue_condition,
    report_date,
)
from rectify.search.text import MAX_QUERY_LENGTH

OPEN = "open"


class FilterSet(django_filters.FilterSet):
    """A FilterSet whose error messages do not repeat the rejected value.

    Django's "%(value)s is not one of the available choices" prints a value of any length back
    into the page; the page lists the chosen values once, shortened, beside the error.
    """

    @property
    def form(self):
        if not hasattr(self, "_form"):
            for field in super().form.fields.values():
                # invalid_pk_value: a multi-select of units names the rejected id, as invalid_choice would.
                for code in ("invalid_choice", "invalid_pk_value"):
                    if code in field.error_messages:
                        field.error_messages = {**field.error_messages, code: _("不是可选的值。")}
        return self._form


class _RawValueSelect(forms.NullBooleanSelect):
    """The yes/no select, handing the field the submitted word as it is, so the field can refuse it."""

    def value_from_datadict(self, data, files, name):
        return data.get(name)


class StrictBooleanField(forms.NullBooleanField):
    """true/false (as NullBooleanSelect spells them) or nothing; any other word is an error, not "not given"."""

    widget = _RawValueSelect
    default_error_messages = {"invalid": _("请填 true 或 false。")}
    WORDS = {"true": True, "True": True, "2": True, "false": False, "False": False, "3": False}

    def to_python(self, value):
        if value in (None, ""):
            return None
        if isinstance(value, bool):
            return value
        if value in self.WORDS:
            return self.WORDS[value]
        raise ValidationError(self.error_messages["invalid"], code="invalid")


class StrictBooleanFilter(django_filters.BooleanFilter):
    """A yes/no filter that rejects unknown words in the form, as every other filter rejects bad values."""

    field_class = StrictBooleanField


# Choice labels are the models' own (translated there); the filters add only what no model has.
STATUS_CHOICES = [*IssueStatus.choices, (OPEN, _("未完成整改（阶段性完成、正在整改、未整改）"))]
LEVEL_CHOICES = UnitLevel.choices
WARNING_CHOICES = WarningLevel.choices
YES_NO = {"true": _("是"), "false": _("否")}


@dataclass(frozen=True)
class FacetChoice:
    value: str
    label: str
    count: int
    selected: bool

    @property
    def text(self) -> str:
        """The choice as a select option shows it: label and count."""
        return _("%(label)s（%(n)s）") % {"label": self.label, "n": self.count}


@dataclass(frozen=True)
class Facet:
    name: str
    label: str
    choices: list[FacetChoice]

    @property
    def selected(self) -> list[FacetChoice]:
        return [choice for choice in self.choices if choice.selected]


MAX_VALUES_PER_FILTER = 20


class ValuesWidget(forms.SelectMultiple):
    """Several values from a query string; from a plain dict (tests, callers), one value as a list of one.

    An empty value is the select's 全部 (a form submitted with nothing chosen sends unit=): no value.
    """

    def value_from_datadict(self, data, files, name):
        value = super().value_from_datadict(data, files, name)
        values = [value] if isinstance(value, str) else value
        return [item for item in values if item != ""] if values is not None else None


class ValuesField(forms.MultipleChoiceField):
    """Several values of one query parameter (?region=a&region=b), each free text up to max_length.

    For facets whose values are the data's own (regions, 巡察组, categories): no fixed list to check
    against, so each value is checked for length, and their number is capped.
    """

    def __init__(self, *args, max_length: int = 100, pattern: str | None = None, normalise=None, **kwargs):
        self.max_length, self.pattern = max_length, re.compile(pattern) if pattern else None
        self.normalise = normalise or (lambda item: item)
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        return [self.normalise(item.strip()) for item in super().to_python(value) if item.strip()]

    def validate(self, value):
        super().validate(value)
        if len(value) > MAX_VALUES_PER_FILTER:
            raise forms.ValidationError(_("最多选 %(n)s 项。"), params={"n": MAX_VALUES_PER_FILTER}, code="too_many")

    def valid_value(self, value):
        # No NUL: PostgreSQL text cannot hold one (a CharField refuses it by its validator; this is no CharField).
        if "\x00" in value or len(value) > self.max_length:
            return False
        return self.pattern is None or bool(self.pattern.fullmatch(value))


def _whole_number(text: str) -> str:
    """ "2024.0" as "2024", as a number field reads it; anything else as it is, for the pattern to judge."""
    try:
        number = Decimal(text)
    except ArithmeticError:
        return text
    return str(int(number)) if number.is_finite() and number == number.to_integral_value() else text


class ValuesFilter(django_filters.MultipleChoiceFilter):
    """Rows matching any of the given values (OR within a filter, AND across filters), as facets select them."""

    field_class = ValuesField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("distinct", False)  # every lookup here follows foreign keys to one row
        kwargs.setdefault("widget", ValuesWidget)
        super().__init__(*args, **kwargs)


class IdsField(django_filters.fields.ModelMultipleChoiceField):
    """Several ids; one that is no whole number a database column can hold is refused, not looked up
    (SQLite raises OverflowError on an id past 64 bits in an IN list)."""

    def _check_values(self, value):
        for pk in value:
            text = str(pk).strip()
            if not text.isdigit() or int(text) >= 2**63:
                raise forms.ValidationError(self.error_messages["invalid_pk_value"], code="invalid_pk_value")
        return super()._check_values(value)


class IdsFilter(django_filters.ModelMultipleChoiceFilter):
    field_class = IdsField


class IssueFilter(FilterSet):
    q = django_filters.CharFilter(label=_("关键词"), method="filter_text", max_length=MAX_QUERY_LENGTH)
    unit = IdsFilter(
        label=_("被巡察单位"),
        field_name="inspection__unit",
        queryset=Unit.objects.all(),
        distinct=False,
        widget=ValuesWidget,
    )
    region = ValuesFilter(
        label=_("地区"), field_name="inspection__unit__region", lookup_expr="startswith", max_length=100
    )
    level = django_filters.MultipleChoiceFilter(
        label=_("层级"),
        field_name="inspection__unit__level",
        choices=LEVEL_CHOICES,
        distinct=False,
        widget=ValuesWidget,
    )
    inspector = ValuesFilter(label=_("巡察组"), field_name="inspection__inspector", max_length=100)
    kind = ValuesFilter(label=_("巡察类型"), field_name="inspection__kind", max_length=50)
    year = ValuesFilter(
        label=_("巡察年份"),
        field_name="inspection__start_date__year",
        pattern=r"(19|2\d)\d\d",
        normalise=_whole_number,
    )
    category = ValuesFilter(label=_("问题类别"), method="filter_category", max_length=300)
    status = django_filters.MultipleChoiceFilter(
        label=_("整改状态"), choices=STATUS_CHOICES, method="filter_status", distinct=False, widget=ValuesWidget
    )
    immediate = StrictBooleanFilter(label=_("立行立改"))
    overdue = StrictBooleanFilter(label=_("已逾期"), method="filter_overdue")
    warning = django_filters.MultipleChoiceFilter(
        label=_("预警"), choices=WARNING_CHOICES, method="filter_warning", distinct=False, widget=ValuesWidget
    )
    sort = django_filters.OrderingFilter(
        label=_("排序"),
        empty_label=_("默认（按巡察和原文顺序）"),
        fields=(
            ("inspection__start_date", "year"),
            ("inspection__unit__name", "unit"),
            ("status", "status"),
            ("due_date", "due"),
            ("updated_at", "updated"),
        ),
        # Every field both ways, as the exports and the API accept them; labels a reader understands.
        choices=[
            ("-year", _("巡察时间：由近到远")),
            ("year", _("巡察时间：由远到近")),
            ("unit", _("单位名称")),
            ("-unit", _("单位名称（倒序）")),
            ("status", _("整改状态")),
            ("-status", _("整改状态（倒序）")),
            ("due", _("整改期限：由早到晚")),
            ("-due", _("整改期限：由晚到早")),
            ("-updated", _("最近更新")),
            ("updated", _("最早更新")),
        ],
    )

    class Meta:
        model = Issue
        fields = []

    def filter_text(self, queryset, name, value):
        return queryset.search(value)

    def filter_category(self, queryset, name, value):
        return queryset.filter(Q(category__title__in=value) | Q(category__parent__title__in=value))

    def filter_status(self, queryset, name, value):
        statuses = set(value) - {OPEN}
        if OPEN in value:
            statuses.update(IssueStatus.open_values())
        return queryset.filter(status__in=sorted(statuses))

    def filter_overdue(self, queryset, name, value):
        overdue = queryset.overdue()
        return overdue if value else queryset.exclude(pk__in=overdue.values("pk"))

    def filter_warning(self, queryset, name, value):
        return queryset.with_warning().filter(warning__in=value)

    # --- facets -------------------------------------------------------------------------------

    def chosen(self) -> dict[str, str | list[str]]:
        """The valid filter values, each as its facet choice's value (several, sorted, for a multi-value
        filter); sort and unknown parameters left out.

        What facet counts depend on, and all they may depend on: the raw query string can spell one
        filter many ways (" 2024", "2024.0", "05") and carry parameters no filter reads.
        """
        if not self.is_bound or not self.is_valid():
            return {}
        return {
            name: sorted({_choice_value(item) for item in value})
            if isinstance(value, list | QuerySet)
            else _choice_value(value)
            for name, value in self.form.cleaned_data.items()
            if name != "sort" and value not in (None, "") and not (isinstance(value, list | QuerySet) and not value)
        }

    def facets_key(self) -> str:
        """A cache key part naming exactly the filters facets() counts under (JSON: no separator to forge)."""
        return json.dumps(sorted(self.chosen().items()), ensure_ascii=False)

    def queryset_without(self, excluded: str):
        """The rows every active filter but `excluded` leaves: the base a facet counts over."""
        queryset = self.queryset
        active = self.form.cleaned_data if self.is_bound else {}
        for name, value in active.items():
            if name not in (excluded, "sort"):
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    def facets(self) -> list[Facet]:
        """Each facet's choices with the number of results choosing it would give.

        Counting excludes the facet's own filter (the usual faceting rule), so every choice of a
        facet shows what selecting it instead would give. Facets that count over the same rows
        share two queries: one count per inspection (unit, region, level, inspector, kind and year
        are the inspection's), one per combination of the problem's own facets (status, category,
        立行立改, overdue, warning); the counts are then summed here. So a page asks 2 + (chosen
        filters that have a facet) queries, not one per facet.
        """
        if self.is_bound and not self.is_valid():
            raise ValueError("Facet counts need valid filter values; show the form's errors instead.")
        chosen = self.chosen()
        active = set(chosen)
        rows: dict[tuple[str, str | None], list[dict]] = {}

        def rows_for(kind: str, name: str) -> list[dict]:
            base = name if name in active else None  # the facets of unchosen filters share one base
            if (kind, base) not in rows:
                queryset = self.queryset_without(name)
                rows[kind, base] = self._per_inspection(queryset) if kind == "inspection" else self._per_kind(queryset)
            return rows[kind, base]

        facets = []
        for name, (kind, counter) in self._counters().items():
            # The validated values, not the raw ones: facets are cached under facets_key().
            current = chosen.get(name, [])
            current = set(current) if isinstance(current, list) else {current} - {""}
            choices = [
                FacetChoice(str(value), str(label), count, str(value) in current)
                for value, label, count in counter(rows_for(kind, name))
            ]
            if not choices and not current:
                continue
            for missing in sorted(current - {choice.value for choice in choices}):
                # A valid choice nothing matches still shows, selected, with its zero.
                choices.append(FacetChoice(missing, missing, 0, True))
            facets.append(Facet(name, str(self.filters[name].label), choices))
        return facets

    def _counters(self):
        """Each facet, in page order: which rows it counts (per inspection or per kind) and how."""
        return {
            "status": ("kind", self._count_status),
            "unit": ("inspection", self._count_unit),
            "region": ("inspection", self._count_region),
            "level": ("inspection", self._count_level),
            "inspector": ("inspection", _by_value("inspector")),
            "kind": ("inspection", _by_value("kind")),
            "year": ("inspection", self._count_year),
            "category": ("kind", _by_value("category_title")),
            "immediate": ("kind", self._count_immediate),
            "overdue": ("kind", self._count_overdue),
            "warning": ("kind", self._count_warning),
        }

    # Counts are plain COUNT(*), not COUNT(DISTINCT pk): every filter here follows foreign keys
    # towards one row (issue -> inspection -> unit, report, category) or tests the issue itself, so
    # no join repeats a problem, and DISTINCT would only add a sort of every matching row. Not
    # COUNT(pk) either: PostgreSQL's indexes do not hold the id, and asking for it turns the
    # per-inspection count from an index-only scan of issue_facets_idx into a read of every
    # matching row (open problems of one kind, 10,000 reports: 95 -> 22 ms).

    @staticmethod
    def _per_inspection(queryset) -> list[dict]:
        """The matching problems of each inspection, with what the inspection facets count by.

        Grouped by inspection alone, the count reads the problem index in its own order; the
        inspections' unit, region and so on come from a table this process keeps.
        """
        facts = caching.held_in_process("inspection-facets", _inspection_facts)
        # Grouped by inspection_id + 0, not the column: SQLite's planner would read the whole
        # problem index in inspection order to skip a sort, instead of the few inspections the
        # filters pick (25 ms -> 3 ms).
        counts = (
            queryset.order_by()
            .annotate(per_inspection=F("inspection") + 0)
            .values_list("per_inspection")
            .annotate(n=Count("*"))
        )
        return [{**facts[inspection], "n": n} for inspection, n in counts]

    @staticmethod
    def _per_kind(queryset) -> list[dict]:
        """The matching problems of each combination of status, category, 立行立改, overdue and warning."""
        overdue = Case(When(overdue_condition(), then=Value(True)), default=Value(False), output_field=BooleanField())
        return list(
            queryset.order_by()
            .with_warning()
            .annotate(category_title=Coalesce("category__parent__title", "category__title"), is_overdue=overdue)
            .values("status", "immediate", "warning", "is_overdue", "category_title")
            .annotate(n=Count("*"))
        )

    def _count_status(self, rows):
        counts = _sums(rows, "status")
        open_count = sum(counts.get(code, 0) for code in IssueStatus.open_values())
        return [(code, label, counts.get(code, 0)) for code, label in STATUS_CHOICES if code != OPEN] + [
            (OPEN, STATUS_CHOICES[-1][1], open_count)
        ]

    def _count_unit(self, rows):
        names = {row["unit"]: row["unit_name"] for row in rows}
        counts = _sums(rows, "unit")
        return [(unit, names[unit], counts[unit]) for unit in sorted(counts, key=lambda unit: names[unit])]

    def _count_region(self, rows):
        # The filter matches a region and every region inside it (startswith), so a region's count
        # adds up the regions it prefixes.
        exact = _sums(rows, "region")
        regions = sorted(region for region in exact if region)
        return [(r, r, sum(n for other, n in exact.items() if other and other.startswith(r))) for r in regions]

    def _count_level(self, rows):
        counts = _sums(rows, "level")
        return [(code, label, counts[code]) for code, label in LEVEL_CHOICES if code in counts]

    def _count_year(self, rows):
        return sorted(((year, year, n) for year, n in _sums(rows, "year").items() if year), reverse=True)

    def _count_immediate(self, rows):
        counts = _sums(rows, "immediate")
        return [("true", YES_NO["true"], counts.get(True, 0)), ("false", YES_NO["false"], counts.get(False, 0))]

    def _count_overdue(self, rows):
        counts = _sums(rows, "is_overdue")
        overdue, total = counts.get(True, 0), sum(counts.values())
        return [("true", YES_NO["true"], overdue), ("false", YES_NO["false"], total - overdue)]

    def _count_warning(self, rows):
        counts = _sums(rows, "warning")
        return [(code, label, counts[code]) for code, label in WARNING_CHOICES if code in counts]


# What each inspection's facets count by, and where it is read from.
INSPECTION_FACTS = {
    "unit": F("unit"),
    "unit_name": F("unit__name"),
    "region": F("unit__region"),
    "level": F("unit__level"),
    "inspector": F("inspector"),
    "kind": F("kind"),
    "year": F("start_date"),  # the date, its year taken in Python (see _inspection_facts)
}


def _inspection_facts() -> dict[int, dict]:
    """INSPECTION_FACTS of every inspection, by its id.

    The year is taken from the date here: SQLite's ExtractYear is a Python function Django calls
    per row, which cost 27 ms of the 92 ms a problem list took at 10,000 inspections.
    """
    rows = Inspection.objects.order_by().values_list("pk", *INSPECTION_FACTS.values())
    facts = {pk: dict(zip(INSPECTION_FACTS, values, strict=True)) for pk, *values in rows}
    for one in facts.values():
        one["year"] = one["year"] and one["year"].year
    return facts


def _choice_value(value) -> str:
    """A cleaned filter value as the facets spell their choices' values."""
    if isinstance(value, Model):
        return str(value.pk)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return str(int(value))
    return str(value)


def _sums(rows: list[dict], field: str) -> dict:
    """The problem counts of `rows` added up by the value of `field`."""
    counts: dict = {}
    for row in rows:
        counts[row[field]] = counts.get(row[field], 0) + row["n"]
    return counts


def _by_value(field: str):
    """A facet whose choices are the field's own values, most problems first (then by value), blanks left out."""

    def count(rows):
        counts = [(value, n) for value, n in _sums(rows, field).items() if value]
        return [(value, value, n) for value, n in sorted(counts, key=lambda item: (-item[1], item[0]))]

    return count


class UnitFilter(FilterSet):
    q = django_filters.CharFilter(label=_("单位名称"), field_name="name", lookup_expr="contains", max_length=100)
    region = django_filters.CharFilter(label=_("地区"), field_name="region", lookup_expr="startswith", max_length=100)
    level = django_filters.ChoiceFilter(label=_("层级"), field_name="level", choices=LEVEL_CHOICES)

    class Meta:
        model = Unit
        fields = []

    def region_choices(self) -> list[str]:
        """Regions of the units the other filters leave, for the region select."""
        queryset = self.queryset
        if self.is_bound and self.is_valid():
            for name in ("q", "level"):
                queryset = self.filters[name].filter(queryset, self.form.cleaned_data.get(name))
        return sorted({region for region in queryset.values_list("region", flat=True) if region})


class ReportFilter(FilterSet):
    """The report list's filters: where, when, whose, and 巡察 or 巡视."""

    region = django_filters.CharFilter(
        label=_("地区"), field_name="inspection__unit__region", lookup_expr="startswith", max_length=100
    )
    year = django_filters.NumberFilter(label=_("通报年份"), method="filter_year", min_value=1900, max_value=2999)
    unit = django_filters.ModelChoiceFilter(
        label=_("被巡察单位"), field_name="inspection__unit", queryset=Unit.objects.all()
    )
    kind = django_filters.ChoiceFilter(label=_("巡察或巡视"), choices=InspectionType.choices, method="filter_kind")

    class Meta:
        model = Report
        fields = []

    def filter_year(self, queryset, name, value):
        return queryset.in_year(int(value))

    def filter_kind(self, queryset, name, value):
        return queryset.of_inspection_type(value)

    def options(self) -> dict[str, list]:
        """What the selects offer: the regions, years and units of published reports (three queries)."""
        published = Report.objects.published()
        units = Unit.objects.reported().order_by("name").values_list("pk", "name")
        regions = published.order_by().values_list("inspection__unit__region", flat=True).distinct()
        years = published.order_by().annotate(best_year=ExtractYear(report_date())).values_list("best_year", flat=True)
        return {
            "regions": sorted({region for region in regions if region}),
            "years": sorted({year for year in years.distinct() if year}, reverse=True),
            "units": list(units),
        }
