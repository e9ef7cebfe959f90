"""Insert many rows of one model at once, without a model instance or the SQL compiler per row.

The loader writes a report's problems, measures and links with it; bulk_create costs several times
more per row at that volume. Knows nothing of reports: a database utility.
"""

from django.db import connections, router
from django.utils import timezone

# Field types whose Python values (str, int, bool, a key's int) go to either driver as they are; every
# other type (dates, JSON, decimals) goes through the field's get_db_prep_save, as bulk_create does.
AS_IS = {"CharField", "TextField", "IntegerField", "PositiveIntegerField", "BooleanField", "ForeignKey"}


def insert_rows(model, fields: tuple[str, ...], rows: list[tuple], *, key: tuple[str, ...] = ()) -> list[int]:
    """Insert `rows`, each the values of `fields` (attnames) in order, as bulk_create would store them.

    No model instance per row, no SQL compiler: one multi-row INSERT per batch of the size bulk_create
    uses. Columns not in `fields` take their default, auto_now(_add) ones the moment of the insert.
    Values must be hashable (a tuple for a JSON list): each distinct one is adapted once.
    With `key`, fields that tell the rows apart, return the new ids in row order, matched on the key
    (neither SQLite nor PostgreSQL promises RETURNING's rows in the order of the VALUES).
    """
    if not rows:
        return []
    connection = connections[router.db_for_write(model)]
    opts, qn, now = model._meta, connection.ops.quote_name, timezone.now()
    given = [opts.get_field(name) for name in fields]
    rest = [field for field in opts.concrete_fields if not field.primary_key and field.attname not in fields]
    defaults = [
        field.get_db_prep_save(
            now if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False) else field.get_default(),
            connection,
        )
        for field in rest
    ]
    adapted = [(i, field) for i, field in enumerate(given) if field.get_internal_type() not in AS_IS]
    prepared: dict[tuple[int, object], object] = {}  # most measures name no date: dates=() is adapted once
    columns = ", ".join(qn(field.column) for field in given + rest)
    placeholders = f"({', '.join(['%s'] * (len(given) + len(rest)))})"
    returning = f" RETURNING {', '.join(qn(opts.get_field(name).column) for name in (opts.pk.attname, *key))}"
    batch_size = max(connection.ops.bulk_batch_size(given + rest, rows), 1)
    ids: dict[tuple, int] = {}
    with connection.cursor() as cursor:
        for start in range(0, len(rows), batch_size):
            batch, params = rows[start : start + batch_size], []
            for row in batch:
                if adapted:
                    row = list(row)
                    for i, field in adapted:
                        if (i, row[i]) not in prepared:
                            prepared[i, row[i]] = field.get_db_prep_save(row[i], connection)
                        row[i] = prepared[i, row[i]]
                params += row
                params += defaults
            sql = f"INSERT INTO {qn(opts.db_table)} ({columns}) VALUES {', '.join([placeholders] * len(batch))}"
            cursor.execute(sql + returning if key else sql, params)
            if key:
                ids.update((tuple(returned[1:]), returned[0]) for returned in cursor.fetchall())
    if not key:
        return []
    at = [fields.index(name) for name in key]
    if len(ids) != len(rows):
        raise ValueError(f"{opts.label}: the key {key} does not tell the inserted rows apart")
    return [ids[tuple(row[i] for i in at)] for row in rows]
