"""Staff roles: groups from setup_roles and the row-level unit scope."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from rectify.models import Issue, Unit, UnitEditor
from rectify.roles import OFFICE, READ_ONLY, UNIT_EDITOR, editable_units, is_office, is_unit_editor, scope_to_units

pytestmark = pytest.mark.django_db


def _codenames(name):
    return set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))


def test_setup_roles_creates_three_groups_and_is_idempotent(capsys):
    call_command("setup_roles")
    first = {name: _codenames(name) for name in (OFFICE, UNIT_EDITOR, READ_ONLY)}
    call_command("setup_roles", verbosity=0)
    assert {name: _codenames(name) for name in first} == first
    assert Group.objects.filter(name__in=[OFFICE, UNIT_EDITOR, READ_ONLY]).count() == 3
    assert "巡察办" in capsys.readouterr().out


def test_office_may_edit_and_review_everything(roles):
    codes = _codenames(OFFICE)
    assert {"change_issue", "delete_report", "review_progressupdate", "add_uniteditor"} <= codes


def test_unit_editor_reports_progress_but_cannot_change_the_archive(roles):
    codes = _codenames(UNIT_EDITOR)
    assert {"add_progressupdate", "add_evidence", "view_issue"} <= codes
    assert not codes & {"change_issue", "change_report", "review_progressupdate", "view_uniteditor"}


def test_read_only_has_only_view_permissions(roles):
    codes = _codenames(READ_ONLY)
    assert codes and all(code.startswith("view_") for code in codes)


def test_a_unit_editor_is_scoped_to_assigned_units_and_their_sub_units(unit_editor, two_units):
    own, other = two_units
    sub = Unit.objects.create(name=f"{own.name}办公室", parent=own)
    assert set(editable_units(unit_editor)) == {own, *own.sub_units.all()} and sub in editable_units(unit_editor)
    scoped = scope_to_units(Issue.objects.all(), unit_editor, "inspection__unit")
    assert scoped.count() == Issue.objects.filter(inspection__unit=own).count() > 0
    assert not scoped.filter(inspection__unit=other).exists()


def test_office_staff_and_superusers_are_not_scoped(office_user, django_user_model, imported_seeds):
    boss = django_user_model.objects.create_superuser("boss", password="x-unused-x")
    for user in (office_user, boss):
        assert is_office(user) and not is_unit_editor(user)
        assert scope_to_units(Issue.objects.all(), user, "inspection__unit").count() == Issue.objects.count()


def test_an_editor_with_no_assignment_sees_nothing(unit_editor):
    UnitEditor.objects.filter(user=unit_editor).delete()
    assert not scope_to_units(Issue.objects.all(), unit_editor, "inspection__unit").exists()
