"""Web security: headers, read-only public pages, drafts kept private, escaping, admin access and lockout.

Every public route is written out once (PUBLIC_URL_ARGS) with how to build its arguments from a published
report; test_every_public_route_is_listed fails when urls.py gains a route the list does not name.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission, User
from django.core.exceptions import TooManyFieldsSent
from django.core.files.base import ContentFile
from django.http import QueryDict
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.html import escape

from rectify.filters import IssueFilter
from rectify.ledger import ledger_csv, ledger_xlsx
from rectify.models import Evidence, Issue, Measure, Report, Unit
from rectify.tests.hostile import assert_clean_answer, hostile_queries

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def public_evidence(report: Report) -> Evidence:
    """A public evidence file on the report's first measure (MEDIA_ROOT is a temporary folder here)."""
    measure = Measure.objects.filter(issue__report=report).order_by("pk").first()
    evidence = Evidence(measure=measure, title="会议纪要", is_public=True)
    evidence.file.save("minutes.pdf", ContentFile(b"%PDF-1.7\n1 0 obj\n"), save=True)
    return evidence


# Every public route, by URL name, with its arguments built from a published report. Written out, not
# read from urls.py, so a route added there is seen (test_every_public_route_is_listed) and decided on.
PUBLIC_URL_ARGS = {
    "home": lambda report: {},
    "report_list": lambda report: {},
    "report_detail": lambda report: {"pk": report.pk},
    "report_source": lambda report: {"pk": report.pk},
    "inspection_detail": lambda report: {"pk": report.inspection_id},
    "unit_list": lambda report: {},
    "unit_detail": lambda report: {"pk": report.inspection.unit_id},
    "issue_list": lambda report: {},
    "issue_detail": lambda report: {"pk": report.issues.order_by("order").first().pk},
    "search": lambda report: {},
    "stats": lambda report: {},
    "api_docs": lambda report: {},
    "issue_export": lambda report: {"fmt": "csv"},
    "report_feed": lambda report: {},
    "unit_feed": lambda report: {"pk": report.inspection.unit_id},
    "issue_feed": lambda report: {},
    "api_root": lambda report: {},
    "api_issue_list": lambda report: {},
    "api_issue_detail": lambda report: {"pk": report.issues.order_by("order").first().pk},
    "api_report_list": lambda report: {},
    "api_report_detail": lambda report: {"pk": report.pk},
    "api_unit_list": lambda report: {},
    "api_unit_detail": lambda report: {"pk": report.inspection.unit_id},
    "evidence_file": lambda report: {"pk": public_evidence(report).pk},
    "report_original": lambda report: {"pk": report.pk},
    "unit_league": lambda report: {},
}
# Public routes that answer with a redirect, not a page; each has its own tests here.
PUBLIC_REDIRECT_NAMES = ["display_settings"]
PUBLIC_URL_NAMES = list(PUBLIC_URL_ARGS)
# Pages that show one draft object when given its id: each must answer 404 for a draft.
DRAFT_DETAIL_URL_NAMES = ["report_detail", "report_source", "report_original", "api_report_detail"]
DRAFT_ISSUE_URL_NAMES = ["issue_detail", "api_issue_detail"]
SEARCHABLE_URL_NAMES = ["issue_list", "search", "issue_export", "issue_feed", "api_issue_list", "report_list"]
WRITE_METHODS = ["post", "put", "patch", "delete"]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def public_url(name: str, report: Report) -> str:
    return reverse(name, kwargs=PUBLIC_URL_ARGS[name](report))


def published_report() -> Report:
    return Report.objects.published().filter(issues__isnull=False).distinct().order_by("pk").first()


def routes(patterns, prefix: str = ""):
    """(name, route) of every URL pattern, the admin's left out; an unnamed route is named by its path."""
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            if pattern.app_name != "admin":
                yield from routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            yield pattern.name or route, route


def test_every_public_route_is_listed():
    """A route added to urls.py outside the admin is public: it must be named above, so every test
    here (headers, read-only, drafts, hostile queries) covers it; a name listed must still exist."""
    public = {name for name, _ in routes(get_resolver().url_patterns)}

    listed = set(PUBLIC_URL_ARGS) | set(PUBLIC_REDIRECT_NAMES)
    assert sorted(public - listed) == [], "public routes the security tests do not cover"
    assert sorted(listed - public) == [], "listed routes that urls.py no longer has"


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "javascript:alert(1)", "/\\evil"])
def test_the_display_switch_redirects_only_within_the_site(client, target):
    response = client.get(reverse("display_settings"), {"large": "1", "next": target})

    assert response.status_code == 302 and response["Location"] == reverse("home")
    assert client.post(reverse("display_settings"), {"large": "1"}).status_code == 405


def test_the_route_list_sees_the_admin_apart():
    found = dict(routes(get_resolver().url_patterns))

    assert "admin/" not in "".join(found.values())
    assert found["home"] == "" and found["api_issue_detail"] == "api/v1/problems/<int:pk>/"


# --- headers ------------------------------------------------------------------------------------------


def csp_directives(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def assert_security_headers(response) -> None:
    directives = csp_directives(response)
    assert directives["default-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]
    header = response["Content-Security-Policy"]
    assert "unsafe-inline" not in header and "unsafe-eval" not in header
    assert "*" not in header and "http:" not in header and "https:" not in header
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


@pytest.mark.parametrize("name", PUBLIC_URL_NAMES)
def test_public_pages_send_the_security_headers(client, imported_seeds, name):
    response = client.get(public_url(name, published_report()))

    assert response.status_code == 200
    assert_security_headers(response)


@pytest.mark.parametrize("path", ["/admin/login/", "/admin/", "/reports/999999/"])
def test_admin_and_error_pages_send_the_security_headers(client, path):
    response = client.get(path)

    assert response.status_code in (200, 302, 404)
    assert_security_headers(response)


def test_admin_pages_send_the_security_headers_when_logged_in(admin_client, imported_seeds):
    issue = Issue.objects.first()
    for path in ["/admin/rectify/issue/", f"/admin/rectify/issue/{issue.pk}/change/"]:
        response = admin_client.get(path)
        assert response.status_code == 200
        assert_security_headers(response)


INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>", re.I)
HANDLER_ATTRIBUTE = re.compile(r"<[^>]+\son[a-z]+\s*=", re.I)
STYLE_ATTRIBUTE = re.compile(r"<[^>]+\sstyle\s*=", re.I)


def test_admin_pages_need_no_inline_script_for_the_policy(admin_client, imported_seeds):
    """The CSP forbids inline code; the admin pages staff use must not depend on any."""
    issue = Issue.objects.first()
    paths = [
        "/admin/",
        "/admin/rectify/issue/",
        f"/admin/rectify/issue/{issue.pk}/change/",
        "/admin/rectify/report/",
        f"/admin/rectify/report/{issue.report_id}/change/",
        "/admin/rectify/unit/add/",
    ]
    for path in paths:
        page = admin_client.get(path).content.decode()
        assert not INLINE_SCRIPT.search(page), path
        assert not HANDLER_ATTRIBUTE.search(page), path


@pytest.mark.parametrize("name", ["home", "report_detail", "inspection_detail", "unit_detail"])
def test_public_pages_have_no_inline_code_or_style(client, imported_seeds, name):
    page = client.get(public_url(name, published_report())).content.decode()

    assert not INLINE_SCRIPT.search(page)
    assert not HANDLER_ATTRIBUTE.search(page)
    assert not STYLE_ATTRIBUTE.search(page)


PRODUCTION_ENV = {
    "DJANGO_ENV": "production",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
    "DJANGO_ALLOWED_HOSTS": "testserver,rectify.example.org",
}


def run_in_production(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, **PRODUCTION_ENV}
    env.pop("DJANGO_DEBUG", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # the browser tests' (conftest.browser), not production's
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False
    )


def test_production_settings_pass_check_deploy_without_warnings(tmp_path, monkeypatch):
    # As `make serve` runs it: static files collected first (rectify.E007 fails the check otherwise).
    monkeypatch.setitem(PRODUCTION_ENV, "DJANGO_STATIC_ROOT", str(tmp_path / "static"))
    collected = run_in_production("manage.py", "collectstatic", "--noinput", "-v", "0")
    assert collected.returncode == 0, collected.stderr
    result = run_in_production("manage.py", "check", "--deploy", "--fail-level", "WARNING")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


PRODUCTION_PROBE = """
import json, django
django.setup()
from django.conf import settings
from django.test import Client
from django.test.utils import override_settings

# A test checkout has no collected static manifest; the headers do not depend on it.
plain = {**settings.STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
with override_settings(STORAGES=plain):
    secure = Client().get("/admin/login/", secure=True)
    plain_http = Client().get("/admin/login/")
print(json.dumps({
    "debug": settings.DEBUG,
    "session_cookie_secure": settings.SESSION_COOKIE_SECURE,
    "csrf_cookie_secure": settings.CSRF_COOKIE_SECURE,
    "secure_status": secure.status_code,
    "hsts": secure.get("Strict-Transport-Security"),
    "csp": secure.get("Content-Security-Policy"),
    "csrf_cookie": secure.cookies["csrftoken"].output() if "csrftoken" in secure.cookies else None,
    "http_status": plain_http.status_code,
    "http_location": plain_http.get("Location"),
}))
"""


def test_production_sends_hsts_secure_cookies_and_redirects_to_https():
    result = run_in_production("-c", PRODUCTION_PROBE)
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])

    assert seen["debug"] is False
    assert seen["session_cookie_secure"] is True and seen["csrf_cookie_secure"] is True
    assert seen["secure_status"] == 200
    assert seen["hsts"] == "max-age=31536000; includeSubDomains; preload"
    assert "default-src 'self'" in seen["csp"]
    assert "Secure" in seen["csrf_cookie"] and "HttpOnly" in seen["csrf_cookie"]
    assert seen["http_status"] == 301
    assert seen["http_location"] == "https://testserver/admin/login/"


# --- public pages are read-only -----------------------------------------------------------------------


@pytest.mark.parametrize("name", PUBLIC_URL_NAMES)
def test_public_pages_refuse_every_write_method(client, imported_seeds, name):
    url = public_url(name, published_report())
    before = Report.objects.count(), Issue.objects.count()

    for method in WRITE_METHODS:
        response = getattr(client, method)(url, data={"title": "改写"} if method == "post" else None)

        assert response.status_code == 405, method
        assert "GET" in response["Allow"] and "POST" not in response["Allow"]
    assert (Report.objects.count(), Issue.objects.count()) == before


@pytest.mark.parametrize("name", PUBLIC_URL_NAMES)
def test_public_pages_answer_head(client, imported_seeds, name):
    response = client.head(public_url(name, published_report()))

    assert response.status_code == 200
    assert b"".join(response) == b""  # streaming exports too


# --- drafts stay private --------------------------------------------------------------------------------

DRAFT_MARK = "草稿专用标记甲乙丙"


@pytest.fixture
def draft_report(imported_seeds) -> Report:
    """One seed report turned into a draft, its text marked so any leak can be seen."""
    report = Report.objects.get(inspection__unit__name="中共韩城市委宣传部")
    report.is_published = False
    report.title = f"{DRAFT_MARK}通报"
    report.source_text += DRAFT_MARK
    report.save()
    for issue in report.issues.all():
        issue.title = f"{DRAFT_MARK}{issue.title}"
        issue.description = f"{DRAFT_MARK}{issue.description}"
        issue.save()
    Measure.objects.filter(issue__report=report).update(text=DRAFT_MARK)
    return report


def all_public_urls(report: Report) -> list[str]:
    urls = [public_url(name, report) for name in PUBLIC_URL_NAMES]
    for other in Report.objects.published():
        urls.append(other.get_absolute_url())
    for unit in Unit.objects.all():
        urls.append(reverse("unit_detail", args=[unit.pk]))
    for name in SEARCHABLE_URL_NAMES:
        url = public_url(name, report)
        # Search for part of the mark: a search box echoes its query, never the rest of the mark.
        urls += [f"{url}?q={DRAFT_MARK[:4]}", f"{url}?q=韩城"]
    return urls


def test_a_draft_report_is_absent_from_every_public_page(client, draft_report):
    published = published_report()
    urls = all_public_urls(published)
    assert len(urls) >= 1 + Report.objects.published().count() + Unit.objects.count()

    for url in urls:
        response = client.get(url)
        if response.status_code == 404:
            continue
        assert response.status_code == 200, url
        body = b"".join(response) if response.streaming else response.content
        assert DRAFT_MARK not in body.decode(), url
        assert "十八届市委第七轮" not in body.decode(), url  # the draft's inspection round


def test_a_draft_report_and_its_problems_answer_404(client, draft_report):
    draft_issue = draft_report.issues.first()
    for name in DRAFT_DETAIL_URL_NAMES + DRAFT_ISSUE_URL_NAMES:
        pk = draft_issue.pk if name in DRAFT_ISSUE_URL_NAMES else draft_report.pk
        assert client.get(reverse(name, kwargs={"pk": pk})).status_code == 404, name


def test_a_unit_known_only_from_a_draft_has_no_public_page(client, draft_report):
    unit = draft_report.inspection.unit
    assert not Report.objects.published().filter(inspection__unit=unit).exists()
    assert not Measure.objects.filter(acting_units=unit, issue__report__is_published=True).exists()

    assert client.get(reverse("unit_detail", args=[unit.pk])).status_code == 404


def test_draft_problems_do_not_count_on_the_home_page(client, imported_seeds, draft_report):
    page = client.get(reverse("home")).content.decode()

    published = Issue.objects.published().count()
    assert published < Issue.objects.count()
    assert f"<strong>{published}</strong>" in page
    assert f"<strong>{Issue.objects.count()}</strong>" not in page


# --- report text is text everywhere ---------------------------------------------------------------------

PAYLOAD = '<script>alert("x")</script> &amp; {{ request.user }} {% now "Y" %} <img src=x onerror=alert(1)>'


@pytest.fixture
def hostile_issue(imported_seeds) -> Issue:
    """A published problem whose title, statement and measure carry markup and template syntax."""
    issue = published_report().issues.order_by("order").first()
    issue.title = PAYLOAD
    issue.description = f"{PAYLOAD}\n第二行"
    issue.save()
    measure = issue.measures.order_by("order").first()
    measure.text = PAYLOAD
    measure.acting_unit_name = PAYLOAD
    measure.save()
    return issue


def assert_shown_as_text(page: str) -> None:
    assert "<script>alert" not in page
    assert "<img src=x" not in page
    assert escape(PAYLOAD) in page  # entities escaped once more, template syntax left as typed
    assert "{{ request.user }}" in page and "{% now &quot;Y&quot; %}" in page


def test_report_text_with_markup_is_shown_as_text_on_public_pages(client, hostile_issue):
    report_page = client.get(hostile_issue.report.get_absolute_url()).content.decode()

    assert_shown_as_text(report_page)
    assert report_page.count(escape(PAYLOAD)) >= 3  # title, statement, measure


def test_report_text_with_markup_is_shown_as_text_in_the_admin(admin_client, hostile_issue):
    changelist = admin_client.get("/admin/rectify/issue/").content.decode()
    change_form = admin_client.get(f"/admin/rectify/issue/{hostile_issue.pk}/change/").content.decode()

    assert_shown_as_text(changelist)
    assert_shown_as_text(change_form)


def test_ledger_csv_neutralises_cells_that_spreadsheets_would_run(hostile_issue):
    hostile_issue.title = '=HYPERLINK("http://evil.example/","点此")'
    hostile_issue.description = hostile_issue.title
    hostile_issue.save()
    hostile_issue.measures.update(acting_unit_name="+cmd|' /C calc'!A0")
    hostile_issue.inspection.unit.name = "@SUM(1+1)"
    hostile_issue.inspection.unit.save()

    rows = list(csv.reader(io.StringIO(ledger_csv(Issue.objects.filter(pk=hostile_issue.pk)).lstrip("\ufeff"))))
    cells = [cell for row in rows[1:] for cell in row]

    assert len(rows) == 2
    assert [cell for cell in cells if cell.startswith(("=", "+", "-", "@", "\t", "\r"))] == []
    assert {"'@SUM(1+1)", "'+cmd|' /C calc'!A0"} <= set(cells)
    assert any(cell.startswith("'=HYPERLINK(") for cell in cells)
    assert any(escape(PAYLOAD) not in cell and PAYLOAD in cell for cell in cells)  # no HTML escaping in data


def test_ledger_xlsx_stores_formula_like_text_as_text(hostile_issue):
    from openpyxl import load_workbook

    hostile_issue.title = "=1+1"
    hostile_issue.description = "=1+1"
    hostile_issue.save()

    sheet = load_workbook(io.BytesIO(ledger_xlsx(Issue.objects.filter(pk=hostile_issue.pk)))).active
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row]

    assert [cell.coordinate for cell in cells if cell.data_type == "f"] == []
    assert any(str(cell.value).startswith("'=1+1") for cell in cells)


# --- hostile query strings on the pages this branch has --------------------------------------------------


@pytest.mark.parametrize("name", PUBLIC_URL_NAMES)
def test_pages_answer_hostile_query_strings_cleanly(client, imported_seeds, name):
    """The generic cases on every page; list pages add their own parameters (see hostile.py)."""
    url = public_url(name, published_report())

    for query in hostile_queries({}):
        assert_clean_answer(client.get(f"{url}?{query}"))  # 404 only for a page number past the end


@pytest.mark.parametrize("pk", ["abc", "-1", "0", "99999999999999999999", "1.5", "%00", "１"])
@pytest.mark.parametrize("prefix", ["/reports/", "/units/"])
def test_detail_pages_answer_404_for_bad_ids(client, prefix, pk):
    response = client.get(f"{prefix}{pk}/")

    assert response.status_code == 404


# --- admin: login, roles, lockout --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", ["/admin/", "/admin/rectify/issue/", "/admin/rectify/issue/1/change/", "/admin/rectify/report/add/"]
)
def test_anonymous_admin_access_redirects_to_login(client, path):
    response = client.get(path)

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_staff_without_permissions_cannot_see_or_change_problems(client, imported_seeds):
    clerk = User.objects.create_user("clerk", password="unused-password-1", is_staff=True)
    client.force_login(clerk)
    issue = Issue.objects.first()

    assert client.get("/admin/rectify/issue/").status_code == 403

    clerk.user_permissions.add(Permission.objects.get(codename="view_issue"))
    assert client.get("/admin/rectify/issue/").status_code == 200
    response = client.post(f"/admin/rectify/issue/{issue.pk}/change/", {"title": "改写"})
    assert response.status_code == 403
    issue.refresh_from_db()
    assert issue.title != "改写"


def test_non_staff_user_cannot_enter_the_admin(client):
    client.force_login(User.objects.create_user("reader", password="unused-password-1"))

    response = client.get("/admin/rectify/issue/")

    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def login(client, username, password, ip="10.0.0.1"):
    return client.post("/admin/login/?next=/admin/", {"username": username, "password": password}, REMOTE_ADDR=ip)


def test_admin_login_locks_after_repeated_failures_per_username_and_address(client, settings):
    limit = settings.AXES_FAILURE_LIMIT
    User.objects.create_user("editor", password="correct-horse-battery", is_staff=True)
    User.objects.create_user("other", password="correct-horse-battery", is_staff=True)

    for _ in range(limit - 1):
        assert login(client, "editor", "wrong").status_code == 200  # the form again, with an error
    assert login(client, "editor", "wrong").status_code == 429

    # Locked: even the right password is refused from that address.
    response = login(client, "editor", "correct-horse-battery")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    # The lock is on that username at that address, not on the address or the username alone.
    assert login(client, "other", "correct-horse-battery").status_code == 302
    client.logout()
    assert login(client, "editor", "correct-horse-battery", ip="10.0.0.2").status_code == 302


def test_successful_login_resets_the_failure_count(client, settings):
    limit = settings.AXES_FAILURE_LIMIT
    User.objects.create_user("editor", password="correct-horse-battery", is_staff=True)

    for _ in range(limit - 1):
        login(client, "editor", "wrong")
    assert login(client, "editor", "correct-horse-battery").status_code == 302
    client.logout()
    for _ in range(limit - 1):
        assert login(client, "editor", "wrong").status_code == 200


PROXY = "10.0.0.1"


def login_via_proxy(client, username, password, forwarded_for):
    """A login as nginx would pass it on: the proxy connects and appends the client's address."""
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


def test_lockout_behind_a_trusted_proxy_locks_one_client_not_everyone(client, settings):
    settings.RECTIFY_TRUSTED_PROXIES = [PROXY]
    User.objects.create_user("editor", password="correct-horse-battery", is_staff=True)
    attacker, colleague = "198.51.100.7", "203.0.113.20"

    for _ in range(settings.AXES_FAILURE_LIMIT):
        # Whatever the attacker puts left of its own address is not believed.
        login_via_proxy(client, "editor", "wrong", f"192.0.2.{_}, {attacker}")
    assert login_via_proxy(client, "editor", "correct-horse-battery", attacker).status_code == 429

    # Same proxy, same username, another client: not locked.
    assert login_via_proxy(client, "editor", "correct-horse-battery", colleague).status_code == 302


def test_forwarded_for_from_an_untrusted_client_is_ignored(client, settings):
    settings.RECTIFY_TRUSTED_PROXIES = [PROXY]
    User.objects.create_user("editor", password="correct-horse-battery", is_staff=True)

    # A direct client inventing a new X-Forwarded-For each time is still one address to the lockout.
    for n in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            "/admin/login/",
            {"username": "editor", "password": "wrong"},
            REMOTE_ADDR="198.51.100.7",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{n}",
        )
    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": "editor", "password": "correct-horse-battery"},
        REMOTE_ADDR="198.51.100.7",
        HTTP_X_FORWARDED_FOR="192.0.2.200",
    )
    assert response.status_code == 429


def test_without_trusted_proxies_forwarded_for_is_never_read(client, settings):
    assert settings.RECTIFY_TRUSTED_PROXIES == []
    User.objects.create_user("editor", password="correct-horse-battery", is_staff=True)

    for n in range(settings.AXES_FAILURE_LIMIT):
        login_via_proxy(client, "editor", "wrong", f"192.0.2.{n}")

    assert login_via_proxy(client, "editor", "correct-horse-battery", "192.0.2.200").status_code == 429


def test_request_bodies_are_limited(client, imported_seeds, settings):
    big = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)

    response = client.post("/admin/login/", {"username": big, "password": "x"})

    assert response.status_code == 400


# The filters every list page, export and feed will share: they exist already, so test them now.
ISSUE_FILTER_PARAMS = {
    "q": "text",
    "unit": "id",
    "region": "text",
    "level": "choice",
    "inspector": "text",
    "kind": "text",
    "year": "number",
    "category": "text",
    "status": "choice",
    "immediate": "bool",
    "overdue": "bool",
    "warning": "choice",
    "sort": "sort",
}


def test_issue_filter_answers_hostile_values_with_errors_or_rows(imported_seeds):
    failures = []
    for query in hostile_queries(ISSUE_FILTER_PARAMS):
        try:
            data = QueryDict(query)
        except TooManyFieldsSent:
            continue  # a page answers this with 400 before any filter runs
        filterset = IssueFilter(data, queryset=Issue.objects.published())
        try:
            if filterset.is_valid():
                list(filterset.qs[:5])
        except Exception as error:  # collect every failing query, not only the first
            failures.append(f"{query[:60]!r}: {type(error).__name__}: {error}"[:200])
    assert failures == []


ADMIN_CHANGELIST_PARAMS = {"q": "text", "p": "page", "o": "sort", "status__exact": "choice", "immediate__exact": "bool"}


def test_admin_changelist_answers_hostile_query_strings_cleanly(admin_client, imported_seeds):
    failures = []
    for query in hostile_queries(ADMIN_CHANGELIST_PARAMS):
        try:
            response = admin_client.get(f"/admin/rectify/issue/?{query}")
        except Exception as error:  # collect every failing query, not only the first
            failures.append(f"{query[:60]!r}: {type(error).__name__}: {error}"[:200])
            continue
        if response.status_code not in (200, 302, 400):  # the admin redirects bad lookups to ?e=1
            failures.append(f"{query[:60]!r}: {response.status_code}")
    assert failures == []


@pytest.mark.parametrize("query", ["q=%00", "status=a%00b", "%00=1", "x=1&y=%00"])
def test_nul_bytes_in_the_query_string_answer_400_with_the_security_headers(client, query):
    response = client.get(f"/admin/login/?{query}")

    assert response.status_code == 400
    assert "空字符" in response.content.decode()
    assert_security_headers(response)


def test_an_escaped_percent_sign_is_not_a_nul_byte(client):
    assert client.get("/admin/login/?q=%2500").status_code == 200
