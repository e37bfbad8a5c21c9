"""English translations of the printing package's strings, merged into the shared catalogue by one command.

Why here: the printing strings are many and specialised (paper sizes, printer states); this module lets whoever refreshes
the catalogue fill the printing strings without retyping them::

    python tools/i18n.py update
    python -m ui.printing.i18n_en resources/i18n/ppid_desk_en.ts
    python tools/i18n.py release

Only entries still unfinished (or empty) are filled; an existing translation is never overwritten.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TRANSLATIONS: dict[str, dict[str, str]] = {
    "LettersPanel": {
        "Surat && cetakan": "Letters && printouts",
        "Dokumen": "Document",
        "Nomor": "Number",
        "Diterbitkan": "Issued",
        "Oleh": "By",
        "Surat yang telah diterbitkan": "Issued letters",
        "Cetak &ulang": "Reprin&t",
        "Cetak ulang surat terpilih": "Reprint the selected letter",
        "&Terbitkan / cetak…": "&Issue / print…",
        "Terbitkan atau cetak dokumen": "Issue or print a document",
        "Daftar surat tidak dapat dibaca.": "The list of letters could not be read.",
    },
    "PreviewDialog": {
        "Simpan PDF": "Save PDF",
        "Pratinjau cetak — {0}": "Print preview — {0}",
        "Pratinjau cetak {0} {1}": "Print preview {0} {1}",
        "Halaman dokumen": "Document pages",
        "Status pencetakan": "Printing status",
        "Dokumen PDF tidak dapat ditampilkan.": "The PDF document cannot be displayed.",
        "◀ Sebelumnya": "◀ Previous",
        "Halaman sebelumnya (Page Up)": "Previous page (Page Up)",
        "Nomor halaman": "Page number",
        "&Halaman:": "Pa&ge:",
        "dari {0}": "of {0}",
        "Berikutnya ▶": "Next ▶",
        "Halaman berikutnya (Page Down)": "Next page (Page Down)",
        "Perkecil (Ctrl+-)": "Zoom out (Ctrl+-)",
        "Perbesar (Ctrl++)": "Zoom in (Ctrl++)",
        "Selebar &layar": "Fit &width",
        "Sesuaikan dengan lebar layar (Ctrl+0)": "Fit to width (Ctrl+0)",
        "Printer": "Printer",
        "P&rinter:": "P&rinter:",
        "(tidak ada printer: PDF disimpan lalu dibuka)": "(no printer: the PDF is saved and opened)",
        "Jumlah salinan": "Number of copies",
        "&Salinan:": "&Copies:",
        "&Cetak (Ctrl+P)": "&Print (Ctrl+P)",
        "Cetak": "Print",
        "Simpan &PDF (Ctrl+S)": "Save P&DF (Ctrl+S)",
        "&Tutup": "C&lose",
        "Tutup": "Close",
        "Perbesaran: {0}": "Zoom: {0}",
        "Mencetak…": "Printing…",
        "Dokumen gagal dicetak.": "The document could not be printed.",
        "PDF tidak dapat disimpan: {0}": "The PDF could not be saved: {0}",
        "PDF disimpan di {0}.": "PDF saved to {0}.",
        "Halaman terkirim ke printer": "Pages sent to the printer",
        "%v dari %m halaman": "%v of %m pages",
        "&Batalkan cetak": "Cancel pri&nt",
        "Batalkan pencetakan": "Cancel printing",
        "Pekerjaan cetak {0} dibatalkan.": "Print job {0} cancelled.",
        "Pekerjaan cetak {0} tidak dapat dibatalkan: sudah dicetak.": (
            "Print job {0} cannot be cancelled: it has already been printed."
        ),
        "Membatalkan…": "Cancelling…",
    },
    "PrintActions": {
        "Pencetakan": "Printing",
        "Dokumen gagal dicetak.": "The document could not be printed.",
        "Diterbitkan sekarang dengan nomor {0}; tercatat pada riwayat permohonan.": (
            "Issued now with number {0}; recorded on the request's timeline."
        ),
        "Cetak ulang surat {0} yang diterbitkan {1} oleh {2}": "Reprint of letter {0} issued {1} by {2}",
        "identik dengan aslinya.": "identical to the original.",
        "pada kertas {0}, bukan kertas terbitnya ({1}): isi sama, tata letak berbeda.": (
            "on {0} paper, not the paper it was issued on ({1}): same content, different layout."
        ),
        "NIK, telepon dan email disamarkan sesuai peran Anda.": "NIK, phone and e-mail masked for your role.",
        "PERINGATAN: berbeda dari sidik jari aslinya.": "WARNING: differs from the original's fingerprint.",
        "Peringatan templat: {0}": "Template warning: {0}",
        "Register Keberatan {0} s.d. {1}": "Objection Register {0} to {1}",
        "Register Permohonan {0} s.d. {1}": "Request Register {0} to {1}",
    },
    "PrintService": {
        "Dokumen PDF tidak dapat dibaca untuk dicetak.": "The PDF document cannot be read for printing.",
        "Printer '{0}' tidak dapat dipakai. Periksa apakah printer menyala dan tersambung.": (
            "Printer '{0}' cannot be used. Check that the printer is switched on and connected."
        ),
        "Printer menolak halaman berikutnya; pencetakan dihentikan.": (
            "The printer refused the next page; printing stopped."
        ),
        "Halaman {0} tidak dapat digambar untuk dicetak.": "Page {0} could not be drawn for printing.",
        "Dokumen dikirim ke printer {0} ({1} halaman).": "Document sent to printer {0} ({1} pages).",
        "Tidak ada printer. PDF disimpan di {0} dan dibuka.": "No printer. The PDF was saved to {0} and opened.",
        "Tidak ada printer. PDF disimpan di {0}, tetapi tidak dapat dibuka otomatis.": (
            "No printer. The PDF was saved to {0} but could not be opened automatically."
        ),
        "PDF tidak dapat disimpan di {0}: {1}": "The PDF could not be saved to {0}: {1}",
        "Printer '{0}' tidak ditemukan.": "Printer '{0}' was not found.",
        "Gagal mencetak ke printer {0}: {1}": "Printing to printer {0} failed: {1}",
        "Pencetakan dibatalkan.": "Printing cancelled.",
    },
    "PrintingSettingsPage": {
        "Dokumen": "Document",
        "Kertas": "Paper",
        "Printer": "Printer",
        "Rol 80 mm": "80 mm roll",
        "F4 (folio)": "F4 (folio)",
        "Kertas: {0}": "Paper: {0}",
        "Printer: {0}": "Printer: {0}",
        "Cetak tanda bukti &langsung setelah permohonan disimpan, tanpa pratinjau (bila ada printer)": (
            "Print the receipt &right after the request is saved, without a preview (when a printer exists)"
        ),
        "Cetak tanda bukti langsung setelah penerimaan": "Print the receipt right after intake",
        "&Simpan pengaturan cetak": "&Save printing settings",
        "Hanya administrator yang dapat mengubah pengaturan cetak.": (
            "Only an administrator can change the printing settings."
        ),
        "Tidak ada printer terpasang di komputer ini: dokumen disimpan sebagai PDF dan dibuka.": (
            "No printer is installed on this computer: documents are saved as PDF and opened."
        ),
        "Printer bawaan komputer ini: {0}": "Default printer of this computer: {0}",
        "(belum ditentukan)": "(not set)",
        "Printer bawaan": "Default printer",
        "{0} (tidak ada di komputer ini)": "{0} (not on this computer)",
        "Pengaturan cetak tersimpan.": "Printing settings saved.",
    },
}


def merge(ts_path: Path) -> int:
    """Fill unfinished printing entries of ``ts_path``; returns how many were filled."""
    tree = ET.parse(ts_path)
    filled = 0
    for context in tree.getroot().iter("context"):
        table = TRANSLATIONS.get(context.findtext("name") or "", {})
        for message in context.iter("message"):
            english = table.get(message.findtext("source") or "")
            translation = message.find("translation")
            if english is None or translation is None:
                continue
            if translation.get("type") == "unfinished" or not (translation.text or "").strip():
                translation.text = english
                translation.attrib.pop("type", None)
                filled += 1
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts_path.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', encoding="utf-8")
    return filled


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        print(f"{arg}: {merge(Path(arg))} terjemahan pencetakan diisi")
