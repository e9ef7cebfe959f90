"""The query API: which problems and measures hold a term. Callers reach it through the models'
querysets (`Issue.objects.search(q)`, `Measure.objects.search(q)`, `Issue.objects.search_published(q)`).

Results equal a plain substring match of the folded terms in the folded text.

One document per problem is indexed: its title, description and measures joined by U+001F, so a
problem search is one index lookup and no match spans two texts; and each measure's own text, so a
measure search is one lookup too. Text and terms are folded alike (folding.py: 補助 finds 补助, ＡＰＰ
finds APP), and a query's whitespace-separated terms must all be found (AND). The index is kept in
step with every write by database triggers (their SQL: sql_sqlite.py, sql_postgres.py):
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
from django.db.models import BooleanField, Exists, F, Func, OuterRef, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce

from rectify.search.text import gram_token, indexable, search_terms


def _measures() -> QuerySet:
    return apps.get_model("rectify", "Measure").objects.all()


def filter_issues(issues: QuerySet, query: str) -> QuerySet:
    """Problems holding every term of the query in their title, description or measures (a problem's
    document: one term may be in its title and another in a measure)."""
    for term in search_terms(query):
        issues = _issues_holding(issues, term)
    return issues


def _issues_holding(issues: QuerySet, term: str) -> QuerySet:
    if "\x00" in term:  # No stored text can hold NUL (PostgreSQL refuses it).
        return issues.none()
    if not indexable(term):
        in_measures = _measures().filter(_Contains("text", term), issue=OuterRef("pk"))
        return issues.filter(_Contains("title", term) | _Contains("description", term) | Exists(in_measures))
    return issues.filter(pk__in=_issue_ids(issues.db, term))


def filter_measures(measures: QuerySet, query: str) -> QuerySet:
    """Measures whose text holds every term of the query, each found through the measures' own index."""
    for term in search_terms(query):
        if "\x00" in term:
            return measures.none()
        if not indexable(term):
            measures = measures.filter(_Contains("text", term))
        else:
            measures = measures.filter(pk__in=_measure_ids(measures.db, term))
    return measures


def filter_names(rows: QuerySet, fields: list[str], query: str) -> QuerySet:
    """Rows holding every term of the query in one of `fields` (short texts: unit names, report
    titles), folded as the index folds. A scan: these tables hold hundreds of rows, not 100,000s."""
    for term in search_terms(query):
        if "\x00" in term:
            return rows.none()
        holding = Q()
        for field in fields:
            holding |= Q(_Contains(field, term))
        rows = rows.filter(holding)
    return rows


def matching_measures(issues, query: str) -> dict[int, list]:
    """The measures of these few problems that hold a term of the query, by problem id, in their order.

    For a page of results already found: their measures are tested directly, since asking the
    index again would list every problem holding a common term.
    """
    holding = Q()
    for term in search_terms(query):
        if "\x00" not in term:
            holding |= Q(_Contains("text", term))
    found: dict[int, list] = {}
    if holding:
        for measure in _measures().filter(holding, issue__in=issues).order_by("issue", "order"):
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
        self.query = query
        self.rows = rows
        self._count = None
        terms = search_terms(query)
        # Several terms are ANDed through the queryset: each is one index lookup, then a join.
        self._lookup = _published_lookup(connections[rows.db].vendor, terms[0]) if len(terms) == 1 else None
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


def _measure_ids(alias: str, term: str) -> RawSQL:
    if connections[alias].vendor == "sqlite":
        table, phrase = _sqlite_table_and_phrase(term, table="rectify_search_measure")
        return RawSQL(f"SELECT rowid FROM {table} WHERE {table} MATCH %s", [phrase])
    return RawSQL("SELECT rectify_search_find_measures(%s)", [term])


def _sqlite_table_and_phrase(term: str, table: str = "rectify_search_issue") -> tuple[str, str]:
    if len(term) <= 2:
        table, term = f"{table}_grams", gram_token(term)
    return table, '"' + term.replace('"', '""') + '"'


def _like_pattern(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class _Contains(Func):
    """`field`, folded as the index folds it, contains the (folded) term: the test of a measure's own
    text, of short names, and of every text for the rare term the indexes cannot answer."""

    output_field = BooleanField()

    def __init__(self, field: str, term: str):
        self.term = term
        super().__init__(F(field))

    def as_sql(self, compiler, connection, **extra):
        column, params = compiler.compile(self.source_expressions[0])
        escape = " ESCAPE '\\'" if connection.vendor == "sqlite" else ""  # PostgreSQL's LIKE: backslash by default
        return f"rectify_search_fold({column}) LIKE %s{escape}", [*params, _like_pattern(self.term)]
