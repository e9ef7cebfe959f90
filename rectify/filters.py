"""Query-string filters for the public lists, the exports and the API (django-filter).

One FilterSet per list, so a page, its CSV/XLSX/JSON export and the API answer the same query
string with the same rows.
"""

import django_filters
from django.db.models import Q

from rectify import search
from rectify.models import Issue, IssueStatus, Unit, UnitLevel, WarningLevel

OPEN = "open"
STATUS_CHOICES = [*IssueStatus.choices, (OPEN, "未完成整改（阶段性完成、正在整改、未整改）")]


class IssueFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="关键词", method="filter_text", max_length=search.MAX_QUERY_LENGTH)
    unit = django_filters.ModelChoiceFilter(
        label="被巡察单位", field_name="inspection__unit", queryset=Unit.objects.all()
    )
    region = django_filters.CharFilter(label="地区", field_name="inspection__unit__region", lookup_expr="startswith")
    level = django_filters.ChoiceFilter(label="层级", field_name="inspection__unit__level", choices=UnitLevel.choices)
    inspector = django_filters.CharFilter(label="巡察组", field_name="inspection__inspector")
    kind = django_filters.CharFilter(label="巡察类型", field_name="inspection__kind")
    year = django_filters.NumberFilter(label="巡察年份", field_name="inspection__start_date__year")
    category = django_filters.CharFilter(label="问题类别", method="filter_category")
    status = django_filters.ChoiceFilter(label="整改状态", choices=STATUS_CHOICES, method="filter_status")
    immediate = django_filters.BooleanFilter(label="立行立改")
    overdue = django_filters.BooleanFilter(label="已逾期", method="filter_overdue")
    warning = django_filters.ChoiceFilter(label="预警", choices=WarningLevel.choices, method="filter_warning")
    sort = django_filters.OrderingFilter(
        label="排序",
        fields=(
            ("inspection__start_date", "year"),
            ("inspection__unit__name", "unit"),
            ("status", "status"),
            ("due_date", "due"),
            ("updated_at", "updated"),
        ),
        field_labels={"year": "巡察时间", "unit": "单位", "status": "状态", "due": "整改期限", "updated": "更新时间"},
    )

    class Meta:
        model = Issue
        fields = []

    def filter_text(self, queryset, name, value):
        return search.filter_issues(queryset, value)

    def filter_category(self, queryset, name, value):
        return queryset.filter(Q(category__title=value) | Q(category__parent__title=value))

    def filter_status(self, queryset, name, value):
        if value == OPEN:
            return queryset.not_completed()
        return queryset.filter(status=value)

    def filter_overdue(self, queryset, name, value):
        overdue = queryset.overdue()
        return overdue if value else queryset.exclude(pk__in=overdue.values("pk"))

    def filter_warning(self, queryset, name, value):
        return queryset.with_warning_level(value)
