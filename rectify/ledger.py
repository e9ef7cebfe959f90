"""The 整改台账 (rectification ledger): one row per problem, as inspection offices keep it in Excel.

Used by the public exports and the admin's ledger action, so both give the same columns.
"""

import csv
import io
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import IO

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from rectify.models import ClosureEvidence, ClosureRequest, DueBasis, Evidence, Issue, Measure, ReviewState, Unit
from rectify.opendata import in_chunks

COLUMNS = [
    ("序号", 6),
    ("被巡察单位", 24),
    ("问题类别", 24),
    ("问题表现", 60),
    ("整改措施", 80),
    ("责任单位", 24),
    ("责任领导", 14),
    ("责任部门", 16),
    ("整改时限", 14),
    # How the deadline was set: 按反馈日期估算 marks a date the site estimated, not one anybody stated.
    ("期限依据", 16),
    ("完成情况", 12),
    ("销号日期", 12),  # when the office approved the unit's closure request (整改销号)
    ("佐证材料", 10),  # files on the problem's measures and on its closure requests
    ("最近更新", 12),
]
HEADERS = [name for name, _ in COLUMNS]

# A cell starting with one of these is a formula to Excel and LibreOffice; report text is data.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """Make a text cell inert in spreadsheets (CSV/formula injection) by prefixing an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


# Problems are read in chunks of this many, and each chunk's measures in one query.
CHUNK = 500


def ledger_queryset(issues: QuerySet, *, staff: bool = False) -> QuerySet:
    """The problems with what each row needs beyond them, as subqueries: no query per row or chunk.

    `closed_at`: when the office approved the latest closure request (整改销号). `file_count`: the
    evidence files, all of them for staff (closure files too), only downloadable ones for the public.
    """
    closed = ClosureRequest.objects.filter(issue=OuterRef("pk"), state=ReviewState.APPROVED).order_by("-reviewed_at")
    evidence = Evidence.objects.all() if staff else Evidence.objects.public()
    file_count = Coalesce(_count_per_issue(evidence, "measure__issue"), 0)
    if staff:
        file_count += Coalesce(_count_per_issue(ClosureEvidence.objects.all(), "request__issue"), 0)
    return issues.select_related("inspection__unit", "category__parent").annotate(
        closed_at=Subquery(closed.values("reviewed_at")[:1]), file_count=file_count
    )


def _count_per_issue(queryset: QuerySet, path: str) -> Subquery:
    per_issue = queryset.filter(**{path: OuterRef("pk")}).order_by().values(path).annotate(n=Count("pk"))
    return Subquery(per_issue.values("n"), output_field=IntegerField())


def _measures_by_issue(issue_ids: list[int]) -> dict[int, list[tuple[str, list[str]]]]:
    """Each problem's measures in order as (text, acting unit names), read as plain values.

    A whole archive holds a million measures: as model instances, each with its many-to-many
    manager, they cost more than everything else in the export (2.5x the time at 20 reports).
    """
    measures = list(
        Measure.objects.filter(issue_id__in=issue_ids)
        .order_by("issue_id", "order")
        .values_list("pk", "issue_id", "text", "acting_unit_name")
    )
    unit_names: dict[int, list[str]] = defaultdict(list)
    acting = (
        Measure.acting_units.through.objects.filter(measure__issue_id__in=issue_ids)
        .order_by(*(f"unit__{field}" for field in Unit._meta.ordering), "pk")
        .values_list("measure_id", "unit__name")
    )
    for measure_id, name in acting:
        unit_names[measure_id].append(name)
    by_issue: dict[int, list[tuple[str, list[str]]]] = defaultdict(list)
    for pk, issue_id, text, acting_unit_name in measures:
        by_issue[issue_id].append((text, unit_names.get(pk) or [acting_unit_name]))
    return by_issue


def _deadline(issue: Issue) -> str:
    """The deadline as written, with the date it gives when that is not plain from the words."""
    due = f"{issue.due_date:%Y-%m-%d}" if issue.due_date else ""
    if issue.deadline_text:
        return f"{issue.deadline_text}（{due}）" if due and due not in issue.deadline_text else issue.deadline_text
    if issue.due_basis == DueBasis.LONG_TERM:
        return "长期坚持"
    return due


def _category(issue: Issue) -> str:
    category = issue.category
    if category is None:
        return ""
    return f"{category.parent.title} / {category.title}" if category.parent else category.title


def _statement(issue: Issue) -> str:
    return f"{issue.title}\n{issue.description}".strip() if issue.description else issue.title


def _acting_units(measures: Iterable[tuple[str, list[str]]]) -> str:
    names: list[str] = []
    for _, measure_names in measures:
        for name in measure_names:
            if name and name not in names:
                names.append(name)
    return "、".join(names)


def ledger_rows(issues: QuerySet, *, staff: bool = False) -> Iterator[list]:
    """Rows in COLUMNS order; values are plain text or dates, not yet neutralised.

    `staff` is the admin's ledger: its evidence count includes files not public (see ledger_queryset).
    """
    index = 0
    for chunk in in_chunks(ledger_queryset(issues, staff=staff), CHUNK):
        measures_by_issue = _measures_by_issue([issue.pk for issue in chunk])
        for issue in chunk:
            index += 1
            measures = measures_by_issue.get(issue.pk, [])
            yield [
                index,
                issue.inspection.unit.name,
                _category(issue),
                _statement(issue),
                "\n".join(f"{n}. {text}" for n, (text, _) in enumerate(measures, start=1)),
                _acting_units(measures),
                issue.responsible,
                issue.responsible_department,
                _deadline(issue),
                issue.get_due_basis_display(),
                issue.get_status_display(),
                timezone.localtime(issue.closed_at).date() if issue.closed_at else "",
                issue.file_count,
                timezone.localtime(issue.updated_at).date() if issue.updated_at else "",
            ]


def ledger_csv_lines(issues: QuerySet, *, staff: bool = False) -> Iterator[str]:
    """The CSV ledger line by line (BOM first), for streaming a big export in bounded memory."""
    line = _LineBuffer()
    writer = csv.writer(line)
    yield "\ufeff" + writer.writerow(HEADERS)
    for row in ledger_rows(issues, staff=staff):
        yield writer.writerow([neutralise(value) for value in row])


class _LineBuffer:
    """A file-like object whose write() hands the line back, so csv.writer can feed a generator."""

    def write(self, value: str) -> str:
        return value


def ledger_csv(issues: QuerySet, *, staff: bool = False) -> str:
    """UTF-8 CSV with a BOM, so Excel on Chinese Windows opens it without mojibake."""
    return "".join(ledger_csv_lines(issues, staff=staff))


def write_ledger_xlsx(issues: QuerySet, target: IO[bytes], title: str = "整改台账", *, staff: bool = False) -> None:
    """Write an .xlsx ledger to target: styled header, sized columns, frozen header, wrapped text.

    openpyxl's write-only mode streams rows to disk, so memory stays flat however many problems.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title[:31])
    for index, (_, width) in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor="9E1B1B")
    centred = Alignment(horizontal="center", vertical="center")
    wrap = Alignment(wrap_text=True, vertical="top")

    def styled(value, **style):
        cell = WriteOnlyCell(sheet, value=value)
        for name, setting in style.items():
            setattr(cell, name, setting)
        return cell

    sheet.append([styled(name, font=header_font, fill=header_fill, alignment=centred) for name in HEADERS])
    row_count = 1
    for row in ledger_rows(issues, staff=staff):
        sheet.append([styled(neutralise(value), alignment=wrap) for value in row])
        row_count += 1
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{row_count}"
    workbook.save(target)


# An .xlsx is built in a temporary file that moves from memory to disk past this size.
XLSX_SPOOL_BYTES = 8 * 1024 * 1024


def ledger_xlsx_file(issues: QuerySet, title: str = "整改台账", *, staff: bool = False) -> IO[bytes]:
    """The .xlsx ledger in a spooled temporary file, rewound; the caller closes it (FileResponse does)."""
    spool = tempfile.SpooledTemporaryFile(max_size=XLSX_SPOOL_BYTES)  # noqa: SIM115 (returned open)
    write_ledger_xlsx(issues, spool, title, staff=staff)
    spool.seek(0)
    return spool


def ledger_xlsx(issues: QuerySet, title: str = "整改台账", *, staff: bool = False) -> bytes:
    """The .xlsx ledger as bytes (see write_ledger_xlsx)."""
    buffer = io.BytesIO()
    write_ledger_xlsx(issues, buffer, title, staff=staff)
    return buffer.getvalue()
