"""What every field table is made of: a field (``RecordField``) and its column, row and correction, the
records and panes the tables speak of, the translation contexts of their labels and the roles that see personal
data masked. The tables themselves are one module per record beside this one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal, NamedTuple

from app.domain.permissions import GRANTS, Permission, Role
from ppid_protocol.fields import is_legal_field

Entity = Literal["request", "objection", "requester", "calendar", "dik", "dip"]
Pane = Literal["request", "objection"]
"""A detail pane: the request's (its requester's fields included) and the keberatan's."""

DETAIL_CONTEXT = "RequestDetails"
SCREEN_CONTEXT = "RegisterTableModel"
# The translation context of each listing's column headers (the keberatan's are the page's own strings).
SCREEN_CONTEXTS: dict[Pane, str] = {"request": SCREEN_CONTEXT, "objection": "ObjectionsPage"}
#: The translation context of each pane's labels (the keberatan's are the page's own strings).
DETAIL_CONTEXTS: dict[Pane, str] = {"request": DETAIL_CONTEXT, "objection": "ObjectionsPage"}
CORRECTION_CONTEXT = "CorrectionFields"

#: Roles that see personal data masked: those without the right to see it in full (today: petugas).
MASKED_ROLES: frozenset[Role] = frozenset(
    role for role, allowed in GRANTS.items() if Permission.VIEW_PERSONAL_DATA not in allowed
)


class Export(NamedTuple):
    """A field's column in the Register Permohonan export: header, position (the Register Permohonan's order,
    domain §4.1, then the desk's internal columns) and JSON key (default: the field's name)."""

    header: str
    at: int
    key: str = ""


class Screen(NamedTuple):
    """A field's column in a listing's table (the Register Permohonan screen, the Register Keberatan): its header
    (shorter than the export's where the screen is narrow), whether it shows before the officer picks columns,
    and its position (0: the export's, as on the register screen, where a field on screen is exported)."""

    header: str
    shown: bool = False
    at: int = 0


class Detail(NamedTuple):
    """A field's row in a detail pane: its label, the pane's section (``SECTIONS``) and position in the pane.

    ``always``: the row is shown even when the field is empty (else only once it has a value); ``dossier``: the
    dossier prints the row too, under "Penanganan Permohonan" (the form's own parts print the rest).
    """

    label: str
    section: str
    at: int
    always: bool = False
    dossier: bool = False


#: The translation context of the labels and hints of the forms that record a DIK or DIP entry.
FORM_CONTEXT = "InformationListForm"


class FormRow(NamedTuple):
    """A field's row in the form that records it (the DIK and DIP forms, Pengaturan › Daftar informasi): its
    label as the form shows it, with its mnemonic (``&``, unique in the form's window) and colon, its place in
    the form and the hint under it; translated under ``FORM_CONTEXT``. Without the ``&`` and the colon the
    label is the field's own ``label`` (by which a refused entry names the field): the form takes both from
    this one declaration and a test holds them together."""

    label: str
    at: int
    hint: str = ""


class Correction(NamedTuple):
    """A field the "Koreksi data" action may correct: its name in the dialog and its place in the list."""

    label: str
    at: int


@dataclass(frozen=True)
class RecordField:
    """One field of a record.

    ``view``: an attribute of the frozen view; ``column``: stored in the register (and so compared by sync);
    ``json``: a key of the view's ``to_dict()`` in its own right (not only inside a group such as ``due``);
    ``masked_for``: the roles that see it masked; ``screen``: its column on the register screen; ``detail``: its
    row in the detail pane; ``correct``: an officer
    may correct it; ``form``: its row in the form that records it; ``options``: the fixed choices its stored code stands for (code -> Indonesian text);
    ``reads``: for a field worked out rather than stored (``column`` false), the stored columns it is worked out
    from (what a register line must read to show it).
    ``entity`` and ``legal`` are filled in by ``table``.
    """

    name: str
    label: str
    view: bool = True
    column: bool = True
    json: bool = True
    export: Export | None = None
    screen: Screen | None = None
    personal: bool = False  # personal data (UU 27/2022)
    masked_for: frozenset[Role] = frozenset()
    detail: Detail | None = None
    correct: Correction | None = None
    form: FormRow | None = None
    options: Mapping[Any, str] | None = field(default=None, compare=False)
    reads: tuple[str, ...] = ()
    entity: Entity = "request"
    legal: bool = False

    @property
    def key(self) -> str:
        """The field as a request names it: a requester's field is ``requester.<name>`` (the correction's key)."""
        return f"requester.{self.name}" if self.entity == "requester" else self.name


def table(entity: Entity, *fields: RecordField) -> tuple[RecordField, ...]:
    """A record's fields, each told its record and whether the protocol holds it legally significant."""
    return tuple(
        replace(f, entity=entity, legal=is_legal_field(entity, f.name), json=f.json and f.view)
        for f in fields
    )
