"""PostgreSQL: problem documents keyed by their search key, found through one GIN index of grams.

What migration 0007 did for SQLite, in PostgreSQL's terms, and what a 10,000-report archive showed:
- rectify_search_issue gains `key`, the search key (rectify.search.search_key): a published
  problem's key orders newest report first and is at least 2**32, a draft's is its id.
- One GIN index over rectify_search_grams(body), which now gives every character, pair and
  triple of the document (none spanning U+001F): a term of up to three characters is one exact
  GIN lookup, a longer one the documents holding all its triples, tested with LIKE. pg_trgm is no
  longer used: it saw no trigrams at all in a database whose LC_CTYPE is C, and it rechecked every
  candidate of a 3-character term. The grams are no longer stored: the array column made TOAST
  ten times the size of the text, and the LIKE tests of a common 4-character term read it from
  disk (29 s for 意识形态 at 10,000 reports).
- The body is kept out of line (toast_tuple_target 128), so the table's own pages hold keys only:
  counting the 174,000 documents holding 党 reads 2,000 pages, not 22,000.
- rectify_search_find(), _count() and _page() answer every lookup with sequential scans off: the
  planner costs the small heap cheap and does not see that testing a row's grams computes them (2 s
  for a common character, 9 s for the first page of a term nothing holds). _page() reads the key
  index in order for a term most documents hold, and sorts the few documents of a rarer one.
- rectify_search_rebuild() drops the indexes, refills the table and builds them again, which is
  several times faster than updating GIN indexes document by document.
- The measure GIN indexes go: a measure search takes the problems whose document matches and tests
  the measures' own text, so a measure insert no longer updates two GIN indexes.
- Triggers also follow a problem's report and a report's publication and dates.

SQLite is untouched here.
"""

from django.db import migrations

FORWARD = r"""
DROP INDEX IF EXISTS rectify_search_measure_trgm;
DROP INDEX IF EXISTS rectify_search_measure_grams;
DROP INDEX IF EXISTS rectify_search_issue_trgm;
DROP INDEX IF EXISTS rectify_search_issue_grams;

-- Every character, pair and triple, none spanning U+001F (the separator of a document's texts).
CREATE OR REPLACE FUNCTION rectify_search_grams(body text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT coalesce(array_agg(DISTINCT gram), '{}')
    FROM (
        SELECT ch, lead(ch, 1) OVER w AS next, lead(ch, 2) OVER w AS after
        FROM unnest(string_to_array(body, NULL)) WITH ORDINALITY AS chars (ch, n)
        WINDOW w AS (ORDER BY n)
    ) AS chars, LATERAL (VALUES (ch), (ch || next), (ch || next || after)) AS grams (gram)
    WHERE gram IS NOT NULL AND strpos(gram, chr(31)) = 0
$$ COST 10000;

-- rectify.search.search_key: date.toordinal() is (d - 0001-01-01) + 1; an undated report sorts last.
CREATE FUNCTION rectify_search_key(issue_id bigint, published boolean, report_date date) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT CASE WHEN published
        THEN ((3652060 - coalesce(report_date - date '0001-01-01' + 1, 0))::bigint << 32) | issue_id
        ELSE issue_id END
$$;

ALTER TABLE rectify_search_issue ADD COLUMN key bigint;
ALTER TABLE rectify_search_issue DROP COLUMN grams;
ALTER TABLE rectify_search_issue ALTER COLUMN body SET STORAGE EXTERNAL;
ALTER TABLE rectify_search_issue SET (toast_tuple_target = 128);

CREATE OR REPLACE FUNCTION rectify_search_refresh(ids bigint[]) RETURNS void
LANGUAGE sql
AS $$
    -- Joins with unnest(), not "= ANY(ids)", which compares every row with every id.
    DELETE FROM rectify_search_issue WHERE issue_id IN (SELECT unnest(ids));
    INSERT INTO rectify_search_issue (issue_id, key, body)
    SELECT id, key, body FROM (
        SELECT i.id,
               rectify_search_key(i.id, r.is_published, coalesce(r.published_date, r.signed_date, r.disclosure_start))
                   AS key,
               rectify_search_lower(concat_ws(chr(31), i.title, i.description, (
                   SELECT string_agg(m.text, chr(31) ORDER BY m.id) FROM rectify_measure AS m WHERE m.issue_id = i.id
               ))) AS body
        FROM rectify_issue AS i JOIN rectify_report AS r ON r.id = i.report_id
        WHERE i.id IN (SELECT unnest(ids))
    ) AS documents;
$$;

-- The documents holding all of `wanted` grams and, for a term of 4+ characters, matching `pattern`.
CREATE FUNCTION rectify_search_find(wanted text[], pattern text) RETURNS TABLE (issue_id bigint, key bigint)
LANGUAGE sql STABLE PARALLEL SAFE
SET enable_seqscan = off
AS $$
    SELECT s.issue_id, s.key FROM rectify_search_issue AS s
    WHERE rectify_search_grams(s.body) @> wanted AND (pattern IS NULL OR s.body LIKE pattern)
$$;

-- How many published documents hold the term (arguments as rectify_search_find's).
CREATE FUNCTION rectify_search_count(wanted text[], pattern text) RETURNS bigint
LANGUAGE sql STABLE PARALLEL SAFE
SET enable_seqscan = off
AS $$
    SELECT count(*) FROM rectify_search_issue AS s
    WHERE s.key >= 4294967296 AND rectify_search_grams(s.body) @> wanted AND (pattern IS NULL OR s.body LIKE pattern)
$$;

-- One page of the published documents holding the term, in key order (newest report first).
-- `hits` is their count: where most documents hold the term, the key index is read in order and
-- each body tested with `like` (23 rows read for a page of 党, at most 200); otherwise the documents
-- are found through the GIN index and their keys sorted.
CREATE FUNCTION rectify_search_page(wanted text[], pattern text, "like" text, hits bigint, size integer, skip integer)
RETURNS SETOF bigint
LANGUAGE plpgsql STABLE
SET enable_seqscan = off
AS $$
DECLARE
    documents real := (SELECT reltuples FROM pg_class WHERE oid = 'rectify_search_issue'::regclass);
BEGIN
    IF hits > 0 AND (skip + size) * greatest(documents, hits) / hits <= 200 THEN
        RETURN QUERY SELECT s.issue_id FROM rectify_search_issue AS s
            WHERE s.key >= 4294967296 AND s.body LIKE "like" ORDER BY s.key LIMIT size OFFSET skip;
    ELSE
        RETURN QUERY WITH found AS MATERIALIZED (
            SELECT s.issue_id, s.key FROM rectify_search_issue AS s
            WHERE s.key >= 4294967296 AND rectify_search_grams(s.body) @> wanted
                AND (pattern IS NULL OR s.body LIKE pattern)
        ) SELECT found.issue_id FROM found ORDER BY found.key LIMIT size OFFSET skip;
    END IF;
END
$$;

CREATE FUNCTION rectify_search_rebuild() RETURNS void
LANGUAGE plpgsql
SET maintenance_work_mem = '256MB'
AS $$
BEGIN
    DROP INDEX IF EXISTS rectify_search_issue_grams;
    DROP INDEX IF EXISTS rectify_search_issue_key;
    TRUNCATE rectify_search_issue;
    PERFORM rectify_search_refresh(ARRAY(SELECT id FROM rectify_issue));
    CREATE INDEX rectify_search_issue_key ON rectify_search_issue (key);
    CREATE INDEX rectify_search_issue_grams ON rectify_search_issue USING gin (rectify_search_grams(body));
    -- ANALYZE computes an expression index's values for its sample: 300 rows, not 30,000
    -- (the plan is fixed anyway: rectify_search_find turns sequential scans off).
    ALTER INDEX rectify_search_issue_grams ALTER COLUMN 1 SET STATISTICS 1;
END
$$;
SELECT rectify_search_rebuild();

CREATE OR REPLACE FUNCTION rectify_search_issue_changed() RETURNS trigger
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
                OR o.report_id IS DISTINCT FROM n.report_id
        ));
    ELSIF TG_OP = 'DELETE' THEN
        DELETE FROM rectify_search_issue WHERE issue_id IN (SELECT id FROM old_rows);
    ELSE
        TRUNCATE rectify_search_issue;
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION rectify_search_report_changed() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM rectify_search_paused) THEN
        RETURN NULL;
    END IF;
    PERFORM rectify_search_refresh(ARRAY(
        SELECT i.id FROM new_rows AS n JOIN old_rows AS o ON o.id = n.id JOIN rectify_issue AS i ON i.report_id = n.id
        WHERE o.is_published IS DISTINCT FROM n.is_published OR o.published_date IS DISTINCT FROM n.published_date
            OR o.signed_date IS DISTINCT FROM n.signed_date OR o.disclosure_start IS DISTINCT FROM n.disclosure_start
    ));
    RETURN NULL;
END
$$;
CREATE TRIGGER rectify_search_report_au AFTER UPDATE ON rectify_report
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION rectify_search_report_changed();
"""

# Back to 0006's table, functions and indexes (its grams: characters and pairs only).
BACKWARD = r"""
DROP TRIGGER IF EXISTS rectify_search_report_au ON rectify_report;
DROP FUNCTION IF EXISTS rectify_search_report_changed();
DROP FUNCTION IF EXISTS rectify_search_rebuild();
DROP FUNCTION IF EXISTS rectify_search_find(text[], text);
DROP FUNCTION IF EXISTS rectify_search_count(text[], text);
DROP FUNCTION IF EXISTS rectify_search_page(text[], text, text, bigint, integer, integer);
CREATE OR REPLACE FUNCTION rectify_search_issue_changed() RETURNS trigger
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
DROP INDEX IF EXISTS rectify_search_issue_grams;
DROP INDEX IF EXISTS rectify_search_issue_key;
ALTER TABLE rectify_search_issue DROP COLUMN key;
ALTER TABLE rectify_search_issue ADD COLUMN grams text[] NOT NULL DEFAULT '{}';
ALTER TABLE rectify_search_issue ALTER COLUMN grams DROP DEFAULT;
ALTER TABLE rectify_search_issue RESET (toast_tuple_target);
ALTER TABLE rectify_search_issue ALTER COLUMN body SET STORAGE EXTENDED;
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
DROP FUNCTION rectify_search_key(bigint, boolean, date);
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
TRUNCATE rectify_search_issue;
SELECT rectify_search_refresh(ARRAY(SELECT id FROM rectify_issue));
CREATE INDEX rectify_search_issue_trgm ON rectify_search_issue USING gin (body gin_trgm_ops);
CREATE INDEX rectify_search_issue_grams ON rectify_search_issue USING gin (grams);
CREATE INDEX rectify_search_measure_trgm ON rectify_measure USING gin (rectify_search_lower(text) gin_trgm_ops);
CREATE INDEX rectify_search_measure_grams ON rectify_measure
    USING gin (rectify_search_grams(rectify_search_lower(text)));
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD, params=None)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD, params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("rectify", "0009_data_version"),
    ]

    operations = [migrations.RunPython(forward, backward)]
