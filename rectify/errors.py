"""Error pages: branded HTML for readers, JSON for the API.

The 500 page is rendered with no database query and no request context processors beyond the
frame's, and falls back to fixed markup if even the template cannot be rendered: whatever broke
the page may have broken those too.
"""

from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils.translation import gettext as _
from django.views.decorators.csrf import requires_csrf_token

API_PREFIX = "/api/v1/"

FALLBACK_500 = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>服务器出错 · Server error</title></head>
<body><h1>服务器出错 · Server error</h1>
<p>页面暂时无法显示，请稍后再试。 <span lang="en">This page cannot be shown just now; please try again later.</span></p>
<p><a href="/">首页</a> · <a href="/en/" lang="en">Home</a></p></body></html>"""


def is_api_request(request) -> bool:
    return request.path.startswith(API_PREFIX)


def error_message(status: int) -> str:
    """The reader-facing sentence for an HTTP error status."""
    return {
        400: _("请求有误，无法处理。"),
        403: _("禁止访问。"),
        404: _("没有找到这个页面。"),
        405: _("这个地址不接受该请求方法。"),
        500: _("服务器出错，请稍后再试。"),
    }.get(status, _("请求未能完成。"))


def api_error(status: int, *, allow: str | None = None) -> JsonResponse:
    response = JsonResponse(
        {"error": error_message(status), "status": status}, status=status, json_dumps_params={"ensure_ascii": False}
    )
    if allow:
        response["Allow"] = allow
    return response


def _error_page(request, status: int, template_name: str) -> HttpResponse:
    if is_api_request(request):
        return api_error(status)
    body = loader.render_to_string(template_name, {"status": status, "message": error_message(status)}, request)
    return HttpResponse(body, status=status)


@requires_csrf_token
def bad_request(request, exception=None):
    return _error_page(request, 400, "400.html")


@requires_csrf_token
def page_not_found(request, exception=None):
    return _error_page(request, 404, "404.html")


@requires_csrf_token
def server_error(request):
    try:
        return _error_page(request, 500, "500.html")
    except Exception:  # the last resort must not fail in turn
        if is_api_request(request):
            return HttpResponse('{"error": "server error", "status": 500}', status=500, content_type="application/json")
        return HttpResponse(FALLBACK_500, status=500)


def api_errors_as_json(get_response):
    """Answer the API's errors in JSON, whichever layer made them (a 405 from require_safe, a 400 from
    the NUL-byte guard): a client reading /api/v1/ should never have to parse an HTML page."""

    def middleware(request):
        response = get_response(request)
        if (
            is_api_request(request)
            and response.status_code >= 400
            and not response.get("Content-Type", "").startswith("application/json")
        ):
            return api_error(response.status_code, allow=response.get("Allow"))
        return response

    return middleware
