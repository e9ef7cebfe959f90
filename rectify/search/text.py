"""The text the search indexes hold and the terms they are asked for: pure functions, no Django.

Both sides go through `fold` (folding.py: traditional as simplified, full-width as half-width, ASCII
letters lowered), so a term and the text it should find are compared in one form. The SQLite
triggers call these functions by name (register_sqlite_functions); PostgreSQL has its own copies in
SQL (sql_postgres.py), which must give the same answers.
"""

import functools
import re

from rectify.search.folding import fold

MAX_QUERY_LENGTH = 100
# Joins the texts of one problem's document; a query containing it is answered without the index.
SEPARATOR = "\x1f"
# SQLite answers 1-2 character terms with a second trigram index over the text with GAP between
# and around its characters: each character c becomes the trigram GAP c GAP, each neighbouring
# pair ab the trigram a GAP b, so one trigram lookup finds a character or a pair, and SQLite's C
# tokenizer does the work (a Python set of grams per row cost import more than the index itself).
GAP = "\x1e"
# What separates terms: whitespace, but not the control characters U+001C-U+001F that str.split()
# also splits on (a stored text may hold them; a term holding one is answered by a scan).
BLANKS = re.compile(r"[^\S\x1c-\x1f]+")


def normalise_query(query: str) -> str:
    """The search box's input as shown back: trimmed, capped in length."""
    return (query or "").strip()[:MAX_QUERY_LENGTH]


def search_terms(query: str) -> list[str]:
    """The terms a match must all hold: the query folded and split on whitespace, each once.

    `补助 重复` asks for problems holding both words; a phrase with a space inside cannot be asked for.
    """
    return list(dict.fromkeys(term for term in BLANKS.split(fold(normalise_query(query))) if term))


def match_spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Where in `text` the (folded) terms occur, as sorted, non-overlapping [start, end) spans.

    fold keeps every character's place, so a span found in the folded text marks the printed one.
    """
    folded, spans = fold(text), []
    for term in terms:
        at = folded.find(term)
        while term and at >= 0:
            spans.append((at, at + len(term)))
            at = folded.find(term, at + len(term))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def grams_of(body: str) -> str:
    """The text the SQLite grams index holds for `body` (the triggers call this).

    A pair never spans SEPARATOR: "a GAP SEPARATOR GAP b" holds no trigram of the pair ab.
    """
    return f"{GAP}{GAP.join(body)}{GAP}"


def gram_token(term: str) -> str:
    """The one trigram of the grams index that a 1- or 2-character term is."""
    return f"{GAP}{term}{GAP}" if len(term) == 1 else GAP.join(term)


def indexable(query: str) -> bool:
    """Whether the indexes can answer `query`; the rare query holding a joining character is scanned.

    (NUL is never stored: the filters find nothing for it without asking the index.)
    """
    return SEPARATOR not in query and GAP not in query and "\x00" not in query


# A trigger folds a problem's document twice (once per FTS5 table), moments apart.
_fold_document = functools.lru_cache(maxsize=64)(fold)


def _fold_sql(text: str | None) -> str | None:
    return None if text is None else _fold_document(text)


def register_sqlite_functions(dbapi_connection) -> None:
    """Give a SQLite connection the functions the search triggers call."""
    dbapi_connection.create_function("rectify_search_grams", 1, grams_of, deterministic=True)
    dbapi_connection.create_function("rectify_search_fold", 1, _fold_sql, deterministic=True)


def on_connection_created(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        register_sqlite_functions(connection.connection)
