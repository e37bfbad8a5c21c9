"""The office profile, its officials (signatories) and desk settings, plus the first-run set-up."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import text as text_rules
from app.domain.identity import normalize_nip
from app.domain.numbering import (
    DEFAULT_LETTER_TEMPLATE,
    DEFAULT_OBJECTION_TEMPLATE,
    DEFAULT_REQUEST_TEMPLATE,
    validate_desk_letter,
    validate_office_code,
    validate_template,
)
from app.domain.permissions import Permission, Role
from app.errors import NotFound, ValidationError
from app.ids import new_id
from app.services.context import Actor, DeskContext
from app.services.journal import audit
from app.services.users import actor_of, create_user
from db.models import Office, Official, Setting

OFFICIAL_ROLES = {
    "ppid": "PPID (Pelaksana)",
    "atasan_ppid": "Atasan PPID",
    "petugas_informasi": "Petugas pelayanan informasi",
}

EDITABLE_PROFILE_FIELDS = (
    "name",
    "parent_name",
    "city",
    "address",
    "phone",
    "email",
    "website",
    "postal_code",
    "kop_lines",
    "logo_path",
    "desk_letter",
    "request_template",
    "objection_template",
    "letter_template",
    "letter_classification",
    "letter_unit",
)


@dataclass(frozen=True)
class OfficeView:
    code: str
    name: str
    parent_name: str
    city: str
    address: str
    phone: str
    email: str
    website: str
    postal_code: str
    kop_lines: list[str]
    logo_path: str | None
    desk_letter: str
    request_template: str
    objection_template: str
    letter_template: str
    letter_classification: str
    letter_unit: str

    @classmethod
    def of(cls, row: Office) -> OfficeView:
        return cls(**{name: getattr(row, name) for name in cls.__dataclass_fields__})

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class OfficialView:
    id: str
    role: str
    name: str
    jabatan: str
    nip: str | None
    pangkat: str | None
    active: bool = field(default=True)

    @classmethod
    def of(cls, row: Official) -> OfficialView:
        return cls(row.id, row.role, row.name, row.jabatan, row.nip, row.pangkat, row.active)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def load_office(session: Session) -> Office:
    office = session.get(Office, 1)
    if office is None:
        raise NotFound("Kantor belum disiapkan. Jalankan 'ppid-desk init' atau wizard penyiapan.")
    return office


LOGO_FOLDER = "logos"
_IMAGE_SIGNATURES = {b"\x89PNG\r\n\x1a\n": ".png", b"\xff\xd8\xff": ".jpg"}


def store_logo(data_dir: Path, source: Path) -> Path:
    """Copy a logo into the data folder under its content hash, so a reprinted letter finds the same picture;
    refuses (Indonesian message) a file that is missing or not a PNG/JPEG picture."""
    try:
        data = Path(source).read_bytes()
    except OSError:
        raise ValidationError({"logo_path": f"Berkas logo {source} tidak dapat dibaca."}) from None
    suffix = next((ext for sig, ext in _IMAGE_SIGNATURES.items() if data.startswith(sig)), None)
    if suffix is None:
        raise ValidationError({"logo_path": "Logo harus berupa gambar PNG atau JPEG."})
    target = data_dir / LOGO_FOLDER / f"{hashlib.sha256(data).hexdigest()[:16]}{suffix}"
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists():
        target.write_bytes(data)
    return target


def _validate_contacts(changes: dict[str, Any]) -> None:
    """What a letter's kop prints must read right: a 5-digit postal code, an email address, kop lines as text."""
    errors: dict[str, str] = {}
    if "name" in changes and not str(changes["name"] or "").strip():
        errors["name"] = (
            "Nama kantor wajib diisi."  # the kop and every letter print it (the settings page's rule)
        )
    postal = str(changes.get("postal_code") or "").strip()
    if postal and not (len(postal) == 5 and postal.isdigit()):
        errors["postal_code"] = "Kode pos harus 5 angka."
    email = str(changes.get("email") or "").strip()
    if email and ("@" not in email or " " in email or "." not in email.rsplit("@", 1)[-1]):
        errors["email"] = f'Alamat email "{email}" tidak sah.'
    kop = changes.get("kop_lines")
    if kop is not None and (
        not isinstance(kop, list) or len(kop) > 6 or not all(isinstance(x, str) for x in kop)
    ):
        errors["kop_lines"] = "Kop surat berisi paling banyak 6 baris teks."
    if errors:
        raise ValidationError(errors)


def _validate_nip(nip: str | None) -> str | None:
    return normalize_nip(nip)


class OfficeService:
    def __init__(self, ctx: DeskContext) -> None:
        self.ctx = ctx

    def data_folder(self) -> Path:
        """This PC's data folder: the office's logos, printouts and this PC's preferences live under it."""
        return self.ctx.data_dir

    def is_initialized(self) -> bool:
        with self.ctx.db.reader() as session:
            return session.get(Office, 1) is not None

    def setup(
        self,
        *,
        office_code: str,
        office_name: str,
        admin_username: str,
        admin_password: str,
        admin_full_name: str | None = None,
        desk_letter: str = "A",
        city: str = "Serang",
        parent_name: str = "PEMERINTAH KOTA SERANG",
        request_template: str = DEFAULT_REQUEST_TEMPLATE,
    ) -> Actor:
        """First run: the office and its first admin, in one transaction. Refused if already set up."""
        code = validate_office_code(office_code)
        letter = validate_desk_letter(desk_letter)
        validate_template(request_template)
        office_name = text_rules.line(office_name, "office_name", max_length=200) or ""
        if not office_name:
            raise ValidationError({"office_name": "Nama kantor wajib diisi."})
        city = text_rules.line(city, "city", max_length=100) or ""
        parent_name = text_rules.line(parent_name, "parent_name", max_length=200) or ""
        now = self.ctx.clock()
        with self.ctx.db.transaction() as session:
            if session.get(Office, 1) is not None:
                raise ValidationError("Kantor sudah disiapkan sebelumnya; penyiapan awal tidak diulang.")
            session.add(
                Office(
                    id=1,
                    code=code,
                    name=office_name.strip(),
                    parent_name=parent_name,
                    city=city,
                    kop_lines=[parent_name, office_name.strip().upper()],
                    logo_path=None,
                    desk_letter=letter,
                    request_template=request_template,
                    objection_template=DEFAULT_OBJECTION_TEMPLATE,
                    letter_template=DEFAULT_LETTER_TEMPLATE,
                    created_at=now,
                    updated_at=now,
                )
            )
            user = create_user(
                session,
                self.ctx,
                username=admin_username,
                full_name=admin_full_name or admin_username,
                role=Role.ADMIN,
                password=admin_password,
            )
            actor = actor_of(user)
            audit(
                session,
                actor,
                now,
                action="setup",
                entity="office",
                entity_id="1",
                details={"code": code, "name": office_name.strip(), "admin": user.username},
            )
            return actor

    def profile(self) -> OfficeView:
        with self.ctx.db.reader() as session:
            return OfficeView.of(load_office(session))

    def update_profile(self, actor: Actor, changes: dict[str, Any]) -> OfficeView:
        actor.require(Permission.MANAGE_OFFICE)
        unknown = set(changes) - set(EDITABLE_PROFILE_FIELDS)
        if unknown:
            raise ValidationError({"_": "Kolom profil tidak dikenal: " + ", ".join(sorted(unknown))})
        text_rules.check_body(changes)
        if "desk_letter" in changes:
            changes["desk_letter"] = validate_desk_letter(changes["desk_letter"])
        for key in ("request_template", "objection_template"):
            if key in changes:
                validate_template(changes[key])
        if "letter_template" in changes:
            validate_template(changes["letter_template"], letter=True)
        _validate_contacts(changes)
        with self.ctx.db.transaction() as session:
            office = load_office(session)
            old = {key: getattr(office, key) for key in changes}
            for key, value in changes.items():
                setattr(office, key, value)
            office.updated_at = self.ctx.clock()
            audit(
                session,
                actor,
                self.ctx.clock(),
                action="office_update",
                entity="office",
                entity_id="1",
                details={"old": old, "new": changes},
            )
            return OfficeView.of(office)

    def officials(self, *, role: str | None = None, include_inactive: bool = False) -> list[OfficialView]:
        with self.ctx.db.reader() as session:
            query = select(Official).order_by(Official.role, Official.created_at)
            if role:
                query = query.where(Official.role == role)
            if not include_inactive:
                query = query.where(Official.active)
            return [OfficialView.of(o) for o in session.scalars(query)]

    def save_official(
        self,
        actor: Actor,
        *,
        role: str,
        name: str,
        jabatan: str,
        nip: str | None = None,
        pangkat: str | None = None,
        official_id: str | None = None,
        active: bool = True,
    ) -> OfficialView:
        actor.require(Permission.MANAGE_OFFICE)
        errors: dict[str, str] = {}
        if role not in OFFICIAL_ROLES:
            errors["role"] = "Jabatan PPID harus salah satu dari: " + ", ".join(OFFICIAL_ROLES)
        if not name.strip():
            errors["name"] = "Nama pejabat wajib diisi."
        if not jabatan.strip():
            errors["jabatan"] = "Jabatan wajib diisi."
        if errors:
            raise ValidationError(errors)
        clean_nip = _validate_nip(nip)
        with self.ctx.db.transaction() as session:
            if official_id:
                row = session.get(Official, official_id)
                if row is None:
                    raise NotFound("Pejabat tidak ditemukan.")
            else:
                row = Official(id=new_id(), created_at=self.ctx.clock())
                session.add(row)
            row.role, row.name, row.jabatan = role, name.strip(), jabatan.strip()
            row.nip, row.pangkat, row.active = clean_nip, (pangkat or None), active
            audit(
                session,
                actor,
                self.ctx.clock(),
                action="official_save",
                entity="official",
                entity_id=row.id,
                details={"role": role, "name": row.name},
            )
            return OfficialView.of(row)

    def setting(self, key: str, default: dict[str, Any] | None = None) -> dict[str, Any]:
        with self.ctx.db.reader() as session:
            row = session.get(Setting, key)
            return dict(row.value) if row else dict(default or {})

    def set_setting(
        self, actor: Actor, key: str, value: dict[str, Any], permission: Permission = Permission.MANAGE_OFFICE
    ) -> None:
        actor.require(permission)
        with self.ctx.db.transaction() as session:
            row = session.get(Setting, key)
            old = dict(row.value) if row else None
            if row is None:
                session.add(Setting(key=key, value=value))
            else:
                row.value = value
            audit(
                session,
                actor,
                self.ctx.clock(),
                action="setting",
                entity="setting",
                entity_id=key,
                details={"old": old, "new": value},
            )
