"""Downloads of the problem list as filtered: CSV and XLSX in the 整改台账 shape, JSON as the API's rows.

Exports stream (CSV, JSON) or spool to a temporary file (XLSX), so memory stays flat however many
problems match. The query string is the problem list's; a value it rejects gives 400.
"""

import json
import tempfile
from collections.abc import Iterator
from urllib.parse import quote

from django.core.serializers.json import DjangoJSONEncoder
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.utils import timezone
from django.views.decorators.http import require_safe

from rectify import ledger
from rectify.api import filtered_issues, issue_row, issue_rows_queryset

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}
FILENAME_STEM = "整改台账"
ASCII_FILENAME_STEM = "rectify-problems"

# XLSX is built in a temporary file that moves to disk past this size.
XLSX_SPOOL_BYTES = 8 * 1024 * 1024


def content_disposition(stem: str, ascii_stem: str, extension: str) -> str:
    """An attachment header with an ASCII fallback name and the Chinese name per RFC 5987 (filename*=)."""
    today = timezone.localdate().isoformat()
    return (
        f'attachment; filename="{ascii_stem}-{today}.{extension}"; '
        f"filename*=UTF-8''{quote(f'{stem}-{today}.{extension}')}"
    )


def json_array(rows: Iterator[dict]) -> Iterator[str]:
    """A JSON array written piece by piece."""
    yield "["
    for index, row in enumerate(rows):
        yield ("," if index else "") + "\n" + json.dumps(row, ensure_ascii=False, cls=DjangoJSONEncoder)
    yield "\n]\n"


@require_safe
def issue_export(request, fmt):
    if fmt not in FORMATS:
        raise Http404
    issues = filtered_issues(request.GET)
    if fmt == "csv":
        response = StreamingHttpResponse(ledger.ledger_csv_lines(issues), content_type=FORMATS[fmt])
    elif fmt == "json":
        rows = (issue_row(request, issue) for issue in issue_rows_queryset(issues).iterator(chunk_size=500))
        response = StreamingHttpResponse(json_array(rows), content_type=FORMATS[fmt])
    else:
        # FileResponse closes the file once sent, so no context manager here.
        spool = tempfile.SpooledTemporaryFile(max_size=XLSX_SPOOL_BYTES)  # noqa: SIM115
        ledger.write_ledger_xlsx(issues, spool)
        spool.seek(0)
        response = FileResponse(spool, content_type=FORMATS[fmt])
    response["Content-Disposition"] = content_disposition(FILENAME_STEM, ASCII_FILENAME_STEM, fmt)
    response["Access-Control-Allow-Origin"] = "*"
    return response
