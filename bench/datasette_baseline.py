"""Baseline: Datasette serving the same SQLite file, driven over HTTP with the same requests.

Datasette facets and filters one table or view, so the problem list is a view joining problems to
their inspection, unit and (published) report. `_search` needs a full-text table: an FTS5 table
with the trigram tokenizer (the only built-in one that finds Chinese substrings) over each
problem's title, description and measures — the same text rectify.search looks in. Trigrams
cannot match terms under three characters; the counts show it.

Datasette runs in its own virtual environment (bench/.venv-datasette, from bench/requirements.txt)
so its dependencies never touch the project's. Its time limits are raised so that every facet is
computed rather than abandoned, and facet suggestions are off, since our page does not make them.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import time
from pathlib import Path

from bench.common import ROOT, HttpClient, free_port, served, summary, time_each
from bench.queries import ALL_TERMS, FACETS, datasette_params, list_filters

VENV = ROOT / "bench" / ".venv-datasette"
DATASETTE = VENV / "bin" / "datasette"
PUBLISHED = "report_id in (select id from rectify_report where is_published = 1)"

LIST_VIEW = """
CREATE VIEW IF NOT EXISTS bench_issue_list AS
SELECT i.id, i.title, i.status, i.immediate, u.name AS unit, u.level, u.region,
       ins.inspector, ins.kind, strftime('%Y', ins.start_date) AS year
FROM rectify_issue i
JOIN rectify_report r ON r.id = i.report_id AND r.is_published = 1
JOIN rectify_inspection ins ON ins.id = i.inspection_id
JOIN rectify_unit u ON u.id = ins.unit_id
"""
FTS_TABLE = (
    "CREATE VIRTUAL TABLE bench_issue_fts USING fts5(title, description, measures, content='', tokenize='trigram')"
)
FTS_FILL = """
INSERT INTO bench_issue_fts(rowid, title, description, measures)
SELECT i.id, i.title, i.description,
       (SELECT group_concat(m.text, char(10)) FROM rectify_measure m WHERE m.issue_id = i.id)
FROM rectify_issue i
"""


def install() -> bool:
    """Create Datasette's virtual environment if it is missing; False when that is impossible."""
    if DATASETTE.exists():
        return True
    try:
        subprocess.run(["python3", "-m", "venv", str(VENV)], check=True)
        subprocess.run(
            [str(VENV / "bin" / "pip"), "install", "--quiet", "-r", str(ROOT / "bench" / "requirements.txt")],
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return False
    return DATASETTE.exists()


def prepare(database: Path) -> dict:
    """Add the view and the full-text table to the benchmark file; rebuild the index when stale."""
    started = time.perf_counter()
    with sqlite3.connect(database) as db:
        db.execute(LIST_VIEW)
        db.execute("CREATE TABLE IF NOT EXISTS bench_meta (key TEXT PRIMARY KEY, value TEXT)")
        issues = db.execute("SELECT count(*), coalesce(max(id), 0) FROM rectify_issue").fetchone()
        stamp = json.dumps(issues)
        current = db.execute("SELECT value FROM bench_meta WHERE key = 'fts_for'").fetchone()
        rebuilt = current is None or current[0] != stamp
        if rebuilt:
            db.execute("DROP TABLE IF EXISTS bench_issue_fts")
            db.execute(FTS_TABLE)
            db.execute(FTS_FILL)
            db.execute("INSERT OR REPLACE INTO bench_meta VALUES ('fts_for', ?)", [stamp])
    return {"fts_rebuilt": rebuilt, "prepare_seconds": round(time.perf_counter() - started, 1)}


def metadata(database: Path) -> dict:
    return {
        "databases": {database.stem: {"tables": {"rectify_issue": {"fts_table": "bench_issue_fts", "fts_pk": "id"}}}}
    }


def command(database: Path, port: int, metadata_path: Path) -> list[str]:
    settings = {
        "sql_time_limit_ms": "120000",
        "facet_time_limit_ms": "120000",
        "suggest_facets": "off",
        "default_page_size": "20",
        "allow_download": "off",
    }
    flags = [part for name, value in settings.items() for part in ("--setting", name, value)]
    return [str(DATASETTE), "serve", str(database), "--port", str(port), "--metadata", str(metadata_path), *flags]


def measure(database: Path, results_dir: Path) -> dict:
    if not install():
        return {"missing": "datasette could not be installed (bench/requirements.txt)"}
    prepared = prepare(database)
    metadata_path = results_dir / "datasette-metadata.json"
    metadata_path.write_text(json.dumps(metadata(database)), encoding="utf-8")
    port = free_port()
    name = database.stem
    log = results_dir / "datasette.log"
    with served(command(database, port, metadata_path), port, log=log):
        client = HttpClient(port)

        def list_json(key: tuple) -> int:
            params = {**datasette_params(dict(key)), "_facet": list(FACETS), "_size": "20"}
            status, body = client.get(f"/{name}/bench_issue_list.json", params)
            return _count(status, body, key)

        def search_json(term: str) -> int:
            params = {"_search": term, "_where": PUBLISHED, "_size": "20"}
            status, body = client.get(f"/{name}/rectify_issue.json", params)
            return _count(status, body, term)

        def list_html(key: tuple) -> int:
            params = {**datasette_params(dict(key)), "_facet": list(FACETS), "_size": "20"}
            status, _ = client.get(f"/{name}/bench_issue_list", params)
            if status != 200:
                raise RuntimeError(f"datasette list page answered {status}")
            return status

        combos = [tuple(sorted(f.items())) for f in list_filters()]
        list_ms, list_counts = time_each(combos, list_json)
        list_html_ms, _ = time_each(combos, list_html)
        for term in ALL_TERMS[:3]:
            search_json(term)
        search_ms, search_counts = time_each(ALL_TERMS, search_json, warmup=False)
        client.close()
    return {
        **prepared,
        "version": subprocess.run([str(DATASETTE), "--version"], capture_output=True, text=True).stdout.strip(),
        "list_json": {**summary(list_ms), "samples": [round(s, 2) for s in list_ms]},
        "list_html": summary(list_html_ms),
        "list_counts": [list_counts[key] for key in combos],
        "search_json": {**summary(search_ms), "samples": [round(s, 2) for s in search_ms]},
        "search_counts": {term: search_counts[term] for term in ALL_TERMS},
    }


def _count(status: int, body: bytes, what) -> int:
    if status != 200:
        raise RuntimeError(f"datasette answered {status} for {what}: {body[:300]!r}")
    data = json.loads(body)
    return data.get("filtered_table_rows_count")
