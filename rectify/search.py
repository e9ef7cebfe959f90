"""Chinese substring search over problems and measures.

The public site, the API and the admin call only the functions below, so the index behind them
can change without touching any caller. Results equal a plain substring match in which ASCII
letters ignore case and every other character matches exactly (what SQLite's LIKE does).

One document per problem is indexed: its title, description and measures joined by U+001F, so a
problem search is one index lookup and no match spans two texts. A measure search takes the
problems whose document matches and tests their measures' own text. The index is kept in step
with every write by database triggers:
- SQLite (migration 0007): a query of 3+ characters goes to an FTS5 `trigram` table; one of 1-2
  characters, which no trigram index can answer (FTS5 MATCH finds nothing, and SQLite 3.40's
  trigram LIKE is wrong), to a trigram table over the text spaced out with GAP (see grams_of).
- PostgreSQL (migrations 0010-0012): one GIN index over a tsvector of the document's characters,
  pairs, triples and six-character windows, one of each starting at every position; a query of up
  to 3 characters is one exact lookup, one of 4-6 a prefix lookup of the windows, and neither tests
  a single body; a longer one takes the documents whose windows begin with each of its pieces and
  tests them for the query itself.
Each document is indexed under its search key (search_key; SQLite: the FTS5 row id; PostgreSQL:
rectify_search_issue.key): the index alone counts the published matches and reads them newest
report first, so `published_issues` never joins a hit to its report.
"""

import contextlib
import datetime
import json
import string
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core import checks
from django.db import DatabaseError, connections, router, transaction
from django.db.models import BooleanField, Exists, F, Func, OuterRef, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce

from rectify import sqlite_index
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
    """Whether the indexes can answer `query`; the rare query holding a joining character is scanned.

    (NUL is never stored: the filters find nothing for it without asking the index.)
    """
    return SEPARATOR not in query and GAP not in query and "\x00" not in query


def register_sqlite_functions(dbapi_connection) -> None:
    """Give a SQLite connection the function the search triggers call."""
    dbapi_connection.create_function("rectify_search_grams", 1, grams_of, deterministic=True)


def on_connection_created(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        register_sqlite_functions(connection.connection)


def is_paused(using: str | None = None) -> bool:
    """Whether the search triggers are switched off (index_paused, or a bulk import killed mid-way)."""
    with connections[using or router.db_for_write(Issue)].cursor() as cursor:
        cursor.execute("SELECT 1 FROM rectify_search_paused")
        return cursor.fetchone() is not None


def check_index_paused(app_configs=None, databases=None, **kwargs):
    """Warn while the search index is paused: searches miss what was loaded since the pause.

    Registered without the database tag, so a plain `manage.py check` runs it (Django runs
    database-tagged checks only when given --database). A warning, not an error: a paused index
    shows no unpublished problem (IssueHits reads publication from the table then) and the next
    import_reports rebuilds it, and an error would stop every command, the repairing ones too.
    """
    warnings = []
    for alias in settings.DATABASES if databases is None else databases:
        connection = connections[alias]
        file = connection.vendor == "sqlite" and not connection.is_in_memory_db()
        if file and not Path(connection.settings_dict["NAME"]).exists():
            continue  # connecting would create an empty database file
        try:
            if "rectify_search_paused" not in connection.introspection.table_names():
                continue  # not migrated yet
            paused = is_paused(alias)
        except DatabaseError:
            continue  # no database to ask (a build step); commands that need one say so
        if paused:
            warnings.append(
                checks.Warning(
                    f"The search index of database {alias!r} is paused: a bulk import (--defer-index) is "
                    "running or stopped before it rebuilt the index, so searches miss what it loaded.",
                    hint="If no import is running: `manage.py rebuild_search_index`, or any `import_reports` "
                    "run, which rebuilds the index when it ends.",
                    id="rectify.W001",
                )
            )
    return warnings


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
    if not _indexable(query):
        return measures.filter(_Contains("text", query))
    # Only problems whose document holds the term can have such a measure; their measures are few.
    return measures.filter(_Contains("text", query), issue__in=_issue_ids(measures.db, fold(query)))


def matching_measures(issues, query: str) -> dict[int, list[Measure]]:
    """The measures of these few problems that contain the query, by problem id, in their order.

    For a page of results already found: their measures are tested directly, since asking the
    index again would list every problem holding a common term.
    """
    query = normalise_query(query)
    found: dict[int, list[Measure]] = {}
    if query and "\x00" not in query:
        for measure in Measure.objects.filter(_Contains("text", query), issue__in=issues).order_by("issue", "order"):
            found.setdefault(measure.issue_id, []).append(measure)
    return found


# A search key (SQLite: the FTS5 row id; PostgreSQL: rectify_search_issue.key): a published
# problem's is at least PUBLISHED_KEYS and orders newest report first; a draft's is its id. Either
# way the problem's id is the low 32 bits.
PUBLISHED_KEYS = 1 << 32
ID_BITS = PUBLISHED_KEYS - 1
LAST_DAY = datetime.date.max.toordinal() + 1


def search_key(issue_id: int, *, published: bool, report_date: datetime.date | None) -> int:
    """The key the database gives a problem (migration 0007's view, 0010's rectify_search_key)."""
    if not published:
        return issue_id
    return ((LAST_DAY - (report_date.toordinal() if report_date else 0)) << 32) | issue_id


def published_order() -> list:
    """The order of search keys as an ORM ordering: newest report first, undated last, then by id."""
    report_date = Coalesce("report__published_date", "report__signed_date", "report__disclosure_start")
    return [report_date.desc(nulls_last=True), "pk"]


class IssueHits:
    """The published problems containing a query, newest report first: a sequence Paginator can page.

    The index alone counts them and picks a page's ids in key order, so a term found in 170,000
    problems costs about what a rare one does; the page's rows are then read by id from `rows`.
    A query the index cannot answer gets the same filter and order as a queryset, and so does every
    query while the index is paused: the triggers are off then, so a document's key may still say
    "published" for a problem since withdrawn, and only the problem's own row says what is public.
    The count's query also asks whether the index is paused, so a search costs no query more.
    """

    def __init__(self, query: str, rows: QuerySet):
        self.query = normalise_query(query)
        self.rows = rows
        self._count = None
        self._lookup = _published_lookup(connections[rows.db].vendor, fold(self.query))
        self._queryset = None if self._lookup is not None else self._as_queryset()

    def _as_queryset(self) -> QuerySet:
        return filter_issues(self.rows.published(), self.query).order_by(*published_order())

    def count(self) -> int:
        if self._count is None:
            paused = "EXISTS (SELECT 1 FROM rectify_search_paused)"
            if self._queryset is not None:
                self._count = self._queryset.count()
            elif self._lookup.vendor == "sqlite":
                table, phrase = self._lookup.table, self._lookup.phrase
                sql = f"SELECT count(*), {paused} FROM {table} WHERE {table} MATCH %s AND rowid >= {PUBLISHED_KEYS}"
                [(self._count, is_paused)] = self._fetch(sql, [phrase])
            else:
                [(self._count, is_paused)] = self._fetch(
                    f"SELECT rectify_search_count(%s), {paused}", [self._lookup.term]
                )
            if self._queryset is None and is_paused:
                self._queryset = self._as_queryset()
                self._count = self._queryset.count()
        return self._count

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        self.count()  # learns whether the index is paused (Paginator has asked already)
        if self._queryset is not None:
            return list(self._queryset[index])
        start, stop = index.start or 0, index.stop
        if stop is None or index.step is not None or start < 0 or stop < start:
            raise ValueError("IssueHits takes slices [start:stop] with 0 <= start <= stop")
        if self._lookup.vendor == "sqlite":
            table, phrase = self._lookup.table, self._lookup.phrase
            sql = (
                f"SELECT rowid & {ID_BITS} FROM {table} WHERE {table} MATCH %s AND rowid >= {PUBLISHED_KEYS} "
                "ORDER BY rowid LIMIT %s OFFSET %s"
            )
            rows = self._fetch(sql, [phrase, stop - start, start])
        else:
            sql = "SELECT rectify_search_page(%s, %s, %s, %s)"
            rows = self._fetch(sql, [self._lookup.term, self.count(), stop - start, start])
        ids = [row[0] for row in rows]
        # published() again: should a pause begin after the count, a withdrawn problem's stale key
        # still never shows it (the page is one short instead).
        by_id = self.rows.published().in_bulk(ids)
        return [by_id[pk] for pk in ids if pk in by_id]

    def _fetch(self, sql: str, params):
        with connections[self.rows.db].cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()


@dataclass(frozen=True)
class _Lookup:
    """How the index finds one term: SQLite's FTS5 table and phrase; PostgreSQL's functions take the term."""

    vendor: str
    term: str
    table: str = ""
    phrase: str = ""


def _published_lookup(vendor: str, term: str) -> _Lookup | None:
    if not term or not _indexable(term):
        return None
    if vendor == "sqlite":
        table, phrase = _sqlite_table_and_phrase(term)
        return _Lookup(vendor, term, table=table, phrase=phrase)
    return _Lookup(vendor, term)


def published_issues(query: str, rows: QuerySet | None = None) -> IssueHits:
    """Published problems whose title, description or a measure contains the query, newest report first.

    `rows` is how the page's problems are read (select_related and the like); it is not a filter.
    """
    return IssueHits(query, Issue.objects.all() if rows is None else rows)


def _issue_ids(alias: str, term: str) -> RawSQL:
    if connections[alias].vendor == "sqlite":
        table, phrase = _sqlite_table_and_phrase(term)
        return RawSQL(f"SELECT rowid & {ID_BITS} FROM {table} WHERE {table} MATCH %s", [phrase])
    return RawSQL("SELECT issue_id FROM rectify_search_find(%s)", [term])


def _sqlite_table_and_phrase(term: str) -> tuple[str, str]:
    table = "rectify_search_issue"
    if len(term) <= 2:
        table, term = f"{table}_grams", gram_token(term)
    return table, '"' + term.replace('"', '""') + '"'


def _like_pattern(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class _Contains(Func):
    """`field` contains the query: the test of a measure's own text, and of every text for the rare
    query the indexes cannot answer. Case folds as the index does (ASCII letters only)."""

    output_field = BooleanField()

    def __init__(self, field: str, query: str):
        self.term = fold(query)
        super().__init__(F(field))

    def as_sql(self, compiler, connection, **extra):
        column, params = compiler.compile(self.source_expressions[0])
        if connection.vendor == "sqlite":  # SQLite's LIKE already ignores ASCII case, nothing else.
            return f"{column} LIKE %s ESCAPE '\\'", [*params, _like_pattern(self.term)]
        return f"rectify_search_lower({column}) LIKE %s", [*params, _like_pattern(self.term)]


def rebuild_index(using: str | None = None) -> dict[str, int]:
    """Rebuild every search index from the tables and switch the triggers back on; idempotent.

    Return the documents indexed.
    """
    alias = using or router.db_for_write(Issue)
    connection = connections[alias]
    counts = {"issues": Issue.objects.using(alias).count(), "measures": Measure.objects.using(alias).count()}
    # An index rebuilt from the tables is whole again, even after a bulk import that was killed; and a
    # rebuild follows a bulk load, so fresh statistics let the planner pick the selective index
    # (facet counts go from a scan of every problem of a status to the few inspections chosen).
    finish = ["DELETE FROM rectify_search_paused", "ANALYZE"]
    if (
        connection.vendor == "sqlite"
        and not connection.in_atomic_block
        and not connection.is_in_memory_db()
        and sqlite_index.worth_building_in_parallel(counts["issues"])
    ):
        connection.close()  # the tables are put in place by a connection of sqlite_index's own
        sqlite_index.rebuild_in_parallel(Path(connection.settings_dict["NAME"]), finish=finish)
        return counts
    with transaction.atomic(using=alias), connection.cursor() as cursor:
        # The switch goes first: on PostgreSQL this waits for every report transaction that saw the
        # index paused (indexed_once_after locks the row FOR SHARE) to commit, and each statement
        # below then reads their rows; a report begun after it waits, then indexes itself.
        cursor.execute(finish[0])
        if connection.vendor == "sqlite":
            with _sqlite_page_cache(cursor, sqlite_index.REBUILD_CACHE_KIB):
                for table in sqlite_index.TABLES:
                    cursor.execute(f"INSERT INTO {table}({table}) VALUES ('delete-all')")
                    sqlite_index.fill(cursor, table)
                for statement in sqlite_index.RECORD_FILL:
                    cursor.execute(statement)
        else:
            cursor.execute("SELECT rectify_search_rebuild()")
        for statement in finish[1:]:
            cursor.execute(statement)
    return counts


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
    before then leaves the switch on: check_index_paused reports it, search reads publication from
    the problems' rows meanwhile, and the next import_reports run rebuilds the index when it ends.
    """
    alias = using or router.db_for_write(Issue)
    with connections[alias].cursor() as cursor:
        cursor.execute("INSERT INTO rectify_search_paused (id) VALUES (1) ON CONFLICT DO NOTHING")
    try:
        yield
    finally:
        rebuild_index(alias)


@contextlib.contextmanager
def indexed_once_after(report_id: int, *, indexed_ids: Iterable[int] = ()):
    """Index a report's problems once, after a load has written them, instead of once per row.

    Row by row, each measure written re-indexes its whole problem document (n² characters for n
    measures). `indexed_ids` are problems already indexed that the load may change (a newer report
    on the same inspection). Those and the problems the report already discloses (a corrected
    re-import) are taken out of the index first, while their documents still hold the text and key
    they were indexed under (an FTS5 delete must be given exactly those); at the end the same set,
    with the problems the load added, is indexed as it now is. The pause row lives inside the
    report's transaction: other connections never see it (SQLite has one writer; PostgreSQL shows
    no uncommitted row), and a failure rolls it back with everything else.
    """
    connection = connections[router.db_for_write(Issue)]
    touched = "id IN (SELECT id FROM rectify_issue WHERE report_id = %s) OR id IN (SELECT value FROM json_each(%s))"
    params = [report_id, json.dumps(sorted(indexed_ids))]
    with connection.cursor() as cursor:
        # FOR SHARE (PostgreSQL): a rebuild cannot switch the index back on until this report has
        # committed, so it never misses the rows this report leaves unindexed.
        cursor.execute(
            "SELECT 1 FROM rectify_search_paused" + (" FOR SHARE" if connection.vendor == "postgresql" else "")
        )
        if cursor.fetchone():  # index_paused is on: its rebuild indexes everything at the end
            yield
            return
        if connection.vendor == "sqlite":
            sqlite_index.remove(cursor, touched, params)
        cursor.execute("INSERT INTO rectify_search_paused (id) VALUES (1)")
    yield
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM rectify_search_paused")
        if connection.vendor == "sqlite":
            sqlite_index.add(cursor, touched, params)  # what migration 0007's triggers add, once per problem
        else:  # rectify_search_refresh replaces whatever the index holds for these problems
            cursor.execute(
                "SELECT rectify_search_refresh(ARRAY(SELECT id FROM rectify_issue WHERE report_id = %s "
                "UNION SELECT jsonb_array_elements_text(%s::jsonb)::bigint))",
                params,
            )


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
