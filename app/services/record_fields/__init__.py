"""The field tables: one declaration per field of a request, a keberatan and a requester.

Each entry says, once, what the rest of the desk used to repeat by hand: the field's Indonesian label (the
supervisor's conflict review), whether a concurrent change of it is legally significant (held for a person
instead of merged), whether it is personal data and for which roles it is masked, its column in the Register
Permohonan export and on the register screen, its row in a detail pane (and whether the dossier prints that
row), whether an officer may correct it and under which name, the fixed choices its stored codes stand for,
and whether it is an attribute of the frozen view. Derived from these tables: ``RequestView`` /
``ObjectionView`` / ``RequesterView`` ``of()`` and ``to_dict()`` (``views.py``), the conflict labels
(``sync_conflict_fields.py``), the export columns and their coded cells (``export.py``), the columns a page of
the register reads (``register_query.py``), the columns of the register screen and of the Register Keberatan
(``ui/register/model.py``, ``ui/objections/page.py``, through ``ui/kit/columns.py``), the rows of the request's
and the keberatan's detail panes and of the dossier's "Penanganan Permohonan" (``record_details.py``), and the
fields the "Koreksi data" action accepts (``request_actions.py``, offered by ``ui/request/correction.py``), and
the rows of the DIK and DIP forms with their labels, mnemonics and hints (``ui/settings/information_lists.py``).

Legal significance is decided by the wire protocol (``ppid_protocol.fields.LEGAL_FIELDS``), which the city
server applies and which must not import the desk: the tables read it from there (the desk imports the
protocol, never the reverse), so the two cannot disagree; a test checks that every legal field the protocol
names is a field of these tables.

Labels shown on screen are Indonesian source strings marked with ``QT_TRANSLATE_NOOP`` under the context of the
pane, dialog or table that shows them (``DETAIL_CONTEXTS``, ``CORRECTION_CONTEXT``,
``SCREEN_CONTEXTS``, ``FORM_CONTEXT``): ``tools/i18n.py`` feeds this package's modules to lupdate and the UI translates them.

The tables are one module per record (``request.py``, ``requester.py``, ``objection.py``, ``calendar.py``; the
entries of the DIK and the DIP in ``information_lists.py``, whose labels name a refused entry's fields) over
the shared declarations of ``fields.py``; this package puts them together and derives from them what the rest of
the desk reads (a test that amends a table patches the names here, which the derivations read at each call).
"""

from __future__ import annotations

from app.domain.translatable import QT_TRANSLATE_NOOP
from app.services.record_fields.calendar import CALENDAR_FIELDS
from app.services.record_fields.fields import (
    CORRECTION_CONTEXT,
    DETAIL_CONTEXT,
    DETAIL_CONTEXTS,
    FORM_CONTEXT,
    MASKED_ROLES,
    SCREEN_CONTEXT,
    SCREEN_CONTEXTS,
    Correction,
    Detail,
    Entity,
    Export,
    FormRow,
    Pane,
    RecordField,
    Screen,
)
from app.services.record_fields.information_lists import DIK_FIELDS, DIP_FIELDS
from app.services.record_fields.objection import OBJECTION_FIELDS
from app.services.record_fields.request import REQUEST_FIELDS
from app.services.record_fields.requester import REQUESTER_FIELDS

__all__ = [
    "CALENDAR_FIELDS",
    "CORRECTION_CONTEXT",
    "DIK_FIELDS",
    "DIP_FIELDS",
    "DETAIL_CONTEXT",
    "DETAIL_CONTEXTS",
    "FIELD_LABELS",
    "FORM_CONTEXT",
    "MASKED_ROLES",
    "OBJECTION_FIELDS",
    "PANE_TABLES",
    "REQUESTER_FIELDS",
    "REQUEST_FIELDS",
    "SCREEN_CONTEXT",
    "SCREEN_CONTEXTS",
    "SECTIONS",
    "TABLES",
    "Correction",
    "Detail",
    "Entity",
    "Export",
    "FormRow",
    "Pane",
    "RecordField",
    "Screen",
    "correctable",
    "exported",
    "field_of",
    "form_fields",
    "pane_fields",
    "register_columns",
    "register_fields",
    "screen_columns",
]

TABLES: dict[Entity, tuple[RecordField, ...]] = {
    "request": REQUEST_FIELDS,
    "objection": OBJECTION_FIELDS,
    "requester": REQUESTER_FIELDS,
    "calendar": CALENDAR_FIELDS,
    "dik": DIK_FIELDS,
    "dip": DIP_FIELDS,
}


def field_of(entity: Entity, name: str) -> RecordField:
    for spec in TABLES[entity]:
        if spec.name == name:
            return spec
    raise KeyError(f"{entity}.{name}")


#: Each pane's sections in order, with their titles (translated under the pane's context).
SECTIONS: dict[Pane, tuple[tuple[str, str], ...]] = {
    "request": (
        ("requester", QT_TRANSLATE_NOOP("RequestDetails", "Pemohon")),
        ("request", QT_TRANSLATE_NOOP("RequestDetails", "Permohonan")),
        ("outcome", QT_TRANSLATE_NOOP("RequestDetails", "Keputusan dan penyelesaian")),
    ),
    "objection": (("objection", QT_TRANSLATE_NOOP("ObjectionsPage", "Rincian")),),
}
#: The tables whose rows a pane shows: the request's pane shows its requester's fields too.
PANE_TABLES: dict[Pane, tuple[tuple[RecordField, ...], ...]] = {
    "request": (REQUESTER_FIELDS, REQUEST_FIELDS),
    "objection": (OBJECTION_FIELDS,),
}


def form_fields(entity: Entity) -> list[RecordField]:
    """The fields of ``entity`` with a row in the form that records it, in the form's order."""
    shown = [f for f in TABLES[entity] if f.form is not None]
    return sorted(shown, key=lambda f: f.form.at if f.form is not None else 0)


def pane_fields(pane: Pane) -> list[RecordField]:
    """The fields with a row in ``pane``, in the order the pane shows them (section, then position)."""
    order = [key for key, _ in SECTIONS[pane]]
    shown = [(f, f.detail) for table in PANE_TABLES[pane] for f in table if f.detail is not None]
    return [f for f, d in sorted(shown, key=lambda pair: (order.index(pair[1].section), pair[1].at))]


def correctable() -> dict[str, RecordField]:
    """The fields the "Koreksi data" action accepts, by key (``requester.name``, ``information``), in the
    order the dialog offers them."""
    shown = [(f, f.correct) for table in (REQUESTER_FIELDS, REQUEST_FIELDS) for f in table if f.correct]
    return {f.key: f for f, c in sorted(shown, key=lambda pair: pair[1].at)}


#: Plain Indonesian labels of the fields a held sync operation can differ in, for the conflict review (the
#: records share names; where two have a field, the label is the same: tested).
FIELD_LABELS: dict[str, str] = {
    f.name: f.label
    for table in (CALENDAR_FIELDS, OBJECTION_FIELDS, REQUEST_FIELDS)
    for f in table
    if f.view or f.column
}


def exported() -> list[tuple[RecordField, Export]]:
    """The exported fields with their columns, in column order."""
    columns = [(f, f.export) for table in TABLES.values() for f in table if f.export is not None]
    return sorted(columns, key=lambda pair: pair[1].at)


def register_fields() -> dict[str, RecordField]:
    """The fields of a line of the Register Permohonan (``RegisterRow``), by the line's key: the exported fields
    under their column's key (``requester_kind`` for the requester's ``kind``)."""
    return {column.key or f.name: f for f, column in exported()}


def register_columns(entity: Entity) -> tuple[str, ...]:
    """The stored columns of ``entity`` (``request`` or ``requester``) that a line of the Register Permohonan
    reads: its exported fields that are stored, and the columns the worked-out ones are worked out from."""
    names: dict[str, None] = {}
    for f, _ in exported():
        if f.entity == entity:
            names.update(dict.fromkeys((f.name,) if f.column else f.reads))
    return tuple(names)


def screen_columns(listing: Pane) -> dict[str, RecordField]:
    """The columns of a listing's table (the register screen's, the keberatan list's) by key, in order: the
    fields the listing's tables put on screen, under their register line's key (``requester_kind``), at their
    ``Screen.at`` or else their export's position (the paper Register Permohonan's order, domain §4.1)."""
    shown = [f for table in PANE_TABLES[listing] for f in table if f.screen is not None]

    def at(f: RecordField) -> int:
        assert f.screen is not None
        return f.screen.at or (f.export.at if f.export is not None else 0)

    return {
        (f.export.key if f.export is not None and f.export.key else f.name): f for f in sorted(shown, key=at)
    }
