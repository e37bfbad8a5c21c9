"""``ppid-desk letter agenda``: the buku agenda surat keluar (every numbered letter of a year), shown or exported;
``ppid-desk letter classification``: the office's kode klasifikasi per letter kind."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.cli.common import Cli, add_command, add_group, parse_year_arg, table
from app.documents.kinds import NUMBERED


def register(subparsers: Any) -> None:
    group = add_group(subparsers, "letter", help="agenda surat keluar dan kode klasifikasi surat")
    agenda = add_command(
        group, "agenda", help="agenda surat keluar satu tahun (tampilkan, atau ekspor dengan --out)",
        handler=_agenda,
    )  # fmt: skip
    agenda.add_argument("--year", type=parse_year_arg, required=True, metavar="YYYY", help="tahun surat")
    agenda.add_argument(
        "--format", choices=("csv", "xlsx", "json"), help="format berkas (bawaan: dari akhiran --out)"
    )
    agenda.add_argument("--out", type=Path, metavar="FILE", help="ekspor ke berkas ini")

    codes = add_command(
        group, "classification", help="kode klasifikasi arsip per jenis surat (tanpa --code: tampilkan)",
        handler=_classification,
    )  # fmt: skip
    codes.add_argument("--kind", choices=sorted(NUMBERED), help="jenis surat yang diubah")
    codes.add_argument("--code", help="kode klasifikasi (kosong = kode kantor)")


def _agenda(cli: Cli) -> int:
    from app.services.letter_agenda import LetterAgenda

    args = cli.args
    agenda = LetterAgenda(cli.services().ctx)
    actor = cli.actor()
    if args.out is not None:
        rows = agenda.export(actor, args.year, args.out, args.format)
        cli.emit(
            {"year": args.year, "rows": rows, "path": str(args.out)},
            lambda _: f"{rows} surat keluar tahun {args.year} diekspor ke {args.out}.",
        )
        return 0
    entries = agenda.entries(actor, args.year)

    def render(items: list[Any]) -> str:
        if not items:
            return f"Belum ada surat keluar bernomor tahun {args.year}."
        return table(
            [
                (i, e.number, e.date.isoformat(), e.addressee, e.subject, e.record_number)
                for i, e in enumerate(items, start=1)
            ],
            ["NO", "NOMOR SURAT", "TANGGAL", "KEPADA", "PERIHAL", "NOMOR PENDAFTARAN"],
        )

    cli.emit(entries, render)
    return 0


def _classification(cli: Cli) -> int:
    from app.services.letters import LetterService

    service = LetterService(cli.services().ctx)
    actor = cli.actor()
    if cli.args.kind is not None and cli.args.code is not None:
        codes = service.set_classification(actor, cli.args.kind, cli.args.code)
    else:
        codes = service.classifications()
    from app.documents.kinds import DOCUMENT_TITLES

    cli.emit(
        codes,
        lambda c: table(
            [(kind, DOCUMENT_TITLES.get(kind, kind), code) for kind, code in sorted(c.items())],
            ["KODE", "JENIS SURAT", "KODE KLASIFIKASI"],
        ),
    )
    return 0
