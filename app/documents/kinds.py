"""Document kinds, their Indonesian titles and the papers each can be printed on.

Kept free of reportlab so that the CLI can build its parser (and the UI its menus) without importing the PDF
machinery, which costs a noticeable part of a second at start-up.
"""

from __future__ import annotations

DOCUMENT_KINDS: tuple[str, ...] = (
    "receipt",
    "form",
    "incomplete",
    "notice",
    "extension",
    "rejection",
    "forward",
    "handover",
    "objection",
    "register",
    "dossier",
)

# Indonesian titles for lists, timelines and the CLI.
DOCUMENT_TITLES: dict[str, str] = {
    "receipt": "Tanda Bukti Penerimaan Permohonan",
    "form": "Formulir Permohonan Informasi Publik",
    "incomplete": "Surat Keterangan Permohonan Tidak Lengkap",
    "notice": "Pemberitahuan Tertulis",
    "extension": "Pemberitahuan Perpanjangan Waktu",
    "rejection": "Surat Keputusan PPID tentang Penolakan",
    "forward": "Pemberitahuan Informasi Tidak Dikuasai",
    "handover": "Berita Acara Penyerahan Informasi",
    "objection": "Formulir dan Tanda Bukti Keberatan",
    "register": "Register Permohonan / Keberatan",
    "dossier": "Berkas Permohonan",
}

#: Letters issued for a request (the first eight) or a keberatan ("objection").
LETTER_KINDS: tuple[str, ...] = (
    "receipt",
    "form",
    "incomplete",
    "notice",
    "extension",
    "rejection",
    "forward",
    "handover",
    "objection",
)

#: Papers each kind can be rendered on (the register is landscape).
PAPERS: dict[str, tuple[str, ...]] = {
    **{kind: ("A4", "F4", "A5") for kind in LETTER_KINDS},
    "receipt": ("A4", "A5", "thermal80"),  # receipt.py lays out these three only
    "register": ("A4", "F4"),
    "dossier": ("A4",),
}
