"""The seed reports imported once and shared by the tests that read them (conftest.SharedSeeds)."""

import pytest
from django.db import connection

from rectify.models import Issue, Measure, Report

from .conftest import SHARED_SEEDS

SEEDED = {"reports": 5, "issues": 90, "measures": 196}


def counts() -> dict:
    return {"reports": Report.objects.count(), "issues": Issue.objects.count(), "measures": Measure.objects.count()}


def test_a_seed_reader_runs_inside_the_transaction_holding_the_seeds(imported_seeds):
    assert SHARED_SEEDS.hold()
    assert counts() == SEEDED


def test_the_seed_readers_run_together_so_the_seeds_are_imported_once(imported_seeds):
    """Collection puts them after the other database tests; none comes between two of them."""
    assert SHARED_SEEDS.imports == 1


def test_a_seed_reader_may_write(imported_seeds):
    Measure.objects.all().delete()
    Report.objects.filter(pk=Report.objects.order_by("pk")[0].pk).update(title="changed by a test")
    assert Measure.objects.count() == 0


def test_the_next_seed_reader_finds_the_seeds_as_imported(imported_seeds):
    assert counts() == SEEDED
    assert not Report.objects.filter(title="changed by a test").exists()


def test_a_test_without_seeds_finds_an_empty_archive(db):
    assert counts() == {"reports": 0, "issues": 0, "measures": 0}


@pytest.mark.django_db(transaction=True)
def test_a_transactional_test_runs_after_the_seed_readers_on_an_empty_archive():
    assert not connection.in_atomic_block
    assert counts() == {"reports": 0, "issues": 0, "measures": 0}


@pytest.mark.django_db(transaction=True)
def test_a_transactional_test_imports_the_seeds_for_itself(imported_seeds):
    assert not connection.in_atomic_block  # committed: another connection (a live server) would see them
    assert counts() == SEEDED
