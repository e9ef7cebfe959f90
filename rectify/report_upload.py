"""Report files uploaded in the admin: staged on disk, previewed by a rolled-back import, then imported.

The preview goes through the importer's front door, as `import_reports` does, inside a transaction
that is always rolled back, and reads what it did before the rollback, so the preview cannot drift
from the real import. What the importer refuses comes as its one failure type, ImportFailure.
Staged files live outside MEDIA_ROOT (settings.RECTIFY_IMPORT_STAGING_DIR): they are never public.
"""

from __future__ import annotations

import re
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import Max

from rectify.importer import (
    SUPPORTED_SUFFIXES,
    ImportFailure,
    LoadResult,
    MissingFactError,
    facts_as_read,
    import_parsed,
    parse_bytes,
)
from rectify.models import Inspection, Issue, IssueStatus, ProblemMatch, StatusChange, Unit

TOKEN = re.compile(r"^[0-9a-f]{32}$")
# Staged uploads nobody confirmed or cancelled are removed after this long.
STALE_AFTER_SECONDS = 24 * 60 * 60


class UploadError(ImportFailure):
    """An upload refused before it is read (its type, its size, a stale token); the message says why, for staff.

    What the importer refuses in the file itself comes as the importer's ImportFailure: staff views
    catch ImportFailure, and get both.
    """


@dataclass
class IssueChange:
    number: str
    title: str
    previous_status: str = ""
    status: str = ""


@dataclass
class ImportPreview:
    outcome: str  # created, updated, unchanged
    report_title: str
    unit_name: str
    inspection: str
    new_inspection: bool
    published: bool  # after the import: a re-imported report keeps its publication state
    new_units: list[str] = field(default_factory=list)
    created_issues: list[IssueChange] = field(default_factory=list)
    updated_issues: list[IssueChange] = field(default_factory=list)
    status_changes: list[IssueChange] = field(default_factory=list)
    measure_count: int = 0
    warnings: list[str] = field(default_factory=list)
    staff_work_kept: list[str] = field(default_factory=list)  # what staff entered that the import leaves as it is
    # (this report's problem, the held problem it may be, score): kept apart until the office decides
    uncertain_matches: list[tuple[str, str, float]] = field(default_factory=list)
    # Header facts staff may correct before confirming: key, label, value as read (text), line read from
    facts: list[tuple[str, str, str, int | None]] = field(default_factory=list)
    missing_fact: str = ""  # with outcome "needs_facts": the fact staff must give before confirming


# --- staging -------------------------------------------------------------------------------------


def check_upload(name: str, size: int) -> str:
    """Return the file's lower-case suffix, or raise UploadError for a type or size we refuse."""
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UploadError(f"不支持的文件类型“{suffix or '无扩展名'}”：只能上传 .txt、.docx、.html", path=name)
    limit = settings.RECTIFY_MAX_REPORT_BYTES
    if size > limit:
        raise UploadError(f"文件过大：{size:,} 字节，上限 {limit:,} 字节", path=name)
    return suffix


def stage(data: bytes, *, suffix: str) -> str:
    """Keep an uploaded file until staff confirm or cancel; return the token that names it."""
    directory = _staging_dir()
    _remove_stale(directory)
    token = uuid.uuid4().hex
    (directory / f"{token}{suffix}").write_bytes(data)
    return token


def read_staged(token: str, *, suffix: str) -> bytes:
    path = _staged_path(token, suffix)
    try:
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise UploadError("上传的文件已过期或已处理，请重新上传") from exc


def discard(token: str, *, suffix: str) -> None:
    _staged_path(token, suffix).unlink(missing_ok=True)


def _staging_dir() -> Path:
    directory = Path(settings.RECTIFY_IMPORT_STAGING_DIR)
    directory.mkdir(parents=True, exist_ok=True)
    return directory


def _staged_path(token: str, suffix: str) -> Path:
    # The token comes back from a form: only our own 32-hex names, never a path.
    if not TOKEN.match(token) or suffix not in SUPPORTED_SUFFIXES:
        raise UploadError("无效的上传标识")
    return _staging_dir() / f"{token}{suffix}"


def _remove_stale(directory: Path) -> None:
    cutoff = time.time() - STALE_AFTER_SECONDS
    for path in directory.iterdir():
        if path.is_file() and path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)


# --- preview and import --------------------------------------------------------------------------


def preview_import(data: bytes, *, name: str, publish: bool = False, allow_partial: bool = False) -> ImportPreview:
    """Run the import in a transaction that is rolled back; describe what it would create or change.

    Raise ImportFailure, as the import would, for a file that cannot be imported as it is.
    """
    parsed = parse_bytes(data, name=name)
    record = parsed.record
    marks = {model: model.objects.aggregate(top=Max("pk"))["top"] or 0 for model in (Unit, Inspection, Issue)}
    change_mark = StatusChange.objects.aggregate(top=Max("pk"))["top"] or 0
    with transaction.atomic():
        try:
            result = import_parsed(parsed, publish=publish, allow_partial=allow_partial)
        except MissingFactError as exc:
            # The parser missed a fact the archive needs: staff may give it in the form, then confirm.
            return ImportPreview(
                outcome="needs_facts",
                report_title=record.title or name,
                unit_name=record.unit.name or "",
                inspection="",
                new_inspection=False,
                published=publish,
                warnings=[exc.message, *(warning.message for warning in record.warnings)],
                facts=facts_as_read(record),
                missing_fact=exc.key,
            )
        preview = _describe(result, record, marks, change_mark)
        transaction.set_rollback(True)
    return preview


def import_upload(
    data: bytes,
    *,
    name: str,
    source_url: str = "",
    publish: bool = False,
    allow_partial: bool = False,
    facts: dict[str, str] | None = None,
    user=None,
) -> LoadResult:
    """Import the uploaded file for real, exactly as `import_reports` would; raise ImportFailure.

    `facts` are the header facts as the preview form posts them; those that differ from what the
    parser read are stored as corrections by `user` and applied.
    """
    return import_parsed(
        parse_bytes(data, name=name),
        publish=publish,
        allow_partial=allow_partial,
        facts=facts,
        corrected_by=user,
        source_url=source_url,
    )


def _describe(result: LoadResult, record, marks: dict, change_mark: int) -> ImportPreview:
    report = result.report
    inspection = report.inspection
    status_labels = dict(IssueStatus.choices)
    preview = ImportPreview(
        outcome=result.outcome,
        report_title=report.display_title,
        unit_name=inspection.unit.name,
        inspection=str(inspection),
        new_inspection=inspection.pk > marks[Inspection],
        published=report.is_published,
        new_units=list(Unit.objects.filter(pk__gt=marks[Unit]).order_by("pk").values_list("name", flat=True)),
        warnings=[warning.message for warning in record.warnings],
        staff_work_kept=result.kept.describe(),
        facts=facts_as_read(record),
    )
    if result.outcome == "unchanged":
        return preview
    uncertain = ProblemMatch.objects.uncertain().filter(report=report).select_related("issue", "candidate")
    preview.uncertain_matches = [
        (
            f"{m.issue.number} {m.issue.title}" if m.issue else m.parsed_key,
            f"{m.candidate.number} {m.candidate.title}",
            m.score,
        )
        for m in uncertain
    ]
    for issue in Issue.objects.filter(report=report).order_by("order"):
        entry = IssueChange(issue.number, issue.title, status=status_labels.get(issue.status, ""))
        (preview.created_issues if issue.pk > marks[Issue] else preview.updated_issues).append(entry)
    changes = StatusChange.objects.filter(pk__gt=change_mark, issue__inspection=inspection).select_related("issue")
    for change in changes.order_by("issue__order"):
        preview.status_changes.append(
            IssueChange(
                change.issue.number,
                change.issue.title,
                previous_status=status_labels.get(change.previous_status, "（新问题）"),
                status=status_labels.get(change.status, ""),
            )
        )
    preview.measure_count = result.measure_count
    return preview
