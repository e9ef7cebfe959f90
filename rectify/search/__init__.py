"""Chinese substring search over problems and measures, as a package with one job per module.

- query.py: which problems and measures hold a term. Reached through the models' querysets
  (`Issue.objects.search(q)`, `Issue.objects.search_published(q)`, `Measure.objects.search(q)`);
  it imports no model, so rectify.models imports it.
- text.py: the form text is indexed and asked in (fold, the GAP-spaced grams); pure functions.
- index.py: upkeep: rebuild, pause for a bulk load, index one report once, the rectify.W001 check.
- sqlite.py: SQLite's from-scratch fill, one worker process per FTS5 table.
- sql_sqlite.py, sql_postgres.py: the SQL live today (tables, views, functions, triggers), one
  readable file per database.

This package imports nothing at import time; each module imports only the modules below it
(query, index -> sqlite -> text), so there is no import cycle.
"""
