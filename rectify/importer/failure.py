"""The one failure type of the importer: a file that could not be read, parsed or stored.

Each step raises its own kind (SourceError, ParseError, LoadError) where the trouble is found, with
the line when it is known; the front door (importer.front_door) adds the file's name. Whoever
imports, the command or the admin upload, catches ImportFailure alone and shows `str()` of it:
"file:line: what was wrong".
"""

from __future__ import annotations


class ImportFailure(ValueError):
    """A report file that could not be imported: `str()` names the file, the line and what was wrong."""

    def __init__(self, message: str, line: int | None = None, *, path: object = ""):
        super().__init__(message)
        self.message, self.line, self.path = message, line, str(path)

    def __str__(self) -> str:
        if not self.path:
            return self.message
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"

    def __reduce__(self):
        # Raised in a worker process that parses, re-raised in the one that stores: keep every attribute,
        # whatever a subclass's __init__ asks for.
        return _rebuild, (type(self), self.args, self.__dict__)


def _rebuild(kind: type[ImportFailure], args: tuple, state: dict) -> ImportFailure:
    failure = kind.__new__(kind, *args)
    failure.args = args
    failure.__dict__.update(state)
    return failure


class LoadError(ImportFailure):
    """A parsed report that cannot be stored; the message says what is missing."""


class MissingFactError(LoadError):
    """A header fact the archive needs (`key`, as in importer.corrections) was not read: staff may give it."""

    def __init__(self, message: str, *, key: str):
        super().__init__(message)
        self.key = key
