"""Fill SQLite's search tables (sql_sqlite.py) from scratch, on every CPU when that pays.

A rebuild tokenizes every problem document twice (the trigram table and the GAP-spaced grams
table): 2 x 148 million characters at 10,000 reports, about 65 s of CPU each. The tables do not
depend on each other, so on a machine with two or more CPUs each is built by a worker process into
a scratch file, reading the documents from the database read-only, and the finished tables' storage
(FTS5's shadow tables %_data and %_idx) is then copied in, in one transaction.

Why copying the shadow tables is sound: a contentless FTS5 table with columnsize=0 keeps its whole
index in those two tables (%_config holds settings only, which are left as they are), the scratch
tables are created from the very CREATE statement the database holds, and the copy is written by a
connection that never opens the virtual tables. Connections that had read them see the database's
data_version change and re-read FTS5's structure record.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

from rectify.search.text import register_sqlite_functions

# Every problem's document as it is now: id, the search key it should have, lowered text (0007).
DOCUMENTS = "rectify_search_document"
# The same for every indexed problem, with the key it was indexed under (rectify_search_indexed).
INDEXED_DOCUMENTS = "rectify_search_indexed_document"
# Each table, the column it indexes and the expression that fills it from DOCUMENTS.
TABLES = {
    "rectify_search_issue": ("body", "body"),
    "rectify_search_issue_grams": ("grams", "rectify_search_grams(body)"),
}
# After a fill, for the writes that follow: each import flushes a segment of its own, and merging
# them 16 at a time rather than FTS5's default 4 makes each merge pass rarer (a live import at
# 10,000 reports: 22 -> 20 ms a report); a search then reads up to 15 small segments a level more,
# which did not show beside the one large segment of a fill. Flush at FTS5's default 1 MB.
FTS5_AUTOMERGE, FTS5_HASHSIZE = 16, 1024 * 1024
# For a fill: flush every 64 MB and merge nothing on the way; one 'optimize' at the end then
# merges each segment once instead of log(n) times (2x faster than the defaults at 1M measures).
BULK_HASHSIZE = 64 * 1024 * 1024
# Below this many documents a worker's start-up and the copy cost more than they save.
PARALLEL_FROM = 20_000
# Page cache for a rebuild, in one connection or in each worker (negative: KiB), 1 GiB: FTS5 merges
# its segments as it fills, and with less cache than their working set it re-reads them from the OS.
REBUILD_CACHE_KIB = -1048576


def remove(cursor, where: str, params) -> None:
    """Take out of the index the documents of the problems `where` picks, as they were indexed."""
    for table, (column, text) in TABLES.items():
        cursor.execute(
            f"INSERT INTO {table}({table}, rowid, {column}) SELECT 'delete', key, {text} "
            f"FROM {INDEXED_DOCUMENTS} WHERE {where}",
            params,
        )
    cursor.execute(
        f"DELETE FROM rectify_search_indexed WHERE issue_id IN (SELECT id FROM {INDEXED_DOCUMENTS} WHERE {where})",
        params,
    )


def add(cursor, where: str, params) -> None:
    """Index the documents of the problems `where` picks, as they are now."""
    for table, (column, text) in TABLES.items():
        cursor.execute(
            f"INSERT INTO {table}(rowid, {column}) SELECT key, {text} FROM {DOCUMENTS} WHERE {where}", params
        )
    cursor.execute(
        f"INSERT INTO rectify_search_indexed (issue_id, key) SELECT id, key FROM {DOCUMENTS} WHERE {where}", params
    )


# Statements that make rectify_search_indexed say what a fill (below) indexed.
RECORD_FILL = [
    "DELETE FROM rectify_search_indexed",
    f"INSERT INTO rectify_search_indexed (issue_id, key) SELECT id, key FROM {DOCUMENTS}",
]


def fill(cursor, table: str) -> None:
    """Index every document into `table`, which must be empty, with bulk settings."""
    column, text = TABLES[table]
    cursor.execute(f"INSERT INTO {table}({table}, rank) VALUES ('automerge', 0)")
    cursor.execute(f"INSERT INTO {table}({table}, rank) VALUES ('hashsize', {BULK_HASHSIZE})")
    cursor.execute(f"INSERT INTO {table}(rowid, {column}) SELECT key, {text} FROM {DOCUMENTS}")
    cursor.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")
    cursor.execute(f"INSERT INTO {table}({table}, rank) VALUES ('automerge', {FTS5_AUTOMERGE})")
    cursor.execute(f"INSERT INTO {table}({table}, rank) VALUES ('hashsize', {FTS5_HASHSIZE})")


def worth_building_in_parallel(documents: int) -> bool:
    return documents >= PARALLEL_FROM and (os.cpu_count() or 1) >= 2


def rebuild_in_parallel(database: Path, *, finish: list[str] = ()) -> None:
    """Build every table in its own process, then put them in place in one transaction.

    `finish` are statements run in that same transaction (the caller's pause switch, ANALYZE),
    after the record of what is indexed. The caller must hold no transaction on `database`.
    """
    with tempfile.TemporaryDirectory(prefix="rectify-index-", dir=database.parent) as scratch:
        built = {table: Path(scratch) / f"{table}.sqlite3" for table in TABLES}
        # Opened first and kept open: a WAL database's -shm file must exist for the workers'
        # read-only connections, and the last connection to close removes it.
        connection = sqlite3.connect(database, isolation_level=None, timeout=60)
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
            with ProcessPoolExecutor(len(TABLES), mp_context=get_context("fork")) as pool:
                for done in [pool.submit(_build_alone, database, table, path) for table, path in built.items()]:
                    done.result()
            for number, path in enumerate(built.values()):
                connection.execute(f"ATTACH DATABASE ? AS built{number}", [str(path)])
            connection.execute("BEGIN IMMEDIATE")
            for number, table in enumerate(built):
                for shadow in (f"{table}_data", f"{table}_idx"):
                    connection.execute(f"DELETE FROM main.{shadow}")
                    connection.execute(f"INSERT INTO main.{shadow} SELECT * FROM built{number}.{shadow}")
            for statement in [*RECORD_FILL, *finish]:
                connection.execute(statement)
            connection.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                connection.execute("ROLLBACK")
            raise
        finally:
            connection.close()


def _build_alone(database: Path, table: str, out: Path) -> None:
    """In a worker process: `table`, built from the database's documents into the new file `out`."""

    connection = sqlite3.connect(out.as_uri(), uri=True, isolation_level=None)  # URIs in ATTACH too
    try:
        register_sqlite_functions(connection)
        connection.execute(f"PRAGMA cache_size = {REBUILD_CACHE_KIB}")
        connection.execute("PRAGMA journal_mode = OFF")  # a scratch file: a crash just loses it
        connection.execute("ATTACH DATABASE ? AS source", [f"{database.resolve().as_uri()}?mode=ro"])
        (create,) = connection.execute("SELECT sql FROM source.sqlite_master WHERE name = ?", [table]).fetchone()
        connection.execute(create)
        cursor = connection.cursor()
        cursor.execute("BEGIN")
        fill(cursor, table)
        cursor.execute("COMMIT")
    finally:
        connection.close()
