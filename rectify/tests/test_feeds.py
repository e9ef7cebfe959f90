"""Atom feeds of published reports: all, per unit, and behind a filtered problem list."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from rectify.models import Issue, IssueStatus, Report, Unit

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def parse_feed(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)


def entry_links(feed) -> list[str]:
    return [entry.find(f"{ATOM}link").get("href") for entry in feed.findall(f"{ATOM}entry")]


def report_urls(reports) -> list[str]:
    return [f"http://testserver{report.get_absolute_url()}" for report in reports]


def test_report_feed_lists_published_reports_newest_first(client, imported_seeds):
    feed = parse_feed(client, reverse("report_feed"))
    assert feed.tag == f"{ATOM}feed"
    assert entry_links(feed) == report_urls(Report.objects.filter(is_published=True).latest_first())
    titles = [entry.find(f"{ATOM}title").text for entry in feed.findall(f"{ATOM}entry")]
    assert titles[0] == Report.objects.latest_first().first().display_title


def test_report_feed_entries_have_ids_dates_and_summaries(client, imported_seeds):
    feed = parse_feed(client, reverse("report_feed"))
    report = Report.objects.get(inspection__unit__name="中共益阳市赫山区委宣传部")
    entry = next(
        e for e in feed.findall(f"{ATOM}entry") if e.find(f"{ATOM}link").get("href").endswith(f"/{report.pk}/")
    )
    assert entry.find(f"{ATOM}id").text.startswith("http://testserver/")
    assert entry.find(f"{ATOM}published").text.startswith(report.published_date.isoformat())
    completed = report.issues.filter(status=IssueStatus.COMPLETED).count()
    assert f"公开问题 {report.issues.count()} 个，其中已完成整改 {completed} 个" in entry.find(f"{ATOM}summary").text


def test_drafts_are_not_in_feeds(client, imported_seeds):
    draft = Report.objects.get(inspection__unit__name="中共韩城市委宣传部")
    draft.is_published = False
    draft.save()
    links = entry_links(parse_feed(client, reverse("report_feed")))
    assert report_urls([draft])[0] not in links
    assert len(links) == Report.objects.filter(is_published=True).count()
    assert client.get(reverse("unit_feed", args=[draft.inspection.unit_id])).status_code == 404
    issue_links = entry_links(parse_feed(client, reverse("issue_feed")))
    assert report_urls([draft])[0] not in issue_links


def test_unit_feed_holds_that_units_reports(client, imported_seeds):
    unit = Unit.objects.get(name="中共东港市委宣传部")
    feed = parse_feed(client, reverse("unit_feed", args=[unit.pk]))
    assert entry_links(feed) == report_urls(Report.objects.filter(inspection__unit=unit).latest_first())
    assert unit.name in feed.find(f"{ATOM}title").text


def test_unit_feed_of_unknown_unit_is_not_found(client, imported_seeds):
    assert client.get(reverse("unit_feed", args=[999999])).status_code == 404


def test_issue_feed_follows_the_problem_query_string(client, imported_seeds):
    feed = parse_feed(client, reverse("issue_feed"), status="partial")
    partial_reports = Report.objects.filter(issues__status=IssueStatus.PARTIAL).distinct().latest_first()
    assert entry_links(feed) == report_urls(partial_reports)
    assert len(partial_reports) < Report.objects.count()
    self_link = next(link for link in feed.findall(f"{ATOM}link") if link.get("rel") == "self")
    assert self_link.get("href").endswith("/feeds/problems.atom?status=partial")


def test_issue_feed_with_text_search(client, imported_seeds):
    issue = Issue.objects.get(title__contains="播出安全风险防控意识不强")
    feed = parse_feed(client, reverse("issue_feed"), q="播出安全风险")
    assert entry_links(feed) == report_urls([issue.report])


def test_issue_feed_bad_values_give_400(client, imported_seeds):
    assert client.get(reverse("issue_feed"), {"status": "bogus"}).status_code == 400
    assert client.get(reverse("issue_feed"), {"unit": "x"}).status_code == 400


def test_feeds_escape_report_text(client, imported_seeds):
    unit = Unit.objects.get(name="中共东港市委宣传部")
    unit.name = "<script>alert(1)</script>单位"
    unit.save()
    response = client.get(reverse("unit_feed", args=[unit.pk]))
    feed = ET.fromstring(response.content)  # still well-formed XML
    summary = feed.find(f"{ATOM}entry/{ATOM}summary")
    assert summary.get("type") == "html"
    # Once the XML is read, the HTML summary still shows the name as text, not as markup.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;单位" in summary.text
    assert "<script>" not in summary.text


def test_feeds_refuse_writes(client, imported_seeds):
    unit = Report.objects.first().inspection.unit
    for url in (reverse("report_feed"), reverse("unit_feed", args=[unit.pk]), reverse("issue_feed")):
        assert client.post(url).status_code == 405
        assert client.head(url).status_code == 200


def test_feed_queries_are_bounded(client, imported_seeds, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        client.get(reverse("report_feed"))
    with django_assert_max_num_queries(3):
        client.get(reverse("issue_feed"), {"status": "open"})
