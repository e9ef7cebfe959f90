"""Search folds what it indexes, and the whole search schema is rewritten from one place.

Folding (rectify/search/folding.py): traditional characters are indexed and asked as simplified,
full-width letters and digits as half-width, ASCII letters lowered, one character for one; so 補助
finds 补助 and ＡＰＰ finds APP through the index. SQLite's documents are folded by
rectify_search_fold(), a Python function registered on every connection; PostgreSQL's by
rectify_search_fold(), SQL holding a frozen copy of the same table (it replaces
rectify_search_lower()).

From this migration on, the live search SQL is readable in rectify/search/sql_sqlite.py and
sql_postgres.py. This migration drops every search object and creates them all again from frozen
copies of those modules (rectify/tests/test_search_schema.py checks that the copies equal the
modules), then fills the index: at 10,000 reports that is the length of a rebuild_search_index.
A later change edits the modules and adds a migration with its own copies.

Reversing rebuilds the schema of migrations 0007 (SQLite, from its own code) and 0003-0012
(PostgreSQL, a copy of what they left).
"""

from django.db import migrations

from rectify.search.text import register_sqlite_functions

# The SQLite search objects of migration 0007 and of this one (IF EXISTS: either may be there).
SQLITE_DROP = [
    'DROP TRIGGER IF EXISTS rectify_search_issue_ai',
    'DROP TRIGGER IF EXISTS rectify_search_issue_bu',
    'DROP TRIGGER IF EXISTS rectify_search_issue_au',
    'DROP TRIGGER IF EXISTS rectify_search_issue_bd',
    'DROP TRIGGER IF EXISTS rectify_search_measure_bi',
    'DROP TRIGGER IF EXISTS rectify_search_measure_ai',
    'DROP TRIGGER IF EXISTS rectify_search_measure_bu',
    'DROP TRIGGER IF EXISTS rectify_search_measure_au',
    'DROP TRIGGER IF EXISTS rectify_search_measure_bd',
    'DROP TRIGGER IF EXISTS rectify_search_measure_ad',
    'DROP TRIGGER IF EXISTS rectify_search_report_bu',
    'DROP TRIGGER IF EXISTS rectify_search_report_au',
    'DROP TRIGGER IF EXISTS rectify_search_measure_text_ai',
    'DROP TRIGGER IF EXISTS rectify_search_measure_text_bu',
    'DROP TRIGGER IF EXISTS rectify_search_measure_text_au',
    'DROP TRIGGER IF EXISTS rectify_search_measure_text_bd',
    'DROP TABLE IF EXISTS rectify_search_issue',
    'DROP TABLE IF EXISTS rectify_search_issue_grams',
    'DROP TABLE IF EXISTS rectify_search_measure',
    'DROP TABLE IF EXISTS rectify_search_measure_grams',
    'DROP VIEW IF EXISTS rectify_search_document',
    'DROP VIEW IF EXISTS rectify_search_indexed_document',
    'DROP TABLE IF EXISTS rectify_search_indexed',
    'DROP TABLE IF EXISTS rectify_search_paused',
]

# A frozen copy of rectify.search.sql_sqlite.SCHEMA as of this migration.
SQLITE_SCHEMA = [
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

# Fill every table (rectify.search.sqlite.fill's statements, frozen).
SQLITE_FILL = [
    'INSERT INTO rectify_search_indexed (issue_id, key) SELECT id, key FROM rectify_search_document',
    "INSERT INTO rectify_search_issue(rectify_search_issue, rank) VALUES ('automerge', 0)",
    "INSERT INTO rectify_search_issue(rectify_search_issue, rank) VALUES ('hashsize', 67108864)",
    'INSERT INTO rectify_search_issue(rowid, body) SELECT key, body FROM rectify_search_document',
    "INSERT INTO rectify_search_issue(rectify_search_issue) VALUES ('optimize')",
    "INSERT INTO rectify_search_issue(rectify_search_issue, rank) VALUES ('automerge', 16)",
    "INSERT INTO rectify_search_issue(rectify_search_issue, rank) VALUES ('hashsize', 1048576)",
    "INSERT INTO rectify_search_issue_grams(rectify_search_issue_grams, rank) VALUES ('automerge', 0)",
    "INSERT INTO rectify_search_issue_grams(rectify_search_issue_grams, rank) VALUES ('hashsize', 67108864)",
    'INSERT INTO rectify_search_issue_grams(rowid, grams) SELECT key, rectify_search_grams(body) FROM rectify_search_document',
    "INSERT INTO rectify_search_issue_grams(rectify_search_issue_grams) VALUES ('optimize')",
    "INSERT INTO rectify_search_issue_grams(rectify_search_issue_grams, rank) VALUES ('automerge', 16)",
    "INSERT INTO rectify_search_issue_grams(rectify_search_issue_grams, rank) VALUES ('hashsize', 1048576)",
    "INSERT INTO rectify_search_measure(rectify_search_measure, rank) VALUES ('automerge', 0)",
    "INSERT INTO rectify_search_measure(rectify_search_measure, rank) VALUES ('hashsize', 67108864)",
    'INSERT INTO rectify_search_measure(rowid, body) SELECT id, rectify_search_fold(text) FROM rectify_measure',
    "INSERT INTO rectify_search_measure(rectify_search_measure) VALUES ('optimize')",
    "INSERT INTO rectify_search_measure(rectify_search_measure, rank) VALUES ('automerge', 16)",
    "INSERT INTO rectify_search_measure(rectify_search_measure, rank) VALUES ('hashsize', 1048576)",
    "INSERT INTO rectify_search_measure_grams(rectify_search_measure_grams, rank) VALUES ('automerge', 0)",
    "INSERT INTO rectify_search_measure_grams(rectify_search_measure_grams, rank) VALUES ('hashsize', 67108864)",
    'INSERT INTO rectify_search_measure_grams(rowid, grams) SELECT id, rectify_search_grams(rectify_search_fold(text)) FROM rectify_measure',
    "INSERT INTO rectify_search_measure_grams(rectify_search_measure_grams) VALUES ('optimize')",
    "INSERT INTO rectify_search_measure_grams(rectify_search_measure_grams, rank) VALUES ('automerge', 16)",
    "INSERT INTO rectify_search_measure_grams(rectify_search_measure_grams, rank) VALUES ('hashsize', 1048576)",
]

# The PostgreSQL search objects before this migration (0003-0012's), dropped.
POSTGRES_DROP_BEFORE = r"""
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
DROP TABLE IF EXISTS rectify_search_issue;
DROP FUNCTION IF EXISTS rectify_search_query(text);
DROP FUNCTION IF EXISTS rectify_search_vector(text);
DROP FUNCTION IF EXISTS rectify_search_too_long(text);
DROP FUNCTION IF EXISTS rectify_search_key(bigint, boolean, date);
DROP FUNCTION IF EXISTS rectify_search_lower(text);
DROP TABLE IF EXISTS rectify_search_paused;
"""

# A frozen copy of rectify.search.sql_postgres.SCHEMA as of this migration, folding strings put in.
POSTGRES_SCHEMA = r"""
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
    SELECT CASE WHEN value ~ '[ª²³¹ºſʰʲʳʷʸˡˢˣᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁᵂᵃᵇᵈᵉᵍᵏᵐᵒᵖᵗᵘᵛᵢᵣᵤᵥᶜᶠᶻ⁰ⁱ⁴⁵⁶⁷⁸⁹ⁿ₀₁₂₃₄₅₆₇₈₉ₐₑₒₓₕₖₗₘₙₚₛₜℂℊℋℌℍℎℐℑℒℓℕℙℚℛℜℝℤℨKℬℭℯℰℱℳℴℹⅅⅆⅇⅈⅉⅠⅤⅩⅬⅭⅮⅯⅰⅴⅹⅼⅽⅾⅿ①②③④⑤⑥⑦⑧⑨ⒶⒷⒸⒹⒺⒻⒼⒽⒾⒿⓀⓁⓂⓃⓄⓅⓆⓇⓈⓉⓊⓋⓌⓍⓎⓏⓐⓑⓒⓓⓔⓕⓖⓗⓘⓙⓚⓛⓜⓝⓞⓟⓠⓡⓢⓣⓤⓥⓦⓧⓨⓩ⓪ⱼⱽ⺟⻳⼀⼁⼂⼃⼄⼅⼆⼇⼈⼉⼊⼋⼌⼍⼎⼏⼐⼑⼒⼓⼔⼕⼖⼗⼘⼙⼚⼛⼜⼝⼞⼟⼠⼡⼢⼣⼤⼥⼦⼧⼨⼩⼪⼫⼬⼭⼮⼯⼰⼱⼲⼳⼴⼵⼶⼷⼸⼹⼺⼻⼼⼽⼾⼿⽀⽁⽂⽃⽄⽅⽆⽇⽈⽉⽊⽋⽌⽍⽎⽏⽐⽑⽒⽓⽔⽕⽖⽗⽘⽙⽚⽛⽜⽝⽞⽟⽠⽡⽢⽣⽤⽥⽦⽧⽨⽩⽪⽫⽬⽭⽮⽯⽰⽱⽲⽳⽴⽵⽶⽷⽸⽹⽺⽻⽼⽽⽾⽿⾀⾁⾂⾃⾄⾅⾆⾇⾈⾉⾊⾋⾌⾍⾎⾏⾐⾑⾒⾓⾔⾕⾖⾗⾘⾙⾚⾛⾜⾝⾞⾟⾠⾡⾢⾣⾤⾥⾦⾧⾨⾩⾪⾫⾬⾭⾮⾯⾰⾱⾲⾳⾴⾵⾶⾷⾸⾹⾺⾻⾼⾽⾾⾿⿀⿁⿂⿃⿄⿅⿆⿇⿈⿉⿊⿋⿌⿍⿎⿏⿐⿑⿒⿓⿔⿕〸〹〺㆒㆓㆔㆕㆖㆗㆘㆙㆚㆛㆜㆝㆞㆟㉄㉅㉆㉇㊀㊁㊂㊃㊄㊅㊆㊇㊈㊉㊊㊋㊌㊍㊎㊏㊐㊑㊒㊓㊔㊕㊖㊗㊘㊙㊚㊛㊜㊝㊞㊟㊠㊡㊢㊣㊤㊥㊦㊧㊨㊩㊪㊫㊬㊭㊮㊯㊰㑮㑯㑳㑶㒓㓄㓨㔋㖮㗲㗿㘉㘓㘔㘚㛝㜄㜏㜐㜗㜢㜷㞞㟺㠏㠣㢗㢝㥮㦎㦛㦞㨻㩋㩜㩳㩵㪎㯤㰙㵗㵾㶆㷍㷿㸇㹽㺏㺜㻶㿖㿗㿧䀉䀹䁪䁻䂎䃮䅐䅳䆉䉑䉙䉬䉲䉶䊭䊷䊺䋃䋔䋙䋚䋦䋹䋻䋼䋿䌈䌋䌖䌝䌟䌥䌰䍤䍦䍽䎙䎱䓣䕤䕳䖅䗅䗿䙔䙡䙱䚩䛄䛳䜀䜖䝭䝻䝼䞈䞋䞓䟃䟆䟐䠆䠱䡐䡩䡵䢨䤤䥄䥇䥑䥕䥗䥩䥯䥱䦘䦛䦟䦯䦳䧢䪊䪏䪗䪘䪴䪾䫀䫂䫟䫴䫶䫻䫾䬓䬘䬝䬞䬧䭀䭃䭑䭔䭿䮄䮝䮞䮠䮫䮰䮳䮾䯀䯤䰾䱀䱁䱙䱧䱬䱰䱷䱸䱽䲁䲅䲖䲘䲰䳜䳢䳤䳧䳫䴉䴋䴬䴱䴴䴽䵳䵴䶕䶲丟並乾亂亙亞佇佈佔併來侖侶侷俁係俓俔俠俥俬倀倆倈倉個們倖倫倲偉偑側偵偽傌傑傖傘備傢傭傯傳傴債傷傾僂僅僉僑僕僞僤僥僨僱價儀儁儂億儈儉儎儐儔儕儘償儣優儭儲儷儸儺儻儼兇兌兒兗內兩冊冑冪凈凍凙凜凱別刪剄則剋剎剗剛剝剮剴創剷剾劃劄劇劉劊劌劍劏劑劚勁勑動務勛勝勞勢勣勩勱勳勵勸勻匭匯匱區協卹卻卽厙厠厤厭厲厴參叄叢吒吳吶呂咼員哯唄唓唸問啓啞啟啢喎喚喪喫喬單喲嗆嗇嗊嗎嗚嗩嗰嗶嗹嘆嘍嘓嘔嘖嘗嘜嘩嘪嘮嘯嘰嘳嘵嘸嘺嘽噁噅噓噚噝噞噠噥噦噯噲噴噸噹嚀嚇嚌嚐嚕嚙嚛嚥嚦嚧嚨嚮嚲嚳嚴嚶嚽囀囁囂囃囅囈囉囌囑囒囪圇國圍園圓圖團圞垻埡埨埬埰執堅堊堖堚堝堯報場塊塋塏塒塗塚塢塤塵塸塹塿墊墜墠墮墰墲墳墶墻墾壇壈壋壎壓壗壘壙壚壜壞壟壠壢壣壩壪壯壺壼壽夠夢夥夾奐奧奩奪奬奮奼妝姍姦娙娛婁婡婦婭媈媧媯媰媼媽嫋嫗嫵嫺嫻嫿嬀嬃嬇嬈嬋嬌嬙嬡嬣嬤嬦嬪嬰嬸嬻孃孄孆孇孋孌孎孫學孻孾孿宮寀寠寢實寧審寫寬寵寶將專尋對導尷屆屍屓屜屢層屨屩屬岡峯峴島峽崍崑崗崙崢崬嵐嵗嵼嵽嵾嶁嶄嶇嶈嶔嶗嶘嶠嶢嶧嶨嶮嶸嶹嶺嶼嶽巊巋巒巔巖巗巘巰巹帥師帳帶幀幃幓幗幘幝幟幣幩幫幬幷幹幾庫廁廂廄廈廎廕廚廝廞廟廠廡廢廣廧廩廬廳弒弔弳張強彃彄彆彈彌彎彔彙彠彥彫彲彿後徑從徠復徵徹徿恆恥悅悞悵悶悽惡惱惲惻愛愜愨愴愷愻愾慄態慍慘慚慟慣慤慪慫慮慳慶慺慼慾憂憊憐憑憒憖憚憢憤憫憮憲憶憸憹懀懇應懌懍懎懞懟懣懤懨懲懶懷懸懺懼懾戀戇戔戧戩戰戱戲戶扞拋拚挩挱挾捨捫捱捲掃掄掆掗掙掚掛採揀揚換揮揯損搖搗搧搵搶摋摐摑摜摟摯摳摶摺摻撈撊撏撐撓撝撟撣撥撧撫撲撳撻撾撿擁擄擇擊擋擓擔據擟擠擡擣擫擬擯擰擱擲擴擷擺擻擼擽擾攄攆攋攏攔攖攙攛攜攝攢攣攤攪攬敎敓敗敘敵數斂斃斅斆斕斬斷斸於旂旣昇時晉晛晝暈暉暐暘暢暫曄曆曇曉曊曏曖曠曥曨曬書會朥朧朮東枴柵柺査桱桿梔梖梘梜條梟梲棄棊棖棗棟棡棧棲棶椏椲楇楊楓楨業極榘榦榪榮榲榿構槍槓槤槧槨槫槮槳槶槼樁樂樅樑樓標樞樠樢樣樤樧樫樳樸樹樺樿橈橋機橢橫橯檁檉檔檜檟檢檣檭檮檯檳檵檸檻櫃櫅櫍櫓櫚櫛櫝櫞櫟櫠櫥櫧櫨櫪櫫櫬櫱櫳櫸櫻欄欅欇權欍欏欐欑欒欓欖欘欞欽歎歐歟歡歲歷歸歿殘殞殢殤殨殫殭殮殯殰殲殺殻殼毀毆毊毿氂氈氌氣氫氬氭氳氾汎汙決沒沖況泝洩洶浹浿涇涗涼淒淚淥淨淩淪淵淶淺渙減渢渦測渾湊湋湞湧湯溈準溝溡溫溮溳溼滄滅滌滎滙滬滯滲滷滸滻滾滿漁漊漍漚漢漣漬漲漵漸漿潁潑潔潕潙潚潛潣潤潯潰潷潿澀澅澆澇澐澗澠澤澦澩澫澬澮澱澾濁濃濄濆濕濘濚濛濜濟濤濧濫濰濱濺濼濾濿瀂瀃瀅瀆瀇瀉瀋瀏瀕瀘瀝瀟瀠瀦瀧瀨瀰瀲瀾灃灄灍灑灒灕灘灙灝灡灣灤灧灩災為烏烴無煇煉煒煙煢煥煩煬煱熂熅熉熌熒熓熗熚熡熰熱熲熾燀燁燈燉燒燖燙燜營燦燬燭燴燶燻燼燾爃爄爇爍爐爖爛爥爧爭爲爺爾牀牆牘牴牽犖犛犞犢犧狀狹狽猌猙猶猻獁獃獄獅獊獎獨獩獪獫獮獰獱獲獵獷獸獺獻獼玀玁珼現琱琺琿瑋瑒瑣瑤瑩瑪瑲瑻瑽璉璊璕璗璝璡璣璦璫璯環璵璸璼璽璾璿瓄瓅瓊瓏瓔瓕瓚瓛甌甕產産畝畢畫異畵當畼疇疊痙痠痮痾瘂瘋瘍瘓瘞瘡瘧瘮瘱瘲瘺瘻療癆癇癉癐癒癘癟癡癢癤癥癧癩癬癭癮癰癱癲發皁皚皟皰皸皺盃盜盞盡監盤盧盨盪眝眞眥眾睍睏睜睞瞘瞜瞞瞤瞶瞼矇矉矑矓矚矯硃硜硤硨硯碕碙碩碭碸確碼碽磑磚磠磣磧磯磽磾礄礎礐礒礙礦礪礫礬礮礱祕祿禍禎禕禡禦禪禮禰禱禿秈稅稈稏稜稟種稱穀穇穌積穎穠穡穢穩穫穭窩窪窮窯窵窶窺竄竅竇竈竊竚竪竱競筆筍筧筴箇箋箏箚節範築篋篔篘篠篢篤篩篳篸簀簂簍簑簞簡簢簣簫簹簽簾籃籅籋籌籔籙籛籜籟籠籤籩籪籬籮籲粵糉糝糞糧糰糲糴糶糹糺糾紀紂紃約紅紆紇紈紉紋納紐紓純紕紖紗紘紙級紛紜紝紞紟紡紬紮細紱紲紳紵紹紺紼紿絀絁終絃組絅絆絍絎結絕絙絛絝絞絡絢絥給絧絨絪絰統絲絳絶絹絺綀綁綃綄綆綇綈綉綋綌綎綏綐綑經綖綜綝綞綟綠綡綢綣綧綪綫綬維綯綰綱網綳綴綵綸綹綺綻綽綾綿緄緇緊緋緍緑緒緓緔緗緘緙線緝緞緟締緡緣緤緦編緩緬緮緯緰緱緲練緶緷緸緹緻緼縈縉縊縋縍縎縐縑縕縗縛縝縞縟縣縧縫縬縭縮縯縰縱縲縳縴縵縶縷縸縹縺總績繂繃繅繆繈繏繐繒繓織繕繚繞繟繡繢繨繩繪繫繬繭繮繯繰繳繶繷繸繹繻繼繽繾繿纁纆纇纈纊續纍纏纓纔纕纖纗纘纚纜缽罃罈罌罎罰罵罷羅羆羈羋羣羥羨義羵羶習翫翬翹翽耬耮聖聞聯聰聲聳聵聶職聹聻聽聾肅脅脈脛脣脥脩脫脹腎腖腡腦腪腫腳腸膃膕膚膞膠膢膩膹膽膾膿臉臍臏臗臘臚臟臠臢臥臨臺與興舉舊舖舘艙艣艤艦艫艱艷芻苧茲荊莊莖莢莧菕華菴菸萇萊萬萴萵葉葒葝葤葦葯葷蒍蒐蒓蒔蒕蒞蒭蒼蓀蓆蓋蓧蓮蓯蓴蓽蔄蔔蔘蔞蔣蔥蔦蔭蔯蔿蕁蕆蕎蕒蕓蕕蕘蕝蕢蕩蕪蕭蕳蕷蕽薀薆薈薊薌薑薔薘薟薦薩薳薴薵薹薺藍藎藝藥藪藭藴藶藷藹藺蘀蘄蘆蘇蘊蘋蘚蘞蘟蘢蘭蘺蘿虆虉處虛虜號虧虯蛺蛻蜆蝀蝕蝟蝦蝨蝸螄螞螢螮螻螿蟂蟄蟈蟎蟘蟜蟣蟬蟯蟲蟳蟶蟻蠀蠁蠅蠆蠍蠐蠑蠔蠙蠟蠣蠦蠨蠱蠶蠻蠾衆衊術衕衚衛衝袞袷裊裏補裝裡製複褌褘褲褳褸褻襀襇襉襏襓襖襗襘襝襠襤襪襬襯襰襲襴襵覈見覎規覓視覘覛覡覥覦親覬覯覲覷覹覺覼覽覿觀觴觶觸訁訂訃計訊訌討訏訐訑訒訓訕訖託記訛訜訝訞訟訢訣訥訨訩訪設許訴訶診註証詀詁詆詊詎詐詑詒詓詔評詖詗詘詛詝詞詠詡詢詣試詩詪詫詬詭詮詰話該詳詵詷詼詿誂誄誅誆誇誋誌認誑誒誕誘誚語誠誡誣誤誥誦誨說誫説誰課誳誴誶誷誹誺誼誾調諂諄談諉請諍諏諑諒諓論諗諛諜諝諞諟諡諢諣諤諥諦諧諫諭諮諯諰諱諲諳諴諶諷諸諺諼諾謀謁謂謄謅謆謉謊謎謏謐謔謖謗謙謚講謝謠謡謨謫謬謭謯謱謳謸謹謾譁譂譅譆證譊譎譏譑譓譖識譙譚譜譞譟譨譫譭譯議譴護譸譽譾讀讅變讋讌讎讒讓讕讖讚讜讞谿豈豎豐豔豬豵豶貍貓貗貙貝貞貟負財貢貧貨販貪貫責貯貰貲貳貴貶買貸貺費貼貽貿賀賁賂賃賄賅資賈賊賑賒賓賕賙賚賜賝賞賟賠賡賢賣賤賦賧質賫賬賭賰賴賵賺賻購賽賾贃贄贅贇贈贉贊贋贍贏贐贑贓贔贖贗贚贛贜赬趕趙趨趲跡踐踰踴蹌蹔蹕蹟蹠蹣蹤蹳蹺蹻躂躉躊躋躍躎躑躒躓躕躘躚躝躡躥躦躪軀軉車軋軌軍軏軑軒軔軕軗軛軜軝軟軤軨軫軬軲軷軸軹軺軻軼軾軿較輄輅輇輈載輊輋輒輓輔輕輖輗輛輜輝輞輟輢輥輦輨輩輪輬輮輯輳輶輷輸輻輼輾輿轀轂轄轅轆轇轉轊轍轎轐轔轗轟轠轡轢轣轤辦辭辮辯農迴逕這連週進遊運過達違遙遜遞遠遡適遱遲遶遷選遺遼邁還邇邊邏邐郟郵鄆鄉鄒鄔鄖鄟鄧鄩鄭鄰鄲鄳鄴鄶鄺酇酈醃醖醜醞醟醣醫醬醱醲醶釀釁釃釅釋釐釒釓釔釕釗釘釙釚針釟釣釤釦釧釨釩釲釳釴釵釷釹釺釾釿鈀鈁鈃鈄鈅鈆鈇鈈鈉鈋鈍鈎鈐鈑鈒鈔鈕鈖鈗鈛鈞鈠鈡鈣鈥鈦鈧鈮鈯鈰鈲鈳鈴鈷鈸鈹鈺鈽鈾鈿鉀鉁鉅鉆鉈鉉鉊鉋鉍鉑鉔鉕鉗鉚鉛鉝鉞鉠鉢鉤鉥鉦鉧鉬鉭鉮鉳鉶鉷鉸鉺鉻鉽鉾鉿銀銁銂銃銅銈銊銍銏銑銓銖銘銚銛銜銠銣銥銦銨銩銪銫銬銱銳銶銷銹銻銼鋁鋂鋃鋅鋇鋉鋌鋏鋐鋒鋗鋙鋝鋟鋠鋣鋤鋥鋦鋨鋩鋪鋭鋮鋯鋰鋱鋶鋸鋹鋼錀錁錂錄錆錇錈錏錐錒錕錘錙錚錛錜錝錞錟錠錡錢錤錥錦錨錩錫錮錯録錳錶錸錼錽鍀鍁鍃鍄鍅鍆鍇鍈鍉鍊鍋鍍鍒鍔鍘鍚鍛鍠鍤鍥鍩鍬鍭鍮鍰鍵鍶鍺鍼鍾鎂鎄鎇鎈鎊鎌鎍鎓鎔鎖鎘鎙鎚鎛鎝鎞鎡鎢鎣鎦鎧鎩鎪鎬鎭鎮鎯鎰鎲鎳鎵鎶鎷鎸鎿鏃鏆鏇鏈鏉鏌鏍鏏鏐鏑鏗鏘鏚鏜鏝鏞鏟鏡鏢鏤鏥鏦鏨鏰鏵鏷鏹鏺鏻鏽鏾鐃鐄鐇鐈鐋鐍鐎鐏鐐鐒鐓鐔鐘鐙鐝鐠鐥鐦鐧鐨鐩鐪鐫鐮鐯鐲鐳鐵鐶鐸鐺鐼鐽鐿鑀鑄鑉鑊鑌鑑鑒鑔鑕鑞鑠鑣鑥鑪鑭鑰鑱鑲鑴鑷鑹鑼鑽鑾鑿钁钂長門閂閃閆閈閉開閌閍閎閏閐閑閒間閔閗閘閝閞閡閣閤閥閨閩閫閬閭閱閲閵閶閹閻閼閽閾閿闃闆闇闈闉闊闋闌闍闐闑闒闓闔闕闖關闞闠闡闢闤闥陘陝陞陣陰陳陸陽隉隊階隑隕際隤隨險隮隯隱隴隸隻雋雖雙雛雜雞離難雲電霑霢霣霧霼霽靂靄靆靈靉靚靜靝靦靧靨鞏鞝鞦鞽鞾韁韃韆韉韋韌韍韓韙韚韛韜韝韞韠韻響頁頂頃項順頇須頊頌頍頎頏預頑頒頓頔頗領頜頠頡頤頦頫頭頮頰頲頴頵頷頸頹頻頽顂顃顅顆題額顎顏顒顓顔顗願顙顛類顢顣顥顧顫顬顯顰顱顳顴風颭颮颯颰颱颳颶颷颸颺颻颼颾飀飄飆飈飋飛飠飢飣飥飦飩飪飫飭飯飱飲飴飵飶飼飽飾飿餃餄餅餈餉養餌餎餏餑餒餓餔餕餖餗餘餚餛餜餞餡餦餧館餪餫餬餭餱餳餵餶餷餸餺餼餾餿饁饃饅饈饉饊饋饌饑饒饗饘饜饞饟饠饢馬馭馮馯馱馳馴馹馼駁駃駉駊駎駐駑駒駓駔駕駘駙駚駛駝駞駟駡駢駤駧駩駪駫駭駰駱駶駸駻駼駿騁騂騃騄騅騉騊騌騍騎騏騑騔騖騙騚騜騝騞騟騠騤騧騪騫騭騮騰騱騴騵騶騷騸騻騼騾驀驁驂驃驄驅驊驋驌驍驎驏驓驕驗驙驚驛驟驢驤驥驦驨驪驫骯髏髒體髕髖髮鬆鬍鬖鬚鬠鬢鬥鬧鬨鬩鬮鬱鬹魎魘魚魛魟魢魥魦魨魯魴魵魷魺魽鮀鮁鮃鮄鮅鮆鮈鮊鮋鮍鮎鮐鮑鮒鮓鮚鮜鮝鮞鮟鮠鮡鮣鮤鮦鮪鮫鮭鮮鮯鮰鮳鮵鮶鮸鮺鮿鯀鯁鯄鯆鯇鯉鯊鯒鯔鯕鯖鯗鯛鯝鯞鯡鯢鯤鯧鯨鯪鯫鯬鯰鯱鯴鯶鯷鯻鯽鯾鯿鰁鰂鰃鰆鰈鰉鰊鰋鰌鰍鰏鰐鰑鰒鰓鰕鰛鰜鰟鰠鰣鰤鰥鰦鰧鰨鰩鰫鰭鰮鰱鰲鰳鰵鰶鰷鰹鰺鰻鰼鰽鰾鱀鱂鱄鱅鱆鱇鱈鱉鱊鱒鱔鱖鱗鱘鱚鱝鱟鱠鱢鱣鱤鱧鱨鱭鱮鱯鱲鱷鱸鱺鳥鳧鳩鳬鳲鳳鳴鳶鳷鳼鳽鳾鴀鴃鴅鴆鴇鴉鴐鴒鴔鴕鴗鴛鴜鴝鴞鴟鴣鴥鴦鴨鴮鴯鴰鴲鴳鴴鴷鴻鴽鴿鵁鵂鵃鵊鵏鵐鵑鵒鵓鵚鵜鵝鵟鵠鵡鵧鵩鵪鵫鵬鵮鵯鵰鵲鵷鵾鶄鶇鶉鶊鶌鶒鶓鶖鶗鶘鶚鶠鶡鶥鶦鶩鶪鶬鶭鶯鶰鶱鶲鶴鶹鶺鶻鶼鶿鷀鷁鷂鷄鷅鷉鷊鷐鷓鷔鷖鷗鷙鷚鷟鷣鷤鷥鷦鷨鷩鷫鷭鷯鷲鷳鷴鷷鷸鷹鷺鷽鷿鸂鸇鸊鸋鸌鸏鸑鸕鸗鸘鸚鸛鸝鸞鹵鹹鹺鹼鹽麗麥麨麩麪麫麬麯麲麳麴麵麷麼麽黃黌點黨黲黴黶黷黽黿鼂鼉鼕鼴齊齋齎齏齒齔齕齗齘齙齜齟齠齡齣齦齧齩齪齬齭齮齯齰齲齴齶齷齼齾龍龎龐龑龓龔龕龜龭龯鿁鿓ꟲꟳꟴ豈更車賈滑串句龜龜契金喇奈懶癩羅蘿螺裸邏樂洛烙珞落酪駱亂卵欄爛蘭鸞嵐濫藍襤拉臘蠟廊朗浪狼郎來冷勞擄櫓爐盧老蘆虜路露魯鷺碌祿綠菉錄鹿論壟弄籠聾牢磊賂雷壘屢樓淚漏累縷陋勒肋凜凌稜綾菱陵讀拏樂諾丹寧怒率異北磻便復不泌數索參塞省葉說殺辰沈拾若掠略亮兩凉梁糧良諒量勵呂女廬旅濾礪閭驪麗黎力曆歷轢年憐戀撚漣煉璉秊練聯輦蓮連鍊列劣咽烈裂說廉念捻殮簾獵令囹寧嶺怜玲瑩羚聆鈴零靈領例禮醴隸惡了僚寮尿料樂燎療蓼遼龍暈阮劉杻柳流溜琉留硫紐類六戮陸倫崙淪輪律慄栗率隆利吏履易李梨泥理痢罹裏裡里離匿溺吝燐璘藺隣鱗麟林淋臨立笠粒狀炙識什茶刺切度拓糖宅洞暴輻行降見廓兀嗀塚晴凞猪益礼神祥福靖精羽蘒諸逸都飯飼館鶴郞隷侮僧免勉勤卑喝嘆器塀墨層屮悔慨憎懲敏既暑梅海渚漢煮爫琢碑社祉祈祐祖祝禍禎穀突節練縉繁署者臭艹艹著褐視謁謹賓贈辶逸難響頻恵𤋮舘並况全侀充冀勇勺喝啕喙嗢塚墳奄奔婢嬨廒廙彩徭惘慎愈憎慠懲戴揄搜摒敖晴朗望杖歹殺流滛滋漢瀞煮瞧爵犯猪瑱甆画瘝瘟益盛直睊着磌窱節类絛練缾者荒華蝹襁覆視調諸請謁諾諭謹變贈輸遲醙鉶陼難靖韛響頋頻鬒龜𢡊𢡄𣏕㮝䀘䀹𥉉𥳐𧻓齃龎０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ𐞥𝐀𝐁𝐂𝐃𝐄𝐅𝐆𝐇𝐈𝐉𝐊𝐋𝐌𝐍𝐎𝐏𝐐𝐑𝐒𝐓𝐔𝐕𝐖𝐗𝐘𝐙𝐚𝐛𝐜𝐝𝐞𝐟𝐠𝐡𝐢𝐣𝐤𝐥𝐦𝐧𝐨𝐩𝐪𝐫𝐬𝐭𝐮𝐯𝐰𝐱𝐲𝐳𝐴𝐵𝐶𝐷𝐸𝐹𝐺𝐻𝐼𝐽𝐾𝐿𝑀𝑁𝑂𝑃𝑄𝑅𝑆𝑇𝑈𝑉𝑊𝑋𝑌𝑍𝑎𝑏𝑐𝑑𝑒𝑓𝑔𝑖𝑗𝑘𝑙𝑚𝑛𝑜𝑝𝑞𝑟𝑠𝑡𝑢𝑣𝑤𝑥𝑦𝑧𝑨𝑩𝑪𝑫𝑬𝑭𝑮𝑯𝑰𝑱𝑲𝑳𝑴𝑵𝑶𝑷𝑸𝑹𝑺𝑻𝑼𝑽𝑾𝑿𝒀𝒁𝒂𝒃𝒄𝒅𝒆𝒇𝒈𝒉𝒊𝒋𝒌𝒍𝒎𝒏𝒐𝒑𝒒𝒓𝒔𝒕𝒖𝒗𝒘𝒙𝒚𝒛𝒜𝒞𝒟𝒢𝒥𝒦𝒩𝒪𝒫𝒬𝒮𝒯𝒰𝒱𝒲𝒳𝒴𝒵𝒶𝒷𝒸𝒹𝒻𝒽𝒾𝒿𝓀𝓁𝓂𝓃𝓅𝓆𝓇𝓈𝓉𝓊𝓋𝓌𝓍𝓎𝓏𝓐𝓑𝓒𝓓𝓔𝓕𝓖𝓗𝓘𝓙𝓚𝓛𝓜𝓝𝓞𝓟𝓠𝓡𝓢𝓣𝓤𝓥𝓦𝓧𝓨𝓩𝓪𝓫𝓬𝓭𝓮𝓯𝓰𝓱𝓲𝓳𝓴𝓵𝓶𝓷𝓸𝓹𝓺𝓻𝓼𝓽𝓾𝓿𝔀𝔁𝔂𝔃𝔄𝔅𝔇𝔈𝔉𝔊𝔍𝔎𝔏𝔐𝔑𝔒𝔓𝔔𝔖𝔗𝔘𝔙𝔚𝔛𝔜𝔞𝔟𝔠𝔡𝔢𝔣𝔤𝔥𝔦𝔧𝔨𝔩𝔪𝔫𝔬𝔭𝔮𝔯𝔰𝔱𝔲𝔳𝔴𝔵𝔶𝔷𝔸𝔹𝔻𝔼𝔽𝔾𝕀𝕁𝕂𝕃𝕄𝕆𝕊𝕋𝕌𝕍𝕎𝕏𝕐𝕒𝕓𝕔𝕕𝕖𝕗𝕘𝕙𝕚𝕛𝕜𝕝𝕞𝕟𝕠𝕡𝕢𝕣𝕤𝕥𝕦𝕧𝕨𝕩𝕪𝕫𝕬𝕭𝕮𝕯𝕰𝕱𝕲𝕳𝕴𝕵𝕶𝕷𝕸𝕹𝕺𝕻𝕼𝕽𝕾𝕿𝖀𝖁𝖂𝖃𝖄𝖅𝖆𝖇𝖈𝖉𝖊𝖋𝖌𝖍𝖎𝖏𝖐𝖑𝖒𝖓𝖔𝖕𝖖𝖗𝖘𝖙𝖚𝖛𝖜𝖝𝖞𝖟𝖠𝖡𝖢𝖣𝖤𝖥𝖦𝖧𝖨𝖩𝖪𝖫𝖬𝖭𝖮𝖯𝖰𝖱𝖲𝖳𝖴𝖵𝖶𝖷𝖸𝖹𝖺𝖻𝖼𝖽𝖾𝖿𝗀𝗁𝗂𝗃𝗄𝗅𝗆𝗇𝗈𝗉𝗊𝗋𝗌𝗍𝗎𝗏𝗐𝗑𝗒𝗓𝗔𝗕𝗖𝗗𝗘𝗙𝗚𝗛𝗜𝗝𝗞𝗟𝗠𝗡𝗢𝗣𝗤𝗥𝗦𝗧𝗨𝗩𝗪𝗫𝗬𝗭𝗮𝗯𝗰𝗱𝗲𝗳𝗴𝗵𝗶𝗷𝗸𝗹𝗺𝗻𝗼𝗽𝗾𝗿𝘀𝘁𝘂𝘃𝘄𝘅𝘆𝘇𝘈𝘉𝘊𝘋𝘌𝘍𝘎𝘏𝘐𝘑𝘒𝘓𝘔𝘕𝘖𝘗𝘘𝘙𝘚𝘛𝘜𝘝𝘞𝘟𝘠𝘡𝘢𝘣𝘤𝘥𝘦𝘧𝘨𝘩𝘪𝘫𝘬𝘭𝘮𝘯𝘰𝘱𝘲𝘳𝘴𝘵𝘶𝘷𝘸𝘹𝘺𝘻𝘼𝘽𝘾𝘿𝙀𝙁𝙂𝙃𝙄𝙅𝙆𝙇𝙈𝙉𝙊𝙋𝙌𝙍𝙎𝙏𝙐𝙑𝙒𝙓𝙔𝙕𝙖𝙗𝙘𝙙𝙚𝙛𝙜𝙝𝙞𝙟𝙠𝙡𝙢𝙣𝙤𝙥𝙦𝙧𝙨𝙩𝙪𝙫𝙬𝙭𝙮𝙯𝙰𝙱𝙲𝙳𝙴𝙵𝙶𝙷𝙸𝙹𝙺𝙻𝙼𝙽𝙾𝙿𝚀𝚁𝚂𝚃𝚄𝚅𝚆𝚇𝚈𝚉𝚊𝚋𝚌𝚍𝚎𝚏𝚐𝚑𝚒𝚓𝚔𝚕𝚖𝚗𝚘𝚙𝚚𝚛𝚜𝚝𝚞𝚟𝚠𝚡𝚢𝚣𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗𝟘𝟙𝟚𝟛𝟜𝟝𝟞𝟟𝟠𝟡𝟢𝟣𝟤𝟥𝟦𝟧𝟨𝟩𝟪𝟫𝟬𝟭𝟮𝟯𝟰𝟱𝟲𝟳𝟴𝟵𝟶𝟷𝟸𝟹𝟺𝟻𝟼𝟽𝟾𝟿🄫🄬🄰🄱🄲🄳🄴🄵🄶🄷🄸🄹🄺🄻🄼🄽🄾🄿🅀🅁🅂🅃🅄🅅🅆🅇🅈🅉🈐🈑🈒🈔🈕🈖🈗🈘🈙🈚🈛🈜🈝🈞🈟🈠🈡🈢🈣🈤🈥🈦🈧🈨🈩🈪🈫🈬🈭🈮🈯🈰🈱🈲🈳🈴🈵🈶🈷🈸🈹🈺🈻🉐🉑🯰🯱🯲🯳🯴🯵🯶🯷🯸🯹𠁞𠌥𠏢𠐊𠗣𠞆𠠎𠬙𠼤𠽃𠿕𡂡𡃄𡃕𡃤𡄔𡄣𡅏𡅯𡑍𡑭𡓁𡓾𡔖𡞵𡟫𡠹𡢃𡮉𡮣𡳳𡸗𡹬𡻕𡽗𡾱𡿖𢍰𢠼𢣐𢣚𢣭𢤩𢤱𢤿𢯷𢶒𢶫𢷮𢹿𢺳𣈶𣋋𣍐𣙎𣜬𣝕𣞻𣠩𣠲𣯩𣯴𣯶𣽏𣾷𣿉𤁣𤄷𤅶𤑳𤑹𤒎𤒻𤓌𤓎𤓩𤘀𤛮𤛱𤜆𤠮𤢟𤢻𤩂𤪺𤫩𤬅𤳷𤳸𤷃𤸫𤺔𥊝𥌃𥏝𥕥𥖅𥖲𥗇𥗽𥜐𥜰𥞵𥢢𥢶𥢷𥨐𥪂𥯤𥴨𥴼𥵃𥵊𥶽𥸠𥻦𥼽𥽖𥾯𥿊𦀖𦂅𦃄𦃩𦅇𦅈𦆲𦒀𦔖𦘧𦟼𦠅𦡝𦢈𦣎𦧺𦪙𦪽𦱌𦾟𧎈𧒯𧔥𧕟𧜗𧜵𧝞𧞫𧟀𧡴𧢄𧦝𧦧𧩕𧩙𧩼𧫝𧬤𧭈𧭹𧳟𧵳𧶔𧶧𧷎𧸘𧹈𧽯𨂐𨄣𨅍𨆪𨇁𨇞𨇤𨇰𨇽𨈊𨈌𨊰𨊸𨊻𨋢𨌈𨍰𨎌𨎮𨏠𨏥𨞺𨟊𨢿𨣈𨣞𨣧𨤻𨥛𨥟𨦫𨧀𨧜𨧰𨧱𨨏𨨛𨨢𨩰𨪕𨫒𨬖𨭆𨭎𨭖𨭸𨮂𨮳𨯅𨯟𨰃𨰋𨰥𨰲𨲳𨳑𨳕𨴗𨴹𨵩𨵸𨶀𨶏𨶮𨶲𨷲𨼳𨽏𩀨𩅙𩎖𩎢𩏂𩏠𩏪𩏷𩑔𩒎𩓣𩓥𩔑𩔳𩖰𩗀𩗓𩗴𩘀𩘝𩘹𩘺𩙈𩚛𩚥𩚩𩚵𩛆𩛌𩛡𩛩𩜇𩜦𩜵𩝔𩝽𩞄𩞦𩞯𩟐𩟗𩠴𩡣𩡺𩢡𩢴𩢸𩢾𩣏𩣑𩣫𩣵𩣺𩤊𩤙𩤲𩤸𩥄𩥇𩥉𩥑𩦠𩧆𩭙𩯁𩯳𩰀𩰹𩳤𩴵𩵦𩵩𩵹𩶁𩶘𩶰𩶱𩷰𩸃𩸄𩸡𩸦𩻗𩻬𩻮𩼶𩽇𩿅𩿤𩿪𪀖𪀦𪀾𪁈𪁖𪂆𪃍𪃏𪃒𪃧𪄆𪄕𪅂𪆷𪇳𪈼𪉸𪋿𪌭𪍠𪓰𪔵𪘀𪘯𪙏𪟖𪷓𫒡𫜦丽丸乁𠄢你侮侻倂偺備僧像㒞𠘺免兔兤具𠔜㒹內再𠕋冗冤仌冬况𩇟凵刃㓟刻剆割剷㔕勇勉勤勺包匆北卉卑博即卽卿卿卿𠨬灰及叟𠭣叫叱吆咞吸呈周咢哶唐啓啣善善喙喫喳嗂圖嘆圗噑噴切壮城埴堍型堲報墬𡓤売壷夆多夢奢𡚨𡛪姬娛娧姘婦㛮㛼嬈嬾嬾𡧈寃寘寧寳𡬘寿将当尢㞁屠屮峀岍𡷤嵃𡷦嵮嵫嵼巡巢㠯巽帨帽幩㡢𢆃㡼庰庳庶廊𪎒廾𢌱𢌱舁弢弢㣇𣊸𦇚形彫㣣徚忍志忹悁㤺㤜悔𢛔惇慈慌慎慌慺憎憲憤憯懞懲懶成戛扝抱拔捐𢬌挽拼捨掃揤𢯱搢揅掩㨮摩摾撝摷㩬敏敬𣀊旣書晉㬙暑㬈㫤冒冕最暜肭䏙朗望朡杞杓𣏃㭉柺枅桒梅𣑭梎栟椔㮝楂榣槪檨𣚣櫛㰘次𣢧歔㱎歲殟殺殻𣪍𡴋𣫺汎𣲼沿泍汧洖派海流浩浸涅𣴞洴港湮㴳滋滇𣻑淹潮𣽞𣾎濆瀹瀞瀛㶖灊災灷炭𠔥煅𤉣熜𤎫爨爵牐𤘈犀犕𤜵𤠔獺王㺬玥㺸㺸瑇瑜瑱璅瓊㼛甤𤰶甾𤲒異𢆟瘐𤾡𤾸𥁄㿼䀈直𥃳𥃲𥄙𥄳眞真真睊䀹瞋䁆䂖𥐝硎碌磌䃣𥘦祖𥚚𥛅福秫䄯穀穊穏𥥼𥪧𥪧竮䈂𥮫篆築䈧𥲀糒䊠糨糣紀𥾆絣䌁緇縂繅䌴𦈨𦉇䍙𦋙罺𦌾羕翺者𦓚𦔣聠𦖨聰𣍟䏕育脃䐋脾媵𦞧𦞵𣎓𣎜舁舄辞䑫芑芋芝劳花芳芽苦𦬼若茝荣莭茣莽菧著荓菊菌菜𦰶𦵫𦳕䔫蓱蓳蔖𧏊蕤𦼬䕝䕡𦾱𧃒䕫虐虜虧虩蚩蚈蜎蛢蝹蜨蝫螆䗗蟡蠁䗹衠衣𧙧裗裞䘵裺㒻𧢮𧥦䚾䛇誠諭變豕𧲨貫賁贛起𧼯𠠄跋趼跰𠣞軔輸𨗒𨗭邔郱鄑𨜮鄛鈸鋗鋘鉼鏹鐕𨯺開䦕閷𨵷䧦雃嶲霣𩅅𩈚䩮䩶韠𩐊䪲𩒖頋頋頩𩖶飢䬳餩馧駂駾䯎𩬰鬒鱀鳽䳎䳭鵧𪃎䳸𪄅𪈎𪊑麻䵖黹黾鼅鼏鼖鼻𪘀]' THEN (
        SELECT translate(
            lowered, string_agg(ch, ''), string_agg(substr('a231oshjrwylsxabdeghijklmnoprtuwabdegkmoptuviruvcfz0i456789n0123456789aeoxhklmnpstcghhhhiillnpqrrrzzkbceefmoiddeijivxlcdmivxlcdm123456789abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz0jv母龟一丨丶丿乙亅二亠人儿入八冂冖冫几凵刀力勹匕匚匸十卜卩厂厶又口囗土士夂夊夕大女子宀寸小尢尸屮山巛工己巾干幺广廴廾弋弓彐彡彳心戈户手支攴文斗斤方无日曰月木欠止歹殳毋比毛氏气水火爪父爻爿片牙牛犬玄玉瓜瓦甘生用田疋疒癶白皮皿目矛矢石示禸禾穴立竹米糸缶网羊羽老而耒耳聿肉臣自至臼舌舛舟艮色艸虍虫血行衣襾见角言谷豆豕豸贝赤走足身车辛辰辵邑酉釆里金长门阜隶隹雨靑非面革韦韭音页风飞食首香马骨高髟斗鬯鬲鬼鱼鸟卤鹿麦麻黄黍黑黹黾鼎鼓鼠鼻齐齿龙龟龠十卄卅一二三四上中下甲乙丙丁天地人问幼文筝一二三四五六七八九十月火水木金土日株有社名特财祝労秘男女适优印注项休写正上中下左右医宗学监企资协夜𫝈㑔㑇㐹𠉂𪠟刾𪟎𪠵𠵾𪡛𠰱𪢌𫬐㘎𫝦㚯㛣𫝧𡞋𡞱𡝠𪨊𪩇㟆𫵷𪪑𢋈㤘𢛯𢗓𪫷𪮃𪮋㨫㧐擜𪯋𣘐𣗙𣳆𪷍𫞛𤆢𤈷𤎺𫞣𤠋𪺻𪼋𪽮𤻊𤽯𥁢𥅴𥇢䀥𥎝鿎𫀨𫀬𫁂𫁲𥬀𫂈𥮜𫁷𥺅䌶𫄚𫄜𫄞䌺䌻𫄩䌿䌾𫄮𦈓𦈖𦈘𦈜𦈟𦈞𦈠𦈙𫅅䍠𦍠𫅭䎬𬜯𫟕𦰴𫟑𫊪𧉞𫋲䙌𧜭𫌯𫍠𫍫䜧𫟢𫎧𧹕䞍𧹑𫎪𫎭𫎺𫎳𫎱𫏃𨅛𫟤𫟥𫟦𨑹𫟺𫠀䦂鿏𬭯𫔋𨱖𫔆䥾𨸄䦶䦷𫔵𨷿𨸟𫖅𩏼𩐀𩏿𫖫𫖬𫖱𫖰𫖲𩖗𫖺𫗇𫠈𫗊𩙮𩙯𩙧𫗟𩠇𩠈𫗱𫗰𩧭𫠊𩧰𩨁𩧿𩨇𫘮𩨏𩧪䯅𩩈鲃𫚐𫚏𩾈𫚠𩾊𩾋䲣𫠑䲝鳚𫚜𩾂鳤𪉂𫛬𫛰𫛮𫛺𫛼鹮𫜅𪎈𫜒𪎋𫜔𪑅𫜙𫜨𫜳丢并干乱亘亚伫布占并来仑侣局俣系𠇹伣侠伡私伥俩俫仓个们幸伦㑈伟㐽侧侦伪㐷杰伧伞备家佣偬传伛债伤倾偻仅佥侨仆伪𫢸侥偾雇价仪俊侬亿侩俭傤傧俦侪尽偿𠆲优𠋆储俪㑩傩傥俨凶兑儿兖内两册胄幂净冻𪞝凛凯别删刭则克刹刬刚剥剐剀创铲𠛅划札剧刘刽刿剑㓥剂㔉劲𠡠动务勋胜劳势𪟝勚劢勋励劝匀匦汇匮区协恤却即厍厕历厌厉厣参叁丛咤吴呐吕呙员𠯟呗𪠳念问启哑启唡㖞唤丧吃乔单哟呛啬唝吗呜唢𠮶哔𪡏叹喽啯呕啧尝唛哗𪡃唠啸叽𪡞哓呒𪡀啴恶𠯠嘘㖊咝𪡋哒哝哕嗳哙喷吨当咛吓哜尝噜啮𪠸咽呖𠰷咙向亸喾严嘤𪢕啭嗫嚣𠱞冁呓啰苏嘱𪢠囱囵国围园圆图团𪢮坝垭𫭢𪣆采执坚垩垴𪣒埚尧报场块茔垲埘涂冢坞埙尘𫭟堑𪣻垫坠𫮃堕坛𪢸坟垯墙垦坛𡒄垱埙压𡋤垒圹垆坛坏垄垅坜𪤚坝塆壮壶壸寿够梦伙夹奂奥奁夺奖奋姹妆姗奸𫰛娱娄𫝫妇娅𫝨娲妫㛀媪妈袅妪妩娴娴婳妫媭𫝬娆婵娇嫱嫒𪥰嬷𫝩嫔婴婶𪥿娘𫝮𫝭𪥫㛤娈𡠟孙学𡥧𪧀孪宫采𪧘寝实宁审写宽宠宝将专寻对导尴届尸屃屉屡层屦𪨗属冈峰岘岛峡崃昆岗仑峥岽岚岁𡶴𫶇㟥嵝崭岖𡺃嵚崂𡺄峤峣峄峃崄嵘𫝵岭屿岳𪩎岿峦巅岩𪨷𪩘巯卺帅师帐带帧帏㡎帼帻𪩷帜币𪩸帮帱并干几库厕厢厩厦庼荫厨厮𫷷庙厂庑废广𪪞廪庐厅弑吊弪张强𪪼𫸩别弹弥弯录汇彟彦雕彨佛后径从徕复征彻𪫌恒耻悦悮怅闷凄恶恼恽恻爱惬悫怆恺𢙏忾栗态愠惨惭恸惯悫怄怂虑悭庆㥪戚欲忧惫怜凭愦慭惮𢙒愤悯怃宪忆𪫺𢙐𢙓恳应怿懔𢠁蒙怼懑㤽恹惩懒怀悬忏惧慑恋戆戋戗戬战戯戏户捍抛拼捝挲挟舍扪挨卷扫抡㧏挜挣𪭵挂采拣扬换挥搄损摇捣扇揾抢𢫬𪭢掴掼搂挚抠抟折掺捞𪭾挦撑挠㧑挢掸拨𪮖抚扑揿挞挝捡拥掳择击挡㧟担据𪭧挤抬捣𢬍拟摈拧搁掷扩撷摆擞撸㧰扰摅撵𪮶拢拦撄搀撺携摄攒挛摊搅揽教敚败叙敌数敛毙𢽾敩斓斩断𣃁于旗既升时晋𬀪昼晕晖𬀩旸畅暂晔历昙晓𪰶向暧旷𣆐昽晒书会𦛨胧术东拐栅拐查𣐕杆栀𪱷枧𬂩条枭棁弃棋枨枣栋㭎栈栖梾桠㭏𣒌杨枫桢业极矩干杩荣榅桤构枪杠梿椠椁𣏢椮桨椢椝桩乐枞梁楼标枢𣗊㭤样𣔌榝㭴桪朴树桦椫桡桥机椭横𣓿檩柽档桧槚检樯𣘴梼台槟𪲛柠槛柜𪲎𬃊橹榈栉椟橼栎𪲮橱槠栌枥橥榇蘖栊榉樱栏榉𪳍权𣐤椤𪲔𪴙栾𣗋榄𣚚棂钦叹欧欤欢岁历归殁残殒𣨼殇㱮殚僵殓殡㱩歼杀壳壳毁殴𪵑毵牦毡氇气氢氩𣱝氲泛泛污决没冲况溯泄汹浃𬇙泾涚凉凄泪渌净凌沦渊涞浅涣减沨涡测浑凑𣲗浈涌汤沩准沟𪶄温浉涢湿沧灭涤荥汇沪滞渗卤浒浐滚满渔溇𬇹沤汉涟渍涨溆渐浆颍泼洁𣲘沩㴋潜𫞗润浔溃滗涠涩𣶩浇涝沄涧渑泽滪泶𬇕𫞚浍淀㳠浊浓㳡𣸣湿泞溁蒙浕济涛㳔滥潍滨溅泺滤𪵱澛𣽷滢渎㲿泻沈浏濒泸沥潇潆潴泷濑弥潋澜沣滠𫞝洒𪷽漓滩𣺼灏㳕湾滦滟滟灾为乌烃无𪸩炼炜烟茕焕烦炀㶽𪸕煴𤈶𤇄荧𤆡炝𤇹𤋏𬉼热颎炽𬊤烨灯炖烧𬊈烫焖营灿毁烛烩㶶熏烬焘𫞡𤇃𦶟烁炉𤇭烂𪹳𫞠争为爷尔床墙牍抵牵荦牦𪺭犊牺状狭狈𪺽狰犹狲犸呆狱狮𪺷奖独𤞃狯猃狝狞㺍获猎犷兽獭献猕猡𤞤𫞥现雕珐珲玮玚琐瑶莹玛玱𪻲𪻐琏𫞩𬍤𬍡𪻺琎玑瑷珰㻅环玙瑸𫞨玺𫞦璇𪻨𬍛琼珑璎𤦀瓒𤩽瓯瓮产产亩毕画异画当𪽈畴叠痉酸𪽪疴痖疯疡痪瘗疮疟瘆𪽷疭瘘瘘疗痨痫瘅𤶊愈疠瘪痴痒疖症疬癞癣瘿瘾痈瘫癫发皂皑𤾀疱皲皱杯盗盏尽监盘卢𪾔荡𪾣真眦众𪾢困睁睐眍䁖瞒𥆧瞆睑蒙𪾸𪾦眬瞩矫朱硁硖砗砚埼𥐻硕砀砜确码䂵硙砖硵碜碛矶硗䃅硚础𬒈𥐟碍矿砺砾矾𪿫砻秘禄祸祯祎祃御禅礼祢祷秃籼税秆䅉棱禀种称谷䅟稣积颖秾穑秽稳获穞窝洼穷窑窎窭窥窜窍窦灶窃𥩟竖𫁟竞笔笋笕䇲个笺筝札节范筑箧筼𥬠筿𬕂笃筛筚𥮾箦𫂆篓蓑箪简𫂃篑箫筜签帘篮𥫣𥬞筹䉤箓篯箨籁笼签笾簖篱箩吁粤粽糁粪粮团粝籴粜纟𫄙纠纪纣𬘓约红纡纥纨纫纹纳纽纾纯纰纼纱纮纸级纷纭纴𬘘𫄛纺䌷扎细绂绁绅纻绍绀绋绐绌𫄟终弦组䌹绊𫟃绗结绝𫄠绦绔绞络绚𫄢给𫄡绒𬘡绖统丝绛绝绢𫄨𦈌绑绡𬘫绠𦈋绨绣𫟄绤𬘩绥䌼捆经𫄧综𬘭缍𫄫绿𫟅绸绻𬘯𬘬线绶维绹绾纲网绷缀彩纶绺绮绽绰绫绵绲缁紧绯𦈏绿绪绬绱缃缄缂线缉缎𫟆缔缗缘𫄬缌编缓缅𫄭纬𦈕缑缈练缏𦈉𦈑缇致缊萦缙缢缒𫄰𦈔绉缣缊缞缚缜缟缛县绦缝𦈚缡缩𬙂𫄳纵缧䌸纤缦絷缕𫄲缥𦈐总绩𫄴绷缫缪𫄶𦈝𰬸缯𦈛织缮缭绕𦈎绣缋𫄤绳绘系𫄱茧缰缳缲缴𫄷𫄣䍁绎𦈡继缤缱䍀𫄸𬙊颣缬纩续累缠缨才𬙋纤𫄹缵𫄥缆钵䓨坛罂坛罚骂罢罗罴羁芈群羟羡义𫅗膻习玩翚翘翙耧耢圣闻联聪声耸聩聂职聍𫆏听聋肃胁脉胫唇𣍰修脱胀肾胨脶脑𣍯肿脚肠腽腘肤䏝胶𦝼腻𪱥胆脍脓脸脐膑𣎑腊胪脏脔臜卧临台与兴举旧铺馆舱𫇛舣舰舻艰艳刍苎兹荆庄茎荚苋𰰨华庵烟苌莱万荝莴叶荭𫈎荮苇药荤𫇭搜莼莳蒀莅𫇴苍荪席盖𦰏莲苁莼荜𬜬卜参蒌蒋葱茑荫𫈟𫇭荨蒇荞荬芸莸荛𫈵蒉荡芜萧𫈉蓣𫇽蕰𫉁荟蓟芗姜蔷荙莶荐萨䓕苎䓓苔荠蓝荩艺药薮䓖蕴苈𫉄蔼蔺萚蕲芦苏蕴苹藓蔹𦻕茏兰蓠萝蔂𬟁处虚虏号亏虬蛱蜕蚬𬟽蚀猬虾虱蜗蛳蚂萤䗖蝼螀𫋇蛰蝈螨𫋌𫊸虮蝉蛲虫𫊻蛏蚁𧏗蚃蝇虿蝎蛴蝾蚝𧏖蜡蛎𫊮蟏蛊蚕蛮𧑏众蔑术同胡卫冲衮夹袅里补装里制复裈袆裤裢褛亵𫌀裥裥袯𫋹袄𫋷𫋻裣裆褴袜摆衬𧝝袭襕𫌇核见觃规觅视觇𫌪觋觍觎亲觊觏觐觑𫌭觉𫌨览觌观觞觯触讠订讣计讯讧讨𬣙讦𫍙讱训讪讫托记讹𫍛讶𫍚讼䜣诀讷𫟞讻访设许诉诃诊注证𧮪诂诋𫟟讵诈𫍡诒𫍜诏评诐诇诎诅𬣞词咏诩询诣试诗𬣳诧诟诡诠诘话该详诜𫍣诙诖𫍥诔诛诓夸𫍪志认诳诶诞诱诮语诚诫诬误诰诵诲说𫍨说谁课𫍮𫟡谇𫍬诽𫍧谊訚调谄谆谈诿请诤诹诼谅𬣡论谂谀谍谞谝𬤊谥诨𫍩谔𫍳谛谐谏谕咨𫍱𫍰讳𬤇谙𫍯谌讽诸谚谖诺谋谒谓誊诌𫍸𫍷谎谜𫍲谧谑谡谤谦谥讲谢谣谣谟谪谬谫𫍹𫍴讴𫍵谨谩哗𫟠𰶎𫍻证𫍢谲讥𫍤𬤝谮识谯谭谱𫍽噪𫍦谵毁译议谴护诪誉谫读谉变詟䜩雠谗让谰谶赞谠谳溪岂竖丰艳猪𫎆豮狸猫𫎌䝙贝贞贠负财贡贫货贩贪贯责贮贳赀贰贵贬买贷贶费贴贻贸贺贲赂赁贿赅资贾贼赈赊宾赇赒赉赐𫎩赏𧹖赔赓贤卖贱赋赕质赍账赌䞐赖赗赚赙购赛赜𧹗贽赘赟赠𫎫赞赝赡赢赆𫎬赃赑赎赝𫎦赣赃赪赶赵趋趱迹践逾踊跄𫏐跸迹跖蹒踪𫏆跷𫏋跶趸踌跻跃䟢踯跞踬蹰𨀁跹𨅬蹑蹿躜躏躯𨉗车轧轨军𫐄轪轩轫𫐅𨐅轭𫐇𬨂软轷𫐉轸𫐊轱𫐈轴轵轺轲轶轼𫐌较𨐈辂辁辀载轾𪨶辄挽辅轻𫐏𫐐辆辎辉辋辍𫐎辊辇𫐑辈轮辌𫐓辑辏𬨎𫐒输辐辒辗舆辒毂辖辕辘𫐖转𫐕辙轿𫐗辚𫐘轰𫐙辔轹𫐆轳办辞辫辩农回径这连周进游运过达违遥逊递远溯适𫐷迟绕迁选遗辽迈还迩边逻逦郏邮郓乡邹邬郧𫑘邓𬩽郑邻郸𫑡邺郐邝酂郦腌酝丑酝蒏糖医酱酦𬪩𫑷酿衅酾酽释厘钅钆钇钌钊钉钋𫟲针𫓥钓钐扣钏𫓦钒𫟳𨰿𬬩钗钍钕钎䥺𬬱钯钫钘钭钥𫓪𫓧钚钠𨱂钝钩钤钣钑钞钮𫟴𫟵𫓨钧𨱁钟钙钬钛钪铌𨱄铈𨱃钶铃钴钹铍钰钸铀钿钾𨱅巨钻铊铉𬬿铇铋铂𫓬钷钳铆铅𫟷钺𫓭钵钩𬬸钲𬭁钼钽𬬹锫铏𫟹铰铒铬𫟸𫓴铪银𫓲𫟻铳铜𫓯𫓰铚𫟶铣铨铢铭铫铦衔铑铷铱铟铵铥铕铯铐铞锐𨱇销锈锑锉铝𰾄锒锌钡𨱈铤铗𬭎锋𫓶铻锊锓𫓵铘锄锃锔锇铓铺锐铖锆锂铽锍锯𬬮钢𬬭锞𨱋录锖锫锩铔锥锕锟锤锱铮锛𫓻𫓽𬭚锬锭锜钱𫓹𫓾锦锚锠锡锢错录锰表铼镎𫓸锝锨锪𨱉钫钔锴锳𫔂炼锅镀𫔄锷铡钖锻锽锸锲锘锹𬭤𨱎锾键锶锗针钟镁锿镅𫟿镑镰𫔅𬭩镕锁镉𫔈锤镈𨱏𫔇镃钨蓥镏铠铩锼镐镇镇𨱍镒镋镍镓鿔𨰾镌镎镞𨱌旋链𨱒镆镙𬭬镠镝铿锵𬭭镗镘镛铲镜镖镂𫔊𫓩錾镚铧镤镪䥽𬭸锈𫔌铙𨱑𫔍𫓱铴𫔎𨱓𨱔镣铹镦镡钟镫镢镨䦅锎锏镄𬭼𫓺镌镰䦃镯镭铁镮铎铛𫔁𫟼镱𰾭铸𫠁镬镔鉴鉴镲锧镴铄镳镥𬬻镧钥镵镶𫔔镊镩锣钻銮凿镢镋长门闩闪闫闬闭开闶𨸂闳闰𨸃闲闲间闵𫔯闸𫠂𫔰阂阁合阀闺闽阃阆闾阅阅𫔴阊阉阎阏阍阈阌阒板暗闱𬮱阔阕阑阇阗𫔶阘闿阖阙闯关阚阓阐辟阛闼陉陕升阵阴陈陆阳陧队阶𬮿陨际𬯎随险𬯀陦隐陇隶只隽虽双雏杂鸡离难云电沾霡𫕥雾𪵣霁雳霭叇灵叆靓静靔腼𫖃靥巩绱秋鞒𫖇缰鞑千鞯韦韧韨韩韪𫠅𫖔韬鞲韫𫖒韵响页顶顷项顺顸须顼颂𫠆颀颃预顽颁顿𬱖颇领颌𬱟颉颐颏𫖯头颒颊颋颕𫖳颔颈颓频颓𩓋𩖖𫖶颗题额颚颜颙颛颜𫖮愿颡颠类颟𫖹颢顾颤颥显颦颅颞颧风飐飑飒𩙥台刮飓𩙪飔飏飖飕𩙫飗飘飙飚𫗋飞饣饥饤饦𫗞饨饪饫饬饭飧饮饴𫗢𫗣饲饱饰饳饺饸饼糍饷养饵饹饻饽馁饿𫗦馂饾𫗧余肴馄馃饯馅𫗠𫗪馆𫗬𫗥糊𫗮糇饧喂馉馇𩠌馎饩馏馊馌馍馒馐馑馓馈馔饥饶飨𫗴餍馋𫗵𫗩馕马驭冯𫘛驮驰驯驲𫘜驳𫘝𬳶𫘟𩧨驻驽驹𬳵驵驾骀驸𩧫驶驼𫘞驷骂骈𫘠𩧲𩧴𬳽𫘡骇骃骆𩧺骎𫘣𬳿骏骋骍𫘤𫘧骓𫘥𫘦骔骒骑骐𬴂𩨀骛骗𩨊𫘩𩨃𬴃𩨈𫘨骙䯄𩨄骞骘骝腾𫘬𫘫𫘪驺骚骟𫘭𫠋骡蓦骜骖骠骢驱骅𩧯骕骁𬴊骣𫘯骄验𫘰惊驿骤驴骧骥骦𫘱骊骉肮髅脏体髌髋发松胡𩭹须𫘽鬓斗闹哄阋阄郁鬶魉魇鱼鱽𫚉鱾𩽹𫚌鲀鲁鲂𫚍鱿鲄𫠐𬶍鲅鲆𫚒𫚑𫚖𬶋鲌鲉鲏鲇鲐鲍鲋鲊鲒鲘鲞鲕𩽾𬶏𬶐䲟𫚓鲖鲔鲛鲑鲜𫚗𫚔鲓𫚛鲪𩾃鲝𫚚鲧鲠𩾁𫚙鲩鲤鲨鲬鲻鲯鲭鲞鲷鲴𫚡鲱鲵鲲鲳鲸鲮鲰𫚞鲶𩾇鲺𩽼鳀𬶟鲫𫚣鳊鳈鲗鳂䲠鲽鳇𬶠𫚢䲡鳅鲾鳄𫚊鳆鳃𫚥鳁鳒鳑鳋鲥𫚕鳏𫚤䲢鳎鳐𫚦鳍鳁鲢鳌鳓鳘𬶭鲦鲣鲹鳗鳛𫚧鳔𬶨鳉𫚋鳙𫠒𩾌鳕鳖𫚪鳟鳝鳜鳞鲟𬶮鲼鲎鲙𫚫鳣鳡鳢鲿鲚𫚈鳠𫚭鳄鲈鲡鸟凫鸠凫鸤凤鸣鸢𫛛𪉃𫛚䴓𫛜𫛞𫛝鸩鸨鸦𫛤鸰𫛡鸵𫁡鸳𪉈鸲鸮鸱鸪𫛣鸯鸭𫛦鸸鸹𪉆𫛩鸻䴕鸿𫛪鸽䴔鸺鸼𫛥𬷕鹀鹃鹆鹁𪉍鹈鹅𫛭鹄鹉𫛨𫛳鹌𫛱鹏鹐鹎雕鹊鹓鹍䴖鸫鹑鹒𫛵𫛶鹋鹙𫛸鹕鹗𬸘鹖鹛𫛷鹜䴗鸧𫛯莺𫛫𬸣鹟鹤鹠鹡鹘鹣鹚鹚鹢鹞鸡𫛽䴘鹝𫜀鹧𪉑鹥鸥鸷鹨𬸦𫜃𫛴鸶鹪𪉊𫜁鹔𬸪鹩鹫鹇鹇𫜄鹬鹰鹭鸴𬸯㶉鹯䴙𫛢鹱鹲𬸚鸬𫛟鹴鹦鹳鹂鸾卤咸鹾碱盐丽麦𪎊麸面面𤿲曲𪎉𪎌曲面𫜑么么黄黉点党黪霉黡黩黾鼋鼌鼍冬鼹齐斋赍齑齿龀龁龂𬹼龅龇龃龆龄出龈啮𫜪龊龉𫜭𬺈𫠜𫜬龋𫜮腭龌𬺓𫜰龙厐庞䶮𫜲龚龛龟𩨎𨱆䜤鿒cfq岂更车贾滑串句龟龟契金喇奈懒癞罗萝螺裸逻乐洛烙珞落酪骆乱卵栏烂兰鸾岚滥蓝褴拉腊蜡廊朗浪狼郎来冷劳掳橹炉卢老芦虏路露鲁鹭碌禄绿菉录鹿论垄弄笼聋牢磊赂雷垒屡楼泪漏累缕陋勒肋凛凌棱绫菱陵读拏乐诺丹宁怒率异北磻便复不泌数索参塞省叶说杀辰沈拾若掠略亮两凉梁粮良谅量励吕女庐旅滤砺闾骊丽黎力历历轹年怜恋撚涟炼琏秊练联辇莲连炼列劣咽烈裂说廉念捻殓帘猎令囹宁岭怜玲莹羚聆铃零灵领例礼醴隶恶了僚寮尿料乐燎疗蓼辽龙晕阮刘杻柳流溜琉留硫纽类六戮陆伦仑沦轮律栗栗率隆利吏履易李梨泥理痢罹里里里离匿溺吝燐璘蔺隣鳞麟林淋临立笠粒状炙识什茶刺切度拓糖宅洞暴辐行降见廓兀嗀冢晴凞猪益礼神祥福靖精羽蘒诸逸都饭饲馆鹤郞隷侮僧免勉勤卑喝叹器塀墨层屮悔慨憎惩敏既暑梅海渚汉煮爫琢碑社祉祈祐祖祝祸祯谷突节练缙繁署者臭艹艹著褐视谒谨宾赠辶逸难响频恵𤋮馆并况全侀充冀勇勺喝啕喙嗢冢坟奄奔婢嬨廒廙彩徭惘慎愈憎慠惩戴揄搜摒敖晴朗望杖歹杀流滛滋汉瀞煮瞧爵犯猪瑱甆画瘝瘟益盛直睊着磌窱节类绦练缾者荒华蝹襁覆视调诸请谒诺谕谨变赠输迟醙铏陼难靖𫖔响頋频鬒龟𢡊𢡄𣏕㮝䀘𥅴𥉉𥳐𧻓齃厐0123456789abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzqabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefgijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzacdgjknopqstuvwxyzabcdfhijklmnpqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabdefgjklmnopqstuvwxyabcdefghijklmnopqrstuvwxyzabdefgijklmostuvwxyabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz01234567890123456789012345678901234567890123456789crabcdefghijklmnopqrstuvwxyz手字双二多解天交映无料前后再新初终生贩声吹演投捕一三游左中右指走打禁空合満有月申割営配得可0123456789𠀾𠆿𠉗𫝋㓆𠛆𠚳𪠡𫪄𪠺𪜎𪢒𪡺𠴛𪢐𠴢𠵸𠲥𪢖𫭼𡋗𪤄𡋀𡍣㛟𫝪㛿㛠𡭜𡭬𡳃𪨩𪨹岁𡸃㟜𪩛𪪴𢙑𪬚𢘝𢘞𪫡𢘙𪬯𪭝𪭯𢫞𢫊𢬦𪮳暅𣈣𫧃㭣𪳗𣘷𣘓𣞎𣑶𣯣𣭤毶𪶮㳢𣶫𣺽𪶒𣷷𤎻𪹀𤊀𪹹𪹠𤎺𤊰𪺣𤙯𫞢𪺪𪺸𤝢𢢐𫞧㻘㻏𪼴𪽝𤳄𪽭𤶧𪽴𥅿𥅘𪿊𥐰𥐯𪿞𪿵𬒗𫀓𫀌𥞦䅪𫞷𫀮𥧂𥩺𫁳𫂖𫁺𥱔𥭉𫁱𥮋𫂿𥹥𥺇𫄝𦈈𫄦𦈒𦈗𫄯𫄪𫄵𫟇𫅥𫅼𡳒𫆝𫞅𫆫𣍨𦟗𫇘䑽𦨩𫇪𦶻𧌥𫊹𧒭𧉐䘞䙊䘛𫌋𧝧𫌫𫌬𫍞𫍟𫍭䜥𫍶𫍺𫍼𫍾𫍐𧳕䞌𧹓䞎𪠀𫎨𪥠𫎸𫏌𨀱𨁴𫏕𧿈𨅫𫏨𫏞𫏑𨂺𨄄䢀䢁𨐆䢂𫐍𫐔𫐋𨐉𨐇𨐊𫟫𫟬𨡙𨡺𨟳𨠨𨤰𨱀𫓫䦀𬭊䦁𫟽𨱊𬭛𫓼𫓿𫟾𫓮𨱐𫔏𬭶𬭳𫔑𫔐𨱕𫔒䥿𫔓𫔉𫓳𫔕𫔃𫔖𨸁𨸀𨸅𫔲𨸆𨸇𨸉𨸊𨸌𨸋𨸎𫔽𨸘𫕚𫕨𫖑𩏾𫖓𫖖𩏽𫃗𫖪𫖭𩖕𫖵𫖷𫖴𫠇𩙦𫗈𫗉𩙩𩙭𩙨𩙬𩙰𩟿𩠀𫗡𩠁𩠂𫗤𫗨𩠃𩠉𩠆𩠊𩠋𫗳𩠎𩠏䭪𩠅𫗚𩠠𩡖𩧦𩧬𩧵𩧳𩧮𩧶䯃𩧸𩧻𩧼𩧩𩨆𩨉𩨅𩨋𩨍𩧱𩨌𫠌𩨐𩬣𫙂𩯒𩬤𩰰𩲒𩴌𫠏𩽺𩽻𫚎䲞𩽿𩽽𩾄𩾅𫚝𫚟𩾆𫚨𫚩𫚘𫚬𩾎𫠖𫛠𪉄𫛧𪉅𪉋𪉉𪉌𪉎𪉐𪉏𫛻𫛹𪉔𪉒𫜂𫛾𪉕𱊜𫜊𫧮𫜓𫜕𫜟𪔭𪚏𪚐𫜯𠛾𣶭𫓷𫜫丽丸乁𠄢你侮侻倂偺备僧像㒞𠘺免兔兤具𠔜㒹内再𠕋冗冤仌冬况𩇟凵刃㓟刻剆割铲㔕勇勉勤勺包匆北卉卑博即即卿卿卿𠨬灰及叟𠭣叫叱吆咞吸呈周咢哶唐启啣善善喙吃喳嗂图叹圗噑喷切壮城埴堍型堲报墬𡓤売壷夆多梦奢𡚨𡛪姬娱娧姘妇㛮㛼娆嬾嬾𡧈寃寘宁寳𡬘寿将当尢㞁屠屮峀岍𡷤嵃𡷦嵮嵫𡶴巡巢㠯巽帨帽𪩸㡢𢆃㡼庰庳庶廊𪎒廾𢌱𢌱舁弢弢㣇𣊸𦇚形雕㣣徚忍志忹悁㤺㤜悔𢛔惇慈慌慎慌㥪憎宪愤憯蒙惩懒成戛扝抱拔捐𢬌挽拼舍扫揤𢯱搢揅掩㨮摩摾㧑摷㩬敏敬𣀊既书晋㬙暑㬈㫤冒冕最暜肭䏙朗望朡杞杓𣏃㭉拐枅桒梅𣑭梎栟椔㮝楂榣槪檨𣚣栉㰘次𣢧歔㱎岁殟杀壳𣪍𡴋𣫺泛𣲼沿泍汧洖派海流浩浸涅𣴞洴港湮㴳滋滇𣻑淹潮𣽞𣾎𣸣瀹瀞瀛㶖灊灾灷炭𠔥煅𤉣熜𤎫爨爵牐𤘈犀犕𤜵𤠔獭王㺬玥㺸㺸瑇瑜瑱璅琼㼛甤𤰶甾𤲒异𢆟瘐𤾡𤾸𥁄㿼䀈直𥃳𥃲𥄙𥄳真真真睊𥅴瞋䁆䂖𥐝硎碌磌䃣𥘦祖𥚚𥛅福秫䄯谷穊穏𥥼𥪧𥪧竮䈂𥮫篆筑䈧𥲀糒䊠糨糣纪𥾆絣䌁缁縂缫䌴𦈨𦉇䍙𦋙罺𦌾羕翺者𦓚𦔣聠𦖨聪𣍟䏕育脃䐋脾媵𦞧𦞵𣎓𣎜舁舄辞䑫芑芋芝劳花芳芽苦𦬼若茝荣莭茣莽菧著荓菊菌菜𦰶𦵫𦳕䔫蓱蓳蔖𧏊蕤𦼬䕝䕡𦾱𧃒䕫虐虏亏虩蚩蚈蜎蛢蝹蜨蝫螆䗗蟡蚃䗹衠衣𧙧裗裞䘵裺㒻𧢮𧥦䚾䛇诚谕变豕𧲨贯贲赣起𧼯𠠄跋趼跰𠣞轫输𨗒𨗭邔郱鄑𨜮鄛钹𫓶鋘鉼镪鐕𨯺开䦕閷𨵷䧦雃嶲𫕥𩅅𩈚䩮䩶𫖒𩐊䪲𩒖頋頋頩𩖶饥䬳餩馧駂駾䯎𩬰鬒𬶨𫛚䳎䳭𫛨𪃎䳸𪄅𪈎𪊑麻䵖黹黾鼅鼏鼖鼻𪚏', strpos('ª²³¹ºſʰʲʳʷʸˡˢˣᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁᵂᵃᵇᵈᵉᵍᵏᵐᵒᵖᵗᵘᵛᵢᵣᵤᵥᶜᶠᶻ⁰ⁱ⁴⁵⁶⁷⁸⁹ⁿ₀₁₂₃₄₅₆₇₈₉ₐₑₒₓₕₖₗₘₙₚₛₜℂℊℋℌℍℎℐℑℒℓℕℙℚℛℜℝℤℨKℬℭℯℰℱℳℴℹⅅⅆⅇⅈⅉⅠⅤⅩⅬⅭⅮⅯⅰⅴⅹⅼⅽⅾⅿ①②③④⑤⑥⑦⑧⑨ⒶⒷⒸⒹⒺⒻⒼⒽⒾⒿⓀⓁⓂⓃⓄⓅⓆⓇⓈⓉⓊⓋⓌⓍⓎⓏⓐⓑⓒⓓⓔⓕⓖⓗⓘⓙⓚⓛⓜⓝⓞⓟⓠⓡⓢⓣⓤⓥⓦⓧⓨⓩ⓪ⱼⱽ⺟⻳⼀⼁⼂⼃⼄⼅⼆⼇⼈⼉⼊⼋⼌⼍⼎⼏⼐⼑⼒⼓⼔⼕⼖⼗⼘⼙⼚⼛⼜⼝⼞⼟⼠⼡⼢⼣⼤⼥⼦⼧⼨⼩⼪⼫⼬⼭⼮⼯⼰⼱⼲⼳⼴⼵⼶⼷⼸⼹⼺⼻⼼⼽⼾⼿⽀⽁⽂⽃⽄⽅⽆⽇⽈⽉⽊⽋⽌⽍⽎⽏⽐⽑⽒⽓⽔⽕⽖⽗⽘⽙⽚⽛⽜⽝⽞⽟⽠⽡⽢⽣⽤⽥⽦⽧⽨⽩⽪⽫⽬⽭⽮⽯⽰⽱⽲⽳⽴⽵⽶⽷⽸⽹⽺⽻⽼⽽⽾⽿⾀⾁⾂⾃⾄⾅⾆⾇⾈⾉⾊⾋⾌⾍⾎⾏⾐⾑⾒⾓⾔⾕⾖⾗⾘⾙⾚⾛⾜⾝⾞⾟⾠⾡⾢⾣⾤⾥⾦⾧⾨⾩⾪⾫⾬⾭⾮⾯⾰⾱⾲⾳⾴⾵⾶⾷⾸⾹⾺⾻⾼⾽⾾⾿⿀⿁⿂⿃⿄⿅⿆⿇⿈⿉⿊⿋⿌⿍⿎⿏⿐⿑⿒⿓⿔⿕〸〹〺㆒㆓㆔㆕㆖㆗㆘㆙㆚㆛㆜㆝㆞㆟㉄㉅㉆㉇㊀㊁㊂㊃㊄㊅㊆㊇㊈㊉㊊㊋㊌㊍㊎㊏㊐㊑㊒㊓㊔㊕㊖㊗㊘㊙㊚㊛㊜㊝㊞㊟㊠㊡㊢㊣㊤㊥㊦㊧㊨㊩㊪㊫㊬㊭㊮㊯㊰㑮㑯㑳㑶㒓㓄㓨㔋㖮㗲㗿㘉㘓㘔㘚㛝㜄㜏㜐㜗㜢㜷㞞㟺㠏㠣㢗㢝㥮㦎㦛㦞㨻㩋㩜㩳㩵㪎㯤㰙㵗㵾㶆㷍㷿㸇㹽㺏㺜㻶㿖㿗㿧䀉䀹䁪䁻䂎䃮䅐䅳䆉䉑䉙䉬䉲䉶䊭䊷䊺䋃䋔䋙䋚䋦䋹䋻䋼䋿䌈䌋䌖䌝䌟䌥䌰䍤䍦䍽䎙䎱䓣䕤䕳䖅䗅䗿䙔䙡䙱䚩䛄䛳䜀䜖䝭䝻䝼䞈䞋䞓䟃䟆䟐䠆䠱䡐䡩䡵䢨䤤䥄䥇䥑䥕䥗䥩䥯䥱䦘䦛䦟䦯䦳䧢䪊䪏䪗䪘䪴䪾䫀䫂䫟䫴䫶䫻䫾䬓䬘䬝䬞䬧䭀䭃䭑䭔䭿䮄䮝䮞䮠䮫䮰䮳䮾䯀䯤䰾䱀䱁䱙䱧䱬䱰䱷䱸䱽䲁䲅䲖䲘䲰䳜䳢䳤䳧䳫䴉䴋䴬䴱䴴䴽䵳䵴䶕䶲丟並乾亂亙亞佇佈佔併來侖侶侷俁係俓俔俠俥俬倀倆倈倉個們倖倫倲偉偑側偵偽傌傑傖傘備傢傭傯傳傴債傷傾僂僅僉僑僕僞僤僥僨僱價儀儁儂億儈儉儎儐儔儕儘償儣優儭儲儷儸儺儻儼兇兌兒兗內兩冊冑冪凈凍凙凜凱別刪剄則剋剎剗剛剝剮剴創剷剾劃劄劇劉劊劌劍劏劑劚勁勑動務勛勝勞勢勣勩勱勳勵勸勻匭匯匱區協卹卻卽厙厠厤厭厲厴參叄叢吒吳吶呂咼員哯唄唓唸問啓啞啟啢喎喚喪喫喬單喲嗆嗇嗊嗎嗚嗩嗰嗶嗹嘆嘍嘓嘔嘖嘗嘜嘩嘪嘮嘯嘰嘳嘵嘸嘺嘽噁噅噓噚噝噞噠噥噦噯噲噴噸噹嚀嚇嚌嚐嚕嚙嚛嚥嚦嚧嚨嚮嚲嚳嚴嚶嚽囀囁囂囃囅囈囉囌囑囒囪圇國圍園圓圖團圞垻埡埨埬埰執堅堊堖堚堝堯報場塊塋塏塒塗塚塢塤塵塸塹塿墊墜墠墮墰墲墳墶墻墾壇壈壋壎壓壗壘壙壚壜壞壟壠壢壣壩壪壯壺壼壽夠夢夥夾奐奧奩奪奬奮奼妝姍姦娙娛婁婡婦婭媈媧媯媰媼媽嫋嫗嫵嫺嫻嫿嬀嬃嬇嬈嬋嬌嬙嬡嬣嬤嬦嬪嬰嬸嬻孃孄孆孇孋孌孎孫學孻孾孿宮寀寠寢實寧審寫寬寵寶將專尋對導尷屆屍屓屜屢層屨屩屬岡峯峴島峽崍崑崗崙崢崬嵐嵗嵼嵽嵾嶁嶄嶇嶈嶔嶗嶘嶠嶢嶧嶨嶮嶸嶹嶺嶼嶽巊巋巒巔巖巗巘巰巹帥師帳帶幀幃幓幗幘幝幟幣幩幫幬幷幹幾庫廁廂廄廈廎廕廚廝廞廟廠廡廢廣廧廩廬廳弒弔弳張強彃彄彆彈彌彎彔彙彠彥彫彲彿後徑從徠復徵徹徿恆恥悅悞悵悶悽惡惱惲惻愛愜愨愴愷愻愾慄態慍慘慚慟慣慤慪慫慮慳慶慺慼慾憂憊憐憑憒憖憚憢憤憫憮憲憶憸憹懀懇應懌懍懎懞懟懣懤懨懲懶懷懸懺懼懾戀戇戔戧戩戰戱戲戶扞拋拚挩挱挾捨捫捱捲掃掄掆掗掙掚掛採揀揚換揮揯損搖搗搧搵搶摋摐摑摜摟摯摳摶摺摻撈撊撏撐撓撝撟撣撥撧撫撲撳撻撾撿擁擄擇擊擋擓擔據擟擠擡擣擫擬擯擰擱擲擴擷擺擻擼擽擾攄攆攋攏攔攖攙攛攜攝攢攣攤攪攬敎敓敗敘敵數斂斃斅斆斕斬斷斸於旂旣昇時晉晛晝暈暉暐暘暢暫曄曆曇曉曊曏曖曠曥曨曬書會朥朧朮東枴柵柺査桱桿梔梖梘梜條梟梲棄棊棖棗棟棡棧棲棶椏椲楇楊楓楨業極榘榦榪榮榲榿構槍槓槤槧槨槫槮槳槶槼樁樂樅樑樓標樞樠樢樣樤樧樫樳樸樹樺樿橈橋機橢橫橯檁檉檔檜檟檢檣檭檮檯檳檵檸檻櫃櫅櫍櫓櫚櫛櫝櫞櫟櫠櫥櫧櫨櫪櫫櫬櫱櫳櫸櫻欄欅欇權欍欏欐欑欒欓欖欘欞欽歎歐歟歡歲歷歸歿殘殞殢殤殨殫殭殮殯殰殲殺殻殼毀毆毊毿氂氈氌氣氫氬氭氳氾汎汙決沒沖況泝洩洶浹浿涇涗涼淒淚淥淨淩淪淵淶淺渙減渢渦測渾湊湋湞湧湯溈準溝溡溫溮溳溼滄滅滌滎滙滬滯滲滷滸滻滾滿漁漊漍漚漢漣漬漲漵漸漿潁潑潔潕潙潚潛潣潤潯潰潷潿澀澅澆澇澐澗澠澤澦澩澫澬澮澱澾濁濃濄濆濕濘濚濛濜濟濤濧濫濰濱濺濼濾濿瀂瀃瀅瀆瀇瀉瀋瀏瀕瀘瀝瀟瀠瀦瀧瀨瀰瀲瀾灃灄灍灑灒灕灘灙灝灡灣灤灧灩災為烏烴無煇煉煒煙煢煥煩煬煱熂熅熉熌熒熓熗熚熡熰熱熲熾燀燁燈燉燒燖燙燜營燦燬燭燴燶燻燼燾爃爄爇爍爐爖爛爥爧爭爲爺爾牀牆牘牴牽犖犛犞犢犧狀狹狽猌猙猶猻獁獃獄獅獊獎獨獩獪獫獮獰獱獲獵獷獸獺獻獼玀玁珼現琱琺琿瑋瑒瑣瑤瑩瑪瑲瑻瑽璉璊璕璗璝璡璣璦璫璯環璵璸璼璽璾璿瓄瓅瓊瓏瓔瓕瓚瓛甌甕產産畝畢畫異畵當畼疇疊痙痠痮痾瘂瘋瘍瘓瘞瘡瘧瘮瘱瘲瘺瘻療癆癇癉癐癒癘癟癡癢癤癥癧癩癬癭癮癰癱癲發皁皚皟皰皸皺盃盜盞盡監盤盧盨盪眝眞眥眾睍睏睜睞瞘瞜瞞瞤瞶瞼矇矉矑矓矚矯硃硜硤硨硯碕碙碩碭碸確碼碽磑磚磠磣磧磯磽磾礄礎礐礒礙礦礪礫礬礮礱祕祿禍禎禕禡禦禪禮禰禱禿秈稅稈稏稜稟種稱穀穇穌積穎穠穡穢穩穫穭窩窪窮窯窵窶窺竄竅竇竈竊竚竪竱競筆筍筧筴箇箋箏箚節範築篋篔篘篠篢篤篩篳篸簀簂簍簑簞簡簢簣簫簹簽簾籃籅籋籌籔籙籛籜籟籠籤籩籪籬籮籲粵糉糝糞糧糰糲糴糶糹糺糾紀紂紃約紅紆紇紈紉紋納紐紓純紕紖紗紘紙級紛紜紝紞紟紡紬紮細紱紲紳紵紹紺紼紿絀絁終絃組絅絆絍絎結絕絙絛絝絞絡絢絥給絧絨絪絰統絲絳絶絹絺綀綁綃綄綆綇綈綉綋綌綎綏綐綑經綖綜綝綞綟綠綡綢綣綧綪綫綬維綯綰綱網綳綴綵綸綹綺綻綽綾綿緄緇緊緋緍緑緒緓緔緗緘緙線緝緞緟締緡緣緤緦編緩緬緮緯緰緱緲練緶緷緸緹緻緼縈縉縊縋縍縎縐縑縕縗縛縝縞縟縣縧縫縬縭縮縯縰縱縲縳縴縵縶縷縸縹縺總績繂繃繅繆繈繏繐繒繓織繕繚繞繟繡繢繨繩繪繫繬繭繮繯繰繳繶繷繸繹繻繼繽繾繿纁纆纇纈纊續纍纏纓纔纕纖纗纘纚纜缽罃罈罌罎罰罵罷羅羆羈羋羣羥羨義羵羶習翫翬翹翽耬耮聖聞聯聰聲聳聵聶職聹聻聽聾肅脅脈脛脣脥脩脫脹腎腖腡腦腪腫腳腸膃膕膚膞膠膢膩膹膽膾膿臉臍臏臗臘臚臟臠臢臥臨臺與興舉舊舖舘艙艣艤艦艫艱艷芻苧茲荊莊莖莢莧菕華菴菸萇萊萬萴萵葉葒葝葤葦葯葷蒍蒐蒓蒔蒕蒞蒭蒼蓀蓆蓋蓧蓮蓯蓴蓽蔄蔔蔘蔞蔣蔥蔦蔭蔯蔿蕁蕆蕎蕒蕓蕕蕘蕝蕢蕩蕪蕭蕳蕷蕽薀薆薈薊薌薑薔薘薟薦薩薳薴薵薹薺藍藎藝藥藪藭藴藶藷藹藺蘀蘄蘆蘇蘊蘋蘚蘞蘟蘢蘭蘺蘿虆虉處虛虜號虧虯蛺蛻蜆蝀蝕蝟蝦蝨蝸螄螞螢螮螻螿蟂蟄蟈蟎蟘蟜蟣蟬蟯蟲蟳蟶蟻蠀蠁蠅蠆蠍蠐蠑蠔蠙蠟蠣蠦蠨蠱蠶蠻蠾衆衊術衕衚衛衝袞袷裊裏補裝裡製複褌褘褲褳褸褻襀襇襉襏襓襖襗襘襝襠襤襪襬襯襰襲襴襵覈見覎規覓視覘覛覡覥覦親覬覯覲覷覹覺覼覽覿觀觴觶觸訁訂訃計訊訌討訏訐訑訒訓訕訖託記訛訜訝訞訟訢訣訥訨訩訪設許訴訶診註証詀詁詆詊詎詐詑詒詓詔評詖詗詘詛詝詞詠詡詢詣試詩詪詫詬詭詮詰話該詳詵詷詼詿誂誄誅誆誇誋誌認誑誒誕誘誚語誠誡誣誤誥誦誨說誫説誰課誳誴誶誷誹誺誼誾調諂諄談諉請諍諏諑諒諓論諗諛諜諝諞諟諡諢諣諤諥諦諧諫諭諮諯諰諱諲諳諴諶諷諸諺諼諾謀謁謂謄謅謆謉謊謎謏謐謔謖謗謙謚講謝謠謡謨謫謬謭謯謱謳謸謹謾譁譂譅譆證譊譎譏譑譓譖識譙譚譜譞譟譨譫譭譯議譴護譸譽譾讀讅變讋讌讎讒讓讕讖讚讜讞谿豈豎豐豔豬豵豶貍貓貗貙貝貞貟負財貢貧貨販貪貫責貯貰貲貳貴貶買貸貺費貼貽貿賀賁賂賃賄賅資賈賊賑賒賓賕賙賚賜賝賞賟賠賡賢賣賤賦賧質賫賬賭賰賴賵賺賻購賽賾贃贄贅贇贈贉贊贋贍贏贐贑贓贔贖贗贚贛贜赬趕趙趨趲跡踐踰踴蹌蹔蹕蹟蹠蹣蹤蹳蹺蹻躂躉躊躋躍躎躑躒躓躕躘躚躝躡躥躦躪軀軉車軋軌軍軏軑軒軔軕軗軛軜軝軟軤軨軫軬軲軷軸軹軺軻軼軾軿較輄輅輇輈載輊輋輒輓輔輕輖輗輛輜輝輞輟輢輥輦輨輩輪輬輮輯輳輶輷輸輻輼輾輿轀轂轄轅轆轇轉轊轍轎轐轔轗轟轠轡轢轣轤辦辭辮辯農迴逕這連週進遊運過達違遙遜遞遠遡適遱遲遶遷選遺遼邁還邇邊邏邐郟郵鄆鄉鄒鄔鄖鄟鄧鄩鄭鄰鄲鄳鄴鄶鄺酇酈醃醖醜醞醟醣醫醬醱醲醶釀釁釃釅釋釐釒釓釔釕釗釘釙釚針釟釣釤釦釧釨釩釲釳釴釵釷釹釺釾釿鈀鈁鈃鈄鈅鈆鈇鈈鈉鈋鈍鈎鈐鈑鈒鈔鈕鈖鈗鈛鈞鈠鈡鈣鈥鈦鈧鈮鈯鈰鈲鈳鈴鈷鈸鈹鈺鈽鈾鈿鉀鉁鉅鉆鉈鉉鉊鉋鉍鉑鉔鉕鉗鉚鉛鉝鉞鉠鉢鉤鉥鉦鉧鉬鉭鉮鉳鉶鉷鉸鉺鉻鉽鉾鉿銀銁銂銃銅銈銊銍銏銑銓銖銘銚銛銜銠銣銥銦銨銩銪銫銬銱銳銶銷銹銻銼鋁鋂鋃鋅鋇鋉鋌鋏鋐鋒鋗鋙鋝鋟鋠鋣鋤鋥鋦鋨鋩鋪鋭鋮鋯鋰鋱鋶鋸鋹鋼錀錁錂錄錆錇錈錏錐錒錕錘錙錚錛錜錝錞錟錠錡錢錤錥錦錨錩錫錮錯録錳錶錸錼錽鍀鍁鍃鍄鍅鍆鍇鍈鍉鍊鍋鍍鍒鍔鍘鍚鍛鍠鍤鍥鍩鍬鍭鍮鍰鍵鍶鍺鍼鍾鎂鎄鎇鎈鎊鎌鎍鎓鎔鎖鎘鎙鎚鎛鎝鎞鎡鎢鎣鎦鎧鎩鎪鎬鎭鎮鎯鎰鎲鎳鎵鎶鎷鎸鎿鏃鏆鏇鏈鏉鏌鏍鏏鏐鏑鏗鏘鏚鏜鏝鏞鏟鏡鏢鏤鏥鏦鏨鏰鏵鏷鏹鏺鏻鏽鏾鐃鐄鐇鐈鐋鐍鐎鐏鐐鐒鐓鐔鐘鐙鐝鐠鐥鐦鐧鐨鐩鐪鐫鐮鐯鐲鐳鐵鐶鐸鐺鐼鐽鐿鑀鑄鑉鑊鑌鑑鑒鑔鑕鑞鑠鑣鑥鑪鑭鑰鑱鑲鑴鑷鑹鑼鑽鑾鑿钁钂長門閂閃閆閈閉開閌閍閎閏閐閑閒間閔閗閘閝閞閡閣閤閥閨閩閫閬閭閱閲閵閶閹閻閼閽閾閿闃闆闇闈闉闊闋闌闍闐闑闒闓闔闕闖關闞闠闡闢闤闥陘陝陞陣陰陳陸陽隉隊階隑隕際隤隨險隮隯隱隴隸隻雋雖雙雛雜雞離難雲電霑霢霣霧霼霽靂靄靆靈靉靚靜靝靦靧靨鞏鞝鞦鞽鞾韁韃韆韉韋韌韍韓韙韚韛韜韝韞韠韻響頁頂頃項順頇須頊頌頍頎頏預頑頒頓頔頗領頜頠頡頤頦頫頭頮頰頲頴頵頷頸頹頻頽顂顃顅顆題額顎顏顒顓顔顗願顙顛類顢顣顥顧顫顬顯顰顱顳顴風颭颮颯颰颱颳颶颷颸颺颻颼颾飀飄飆飈飋飛飠飢飣飥飦飩飪飫飭飯飱飲飴飵飶飼飽飾飿餃餄餅餈餉養餌餎餏餑餒餓餔餕餖餗餘餚餛餜餞餡餦餧館餪餫餬餭餱餳餵餶餷餸餺餼餾餿饁饃饅饈饉饊饋饌饑饒饗饘饜饞饟饠饢馬馭馮馯馱馳馴馹馼駁駃駉駊駎駐駑駒駓駔駕駘駙駚駛駝駞駟駡駢駤駧駩駪駫駭駰駱駶駸駻駼駿騁騂騃騄騅騉騊騌騍騎騏騑騔騖騙騚騜騝騞騟騠騤騧騪騫騭騮騰騱騴騵騶騷騸騻騼騾驀驁驂驃驄驅驊驋驌驍驎驏驓驕驗驙驚驛驟驢驤驥驦驨驪驫骯髏髒體髕髖髮鬆鬍鬖鬚鬠鬢鬥鬧鬨鬩鬮鬱鬹魎魘魚魛魟魢魥魦魨魯魴魵魷魺魽鮀鮁鮃鮄鮅鮆鮈鮊鮋鮍鮎鮐鮑鮒鮓鮚鮜鮝鮞鮟鮠鮡鮣鮤鮦鮪鮫鮭鮮鮯鮰鮳鮵鮶鮸鮺鮿鯀鯁鯄鯆鯇鯉鯊鯒鯔鯕鯖鯗鯛鯝鯞鯡鯢鯤鯧鯨鯪鯫鯬鯰鯱鯴鯶鯷鯻鯽鯾鯿鰁鰂鰃鰆鰈鰉鰊鰋鰌鰍鰏鰐鰑鰒鰓鰕鰛鰜鰟鰠鰣鰤鰥鰦鰧鰨鰩鰫鰭鰮鰱鰲鰳鰵鰶鰷鰹鰺鰻鰼鰽鰾鱀鱂鱄鱅鱆鱇鱈鱉鱊鱒鱔鱖鱗鱘鱚鱝鱟鱠鱢鱣鱤鱧鱨鱭鱮鱯鱲鱷鱸鱺鳥鳧鳩鳬鳲鳳鳴鳶鳷鳼鳽鳾鴀鴃鴅鴆鴇鴉鴐鴒鴔鴕鴗鴛鴜鴝鴞鴟鴣鴥鴦鴨鴮鴯鴰鴲鴳鴴鴷鴻鴽鴿鵁鵂鵃鵊鵏鵐鵑鵒鵓鵚鵜鵝鵟鵠鵡鵧鵩鵪鵫鵬鵮鵯鵰鵲鵷鵾鶄鶇鶉鶊鶌鶒鶓鶖鶗鶘鶚鶠鶡鶥鶦鶩鶪鶬鶭鶯鶰鶱鶲鶴鶹鶺鶻鶼鶿鷀鷁鷂鷄鷅鷉鷊鷐鷓鷔鷖鷗鷙鷚鷟鷣鷤鷥鷦鷨鷩鷫鷭鷯鷲鷳鷴鷷鷸鷹鷺鷽鷿鸂鸇鸊鸋鸌鸏鸑鸕鸗鸘鸚鸛鸝鸞鹵鹹鹺鹼鹽麗麥麨麩麪麫麬麯麲麳麴麵麷麼麽黃黌點黨黲黴黶黷黽黿鼂鼉鼕鼴齊齋齎齏齒齔齕齗齘齙齜齟齠齡齣齦齧齩齪齬齭齮齯齰齲齴齶齷齼齾龍龎龐龑龓龔龕龜龭龯鿁鿓ꟲꟳꟴ豈更車賈滑串句龜龜契金喇奈懶癩羅蘿螺裸邏樂洛烙珞落酪駱亂卵欄爛蘭鸞嵐濫藍襤拉臘蠟廊朗浪狼郎來冷勞擄櫓爐盧老蘆虜路露魯鷺碌祿綠菉錄鹿論壟弄籠聾牢磊賂雷壘屢樓淚漏累縷陋勒肋凜凌稜綾菱陵讀拏樂諾丹寧怒率異北磻便復不泌數索參塞省葉說殺辰沈拾若掠略亮兩凉梁糧良諒量勵呂女廬旅濾礪閭驪麗黎力曆歷轢年憐戀撚漣煉璉秊練聯輦蓮連鍊列劣咽烈裂說廉念捻殮簾獵令囹寧嶺怜玲瑩羚聆鈴零靈領例禮醴隸惡了僚寮尿料樂燎療蓼遼龍暈阮劉杻柳流溜琉留硫紐類六戮陸倫崙淪輪律慄栗率隆利吏履易李梨泥理痢罹裏裡里離匿溺吝燐璘藺隣鱗麟林淋臨立笠粒狀炙識什茶刺切度拓糖宅洞暴輻行降見廓兀嗀塚晴凞猪益礼神祥福靖精羽蘒諸逸都飯飼館鶴郞隷侮僧免勉勤卑喝嘆器塀墨層屮悔慨憎懲敏既暑梅海渚漢煮爫琢碑社祉祈祐祖祝禍禎穀突節練縉繁署者臭艹艹著褐視謁謹賓贈辶逸難響頻恵𤋮舘並况全侀充冀勇勺喝啕喙嗢塚墳奄奔婢嬨廒廙彩徭惘慎愈憎慠懲戴揄搜摒敖晴朗望杖歹殺流滛滋漢瀞煮瞧爵犯猪瑱甆画瘝瘟益盛直睊着磌窱節类絛練缾者荒華蝹襁覆視調諸請謁諾諭謹變贈輸遲醙鉶陼難靖韛響頋頻鬒龜𢡊𢡄𣏕㮝䀘䀹𥉉𥳐𧻓齃龎０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ𐞥𝐀𝐁𝐂𝐃𝐄𝐅𝐆𝐇𝐈𝐉𝐊𝐋𝐌𝐍𝐎𝐏𝐐𝐑𝐒𝐓𝐔𝐕𝐖𝐗𝐘𝐙𝐚𝐛𝐜𝐝𝐞𝐟𝐠𝐡𝐢𝐣𝐤𝐥𝐦𝐧𝐨𝐩𝐪𝐫𝐬𝐭𝐮𝐯𝐰𝐱𝐲𝐳𝐴𝐵𝐶𝐷𝐸𝐹𝐺𝐻𝐼𝐽𝐾𝐿𝑀𝑁𝑂𝑃𝑄𝑅𝑆𝑇𝑈𝑉𝑊𝑋𝑌𝑍𝑎𝑏𝑐𝑑𝑒𝑓𝑔𝑖𝑗𝑘𝑙𝑚𝑛𝑜𝑝𝑞𝑟𝑠𝑡𝑢𝑣𝑤𝑥𝑦𝑧𝑨𝑩𝑪𝑫𝑬𝑭𝑮𝑯𝑰𝑱𝑲𝑳𝑴𝑵𝑶𝑷𝑸𝑹𝑺𝑻𝑼𝑽𝑾𝑿𝒀𝒁𝒂𝒃𝒄𝒅𝒆𝒇𝒈𝒉𝒊𝒋𝒌𝒍𝒎𝒏𝒐𝒑𝒒𝒓𝒔𝒕𝒖𝒗𝒘𝒙𝒚𝒛𝒜𝒞𝒟𝒢𝒥𝒦𝒩𝒪𝒫𝒬𝒮𝒯𝒰𝒱𝒲𝒳𝒴𝒵𝒶𝒷𝒸𝒹𝒻𝒽𝒾𝒿𝓀𝓁𝓂𝓃𝓅𝓆𝓇𝓈𝓉𝓊𝓋𝓌𝓍𝓎𝓏𝓐𝓑𝓒𝓓𝓔𝓕𝓖𝓗𝓘𝓙𝓚𝓛𝓜𝓝𝓞𝓟𝓠𝓡𝓢𝓣𝓤𝓥𝓦𝓧𝓨𝓩𝓪𝓫𝓬𝓭𝓮𝓯𝓰𝓱𝓲𝓳𝓴𝓵𝓶𝓷𝓸𝓹𝓺𝓻𝓼𝓽𝓾𝓿𝔀𝔁𝔂𝔃𝔄𝔅𝔇𝔈𝔉𝔊𝔍𝔎𝔏𝔐𝔑𝔒𝔓𝔔𝔖𝔗𝔘𝔙𝔚𝔛𝔜𝔞𝔟𝔠𝔡𝔢𝔣𝔤𝔥𝔦𝔧𝔨𝔩𝔪𝔫𝔬𝔭𝔮𝔯𝔰𝔱𝔲𝔳𝔴𝔵𝔶𝔷𝔸𝔹𝔻𝔼𝔽𝔾𝕀𝕁𝕂𝕃𝕄𝕆𝕊𝕋𝕌𝕍𝕎𝕏𝕐𝕒𝕓𝕔𝕕𝕖𝕗𝕘𝕙𝕚𝕛𝕜𝕝𝕞𝕟𝕠𝕡𝕢𝕣𝕤𝕥𝕦𝕧𝕨𝕩𝕪𝕫𝕬𝕭𝕮𝕯𝕰𝕱𝕲𝕳𝕴𝕵𝕶𝕷𝕸𝕹𝕺𝕻𝕼𝕽𝕾𝕿𝖀𝖁𝖂𝖃𝖄𝖅𝖆𝖇𝖈𝖉𝖊𝖋𝖌𝖍𝖎𝖏𝖐𝖑𝖒𝖓𝖔𝖕𝖖𝖗𝖘𝖙𝖚𝖛𝖜𝖝𝖞𝖟𝖠𝖡𝖢𝖣𝖤𝖥𝖦𝖧𝖨𝖩𝖪𝖫𝖬𝖭𝖮𝖯𝖰𝖱𝖲𝖳𝖴𝖵𝖶𝖷𝖸𝖹𝖺𝖻𝖼𝖽𝖾𝖿𝗀𝗁𝗂𝗃𝗄𝗅𝗆𝗇𝗈𝗉𝗊𝗋𝗌𝗍𝗎𝗏𝗐𝗑𝗒𝗓𝗔𝗕𝗖𝗗𝗘𝗙𝗚𝗛𝗜𝗝𝗞𝗟𝗠𝗡𝗢𝗣𝗤𝗥𝗦𝗧𝗨𝗩𝗪𝗫𝗬𝗭𝗮𝗯𝗰𝗱𝗲𝗳𝗴𝗵𝗶𝗷𝗸𝗹𝗺𝗻𝗼𝗽𝗾𝗿𝘀𝘁𝘂𝘃𝘄𝘅𝘆𝘇𝘈𝘉𝘊𝘋𝘌𝘍𝘎𝘏𝘐𝘑𝘒𝘓𝘔𝘕𝘖𝘗𝘘𝘙𝘚𝘛𝘜𝘝𝘞𝘟𝘠𝘡𝘢𝘣𝘤𝘥𝘦𝘧𝘨𝘩𝘪𝘫𝘬𝘭𝘮𝘯𝘰𝘱𝘲𝘳𝘴𝘵𝘶𝘷𝘸𝘹𝘺𝘻𝘼𝘽𝘾𝘿𝙀𝙁𝙂𝙃𝙄𝙅𝙆𝙇𝙈𝙉𝙊𝙋𝙌𝙍𝙎𝙏𝙐𝙑𝙒𝙓𝙔𝙕𝙖𝙗𝙘𝙙𝙚𝙛𝙜𝙝𝙞𝙟𝙠𝙡𝙢𝙣𝙤𝙥𝙦𝙧𝙨𝙩𝙪𝙫𝙬𝙭𝙮𝙯𝙰𝙱𝙲𝙳𝙴𝙵𝙶𝙷𝙸𝙹𝙺𝙻𝙼𝙽𝙾𝙿𝚀𝚁𝚂𝚃𝚄𝚅𝚆𝚇𝚈𝚉𝚊𝚋𝚌𝚍𝚎𝚏𝚐𝚑𝚒𝚓𝚔𝚕𝚖𝚗𝚘𝚙𝚚𝚛𝚜𝚝𝚞𝚟𝚠𝚡𝚢𝚣𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗𝟘𝟙𝟚𝟛𝟜𝟝𝟞𝟟𝟠𝟡𝟢𝟣𝟤𝟥𝟦𝟧𝟨𝟩𝟪𝟫𝟬𝟭𝟮𝟯𝟰𝟱𝟲𝟳𝟴𝟵𝟶𝟷𝟸𝟹𝟺𝟻𝟼𝟽𝟾𝟿🄫🄬🄰🄱🄲🄳🄴🄵🄶🄷🄸🄹🄺🄻🄼🄽🄾🄿🅀🅁🅂🅃🅄🅅🅆🅇🅈🅉🈐🈑🈒🈔🈕🈖🈗🈘🈙🈚🈛🈜🈝🈞🈟🈠🈡🈢🈣🈤🈥🈦🈧🈨🈩🈪🈫🈬🈭🈮🈯🈰🈱🈲🈳🈴🈵🈶🈷🈸🈹🈺🈻🉐🉑🯰🯱🯲🯳🯴🯵🯶🯷🯸🯹𠁞𠌥𠏢𠐊𠗣𠞆𠠎𠬙𠼤𠽃𠿕𡂡𡃄𡃕𡃤𡄔𡄣𡅏𡅯𡑍𡑭𡓁𡓾𡔖𡞵𡟫𡠹𡢃𡮉𡮣𡳳𡸗𡹬𡻕𡽗𡾱𡿖𢍰𢠼𢣐𢣚𢣭𢤩𢤱𢤿𢯷𢶒𢶫𢷮𢹿𢺳𣈶𣋋𣍐𣙎𣜬𣝕𣞻𣠩𣠲𣯩𣯴𣯶𣽏𣾷𣿉𤁣𤄷𤅶𤑳𤑹𤒎𤒻𤓌𤓎𤓩𤘀𤛮𤛱𤜆𤠮𤢟𤢻𤩂𤪺𤫩𤬅𤳷𤳸𤷃𤸫𤺔𥊝𥌃𥏝𥕥𥖅𥖲𥗇𥗽𥜐𥜰𥞵𥢢𥢶𥢷𥨐𥪂𥯤𥴨𥴼𥵃𥵊𥶽𥸠𥻦𥼽𥽖𥾯𥿊𦀖𦂅𦃄𦃩𦅇𦅈𦆲𦒀𦔖𦘧𦟼𦠅𦡝𦢈𦣎𦧺𦪙𦪽𦱌𦾟𧎈𧒯𧔥𧕟𧜗𧜵𧝞𧞫𧟀𧡴𧢄𧦝𧦧𧩕𧩙𧩼𧫝𧬤𧭈𧭹𧳟𧵳𧶔𧶧𧷎𧸘𧹈𧽯𨂐𨄣𨅍𨆪𨇁𨇞𨇤𨇰𨇽𨈊𨈌𨊰𨊸𨊻𨋢𨌈𨍰𨎌𨎮𨏠𨏥𨞺𨟊𨢿𨣈𨣞𨣧𨤻𨥛𨥟𨦫𨧀𨧜𨧰𨧱𨨏𨨛𨨢𨩰𨪕𨫒𨬖𨭆𨭎𨭖𨭸𨮂𨮳𨯅𨯟𨰃𨰋𨰥𨰲𨲳𨳑𨳕𨴗𨴹𨵩𨵸𨶀𨶏𨶮𨶲𨷲𨼳𨽏𩀨𩅙𩎖𩎢𩏂𩏠𩏪𩏷𩑔𩒎𩓣𩓥𩔑𩔳𩖰𩗀𩗓𩗴𩘀𩘝𩘹𩘺𩙈𩚛𩚥𩚩𩚵𩛆𩛌𩛡𩛩𩜇𩜦𩜵𩝔𩝽𩞄𩞦𩞯𩟐𩟗𩠴𩡣𩡺𩢡𩢴𩢸𩢾𩣏𩣑𩣫𩣵𩣺𩤊𩤙𩤲𩤸𩥄𩥇𩥉𩥑𩦠𩧆𩭙𩯁𩯳𩰀𩰹𩳤𩴵𩵦𩵩𩵹𩶁𩶘𩶰𩶱𩷰𩸃𩸄𩸡𩸦𩻗𩻬𩻮𩼶𩽇𩿅𩿤𩿪𪀖𪀦𪀾𪁈𪁖𪂆𪃍𪃏𪃒𪃧𪄆𪄕𪅂𪆷𪇳𪈼𪉸𪋿𪌭𪍠𪓰𪔵𪘀𪘯𪙏𪟖𪷓𫒡𫜦丽丸乁𠄢你侮侻倂偺備僧像㒞𠘺免兔兤具𠔜㒹內再𠕋冗冤仌冬况𩇟凵刃㓟刻剆割剷㔕勇勉勤勺包匆北卉卑博即卽卿卿卿𠨬灰及叟𠭣叫叱吆咞吸呈周咢哶唐啓啣善善喙喫喳嗂圖嘆圗噑噴切壮城埴堍型堲報墬𡓤売壷夆多夢奢𡚨𡛪姬娛娧姘婦㛮㛼嬈嬾嬾𡧈寃寘寧寳𡬘寿将当尢㞁屠屮峀岍𡷤嵃𡷦嵮嵫嵼巡巢㠯巽帨帽幩㡢𢆃㡼庰庳庶廊𪎒廾𢌱𢌱舁弢弢㣇𣊸𦇚形彫㣣徚忍志忹悁㤺㤜悔𢛔惇慈慌慎慌慺憎憲憤憯懞懲懶成戛扝抱拔捐𢬌挽拼捨掃揤𢯱搢揅掩㨮摩摾撝摷㩬敏敬𣀊旣書晉㬙暑㬈㫤冒冕最暜肭䏙朗望朡杞杓𣏃㭉柺枅桒梅𣑭梎栟椔㮝楂榣槪檨𣚣櫛㰘次𣢧歔㱎歲殟殺殻𣪍𡴋𣫺汎𣲼沿泍汧洖派海流浩浸涅𣴞洴港湮㴳滋滇𣻑淹潮𣽞𣾎濆瀹瀞瀛㶖灊災灷炭𠔥煅𤉣熜𤎫爨爵牐𤘈犀犕𤜵𤠔獺王㺬玥㺸㺸瑇瑜瑱璅瓊㼛甤𤰶甾𤲒異𢆟瘐𤾡𤾸𥁄㿼䀈直𥃳𥃲𥄙𥄳眞真真睊䀹瞋䁆䂖𥐝硎碌磌䃣𥘦祖𥚚𥛅福秫䄯穀穊穏𥥼𥪧𥪧竮䈂𥮫篆築䈧𥲀糒䊠糨糣紀𥾆絣䌁緇縂繅䌴𦈨𦉇䍙𦋙罺𦌾羕翺者𦓚𦔣聠𦖨聰𣍟䏕育脃䐋脾媵𦞧𦞵𣎓𣎜舁舄辞䑫芑芋芝劳花芳芽苦𦬼若茝荣莭茣莽菧著荓菊菌菜𦰶𦵫𦳕䔫蓱蓳蔖𧏊蕤𦼬䕝䕡𦾱𧃒䕫虐虜虧虩蚩蚈蜎蛢蝹蜨蝫螆䗗蟡蠁䗹衠衣𧙧裗裞䘵裺㒻𧢮𧥦䚾䛇誠諭變豕𧲨貫賁贛起𧼯𠠄跋趼跰𠣞軔輸𨗒𨗭邔郱鄑𨜮鄛鈸鋗鋘鉼鏹鐕𨯺開䦕閷𨵷䧦雃嶲霣𩅅𩈚䩮䩶韠𩐊䪲𩒖頋頋頩𩖶飢䬳餩馧駂駾䯎𩬰鬒鱀鳽䳎䳭鵧𪃎䳸𪄅𪈎𪊑麻䵖黹黾鼅鼏鼖鼻𪘀', ch), 1), '')
        )
        FROM (SELECT DISTINCT found[1] AS ch FROM regexp_matches(value, '[ª²³¹ºſʰʲʳʷʸˡˢˣᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁᵂᵃᵇᵈᵉᵍᵏᵐᵒᵖᵗᵘᵛᵢᵣᵤᵥᶜᶠᶻ⁰ⁱ⁴⁵⁶⁷⁸⁹ⁿ₀₁₂₃₄₅₆₇₈₉ₐₑₒₓₕₖₗₘₙₚₛₜℂℊℋℌℍℎℐℑℒℓℕℙℚℛℜℝℤℨKℬℭℯℰℱℳℴℹⅅⅆⅇⅈⅉⅠⅤⅩⅬⅭⅮⅯⅰⅴⅹⅼⅽⅾⅿ①②③④⑤⑥⑦⑧⑨ⒶⒷⒸⒹⒺⒻⒼⒽⒾⒿⓀⓁⓂⓃⓄⓅⓆⓇⓈⓉⓊⓋⓌⓍⓎⓏⓐⓑⓒⓓⓔⓕⓖⓗⓘⓙⓚⓛⓜⓝⓞⓟⓠⓡⓢⓣⓤⓥⓦⓧⓨⓩ⓪ⱼⱽ⺟⻳⼀⼁⼂⼃⼄⼅⼆⼇⼈⼉⼊⼋⼌⼍⼎⼏⼐⼑⼒⼓⼔⼕⼖⼗⼘⼙⼚⼛⼜⼝⼞⼟⼠⼡⼢⼣⼤⼥⼦⼧⼨⼩⼪⼫⼬⼭⼮⼯⼰⼱⼲⼳⼴⼵⼶⼷⼸⼹⼺⼻⼼⼽⼾⼿⽀⽁⽂⽃⽄⽅⽆⽇⽈⽉⽊⽋⽌⽍⽎⽏⽐⽑⽒⽓⽔⽕⽖⽗⽘⽙⽚⽛⽜⽝⽞⽟⽠⽡⽢⽣⽤⽥⽦⽧⽨⽩⽪⽫⽬⽭⽮⽯⽰⽱⽲⽳⽴⽵⽶⽷⽸⽹⽺⽻⽼⽽⽾⽿⾀⾁⾂⾃⾄⾅⾆⾇⾈⾉⾊⾋⾌⾍⾎⾏⾐⾑⾒⾓⾔⾕⾖⾗⾘⾙⾚⾛⾜⾝⾞⾟⾠⾡⾢⾣⾤⾥⾦⾧⾨⾩⾪⾫⾬⾭⾮⾯⾰⾱⾲⾳⾴⾵⾶⾷⾸⾹⾺⾻⾼⾽⾾⾿⿀⿁⿂⿃⿄⿅⿆⿇⿈⿉⿊⿋⿌⿍⿎⿏⿐⿑⿒⿓⿔⿕〸〹〺㆒㆓㆔㆕㆖㆗㆘㆙㆚㆛㆜㆝㆞㆟㉄㉅㉆㉇㊀㊁㊂㊃㊄㊅㊆㊇㊈㊉㊊㊋㊌㊍㊎㊏㊐㊑㊒㊓㊔㊕㊖㊗㊘㊙㊚㊛㊜㊝㊞㊟㊠㊡㊢㊣㊤㊥㊦㊧㊨㊩㊪㊫㊬㊭㊮㊯㊰㑮㑯㑳㑶㒓㓄㓨㔋㖮㗲㗿㘉㘓㘔㘚㛝㜄㜏㜐㜗㜢㜷㞞㟺㠏㠣㢗㢝㥮㦎㦛㦞㨻㩋㩜㩳㩵㪎㯤㰙㵗㵾㶆㷍㷿㸇㹽㺏㺜㻶㿖㿗㿧䀉䀹䁪䁻䂎䃮䅐䅳䆉䉑䉙䉬䉲䉶䊭䊷䊺䋃䋔䋙䋚䋦䋹䋻䋼䋿䌈䌋䌖䌝䌟䌥䌰䍤䍦䍽䎙䎱䓣䕤䕳䖅䗅䗿䙔䙡䙱䚩䛄䛳䜀䜖䝭䝻䝼䞈䞋䞓䟃䟆䟐䠆䠱䡐䡩䡵䢨䤤䥄䥇䥑䥕䥗䥩䥯䥱䦘䦛䦟䦯䦳䧢䪊䪏䪗䪘䪴䪾䫀䫂䫟䫴䫶䫻䫾䬓䬘䬝䬞䬧䭀䭃䭑䭔䭿䮄䮝䮞䮠䮫䮰䮳䮾䯀䯤䰾䱀䱁䱙䱧䱬䱰䱷䱸䱽䲁䲅䲖䲘䲰䳜䳢䳤䳧䳫䴉䴋䴬䴱䴴䴽䵳䵴䶕䶲丟並乾亂亙亞佇佈佔併來侖侶侷俁係俓俔俠俥俬倀倆倈倉個們倖倫倲偉偑側偵偽傌傑傖傘備傢傭傯傳傴債傷傾僂僅僉僑僕僞僤僥僨僱價儀儁儂億儈儉儎儐儔儕儘償儣優儭儲儷儸儺儻儼兇兌兒兗內兩冊冑冪凈凍凙凜凱別刪剄則剋剎剗剛剝剮剴創剷剾劃劄劇劉劊劌劍劏劑劚勁勑動務勛勝勞勢勣勩勱勳勵勸勻匭匯匱區協卹卻卽厙厠厤厭厲厴參叄叢吒吳吶呂咼員哯唄唓唸問啓啞啟啢喎喚喪喫喬單喲嗆嗇嗊嗎嗚嗩嗰嗶嗹嘆嘍嘓嘔嘖嘗嘜嘩嘪嘮嘯嘰嘳嘵嘸嘺嘽噁噅噓噚噝噞噠噥噦噯噲噴噸噹嚀嚇嚌嚐嚕嚙嚛嚥嚦嚧嚨嚮嚲嚳嚴嚶嚽囀囁囂囃囅囈囉囌囑囒囪圇國圍園圓圖團圞垻埡埨埬埰執堅堊堖堚堝堯報場塊塋塏塒塗塚塢塤塵塸塹塿墊墜墠墮墰墲墳墶墻墾壇壈壋壎壓壗壘壙壚壜壞壟壠壢壣壩壪壯壺壼壽夠夢夥夾奐奧奩奪奬奮奼妝姍姦娙娛婁婡婦婭媈媧媯媰媼媽嫋嫗嫵嫺嫻嫿嬀嬃嬇嬈嬋嬌嬙嬡嬣嬤嬦嬪嬰嬸嬻孃孄孆孇孋孌孎孫學孻孾孿宮寀寠寢實寧審寫寬寵寶將專尋對導尷屆屍屓屜屢層屨屩屬岡峯峴島峽崍崑崗崙崢崬嵐嵗嵼嵽嵾嶁嶄嶇嶈嶔嶗嶘嶠嶢嶧嶨嶮嶸嶹嶺嶼嶽巊巋巒巔巖巗巘巰巹帥師帳帶幀幃幓幗幘幝幟幣幩幫幬幷幹幾庫廁廂廄廈廎廕廚廝廞廟廠廡廢廣廧廩廬廳弒弔弳張強彃彄彆彈彌彎彔彙彠彥彫彲彿後徑從徠復徵徹徿恆恥悅悞悵悶悽惡惱惲惻愛愜愨愴愷愻愾慄態慍慘慚慟慣慤慪慫慮慳慶慺慼慾憂憊憐憑憒憖憚憢憤憫憮憲憶憸憹懀懇應懌懍懎懞懟懣懤懨懲懶懷懸懺懼懾戀戇戔戧戩戰戱戲戶扞拋拚挩挱挾捨捫捱捲掃掄掆掗掙掚掛採揀揚換揮揯損搖搗搧搵搶摋摐摑摜摟摯摳摶摺摻撈撊撏撐撓撝撟撣撥撧撫撲撳撻撾撿擁擄擇擊擋擓擔據擟擠擡擣擫擬擯擰擱擲擴擷擺擻擼擽擾攄攆攋攏攔攖攙攛攜攝攢攣攤攪攬敎敓敗敘敵數斂斃斅斆斕斬斷斸於旂旣昇時晉晛晝暈暉暐暘暢暫曄曆曇曉曊曏曖曠曥曨曬書會朥朧朮東枴柵柺査桱桿梔梖梘梜條梟梲棄棊棖棗棟棡棧棲棶椏椲楇楊楓楨業極榘榦榪榮榲榿構槍槓槤槧槨槫槮槳槶槼樁樂樅樑樓標樞樠樢樣樤樧樫樳樸樹樺樿橈橋機橢橫橯檁檉檔檜檟檢檣檭檮檯檳檵檸檻櫃櫅櫍櫓櫚櫛櫝櫞櫟櫠櫥櫧櫨櫪櫫櫬櫱櫳櫸櫻欄欅欇權欍欏欐欑欒欓欖欘欞欽歎歐歟歡歲歷歸歿殘殞殢殤殨殫殭殮殯殰殲殺殻殼毀毆毊毿氂氈氌氣氫氬氭氳氾汎汙決沒沖況泝洩洶浹浿涇涗涼淒淚淥淨淩淪淵淶淺渙減渢渦測渾湊湋湞湧湯溈準溝溡溫溮溳溼滄滅滌滎滙滬滯滲滷滸滻滾滿漁漊漍漚漢漣漬漲漵漸漿潁潑潔潕潙潚潛潣潤潯潰潷潿澀澅澆澇澐澗澠澤澦澩澫澬澮澱澾濁濃濄濆濕濘濚濛濜濟濤濧濫濰濱濺濼濾濿瀂瀃瀅瀆瀇瀉瀋瀏瀕瀘瀝瀟瀠瀦瀧瀨瀰瀲瀾灃灄灍灑灒灕灘灙灝灡灣灤灧灩災為烏烴無煇煉煒煙煢煥煩煬煱熂熅熉熌熒熓熗熚熡熰熱熲熾燀燁燈燉燒燖燙燜營燦燬燭燴燶燻燼燾爃爄爇爍爐爖爛爥爧爭爲爺爾牀牆牘牴牽犖犛犞犢犧狀狹狽猌猙猶猻獁獃獄獅獊獎獨獩獪獫獮獰獱獲獵獷獸獺獻獼玀玁珼現琱琺琿瑋瑒瑣瑤瑩瑪瑲瑻瑽璉璊璕璗璝璡璣璦璫璯環璵璸璼璽璾璿瓄瓅瓊瓏瓔瓕瓚瓛甌甕產産畝畢畫異畵當畼疇疊痙痠痮痾瘂瘋瘍瘓瘞瘡瘧瘮瘱瘲瘺瘻療癆癇癉癐癒癘癟癡癢癤癥癧癩癬癭癮癰癱癲發皁皚皟皰皸皺盃盜盞盡監盤盧盨盪眝眞眥眾睍睏睜睞瞘瞜瞞瞤瞶瞼矇矉矑矓矚矯硃硜硤硨硯碕碙碩碭碸確碼碽磑磚磠磣磧磯磽磾礄礎礐礒礙礦礪礫礬礮礱祕祿禍禎禕禡禦禪禮禰禱禿秈稅稈稏稜稟種稱穀穇穌積穎穠穡穢穩穫穭窩窪窮窯窵窶窺竄竅竇竈竊竚竪竱競筆筍筧筴箇箋箏箚節範築篋篔篘篠篢篤篩篳篸簀簂簍簑簞簡簢簣簫簹簽簾籃籅籋籌籔籙籛籜籟籠籤籩籪籬籮籲粵糉糝糞糧糰糲糴糶糹糺糾紀紂紃約紅紆紇紈紉紋納紐紓純紕紖紗紘紙級紛紜紝紞紟紡紬紮細紱紲紳紵紹紺紼紿絀絁終絃組絅絆絍絎結絕絙絛絝絞絡絢絥給絧絨絪絰統絲絳絶絹絺綀綁綃綄綆綇綈綉綋綌綎綏綐綑經綖綜綝綞綟綠綡綢綣綧綪綫綬維綯綰綱網綳綴綵綸綹綺綻綽綾綿緄緇緊緋緍緑緒緓緔緗緘緙線緝緞緟締緡緣緤緦編緩緬緮緯緰緱緲練緶緷緸緹緻緼縈縉縊縋縍縎縐縑縕縗縛縝縞縟縣縧縫縬縭縮縯縰縱縲縳縴縵縶縷縸縹縺總績繂繃繅繆繈繏繐繒繓織繕繚繞繟繡繢繨繩繪繫繬繭繮繯繰繳繶繷繸繹繻繼繽繾繿纁纆纇纈纊續纍纏纓纔纕纖纗纘纚纜缽罃罈罌罎罰罵罷羅羆羈羋羣羥羨義羵羶習翫翬翹翽耬耮聖聞聯聰聲聳聵聶職聹聻聽聾肅脅脈脛脣脥脩脫脹腎腖腡腦腪腫腳腸膃膕膚膞膠膢膩膹膽膾膿臉臍臏臗臘臚臟臠臢臥臨臺與興舉舊舖舘艙艣艤艦艫艱艷芻苧茲荊莊莖莢莧菕華菴菸萇萊萬萴萵葉葒葝葤葦葯葷蒍蒐蒓蒔蒕蒞蒭蒼蓀蓆蓋蓧蓮蓯蓴蓽蔄蔔蔘蔞蔣蔥蔦蔭蔯蔿蕁蕆蕎蕒蕓蕕蕘蕝蕢蕩蕪蕭蕳蕷蕽薀薆薈薊薌薑薔薘薟薦薩薳薴薵薹薺藍藎藝藥藪藭藴藶藷藹藺蘀蘄蘆蘇蘊蘋蘚蘞蘟蘢蘭蘺蘿虆虉處虛虜號虧虯蛺蛻蜆蝀蝕蝟蝦蝨蝸螄螞螢螮螻螿蟂蟄蟈蟎蟘蟜蟣蟬蟯蟲蟳蟶蟻蠀蠁蠅蠆蠍蠐蠑蠔蠙蠟蠣蠦蠨蠱蠶蠻蠾衆衊術衕衚衛衝袞袷裊裏補裝裡製複褌褘褲褳褸褻襀襇襉襏襓襖襗襘襝襠襤襪襬襯襰襲襴襵覈見覎規覓視覘覛覡覥覦親覬覯覲覷覹覺覼覽覿觀觴觶觸訁訂訃計訊訌討訏訐訑訒訓訕訖託記訛訜訝訞訟訢訣訥訨訩訪設許訴訶診註証詀詁詆詊詎詐詑詒詓詔評詖詗詘詛詝詞詠詡詢詣試詩詪詫詬詭詮詰話該詳詵詷詼詿誂誄誅誆誇誋誌認誑誒誕誘誚語誠誡誣誤誥誦誨說誫説誰課誳誴誶誷誹誺誼誾調諂諄談諉請諍諏諑諒諓論諗諛諜諝諞諟諡諢諣諤諥諦諧諫諭諮諯諰諱諲諳諴諶諷諸諺諼諾謀謁謂謄謅謆謉謊謎謏謐謔謖謗謙謚講謝謠謡謨謫謬謭謯謱謳謸謹謾譁譂譅譆證譊譎譏譑譓譖識譙譚譜譞譟譨譫譭譯議譴護譸譽譾讀讅變讋讌讎讒讓讕讖讚讜讞谿豈豎豐豔豬豵豶貍貓貗貙貝貞貟負財貢貧貨販貪貫責貯貰貲貳貴貶買貸貺費貼貽貿賀賁賂賃賄賅資賈賊賑賒賓賕賙賚賜賝賞賟賠賡賢賣賤賦賧質賫賬賭賰賴賵賺賻購賽賾贃贄贅贇贈贉贊贋贍贏贐贑贓贔贖贗贚贛贜赬趕趙趨趲跡踐踰踴蹌蹔蹕蹟蹠蹣蹤蹳蹺蹻躂躉躊躋躍躎躑躒躓躕躘躚躝躡躥躦躪軀軉車軋軌軍軏軑軒軔軕軗軛軜軝軟軤軨軫軬軲軷軸軹軺軻軼軾軿較輄輅輇輈載輊輋輒輓輔輕輖輗輛輜輝輞輟輢輥輦輨輩輪輬輮輯輳輶輷輸輻輼輾輿轀轂轄轅轆轇轉轊轍轎轐轔轗轟轠轡轢轣轤辦辭辮辯農迴逕這連週進遊運過達違遙遜遞遠遡適遱遲遶遷選遺遼邁還邇邊邏邐郟郵鄆鄉鄒鄔鄖鄟鄧鄩鄭鄰鄲鄳鄴鄶鄺酇酈醃醖醜醞醟醣醫醬醱醲醶釀釁釃釅釋釐釒釓釔釕釗釘釙釚針釟釣釤釦釧釨釩釲釳釴釵釷釹釺釾釿鈀鈁鈃鈄鈅鈆鈇鈈鈉鈋鈍鈎鈐鈑鈒鈔鈕鈖鈗鈛鈞鈠鈡鈣鈥鈦鈧鈮鈯鈰鈲鈳鈴鈷鈸鈹鈺鈽鈾鈿鉀鉁鉅鉆鉈鉉鉊鉋鉍鉑鉔鉕鉗鉚鉛鉝鉞鉠鉢鉤鉥鉦鉧鉬鉭鉮鉳鉶鉷鉸鉺鉻鉽鉾鉿銀銁銂銃銅銈銊銍銏銑銓銖銘銚銛銜銠銣銥銦銨銩銪銫銬銱銳銶銷銹銻銼鋁鋂鋃鋅鋇鋉鋌鋏鋐鋒鋗鋙鋝鋟鋠鋣鋤鋥鋦鋨鋩鋪鋭鋮鋯鋰鋱鋶鋸鋹鋼錀錁錂錄錆錇錈錏錐錒錕錘錙錚錛錜錝錞錟錠錡錢錤錥錦錨錩錫錮錯録錳錶錸錼錽鍀鍁鍃鍄鍅鍆鍇鍈鍉鍊鍋鍍鍒鍔鍘鍚鍛鍠鍤鍥鍩鍬鍭鍮鍰鍵鍶鍺鍼鍾鎂鎄鎇鎈鎊鎌鎍鎓鎔鎖鎘鎙鎚鎛鎝鎞鎡鎢鎣鎦鎧鎩鎪鎬鎭鎮鎯鎰鎲鎳鎵鎶鎷鎸鎿鏃鏆鏇鏈鏉鏌鏍鏏鏐鏑鏗鏘鏚鏜鏝鏞鏟鏡鏢鏤鏥鏦鏨鏰鏵鏷鏹鏺鏻鏽鏾鐃鐄鐇鐈鐋鐍鐎鐏鐐鐒鐓鐔鐘鐙鐝鐠鐥鐦鐧鐨鐩鐪鐫鐮鐯鐲鐳鐵鐶鐸鐺鐼鐽鐿鑀鑄鑉鑊鑌鑑鑒鑔鑕鑞鑠鑣鑥鑪鑭鑰鑱鑲鑴鑷鑹鑼鑽鑾鑿钁钂長門閂閃閆閈閉開閌閍閎閏閐閑閒間閔閗閘閝閞閡閣閤閥閨閩閫閬閭閱閲閵閶閹閻閼閽閾閿闃闆闇闈闉闊闋闌闍闐闑闒闓闔闕闖關闞闠闡闢闤闥陘陝陞陣陰陳陸陽隉隊階隑隕際隤隨險隮隯隱隴隸隻雋雖雙雛雜雞離難雲電霑霢霣霧霼霽靂靄靆靈靉靚靜靝靦靧靨鞏鞝鞦鞽鞾韁韃韆韉韋韌韍韓韙韚韛韜韝韞韠韻響頁頂頃項順頇須頊頌頍頎頏預頑頒頓頔頗領頜頠頡頤頦頫頭頮頰頲頴頵頷頸頹頻頽顂顃顅顆題額顎顏顒顓顔顗願顙顛類顢顣顥顧顫顬顯顰顱顳顴風颭颮颯颰颱颳颶颷颸颺颻颼颾飀飄飆飈飋飛飠飢飣飥飦飩飪飫飭飯飱飲飴飵飶飼飽飾飿餃餄餅餈餉養餌餎餏餑餒餓餔餕餖餗餘餚餛餜餞餡餦餧館餪餫餬餭餱餳餵餶餷餸餺餼餾餿饁饃饅饈饉饊饋饌饑饒饗饘饜饞饟饠饢馬馭馮馯馱馳馴馹馼駁駃駉駊駎駐駑駒駓駔駕駘駙駚駛駝駞駟駡駢駤駧駩駪駫駭駰駱駶駸駻駼駿騁騂騃騄騅騉騊騌騍騎騏騑騔騖騙騚騜騝騞騟騠騤騧騪騫騭騮騰騱騴騵騶騷騸騻騼騾驀驁驂驃驄驅驊驋驌驍驎驏驓驕驗驙驚驛驟驢驤驥驦驨驪驫骯髏髒體髕髖髮鬆鬍鬖鬚鬠鬢鬥鬧鬨鬩鬮鬱鬹魎魘魚魛魟魢魥魦魨魯魴魵魷魺魽鮀鮁鮃鮄鮅鮆鮈鮊鮋鮍鮎鮐鮑鮒鮓鮚鮜鮝鮞鮟鮠鮡鮣鮤鮦鮪鮫鮭鮮鮯鮰鮳鮵鮶鮸鮺鮿鯀鯁鯄鯆鯇鯉鯊鯒鯔鯕鯖鯗鯛鯝鯞鯡鯢鯤鯧鯨鯪鯫鯬鯰鯱鯴鯶鯷鯻鯽鯾鯿鰁鰂鰃鰆鰈鰉鰊鰋鰌鰍鰏鰐鰑鰒鰓鰕鰛鰜鰟鰠鰣鰤鰥鰦鰧鰨鰩鰫鰭鰮鰱鰲鰳鰵鰶鰷鰹鰺鰻鰼鰽鰾鱀鱂鱄鱅鱆鱇鱈鱉鱊鱒鱔鱖鱗鱘鱚鱝鱟鱠鱢鱣鱤鱧鱨鱭鱮鱯鱲鱷鱸鱺鳥鳧鳩鳬鳲鳳鳴鳶鳷鳼鳽鳾鴀鴃鴅鴆鴇鴉鴐鴒鴔鴕鴗鴛鴜鴝鴞鴟鴣鴥鴦鴨鴮鴯鴰鴲鴳鴴鴷鴻鴽鴿鵁鵂鵃鵊鵏鵐鵑鵒鵓鵚鵜鵝鵟鵠鵡鵧鵩鵪鵫鵬鵮鵯鵰鵲鵷鵾鶄鶇鶉鶊鶌鶒鶓鶖鶗鶘鶚鶠鶡鶥鶦鶩鶪鶬鶭鶯鶰鶱鶲鶴鶹鶺鶻鶼鶿鷀鷁鷂鷄鷅鷉鷊鷐鷓鷔鷖鷗鷙鷚鷟鷣鷤鷥鷦鷨鷩鷫鷭鷯鷲鷳鷴鷷鷸鷹鷺鷽鷿鸂鸇鸊鸋鸌鸏鸑鸕鸗鸘鸚鸛鸝鸞鹵鹹鹺鹼鹽麗麥麨麩麪麫麬麯麲麳麴麵麷麼麽黃黌點黨黲黴黶黷黽黿鼂鼉鼕鼴齊齋齎齏齒齔齕齗齘齙齜齟齠齡齣齦齧齩齪齬齭齮齯齰齲齴齶齷齼齾龍龎龐龑龓龔龕龜龭龯鿁鿓ꟲꟳꟴ豈更車賈滑串句龜龜契金喇奈懶癩羅蘿螺裸邏樂洛烙珞落酪駱亂卵欄爛蘭鸞嵐濫藍襤拉臘蠟廊朗浪狼郎來冷勞擄櫓爐盧老蘆虜路露魯鷺碌祿綠菉錄鹿論壟弄籠聾牢磊賂雷壘屢樓淚漏累縷陋勒肋凜凌稜綾菱陵讀拏樂諾丹寧怒率異北磻便復不泌數索參塞省葉說殺辰沈拾若掠略亮兩凉梁糧良諒量勵呂女廬旅濾礪閭驪麗黎力曆歷轢年憐戀撚漣煉璉秊練聯輦蓮連鍊列劣咽烈裂說廉念捻殮簾獵令囹寧嶺怜玲瑩羚聆鈴零靈領例禮醴隸惡了僚寮尿料樂燎療蓼遼龍暈阮劉杻柳流溜琉留硫紐類六戮陸倫崙淪輪律慄栗率隆利吏履易李梨泥理痢罹裏裡里離匿溺吝燐璘藺隣鱗麟林淋臨立笠粒狀炙識什茶刺切度拓糖宅洞暴輻行降見廓兀嗀塚晴凞猪益礼神祥福靖精羽蘒諸逸都飯飼館鶴郞隷侮僧免勉勤卑喝嘆器塀墨層屮悔慨憎懲敏既暑梅海渚漢煮爫琢碑社祉祈祐祖祝禍禎穀突節練縉繁署者臭艹艹著褐視謁謹賓贈辶逸難響頻恵𤋮舘並况全侀充冀勇勺喝啕喙嗢塚墳奄奔婢嬨廒廙彩徭惘慎愈憎慠懲戴揄搜摒敖晴朗望杖歹殺流滛滋漢瀞煮瞧爵犯猪瑱甆画瘝瘟益盛直睊着磌窱節类絛練缾者荒華蝹襁覆視調諸請謁諾諭謹變贈輸遲醙鉶陼難靖韛響頋頻鬒龜𢡊𢡄𣏕㮝䀘䀹𥉉𥳐𧻓齃龎０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ𐞥𝐀𝐁𝐂𝐃𝐄𝐅𝐆𝐇𝐈𝐉𝐊𝐋𝐌𝐍𝐎𝐏𝐐𝐑𝐒𝐓𝐔𝐕𝐖𝐗𝐘𝐙𝐚𝐛𝐜𝐝𝐞𝐟𝐠𝐡𝐢𝐣𝐤𝐥𝐦𝐧𝐨𝐩𝐪𝐫𝐬𝐭𝐮𝐯𝐰𝐱𝐲𝐳𝐴𝐵𝐶𝐷𝐸𝐹𝐺𝐻𝐼𝐽𝐾𝐿𝑀𝑁𝑂𝑃𝑄𝑅𝑆𝑇𝑈𝑉𝑊𝑋𝑌𝑍𝑎𝑏𝑐𝑑𝑒𝑓𝑔𝑖𝑗𝑘𝑙𝑚𝑛𝑜𝑝𝑞𝑟𝑠𝑡𝑢𝑣𝑤𝑥𝑦𝑧𝑨𝑩𝑪𝑫𝑬𝑭𝑮𝑯𝑰𝑱𝑲𝑳𝑴𝑵𝑶𝑷𝑸𝑹𝑺𝑻𝑼𝑽𝑾𝑿𝒀𝒁𝒂𝒃𝒄𝒅𝒆𝒇𝒈𝒉𝒊𝒋𝒌𝒍𝒎𝒏𝒐𝒑𝒒𝒓𝒔𝒕𝒖𝒗𝒘𝒙𝒚𝒛𝒜𝒞𝒟𝒢𝒥𝒦𝒩𝒪𝒫𝒬𝒮𝒯𝒰𝒱𝒲𝒳𝒴𝒵𝒶𝒷𝒸𝒹𝒻𝒽𝒾𝒿𝓀𝓁𝓂𝓃𝓅𝓆𝓇𝓈𝓉𝓊𝓋𝓌𝓍𝓎𝓏𝓐𝓑𝓒𝓓𝓔𝓕𝓖𝓗𝓘𝓙𝓚𝓛𝓜𝓝𝓞𝓟𝓠𝓡𝓢𝓣𝓤𝓥𝓦𝓧𝓨𝓩𝓪𝓫𝓬𝓭𝓮𝓯𝓰𝓱𝓲𝓳𝓴𝓵𝓶𝓷𝓸𝓹𝓺𝓻𝓼𝓽𝓾𝓿𝔀𝔁𝔂𝔃𝔄𝔅𝔇𝔈𝔉𝔊𝔍𝔎𝔏𝔐𝔑𝔒𝔓𝔔𝔖𝔗𝔘𝔙𝔚𝔛𝔜𝔞𝔟𝔠𝔡𝔢𝔣𝔤𝔥𝔦𝔧𝔨𝔩𝔪𝔫𝔬𝔭𝔮𝔯𝔰𝔱𝔲𝔳𝔴𝔵𝔶𝔷𝔸𝔹𝔻𝔼𝔽𝔾𝕀𝕁𝕂𝕃𝕄𝕆𝕊𝕋𝕌𝕍𝕎𝕏𝕐𝕒𝕓𝕔𝕕𝕖𝕗𝕘𝕙𝕚𝕛𝕜𝕝𝕞𝕟𝕠𝕡𝕢𝕣𝕤𝕥𝕦𝕧𝕨𝕩𝕪𝕫𝕬𝕭𝕮𝕯𝕰𝕱𝕲𝕳𝕴𝕵𝕶𝕷𝕸𝕹𝕺𝕻𝕼𝕽𝕾𝕿𝖀𝖁𝖂𝖃𝖄𝖅𝖆𝖇𝖈𝖉𝖊𝖋𝖌𝖍𝖎𝖏𝖐𝖑𝖒𝖓𝖔𝖕𝖖𝖗𝖘𝖙𝖚𝖛𝖜𝖝𝖞𝖟𝖠𝖡𝖢𝖣𝖤𝖥𝖦𝖧𝖨𝖩𝖪𝖫𝖬𝖭𝖮𝖯𝖰𝖱𝖲𝖳𝖴𝖵𝖶𝖷𝖸𝖹𝖺𝖻𝖼𝖽𝖾𝖿𝗀𝗁𝗂𝗃𝗄𝗅𝗆𝗇𝗈𝗉𝗊𝗋𝗌𝗍𝗎𝗏𝗐𝗑𝗒𝗓𝗔𝗕𝗖𝗗𝗘𝗙𝗚𝗛𝗜𝗝𝗞𝗟𝗠𝗡𝗢𝗣𝗤𝗥𝗦𝗧𝗨𝗩𝗪𝗫𝗬𝗭𝗮𝗯𝗰𝗱𝗲𝗳𝗴𝗵𝗶𝗷𝗸𝗹𝗺𝗻𝗼𝗽𝗾𝗿𝘀𝘁𝘂𝘃𝘄𝘅𝘆𝘇𝘈𝘉𝘊𝘋𝘌𝘍𝘎𝘏𝘐𝘑𝘒𝘓𝘔𝘕𝘖𝘗𝘘𝘙𝘚𝘛𝘜𝘝𝘞𝘟𝘠𝘡𝘢𝘣𝘤𝘥𝘦𝘧𝘨𝘩𝘪𝘫𝘬𝘭𝘮𝘯𝘰𝘱𝘲𝘳𝘴𝘵𝘶𝘷𝘸𝘹𝘺𝘻𝘼𝘽𝘾𝘿𝙀𝙁𝙂𝙃𝙄𝙅𝙆𝙇𝙈𝙉𝙊𝙋𝙌𝙍𝙎𝙏𝙐𝙑𝙒𝙓𝙔𝙕𝙖𝙗𝙘𝙙𝙚𝙛𝙜𝙝𝙞𝙟𝙠𝙡𝙢𝙣𝙤𝙥𝙦𝙧𝙨𝙩𝙪𝙫𝙬𝙭𝙮𝙯𝙰𝙱𝙲𝙳𝙴𝙵𝙶𝙷𝙸𝙹𝙺𝙻𝙼𝙽𝙾𝙿𝚀𝚁𝚂𝚃𝚄𝚅𝚆𝚇𝚈𝚉𝚊𝚋𝚌𝚍𝚎𝚏𝚐𝚑𝚒𝚓𝚔𝚕𝚖𝚗𝚘𝚙𝚚𝚛𝚜𝚝𝚞𝚟𝚠𝚡𝚢𝚣𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗𝟘𝟙𝟚𝟛𝟜𝟝𝟞𝟟𝟠𝟡𝟢𝟣𝟤𝟥𝟦𝟧𝟨𝟩𝟪𝟫𝟬𝟭𝟮𝟯𝟰𝟱𝟲𝟳𝟴𝟵𝟶𝟷𝟸𝟹𝟺𝟻𝟼𝟽𝟾𝟿🄫🄬🄰🄱🄲🄳🄴🄵🄶🄷🄸🄹🄺🄻🄼🄽🄾🄿🅀🅁🅂🅃🅄🅅🅆🅇🅈🅉🈐🈑🈒🈔🈕🈖🈗🈘🈙🈚🈛🈜🈝🈞🈟🈠🈡🈢🈣🈤🈥🈦🈧🈨🈩🈪🈫🈬🈭🈮🈯🈰🈱🈲🈳🈴🈵🈶🈷🈸🈹🈺🈻🉐🉑🯰🯱🯲🯳🯴🯵🯶🯷🯸🯹𠁞𠌥𠏢𠐊𠗣𠞆𠠎𠬙𠼤𠽃𠿕𡂡𡃄𡃕𡃤𡄔𡄣𡅏𡅯𡑍𡑭𡓁𡓾𡔖𡞵𡟫𡠹𡢃𡮉𡮣𡳳𡸗𡹬𡻕𡽗𡾱𡿖𢍰𢠼𢣐𢣚𢣭𢤩𢤱𢤿𢯷𢶒𢶫𢷮𢹿𢺳𣈶𣋋𣍐𣙎𣜬𣝕𣞻𣠩𣠲𣯩𣯴𣯶𣽏𣾷𣿉𤁣𤄷𤅶𤑳𤑹𤒎𤒻𤓌𤓎𤓩𤘀𤛮𤛱𤜆𤠮𤢟𤢻𤩂𤪺𤫩𤬅𤳷𤳸𤷃𤸫𤺔𥊝𥌃𥏝𥕥𥖅𥖲𥗇𥗽𥜐𥜰𥞵𥢢𥢶𥢷𥨐𥪂𥯤𥴨𥴼𥵃𥵊𥶽𥸠𥻦𥼽𥽖𥾯𥿊𦀖𦂅𦃄𦃩𦅇𦅈𦆲𦒀𦔖𦘧𦟼𦠅𦡝𦢈𦣎𦧺𦪙𦪽𦱌𦾟𧎈𧒯𧔥𧕟𧜗𧜵𧝞𧞫𧟀𧡴𧢄𧦝𧦧𧩕𧩙𧩼𧫝𧬤𧭈𧭹𧳟𧵳𧶔𧶧𧷎𧸘𧹈𧽯𨂐𨄣𨅍𨆪𨇁𨇞𨇤𨇰𨇽𨈊𨈌𨊰𨊸𨊻𨋢𨌈𨍰𨎌𨎮𨏠𨏥𨞺𨟊𨢿𨣈𨣞𨣧𨤻𨥛𨥟𨦫𨧀𨧜𨧰𨧱𨨏𨨛𨨢𨩰𨪕𨫒𨬖𨭆𨭎𨭖𨭸𨮂𨮳𨯅𨯟𨰃𨰋𨰥𨰲𨲳𨳑𨳕𨴗𨴹𨵩𨵸𨶀𨶏𨶮𨶲𨷲𨼳𨽏𩀨𩅙𩎖𩎢𩏂𩏠𩏪𩏷𩑔𩒎𩓣𩓥𩔑𩔳𩖰𩗀𩗓𩗴𩘀𩘝𩘹𩘺𩙈𩚛𩚥𩚩𩚵𩛆𩛌𩛡𩛩𩜇𩜦𩜵𩝔𩝽𩞄𩞦𩞯𩟐𩟗𩠴𩡣𩡺𩢡𩢴𩢸𩢾𩣏𩣑𩣫𩣵𩣺𩤊𩤙𩤲𩤸𩥄𩥇𩥉𩥑𩦠𩧆𩭙𩯁𩯳𩰀𩰹𩳤𩴵𩵦𩵩𩵹𩶁𩶘𩶰𩶱𩷰𩸃𩸄𩸡𩸦𩻗𩻬𩻮𩼶𩽇𩿅𩿤𩿪𪀖𪀦𪀾𪁈𪁖𪂆𪃍𪃏𪃒𪃧𪄆𪄕𪅂𪆷𪇳𪈼𪉸𪋿𪌭𪍠𪓰𪔵𪘀𪘯𪙏𪟖𪷓𫒡𫜦丽丸乁𠄢你侮侻倂偺備僧像㒞𠘺免兔兤具𠔜㒹內再𠕋冗冤仌冬况𩇟凵刃㓟刻剆割剷㔕勇勉勤勺包匆北卉卑博即卽卿卿卿𠨬灰及叟𠭣叫叱吆咞吸呈周咢哶唐啓啣善善喙喫喳嗂圖嘆圗噑噴切壮城埴堍型堲報墬𡓤売壷夆多夢奢𡚨𡛪姬娛娧姘婦㛮㛼嬈嬾嬾𡧈寃寘寧寳𡬘寿将当尢㞁屠屮峀岍𡷤嵃𡷦嵮嵫嵼巡巢㠯巽帨帽幩㡢𢆃㡼庰庳庶廊𪎒廾𢌱𢌱舁弢弢㣇𣊸𦇚形彫㣣徚忍志忹悁㤺㤜悔𢛔惇慈慌慎慌慺憎憲憤憯懞懲懶成戛扝抱拔捐𢬌挽拼捨掃揤𢯱搢揅掩㨮摩摾撝摷㩬敏敬𣀊旣書晉㬙暑㬈㫤冒冕最暜肭䏙朗望朡杞杓𣏃㭉柺枅桒梅𣑭梎栟椔㮝楂榣槪檨𣚣櫛㰘次𣢧歔㱎歲殟殺殻𣪍𡴋𣫺汎𣲼沿泍汧洖派海流浩浸涅𣴞洴港湮㴳滋滇𣻑淹潮𣽞𣾎濆瀹瀞瀛㶖灊災灷炭𠔥煅𤉣熜𤎫爨爵牐𤘈犀犕𤜵𤠔獺王㺬玥㺸㺸瑇瑜瑱璅瓊㼛甤𤰶甾𤲒異𢆟瘐𤾡𤾸𥁄㿼䀈直𥃳𥃲𥄙𥄳眞真真睊䀹瞋䁆䂖𥐝硎碌磌䃣𥘦祖𥚚𥛅福秫䄯穀穊穏𥥼𥪧𥪧竮䈂𥮫篆築䈧𥲀糒䊠糨糣紀𥾆絣䌁緇縂繅䌴𦈨𦉇䍙𦋙罺𦌾羕翺者𦓚𦔣聠𦖨聰𣍟䏕育脃䐋脾媵𦞧𦞵𣎓𣎜舁舄辞䑫芑芋芝劳花芳芽苦𦬼若茝荣莭茣莽菧著荓菊菌菜𦰶𦵫𦳕䔫蓱蓳蔖𧏊蕤𦼬䕝䕡𦾱𧃒䕫虐虜虧虩蚩蚈蜎蛢蝹蜨蝫螆䗗蟡蠁䗹衠衣𧙧裗裞䘵裺㒻𧢮𧥦䚾䛇誠諭變豕𧲨貫賁贛起𧼯𠠄跋趼跰𠣞軔輸𨗒𨗭邔郱鄑𨜮鄛鈸鋗鋘鉼鏹鐕𨯺開䦕閷𨵷䧦雃嶲霣𩅅𩈚䩮䩶韠𩐊䪲𩒖頋頋頩𩖶飢䬳餩馧駂駾䯎𩬰鬒鱀鳽䳎䳭鵧𪃎䳸𪄅𪈎𪊑麻䵖黹黾鼅鼏鼖鼻𪘀]', 'g') AS found) AS folds
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

POSTGRES_DROP = r"""
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

# What migrations 0003-0012 left (rectify/search/sql_postgres.py before this one), for reversing.
POSTGRES_SCHEMA_BEFORE = r"""
CREATE EXTENSION IF NOT EXISTS pg_trgm;  -- no longer used by search (0010); kept, others may use it

CREATE TABLE rectify_search_paused (id integer PRIMARY KEY CHECK (id = 1));

-- ASCII letters only: lower() would also fold other scripts, which SQLite does not.
CREATE FUNCTION rectify_search_lower(value text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT translate(value, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') $$;

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

-- The documents holding `term` (folded as rectify_search_lower folds). A document is tested with
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
               rectify_search_lower(concat_ws(chr(31), i.title, i.description, (
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


def _sqlite(schema_editor, statements):
    connection = schema_editor.connection
    connection.ensure_connection()
    register_sqlite_functions(connection.connection)
    for statement in statements:
        schema_editor.execute(statement, params=None)


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        _sqlite(schema_editor, [*SQLITE_DROP, *SQLITE_SCHEMA, *SQLITE_FILL])
    elif schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_DROP_BEFORE, params=None)
        schema_editor.execute(POSTGRES_SCHEMA, params=None)
        schema_editor.execute("SELECT rectify_search_rebuild()", params=None)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        import importlib

        _sqlite(schema_editor, SQLITE_DROP)
        # Exactly what 0007 built, from its own frozen code.
        importlib.import_module("rectify.migrations.0007_public_ordered_index").to_public_ordered(apps, schema_editor)
    elif schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_DROP, params=None)
        schema_editor.execute(POSTGRES_SCHEMA_BEFORE, params=None)
        schema_editor.execute("SELECT rectify_search_rebuild()", params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("rectify", "0018_fact_corrections"),
    ]

    operations = [migrations.RunPython(forward, backward)]
