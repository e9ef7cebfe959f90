"""Our list and search pages over HTTP (gunicorn, one sync worker), the way Datasette is timed.

In-process figures (server time) leave out the HTTP server; this puts both sites behind a real
server on 127.0.0.1 and times the same requests with the same client, one at a time, with our
cache switched off as Datasette has none.
"""

from __future__ import annotations

import os
from urllib.parse import urlencode

from bench.common import RESULTS, HttpClient, Missing, free_port, gunicorn_command, served, summary, time_each
from bench.queries import ALL_TERMS, list_filters


def measure(database_url: str) -> dict:
    from django.urls import NoReverseMatch, reverse

    paths = {}
    for name, make in (
        ("list", lambda url: [f"{url}?{urlencode(f)}" for f in list_filters()]),
        ("search", lambda url: [f"{url}?{urlencode({'q': term})}" for term in ALL_TERMS]),
    ):
        try:
            paths[name] = make(reverse("issue_list" if name == "list" else "search"))
        except NoReverseMatch:
            continue
    if not paths:
        raise Missing("neither issue_list nor search exists on this branch")
    port = free_port()
    # No cache in this server: Datasette keeps none, and every request here must count its facets.
    env = {
        "DATABASE_URL": os.environ.get("DATABASE_URL") or database_url,
        "DJANGO_DEBUG": "0",
        "DJANGO_CACHE_BACKEND": "django.core.cache.backends.dummy.DummyCache",
    }
    result = {}
    with served(gunicorn_command(port), port, env=env, log=RESULTS / "http-gunicorn.log"):
        client = HttpClient(port)

        def get(path: str) -> int:
            status, _ = client.get(path)
            if status != 200:
                raise RuntimeError(f"GET {path} answered {status}")
            return status

        for name, urls in paths.items():
            samples, _ = time_each(urls, get)
            result[name] = summary(samples)
        client.close()
    return result
