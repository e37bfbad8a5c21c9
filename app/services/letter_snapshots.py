"""Build document snapshots from register rows, inside the caller's transaction.

Why here and not in ``app/documents``: the documents package knows nothing about the database; these builders
translate ORM rows (codes such as ``salinan_hardcopy``) into the printed facts (labels, frozen deadlines,
signatories) at the moment of issue, so the stored snapshot is the letter exactly as it went out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.documents import snapshot as s
from app.domain.deadlines import RULES
from app.domain.formatting import terbilang
from app.domain.identity import mask_email, mask_phone, printed_phone
from app.domain.lifecycle import CHANNELS, DELIVERY_METHODS, EXTENSION_REASONS, INFO_FORMS, Decision
from app.domain.permissions import Permission
from app.domain.requester import DOCUMENT_KINDS
from app.errors import ActionRefused
from app.services.context import Actor
from app.services.pii import PiiVault
from db.models import Event, Office, Official, Request, Requester, User


def ppid_name(office: Office) -> str:
    """ "PPID Pelaksana Kecamatan X" from the office name, unless the name already says PPID."""
    return ppid_title(office.name)


def ppid_title(office_name: str) -> str:
    name = office_name.strip()
    return name if name.upper().startswith("PPID") else f"PPID Pelaksana {name}"


def office_snapshot(office: Office, session: Session) -> s.Office:
    return office_from_values(
        office.kop_lines or [office.parent_name, office.name.upper()],
        name=office.name,
        address=office.address,
        city=office.city,
        phone=office.phone,
        email=office.email,
        website=office.website,
        postal_code=office.postal_code,
        logo_path=office.logo_path,
    )


def office_from_values(
    kop_lines: Sequence[Any],
    *,
    name: str,
    address: str | None,
    city: str | None,
    phone: str | None = None,
    email: str | None = None,
    website: str | None = None,
    postal_code: str | None = None,
    logo_path: str | None = None,
) -> s.Office:
    """The office as letters print it, from its settings: for every new letter's snapshot and for the kop
    preview of the wizard and the settings page (app/documents/kop_preview.py), so the two cannot differ."""
    return s.Office(
        kop_lines=kop_without_address(
            [str(x) for x in kop_lines if str(x).strip()], address or "", city or ""
        ),
        address=address or "",
        ppid_name=ppid_title(name),
        city=city or "Serang",
        phone=printed_phone(phone),
        email=email or "",
        website=website or "",
        postal_code=postal_code or "",
        logo_path=logo_path or "",
    )


def _letters(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def kop_without_address(lines: Sequence[str], address: str, city: str) -> tuple[str, ...]:
    """The kop lines less any that only repeats the address (alone or followed by the city).

    Why: ``parts.kop`` prints the office address under the kop lines itself, and the first-run wizard used to
    pre-fill "address, city" as the third kop line, so offices set up with it printed their address twice. The
    settings are left as the administrator saved them; only what prints leaves the repeat out (stored
    snapshots, and so reprints of letters already issued, keep the lines they were issued with)."""
    street = _letters(address)
    if not street:
        return tuple(lines)
    repeats = {street, street + _letters(city)}
    return tuple(line for line in lines if _letters(line) not in repeats)


def official(session: Session, role: str) -> Official | None:
    return session.scalar(
        select(Official).where(Official.role == role, Official.active).order_by(Official.created_at).limit(1)
    )


def ppid_signatory(session: Session, office: Office) -> s.Signatory:
    row = official(session, "ppid")
    if row is None:
        return s.Signatory(jabatan=ppid_name(office), name="(nama PPID belum diatur)")
    return s.Signatory(jabatan=row.jabatan, name=row.name, nip=row.nip or "", pangkat=row.pangkat or "")


def atasan_text(session: Session) -> str:
    row = official(session, "atasan_ppid")
    return f"{row.name}, {row.jabatan}" if row is not None else ""


def officer_signatory(session: Session, username: str) -> s.Signatory:
    """The officer who received the request; NIP from a matching 'petugas_informasi' official, if any."""
    user = session.scalar(select(User).where(User.username == username))
    name = user.full_name if user is not None else username
    match = session.scalar(
        select(Official).where(Official.role == "petugas_informasi", Official.name == name, Official.active)
    )
    nip = (match.nip if match else None) or (user.nip if user is not None else None) or ""
    return s.Signatory(jabatan="", name=name, nip=nip)


def handed_over_by(session: Session, request: Request) -> str:
    """The username who recorded the request's (latest) hand-over: the officer who handed the information
    over, whoever prints the berita acara later."""
    event = session.scalar(
        select(Event)
        .where(Event.request_id == request.id, Event.kind == "deliver")
        .order_by(Event.at.desc(), Event.recorded_at.desc())
        .limit(1)
    )
    return event.username if event is not None else ""


def brief(text: str, limit: int = 90) -> str:
    """The first words of ``text`` (at most ``limit`` characters, cut at a word, with "…")."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0].rstrip(",.;:")
    return cut + " …"


def handed_items(row: Request) -> tuple[str, ...]:
    """What the berita acara lists as handed over: the information in brief, its form and number of pages
    (the request's full text is printed above it once)."""
    details = [INFO_FORMS.get(row.info_form or "", "")]
    pages = int((row.costs or {}).get("pages") or 0)
    if pages:
        details.append(f"{pages} lembar")
    extra = ", ".join(x for x in details if x)
    return (brief(row.information) + (f" ({extra})" if extra else ""),)


def requester_snapshot(
    requester: Requester,
    proxy: dict[str, Any] | None,
    vault: PiiVault,
    actor: Actor,
    *,
    contacts_as_seen: bool = False,
) -> s.Requester:
    """Full NIK only for users allowed to see it (the form is pre-filled for the person at the desk).

    ``contacts_as_seen``: the phones and e-mail as the actor's role sees them on screen (masked for a petugas),
    for a printout that is a view of the register (the dossier) rather than a letter to the requester."""
    revealed = actor.can(Permission.VIEW_PERSONAL_DATA)
    if requester.nik_encrypted and revealed:
        nik = vault.decrypt(requester.nik_encrypted)
    else:
        nik = requester.nik_masked or ""
    proxy = proxy or {}
    phone, email, proxy_phone = requester.phone or "", requester.email or "", str(proxy.get("phone") or "")
    if contacts_as_seen and not revealed:
        phone, proxy_phone = (mask_phone(p) if p else "" for p in (phone, proxy_phone))
        email = mask_email(email) if email else ""
    else:
        phone, proxy_phone = printed_phone(phone), printed_phone(proxy_phone)
    return s.Requester(
        name=requester.name,
        address=requester.address or "",
        nik=nik or requester.legal_number or "",
        kind=requester.kind,
        occupation=requester.occupation or "",
        phone=phone,
        email=email,
        proxy_name=str(proxy.get("name") or ""),
        proxy_address=str(proxy.get("address") or ""),
        proxy_phone=proxy_phone,
    )


def request_snapshot(row: Request) -> s.RequestInfo:
    obtain, copy_format = row.obtain_method, ""
    if obtain.startswith("salinan_"):
        obtain, copy_format = "salinan", obtain.split("_", 1)[1]
    return s.RequestInfo(
        registration_number=row.number,
        received_at=row.received_at,
        information=row.information,
        purpose=row.purpose,
        channel=CHANNELS.get(row.channel, row.channel),
        obtain_method=obtain,
        copy_format=copy_format,
        delivery_method=DELIVERY_METHODS.get(row.delivery_method, row.delivery_method),
        attachments=tuple(DOCUMENT_KINDS.get(d, d) for d in row.documents or []),
    )


def deadline(row_deadlines: dict[str, Any] | None, kind: str) -> s.Deadline | None:
    data = (row_deadlines or {}).get(kind)
    if not data:
        return None
    basis = data.get("rule") or RULES.get(str(data.get("kind") or kind), "")  # a standard rule is not stored
    return s.Deadline(due=dt.date.fromisoformat(str(data["due"])), basis=str(basis))


def cost_lines(costs: dict[str, Any] | None) -> tuple[s.CostLine, ...]:
    if not costs:
        return ()
    lines: list[s.CostLine] = []
    if costs.get("pages"):
        lines.append(
            s.CostLine(
                "Penyalinan (per lembar)", Decimal(int(costs.get("price_per_page") or 0)), int(costs["pages"])
            )
        )
    if costs.get("shipping"):
        lines.append(s.CostLine("Pengiriman", Decimal(int(costs["shipping"]))))
    if costs.get("other"):
        lines.append(s.CostLine("Lain-lain", Decimal(int(costs["other"]))))
    return tuple(lines)


def provision_period(days: int | None) -> str:
    """When undocumented information will be provided, as the notice's sentence ends: "14 (empat belas) hari
    kerja"; empty (the letter prints "…" for the officer to fill in) when no period was recorded."""
    if days is None:
        return ""
    return f"{days} ({terbilang(days)}) hari kerja sejak tanggal pemberitahuan ini"


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise ActionRefused(message)


def rejection_sk(session: Session, row: Request) -> dict[str, Any]:
    """The SK penetapan informasi dikecualikan the rejection cited, as its timeline event recorded it (the
    latest reject; a rejection made before the DIK was kept cites none)."""
    data = session.scalar(
        select(Event.data)
        .where(Event.request_id == row.id, Event.kind == "reject")
        .order_by(Event.at.desc(), Event.recorded_at.desc())
        .limit(1)
    )
    dik = (data or {}).get("dik") if isinstance(data, dict) else None
    if not isinstance(dik, dict) or not dik.get("sk_number"):
        return {}
    try:
        sk_date = dt.date.fromisoformat(str(dik.get("sk_date")))
    except ValueError:
        sk_date = None
    return {
        "sk_number": str(dik["sk_number"]),
        "sk_date": sk_date,
        "excluded_for": str(dik.get("excluded_for") or ""),
    }


def letter_fields(kind: str, row: Request, session: Session) -> tuple[dt.date, dict[str, Any]]:
    """The letter date and the kind-specific snapshot fields; refuses a letter the request's facts cannot carry."""
    if kind in ("receipt", "form"):
        extra: dict[str, Any] = {}
        if kind == "receipt":
            extra = {
                "complete": row.completed_at is not None,
                "completed_on": row.completed_at.date() if row.completed_at else None,
                "missing_items": tuple(str(m) for m in row.missing_items or []),
                "completion_deadline": deadline(row.deadlines, "completion"),
                "response_deadline": deadline(row.deadlines, "response"),
            }
        return row.received_at.date(), extra
    if kind == "incomplete":
        _require(
            bool(row.missing_items) and row.incomplete_notice_at is not None,
            "Permohonan ini tidak pernah dinyatakan tidak lengkap; surat keterangan tidak dapat dibuat.",
        )
        assert row.incomplete_notice_at is not None
        return row.incomplete_notice_at.date(), {
            "missing_items": tuple(str(m) for m in row.missing_items),
            "completion_deadline": deadline(row.deadlines, "completion"),
        }
    if kind == "extension":
        _require(row.extended_at is not None, "Permohonan ini tidak diperpanjang.")
        assert row.extended_at is not None
        reason = EXTENSION_REASONS.get(row.extension_reason or "", row.extension_reason or "")
        if row.extension_note:
            reason = f"{reason}. {row.extension_note}"
        return row.extended_at.date(), {
            "reason": reason,
            "original_deadline": deadline(row.deadlines, "response"),
            "new_deadline": deadline(row.deadlines, "extended"),
        }
    if kind == "notice":
        allowed = {Decision.GRANTED, Decision.PARTIAL, Decision.NOT_DOCUMENTED, Decision.NOT_HELD}
        _require(
            row.decision in {d.value for d in allowed} and row.decided_at is not None,
            "Belum ada keputusan pemberitahuan tertulis untuk permohonan ini.",
        )
        assert row.decided_at is not None
        if row.decision in (Decision.GRANTED.value, Decision.PARTIAL.value):
            fields: dict[str, Any] = {
                "variant": "A",
                "partial": row.decision == Decision.PARTIAL.value,
                "held_by_us": True,
                "forms": (row.info_form,) if row.info_form in INFO_FORMS else (),
                "costs": cost_lines(row.costs),
                "provision_time": f"{row.provision_days} hari kerja"
                if row.provision_days is not None
                else "",
                "redaction_explanation": row.redaction_reason or "",
                "payment_method": row.payment_method or "",
            }
        elif row.decision == Decision.NOT_DOCUMENTED.value:
            fields = {
                "variant": "B",
                "reason": "belum_didokumentasikan",
                "undocumented_provision": provision_period(row.provision_days),
            }
        else:  # tidak dikuasai: tick that box and name the body that holds it (UU 14/2008 Pasal 22(7)b)
            fields = {
                "variant": "B",
                "reason": "tidak_dikuasai",
                "held_by_us": False,
                "other_body": row.holder_body or row.forwarded_to or "",
            }
        return row.decided_at.date(), fields
    if kind == "rejection":
        _require(
            row.decision == Decision.REJECTED.value and row.decided_at is not None,
            "Permohonan ini tidak ditolak; surat keputusan penolakan tidak dapat dibuat.",
        )
        assert row.decided_at is not None
        return row.decided_at.date(), {
            "pasal17": (row.rejection_article,) if row.rejection_article else (),
            "other_basis": row.rejection_other_basis or "",
            "consequence": row.consequence_test or "",
            "objection_deadline": deadline(row.deadlines, "objection_filing"),
            "atasan": atasan_text(session),
            **rejection_sk(session, row),
        }
    if kind == "forward":
        holder = row.forwarded_to or row.holder_body
        _require(bool(holder), "Permohonan ini tidak diteruskan dan tidak menyebut badan publik lain.")
        day = row.forwarded_at or row.decided_at or row.received_at
        return day.date(), {
            "holder_name": holder,
            "forwarded": row.forwarded_at is not None,
            "forwarded_on": row.forwarded_at.date() if row.forwarded_at else None,
        }
    if kind == "handover":
        _require(row.delivered_at is not None, "Informasi belum diserahkan; berita acara belum dapat dibuat.")
        assert row.delivered_at is not None
        return row.delivered_at.date(), {
            "handed_at": row.delivered_at,
            "items": handed_items(row),
            "form": INFO_FORMS.get(row.info_form or "", "")
            or DELIVERY_METHODS.get(row.delivered_method or "", ""),
            "costs": cost_lines(row.costs),
            "payment_method": row.payment_method or "",
            "notes": DELIVERY_METHODS.get(row.delivered_method or "", ""),
        }
    raise ValueError(f"jenis surat tidak dikenal: {kind}")
