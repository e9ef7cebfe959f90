"""One search box (issue #18): several terms, traditional and full-width forms, units and reports."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from rectify.models import Issue, Measure, Report, Unit
from rectify.search import query as search_query
from rectify.search.text import fold, search_terms
from rectify.tests.test_search import expected_issue_ids, expected_measure_ids, problem_beside

pytestmark = pytest.mark.django_db


@pytest.fixture
def printed_forms(imported_seeds):
    """A published problem whose texts are printed in traditional characters and full-width forms."""
    first = Issue.objects.filter(is_published=True).order_by("pk").first()
    issue = problem_beside(first, "forms", 998, "補助資金重複發放", "意識形態工作責任制落實不到位")
    Measure.objects.create(issue=issue, order=1, text="停用ＸＹＺＡＰＰ客户端，２０９９年底前完成")
    return issue


def test_traditional_and_full_width_queries_find_simplified_and_half_width_text(printed_forms):
    simplified = Issue.objects.exclude(pk=printed_forms.pk).search("补助")
    assert simplified.exists()  # the seeds print 补助 in simplified characters
    assert set(Issue.objects.search("補助")) == set(Issue.objects.search("补助"))
    assert set(Issue.objects.search("意識形態")) == set(Issue.objects.search("意识形态")) >= {printed_forms}
    assert Measure.objects.search("XYZAPP").get().issue == printed_forms
    assert Measure.objects.search("ＸＹＺＡＰＰ").get() == Measure.objects.search("xyzapp").get()
    assert Measure.objects.search("2099年底").get() == Measure.objects.search("２０９９年底").get()


def test_simplified_queries_find_text_printed_in_traditional_characters(printed_forms):
    for query in ("补助资金", "重复发放", "补", "责任", "责任制落实"):  # 1-6 characters: each kind of lookup
        assert printed_forms in Issue.objects.search(query), query
        assert printed_forms.pk in {issue.pk for issue in Issue.objects.search_published(query)[0:10_000]}, query


def test_folded_queries_use_the_index(printed_forms):
    marker = "MATCH" if connection.vendor == "sqlite" else "rectify_search_"
    for query in ("補", "補助", "意識形態", "ＸＹＺＡＰＰ", "２０９９"):
        assert marker in str(Issue.objects.search(query).query), query
        assert marker in str(Measure.objects.search(query).query), query
        with CaptureQueriesContext(connection) as run:
            count = Issue.objects.search_published(query).count()
        assert count == len(expected_issue_ids(query) & set(Issue.objects.published().values_list("pk", flat=True)))
        assert "LIKE" not in run.captured_queries[-1]["sql"].upper(), query  # the index counted, no scan


def test_several_terms_find_problems_holding_all_of_them(printed_forms):
    only_one = {
        problem_beside(printed_forms, f"one-{n}", 990 + n, title) for n, title in enumerate(["只有补助", "只有重复"])
    }
    both = set(Issue.objects.search("补助 重复"))
    assert not both & only_one
    assert both == {Issue.objects.get(pk=pk) for pk in expected_issue_ids("补助 重复")}
    either = set(Issue.objects.search("补助")) | set(Issue.objects.search("重复"))
    assert both and both < either  # AND, not OR
    assert printed_forms in both  # traditional text, simplified query, two terms
    # Each term may be in a different text of the problem: title and a measure.
    assert printed_forms in Issue.objects.search("补助 ＡＰＰ")
    assert set(Measure.objects.search("APP 2025")) == {
        Measure.objects.get(pk=pk) for pk in expected_measure_ids("APP 2025")
    }
    assert not Measure.objects.search("APP 补助").exists()  # no one measure holds both
    hits = Issue.objects.search_published("补助 重复")
    assert hits.count() == len(both) and {issue.pk for issue in hits[0:100]} == {issue.pk for issue in both}


def test_terms_are_folded_split_on_any_whitespace_and_each_asked_once():
    assert search_terms("  補助\u3000重复 补助  ") == ["补助", "重复"]
    assert search_terms("") == [] and search_terms("   ") == []
    assert fold("ＷｅＣｈａｔ公众號") == "wechat公众号"


def test_search_page_shows_units_and_reports_by_name(printed_forms, client):
    unit = Unit.objects.public().order_by("pk").first()
    name = unit.name[:4]
    page = client.get(reverse("search"), {"q": name})
    text = page.content.decode()
    assert page.status_code == 200
    assert reverse("unit_detail", args=[unit.pk]) in text
    assert page.context["unit_count"] == Unit.objects.public().filter(name__contains=name).count()
    reports = Report.objects.published().filter(inspection__unit__name__contains=name)
    assert page.context["report_count"] == reports.count() > 0
    for report in reports[:5]:
        assert report.get_absolute_url() in text


def test_search_page_finds_a_unit_by_its_traditional_name_and_never_a_drafts_unit(printed_forms, client):
    unit = Unit.objects.public().order_by("pk").first()
    traditional = unit.name.translate(str.maketrans("县区市委会党组", "縣區市委會黨組"))
    page = client.get(reverse("search"), {"q": traditional})
    assert unit in page.context["units"]
    hidden = Unit.objects.create(name="草稿单位韩城某局")
    page = client.get(reverse("search"), {"q": "韩城某局"})
    assert hidden not in page.context["units"] and "草稿单位" not in page.content.decode()


def test_search_box_suggests_public_unit_names_in_plain_html(printed_forms, client):
    Unit.objects.create(name="只在草稿里的单位")
    text = client.get(reverse("search")).content.decode()
    assert 'list="unit-names"' in text and '<datalist id="unit-names">' in text
    for name in Unit.objects.public().values_list("name", flat=True):
        assert f'<option value="{name}">' in text
    assert "只在草稿里的单位" not in text


def test_search_page_marks_what_was_found_in_its_printed_form(printed_forms, client):
    text = client.get(reverse("search"), {"q": "补助 xyzapp"}).content.decode()
    assert "<mark>補助</mark>資金重複發放" in text
    assert "停用<mark>ＸＹＺＡＰＰ</mark>客户端" in text


def test_filter_names_escapes_like_wildcards(printed_forms):
    assert not search_query.filter_names(Unit.objects.all(), ["name"], "%").exists()
    assert not search_query.filter_names(Unit.objects.all(), ["name"], "_").exists()
