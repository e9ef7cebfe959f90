"""PostgreSQL: problem documents keyed by their search key, indexed apart by publication.

What migration 0007 did for SQLite, in PostgreSQL's terms:
- rectify_search_issue gains `key`, the search key (rectify.search.search_key): a published
  problem's key orders newest report first and is at least 2**32, a draft's is its id. A btree on
  it reads the first page of a common term in display order.
- The GIN indexes become partial, one pair over published documents and one over drafts: each
  document is in exactly one, and a count of published matches is answered by its index alone
  (the key condition is the index's own predicate, so no row is read to test it).
- The measure GIN indexes go: a measure search takes the problems whose document matches and tests
  the measures' own text, so every measure insert no longer updates two GIN indexes.
- Triggers also follow a problem's report and a report's publication and dates.

SQLite is untouched here.
"""

from django.db import migrations

FORWARD = r"""
DROP INDEX IF EXISTS rectify_search_measure_trgm;
DROP INDEX IF EXISTS rectify_search_measure_grams;

-- rectify.search.search_key: date.toordinal() is (d - 0001-01-01) + 1; an undated report sorts last.
CREATE FUNCTION rectify_search_key(issue_id bigint, published boolean, report_date date) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT CASE WHEN published
        THEN ((3652060 - coalesce(report_date - date '0001-01-01' + 1, 0))::bigint << 32) | issue_id
        ELSE issue_id END
$$;

ALTER TABLE rectify_search_issue ADD COLUMN key bigint;

CREATE OR REPLACE FUNCTION rectify_search_refresh(ids bigint[]) RETURNS void
LANGUAGE sql
AS $$
    -- Joins with unnest(), not "= ANY(ids)", which compares every row with every id.
    DELETE FROM rectify_search_issue WHERE issue_id IN (SELECT unnest(ids));
    INSERT INTO rectify_search_issue (issue_id, key, body, grams)
    SELECT id, key, body, rectify_search_grams(body) FROM (
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

UPDATE rectify_search_issue AS s
SET key = rectify_search_key(i.id, r.is_published, coalesce(r.published_date, r.signed_date, r.disclosure_start))
FROM rectify_issue AS i JOIN rectify_report AS r ON r.id = i.report_id
WHERE i.id = s.issue_id;
ALTER TABLE rectify_search_issue ALTER COLUMN key SET NOT NULL;
CREATE INDEX rectify_search_issue_key ON rectify_search_issue (key);

DROP INDEX rectify_search_issue_trgm;
DROP INDEX rectify_search_issue_grams;
CREATE INDEX rectify_search_issue_trgm ON rectify_search_issue USING gin (body gin_trgm_ops)
    WHERE key >= 4294967296;
CREATE INDEX rectify_search_issue_grams ON rectify_search_issue USING gin (grams) WHERE key >= 4294967296;
CREATE INDEX rectify_search_draft_trgm ON rectify_search_issue USING gin (body gin_trgm_ops)
    WHERE key < 4294967296;
CREATE INDEX rectify_search_draft_grams ON rectify_search_issue USING gin (grams) WHERE key < 4294967296;

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

BACKWARD = r"""
DROP TRIGGER IF EXISTS rectify_search_report_au ON rectify_report;
DROP FUNCTION IF EXISTS rectify_search_report_changed();
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
DROP INDEX rectify_search_issue_trgm;
DROP INDEX rectify_search_issue_grams;
DROP INDEX rectify_search_draft_trgm;
DROP INDEX rectify_search_draft_grams;
DROP INDEX rectify_search_issue_key;
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
ALTER TABLE rectify_search_issue DROP COLUMN key;
DROP FUNCTION rectify_search_key(bigint, boolean, date);
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
