"""Pair the items of a newer text with those already held: the same measure reworded, renumbered or moved.

Pure functions: strings in, index pairs out. Identical texts pair first (in order), then the rest by
rapidfuzz's similarity, best pair first, each item at most once; a pair below the threshold is no pair.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

# A measure reworded between reports ("已完成" appended, a date corrected) keeps most of its wording;
# two different measures of one problem share the problem's vocabulary and score about 30-50.
MEASURE_THRESHOLD = 60.0

_NOISE = re.compile(r"[\s\d０-９一二三四五六七八九十是、，。；：:;,.（）()“”\"]+")


def comparable(text: str) -> str:
    """Text without spacing, numbering and punctuation, which rewording and renumbering change."""
    return _NOISE.sub("", text)


def match_texts(held: Sequence[str], newer: Sequence[str], *, threshold: float = MEASURE_THRESHOLD) -> dict[int, int]:
    """Map indexes of `newer` to indexes of `held` that say the same thing."""
    pairs: dict[int, int] = {}
    held_keys = [comparable(text) for text in held]
    newer_keys = [comparable(text) for text in newer]
    unpaired = list(range(len(held)))
    for new_index, key in enumerate(newer_keys):
        same = next((i for i in unpaired if held_keys[i] == key), None)
        if same is not None:
            pairs[new_index] = same
            unpaired.remove(same)
    scored = [
        (fuzz.ratio(newer_keys[new_index], held_keys[held_index]), -abs(new_index - held_index), new_index, held_index)
        for new_index in range(len(newer))
        if new_index not in pairs
        for held_index in unpaired
    ]
    taken = set()
    for score, _, new_index, held_index in sorted(scored, reverse=True):
        if score < threshold:
            break
        if new_index in pairs or held_index in taken:
            continue
        pairs[new_index] = held_index
        taken.add(held_index)
    return pairs


# --- problems across successive reports of one inspection -------------------------------------------

# Scores are 0-100. At or above CERTAIN a pair is the same problem; between UNCERTAIN and CERTAIN it is
# recorded for staff to confirm or split and the problems are kept apart meanwhile; below, no pair.
# Calibrated on the seeds: two different problems of one report score at most 62.5 on text alone (short
# titles in seed 002), a lightly reworded problem 85 and more.
CERTAIN = 75.0
UNCERTAIN = 55.0
SAME_KEY_BONUS = 15.0  # the same category numbers and number: supporting, never enough alone
SAME_NUMBER_BONUS = 5.0
SAME_CATEGORY_BONUS = 5.0
MEASURES_BONUS = 10.0  # most of the measures say the same
NEWLY_FOUND = re.compile(r"新发现|新查摆|新排查|新增问题|新增的问题")


@dataclass(frozen=True)
class ProblemText:
    """What matching reads of a problem: its identity in its report and its words."""

    key: str
    number: str
    category: str
    title: str
    description: str
    measures: tuple[str, ...] = ()

    @property
    def newly_found(self) -> bool:
        return bool(NEWLY_FOUND.search(self.category) or NEWLY_FOUND.search(self.title))


@dataclass(frozen=True)
class ProblemPair:
    newer: int  # index into the newer report's problems
    held: int  # index into the problems held
    score: float
    certain: bool


def problem_score(newer: ProblemText, held: ProblemText) -> float:
    """How surely two problems are one: words first, numbering and measures as supporting evidence."""
    title = fuzz.ratio(comparable(newer.title), comparable(held.title))
    description = fuzz.ratio(comparable(newer.description)[:400], comparable(held.description)[:400])
    score = 0.6 * title + 0.4 * description
    if newer.key == held.key:
        score += SAME_KEY_BONUS
    elif newer.number and newer.number == held.number:
        score += SAME_NUMBER_BONUS
    if newer.category and newer.category == held.category:
        score += SAME_CATEGORY_BONUS
    # Measures only decide between uncertain and certain; comparing them costs more than the rest.
    undecided = UNCERTAIN - MEASURES_BONUS <= score < CERTAIN
    if undecided and newer.measures and held.measures:
        paired = match_texts(held.measures, newer.measures)
        if len(paired) >= max(len(newer.measures), len(held.measures)) / 2:
            score += MEASURES_BONUS
    return min(score, 100.0)


def match_problems(
    held: Sequence[ProblemText],
    newer: Sequence[ProblemText],
    *,
    confirmed: dict[str, int] | None = None,
    split: set[tuple[str, int]] | None = None,
) -> list[ProblemPair]:
    """Pair a newer report's problems with those held for the inspection, best pair first, each once.

    `confirmed` maps a newer problem's key to the held index staff said it is; `split` holds the
    (newer key, held index) pairs staff said are different problems. A problem the report calls newly
    found pairs with nothing.
    """
    confirmed, split = confirmed or {}, split or set()
    pairs: list[ProblemPair] = []
    taken_newer: set[int] = set()
    taken_held: set[int] = set()
    for index, problem in enumerate(newer):
        held_index = confirmed.get(problem.key)
        if held_index is not None and held_index not in taken_held:
            pairs.append(ProblemPair(index, held_index, 100.0, True))
            taken_newer.add(index)
            taken_held.add(held_index)
    scored = [
        (problem_score(problem, held[held_index]), new_index, held_index)
        for new_index, problem in enumerate(newer)
        if new_index not in taken_newer and not problem.newly_found
        for held_index in range(len(held))
        if held_index not in taken_held and (problem.key, held_index) not in split
    ]
    for score, new_index, held_index in sorted(scored, key=lambda s: (-s[0], s[1], s[2])):
        if score < UNCERTAIN:
            break
        if new_index in taken_newer or held_index in taken_held:
            continue
        pairs.append(ProblemPair(new_index, held_index, round(score, 1), score >= CERTAIN))
        taken_newer.add(new_index)
        taken_held.add(held_index)
    return sorted(pairs, key=lambda pair: pair.newer)
