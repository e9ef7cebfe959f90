"""Later reports on one inspection, made from seed 001 in the tests: renumbered, reordered, reworded,
with problems dropped, added and numbers reused, as real follow-up reports are."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

PROBLEM = re.compile(r"^(\d+)\.(问题)(\d+)[:：]")
CATEGORY = re.compile(r"^[(（][一二三四五六七八九十]+[)）]")
STATUS = re.compile(r"^整改完成情况[:：]")
SIGNED = "2025年7月28日"


@dataclass
class Problem:
    number: int  # as in seed 001: 问题N
    lines: list[str]

    @property
    def statement(self) -> str:
        return PROBLEM.sub("", self.lines[0])


@dataclass
class Category:
    heading: str
    problems: list[Problem] = field(default_factory=list)


@dataclass
class Outline:
    head: list[str]
    categories: list[Category]
    tail: list[str]

    def problem(self, number: int) -> Problem:
        return next(p for c in self.categories for p in c.problems if p.number == number)


def outline(text: str) -> Outline:
    """Seed 001 cut into its head, its categories of problems (each a block of lines) and its tail."""
    lines = text.split("\n")
    first = next(i for i, line in enumerate(lines) if CATEGORY.match(line) and PROBLEM.match(lines[i + 1]))
    end = next(i for i, line in enumerate(lines) if line.startswith("三、"))
    categories: list[Category] = []
    for line in lines[first:end]:
        if CATEGORY.match(line):
            categories.append(Category(line))
        elif match := PROBLEM.match(line):
            categories[-1].problems.append(Problem(int(match.group(3)), [line]))
        else:
            categories[-1].problems[-1].lines.append(line)
    return Outline(lines[:first], categories, lines[end:])


def later_report(
    text: str,
    *,
    signed: str,
    drop: tuple[int, ...] = (),
    statuses: dict[int, str] | None = None,
    reword: dict[int, tuple[str, str]] | None = None,
    reverse_categories: tuple[int, ...] = (),
    added: dict[int, list[str]] | None = None,
    renumber: bool = True,
) -> str:
    """Seed 001 as a later report would print it. Problems are named by their number in seed 001.

    `added` puts new problem blocks (without number) at the end of the category with that index;
    `renumber` numbers the problems 1, 2, 3... in their new order, so numbers are reused.
    """
    doc = outline(text)
    statuses, reword, added = statuses or {}, reword or {}, added or {}
    for number, (old, new) in reword.items():
        problem = doc.problem(number)
        assert old in problem.lines[0], (number, old)
        problem.lines[0] = problem.lines[0].replace(old, new, 1)
    for number, status in statuses.items():
        problem = doc.problem(number)
        at = next(i for i, line in enumerate(problem.lines) if STATUS.match(line))
        problem.lines[at] = f"整改完成情况:{status}。"
    body, n = [], 0
    for index, category in enumerate(doc.categories):
        problems = [p for p in category.problems if p.number not in drop]
        if index in reverse_categories:
            problems.reverse()
        blocks = [p.lines for p in problems] + [["0.问题0:" + lines[0], *lines[1:]] for lines in added.get(index, [])]
        if not blocks:
            continue
        body.append(category.heading)
        for lines in blocks:
            n += 1
            number = n if renumber else int(PROBLEM.match(lines[0]).group(3))
            body.append(PROBLEM.sub(f"{number}.问题{number}:", lines[0]))
            body.extend(lines[1:])
    tail = [line.replace(SIGNED, signed) for line in doc.tail]
    return "\n".join([*doc.head, *body, *tail])
