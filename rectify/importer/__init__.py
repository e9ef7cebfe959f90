"""Reading rectification reports: sources → text → records (pure) → database (load.py only).

Callers come in through the front door (front_door.py) and catch one failure type:

    from rectify.importer import ImportFailure, import_file
    try:
        result = import_file(path, max_bytes=settings.RECTIFY_MAX_REPORT_BYTES)
    except ImportFailure as failure:
        print(failure)  # "path:line: what was wrong"

Importing this package imports no Django: the loader is imported when something is stored.
"""

from .corrections import CORRECTABLE_FACTS, facts_as_read
from .failure import ImportFailure, LoadError, MissingFactError
from .front_door import (
    ParsedFile,
    import_bytes,
    import_file,
    import_parsed,
    parse_bytes,
    parse_file,
    parse_text,
)
from .results import LoadResult, StaffWorkKept
from .sources import SUPPORTED_SUFFIXES

__all__ = [
    "CORRECTABLE_FACTS",
    "SUPPORTED_SUFFIXES",
    "ImportFailure",
    "LoadError",
    "LoadResult",
    "MissingFactError",
    "ParsedFile",
    "StaffWorkKept",
    "facts_as_read",
    "import_bytes",
    "import_file",
    "import_parsed",
    "parse_bytes",
    "parse_file",
    "parse_text",
]
