"""Measure search (issue #21 target 3): measures' own index, equal to icontains, in the admin and /search/."""

import random

import pytest
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from rectify.models import Issue, Measure
from rectify.search.folding import FOLDED_FROM

pytestmark = pytest.mark.django_db

INDEX = "MATCH" if connection.vendor == "sqlite" else "rectify_search_find_measures"


def sample_terms(seed: int = 21) -> list[str]:
    rng = random.Random(seed)
    texts = list(Measure.objects.values_list("text", flat=True))
    terms = []
    for length in range(1, 7):
        for _ in range(15):
            text = rng.choice(texts)
            start = rng.randrange(max(1, len(text) - length + 1))
            terms.append(text[start : start + length].strip() or "整")
    return terms


def test_measure_counts_equal_icontains_for_terms_of_one_to_six_characters(imported_seeds):
    # The seeds print no character that search folds beyond ASCII case, so folding changes nothing here.
    assert not any(set(text) & set(FOLDED_FROM) for text in Measure.objects.values_list("text", flat=True))
    terms = sample_terms()
    assert {len(term) for term in terms} >= set(range(1, 7))
    for term in [*terms, "整改", "公众号", "意识形态", "巡察整改", "没有这个词", "APP", "app"]:
        found = Measure.objects.search(term)
        assert INDEX in str(found.query)
        assert found.count() == Measure.objects.filter(text__icontains=term).count(), term
        assert set(found) == set(Measure.objects.filter(text__icontains=term)), term


def test_the_measure_index_follows_writes(imported_seeds):
    measure = Measure.objects.order_by("pk").first()
    measure.text = "改写后的措施含有独一无二的词ZQXW"
    measure.save()
    assert Measure.objects.search("独一无二").get() == measure == Measure.objects.search("zqxw").get()
    Measure.objects.filter(pk=measure.pk).update(text="再次改写")
    assert not Measure.objects.search("独一无二").exists()
    assert Measure.objects.search("再次改写").get() == measure
    created = Measure.objects.create(issue=measure.issue, order=900, text="新建的措施語句")
    assert Measure.objects.search("语句").get() == created  # folded: 語 -> 语
    created.delete()
    measure.issue.delete()
    assert not Measure.objects.search("再次改写").exists() and not Measure.objects.search("语句").exists()


def test_admin_measure_search_goes_through_the_measure_index(imported_seeds, rf, admin_user):
    model_admin = admin.site._registry[Measure]
    request = rf.get("/admin/rectify/measure/", {"q": "公众号"})
    request.user = admin_user
    with CaptureQueriesContext(connection) as run:
        found, may_have_duplicates = model_admin.get_search_results(request, Measure.objects.all(), "公众号")
        found = set(found)
    assert found == set(Measure.objects.filter(text__contains="公众号")) and found
    assert not may_have_duplicates
    assert any(INDEX in query["sql"] for query in run.captured_queries)


def test_search_page_lists_published_measures_only(imported_seeds, client):
    published = Issue.objects.filter(is_published=True).order_by("pk").first()
    shown = Measure.objects.create(issue=published, order=901, text="公开措施含有词语ＱＷＥＲＴＹ")
    draft_issue = Issue.objects.exclude(report=published.report).order_by("pk").first()
    draft_issue.report.is_published = False
    draft_issue.report.save()
    hidden = Measure.objects.create(issue=draft_issue, order=901, text="草稿措施含有词语QWERTY")
    page = client.get(reverse("search"), {"q": "qwerty"})
    assert list(page.context["measures"]) == [shown] and page.context["measure_count"] == 1
    text = page.content.decode()
    assert "公开措施含有词语<mark>ＱＷＥＲＴＹ</mark>" in text and "草稿措施" not in text
    assert hidden in Measure.objects.search("qwerty")  # the admin still finds it
