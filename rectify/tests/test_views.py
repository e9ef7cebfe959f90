"""Public pages: they show published data only, escape report text and stay read-only."""

import pytest
from django.urls import reverse

from rectify.models import Issue, Report

pytestmark = pytest.mark.django_db


def test_home_shows_totals_units_and_latest_reports(client, imported_seeds, django_assert_max_num_queries):
    with django_assert_max_num_queries(10):
        response = client.get(reverse("home"))
    page = response.content.decode()
    assert response.status_code == 200
    assert 'lang="zh-CN"' in page
    assert "中共东港市委宣传部" in page and "辽宁省丹东市东港市" in page
    assert f"<strong>{Issue.objects.count()}</strong>" in page


def test_report_page_lists_every_problem_with_anchor_and_measures(
    client, imported_seeds, django_assert_max_num_queries
):
    report = Report.objects.get(inspection__unit__name="中共闽清县委宣传部")
    with django_assert_max_num_queries(12):
        response = client.get(report.get_absolute_url())
    page = response.content.decode()
    for issue in report.issues.all():
        assert f'id="issue-{issue.pk}"' in page
    assert page.count('class="acting"') == report.issues.filter(measures__acting_unit_name__gt="").count()
    assert "类别编号从11跳到13" in page


def test_report_page_shows_declared_counts_beside_disclosed_with_mismatch(client, imported_seeds):
    report = Report.objects.get(inspection__unit__name="中共东港市委宣传部")
    page = client.get(report.get_absolute_url()).content.decode()
    assert 'class="mismatch"' in page and "不一致" in page


def test_draft_reports_are_not_public(client, imported_seeds):
    report = Report.objects.get(inspection__unit__name="中共韩城市委宣传部")
    report.is_published = False
    report.save()
    assert client.get(report.get_absolute_url()).status_code == 404
    assert "十八届市委第七轮" not in client.get(reverse("home")).content.decode()


def test_report_text_is_escaped(client, imported_seeds):
    issue = Issue.objects.first()
    issue.title = "<script>alert(1)</script>"
    issue.save()
    page = client.get(issue.report.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_public_pages_refuse_writes(client, imported_seeds):
    report = Report.objects.first()
    assert client.post(report.get_absolute_url()).status_code == 405
    assert client.post(reverse("home")).status_code == 405


def test_unit_page_shows_status_counts_and_reports(client, imported_seeds):
    report = Report.objects.get(inspection__unit__name="中共益阳市赫山区委宣传部")
    page = client.get(reverse("unit_detail", args=[report.inspection.unit_id])).content.decode()
    issues = Issue.objects.filter(report=report)
    completed = issues.filter(status="completed").count()
    assert completed == 23
    assert 'status=completed">已完成整改</a>' in page
    assert f"{completed}（" in page and f"<strong>{issues.count()}</strong>" in page
    assert report.display_title in page


def test_admin_requires_login(client):
    response = client.get("/admin/rectify/issue/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_gap_explained_by_undisclosed_problems_is_not_a_mismatch(client, imported_seeds):
    # 赫山 declares 28 completed of 29, 5 of them 不宜公开; 23 completed are disclosed.
    report = Report.objects.get(inspection__unit__name="中共益阳市赫山区委宣传部")
    page = client.get(report.get_absolute_url()).content.decode()
    assert 'class="mismatch"' not in page
