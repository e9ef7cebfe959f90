"""Refuse requests that no page can answer before any view runs."""

from django.http import HttpResponseBadRequest
from django.utils.translation import gettext as _


def reject_nul_bytes(get_response):
    """Answer 400 to a NUL byte in the query string.

    PostgreSQL cannot store or compare text holding NUL, so a filter given one fails deep inside a
    query (the admin's list filters do) instead of saying the request was bad.
    """

    def middleware(request):
        query = request.META.get("QUERY_STRING", "")
        if "%00" in query or "\x00" in query:
            return HttpResponseBadRequest(_("请求参数中含有空字符（%00）。"), content_type="text/plain; charset=utf-8")
        return get_response(request)

    return middleware
