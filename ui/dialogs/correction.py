"""The fields of the "Koreksi data" action: which field, its new value, and why.

Why separate: the correctable fields mix free text and fixed choices (channel, how to obtain/receive), so the
value input switches between a line edit and a combo box, and the current value is shown as a hint so the
officer sees what is being replaced. The service checks the new value exactly as at intake.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit

from app.domain.lifecycle import CHANNELS, DELIVERY_METHODS, OBTAIN_METHODS
from app.services.views import RequestView
from ui.dialogs.form_fields import FormFields, combo

CHOICES = {"channel": CHANNELS, "obtain_method": OBTAIN_METHODS, "delivery_method": DELIVERY_METHODS}


def _tr(text: str) -> str:
    return QCoreApplication.translate("CorrectionFields", text)


def correctable_fields() -> dict[str, str]:
    return {
        "requester.name": _tr("Nama pemohon"),
        "requester.nik": _tr("NIK pemohon"),
        "requester.legal_number": _tr("No. SK pengesahan badan hukum"),
        "requester.address": _tr("Alamat pemohon"),
        "requester.phone": _tr("Telepon pemohon"),
        "requester.email": _tr("Email pemohon"),
        "requester.occupation": _tr("Pekerjaan pemohon"),
        "information": _tr("Rincian informasi"),
        "purpose": _tr("Tujuan penggunaan informasi"),
        "channel": _tr("Saluran"),
        "obtain_method": _tr("Cara memperoleh informasi"),
        "delivery_method": _tr("Cara mendapatkan salinan"),
    }


class CorrectionFields:
    def __init__(self, f: FormFields, view: RequestView) -> None:
        self.f, self.view = f, view
        self.field: QComboBox = f.add("field", _tr("&Data yang dikoreksi:"), combo(correctable_fields()))
        self.text_value: QLineEdit = f.add("value", _tr("&Nilai baru:"), QLineEdit())
        self.choice_value: QComboBox = f.add("value_choice", _tr("Nilai &baru:"), QComboBox())
        self.reason: QPlainTextEdit = f.add("reason", _tr("&Alasan koreksi:"), QPlainTextEdit())
        self.reason.setFixedHeight(60)
        self.field.currentIndexChanged.connect(self._switch)
        self._switch()

    def current_value(self, key: str) -> str:
        if key.startswith("requester."):
            value = getattr(self.view.requester, key.split(".", 1)[1], None)
            if key == "requester.phone":
                value = self.view.requester.phone_display
        else:
            value = getattr(self.view, key, None)
            if key in CHOICES and value:
                value = CHOICES[key].get(str(value), value)
        return "" if value is None else str(value)

    def _switch(self) -> None:
        key = str(self.field.currentData())
        choice = key in CHOICES
        self.f.set_visible("value", not choice)
        self.f.set_visible("value_choice", choice)
        if choice:
            self.choice_value.clear()
            for value, label in CHOICES[key].items():
                self.choice_value.addItem(label, value)
        self.f.set_hint("field", _tr("Nilai sekarang: {0}").format(self.current_value(key) or "–"))

    def collect(self) -> dict[str, Any]:
        key = str(self.field.currentData())
        value = self.choice_value.currentData() if key in CHOICES else self.text_value.text()
        return {"field": key, "value": value, "reason": self.reason.toPlainText()}
