"""End-to-end in headless Chromium at a desktop and a phone viewport: what a reader actually does."""

import pytest

from rectify.models import Report

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


def test_reader_goes_from_home_to_a_problem_in_its_report(page, live_server, imported_seeds):
    report = Report.objects.get(inspection__unit__name="中共闽清县委宣传部")
    issue = report.issues.order_by("order").first()

    page.goto(live_server.url)
    page.get_by_role("link", name=report.display_title).first.click()
    page.wait_for_url(f"**{report.get_absolute_url()}")
    anchor = page.locator(f"#issue-{issue.pk}")
    assert issue.title[:20] in anchor.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"] + 1


def test_every_public_page_fits_the_viewport(page, live_server, imported_seeds):
    paths = ["/", *(r.get_absolute_url() for r in Report.objects.all())]
    for path in paths:
        page.goto(live_server.url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth") - page.viewport_size["width"]
        assert overflow <= 1, f"{path} is {overflow}px wider than the viewport"


def _open_filters(page):
    """On a phone the filter panel starts folded (site.js); a reader taps its summary to open it."""
    panel = page.locator("details.filter-panel")
    if not panel.evaluate("element => element.open"):
        panel.locator("summary").click()


def test_reader_filters_problems_by_status_and_exports_them(page, live_server, imported_seeds):
    from rectify.models import Issue, IssueStatus

    expected = Issue.objects.published().filter(status=IssueStatus.COMPLETED).count()
    page.goto(f"{live_server.url}/problems/")
    _open_filters(page)
    page.select_option("#id_status", "completed")  # choosing does not submit: the button does
    with page.expect_navigation():
        page.locator("form.filters button[type=submit]").click()
    assert "status=completed" in page.url
    assert f"找到 {expected} 个问题" in page.locator(".result-count").inner_text()

    with page.expect_download() as download_info:
        page.get_by_role("link", name="CSV").click()
    content = download_info.value.path().read_bytes().decode("utf-8")
    assert content.startswith("\ufeff")
    import csv
    import io

    rows = list(csv.reader(io.StringIO(content.lstrip("\ufeff"))))
    assert rows[0][:2] == ["序号", "被巡察单位"]
    assert len(rows) - 1 == expected
    assert {row[rows[0].index("完成情况")] for row in rows[1:]} == {"已完成整改"}


def test_reader_searches_a_two_character_term_and_follows_a_problem(page, live_server, imported_seeds):
    from rectify.models import Issue

    matches = Issue.objects.published().search("补助")
    assert matches.exists(), "the seeds mention 补助"
    page.goto(live_server.url)
    page.get_by_role("searchbox").first.fill("补助")
    with page.expect_navigation():
        page.get_by_role("searchbox").first.press("Enter")
    assert "q=" in page.url
    assert page.locator("mark").first.inner_text() == "补助"
    hits = page.locator(".hits > li")
    assert hits.count() == matches.count()

    first = hits.first.locator("h3 a").first
    title = first.inner_text()
    first.click()
    page.wait_for_url("**/problems/*/")
    issue = Issue.objects.get(pk=int(page.url.rstrip("/").rsplit("/", 1)[1]))
    assert issue in matches and issue.title == title.strip()
    assert title.strip() in page.locator("h1").inner_text()

    page.get_by_role("link", name="通报中的本问题").click()
    page.wait_for_url(f"**{issue.report.get_absolute_url()}#issue-{issue.pk}")
    assert page.locator(f"#issue-{issue.pk}").is_visible()


def test_unknown_status_with_an_estimated_deadline_is_not_shown_overdue(page, live_server, imported_seeds):
    from django.utils import timezone

    from rectify.charts import STATUS_COLOURS
    from rectify.models import DueBasis, Issue, IssueStatus

    issue = (
        Issue.objects.published()
        .filter(status=IssueStatus.UNKNOWN, due_basis=DueBasis.DEFAULT, due_date__lt=timezone.localdate())
        .first()
    )
    assert issue, "the seeds hold problems with no stated status and a passed estimated deadline"
    page.goto(f"{live_server.url}/problems/?unit={issue.inspection.unit_id}&per_page=100")
    card = page.locator(".issue-card", has=page.locator(f'a[href="/problems/{issue.pk}/"]'))
    assert card.locator(".badge.warning-red").count() == 0
    estimated = card.locator(".due.estimated")
    assert estimated.is_visible()
    assert estimated.inner_text() == f"预计期限（按反馈日期估算） {issue.due_date:%Y-%m-%d}"
    assert page.locator(".badge.warning-red").count() == 0

    page.goto(live_server.url + issue.get_absolute_url())
    assert "已逾期" not in page.locator("main").inner_text()
    assert page.get_by_text("预计期限（按反馈日期估算）").first.is_visible()

    page.goto(live_server.url)
    unknown_bar = page.locator("tr.status-unknown-row svg.share-bar")
    assert unknown_bar.is_visible()
    assert unknown_bar.locator("rect").nth(1).get_attribute("fill") == STATUS_COLOURS["unknown"]
    assert page.locator(".status-table meter").count() == 0
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"] + 1
