"""The SQLite search schema as it is live today, one statement a string (SCHEMA), and its undoing (DROP).

Why a module and not a squash: see sql_postgres.py. This holds the current SQL whole; each
migration keeps its own frozen copy; rectify/tests/test_search_schema.py compares this text with
what a migrated database's sqlite_master holds.

What the SQL calls in Python (rectify.search.text.register_sqlite_functions, on every connection):
rectify_search_fold(text) -> the text in the form search compares (folding.fold: traditional as
simplified, full-width as half-width, ASCII lowered); rectify_search_grams(body) -> the GAP-spaced
text of the 1-2 character index (text.grams_of).

Every problem's document (title, description and measures joined by U+001F, folded) is indexed
twice, contentless (nothing is read back) and keyed by its search key (rectify.search.query
.search_key): a trigram table for terms of 3+ characters and a trigram table over GAP-spaced text
for 1-2. Triggers remove a document, with the text and key it was indexed under, before any write
that changes either, and add it back after. The tables are filled by rectify.search.sqlite.fill,
not by this script.
"""

SCHEMA = [
    """
CREATE TABLE rectify_search_paused (id integer PRIMARY KEY CHECK (id = 1))
""",
    """
-- The key each indexed document was indexed under: a removal must give FTS5 exactly that, and
-- the report it was computed from may be gone or changed by then.
CREATE TABLE rectify_search_indexed (issue_id integer PRIMARY KEY, key integer NOT NULL)
""",
    """
-- Every problem's document as it is now, with the key it should be indexed under.
CREATE VIEW rectify_search_document AS
SELECT i.id AS id,
       CASE WHEN r.is_published THEN ((3652060 - coalesce(CAST(
           julianday(coalesce(r.published_date, r.signed_date, r.disclosure_start)) - 1721424.5
           AS integer), 0)) << 32) | i.id
       ELSE i.id END AS key,
       rectify_search_fold(i.title || char(31) || i.description || coalesce(char(31) || (
           SELECT group_concat(m.text, char(31)) FROM (
               SELECT text FROM rectify_measure WHERE issue_id = i.id ORDER BY id
           ) AS m
       ), '')) AS body
FROM rectify_issue AS i JOIN rectify_report AS r ON r.id = i.report_id
""",
    """
-- Every indexed problem's document as it is now, with the key it was indexed under.
CREATE VIEW rectify_search_indexed_document AS
SELECT i.id AS id, k.key AS key, rectify_search_fold(i.title || char(31) || i.description || coalesce(char(31) || (
           SELECT group_concat(m.text, char(31)) FROM (
               SELECT text FROM rectify_measure WHERE issue_id = i.id ORDER BY id
           ) AS m
       ), '')) AS body
FROM rectify_search_indexed AS k JOIN rectify_issue AS i ON i.id = k.issue_id
""",
    """
CREATE VIRTUAL TABLE rectify_search_issue USING fts5(
    body, content='', columnsize=0, tokenize='trigram case_sensitive 1'
)
""",
    """
CREATE VIRTUAL TABLE rectify_search_issue_grams USING fts5(
    grams, content='', columnsize=0, detail=none, tokenize='trigram case_sensitive 1'
)
""",
    """
CREATE TRIGGER rectify_search_issue_ai AFTER INSERT ON rectify_issue FOR EACH ROW
WHEN NOT EXISTS (SELECT 1 FROM rectify_search_paused)
BEGIN
    INSERT INTO rectify_search_issue(rowid, body)
        SELECT key, body FROM rectify_search_document WHERE id IN (NEW.id);
    INSERT INTO rectify_search_issue_grams(rowid, grams)
        SELECT key, rectify_search_grams(body) FROM rectify_search_document WHERE id IN (NEW.id);
    INSERT INTO rectify_search_indexed (issue_id, key) SELECT id, key
        FROM rectify_search_document WHERE id IN (NEW.id);
END
""",
    """
CREATE TRIGGER rectify_search_issue_bu BEFORE UPDATE ON rectify_issue FOR EACH ROW
WHEN NOT EXISTS (SELECT 1 FROM rectify_search_paused)
     AND (OLD.title IS NOT NEW.title
     OR OLD.description IS NOT NEW.description
     OR OLD.report_id IS NOT NEW.report_id)
BEGIN
    INSERT INTO rectify_search_issue(rectify_search_issue, rowid, body)
        SELECT 'delete', key, body FROM rectify_search_indexed_document WHERE id IN (OLD.id);
    INSERT INTO rectify_search_issue_grams(rectify_search_issue_grams, rowid, grams)
        SELECT 'delete', key, rectify_search_grams(body) FROM rectify_search_indexed_document WHERE id IN (OLD.id);
    DELETE FROM rectify_search_indexed WHERE issue_id IN (OLD.id);
END
""",
    """
CREATE TRIGGER rectify_search_issue_au AFTER UPDATE ON rectify_issue FOR EACH ROW
WHEN NOT EXISTS (SELECT 1 FROM rectify_search_paused)
     AND (OLD.title IS NOT NEW.title
     OR OLD.description IS NOT NEW.description
     OR OLD.report_id IS NOT NEW.report_id)
BEGIN
    INSERT INTO rectify_search_issue(rowid, body)
        SELECT key, body FROM rectify_search_document WHERE id IN (NEW.id);
    INSERT INTO rectify_search_issue_grams(rowid, grams)
        SELECT key, rectify_search_grams(body) FROM rectify_search_document WHERE id IN (NEW.id);
    INSERT INTO rectify_search_indexed (issue_id, key) SELECT id, key
        FROM rectify_search_document WHERE id IN (NEW.id);
END
""",
    """
CREATE TRIGGER rectify_search_issue_bd BEFORE DELETE ON rectify_issue FOR EACH ROW
WHEN NOT EXISTS (SELECT 1 FROM rectify_search_paused)
BEGIN
    INSERT INTO rectify_search_issue(rectify_search_issue, rowid, body)
        SELECT 'delete', key, body FROM rectify_search_indexed_document WHERE id IN (OLD.id);
    INSERT INTO rectify_search_issue_grams(rectify_search_issue_grams, rowid, grams)
        SELECT 'delete', key, rectify_search_grams(body) FROM rectify_search_indexed_document WHERE id IN (OLD.id);
    DELETE FROM rectify_search_indexed WHERE issue_id IN (OLD.id);
END
""",
    """
CREATE TRIGGER rectify_search_measure_bi BEFORE INSERT ON rectify_measure FOR EACH ROW
WHEN NOT EXISTS (SELECT 1 FROM rectify_search_paused)
BEGIN
    INSERT INTO rectify_search_issue(rectify_search_issue, rowid, body)
        SELECT 'delete', key, body FROM rectify_search_indexed_document WHERE id IN (NEW.issue_id);
    INSERT INTO rectify_search_issue_grams(rectify_search_issue_grams, rowid, grams)
        SELECT 'delete', key, rectify_search_grams(body)
            FROM rectify_search_indexed_document WHERE id IN (NEW.issue_id);
    DELETE FROM rectify_search_indexed WHERE issue_id IN (NEW.issue_id);
END
""",
    """
CREATE TRIGGER rectify_search_measure_ai AFTER INSERT ON rectify_measure FOR EACH ROW
WHEN NOT EXISTS (SELECT 1 FROM rectify_search_paused)
BEGIN
    INSERT INTO rectify_search_issue(rowid, body)
        SELECT key, body FROM rectify_search_document WHERE id IN (NEW.issue_id);
    INSERT INTO rectify_search_issue_grams(rowid, grams)
        SELECT key, rectify_search_grams(body) FROM rectify_search_document WHERE id IN (NEW.issue_id);
    INSERT INTO rectify_search_indexed (issue_id, key) SELECT id, key
        FROM rectify_search_document WHERE id IN (NEW.issue_id);
END
""",
    """
CREATE TRIGGER rectify_search_measure_bu BEFORE UPDATE ON rectify_measure FOR EACH ROW
WHEN NOT EXISTS (SELECT 1 FROM rectify_search_paused)
     AND (OLD.text IS NOT NEW.text
     OR OLD.issue_id IS NOT NEW.issue_id)
BEGIN
    INSERT INTO rectify_search_issue(rectify_search_issue, rowid, body)
        SELECT 'delete', key, body FROM rectify_search_indexed_document WHERE id IN (OLD.issue_id, NEW.issue_id);
    INSERT INTO rectify_search_issue_grams(rectify_search_issue_grams, rowid, grams)
        SELECT 'delete', key, rectify_search_grams(body)
            FROM rectify_search_indexed_document WHERE id IN (OLD.issue_id, NEW.issue_id);
    DELETE FROM rectify_search_indexed WHERE issue_id IN (OLD.issue_id, NEW.issue_id);
END
""",
    """
CREATE TRIGGER rectify_search_measure_au AFTER UPDATE ON rectify_measure FOR EACH ROW
WHEN NOT EXISTS (SELECT 1 FROM rectify_search_paused)
     AND (OLD.text IS NOT NEW.text
     OR OLD.issue_id IS NOT NEW.issue_id)
BEGIN
    INSERT INTO rectify_search_issue(rowid, body)
        SELECT key, body FROM rectify_search_document WHERE id IN (OLD.issue_id, NEW.issue_id);
    INSERT INTO rectify_search_issue_grams(rowid, grams)
        SELECT key, rectify_search_grams(body) FROM rectify_search_document WHERE id IN (OLD.issue_id, NEW.issue_id);
    INSERT INTO rectify_search_indexed (issue_id, key) SELECT id, key
        FROM rectify_search_document WHERE id IN (OLD.issue_id, NEW.issue_id);
END
""",
    """
CREATE TRIGGER rectify_search_measure_bd BEFORE DELETE ON rectify_measure FOR EACH ROW
WHEN NOT EXISTS (SELECT 1 FROM rectify_search_paused)
BEGIN
    INSERT INTO rectify_search_issue(rectify_search_issue, rowid, body)
        SELECT 'delete', key, body FROM rectify_search_indexed_document WHERE id IN (OLD.issue_id);
    INSERT INTO rectify_search_issue_grams(rectify_search_issue_grams, rowid, grams)
        SELECT 'delete', key, rectify_search_grams(body)
            FROM rectify_search_indexed_document WHERE id IN (OLD.issue_id);
    DELETE FROM rectify_search_indexed WHERE issue_id IN (OLD.issue_id);
END
""",
    """
CREATE TRIGGER rectify_search_measure_ad AFTER DELETE ON rectify_measure FOR EACH ROW
WHEN NOT EXISTS (SELECT 1 FROM rectify_search_paused)
BEGIN
    INSERT INTO rectify_search_issue(rowid, body)
        SELECT key, body FROM rectify_search_document WHERE id IN (OLD.issue_id);
    INSERT INTO rectify_search_issue_grams(rowid, grams)
        SELECT key, rectify_search_grams(body) FROM rectify_search_document WHERE id IN (OLD.issue_id);
    INSERT INTO rectify_search_indexed (issue_id, key) SELECT id, key
        FROM rectify_search_document WHERE id IN (OLD.issue_id);
END
""",
    """
CREATE TRIGGER rectify_search_report_bu BEFORE UPDATE ON rectify_report FOR EACH ROW
WHEN NOT EXISTS (SELECT 1 FROM rectify_search_paused)
     AND (OLD.is_published IS NOT NEW.is_published
     OR OLD.published_date IS NOT NEW.published_date
     OR OLD.signed_date IS NOT NEW.signed_date
     OR OLD.disclosure_start IS NOT NEW.disclosure_start)
BEGIN
    INSERT INTO rectify_search_issue(rectify_search_issue, rowid, body)
        SELECT 'delete', key, body
            FROM rectify_search_indexed_document WHERE id IN (SELECT id FROM rectify_issue WHERE report_id = OLD.id);
    INSERT INTO rectify_search_issue_grams(rectify_search_issue_grams, rowid, grams)
        SELECT 'delete', key, rectify_search_grams(body)
            FROM rectify_search_indexed_document WHERE id IN (SELECT id FROM rectify_issue WHERE report_id = OLD.id);
    DELETE FROM rectify_search_indexed WHERE issue_id IN (SELECT id FROM rectify_issue WHERE report_id = OLD.id);
END
""",
    """
CREATE TRIGGER rectify_search_report_au AFTER UPDATE ON rectify_report FOR EACH ROW
WHEN NOT EXISTS (SELECT 1 FROM rectify_search_paused)
     AND (OLD.is_published IS NOT NEW.is_published
     OR OLD.published_date IS NOT NEW.published_date
     OR OLD.signed_date IS NOT NEW.signed_date
     OR OLD.disclosure_start IS NOT NEW.disclosure_start)
BEGIN
    INSERT INTO rectify_search_issue(rowid, body)
        SELECT key, body
            FROM rectify_search_document WHERE id IN (SELECT id FROM rectify_issue WHERE report_id = NEW.id);
    INSERT INTO rectify_search_issue_grams(rowid, grams)
        SELECT key, rectify_search_grams(body)
            FROM rectify_search_document WHERE id IN (SELECT id FROM rectify_issue WHERE report_id = NEW.id);
    INSERT INTO rectify_search_indexed (issue_id, key) SELECT id, key
        FROM rectify_search_document WHERE id IN (SELECT id FROM rectify_issue WHERE report_id = NEW.id);
END
""",
    """
-- Each measure's own text, folded, under the measure's id: measure search (admin, /search/) is one
-- lookup, like a problem's, not a test of every measure of every matching problem.
CREATE VIRTUAL TABLE rectify_search_measure USING fts5(
    body, content='', columnsize=0, tokenize='trigram case_sensitive 1'
)
""",
    """
CREATE VIRTUAL TABLE rectify_search_measure_grams USING fts5(
    grams, content='', columnsize=0, detail=none, tokenize='trigram case_sensitive 1'
)
""",
    """
CREATE TRIGGER rectify_search_measure_text_ai AFTER INSERT ON rectify_measure FOR EACH ROW
WHEN NOT EXISTS (SELECT 1 FROM rectify_search_paused)
BEGIN
    INSERT INTO rectify_search_measure(rowid, body) VALUES (NEW.id, rectify_search_fold(NEW.text));
    INSERT INTO rectify_search_measure_grams(rowid, grams)
        VALUES (NEW.id, rectify_search_grams(rectify_search_fold(NEW.text)));
END
""",
    """
CREATE TRIGGER rectify_search_measure_text_bu BEFORE UPDATE ON rectify_measure FOR EACH ROW
WHEN NOT EXISTS (SELECT 1 FROM rectify_search_paused) AND (OLD.text IS NOT NEW.text OR OLD.id IS NOT NEW.id)
BEGIN
    INSERT INTO rectify_search_measure(rectify_search_measure, rowid, body)
        VALUES ('delete', OLD.id, rectify_search_fold(OLD.text));
    INSERT INTO rectify_search_measure_grams(rectify_search_measure_grams, rowid, grams)
        VALUES ('delete', OLD.id, rectify_search_grams(rectify_search_fold(OLD.text)));
END
""",
    """
CREATE TRIGGER rectify_search_measure_text_au AFTER UPDATE ON rectify_measure FOR EACH ROW
WHEN NOT EXISTS (SELECT 1 FROM rectify_search_paused) AND (OLD.text IS NOT NEW.text OR OLD.id IS NOT NEW.id)
BEGIN
    INSERT INTO rectify_search_measure(rowid, body) VALUES (NEW.id, rectify_search_fold(NEW.text));
    INSERT INTO rectify_search_measure_grams(rowid, grams)
        VALUES (NEW.id, rectify_search_grams(rectify_search_fold(NEW.text)));
END
""",
    """
CREATE TRIGGER rectify_search_measure_text_bd BEFORE DELETE ON rectify_measure FOR EACH ROW
WHEN NOT EXISTS (SELECT 1 FROM rectify_search_paused)
BEGIN
    INSERT INTO rectify_search_measure(rectify_search_measure, rowid, body)
        VALUES ('delete', OLD.id, rectify_search_fold(OLD.text));
    INSERT INTO rectify_search_measure_grams(rectify_search_measure_grams, rowid, grams)
        VALUES ('delete', OLD.id, rectify_search_grams(rectify_search_fold(OLD.text)));
END
""",
]

DROP = [
    *(
        f"DROP TRIGGER IF EXISTS rectify_search_{name}"
        for name in (
            "issue_ai",
            "issue_bu",
            "issue_au",
            "issue_bd",
            "measure_bi",
            "measure_ai",
            "measure_bu",
            "measure_au",
            "measure_bd",
            "measure_ad",
            "report_bu",
            "report_au",
            "measure_text_ai",
            "measure_text_bu",
            "measure_text_au",
            "measure_text_bd",
        )
    ),
    "DROP TABLE IF EXISTS rectify_search_issue",
    "DROP TABLE IF EXISTS rectify_search_issue_grams",
    "DROP TABLE IF EXISTS rectify_search_measure",
    "DROP TABLE IF EXISTS rectify_search_measure_grams",
    "DROP VIEW IF EXISTS rectify_search_document",
    "DROP VIEW IF EXISTS rectify_search_indexed_document",
    "DROP TABLE IF EXISTS rectify_search_indexed",
    "DROP TABLE IF EXISTS rectify_search_paused",
]
