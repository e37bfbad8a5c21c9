"""``ppid-desk print KIND NUMBER --out FILE.pdf`` and ``ppid-desk print register ...``: the desk's documents.

``print KIND NUMBER`` issues the letter the first time (letter number, timeline entry, stored snapshot) and
reprints the stored letter byte-for-byte afterwards; ``--reissue`` issues a new letter with a new number.
Template warnings (a broken office override) go to stderr; the built-in wording is used.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli.common import Cli, add_command, add_group, parse_date_arg, table
from app.documents.kinds import DOCUMENT_TITLES, LETTER_KINDS, PAPER_CODES, PAPERS, kind_of

if TYPE_CHECKING:
    from app.services.letters import IssuedDocument, LetterService

_NUMBER_HELP = {"objection": "nomor registrasi keberatan", "request": "nomor pendaftaran permohonan"}


def register(subparsers: Any) -> None:
    group = add_group(subparsers, "print", help="cetak surat, tanda bukti, register dan berkas ke PDF")
    for kind in LETTER_KINDS:
        cmd = add_command(group, kind, help=DOCUMENT_TITLES[kind], handler=_letter)
        cmd.add_argument("number", metavar="NUMBER", help=_NUMBER_HELP[kind_of(kind).record])
        _out(cmd)
        cmd.add_argument(
            "--paper", choices=PAPERS[kind], help="ukuran kertas (bawaan: kertas saat diterbitkan, A4)"
        )
        cmd.add_argument(
            "--reissue",
            action="store_true",
            help="terbitkan surat baru dengan nomor baru (bukan cetak ulang)",
        )
        cmd.set_defaults(kind=kind)

    reg = add_command(
        group, "register", help="Register Permohonan (atau Keberatan) untuk suatu periode", handler=_register
    )
    reg.add_argument("--objections", action="store_true", help="Register Keberatan")
    reg.add_argument(
        "--from",
        dest="start",
        required=True,
        type=parse_date_arg,
        metavar="DATE",
        help="awal periode (YYYY-MM-DD)",
    )
    reg.add_argument(
        "--to",
        dest="end",
        required=True,
        type=parse_date_arg,
        metavar="DATE",
        help="akhir periode (YYYY-MM-DD)",
    )
    reg.add_argument(
        "--paper",
        choices=PAPERS["register"],
        default=kind_of("register").default_paper,
        help="kertas (lanskap), bawaan A4",
    )
    _out(reg)

    lst = add_command(
        group, "letters", help="daftar surat yang pernah diterbitkan untuk satu permohonan", handler=_letters
    )
    lst.add_argument("number", metavar="NUMBER", help="nomor pendaftaran permohonan")

    again = add_command(
        group, "reprint", help="cetak ulang surat tertentu (ID dari 'print letters')", handler=_reprint
    )
    again.add_argument("letter_id", metavar="LETTER_ID")
    again.add_argument("--paper", choices=PAPER_CODES, help="bawaan: kertas saat diterbitkan")
    _out(again)

    settings = add_command(group, "settings", help="kertas dan printer per jenis dokumen", handler=_settings)
    settings.add_argument("--kind", choices=tuple(PAPERS), help="jenis dokumen yang diubah")
    settings.add_argument("--paper", help="kertas untuk jenis itu (mis. thermal80 untuk tanda bukti)")
    settings.add_argument("--printer", help="nama printer (kosong = printer bawaan sistem)")

    dossier = add_command(group, "dossier", help=DOCUMENT_TITLES["dossier"], handler=_dossier)
    dossier.add_argument("number", metavar="NUMBER", help="nomor pendaftaran permohonan")
    _out(dossier)


def _service(cli: Cli, renders: str | None = None) -> LetterService:
    """Imported here: the PDF machinery costs part of a second and other commands never need it. With
    ``renders`` (the kind of document the command prints) its renderer and the fonts are loaded too, as the
    rest of the command's start-up (``collector.loading``: paused, then frozen, like the services)."""
    from app.cli import collector

    services = cli.services()
    with collector.loading():
        from app.services.letters import LetterService

        if renders is not None:
            from app.documents.rendering import prepare

            prepare(renders)
    return LetterService(services.ctx)


def _out(parser: Any) -> None:
    parser.add_argument("--out", required=True, metavar="FILE.pdf", type=Path, help="berkas PDF tujuan")


def _claimed(cli: Cli) -> Any:
    """The PDF's place, claimed before anything is issued or rendered (app/services/out_files.py): a place that
    cannot take the file is refused while nothing has happened; the PDF appears only whole."""
    from app.services.out_files import claimed

    return claimed(cli.args.out, create_parent=True)


def _warn(cli: Cli, warnings: Any) -> None:
    for warning in warnings:
        cli.err(f"Peringatan: {warning}")


def _describe(doc: IssuedDocument, out: Path) -> str:
    what = f"{doc.title} {doc.number or doc.request_number}"
    if not doc.reprint:
        return f"{what} diterbitkan -> {out}"
    note = "identik dengan aslinya" if doc.identical else "PERINGATAN: berbeda dari sidik jari aslinya"
    if doc.other_paper:
        note = f"pada kertas {doc.paper}, bukan kertas terbitnya ({doc.issued_paper}): isi sama, tata letak berbeda"
    if doc.masked:
        note = "NIK, telepon dan email disamarkan sesuai peran Anda"
    return f"{what} dicetak ulang ({note}) -> {out}"


def _letter(cli: Cli) -> int:
    actor = cli.actor()
    service = _service(cli, cli.args.kind)
    with _claimed(cli) as part:  # an issued letter's number is never spent on a PDF that cannot be written
        doc = service.issue(
            actor, cli.args.kind, cli.args.number, paper=cli.args.paper, reissue=cli.args.reissue
        )
        part.write_bytes(doc.pdf)
    out: Path = cli.args.out
    _warn(cli, doc.warnings)
    cli.emit({**doc.to_dict(), "out": str(out)} if cli.as_json else doc, lambda d: _describe(d, out))
    return 0


def _register(cli: Cli) -> int:
    actor = cli.actor()
    service = _service(cli, "register")
    with _claimed(cli) as part:
        pdf, warnings = service.register_pdf(
            actor, cli.args.start, cli.args.end, objections=cli.args.objections, paper=cli.args.paper
        )
        part.write_bytes(pdf)
    out: Path = cli.args.out
    _warn(cli, warnings)
    title = "Register Keberatan" if cli.args.objections else "Register Permohonan"
    cli.emit(
        {
            "kind": "register",
            "objections": cli.args.objections,
            "from": cli.args.start.isoformat(),
            "to": cli.args.end.isoformat(),
            "out": str(out),
        },
        lambda _: f"{title} {cli.args.start.isoformat()} s.d. {cli.args.end.isoformat()} -> {out}",
    )
    return 0


def _dossier(cli: Cli) -> int:
    actor = cli.actor()
    with _claimed(cli) as part:
        pdf, warnings = _service(cli, "dossier").dossier_pdf(actor, cli.args.number)
        part.write_bytes(pdf)
    out: Path = cli.args.out
    _warn(cli, warnings)
    cli.emit(
        {"kind": "dossier", "number": cli.args.number, "out": str(out)},
        lambda _: f"Berkas permohonan {cli.args.number} -> {out}",
    )
    return 0


def _letters(cli: Cli) -> int:
    docs = _service(cli).letters(cli.actor(), cli.args.number)

    def render(items: list[IssuedDocument]) -> str:
        if not items:
            return "Belum ada surat yang diterbitkan untuk permohonan ini."
        return table(
            [
                (
                    d.id,
                    d.title,
                    d.number or "-",
                    f"{d.issued_at:%Y-%m-%d %H:%M}",
                    d.issued_by_name or d.issued_by,
                    d.sha256[:12],
                )
                for d in items
            ],
            ["ID", "JENIS", "NOMOR", "DITERBITKAN", "OLEH", "SHA-256"],
        )

    cli.emit(docs, render)
    return 0


def _reprint(cli: Cli) -> int:
    with _claimed(cli) as part:
        doc = _service(cli).reprint(cli.actor(), cli.args.letter_id, paper=cli.args.paper)
        part.write_bytes(doc.pdf)
    out: Path = cli.args.out
    cli.emit({**doc.to_dict(), "out": str(out)} if cli.as_json else doc, lambda d: _describe(d, out))
    return 0


def _settings(cli: Cli) -> int:
    actor = cli.actor()
    service = _service(cli)
    if cli.args.kind:
        change: dict[str, str] = {}
        if cli.args.paper is not None:
            change["paper"] = cli.args.paper
        if cli.args.printer is not None:
            change["printer"] = cli.args.printer
        current = service.set_print_settings(actor, {cli.args.kind: change})
    else:
        current = service.print_settings()
    cli.emit(
        current,
        lambda c: table(
            [
                (k, DOCUMENT_TITLES.get(k, k), v["paper"], v["printer"] or "(bawaan sistem)")
                for k, v in c.items()
            ],
            ["KODE", "JENIS DOKUMEN", "KERTAS", "PRINTER"],
        ),
    )
    return 0
