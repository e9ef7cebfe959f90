"""Copy a SQLite benchmark corpus into a PostgreSQL database, row for row, then build its search index.

    createdb -h 127.0.0.1 -U postgres rectify_bench_corpus
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/rectify_bench_corpus \\
        .venv/bin/python -m bench.copy_to_postgres bench/results/corpus-10000-seed1.sqlite3

The same rows on both databases make their figures comparable, and a copy takes a minute where
composing and loading 10,000 reports through PostgreSQL takes half an hour. The target database is
migrated first; the archive's tables are copied with COPY while the search triggers are paused,
then the index is rebuilt once (rectify.search.index.rebuild_index) and the database vacuumed. Tables must
be empty.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from pathlib import Path

from bench.common import setup_django

# Parents before children, as the foreign keys need them.
TABLES = (
    "rectify_unit",
    "rectify_inspection",
    "rectify_report",
    "rectify_category",
    "rectify_issue",
    "rectify_statuschange",
    "rectify_measure",
    "rectify_measure_acting_units",
    "rectify_moneyamount",
)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sqlite_file", type=Path)
    args = parser.parse_args(argv)
    setup_django(None)
    from django.core.management import call_command
    from django.db import connection, transaction

    from rectify.search import index as search_index

    if connection.vendor != "postgresql":
        print("DATABASE_URL must name a PostgreSQL database", file=sys.stderr)
        return 2
    call_command("migrate", verbosity=0)
    source = sqlite3.connect(args.sqlite_file)
    with search_index.index_paused():  # rebuilds the index on the way out
        with transaction.atomic(), connection.cursor() as cursor:
            for table in TABLES:
                started = time.perf_counter()
                copied = _copy(source, cursor.cursor, table)
                cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
                print(f"{table}: {copied:,} rows in {time.perf_counter() - started:.1f} s", flush=True)
        started = time.perf_counter()
    print(f"search index rebuilt in {time.perf_counter() - started:.0f} s")
    # Rows just copied are not yet marked all-visible: until autovacuum comes round, no scan is
    # index-only (a per-inspection facet count read 70,000 problem rows instead of an index).
    # A database loaded over time is vacuumed by then; so is this one, before it is timed.
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE)")
    print(f"vacuumed in {time.perf_counter() - started:.0f} s")
    return 0


def _copy(source: sqlite3.Connection, cursor, table: str) -> int:
    """COPY every row of `table` from SQLite; booleans, stored as 0/1 there, become booleans."""
    columns = [row[1] for row in source.execute(f"PRAGMA table_info({table})")]
    cursor.execute("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = %s", [table])
    types = dict(cursor.fetchall())
    columns = [name for name in columns if name in types]
    booleans = [i for i, name in enumerate(columns) if types[name] == "boolean"]
    quoted = ", ".join(f'"{name}"' for name in columns)
    copied = 0
    with cursor.copy(f"COPY {table} ({quoted}) FROM STDIN") as copy:
        for row in source.execute(f"SELECT {quoted} FROM {table}"):
            if booleans:
                row = list(row)
                for i in booleans:
                    row[i] = None if row[i] is None else bool(row[i])
            copy.write_row(row)
            copied += 1
    return copied


if __name__ == "__main__":
    sys.exit(main())
