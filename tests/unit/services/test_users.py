"""Accounts and roles: permissions are enforced in the services, passwords are argon2 hashes, and sign-in
failures never reveal whether a user name exists."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from app.domain.permissions import Role
from app.errors import AuthenticationFailed, PermissionDenied, ValidationError
from app.services.context import Actor
from app.services.desk import DeskServices

# The passwords the shared desk template was set up with (tests/conftest.py).
ADMIN_PASSWORD = "rahasia123"
USER_PASSWORD = "sandi-rahasia-1"


def _hash(desk: DeskServices, username: str) -> str:
    with desk.ctx.db.read_engine.connect() as conn:
        value = conn.execute(
            text("SELECT password_hash FROM users WHERE username = :u"), {"u": username}
        ).scalar_one()
        conn.rollback()
    return str(value)


def test_password_hash_is_argon2id(desk: DeskServices, admin: Actor) -> None:
    for username in ("admin", "spv", "petugas"):
        stored = _hash(desk, username)
        assert stored.startswith("$argon2id$")
        assert USER_PASSWORD not in stored and ADMIN_PASSWORD not in stored


def test_roles_of_the_fixture_actors(admin: Actor, supervisor: Actor, officer: Actor) -> None:
    assert (admin.role, supervisor.role, officer.role) == (Role.ADMIN, Role.SUPERVISOR, Role.OFFICER)


def test_wrong_password_and_unknown_user_get_the_same_message(desk: DeskServices) -> None:
    with pytest.raises(AuthenticationFailed) as wrong:
        desk.users.authenticate("petugas", "salah-sandi-99")
    with pytest.raises(AuthenticationFailed) as unknown:
        desk.users.authenticate("tidak-ada", "salah-sandi-99")
    assert str(wrong.value) == str(unknown.value)
    assert "kata sandi salah" in str(wrong.value)


def test_failed_login_is_audited(desk: DeskServices) -> None:
    with pytest.raises(AuthenticationFailed):
        desk.users.authenticate("petugas", "salah-sandi-99")
    with desk.ctx.db.read_engine.connect() as conn:
        actions = [r[0] for r in conn.execute(text("SELECT action FROM audit_log ORDER BY id"))]
        conn.rollback()
    assert actions[-1] == "login_failed"


def test_disabled_user_cannot_authenticate(desk: DeskServices, admin: Actor, officer: Actor) -> None:
    desk.users.set_active(admin, "petugas", False)
    with pytest.raises(AuthenticationFailed) as disabled:
        desk.users.authenticate("petugas", USER_PASSWORD)
    with pytest.raises(AuthenticationFailed) as unknown:
        desk.users.authenticate("tidak-ada", USER_PASSWORD)
    assert str(disabled.value) == str(unknown.value)
    desk.users.set_active(admin, "petugas", True)
    assert desk.users.authenticate("petugas", USER_PASSWORD).username == "petugas"


def test_username_is_case_insensitive_at_sign_in(desk: DeskServices, officer: Actor) -> None:
    assert desk.users.authenticate("  PETUGAS ", USER_PASSWORD).username == "petugas"


def test_admin_manages_users(desk: DeskServices, admin: Actor) -> None:
    view = desk.users.add(
        admin, username="Rina.P", full_name="Rina Pratiwi", role="petugas", password="x" * 8
    )
    assert view.username == "rina.p" and view.role == "petugas" and view.active
    assert desk.users.authenticate("rina.p", "x" * 8).role == Role.OFFICER
    desk.users.set_role(admin, "rina.p", "supervisor")
    assert desk.users.authenticate("rina.p", "x" * 8).role == Role.SUPERVISOR
    desk.users.change_password(admin, "rina.p", "sandi-baru-123")
    with pytest.raises(AuthenticationFailed):
        desk.users.authenticate("rina.p", "x" * 8)
    assert desk.users.authenticate("rina.p", "sandi-baru-123")
    assert [u.username for u in desk.users.list(admin)] == ["admin", "petugas", "rina.p", "spv"]


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"username": "a", "role": "petugas", "password": "x" * 8}, "username"),
        ({"username": "Budi Santoso", "role": "petugas", "password": "x" * 8}, "username"),
        ({"username": "budi", "role": "petugas", "password": "pendek"}, "password"),
        ({"username": "budi", "role": "raja", "password": "x" * 8}, "role"),
        ({"username": "spv", "role": "petugas", "password": "x" * 8}, "username"),  # already taken
    ],
)
def test_user_validation(desk: DeskServices, admin: Actor, kwargs: dict, field: str) -> None:
    with pytest.raises(ValidationError) as bad:
        desk.users.add(admin, full_name="Budi", **kwargs)
    assert field in bad.value.fields


def test_last_active_admin_cannot_be_disabled(desk: DeskServices, admin: Actor) -> None:
    with pytest.raises(ValidationError, match="Admin aktif terakhir"):
        desk.users.set_active(admin, "admin", False)


@pytest.mark.parametrize("who", ["officer", "supervisor"])
def test_only_admin_manages_users(desk: DeskServices, who: str, request: pytest.FixtureRequest) -> None:
    actor: Actor = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied, match="tidak berwenang mengelola pengguna"):
        desk.users.add(actor, username="budi", full_name="Budi", role="admin", password="x" * 8)
    with pytest.raises(PermissionDenied):
        desk.users.list(actor)
    with pytest.raises(PermissionDenied):
        desk.users.set_active(actor, "admin", False)
    with pytest.raises(PermissionDenied):
        desk.users.set_role(actor, actor.username, "admin")
    with pytest.raises(PermissionDenied):
        desk.users.change_password(actor, "admin", "ambil-alih-123")
    assert desk.users.authenticate("admin", ADMIN_PASSWORD).role == Role.ADMIN


def test_user_may_change_own_password(desk: DeskServices, officer: Actor) -> None:
    desk.users.change_password(officer, "petugas", "sandi-sendiri-1")
    assert desk.users.authenticate("petugas", "sandi-sendiri-1").username == "petugas"


def test_officer_cannot_void_correct_or_manage_office(
    desk: DeskServices, officer: Actor, supervisor: Actor, walk_in
) -> None:
    number = desk.register.receive(officer, walk_in()).number
    with pytest.raises(PermissionDenied):
        desk.actions.act(officer, number, "void", {"reason": "salah input"})
    with pytest.raises(PermissionDenied):
        desk.actions.act(officer, number, "correct", {"field": "purpose", "value": "x", "reason": "salah"})
    with pytest.raises(PermissionDenied):
        desk.office.update_profile(officer, {"name": "Kantor Lain"})
    with pytest.raises(PermissionDenied):
        desk.calendar.recompute(officer)
    assert desk.register.get(officer, number).version == 1
    assert desk.actions.act(supervisor, number, "void", {"reason": "salah input"}).status.value == "batal"


def test_officer_cannot_export(desk: DeskServices, officer: Actor, supervisor: Actor, tmp_path: Path) -> None:
    """Refused in the export service itself (its formats are tested in test_export.py)."""
    from app.services.export import ExportService

    exporter = ExportService(desk.ctx, desk.query)
    target = tmp_path / "register.csv"
    with pytest.raises(PermissionDenied, match="mengekspor"):
        exporter.export(officer, out=target)
    assert not target.exists()
    assert exporter.export(supervisor, out=target).path == target
    assert target.exists()


def test_supervisor_cannot_change_the_office_profile(desk: DeskServices, supervisor: Actor) -> None:
    with pytest.raises(PermissionDenied):
        desk.office.update_profile(supervisor, {"desk_letter": "B"})
    assert desk.office.profile().desk_letter == "A"


def test_last_active_admin_cannot_be_demoted(desk: DeskServices, admin: Actor) -> None:
    with pytest.raises(ValidationError):
        desk.users.set_role(admin, "admin", "petugas")
    assert desk.users.authenticate("admin", ADMIN_PASSWORD).role == Role.ADMIN


def test_a_stronger_old_hash_still_signs_in_and_is_rehashed_to_the_profile(desk: DeskServices) -> None:
    from argon2 import PasswordHasher

    from app.services import users

    old = PasswordHasher(time_cost=3, memory_cost=64 * 1024, parallelism=4).hash(USER_PASSWORD)
    with desk.ctx.db.transaction() as session:
        session.execute(text("UPDATE users SET password_hash = :h WHERE username = 'petugas'"), {"h": old})
    desk.users.authenticate("petugas", USER_PASSWORD)
    new = _hash(desk, "petugas")
    assert new != old
    assert not users._hasher.check_needs_rehash(new)
    desk.users.authenticate("petugas", USER_PASSWORD)  # the re-hashed password still works
