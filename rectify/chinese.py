"""The simplified form of Chinese text, by which units are matched and problems searched. Pure: no Django.

The models (a unit's match name) and the importer (finding a unit, reading a page) both use it, so it
lives outside the importer.
"""

from functools import cache


@cache
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Return the simplified-character form, used for matching and search, never for display."""
    if not text:
        return text
    return _converter().convert(text)
