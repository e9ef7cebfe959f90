"""Search folding in SQLite's triggers: the live import rate with folding as it was and as it is.

SQLite's search triggers call a Python function (rectify_search_fold) on every problem document and
measure a report stores. Until 2026-12-03 that function scanned every text with one regular
expression of all the characters that fold; now a set first answers whether a text holds any
(search/folding.py). This script loads the same fresh reports twice into one migrated SQLite
database holding the seeds, with each folding in turn, each time in a transaction rolled back at
the end (bench.import_bench.measure), and reports both rates and their ratio from the one run.

    .venv/bin/python -m bench.fold_bench --reports 200
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from bench.common import RESULTS, setup_django, stamp


def scanned_always(text: str) -> str:
    """The folding as it was before the set check: the regular expression over every text."""
    from rectify.search import folding

    return folding._FOLDS.sub(folding._folded, text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()

    database = Path(tempfile.mkdtemp(prefix="rectify-fold-")) / "fold.sqlite3"
    setup_django(f"sqlite:///{database}")
    import functools

    from django.core.management import call_command

    from bench import import_bench
    from rectify.search import folding, text

    call_command("migrate", verbosity=0)
    call_command("import_reports", str(Path(__file__).resolve().parent.parent / "fixtures" / "reports"), verbosity=0)

    results = {}
    for name, fold in (("regex over every text", scanned_always), ("set check first (now)", folding.fold)):
        text._fold_document = functools.lru_cache(maxsize=64)(fold)  # what the triggers call
        results[name] = import_bench.measure(seed=options.seed, reports=options.reports)["load"]
    before, after = results.values()
    ratio = after["reports_per_second"] / before["reports_per_second"]
    for name, load in results.items():
        print(f"{name:24} {load['reports_per_second']:7.1f} reports/s  p50 {load['p50']} ms  p95 {load['p95']} ms")
    print(f"ratio {ratio:.2f}x")
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"fold-sqlite-{options.reports}-{stamp()}.json"
    out.write_text(json.dumps({"reports": options.reports, "load": results, "ratio": round(ratio, 2)}, indent=2))
    print(out)


if __name__ == "__main__":
    main()
