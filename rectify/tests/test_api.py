"""The read-only JSON API: filters as the problem list, pagination, published data only, GET/HEAD only."""

import json
import re

import pytest
from django.urls import reverse

from rectify import api, opendata
from rectify.models import Issue, IssueStatus, Measure, Report, StatusChange, StatusSource, Unit

pytestmark = pytest.mark.django_db


def get_json(client, url, **params):
    response = client.get(url, params)
    assert response["Content-Type"] == "application/json"
    return response.status_code, json.loads(response.content)


def all_pages(client, url, **params):
    """Every row, following the next links from the first page."""
    rows, next_url = [], url + "?" + "&".join(f"{k}={v}" for k, v in params.items())
    while next_url:
        response = client.get(next_url)
        assert response.status_code == 200
        page = response.json()
        rows.extend(page["results"])
        next_url = page["next"]
    return rows


def test_problem_pages_hold_every_published_problem_once(client, imported_seeds):
    rows = all_pages(client, reverse("api_issue_list"), page_size=7)
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids))
    assert set(ids) == set(Issue.objects.published().values_list("pk", flat=True))


def test_page_metadata_and_links(client, imported_seeds):
    total = Issue.objects.published().count()
    status, page = get_json(client, reverse("api_issue_list"), page=2, page_size=10)
    assert status == 200
    assert page["count"] == total and page["page"] == 2 and page["page_size"] == 10
    assert len(page["results"]) == 10
    assert "page=3" in page["next"] and "page=1" in page["previous"]
    status, last = get_json(client, reverse("api_issue_list"), page=-(-total // 10), page_size=10)
    assert last["next"] is None and len(last["results"]) == total - 10 * (last["page"] - 1)


def test_page_size_is_capped(client, imported_seeds):
    status, page = get_json(client, reverse("api_issue_list"), page_size=100000)
    assert status == 200 and page["page_size"] == api.MAX_PAGE_SIZE


def test_page_past_the_end_is_empty_not_an_error(client, imported_seeds):
    status, page = get_json(client, reverse("api_issue_list"), page=999)
    assert status == 200 and page["results"] == [] and page["next"] is None


@pytest.mark.parametrize(
    "params",
    [
        {"status": "bogus"},
        {"unit": "abc"},
        {"unit": "999999"},
        {"year": "twenty"},
        {"level": "planet"},
        {"warning": "purple"},
        {"sort": "password"},
        {"immediate": "maybe"},
        {"page": "x"},
        {"page": "0"},
        {"page_size": "-5"},
    ],
)
def test_bad_query_values_give_400_with_reasons(client, imported_seeds, params):
    status, body = get_json(client, reverse("api_issue_list"), **params)
    assert status == 400
    assert set(body["fields"]) == set(params)


@pytest.mark.parametrize("status_value", [*IssueStatus.values, "open"])
def test_status_filter_matches_the_database(client, imported_seeds, status_value):
    expected_statuses = IssueStatus.open_values() if status_value == "open" else [status_value]
    expected = set(
        Issue.objects.filter(report__is_published=True, status__in=expected_statuses).values_list("pk", flat=True)
    )
    rows = all_pages(client, reverse("api_issue_list"), status=status_value, page_size=200)
    assert {row["id"] for row in rows} == expected
    assert all(row["status"]["code"] in expected_statuses for row in rows)


def test_unit_and_text_filters_combine(client, imported_seeds):
    unit = Unit.objects.get(name="中共闽清县委宣传部")
    word = "谈心谈话"
    expected = {
        issue.pk
        for issue in Issue.objects.filter(inspection__unit=unit)
        if word in issue.title or word in issue.description or any(word in m.text for m in issue.measures.all())
    }
    assert expected  # the seed has such problems, or the test proves nothing
    rows = all_pages(client, reverse("api_issue_list"), unit=unit.pk, q=word)
    assert {row["id"] for row in rows} == expected


def test_problem_row_fields_status_and_dates(client, imported_seeds):
    issue = Issue.objects.published().filter(status=IssueStatus.COMPLETED).first()
    status, row = get_json(client, reverse("api_issue_detail", args=[issue.pk]))
    assert status == 200
    assert row["status"] == {"code": "completed", "label": "已完成整改"}
    assert row["title"] == issue.title
    assert row["unit"]["name"] == issue.inspection.unit.name
    assert row["report"]["id"] == issue.report_id
    assert row["due_date"] == (issue.due_date.isoformat() if issue.due_date else None)
    assert [m["text"] for m in row["measures"]] == list(issue.measures.order_by("order").values_list("text", flat=True))


def test_json_is_utf8_not_escaped(client, imported_seeds):
    response = client.get(reverse("api_issue_list"), {"page_size": 1})
    assert "已完成整改".encode() in response.content or "未标明".encode() in response.content
    assert b"\\u" not in response.content


def test_every_field_returned_is_documented_and_every_documented_field_returned(client, imported_seeds):
    issue_row = client.get(reverse("api_issue_list"), {"page_size": 1}).json()["results"][0]
    assert list(issue_row) == [field.name for field in opendata.ISSUE_FIELDS]
    detail = client.get(issue_row["url"]).json()
    assert set(detail) == {field.name for field in opendata.ISSUE_FIELDS + opendata.ISSUE_DETAIL_FIELDS}
    page = client.get(reverse("api_report_list")).json()
    assert set(page) == {name for name, _ in api.PAGE_FIELDS}
    assert list(page["results"][0]) == [field.name for field in opendata.REPORT_FIELDS]
    report = client.get(page["results"][0]["url"]).json()
    assert set(report) == {field.name for field in opendata.REPORT_FIELDS + opendata.REPORT_DETAIL_FIELDS}
    unit_row = client.get(reverse("api_unit_list")).json()["results"][0]
    assert list(unit_row) == [field.name for field in opendata.UNIT_FIELDS]
    unit = client.get(unit_row["url"]).json()
    assert set(unit) == {field.name for field in opendata.UNIT_FIELDS + opendata.UNIT_DETAIL_FIELDS}


def test_problem_detail_has_history_from_published_reports_only(client, imported_seeds):
    issue = Issue.objects.published().first()
    published_changes = issue.status_changes.count()
    draft = Report.objects.exclude(pk=issue.report_id).first()
    draft.is_published = False
    draft.save()
    StatusChange.objects.create(
        issue=issue, status=IssueStatus.COMPLETED, source=StatusSource.STATED, report=draft, note="草稿"
    )
    StatusChange.objects.create(issue=issue, status=IssueStatus.PARTIAL, source=StatusSource.STAFF)
    history = client.get(reverse("api_issue_detail", args=[issue.pk])).json()["status_history"]
    assert len(history) == published_changes + 1
    assert draft.pk not in [change["report_id"] for change in history]
    assert history[-1]["status"]["code"] == "partial" and history[-1]["source"]["code"] == "staff"


def test_drafts_are_absent_everywhere(client, imported_seeds):
    draft = Report.objects.get(inspection__unit__name="中共韩城市委宣传部")
    draft.is_published = False
    draft.save()
    draft_issue = draft.issues.first()
    unit = draft.inspection.unit

    rows = all_pages(client, reverse("api_issue_list"), page_size=200)
    assert draft_issue.pk not in {row["id"] for row in rows}
    assert len(rows) == Issue.objects.filter(report__is_published=True).count()
    assert client.get(reverse("api_issue_detail", args=[draft_issue.pk])).status_code == 404
    assert client.get(reverse("api_report_detail", args=[draft.pk])).status_code == 404
    reports = all_pages(client, reverse("api_report_list"))
    assert draft.pk not in {row["id"] for row in reports}
    assert client.get(reverse("api_unit_detail", args=[unit.pk])).status_code == 404
    assert unit.pk not in {row["id"] for row in all_pages(client, reverse("api_unit_list"))}


def test_report_detail_lists_its_problems_with_counts(client, imported_seeds):
    report = Report.objects.get(inspection__unit__name="中共益阳市赫山区委宣传部")
    data = client.get(reverse("api_report_detail", args=[report.pk])).json()
    assert [p["id"] for p in data["problems"]] == list(
        report.issues.order_by("order", "pk").values_list("pk", flat=True)
    )
    assert data["problem_count"] == report.issues.count()
    assert data["completed_count"] == report.issues.filter(status=IssueStatus.COMPLETED).count()
    assert data["published_date"] == report.published_date.isoformat()
    assert data["declared"]["undisclosed"] == report.declared_undisclosed_count


def test_unit_detail_counts_statuses_and_lists_sub_units(client, imported_seeds):
    unit = Unit.objects.get(name="中共闽清县委宣传部")
    data = client.get(reverse("api_unit_detail", args=[unit.pk])).json()
    counts = {row["code"]: row["count"] for row in data["status_counts"]}
    for code in IssueStatus.values:
        assert counts[code] == Issue.objects.filter(inspection__unit=unit, status=code).count()
    assert data["issue_count"] == sum(counts.values())
    acting_subunits = set(
        Measure.objects.filter(acting_units__parent=unit).values_list("acting_units__name", flat=True)
    )
    assert acting_subunits and acting_subunits <= {sub["name"] for sub in data["sub_units"]}


@pytest.mark.parametrize(
    "name,args",
    [
        ("api_root", []),
        ("api_issue_list", []),
        ("api_report_list", []),
        ("api_unit_list", []),
        ("api_docs", []),
    ],
)
def test_endpoints_refuse_writes(client, imported_seeds, name, args):
    url = reverse(name, args=args)
    assert client.post(url).status_code == 405
    assert client.put(url).status_code == 405
    assert client.delete(url).status_code == 405
    assert client.head(url).status_code == 200


def test_detail_endpoints_refuse_writes(client, imported_seeds):
    issue = Issue.objects.published().first()
    for url in (
        reverse("api_issue_detail", args=[issue.pk]),
        reverse("api_report_detail", args=[issue.report_id]),
        reverse("api_unit_detail", args=[issue.inspection.unit_id]),
    ):
        assert client.post(url).status_code == 405


def test_query_counts_do_not_grow_with_rows(client, imported_seeds, django_assert_max_num_queries):
    # Each count includes the data version read for the ETag (rectify.httpcache).
    with django_assert_max_num_queries(7):
        assert client.get(reverse("api_issue_list"), {"page_size": 200}).status_code == 200
    with django_assert_max_num_queries(9):
        assert client.get(reverse("api_issue_detail", args=[Issue.objects.first().pk])).status_code == 200
    report = Report.objects.get(inspection__unit__name="中共闽清县委宣传部")
    with django_assert_max_num_queries(7):
        assert client.get(reverse("api_report_detail", args=[report.pk])).status_code == 200
    with django_assert_max_num_queries(4):
        assert client.get(reverse("api_report_list")).status_code == 200
    with django_assert_max_num_queries(4):
        assert client.get(reverse("api_unit_list")).status_code == 200
    with django_assert_max_num_queries(7):
        assert client.get(reverse("api_unit_detail", args=[report.inspection.unit_id])).status_code == 200


def test_docs_page_documents_every_filter_with_live_examples(client, imported_seeds, django_assert_max_num_queries):
    with django_assert_max_num_queries(5):
        response = client.get(reverse("api_docs"))
    page = response.content.decode()
    assert response.status_code == 200
    for name in [*api.IssueFilter.base_filters, "page", "page_size"]:
        assert f"<code>{name}</code>" in page
    for field in opendata.ISSUE_FIELDS + opendata.REPORT_FIELDS + opendata.UNIT_FIELDS:
        assert f"<code>{field.name}</code>" in page
    example = Issue.objects.published().order_by("pk").first()
    assert f'href="{reverse("api_issue_detail", args=[example.pk])}"' in page
    assert 'style="' not in page and not re.search(r"<script(?![^>]*\bsrc=)", page), "inline script or style"


def test_in_chunks_gives_every_row_in_order_and_skips_rows_deleted_meanwhile(imported_seeds):
    issues = Issue.objects.order_by("-inspection", "order", "pk")
    expected = list(issues.values_list("pk", flat=True))
    assert len(expected) > 5

    chunks = opendata.in_chunks(opendata.issue_rows_queryset(issues), size=3)
    first = next(chunks)
    Issue.objects.filter(pk=expected[4]).delete()
    rest = [issue.pk for chunk in chunks for issue in chunk]

    assert [issue.pk for issue in first] == expected[:3]
    assert rest == expected[3:4] + expected[5:]
    assert all(len(chunk) <= 3 for chunk in opendata.in_chunks(issues, size=3))


def test_problem_rows_mark_estimated_deadlines_and_warn_only_when_known(client, imported_seeds):
    from django.utils import timezone

    rows = all_pages(client, reverse("api_issue_list"), page_size=200)
    today = timezone.localdate().isoformat()
    estimated = [row for row in rows if row["due_basis"] and row["due_basis"]["code"] == "default"]
    assert estimated and any(row["due_date"] < today and row["status"]["code"] != "completed" for row in estimated)
    for row in rows:
        assert row["due_date_estimated"] == (row in estimated)
        if row["warning"]:
            assert row["status"]["code"] in IssueStatus.open_values()
            assert row["due_basis"]["code"] in ("stated", "staff")
    assert {row["due_basis"]["label"] for row in estimated} == {"按反馈日期估算"}
    assert all_pages(client, reverse("api_issue_list"), overdue="true") == []


def test_problem_rows_give_inferred_completion_apart_from_the_stated_status(client, imported_seeds):
    issue = Issue.objects.published().inferred_completed().first()
    status, row = get_json(client, reverse("api_issue_detail", args=[issue.pk]))
    assert row["status"]["code"] == "unknown"
    assert row["inferred_status"] == {
        "code": "completed",
        "label": "已完成整改",
        "source": {"code": "inferred", "label": "据整改措施推断"},
    }
    other = Issue.objects.published().exclude(pk__in=Issue.objects.inferred_completed()).first()
    assert get_json(client, reverse("api_issue_detail", args=[other.pk]))[1]["inferred_status"] is None


def test_report_rows_are_ordered_and_dated_by_the_best_known_date(client, imported_seeds):
    rows = all_pages(client, reverse("api_report_list"))
    dates = [row["date"] for row in rows]
    assert dates == sorted(dates, key=lambda d: (d is not None, d or ""), reverse=True)
    by_id = {r.pk: r for r in Report.objects.published()}
    assert all(row["date"] == (by_id[row["id"]].date and by_id[row["id"]].date.isoformat()) for row in rows)
    assert any(row["date"] and not row["published_date"] for row in rows)


def test_choice_labels_stay_chinese_whatever_language_the_reader_asks_for(client, imported_seeds, settings):
    from django.utils import translation

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = {"accept-language": "en"}
    row = client.get(reverse("api_issue_list"), {"status": "completed", "page_size": 1}, headers=english).json()
    assert row["results"][0]["status"] == {"code": "completed", "label": "已完成整改"}
    unit = client.get(row["results"][0]["unit"]["url"], headers=english).json()
    assert {key: unit["status_counts"][-1][key] for key in ("code", "label")} == {"code": "unknown", "label": "未标明"}
    # The pages' labels follow the language; the open data's do not, even inside an English request.
    with translation.override("en"):
        assert str(IssueStatus.COMPLETED.label) == "Completed"
        assert opendata.choice(IssueStatus.COMPLETED, IssueStatus) == {"code": "completed", "label": "已完成整改"}
