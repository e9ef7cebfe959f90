"""Building the SQLite search tables in worker processes gives the index a serial fill gives."""

import dataclasses
import sqlite3

import pytest
from django.db import connection

from rectify.search import query as search_query
from rectify.search import sqlite as search_sqlite
from rectify.search import text as search_text
from rectify.tests.test_search import sample_queries

pytestmark = [
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 tables"),
    # A file to build from (the test database lives in memory), written outside any transaction.
    pytest.mark.django_db(transaction=True),
]


def _matches(cursor, queries) -> dict[str, list[int]]:
    found = {}
    for query in queries:
        term = search_text.fold(search_text.normalise_query(query))
        if not term or not search_text.indexable(term):
            continue
        table, phrase = search_query._sqlite_table_and_phrase(term)
        cursor.execute(f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rowid", [phrase])
        found[query] = [row[0] for row in cursor.fetchall()]
    return found


@pytest.mark.parametrize("journal", ["wal", "delete"])
def test_a_parallel_rebuild_equals_the_serial_index_and_clears_the_pause(imported_seeds, tmp_path, journal):
    copy = tmp_path / "archive.sqlite3"
    with connection.cursor() as cursor:
        cursor.execute("VACUUM INTO %s", [str(copy)])
        queries = sample_queries()
        expected = _matches(cursor, queries)
    assert sum(map(len, expected.values())) > 100
    damaged = sqlite3.connect(copy, isolation_level=None)
    assert damaged.execute(f"PRAGMA journal_mode = {journal}").fetchone() == (journal,)
    for table in search_sqlite.TABLES:
        damaged.execute(f"INSERT INTO {table}({table}) VALUES ('delete-all')")
    damaged.execute("INSERT INTO rectify_search_paused (id) VALUES (1)")
    damaged.close()

    search_sqlite.rebuild_in_parallel(copy, finish=["DELETE FROM rectify_search_paused"])

    rebuilt = sqlite3.connect(copy, isolation_level=None)
    try:
        assert _matches(rebuilt.cursor(), queries) == expected
        for table in search_sqlite.TABLES:
            rebuilt.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
        assert rebuilt.execute("SELECT count(*) FROM rectify_search_paused").fetchone() == (0,)
        for table in search_sqlite.TABLES:  # the settings for live writes, not the fill's
            settings = dict(rebuilt.execute(f"SELECT k, v FROM {table}_config"))
            assert settings["automerge"] == search_sqlite.FTS5_AUTOMERGE
            assert settings["hashsize"] == search_sqlite.FTS5_HASHSIZE
        assert not list(tmp_path.glob("rectify-index-*"))  # the scratch files are gone
    finally:
        rebuilt.close()


def test_a_failing_worker_leaves_the_database_as_it_was(imported_seeds, tmp_path, monkeypatch):
    copy = tmp_path / "archive.sqlite3"
    with connection.cursor() as cursor:
        cursor.execute("VACUUM INTO %s", [str(copy)])
        expected = _matches(cursor, ["整改", "公众号"])
    grams = dataclasses.replace(search_sqlite.TABLES["rectify_search_issue_grams"], text="no_such_function(body)")
    monkeypatch.setitem(search_sqlite.TABLES, "rectify_search_issue_grams", grams)

    with pytest.raises(sqlite3.OperationalError, match="no_such_function"):
        search_sqlite.rebuild_in_parallel(copy)

    untouched = sqlite3.connect(copy)
    try:
        assert _matches(untouched.cursor(), ["整改", "公众号"]) == expected
    finally:
        untouched.close()
