"""Run every benchmark in one go on one database; write JSON to bench/results/ and a table to README.

    .venv/bin/python -m bench.run --reports 10000          # the full corpus (make bench)
    .venv/bin/python -m bench.run --reports 30 --small     # seconds: proves the scripts run (CI)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/rectify_bench_corpus .venv/bin/python -m bench.run ...

The corpus is built (or resumed) by `manage.py generate_corpus` when the database holds fewer
reports than asked for. What does not exist on this branch yet is reported as "missing".
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
import time
import traceback
from pathlib import Path

from bench.common import RESULTS, ROOT, Missing, setup_django, sqlite_url

TARGETS = {
    "search_p95_ms": {"sqlite": 50, "postgresql": 100},
    "search_speedup_p50": 20,
    "list_p95_ms": 100,
    "report_p95_ms": 50,
    "parse_per_second": 200,
    "load_per_second": 50,
    "build_10000_seconds": 240,
}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=10000, help="corpus size in reports (~20 problems each)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--db", type=Path, help="SQLite file (default bench/results/corpus-<reports>-seed<seed>.sqlite3)"
    )
    parser.add_argument("--import-reports", type=int, default=200, help="reports timed through parser and loader")
    parser.add_argument("--repeat", type=int, default=30, help="requests per page figure")
    parser.add_argument("--no-datasette", action="store_true", help="skip the Datasette baseline")
    parser.add_argument("--small", action="store_true", help="label the run 'small' (CI: scripts run, not timings)")
    parser.add_argument("--no-readme", action="store_true", help="do not rewrite the table in bench/README.md")
    args = parser.parse_args(argv)

    RESULTS.mkdir(parents=True, exist_ok=True)
    database = (args.db or RESULTS / f"corpus-{args.reports}-seed{args.seed}.sqlite3").resolve()
    setup_django(sqlite_url(database))

    from django.db import connection
    from django.test import Client

    from bench import common, datasette_baseline, http_bench, import_bench, list_bench, page_bench, search_bench

    vendor = connection.vendor
    label = "small" if args.small else "full"
    result: dict = {"label": label, "machine": common.machine_info(), "targets": TARGETS}
    sections: dict = {}
    result["sections"] = sections

    def step(name, function):
        print(f"[bench] {name} …", flush=True)
        started = time.perf_counter()
        try:
            sections[name] = function()
        except Missing as missing:
            sections[name] = {"missing": str(missing)}
        except Exception as exc:  # a failing figure must not hide the others; the traceback is kept
            traceback.print_exc()
            sections[name] = {"error": f"{type(exc).__name__}: {exc}"}
        print(f"[bench] {name} done in {time.perf_counter() - started:.1f} s", flush=True)

    step("corpus", lambda: build_corpus(args.reports, args.seed, vendor))
    result["database"] = common.database_info()
    result["corpus"] = corpus_counts()
    client = Client()
    step("import", lambda: import_bench.measure(seed=args.seed, reports=args.import_reports))
    step("search", search_bench.measure)
    step("search_page", lambda: search_bench.measure_page(client))
    step("list", list_bench.measure)
    step("list_page", lambda: list_bench.measure_page(client))
    step("pages", lambda: page_bench.measure(client, repeat=args.repeat))
    step("http", lambda: http_bench.measure(sqlite_url(database)))
    if vendor == "sqlite" and not args.no_datasette:
        connection.close()
        step("datasette", lambda: datasette_baseline.measure(Path(connection.settings_dict["NAME"]), RESULTS))

    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M")
    out = RESULTS / f"{label}-{vendor}-{result['corpus']['reports']}-{stamp}.json"
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    from bench.report import render_table, update_readme

    table = render_table(result)
    print(table)
    print(f"[bench] results: {out.relative_to(ROOT)}")
    if not args.no_readme:
        update_readme(result, table, out)
    failed = [name for name, section in sections.items() if "error" in section]
    if failed:
        print(f"[bench] errors in: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


def build_corpus(reports: int, seed: int, vendor: str) -> dict:
    """Build the corpus, or finish one a previous run began; return the build's own timings."""
    from django.core.management import call_command
    from django.db import connection

    from rectify.management.commands.generate_corpus import Command as GenerateCorpus
    from rectify.models import Report

    call_command("migrate", verbosity=0)
    prefix = f"corpus-{seed}-"
    last = (
        Report.objects.filter(source_name__startswith=prefix)
        .order_by("-source_name")
        .values_list("source_name", flat=True)
        .first()
    )
    have = int(last.removeprefix(prefix).removesuffix(".txt")) + 1 if last else 0
    # One stats file per database (an SQLite file's stem, or a PostgreSQL database's name).
    stats_path = RESULTS / f"build-{Path(str(connection.settings_dict['NAME'])).stem}.json"
    if have >= reports:
        previous = json.loads(stats_path.read_text()) if stats_path.exists() else None
        if previous and (previous.get("start") or previous.get("reports") != have):
            previous = None  # it built part of this corpus, or another one (a copied database has none)
        return {"built_now": False, "previous_build": previous}
    command = GenerateCorpus()
    verbosity = 1 if os.isatty(2) else 0
    # Triggers off while loading, one index rebuild at the end: a bulk load's way (import_reports has it too).
    call_command(
        command,
        reports=reports - have,
        seed=seed,
        start=have,
        stats=stats_path,
        verbosity=verbosity,
        defer_index=True,
    )
    return {"built_now": True, **command.last_run}


def corpus_counts() -> dict:
    from rectify.models import Issue, Measure, Report, Unit

    return {
        "reports": Report.objects.count(),
        "published_reports": Report.objects.published().count(),
        "issues": Issue.objects.count(),
        "measures": Measure.objects.count(),
        "units": Unit.objects.count(),
    }


if __name__ == "__main__":
    sys.exit(main())
