"""Cached counts last exactly until the next write to the archive's tables."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from rectify import caching
from rectify.models import Category, Inspection, Issue, IssueStatus, Measure, Report, Unit

pytestmark = pytest.mark.django_db


def test_every_write_to_the_archive_tables_moves_the_version_on(imported_seeds):
    issue = Issue.objects.order_by("pk").first()
    writes = [
        lambda: Unit.objects.filter(pk=issue.inspection.unit_id).update(region="某省"),
        lambda: Inspection.objects.filter(pk=issue.inspection_id).update(kind="专项巡察"),
        lambda: Report.objects.filter(pk=issue.report_id).update(title="新标题"),
        lambda: Category.objects.filter(inspection=issue.inspection_id).update(title="新类别"),
        lambda: Issue.objects.filter(pk=issue.pk).update(status=IssueStatus.PARTIAL),
        lambda: Measure.objects.create(issue=issue, order=900, text="新措施"),
        lambda: Measure.objects.filter(issue=issue, order=900).delete(),
    ]
    for write in writes:
        before = caching.data_version()
        write()
        assert caching.data_version() > before


def test_remembered_values_are_recomputed_after_a_write(imported_seeds):
    calls = []

    def count():
        calls.append(1)
        return Issue.objects.count()

    first = caching.remembered("test", count, "a")
    assert caching.remembered("test", count, "a") == first and len(calls) == 1
    caching.remembered("test", count, "b")  # other parts, another entry
    assert len(calls) == 2
    Issue.objects.filter(pk=Issue.objects.order_by("pk").first().pk).delete()
    assert caching.remembered("test", count, "a") == first - 1 and len(calls) == 3


def test_problem_list_facets_come_from_the_cache_until_a_problem_changes(client, imported_seeds):
    url = reverse("issue_list")
    query = {"status": "completed", "page": "1"}

    def completed_count(response):
        facet = next(f for f in response.context["facets"] if f.name == "status")
        return next(c.count for c in facet.choices if c.value == "completed")

    with CaptureQueriesContext(connection) as cold:
        first = client.get(url, query)
    with CaptureQueriesContext(connection) as warm:
        again = client.get(url, {**query, "page": "2", "sort": "-year"})  # same filters, same facets

    def facet_queries(context):
        return [q for q in context.captured_queries if "GROUP BY" in q["sql"]]

    assert facet_queries(cold) and not facet_queries(warm)
    assert completed_count(again) == completed_count(first)
    issue = Issue.objects.published().filter(status=IssueStatus.COMPLETED).first()
    issue.status = IssueStatus.PARTIAL
    issue.save()
    assert completed_count(client.get(url, query)) == completed_count(first) - 1


def test_home_totals_follow_a_withdrawn_report(client, imported_seeds):
    before = client.get(reverse("home")).context["totals"]
    report = Report.objects.order_by("pk").first()
    withdrawn = report.issues.count()
    report.is_published = False
    report.save()
    after = client.get(reverse("home")).context["totals"]
    assert after["issues"] == before["issues"] - withdrawn
    assert after["reports"] == before["reports"] - 1


# --- facet counts: one snapshot, keys from validated values (issue 16, items 5 and 6) ---------------


def _facet(response, name):
    return next(facet for facet in response.context["facets"] if facet.name == name)


def _fresh_facets(data):
    from rectify.filters import IssueFilter

    filterset = IssueFilter(data, queryset=Issue.objects.published())
    assert filterset.is_valid()
    return filterset.facets()


def test_a_crafted_query_string_cannot_store_counts_under_a_real_filters_key(client, imported_seeds):
    url = reverse("issue_list")
    real = {"q": "整改", "status": "completed"}
    # Under "k=v" parts joined by U+001F, this one q value spelt the same key as `real`, and
    # matches nothing: every count of the real filter would have read 0.
    crafted = client.get(url, {"q": "整改\x1fstatus=completed"})
    assert crafted.status_code == 200
    assert all(choice.count == 0 for choice in _facet(crafted, "status").choices)

    response = client.get(url, real)

    assert response.context["facets"] == _fresh_facets(real)
    assert sum(choice.count for choice in _facet(response, "unit").choices) > 0


def test_facets_are_keyed_by_validated_values_only(client, imported_seeds):
    url = reverse("issue_list")
    year = str(Inspection.objects.exclude(start_date=None).values_list("start_date__year", flat=True).first())
    first = client.get(url, {"year": f" {year}.0 ", "utm_source": "x", "immediate": "false"})
    with CaptureQueriesContext(connection) as again:
        second = client.get(url, {"immediate": "false", "year": year})  # the same filters, spelt plainly

    assert not [q for q in again.captured_queries if "GROUP BY" in q["sql"]]  # one entry for both
    assert second.context["facets"] == first.context["facets"] == _fresh_facets({"year": year, "immediate": "false"})
    [selected] = [choice for choice in _facet(second, "year").choices if choice.selected]
    assert selected.value == year and selected.count > 0


@pytest.fixture
def file_database(tmp_path):
    """SQLite: the test database copied to a file in WAL mode, so another connection can commit
    while a page reads (the in-memory test database is one shared cache, locked table by table).
    PostgreSQL: the test database as it is."""
    if connection.vendor != "sqlite":
        yield
        return
    import sqlite3

    memory = connection.settings_dict["NAME"]
    keeper = sqlite3.connect(memory, uri=True)  # an in-memory database lives while a connection does
    copy = tmp_path / "archive.sqlite3"
    with connection.cursor() as cursor:
        cursor.execute("VACUUM INTO %s", [str(copy)])
    connection.settings_dict["NAME"] = str(copy)  # the dict every thread's connection is made from
    connection.close()
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict["NAME"] = memory
        keeper.close()


def _commit_an_inspection_from_another_connection():
    import threading

    from django.db import connections

    def write():
        try:
            unit = Unit.objects.create(name="快照测试单位", match_name="快照测试单位")
            inspection = Inspection.objects.create(unit=unit, inspector="市委第九巡察组")
            report = Report.objects.create(inspection=inspection, source_text="", checksum="5" * 64)
            Issue.objects.create(inspection=inspection, report=report, key="1", order=1, title="快照之间提交的问题")
        finally:
            connections.close_all()

    writer = threading.Thread(target=write)
    writer.start()
    writer.join()


@pytest.mark.django_db(transaction=True)
def test_facets_count_one_snapshot_while_an_inspection_is_committed_between_their_queries(
    client, imported_seeds, file_database, monkeypatch
):
    from rectify import filters

    read_facts = filters._inspection_facts
    committed = []

    def facts_then_a_commit():
        facts = read_facts()
        if not committed:  # an import commits between reading the inspections and counting per inspection
            _commit_an_inspection_from_another_connection()
            committed.append(True)
        return facts

    monkeypatch.setattr(filters, "_inspection_facts", facts_then_a_commit)
    before = Issue.objects.published().count()

    response = client.get(reverse("issue_list"))

    assert committed and response.status_code == 200
    assert Issue.objects.filter(title="快照之间提交的问题").exists()
    units = _facet(response, "unit").choices
    assert "快照测试单位" not in {choice.label for choice in units}
    # Every facet counts the same rows: those of the snapshot, before the commit.
    for name in ("status", "unit", "immediate", "overdue"):
        assert sum(choice.count for choice in _facet(response, name).choices if choice.value != "open") == before, name
    after = client.get(reverse("issue_list"))  # the next page sees the commit
    assert "快照测试单位" in {choice.label for choice in _facet(after, "unit").choices}


# --- HTTP: ETag / Last-Modified, 304 before the view (issue 21, item 4) -------------------------------


def _tag(client, url, **headers):
    response = client.get(url, headers=headers)
    assert response.status_code == 200, url
    return response["ETag"]


def _public_urls():
    report = Report.objects.published().order_by("pk").first()
    issue = Issue.objects.published().order_by("pk").first()
    return [
        reverse("home"),
        reverse("issue_list") + "?status=completed",
        reverse("report_detail", args=[report.pk]),
        reverse("issue_detail", args=[issue.pk]),
        reverse("unit_detail", args=[issue.inspection.unit_id]),
        reverse("stats"),
        reverse("report_feed"),
        reverse("api_issue_list") + "?page_size=5",
        reverse("api_report_detail", args=[report.pk]),
    ]


def test_a_repeat_get_with_the_same_etag_is_answered_304(client, imported_seeds):
    for url in _public_urls():
        first = client.get(url)
        assert first.status_code == 200, url
        etag = first["ETag"]
        assert etag.startswith('W/"'), url
        assert set(first["Cache-Control"].split(", ")) == {"public", "max-age=0", "s-maxage=30", "must-revalidate"}

        again = client.get(url, headers={"if-none-match": etag})

        assert again.status_code == 304, url
        assert again["ETag"] == etag and again.content == b""
        assert "public" in again["Cache-Control"]


def test_a_304_is_decided_before_the_view_runs(client, imported_seeds):
    for url in _public_urls():
        etag = _tag(client, url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, headers={"if-none-match": f'"other", {etag}'})
        assert response.status_code == 304, url
        assert not response.templates  # nothing rendered
        assert [q["sql"] for q in queries.captured_queries] == ["SELECT version FROM rectify_data_version"], url


def test_an_import_gives_every_page_a_new_etag(client, imported_seeds, tmp_path):
    from django.core.management import call_command

    from rectify.tests.conftest import seed_path, with_newer_status

    urls = _public_urls()
    before = {url: _tag(client, url) for url in urls}
    later = tmp_path / "001_later.txt"
    later.write_text(with_newer_status(seed_path("001").read_text(encoding="utf-8")), encoding="utf-8")
    call_command("import_reports", str(later), verbosity=0)

    for url in urls:
        response = client.get(url, headers={"if-none-match": before[url]})
        assert response.status_code == 200, url
        assert response["ETag"] != before[url]


def test_a_report_withdrawn_in_the_admin_is_never_answered_from_its_old_etag(client, imported_seeds, office_user):
    from django.test import Client

    report = Report.objects.published().order_by("pk").first()
    url = reverse("report_detail", args=[report.pk])
    etag = _tag(client, url)
    staff = Client()
    staff.force_login(office_user)
    data = {"action": "unpublish", "_selected_action": [report.pk], "apply": "1"}  # confirmed (撤回 asks first)
    staff.post(reverse("admin:rectify_report_changelist"), data)
    assert not Report.objects.get(pk=report.pk).is_published

    response = client.get(url, headers={"if-none-match": etag})

    assert response.status_code == 404
    assert not response.has_header("ETag") and "public" not in response.get("Cache-Control", "")


def test_writes_to_tables_without_a_version_trigger_move_the_version_on(imported_seeds):
    from rectify.models import IssueDisclosure, MoneyAmount, StatusChange, StatusSource

    issue = Issue.objects.filter(measures__isnull=False).order_by("pk").first()
    measure = issue.measures.first()
    writes = [
        lambda: StatusChange.objects.create(issue=issue, status=IssueStatus.COMPLETED, source=StatusSource.STAFF),
        lambda: StatusChange.objects.filter(issue=issue).update(note="改"),
        lambda: IssueDisclosure.objects.filter(issue=issue).update(title="改过的标题"),
        lambda: (
            MoneyAmount.objects.filter(issue=issue).delete()
            or MoneyAmount.objects.create(issue=issue, text="1元", yuan=1)
        ),
        lambda: measure.acting_units.add(Unit.objects.exclude(measures=measure).first()),
    ]
    for number, write in enumerate(writes):
        before = caching.data_version()
        write()
        assert caching.data_version() > before, number


def test_each_language_query_and_day_has_its_own_etag(client, imported_seeds, monkeypatch):
    import datetime

    from django.utils import timezone

    chinese = _tag(client, "/problems/")
    english = _tag(client, "/en/problems/")
    filtered = _tag(client, "/problems/?status=completed")
    assert len({chinese, english, filtered}) == 3
    assert client.get("/en/problems/", headers={"if-none-match": chinese}).status_code == 200

    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: tomorrow)
    response = client.get("/problems/", headers={"if-none-match": chinese})
    assert response.status_code == 200 and response["ETag"] != chinese


def test_a_display_choice_has_its_own_etag_and_proxies_keep_it_apart(client, imported_seeds):
    plain = client.get("/problems/")
    client.cookies["rectify_display"] = "large"
    large = client.get("/problems/")

    assert "恢复标准字号" in large.content.decode() and "恢复标准字号" not in plain.content.decode()
    assert large["ETag"] != plain["ETag"]
    assert "Cookie" in large["Vary"] and "Cookie" in plain["Vary"]
    # The plain page's tag does not answer for the large-text page.
    assert client.get("/problems/", headers={"if-none-match": plain["ETag"]}).status_code == 200
    assert client.get("/problems/", headers={"if-none-match": large["ETag"]}).status_code == 304


def test_if_modified_since_is_answered_from_the_versions_first_sighting(client, imported_seeds, monkeypatch):
    import time

    from django.utils.http import http_date

    from rectify import httpcache, routers

    url = reverse("home")
    monkeypatch.setattr(routers, "replicas", list)  # one database: dates it can vouch for
    monkeypatch.setattr(httpcache, "PROCESS_STARTED", 0)
    # Versions repeat between tests (each rolls back): start with this one seen five seconds ago.
    monkeypatch.setattr(httpcache, "_first_seen", {caching.data_version(): time.time() - 5})
    first = client.get(url)
    modified = first["Last-Modified"]
    assert client.get(url, headers={"if-modified-since": modified}).status_code == 304
    assert client.get(url, headers={"if-modified-since": http_date(time.time() - 10 * 86400)}).status_code == 200

    Report.objects.filter(pk=Report.objects.order_by("pk").first().pk).update(title="新标题")

    response = client.get(url, headers={"if-modified-since": modified})
    assert response.status_code == 200
    assert not response.has_header("Last-Modified")  # first seen this second: no date it can vouch for yet


def test_admin_pages_staff_and_posts_get_no_etag(client, imported_seeds, office_user):
    url = reverse("issue_list")
    assert client.post(url).status_code == 405
    client.force_login(office_user)
    for page in (reverse("admin:index"), reverse("admin:rectify_report_changelist"), url):
        response = client.get(page)
        assert response.status_code == 200, page
        assert not response.has_header("ETag"), page
        assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"], page


def test_exports_carry_no_etag_and_every_request_counts(client, imported_seeds, settings):
    settings.RECTIFY_EXPORT_RATE = "2/60"
    url = reverse("issue_export", args=["csv"])
    first = client.get(url)
    assert first.status_code == 200 and not first.has_header("ETag")
    assert client.get(url, headers={"if-none-match": 'W/"anything"'}).status_code == 200
    assert client.get(url).status_code == 429
