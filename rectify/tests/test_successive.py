"""Successive reports on one inspection: each problem followed across renumbering, rewording and drops."""

import pytest
from django.core.management import call_command

from rectify import matches
from rectify.models import Issue, IssueDisclosure, MatchState, ProblemMatch, Report, StatusChange

from .conftest import seed_path
from .successive import later_report

pytestmark = pytest.mark.django_db

NEW_PROBLEM = "办公用房超标准配置，会议室面积超出规定。\n整改情况:一是已腾退超标用房。\n整改完成情况:正在整改"
# Seed 001's problem 8 told in other words, with the same measures: a pair staff must decide.
PROBLEM_8_REWORDED = ("文艺精品创作不多。对创作人才和文艺精品的深入挖掘不够", "文艺作品创作数量偏少，本土人才发掘不足")


@pytest.fixture
def first(db, tmp_path):
    """Seed 001 imported: 24 problems of one inspection."""
    text = seed_path("001").read_text(encoding="utf-8")
    _import(tmp_path, "r1.txt", text)
    return text


def _import(tmp_path, name: str, text: str) -> Report:
    (tmp_path / name).write_text(text, encoding="utf-8")
    call_command("import_reports", str(tmp_path / name), verbosity=0)
    return Report.objects.get(source_name=name)


def _second(text: str) -> str:
    """Two months on: 1–4 finished and dropped, category (二) reversed, 7 and 8 reworded, 7 finished,
    a new problem in category (三), everything renumbered from 1 (so numbers are reused)."""
    return later_report(
        text,
        signed="2025年9月30日",
        drop=(1, 2, 3, 4),
        statuses={7: "已完成整改"},
        reword={7: ("有提升空间", "仍有较大提升空间"), 8: PROBLEM_8_REWORDED},
        reverse_categories=(1,),
        added={2: [NEW_PROBLEM.split("\n")]},
    )


def _by_seed_number(report: Report) -> dict[str, int]:
    """Each problem held when `report` was the first: its number in seed 001 -> its id."""
    return dict(Issue.objects.filter(report=report).values_list("number", "pk"))


def test_a_renumbered_reworded_later_report_moves_each_problem_it_lists(first, tmp_path):
    r1 = Report.objects.get()
    original = _by_seed_number(r1)
    r2 = _import(tmp_path, "r2.txt", _second(first))
    # 24 held, one newly added, problem 8 kept apart until staff decide: nothing merged wrongly, nothing lost.
    assert Issue.objects.count() == 24 + 1 + 1
    assert set(original.values()) <= set(Issue.objects.values_list("pk", flat=True))
    for number in range(5, 25):
        if number == 8:
            continue
        issue = Issue.objects.get(pk=original[f"问题{number}"])
        assert issue.report == r2, number
        assert issue.disclosures.count() == 2
    library = Issue.objects.get(pk=original["问题7"])
    assert (library.status, "仍有较大提升空间" in library.title) == ("completed", True)
    assert library.status_changes.filter(report=r2, previous_status="partial", status="completed").exists()
    # Numbers moved: the library problem is 问题2 in the later report (category (二) reversed, 1–4 gone).
    assert library.number == IssueDisclosure.objects.get(issue=library, report=r2).number != "问题7"
    for number in (1, 2, 3, 4):
        dropped = Issue.objects.get(pk=original[f"问题{number}"])
        assert (dropped.report, dropped.disclosures.count()) == (r1, 1)


def test_a_new_problem_under_a_reused_number_is_a_new_problem(first, tmp_path):
    r1 = Report.objects.get()
    original = _by_seed_number(r1)
    r2 = _import(tmp_path, "r2.txt", _second(first))
    new = Issue.objects.get(title__startswith="办公用房超标准配置")
    assert new.pk not in original.values() and new.report == r2 and new.disclosures.count() == 1
    # Its number was another problem's in the first report; that problem is untouched by it.
    reused = Issue.objects.get(pk=original[new.number])
    assert reused.pk != new.pk and not reused.title.startswith("办公用房")


def test_an_uncertain_match_is_kept_apart_until_staff_confirm_it(first, tmp_path, django_user_model):
    r1 = Report.objects.get()
    original = _by_seed_number(r1)
    r2 = _import(tmp_path, "r2.txt", _second(first))
    match = ProblemMatch.objects.get(report=r2)
    assert match.candidate_id == original["问题8"] and match.state == MatchState.UNCERTAIN
    separate = match.issue
    assert separate.title.startswith("文艺作品创作数量偏少") and Issue.objects.get(pk=original["问题8"]).report == r1
    matches.confirm_match(match=match, user=django_user_model.objects.create_user("office"))
    joined = Issue.objects.get(pk=original["问题8"])
    assert joined.report == r2 and joined.title.startswith("文艺作品创作数量偏少")
    assert not Issue.objects.filter(pk=separate.pk).exists()
    assert Issue.objects.count() == 24 + 1
    # The decision survives a corrected re-import of the later report.
    _import(tmp_path, "r2.txt", _second(first).replace("本土人才发掘不足", "本土人才发掘仍不足"))
    assert Issue.objects.count() == 24 + 1
    assert Issue.objects.get(pk=original["问题8"]).disclosures.count() == 2


def test_a_split_keeps_the_problems_apart_through_reimports(first, tmp_path):
    r2 = _import(tmp_path, "r2.txt", _second(first))
    match = ProblemMatch.objects.get(report=r2)
    matches.split_match(match=match, user=None)
    _import(tmp_path, "r2.txt", _second(first) + "\n")
    _import(tmp_path, "r2.txt", _second(first).replace("本土人才发掘不足", "本土人才发掘仍不足"))
    assert Issue.objects.count() == 24 + 1 + 1
    assert list(ProblemMatch.objects.values_list("state", flat=True)) == [MatchState.SPLIT]


def test_a_pending_question_survives_a_corrected_reimport(first, tmp_path):
    r2 = _import(tmp_path, "r2.txt", _second(first))
    _import(tmp_path, "r2.txt", _second(first).replace("已腾退超标用房", "已腾退全部超标用房"))
    assert ProblemMatch.objects.filter(report=r2).uncertain().count() == 1
    assert Issue.objects.count() == 24 + 1 + 1


def _third(text: str) -> str:
    """The end of the year: only what was still open, numbered anew."""
    finished = tuple(n for n in range(1, 25) if n not in (12, 19))
    return later_report(text, signed="2025年12月31日", drop=finished, statuses={12: "已完成整改", 19: "已完成整改"})


def test_three_reports_give_each_problem_one_history_entry_per_report_that_lists_it(first, tmp_path):
    r1 = Report.objects.get()
    original = _by_seed_number(r1)
    r2 = _import(tmp_path, "r2.txt", _second(first))
    r3 = _import(tmp_path, "r3.txt", _third(first))
    for number in (12, 19):
        issue = Issue.objects.get(pk=original[f"问题{number}"])
        assert list(issue.disclosures.in_report_order().values_list("report", flat=True)) == [r1.pk, r2.pk, r3.pk]
        assert issue.report == r3 and issue.status == "completed"
    pairs = IssueDisclosure.objects.values_list("issue", "report")
    assert len(pairs) == len(set(pairs))


def test_an_older_report_imported_last_never_moves_a_status_back(first, tmp_path):
    r1 = Report.objects.get()
    original = _by_seed_number(r1)
    r3 = _import(tmp_path, "r3.txt", _third(first))
    changes = StatusChange.objects.count()
    r2 = _import(tmp_path, "r2.txt", _second(first))
    issue = Issue.objects.get(pk=original["问题12"])
    assert (issue.report, issue.status) == (r3, "completed")
    # The middle report is still in the problem's history, with what it said.
    assert list(issue.disclosures.in_report_order().values_list("report", flat=True)) == [r1.pk, r2.pk, r3.pk]
    assert not StatusChange.objects.filter(issue=issue, report=r2).exists()
    assert StatusChange.objects.count() >= changes


# --- showing the path: report page, inspection page, unit chart, problem timeline, feed, API -------


def test_later_report_page_shows_what_changed_since_the_previous_report(first, tmp_path, client):
    r1 = Report.objects.get()
    original = _by_seed_number(r1)
    r2 = _import(tmp_path, "r2.txt", _second(first))
    changes = r2.changes_since_previous()
    assert changes.previous == r1
    assert [c.now.issue_id for c in changes.newly_finished] == [original["问题7"]]
    assert {c.now.issue_id for c in changes.not_mentioned} >= {original[f"问题{n}"] for n in (1, 2, 3, 4)}
    added = {c.now.title for c in changes.newly_added}
    assert any(title.startswith("办公用房超标准配置") for title in added)
    # Problem 8 reworded is neither surely new nor surely gone until staff decide.
    assert [c.now.title[:6] for c in changes.pending_match] == ["文艺作品创作"]
    assert original["问题8"] not in {c.now.issue_id for c in changes.not_mentioned}
    page = client.get(r2.get_absolute_url()).content.decode()
    assert "与上一期通报相比" in page and "新完成整改（1）" in page and "上一期列出、本期未提及" in page
    assert "可能是已有问题，待巡察办核实（1）" in page and "个问题状态与此前相同" in page
    # The first report's page still lists what it said of the problems the later one moved on.
    first_page = client.get(r1.get_absolute_url()).content.decode()
    assert "本通报列出、其后通报已更新的问题" in first_page
    assert f'href="/problems/{original["问题7"]}/"' in first_page


def test_inspection_page_grids_each_problems_status_by_report(first, tmp_path, client):
    r1 = Report.objects.get()
    original = _by_seed_number(r1)
    _import(tmp_path, "r2.txt", _second(first))
    reports, rows = r1.inspection.status_grid()
    assert len(reports) == 2
    cells = dict((issue.pk, cells) for issue, cells in rows)
    assert [c.status if c else None for c in cells[original["问题7"]]] == ["partial", "completed"]
    assert cells[original["问题1"]][1] is None  # not mentioned by the later report
    page = client.get(f"/inspections/{r1.inspection_id}/").content.decode()
    assert page.count("未提及") >= 4 and "逐题整改状态" in page


def test_unit_page_charts_completed_share_after_each_report(first, tmp_path, client):
    r1 = Report.objects.get()
    _import(tmp_path, "r2.txt", _second(first))
    points = r1.inspection.unit.progress_by_report()
    assert [(total) for _, _, total in points] == [24, 26]
    assert points[1][1] > points[0][1]
    page = client.get(f"/units/{r1.inspection.unit_id}/").content.decode()
    assert 'id="unit-progress"' in page or "各期通报后的整改完成率" in page


def test_problem_page_shows_each_reports_wording(first, tmp_path, client):
    original = _by_seed_number(Report.objects.get())
    _import(tmp_path, "r2.txt", _second(first))
    page = client.get(f"/problems/{original['问题7']}/").content.decode()
    assert "各期通报中的表述" in page
    assert "公共文化服务能力有提升空间" in page and "公共文化服务能力仍有较大提升空间" in page


def test_a_draft_later_report_changes_nothing_public(first, tmp_path, client):
    r1 = Report.objects.get()
    original = _by_seed_number(r1)
    path = tmp_path / "draft.txt"
    path.write_text(_second(first), encoding="utf-8")
    call_command("import_reports", str(path), "--draft", verbosity=0)
    page = client.get(f"/problems/{original['问题7']}/").content.decode()
    assert "公共文化服务能力仍有较大提升空间" not in page
    assert client.get(f"/inspections/{r1.inspection_id}/").content.decode().count('<th scope="col"><a') == 1


def test_unit_feed_and_api_carry_the_changes(first, tmp_path, client):
    r1 = Report.objects.get()
    original = _by_seed_number(r1)
    r2 = _import(tmp_path, "r2.txt", _second(first))
    feed = client.get(f"/feeds/units/{r1.inspection.unit_id}.atom").content.decode()
    assert "较上一期通报：新完成整改 1 个" in feed
    data = client.get(f"/api/v1/reports/{r2.pk}/").json()
    changes = data["changes_since_previous"]
    assert changes["previous_report_id"] == r1.pk
    assert [
        (c["problem_id"], c["previous_status"]["code"], c["status"]["code"]) for c in changes["newly_finished"]
    ] == [(original["问题7"], "partial", "completed")]
    assert client.get(f"/api/v1/reports/{r1.pk}/").json()["changes_since_previous"] is None
    problem = client.get(f"/api/v1/problems/{original['问题7']}/").json()
    assert [entry["report_id"] for entry in problem["by_report"]] == [r1.pk, r2.pk]
    assert problem["by_report"][0]["title"] != problem["by_report"][1]["title"]


def test_upload_preview_shows_an_uncertain_match_before_anything_is_written(first):
    from rectify import report_upload

    preview = report_upload.preview_import(_second(first).encode("utf-8"), name="r2.txt")
    ((later, held, score),) = preview.uncertain_matches
    assert later.split(" ", 1)[1].startswith("文艺作品创作数量偏少") and "文艺精品创作不多" in held
    assert 55 <= score < 75
    assert not ProblemMatch.objects.exists() and Report.objects.count() == 1


def test_the_office_confirms_or_splits_matches_in_the_admin(first, tmp_path, client):
    from django.contrib.auth.models import Group, User
    from django.urls import reverse

    from rectify.roles import OFFICE, setup_roles

    setup_roles()
    office = User.objects.create_user("office", is_staff=True)
    office.groups.add(Group.objects.get(name=OFFICE))
    client.force_login(office)
    original = _by_seed_number(Report.objects.get())
    r2 = _import(tmp_path, "r2.txt", _second(first))
    match = ProblemMatch.objects.get(report=r2)
    changelist = reverse("admin:rectify_problemmatch_changelist")
    page = client.get(reverse("admin:rectify_problemmatch_change", args=[match.pk])).content.decode()
    assert "文艺作品创作数量偏少" in page and "文艺精品创作不多" in page
    client.post(changelist, {"action": "confirm_same", "_selected_action": [match.pk]})
    match.refresh_from_db()
    assert match.state == MatchState.CONFIRMED and match.decided_by == office
    assert Issue.objects.get(pk=original["问题8"]).report == r2
