"""Remember what a page counts until the archive next changes.

Facet counts over 200,000 problems take a second; they change only when an import, an admin edit
or a review writes to the tables, and each such write moves rectify_data_version on (database
triggers, migration 0009). An entry is keyed by that version, the day (deadlines turn overdue at
midnight) and the language (labels are translated), so a stale entry is never read: it is simply
never asked for again, and the cache's own size limit drops it.
"""

import contextlib
import json
from collections.abc import Callable
from hashlib import sha256

from django.core.cache import cache
from django.db import DatabaseError, connections, transaction
from django.utils import timezone, translation

# name -> (data version, value): lookup tables kept in this process (see held_in_process).
_held: dict[str, tuple[int, object]] = {}


def data_version(using: str = "default") -> int:
    """The archive's version: higher after every committed write to its tables."""
    with connections[using].cursor() as cursor:
        cursor.execute("SELECT version FROM rectify_data_version")
        return cursor.fetchone()[0]


def remembered(name: str, compute: Callable[[], object], *parts: str, using: str = "default"):
    """`compute()`, or what it gave for the same name and parts since the archive last changed.

    `compute()` reads one snapshot of the database (see snapshot): several queries that count the
    same rows agree with each other even while an import commits. That snapshot is at least as new
    as the version in the key, so an entry never holds counts older than its key says.
    """
    digest = sha256(json.dumps(parts).encode()).hexdigest()  # JSON: no part can pass for two
    key = f"rectify:{name}:{data_version(using)}:{timezone.localdate():%Y%m%d}:{translation.get_language()}:{digest}"
    value = cache.get(key)
    if value is None:
        with snapshot(using):
            value = compute()
        cache.set(key, value)
    return value


@contextlib.contextmanager
def snapshot(using: str = "default"):
    """Run the reads inside against one consistent view of the database.

    PostgreSQL: a REPEATABLE READ transaction (its default, READ COMMITTED, gives each statement
    the commits made before it). SQLite: a deferred read transaction, which in WAL mode reads the
    database as of its first read while writers go on (Rectify's connections begin IMMEDIATE
    transactions, which would queue every page behind an import's write lock). Inside a
    transaction already, that transaction is the view. Only reads belong inside.
    """
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


def held_in_process(name: str, compute: Callable[[], object], *, using: str = "default"):
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
