"""A counter that every write to the archive's tables moves on, so pages can cache what they count.

Facet counts, totals and charts change only when problems, measures, reports, inspections, units
or categories do; rectify.caching keys its entries by this counter, and triggers (not the code
that writes) move it, so no write path can forget to. The counter is a row, not a sequence: a
sequence moves before the writer commits, and a page read in between would cache old counts
under the new version.
"""

from django.db import migrations

TABLES = (
    "rectify_unit",
    "rectify_inspection",
    "rectify_report",
    "rectify_category",
    "rectify_issue",
    "rectify_measure",
)
CREATE_TABLE = """
CREATE TABLE rectify_data_version (id integer PRIMARY KEY CHECK (id = 1), version bigint NOT NULL);
INSERT INTO rectify_data_version (id, version) VALUES (1, 1)
"""
BUMP = "UPDATE rectify_data_version SET version = version + 1"
SQLITE_EVENTS = {"ai": "AFTER INSERT", "au": "AFTER UPDATE", "ad": "AFTER DELETE"}

POSTGRES_FUNCTION = f"""
CREATE FUNCTION rectify_data_changed() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    {BUMP};
    RETURN NULL;
END
$$
"""


def _statements(script: str) -> list[str]:
    return [statement.strip() for statement in script.split(";") if statement.strip()]


def create_version(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = _statements(CREATE_TABLE)
    if vendor == "sqlite":  # SQLite has row triggers only; a bump per row is a write of one page
        for table in TABLES:
            for suffix, event in SQLITE_EVENTS.items():
                statements.append(
                    f"CREATE TRIGGER {table}_version_{suffix} {event} ON {table} FOR EACH ROW BEGIN {BUMP}; END"
                )
    elif vendor == "postgresql":
        statements.append(POSTGRES_FUNCTION)
        statements += [
            f"CREATE TRIGGER {table}_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION rectify_data_changed()"
            for table in TABLES
        ]
    for statement in statements:
        schema_editor.execute(statement, params=None)


def drop_version(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = []
    if vendor == "sqlite":
        statements = [f"DROP TRIGGER IF EXISTS {table}_version_{suffix}" for table in TABLES for suffix in SQLITE_EVENTS]
    elif vendor == "postgresql":
        statements = [f"DROP TRIGGER IF EXISTS {table}_version ON {table}" for table in TABLES]
        statements.append("DROP FUNCTION IF EXISTS rectify_data_changed()")
    for statement in [*statements, "DROP TABLE rectify_data_version"]:
        schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("rectify", "0008_issue_is_published"),
    ]

    operations = [migrations.RunPython(create_version, drop_version)]
