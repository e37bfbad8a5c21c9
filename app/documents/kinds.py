"""The registry of document kinds: one entry per kind says everything the desk knows about it.

Every other list of kinds is derived from ``KINDS`` here: the renderer dispatch (``rendering.py``), the letters
service (which kinds are letters, which get a letter number, who signs), the CLI's ``print`` commands and their
paper choices, the workstation's print menus and its paper/printer settings. Adding a kind is one entry here
plus its renderer and snapshot class.

Kept free of reportlab so that the CLI can build its parser (and the UI its menus) without importing the PDF
machinery, which costs a noticeable part of a second at start-up: a renderer is named ("module:function"
inside ``app.documents``) and imported on first render.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Record = Literal["request", "objection", "period", "list"]
"""What a document is about: one request, one keberatan, a period of the register, or one of the office's
information lists (DIK, DIP)."""

Signer = Literal["receiver", "officer", "ppid", "none"]
"""Who signs: the officer who received the record, the officer issuing the document, or the PPID."""

#: Paper codes the renderers know, in the order the CLI offers them.
PAPER_CODES: tuple[str, ...] = ("A4", "F4", "A5", "thermal80")

_LETTER_PAPERS = ("A4", "F4", "A5")


@dataclass(frozen=True)
class DocumentKind:
    """One kind of document. ``papers[0]`` is the paper used when none is chosen."""

    code: str
    title: str  # Indonesian title for menus, timelines, the CLI and the settings table
    record: Record
    renderer: str  # "module:function" in app.documents; the register's renderer takes no paper argument
    papers: tuple[str, ...] = _LETTER_PAPERS
    letter: bool = True  # issued as a record: stored snapshot, timeline event, reprinted byte-identically
    numbered: bool = False  # carries a letter number from the office's pattern (the desk's one yearly agenda)
    #: Kode klasifikasi arsip (Permendagri 83/2022) of this kind's letter number; None files it under the office's
    #: own code (``Office.letter_classification``), which an office may also override per kind (``letters``
    #: setting ``classifications``). The codes a pemda uses for PPID mail are its own (ppid-domain.md §6.1).
    classification: str | None = None
    signer: Signer = "ppid"
    variants: tuple[str, ...] = ()  # further wording templates of the same kind (the keberatan register)
    #: The start of the file name a saved copy is offered under, in Indonesian ("tanda-bukti", not "receipt").
    file_stem: str = ""

    @property
    def default_paper(self) -> str:
        return self.papers[0]

    @property
    def templates(self) -> tuple[str, ...]:
        """Its wording templates in ``resources/templates`` (``<name>.toml``)."""
        return (self.code, *self.variants)


KINDS: tuple[DocumentKind, ...] = (
    DocumentKind("receipt", "Tanda Bukti Penerimaan Permohonan", "request", "receipt:render_receipt",
                 papers=("A4", "A5", "thermal80"), signer="receiver", file_stem="tanda-bukti"),
    DocumentKind("form", "Formulir Permohonan Informasi Publik", "request", "form:render_form",
                 signer="receiver", file_stem="formulir-permohonan"),
    DocumentKind("incomplete", "Surat Keterangan Permohonan Tidak Lengkap", "request",
                 "incomplete:render_incomplete", numbered=True, file_stem="surat-tidak-lengkap"),
    DocumentKind("notice", "Pemberitahuan Tertulis", "request", "notice:render_notice", numbered=True,
                 file_stem="pemberitahuan-tertulis"),
    DocumentKind("extension", "Pemberitahuan Perpanjangan Waktu", "request", "extension:render_extension",
                 numbered=True, file_stem="perpanjangan-waktu"),
    DocumentKind("rejection", "Surat Keputusan PPID tentang Penolakan", "request", "rejection:render_rejection",
                 numbered=True, file_stem="keputusan-penolakan"),
    DocumentKind("forward", "Pemberitahuan Informasi Tidak Dikuasai", "request", "forward:render_forward",
                 numbered=True, file_stem="informasi-tidak-dikuasai"),
    DocumentKind("handover", "Berita Acara Penyerahan Informasi", "request", "handover:render_handover",
                 numbered=True, signer="officer", file_stem="berita-acara-penyerahan"),
    DocumentKind("objection", "Formulir dan Tanda Bukti Keberatan", "objection", "objection:render_objection",
                 signer="receiver", file_stem="keberatan"),
    DocumentKind("register", "Register Permohonan / Keberatan", "period", "register:render_register",
                 papers=("A4", "F4"), letter=False, signer="none", variants=("register_objections",),
                 file_stem="register"),
    DocumentKind("dossier", "Berkas Permohonan", "request", "dossier:render_dossier", papers=("A4",),
                 letter=False, signer="none", file_stem="berkas-permohonan"),
    DocumentKind("report", "Laporan Layanan Informasi Publik", "period", "annual_report:render_report",
                 papers=("A4",), letter=False, file_stem="laporan"),
    DocumentKind("agenda", "Buku Agenda Surat Keluar", "period", "agenda:render_agenda", papers=("A4", "F4"),
                 letter=False, file_stem="agenda-surat-keluar"),
    DocumentKind("information_list", "Daftar Informasi (DIK / DIP)", "list",
                 "information_list:render_information_list", papers=("A4", "F4"), letter=False, signer="none",
                 file_stem="daftar-informasi"),
)  # fmt: skip

BY_CODE: dict[str, DocumentKind] = {kind.code: kind for kind in KINDS}


def kind_of(code: str) -> DocumentKind:
    """The registry entry for ``code``; ValueError (Indonesian) for a code the desk does not know."""
    try:
        return BY_CODE[code]
    except KeyError:
        raise ValueError(f"jenis dokumen tidak dikenal: {code}") from None


# --- views of the registry, for the places that need a plain list -------------------------------------------

DOCUMENT_KINDS: tuple[str, ...] = tuple(kind.code for kind in KINDS)
DOCUMENT_TITLES: dict[str, str] = {kind.code: kind.title for kind in KINDS}
#: Issued as records (numbered or not), for a request or a keberatan.
LETTER_KINDS: tuple[str, ...] = tuple(kind.code for kind in KINDS if kind.letter)
#: The letters of a request (the keberatan's own letter is issued from the keberatan).
REQUEST_LETTERS: tuple[str, ...] = tuple(k.code for k in KINDS if k.letter and k.record == "request")
#: Everything printable from one request's page: its letters and its dossier.
REQUEST_DOCUMENTS: tuple[str, ...] = tuple(k.code for k in KINDS if k.record == "request")
#: Everything printable for one record (request or keberatan), as opposed to a period's register.
RECORD_DOCUMENTS: tuple[str, ...] = tuple(k.code for k in KINDS if k.record in ("request", "objection"))
NUMBERED: frozenset[str] = frozenset(kind.code for kind in KINDS if kind.numbered)
#: Every wording template, in registry order (``app/documents/templates.py``).
TEMPLATES: tuple[str, ...] = tuple(name for kind in KINDS for name in kind.templates)
#: Papers each kind can be rendered on (tested against the renderers).
PAPERS: dict[str, tuple[str, ...]] = {kind.code: kind.papers for kind in KINDS}
