"""Load test: gunicorn on 127.0.0.1, a bounded number of clients for a bounded time, per page kind.

    .venv/bin/python -m bench.loadtest                      # make loadtest
    .venv/bin/python -m bench.loadtest --small              # seconds, CI
    .venv/bin/python -m bench.loadtest --during-import 30   # 8 clients on every page kind while 30 files import
    .venv/bin/python -m bench.loadtest --during-import 30 --rounds 5   # five such imports, one after another

For each of home, list, filtered list, search and report pages, `--clients` threads each hold a
keep-alive connection and request that kind's URLs in turn for `--seconds`; we record requests
per second, p50/p95/p99 latency and errors (any status but 200, or a failed connection: must be
zero). A kind whose URL does not exist on this branch yet is reported as missing.

The driver is a small Python thread pool rather than wrk: it needs nothing installed beyond the
project's venv (wrk is not on a fresh machine, nor in CI), it walks a list of different URLs
without a Lua script, and it keeps every latency, so p99 and the error count are exact. Its own
CPU time is recorded beside the server's throughput, to show it is not the bottleneck.

The database must hold at least 10,000 problems: the full corpus if it was built, otherwise a
corpus of 600 reports (~12,000 problems) is built first.

`--during-import N`: the clients request all page kinds mixed (each client walks the mixed list)
while `manage.py import_reports` loads N new report files (the corpus generator's next N reports,
written as text files) into the same database, as staff would import during the day. The run works
on a copy of the corpus (SQLite backup), so the corpus stays as built; the clients start before the
import and stop a little after it ends. Every answer but 200 is an error; 5xx are counted apart.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench.common import (
    PYTHON,
    RESULTS,
    ROOT,
    HttpClient,
    gunicorn_command,
    served,
    setup_django,
    sqlite_url,
    stamp,
    summary,
)
from bench.queries import ALL_TERMS, list_filters

MIN_PROBLEMS = 10_000
FALLBACK_REPORTS = 600


def pick_database(small: bool, seed: int) -> Path:
    full = RESULTS / f"corpus-10000-seed{seed}.sqlite3"
    if not small and full.exists():
        return full
    return RESULTS / f"corpus-{20 if small else FALLBACK_REPORTS}-seed{seed}.sqlite3"


def ensure_corpus(reports: int, seed: int) -> None:
    from bench.run import build_corpus

    build_corpus(reports, seed, "sqlite")


def url_sets(seed: int) -> dict[str, list[str]]:
    from urllib.parse import urlencode

    from django.urls import NoReverseMatch, reverse

    from rectify.models import Report

    def route(name: str) -> str | None:
        try:
            return reverse(name)
        except NoReverseMatch:
            return None

    pks = list(Report.objects.published().order_by("pk").values_list("pk", flat=True))
    sample = random.Random(seed).sample(pks, min(50, len(pks)))
    issue_list, search = route("issue_list") or "/problems/", route("search") or "/search/"
    return {
        "home": ["/"],
        "list": [issue_list] + [f"{issue_list}?page={n}" for n in range(2, 6)],
        "filtered_list": [f"{issue_list}?{urlencode(f)}" for f in list_filters()],
        "search": [f"{search}?{urlencode({'q': term})}" for term in ALL_TERMS],
        "report": [Report(pk=pk).get_absolute_url() for pk in sample],
    }


def drive(port: int, urls: list[str], *, clients: int, seconds: float) -> dict:
    """`clients` threads request `urls` round-robin for `seconds`; return throughput and latency."""
    latencies: list[list[float]] = [[] for _ in range(clients)]
    errors: list[list[str]] = [[] for _ in range(clients)]
    deadline = time.monotonic() + seconds

    def client_loop(number: int):
        client = HttpClient(port, timeout=60)
        position = number
        while time.monotonic() < deadline:
            url = urls[position % len(urls)]
            position += 1
            tick = time.perf_counter()
            try:
                status, _ = client.get(url)
            except Exception as exc:  # a refused or broken connection is an error to count, not a crash
                status = f"{type(exc).__name__}"
            latencies[number].append((time.perf_counter() - tick) * 1000)
            if status != 200:
                errors[number].append(f"{status} {url}")
        client.close()

    cpu_before = resource.getrusage(resource.RUSAGE_SELF)
    started = time.perf_counter()
    threads = [threading.Thread(target=client_loop, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    cpu_after = resource.getrusage(resource.RUSAGE_SELF)
    driver_cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    samples = [ms for per_client in latencies for ms in per_client]
    failures = [e for per_client in errors for e in per_client]
    return {
        "requests": len(samples),
        "seconds": round(elapsed, 2),
        "rps": round(len(samples) / elapsed, 1),
        **summary(samples),
        "errors": len(failures),
        "error_examples": failures[:5],
        "driver_cpu_share": round(driver_cpu / elapsed, 2),
    }


def drive_during(port: int, urls: dict[str, list[str]], *, clients: int, stop: threading.Event) -> dict:
    """`clients` threads walk all kinds' URLs mixed until `stop` is set; figures per kind and in all."""
    mixed = [(kind, url) for kind, kind_urls in urls.items() for url in kind_urls]
    random.Random(0).shuffle(mixed)
    records: list[list[tuple[str, float, float, object, str]]] = [[] for _ in range(clients)]

    def client_loop(number: int):
        client = HttpClient(port, timeout=120)
        position = number * (len(mixed) // clients)
        while not stop.is_set():
            kind, url = mixed[position % len(mixed)]
            position += 1
            tick = time.perf_counter()
            try:
                status, _ = client.get(url)
            except Exception as exc:  # a refused or broken connection is an error to count, not a crash
                status = f"{type(exc).__name__}"
            records[number].append((kind, tick, (time.perf_counter() - tick) * 1000, status, url))
        client.close()

    threads = [threading.Thread(target=client_loop, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    return {"threads": threads, "records": records}


def import_files(count: int, seed: int, start: int, folder: Path) -> list[Path]:
    """Write the corpus generator's reports start..start+count-1 as text files (new to the corpus)."""
    subprocess.run(
        [str(PYTHON), "manage.py", "generate_corpus", "--reports", str(count), "--seed", str(seed)]
        + ["--start", str(start), "--write-dir", str(folder), "--jobs", "0", "-v", "0"],
        cwd=ROOT,
        check=True,
    )
    return sorted(folder.glob("*.txt"))


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy of an SQLite database (its WAL included), through SQLite's backup API."""
    target.unlink(missing_ok=True)
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst, pages=65536)
    dst.close()
    src.close()


def during_import(args, database: Path, urls: dict[str, list[str]], corpus: dict, env: dict) -> dict:
    """Drive the site with args.clients clients while args.during_import files are imported."""
    copy = database.with_name(f"{database.stem}-during-import.sqlite3")
    figures: dict = {}
    with tempfile.TemporaryDirectory(prefix="rectify-loadtest-") as folder:
        files = import_files(args.during_import * args.rounds, args.seed, corpus["reports"], Path(folder))
        batches = [files[i : i + args.during_import] for i in range(0, len(files), args.during_import)]
        copy_started = time.perf_counter()
        copy_database(database, copy)
        figures["copy_seconds"] = round(time.perf_counter() - copy_started, 1)
        env = {**env, "DATABASE_URL": sqlite_url(copy)}
        log = RESULTS / "loadtest-gunicorn.log"
        try:
            with served(gunicorn_command(args.port, workers=args.workers), args.port, env=env, log=log):
                stop = threading.Event()
                driven = drive_during(args.port, urls, clients=args.clients, stop=stop)
                time.sleep(args.lead)
                windows, runs = [], []
                for batch in batches:
                    import_started = time.perf_counter()
                    runs.append(
                        subprocess.run(
                            [str(PYTHON), "manage.py", "import_reports", *map(str, batch)],
                            cwd=ROOT,
                            env={**os.environ, **env},
                            capture_output=True,
                            text=True,
                            check=False,
                        )
                    )
                    windows.append((import_started, time.perf_counter()))
                time.sleep(args.lead)
                stop.set()
                for thread in driven["threads"]:
                    thread.join()
        finally:
            for path in (copy, copy.with_name(copy.name + "-wal"), copy.with_name(copy.name + "-shm")):
                path.unlink(missing_ok=True)
    records = [record for per_client in driven["records"] for record in per_client]
    during = [r for r in records if any(start <= r[1] < end for start, end in windows)]
    failures = [r for r in records if r[3] != 200]
    server_errors = [r for r in records if isinstance(r[3], int) and r[3] >= 500]
    first, last = min(r[1] for r in records), max(r[1] + r[2] / 1000 for r in records)
    figures.update(
        {
            "files": len(batches[0]),
            "rounds": len(batches),
            "import_seconds": [round(end - start, 2) for start, end in windows],
            "import_exit_status": max(run.returncode for run in runs),
            "import_summary": [(run.stdout.strip().splitlines() or [""])[-1] for run in runs],
            "import_errors": "\n".join(run.stderr.strip()[-1000:] for run in runs if run.returncode),
            "requests": len(records),
            "requests_during_import": len(during),
            "seconds": round(last - first, 2),
            "rps": round(len(records) / (last - first), 1),
            **summary([r[2] for r in records]),
            "during_import": summary([r[2] for r in during]),
            "errors": len(failures),
            "server_errors": len(server_errors),
            "error_examples": [f"{r[3]} {r[4]}" for r in failures[:5]],
            "kinds": {
                kind: {
                    "requests": len([r for r in records if r[0] == kind]),
                    **summary([r[2] for r in records if r[0] == kind]),
                    "errors": len([r for r in records if r[0] == kind and r[3] != 200]),
                }
                for kind in urls
            },
        }
    )
    return figures


def render_during_import(result: dict) -> str:
    machine, settings, corpus, figures = result["machine"], result["settings"], result["corpus"], result["import"]
    lines = [
        f"**Load test during an import ({result['label']})** — {machine['date']}, commit {machine['commit']}; "
        f"{machine['cpu']} ×{machine['cores']}, load average at start {machine['load_average'][0]}; gunicorn "
        f"{settings['workers']} sync workers on 127.0.0.1, {settings['clients']} clients walking all page kinds "
        f"mixed from {settings['lead']:g} s before {figures['rounds']} × `import_reports` of "
        f"{figures['files']} new files (one after the other) until {settings['lead']:g} s after; on a copy of "
        f"the corpus of {corpus['reports']:,} reports, {corpus['issues']:,} problems."
        + (f" {result['note']}" if result.get("note") else ""),
        "",
        f"Imports: {', '.join(f'{s:g}' for s in figures['import_seconds'])} s, exit status "
        f"{figures['import_exit_status']} ({'; '.join(figures['import_summary'])}). "
        f"Requests: {figures['requests']} in {figures['seconds']} s "
        f"({figures['rps']} req/s), {figures['requests_during_import']} of them while the import ran; "
        f"**errors {figures['errors']}, 5xx {figures['server_errors']}**.",
        "",
        "| Page | requests | p50 ms | p95 ms | p99 ms | errors |",
        "|---|---|---|---|---|---|",
    ]
    for kind, kind_figures in figures["kinds"].items():
        lines.append(
            f"| {kind} | {kind_figures['requests']} | {kind_figures.get('p50', '—')} | "
            f"{kind_figures.get('p95', '—')} | {kind_figures.get('p99', '—')} | {kind_figures['errors']} |"
        )
    during = figures["during_import"]
    lines.append(
        f"| all, while importing | {during.get('n', 0)} | {during.get('p50', '—')} | {during.get('p95', '—')} | "
        f"{during.get('p99', '—')} | |"
    )
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--db", type=Path, help="SQLite file, used as it is (default: the full corpus if built, else 600 reports)"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients (bounded)")
    parser.add_argument("--seconds", type=float, default=20, help="time per page kind (bounded)")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn sync workers")
    parser.add_argument("--port", type=int, default=8105)
    parser.add_argument("--small", action="store_true", help="tiny corpus, 2 clients, 2 s per kind (CI)")
    parser.add_argument("--no-readme", action="store_true")
    parser.add_argument(
        "--during-import", type=int, metavar="FILES", help="drive all page kinds while this many new files import"
    )
    parser.add_argument("--lead", type=float, default=2.0, help="seconds of load before and after the import")
    parser.add_argument("--rounds", type=int, default=1, help="imports of --during-import new files, one after another")
    parser.add_argument("--note", default="", help="a sentence recorded with the results (what differs in this run)")
    args = parser.parse_args(argv)
    if args.small:
        args.clients, args.seconds, args.workers = 2, 2.0, 2
        if args.during_import:
            args.clients = 8  # the point of the mode; still seconds on 20 reports

    RESULTS.mkdir(parents=True, exist_ok=True)
    external_database = os.environ.get("DATABASE_URL")  # setup_django sets it below
    database = (args.db or pick_database(args.small, args.seed)).resolve()
    setup_django(sqlite_url(database))
    from django.db import connection

    from bench.common import database_info, machine_info

    stem = database.stem  # corpus-<reports>-seed<seed>
    wanted = int(stem.split("-")[1]) if stem.startswith("corpus-") else 0
    if wanted and not args.db:
        ensure_corpus(wanted, args.seed)
    from bench.run import corpus_counts

    corpus = corpus_counts()
    if not args.small and corpus["issues"] < MIN_PROBLEMS:
        print(f"[loadtest] only {corpus['issues']} problems; the test needs {MIN_PROBLEMS}", file=sys.stderr)
        return 2
    urls = url_sets(args.seed)
    env = {
        "DATABASE_URL": os.environ.get("DATABASE_URL") or sqlite_url(database),
        "DJANGO_DEBUG": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
    }
    connection.close()

    if args.during_import:
        if external_database:
            print("[loadtest] --during-import works on a copy of an SQLite corpus; unset DATABASE_URL", file=sys.stderr)
            return 2
        result = {
            "label": "during-import-small" if args.small else "during-import",
            "machine": machine_info(),
            "database": database_info(),
            "corpus": corpus,
            "settings": {"clients": args.clients, "workers": args.workers, "lead": args.lead, "server": "gunicorn"},
            "note": args.note,
        }
        result["import"] = during_import(args, database, urls, corpus, env)
        return finish(args, result, render_during_import(result), result["import"]["errors"])

    result = {
        "label": "small" if args.small else "full",
        "machine": machine_info(),
        "database": database_info(),
        "corpus": corpus,
        "settings": {"clients": args.clients, "seconds": args.seconds, "workers": args.workers, "server": "gunicorn"},
        "pages": {},
    }
    log = RESULTS / "loadtest-gunicorn.log"
    with served(gunicorn_command(args.port, workers=args.workers), args.port, env=env, log=log):
        probe = HttpClient(args.port)
        for kind, kind_urls in urls.items():
            status, _ = probe.get(kind_urls[0])
            if status == 404:
                result["pages"][kind] = {"missing": f"GET {kind_urls[0]} answered 404"}
                print(f"[loadtest] {kind}: missing", flush=True)
                continue
            figures = drive(args.port, kind_urls, clients=args.clients, seconds=args.seconds)
            result["pages"][kind] = figures
            print(
                f"[loadtest] {kind}: {figures['rps']} req/s, p50 {figures.get('p50')} ms, "
                f"p99 {figures.get('p99')} ms, errors {figures['errors']}",
                flush=True,
            )
        probe.close()

    errors = sum(p.get("errors", 0) for p in result["pages"].values())
    return finish(args, result, render(result), errors)


def finish(args, result: dict, table: str, errors: int) -> int:
    out = RESULTS / f"loadtest-{result['label']}-{stamp()}.json"
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print(table)
    print(f"[loadtest] results: {out.relative_to(ROOT)}")
    if not args.no_readme:
        from bench.report import update_readme

        update_readme({**result, "label": f"loadtest-{result['label']}"}, table, out)
    return 1 if errors else 0


def render(result: dict) -> str:
    machine, settings, corpus = result["machine"], result["settings"], result["corpus"]
    lines = [
        f"**Load test ({result['label']})** — {machine['date']}, commit {machine['commit']}; {machine['cpu']} "
        f"×{machine['cores']}, load average at start {machine['load_average'][0]}; gunicorn "
        f"{settings['workers']} sync workers on 127.0.0.1, {settings['clients']} clients × {settings['seconds']:g} s "
        f"per page kind; corpus {corpus['reports']:,} reports, {corpus['issues']:,} problems.",
        "",
        "| Page | requests | req/s | p50 ms | p95 ms | p99 ms | errors | driver CPU |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for kind, figures in result["pages"].items():
        if "missing" in figures:
            lines.append(f"| {kind} | missing | | | | | | |")
            continue
        lines.append(
            f"| {kind} | {figures['requests']} | {figures['rps']} | {figures.get('p50', '—')} | "
            f"{figures.get('p95', '—')} | {figures.get('p99', '—')} | {figures['errors']} | "
            f"{figures['driver_cpu_share']:.0%} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
