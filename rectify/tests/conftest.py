import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REPORTS = ROOT / "fixtures" / "reports"
EXPECTED = ROOT / "fixtures" / "expected"
SEEDS = sorted(p.stem for p in REPORTS.glob("*.txt"))


def seed_path(prefix: str) -> Path:
    return next(REPORTS.glob(f"{prefix}*.txt"))


def golden(stem: str) -> dict:
    return json.loads((EXPECTED / f"{stem}.json").read_text(encoding="utf-8"))


@pytest.fixture
def imported_seeds(db):
    """The five seed reports imported, as `make run` does."""
    from django.core.management import call_command

    call_command("import_reports", str(REPORTS), verbosity=0)


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
