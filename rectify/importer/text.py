"""Text clean-up shared by the parser and the loader: residue, whitespace, simplified forms."""

import re
from functools import cache

# Word exports leave bookmark anchors; HTML copies leave zero-width and no-break spaces.
RESIDUE = re.compile(r"\[bookmark:[^\]]*\]|[\u200b\u200c\u200d\u2060\ufeff]")
SPACES = re.compile(r"[\u00a0\u3000\t ]+")


def clean_line(line: str) -> str:
    """Drop export residue and surrounding blanks; keep the printed characters as they are."""
    line = RESIDUE.sub("", line)
    line = SPACES.sub(lambda m: " " if m.group() != "\u3000" * len(m.group()) else "", line)
    return line.strip()


def split_lines(text: str) -> list[str]:
    """Split decoded text into lines the way line numbers are counted (1-based by the caller)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


@cache
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Return the simplified-character form, used for matching and search, never for display."""
    if not text:
        return text
    return _converter().convert(text)
