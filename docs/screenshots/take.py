"""Screenshots of the main public and admin pages for the README.

Run against a server on the seed data (`make run`, or `manage.py runserver` after `make seed`):
    .venv/bin/python docs/screenshots/take.py http://127.0.0.1:8000 ADMIN_USER ADMIN_PASSWORD
Needs Debian's Chromium (/usr/bin/chromium).
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

OUT = Path(__file__).resolve().parent
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 360, "height": 740}

PUBLIC = [
    ("home-desktop", "/", DESKTOP),
    ("home-phone", "/", PHONE),
    ("english-home-phone", "/en/", PHONE),
    ("problems-desktop", "/problems/?status=open", DESKTOP),
    ("problems-phone", "/problems/?status=open", PHONE),
    ("english-problems-desktop", "/en/problems/", DESKTOP),
    ("english-problems-phone", "/en/problems/", PHONE),
    ("search-desktop", "/search/?q=%E5%85%AC%E4%BC%97%E5%8F%B7", DESKTOP),
    ("units-desktop", "/units/", DESKTOP),
    ("stats-desktop", "/stats/", DESKTOP),
    ("stats-phone", "/stats/", PHONE),
    ("english-stats-phone", "/en/stats/", PHONE),
    ("api-desktop", "/api/", DESKTOP),
    ("api-phone", "/en/api/", PHONE),
    ("not-found-phone", "/en/no-such-page/", PHONE),
]
# Long phone pages are shot whole where the point is what lies below the first screen (charts).
FULL_PAGE = {"stats-phone", "english-stats-phone"}


def main(base: str, username: str | None = None, password: str | None = None) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        for name, path, viewport in PUBLIC:
            page = browser.new_page(viewport=viewport, locale="zh-CN")
            page.goto(base + path)
            page.screenshot(path=OUT / f"{name}.png", full_page=name in FULL_PAGE)
            page.close()
        # The report page, a problem page and a unit page: follow links as a reader would.
        page = browser.new_page(viewport=DESKTOP, locale="zh-CN")
        page.goto(base + "/reports/")
        page.locator("main a[href*='/reports/']").first.click()
        page.screenshot(path=OUT / "report-desktop.png")
        page.set_viewport_size(PHONE)
        page.screenshot(path=OUT / "report-phone.png")
        page.goto(page.url.replace(base, base + "/en", 1))
        page.screenshot(path=OUT / "english-report-phone.png")
        page.emulate_media(media="print")
        page.set_viewport_size(DESKTOP)
        page.screenshot(path=OUT / "report-print.png")
        page.emulate_media(media="screen")
        page.go_back()
        page.locator("main a[href*='/problems/']").first.click()
        page.screenshot(path=OUT / "problem-desktop.png")
        page.set_viewport_size(PHONE)
        page.screenshot(path=OUT / "problem-phone.png")
        page.set_viewport_size(DESKTOP)
        page.locator("main a[href*='/units/']").first.click()
        page.screenshot(path=OUT / "unit-desktop.png")
        page.close()
        browser.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
