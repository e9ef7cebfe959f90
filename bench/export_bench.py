"""Export benchmark: the full problem list as CSV, JSON and XLSX — time to first byte, total, peak memory.

    .venv/bin/python -m bench.export_bench                  # the 10,000-report corpus (≈ 200,000 problems)
    .venv/bin/python -m bench.export_bench --small          # the 20-report corpus, seconds (CI)

Each format runs in a fresh child process (so its peak memory is its own), through the whole Django
stack (test client: middleware, URL, view) with no filter, so every published problem is exported,
and reads the response to the end. Timed: the first non-empty chunk (time to first byte: for CSV and
JSON the first rows, for XLSX the finished file) and the last; counted: bytes. Memory is the
process's peak resident set (VmHWM, reset just before the export through /proc/self/clear_refs)
minus its resident set just before (after a warm-up export that matches nothing, so imports and
set-up are not counted): what the export added at its highest. SQLite's memory map is
switched off in the child (PRAGMA mmap_size = 0), or the database pages read through it would count
as the process's memory; SQLite's own page cache (64 MB at most, settings) still counts.

The XLSX is measured uncapped (RECTIFY_XLSX_MAX_ROWS=0) to show what the cap prevents, and the
export rate limit is off (RECTIFY_EXPORT_RATE=0).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from bench.common import PYTHON, RESULTS, ROOT, setup_django, sqlite_url, stamp

FORMATS = ("csv", "json", "xlsx")


def _status_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def measure_one(fmt: str) -> dict:
    """In the child: export every published problem as `fmt` and time it."""
    from django.db import connection
    from django.http import QueryDict
    from django.test import Client
    from django.urls import reverse

    from rectify.opendata import filtered_issues

    query = QueryDict(os.environ.get("BENCH_QUERY", ""))
    problems = filtered_issues(query).count()
    cache_kb = os.environ.get("BENCH_SQLITE_CACHE_KB")
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA mmap_size = 0")
            if cache_kb:
                cursor.execute(f"PRAGMA cache_size = -{int(cache_kb)}")
    client = Client()
    url = reverse("issue_export", args=[fmt])
    # Warm-up: an export matching nothing imports and sets up what the first request would (openpyxl,
    # URL resolvers, translations), so the peak below is the rows' own.
    b"".join(client.get(url, {"year": 1900}).streaming_content)
    rss_before = _status_kb("VmRSS")
    # Writing 5 resets the peak resident set to the current one (Linux ≥ 4.0).
    Path("/proc/self/clear_refs").write_text("5")
    start = time.perf_counter()
    response = client.get(url, query)
    first = first_row = None
    size = 0
    for chunk in response.streaming_content:
        if chunk:
            if first is None:
                first = time.perf_counter()
            # CSV's header and JSON's "[" go out before any query: the next chunk holds the first row.
            elif first_row is None:
                first_row = time.perf_counter()
        size += len(chunk)
    end = time.perf_counter()
    if fmt == "xlsx":
        first_row = first
    response.close()
    assert response.status_code == 200, response.status_code
    peak = _status_kb("VmHWM")
    return {
        "format": fmt,
        "problems": problems,
        "status": response.status_code,
        "bytes": size,
        "ttfb_s": round((first or end) - start, 3),
        "first_row_s": round((first_row or end) - start, 3),
        "total_s": round(end - start, 3),
        "problems_per_s": round(problems / (end - start)) if end > start else None,
        "rss_before_mb": round(rss_before / 1024, 1),
        "peak_added_mb": round(max(0, peak - rss_before) / 1024, 1),
    }


def run_child(fmt: str, database_url: str, sqlite_cache_kb: int | None = None, query: str = "") -> dict:
    env = {
        **os.environ,
        "BENCH_QUERY": query,
        **({"BENCH_SQLITE_CACHE_KB": str(sqlite_cache_kb)} if sqlite_cache_kb else {}),
        "DATABASE_URL": database_url,
        "DJANGO_DEBUG": "0",
        "RECTIFY_XLSX_MAX_ROWS": "0",
        "RECTIFY_EXPORT_RATE": "0",
    }
    completed = subprocess.run(
        [str(PYTHON), "-m", "bench.export_bench", "--child", fmt],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode:
        raise RuntimeError(f"export {fmt} failed:\n{completed.stderr[-3000:]}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


def render(result: dict) -> str:
    machine, corpus = result["machine"], result["corpus"]
    lines = [
        f"**Exports ({result['label']})** — {machine['date']}, commit {machine['commit']}; {machine['cpu']} "
        f"×{machine['cores']}, load average at start {machine['load_average'][0]}; "
        f"{result['database']['vendor']}, {corpus['issues']:,} problems, "
        + (f"those matching `{result['query']}` exported" if result.get("query") else "every published one exported")
        + ", each format in a fresh process through the Django stack"
        + (f"; SQLite page cache {result['sqlite_cache_kb']} KB" if result.get("sqlite_cache_kb") else "")
        + ".",
        "",
        "| Format | problems | size MB | first byte s | first row s | total s | problems/s | peak memory added MB |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for figures in result["exports"]:
        lines.append(
            f"| {figures['format']} | {figures['problems']:,} | {figures['bytes'] / 1e6:.1f} | {figures['ttfb_s']} | "
            f"{figures['first_row_s']} | "
            f"{figures['total_s']} | {figures['problems_per_s']:,} | {figures['peak_added_mb']} |"
        )
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, help="SQLite file (default: the 10,000-report corpus, or 20 with --small)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--formats", nargs="+", choices=FORMATS, default=list(FORMATS))
    parser.add_argument("--small", action="store_true", help="the 20-report corpus (CI): proves the script runs")
    parser.add_argument(
        "--sqlite-cache-kb",
        type=int,
        help="SQLite page cache for the export (default: the settings' 64 MB); small, the peak is the Python side",
    )
    parser.add_argument("--query", default="", help="the problem list's filters, e.g. year=2020 (default: none)")
    parser.add_argument("--no-readme", action="store_true")
    parser.add_argument("--child", choices=FORMATS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child:
        setup_django(None)
        print(json.dumps(measure_one(args.child)))
        return 0

    reports = 20 if args.small else 10000
    database = (args.db or RESULTS / f"corpus-{reports}-seed{args.seed}.sqlite3").resolve()
    build = not args.db and not os.environ.get("DATABASE_URL")
    database_url = os.environ.get("DATABASE_URL") or sqlite_url(database)
    setup_django(database_url)
    from django.db import connection

    from bench.common import database_info, machine_info
    from bench.run import build_corpus, corpus_counts

    if build:
        build_corpus(reports, args.seed, "sqlite")
    result = {
        "label": ("exports-small" if args.small else "exports")
        + (f"-cache{args.sqlite_cache_kb}kb" if args.sqlite_cache_kb else "")
        + ("-filtered" if args.query else ""),
        "query": args.query,
        "sqlite_cache_kb": args.sqlite_cache_kb,
        "machine": machine_info(),
        "database": database_info(),
        "corpus": corpus_counts(),
        "exports": [],
    }
    connection.close()
    for fmt in args.formats:
        figures = run_child(fmt, database_url, args.sqlite_cache_kb, args.query)
        result["exports"].append(figures)
        print(
            f"[exports] {fmt}: {figures['problems']} problems, first byte {figures['ttfb_s']} s, "
            f"first row {figures['first_row_s']} s, "
            f"total {figures['total_s']} s, +{figures['peak_added_mb']} MB",
            flush=True,
        )

    table = render(result)
    print(table)
    if args.small:
        return 0  # CI: the figures of 20 reports mean nothing, keep no file
    problems = result["exports"][0]["problems"] if result["exports"] else 0
    out = RESULTS / f"{result['label']}-{result['database']['vendor']}-{problems}-{stamp()}.json"
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"[exports] results: {out.relative_to(ROOT)}")
    if not args.no_readme:
        from bench.report import update_readme

        update_readme(result, table, out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
