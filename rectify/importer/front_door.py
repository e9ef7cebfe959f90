"""The importer's one way in: a file, uploaded bytes or composed text → parsed → stored.

Every caller (the import_reports, parse_report and generate_corpus commands, the admin upload, the
benchmarks) reads, parses and stores through these functions, and meets one failure type,
ImportFailure, whose `str()` names the file and the line: "file:line: what was wrong".

Reading and parsing touch no database, so a command can parse in worker processes (parse_file)
and store in its own (import_parsed). The loader, and with it Django's models, is imported only
when something is stored: `python -m rectify.importer.accuracy` and the parse benchmarks run
without Django set up.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from .corrections import changed_facts
from .failure import ImportFailure
from .parse import ParseError, parse_report
from .records import ReportRecord
from .results import LoadResult
from .sources import SourceText, read_source, source_from_bytes


@dataclass(frozen=True)
class ParsedFile:
    """A report file read and parsed, not yet stored; picklable, so a worker process can hand it over."""

    path: str  # as failures name it: the path given, or the uploaded file's name
    source: SourceText  # source.name, the file's own name, is what the archive stores as the report's file
    record: ReportRecord


def parse_file(path: str | Path, *, max_bytes: int | None = None) -> ParsedFile:
    """Read and parse one report file, touching no database; raise ImportFailure naming the file and line."""
    try:
        source = read_source(Path(path), max_bytes=max_bytes)
    except ImportFailure as failure:
        _name(failure, path)
        raise
    except OSError as exc:
        raise ImportFailure(f"无法读取文件：{exc.strerror or exc}", path=path) from exc
    return _parsed(path, source)


def parse_bytes(data: bytes, *, name: str) -> ParsedFile:
    """Read and parse an uploaded file's bytes, `name` telling its kind (.txt, .docx, .html)."""
    try:
        source = source_from_bytes(data, name=name)
    except ImportFailure as failure:
        _name(failure, name)
        raise
    return _parsed(name, source)


def parse_text(text: str, *, name: str) -> ParsedFile:
    """Parse text already decoded (a report composed for a benchmark corpus), as if read from `name`."""
    return _parsed(name, SourceText(text, Path(name).name, "txt"))


def _parsed(path: str | Path, source: SourceText) -> ParsedFile:
    try:
        record = parse_report(source.text)
    except ParseError as failure:
        if source.encoding and not source.encoding.startswith("utf"):
            # Big5 or Latin-1 bytes read as GB18030 give plausible-looking nonsense, never an error.
            failure.message += f"（文件按 {source.encoding} 编码读取；如原文是其他编码，请另存为 UTF-8 后再导入）"
        _name(failure, path)
        raise
    return ParsedFile(str(path), source, record)


def import_parsed(
    parsed: ParsedFile,
    *,
    dry_run: bool = False,
    allow_partial: bool = False,
    publish: bool = True,
    facts: Mapping[str, str] | None = None,
    corrected_by=None,
    source_url: str = "",
) -> LoadResult:
    """Store a parsed file in one transaction (rolled back for `dry_run`); raise ImportFailure if it cannot be.

    The file's bytes as read are kept with the report (its original, for download); `source_url` is the
    page it was published on, where staff name it.

    `facts` are header facts as staff give them (importer.corrections keys, values as text): those that
    differ from what the parser read are stored as corrections by `corrected_by`, and applied.
    A database error is a failure of this file too: its transaction is rolled back, the next file
    gets a fresh one.
    """
    from django.db import DatabaseError, transaction

    from .load import load_report

    corrections = changed_facts(parsed.record, facts or {})
    try:
        with transaction.atomic():
            result = load_report(
                parsed.record,
                source_text=parsed.source.text,
                source_name=parsed.source.name,
                source_url=source_url,
                source_bytes=parsed.source.data or None,
                publish=publish,
                allow_partial=allow_partial,
                corrections=corrections,
                corrected_by=corrected_by,
            )
            if dry_run:
                transaction.set_rollback(True)
                outcome = f"would_{result.outcome}" if result.outcome != "unchanged" else "unchanged"
                result = replace(result, report=None, outcome=outcome)
    except ImportFailure as failure:
        _name(failure, parsed.path)
        raise
    except DatabaseError as exc:
        raise ImportFailure(f"写入数据库失败：{exc}", path=parsed.path) from exc
    return result


def import_file(path: str | Path, *, max_bytes: int | None = None, **options) -> LoadResult:
    """Read, parse and store one report file (options as import_parsed); raise ImportFailure."""
    return import_parsed(parse_file(path, max_bytes=max_bytes), **options)


def import_bytes(data: bytes, *, name: str, **options) -> LoadResult:
    """Parse and store an uploaded file's bytes (options as import_parsed); raise ImportFailure."""
    return import_parsed(parse_bytes(data, name=name), **options)


def _name(failure: ImportFailure, path: str | Path) -> None:
    """Name the file the failure was met in: the step that raised it knew only the line."""
    failure.path = failure.path or str(path)
