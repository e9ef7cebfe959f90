"""The loader: what the seed reports become in the database."""

import dataclasses
from datetime import date
from decimal import Decimal

import pytest

from rectify.models import Inspection, Issue, Measure, MoneyAmount, Report, StatusChange, Unit

pytestmark = pytest.mark.django_db


def test_seed_counts_match_what_the_reports_disclose(imported_seeds):
    assert Report.objects.count() == 5
    assert Issue.objects.count() == 10 + 24 + 43 + 4 + 9
    assert Measure.objects.count() == 18 + 52 + 93 + 14 + 19


def test_units_get_region_and_level_from_the_gazetteer(imported_seeds):
    dongang = Unit.objects.get(name="中共东港市委宣传部")
    assert (dongang.region, dongang.level, dongang.short_name) == (
        "辽宁省丹东市东港市",
        "county_city",
        "东港市委宣传部",
    )
    heshan = Unit.objects.get(name="中共益阳市赫山区委宣传部")
    assert (heshan.short_name, heshan.level) == ("赫山区委宣传部", "district")


def test_joint_report_sub_units_hang_under_the_department(imported_seeds):
    minqing = Unit.objects.get(name="中共闽清县委宣传部")
    subs = set(minqing.sub_units.values_list("name", flat=True))
    assert {"闽清县融媒体中心", "闽清县社科联", "闽清县文联"} <= subs
    media = Unit.objects.get(name="闽清县融媒体中心")
    assert media.measures.count() > 20
    # "县委宣传部" acting in its own report is the department itself, not a new unit.
    assert minqing.measures.exists()


def test_inspection_facts_are_stored(imported_seeds):
    hancheng = Inspection.objects.get(unit__name="中共韩城市委宣传部")
    assert (hancheng.kind, hancheng.focus, hancheng.round) == ("专项巡察", "扫黑除恶", "十八届市委第七轮")
    assert hancheng.feedback_date == date(2021, 1, 8)


def test_declared_counts_and_warnings_are_kept(imported_seeds):
    dongang = Report.objects.get(inspection__unit__name="中共东港市委宣传部")
    assert (dongang.declared_issue_count, dongang.declared_category_count) == (11, 5)
    assert [w["code"] for w in dongang.parse_warnings] == ["declared_count_mismatch"] * 2


def test_recovered_money_is_stored_as_numbers(imported_seeds):
    recovered = MoneyAmount.objects.recovered().filter(issue__inspection__unit__name="中共益阳市赫山区委宣传部")
    assert {(a.text, a.yuan, a.kind) for a in recovered} >= {
        ("4800元", Decimal("4800.00"), "上缴"),
        ("10万元", Decimal("100000.00"), "归还"),
    }


def test_every_issue_starts_its_status_history_at_import(imported_seeds):
    assert StatusChange.objects.count() == Issue.objects.count()
    change = StatusChange.objects.select_related("report").first()
    assert change.report is not None and change.source in ("stated", "inferred")


def test_source_text_is_kept_exactly_as_imported(imported_seeds):
    from .conftest import seed_path

    report = Report.objects.get(inspection__unit__name="中共东港市委宣传部")
    assert report.source_text == seed_path("000").read_text(encoding="utf-8")


def _as_inspection(record, inspector: str):
    """The same report, as if from another inspection group (so it loads as a new report)."""
    return dataclasses.replace(record, inspection=dataclasses.replace(record.inspection, inspector=inspector))


def test_queries_to_load_a_report_do_not_grow_with_its_measures():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from rectify.importer.load import load_report
    from rectify.importer.parse import parse_report
    from rectify.management.commands.generate_corpus import compose_report

    text = compose_report(7, 1)
    full = parse_report(text)
    one_each = dataclasses.replace(
        full, issues=tuple(dataclasses.replace(issue, measures=issue.measures[:1]) for issue in full.issues)
    )
    # The first load creates the acting units; both timed loads then find them all.
    load_report(_as_inspection(full, "第九巡察组"), source_text=text + "warm-up")
    with CaptureQueriesContext(connection) as small:
        few = load_report(_as_inspection(one_each, "第八巡察组"), source_text=text + "few")
    with CaptureQueriesContext(connection) as large:
        many = load_report(_as_inspection(full, "第七巡察组"), source_text=text + "many")

    assert many.measure_count >= 3 * few.measure_count
    assert Measure.objects.filter(issue__report=many.report).count() == many.measure_count
    assert len(large.captured_queries) == len(small.captured_queries)
    assert len(large.captured_queries) < 60


def _found(terms):
    from rectify.search.query import filter_issues, filter_measures

    return {
        term: (
            sorted(filter_issues(Issue.objects.all(), term).values_list("pk", flat=True)),
            sorted(filter_measures(Measure.objects.all(), term).values_list("pk", flat=True)),
        )
        for term in terms
    }


def test_a_new_report_is_searchable_as_after_a_full_index_rebuild():
    from rectify.importer.load import load_report
    from rectify.importer.parse import parse_report
    from rectify.management.commands.generate_corpus import compose_report
    from rectify.search.index import rebuild_index

    for index in (1, 2):
        text = compose_report(11, index)
        load_report(parse_report(text), source_text=text)
    measure = Measure.objects.order_by("pk").last()
    issue = Issue.objects.order_by("pk").first()
    terms = [measure.text[:1], measure.text[2:4], measure.text[5:11], issue.title[:3], issue.description[-6:]]
    found = _found(terms)

    assert all(issues for issues, _ in found.values())
    assert measure.pk in found[measure.text[5:11]][1]
    rebuild_index()
    assert _found(terms) == found


def test_loading_during_a_paused_index_leaves_the_pause_to_its_owner():
    from django.db import connection

    from rectify.importer.load import load_report
    from rectify.importer.parse import parse_report
    from rectify.management.commands.generate_corpus import compose_report
    from rectify.search.index import index_paused

    text = compose_report(11, 3)
    with index_paused():
        load_report(parse_report(text), source_text=text)
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM rectify_search_paused")
            assert cursor.fetchone()[0] == 1
    title = Issue.objects.order_by("pk").first().title
    assert _found([title])[title][0]


def test_rows_written_in_bulk_hang_on_the_rows_they_belong_to():
    from rectify.importer.load import load_report
    from rectify.importer.parse import parse_report
    from rectify.management.commands.generate_corpus import compose_report

    for index in (1, 2):
        text = compose_report(13, index)
        load_report(parse_report(text), source_text=text)

    for issue in Issue.objects.prefetch_related("measures", "amounts", "status_changes"):
        assert [m.order for m in issue.measures.all()] == list(range(1, issue.measures.count() + 1))
        assert all(change.report_id == issue.report_id for change in issue.status_changes.all())
        for amount in issue.amounts.all():
            assert amount.text in (amount.measure.text if amount.measure_id else issue.description)
            assert amount.measure_id is None or amount.measure.issue_id == issue.pk
    assert MoneyAmount.objects.filter(measure__isnull=False).exists()


# --- an import never deletes or overwrites what staff entered (issue 16) ----------------------------


def _attach_evidence(measures) -> list:
    from django.core.files.base import ContentFile

    from rectify.models import Evidence

    return [
        Evidence.objects.create(measure=m, title=f"佐证{m.pk}", file=ContentFile(b"%PDF-1.4 minutes", name="a.pdf"))
        for m in measures
    ]


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _import_text(tmp_path, name: str, text: str, *args):
    from django.core.management import call_command

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    call_command("import_reports", str(path), *args, verbosity=0)


def test_reimporting_a_corrected_report_keeps_every_evidence_file(imported_seeds, tmp_path, media_root):
    from rectify.models import Evidence

    from .conftest import seed_path

    path = seed_path("001")
    report = Report.objects.get(source_name=path.name)
    measures = list(Measure.objects.filter(issue__report=report).order_by("pk")[:10])
    evidence = _attach_evidence(measures)
    text = path.read_text(encoding="utf-8")
    # A one-character correction in the first problem's measures: a new checksum, the same report.
    corrected = text.replace("。", "；", 1) if "。" in text else text + "。"
    _import_text(tmp_path, path.name, corrected)
    assert Report.objects.filter(inspection=report.inspection).count() == 1
    assert Evidence.objects.count() == len(evidence) == 10
    for item in evidence:
        item.refresh_from_db()
        assert item.measure.issue.report_id == report.pk and item.measure.report_id == report.pk


def test_newer_report_keeps_evidence_on_the_measures_it_lists_and_keeps_those_it_drops(
    imported_seeds, tmp_path, media_root
):
    from rectify.models import Evidence

    from .conftest import seed_path, with_newer_status

    path = seed_path("001")
    issue = Issue.objects.get(report__source_name=path.name, number="问题7")
    measures = list(issue.measures.order_by("order"))
    assert len(measures) >= 2
    _attach_evidence(measures)
    newer = with_newer_status(path.read_text(encoding="utf-8"))
    # The newer report lists the problem's first measure reworded and drops the last one.
    first, last = measures[0].text, measures[-1].text
    newer = newer.replace(first, first.rstrip("。") + "，已全部完成。", 1).replace(last, "", 1)
    _import_text(tmp_path, "001-2025-09.txt", newer)
    issue.refresh_from_db()
    newer_report = Report.objects.get(source_name="001-2025-09.txt")
    assert issue.report == newer_report and issue.status == "completed"
    assert Evidence.objects.filter(measure__issue=issue).count() == len(measures)
    reworded = Measure.objects.get(pk=measures[0].pk)
    assert reworded.text.endswith("已全部完成。") and reworded.report == newer_report
    dropped = Measure.objects.get(pk=measures[-1].pk)
    assert dropped.report.source_name == path.name and not dropped.is_listed_by_issue_report
    # Listed measures come first, in the newer report's order; the kept one after them.
    assert list(issue.measures.order_by("order"))[-1].pk == dropped.pk


def test_corrected_report_drops_a_measure_it_no_longer_says_unless_staff_attached_evidence(
    imported_seeds, tmp_path, media_root
):
    from .conftest import seed_path

    path = seed_path("001")
    issue = Issue.objects.get(report__source_name=path.name, number="问题7")
    measures = list(issue.measures.order_by("order"))
    with_evidence, without = measures[-1], measures[-2]
    _attach_evidence([with_evidence])
    text = path.read_text(encoding="utf-8")
    corrected = text.replace(with_evidence.text, "", 1).replace(without.text, "", 1)
    _import_text(tmp_path, path.name, corrected)
    assert not Measure.objects.filter(pk=without.pk).exists()
    kept = Measure.objects.get(pk=with_evidence.pk)
    assert kept.report is None and kept.evidence.count() == 1


def test_corrected_report_keeps_a_problem_it_no_longer_lists_when_staff_worked_on_it(imported_seeds, tmp_path):
    from rectify import progress
    from rectify.models import ProgressUpdate

    from .conftest import seed_path

    path = seed_path("001")
    issue = Issue.objects.get(report__source_name=path.name, number="问题7")
    untouched = Issue.objects.get(report__source_name=path.name, number="问题8")
    progress.submit_update(issue=issue, status="completed", note="已完成", user=None)
    text = path.read_text(encoding="utf-8")
    start, end = text.index("7.问题7:"), text.index("9.问题9:") if "9.问题9:" in text else None
    assert end, "seed 001 lists 问题9 after 问题8"
    _import_text(tmp_path, path.name, text[:start] + text[end:])
    assert Issue.objects.filter(pk=issue.pk).exists() and ProgressUpdate.objects.filter(issue=issue).exists()
    assert not Issue.objects.filter(pk=untouched.pk).exists()


def test_status_staff_set_after_the_reports_date_stands_when_it_is_reimported(imported_seeds, tmp_path):
    from rectify import progress

    from .conftest import seed_path

    path = seed_path("001")
    issue = Issue.objects.get(report__source_name=path.name, number="问题7")
    progress.change_status(issue=issue, status="completed", user=None, note="现场核查已完成")
    text = path.read_text(encoding="utf-8")
    _import_text(tmp_path, path.name, text.replace("群众借还书籍存在不便", "群众借还书籍仍不便", 1))
    issue.refresh_from_db()
    assert (issue.status, issue.status_source) == ("completed", "staff")
    assert "仍不便" in issue.description


def test_newer_report_dated_after_a_staff_status_moves_it_on(imported_seeds, tmp_path):
    from rectify import progress

    from .conftest import seed_path

    path = seed_path("001")
    issue = Issue.objects.get(report__source_name=path.name, number="问题8")
    progress.change_status(issue=issue, status="not_started", user=None)
    StatusChange.objects.filter(issue=issue, source="staff").update(changed_at="2025-08-01T00:00:00Z")
    text = path.read_text(encoding="utf-8")
    _import_text(tmp_path, "001-2025-09.txt", text.removesuffix("2025年7月28日") + "2025年9月30日")
    issue.refresh_from_db()
    assert issue.status_source != "staff" and issue.status != "not_started"


def test_staff_corrections_survive_a_reimport(imported_seeds, tmp_path):
    from .conftest import seed_path

    path = seed_path("001")
    issue = Issue.objects.get(report__source_name=path.name, number="问题7")
    Issue.objects.filter(pk=issue.pk).update(title="公共文化服务能力有待提升（已更正）", corrected_fields=["title"])
    measure = issue.measures.order_by("order").first()
    Measure.objects.filter(pk=measure.pk).update(text="更正后的措施", corrected_fields=["text"])
    text = path.read_text(encoding="utf-8")
    _import_text(tmp_path, path.name, text.replace("群众借还书籍存在不便", "群众借还书籍仍不便", 1))
    issue.refresh_from_db()
    measure.refresh_from_db()
    assert issue.title == "公共文化服务能力有待提升（已更正）" and "仍不便" in issue.description
    assert measure.text == "更正后的措施"


def test_a_draft_leaves_published_problems_as_the_public_sees_them_until_it_is_published(imported_seeds, tmp_path):
    from rectify import progress

    from .conftest import seed_path, with_newer_status

    path = seed_path("001")
    published = Report.objects.get(source_name=path.name)
    disclosed = published.issues.count()
    unit = published.inspection.unit
    _import_text(tmp_path, "001-draft.txt", with_newer_status(path.read_text(encoding="utf-8")), "--draft")
    draft = Report.objects.get(source_name="001-draft.txt")
    assert not draft.is_published
    assert published.issues.count() == disclosed
    assert Issue.objects.published().filter(inspection__unit=unit).count() == disclosed
    assert Issue.objects.get(report=published, number="问题7").status == "partial"
    progress.set_published(reports=[draft], published=True)
    moved = Issue.objects.get(inspection=published.inspection, number="问题7")
    assert (moved.report_id, moved.status, moved.is_published) == (draft.pk, "completed", True)
    assert Issue.objects.published().filter(inspection__unit=unit).count() == disclosed
    assert moved.status_changes.filter(report=draft, previous_status="partial").exists()


def test_the_same_text_as_txt_docx_and_html_is_one_report(db, tmp_path):
    import docx
    from django.core.management import call_command

    from .conftest import seed_path

    text = seed_path("000").read_text(encoding="utf-8")
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    document.save(tmp_path / "r.docx")
    paragraphs = "".join(f"<p>{line}</p>" for line in text.splitlines())
    (tmp_path / "r.html").write_text(f"<html><body><article>{paragraphs}</article></body></html>", encoding="utf-8")
    call_command("import_reports", str(tmp_path), verbosity=0)
    assert Report.objects.count() == 1


def test_deleting_a_problem_with_evidence_is_refused_and_names_what_blocks_it(imported_seeds, media_root):
    from django.db.models import ProtectedError

    issue = Issue.objects.filter(measures__isnull=False).first()
    (evidence,) = _attach_evidence([issue.measures.first()])
    with pytest.raises(ProtectedError) as refused:
        issue.delete()
    assert evidence in refused.value.protected_objects


def test_problem_page_marks_a_measure_only_an_earlier_report_listed(imported_seeds, tmp_path, client):
    from .conftest import seed_path, with_newer_status

    path = seed_path("001")
    issue = Issue.objects.get(report__source_name=path.name, number="问题7")
    dropped = issue.measures.order_by("order").last()
    newer = with_newer_status(path.read_text(encoding="utf-8")).replace(dropped.text, "", 1)
    _import_text(tmp_path, "001-2025-09.txt", newer)
    page = client.get(issue.get_absolute_url()).content.decode()
    assert "较早通报所列，本期通报未再列出" in page
    assert f"/reports/{dropped.report_id}/source/#L{dropped.source_line}" in page
