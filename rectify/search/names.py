"""Public units and published reports found by name, for the search page.

`filter_names` (search/query.py) finds names with a scan in SQL that folds every row as it goes: on
SQLite a Python call per field and row, 70 ms for a province's 10,000 reports on every search.
Names are short and one a row, so each process keeps them folded, in the page's order, per archive
version (caching.held_in_process), and looks for the terms with Python's `in`. The answer is the
same as filter_names's: every term in one of the fields. A query the indexes cannot take (one
holding a joining character) is answered by filter_names.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from rectify import caching
from rectify.models import Report, Unit
from rectify.search.folding import fold
from rectify.search.text import SEPARATOR, indexable, search_terms


@dataclass(frozen=True)
class NameHits:
    """How many rows hold the terms, and the first of them in the page's order."""

    count: int
    first: list


def units(query: str, shown: int) -> NameHits:
    return _hits("units", Unit.objects.public().order_by("name", "pk"), ["name", "short_name", "region"], query, shown)


def reports(query: str, shown: int) -> NameHits:
    published = Report.objects.published().select_related("inspection__unit").latest_first()
    return _hits("reports", published, ["title", "inspection__unit__name"], query, shown)


def _hits(name: str, rows: QuerySet, fields: list[str], query: str, shown: int) -> NameHits:
    if not indexable(query):
        found = rows.search(query)
        return NameHits(found.count(), list(found[:shown]))
    terms = search_terms(query)
    names = caching.held_in_process(f"search-names-{name}", lambda: _folded(rows, fields))
    ids = [pk for pk, text in names if all(term in text for term in terms)]
    first = rows.order_by().in_bulk(ids[:shown])
    return NameHits(len(ids), [first[pk] for pk in ids[:shown] if pk in first])


def _folded(rows: QuerySet, fields: list[str]) -> list[tuple[int, str]]:
    """(id, the fields folded and joined) of every row, in the rows' order."""
    rows = rows.values_list("pk", *fields)
    return [(pk, SEPARATOR.join(fold(value or "") for value in values)) for pk, *values in rows]
