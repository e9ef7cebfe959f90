"""Public site, round 2 (issue 18): original files, a unit's other reports, the league table, report
filters and multi-value facets with clickable lists."""

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from rectify.models import DueBasis, Issue, IssueDisclosure, IssueStatus, Report, ReportOriginal, Unit

from .conftest import REPORTS, seed_path, with_newer_status

pytestmark = pytest.mark.django_db


def _report(unit_name: str) -> Report:
    return Report.objects.get(inspection__unit__name=unit_name)


# --- the original file -------------------------------------------------------------------------


def test_import_keeps_each_original_file_byte_for_byte(imported_seeds):
    for path in sorted(REPORTS.glob("*.txt")):
        original = ReportOriginal.objects.get(report__source_name=path.name)
        assert bytes(original.data) == path.read_bytes()
        assert original.name == path.name and original.size == path.stat().st_size


def test_original_downloads_as_an_attachment_under_its_file_name(client, imported_seeds):
    path = seed_path("001")
    report = Report.objects.get(source_name=path.name)
    response = client.get(reverse("report_original", args=[report.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{path.name}"'
    assert b"".join(response.streaming_content) == path.read_bytes()


def test_a_chinese_file_name_is_sent_as_rfc_5987(client, imported_seeds):
    report = _report("中共韩城市委宣传部")
    ReportOriginal.objects.filter(report=report).update(name="韩城市整改通报.txt")
    response = client.get(reverse("report_original", args=[report.pk]))
    assert "filename*=utf-8''%E9%9F%A9%E5%9F%8E" in response["Content-Disposition"]
    assert response["Content-Disposition"].startswith("attachment;")


def test_a_drafts_original_is_not_served(client, imported_seeds):
    report = _report("中共韩城市委宣传部")
    Report.objects.filter(pk=report.pk).update(is_published=False)
    assert client.get(reverse("report_original", args=[report.pk])).status_code == 404
    assert client.post(reverse("report_original", args=[_report("中共东港市委宣传部").pk])).status_code == 405


def test_a_report_imported_before_originals_were_kept_has_no_download(client, imported_seeds):
    report = _report("中共韩城市委宣传部")
    ReportOriginal.objects.filter(report=report).delete()
    assert client.get(reverse("report_original", args=[report.pk])).status_code == 404
    page = client.get(report.get_absolute_url()).content.decode()
    assert reverse("report_original", args=[report.pk]) not in page


def test_report_page_offers_the_original_and_names_the_publisher(client, imported_seeds):
    report = _report("中共韩城市委宣传部")
    page = client.get(report.get_absolute_url()).content.decode()
    assert f'href="{reverse("report_original", args=[report.pk])}"' in page
    assert "004_8c804918adbd8325.txt" in page
    assert re.search(r"<dt>发布机构</dt><dd>市委巡察办</dd>", page)


def test_report_page_says_the_publisher_is_not_stated_when_it_is_not(client, imported_seeds):
    report = _report("中共东港市委宣传部")
    assert report.publisher == ""
    page = client.get(report.get_absolute_url()).content.decode()
    assert re.search(r"<dt>发布机构</dt><dd>未标明</dd>", page)


UPLOAD = reverse("admin:rectify_report_upload")
CONFIRM = reverse("admin:rectify_report_upload_confirm")


@pytest.fixture
def staging(settings, tmp_path):
    settings.RECTIFY_IMPORT_STAGING_DIR = tmp_path / "staging"


def test_admin_upload_keeps_the_page_address_and_the_file(client, office_user, staging):
    client.force_login(office_user)
    path = seed_path("002")
    url = "https://www.example.gov.cn/xcgz/2025/12/t20251226_1.html"
    response = client.post(
        UPLOAD, {"file": SimpleUploadedFile(path.name, path.read_bytes()), "source_url": url, "publish": "on"}
    )
    assert response.status_code == 200 and url in response.content.decode()
    assert not ReportOriginal.objects.exists()  # the preview is rolled back, original and all
    token = re.search(r'name="token" value="([0-9a-f]{32})"', response.content.decode()).group(1)
    client.post(CONFIRM, {"token": token, "confirm": "1"})
    report = Report.objects.get()
    assert report.source_url == url
    assert bytes(report.original.data) == path.read_bytes() and report.original.name == path.name
    client.logout()
    page = client.get(report.get_absolute_url()).content.decode()
    assert f'href="{url}"' in page


def test_admin_upload_refuses_an_address_that_is_not_a_web_page(client, office_user, staging):
    client.force_login(office_user)
    path = seed_path("002")
    response = client.post(
        UPLOAD, {"file": SimpleUploadedFile(path.name, path.read_bytes()), "source_url": "javascript:alert(1)"}
    )
    assert response.status_code == 200 and "source_url" in response.context["form"].errors
    assert not Report.objects.exists()


# --- a unit's previous and next report ----------------------------------------------------------


@pytest.fixture
def two_reports_of_one_unit(imported_seeds, tmp_path):
    newer = tmp_path / "001_next.txt"
    newer.write_text(with_newer_status(seed_path("001").read_text(encoding="utf-8")), encoding="utf-8")
    call_command("import_reports", str(newer), verbosity=0)
    return list(Report.objects.filter(inspection__unit__name="中共益阳市赫山区委宣传部").oldest_first())


def test_unit_neighbours_are_the_units_reports_before_and_after(two_reports_of_one_unit):
    first, second = two_reports_of_one_unit
    assert first.unit_neighbours() == (None, second)
    assert second.unit_neighbours() == (first, None)
    assert _report("中共韩城市委宣传部").unit_neighbours() == (None, None)


def test_a_draft_is_no_neighbour(two_reports_of_one_unit):
    first, second = two_reports_of_one_unit
    Report.objects.filter(pk=second.pk).update(is_published=False)
    assert first.unit_neighbours() == (None, None)


def test_report_page_links_the_units_previous_and_next_report(client, two_reports_of_one_unit):
    first, second = two_reports_of_one_unit
    page = client.get(first.get_absolute_url()).content.decode()
    assert f'href="{second.get_absolute_url()}" rel="next"' in page and 'rel="prev"' not in page
    page = client.get(second.get_absolute_url()).content.decode()
    assert f'href="{first.get_absolute_url()}" rel="prev"' in page and 'rel="next"' not in page


# --- the league table ---------------------------------------------------------------------------

LEAGUE = reverse("unit_league")


def _league(client, **params):
    response = client.get(LEAGUE, params)
    assert response.status_code == 200
    return response


def test_league_lists_units_with_published_reports_only(client, imported_seeds):
    hidden = _report("中共韩城市委宣传部")
    Report.objects.filter(pk=hidden.pk).update(is_published=False)
    names = [unit.name for unit in _league(client).context["units"]]
    assert sorted(names) == sorted(
        Unit.objects.filter(inspections__reports__is_published=True).values_list("name", flat=True)
    )
    assert "中共韩城市委宣传部" not in names and len(names) == 4


def test_league_counts_agree_with_the_problem_list(client, imported_seeds):
    today = timezone.localdate()
    issues = Issue.objects.filter(inspection__unit__name="中共闽清县委宣传部", status=IssueStatus.IN_PROGRESS)
    late, estimated = issues[:2]
    Issue.objects.filter(pk=late.pk).update(due_date=today - datetime.timedelta(days=3), due_basis=DueBasis.STATED)
    # An estimated deadline makes nothing late in public (known_open_condition).
    Issue.objects.filter(pk=estimated.pk).update(
        due_date=today - datetime.timedelta(days=3), due_basis=DueBasis.DEFAULT
    )
    units = {unit.name: unit for unit in _league(client).context["units"]}
    unit = units["中共闽清县委宣传部"]
    published = Issue.objects.published().filter(inspection__unit=unit.pk)
    assert unit.issue_count == published.count() == 43
    assert unit.open_count == published.not_completed().count() == 4
    assert unit.overdue_count == published.overdue().count() == 1
    assert units["中共韩城市委宣传部"].completion == 100.0
    assert round(units["中共益阳市赫山区委宣传部"].completion) == round(100 * 23 / 24)
    assert units["中共韩城市委宣传部"].last_report_date == datetime.date(2021, 4, 15)
    assert units["宽甸满族自治县融媒体中心"].last_report_date is None


@pytest.mark.parametrize(
    "sort, key",
    [
        ("name", lambda u: u.name),
        ("-issues", lambda u: -u.issue_count),
        ("issues", lambda u: u.issue_count),
        ("-completion", lambda u: -u.completion),
        ("completion", lambda u: u.completion),
        ("-open", lambda u: -u.open_count),
        ("-overdue", lambda u: -u.overdue_count),
    ],
)
def test_league_sorts_by_each_column(client, imported_seeds, sort, key):
    units = list(_league(client, sort=sort).context["units"])
    assert [key(u) for u in units] == sorted(key(u) for u in units)
    # ties by name, so a page never shuffles
    for a, b in zip(units, units[1:], strict=False):
        if key(a) == key(b):
            assert a.name <= b.name


def test_league_puts_units_without_a_date_last_either_way(client, imported_seeds):
    for sort in ("last_report", "-last_report"):
        units = list(_league(client, sort=sort).context["units"])
        dates = [u.last_report_date for u in units]
        assert dates[-1] is None and None not in dates[:-1]
        assert dates[:-1] == sorted(dates[:-1], reverse=sort.startswith("-"))


def test_league_headers_link_each_sort_and_mark_the_current_one(client, imported_seeds):
    page = _league(client, sort="-open").content.decode()
    assert re.search(r'<th scope="col" class="num" aria-sort="descending"><a href="\?sort=open">未完成</a>', page)
    assert page.count("aria-sort=") == 1
    assert 'href="?sort=-completion"' in page and 'href="?sort=name"' in page
    page = _league(client).content.decode()  # by completion, best first, unless asked otherwise
    assert 'aria-sort="descending"><a href="?sort=completion">完成率' in page


def test_league_ignores_an_unknown_sort(client, imported_seeds):
    assert [u.pk for u in _league(client, sort="password").context["units"]] == [
        u.pk for u in _league(client).context["units"]
    ]


def test_league_asks_a_bounded_number_of_queries(client, imported_seeds, tmp_path, django_assert_max_num_queries):
    for number in range(3):  # more units and reports do not mean more queries
        newer = tmp_path / f"extra_{number}.txt"
        text = seed_path("002").read_text(encoding="utf-8").replace("闽清县", f"闽{number}县")
        newer.write_text(text, encoding="utf-8")
    call_command("import_reports", str(tmp_path), verbosity=0)
    # data version, then the four grouped reads (in a snapshot: its BEGIN and COMMIT count too)
    with django_assert_max_num_queries(7):
        response = _league(client)
    assert len(response.context["units"]) >= 6
    with django_assert_max_num_queries(1):  # the same archive again: remembered, only sorted
        _league(client, sort="-open")


def test_league_counts_change_when_the_archive_does(client, imported_seeds):
    def completed():
        return {unit.name: unit.completed_count for unit in _league(client).context["units"]}

    assert completed()["中共东港市委宣传部"] == 0
    issue = Issue.objects.filter(inspection__unit__name="中共东港市委宣传部").first()
    issue.status = IssueStatus.COMPLETED
    issue.save()
    assert completed()["中共东港市委宣传部"] == 1


def test_league_puts_units_without_problems_last_either_way():
    from rectify.models import UnitReportCard
    from rectify.views import sorted_cards

    def card(pk, name, issues, completed):
        return UnitReportCard(pk, name, issues, completed, issues - completed, 0, None)

    cards = [card(1, "单位A", 0, 0), card(2, "单位B", 4, 1), card(3, "单位C", 4, 3), card(4, "单位D", 8, 2)]
    assert [c.pk for c in sorted_cards(cards, "completion", True)] == [3, 2, 4, 1]  # B before D: equal shares by name
    assert [c.pk for c in sorted_cards(cards, "completion", False)] == [2, 4, 3, 1]


# --- reports list filters and completion --------------------------------------------------------

REPORTS_LIST = reverse("report_list")


def _listed(client, **params):
    response = client.get(REPORTS_LIST, params)
    assert response.status_code == 200
    return {report.inspection.unit.name for report in response.context["reports"]}


def test_report_list_filters_by_region_year_unit_and_kind(client, imported_seeds):
    assert _listed(client, region="辽宁省丹东市") == {"中共东港市委宣传部", "宽甸满族自治县融媒体中心"}
    assert _listed(client, year="2021") == {"中共韩城市委宣传部"}
    assert _listed(client, year="2025", region="辽宁省") == {"中共东港市委宣传部"}
    unit = Unit.objects.get(name="中共闽清县委宣传部")
    assert _listed(client, unit=unit.pk) == {"中共闽清县委宣传部"}
    assert len(_listed(client, kind="巡察")) == 5 and _listed(client, kind="巡视") == set()


def test_report_year_is_the_best_known_date(imported_seeds):
    report = _report("中共韩城市委宣传部")
    Report.objects.filter(pk=report.pk).update(published_date=None, signed_date=datetime.date(2019, 3, 1))
    assert list(Report.objects.in_year(2019)) == [report]


@pytest.mark.parametrize("query", ["year=abc", "kind=专项", "unit=99999", "year=1700"])
def test_report_list_refuses_bad_filters(client, imported_seeds, query):
    response = client.get(f"{REPORTS_LIST}?{query}")
    assert response.status_code == 400 and not response.context["reports"]


def test_report_list_shows_what_each_report_states_completed(client, imported_seeds):
    response = client.get(REPORTS_LIST)
    reports = {report.pk: report for report in response.context["reports"]}
    for report in Report.objects.all():
        listed = IssueDisclosure.objects.filter(report=report)
        assert reports[report.pk].disclosed_count == listed.count()
        assert reports[report.pk].disclosed_completed == listed.filter(status=IssueStatus.COMPLETED).count()
    page = response.content.decode()
    assert '<td data-label="本期载明已完成">' in page and "23 / 24" in page


def test_report_list_queries_stay_bounded(client, imported_seeds, django_assert_max_num_queries):
    client.get(REPORTS_LIST)  # the selects' options are remembered once per archive version
    with django_assert_max_num_queries(5):
        client.get(REPORTS_LIST, {"region": "辽宁省"})


def test_report_page_queries_stay_bounded(client, two_reports_of_one_unit, django_assert_max_num_queries):
    with django_assert_max_num_queries(9):
        client.get(two_reports_of_one_unit[0].get_absolute_url())


# --- multi-value facets and their lists ---------------------------------------------------------

PROBLEMS = reverse("issue_list")


def test_several_values_of_one_facet_give_problems_with_any_of_them(client, imported_seeds):
    response = client.get(f"{PROBLEMS}?status=completed&status=in_progress&per_page=100")
    assert response.status_code == 200
    statuses = {issue.status for issue in response.context["issues"]}
    assert statuses == {"completed", "in_progress"}
    expected = Issue.objects.published().filter(status__in=["completed", "in_progress"]).count()
    assert response.context["paginator"].count == expected == 36


def test_several_regions_and_a_unit_combine_as_or_within_and_across(client, imported_seeds):
    response = client.get(PROBLEMS, {"region": ["辽宁省", "陕西省"], "status": "completed", "per_page": 100})
    names = {issue.inspection.unit.name for issue in response.context["issues"]}
    assert names == {"中共韩城市委宣传部"}  # the 辽宁 units have no completed problem
    assert response.context["paginator"].count == 9


def test_facet_lists_link_each_value_with_its_count(client, imported_seeds):
    response = client.get(PROBLEMS, {"status": "completed"})
    lists = {entry["facet"].name: entry for entry in response.context["facet_lists"]}
    status = {item["choice"].value: item for item in lists["status"]["items"]}
    assert status["completed"]["choice"].selected and status["completed"]["query"] == ""
    assert status["unknown"]["query"] == "status=completed&status=unknown"
    assert status["unknown"]["choice"].count == 53
    units = {item["choice"].label: item["choice"].count for item in lists["unit"]["items"]}
    assert units == {"中共益阳市赫山区委宣传部": 23, "中共韩城市委宣传部": 9}  # units with none are not listed
    page = response.content.decode()
    assert '<a href="?status=completed&amp;status=unknown">未标明</a> <span class="count">53</span>' in page


def test_facet_list_link_removes_a_chosen_value_and_keeps_the_others(client, imported_seeds):
    response = client.get(PROBLEMS, {"status": ["completed", "unknown"], "page": "1"})
    status = {item["choice"].value: item for item in response.context["facet_lists"][0]["items"]}
    assert status["completed"]["query"] == "status=unknown"
    assert status["unknown"]["query"] == "status=completed"
    active = {(a["label"], a["value"]): a["remove_query"] for a in response.context["active_filters"]}
    assert active[("整改状态", "已完成整改")] == "status=unknown"
    assert active[("整改状态", "未标明")] == "status=completed"


def test_a_facet_with_several_values_keeps_them_in_the_form(client, imported_seeds):
    page = client.get(PROBLEMS, {"status": ["completed", "unknown"]}).content.decode()
    assert '<input type="hidden" name="status" value="completed">' in page
    assert '<input type="hidden" name="status" value="unknown">' in page
    assert 'id="id_status"' not in page
    assert 'id="id_unit"' in page  # the other facets keep their selects


def test_export_and_api_read_several_values_as_the_page_does(client, imported_seeds):
    query = "status=completed&status=in_progress"
    data = client.get(f"{reverse('api_issue_list')}?{query}").json()
    assert data["count"] == 36


@pytest.mark.parametrize("query", ["status=completed&status=bogus", "year=20x4", "region=" + "长" * 101])
def test_a_bad_value_among_several_is_refused(client, imported_seeds, query):
    assert client.get(f"{PROBLEMS}?{query}").status_code == 400


def test_more_than_twenty_values_are_refused(client, imported_seeds):
    query = "&".join(f"region=r{n}" for n in range(21))
    assert client.get(f"{PROBLEMS}?{query}").status_code == 400


def test_facet_counts_are_remembered_under_the_values_in_any_order(imported_seeds):
    from rectify.filters import IssueFilter

    def key(query):
        from django.http import QueryDict

        return IssueFilter(QueryDict(query), queryset=Issue.objects.published()).facets_key()

    assert key("status=unknown&status=completed") == key("status=completed&status=unknown")
    assert key("status=completed") != key("status=completed&status=unknown")


def test_problem_list_with_several_values_asks_a_bounded_number_of_queries(
    client, imported_seeds, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        client.get(PROBLEMS, {"status": ["completed", "in_progress"], "region": ["辽宁省", "湖南省"]})
