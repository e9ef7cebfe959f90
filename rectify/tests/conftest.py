import json
import os
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

# CI runs the properties on examples fixed by each test (derandomize), so a run can be repeated and
# a red build is the change's doing; at a desk they try new examples every run.
hypothesis_settings.register_profile("ci", derandomize=True, database=None)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parents[2]
REPORTS = ROOT / "fixtures" / "reports"
EXPECTED = ROOT / "fixtures" / "expected"
SEEDS = sorted(p.stem for p in REPORTS.glob("*.txt"))


def seed_path(prefix: str) -> Path:
    return next(REPORTS.glob(f"{prefix}*.txt"))


def with_newer_status(text: str) -> str:
    """Seed 001 as its next report would print it: 问题7 finished, signed two months later."""
    problem = text.index("7.问题7:")
    stated = text.index("整改完成情况:阶段性完成整改。", problem)
    assert stated < text.index("8.问题8:")
    newer = text[:stated] + "整改完成情况:已完成整改。" + text[stated + len("整改完成情况:阶段性完成整改。") :]
    assert newer.endswith("2025年7月28日")
    return newer.removesuffix("2025年7月28日") + "2025年9月30日"


def golden(stem: str) -> dict:
    return json.loads((EXPECTED / f"{stem}.json").read_text(encoding="utf-8"))


@pytest.fixture(autouse=True)
def chinese_interface():
    """A request to /en/... leaves English active in this thread; each test starts in Chinese."""
    from django.utils import translation

    translation.activate("zh-hans")
    yield
    translation.activate("zh-hans")


@pytest.fixture(scope="session", autouse=True)
def fast_password_hashing():
    """Tests log staff in hundreds of times; production's hasher spends a third of a second on each
    on purpose. No test measures hashing work, so the suite uses a cheap one."""
    from django.test import override_settings

    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test's rolled-back writes bring the data version back to where the last test left it,
    so a cache entry of one test would match the next test's different rows: start empty."""
    from rectify import caching

    caching.clear()
    yield
    caching.clear()


def import_seeds() -> None:
    from django.core.management import call_command

    call_command("import_reports", str(REPORTS), verbosity=0)


# --- the seed reports, imported once for the tests that read them ---
#
# Importing the seeds takes about half a second; some 370 tests use them. Tests that use them inside
# a rolled-back transaction (pytest-django's default) share one import: an outer transaction holds
# the seeds, each test runs in a savepoint inside it, as Django's TestCase.setUpTestData does for a
# class, so a test's writes are undone before the next one and the seeds stay as imported. Tests
# that do not ask for the seeds run with the outer transaction rolled back (an empty database), and
# so do transactional tests (transaction=True, live_server), which commit and import for themselves.
# Collection puts the seeded tests together, so the outer transaction opens once per session.


# pytest-django's fixtures that make a test commit (and empty the database after it).
TRANSACTIONAL_FIXTURES = ("transactional_db", "live_server", "django_db_reset_sequences")


def _uses_database(item) -> bool:
    fixtures = getattr(item, "fixturenames", ())
    return bool(item.get_closest_marker("django_db")) or any(
        name in fixtures for name in ("db", *TRANSACTIONAL_FIXTURES)
    )


def _transactional(item) -> bool:
    """pytest-django's rule: such a test commits, and the database is emptied after it."""
    marker = item.get_closest_marker("django_db")
    marked = bool(marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")))
    fixtures = getattr(item, "fixturenames", ())
    return marked or any(name in fixtures for name in TRANSACTIONAL_FIXTURES)


def reads_shared_seeds(item) -> bool:
    return "imported_seeds" in getattr(item, "fixturenames", ()) and not _transactional(item)


class SharedSeeds:
    """The outer transaction holding the seed reports imported once (see above)."""

    def __init__(self):
        self.blocker = None  # pytest-django's django_db_blocker, once the test database exists
        self.block = None  # the open transaction.atomic(), while the seeds are held
        self.wanted = False  # whether the test being set up reads the shared seeds
        self.imports = 0

    def open(self) -> None:
        from django.db import transaction

        if self.block is not None:
            return
        with self.blocker.unblock():
            self.block = transaction.atomic()
            self.block.__enter__()
            import_seeds()
        self.imports += 1

    def close(self) -> None:
        from django.db import transaction

        if self.block is None:
            return
        with self.blocker.unblock():
            transaction.set_rollback(True)
            self.block.__exit__(None, None, None)
        self.block = None

    def hold(self) -> bool:
        """Whether this test's own transaction runs inside the one holding the seeds."""
        from django.db import connection

        blocks = connection.atomic_blocks
        return self.block is not None and len(blocks) >= 2 and blocks[0] is self.block


SHARED_SEEDS = SharedSeeds()


# --- the seed reports committed once, for browser readers who change nothing ---
#
# A browser test's server answers from its own thread, so it sees committed rows only: a live-server
# test is transactional, imports the seeds, commits, and is flushed after. Readers of the public site
# change nothing, so they share one committed import instead (`seeded_site`): it stays while reading
# tests follow one another and is flushed before any other database test runs. A reader that did
# write (the data version moved) has the seeds flushed and imported again for the next one.


def reads_committed_seeds(item) -> bool:
    return "seeded_site" in getattr(item, "fixturenames", ())


class CommittedSeeds:
    def __init__(self):
        self.blocker = None  # set by the seeded_server fixture once the test database exists
        self.version = None  # the data version just after the import, while the seeds are committed

    def open(self) -> None:
        from rectify.caching import data_version

        if self.version is not None:
            return
        with self.blocker.unblock():
            import_seeds()
            self.version = data_version()

    def close(self) -> None:
        from django.core.management import call_command

        if self.version is None:
            return
        with self.blocker.unblock():
            call_command("flush", interactive=False, verbosity=0)  # as a transactional test ends
        self.version = None

    def changed(self) -> bool:
        from rectify.caching import data_version

        with self.blocker.unblock():
            return data_version() != self.version


COMMITTED_SEEDS = CommittedSeeds()


def _configured_database_name() -> str:
    from django.conf import settings

    return settings.DATABASES["default"]["NAME"]


DATABASE_NAME = _configured_database_name()  # before pytest-django points "default" at the test database


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Django's order (database tests, transactional tests, the rest), seed readers last among the first,
    browser readers of the committed seeds at the very end."""

    def order(item) -> int:
        fixtures = getattr(item, "fixturenames", ())
        if reads_committed_seeds(item):
            return 4
        if _transactional(item):
            return 2
        if reads_shared_seeds(item):
            return 1
        return 0 if item.get_closest_marker("django_db") or "db" in fixtures else 3

    items.sort(key=order)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    if COMMITTED_SEEDS.version is not None and not reads_committed_seeds(item) and _uses_database(item):
        COMMITTED_SEEDS.close()
    SHARED_SEEDS.wanted = reads_shared_seeds(item)
    if SHARED_SEEDS.blocker is None:
        return  # no test database yet: shared_seeds opens the transaction if this test wants it
    if SHARED_SEEDS.wanted:
        SHARED_SEEDS.open()
    else:
        SHARED_SEEDS.close()


@pytest.fixture(scope="session")
def shared_seeds(django_db_setup, django_db_blocker):
    """Session-wide: set up before any test's own transaction (fixtures of wider scope come first)."""
    SHARED_SEEDS.blocker = django_db_blocker
    if SHARED_SEEDS.wanted:
        SHARED_SEEDS.open()
    yield SHARED_SEEDS
    SHARED_SEEDS.close()
    SHARED_SEEDS.blocker = None


@pytest.fixture
def imported_seeds(shared_seeds, db):
    """The five seed reports imported, as `make run` does.

    Shared (imported once, see above) unless the test is transactional; then imported for it.
    """
    if not shared_seeds.hold():
        import_seeds()


CHROMIUM = Path("/usr/bin/chromium")  # Debian's package; CI installs it (.ci/run)


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium driven by Playwright; skipped where Chromium is not installed,
    except when RECTIFY_REQUIRE_BROWSER is set (CI), where its absence is a failure."""
    import os

    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: apt-get install chromium fonts-noto-cjk"
        if os.environ.get("RECTIFY_REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    # Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
    # around it are ordinary synchronous calls.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
        )
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def seeded_server(django_db_setup, django_db_blocker):
    """A live server of its own: pytest-django's `live_server` makes every test that uses it
    transactional, and so flushed after."""
    from django.db import connection
    from django.test.utils import setup_databases, teardown_databases
    from pytest_django.live_server_helper import LiveServer

    created = None
    if connection.settings_dict["NAME"] == DATABASE_NAME:
        # Only such readers were chosen: pytest-django sets up databases for tests that ask for one
        # (by mark or fixture), and these ask for none, so as not to run in a transaction.
        with django_db_blocker.unblock():
            created = setup_databases(verbosity=0, interactive=False, aliases={"default"})
    assert connection.settings_dict["NAME"] != DATABASE_NAME, "never the real database"
    COMMITTED_SEEDS.blocker = django_db_blocker
    server = LiveServer("localhost")
    server._live_server_modified_settings.enable()
    yield server
    server._live_server_modified_settings.disable()
    server.stop()
    COMMITTED_SEEDS.close()
    COMMITTED_SEEDS.blocker = None
    if created:
        with django_db_blocker.unblock():
            teardown_databases(created, verbosity=0)


@pytest.fixture
def seeded_site(seeded_server, django_db_blocker):
    """The public site on the five seed reports, for a test that only reads: its server's address
    (`.url`); the test may read the database too. Seeds imported once and shared (see above)."""
    COMMITTED_SEEDS.open()
    with django_db_blocker.unblock():
        yield seeded_server
    if COMMITTED_SEEDS.changed():
        COMMITTED_SEEDS.close()


@pytest.fixture(params=[(1280, 900), (360, 740)], ids=["desktop", "phone"])
def page(request, browser):
    """A fresh page at a desktop and at a phone viewport; any browser console error fails the test."""
    width, height = request.param
    context = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN", accept_downloads=True)
    page = context.new_page()
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not errors, f"browser errors: {errors}"


# --- staff roles (admin tests) ---


@pytest.fixture
def roles(db):
    from rectify.roles import setup_roles

    setup_roles()


def _staff_user(username: str, group: str | None = None, **extra):
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user(username, password="x-unused-x", is_staff=True, **extra)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def office_user(roles):
    from rectify.roles import OFFICE

    return _staff_user("office", OFFICE)


@pytest.fixture
def readonly_user(roles):
    from rectify.roles import READ_ONLY

    return _staff_user("reader", READ_ONLY)


@pytest.fixture
def two_units(imported_seeds):
    """Two inspected units from the seeds, each with problems: (own unit, other unit)."""
    from rectify.models import Unit

    units = list(Unit.objects.filter(inspections__issues__isnull=False).distinct().order_by("name")[:2])
    return units[0], units[1]


@pytest.fixture
def unit_editor(roles, two_units):
    """A 单位填报员 assigned to the first of `two_units` only."""
    from rectify.models import UnitEditor
    from rectify.roles import UNIT_EDITOR

    user = _staff_user("editor", UNIT_EDITOR)
    UnitEditor.objects.create(user=user, unit=two_units[0])
    return user
