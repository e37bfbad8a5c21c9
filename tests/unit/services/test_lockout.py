"""Sign-in lock-out: wrong passwords past the free ones lock the account for a doubling delay; audited; an admin
unlocks. Before: 30 wrong passwords were followed by an accepted one."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import text

from app.errors import AuthenticationFailed, PermissionDenied
from app.services import lockout
from app.services.context import Actor
from app.services.desk import DeskServices
from tests.conftest import USER_PASSWORD, FakeClock


def _wrong(desk: DeskServices, times: int) -> list[str]:
    messages = []
    for _ in range(times):
        with pytest.raises(AuthenticationFailed) as caught:
            desk.users.authenticate("petugas", "salah-sekali")
        messages.append(str(caught.value))
    return messages


def _actions(desk: DeskServices) -> list[str]:
    with desk.ctx.db.read_engine.connect() as conn:
        return [r[0] for r in conn.execute(text("SELECT action FROM audit_log ORDER BY id"))]


def test_thirty_wrong_passwords_lock_the_account_even_against_the_right_one(
    desk: DeskServices, clock: FakeClock
) -> None:
    messages = _wrong(desk, 30)
    assert "dikunci" not in messages[3] and "dikunci" in messages[4]
    with pytest.raises(AuthenticationFailed, match="dikunci sementara"):
        desk.users.authenticate("petugas", USER_PASSWORD)
    assert _actions(desk).count("login_failed") == 5  # while locked no password is even checked
    assert _actions(desk)[-1] == "login_locked"


def test_the_delay_doubles_and_the_lock_ends_by_itself(desk: DeskServices, clock: FakeClock) -> None:
    assert lockout.delay_after(5) == timedelta(seconds=30) and lockout.delay_after(7) == timedelta(minutes=2)
    assert lockout.delay_after(100) == lockout.MAX_DELAY
    _wrong(desk, 5)
    clock.now += timedelta(seconds=31)
    _wrong(desk, 1)  # the 6th: locked for a minute now
    clock.now += timedelta(seconds=45)
    with pytest.raises(AuthenticationFailed, match="dikunci"):
        desk.users.authenticate("petugas", USER_PASSWORD)
    clock.now += timedelta(seconds=20)
    assert desk.users.authenticate("petugas", USER_PASSWORD).username == "petugas"
    _wrong(desk, 4)  # a successful sign-in starts the count again
    assert desk.users.authenticate("petugas", USER_PASSWORD).username == "petugas"


def test_an_admin_unlocks_at_once_and_it_is_audited(desk: DeskServices, admin: Actor, officer: Actor) -> None:
    _wrong(desk, 8)
    assert desk.users.locked_until(admin, "petugas") is not None
    with pytest.raises(PermissionDenied):
        desk.users.unlock(officer, "petugas")
    desk.users.unlock(admin, "petugas")
    assert desk.users.locked_until(admin, "petugas") is None
    assert desk.users.authenticate("petugas", USER_PASSWORD).username == "petugas"
    assert "user_unlock" in _actions(desk)
