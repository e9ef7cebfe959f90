"""Import: the real parser on one core, and the real loader into the benchmark database.

Both through the importer's front door, as the commands and the admin upload go: parse_text, then
import_parsed. Reports are composed with a seed of their own (not the corpus's), so the loader does
the work of new reports about units the archive already holds. Loading runs inside one transaction
that is rolled back at the end, which leaves the benchmark database as it was; every report still
goes through import_parsed's own atomic block (a savepoint here).
"""

from __future__ import annotations

import time

from django.db import transaction

from bench.common import summary

IMPORT_SEED_OFFSET = 1000


def measure(*, seed: int, reports: int) -> dict:
    from rectify.importer import import_parsed, parse_text
    from rectify.management.commands.generate_corpus import compose_report, peak_memory_mb, source_name

    import_seed = seed + IMPORT_SEED_OFFSET
    # Report 0 is a warm-up, untimed: the first parse and load pay for lazy imports (cpca's
    # gazetteer, OpenCC) that a long import pays once.
    texts = [compose_report(import_seed, index) for index in range(reports + 1)]
    warm_up = parse_text(texts[0], name=source_name(import_seed, 0))
    parse_ms, parsed = [], []
    started, cpu_started = time.perf_counter(), time.process_time()
    for index, text in enumerate(texts[1:], start=1):
        tick = time.perf_counter()
        parsed.append(parse_text(text, name=source_name(import_seed, index)))
        parse_ms.append((time.perf_counter() - tick) * 1000)
    parse_seconds = time.perf_counter() - started
    parse_cpu = time.process_time() - cpu_started

    load_ms = []
    outcomes: dict[str, int] = {}
    with transaction.atomic():
        import_parsed(warm_up)
        started, cpu_started = time.perf_counter(), time.process_time()
        for one in parsed:
            tick = time.perf_counter()
            result = import_parsed(one)
            load_ms.append((time.perf_counter() - tick) * 1000)
            outcomes[result.outcome] = outcomes.get(result.outcome, 0) + 1
        load_seconds = time.perf_counter() - started
        load_cpu = time.process_time() - cpu_started
        transaction.set_rollback(True)
    records = [one.record for one in parsed]
    issues = sum(len(r.issues) for r in records)
    measures = sum(len(i.measures) for r in records for i in r.issues)
    return {
        "reports": reports,
        "issues": issues,
        "measures": measures,
        "bytes": sum(len(t.encode("utf-8")) for t in texts[1:]),
        # Wall-clock rates, and rates per second of this process's CPU (what one core would do alone,
        # on a machine other jobs share; a database server's own CPU is not in the second figure).
        "parse": {
            **summary(parse_ms),
            "reports_per_second": round(reports / parse_seconds, 1),
            "reports_per_cpu_second": round(reports / parse_cpu, 1),
        },
        "load": {
            **summary(load_ms),
            "reports_per_second": round(reports / load_seconds, 1),
            "reports_per_cpu_second": round(reports / load_cpu, 1),
            "outcomes": outcomes,
        },
        "peak_memory_mb": round(peak_memory_mb(), 1),
    }
