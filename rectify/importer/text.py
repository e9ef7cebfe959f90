"""Text clean-up for the parser: export residue, whitespace, line breaks, pinyin annotations."""

import re
from itertools import islice

from rectify.textlines import normalise_line_breaks

# Word exports leave bookmark anchors; HTML copies leave zero-width and no-break spaces.
# An anchor never spans a line break, so the pattern can run over a whole text at once.
RESIDUE = re.compile(r"\[bookmark:[^\]\n]*\]|[\u200b\u200c\u200d\u2060\ufeff]")
RESIDUE_STARTS = ("[bookmark:", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff")
SPACES = re.compile(r"[\u00a0\u3000\t ]+")
# A run of blanks changes only if it holds one of these; a lone space stays as it is.
SPACES_TO_CHANGE = ("\u00a0", "\u3000", "\t", "  ")


def clean_lines(text: str) -> list[str]:
    """Split as split_lines does; drop export residue and blanks around each line, keep printed characters.

    Each pattern runs once over the whole text, and only when the text holds something it would
    change: a plain-text report with single spaces, the usual case, is only split and stripped.
    """
    text = normalise_line_breaks(text)
    if any(start in text for start in RESIDUE_STARTS):
        text = RESIDUE.sub("", text)
    if any(blank in text for blank in SPACES_TO_CHANGE):
        text = SPACES.sub(_collapse_blanks, text)
    return [line.strip() for line in text.split("\n")]


def _collapse_blanks(run: re.Match) -> str:
    # A run of ideographic spaces only (an indent, CJK spacing) goes; any other run becomes one space.
    return "" if run.group() == "\u3000" * len(run.group()) else " "


# Pages run through a ruby-annotation tool print each rare character's pinyin after it: 根據(jù),
# 關(guān)於, 進(jìn)展; a copy cut mid-annotation ends in "(r". The residue is one to six pinyin letters
# in brackets straight after a Chinese character.
PINYIN = "a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ"
PINYIN_RESIDUE = re.compile(rf"(?<=[\u4e00-\u9fff])[(（][{PINYIN}]{{1,6}}(?:[)）]|$)")
# One "(a)" after a character can be the text's own; a garbled page has them throughout.
PINYIN_RESIDUE_MIN = 3


def has_pinyin_residue(text: str) -> bool:
    """Whether the text carries the annotation residue throughout (not one bracketed letter)."""
    # islice stops the scan at the third residue; a long clean text is scanned once.
    return len(list(islice(PINYIN_RESIDUE.finditer(text), PINYIN_RESIDUE_MIN))) >= PINYIN_RESIDUE_MIN


def strip_pinyin_residue(line: str) -> str:
    """Drop the pinyin annotations from one line (the caller decides the text has them)."""
    return PINYIN_RESIDUE.sub("", line)
