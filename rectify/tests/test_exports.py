"""Exports of the filtered problem list: CSV and XLSX ledgers, JSON rows, as the list is filtered."""

import csv
import io
import json
from urllib.parse import quote

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from rectify import ledger
from rectify.models import Issue, IssueStatus, Report

pytestmark = pytest.mark.django_db


def export(client, fmt, **params):
    response = client.get(reverse("issue_export", args=[fmt]), params)
    assert response.status_code == 200, response.status_code
    return response, response.getvalue()


def csv_rows(content: bytes) -> list[list[str]]:
    assert content.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def expected_issues(**filters):
    """The rows the export should hold, computed without IssueFilter, in the list's order."""
    return list(
        Issue.objects.filter(report__is_published=True, **filters)
        .select_related("inspection__unit")
        .order_by(*Issue._meta.ordering, "pk")
    )


def test_csv_has_bom_header_and_the_filtered_rows(client, imported_seeds):
    response, content = export(client, "csv", status="completed")
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    header, *rows = csv_rows(content)
    assert header == ledger.HEADERS
    expected = expected_issues(status=IssueStatus.COMPLETED)
    assert len(expected) > 1
    status = ledger.HEADERS.index("完成情况")
    assert [(r[0], r[1], r[3].split("\n")[0], r[status]) for r in rows] == [
        (str(n), i.inspection.unit.name, i.title, "已完成整改") for n, i in enumerate(expected, start=1)
    ]


def test_csv_measures_column_holds_every_measure(client, imported_seeds):
    issue = Issue.objects.filter(measures__isnull=False).distinct().first()
    _, content = export(client, "csv", unit=issue.inspection.unit_id)
    rows = {row[3].split("\n")[0]: row for row in csv_rows(content)[1:]}
    measures = rows[issue.title][4]
    for number, text in enumerate(issue.measures.order_by("order").values_list("text", flat=True), start=1):
        assert f"{number}. {text}" in measures


def test_xlsx_is_a_ledger_of_the_filtered_rows(client, imported_seeds):
    unit_issue = Issue.objects.get(title__contains="播出安全风险防控意识不强")
    response, content = export(client, "xlsx", unit=unit_issue.inspection.unit_id, status="open")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0] == ledger.HEADERS
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{chr(ord('A') + len(ledger.HEADERS) - 1)}{len(values)}"
    assert sheet["A1"].font.bold and sheet.column_dimensions["E"].width == dict(ledger.COLUMNS)["整改措施"]
    expected = expected_issues(inspection__unit=unit_issue.inspection.unit, status__in=IssueStatus.open_values())
    status = ledger.HEADERS.index("完成情况")
    assert [(row[0], row[3].split("\n")[0], row[status]) for row in values[1:]] == [
        (n, i.title, i.get_status_display()) for n, i in enumerate(expected, start=1)
    ]


def test_formula_looking_text_is_neutralised(client, imported_seeds):
    issue = Issue.objects.published().first()
    issue.title = '=HYPERLINK("http://evil.example","点我")'
    issue.save()
    _, content = export(client, "csv")
    cells = [cell for row in csv_rows(content) for cell in row]
    assert not any(cell.startswith("=") for cell in cells)
    assert any(cell.startswith("'=HYPERLINK") for cell in cells)
    _, content = export(client, "xlsx")
    sheet = load_workbook(io.BytesIO(content)).active
    statements = [row[3] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert any(s.startswith("'=HYPERLINK") for s in statements)
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_json_export_is_the_api_rows(client, imported_seeds):
    response, content = export(client, "json", status="partial")
    rows = json.loads(content)
    api_rows = client.get(reverse("api_issue_list"), {"status": "partial", "page_size": 200}).json()["results"]
    assert rows == api_rows
    assert {row["id"] for row in rows} == {i.pk for i in expected_issues(status=IssueStatus.PARTIAL)}


def test_empty_selection_gives_header_only_or_empty_array(client, imported_seeds):
    _, content = export(client, "csv", q="这句话不会出现在任何通报里")
    assert csv_rows(content) == [ledger.HEADERS]
    _, content = export(client, "json", q="这句话不会出现在任何通报里")
    assert json.loads(content) == []


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_filename_is_the_chinese_ledger_name_with_the_date(client, imported_seeds, fmt):
    response, _ = export(client, fmt)
    today = timezone.localdate().isoformat()
    disposition = response["Content-Disposition"]
    assert disposition == f"attachment; filename*=utf-8''{quote(f'整改台账-{today}.{fmt}')}"


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_drafts_never_exported(client, imported_seeds, fmt):
    draft = Report.objects.get(inspection__unit__name="中共韩城市委宣传部")
    draft.is_published = False
    draft.save()
    _, content = export(client, fmt)
    if fmt == "csv":
        units = {row[1] for row in csv_rows(content)[1:]}
    elif fmt == "xlsx":
        units = {row[1] for row in load_workbook(io.BytesIO(content)).active.iter_rows(min_row=2, values_only=True)}
    else:
        units = {row["unit"]["name"] for row in json.loads(content)}
    assert units and "中共韩城市委宣传部" not in units


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_exports_refuse_writes_and_bad_values(client, imported_seeds, fmt):
    url = reverse("issue_export", args=[fmt])
    assert client.post(url).status_code == 405
    assert client.get(url, {"status": "bogus"}).status_code == 400
    assert client.get(url, {"overdue": "perhaps"}).status_code == 400
    assert client.head(url).status_code == 200


def test_unknown_format_is_not_found(client, imported_seeds):
    assert client.get("/problems/export.pdf").status_code == 404


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_export_queries_do_not_grow_with_rows(client, imported_seeds, django_assert_max_num_queries, fmt):
    with django_assert_max_num_queries(6):
        export(client, fmt)


def test_open_data_links_keep_the_lists_query_string(rf):
    from django.template.loader import render_to_string

    request = rf.get("/problems/", {"status": "open", "q": "<学习>"})
    html = render_to_string("rectify/includes/_open_data_links.html", {"request": request})
    query = request.GET.urlencode().replace("&", "&amp;")
    for url in [reverse("issue_export", args=[fmt]) for fmt in ("csv", "xlsx", "json")] + [reverse("issue_feed")]:
        assert f'href="{url}?{query}"' in html
    assert "<学习>" not in html and 'style="' not in html


def test_feeds_are_discoverable_from_page_heads(client, imported_seeds):
    page = client.get(reverse("issue_list"), {"status": "open"}).content.decode()
    head = page.split("</head>")[0]
    assert (
        f'rel="alternate" type="application/atom+xml" title="最新整改进展通报（Atom）" href="{reverse("report_feed")}"'
        in head
    )
    assert f'href="{reverse("issue_feed")}?status=open"' in head


def test_unit_page_exports_that_units_problems(client, imported_seeds):
    unit = Issue.objects.published().first().inspection.unit
    page = client.get(reverse("unit_detail", args=[unit.pk])).content.decode()
    assert f'href="{reverse("issue_export", args=["csv"])}?unit={unit.pk}"' in page


def test_open_data_nav_links_stats_and_api(rf):
    from django.template.loader import render_to_string

    html = render_to_string("rectify/includes/_open_data_nav.html", {"request": rf.get("/")})
    assert f'href="{reverse("stats")}"' in html and f'href="{reverse("api_docs")}"' in html
    assert html.count("<li>") == 2, "nav items are list items, as the nav they go into is a list"


# --- limits: XLSX rows capped, exports rate-limited per client ------------------------------------


def test_xlsx_over_the_cap_is_refused_with_the_csv_link(client, imported_seeds, settings):
    published = Issue.objects.filter(report__is_published=True).count()
    settings.RECTIFY_XLSX_MAX_ROWS = published - 1

    response = client.get(reverse("issue_export", args=["xlsx"]), {"sort": "due"})

    assert response.status_code == 400
    message = response.content.decode()
    assert f"{published:,}" in message and "CSV" in message
    assert "/problems/export.csv?sort=due" in message
    assert "/problems/export.csv?sort=due" in response["Link"]
    # The same selection as CSV is not capped; a narrower XLSX is.
    assert client.get(reverse("issue_export", args=["csv"]), {"sort": "due"}).status_code == 200
    unit = Issue.objects.first().inspection.unit_id
    assert client.get(reverse("issue_export", args=["xlsx"]), {"unit": unit}).status_code == 200


def test_exports_are_rate_limited_per_client(client, imported_seeds, settings):
    settings.RECTIFY_EXPORT_RATE = "3/60"
    url = reverse("issue_export", args=["csv"])

    statuses = [client.get(url, {"status": "completed"}, REMOTE_ADDR="192.0.2.1").status_code for _ in range(4)]

    assert statuses == [200, 200, 200, 429]
    refused = client.get(reverse("issue_export", args=["json"]), REMOTE_ADDR="192.0.2.1")
    assert refused.status_code == 429 and int(refused["Retry-After"]) >= 1
    assert "请" in refused.content.decode() and "秒后再试" in refused.content.decode()
    assert client.get(url, REMOTE_ADDR="192.0.2.2").status_code == 200


def test_every_format_streams(client, imported_seeds):
    for fmt in ("csv", "json", "xlsx"):
        assert client.get(reverse("issue_export", args=[fmt])).streaming, fmt


def test_csv_and_xlsx_say_how_each_deadline_was_set(client, imported_seeds):
    from rectify.models import DueBasis

    expected = [i.get_due_basis_display() for i in expected_issues()]
    assert "按反馈日期估算" in expected and "报告载明" in expected
    column = ledger.HEADERS.index("期限依据")
    _, content = export(client, "csv")
    assert [row[column] for row in csv_rows(content)[1:]] == expected
    _, content = export(client, "xlsx")
    sheet = load_workbook(io.BytesIO(content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert [row[column] or "" for row in values[1:]] == expected
    assert DueBasis.DEFAULT.label == "按反馈日期估算"
