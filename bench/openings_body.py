"""How many real report openings read their problem list right (fixtures/openings/problem_lists.json).

    .venv/bin/python -m bench.openings_body [-v]

An opening that reaches its problem list reads right when the first problem's number, title,
category path, number of measures and status and the number of problems all match the labels read
by hand; one that ends before its list reads right when no problem is found. Prints both scores.
"""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OPENINGS = ROOT / "fixtures" / "openings"


def compare(label: dict, record) -> list[str]:
    """Return the facts that differ from the label, as short descriptions."""
    issues = record.issues
    wrong = []
    if len(issues) != label["issues"]:
        wrong.append(f"issues {len(issues)} != {label['issues']}")
    if not label["issues"] or not issues:
        return wrong
    first = issues[0]
    got = {
        "number": first.number,
        "title": first.title,
        "category": list(first.category),
        "measures": len(first.measures),
        "status": first.status,
    }
    for key, value in got.items():
        if value != label[key]:
            wrong.append(f"{key} {value!r} != {label[key]!r}")
    return wrong


def main(verbose: bool = False) -> dict:
    from rectify.importer import parse_file

    labels = json.loads((OPENINGS / "problem_lists.json").read_text(encoding="utf-8"))
    score = {"list": [0, 0], "no_list": [0, 0]}
    for label in labels:
        record = parse_file(OPENINGS / label["file"]).record
        wrong = compare(label, record)
        key = "list" if label["issues"] else "no_list"
        score[key][0] += not wrong
        score[key][1] += 1
        if verbose and wrong:
            print(label["file"], "; ".join(wrong))
    print(f"reach the list, read right: {score['list'][0]}/{score['list'][1]}")
    print(f"end before the list, no problem invented: {score['no_list'][0]}/{score['no_list'][1]}")
    return score


if __name__ == "__main__":
    main(verbose="-v" in sys.argv)
