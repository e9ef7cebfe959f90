"""End-to-end in headless Chromium at a desktop and a phone viewport: what a reader actually does."""

import pytest

from rectify.models import Report

pytestmark = [pytest.mark.browser]


def test_reader_goes_from_home_to_a_problem_in_its_report(page, seeded_site):
    report = Report.objects.get(inspection__unit__name="中共闽清县委宣传部")
    issue = report.issues.order_by("order").first()

    page.goto(seeded_site.url)
    page.get_by_role("link", name=report.display_title).first.click()
    page.wait_for_url(f"**{report.get_absolute_url()}")
    anchor = page.locator(f"#issue-{issue.pk}")
    assert issue.title[:20] in anchor.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"] + 1


def test_every_public_page_fits_the_viewport(page, seeded_site):
    paths = ["/", *(r.get_absolute_url() for r in Report.objects.all())]
    for path in paths:
        page.goto(seeded_site.url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth") - page.viewport_size["width"]
        assert overflow <= 1, f"{path} is {overflow}px wider than the viewport"


def _open_filters(page):
    """On a phone the filter panel starts folded (site.js); a reader taps its summary to open it."""
    panel = page.locator("details.filter-panel")
    if not panel.evaluate("element => element.open"):
        panel.locator("summary").click()


def test_reader_filters_problems_by_status_and_exports_them(page, seeded_site):
    from rectify.models import Issue, IssueStatus

    expected = Issue.objects.published().filter(status=IssueStatus.COMPLETED).count()
    page.goto(f"{seeded_site.url}/problems/")
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


def test_reader_searches_a_two_character_term_and_follows_a_problem(page, seeded_site):
    from rectify.models import Issue

    matches = Issue.objects.published().search("补助")
    assert matches.exists(), "the seeds mention 补助"
    page.goto(seeded_site.url)
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


def test_unknown_status_with_an_estimated_deadline_is_not_shown_overdue(page, seeded_site):
    from django.utils import timezone

    from rectify.charts import STATUS_COLOURS
    from rectify.models import DueBasis, Issue, IssueStatus

    issue = (
        Issue.objects.published()
        .filter(status=IssueStatus.UNKNOWN, due_basis=DueBasis.DEFAULT, due_date__lt=timezone.localdate())
        .first()
    )
    assert issue, "the seeds hold problems with no stated status and a passed estimated deadline"
    page.goto(f"{seeded_site.url}/problems/?unit={issue.inspection.unit_id}&per_page=100")
    card = page.locator(".issue-card", has=page.locator(f'a[href="/problems/{issue.pk}/"]'))
    assert card.locator(".badge.warning-red").count() == 0
    estimated = card.locator(".due.estimated")
    assert estimated.is_visible()
    assert estimated.inner_text() == f"预计期限（按反馈日期估算） {issue.due_date:%Y-%m-%d}"
    assert page.locator(".badge.warning-red").count() == 0

    page.goto(seeded_site.url + issue.get_absolute_url())
    assert "已逾期" not in page.locator("main").inner_text()
    assert page.get_by_text("预计期限（按反馈日期估算）").first.is_visible()

    page.goto(seeded_site.url)
    unknown_bar = page.locator("tr.status-unknown-row svg.share-bar")
    assert unknown_bar.is_visible()
    assert unknown_bar.locator("rect").nth(1).get_attribute("fill") == STATUS_COLOURS["unknown"]
    assert page.locator(".status-table meter").count() == 0
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"] + 1


# --- staff in the admin (desktop): closing a problem, reminder settings, the problem list ------------


def _staff_page(browser, live_server, user, width=1280):
    """A logged-in admin page at a desktop width; console errors (a missing favicon too) are collected."""
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="zh-CN")
    page = context.new_page()
    page.errors = []
    page.on("console", lambda message: page.errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", "x-unused-x")
    with page.expect_navigation():
        page.locator("input[type=submit]").click()
    return page


def _screenshot(target, name):
    """Write docs/screenshots/<name>.png of a page (whole) or a locator when RECTIFY_SCREENSHOTS names
    that folder: taken on request, not on every run."""
    import os
    from pathlib import Path

    folder = os.environ.get("RECTIFY_SCREENSHOTS")
    if folder:
        whole = {"full_page": True} if hasattr(target, "goto") else {}
        target.screenshot(path=Path(folder) / f"{name}.png", **whole)


@pytest.mark.django_db(transaction=True)
def test_unit_editor_asks_to_close_a_problem_and_the_office_approves(
    browser, live_server, unit_editor, office_user, two_units, tmp_path, settings
):
    from rectify.models import ClosureRequest, Issue, IssueStatus, ReviewState

    settings.MEDIA_ROOT = tmp_path / "media"
    issue = Issue.objects.filter(inspection__unit=two_units[0]).exclude(status=IssueStatus.COMPLETED).first()
    evidence = tmp_path / "整改会议纪要.pdf"
    evidence.write_bytes(b"%PDF-1.4 minutes of the meeting")

    editor = _staff_page(browser, live_server, unit_editor)
    editor.goto(f"{live_server.url}/admin/rectify/issue/{issue.pk}/change/")
    with editor.expect_navigation():
        editor.get_by_role("link", name="申请销号").click()
    editor.fill("#id_statement", "已修订制度并组织学习，问题整改到位。")
    editor.fill("#id_files-0-title", "整改会议纪要")
    editor.set_input_files("#id_files-0-file", str(evidence))
    _screenshot(editor, "admin-closure-request")
    with editor.expect_navigation():
        editor.locator("input[name=_save]").click()
    assert "成功" in editor.locator(".messagelist").inner_text()
    closure = ClosureRequest.objects.get(issue=issue)
    assert closure.state == ReviewState.PENDING and closure.files.count() == 1

    office = _staff_page(browser, live_server, office_user)
    with office.expect_navigation():
        office.get_by_role("link", name="销号申请").first.click()
    _screenshot(office, "admin-closure-list")
    office.locator(f"input[name=_selected_action][value='{closure.pk}']").check()
    office.select_option("select[name=action]", "approve")
    with office.expect_navigation():
        office.locator("button[name=index]").click()
    assert "已通过 1 项销号申请" in office.locator(".messagelist").inner_text()
    issue.refresh_from_db()
    assert issue.status == IssueStatus.COMPLETED
    office.goto(f"{live_server.url}/admin/rectify/issue/{issue.pk}/change/")
    assert "整改销号（巡察办审核通过）" in office.locator("#status_changes-group").inner_text()
    _screenshot(office, "admin-problem-closed")
    assert editor.errors == [] and office.errors == []


@pytest.mark.django_db(transaction=True)
def test_a_unit_editor_turns_reminders_off(browser, live_server, unit_editor, office_user, two_units):
    from django.core.management import call_command

    from rectify.models import StaffPreference

    unit_editor.email = "editor@example.org"
    unit_editor.save()
    editor = _staff_page(browser, live_server, unit_editor)
    with editor.expect_navigation():
        editor.get_by_role("link", name="我的提醒设置").click()
    checkbox = editor.locator("#id_receives_reminders")
    assert checkbox.is_checked() and "editor@example.org" in editor.locator("#content").inner_text()
    checkbox.uncheck()
    _screenshot(editor, "admin-reminder-settings")
    with editor.expect_navigation():
        editor.locator("#preference-form input[type=submit]").click()
    assert "不会收到" in editor.locator(".messagelist").inner_text()
    assert not editor.locator("#id_receives_reminders").is_checked()
    assert StaffPreference.objects.get(user=unit_editor).receives_reminders is False

    office_user.email = "office@example.org"
    office_user.save()
    call_command("send_deadline_reminders", verbosity=0)
    office = _staff_page(browser, live_server, office_user)
    office.goto(f"{live_server.url}/admin/rectify/issue/dashboard/")
    digest = office.locator(".rectify-last-digest").inner_text()
    assert "office@example.org" in digest and "editor@example.org" not in digest
    _screenshot(office, "admin-dashboard")
    assert editor.errors == [] and office.errors == []


@pytest.mark.django_db(transaction=True)
def test_problem_list_fits_1280_pixels_with_deadline_immediate_and_published(
    browser, live_server, office_user, imported_seeds
):
    office = _staff_page(browser, live_server, office_user)
    office.goto(f"{live_server.url}/admin/rectify/issue/")
    assert office.evaluate("document.documentElement.scrollWidth") <= 1280 + 1
    # The admin wraps the table in a box that scrolls sideways: nothing may be hidden in it either.
    results = office.locator(".results")
    assert results.evaluate("box => box.scrollWidth <= box.clientWidth + 1")
    right_edge = results.bounding_box()["x"] + results.bounding_box()["width"]
    for column in ("column-due_date", "column-immediate", "column-is_public"):
        header = office.locator(f"#result_list th.{column}")
        assert header.is_visible(), column
        box = header.bounding_box()
        assert box["x"] + box["width"] <= right_edge + 1, column
    _screenshot(office, "admin-problems")
    office.goto(f"{live_server.url}/admin/")
    _screenshot(office, "admin-index")
    assert office.errors == []


@pytest.mark.django_db(transaction=True)
def test_office_sees_what_a_report_takes_with_it_and_the_deadline_block(
    browser, live_server, office_user, imported_seeds
):
    from rectify.models import Issue, Report

    report = Report.objects.order_by("pk").first()
    office = _staff_page(browser, live_server, office_user)
    office.goto(f"{live_server.url}/admin/rectify/report/{report.pk}/change/")
    with office.expect_navigation():
        office.locator("a.deletelink").click()
    assert "仅见于该通报的问题" in office.locator("#removal-list").inner_text()
    assert office.get_by_role("button", name="撤回这份通报").is_visible()
    _screenshot(office, "admin-report-remove")
    issue = Issue.objects.filter(report=report).first()
    office.goto(f"{live_server.url}/admin/rectify/issue/{issue.pk}/change/")
    block = office.locator("fieldset", has=office.get_by_role("heading", name="整改时限"))
    assert block.locator("input[name=due_date]").is_visible() and "期限依据" in block.inner_text()
    _screenshot(block, "admin-problem-deadline")
    assert office.errors == []
