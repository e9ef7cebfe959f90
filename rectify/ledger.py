"""The 整改台账 (rectification ledger): one row per problem, as inspection offices keep it in Excel.

Used by the public exports and the admin's ledger action, so both give the same columns.
"""

import csv
import io
from collections.abc import Iterable, Iterator
from typing import IO

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from rectify.models import DueBasis, Issue, Measure

COLUMNS = [
    ("序号", 6),
    ("被巡察单位", 24),
    ("问题类别", 24),
    ("问题表现", 60),
    ("整改措施", 80),
    ("责任单位", 24),
    ("整改时限", 14),
    # How the deadline was set: 按反馈日期估算 marks a date the site estimated, not one anybody stated.
    ("期限依据", 16),
    ("完成情况", 12),
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


def ledger_queryset(issues: QuerySet) -> QuerySet:
    measures = Measure.objects.order_by("order").prefetch_related("acting_units")
    return issues.select_related("inspection__unit", "category__parent").prefetch_related(
        Prefetch("measures", queryset=measures)
    )


def _deadline(issue: Issue) -> str:
    if issue.deadline_text:
        return issue.deadline_text
    if issue.due_basis == DueBasis.LONG_TERM:
        return "长期坚持"
    return f"{issue.due_date:%Y-%m-%d}" if issue.due_date else ""


def _category(issue: Issue) -> str:
    category = issue.category
    if category is None:
        return ""
    return f"{category.parent.title} / {category.title}" if category.parent else category.title


def _statement(issue: Issue) -> str:
    return f"{issue.title}\n{issue.description}".strip() if issue.description else issue.title


def _acting_units(measures: Iterable[Measure]) -> str:
    names: list[str] = []
    for measure in measures:
        for name in [unit.name for unit in measure.acting_units.all()] or [measure.acting_unit_name]:
            if name and name not in names:
                names.append(name)
    return "、".join(names)


def ledger_rows(issues: QuerySet) -> Iterator[list]:
    """Rows in COLUMNS order; values are plain text or dates, not yet neutralised."""
    for index, issue in enumerate(ledger_queryset(issues).iterator(chunk_size=500), start=1):
        measures = list(issue.measures.all())
        yield [
            index,
            issue.inspection.unit.name,
            _category(issue),
            _statement(issue),
            "\n".join(f"{n}. {m.text}" for n, m in enumerate(measures, start=1)),
            _acting_units(measures),
            _deadline(issue),
            issue.get_due_basis_display(),
            issue.get_status_display(),
            timezone.localtime(issue.updated_at).date() if issue.updated_at else "",
        ]


def ledger_csv_lines(issues: QuerySet) -> Iterator[str]:
    """The CSV ledger line by line (BOM first), for streaming a big export in bounded memory."""
    line = _LineBuffer()
    writer = csv.writer(line)
    yield "\ufeff" + writer.writerow(HEADERS)
    for row in ledger_rows(issues):
        yield writer.writerow([neutralise(value) for value in row])


class _LineBuffer:
    """A file-like object whose write() hands the line back, so csv.writer can feed a generator."""

    def write(self, value: str) -> str:
        return value


def ledger_csv(issues: QuerySet) -> str:
    """UTF-8 CSV with a BOM, so Excel on Chinese Windows opens it without mojibake."""
    return "".join(ledger_csv_lines(issues))


def write_ledger_xlsx(issues: QuerySet, target: IO[bytes], title: str = "整改台账") -> None:
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
    for row in ledger_rows(issues):
        sheet.append([styled(neutralise(value), alignment=wrap) for value in row])
        row_count += 1
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{row_count}"
    workbook.save(target)


def ledger_xlsx(issues: QuerySet, title: str = "整改台账") -> bytes:
    """The .xlsx ledger as bytes (see write_ledger_xlsx)."""
    buffer = io.BytesIO()
    write_ledger_xlsx(issues, buffer, title)
    return buffer.getvalue()
