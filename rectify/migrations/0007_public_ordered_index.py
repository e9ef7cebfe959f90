"""SQLite: one problem-level search index whose row ids say what is public and in what order.

Until now SQLite kept four FTS5 indexes (problems and measures, each a trigram index for 3+
characters and a GAP-spaced one for 1-2), keyed by the row's id. Two costs followed at 200,000
problems: counting the *published* matches of a common term joined every hit to its report
(170 ms for 党), and the first page sorted every hit. Each report also added its measure text to
the index twice (once in its problem's document, once in the measure's own).

Now:
- Only problem documents are indexed (title, description and every measure, joined by U+001F);
  a measure search takes the problems whose document matches and tests their measures' text,
  which halves the work of every import.
- A document's FTS5 row id is its search key (rectify.search.search_key): a published problem's
  key orders newest report first and is at least 2**32; a draft's key is its bare id. So the index
  alone counts the published matches (rowid >= 2**32) and reads the first page in display order;
  the problem id is the key's low 32 bits.
- The tables are contentless (nothing is read back from them) and keep no column sizes (nothing
  is ranked). Triggers remove a document, with the text and key it was indexed under, before any
  write that changes either, and add it back after: problem title, description or report;
  measure text or problem; a report's publication or date. The key a document was indexed under
  is kept in rectify_search_indexed, so a removal never depends on the report still being there.

PostgreSQL is untouched here.
"""

import importlib

from django.db import migrations

from rectify.search.text import register_sqlite_functions

initial_index = importlib.import_module("rectify.migrations.0003_search_index")
faster_grams = importlib.import_module("rectify.migrations.0006_faster_grams")

# date.max.toordinal() + 1: a published key's high part is at least 1 (see rectify.search.search_key).
LAST_DAY = 3652060
# julianday() of 0001-01-01 minus 1, so that julianday(d) - this = date.toordinal().
JULIAN_ORDINAL_OFFSET = 1721424.5

BODY = """lower(i.title || char(31) || i.description || coalesce(char(31) || (
           SELECT group_concat(m.text, char(31)) FROM (
               SELECT text FROM rectify_measure WHERE issue_id = i.id ORDER BY id
           ) AS m
       ), ''))"""

SQLITE_CREATE = f"""
CREATE TABLE rectify_search_paused (id integer PRIMARY KEY CHECK (id = 1));

-- The key each indexed document was indexed under: a removal must give FTS5 exactly that, and
-- the report it was computed from may be gone or changed by then.
CREATE TABLE rectify_search_indexed (issue_id integer PRIMARY KEY, key integer NOT NULL);

-- Every problem's document as it is now, with the key it should be indexed under.
CREATE VIEW rectify_search_document AS
SELECT i.id AS id,
       CASE WHEN r.is_published THEN (({LAST_DAY} - coalesce(CAST(
           julianday(coalesce(r.published_date, r.signed_date, r.disclosure_start)) - {JULIAN_ORDINAL_OFFSET}
           AS integer), 0)) << 32) | i.id
       ELSE i.id END AS key,
       {BODY} AS body
FROM rectify_issue AS i JOIN rectify_report AS r ON r.id = i.report_id;

-- Every indexed problem's document as it is now, with the key it was indexed under.
CREATE VIEW rectify_search_indexed_document AS
SELECT i.id AS id, k.key AS key, {BODY} AS body
FROM rectify_search_indexed AS k JOIN rectify_issue AS i ON i.id = k.issue_id;

CREATE VIRTUAL TABLE rectify_search_issue USING fts5(
    body, content='', columnsize=0, tokenize='trigram case_sensitive 1'
);
CREATE VIRTUAL TABLE rectify_search_issue_grams USING fts5(
    grams, content='', columnsize=0, detail=none, tokenize='trigram case_sensitive 1'
)
"""

REMOVE = """
    INSERT INTO rectify_search_issue(rectify_search_issue, rowid, body)
        SELECT 'delete', key, body FROM rectify_search_indexed_document WHERE id IN ({ids});
    INSERT INTO rectify_search_issue_grams(rectify_search_issue_grams, rowid, grams)
        SELECT 'delete', key, rectify_search_grams(body) FROM rectify_search_indexed_document WHERE id IN ({ids});
    DELETE FROM rectify_search_indexed WHERE issue_id IN ({ids});
"""
ADD = """
    INSERT INTO rectify_search_issue(rowid, body)
        SELECT key, body FROM rectify_search_document WHERE id IN ({ids});
    INSERT INTO rectify_search_issue_grams(rowid, grams)
        SELECT key, rectify_search_grams(body) FROM rectify_search_document WHERE id IN ({ids});
    INSERT INTO rectify_search_indexed (issue_id, key) SELECT id, key FROM rectify_search_document WHERE id IN ({ids});
"""
ACTIVE = "NOT EXISTS (SELECT 1 FROM rectify_search_paused)"
ISSUE_CHANGED = "(OLD.title IS NOT NEW.title OR OLD.description IS NOT NEW.description OR OLD.report_id IS NOT NEW.report_id)"
MEASURE_CHANGED = "(OLD.text IS NOT NEW.text OR OLD.issue_id IS NOT NEW.issue_id)"
# The fields a key is made of (Report.date: published, else signed, else disclosure start).
REPORT_CHANGED = (
    "(OLD.is_published IS NOT NEW.is_published OR OLD.published_date IS NOT NEW.published_date"
    " OR OLD.signed_date IS NOT NEW.signed_date OR OLD.disclosure_start IS NOT NEW.disclosure_start)"
)
REPORT_ISSUES = "SELECT id FROM rectify_issue WHERE report_id = {report}.id"

SQLITE_TRIGGERS = [
    ("issue_ai", "AFTER INSERT ON rectify_issue", ACTIVE, ADD.format(ids="NEW.id")),
    ("issue_bu", "BEFORE UPDATE ON rectify_issue", f"{ACTIVE} AND {ISSUE_CHANGED}", REMOVE.format(ids="OLD.id")),
    ("issue_au", "AFTER UPDATE ON rectify_issue", f"{ACTIVE} AND {ISSUE_CHANGED}", ADD.format(ids="NEW.id")),
    ("issue_bd", "BEFORE DELETE ON rectify_issue", ACTIVE, REMOVE.format(ids="OLD.id")),
    ("measure_bi", "BEFORE INSERT ON rectify_measure", ACTIVE, REMOVE.format(ids="NEW.issue_id")),
    ("measure_ai", "AFTER INSERT ON rectify_measure", ACTIVE, ADD.format(ids="NEW.issue_id")),
    (
        "measure_bu",
        "BEFORE UPDATE ON rectify_measure",
        f"{ACTIVE} AND {MEASURE_CHANGED}",
        REMOVE.format(ids="OLD.issue_id, NEW.issue_id"),
    ),
    (
        "measure_au",
        "AFTER UPDATE ON rectify_measure",
        f"{ACTIVE} AND {MEASURE_CHANGED}",
        ADD.format(ids="OLD.issue_id, NEW.issue_id"),
    ),
    ("measure_bd", "BEFORE DELETE ON rectify_measure", ACTIVE, REMOVE.format(ids="OLD.issue_id")),
    ("measure_ad", "AFTER DELETE ON rectify_measure", ACTIVE, ADD.format(ids="OLD.issue_id")),
    (
        "report_bu",
        "BEFORE UPDATE ON rectify_report",
        f"{ACTIVE} AND {REPORT_CHANGED}",
        REMOVE.format(ids=REPORT_ISSUES.format(report="OLD")),
    ),
    (
        "report_au",
        "AFTER UPDATE ON rectify_report",
        f"{ACTIVE} AND {REPORT_CHANGED}",
        ADD.format(ids=REPORT_ISSUES.format(report="NEW")),
    ),
]

# Filling an index: flush every 64 MB and merge nothing on the way, then merge each table once
# ('optimize'); for the writes that follow, merge 16 segments at a time (each import flushes one)
# and flush at FTS5's default 1 MB.
SQLITE_FILL = ["INSERT INTO rectify_search_indexed (issue_id, key) SELECT id, key FROM rectify_search_document"]
for _table, _column, _text in (
    ("rectify_search_issue", "body", "body"),
    ("rectify_search_issue_grams", "grams", "rectify_search_grams(body)"),
):
    SQLITE_FILL += [
        f"INSERT INTO {_table}({_table}, rank) VALUES ('automerge', 0)",
        f"INSERT INTO {_table}({_table}, rank) VALUES ('hashsize', 67108864)",
        f"INSERT INTO {_table}(rowid, {_column}) SELECT key, {_text} FROM rectify_search_document",
        f"INSERT INTO {_table}({_table}) VALUES ('optimize')",
        f"INSERT INTO {_table}({_table}, rank) VALUES ('automerge', 16)",
        f"INSERT INTO {_table}({_table}, rank) VALUES ('hashsize', 1048576)",
    ]

SQLITE_DROP = """
DROP TABLE IF EXISTS rectify_search_issue;
DROP TABLE IF EXISTS rectify_search_issue_grams;
DROP VIEW IF EXISTS rectify_search_document;
DROP VIEW IF EXISTS rectify_search_indexed_document;
DROP TABLE IF EXISTS rectify_search_indexed;
DROP TABLE IF EXISTS rectify_search_paused
"""


def _statements(script: str) -> list[str]:
    return [statement.strip() for statement in script.split(";") if statement.strip()]


def sqlite_statements() -> list[str]:
    statements = _statements(SQLITE_CREATE)
    for name, event, condition, body in SQLITE_TRIGGERS:
        statements.append(f"CREATE TRIGGER rectify_search_{name} {event} FOR EACH ROW WHEN {condition} BEGIN {body} END")
    return [*statements, *SQLITE_FILL]


def to_public_ordered(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        register_sqlite_functions(connection.connection)
        initial_index.drop_index(apps, schema_editor)
        for statement in sqlite_statements():
            schema_editor.execute(statement, params=None)


def to_four_indexes(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        register_sqlite_functions(connection.connection)
        for name, *_ in SQLITE_TRIGGERS:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS rectify_search_{name}", params=None)
        for statement in _statements(SQLITE_DROP):
            schema_editor.execute(statement, params=None)
        # Exactly what 0003 built and 0006 changed, from their own frozen code.
        initial_index.create_index(apps, schema_editor)
        faster_grams.to_trigrams(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("rectify", "0006_faster_grams"),
    ]

    operations = [migrations.RunPython(to_public_ordered, to_four_indexes)]
