"""Chinese substring search over problems and measures.

The public site, the API and the admin call only the functions below, so the index behind them
can change without touching any caller. Results equal a plain substring match in which ASCII
letters ignore case and every other character matches exactly (what SQLite's LIKE does).

The index (migration 0003) is kept in step with every write by database triggers:
- a query of 3+ characters goes to trigram indexes (SQLite FTS5 `trigram`, PostgreSQL `pg_trgm`);
- a query of 1-2 characters goes to an index of every character and every bigram, because no
  trigram index can answer it (FTS5 MATCH finds nothing, and SQLite 3.40's trigram LIKE is wrong):
  on SQLite a trigram index over the text spaced out with GAP (see grams_of), on PostgreSQL a GIN
  index over an array of the characters and bigrams.
Problems are indexed as one document each (title, description and measures joined by U+001F),
so a problem search is one index lookup, not a union of problem and measure hits.
"""

import contextlib
import string

from django.core import checks
from django.db import connections, router, transaction
from django.db.models import BooleanField, Exists, F, Func, OuterRef, Q, QuerySet
from django.db.models.expressions import RawSQL

from rectify.models import Issue, Measure

MAX_QUERY_LENGTH = 100
# Joins the texts of one problem's document; a query containing it is answered without the index.
SEPARATOR = "\x1f"
ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def normalise_query(query: str) -> str:
    """The search term as matched: trimmed, inner whitespace kept, capped in length."""
    return (query or "").strip()[:MAX_QUERY_LENGTH]


def fold(text: str) -> str:
    """Lower ASCII letters only, as the index does (SQLite's lower(), rectify_search_lower())."""
    return text.translate(ASCII_LOWER)


# SQLite answers 1-2 character terms with a second trigram index over the text with GAP between
# and around its characters: each character c becomes the trigram GAP c GAP, each neighbouring
# pair ab the trigram a GAP b, so one trigram lookup finds a character or a pair, and SQLite's C
# tokenizer does the work (a Python set of grams per row cost import more than the index itself).
GAP = "\x1e"


def grams_of(body: str) -> str:
    """The text the SQLite grams index holds for `body` (the triggers call this).

    A pair never spans SEPARATOR: "a GAP SEPARATOR GAP b" holds no trigram of the pair ab.
    """
    return f"{GAP}{GAP.join(body)}{GAP}"


def gram_token(term: str) -> str:
    """The one trigram of the grams index that a 1- or 2-character term is."""
    return f"{GAP}{term}{GAP}" if len(term) == 1 else GAP.join(term)


def _indexable(query: str) -> bool:
    """Whether the indexes can answer `query`; the rare query holding a joining character is scanned."""
    return SEPARATOR not in query and GAP not in query


def register_sqlite_functions(dbapi_connection) -> None:
    """Give a SQLite connection the function the search triggers call."""
    dbapi_connection.create_function("rectify_search_grams", 1, grams_of, deterministic=True)


def on_connection_created(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        register_sqlite_functions(connection.connection)


def check_database_ctype(app_configs=None, databases=None, **kwargs):
    """Warn when PostgreSQL's LC_CTYPE makes pg_trgm see no trigrams in Chinese text."""
    warnings = []
    for alias in databases or []:
        connection = connections[alias]
        if connection.vendor != "postgresql":
            continue
        with connection.cursor() as cursor:
            cursor.execute("SELECT datctype FROM pg_database WHERE datname = current_database()")
            ctype = cursor.fetchone()[0]
        if ctype in ("C", "POSIX"):
            warnings.append(
                checks.Warning(
                    f"Database {alias!r} has LC_CTYPE {ctype}: pg_trgm treats Chinese characters as separators, "
                    "so searches of 3+ characters scan the whole table.",
                    hint="Create the database with LC_CTYPE 'C.UTF-8' (or zh_CN.UTF-8); LC_COLLATE may stay C.",
                    id="rectify.W001",
                )
            )
    return warnings


def check_index_paused(app_configs=None, databases=None, **kwargs):
    """Error when a bulk import was killed mid-way: the search index misses what it loaded."""
    errors = []
    for alias in databases or []:
        connection = connections[alias]
        if "rectify_search_paused" not in connection.introspection.table_names():
            continue  # not migrated yet
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM rectify_search_paused")
            if cursor.fetchone():
                errors.append(
                    checks.Error(
                        f"The search index of database {alias!r} is paused: a bulk import stopped before it "
                        "rebuilt the index, so searches miss what it loaded.",
                        hint="Run `manage.py rebuild_search_index`.",
                        id="rectify.E001",
                    )
                )
    return errors


def filter_issues(issues: QuerySet, query: str) -> QuerySet:
    """Problems whose title or description, or one of whose measures, contains the query."""
    query = normalise_query(query)
    if not query:
        return issues
    if "\x00" in query:  # No stored text can hold NUL (PostgreSQL refuses it).
        return issues.none()
    if not _indexable(query):
        in_measures = Measure.objects.filter(_Contains("text", query), issue=OuterRef("pk"))
        return issues.filter(_Contains("title", query) | _Contains("description", query) | Exists(in_measures))
    return issues.filter(pk__in=_issue_ids(issues.db, fold(query)))


def filter_measures(measures: QuerySet, query: str) -> QuerySet:
    """Measures whose text contains the query."""
    query = normalise_query(query)
    if not query:
        return measures
    if "\x00" in query:
        return measures.none()
    if connections[measures.db].vendor != "sqlite" or not _indexable(query):
        return measures.filter(_Contains("text", query))
    return measures.filter(pk__in=_sqlite_match("rectify_search_measure", fold(query)))


def count_issues(issues: QuerySet, query: str, *, limit: int | None = None) -> int:
    """How many problems `filter_issues` finds; with `limit`, stop counting past it.

    A common term (整改, 工作) matches most rows, and an exact count then costs a join per hit;
    a search page can show "1000+" instead: a result above `limit` means "more than limit".
    """
    return _count(filter_issues(issues, query), limit)


def count_measures(measures: QuerySet, query: str, *, limit: int | None = None) -> int:
    """How many measures `filter_measures` finds; `limit` as in `count_issues`."""
    return _count(filter_measures(measures, query), limit)


def _count(found: QuerySet, limit: int | None) -> int:
    if limit is None:
        return found.count()
    return found.order_by().values("pk")[: limit + 1].count()


def _issue_ids(alias: str, term: str) -> RawSQL:
    if connections[alias].vendor == "sqlite":
        return _sqlite_match("rectify_search_issue", term)
    if len(term) <= 2:
        return RawSQL("SELECT issue_id FROM rectify_search_issue WHERE grams @> ARRAY[%s]::text[]", [term])
    return RawSQL("SELECT issue_id FROM rectify_search_issue WHERE body LIKE %s", [_like_pattern(term)])


def _sqlite_match(table: str, term: str) -> RawSQL:
    if len(term) <= 2:
        table, term = f"{table}_grams", gram_token(term)
    phrase = '"' + term.replace('"', '""') + '"'
    return RawSQL(f"SELECT rowid FROM {table} WHERE {table} MATCH %s", [phrase])


def _like_pattern(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class _Contains(Func):
    """`field` contains the query, written in the shape the PostgreSQL GIN indexes serve.

    Also the unindexed test on SQLite, for the rare query the FTS5 tables cannot answer.
    """

    output_field = BooleanField()

    def __init__(self, field: str, query: str):
        self.term = fold(query)
        super().__init__(F(field))

    def as_sql(self, compiler, connection, **extra):
        column, params = compiler.compile(self.source_expressions[0])
        if connection.vendor == "sqlite":  # SQLite's LIKE already ignores ASCII case, nothing else.
            return f"{column} LIKE %s ESCAPE '\\'", [*params, _like_pattern(self.term)]
        column = f"rectify_search_lower({column})"
        if len(self.term) <= 2 and SEPARATOR not in self.term:
            return f"rectify_search_grams({column}) @> ARRAY[%s]::text[]", [*params, self.term]
        return f"{column} LIKE %s", [*params, _like_pattern(self.term)]


# Page cache for an index rebuild on SQLite (negative: KiB), 1 GiB.
REBUILD_CACHE_KIB = -1048576


def rebuild_index(using: str | None = None) -> dict[str, int]:
    """Rebuild every search index from the tables and switch the triggers back on; idempotent.

    Return the documents indexed.
    """
    alias = using or router.db_for_write(Issue)
    connection = connections[alias]
    with transaction.atomic(using=alias), connection.cursor() as cursor:
        # An index rebuilt from the tables is whole again, even after a bulk import that was killed.
        cursor.execute("DELETE FROM rectify_search_paused")
        if connection.vendor == "sqlite":
            with _sqlite_page_cache(cursor, REBUILD_CACHE_KIB):
                for table in ("issue", "measure"):
                    cursor.execute(f"INSERT INTO rectify_search_{table}(rectify_search_{table}) VALUES ('rebuild')")
                    cursor.execute(
                        f"INSERT INTO rectify_search_{table}_grams(rectify_search_{table}_grams) VALUES ('delete-all')"
                    )
                    cursor.execute(
                        f"INSERT INTO rectify_search_{table}_grams(rowid, grams) "
                        f"SELECT id, rectify_search_grams(body) FROM rectify_search_{table}_text"
                    )
        else:
            cursor.execute("TRUNCATE rectify_search_issue")
            cursor.execute("SELECT rectify_search_refresh(ARRAY(SELECT id FROM rectify_issue))")
        # A rebuild follows a bulk load: fresh statistics let the planner pick the selective index
        # (facet counts go from a scan of every problem of a status to the few inspections chosen).
        cursor.execute("ANALYZE")
    return {"issues": Issue.objects.using(alias).count(), "measures": Measure.objects.using(alias).count()}


@contextlib.contextmanager
def _sqlite_page_cache(cursor, kib: int):
    """Run with `kib` of page cache (negative: KiB), then give the connection its own size back.

    FTS5 merges its segments as it rebuilds; with less cache than the index's working set each
    merge re-reads pages from the OS (terabytes at 1M measures).
    """
    cursor.execute("PRAGMA cache_size")
    (own,) = cursor.fetchone()
    cursor.execute(f"PRAGMA cache_size = {int(kib)}")
    try:
        yield
    finally:
        cursor.execute(f"PRAGMA cache_size = {int(own)}")


@contextlib.contextmanager
def index_paused(using: str | None = None):
    """Switch the search triggers off for a bulk load, then rebuild the index once.

    The switch is database-wide: other writers during the pause are covered by the rebuild, which
    switches the triggers back on in its own transaction. A process killed (or a rebuild failing)
    before then leaves the switch on, which check_index_paused reports.
    """
    alias = using or router.db_for_write(Issue)
    with connections[alias].cursor() as cursor:
        cursor.execute("INSERT INTO rectify_search_paused (id) VALUES (1) ON CONFLICT DO NOTHING")
    try:
        yield
    finally:
        rebuild_index(alias)


# What the SQLite triggers (migration 0003) add for a new problem and a new measure, run once
# per report instead of once per row: each measure insert re-indexes its whole problem document,
# so row by row a problem with n measures costs n² characters of grams.
SQLITE_INDEX_NEW_REPORT = [
    """INSERT INTO rectify_search_issue(rowid, body)
       SELECT id, body FROM rectify_search_issue_text
       WHERE id IN (SELECT id FROM rectify_issue WHERE report_id = %s)""",
    """INSERT INTO rectify_search_issue_grams(rowid, grams)
       SELECT id, rectify_search_grams(body) FROM rectify_search_issue_text
       WHERE id IN (SELECT id FROM rectify_issue WHERE report_id = %s)""",
    """INSERT INTO rectify_search_measure(rowid, body)
       SELECT id, body FROM rectify_search_measure_text WHERE id IN (
           SELECT m.id FROM rectify_measure m JOIN rectify_issue i ON i.id = m.issue_id WHERE i.report_id = %s)""",
    """INSERT INTO rectify_search_measure_grams(rowid, grams)
       SELECT id, rectify_search_grams(body) FROM rectify_search_measure_text WHERE id IN (
           SELECT m.id FROM rectify_measure m JOIN rectify_issue i ON i.id = m.issue_id WHERE i.report_id = %s)""",
]


@contextlib.contextmanager
def indexed_once_after(report_id: int):
    """For a load that writes only new rows: index the report's problems and measures once, at the end.

    Only for rows that are all new: an external-content FTS5 delete must be given the old text, which
    the triggers read before each update; rows that existed keep going through the triggers. The
    pause row lives inside the report's transaction, and SQLite has one writer at a time, so no other
    connection ever sees it; a failure rolls it back with everything else. PostgreSQL's triggers
    already work per statement, so bulk inserts index once there.
    """
    connection = connections[router.db_for_write(Issue)]
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM rectify_search_paused")
        if cursor.fetchone():  # index_paused is on: its rebuild indexes everything at the end
            yield
            return
        cursor.execute("INSERT INTO rectify_search_paused (id) VALUES (1)")
    yield
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM rectify_search_paused")
        for statement in SQLITE_INDEX_NEW_REPORT:
            cursor.execute(statement, [report_id])


class IssueSearchAdminMixin:
    """For a ModelAdmin of Issue: the changelist search box uses the index instead of search_fields."""

    def get_search_results(self, request, queryset, search_term):
        return _with_admin_fields(super(), request, queryset, search_term, filter_issues)


class MeasureSearchAdminMixin:
    """For a ModelAdmin of Measure: the changelist search box uses the index instead of search_fields."""

    def get_search_results(self, request, queryset, search_term):
        return _with_admin_fields(super(), request, queryset, search_term, filter_measures)


def _with_admin_fields(admin, request, queryset, search_term, filter_text):
    """Text through the index, OR the admin's own search_fields (unit names, numbers), which stay short."""
    by_fields, _ = admin.get_search_results(request, queryset, search_term)
    if not normalise_query(search_term):
        return by_fields, False
    by_text = filter_text(queryset, search_term)
    return queryset.filter(Q(pk__in=by_text.values("pk")) | Q(pk__in=by_fields.values("pk"))), False
