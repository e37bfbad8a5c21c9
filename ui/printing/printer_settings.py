"""Which paper and which printer each kind of document uses, and whether the receipt prints by itself.

Why a setting per kind: a desk typically has a thermal roll printer for the receipt next to the counter and an
office laser printer (A4 or F4) for letters and registers. Stored as one office setting ``printing`` (a plain
dict, so it travels with backups) through ``OfficeService.setting`` / ``set_setting`` (audited).

The letters service reads the same setting (``LetterService.print_settings``: the paper a letter is issued on
when none is asked for). Stored shape::

    {"kinds": {"receipt": {"paper": "thermal80", "printer": "EPSON TM-T82"}, ...},
     "receipt_autoprint": true}

An empty printer name means "the default printer of this PC". A printer name that does not exist on this PC
falls back to the default printer when printing (see ``print_service``), so a setting made on one PC never
blocks another.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from app.documents.kinds import DOCUMENT_KINDS, PAPERS
from app.documents.kinds import KINDS as REGISTRY
from app.errors import ValidationError
from app.services.context import Actor
from app.services.office import OfficeService

SETTING_KEY = "printing"

#: Every kind that can be printed, in the order the settings table shows them (the registry's order).
KINDS: tuple[str, ...] = DOCUMENT_KINDS

#: Paper codes as the renderers know them (``app.documents.kinds.PAPER_CODES``), with their labels.
PAPER_LABELS: dict[str, str] = {"A4": "A4", "A5": "A5", "F4": "F4 (folio)", "thermal80": "Rol 80 mm"}

DEFAULT_PAPER: dict[str, str] = {kind.code: kind.default_paper for kind in REGISTRY}


@dataclass(frozen=True)
class KindSetting:
    paper: str = "A4"
    printer: str = ""  # empty: the default printer of this PC


@dataclass(frozen=True)
class PrintingSettings:
    kinds: dict[str, KindSetting] = field(default_factory=dict)
    receipt_autoprint: bool = False

    def for_kind(self, kind: str) -> KindSetting:
        return self.kinds.get(kind, KindSetting(paper=DEFAULT_PAPER.get(kind, "A4")))

    def paper(self, kind: str) -> str:
        return self.for_kind(kind).paper

    def printer(self, kind: str) -> str:
        return self.for_kind(kind).printer

    def with_kind(
        self, kind: str, *, paper: str | None = None, printer: str | None = None
    ) -> PrintingSettings:
        current = self.for_kind(kind)
        updated = replace(
            current,
            paper=current.paper if paper is None else paper,
            printer=current.printer if printer is None else printer,
        )
        return replace(self, kinds={**self.kinds, kind: updated})

    def to_dict(self) -> dict[str, Any]:
        return {
            "kinds": {
                kind: {"paper": self.for_kind(kind).paper, "printer": self.for_kind(kind).printer}
                for kind in KINDS
            },
            "receipt_autoprint": self.receipt_autoprint,
        }

    @classmethod
    def from_dict(cls, value: Mapping[str, Any]) -> PrintingSettings:
        """Lenient: an unknown kind is dropped and a paper the kind cannot use reverts to its default, so a
        hand-edited or older setting never stops the desk from printing."""
        kinds: dict[str, KindSetting] = {}
        stored = value.get("kinds")
        for kind in KINDS:
            raw = stored.get(kind) if isinstance(stored, Mapping) else None
            if not isinstance(raw, Mapping):
                kinds[kind] = KindSetting(paper=DEFAULT_PAPER[kind])
                continue
            paper = str(raw.get("paper") or DEFAULT_PAPER[kind])
            if paper not in PAPERS[kind]:
                paper = DEFAULT_PAPER[kind]
            kinds[kind] = KindSetting(paper=paper, printer=str(raw.get("printer") or "").strip())
        return cls(kinds=kinds, receipt_autoprint=bool(value.get("receipt_autoprint", False)))


def validate(settings: PrintingSettings) -> None:
    """Refuse papers a kind cannot be rendered on (field ``<kind>.paper``), with an Indonesian message."""
    errors: dict[str, str] = {}
    for kind, item in settings.kinds.items():
        if kind not in PAPERS:
            errors[f"{kind}"] = f"Jenis dokumen '{kind}' tidak dikenal."
        elif item.paper not in PAPERS[kind]:
            allowed = ", ".join(PAPER_LABELS[p] for p in PAPERS[kind])
            errors[f"{kind}.paper"] = f"Kertas untuk dokumen ini harus salah satu: {allowed}."
    if errors:
        raise ValidationError(errors)


def load(office: OfficeService) -> PrintingSettings:
    return PrintingSettings.from_dict(office.setting(SETTING_KEY))


def save(office: OfficeService, actor: Actor, settings: PrintingSettings) -> None:
    """Validate and store (administrators; audited by the office service)."""
    validate(settings)
    kept = office.setting(SETTING_KEY)  # keys another part of the desk may add are kept
    office.set_setting(actor, SETTING_KEY, {**kept, **settings.to_dict()})
