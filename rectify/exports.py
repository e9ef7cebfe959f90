"""Downloads of the problem list as filtered: CSV and XLSX in the 整改台账 shape, JSON as the API's rows.

Exports stream (CSV, JSON) or spool to a temporary file (XLSX), so memory stays flat however many
problems match. An .xlsx cannot be sent before it is finished, so its rows are capped
(RECTIFY_XLSX_MAX_ROWS) and a bigger selection is pointed to the CSV. Each client may start
RECTIFY_EXPORT_RATE exports (rectify.clients). The query string is the problem list's; a value it
rejects gives 400.
"""

import json
from collections.abc import Iterator

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from rectify import ledger
from rectify.clients import rate_limited
from rectify.opendata import filtered_issues, in_chunks, issue_row, issue_rows_queryset

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}
FILENAME_STEM = "整改台账"


def json_array(rows: Iterator[dict]) -> Iterator[str]:
    """A JSON array written piece by piece."""
    yield "["
    for index, row in enumerate(rows):
        yield ("," if index else "") + "\n" + json.dumps(row, ensure_ascii=False, cls=DjangoJSONEncoder)
    yield "\n]\n"


def too_many_for_xlsx(request, count: int, cap: int) -> HttpResponse:
    """Refuse an .xlsx over the cap and give the CSV of the same selection instead."""
    query = request.GET.urlencode()
    csv_url = request.build_absolute_uri(reverse("issue_export", args=["csv"]) + (f"?{query}" if query else ""))
    message = _(
        "所选问题共 %(count)s 条，超过 Excel 整改台账的上限 %(cap)s 条。"
        "请缩小筛选范围，或下载不限条数的 CSV（Excel 可直接打开）：%(url)s"
    ) % {"count": f"{count:,}", "cap": f"{cap:,}", "url": csv_url}
    response = HttpResponse(message + "\n", status=400, content_type="text/plain; charset=utf-8")
    response["Link"] = f'<{csv_url}>; rel="alternate"; type="text/csv"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
@rate_limited("export", "RECTIFY_EXPORT_RATE")
def issue_export(request, fmt):
    if fmt not in FORMATS:
        raise Http404
    issues = filtered_issues(request.GET)
    cap = settings.RECTIFY_XLSX_MAX_ROWS
    if fmt == "xlsx" and cap and (count := issues.count()) > cap:
        return too_many_for_xlsx(request, count, cap)
    if fmt == "csv":
        response = StreamingHttpResponse(ledger.ledger_csv_lines(issues), content_type=FORMATS[fmt])
    elif fmt == "json":
        chunks = in_chunks(issue_rows_queryset(issues))
        rows = (issue_row(request, issue) for chunk in chunks for issue in chunk)
        response = StreamingHttpResponse(json_array(rows), content_type=FORMATS[fmt])
    else:
        # FileResponse closes the file once sent.
        response = FileResponse(ledger.ledger_xlsx_file(issues), content_type=FORMATS[fmt])
    # Django spells the Chinese name per RFC 6266 (filename*=utf-8''...), as the admin's downloads do.
    filename = f"{FILENAME_STEM}-{timezone.localdate().isoformat()}.{fmt}"
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["Access-Control-Allow-Origin"] = "*"
    return response
