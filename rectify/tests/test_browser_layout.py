"""The public pages in headless Chromium at 1280 and 360 px, in Chinese and English: everything
fits, every label reads, print shows the document, errors and breadcrumbs work, 适老化 switches."""

import pytest

from rectify.tests.site_pages import public_pages

pytestmark = [pytest.mark.browser]

LANGUAGES = pytest.mark.parametrize("prefix", ["", "/en"], ids=["zh", "en"])

# The smallest rendered size of any chart text: its font size times the scale the SVG is drawn at.
SMALLEST_CHART_TEXT = """() => {
  const sizes = Array.from(document.querySelectorAll("svg.chart text"))
    .filter((text) => text.getClientRects().length)
    .map((text) => parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM().a);
  return sizes.length ? Math.min(...sizes) : null;
}"""

# Menu labels that break across lines: one text node laid out on more than one line box.
WRAPPED_NAV_LABELS = """() => Array.from(document.querySelectorAll(".site-nav a")).filter((link) => {
  const range = document.createRange();
  range.selectNodeContents(link);
  const lines = new Set(Array.from(range.getClientRects()).map((rect) => Math.round(rect.top)));
  return lines.size > 1;
}).map((link) => link.textContent)"""

OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


@LANGUAGES
def test_every_public_page_fits_and_every_label_reads(page, seeded_site, prefix):
    chart_pages = 0
    for name, address in public_pages().items():
        page.goto(seeded_site.url + prefix + address)
        assert page.evaluate(OVERFLOW) <= 0, f"{prefix}{address} scrolls sideways"
        assert page.evaluate(WRAPPED_NAV_LABELS) == [], f"{prefix}{address}: a menu label wraps"
        smallest = page.evaluate(SMALLEST_CHART_TEXT)
        if smallest is not None:
            chart_pages += 1
            assert smallest >= 11, f"{prefix}{address}: chart text is {smallest:.1f} px"
        if name == "stats":
            # The data tables under the charts fit too once opened.
            for summary in page.locator("details.data-table > summary").all():
                summary.click()
            assert page.evaluate(OVERFLOW) <= 0, f"{prefix}{address}: an opened data table scrolls sideways"
    assert chart_pages >= 1


@LANGUAGES
def test_the_menu_shows_every_item_and_marks_where_the_reader_is(page, seeded_site, prefix):
    page.goto(f"{seeded_site.url}{prefix}/problems/")
    links = page.locator(".site-nav a")
    for index in range(links.count()):
        box = links.nth(index).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= page.viewport_size["width"]
    current = page.locator('.site-nav a[aria-current="page"]')
    assert current.count() == 1 and current.inner_text() == ("问题" if not prefix else "Problems")


def test_printing_a_report_gives_the_document_alone(page, seeded_site):
    address = public_pages()["report_detail"]
    page.goto(seeded_site.url + address)
    page.emulate_media(media="print")
    for chrome in (".site-header", ".subheader", ".site-footer", ".actions"):
        assert not page.locator(chrome).first.is_visible(), f"{chrome} is printed"
    assert page.locator("main h1").is_visible() and page.locator(".issue").first.is_visible()


def test_printing_the_problem_list_leaves_out_filters_and_paging(page, seeded_site):
    page.goto(f"{seeded_site.url}/problems/?per_page=100")
    page.emulate_media(media="print")
    for chrome in (".site-nav", ".filter-panel", ".open-data-links", ".breadcrumbs"):
        assert not page.locator(chrome).first.is_visible(), f"{chrome} is printed"
    cards = page.locator(".issue-card")
    from rectify.models import Issue

    assert cards.count() == Issue.objects.published().count()  # the whole list, on one page
    assert cards.last.is_visible()
    results = page.locator(".results").bounding_box()
    assert results["x"] < 60, "the results take the whole width when the filters are not printed"


@LANGUAGES
@pytest.mark.parametrize("width", [1280, 360])
def test_a_missing_page_is_branded_and_fits(browser, seeded_site, prefix, width):
    # Its own page: the shared fixture fails on any console error, and a 404 logs one.
    context = browser.new_context(viewport={"width": width, "height": 740})
    page = context.new_page()
    response = page.goto(f"{seeded_site.url}{prefix}/no-such-page/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == ("没有找到这个页面" if not prefix else "Page not found")
    assert page.locator(".site-nav").is_visible()
    assert page.evaluate(OVERFLOW) <= 0
    page.locator(".error-links a").first.click()
    page.wait_for_url(f"{seeded_site.url}{prefix}/")
    context.close()


def test_breadcrumbs_lead_back_up(page, seeded_site):
    address = public_pages()["report_source"]
    page.goto(seeded_site.url + address)
    crumbs = page.locator("nav.breadcrumbs li")
    assert crumbs.count() == 4
    assert crumbs.last.get_attribute("aria-current") == "page"
    crumbs.nth(1).locator("a").click()
    page.wait_for_url(f"{seeded_site.url}/reports/")
    assert page.locator("nav.breadcrumbs [aria-current=page]").inner_text() == "整改通报"


def test_filters_wait_for_their_button(page, seeded_site):
    page.goto(f"{seeded_site.url}/problems/")
    panel = page.locator("details.filter-panel")
    if not panel.evaluate("element => element.open"):
        panel.locator("summary").click()
    page.focus("#id_status")
    page.keyboard.press("ArrowDown")  # a keyboard user moving through the options
    page.select_option("#id_status", "completed")
    page.wait_for_load_state()
    assert page.url == f"{seeded_site.url}/problems/", "changing a filter reloaded the page"
    with page.expect_navigation():
        page.locator("form.filters button[type=submit]").click()
    assert "status=completed" in page.url


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_larger_text_and_high_contrast_switch_and_stay(browser, seeded_site, javascript):
    context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=javascript)
    page = context.new_page()
    root_size = "() => parseFloat(getComputedStyle(document.documentElement).fontSize)"
    page.goto(f"{seeded_site.url}/problems/")
    standard = page.evaluate(root_size)
    page.get_by_role("link", name="放大字号").click()
    page.wait_for_url(f"{seeded_site.url}/problems/")
    assert page.evaluate(root_size) >= standard * 1.2
    page.get_by_role("link", name="高对比度").click()
    page.wait_for_url(f"{seeded_site.url}/problems/")
    header = page.evaluate("getComputedStyle(document.querySelector('.site-header')).backgroundColor")
    assert header == "rgb(0, 0, 0)"
    assert page.evaluate(OVERFLOW) <= 0, "larger text still fits a phone"

    page.goto(f"{seeded_site.url}/en/stats/")  # remembered on the next page, in either language
    assert page.evaluate("document.documentElement.className") == "display-large display-contrast"
    assert page.evaluate(OVERFLOW) <= 0
    page.get_by_role("link", name="Standard text size").click()
    page.wait_for_url(f"{seeded_site.url}/en/stats/")
    assert page.evaluate(root_size) == standard
    context.close()
