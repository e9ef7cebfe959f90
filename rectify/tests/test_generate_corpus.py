import pytest
from django.core.management import call_command

from rectify.importer.parse import parse_report
from rectify.management.commands.generate_corpus import compose_report, seed_pools, slot, source_name, unit_names
from rectify.models import Issue, Measure, Report


def test_same_seed_and_index_give_the_same_text():
    assert compose_report(7, 3) == compose_report(7, 3)


def test_other_seeds_and_indexes_give_other_texts():
    assert compose_report(7, 3) != compose_report(8, 3)
    assert compose_report(7, 3) != compose_report(7, 4)


@pytest.mark.parametrize("index", range(6))
def test_composed_reports_parse_without_warnings(index):
    record = parse_report(compose_report(11, index))

    assert record.warnings == ()
    assert record.unit.region.startswith("辽宁省")
    assert record.inspection.inspector and record.inspection.start_date and record.inspection.feedback_date
    assert 12 <= len(record.issues) <= 28
    assert record.report.declared.issues == len(record.issues)
    assert all(issue.status != "unknown" and len(issue.measures) >= 2 for issue in record.issues)


def test_composed_problems_recombine_seed_report_text():
    pools = seed_pools()
    record = parse_report(compose_report(2, 0))

    assert {issue.title for issue in record.issues} <= set(pools.titles)
    assert {title for c in record.categories for title in [c.title]} <= set(pools.categories)


def test_units_levels_and_statuses_vary_across_reports():
    records = [parse_report(compose_report(3, index)) for index in range(20)]

    assert len({r.unit.name for r in records}) == 20
    assert len({r.unit.level for r in records}) >= 3
    assert len({i.status for r in records for i in r.issues}) >= 4


def test_a_unit_comes_back_in_the_next_round_for_an_earlier_year():
    rounds = len(unit_names())
    unit, _, year = slot(3, rounds)
    first_round = {slot(3, index)[0]: slot(3, index)[2] for index in range(rounds)}

    assert len(first_round) == rounds
    assert first_round[unit] == year + 1


def test_a_report_is_about_its_slots_unit():
    unit, _, year = slot(4, 5)
    record = parse_report(compose_report(4, 5))

    assert record.unit.name == unit
    assert record.inspection.start_date.year == year


def test_source_names_sort_in_report_order():
    assert source_name(1, 9) < source_name(1, 10) < source_name(1, 100)


@pytest.mark.django_db
@pytest.mark.parametrize("jobs", [0, 2], ids=["composed-here", "composed-in-workers"])
def test_command_loads_the_reports_and_a_second_run_changes_nothing(jobs):
    call_command("generate_corpus", reports=3, seed=5, jobs=jobs, verbosity=0)
    expected = [parse_report(compose_report(5, index)) for index in range(3)]

    assert Report.objects.count() == 3
    assert Issue.objects.count() == sum(len(r.issues) for r in expected)
    assert Measure.objects.count() == sum(len(i.measures) for r in expected for i in r.issues)
    reports = Report.objects.order_by("source_name")
    assert [r.source_text for r in reports] == [compose_report(5, index) for index in range(3)]
    assert [[i.title for i in r.issues.order_by("order")] for r in reports] == [
        [i.title[:500] for i in record.issues] for record in expected
    ]

    call_command("generate_corpus", reports=3, seed=5, verbosity=0)
    assert Report.objects.count() == 3


@pytest.mark.django_db
def test_start_continues_a_corpus_where_it_stopped():
    call_command("generate_corpus", reports=2, seed=5, verbosity=0)
    call_command("generate_corpus", reports=1, seed=5, start=2, verbosity=0)

    names = sorted(Report.objects.values_list("source_name", flat=True))
    assert names == [source_name(5, index) for index in range(3)]


@pytest.mark.django_db
def test_draft_share_imports_reports_unpublished():
    call_command("generate_corpus", reports=2, seed=5, draft_share=1.0, verbosity=0)

    assert Report.objects.count() == 2
    assert not Report.objects.published().exists()


@pytest.mark.django_db
def test_dry_run_writes_nothing():
    call_command("generate_corpus", reports=2, seed=5, dry_run=True, verbosity=0)

    assert not Report.objects.exists()


@pytest.mark.django_db
def test_written_files_import_with_the_import_command(tmp_path):
    call_command("generate_corpus", reports=2, seed=6, write_dir=tmp_path, verbosity=0)

    assert not Report.objects.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [source_name(6, 0), source_name(6, 1)]
    call_command("import_reports", str(tmp_path), verbosity=0)
    assert Report.objects.count() == 2
