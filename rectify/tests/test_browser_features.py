"""Issue 18 in headless Chromium at a desktop and a phone viewport: sorting the league table,
choosing several facet values from the lists, a unit's other reports, and the original file."""

import pytest
from django.core.management import call_command

from rectify.models import Issue, Report

from .conftest import seed_path, with_newer_status

pytestmark = [pytest.mark.browser]


def _fits(page):
    overflow = page.evaluate("document.documentElement.scrollWidth") - page.viewport_size["width"]
    assert overflow <= 1, f"{page.url} is {overflow}px wider than the viewport"


def _column(page, index: int) -> list[str]:
    return page.locator(f"table.league tbody tr > :nth-child({index})").all_inner_texts()


def _header(page, text: str):
    """A column's sort link; the sorted one also shows ▲ or ▼."""
    return page.locator("table.league thead a", has_text=text)


def test_reader_sorts_the_league_table_by_a_column_and_back(page, seeded_site):
    page.goto(f"{seeded_site.url}/units/league/")
    _fits(page)
    assert page.locator("th[aria-sort]").inner_text().startswith("完成率")

    with page.expect_navigation():
        _header(page, "未完成").click()
    assert page.url.endswith("?sort=-open")
    assert page.locator("th[aria-sort]").get_attribute("aria-sort") == "descending"
    open_counts = [int(text) for text in _column(page, 4)]
    assert open_counts == sorted(open_counts, reverse=True) and open_counts[0] == 4

    with page.expect_navigation():
        _header(page, "未完成").click()
    assert page.url.endswith("?sort=open")
    assert page.locator("th[aria-sort]").get_attribute("aria-sort") == "ascending"
    assert [int(text) for text in _column(page, 4)] == sorted(open_counts)
    _fits(page)

    with page.expect_navigation():
        _header(page, "单位").click()
    names = _column(page, 1)
    assert names == sorted(names)


def test_reader_picks_two_statuses_from_the_facet_list_then_drops_one(page, seeded_site):
    page.goto(f"{seeded_site.url}/problems/")
    facet = page.locator("section.facet-list", has=page.locator("h2", has_text="整改状态"))
    with page.expect_navigation():
        facet.get_by_role("link", name="已完成整改", exact=True).click()
    with page.expect_navigation():
        facet.get_by_role("link", name="正在整改", exact=True).click()
    assert "status=completed" in page.url and "status=in_progress" in page.url
    both = Issue.objects.published().filter(status__in=["completed", "in_progress"]).count()
    assert f"找到 {both} 个问题" in page.locator(".result-count").inner_text()
    assert facet.locator('a[aria-current="true"]').count() == 2
    _fits(page)

    with page.expect_navigation():
        facet.locator('a[aria-current="true"]', has_text="已完成整改").click()
    assert "status=completed" not in page.url and "status=in_progress" in page.url
    assert (
        f"找到 {Issue.objects.filter(status='in_progress').count()} 个问题"
        in page.locator(".result-count").inner_text()
    )


@pytest.fixture
def two_reports(imported_seeds, tmp_path):
    newer = tmp_path / "001_next.txt"
    newer.write_text(with_newer_status(seed_path("001").read_text(encoding="utf-8")), encoding="utf-8")
    call_command("import_reports", str(newer), verbosity=0)
    return list(Report.objects.filter(inspection__unit__name="中共益阳市赫山区委宣传部").oldest_first())


@pytest.mark.django_db(transaction=True)
def test_reader_steps_to_the_units_next_report_and_back(page, live_server, two_reports):
    first, second = two_reports
    page.goto(live_server.url + first.get_absolute_url())
    with page.expect_navigation():
        page.locator('nav.report-nav a[rel="next"]').click()
    assert page.url.endswith(second.get_absolute_url())
    _fits(page)
    with page.expect_navigation():
        page.locator('nav.report-nav a[rel="prev"]').click()
    assert page.url.endswith(first.get_absolute_url())


def test_reader_downloads_the_original_file(page, seeded_site):
    path = seed_path("001")
    report = Report.objects.get(source_name=path.name)
    page.goto(seeded_site.url + report.get_absolute_url())
    with page.expect_download() as download_info:
        page.locator("a.download").click()
    download = download_info.value
    assert download.suggested_filename == path.name
    assert download.path().read_bytes() == path.read_bytes()
    _fits(page)
