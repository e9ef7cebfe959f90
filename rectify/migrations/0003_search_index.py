"""The Chinese substring-search index, kept in step with every write by database triggers.

Two documents are indexed: one per problem (its title, description and every measure, joined by
U+001F so no match can span two texts) and one per measure. Text is indexed with ASCII letters
lowered (SQLite's lower() and rectify_search_lower() on PostgreSQL touch nothing else), which makes
the search ASCII-case-insensitive and exact for every other character.

SQLite: FTS5 trigram tables (case_sensitive 1, over views that supply the lowered text) answer
queries of 3+ characters; contentless detail=none FTS5 tables of per-character and per-bigram
tokens answer 1-2 characters, which trigram MATCH cannot (and SQLite 3.40's trigram LIKE gets
wrong). The tokens come from rectify_search_grams(), a Python function registered on every
connection (rectify.search.register_sqlite_functions).

PostgreSQL: pg_trgm GIN indexes for 3+ characters and GIN indexes over rectify_search_grams(),
an array of the characters and bigrams, for 1-2. Problem documents live in a plain table filled by
statement-level triggers, so a bulk insert refreshes each problem once.

Both: while a row exists in rectify_search_paused the triggers do nothing (for bulk loads that then
call rectify.search.rebuild_index()).
"""

from django.db import migrations

from rectify.search.text import register_sqlite_functions

SQLITE_CREATE = r"""
CREATE TABLE rectify_search_paused (id integer PRIMARY KEY CHECK (id = 1));

CREATE VIEW rectify_search_issue_text AS
SELECT i.id AS id,
       lower(i.title || char(31) || i.description || coalesce(char(31) || (
           SELECT group_concat(m.text, char(31)) FROM (
               SELECT text FROM rectify_measure WHERE issue_id = i.id ORDER BY id
           ) AS m
       ), '')) AS body
FROM rectify_issue AS i;

CREATE VIEW rectify_search_measure_text AS
SELECT id, lower(text) AS body FROM rectify_measure;

CREATE VIRTUAL TABLE rectify_search_issue USING fts5(
    body, content='rectify_search_issue_text', content_rowid='id', tokenize='trigram case_sensitive 1'
);
CREATE VIRTUAL TABLE rectify_search_issue_grams USING fts5(grams, content='', detail=none, tokenize='ascii');
CREATE VIRTUAL TABLE rectify_search_measure USING fts5(
    body, content='rectify_search_measure_text', content_rowid='id', tokenize='trigram case_sensitive 1'
);
CREATE VIRTUAL TABLE rectify_search_measure_grams USING fts5(grams, content='', detail=none, tokenize='ascii');
"""

# An external-content FTS5 'delete' must be given exactly what was indexed, so every write that
# changes a problem's document removes it BEFORE the write (the view still shows the old text) and
# adds it back AFTER.
SQLITE_ISSUE_REMOVE = """
    INSERT INTO rectify_search_issue(rectify_search_issue, rowid, body)
        SELECT 'delete', id, body FROM rectify_search_issue_text WHERE id IN ({ids});
    INSERT INTO rectify_search_issue_grams(rectify_search_issue_grams, rowid, grams)
        SELECT 'delete', id, rectify_search_grams(body) FROM rectify_search_issue_text WHERE id IN ({ids});
"""
SQLITE_ISSUE_ADD = """
    INSERT INTO rectify_search_issue(rowid, body)
        SELECT id, body FROM rectify_search_issue_text WHERE id IN ({ids});
    INSERT INTO rectify_search_issue_grams(rowid, grams)
        SELECT id, rectify_search_grams(body) FROM rectify_search_issue_text WHERE id IN ({ids});
"""
SQLITE_MEASURE_REMOVE = """
    INSERT INTO rectify_search_measure(rectify_search_measure, rowid, body) VALUES ('delete', OLD.id, lower(OLD.text));
    INSERT INTO rectify_search_measure_grams(rectify_search_measure_grams, rowid, grams)
        VALUES ('delete', OLD.id, rectify_search_grams(lower(OLD.text)));
"""
SQLITE_MEASURE_ADD = """
    INSERT INTO rectify_search_measure(rowid, body) VALUES (NEW.id, lower(NEW.text));
    INSERT INTO rectify_search_measure_grams(rowid, grams) VALUES (NEW.id, rectify_search_grams(lower(NEW.text)));
"""
ACTIVE = "NOT EXISTS (SELECT 1 FROM rectify_search_paused)"
ISSUE_TEXT_CHANGED = "(OLD.title IS NOT NEW.title OR OLD.description IS NOT NEW.description)"
MEASURE_TEXT_CHANGED = "(OLD.text IS NOT NEW.text OR OLD.issue_id IS NOT NEW.issue_id)"

SQLITE_TRIGGERS = [
    ("issue_ai", "AFTER INSERT ON rectify_issue", ACTIVE, SQLITE_ISSUE_ADD.format(ids="NEW.id")),
    (
        "issue_bu",
        "BEFORE UPDATE ON rectify_issue",
        f"{ACTIVE} AND {ISSUE_TEXT_CHANGED}",
        SQLITE_ISSUE_REMOVE.format(ids="OLD.id"),
    ),
    (
        "issue_au",
        "AFTER UPDATE ON rectify_issue",
        f"{ACTIVE} AND {ISSUE_TEXT_CHANGED}",
        SQLITE_ISSUE_ADD.format(ids="NEW.id"),
    ),
    ("issue_bd", "BEFORE DELETE ON rectify_issue", ACTIVE, SQLITE_ISSUE_REMOVE.format(ids="OLD.id")),
    ("measure_bi", "BEFORE INSERT ON rectify_measure", ACTIVE, SQLITE_ISSUE_REMOVE.format(ids="NEW.issue_id")),
    (
        "measure_ai",
        "AFTER INSERT ON rectify_measure",
        ACTIVE,
        SQLITE_ISSUE_ADD.format(ids="NEW.issue_id") + SQLITE_MEASURE_ADD,
    ),
    (
        "measure_bu",
        "BEFORE UPDATE ON rectify_measure",
        f"{ACTIVE} AND {MEASURE_TEXT_CHANGED}",
        SQLITE_ISSUE_REMOVE.format(ids="OLD.issue_id, NEW.issue_id") + SQLITE_MEASURE_REMOVE,
    ),
    (
        "measure_au",
        "AFTER UPDATE ON rectify_measure",
        f"{ACTIVE} AND {MEASURE_TEXT_CHANGED}",
        SQLITE_ISSUE_ADD.format(ids="OLD.issue_id, NEW.issue_id") + SQLITE_MEASURE_ADD,
    ),
    (
        "measure_bd",
        "BEFORE DELETE ON rectify_measure",
        ACTIVE,
        SQLITE_ISSUE_REMOVE.format(ids="OLD.issue_id") + SQLITE_MEASURE_REMOVE,
    ),
    ("measure_ad", "AFTER DELETE ON rectify_measure", ACTIVE, SQLITE_ISSUE_ADD.format(ids="OLD.issue_id")),
]

SQLITE_DROP = """
DROP TABLE IF EXISTS rectify_search_issue;
DROP TABLE IF EXISTS rectify_search_issue_grams;
DROP TABLE IF EXISTS rectify_search_measure;
DROP TABLE IF EXISTS rectify_search_measure_grams;
DROP VIEW IF EXISTS rectify_search_issue_text;
DROP VIEW IF EXISTS rectify_search_measure_text;
DROP TABLE IF EXISTS rectify_search_paused;
"""

POSTGRES_CREATE = r"""
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE rectify_search_paused (id integer PRIMARY KEY CHECK (id = 1));

-- ASCII letters only: lower() would also fold other scripts, which SQLite does not.
CREATE FUNCTION rectify_search_lower(value text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT translate(value, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') $$;

-- Every character and every pair of neighbouring characters, none spanning U+001F.
CREATE FUNCTION rectify_search_grams(body text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT coalesce(array_agg(DISTINCT gram), '{}')
    FROM (
        SELECT substr(body, n, 1) AS gram FROM generate_series(1, length(body)) AS n
        UNION ALL
        SELECT substr(body, n, 2) FROM generate_series(1, length(body) - 1) AS n
    ) AS grams
    WHERE strpos(gram, chr(31)) = 0
$$;

CREATE TABLE rectify_search_issue (issue_id bigint PRIMARY KEY, body text NOT NULL);
CREATE INDEX rectify_search_issue_trgm ON rectify_search_issue USING gin (body gin_trgm_ops);
CREATE INDEX rectify_search_issue_grams ON rectify_search_issue USING gin (rectify_search_grams(body));
CREATE INDEX rectify_search_measure_trgm ON rectify_measure USING gin (rectify_search_lower(text) gin_trgm_ops);
CREATE INDEX rectify_search_measure_grams ON rectify_measure
    USING gin (rectify_search_grams(rectify_search_lower(text)));

CREATE FUNCTION rectify_search_refresh(ids bigint[]) RETURNS void
LANGUAGE sql
AS $$
    -- Joins with unnest(), not "= ANY(ids)", which compares every row with every id.
    DELETE FROM rectify_search_issue WHERE issue_id IN (SELECT unnest(ids));
    INSERT INTO rectify_search_issue (issue_id, body)
    SELECT i.id, rectify_search_lower(concat_ws(chr(31), i.title, i.description, (
        SELECT string_agg(m.text, chr(31) ORDER BY m.id) FROM rectify_measure AS m WHERE m.issue_id = i.id
    )))
    FROM rectify_issue AS i WHERE i.id IN (SELECT unnest(ids));
$$;

CREATE FUNCTION rectify_search_issue_changed() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM rectify_search_paused) THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' THEN
        PERFORM rectify_search_refresh(ARRAY(SELECT id FROM new_rows));
    ELSIF TG_OP = 'UPDATE' THEN
        PERFORM rectify_search_refresh(ARRAY(
            SELECT n.id FROM new_rows AS n JOIN old_rows AS o ON o.id = n.id
            WHERE o.title IS DISTINCT FROM n.title OR o.description IS DISTINCT FROM n.description
        ));
    ELSIF TG_OP = 'DELETE' THEN
        DELETE FROM rectify_search_issue WHERE issue_id IN (SELECT id FROM old_rows);
    ELSE
        TRUNCATE rectify_search_issue;
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION rectify_search_measure_changed() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM rectify_search_paused) THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' THEN
        PERFORM rectify_search_refresh(ARRAY(SELECT DISTINCT issue_id FROM new_rows));
    ELSIF TG_OP = 'UPDATE' THEN
        PERFORM rectify_search_refresh(ARRAY(
            SELECT n.issue_id FROM new_rows AS n JOIN old_rows AS o ON o.id = n.id
            WHERE o.text IS DISTINCT FROM n.text OR o.issue_id IS DISTINCT FROM n.issue_id
            UNION
            SELECT o.issue_id FROM new_rows AS n JOIN old_rows AS o ON o.id = n.id
            WHERE o.issue_id IS DISTINCT FROM n.issue_id
        ));
    ELSE
        PERFORM rectify_search_refresh(ARRAY(SELECT DISTINCT issue_id FROM old_rows));
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER rectify_search_issue_ai AFTER INSERT ON rectify_issue
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rectify_search_issue_changed();
CREATE TRIGGER rectify_search_issue_au AFTER UPDATE ON rectify_issue
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION rectify_search_issue_changed();
CREATE TRIGGER rectify_search_issue_ad AFTER DELETE ON rectify_issue
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rectify_search_issue_changed();
CREATE TRIGGER rectify_search_issue_at AFTER TRUNCATE ON rectify_issue
    FOR EACH STATEMENT EXECUTE FUNCTION rectify_search_issue_changed();
CREATE TRIGGER rectify_search_measure_ai AFTER INSERT ON rectify_measure
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rectify_search_measure_changed();
CREATE TRIGGER rectify_search_measure_au AFTER UPDATE ON rectify_measure
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION rectify_search_measure_changed();
CREATE TRIGGER rectify_search_measure_ad AFTER DELETE ON rectify_measure
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rectify_search_measure_changed();

SELECT rectify_search_refresh(ARRAY(SELECT id FROM rectify_issue));
"""

POSTGRES_DROP = """
DROP TRIGGER IF EXISTS rectify_search_issue_ai ON rectify_issue;
DROP TRIGGER IF EXISTS rectify_search_issue_au ON rectify_issue;
DROP TRIGGER IF EXISTS rectify_search_issue_ad ON rectify_issue;
DROP TRIGGER IF EXISTS rectify_search_issue_at ON rectify_issue;
DROP TRIGGER IF EXISTS rectify_search_measure_ai ON rectify_measure;
DROP TRIGGER IF EXISTS rectify_search_measure_au ON rectify_measure;
DROP TRIGGER IF EXISTS rectify_search_measure_ad ON rectify_measure;
DROP FUNCTION IF EXISTS rectify_search_issue_changed();
DROP FUNCTION IF EXISTS rectify_search_measure_changed();
DROP FUNCTION IF EXISTS rectify_search_refresh(bigint[]);
DROP INDEX IF EXISTS rectify_search_measure_trgm;
DROP INDEX IF EXISTS rectify_search_measure_grams;
DROP TABLE IF EXISTS rectify_search_issue;
DROP FUNCTION IF EXISTS rectify_search_grams(text);
DROP FUNCTION IF EXISTS rectify_search_lower(text);
DROP TABLE IF EXISTS rectify_search_paused;
"""


def sqlite_statements() -> list[str]:
    statements = [s.strip() for s in SQLITE_CREATE.split(";") if s.strip()]
    for name, event, condition, body in SQLITE_TRIGGERS:
        statements.append(f"CREATE TRIGGER rectify_search_{name} {event} FOR EACH ROW WHEN {condition} BEGIN {body} END")
    for table in ("issue", "measure"):
        statements.append(f"INSERT INTO rectify_search_{table}(rectify_search_{table}) VALUES ('rebuild')")
        statements.append(
            f"INSERT INTO rectify_search_{table}_grams(rowid, grams) "
            f"SELECT id, rectify_search_grams(body) FROM rectify_search_{table}_text"
        )
    return statements


def create_index(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        register_sqlite_functions(connection.connection)
        for statement in sqlite_statements():
            schema_editor.execute(statement, params=None)
    elif connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_CREATE, params=None)


def drop_index(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "sqlite":
        # Triggers live on the problem and measure tables, so dropping the index tables keeps them.
        for name, *_ in SQLITE_TRIGGERS:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS rectify_search_{name}", params=None)
        for statement in SQLITE_DROP.split(";"):
            if statement.strip():
                schema_editor.execute(statement, params=None)
    elif connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("rectify", "0002_issue_due_date"),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]
