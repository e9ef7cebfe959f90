# ruff: noqa: E501  (SQL text kept exactly as the migrations installed it; see the docstring)
"""The PostgreSQL search schema as it is live today, in one script (SCHEMA) and its undoing (DROP).

Why a module and not a squash: the schema grew over migrations 0003, 0006, 0010, 0011 and 0012,
each replacing some functions, so what runs today could only be read by replaying them in order.
Squashing would give one migration but needs every deployed database to have run all of those
first and still leaves the SQL inside a migration's operations. Instead this module holds the
current SQL, whole and commented, and each migration keeps its own frozen copy of the SQL it
runs (so a migration's behaviour never changes after it is written). A change to the search
schema edits this module AND adds a migration holding a copy of the new text;
rectify/tests/test_search_schema.py fails while the two disagree (it compares this script with the
function bodies, tables and triggers a migrated database holds).

Everything here is named rectify_search_*. The index is filled by `SELECT rectify_search_rebuild()`
(which also creates its two indexes), not by this script. <<FOLDED_FROM>> and <<FOLDED_TO>> stand
for rectify.search.folding's strings (6,447 characters each), put in below.
"""

from rectify.search.folding import FOLDED_FROM, FOLDED_TO

_SCHEMA = r"""
CREATE EXTENSION IF NOT EXISTS pg_trgm;  -- no longer used by search (0010); kept, others may use it

CREATE TABLE rectify_search_paused (id integer PRIMARY KEY CHECK (id = 1));

-- rectify.search.folding.fold: traditional characters as simplified, full-width letters and digits
-- as half-width, ASCII letters lowered (not lower(), which would fold other scripts too), one
-- character for one. Most texts hold nothing to fold beyond ASCII (the regular expression says so);
-- a text that does is translated with the few characters it holds, each looked up in the frozen
-- strings, since translate() with all 6,447 scans that list for every character (170 ms a problem).
CREATE FUNCTION rectify_search_fold(value text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT CASE WHEN value ~ '[<<FOLDED_FROM>>]' THEN (
        SELECT translate(
            lowered, string_agg(ch, ''), string_agg(substr('<<FOLDED_TO>>', strpos('<<FOLDED_FROM>>', ch), 1), '')
        )
        FROM (SELECT DISTINCT found[1] AS ch FROM regexp_matches(value, '[<<FOLDED_FROM>>]', 'g') AS found) AS folds
    ) ELSE lowered END
    FROM translate(value, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') AS lowered
$$;

-- rectify.search.search_key: date.toordinal() is (d - 0001-01-01) + 1; an undated report sorts last.
CREATE FUNCTION rectify_search_key(issue_id bigint, published boolean, report_date date) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT CASE WHEN published
        THEN ((3652060 - coalesce(report_date - date '0001-01-01' + 1, 0))::bigint << 32) | issue_id
        ELSE issue_id END
$$;

-- A document's lexemes are at most 36 bytes a character; 10,000 characters keep them far below 1 MB.
CREATE FUNCTION rectify_search_too_long(body text) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT length(body) > 10000 $$;

-- One document per problem: title, description and measures joined by U+001F, ASCII letters lowered.
-- The body is kept out of line (toast_tuple_target 128), so the table's own pages hold keys only.
CREATE TABLE rectify_search_issue (
    issue_id bigint PRIMARY KEY,
    body text NOT NULL,
    key bigint,
    long_body boolean GENERATED ALWAYS AS (rectify_search_too_long(body)) STORED
);
ALTER TABLE rectify_search_issue ALTER COLUMN body SET STORAGE EXTERNAL;
ALTER TABLE rectify_search_issue SET (toast_tuple_target = 128);

-- For each position of each text (texts are joined by U+001F): the character, pair and triple
-- starting there and the window of six. regexp_matches(.{1,6}) from offsets 0-5 yields a window at
-- every position, several times faster than a window function or substr() per position.
CREATE FUNCTION rectify_search_vector(body text) RETURNS tsvector
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT CASE WHEN rectify_search_too_long(body) THEN array_to_tsvector(ARRAY[chr(31)]) ELSE (
        SELECT array_to_tsvector(coalesce(array_agg(grams.gram), '{}'))
        FROM string_to_table(body, chr(31)) AS texts (part),
            generate_series(0, 5) AS offsets (skip),
            LATERAL regexp_matches(substr(texts.part, skip + 1), '.{1,6}', 'g') AS windows (found),
            LATERAL (VALUES (substr(found[1], 1, 1)), (substr(found[1], 1, 2)), (substr(found[1], 1, 3)), (found[1]))
                AS grams (gram)
    ) END
$$ COST 10000;

-- The lexemes a document holding `term` must have: the term itself (up to three characters), or
-- windows beginning with each of its six-character pieces; or U+001F, a document too long to index.
CREATE FUNCTION rectify_search_query(term text) RETURNS tsquery
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT ('(' || string_agg(
        '''' || replace(replace(piece, '\', '\\'), '''', '''''') || '''' || CASE WHEN length(piece) > 3 THEN ':*' ELSE '' END,
        ' & '
    ) || ') | ''' || chr(31) || '''')::tsquery
    FROM (
        SELECT DISTINCT substr(term, least(start, greatest(length(term) - 5, 1)), 6) AS piece
        FROM generate_series(1, length(term), 6) AS starts (start)
    ) AS pieces
$$;

-- The documents holding `term` (folded as rectify_search_fold folds). A document is tested with
-- strpos() only where its lexemes do not prove the match: terms over six characters, long bodies.
CREATE FUNCTION rectify_search_find(term text) RETURNS TABLE (issue_id bigint, key bigint)
LANGUAGE sql STABLE PARALLEL SAFE
SET enable_seqscan = off
SET jit = off
AS $$
    SELECT s.issue_id, s.key FROM rectify_search_issue AS s
    WHERE rectify_search_vector(s.body) @@ rectify_search_query(term)
        AND ((length(term) <= 6 AND NOT s.long_body) OR strpos(s.body, term) > 0)
$$;

-- How many published documents hold `term`.
CREATE FUNCTION rectify_search_count(term text) RETURNS bigint
LANGUAGE sql STABLE PARALLEL SAFE
SET enable_seqscan = off
SET jit = off
AS $$
    SELECT count(*) FROM rectify_search_issue AS s
    WHERE s.key >= 4294967296 AND rectify_search_vector(s.body) @@ rectify_search_query(term)
        AND ((length(term) <= 6 AND NOT s.long_body) OR strpos(s.body, term) > 0)
$$;

-- One page of the published documents holding `term`, in key order (newest report first); `hits`
-- is their count. Where reading documents in key order and testing each is expected to reach the
-- page sooner than finding every hit (hits evenly spread: (skip + size) * documents / hits rows),
-- the key index is read, up to four times the rows expected; a page that this does not complete
-- (hits bunched in older reports) is found through the GIN index and its keys sorted.
CREATE FUNCTION rectify_search_page(term text, hits bigint, size integer, skip integer)
RETURNS SETOF bigint
LANGUAGE plpgsql STABLE
SET enable_seqscan = off
SET jit = off
AS $$
DECLARE
    documents real := (SELECT reltuples FROM pg_class WHERE oid = 'rectify_search_issue'::regclass);
    expected real;
    walked bigint[];
BEGIN
    IF hits <= skip THEN
        RETURN;
    END IF;
    expected := (skip + size) * greatest(documents, hits) / hits;
    -- A test reads a body either way; a hit the lexemes prove costs no test at all.
    IF expected <= 200 OR (length(term) > 6 AND 8 * expected <= hits) THEN
        walked := ARRAY(
            SELECT w.issue_id FROM (
                SELECT s.issue_id, s.key, s.body FROM rectify_search_issue AS s
                WHERE s.key >= 4294967296 ORDER BY s.key LIMIT ceil(4 * expected)::bigint + size
            ) AS w
            WHERE strpos(w.body, term) > 0 ORDER BY w.key LIMIT size OFFSET skip
        );
        IF cardinality(walked) = size OR skip + cardinality(walked) >= hits THEN
            RETURN QUERY SELECT id FROM unnest(walked) WITH ORDINALITY AS page (id, n) ORDER BY n;
            RETURN;
        END IF;
    END IF;
    RETURN QUERY WITH found AS MATERIALIZED (
        SELECT s.issue_id, s.key FROM rectify_search_issue AS s
        WHERE s.key >= 4294967296 AND rectify_search_vector(s.body) @@ rectify_search_query(term)
            AND ((length(term) <= 6 AND NOT s.long_body) OR strpos(s.body, term) > 0)
    ) SELECT found.issue_id FROM found ORDER BY found.key LIMIT size OFFSET skip;
END
$$;

-- Each measure's own text, folded, in the same GIN index of windows as problem documents, so
-- measure search (admin, /search/) is one lookup, not a test of every measure of every matching
-- problem. An expression index: PostgreSQL keeps it with every write, paused or not.
CREATE INDEX rectify_search_measure_vector ON rectify_measure
    USING gin (rectify_search_vector(rectify_search_fold(text)));
ALTER INDEX rectify_search_measure_vector ALTER COLUMN 1 SET STATISTICS 1;

-- The measures holding `term` (folded); tested with strpos() only where the lexemes do not prove it
-- (fold keeps lengths, so length(text) says whether the text was too long to index).
CREATE FUNCTION rectify_search_find_measures(term text) RETURNS SETOF bigint
LANGUAGE sql STABLE PARALLEL SAFE
SET enable_seqscan = off
SET jit = off
AS $$
    SELECT m.id FROM rectify_measure AS m
    WHERE rectify_search_vector(rectify_search_fold(m.text)) @@ rectify_search_query(term)
        AND ((length(term) <= 6 AND NOT rectify_search_too_long(m.text))
            OR strpos(rectify_search_fold(m.text), term) > 0)
$$;

CREATE FUNCTION rectify_search_rebuild() RETURNS void
LANGUAGE plpgsql
SET maintenance_work_mem = '512MB'
AS $$
BEGIN
    DROP INDEX IF EXISTS rectify_search_issue_vector;
    DROP INDEX IF EXISTS rectify_search_issue_key;
    TRUNCATE rectify_search_issue;
    PERFORM rectify_search_refresh(ARRAY(SELECT id FROM rectify_issue));
    CREATE INDEX rectify_search_issue_key ON rectify_search_issue (key);
    CREATE INDEX rectify_search_issue_vector ON rectify_search_issue USING gin (rectify_search_vector(body));
    -- ANALYZE computes an expression index's values for its sample: 300 rows, not 30,000
    -- (the plan is fixed anyway: the search functions turn sequential scans off).
    ALTER INDEX rectify_search_issue_vector ALTER COLUMN 1 SET STATISTICS 1;
END
$$;

CREATE FUNCTION rectify_search_refresh(ids bigint[]) RETURNS void
LANGUAGE sql
AS $$
    -- Joins with unnest(), not "= ANY(ids)", which compares every row with every id.
    DELETE FROM rectify_search_issue WHERE issue_id IN (SELECT unnest(ids));
    INSERT INTO rectify_search_issue (issue_id, key, body)
    SELECT id, key, body FROM (
        SELECT i.id,
               rectify_search_key(i.id, r.is_published, coalesce(r.published_date, r.signed_date, r.disclosure_start))
                   AS key,
               rectify_search_fold(concat_ws(chr(31), i.title, i.description, (
                   SELECT string_agg(m.text, chr(31) ORDER BY m.id) FROM rectify_measure AS m WHERE m.issue_id = i.id
               ))) AS body
        FROM rectify_issue AS i JOIN rectify_report AS r ON r.id = i.report_id
        WHERE i.id IN (SELECT unnest(ids))
    ) AS documents;
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
CREATE TRIGGER rectify_search_report_au AFTER UPDATE ON rectify_report
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION rectify_search_report_changed();
"""

SCHEMA = _SCHEMA.replace("<<FOLDED_FROM>>", FOLDED_FROM).replace("<<FOLDED_TO>>", FOLDED_TO)

DROP = r"""
DROP TRIGGER IF EXISTS rectify_search_issue_ai ON rectify_issue;
DROP TRIGGER IF EXISTS rectify_search_issue_au ON rectify_issue;
DROP TRIGGER IF EXISTS rectify_search_issue_ad ON rectify_issue;
DROP TRIGGER IF EXISTS rectify_search_issue_at ON rectify_issue;
DROP TRIGGER IF EXISTS rectify_search_measure_ai ON rectify_measure;
DROP TRIGGER IF EXISTS rectify_search_measure_au ON rectify_measure;
DROP TRIGGER IF EXISTS rectify_search_measure_ad ON rectify_measure;
DROP TRIGGER IF EXISTS rectify_search_report_au ON rectify_report;
DROP FUNCTION IF EXISTS rectify_search_issue_changed();
DROP FUNCTION IF EXISTS rectify_search_measure_changed();
DROP FUNCTION IF EXISTS rectify_search_report_changed();
DROP FUNCTION IF EXISTS rectify_search_rebuild();
DROP FUNCTION IF EXISTS rectify_search_refresh(bigint[]);
DROP FUNCTION IF EXISTS rectify_search_page(text, bigint, integer, integer);
DROP FUNCTION IF EXISTS rectify_search_count(text);
DROP FUNCTION IF EXISTS rectify_search_find(text);
DROP FUNCTION IF EXISTS rectify_search_find_measures(text);
DROP INDEX IF EXISTS rectify_search_measure_vector;
DROP TABLE IF EXISTS rectify_search_issue;
DROP FUNCTION IF EXISTS rectify_search_query(text);
DROP FUNCTION IF EXISTS rectify_search_vector(text);
DROP FUNCTION IF EXISTS rectify_search_too_long(text);
DROP FUNCTION IF EXISTS rectify_search_key(bigint, boolean, date);
DROP FUNCTION IF EXISTS rectify_search_fold(text);
DROP TABLE IF EXISTS rectify_search_paused;
"""
