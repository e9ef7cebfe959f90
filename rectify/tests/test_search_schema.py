"""rectify/search/sql_sqlite.py and sql_postgres.py say what a migrated database really holds."""

import importlib
import re

import pytest
from django.db import connection

from rectify.search import folding, sql_postgres, sql_sqlite
from rectify.search import sqlite as search_sqlite

pytestmark = pytest.mark.django_db

LATEST_SEARCH_MIGRATION = "0019_search_schema"


def _plain(sql: str) -> str:
    """SQL without comments and with runs of whitespace as one space (what the database keeps varies)."""
    return " ".join(re.sub(r"--[^\n]*", "", sql).split())


def test_the_sqlite_module_is_the_schema_a_migrated_database_holds():
    if connection.vendor != "sqlite":
        pytest.skip("SQLite schema")
    with connection.cursor() as cursor:
        cursor.execute("SELECT name, sql FROM sqlite_master WHERE name LIKE 'rectify_search%' AND sql IS NOT NULL")
        held = {name: _plain(sql) for name, sql in cursor.fetchall()}
    written = {}
    for statement in sql_sqlite.SCHEMA:
        name = re.search(r"CREATE (?:VIRTUAL )?(?:TABLE|VIEW|TRIGGER) (\w+)", statement).group(1)
        written[name] = _plain(statement)
    assert {name: held.get(name) for name in written} == written
    # Nothing search-related is held that the module does not write (FTS5's own shadow tables aside).
    shadows = {f"{table}_{part}" for table in written for part in ("data", "idx", "config", "docsize", "content")}
    assert set(held) - shadows == set(written)


def test_the_postgres_module_is_the_schema_a_migrated_database_holds():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL schema")
    written = dict(re.findall(r"CREATE FUNCTION (\w+)\(.*?\bAS \$\$(.*?)\$\$", sql_postgres.SCHEMA, re.S))
    triggers = set(re.findall(r"CREATE TRIGGER (\w+)", sql_postgres.SCHEMA))
    with connection.cursor() as cursor:
        cursor.execute("SELECT proname, prosrc FROM pg_proc WHERE proname LIKE 'rectify_search%'")
        held = dict(cursor.fetchall())
        cursor.execute("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgname LIKE 'rectify_search%'")
        held_triggers = {row[0] for row in cursor.fetchall()}
    assert held == written
    assert held_triggers == triggers


def test_drop_undoes_every_object_the_schema_creates():
    sqlite_made = {
        re.search(r"CREATE (?:VIRTUAL )?(?:TABLE|VIEW|TRIGGER) (\w+)", s).group(1) for s in sql_sqlite.SCHEMA
    }
    sqlite_dropped = {re.search(r"DROP \w+ IF EXISTS (\w+)", s).group(1) for s in sql_sqlite.DROP}
    assert sqlite_made == sqlite_dropped
    outside_bodies = re.sub(r"\$\$.*?\$\$", "", sql_postgres.SCHEMA, flags=re.S)  # rebuild() makes its own indexes
    made = set(re.findall(r"CREATE (?:FUNCTION|TABLE|INDEX|TRIGGER) (\w+)", outside_bodies))
    assert made == set(re.findall(r"DROP \w+ IF EXISTS (\w+)", sql_postgres.DROP))


def test_the_latest_search_migration_holds_a_frozen_copy_of_the_modules():
    """A change to sql_sqlite.py or sql_postgres.py needs a migration with its own copy (see their docstring)."""
    latest = importlib.import_module(f"rectify.migrations.{LATEST_SEARCH_MIGRATION}")
    assert latest.SQLITE_SCHEMA == sql_sqlite.SCHEMA
    assert latest.SQLITE_DROP == sql_sqlite.DROP
    fill = [statement for name in search_sqlite.TABLES for statement in search_sqlite.fill_statements(name)]
    assert latest.SQLITE_FILL[1:] == fill
    assert latest.POSTGRES_SCHEMA == sql_postgres.SCHEMA
    assert latest.POSTGRES_DROP == sql_postgres.DROP


def test_the_folding_table_is_what_opencc_and_unicode_give():
    assert dict(zip(folding.FOLDED_FROM, folding.FOLDED_TO, strict=True)) == folding.derive()
    assert folding.fold("補助 意識形態 ＡＰＰ ２０２５ Wechat") == "补助 意识形态 app 2025 wechat"
    assert all(len(folding.fold(character)) == 1 for character in folding.FOLDED_FROM)
