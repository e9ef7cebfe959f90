"""Issue.is_published: a copy of its report's publication, kept by database triggers.

Every public list, count and facet filters on publication; through the report that was a join per
problem (73 ms to count the open problems of 200,000, 2 ms from an index on the problem). The copy
follows any write, as the search index does: a problem's report changing, a report published or
withdrawn, or the flag itself written wrongly.

The column is added with ALTER TABLE ... ADD COLUMN ... DEFAULT (instant on both databases):
Django's AddField on SQLite rebuilds a table whose new column is NOT NULL, and a rebuilt table has
lost its triggers, the search index's among them.
"""

from django.db import migrations, models

ADD_COLUMN = "ALTER TABLE rectify_issue ADD COLUMN is_published boolean NOT NULL DEFAULT true"
DROP_COLUMN = "ALTER TABLE rectify_issue DROP COLUMN is_published"

REPORT_PUBLICATION = "(SELECT is_published FROM rectify_report WHERE id = NEW.report_id)"
BACKFILL = (
    "UPDATE rectify_issue SET is_published = "
    "(SELECT r.is_published FROM rectify_report AS r WHERE r.id = rectify_issue.report_id)"
)

SQLITE_TRIGGERS = {
    "rectify_issue_published_ai": f"""
        AFTER INSERT ON rectify_issue FOR EACH ROW WHEN NEW.is_published IS NOT {REPORT_PUBLICATION}
        BEGIN UPDATE rectify_issue SET is_published = {REPORT_PUBLICATION} WHERE id = NEW.id; END""",
    "rectify_issue_published_au": f"""
        AFTER UPDATE OF report_id, is_published ON rectify_issue FOR EACH ROW
        WHEN NEW.is_published IS NOT {REPORT_PUBLICATION}
        BEGIN UPDATE rectify_issue SET is_published = {REPORT_PUBLICATION} WHERE id = NEW.id; END""",
    "rectify_report_published_au": """
        AFTER UPDATE OF is_published ON rectify_report FOR EACH ROW WHEN OLD.is_published IS NOT NEW.is_published
        BEGIN UPDATE rectify_issue SET is_published = NEW.is_published WHERE report_id = NEW.id; END""",
}

POSTGRES_CREATE = f"""
CREATE FUNCTION rectify_issue_published() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    NEW.is_published := {REPORT_PUBLICATION};
    RETURN NEW;
END
$$;
CREATE TRIGGER rectify_issue_published BEFORE INSERT OR UPDATE OF report_id, is_published ON rectify_issue
    FOR EACH ROW EXECUTE FUNCTION rectify_issue_published();

CREATE FUNCTION rectify_report_published() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    UPDATE rectify_issue SET is_published = NEW.is_published WHERE report_id = NEW.id;
    RETURN NULL;
END
$$;
CREATE TRIGGER rectify_report_published AFTER UPDATE OF is_published ON rectify_report
    FOR EACH ROW WHEN (OLD.is_published IS DISTINCT FROM NEW.is_published)
    EXECUTE FUNCTION rectify_report_published();
"""
POSTGRES_DROP = """
DROP TRIGGER IF EXISTS rectify_report_published ON rectify_report;
DROP FUNCTION IF EXISTS rectify_report_published();
DROP TRIGGER IF EXISTS rectify_issue_published ON rectify_issue;
DROP FUNCTION IF EXISTS rectify_issue_published();
"""


def create_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for name, body in SQLITE_TRIGGERS.items():
            schema_editor.execute(f"CREATE TRIGGER {name} {body}", params=None)
    elif vendor == "postgresql":
        schema_editor.execute(POSTGRES_CREATE, params=None)
    schema_editor.execute(BACKFILL, params=None)


def drop_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for name in SQLITE_TRIGGERS:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}", params=None)
    elif vendor == "postgresql":
        schema_editor.execute(POSTGRES_DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("rectify", "0007_public_ordered_index"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunSQL(ADD_COLUMN, DROP_COLUMN)],
            state_operations=[
                migrations.AddField(
                    model_name="issue",
                    name="is_published",
                    field=models.BooleanField(
                        default=True,
                        editable=False,
                        help_text="与最近公开该问题的通报一致，由数据库触发器维护。",
                        verbose_name="已公开",
                    ),
                ),
            ],
        ),
        migrations.RunPython(create_triggers, drop_triggers),
        # SQLite's planner scanned the status index to group facet counts in status order, reading
        # every problem instead of the few that filters on region, level or kind pick (320 ms).
        migrations.RemoveIndex(model_name="issue", name="rectify_iss_status_8c7463_idx"),
        migrations.RemoveIndex(model_name="issue", name="issue_facets_idx"),
        migrations.AddIndex(
            model_name="issue",
            index=models.Index(
                fields=["inspection", "is_published", "status", "immediate", "due_date", "category"],
                name="issue_facets_idx",
            ),
        ),
    ]
