"""Reads at the replicas, writes and the reads that must see them at the primary (rectify.routers).

The first tests check the rules with replica names alone. The rest run against a real PostgreSQL
streaming replica and are skipped unless DATABASE_REPLICA_URLS names one (bench/replica.sh starts it):

    bench/replica.sh start
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/rectify \\
    DATABASE_REPLICA_URLS=postgres://postgres@127.0.0.1:5433/rectify \\
    .venv/bin/pytest rectify/tests/test_routers.py
"""

import contextlib
import contextvars
import time

import pytest
from django.conf import settings
from django.db import connections, transaction
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse

from rectify import routers
from rectify.models import Report, Unit

# --- the rules ----------------------------------------------------------------------------------


@pytest.fixture
def one_replica(monkeypatch):
    monkeypatch.setattr(routers, "replicas", lambda: ["replica1"])


def in_fresh_context(function):
    """Run `function` as a new thread would: no read state yet."""
    return contextvars.Context().run(function)


def test_without_replicas_everything_is_the_primary(monkeypatch):
    monkeypatch.setattr(routers, "replicas", list)
    router = routers.PrimaryReplicaRouter()
    assert in_fresh_context(lambda: router.db_for_read(Unit)) == "default"
    seen, response = _serve(RequestFactory().post("/"), writes=True)
    assert seen == {"before": "default", "after": "default"} and not response.cookies


def test_reads_go_to_the_replica_until_a_write_then_to_the_primary(one_replica):
    router = routers.PrimaryReplicaRouter()

    def read_write_read():
        first = router.db_for_read(Unit)
        written = router.db_for_write(Unit)
        return first, written, router.db_for_read(Report)

    assert in_fresh_context(read_write_read) == ("replica1", "default", "default")


@pytest.mark.django_db
def test_reads_inside_a_transaction_on_the_primary_stay_there(one_replica):
    def read_in_and_out():
        with transaction.atomic():
            inside = routers.read_alias()
        return inside

    # pytest-django's test transaction is itself one: leave it out of the question with a fresh one.
    assert connections["default"].in_atomic_block
    assert in_fresh_context(read_in_and_out) == "default"


def test_migrations_run_on_the_primary_only(one_replica):
    router = routers.PrimaryReplicaRouter()
    assert router.allow_migrate("default", "rectify")
    assert not router.allow_migrate("replica1", "rectify")


def _serve(request, *, writes: bool):
    """Run the middleware around a view that records where it read (and writes if asked)."""
    seen = {}

    def view(request):
        seen["before"] = routers.read_alias()
        if writes:
            routers.PrimaryReplicaRouter().db_for_write(Unit)
        seen["after"] = routers.read_alias()
        return HttpResponse()

    response = in_fresh_context(lambda: routers.ReadYourWritesMiddleware(view)(request))
    return seen, response


def test_a_request_that_writes_reads_back_at_the_primary_and_marks_its_client(one_replica, settings):
    settings.RECTIFY_READ_PRIMARY_SECONDS = 7
    seen, response = _serve(RequestFactory().post("/problems/"), writes=True)

    assert seen == {"before": "replica1", "after": "default"}
    cookie = response.cookies[routers.READ_PRIMARY_COOKIE]
    assert cookie["max-age"] == 7 and cookie["httponly"]
    assert int(cookie.value) > time.time()

    marked = RequestFactory().get("/problems/")
    marked.COOKIES[routers.READ_PRIMARY_COOKIE] = cookie.value
    seen, response = _serve(marked, writes=False)
    assert seen == {"before": "default", "after": "default"}
    assert routers.READ_PRIMARY_COOKIE not in response.cookies


def test_an_expired_or_forged_mark_reads_at_the_replica(one_replica):
    for value in (str(int(time.time()) - 1), "soon", ""):
        request = RequestFactory().get("/")
        request.COOKIES[routers.READ_PRIMARY_COOKIE] = value
        assert _serve(request, writes=False)[0]["before"] == "replica1", value


def test_admin_pages_always_read_at_the_primary(one_replica):
    assert _serve(RequestFactory().get(reverse("admin:index")), writes=False)[0]["before"] == "default"


def test_each_request_starts_unpinned(one_replica):
    request = RequestFactory().get("/")

    def two_requests():
        middleware = routers.ReadYourWritesMiddleware(lambda r: routers.note_write() or HttpResponse())
        middleware(request)  # writes, in this same thread
        return routers.ReadYourWritesMiddleware(lambda r: HttpResponse(routers.read_alias()))(request).content

    assert in_fresh_context(two_requests) == b"replica1"


# --- against a real streaming replica ------------------------------------------------------------

REPLICA = "replica1"
needs_replica = pytest.mark.skipif(
    REPLICA not in settings.DATABASES, reason="no replica: set DATABASE_REPLICA_URLS (bench/replica.sh start)"
)


def _wait_for_replay(timeout: float = 30) -> None:
    """Wait until the replica has replayed everything the primary has written so far."""
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT pg_current_wal_lsn()")
        target = cursor.fetchone()[0]
    deadline = time.monotonic() + timeout
    with connections[REPLICA].cursor() as cursor:
        while True:
            cursor.execute("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [target])
            if cursor.fetchone()[0]:
                return
            if time.monotonic() > deadline:
                raise AssertionError(f"the replica did not replay up to {target} in {timeout} s")
            time.sleep(0.05)


@contextlib.contextmanager
def replay_paused():
    """Freeze the replica where it is: what the primary commits meanwhile is not on it."""
    _wait_for_replay()
    with connections[REPLICA].cursor() as cursor:
        cursor.execute("SELECT pg_wal_replay_pause()")
    try:
        yield
    finally:
        with connections[REPLICA].cursor() as cursor:
            cursor.execute("SELECT pg_wal_replay_resume()")


def _name_via_router(pk: int) -> str | None:
    """Read a unit's name the way a fresh request would."""
    return in_fresh_context(lambda: Unit.objects.filter(pk=pk).values_list("name", flat=True).first())


def _server_is_in_recovery(alias: str) -> bool:
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT pg_is_in_recovery()")
        return cursor.fetchone()[0]


@needs_replica
@pytest.mark.django_db(transaction=True, databases=["default", REPLICA])
def test_the_replica_is_a_streaming_standby_of_the_test_database():
    assert not _server_is_in_recovery("default") and _server_is_in_recovery(REPLICA)
    unit = Unit.objects.create(name="复制测试单位", match_name="复制测试单位")
    _wait_for_replay()
    assert Unit.objects.using(REPLICA).get(pk=unit.pk).name == "复制测试单位"
    assert in_fresh_context(routers.read_alias) == REPLICA


@needs_replica
@pytest.mark.django_db(transaction=True, databases=["default", REPLICA])
def test_a_lagging_replica_is_read_until_the_reader_writes():
    unit = Unit.objects.create(name="旧名", match_name="旧名")
    with replay_paused():
        Unit.objects.filter(pk=unit.pk).update(name="新名")  # committed at the primary only

        assert _name_via_router(unit.pk) == "旧名"  # a fresh reader: the replica, behind

        def write_then_read():
            Unit.objects.filter(pk=unit.pk).update(match_name="新名")
            return Unit.objects.filter(pk=unit.pk).values_list("name", flat=True).first()

        assert in_fresh_context(write_then_read) == "新名"  # the writer reads its write back
    _wait_for_replay()
    assert _name_via_router(unit.pk) == "新名"


@needs_replica
@pytest.mark.django_db(transaction=True, databases=["default", REPLICA])
def test_a_client_that_withdrew_a_report_sees_it_gone_while_others_read_the_lagging_replica(imported_seeds, roles):
    from django.contrib.auth.models import Group, User

    from rectify.roles import OFFICE

    office = User.objects.create_user("office", password="x-unused-x", is_staff=True)
    office.groups.add(Group.objects.get(name=OFFICE))
    staff, public = Client(), Client()
    staff.force_login(office)
    report = Report.objects.published().order_by("pk").first()
    page = reverse("report_detail", args=[report.pk])
    etag = public.get(page)["ETag"]

    with replay_paused():
        changelist = reverse("admin:rectify_report_changelist")
        response = staff.post(changelist, {"action": "unpublish", "_selected_action": [report.pk], "apply": "1"})
        assert response.status_code == 302 and routers.READ_PRIMARY_COOKIE in response.cookies
        assert not Report.objects.using("default").get(pk=report.pk).is_published

        assert staff.get(page).status_code == 404  # read at the primary: its own write
        lagging = public.get(page, headers={"if-none-match": etag})
        assert lagging.status_code == 304  # the replica still holds the version the tag was made from

    _wait_for_replay()
    assert public.get(page, headers={"if-none-match": etag}).status_code == 404


@needs_replica
@pytest.mark.django_db(transaction=True, databases=["default", REPLICA])
def test_public_pages_and_their_facet_snapshot_are_read_at_the_replica(imported_seeds):
    from django.test.utils import CaptureQueriesContext

    _wait_for_replay()
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections[REPLICA]) as replica,
    ):
        response = Client().get(reverse("issue_list"))
    assert response.status_code == 200
    assert not primary.captured_queries
    sql = [query["sql"] for query in replica.captured_queries]
    assert "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ" in sql and any("GROUP BY" in q for q in sql)
