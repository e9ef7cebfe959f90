"""The query API: which problems and measures hold a term. Callers reach it through the models'
querysets (`Issue.objects.search(q)`, `Measure.objects.search(q)`, `Issue.objects.search_published(q)`).

Results equal a plain substring match in which ASCII letters ignore case and every other character
matches exactly (what SQLite's LIKE does).

One document per problem is indexed: its title, description and measures joined by U+001F, so a
problem search is one index lookup and no match spans two texts. A measure search takes the
problems whose document matches and tests their measures' own text. The index is kept in step
with every write by database triggers (their SQL: sql_sqlite.py, sql_postgres.py):
- SQLite: a query of 3+ characters goes to an FTS5 `trigram` table; one of 1-2 characters, which
  no trigram index can answer (FTS5 MATCH finds nothing, and SQLite 3.40's trigram LIKE is wrong),
  to a trigram table over the text spaced out with GAP (see text.grams_of).
- PostgreSQL: one GIN index over a tsvector of the document's characters, pairs, triples and
  six-character windows, one of each starting at every position; a query of up to 3 characters is
  one exact lookup, one of 4-6 a prefix lookup of the windows, and neither tests a single body; a
  longer one takes the documents whose windows begin with each of its pieces and tests them for the
  query itself.
Each document is indexed under its search key (search_key; SQLite: the FTS5 row id; PostgreSQL:
rectify_search_issue.key): the index alone counts the published matches and reads them newest
report first, so `published_issues` never joins a hit to its report.

This module imports no model (it is handed querysets, and finds Measure through the app registry),
so rectify.models can import it.
"""

import datetime
from dataclasses import dataclass

from django.apps import apps
from django.db import connections
from django.db.models import BooleanField, Exists, F, Func, OuterRef, QuerySet
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce

from rectify.search.text import fold, gram_token, indexable, normalise_query


def _measures() -> QuerySet:
    return apps.get_model("rectify", "Measure").objects.all()


def filter_issues(issues: QuerySet, query: str) -> QuerySet:
    """Problems whose title or description, or one of whose measures, contains the query."""
    query = normalise_query(query)
    if not query:
        return issues
    if "\x00" in query:  # No stored text can hold NUL (PostgreSQL refuses it).
        return issues.none()
    if not indexable(query):
        in_measures = _measures().filter(_Contains("text", query), issue=OuterRef("pk"))
        return issues.filter(_Contains("title", query) | _Contains("description", query) | Exists(in_measures))
    return issues.filter(pk__in=_issue_ids(issues.db, fold(query)))


def filter_measures(measures: QuerySet, query: str) -> QuerySet:
    """Measures whose text contains the query."""
    query = normalise_query(query)
    if not query:
        return measures
    if "\x00" in query:
        return measures.none()
    if not indexable(query):
        return measures.filter(_Contains("text", query))
    # Only problems whose document holds the term can have such a measure; their measures are few.
    return measures.filter(_Contains("text", query), issue__in=_issue_ids(measures.db, fold(query)))


def matching_measures(issues, query: str) -> dict[int, list]:
    """The measures of these few problems that contain the query, by problem id, in their order.

    For a page of results already found: their measures are tested directly, since asking the
    index again would list every problem holding a common term.
    """
    query = normalise_query(query)
    found: dict[int, list] = {}
    if query and "\x00" not in query:
        for measure in _measures().filter(_Contains("text", query), issue__in=issues).order_by("issue", "order"):
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
    if not term or not indexable(term):
        return None
    if vendor == "sqlite":
        table, phrase = _sqlite_table_and_phrase(term)
        return _Lookup(vendor, term, table=table, phrase=phrase)
    return _Lookup(vendor, term)


def published_issues(query: str, rows: QuerySet | None = None) -> IssueHits:
    """Published problems whose title, description or a measure contains the query, newest report first.

    `rows` is how the page's problems are read (select_related and the like); it is not a filter.
    """
    return IssueHits(query, apps.get_model("rectify", "Issue").objects.all() if rows is None else rows)


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
