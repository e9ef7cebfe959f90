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
