"""Pair the items of a newer text with those already held: the same measure reworded, renumbered or moved.

Pure functions: strings in, index pairs out. Identical texts pair first (in order), then the rest by
rapidfuzz's similarity, best pair first, each item at most once; a pair below the threshold is no pair.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

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
