"""Pengaturan › Sinkronisasi (administrators): join this desk to the city server with a one-time code.

The same as ``ppid-desk enroll --server URL --code KODE [--ca-bundle FILE] [--label L]``: the city admin runs
``ppid-server enroll-code --office …`` and reads the code out; the office administrator types it here. The
exchange runs off the GUI thread (``SyncController.enroll``); the token goes to the system keyring, never to a
file. Every refusal is said plainly next to the field it concerns (``app/sync/messages.py``): plain http to
anything but this computer, a wrong/used/expired code, a code for another office, no keyring (with the
remedy). Once enrolled, the tab shows the enrollment and the worker starts syncing.
"""

from __future__ import annotations

import socket
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.context import Actor
from app.sync.messages import reason
from ui.kit.crash import show_error
from ui.kit.files import open_path
from ui.kit.forms import FieldForm
from ui.kit.style import set_role
from ui.sync.controller import SyncController, SyncServices
from ui.sync.status import absolute, parse_time, translated

if TYPE_CHECKING:
    from app.sync.engine import Enrollment
    from ui.sync.worker import SyncSnapshot

# which field a refusal belongs next to, by ``Reason.kind``
FIELD_OF_KIND = {"code": "code", "address": "server", "network": "server", "tls": "server"}


class SyncSettingsPanel(QWidget):
    def __init__(self, services: SyncServices, actor: Actor, sync: SyncController | None = None,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.actor = actor
        own = sync is None
        self.sync = sync or SyncController(services, self, run_worker=False)
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Keadaan pendaftaran"))
        set_role(heading, "section")
        layout.addWidget(heading)
        self.current = QLabel(self.tr("Membaca keadaan…"))
        self.current.setWordWrap(True)
        layout.addWidget(self.current)
        heading = QLabel(self.tr("Daftarkan meja ini ke server kota"))
        set_role(heading, "section")
        layout.addWidget(heading)
        intro = QLabel(
            self.tr(
                "Minta kode pendaftaran sekali pakai ke admin PPID kota (ppid-server enroll-code), lalu isi "
                "alamat server dan kode itu. Nomor registrasi yang sudah terbit tetap berlaku."
            )
        )
        intro.setWordWrap(True)
        set_role(intro, "hint")
        layout.addWidget(intro)
        self.form = FieldForm()
        self.server = QLineEdit()
        self.server.setPlaceholderText("https://ppid.kota.go.id")
        self.form.add(
            "server",
            self.tr("Alamat &server:"),
            self.server,
            self.tr("Harus https://; http:// hanya untuk server di komputer ini."),
        )
        self.code = QLineEdit()
        self.code.setPlaceholderText("XXXX-XXXX-XXXX")
        self.form.add("code", self.tr("&Kode pendaftaran:"), self.code, self.tr("Berlaku sekali, 24 jam."))
        self.ca_bundle = QLineEdit()
        self.ca_button = QPushButton(self.tr("&Pilih berkas…"))
        self.ca_button.clicked.connect(self.choose_ca_bundle)
        self.form.add(
            "ca_bundle",
            self.tr("Sertifikat &CA kota:"),
            self.ca_bundle,
            self.tr("Boleh kosong; isi hanya bila admin kota memberi berkas sertifikat CA sendiri."),
        )
        self.form.layout.addRow("", self.ca_button)
        self.label = QLineEdit(socket.gethostname())
        self.form.add(
            "label",
            self.tr("&Nama meja:"),
            self.label,
            self.tr("Terlihat oleh admin kota, mis. \u201cmeja depan\u201d."),
        )
        layout.addLayout(self.form.layout)
        layout.addWidget(self.form.general)
        self.enroll_button = QPushButton(self.tr("&Daftarkan meja ini"))
        self.enroll_button.clicked.connect(self.enroll)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(120)
        self.progress.setAccessibleName(self.tr("Sedang mendaftarkan"))
        self.progress.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        set_role(self.status, "hint")
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.progress)
        buttons.addWidget(self.enroll_button)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.sync.status_changed.connect(self.show_status)
        snap = self.sync.status()
        if snap is not None:
            self.show_status(snap)
        elif own:
            self.sync.start()
        else:
            self.sync.refresh()

    # --- state ---------------------------------------------------------------------------------------

    def show_status(self, snap: SyncSnapshot) -> None:
        if not snap.enrolled:
            self.current.setText(self.tr("Meja ini belum terdaftar ke server kota."))
            self.enroll_button.setText(self.tr("&Daftarkan meja ini"))
            return
        kind = self.tr("PPID kota (melihat semua kantor)") if snap.is_city else self.tr("kantor")
        last = parse_time(snap.last_success)
        text = self.tr(
            "Terdaftar ke %1 sebagai %2 %3 (%4), huruf meja %5. Sinkron terakhir yang berhasil: %6."
        )
        for key, value in (("%1", snap.server_url), ("%2", kind), ("%3", snap.office_code), ("%4", snap.office_name),
                           ("%5", snap.desk_letter),
                           ("%6", absolute(last) if last else self.tr("belum pernah"))):  # fmt: skip
            text = text.replace(key, value)
        self.current.setText(text)
        if not self.server.text().strip():
            self.server.setText(snap.server_url)
        if not self.ca_bundle.text().strip():
            self.ca_bundle.setText(snap.ca_bundle)
        self.enroll_button.setText(self.tr("&Daftarkan ulang"))

    def choose_ca_bundle(self) -> None:
        path = open_path(
            self, self.tr("Sertifikat CA kota"), self.tr("Sertifikat (*.pem *.crt *.cer);;Semua berkas (*)")
        )
        if path:
            self.ca_bundle.setText(path)

    # --- enroll --------------------------------------------------------------------------------------

    def enroll(self) -> None:
        server, code = self.server.text().strip(), self.code.text().strip()
        ca = self.ca_bundle.text().strip()
        errors: dict[str, str] = {}
        if not server:
            errors["server"] = self.tr("Alamat server wajib diisi.")
        if not code:
            errors["code"] = self.tr("Kode pendaftaran wajib diisi.")
        if ca and not Path(ca).is_file():
            errors["ca_bundle"] = self.tr("Berkas sertifikat tidak ditemukan.")
        if errors:
            self.form.show_errors(errors)
            return
        self.form.clear_errors()
        self._set_busy(True)
        self.status.setText(self.tr("Menghubungi server kota…"))
        self.sync.enroll(server, code, ca_bundle=ca or None, label=self.label.text().strip(),
                         on_done=self._enrolled, on_error=self._failed)  # fmt: skip

    def _set_busy(self, busy: bool) -> None:
        self.enroll_button.setEnabled(not busy)
        self.progress.setVisible(busy)

    def _enrolled(self, enr: Enrollment) -> None:
        self._set_busy(False)
        self.code.clear()
        text = self.tr(
            "Meja terdaftar ke %1 sebagai kantor %2, huruf meja %3. Nomor yang sudah terbit tetap berlaku."
        )
        self.status.setText(
            text.replace("%1", enr.server_url).replace("%2", enr.office_code).replace("%3", enr.desk_letter)
        )

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.status.clear()
        code = getattr(exc, "code", None)
        found = reason(code, str(exc)) if isinstance(code, str) else None
        if found is None:
            if (
                isinstance(exc, OSError) and self.ca_bundle.text().strip()
            ):  # ssl.SSLError: an unreadable CA file
                self.form.show_errors({"ca_bundle": self.tr("Berkas sertifikat CA tidak dapat dibaca.")})
                return
            show_error(self, exc)
            return
        summary, remedy = translated(found)
        field = FIELD_OF_KIND.get(found.kind, "_")
        self.form.show_errors({field: f"{summary}. {remedy}"})
