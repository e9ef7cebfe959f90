"""What every public page shares: English without Chinese interface text, breadcrumbs, the menu's
current item, metadata, display settings, error pages, and filters that wait for their button."""

import re
from pathlib import Path

import pytest
from django.test import Client, override_settings
from django.urls import path as url_path
from django.urls import reverse

from rectify import urls as site_urls
from rectify.models import Issue, StatusChange, Unit
from rectify.tests.site_pages import chinese_in_interface, interface_text, public_pages

ROOT = Path(__file__).resolve().parents[2]


def english(path: str) -> str:
    return "/en" + path


# --- English pages speak English ------------------------------------------------------------------


def test_interface_text_leaves_out_what_is_marked_as_report_data():
    html = (
        '<html><head><title>标题</title></head><body><p title="提示">Found <span lang="zh-CN">中共某县委</span>'
        '</p><script>var x = "中文";</script><svg><g lang="zh-CN"><title>单位</title></g></svg><br>ok</body></html>'
    )
    assert interface_text(html) == "提示 Found ok"
    assert chinese_in_interface(html)  # the title attribute is interface text
    assert not chinese_in_interface(html.replace('title="提示"', 'title="hint"'))


@pytest.mark.django_db
def test_every_english_public_page_has_no_chinese_outside_report_data(client, imported_seeds):
    # A problem whose status a newer report changed, so the history shows the importer's notes.
    pages = {name: english(address) for name, address in public_pages().items()}
    pages["issue_list_rejected"] = english(reverse("issue_list")) + "?status=nonsense&year=abc"
    pages["issue_list_filtered"] = english(reverse("issue_list")) + "?status=open&per_page=100"
    pages["search_empty"] = english(reverse("search"))
    pages["not_found"] = "/en/no-such-page/"
    found = {}
    for name, address in pages.items():
        response = client.get(address)
        assert response.status_code in (200, 400, 404), (name, response.status_code)
        chinese = chinese_in_interface(response.content.decode())
        if chinese:
            found[name] = chinese[:5]
    assert not found, f"Chinese interface text on English pages: {found}"


@pytest.mark.django_db
def test_english_problem_history_translates_the_importers_notes(client, imported_seeds):
    change = StatusChange.objects.filter(note="导入通报时记录", issue__is_published=True).first()
    assert change, "the importer writes a note on each problem's first status"
    address = change.issue.get_absolute_url()
    page = client.get(english(address)).content.decode()
    assert "Recorded when the report was imported" in page and "导入通报时记录" not in page
    assert "导入通报时记录" in client.get(address).content.decode()


@pytest.mark.django_db
def test_english_dates_and_counts_read_in_english(client, imported_seeds):
    stats_address, problems_address = english(reverse("stats")), english(reverse("issue_list"))
    stats = client.get(stats_address).content.decode()
    assert re.search(r"As of [A-Z][a-z]{2}\.? \d{1,2}, \d{4}", stats)
    problems = client.get(problems_address).content.decode()
    assert f"{Issue.objects.published().count()} problems found" in problems


# --- breadcrumbs, menu, metadata ------------------------------------------------------------------

NAV_LABEL = {
    "report_list": "通报",
    "unit_list": "单位",
    "issue_list": "问题",
    "search": "搜索",
    "stats": "统计",
    "api_docs": "开放数据/API",
}
SECTION_OF = {
    "report_detail": "report_list",
    "report_source": "report_list",
    "inspection_detail": "report_list",
    "unit_detail": "unit_list",
    "issue_detail": "issue_list",
}


@pytest.mark.django_db
def test_every_public_page_has_breadcrumbs_ending_at_itself(client, imported_seeds):
    for name, address in public_pages().items():
        page = client.get(address).content.decode()
        crumbs = re.search(r'<nav class="breadcrumbs" aria-label="当前位置">(.*?)</nav>', page, re.S)
        assert crumbs, f"{name} has no breadcrumbs"
        items = re.findall(r"<li(.*?)>(.*?)</li>", crumbs.group(1), re.S)
        assert items[-1][0].strip() == 'aria-current="page"', name
        assert ">首页<" in items[0][1] or items[0][1] == "首页", name
        if name != "home":
            assert 'href="/"' in items[0][1], name


@pytest.mark.django_db
def test_the_menu_marks_the_current_page_and_its_section(client, imported_seeds):
    for name, address in public_pages().items():
        page = client.get(address).content.decode()
        nav = re.search(r'<nav class="site-nav".*?</nav>', page, re.S).group(0)
        current = re.findall(r'<a href="[^"]*" aria-current="(page|true)">([^<]*)</a>', nav)
        if name == "home":
            assert current == []
        elif name in NAV_LABEL:
            assert current == [("page", NAV_LABEL[name])], name
        else:
            assert current == [("true", NAV_LABEL[SECTION_OF[name]])], name


@pytest.mark.django_db
def test_every_public_page_names_its_canonical_address_and_both_languages(client, imported_seeds):
    for name, address in public_pages().items():
        for prefix, lang in (("", "zh-hans"), ("/en", "en")):
            page = client.get(prefix + address).content.decode()
            bare = (prefix + address).split("?")[0]
            assert f'<link rel="canonical" href="http://testserver{bare}">' in page, (name, lang)
            zh_path, en_path = address.split("?")[0], "/en" + address.split("?")[0]
            assert f'<link rel="alternate" hreflang="zh-Hans" href="http://testserver{zh_path}">' in page
            assert f'<link rel="alternate" hreflang="en" href="http://testserver{en_path}">' in page
            assert f'<link rel="alternate" hreflang="x-default" href="http://testserver{zh_path}">' in page
            description = re.search(r'<meta name="description" content="([^"]+)">', page)
            assert description and len(description.group(1)) > 20, (name, lang)


# --- 适老化: larger text, higher contrast --------------------------------------------------------


@pytest.mark.django_db
def test_display_switches_work_as_plain_links_and_are_remembered(imported_seeds):
    client = Client()
    stats = reverse("stats")
    page = client.get(stats).content.decode()
    assert '<html lang="zh-CN">' in page
    switch = re.search(r'<a href="([^"]+)">放大字号</a>', page).group(1).replace("&amp;", "&")
    response = client.get(switch)
    assert response.status_code == 302 and response["Location"] == stats
    assert response.cookies["rectify_display"].value == "large"
    page = client.get(stats).content.decode()
    assert '<html lang="zh-CN" class="display-large">' in page
    assert "恢复标准字号" in page

    client.get(reverse("display_settings") + "?contrast=1&next=/en/")
    assert 'class="display-large display-contrast"' in client.get("/en/").content.decode()
    client.get(reverse("display_settings") + "?large=0&contrast=0&next=/")
    assert "display-" not in client.get("/").content.decode().split("<head>")[0]


@pytest.mark.django_db
def test_display_switch_goes_back_only_to_this_site():
    client = Client()
    for target in ("https://evil.example/", "//evil.example/", "javascript:alert(1)"):
        response = client.get(reverse("display_settings") + "?large=1&next=" + target)
        assert response["Location"] == "/"


@pytest.mark.django_db
def test_display_switch_does_not_repeat_a_rejected_query(client, imported_seeds):
    page = client.get(reverse("issue_list") + "?year=" + "9" * 500).content.decode()
    assert "9" * 500 not in re.search(r'<div class="display-tools".*?</div>', page, re.S).group(0)


# --- error pages ----------------------------------------------------------------------------------


def _boom(request):
    raise RuntimeError("broken on purpose")


# This module doubles as a URLconf: the site's pages plus two that raise, under the site's handlers.
urlpatterns = [url_path("boom/", _boom), url_path("api/v1/boom/", _boom), *site_urls.urlpatterns]
handler400, handler404, handler500 = site_urls.handler400, site_urls.handler404, site_urls.handler500


@pytest.fixture
def urls_with_a_broken_page(settings):
    settings.ROOT_URLCONF = __name__


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("prefix", "heading", "home"),
    [("", "没有找到这个页面", "回到首页"), ("/en", "Page not found", "Back to the home page")],
)
def test_a_missing_page_is_a_branded_404_in_the_readers_language(client, prefix, heading, home):
    response = client.get(prefix + "/no-such-page/")
    page = response.content.decode()
    assert response.status_code == 404
    assert f"<h1>{heading}</h1>" in page and home in page
    assert 'class="site-nav"' in page and 'class="breadcrumbs"' in page


@pytest.mark.django_db
def test_a_missing_report_is_a_branded_404(client):
    response = client.get("/en/reports/999999/")
    assert response.status_code == 404 and "<h1>Page not found</h1>" in response.content.decode()


@pytest.mark.django_db
def test_a_bad_request_is_a_branded_400(client, rf):
    from django.core.exceptions import SuspiciousOperation

    from rectify.errors import bad_request

    request = rf.get("/problems/")
    response = bad_request(request, SuspiciousOperation())
    assert response.status_code == 400 and "<h1>请求有误</h1>" in response.content.decode()


@pytest.mark.django_db
def test_a_server_error_is_a_branded_500_that_needs_no_database(urls_with_a_broken_page, django_assert_num_queries):
    client = Client(raise_request_exception=False)
    with django_assert_num_queries(0):
        response = client.get("/boom/")
    assert response.status_code == 500
    page = response.content.decode()
    assert "<h1>服务器出错</h1>" in page and 'class="site-nav"' in page


@pytest.mark.django_db
def test_the_500_page_falls_back_to_fixed_markup_when_templates_fail(urls_with_a_broken_page, monkeypatch):
    from rectify import errors

    def broken(*args, **kwargs):
        raise RuntimeError("templates broken too")

    monkeypatch.setattr(errors.loader, "render_to_string", broken)
    response = Client(raise_request_exception=False).get("/boom/")
    assert response.status_code == 500
    assert "服务器出错 · Server error" in response.content.decode()


@pytest.mark.django_db
def test_the_api_answers_its_errors_in_json(client, urls_with_a_broken_page):
    expectations = [
        (client.get("/api/v1/no-such-endpoint/"), 404),
        (client.get(reverse("api_issue_detail", args=[999999])), 404),
        (client.get(reverse("api_issue_list") + "?status=nonsense"), 400),
        (client.get(reverse("api_issue_list") + "?q=%00"), 400),
        (client.post(reverse("api_issue_list")), 405),
        (client.delete(reverse("api_root")), 405),
        (Client(raise_request_exception=False).get("/api/v1/boom/"), 500),
    ]
    for response, status in expectations:
        assert response.status_code == status
        assert response["Content-Type"].startswith("application/json"), (status, response["Content-Type"])
        assert "error" in response.json()
    assert "GET" in expectations[4][0]["Allow"]


@override_settings(DEBUG=False)
@pytest.mark.django_db
def test_pages_outside_the_api_keep_their_html_errors(client):
    response = client.get("/no-such-page/")
    assert response["Content-Type"].startswith("text/html")


# --- links, filters -------------------------------------------------------------------------------

VAGUE_LINK_TEXT = {"查看", "打开", "更多", "全部", "详情", "点击这里", "more", "open", "view", "here", "all"}


@pytest.mark.django_db
def test_no_link_says_only_view_or_more(client, imported_seeds):
    for address in public_pages().values():
        for prefix in ("", "/en"):
            page = client.get(prefix + address).content.decode()
            for attributes, text in re.findall(r"<a ([^>]*)>(.*?)</a>", page, re.S):
                words = re.sub(r"<[^>]+>|[→←›#\s]", "", text).lower()
                if "aria-label=" in attributes:
                    continue
                assert words not in VAGUE_LINK_TEXT, f"{prefix}{address}: a link reads only {text!r}"


def test_filters_never_submit_on_change():
    script = (ROOT / "static/rectify/site.js").read_text()
    assert ".submit(" not in script and "auto-submit" not in script
    for template in (ROOT / "templates").rglob("*.html"):
        assert "auto-submit" not in template.read_text(), template


@pytest.mark.django_db
def test_every_filter_form_has_a_submit_button(client, imported_seeds):
    for address in (reverse("issue_list"), reverse("unit_list"), reverse("search")):
        page = client.get(address).content.decode()
        for form in re.findall(r"<form .*?</form>", page, re.S):
            assert '<button type="submit">' in form, address


@pytest.mark.django_db
def test_long_problem_lists_offer_one_page_to_print(client, imported_seeds):
    total = Issue.objects.published().count()
    page = client.get(reverse("issue_list")).content.decode()
    assert f"在一页中列出全部 {total} 个问题（便于打印）" in page
    assert "page_size=100" in page


@pytest.mark.django_db
def test_report_data_is_marked_chinese_only_on_english_pages(client, imported_seeds):
    unit = Unit.objects.filter(inspections__reports__is_published=True).first()
    address = reverse("unit_detail", args=[unit.pk])
    assert f'<h1><span lang="zh-CN">{unit.name}</span></h1>' in client.get(english(address)).content.decode()
    assert f"<h1>{unit.name}</h1>" in client.get(address).content.decode()
