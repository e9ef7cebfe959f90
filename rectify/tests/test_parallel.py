"""Parsing in worker processes gives what parsing here gives, in order, failures included."""

import pytest

from rectify.importer.parallel import WORTH_A_WORKER, ordered_map, worker_count


def _square_or_fail(n: int) -> int:
    if n == 7:
        raise ValueError("seven")
    return n * n


@pytest.mark.parametrize("workers", [0, 1, 2])
def test_results_come_in_the_order_of_the_items(workers):
    items = list(range(7)) + list(range(8, 60))
    assert list(ordered_map(_square_or_fail, items, workers=workers, ahead=2)) == [n * n for n in items]


@pytest.mark.parametrize("workers", [0, 2])
def test_a_failure_is_raised_when_its_item_comes(workers):
    results = ordered_map(_square_or_fail, range(20), workers=workers)
    assert [next(results) for _ in range(7)] == [n * n for n in range(7)]
    with pytest.raises(ValueError, match="seven"):
        next(results)


def test_workers_only_for_enough_items_and_as_asked(monkeypatch):
    monkeypatch.setattr("os.cpu_count", lambda: 4)
    assert worker_count(WORTH_A_WORKER - 1) == 0
    assert worker_count(WORTH_A_WORKER) == 3
    assert worker_count(5, 2) == 2
    assert worker_count(500, 0) == 0
