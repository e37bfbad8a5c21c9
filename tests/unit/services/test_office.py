"""First-run set-up and the office profile: templates that could produce colliding numbers are refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from svc_helpers import counts

from app.errors import PermissionDenied, ValidationError
from app.services.context import Actor
from app.services.desk import DeskServices


def test_setup_only_once(desk: DeskServices) -> None:
    before = counts(desk)
    with pytest.raises(ValidationError, match="sudah disiapkan"):
        desk.office.setup(
            office_code="XYZ", office_name="Lain", admin_username="admin2", admin_password="rahasia123"
        )
    assert counts(desk) == before
    assert desk.office.profile().code == "CPJ"


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"request_template": "{office}/{year}/{seq}"}, "template"),
        ({"office_code": "c p j"}, "office_code"),
        ({"desk_letter": "7"}, "desk_letter"),
        ({"office_name": " "}, "office_name"),
        ({"admin_password": "pendek"}, "password"),
    ],
)
def test_setup_validation_creates_nothing(tmp_path: Path, clock, kwargs: dict, field: str) -> None:
    services = DeskServices.open(tmp_path / "baru", clock=clock)
    try:
        args = {
            "office_code": "CPJ",
            "office_name": "Kecamatan Cipocok Jaya",
            "admin_username": "admin",
            "admin_password": "rahasia123",
            **kwargs,
        }
        with pytest.raises(ValidationError) as bad:
            services.office.setup(**args)
        assert field in bad.value.fields
        assert not services.office.is_initialized()
        assert counts(services)["audit_log"] == 0
    finally:
        services.close()


@pytest.mark.parametrize(
    "template",
    ["{office}/{year}/{seq:04d}", "{year}/{desk}-{seq}", "{office}-{desk}-{seq}", "{office}/{year}/{desk}"],
)
def test_profile_refuses_templates_without_uniqueness_parts(
    desk: DeskServices, admin: Actor, template: str
) -> None:
    for key in ("request_template", "objection_template"):
        with pytest.raises(ValidationError):
            desk.office.update_profile(admin, {key: template})
    assert desk.office.profile().request_template == "{office}/{year}/{desk}-{seq:04d}"


def test_template_change_keeps_the_sequence(
    desk: DeskServices, admin: Actor, officer: Actor, walk_in
) -> None:
    assert desk.register.receive(officer, walk_in()).number == "CPJ/2026/A-0001"
    desk.office.update_profile(
        admin, {"request_template": "{seq:05d}/PPID/{office}-{desk}/{month_roman}/{year}"}
    )
    assert desk.register.receive(officer, walk_in()).number == "00002/PPID/CPJ-A/III/2026"


def test_unknown_profile_field_refused(desk: DeskServices, admin: Actor) -> None:
    with pytest.raises(ValidationError):
        desk.office.update_profile(admin, {"code": "LAIN"})


def test_officials(desk: DeskServices, admin: Actor, officer: Actor) -> None:
    with pytest.raises(ValidationError) as bad:
        desk.office.save_official(admin, role="raja", name="", jabatan="")
    assert set(bad.value.fields) == {"role", "name", "jabatan"}
    with pytest.raises(ValidationError, match="18 digit"):
        desk.office.save_official(admin, role="ppid", name="Andi", jabatan="Sekcam", nip="1234")
    view = desk.office.save_official(
        admin, role="ppid", name="Andi", jabatan="Sekcam", nip="19800101 200501 1 001"
    )
    assert view.nip == "198001012005011001"
    assert [o.name for o in desk.office.officials(role="ppid")] == ["Andi"]
    with pytest.raises(PermissionDenied):
        desk.office.save_official(officer, role="ppid", name="Budi", jabatan="Sekcam")


def test_the_desk_clock_and_data_folder_are_read_through_narrow_service_methods(
    desk: DeskServices, clock
) -> None:
    """The workstation reads "now" and this PC's data folder through these, never through ``desk.ctx``."""
    assert desk.calendar.now() == clock()
    assert desk.calendar.today() == clock().date()
    assert desk.office.data_folder() == desk.ctx.data_dir
