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
from ui.kit.forms import FieldForm, combo

CHOICES = {"channel": CHANNELS, "obtain_method": OBTAIN_METHODS, "delivery_method": DELIVERY_METHODS}


def correctable_fields() -> dict[str, str]:
    return {
        "requester.name": QCoreApplication.translate("CorrectionFields", "Nama pemohon"),
        "requester.nik": QCoreApplication.translate("CorrectionFields", "NIK pemohon"),
        "requester.legal_number": QCoreApplication.translate(
            "CorrectionFields", "No. SK pengesahan badan hukum"
        ),
        "requester.address": QCoreApplication.translate("CorrectionFields", "Alamat pemohon"),
        "requester.phone": QCoreApplication.translate("CorrectionFields", "Telepon pemohon"),
        "requester.email": QCoreApplication.translate("CorrectionFields", "Email pemohon"),
        "requester.occupation": QCoreApplication.translate("CorrectionFields", "Pekerjaan pemohon"),
        "information": QCoreApplication.translate("CorrectionFields", "Rincian informasi"),
        "purpose": QCoreApplication.translate("CorrectionFields", "Tujuan penggunaan informasi"),
        "channel": QCoreApplication.translate("CorrectionFields", "Saluran"),
        "obtain_method": QCoreApplication.translate("CorrectionFields", "Cara memperoleh informasi"),
        "delivery_method": QCoreApplication.translate("CorrectionFields", "Cara mendapatkan salinan"),
    }


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
        self.f.set_hint(
            "field",
            QCoreApplication.translate("CorrectionFields", "Nilai sekarang: {0}").format(
                self.current_value(key) or "–"
            ),
        )

    def collect(self) -> dict[str, Any]:
        key = str(self.field.currentData())
        value = self.choice_value.currentData() if key in CHOICES else self.text_value.text()
        return {"field": key, "value": value, "reason": self.reason.toPlainText()}
