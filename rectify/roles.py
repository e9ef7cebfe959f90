"""The three staff roles and the row-level rule: a unit editor sees only their own units' records.

Groups and their permissions are created by `manage.py setup_roles` (idempotent), so a fresh site
and an existing one end up with the same roles.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db.models import Q, QuerySet

from rectify.models import Unit

OFFICE = "巡察办"
UNIT_EDITOR = "单位填报员"
READ_ONLY = "只读"

ARCHIVE_MODELS = [
    "unit",
    "inspection",
    "report",
    "category",
    "issue",
    "measure",
    "moneyamount",
    "statuschange",
    "progressupdate",
    "evidence",
    "uniteditor",
    "issuedisclosure",
    "problemmatch",
    "factcorrection",
    "closurerequest",
    "closureevidence",
    "remindersent",
    "staffpreference",
]
# Who gets reminders is the office's business; each user sets their own on "我的提醒设置".
OFFICE_ONLY_MODELS = {"uniteditor", "remindersent", "staffpreference"}

# codename lists per group; the office may do everything, editors report progress and evidence.
ROLE_PERMISSIONS = {
    OFFICE: [f"{action}_{model}" for model in ARCHIVE_MODELS for action in ("add", "change", "delete", "view")]
    + ["review_progressupdate", "review_closurerequest"],
    UNIT_EDITOR: [f"view_{model}" for model in ARCHIVE_MODELS if model not in OFFICE_ONLY_MODELS]
    + ["add_progressupdate", "change_progressupdate", "add_evidence", "change_evidence", "delete_evidence"]
    + ["add_closurerequest", "add_closureevidence"],
    READ_ONLY: [f"view_{model}" for model in ARCHIVE_MODELS],
}


def setup_roles() -> dict[str, int]:
    """Create or update the three groups with exactly their permissions; return permissions per group."""
    counts = {}
    for name, codenames in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        permissions = Permission.objects.filter(content_type__app_label="rectify", codename__in=codenames)
        missing = set(codenames) - set(permissions.values_list("codename", flat=True))
        if missing:
            raise LookupError(f"权限不存在（请先执行 migrate）：{'、'.join(sorted(missing))}")
        group.permissions.set(permissions)
        counts[name] = len(codenames)
    return counts


def is_office(user) -> bool:
    """Superusers and 巡察办 staff act on every unit and may publish."""
    return user.is_active and (user.is_superuser or _in_group(user, OFFICE))


def is_unit_editor(user) -> bool:
    """A 单位填报员 who is not also office staff: limited to their assigned units."""
    return user.is_active and not is_office(user) and _in_group(user, UNIT_EDITOR)


def editable_units(user) -> QuerySet[Unit]:
    """The units a unit editor answers for: those assigned and their sub-units."""
    assigned = Unit.objects.filter(editor_assignments__user=user)
    return Unit.objects.filter(Q(pk__in=assigned.values("pk")) | Q(parent__in=assigned.values("pk")))


def scope_to_units(queryset: QuerySet, user, unit_path: str) -> QuerySet:
    """Limit a queryset to a unit editor's units, following `unit_path` (e.g. "inspection__unit")."""
    if not is_unit_editor(user):
        return queryset
    lookup = f"{unit_path}__in" if unit_path else "pk__in"
    return queryset.filter(**{lookup: editable_units(user).values("pk")}).distinct()


def _in_group(user, name: str) -> bool:
    # Cached on the user object for the request: the admin asks many times per page.
    if not hasattr(user, "_rectify_groups"):
        user._rectify_groups = set(user.groups.values_list("name", flat=True))
    return name in user._rectify_groups


def find_unit(name: str) -> Unit:
    """The unit named by its full name, short name or id, as an administrator would type it."""
    units = Unit.objects.filter(Q(name=name) | Q(short_name=name) | Q(pk=int(name) if name.isdigit() else None))
    found = list(units[:2])
    if len(found) != 1:
        candidates = Unit.objects.filter(name__contains=name).values_list("name", flat=True)[:5]
        hint = f"，名称含“{name}”的有：{'、'.join(candidates)}" if candidates else ""
        raise Unit.DoesNotExist(f"找不到唯一的单位“{name}”{hint}" if not found else f"“{name}”对应多个单位，请用全称")
    return found[0]


def add_unit_editor(*, username: str, unit: Unit, email: str = "", password: str | None = None):
    """Make `username` a 单位填报员 for `unit` in one step: staff status, the group, the unit scope.

    Creates the account if needed (with an unusable password when `password` is None, so nobody can
    log in until one is set); an existing account keeps its password unless one is given.
    Returns (user, created).
    """
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from rectify.models import UnitEditor

    User = get_user_model()
    with transaction.atomic():
        user, created = User.objects.get_or_create(username=username)
        user.is_staff = True
        if email:
            user.email = email
        if password is not None:
            user.set_password(password)
        elif created:
            user.set_unusable_password()
        user.save()
        user.groups.add(Group.objects.get(name=UNIT_EDITOR))
        UnitEditor.objects.get_or_create(user=user, unit=unit)
    return user, created
