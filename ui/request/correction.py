"""The fields of the "Koreksi data" action: which field, its new value, and why.

Which fields may be corrected, under which name and with which fixed choices, is the field table's
(``app/services/record_fields/``), the same table the service checks the field against.

Why separate: the correctable fields mix free text and fixed choices (channel, how to obtain/receive), so the
value input switches between a line edit and a combo box, and the current value is shown as a hint so the
officer sees what is being replaced. The service checks the new value exactly as at intake.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit

from app.services.record_fields import CORRECTION_CONTEXT, correctable
from app.services.views import RequestView
from ui.kit.forms import FieldForm, combo


def correctable_fields() -> dict[str, str]:
    """The fields an officer may correct (the field table's ``correct``), by key, with their translated names."""
    return {
        key: QCoreApplication.translate(CORRECTION_CONTEXT, spec.correct.label)
        for key, spec in correctable().items()
        if spec.correct is not None
    }


def _choices(key: str) -> Mapping[Any, str] | None:
    """The fixed choices of a field that has them (channel, how to obtain, how to receive), else None."""
    return correctable()[key].options


class CorrectionFields:
    def __init__(self, f: FieldForm, view: RequestView) -> None:
        self.f, self.view = f, view
        self.field: QComboBox = f.add(
            "field",
            QCoreApplication.translate("CorrectionFields", "&Data yang dikoreksi:"),
            combo(correctable_fields()),
        )
        self.text_value: QLineEdit = f.add(
            "value", QCoreApplication.translate("CorrectionFields", "&Nilai baru:"), QLineEdit()
        )
        self.choice_value: QComboBox = f.add(
            "value_choice", QCoreApplication.translate("CorrectionFields", "Nilai &baru:"), QComboBox()
        )
        self.reason: QPlainTextEdit = f.add(
            "reason", QCoreApplication.translate("CorrectionFields", "&Alasan koreksi:"), QPlainTextEdit()
        )
        self.reason.setFixedHeight(60)
        self.field.currentIndexChanged.connect(self._switch)
        self._switch()

    def current_value(self, key: str) -> str:
        if key.startswith("requester."):
            value = getattr(self.view.requester, key.split(".", 1)[1], None)
            if key in ("requester.phone", "requester.email"):
                value = getattr(self.view.requester, key.split(".", 1)[1] + "_display")
        else:
            value = getattr(self.view, key, None)
            choices = _choices(key)
            if choices is not None and value:
                value = choices.get(str(value), value)
        return "" if value is None else str(value)

    def _switch(self) -> None:
        key = str(self.field.currentData())
        choices = _choices(key)
        self.f.set_visible("value", choices is None)
        self.f.set_visible("value_choice", choices is not None)
        if choices is not None:
            self.choice_value.clear()
            for value, label in choices.items():
                self.choice_value.addItem(label, value)
        self.f.set_hint(
            "field",
            QCoreApplication.translate("CorrectionFields", "Nilai sekarang: {0}").format(
                self.current_value(key) or "–"
            ),
        )

    def collect(self) -> dict[str, Any]:
        key = str(self.field.currentData())
        value = self.choice_value.currentData() if _choices(key) is not None else self.text_value.text()
        return {"field": key, "value": value, "reason": self.reason.toPlainText()}
