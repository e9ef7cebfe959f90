"""Measure the search index at scale (the search helper's design check; the committed harness is bench/).

    DATABASE_URL=sqlite:////tmp/search-scale.sqlite3 .venv/bin/python docs/search-scale/measure_search.py build
    DATABASE_URL=sqlite:////tmp/search-scale.sqlite3 .venv/bin/python docs/search-scale/measure_search.py query

`build` migrates a fresh database to 0002, fills it with a synthetic corpus recombined from the seed
reports (--measures, default 1 000 000, and a fifth as many problems), then applies 0003, which
builds the index; it prints each step's time. `query` times, per query length 1-6, the search a page
makes: count + first page of 20 problems (published only), for filter_issues and filter_measures,
and the same for the unindexed icontains it replaced (on a sample, --baseline per length).
"""

import argparse
import os
import random
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rectify.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.db.models import Exists, OuterRef, Q  # noqa: E402

from rectify import search  # noqa: E402
from rectify.models import Inspection, Issue, Measure, Report, Unit  # noqa: E402

SEED_TEXT = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "reports").glob("*.txt")))
SENTENCES = [s.strip() for s in re.split(r"[。；\n]", SEED_TEXT) if len(s.strip()) >= 6]
CHARS = sorted(set(SEED_TEXT) - set(" \n\t"))


def sentence(rng: random.Random) -> str:
    text = rng.choice(SENTENCES)
    if rng.random() < 0.5:  # half are rebuilt from clauses of two sentences
        other = rng.choice(SENTENCES)
        text = text[: len(text) // 2] + other[len(other) // 2 :]
    text = re.sub(r"\d+", lambda m: str(rng.randrange(10 ** len(m.group())) or 1), text)
    return "".join(rng.choice(CHARS) if rng.random() < 0.02 else c for c in text)


def passage(rng: random.Random, mean: int, low: int, high: int) -> str:
    target = min(high, max(low, int(rng.gammavariate(2.0, mean / 2))))
    parts, size = [], 0
    while size < target:
        parts.append(sentence(rng))
        size += len(parts[-1]) + 1
    return "。".join(parts)[:target] + "。"


def build(measure_count: int) -> None:
    rng = random.Random(2026)
    t0 = time.perf_counter()
    call_command("migrate", "rectify", "0002", verbosity=0)
    call_command("migrate", "auth", verbosity=0)
    print(f"migrate to 0002: {time.perf_counter() - t0:.1f} s", flush=True)
    t0 = time.perf_counter()
    issue_count = measure_count // 5
    inspections = []
    with transaction.atomic():
        for n in range(max(1, issue_count // 200)):
            unit = Unit.objects.create(name=f"测试单位{n:04d}", region="测试省")
            inspection = Inspection.objects.create(unit=unit, inspector=f"市委第{n % 9 + 1}巡察组")
            report = Report.objects.create(inspection=inspection, source_text="", checksum=f"{n:064d}")
            inspections.append((inspection.pk, report.pk))
    issue_ids = []
    for start in range(0, issue_count, 5000):
        with transaction.atomic():
            batch = []
            for k in range(start, min(issue_count, start + 5000)):
                inspection_id, report_id = inspections[k % len(inspections)]
                batch.append(
                    Issue(
                        inspection_id=inspection_id,
                        report_id=report_id,
                        key=str(k),
                        order=k,
                        title=passage(rng, 30, 8, 80),
                        description=passage(rng, 80, 0, 400) if rng.random() < 0.7 else "",
                    )
                )
            issue_ids += [i.pk for i in Issue.objects.bulk_create(batch)]
    made = 0
    while made < measure_count:
        with transaction.atomic():
            batch = []
            for _ in range(10000):
                issue_id = issue_ids[rng.randrange(len(issue_ids))]
                made += 1
                batch.append(Measure(issue_id=issue_id, order=made, text=passage(rng, 158, 50, 1000)))
            Measure.objects.bulk_create(batch)
    print(
        f"corpus {Issue.objects.count()} problems, {Measure.objects.count()} measures: {time.perf_counter() - t0:.1f} s"
    )
    t0 = time.perf_counter()
    call_command("migrate", "rectify", "0003", verbosity=0)
    print(f"migrate 0003 (build the index): {time.perf_counter() - t0:.1f} s", flush=True)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


def queries_by_length(per_length: int) -> dict[int, list[str]]:
    rng = random.Random(6)
    texts = [s for s in SENTENCES if len(s) >= 6]
    found = {}
    for length in range(1, 7):
        terms = []
        while len(terms) < per_length:
            text = rng.choice(texts)
            start = rng.randrange(len(text) - length + 1)
            term = text[start : start + length]
            if term.strip() == term and term not in terms:
                terms.append(term)
        found[length] = terms
    return found


def icontains_issues(issues, query):
    in_measures = Exists(Measure.objects.filter(issue=OuterRef("pk"), text__icontains=query))
    return issues.filter(Q(title__icontains=query) | Q(description__icontains=query) | in_measures)


def timed(run) -> float:
    t0 = time.perf_counter()
    run()
    return (time.perf_counter() - t0) * 1000


def count_and_page(queryset):
    def run():
        queryset.count()
        list(queryset[:20])

    return run


def capped(queryset):
    def run():
        queryset.order_by().values("pk")[:1001].count()
        list(queryset[:20])

    return run


def p(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def query(per_length: int, baseline: int) -> None:
    issues = Issue.objects.published()
    measures = Measure.objects.filter(issue__report__is_published=True)
    print(f"{connection.vendor}: {Issue.objects.count()} problems, {Measure.objects.count()} measures")
    print("len  what                                       p50 ms   p95 ms   max ms   hits p50")
    everything = {}
    for length, terms in queries_by_length(per_length).items():
        count_and_page(search.filter_issues(issues, terms[0]))()  # warm up
        rows = {
            "issues": [timed(count_and_page(search.filter_issues(issues, t))) for t in terms],
            "issues-pk": [timed(count_and_page(search.filter_issues(issues, t).order_by("-pk"))) for t in terms],
            "measures": [timed(count_and_page(search.filter_measures(measures, t).order_by("-pk"))) for t in terms],
            "issues-pk, count capped at 1000": [
                timed(capped(search.filter_issues(issues, t).order_by("-pk"))) for t in terms
            ],
            "measures-pk, count capped at 1000": [
                timed(capped(search.filter_measures(measures, t).order_by("-pk"))) for t in terms
            ],
        }
        sample = terms[:baseline]
        rows["icontains"] = [timed(count_and_page(icontains_issues(issues, t))) for t in sample]
        rows["indexed-same"] = rows["issues"][: len(sample)]
        hits = statistics.median(search.filter_issues(issues, t).count() for t in terms)
        for what, values in rows.items():
            everything.setdefault(what, []).extend(values)
            print(
                f"{length:>3}  {what:<40} {p(values, 0.5):8.1f} {p(values, 0.95):8.1f} {max(values):8.1f}   {hits:8.0f}"
            )
    print("all lengths:")
    for what, values in everything.items():
        print(f"     {what:<40} {p(values, 0.5):8.1f} {p(values, 0.95):8.1f} {max(values):8.1f}")
    ratio = p(everything["icontains"], 0.5) / p(everything["indexed-same"], 0.5)
    print(f"icontains / index at p50 over the same {len(everything['icontains'])} queries: {ratio:.0f}x")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("step", choices=["build", "query"])
    parser.add_argument("--measures", type=int, default=1_000_000)
    parser.add_argument("--per-length", type=int, default=20)
    parser.add_argument("--baseline", type=int, default=3)
    args = parser.parse_args()
    if args.step == "build":
        build(args.measures)
    else:
        query(args.per_length, args.baseline)
