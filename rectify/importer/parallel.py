"""Parse in other processes while this one writes: imports are CPU-bound on both sides.

Parsing is pure (text in, dataclasses out), so it runs in worker processes; the database work stays
in the calling process, one report at a time, in the order given.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context

# Below this many items a worker's start-up costs more than it saves.
WORTH_A_WORKER = 50


def worker_count(items: int, wanted: int | None = None) -> int:
    """How many worker processes to parse `items` with: `wanted` if given, else one per spare CPU."""
    if wanted is not None:
        return max(0, wanted)
    if items < WORTH_A_WORKER:
        return 0
    return max(0, (os.cpu_count() or 1) - 1)


def ordered_map(function: Callable, items: Iterable, *, workers: int, ahead: int = 8) -> Iterator:
    """function(item) for each item, in order; with workers, computed in that many processes.

    At most `ahead` results per worker wait to be taken, so memory stays bounded whatever the number
    of items. An exception raised by `function` is raised here, when its item's turn comes.
    `function` must not touch the database: a forked worker holds a copy of this process's open
    connection, harmless only while unused (workers leave with os._exit, never closing it).
    """
    if workers <= 0:
        yield from map(function, items)
        return
    # fork: workers inherit the loaded parser (patterns, gazetteer) instead of importing it again.
    with ProcessPoolExecutor(workers, mp_context=get_context("fork")) as pool:
        pending = deque()
        for item in items:
            pending.append(pool.submit(function, item))
            if len(pending) >= ahead * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
