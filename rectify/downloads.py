"""Evidence files, served by a view rather than from MEDIA_URL so unpublished files stay private."""

from pathlib import PurePath

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from rectify.models import Evidence


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
