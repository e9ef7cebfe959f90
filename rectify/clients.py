"""Who the client is, behind a trusted reverse proxy, and how often it may ask for costly things.

Used by django-axes (AXES_CLIENT_IP_CALLABLE) for the admin lockout and by the export rate limit,
so both count the same address.
"""

import functools
import ipaddress
import math
import time
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@functools.cache
def _networks(proxies: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def _trusted(address: str, networks: Iterable[Network]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def client_ip(request: HttpRequest) -> str:
    """The address of the client: REMOTE_ADDR, or the forwarded one when a trusted proxy connected.

    X-Forwarded-For is written by whoever sent the request, so it is read only when the direct
    peer is one of DJANGO_TRUSTED_PROXIES, and then from the right: each trusted proxy appends the
    address it received from, so the right-most address that is not a trusted proxy is the one the
    last trusted hop saw connect. Anything left of it may be forged by the client and is ignored.
    (django-ipware, which axes can use, trusts proxies named inside the header rather than the
    peer that connected, and is not installed; axes' own hook for this is AXES_CLIENT_IP_CALLABLE.)
    """
    remote = request.META.get("REMOTE_ADDR", "")
    networks = _networks(tuple(settings.RECTIFY_TRUSTED_PROXIES))
    if not networks or not _trusted(remote, networks):
        return remote
    forwarded = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    client = remote
    for hop in reversed(forwarded):
        try:
            ipaddress.ip_address(hop)
        except ValueError:
            # A trusted proxy never writes this: stop at the last hop we can vouch for.
            return client
        client = hop
        if not _trusted(hop, networks):
            return hop
    return client


def parse_rate(rate: str) -> tuple[int, int]:
    """'10/60' -> (10 requests, 60 seconds); '0' or '' -> (0, 0), no limit."""
    if not rate or rate.strip() == "0":
        return 0, 0
    count, _, seconds = rate.partition("/")
    return int(count), int(seconds or 60)


def rate_limited(scope: str, setting: str) -> Callable:
    """Allow each client (client_ip) a number of requests per window to the decorated view, then 429.

    A fixed window counted in the default cache: with the per-process memory cache each gunicorn
    worker counts on its own (so the real limit is up to workers x the rate); a shared cache
    (DJANGO_CACHE_BACKEND) makes it one count for the site. The rate is read from settings at each
    request, as 'N/seconds' ('0' turns the limit off).
    """

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            limit, window = parse_rate(getattr(settings, setting))
            if limit:
                now = time.time()
                window_start = int(now // window) * window
                key = f"rate:{scope}:{client_ip(request)}:{window_start}"
                # add() is a no-op if the key exists; incr() is atomic in memcached/redis, near enough elsewhere.
                cache.add(key, 0, timeout=window + 1)
                try:
                    count = cache.incr(key)
                except ValueError:  # evicted between add and incr
                    cache.set(key, 1, timeout=window + 1)
                    count = 1
                if count > limit:
                    retry_after = max(1, math.ceil(window_start + window - now))
                    return too_many_requests(limit, window, retry_after)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def too_many_requests(limit: int, window: int, retry_after: int) -> HttpResponse:
    message = _("导出过于频繁：每个地址每 %(window)d 秒最多导出 %(limit)d 次，请 %(retry)d 秒后再试。") % {
        "window": window,
        "limit": limit,
        "retry": retry_after,
    }
    response = HttpResponse(message + "\n", status=429, content_type="text/plain; charset=utf-8")
    response["Retry-After"] = str(retry_after)
    response["Access-Control-Allow-Origin"] = "*"
    return response
