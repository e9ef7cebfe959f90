"""IssueFilter and UnitFilter on the seed reports: every filter value, the facet counts, bad values.

Expected counts are computed here in plain Python from the imported rows, never hard-coded, so a
filter that drifts from its meaning fails.
"""

import datetime
from collections import Counter

import pytest
from django.utils import timezone

from rectify.filters import OPEN, IssueFilter, UnitFilter
from rectify.models import DueBasis, Issue, IssueStatus, Measure, Report, Unit, UnitLevel

pytestmark = pytest.mark.django_db


@pytest.fixture
def stated_deadlines(imported_seeds):
    """The seeds state no deadline for their open problems (each is estimated from the feedback
    date); give every other one a stated deadline, so overdue and not overdue both occur."""
    open_ids = Issue.objects.published().filter(status__in=IssueStatus.open_values()).order_by("pk")
    chosen = list(open_ids.values_list("pk", flat=True))[::2]
    Issue.objects.filter(pk__in=chosen).update(due_basis=DueBasis.STATED)
    return chosen


@pytest.fixture
def rows(stated_deadlines):
    """Every published problem as a plain dict, the independent truth the filters are checked against."""
    today = timezone.localdate()
    measures = {}
    for issue_id, text in Measure.objects.values_list("issue_id", "text"):
        measures.setdefault(issue_id, []).append(text)
    result = []
    for issue in Issue.objects.published().select_related("inspection__unit", "category__parent"):
        unit = issue.inspection.unit
        category = issue.category
        result.append(
            {
                "pk": issue.pk,
                "unit": unit.pk,
                "region": unit.region,
                "level": unit.level,
                "inspector": issue.inspection.inspector,
                "kind": issue.inspection.kind,
                "year": issue.inspection.start_date.year if issue.inspection.start_date else None,
                "categories": {category.title, category.parent.title if category.parent else None}
                if category
                else set(),
                "status": issue.status,
                "immediate": issue.immediate,
                # Known to be unfinished, past a deadline the report stated or staff set.
                "overdue": bool(
                    issue.due_date
                    and issue.due_date < today
                    and issue.status in IssueStatus.open_values()
                    and issue.due_basis in (DueBasis.STATED, DueBasis.STAFF)
                ),
                "text": [issue.title, issue.description, *measures.get(issue.pk, [])],
            }
        )
    return result


def filtered(data):
    filterset = IssueFilter(data, queryset=Issue.objects.published())
    assert filterset.is_valid(), filterset.errors
    return set(filterset.qs.values_list("pk", flat=True))


def expected(rows, predicate):
    return {row["pk"] for row in rows if predicate(row)}


def test_seed_rows_cover_several_values_of_each_filter(rows):
    # Guards the tests below: a filter checked on one value only would prove little.
    assert len({r["unit"] for r in rows}) >= 5
    assert len({r["status"] for r in rows}) >= 3
    assert len({r["year"] for r in rows}) >= 2
    assert any(r["immediate"] for r in rows) and any(r["overdue"] for r in rows)


def test_unit_filter_gives_each_units_problems(rows):
    for unit in {r["unit"] for r in rows}:
        assert filtered({"unit": str(unit)}) == expected(rows, lambda r, u=unit: r["unit"] == u)


def test_region_filter_matches_the_region_and_its_prefixes(rows):
    for region in {r["region"] for r in rows}:
        for prefix in {region, region[:3], region[:6]}:
            assert filtered({"region": prefix}) == expected(rows, lambda r, p=prefix: r["region"].startswith(p))


def test_level_filter(rows):
    for level in UnitLevel.values:
        assert filtered({"level": level}) == expected(rows, lambda r, v=level: r["level"] == v)


def test_inspector_kind_and_year_filters(rows):
    for field in ("inspector", "kind", "year"):
        for value in {r[field] for r in rows if r[field]}:
            assert filtered({field: str(value)}) == expected(rows, lambda r, f=field, v=value: r[f] == v), (
                field,
                value,
            )


def test_category_filter_matches_a_category_or_its_subcategories(rows):
    titles = {title for r in rows for title in r["categories"] if title}
    assert titles
    for title in titles:
        assert filtered({"category": title}) == expected(rows, lambda r, t=title: t in r["categories"])


def test_status_filter_single_values_and_the_open_group(rows):
    for status in IssueStatus.values:
        assert filtered({"status": status}) == expected(rows, lambda r, s=status: r["status"] == s)
    open_values = {IssueStatus.PARTIAL, IssueStatus.IN_PROGRESS, IssueStatus.NOT_STARTED}
    assert filtered({"status": OPEN}) == expected(rows, lambda r: r["status"] in open_values)


def test_immediate_and_overdue_filters_both_ways(rows):
    for field in ("immediate", "overdue"):
        assert filtered({field: "true"}) == expected(rows, lambda r, f=field: r[f])
        assert filtered({field: "false"}) == expected(rows, lambda r, f=field: not r[f])


@pytest.mark.parametrize("query", ["补", "补助", "公众号", "微信公众", "整改不到位", "巡察整改工作"])
def test_text_filter_is_a_substring_match_over_problems_and_measures(rows, query):
    want = expected(rows, lambda r: any(query in text for text in r["text"]))
    assert want, query
    assert filtered({"q": query}) == want


def test_filters_combine(rows):
    unit = Counter(r["unit"] for r in rows).most_common(1)[0][0]
    want = expected(rows, lambda r: r["unit"] == unit and r["status"] == IssueStatus.COMPLETED)
    assert filtered({"unit": str(unit), "status": "completed"}) == want


def test_drafts_are_outside_the_published_base(rows):
    report = Report.objects.get(inspection__unit__name="中共韩城市委宣传部")
    report.is_published = False
    report.save()
    drafts = set(report.issues.values_list("pk", flat=True))
    assert drafts and not drafts & filtered({})


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"status": OPEN},
        {"unit": "__first__", "overdue": "true"},
        {"year": "2024", "status": "completed"},
        {"q": "整改", "immediate": "false"},
    ],
)
def test_each_facet_count_equals_the_count_that_choice_gives(stated_deadlines, data):
    if data.get("unit") == "__first__":
        data = {**data, "unit": str(Issue.objects.published().overdue().values_list("inspection__unit", flat=True)[0])}
    filterset = IssueFilter(data or None, queryset=Issue.objects.published())
    facets = filterset.facets()
    assert {facet.name for facet in facets} >= {"status", "unit", "region", "year", "category", "overdue"}
    for facet in facets:
        for choice in facet.choices:
            chosen = {**data, facet.name: choice.value}
            assert len(filtered(chosen)) == choice.count, (facet.name, choice.value)
            assert choice.selected == (data.get(facet.name) == choice.value)


def test_facets_take_one_query_each(imported_seeds, django_assert_max_num_queries):
    filterset = IssueFilter({"status": OPEN, "q": "整改"}, queryset=Issue.objects.published())
    assert filterset.is_valid()
    with django_assert_max_num_queries(len(IssueFilter.base_filters)):
        facets = filterset.facets()
    assert facets


@pytest.mark.parametrize(
    "data",
    [
        {"unit": "abc"},
        {"unit": "999999"},
        {"year": "twenty"},
        {"year": "99999999999999999999"},
        {"status": "done-ish"},
        {"level": "planet"},
        {"warning": "purple"},
        {"sort": "password"},
        {"q": "字" * 101},
    ],
)
def test_bad_values_make_the_filterset_invalid(imported_seeds, data):
    filterset = IssueFilter(data, queryset=Issue.objects.published())
    assert not filterset.is_valid()
    assert set(filterset.errors) == set(data)


def test_unit_filter_by_region_level_and_name(imported_seeds):
    units = list(Unit.objects.all())
    for level in {u.level for u in units if u.level}:
        got = set(UnitFilter({"level": level}, queryset=Unit.objects.all()).qs.values_list("pk", flat=True))
        assert got == {u.pk for u in units if u.level == level}
    for region in {u.region for u in units if u.region}:
        got = set(UnitFilter({"region": region[:6]}, queryset=Unit.objects.all()).qs.values_list("pk", flat=True))
        assert got == {u.pk for u in units if u.region.startswith(region[:6])}
    got = set(UnitFilter({"q": "闽清"}, queryset=Unit.objects.all()).qs.values_list("pk", flat=True))
    assert got == {u.pk for u in units if "闽清" in u.name}
    assert not UnitFilter({"level": "planet"}, queryset=Unit.objects.all()).is_valid()


def test_overdue_depends_on_today(rows):
    # The same rows, judged a year earlier, are not overdue: the filter uses the current date.
    issue = Issue.objects.published().filter(pk__in=filtered({"overdue": "true"})).first()
    assert issue.pk in filtered({"overdue": "true"})
    issue.due_date = timezone.localdate() + datetime.timedelta(days=365)
    issue.save()
    assert issue.pk not in filtered({"overdue": "true"})


@pytest.mark.parametrize("field", ["year", "unit", "status", "due", "updated"])
def test_every_sort_field_is_accepted_both_ways(imported_seeds, field):
    for value in (field, f"-{field}"):
        filterset = IssueFilter({"sort": value}, queryset=Issue.objects.published())
        assert filterset.is_valid(), value
        assert filterset.qs.count() == Issue.objects.published().count()


@pytest.mark.parametrize("word, expected", [("true", True), ("false", False), ("True", True), ("", None)])
def test_yes_no_filters_read_true_false_or_nothing(word, expected):
    filterset = IssueFilter({"immediate": word, "overdue": word}, queryset=Issue.objects.none())
    assert filterset.is_valid()
    assert filterset.form.cleaned_data["immediate"] is expected
    assert filterset.form.cleaned_data["overdue"] is expected


def test_yes_no_filters_reject_an_unknown_word_in_the_form():
    filterset = IssueFilter({"immediate": "maybe", "overdue": "yes please"}, queryset=Issue.objects.none())
    assert not filterset.is_valid()
    assert set(filterset.errors) == {"immediate", "overdue"}
    assert filterset.errors["immediate"] == ["请填 true 或 false。"]


@pytest.mark.django_db
def test_the_filter_form_submitted_with_every_select_on_all_is_valid(client, imported_seeds):
    # What the page's form sends when only 整改状态 is chosen: every other select's empty 全部.
    names = ["q", "unit", "region", "level", "inspector", "kind", "year", "category", "immediate", "overdue", "sort"]
    query = "status=completed&" + "&".join(f"{name}=" for name in names)
    response = client.get(f"/problems/?{query}")

    assert response.status_code == 200
    assert response.context["paginator"].count == Issue.objects.published().filter(status="completed").count()
