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
from contextvars import ContextVar, Token
from hashlib import sha256

from django.core.cache import cache
from django.db import DatabaseError, connections, transaction
from django.utils import timezone, translation

from rectify import routers

# name -> (data version, value): lookup tables kept in this process (see held_in_process).
_held: dict[str, tuple[int, object]] = {}


# (alias, version) read once for a whole read-only request (see version_for_request).
_request_version: ContextVar[tuple[str, int] | None] = ContextVar("rectify_request_version", default=None)


def data_version(using: str | None = None) -> int:
    """The archive's version: higher after every committed write to its tables.

    Read where this request's reads go (rectify.routers): a replica's version names what it holds.
    """
    using = using or routers.read_alias()
    known = _request_version.get()
    if known is not None and known[0] == using:
        return known[1]
    with connections[using].cursor() as cursor:
        cursor.execute("SELECT version FROM rectify_data_version")
        return cursor.fetchone()[0]


def version_for_request(using: str | None = None) -> tuple[int, Token]:
    """Read the version once for a request that only reads; its later data_version() calls reuse it.

    Used by rectify.httpcache for the public pages: the version labels the response (its ETag) and
    keys the counts it shows (remembered), so one read serves both. Reads after it may see newer
    rows than it names, never older: counts cached under it are at least as new as it says, and a
    page newer than its ETag is simply sent again on the next request. End with
    `forget_request_version(token)`.
    """
    using = using or routers.read_alias()
    version = data_version(using)
    return version, _request_version.set((using, version))


def forget_request_version(token: Token) -> None:
    _request_version.reset(token)


# Tables whose writes move the version on by themselves (triggers, migration 0009).
TRIGGERED_TABLES = frozenset(
    {"rectify_unit", "rectify_inspection", "rectify_report", "rectify_category", "rectify_issue", "rectify_measure"}
)
WRITE_STATEMENT = re.compile(
    r'\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM)\s+"?(rectify_(?!data_version\b)\w+)"?', re.I
)
BUMP = "UPDATE rectify_data_version SET version = version + 1"
BUMP_IF_PRESENT = f"DO $$ BEGIN IF to_regclass('rectify_data_version') IS NOT NULL THEN {BUMP}; END IF; END $$"


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
    if written and written[1] not in TRIGGERED_TABLES:
        _move_version_on(context["connection"])
    return result


def _move_version_on(connection) -> None:
    """Bump the version on the driver's own cursor (no wrappers, no query log), if its table exists.

    Migrations before 0009 write tables too, and the table may come and go under a live connection
    (a migration reversed and reapplied), so its presence is asked each time, at no extra round trip.
    """
    cursor = connection.connection.cursor()
    try:
        if connection.vendor == "postgresql":
            cursor.execute(
                f"DO $$ BEGIN IF to_regclass('rectify_data_version') IS NOT NULL THEN {BUMP}; END IF; END $$"
            )
        else:
            try:
                cursor.execute(BUMP)
            except connection.Database.OperationalError as error:  # SQLite: the statement fails alone
                if "no such table" not in str(error):
                    raise
    finally:
        cursor.close()


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
