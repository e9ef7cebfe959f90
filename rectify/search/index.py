"""Index upkeep: rebuild, pause for a bulk load, index a report once, and the paused check.

The index itself (tables, triggers, functions) is created by migrations; the SQL live today is
readable in sql_sqlite.py and sql_postgres.py. SQLite's from-scratch fill is in sqlite.py.
"""

import contextlib
import json
from collections.abc import Iterable
from pathlib import Path

from django.conf import settings
from django.core import checks
from django.db import DatabaseError, connections, router, transaction

from rectify.models import Issue, Measure
from rectify.search import sqlite


def is_paused(using: str | None = None) -> bool:
    """Whether the search triggers are switched off (index_paused, or a bulk import killed mid-way)."""
    with connections[using or router.db_for_write(Issue)].cursor() as cursor:
        cursor.execute("SELECT 1 FROM rectify_search_paused")
        return cursor.fetchone() is not None


def check_index_paused(app_configs=None, databases=None, **kwargs):
    """Warn while the search index is paused: searches miss what was loaded since the pause.

    Registered without the database tag, so a plain `manage.py check` runs it (Django runs
    database-tagged checks only when given --database). A warning, not an error: a paused index
    shows no unpublished problem (IssueHits reads publication from the table then) and the next
    import_reports rebuilds it, and an error would stop every command, the repairing ones too.
    """
    warnings = []
    for alias in settings.DATABASES if databases is None else databases:
        connection = connections[alias]
        file = connection.vendor == "sqlite" and not connection.is_in_memory_db()
        if file and not Path(connection.settings_dict["NAME"]).exists():
            continue  # connecting would create an empty database file
        try:
            if "rectify_search_paused" not in connection.introspection.table_names():
                continue  # not migrated yet
            paused = is_paused(alias)
        except DatabaseError:
            continue  # no database to ask (a build step); commands that need one say so
        if paused:
            warnings.append(
                checks.Warning(
                    f"The search index of database {alias!r} is paused: a bulk import (--defer-index) is "
                    "running or stopped before it rebuilt the index, so searches miss what it loaded.",
                    hint="If no import is running: `manage.py rebuild_search_index`, or any `import_reports` "
                    "run, which rebuilds the index when it ends.",
                    id="rectify.W001",
                )
            )
    return warnings


def rebuild_index(using: str | None = None) -> dict[str, int]:
    """Rebuild every search index from the tables and switch the triggers back on; idempotent.

    Return the documents indexed.
    """
    alias = using or router.db_for_write(Issue)
    connection = connections[alias]
    counts = {"issues": Issue.objects.using(alias).count(), "measures": Measure.objects.using(alias).count()}
    # An index rebuilt from the tables is whole again, even after a bulk import that was killed; and a
    # rebuild follows a bulk load, so fresh statistics let the planner pick the selective index
    # (facet counts go from a scan of every problem of a status to the few inspections chosen).
    finish = ["DELETE FROM rectify_search_paused", "ANALYZE"]
    if (
        connection.vendor == "sqlite"
        and not connection.in_atomic_block
        and not connection.is_in_memory_db()
        and sqlite.worth_building_in_parallel(counts["issues"])
    ):
        connection.close()  # the tables are put in place by a connection of sqlite_index's own
        sqlite.rebuild_in_parallel(Path(connection.settings_dict["NAME"]), finish=finish)
        return counts
    with transaction.atomic(using=alias), connection.cursor() as cursor:
        # The switch goes first: on PostgreSQL this waits for every report transaction that saw the
        # index paused (indexed_once_after locks the row FOR SHARE) to commit, and each statement
        # below then reads their rows; a report begun after it waits, then indexes itself.
        cursor.execute(finish[0])
        if connection.vendor == "sqlite":
            with _sqlite_page_cache(cursor, sqlite.REBUILD_CACHE_KIB):
                for table in sqlite.TABLES:
                    cursor.execute(f"INSERT INTO {table}({table}) VALUES ('delete-all')")
                    sqlite.fill(cursor, table)
                for statement in sqlite.RECORD_FILL:
                    cursor.execute(statement)
        else:
            cursor.execute("SELECT rectify_search_rebuild()")
        for statement in finish[1:]:
            cursor.execute(statement)
    return counts


@contextlib.contextmanager
def _sqlite_page_cache(cursor, kib: int):
    """Run with `kib` of page cache (negative: KiB), then give the connection its own size back.

    FTS5 merges its segments as it rebuilds; with less cache than the index's working set each
    merge re-reads pages from the OS (terabytes at 1M measures).
    """
    cursor.execute("PRAGMA cache_size")
    (own,) = cursor.fetchone()
    cursor.execute(f"PRAGMA cache_size = {int(kib)}")
    try:
        yield
    finally:
        cursor.execute(f"PRAGMA cache_size = {int(own)}")


@contextlib.contextmanager
def index_paused(using: str | None = None):
    """Switch the search triggers off for a bulk load, then rebuild the index once.

    The switch is database-wide: other writers during the pause are covered by the rebuild, which
    switches the triggers back on in its own transaction. A process killed (or a rebuild failing)
    before then leaves the switch on: check_index_paused reports it, search reads publication from
    the problems' rows meanwhile, and the next import_reports run rebuilds the index when it ends.
    """
    alias = using or router.db_for_write(Issue)
    with connections[alias].cursor() as cursor:
        cursor.execute("INSERT INTO rectify_search_paused (id) VALUES (1) ON CONFLICT DO NOTHING")
    try:
        yield
    finally:
        rebuild_index(alias)


@contextlib.contextmanager
def indexed_once_after(report_id: int, *, indexed_ids: Iterable[int] = ()):
    """Index a report's problems once, after a load has written them, instead of once per row.

    Row by row, each measure written re-indexes its whole problem document (n² characters for n
    measures). `indexed_ids` are problems already indexed that the load may change (a newer report
    on the same inspection). Those and the problems the report already discloses (a corrected
    re-import) are taken out of the index first, while their documents still hold the text and key
    they were indexed under (an FTS5 delete must be given exactly those); at the end the same set,
    with the problems the load added, is indexed as it now is. The pause row lives inside the
    report's transaction: other connections never see it (SQLite has one writer; PostgreSQL shows
    no uncommitted row), and a failure rolls it back with everything else.
    """
    connection = connections[router.db_for_write(Issue)]
    touched = "id IN (SELECT id FROM rectify_issue WHERE report_id = %s) OR id IN (SELECT value FROM json_each(%s))"
    params = [report_id, json.dumps(sorted(indexed_ids))]
    with connection.cursor() as cursor:
        # FOR SHARE (PostgreSQL): a rebuild cannot switch the index back on until this report has
        # committed, so it never misses the rows this report leaves unindexed.
        cursor.execute(
            "SELECT 1 FROM rectify_search_paused" + (" FOR SHARE" if connection.vendor == "postgresql" else "")
        )
        if cursor.fetchone():  # index_paused is on: its rebuild indexes everything at the end
            yield
            return
        if connection.vendor == "sqlite":
            sqlite.remove(cursor, touched, params)
        cursor.execute("INSERT INTO rectify_search_paused (id) VALUES (1)")
    yield
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM rectify_search_paused")
        if connection.vendor == "sqlite":
            sqlite.add(cursor, touched, params)  # what migration 0007's triggers add, once per problem
        else:  # rectify_search_refresh replaces whatever the index holds for these problems
            cursor.execute(
                "SELECT rectify_search_refresh(ARRAY(SELECT id FROM rectify_issue WHERE report_id = %s "
                "UNION SELECT jsonb_array_elements_text(%s::jsonb)::bigint))",
                params,
            )
