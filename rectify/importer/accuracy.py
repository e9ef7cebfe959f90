"""How many header facts the parser reads right on labelled real openings.

    python -m rectify.importer.accuracy fixtures/openings

reads `expected.json` in that folder (file -> facts read by hand, see its README) and prints, per
field, how many files the parser read right; `-v` lists every miss. Text facts are compared in
simplified characters: the parser reads a traditional page through its simplified mirror.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from rectify.chinese import to_simplified

from .front_door import parse_file
from .parse import ParseError
from .records import ReportRecord

FIELDS = (
    "unit",
    "inspector",
    "inspection_start",
    "inspection_end",
    "feedback_date",
    "declared_issue_count",
    "declared_completed",
)


def header_facts(record: ReportRecord | None) -> dict:
    """The labelled facts as the parser read them (None for each when the text was refused)."""
    if record is None:
        return dict.fromkeys(FIELDS)
    unit, inspection, declared = record.unit, record.inspection, record.report.declared

    def iso(value):
        return value.isoformat() if value else None

    return {
        # The opening's own naming of the inspected body ("对X进行了巡察"), where the parser gives one.
        "unit": getattr(unit, "named_as", None) or unit.name,
        "inspector": inspection.inspector,
        "inspection_start": iso(inspection.start_date),
        "inspection_end": iso(inspection.end_date),
        "feedback_date": iso(inspection.feedback_date),
        # A report that refines its problems into N 具体问题 tracks those N (manifestations).
        "declared_issue_count": declared.manifestations if declared.manifestations is not None else declared.issues,
        "declared_completed": declared.completed,
    }


def same(field: str, parsed, expected) -> bool:
    if isinstance(parsed, str) and isinstance(expected, str):
        return to_simplified(parsed) == to_simplified(expected)
    return parsed == expected


def record_of(path: Path) -> ReportRecord | None:
    """What the parser reads in the file, through the front door; None for a file it refuses as no report."""
    try:
        return parse_file(path).record
    except ParseError:
        return None


def measure(folder: Path) -> tuple[dict[str, int], int, list[tuple[str, str, object, object]]]:
    """Return (right answers per field, number of files, misses as (file, field, parsed, expected))."""
    labels = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    right = dict.fromkeys(FIELDS, 0)
    misses = []
    for name, expected in sorted(labels.items()):
        parsed = header_facts(record_of(folder / name))
        for field in FIELDS:
            if same(field, parsed[field], expected[field]):
                right[field] += 1
            else:
                misses.append((name, field, parsed[field], expected[field]))
    return right, len(labels), misses


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    right, files, misses = measure(args.folder)
    total = sum(right.values())
    for field in FIELDS:
        print(f"{field:22} {right[field]:3}/{files}  {100 * right[field] / files:5.1f} %")
    print(f"{'all facts':22} {total:3}/{files * len(FIELDS)}  {100 * total / (files * len(FIELDS)):5.1f} %")
    if args.verbose:
        for name, field, parsed, expected in misses:
            print(f"  {name} {field}: read {parsed!r}, label {expected!r}")


if __name__ == "__main__":
    main()
