"""How a report's text is counted into lines: one rule for the importer, which names a line in its
messages and records, and for the source view, which numbers the lines those records point to."""


def split_lines(text: str) -> list[str]:
    """Split decoded text into lines the way line numbers are counted (1-based by the caller)."""
    return normalise_line_breaks(text).split("\n")


def normalise_line_breaks(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
