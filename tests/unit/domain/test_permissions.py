"""Who may do what: each role includes the one below it, and the sensitive grants sit where the law and the
office's practice put them."""

from __future__ import annotations

import pytest

from app.domain.permissions import GRANTS, PERMISSION_LABELS, ROLE_LABELS, Permission, Role, can


def test_roles_are_nested() -> None:
    assert GRANTS[Role.OFFICER] < GRANTS[Role.SUPERVISOR] < GRANTS[Role.ADMIN]


def test_admin_can_do_everything() -> None:
    assert GRANTS[Role.ADMIN] == frozenset(Permission)


@pytest.mark.parametrize(
    ("role", "permission", "expected"),
    [
        (Role.OFFICER, Permission.RECORD_REQUEST, True),
        (Role.OFFICER, Permission.VOID, False),
        (Role.OFFICER, Permission.CORRECT, False),
        (Role.OFFICER, Permission.EXPORT, False),
        (Role.OFFICER, Permission.MANAGE_USERS, False),
        (Role.OFFICER, Permission.VIEW_PERSONAL_DATA, False),
        (Role.OFFICER, Permission.REPORTS, False),
        (Role.SUPERVISOR, Permission.REPORTS, True),
        (Role.SUPERVISOR, Permission.VOID, True),
        (Role.SUPERVISOR, Permission.CORRECT, True),
        (Role.SUPERVISOR, Permission.EXPORT, True),
        (Role.SUPERVISOR, Permission.RECOMPUTE_DEADLINES, True),
        (Role.SUPERVISOR, Permission.MANAGE_USERS, False),
        (Role.SUPERVISOR, Permission.MANAGE_CALENDAR, False),
        (Role.SUPERVISOR, Permission.MANAGE_OFFICE, False),
        (Role.ADMIN, Permission.MANAGE_USERS, True),
    ],
)
def test_grants(role: Role, permission: Permission, expected: bool) -> None:
    assert can(role, permission) is expected
    assert can(role.value, permission) is expected  # roles stored as text work too


def test_unknown_role_is_an_error() -> None:
    with pytest.raises(ValueError):
        can("raja", Permission.VOID)


def test_labels_complete() -> None:
    assert set(ROLE_LABELS) == set(Role)
    assert set(PERMISSION_LABELS) == set(Permission)
    assert all(label and label == label.strip() for label in PERMISSION_LABELS.values())
