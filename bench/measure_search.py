"""Measure search (issue #21 target 3): the measures' own index against Django's icontains.

    .venv/bin/python -m bench.measure_search --reports 1000    # builds bench/results/corpus-1000-seed1.sqlite3 first
    .venv/bin/python -m bench.measure_search --reports 10000   # the corpus bench.run uses
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/rectify_bench_corpus .venv/bin/python -m bench.measure_search

Two workloads, each "count + first page of 20" for every term of bench.queries (36 terms of 1-6
characters, one per length matching nothing): the admin's (all measures, as the changelist search
asks: Measure.objects.search) and the public one (/search/'s list: measures of published problems).
Both sides must find the same measures; a count that differs is printed and recorded.
"""

from __future__ import annotations

import argparse
import datetime
import json

from bench.common import RESULTS, setup_django, sqlite_url, summary, time_each
from bench.queries import ALL_TERMS

PAGE = 20


def workloads():
    from rectify.models import Measure

    def admin(found):
        return found.order_by("-pk")

    def public(found):
        return found.filter(issue__is_published=True).select_related("issue__report").order_by("-pk")

    def timed(shape, search):
        def run(term: str) -> int:
            found = shape(search(term))
            count = found.count()
            list(found[:PAGE])
            return count

        return run

    def indexed(term):
        return Measure.objects.search(term)

    def icontains(term):
        return Measure.objects.filter(text__icontains=term)

    return {
        name: (timed(shape, indexed), timed(shape, icontains)) for name, shape in (("admin", admin), ("public", public))
    }


def measure(*, warm: int = 3) -> dict:
    result = {}
    for name, (ours, baseline) in workloads().items():
        for term in ALL_TERMS[:warm]:
            ours(term), baseline(term)
        ours_ms, ours_counts = time_each(ALL_TERMS, ours, warmup=False)
        base_ms, base_counts = time_each(ALL_TERMS, baseline, warmup=False)
        result[name] = {
            "index": summary(ours_ms),
            "icontains": summary(base_ms),
            "count_mismatches": {
                t: [ours_counts[t], base_counts[t]] for t in ALL_TERMS if ours_counts[t] != base_counts[t]
            },
            "counts": ours_counts,
        }
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    RESULTS.mkdir(parents=True, exist_ok=True)
    setup_django(sqlite_url(RESULTS / f"corpus-{args.reports}-seed{args.seed}.sqlite3"))

    from django.db import connection

    from bench.run import build_corpus
    from rectify.models import Measure

    build_corpus(args.reports, args.seed, connection.vendor)
    result = {"vendor": connection.vendor, "reports": args.reports, "measures": Measure.objects.count()}
    result.update(measure())
    stamp = datetime.datetime.now().strftime("%Y%m%dT%H%M")
    out = RESULTS / f"measure-search-{connection.vendor}-{args.reports}-{stamp}.json"
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1))
    print(
        f"{connection.vendor}, {args.reports} reports, {result['measures']} measures; ms per term, count + page of 20"
    )
    for name in ("admin", "public"):
        ours, base = result[name]["index"], result[name]["icontains"]
        print(
            f"  {name:6} index p50 {ours['p50']:.1f} p95 {ours['p95']:.1f} | icontains p50 {base['p50']:.1f} "
            f"p95 {base['p95']:.1f} | counts differing: {len(result[name]['count_mismatches'])}"
        )
    print(f"  -> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
