"""Remember what a page counts until the archive next changes.

Facet counts over 200,000 problems take a second; they change only when an import, an admin edit
or a review writes to the tables, and each such write moves rectify_data_version on (database
triggers, migration 0009). An entry is keyed by that version, the day (deadlines turn overdue at
midnight) and the language (labels are translated), so a stale entry is never read: it is simply
never asked for again, and the cache's own size limit drops it.
"""

import contextlib
import json
import re
from collections.abc import Callable
from hashlib import sha256

from django.core.cache import cache
from django.db import DatabaseError, connections, transaction
from django.utils import timezone, translation

from rectify import routers

# name -> (data version, value): lookup tables kept in this process (see held_in_process).
_held: dict[str, tuple[int, object]] = {}


def data_version(using: str | None = None) -> int:
    """The archive's version: higher after every committed write to its tables.

    Read where this request's reads go (rectify.routers): a replica's version names what it holds.
    """
    with connections[using or routers.read_alias()].cursor() as cursor:
        cursor.execute("SELECT version FROM rectify_data_version")
        return cursor.fetchone()[0]


# Tables whose writes move the version on by themselves (triggers, migration 0009).
TRIGGERED_TABLES = frozenset(
    {"rectify_unit", "rectify_inspection", "rectify_report", "rectify_category", "rectify_issue", "rectify_measure"}
)
WRITE_STATEMENT = re.compile(
    r'\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM)\s+"?(rectify_(?!data_version\b)\w+)"?', re.I
)
BUMP = "UPDATE rectify_data_version SET version = version + 1"


def version_untracked_writes(execute, sql, params, many, context):
    """Move the version on after a write to a table without a trigger (an execute wrapper).

    Public pages show more than the six triggered tables: status histories, disclosures, sums,
    progress updates, evidence, corrections. An HTTP validator that missed a write there would keep
    a proxy serving, say, a review comment after the office hid it. Triggers would be the place for
    this (a migration); until then every statement the site runs through Django is seen here. The
    bump runs on its own cursor in the same transaction, after the write succeeded.
    """
    result = execute(sql, params, many, context)
    written = WRITE_STATEMENT.match(sql)
    connection = context["connection"]
    if written and written[1] not in TRIGGERED_TABLES and _has_version(connection):
        cursor = connection.connection.cursor()  # the driver's own: no wrappers, no query log
        try:
            cursor.execute(BUMP)
        finally:
            cursor.close()
    return result


def _has_version(connection) -> bool:
    """Whether migration 0009 has made the version table (migrations before it write tables too)."""
    if not getattr(connection, "rectify_has_version", False):
        connection.rectify_has_version = "rectify_data_version" in connection.introspection.table_names()
    return connection.rectify_has_version


def on_connection_created(sender, connection, **kwargs):
    """Install version_untracked_writes on each connection to the primary."""
    if connection.alias == "default" and version_untracked_writes not in connection.execute_wrappers:
        connection.execute_wrappers.append(version_untracked_writes)


def remembered(name: str, compute: Callable[[], object], *parts: str, using: str | None = None):
    """`compute()`, or what it gave for the same name and parts since the archive last changed.

    `compute()` reads one snapshot of the database (see snapshot): several queries that count the
    same rows agree with each other even while an import commits. That snapshot is at least as new
    as the version in the key, so an entry never holds counts older than its key says.
    """
    using = using or routers.read_alias()  # the version and the counts from the same server
    digest = sha256(json.dumps(parts).encode()).hexdigest()  # JSON: no part can pass for two
    key = f"rectify:{name}:{data_version(using)}:{timezone.localdate():%Y%m%d}:{translation.get_language()}:{digest}"
    value = cache.get(key)
    if value is None:
        with snapshot(using):
            value = compute()
        cache.set(key, value)
    return value


@contextlib.contextmanager
def snapshot(using: str | None = None):
    """Run the reads inside against one consistent view of the database.

    PostgreSQL: a REPEATABLE READ transaction (its default, READ COMMITTED, gives each statement
    the commits made before it). SQLite: a deferred read transaction, which in WAL mode reads the
    database as of its first read while writers go on (Rectify's connections begin IMMEDIATE
    transactions, which would queue every page behind an import's write lock). Inside a
    transaction already, that transaction is the view. Only reads belong inside.
    """
    using = using or routers.read_alias()
    connection = connections[using]
    if connection.in_atomic_block:
        yield
    elif connection.vendor == "postgresql":
        with transaction.atomic(using=using):
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            yield
    elif connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("BEGIN DEFERRED")
        try:
            yield
        except BaseException:
            with contextlib.suppress(DatabaseError), connection.cursor() as cursor:
                cursor.execute("ROLLBACK")  # a broken connection has no transaction left to end
            raise
        with connection.cursor() as cursor:
            cursor.execute("COMMIT")
    else:
        yield


def held_in_process(name: str, compute: Callable[[], object], *, using: str | None = None):
    """`compute()`, kept in this process's memory until the archive changes.

    For lookup tables of thousands of rows read on every request: a cache backend would pickle and
    unpickle them each time. Only the current version's value is kept.
    """
    version = data_version(using)
    held = _held.get(name)
    if held is None or held[0] != version:
        held = _held[name] = (version, compute())
    return held[1]


def clear() -> None:
    """Forget everything remembered (tests: a rolled-back write takes the version back)."""
    cache.clear()
    _held.clear()
