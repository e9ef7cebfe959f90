"""Fill SQLite's search tables (sql_sqlite.py) from scratch, on every CPU when that pays.

A rebuild tokenizes every problem document twice (the trigram table and the GAP-spaced grams
table): 2 x 148 million characters at 10,000 reports, about 65 s of CPU each; and every measure's
text twice again, into its own two tables for measure search (most of those characters once more).
The tables do not depend on each other, so on a machine with two or more CPUs each is built by a worker process into
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
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

from rectify.search.text import register_sqlite_functions

# Every problem's document as it is now: id, the search key it should have, folded text.
DOCUMENTS = "rectify_search_document"
# The same for every indexed problem, with the key it was indexed under (rectify_search_indexed).
INDEXED_DOCUMENTS = "rectify_search_indexed_document"


@dataclass(frozen=True)
class Table:
    """How one FTS5 table is filled: `text` (an expression over the rows of `now`, or of `indexed`
    for what it was indexed under) goes into `column` under the row id `rowid`; `picks` is the
    condition on those rows that selects the problems a `where` on problem ids names."""

    column: str
    text: str
    now: str = DOCUMENTS
    indexed: str = INDEXED_DOCUMENTS
    rowid: str = "key"
    picks: str = "{where}"


# A measure's own text, under its id; `where` names problems, so their measures are picked.
MEASURES = {"now": "rectify_measure", "indexed": "rectify_measure", "rowid": "id"}
MEASURES_OF = "issue_id IN (SELECT id FROM rectify_issue WHERE {where})"
TABLES = {
    "rectify_search_issue": Table("body", "body"),
    "rectify_search_issue_grams": Table("grams", "rectify_search_grams(body)"),
    "rectify_search_measure": Table("body", "rectify_search_fold(text)", **MEASURES, picks=MEASURES_OF),
    "rectify_search_measure_grams": Table(
        "grams", "rectify_search_grams(rectify_search_fold(text))", **MEASURES, picks=MEASURES_OF
    ),
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
    for name, table in TABLES.items():
        cursor.execute(
            f"INSERT INTO {name}({name}, rowid, {table.column}) SELECT 'delete', {table.rowid}, {table.text} "
            f"FROM {table.indexed} WHERE {table.picks.format(where=where)}",
            params,
        )
    cursor.execute(
        f"DELETE FROM rectify_search_indexed WHERE issue_id IN (SELECT id FROM {INDEXED_DOCUMENTS} WHERE {where})",
        params,
    )


def add(cursor, where: str, params) -> None:
    """Index the documents of the problems `where` picks, as they are now."""
    for name, table in TABLES.items():
        cursor.execute(
            f"INSERT INTO {name}(rowid, {table.column}) SELECT {table.rowid}, {table.text} "
            f"FROM {table.now} WHERE {table.picks.format(where=where)}",
            params,
        )
    cursor.execute(
        f"INSERT INTO rectify_search_indexed (issue_id, key) SELECT id, key FROM {DOCUMENTS} WHERE {where}", params
    )


# Statements that make rectify_search_indexed say what a fill (below) indexed.
RECORD_FILL = [
    "DELETE FROM rectify_search_indexed",
    f"INSERT INTO rectify_search_indexed (issue_id, key) SELECT id, key FROM {DOCUMENTS}",
]


def fill_statements(name: str) -> list[str]:
    """The statements that index every document into the table `name`, which must be empty, with bulk
    settings (migrations keep frozen copies of them)."""
    table = TABLES[name]
    return [
        f"INSERT INTO {name}({name}, rank) VALUES ('automerge', 0)",
        f"INSERT INTO {name}({name}, rank) VALUES ('hashsize', {BULK_HASHSIZE})",
        f"INSERT INTO {name}(rowid, {table.column}) SELECT {table.rowid}, {table.text} FROM {table.now}",
        f"INSERT INTO {name}({name}) VALUES ('optimize')",
        f"INSERT INTO {name}({name}, rank) VALUES ('automerge', {FTS5_AUTOMERGE})",
        f"INSERT INTO {name}({name}, rank) VALUES ('hashsize', {FTS5_HASHSIZE})",
    ]


def fill(cursor, name: str) -> None:
    """Index every document into the table `name`, which must be empty, with bulk settings."""
    for statement in fill_statements(name):
        cursor.execute(statement)


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
        register_sqlite_functions(connection)  # the views RECORD_FILL reads name rectify_search_fold
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
            workers = min(len(TABLES), os.cpu_count() or 1)
            with ProcessPoolExecutor(workers, mp_context=get_context("fork")) as pool:
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
