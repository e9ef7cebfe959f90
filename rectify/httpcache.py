"""Conditional GETs for the public pages, feeds and API: 304 without rendering, and proxy-fit headers.

A public page is a function of the archive's data version (rectify.caching.data_version, moved on
by every committed write), the day (deadlines turn overdue at midnight), the language, the URL with
its query string, and the code (templates, translations, static files). The ETag is a digest of
exactly these, so it is known before the view runs: a request whose If-None-Match holds it is
answered 304 after one query, the version's. Nothing else a request carries changes these pages:
they read no session and no Accept-Language (the language comes from the path). One cookie changes
the HTML: the reader's display choices (larger text, higher contrast, rectify.display). It joins the
digest (`validator_parts`) and every tagged response says Vary: Cookie, so a proxy keeps the plain
page and the large-text page apart instead of handing one reader's choice to everyone.

Never tagged: the admin, anything a logged-in user asks (marked private), methods other than
GET/HEAD, responses other than 200 (an unpublished report's 404 is never cached), responses that
set a cookie, and the exports. An export is rate-limited per client; a 304 decided before the view
would skip the limiter (fine: it costs one query, nothing worth counting), but a shared proxy would
hand the stored file to clients the limiter never saw, and a full export is a download people keep,
not a page they revalidate. So exports stay as they are.

Last-Modified: the time this process first saw the data version, or midnight, or the process's
start, whichever is latest (see `last_modified`). It is sent only with a single database: replicas
replay the log at different moments, so "first seen" differs between them and a client that moved
from a lagging replica to a current one could be told "not modified" wrongly. ETags have no such
problem (they name the version, not a time), and a request with If-None-Match ignores
If-Modified-Since (RFC 9110 13.1.3).
"""

import hashlib
import time
from functools import cache
from pathlib import Path

from django.conf import settings
from django.http import HttpResponseNotModified
from django.utils import timezone, translation
from django.utils.cache import has_vary_header, patch_cache_control, patch_vary_headers
from django.utils.crypto import salted_hmac
from django.utils.http import http_date, parse_etags, parse_http_date_safe

from rectify import caching, routers
from rectify.context_processors import DISPLAY_COOKIE, display_choices

# The public pages and open data whose content follows only from the validator's parts.
CACHEABLE_VIEWS = frozenset(
    {
        "home",
        "report_list",
        "report_detail",
        "report_source",
        "inspection_detail",
        "unit_list",
        "unit_detail",
        "issue_list",
        "issue_detail",
        "search",
        "stats",
        "api_docs",
        "report_feed",
        "unit_feed",
        "issue_feed",
        "api_root",
        "api_issue_list",
        "api_issue_detail",
        "api_report_list",
        "api_report_detail",
        "api_unit_list",
        "api_unit_detail",
    }
)
# What a page's code is made of: a deploy that changes any of these changes every ETag.
CODE_FOLDERS = ("rectify", "templates", "locale", "static")
CODE_SUFFIXES = (".py", ".html", ".mo", ".css", ".js", ".svg", ".json")
PROCESS_STARTED = time.time()

# data version -> when this process first saw it (see last_modified).
_first_seen: dict[int, float] = {}


@cache
def code_version() -> str:
    """A digest of the code that renders pages, read once per process (every worker of a deploy agrees)."""
    digest = hashlib.sha256()
    base = Path(settings.BASE_DIR)
    for folder in CODE_FOLDERS:
        for path in sorted((base / folder).rglob("*")):
            if path.suffix in CODE_SUFFIXES and path.is_file() and "tests" not in path.parts:
                digest.update(str(path.relative_to(base)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def validator_parts(request, version: int) -> tuple[str, ...]:
    """Everything a cacheable response depends on."""
    return (
        str(version),
        f"{timezone.localdate():%Y%m%d}",
        translation.get_language(),
        request.get_full_path(),
        code_version(),
        ",".join(display_choices(request.COOKIES.get(DISPLAY_COOKIE))),
    )


def etag_for(request, version: int) -> str:
    # Keyed with SECRET_KEY, so nobody computes the tag of a page without having been sent it.
    digest = salted_hmac("rectify.httpcache", "\x1f".join(validator_parts(request, version))).hexdigest()
    # Weak: the same inputs give an equivalent page, not a byte-compared one.
    return f'W/"{digest[:32]}"'


def last_modified(version: int, *, read_from: float, read_until: float) -> float | None:
    """When the page last changed as far as this process can tell, or None if it cannot vouch for it.

    `version` was read between the two times. A page is old news once its version or its day is:
    the latest of the moment this process first read the version, local midnight and the process's
    start (a deploy). HTTP dates have whole seconds, so a later version could get the same date
    within that moment's own second; the header is sent only once that second had passed before the
    read began. A later version then commits after the read began, in a later second, and is first
    seen later still: its date is always later.
    """
    if routers.replicas():
        return None
    if len(_first_seen) > 1000:  # forgetting only makes the date later: fewer 304s, never a wrong one
        _first_seen.clear()
    seen = _first_seen.setdefault(version, read_until)
    midnight = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0).timestamp()
    changed = max(seen, midnight, PROCESS_STARTED)
    return changed if read_from >= int(changed) + 1 else None


def _cacheable(request) -> bool:
    match = request.resolver_match
    if request.method not in ("GET", "HEAD") or match is None or match.url_name not in CACHEABLE_VIEWS:
        return False
    # Only a request with a session can be a logged-in one; don't read the session otherwise.
    return settings.SESSION_COOKIE_NAME not in request.COOKIES or not request.user.is_authenticated


def _shareable(response) -> bool:
    """Whether a proxy may hand this response to anyone: no cookie set, nothing read from the client's cookies."""
    return not response.streaming and not response.cookies and not has_vary_header(response, "Cookie")


def _not_modified(request, etag: str, modified: float | None) -> bool:
    if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
    if if_none_match:
        tags = parse_etags(if_none_match)
        # Weak comparison (RFC 9110 13.1.2): W/"x" matches "x". No "*": whether the page exists is the view's to say.
        return any(tag.removeprefix("W/") == etag.removeprefix("W/") for tag in tags)
    since = parse_http_date_safe(request.META.get("HTTP_IF_MODIFIED_SINCE", ""))
    return since is not None and modified is not None and int(modified) <= since


class ConditionalPublicPagesMiddleware:
    """Answer a repeat GET of a public page with 304 before its view runs; label the full answers.

    Listed before the session, CSRF and locale middleware, so it sees the cookies and Vary they add to
    a response; its process_view runs after all of them have read the request (language, user).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            response = self.get_response(request)
        finally:
            if hasattr(request, "_rectify_version_token"):
                caching.forget_request_version(request._rectify_version_token)
        validators = getattr(request, "_rectify_validators", None)
        if validators is None:
            user = getattr(request, "user", None)  # absent if a middleware answered before authentication
            if settings.SESSION_COOKIE_NAME in request.COOKIES and user is not None and user.is_authenticated:
                patch_cache_control(response, private=True)
            return response
        if response.status_code == 200 and _shareable(response):
            etag, modified = validators
            response.headers.setdefault("ETag", etag)
            if modified is not None:
                response.headers.setdefault("Last-Modified", http_date(modified))
            self._mark_public(response)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not _cacheable(request):
            return None
        read_from = time.time()
        version, request._rectify_version_token = caching.version_for_request()
        modified = last_modified(version, read_from=read_from, read_until=time.time())
        etag = etag_for(request, version)
        request._rectify_validators = (etag, modified)
        if _not_modified(request, etag, modified):
            response = HttpResponseNotModified()
            response["ETag"] = etag
            if modified is not None:
                response["Last-Modified"] = http_date(modified)
            self._mark_public(response)
            return response
        return None

    @staticmethod
    def _mark_public(response):
        patch_vary_headers(response, ["Cookie"])  # the display choices (see the module's docstring)
        # Browsers ask again every time (max-age=0: a 304 costs one query); a shared proxy may answer
        # for RECTIFY_PROXY_MAX_AGE seconds, then must revalidate, never serve stale.
        patch_cache_control(
            response, public=True, max_age=0, s_maxage=settings.RECTIFY_PROXY_MAX_AGE, must_revalidate=True
        )
