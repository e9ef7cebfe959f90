"""Public pages: they show published data only, escape report text and stay read-only."""

import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from rectify.models import Inspection, Issue, Measure, Report, Unit

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def chinese_after_each_request():
    """The test client leaves the last request's language active; reverse() must give Chinese URLs."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


def test_home_shows_totals_units_and_latest_reports(client, imported_seeds, django_assert_max_num_queries):
    with django_assert_max_num_queries(10):
        response = client.get(reverse("home"))
    page = response.content.decode()
    assert response.status_code == 200
    assert 'lang="zh-CN"' in page
    assert "中共东港市委宣传部" in page and "辽宁省丹东市东港市" in page
    assert f"<strong>{Issue.objects.count()}</strong>" in page


def test_report_page_lists_every_problem_with_anchor_and_measures(
    client, imported_seeds, django_assert_max_num_queries
):
    report = Report.objects.get(inspection__unit__name="中共闽清县委宣传部")
    with django_assert_max_num_queries(12):
        response = client.get(report.get_absolute_url())
    page = response.content.decode()
    for issue in report.issues.all():
        assert f'id="issue-{issue.pk}"' in page
    assert page.count('class="acting"') == report.issues.filter(measures__acting_unit_name__gt="").count()
    assert "类别编号从11跳到13" in page


def test_report_page_shows_declared_counts_beside_disclosed_with_mismatch(client, imported_seeds):
    report = Report.objects.get(inspection__unit__name="中共东港市委宣传部")
    page = client.get(report.get_absolute_url()).content.decode()
    assert 'class="mismatch"' in page and "不一致" in page


def test_draft_reports_are_not_public(client, imported_seeds):
    report = Report.objects.get(inspection__unit__name="中共韩城市委宣传部")
    report.is_published = False
    report.save()
    assert client.get(report.get_absolute_url()).status_code == 404
    assert "十八届市委第七轮" not in client.get(reverse("home")).content.decode()


def test_report_text_is_escaped(client, imported_seeds):
    issue = Issue.objects.first()
    issue.title = "<script>alert(1)</script>"
    issue.save()
    page = client.get(issue.report.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_public_pages_refuse_writes(client, imported_seeds):
    report = Report.objects.first()
    assert client.post(report.get_absolute_url()).status_code == 405
    assert client.post(reverse("home")).status_code == 405


def test_unit_page_shows_status_counts_and_reports(client, imported_seeds):
    report = Report.objects.get(inspection__unit__name="中共益阳市赫山区委宣传部")
    page = client.get(reverse("unit_detail", args=[report.inspection.unit_id])).content.decode()
    issues = Issue.objects.filter(report=report)
    completed = issues.filter(status="completed").count()
    assert completed == 23
    assert 'status=completed">已完成整改</a>' in page
    assert f"{completed}（" in page and f"<strong>{issues.count()}</strong>" in page
    assert report.display_title in page


def test_admin_requires_login(client):
    response = client.get("/admin/rectify/issue/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_gap_explained_by_undisclosed_problems_is_not_a_mismatch(client, imported_seeds):
    # 赫山 declares 28 completed of 29, 5 of them 不宜公开; 23 completed are disclosed.
    report = Report.objects.get(inspection__unit__name="中共益阳市赫山区委宣传部")
    page = client.get(report.get_absolute_url()).content.decode()
    assert 'class="mismatch"' not in page


# --- pages added for issue #4 -------------------------------------------------------------------

INLINE_CODE = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|\son[a-z]+=|\sstyle=", re.I)


def published_pages():
    report = Report.objects.published().first()
    issue = Issue.objects.published().first()
    return [
        reverse("home"),
        reverse("report_list"),
        report.get_absolute_url(),
        reverse("report_source", args=[report.pk]),
        reverse("unit_list"),
        reverse("unit_detail", args=[report.inspection.unit_id]),
        reverse("issue_list"),
        reverse("issue_list") + "?status=open&sort=-due",
        reverse("issue_detail", args=[issue.pk]),
        reverse("search") + "?q=公众号",
    ]


def test_every_page_answers_with_bounded_queries_and_no_inline_code(
    client, imported_seeds, django_assert_max_num_queries
):
    for url in published_pages():
        with django_assert_max_num_queries(16):
            response = client.get(url)
        assert response.status_code == 200, url
        page = response.content.decode()
        assert not INLINE_CODE.search(page), (url, INLINE_CODE.search(page))
        assert 'lang="zh-CN"' in page
        ids = re.findall(r'\sid="([^"]+)"', page)
        assert len(ids) == len(set(ids)), url
        for control in re.findall(r'<(?:select|input)[^>]*\sid="([^"]+)"', page):
            assert f'for="{control}"' in page, (url, control)


def test_english_pages_render_in_english_with_report_text_untouched(client, imported_seeds):
    issue = Issue.objects.published().first()
    issue_url = reverse("issue_detail", args=[issue.pk])
    for url in published_pages():
        response = client.get("/en" + url)
        page = response.content.decode()
        assert response.status_code == 200, url
        assert 'lang="en"' in page and "Inspection Rectification Archive" in page, url
        assert "跳到正文" not in page and "Skip to content" in page
    page = client.get("/en" + issue_url).content.decode()
    assert issue.title in page and "Status history" in page


def test_language_switch_keeps_path_and_query(client, imported_seeds):
    page = client.get(reverse("issue_list") + "?status=open&level=county").content.decode()
    assert 'href="/en/problems/?status=open&amp;level=county"' in page
    page = client.get("/en/problems/?status=open").content.decode()
    assert 'href="/problems/?status=open"' in page


def test_accept_language_does_not_move_chinese_urls_to_english(client, imported_seeds):
    page = client.get(reverse("home"), headers={"accept-language": "en"}).content.decode()
    assert 'lang="zh-CN"' in page


def test_problem_list_shows_count_facets_and_pagination(client, imported_seeds):
    total = Issue.objects.published().count()
    response = client.get(reverse("issue_list"), {"per_page": 10})
    page = response.content.decode()
    assert f"找到 {total} 个问题" in page
    assert len(response.context["issues"]) == 10
    assert response.context["paginator"].num_pages == -(-total // 10)
    completed = Issue.objects.published().filter(status="completed").count()
    assert f'<option value="completed">已完成整改（{completed}）</option>' in page


def test_problem_list_filters_reach_the_page(client, imported_seeds):
    response = client.get(reverse("issue_list"), {"status": "open", "per_page": 100})
    shown = {issue.pk for issue in response.context["issues"]}
    assert shown == set(Issue.objects.published().not_completed().values_list("pk", flat=True))
    assert '<option value="open" selected>' in response.content.decode()


def test_page_size_is_capped(client, imported_seeds):
    response = client.get(reverse("issue_list"), {"per_page": 100000})
    assert response.context["paginator"].per_page == 100
    response = client.get(reverse("issue_list"), {"per_page": "lots"})
    assert response.context["paginator"].per_page == 20


def test_page_size_has_one_name_on_pages_and_api_and_per_page_still_works(client, imported_seeds):
    response = client.get(reverse("issue_list"), {"page_size": 7})
    assert response.context["paginator"].per_page == 7
    assert '<input type="hidden" name="page_size" value="7">' in response.content.decode()
    assert client.get(reverse("issue_list"), {"per_page": 8}).context["paginator"].per_page == 8
    assert client.get(reverse("api_issue_list"), {"per_page": 3}).json()["page_size"] == 3


@pytest.mark.parametrize(
    "query",
    ["unit=abc", "year=x", "status=bogus", "level=planet", "sort=password", "unit=99999", "immediate=maybe"],
)
def test_bad_filter_values_give_400_with_the_errors_shown(client, imported_seeds, query):
    response = client.get(reverse("issue_list") + "?" + query)
    assert response.status_code == 400
    page = response.content.decode()
    assert 'class="form-errors"' in page and "查询条件有误" in page
    assert not response.context["issues"]


@pytest.mark.parametrize(
    "page, query",
    [
        ("issue_list", "year={long}"),
        ("issue_list", "unit={long}"),
        ("issue_list", "status={long}"),
        ("issue_list", "category={long}"),
        ("issue_list", "q={long}"),
        ("issue_list", "q=%E8%A1%A5&year={long}"),
        ("unit_list", "q={long}"),
        ("unit_list", "level={long}"),  # a select: the error names the field, the value is not repeated
    ],
)
def test_a_rejected_long_query_is_shown_once_and_cut_short(client, imported_seeds, page, query):
    long = "Z" * 3_000
    response = client.get(f"{reverse(page)}?{query.format(long=long)}")

    assert response.status_code == 400
    body = response.content.decode()
    # once: in the list of chosen conditions (problems) or in the search box (units), never in links
    assert body.count("Z" * 50) == (0 if "level" in query else 1)
    assert "Z" * 101 not in body


@pytest.mark.parametrize("page", ["999", "0", "abc", "99999999999999999999999"])
def test_out_of_range_pages_are_404(client, imported_seeds, page):
    assert client.get(reverse("issue_list"), {"page": page}).status_code == 404


def test_problem_list_hides_drafts(client, imported_seeds):
    report = Report.objects.get(inspection__unit__name="中共韩城市委宣传部")
    report.is_published = False
    report.save()
    response = client.get(reverse("issue_list"), {"per_page": 100})
    assert not {i.report_id for i in response.context["issues"]} & {report.pk}
    assert "中共韩城市委宣传部" not in response.content.decode()


def test_problem_page_shows_timeline_measures_and_source_link(client, imported_seeds):
    issue = Issue.objects.published().filter(measures__isnull=False).first()
    page = client.get(reverse("issue_detail", args=[issue.pk])).content.decode()
    assert issue.title in page
    for measure in issue.measures.all():
        assert measure.text[:20] in page
    assert f"{reverse('report_source', args=[issue.report_id])}#L{issue.source_line_start}" in page
    assert f"{issue.report.get_absolute_url()}#issue-{issue.pk}" in page
    assert page.count('<li><span class="badge status-') == issue.status_changes.count()


def test_problem_page_timeline_shows_staff_changes_but_not_draft_reports(client, imported_seeds, django_user_model):
    from rectify.models import StatusChange

    issue = Issue.objects.published().first()
    draft = Report.objects.exclude(pk=issue.report_id).first()
    draft.is_published = False
    draft.save()
    StatusChange.objects.create(issue=issue, status="completed", source="staff", note="员工核实已完成")
    StatusChange.objects.create(issue=issue, status="partial", source="stated", report=draft)
    page = client.get(reverse("issue_detail", args=[issue.pk])).content.decode()
    assert "员工核实已完成" in page and "工作人员更新" in page
    assert draft.display_title not in page


def test_draft_problem_pages_are_404(client, imported_seeds):
    issue = Issue.objects.first()
    Report.objects.filter(pk=issue.report_id).update(is_published=False)
    assert client.get(reverse("issue_detail", args=[issue.pk])).status_code == 404
    assert client.get(reverse("report_source", args=[issue.report_id])).status_code == 404


def test_report_source_numbers_lines_and_marks_parsed_parts(client, imported_seeds):
    from rectify.textlines import split_lines

    report = Report.objects.get(inspection__unit__name="中共益阳市赫山区委宣传部")
    page = client.get(reverse("report_source", args=[report.pk])).content.decode()
    lines = split_lines(report.source_text)
    assert f'id="L{len(lines)}"' in page and f'id="L{len(lines) + 1}"' not in page
    for issue in report.issues.all():
        assert f'<li id="L{issue.source_line_start}" class="hl-issue">' in page
        assert f'href="{report.get_absolute_url()}#issue-{issue.pk}"' in page
    measure_line = Measure.objects.filter(issue__report=report).exclude(source_line=None).first().source_line
    assert f'<li id="L{measure_line}" class="hl-measure">' in page


def test_report_page_links_to_source_lines_and_problem_pages(client, imported_seeds):
    report = Report.objects.get(inspection__unit__name="中共闽清县委宣传部")
    page = client.get(report.get_absolute_url()).content.decode()
    for issue in report.issues.all():
        assert f"{reverse('report_source', args=[report.pk])}#L{issue.source_line_start}" in page
        assert f'href="{reverse("issue_detail", args=[issue.pk])}"' in page


@pytest.mark.parametrize("query", ["补", "补助", "公众号", "微信公众", "整改不到位", "巡察整改工作"])
def test_search_finds_substrings_groups_by_report_and_marks_matches(client, imported_seeds, query):
    wanted = {
        issue.pk
        for issue in Issue.objects.published().prefetch_related("measures")
        if query in issue.title or query in issue.description or any(query in m.text for m in issue.measures.all())
    }
    response = client.get(reverse("search"), {"q": query})
    found = {issue.pk for group in response.context["groups"] for issue in group["issues"]}
    assert found == wanted and wanted
    reports = [group["report"].pk for group in response.context["groups"]]
    assert len(reports) == len(set(reports))
    for group in response.context["groups"]:
        assert all(issue.report_id == group["report"].pk for issue in group["issues"])
    assert f"<mark>{query}</mark>" in response.content.decode()


def test_search_escapes_report_text_before_marking(client, imported_seeds):
    issue = Issue.objects.published().first()
    issue.title = "<b>公众号</b> & co"
    issue.save()
    page = client.get(reverse("search"), {"q": "公众号"}).content.decode()
    assert "&lt;b&gt;<mark>公众号</mark>&lt;/b&gt; &amp; co" in page
    assert "<b>公众号</b>" not in page


def test_search_hides_drafts_and_handles_empty_and_long_queries(client, imported_seeds):
    report = Report.objects.get(inspection__unit__name="中共闽清县委宣传部")
    report.is_published = False
    report.save()
    response = client.get(reverse("search"), {"q": "公众号"})
    assert report.pk not in {group["report"].pk for group in response.context["groups"]}
    assert client.get(reverse("search")).status_code == 200
    assert client.get(reverse("search"), {"q": "字" * 5000}).status_code == 200


def test_unit_list_filters_and_shows_progress(client, imported_seeds):
    response = client.get(reverse("unit_list"), {"level": "county"})
    shown = {unit.pk for unit in response.context["object_list"]}
    assert shown == set(Unit.objects.filter(level="county").values_list("pk", flat=True))
    assert "<meter" in response.content.decode()
    assert client.get(reverse("unit_list"), {"level": "planet"}).status_code == 400


def test_unit_page_shows_overdue_money_recovered_and_scorecard(client, imported_seeds):
    from rectify.models import MoneyAmount

    unit = Unit.objects.get(name="中共益阳市赫山区委宣传部")
    response = client.get(reverse("unit_detail", args=[unit.pk]))
    page = response.content.decode()
    issues = Issue.objects.published().for_unit(unit)
    assert response.context["overdue_count"] == issues.overdue().count()
    recovered = MoneyAmount.objects.recovered().filter(issue__in=issues)
    assert recovered.exists()
    by_kind = {row["kind"]: row["yuan"] for row in response.context["recovered"]}
    for kind in {amount.kind for amount in recovered}:
        assert by_kind[kind] == sum(a.yuan for a in recovered if a.kind == kind)
    peers = [row["unit"].pk for row in response.context["scorecard"]]
    assert unit.pk in peers
    assert set(peers) <= set(Unit.objects.filter(level=unit.level).values_list("pk", flat=True))
    assert 'aria-current="true"' in page


def test_home_has_search_box_and_status_links(client, imported_seeds):
    page = client.get(reverse("home")).content.decode()
    assert f'action="{reverse("search")}"' in page
    assert f'href="{reverse("issue_list")}?status=completed"' in page
    assert Inspection.objects.count() > 0 and f"<strong>{Inspection.objects.count()}</strong>" in page


@pytest.mark.parametrize("name", ["issue_list", "unit_list", "report_list", "search"])
def test_list_pages_answer_head_and_refuse_post(client, imported_seeds, name):
    assert client.head(reverse(name)).status_code == 200
    assert client.post(reverse(name)).status_code == 405


def test_chosen_filters_are_listed_with_links_that_remove_them(client, imported_seeds):
    response = client.get(reverse("issue_list"), {"status": "open", "q": "整改", "page": "1"})
    active = {item["label"]: item for item in response.context["active_filters"]}
    assert set(active) == {"整改状态", "关键词"}
    assert active["整改状态"]["remove_query"] == "q=%E6%95%B4%E6%94%B9"
    assert active["关键词"]["remove_query"] == "status=open"
    assert 'href="?status=open"' in response.content.decode()


def test_home_totals_leave_out_drafts_and_follow_edits(client, imported_seeds):
    draft = Report.objects.get(inspection__unit__name="中共韩城市委宣传部")
    draft.is_published = False
    draft.save()
    issue = Issue.objects.published().filter(status="completed").first()
    issue.status = "in_progress"
    issue.save()
    totals = client.get(reverse("home")).context["totals"]
    published = Issue.objects.filter(report__is_published=True)
    assert totals["issues"] == published.count() < Issue.objects.count()
    assert totals["measures"] == Measure.objects.filter(issue__report__is_published=True).count()
    assert totals["reports"] == Report.objects.filter(is_published=True).count()
    rows = {row["code"]: row["count"] for row in client.get(reverse("home")).context["status_rows"]}
    assert rows["in_progress"] == published.filter(status="in_progress").count()


def test_home_lists_a_bounded_number_of_recent_units(client, imported_seeds, monkeypatch):
    from rectify import views

    monkeypatch.setattr(views, "HOME_UNITS", 2)
    units = client.get(reverse("home")).context["units"]
    latest = [report.inspection.unit_id for report in Report.objects.published().latest_first()]
    assert [unit.pk for unit in units] == list(dict.fromkeys(latest))[:2]
    expected = Issue.objects.published().for_unit(units[0])
    assert units[0].issue_count == expected.count()
    assert units[0].completed_count == expected.filter(status="completed").count()


def test_unit_scorecard_ranks_every_peer_but_returns_top_and_own_row(imported_seeds, monkeypatch):
    from rectify import models

    unit = Unit.objects.get(name="中共益阳市赫山区委宣传部")
    full = unit.scorecard()
    assert [row["rank"] for row in full] == list(range(1, len(full) + 1))
    for row in full:
        issues = Issue.objects.published().for_unit(row["unit"])
        assert row["unit"].issue_count == issues.count()
        assert row["unit"].completed_count == issues.filter(status="completed").count()
        assert row["unit"].overdue_count == issues.overdue().count()
    monkeypatch.setattr(models, "SCORECARD_TOP", 0)
    monkeypatch.setattr(models, "SCORECARD_AROUND", 0)
    (own,) = unit.scorecard()
    assert own["is_self"] and own["rank"] == next(row["rank"] for row in full if row["is_self"])


# --- honest progress (issue 18) -----------------------------------------------------------------


def _estimated_and_late():
    """Seed problems whose deadline the site estimated (feedback + default days) and has passed."""
    from django.utils import timezone

    from rectify.models import DueBasis

    late = Issue.objects.published().filter(due_basis=DueBasis.DEFAULT, due_date__lt=timezone.localdate())
    assert late.filter(status="unknown").exists() and late.filter(status__in=["in_progress", "partial"]).exists()
    return late


def test_problem_list_shows_no_overdue_for_an_unknown_status_or_an_estimated_deadline(client, imported_seeds):
    from rectify.models import DueBasis

    _estimated_and_late()
    estimated = Issue.objects.published().filter(due_basis=DueBasis.DEFAULT).count()
    response = client.get(reverse("issue_list"), {"per_page": 100})
    page = response.content.decode()
    assert response.context["paginator"].count <= 100
    assert "warning-red" not in page and "已逾期</span>" not in page
    assert page.count("预计期限（按反馈日期估算）") == estimated


def test_problem_list_shows_overdue_for_a_stated_deadline_of_an_unfinished_problem(client, imported_seeds):
    from rectify.models import DueBasis

    issue = _estimated_and_late().filter(status="in_progress").first()
    Issue.objects.filter(pk=issue.pk).update(due_basis=DueBasis.STATED)
    page = client.get(reverse("issue_list"), {"per_page": 100}).content.decode()
    assert page.count('class="badge warning-red"') == 1
    card = page[page.index(f'href="/problems/{issue.pk}/"') :].split("</li>")[0]
    assert "已逾期" in card and "预计期限" not in card


def test_problem_page_labels_an_estimated_deadline_and_shows_no_overdue(client, imported_seeds):
    issue = _estimated_and_late().filter(status="unknown").first()
    page = client.get(reverse("issue_detail", args=[issue.pk])).content.decode()
    assert "预计期限（按反馈日期估算）" in page and issue.due_date.isoformat() in page
    assert "warning-red" not in page and "已逾期" not in page


def test_overdue_filter_finds_only_known_overdue_problems(client, imported_seeds):
    _estimated_and_late()
    response = client.get(reverse("issue_list"), {"overdue": "true"})
    assert response.context["paginator"].count == 0


def test_home_shows_unknown_status_apart_in_grey_not_as_a_green_gauge(client, imported_seeds):
    from rectify.charts import STATUS_COLOURS

    page = client.get(reverse("home")).content.decode()
    table = page[page.index('class="status-table"') :].split("</table>")[0]
    assert "<meter" not in table  # a <meter> is painted green whatever it measures
    unknown_row = table[table.index('class="status-unknown-row"') :].split("</tr>")[0]
    assert f'fill="{STATUS_COLOURS["unknown"]}"' in unknown_row and "share-unknown" in unknown_row
    assert STATUS_COLOURS["completed"] not in unknown_row
    assert "不计入已完成或未完成" in unknown_row


def test_unit_list_says_how_many_problems_state_no_status(client, imported_seeds):
    unit = Unit.objects.filter(inspections__issues__status="unknown").distinct().first()
    unknown = Issue.objects.published().filter(inspection__unit=unit, status="unknown").count()
    page = client.get(reverse("unit_list"), {"per_page": 100}).content.decode()
    row = page[page.index(f'href="/units/{unit.pk}/"') :].split("</tr>")[0]
    assert f"未标明 {unknown}" in row


def test_completion_inferred_from_measures_is_shown_as_inferred_never_as_stated(client, imported_seeds):
    issue = Issue.objects.published().inferred_completed().select_related("report").first()
    assert issue is not None, "the seeds hold problems with every measure stated done and no status"
    for url in (reverse("issue_detail", args=[issue.pk]), issue.report.get_absolute_url()):
        page = client.get(url).content.decode()
        section = page[page.index(issue.title) :] if url == issue.report.get_absolute_url() else page
        assert "据措施推断已完成" in section
        assert '<span class="badge status-unknown">未标明</span>' in section
    completed = client.get(reverse("issue_list"), {"status": "completed", "per_page": 100})
    assert issue not in completed.context["issues"]


def test_report_list_sorts_and_shows_each_report_by_its_best_known_date(client, imported_seeds):
    reports = list(Report.objects.published())
    undated = [r for r in reports if r.date is None]
    dated = sorted((r for r in reports if r.date), key=lambda r: (r.date, r.pk), reverse=True)
    assert any(r.date_kind != "published" for r in dated), "a seed has no published date"
    response = client.get(reverse("report_list"))
    assert list(response.context["reports"]) == dated + undated
    page = response.content.decode()
    for report in dated:
        assert report.date.isoformat() in page
    assert "公开期限起，未载明发布日期" in page or "落款日期，未载明发布日期" in page


def test_unit_page_shows_unknown_status_in_grey_apart(client, imported_seeds):
    from rectify.charts import STATUS_COLOURS

    unit = Unit.objects.filter(inspections__issues__status="unknown").distinct().first()
    page = client.get(reverse("unit_detail", args=[unit.pk])).content.decode()
    bars = page[page.index('class="status-bars"') :].split("</ul>")[0]
    assert "<meter" not in bars
    unknown = bars[bars.index("status=unknown") :].split("</li>")[0]
    assert f'fill="{STATUS_COLOURS["unknown"]}"' in unknown and "通报未载明整改状态" in unknown


def test_problem_list_marks_a_status_the_parser_inferred_from_the_measures(client, imported_seeds):
    inferred = Issue.objects.published().filter(status_source="inferred")
    assert inferred.exists()
    page = client.get(reverse("issue_list"), {"per_page": 100}).content.decode()
    assert page.count('<span class="inferred-note">据措施推断</span>') == inferred.count()
