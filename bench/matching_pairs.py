"""How often problems of a later report are matched to the right held problem (issue 17).

Later reports are made from seed 001 as real follow-ups are: finished problems dropped, categories
reordered, everything renumbered (so numbers are reused), some titles lightly reworded, statuses moved
on. The parser reads both texts and `importer.matching.match_problems` pairs them, exactly as the
loader does; the truth is known from how each later report was made.

    .venv/bin/python -m bench.matching_pairs --pairs 200 --seed 1
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

REWORDINGS = [
    ("不够", "仍不够"),
    ("不到位", "还不到位"),
    ("不足", "明显不足"),
    ("不高", "仍然不高"),
    ("有差距", "存在差距"),
]


def problem_texts(record, keys):
    from rectify.importer.matching import ProblemText

    return [
        ProblemText(
            key=key,
            number=p.number or "",
            category=p.category[-1] if p.category else "",
            title=p.title,
            description=p.description,
            measures=tuple(m.text for m in p.measures),
        )
        for key, p in zip(keys, record.issues, strict=True)
    ]


def main() -> None:
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rectify.settings")
    import django

    django.setup()
    from rectify.importer import parse_text
    from rectify.importer.load import _issue_keys
    from rectify.importer.matching import match_problems
    from rectify.tests.successive import later_report, outline

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--shortened", type=float, default=0.0, help="share of statements cut to their first sentence")
    parser.add_argument(
        "--new-measures", type=float, default=0.0, help="share of problems whose measures are rewritten"
    )
    args = parser.parse_args()
    rng = random.Random(args.seed)
    text = next((ROOT / "fixtures" / "reports").glob("001*.txt")).read_text(encoding="utf-8")
    first = parse_text(text, name="001.txt").record
    held = problem_texts(first, _issue_keys(first.issues))
    number_of = [int(p.number.removeprefix("问题")) for p in first.issues]
    doc = outline(text)
    counts = {"right": 0, "wrong": 0, "uncertain_right": 0, "uncertain_wrong": 0, "missed": 0, "problems": 0}
    for _ in range(args.pairs):
        numbers = [p.number for c in doc.categories for p in c.problems]
        drop = tuple(n for n in numbers if rng.random() < 0.25)
        reverse = tuple(i for i in range(len(doc.categories)) if rng.random() < 0.5)
        reword = {}
        for n in numbers:
            statement = doc.problem(n).lines[0]
            options = [(old, new) for old, new in REWORDINGS if old in statement.split("。")[0]]
            if options and rng.random() < 0.4:
                reword[n] = rng.choice(options)
        # Follow-ups often shorten a statement to its first sentence, and rewrite the measures.
        for n in numbers:
            if n in reword or rng.random() >= args.shortened:
                continue
            statement = doc.problem(n).lines[0]
            first_sentence = statement.split("。")[0]
            if "。" in statement and len(first_sentence) > 8:
                reword[n] = (
                    statement[statement.index(":") + 1 :],
                    first_sentence[first_sentence.index(":") + 1 :] + "。",
                )
        later = later_report(text, signed="2025年9月30日", drop=drop, reverse_categories=reverse, reword=reword)
        if args.new_measures:
            later = "\n".join(
                "整改情况:持续巩固整改成果，建立长效机制。"
                if line.startswith("整改情况") and rng.random() < args.new_measures
                else line
                for line in later.split("\n")
            )
        # The truth: the seed numbers in the order the later report lists them.
        truth = []
        for index, category in enumerate(doc.categories):
            kept = [p.number for p in category.problems if p.number not in drop]
            truth += list(reversed(kept)) if index in reverse else kept
        record = parse_text(later, name="later.txt").record
        newer = problem_texts(record, _issue_keys(record.issues))
        assert len(newer) == len(truth), (len(newer), len(truth))
        pairs = {pair.newer: pair for pair in match_problems(held, newer)}
        for index, seed_number in enumerate(truth):
            counts["problems"] += 1
            pair = pairs.get(index)
            if pair is None:
                counts["missed"] += 1
                continue
            right = number_of[pair.held] == seed_number
            key = (
                ("right" if right else "wrong") if pair.certain else ("uncertain_right" if right else "uncertain_wrong")
            )
            counts[key] += 1
    total = counts["problems"]
    print(f"{args.pairs} later reports, {total} problems listed in them")
    for key in ("right", "wrong", "uncertain_right", "uncertain_wrong", "missed"):
        print(f"{key:16} {counts[key]:6}  {counts[key] / total:7.2%}")


if __name__ == "__main__":
    main()
