"""Issuing, recording and reprinting the desk's documents.

An issued letter is a record: in one transaction the letter gets its number (office pattern, the kind's
classification code, Roman month, and the next entry of the desk's one yearly agenda of outgoing letters, shared
by every kind, so no two letters ever share a number), its snapshot is built from the register and frozen with the template wording
of the day, the PDF is rendered (so a failure issues nothing), and the snapshot, its SHA-256 and a timeline
event are stored, with the outbox op that carries the letter (its NIK masked) to the city server
(``app/services/letter_sync.py``). ``issue`` for a kind that was already issued returns the stored letter
(reprint) instead of a new number, unless ``reissue=True``; a reprint renders the stored snapshot and is
byte-identical.

Registers and dossiers are printouts of the current register, not letters: they are audited but not numbered.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.documents import snapshot as s
from app.documents.kinds import DOCUMENT_TITLES, LETTER_KINDS, NUMBERED, PAPERS, REQUEST_LETTERS, kind_of
from app.documents.templates import load_template
from app.domain import text as text_rules
from app.domain.identity import printed_phone
from app.domain.numbering import LETTER_COUNTER, counter_key, parts_for, render_letter_number
from app.domain.permissions import Permission
from app.errors import NotFound, ValidationError
from app.ids import new_id
from app.services.context import Actor, DeskContext
from app.services.identity import as_recorded
from app.services.journal import audit, record_event
from app.services.letter_pii import PII_KEY, seal, unseal
from app.services.letter_snapshots import (
    atasan_text,
    deadline,
    handed_over_by,
    letter_fields,
    office_snapshot,
    officer_signatory,
    ppid_signatory,
    request_snapshot,
    requester_snapshot,
)
from app.services.letter_sync import enqueue_letter
from app.services.office import OfficeService, load_office
from app.services.printout_rows import dossier_snapshot, objection_rows, request_rows
from app.services.register import load_request, next_counter
from db.models import IssuedLetter, Objection, Request, Requester, User


def _audit_full_view(
    session: Session, actor: Actor, now: dt.datetime, letter: tuple[str, str | None], request: str
) -> None:
    """A reprint showing the full NIK and phone is a view of personal data, audited like the register's."""
    audit(
        session,
        actor,
        now,
        action="view_personal_data",
        entity="letter",
        entity_id=letter[0],
        details={"fields": ["nik", "phone", "email", "address"], "request": request, "letter": letter[1]},
    )


def render(snapshot: s.Snapshot, paper: str | None = None) -> bytes:
    """Render through reportlab, imported on first use: the workstation starts without loading it."""
    from app.documents.rendering import render as render_pdf

    return render_pdf(snapshot, paper)


def pdf_sha256(pdf: bytes) -> str:
    from app.documents.rendering import pdf_sha256 as digest

    return digest(pdf)


def _stored_sha256(stored: Mapping[str, Any]) -> str:
    """SHA-256 of the PDF a stored snapshot (with its ``paper``) renders to, as a reprint renders it."""
    data = dict(stored)
    paper = str(data.pop("paper", "A4"))
    return pdf_sha256(render(s.Snapshot.from_dict(data), paper))


#: The snapshot class of each request letter, as ``app/documents/snapshot.py`` registers them by kind.
_SNAPSHOT_CLASSES: dict[str, type[s.LetterSnapshot]] = {
    kind: cls for kind in REQUEST_LETTERS if issubclass(cls := s.SNAPSHOT_KINDS[kind], s.LetterSnapshot)
}
#: Setting key: ``{"classifications": {kind: code}}``, the office's own classification code per letter kind
#: (over the registry's, over the office's one code).
LETTER_SETTING = "letters"
#: Setting key shared with the workstation (``ui/printing/printer_settings.py``):
#: ``{"kinds": {kind: {"paper": ..., "printer": ...}}, "receipt_autoprint": bool}``. An empty printer means the
#: system default; the workstation opens the PDF when the PC has no printer.
PRINT_SETTING = "printing"


@dataclass(frozen=True)
class IssuedDocument:
    """A letter as issued (or reprinted): its record and the PDF bytes."""

    id: str
    kind: str
    title: str
    number: str
    request_number: str
    issued_at: dt.datetime
    issued_by: str
    sha256: str
    pdf: bytes = field(repr=False, default=b"")
    reprint: bool = False
    identical: bool = True  # a reprint matched the stored fingerprint
    warnings: tuple[str, ...] = ()
    masked: bool = False  # a reprint for a reader who sees personal data masked (not the letter as issued)
    paper: str = ""  # the paper this copy was rendered on
    issued_paper: str = ""  # the paper the letter was issued on; a reprint on other paper is not identical
    issued_by_name: str = ""  # the officer's full name (``letters``), as the agenda names them

    @property
    def other_paper(self) -> bool:
        """A reprint on another paper than the letter was issued on: same content, not the same document."""
        return self.reprint and bool(self.paper) and self.paper != self.issued_paper

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "title": self.title,
            # the number the document carries: a receipt or form has no letter number of its own and shows
            # the registration number; ``letter_number`` is null for such documents
            "number": self.number or self.request_number,
            "letter_number": self.number or None,
            "request_number": self.request_number,
            "issued_at": self.issued_at.isoformat(),
            "issued_by": self.issued_by,
            "issued_by_name": self.issued_by_name or self.issued_by,
            "sha256": self.sha256,
            "reprint": self.reprint,
            "identical": self.identical,
            "other_paper": self.other_paper,
            "warnings": list(self.warnings),
        }


def classification_of(kind: str, office: Any, overrides: Mapping[str, Any]) -> str:
    """The kode klasifikasi for a letter of ``kind``: the office's override for the kind, else the registry's
    code for it, else the office's one code."""
    return str(overrides.get(kind) or kind_of(kind).classification or office.letter_classification)


def _letter_number(
    session: Session, office: Any, kind: str, day: dt.date, overrides: Mapping[str, Any]
) -> tuple[str, tuple[str, int]]:
    """The next letter number and the (counter key, seq) it used: the seq travels with the letter so a desk
    restored from an old backup moves its counter past it (``app/sync/apply_letters.py``).

    Every kind draws from the one counter of the letter's year (the buku agenda surat keluar), and the desk
    letter is always in the number (``render_letter_number``): unique per office, offline and after sync."""
    key = counter_key(LETTER_COUNTER, day.year)
    seq = next_counter(session, key)
    number = render_letter_number(
        office.letter_template,
        parts_for(office.code, office.desk_letter, seq, day),
        classification=classification_of(kind, office, overrides),
        unit=office.letter_unit,
    )
    return number, (key, seq)


class LetterService:
    def __init__(self, ctx: DeskContext) -> None:
        self.ctx = ctx

    # --- issuing ----------------------------------------------------------------------------------------

    def issue(
        self, actor: Actor, kind: str, number: str, *, paper: str | None = None, reissue: bool = False
    ) -> IssuedDocument:
        """Issue (or, if already issued, reprint) the ``kind`` letter for request/objection ``number``."""
        actor.require(Permission.RECORD_REQUEST)
        if kind not in LETTER_KINDS:
            raise ValidationError({"kind": "Jenis dokumen harus salah satu: " + ", ".join(LETTER_KINDS)})
        overrides = self._overrides()
        if paper is None and not self._has_issued(kind, number):
            paper = self.print_settings()[kind]["paper"]
        now = self.ctx.clock()
        with self.ctx.db.transaction() as session:
            request, objection = self._load(session, kind, number)
            existing = self._latest(session, kind, request.id, objection.id if objection else None)
            if existing is not None and not reissue:
                audit(
                    session,
                    actor,
                    now,
                    action="letter_reprint",
                    entity="letter",
                    entity_id=existing.id,
                    details={"kind": kind, "number": existing.number, "request": request.number},
                )
                full = actor.can(Permission.VIEW_PERSONAL_DATA)
                if full:
                    _audit_full_view(session, actor, now, (existing.id, existing.number), request.number)
                return self._reprint(existing, request.number, paper, full=full)
            template, warnings = load_template(kind, self.ctx.data_dir)
            office = load_office(session)
            snap = self._build(session, actor, kind, request, objection, office, template.as_wording())
            counter: tuple[str, int] | None = None
            if kind in NUMBERED:
                letter_no, counter = _letter_number(session, office, kind, snap.letter.date, overrides)
                snap = replace(snap, letter=replace(snap.letter, number=letter_no))
            pdf = render(snap, paper)
            row = IssuedLetter(
                id=new_id(),
                request_id=request.id,
                objection_id=objection.id if objection else None,
                kind=kind,
                number=snap.letter.number or None,
                issued_at=now,
                issued_by=actor.username,
                snapshot={**seal(snap.to_dict(), self.ctx.vault), "paper": paper or "A4"},
                sha256=pdf_sha256(pdf),
            )
            session.add(row)
            title = DOCUMENT_TITLES[kind]
            shown = row.number or (objection.number if objection else request.number)
            event = record_event(
                session,
                actor,
                now,
                kind="letter",
                at=now,
                request_id=request.id,
                objection_id=objection.id if objection else None,
                summary=f"{title} diterbitkan ({shown})" + (" – terbit ulang" if existing else ""),
                data={
                    "letter_id": row.id,
                    "letter_kind": kind,
                    "letter_number": row.number,
                    "sha256": row.sha256,
                },
            )
            enqueue_letter(
                session, self.ctx.vault, now, row=row, event=event, request=request, objection=objection,
                office=office, counter=counter, fingerprint=_stored_sha256,
            )  # fmt: skip
            audit(
                session,
                actor,
                now,
                action="letter_issue",
                entity="letter",
                entity_id=row.id,
                details={"kind": kind, "number": row.number, "request": request.number},
            )
            return self._document(row, request.number, pdf, reprint=False, warnings=tuple(warnings))

    def _load(self, session: Session, kind: str, number: str) -> tuple[Request, Objection | None]:
        if kind == "objection":
            objection = session.scalar(select(Objection).where(Objection.number == number.strip()))
            if objection is None:
                raise NotFound(f"Keberatan nomor '{number}' tidak ditemukan.")
            request = session.get(Request, objection.request_id)
            assert request is not None
            return request, objection
        return load_request(session, number), None

    def _latest(
        self, session: Session, kind: str, request_id: str, objection_id: str | None
    ) -> IssuedLetter | None:
        query = select(IssuedLetter).where(IssuedLetter.kind == kind, IssuedLetter.request_id == request_id)
        if objection_id is not None:
            query = query.where(IssuedLetter.objection_id == objection_id)
        return session.scalar(query.order_by(IssuedLetter.issued_at.desc(), IssuedLetter.id.desc()).limit(1))

    def _build(
        self,
        session: Session,
        actor: Actor,
        kind: str,
        request: Request,
        objection: Objection | None,
        office: Any,
        wording: Mapping[str, Any],
    ) -> s.LetterSnapshot:
        current = session.get(Requester, request.requester_id)
        assert current is not None
        requester = as_recorded(request, current)  # the identity this request recorded at intake
        common: dict[str, Any] = {
            "office": office_snapshot(office, session),
            "request": request_snapshot(request),
            "wording": dict(wording),
        }
        if objection is not None:
            return s.ObjectionSnapshot(
                **common,
                letter=s.LetterMeta(number=objection.number, date=objection.filed_at.date()),
                requester=requester_snapshot(requester, objection.proxy, self.ctx.vault, actor),
                signatory=officer_signatory(session, objection.received_by),
                received_at=objection.filed_at,
                grounds=tuple(objection.grounds or ()),
                case=objection.case_summary or "",
                response_deadline=deadline(objection.deadlines, "response"),
                atasan=atasan_text(session),
            )
        day, fields = letter_fields(kind, request, session)
        signed_by = kind_of(kind).signer
        officer = actor.username
        if kind == "handover":  # the officer who handed the information over, not whoever prints it
            officer = handed_over_by(session, request) or officer
        signer = (
            officer_signatory(session, request.received_by if signed_by == "receiver" else officer)
            if signed_by in ("receiver", "officer")
            else ppid_signatory(session, office)
        )
        if kind == "receipt":
            fields["contact"] = " / ".join(x for x in (printed_phone(office.phone), office.email) if x)
        return _SNAPSHOT_CLASSES[kind](
            **common,
            letter=s.LetterMeta(number="", date=day),
            requester=requester_snapshot(requester, request.proxy, self.ctx.vault, actor),
            signatory=signer,
            **fields,
        )

    # --- reprinting and listing -------------------------------------------------------------------------

    def _reprint(
        self, row: IssuedLetter, request_number: str, paper: str | None, *, full: bool
    ) -> IssuedDocument:
        """Render the stored snapshot again: as issued for a reader who may see personal data (byte-identical on
        the paper it was issued on), with NIK, phone and e-mail masked for anyone else (``letter_pii``)."""
        stored = unseal(dict(row.snapshot), self.ctx.vault, full=full)
        stored_paper = str(stored.pop("paper", "A4"))
        pdf = render(s.Snapshot.from_dict(stored), paper or stored_paper)
        printed_on = paper or stored_paper
        masked = not full and PII_KEY in row.snapshot
        # on other paper the layout differs: the reprint is the letter's content, not the document issued
        identical = pdf_sha256(pdf) == row.sha256 if printed_on == stored_paper and not masked else False
        if masked:
            identical = True  # a masked view says so itself (``masked``)
        doc = self._document(row, request_number, pdf, reprint=True, identical=identical)
        return replace(doc, masked=masked, paper=printed_on, issued_paper=stored_paper)

    def reprint(self, actor: Actor, letter_id: str, *, paper: str | None = None) -> IssuedDocument:
        """Render a stored letter again from its snapshot, per the reader's role (see ``_reprint``)."""
        actor.require(Permission.RECORD_REQUEST)
        full = actor.can(Permission.VIEW_PERSONAL_DATA)
        with self.ctx.db.reader() as session:
            row = session.get(IssuedLetter, letter_id)
            if row is None:
                raise NotFound("Surat tidak ditemukan.")
            request = session.get(Request, row.request_id) if row.request_id else None
            doc = self._reprint(row, request.number if request else "", paper, full=full)
        with self.ctx.db.transaction() as session:  # a reprint shows personal data: it is audited
            now = self.ctx.clock()
            audit(
                session,
                actor,
                now,
                action="letter_reprint",
                entity="letter",
                entity_id=doc.id,
                details={"kind": doc.kind, "number": doc.number, "request": doc.request_number,
                         "masked": doc.masked},
            )  # fmt: skip
            if full:
                _audit_full_view(session, actor, now, (doc.id, doc.number), doc.request_number)
        return doc

    def letters(self, actor: Actor, request_number: str) -> list[IssuedDocument]:
        """Every letter issued for a request (and its objections), oldest first, without the PDF bytes."""
        actor.require(Permission.RECORD_REQUEST)
        with self.ctx.db.reader() as session:
            request = load_request(session, request_number)
            rows = session.scalars(
                select(IssuedLetter)
                .where(IssuedLetter.request_id == request.id)
                .order_by(IssuedLetter.issued_at)
            ).all()
            names = dict(session.execute(select(User.username, User.full_name)).all())
            return [
                replace(
                    self._document(r, request.number, b"", reprint=False),
                    issued_by_name=names.get(r.issued_by) or r.issued_by,
                )
                for r in rows
            ]

    def _document(
        self,
        row: IssuedLetter,
        request_number: str,
        pdf: bytes,
        *,
        reprint: bool,
        identical: bool = True,
        warnings: tuple[str, ...] = (),
    ) -> IssuedDocument:
        return IssuedDocument(
            id=row.id,
            kind=row.kind,
            title=DOCUMENT_TITLES.get(row.kind, row.kind),
            number=row.number or "",
            request_number=request_number,
            issued_at=row.issued_at,
            issued_by=row.issued_by,
            sha256=row.sha256 or "",
            pdf=pdf,
            reprint=reprint,
            identical=identical,
            warnings=warnings,
        )

    def classifications(self) -> dict[str, str]:
        """The kode klasifikasi each numbered kind's letters get now."""
        with self.ctx.db.reader() as session:
            office = load_office(session)
            return {kind: classification_of(kind, office, self._overrides()) for kind in sorted(NUMBERED)}

    def set_classification(self, actor: Actor, kind: str, code: str) -> dict[str, str]:
        """The office's own code for one kind (empty: back to the registry's or the office's code)."""
        if kind not in NUMBERED:
            raise ValidationError({"kind": "Jenis surat bernomor: " + ", ".join(sorted(NUMBERED))})
        code = text_rules.line(code, "code") or ""  # the register's text rules: no control character
        if len(code) > 30 or any(ch in code for ch in "/{} "):  # a tab or space would split the letter number
            raise ValidationError(
                {
                    "code": "Kode klasifikasi maks. 30 karakter, tanpa spasi, '/' atau kurung kurawal (mis. 000.5.9)."
                }
            )
        whole = self._setting(LETTER_SETTING)
        overrides = {k: v for k, v in self._overrides().items() if k != kind}
        if code:
            overrides[kind] = code
        OfficeService(self.ctx).set_setting(actor, LETTER_SETTING, {**whole, "classifications": overrides})
        return self.classifications()

    def _overrides(self) -> dict[str, str]:
        codes = self._setting(LETTER_SETTING).get("classifications")
        return {str(k): str(v) for k, v in codes.items()} if isinstance(codes, dict) else {}

    def _has_issued(self, kind: str, number: str) -> bool:
        """Whether ``issue`` would reprint (a reprint keeps the paper it was issued on unless told otherwise)."""
        with self.ctx.db.reader() as session:
            request, objection = self._load(session, kind, number)
            return self._latest(session, kind, request.id, objection.id if objection else None) is not None

    def print_settings(self) -> dict[str, dict[str, str]]:
        """Paper and printer for every document type (defaults: A4, the system's default printer)."""
        kinds = self._setting(PRINT_SETTING).get("kinds")
        stored: dict[str, Any] = kinds if isinstance(kinds, dict) else {}
        out: dict[str, dict[str, str]] = {}
        for kind, papers in PAPERS.items():
            raw = stored.get(kind)
            entry: dict[str, Any] = raw if isinstance(raw, dict) else {}
            paper = str(entry.get("paper") or papers[0])
            out[kind] = {
                "paper": paper if paper in papers else papers[0],
                "printer": str(entry.get("printer") or ""),
            }
        return out

    def set_print_settings(
        self, actor: Actor, changes: Mapping[str, Mapping[str, str]]
    ) -> dict[str, dict[str, str]]:
        """Change paper/printer per document type; unknown types or papers are refused with Indonesian messages."""
        errors: dict[str, str] = {}
        merged = self.print_settings()
        for kind, entry in changes.items():
            if kind not in PAPERS:
                errors[kind] = "Jenis dokumen tidak dikenal: " + kind
                continue
            paper = str(entry.get("paper") or merged[kind]["paper"])
            if paper not in PAPERS[kind]:
                errors[f"{kind}.paper"] = "Kertas harus salah satu: " + ", ".join(PAPERS[kind])
                continue
            try:  # a printer's name by the register's text rules: no control character, not endless
                printer = text_rules.line(
                    entry.get("printer", merged[kind]["printer"]), f"{kind}.printer", max_length=200
                )
            except ValidationError as exc:
                errors.update(exc.fields)
                continue
            merged[kind] = {"paper": paper, "printer": printer or ""}
        if errors:
            raise ValidationError(errors)
        whole = self._setting(PRINT_SETTING)
        OfficeService(self.ctx).set_setting(actor, PRINT_SETTING, {**whole, "kinds": merged})
        return merged

    def _setting(self, key: str) -> dict[str, Any]:
        from db.models import Setting

        with self.ctx.db.reader() as session:
            row = session.get(Setting, key)
            return dict(row.value) if row else {}

    # --- printouts: registers and the dossier --------------------------------------------------------------

    def register_pdf(
        self,
        actor: Actor,
        start: dt.date,
        end: dt.date,
        *,
        objections: bool = False,
        paper: str | None = None,
    ) -> tuple[bytes, list[str]]:
        """Register Permohonan (or Keberatan) for requests received / objections filed in [start, end]."""
        actor.require(Permission.RECORD_REQUEST)
        reveal = actor.can(Permission.VIEW_PERSONAL_DATA)  # a petugas's printout shows contacts masked
        if end < start:
            raise ValidationError({"to": "Tanggal akhir periode tidak boleh sebelum tanggal awal."})
        paper = paper or self.print_settings()["register"]["paper"]
        if paper not in PAPERS["register"]:
            raise ValidationError({"paper": "Kertas register harus A4 atau F4."})
        template, warnings = load_template(
            "register_objections" if objections else "register", self.ctx.data_dir
        )
        lo, hi = (
            dt.datetime.combine(start, dt.time.min),
            dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min),
        )
        with self.ctx.db.reader() as session:
            office = load_office(session)
            common: dict[str, Any] = {
                "office": office_snapshot(office, session),
                "period_from": start,
                "period_to": end,
                "printed_on": self.ctx.clock().date(),
                "signatory": ppid_signatory(session, office),
                "objections": objections,
                "paper": paper,
                "wording": template.as_wording(),
            }
            if objections:
                rows = objection_rows(session, lo, hi, reveal=reveal)
                snap = s.RegisterSnapshot(**common, objection_rows=tuple(rows))
                count = len(snap.objection_rows)
            else:
                snap = s.RegisterSnapshot(**common, rows=tuple(request_rows(session, lo, hi, reveal=reveal)))
                count = len(snap.rows)
        pdf = render(snap)
        with self.ctx.db.transaction() as session:
            audit(
                session,
                actor,
                self.ctx.clock(),
                action="register_print",
                entity="register",
                entity_id=None,
                details={
                    "objections": objections,
                    "from": start.isoformat(),
                    "to": end.isoformat(),
                    "rows": count,
                },
            )
        return pdf, warnings

    def dossier_pdf(self, actor: Actor, number: str) -> tuple[bytes, list[str]]:
        """The complete file of one request (data, deadlines, timeline, letters, objections)."""
        actor.require(Permission.RECORD_REQUEST)
        template, warnings = load_template("dossier", self.ctx.data_dir)
        now = self.ctx.clock()
        with self.ctx.db.reader() as session:
            office = load_office(session)
            request = load_request(session, number)
            current = session.get(Requester, request.requester_id)
            assert current is not None
            requester = as_recorded(request, current)
            snap = dossier_snapshot(
                session, self.ctx, actor, office, request, requester, now, template.as_wording()
            )
            request_id, request_number = request.id, request.number
        pdf = render(snap)
        with self.ctx.db.transaction() as session:
            audit(
                session,
                actor,
                now,
                action="dossier_print",
                entity="request",
                entity_id=request_id,
                details={"number": request_number},
            )
        return pdf, warnings
