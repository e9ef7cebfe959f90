"""Evidence files and report originals, served by views rather than from MEDIA_URL so unpublished files stay private."""

import io
from pathlib import PurePath

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from rectify.models import Evidence, ReportOriginal


@require_safe
def evidence_file(request, pk: int):
    """A public evidence file: marked public and on a problem whose report is published."""
    return evidence_response(get_object_or_404(Evidence.objects.public(), pk=pk))


def evidence_response(evidence: Evidence) -> FileResponse:
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404("文件不存在") from exc
    suffix = PurePath(evidence.file.name).suffix
    # Downloaded, never rendered inline: an uploaded HTML or SVG must not run on our origin.
    return FileResponse(handle, as_attachment=True, filename=f"{evidence.title}{suffix}")


@require_safe
def report_original(request, pk: int):
    """A published report's file as imported, under its own name; a draft's file is as private as the draft."""
    original = get_object_or_404(ReportOriginal.objects.public(), report_id=pk)
    # Downloaded, never rendered inline: an imported .html page must not run on our origin.
    return FileResponse(io.BytesIO(bytes(original.data)), as_attachment=True, filename=original.name)
