"""Faster 1-2 character indexes, the same answers.

SQLite: the index becomes a trigram index over GAP-spaced text. Until now its tokens were every
character and bigram, built as a Python set per row and joined for FTS5's `ascii` tokenizer (with
ASCII punctuation escaped). The same lookups are now single trigrams of the text with
rectify.search.GAP around every character, which SQLite's C tokenizer produces: the Python work
per row is one str.join.

PostgreSQL: rectify_search_grams() took substr(body, n, 1) for every n, and substr walks UTF-8
from the start, so a problem's document cost O(n^2) (22 ms for 740 characters). It now splits the
text once and pairs neighbours with lead(): the same arrays, 9x faster. It is declared costly, so
the planner reads the GIN index instead of computing grams row by row (a term matching nothing
took 80 s on 200,000 measures when the first page was read in id order), and problem documents
store their grams in an indexed column for the same reason.
"""

import re

from django.db import migrations

from rectify.search.text import register_sqlite_functions

TABLES = ("issue", "measure")


def _recreate(schema_editor, tokenize: str) -> None:
    for table in TABLES:
        name = f"rectify_search_{table}_grams"
        schema_editor.execute(f"DROP TABLE IF EXISTS {name}", params=None)
        schema_editor.execute(
            f"CREATE VIRTUAL TABLE {name} USING fts5(grams, content='', detail=none, tokenize='{tokenize}')",
            params=None,
        )
        schema_editor.execute(
            f"INSERT INTO {name}(rowid, grams) SELECT id, rectify_search_grams(body) FROM rectify_search_{table}_text",
            params=None,
        )


POSTGRES_GRAMS = """
CREATE OR REPLACE FUNCTION rectify_search_grams(body text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT coalesce(array_agg(DISTINCT gram), '{}')
    FROM (
        SELECT ch, ch || coalesce(lead(ch) OVER (ORDER BY n), '') AS pair
        FROM unnest(string_to_array(body, NULL)) WITH ORDINALITY AS chars (ch, n)
    ) AS chars, LATERAL (VALUES (ch), (pair)) AS grams (gram)
    WHERE strpos(gram, chr(31)) = 0 AND gram <> ''
$$ COST 10000;
REINDEX INDEX rectify_search_measure_grams;

-- Problem documents keep their grams in a column: a plan that filters rows (first page in id
-- order) then reads an array instead of computing one per row (44 s for 党 at 40,000 problems).
DROP INDEX rectify_search_issue_grams;
ALTER TABLE rectify_search_issue ADD COLUMN grams text[];
UPDATE rectify_search_issue SET grams = rectify_search_grams(body);
ALTER TABLE rectify_search_issue ALTER COLUMN grams SET NOT NULL;
CREATE INDEX rectify_search_issue_grams ON rectify_search_issue USING gin (grams);

CREATE OR REPLACE FUNCTION rectify_search_refresh(ids bigint[]) RETURNS void
LANGUAGE sql
AS $$
    -- Joins with unnest(), not "= ANY(ids)", which compares every row with every id.
    DELETE FROM rectify_search_issue WHERE issue_id IN (SELECT unnest(ids));
    INSERT INTO rectify_search_issue (issue_id, body, grams)
    SELECT id, body, rectify_search_grams(body) FROM (
        SELECT i.id, rectify_search_lower(concat_ws(chr(31), i.title, i.description, (
            SELECT string_agg(m.text, chr(31) ORDER BY m.id) FROM rectify_measure AS m WHERE m.issue_id = i.id
        ))) AS body
        FROM rectify_issue AS i WHERE i.id IN (SELECT unnest(ids))
    ) AS documents;
$$;
"""

POSTGRES_GRAMS_BEFORE = """
CREATE OR REPLACE FUNCTION rectify_search_refresh(ids bigint[]) RETURNS void
LANGUAGE sql
AS $$
    DELETE FROM rectify_search_issue WHERE issue_id IN (SELECT unnest(ids));
    INSERT INTO rectify_search_issue (issue_id, body)
    SELECT i.id, rectify_search_lower(concat_ws(chr(31), i.title, i.description, (
        SELECT string_agg(m.text, chr(31) ORDER BY m.id) FROM rectify_measure AS m WHERE m.issue_id = i.id
    )))
    FROM rectify_issue AS i WHERE i.id IN (SELECT unnest(ids));
$$;
DROP INDEX rectify_search_issue_grams;
ALTER TABLE rectify_search_issue DROP COLUMN grams;
CREATE OR REPLACE FUNCTION rectify_search_grams(body text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT coalesce(array_agg(DISTINCT gram), '{}')
    FROM (
        SELECT substr(body, n, 1) AS gram FROM generate_series(1, length(body)) AS n
        UNION ALL
        SELECT substr(body, n, 2) FROM generate_series(1, length(body) - 1) AS n
    ) AS grams
    WHERE strpos(gram, chr(31)) = 0
$$ COST 100;
CREATE INDEX rectify_search_issue_grams ON rectify_search_issue USING gin (rectify_search_grams(body));
REINDEX INDEX rectify_search_measure_grams;
"""


def to_trigrams(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_GRAMS, params=None)
    elif connection.vendor == "sqlite":
        connection.ensure_connection()
        register_sqlite_functions(connection.connection)
        _recreate(schema_editor, "trigram case_sensitive 1")


# The previous tokens, frozen here so the migration reverses to exactly what 0003 built.
_ESCAPE = "ǀ"
_ESCAPES = {code: f"{_ESCAPE}{code:02x}" for code in range(128) if not chr(code).isalnum()}
_ESCAPES[ord(_ESCAPE)] = _ESCAPE * 2
_TOKENS = {**_ESCAPES, 0x1F: " "}
_NEEDS_ESCAPE = re.compile(f"[{re.escape(_ESCAPE)}\\x00-\\x2f\\x3a-\\x40\\x5b-\\x60\\x7b-\\x7f]")


def _set_of_grams(body: str) -> str:
    grams = set()
    for part in body.split("\x1f"):
        grams.update(part)
        grams.update(map(str.__add__, part, part[1:]))
    if _NEEDS_ESCAPE.search(body):
        return "\x1f".join(grams).translate(_TOKENS)
    return " ".join(grams)


def to_gram_sets(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_GRAMS_BEFORE, params=None)
    elif connection.vendor == "sqlite":
        connection.ensure_connection()
        # The code of this state of the schema; the next connection registers the current one again.
        connection.connection.create_function("rectify_search_grams", 1, _set_of_grams, deterministic=True)
        _recreate(schema_editor, "ascii")


class Migration(migrations.Migration):
    dependencies = [
        ("rectify", "0005_scale_indexes"),
    ]

    operations = [migrations.RunPython(to_trigrams, to_gram_sets)]
