"""Reads from PostgreSQL streaming replicas, writes to the primary, and your own writes read back.

Used when DATABASE_REPLICA_URLS names one or more replicas (settings.py makes them the aliases
replica1, replica2, ...); without it every query goes to "default" as before.

A replica replays the primary's log some milliseconds (under load, seconds) behind, so a page
read there may not show a write just committed. Reads go to the primary instead:
- in a request or command that has written (any db_for_write), for the rest of it;
- inside a transaction on the primary (a read there must see the transaction's own writes);
- on the admin's pages, which staff use to check what they just changed;
- for RECTIFY_READ_PRIMARY_SECONDS after a request of the same client wrote: that response sets
  the cookie READ_PRIMARY_COOKIE, and requests carrying an unexpired one are read at the primary.

Each request reads from one replica, chosen at its start, so the data version of rectify.caching and
the pages it labels come from the same server.
"""

import random
import time
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.db import connections
from django.urls import reverse

PRIMARY = "default"
READ_PRIMARY_COOKIE = "rectify_read_primary"


@dataclass
class ReadState:
    """Where this request (or command) reads: at the primary if pinned there from the start or once it writes."""

    replica: str | None
    pinned: bool = False
    wrote: bool = False


_state: ContextVar[ReadState | None] = ContextVar("rectify_read_state", default=None)


def replicas() -> list[str]:
    return [alias for alias in settings.DATABASES if alias.startswith("replica")]


def _current_state() -> ReadState:
    state = _state.get()
    if state is None:  # outside a request (commands, tests): one state for this thread's context
        state = ReadState(replica=_choose_replica())
        _state.set(state)
    return state


def _choose_replica() -> str | None:
    names = replicas()
    return random.choice(names) if names else None


def read_alias() -> str:
    """The database this request's reads go to now (see the module's rules)."""
    state = _current_state()
    if state.replica is None or state.pinned or state.wrote or connections[PRIMARY].in_atomic_block:
        return PRIMARY
    return state.replica


def note_write() -> None:
    """Send the rest of this request's (or command's) reads to the primary, and its client's next few."""
    _current_state().wrote = True


class PrimaryReplicaRouter:
    """Writes to the primary; reads where read_alias() says; migrations on the primary only."""

    def db_for_read(self, model, **hints):
        return read_alias()

    def db_for_write(self, model, **hints):
        note_write()
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        # Every alias holds the same rows: an object read at a replica may point to one read at the primary.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == PRIMARY


class ReadYourWritesMiddleware:
    """Give each request its own read state, and remember for a while that a client wrote.

    Outermost of the middleware that touch the database (sessions, authentication), so their
    reads follow the same rules and a session saved by a login counts as a write.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not replicas():
            return self.get_response(request)
        state = ReadState(replica=_choose_replica(), pinned=self._must_read_primary(request))
        token = _state.set(state)
        try:
            response = self.get_response(request)
        finally:
            _state.reset(token)
        if state.wrote:
            seconds = settings.RECTIFY_READ_PRIMARY_SECONDS
            response.set_cookie(
                READ_PRIMARY_COOKIE, str(int(time.time()) + seconds), max_age=seconds, httponly=True, samesite="Lax"
            )
        return response

    @staticmethod
    def _must_read_primary(request) -> bool:
        if request.path.startswith(reverse("admin:index")):
            return True
        try:
            until = int(request.COOKIES.get(READ_PRIMARY_COOKIE, "0"))
        except ValueError:
            return False
        return until > time.time()
