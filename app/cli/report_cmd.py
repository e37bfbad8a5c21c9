"""``ppid-desk report``: the Laporan Layanan Informasi Publik for a period (JSON, PDF or XLSX), and
``ppid-desk report narrative``: the narrative sections the office writes for a year. Supervisor and up."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.cli.common import Cli, add_command, dumps, parse_year_arg, read_json_object
from app.errors import ValidationError

FORMATS = ("json", "pdf", "xlsx")


def register(subparsers: Any) -> None:
    parser = add_command(
        subparsers,
        "report",
        help="Laporan Layanan Informasi Publik untuk suatu periode (JSON, PDF atau XLSX), "
        "atau narasi laporan ('report narrative')",
        handler=run,
    )
    parser.add_argument(
        "what", nargs="?", choices=("narrative",), help="'narrative': baca atau simpan narasi laporan tahunan"
    )
    parser.add_argument(
        "--period", metavar="P", help="periode: 2025, 2025-S1, 2025-Q2, 2025-03 atau 2025-01-01..2025-06-30"
    )
    parser.add_argument("--format", choices=FORMATS, default="json", help="format laporan (bawaan: json)")
    parser.add_argument("--out", type=Path, metavar="FILE", help="berkas tujuan (wajib untuk pdf dan xlsx)")
    parser.add_argument("--office", metavar="CODE", help="kode kantor (bawaan: kantor meja ini)")
    parser.add_argument(
        "--city",
        action="store_true",
        help="laporan seluruh kota dengan rincian per kantor dan keadaan sinkronisasi meja "
        "(hanya di meja PPID Utama)",
    )
    parser.add_argument(
        "--offline",
        action="store_true",
        help="dengan --city: jangan mengambil daftar meja dari server kota, pakai daftar yang tersimpan",
    )
    parser.add_argument(
        "--kind",
        choices=("tahunan", "semester"),
        help="jenis laporan PDF (bawaan: semester untuk periode 2025-S1/S2, selain itu tahunan)",
    )
    parser.add_argument(
        "--year", type=parse_year_arg, metavar="YYYY", help="tahun narasi (untuk 'report narrative')"
    )
    parser.add_argument(
        "--set-from",
        metavar="FILE",
        help="simpan narasi dari berkas JSON {bagian: teks} ('-' = stdin); tanpa ini narasi dicetak",
    )


def run(cli: Cli) -> int:
    if cli.args.what == "narrative":
        return _narrative(cli)
    args = cli.args
    if not args.period:
        raise ValidationError({"period": "Sebutkan periode dengan --period, misalnya --period 2025."})
    if args.format in ("pdf", "xlsx") and args.out is None:
        raise ValidationError({"out": f"Laporan {args.format.upper()} perlu berkas tujuan: --out FILE."})
    if args.out is not None:
        from app.services.out_files import check_out

        check_out(args.out)
    if args.city:
        return _city(cli)
    if args.offline:
        raise ValidationError({"offline": "--offline hanya berlaku bersama --city."})
    actor = cli.actor()
    reports = cli.services().reports
    if args.format == "json":
        text = dumps(reports.figures(actor, args.period, office=args.office))
        if args.out is None:
            cli.out(text)
            return 0
        _write(args.out, (text + "\n").encode("utf-8"))
    elif args.format == "pdf":
        _write(args.out, reports.pdf(actor, args.period, office=args.office, kind=args.kind))
    else:
        with _claimed(args.out) as part:
            reports.xlsx(actor, args.period, part, office=args.office)
    cli.emit(
        {"period": args.period, "format": args.format, "out": str(args.out)},
        lambda r: f"Laporan periode {r['period']} ({r['format']}) -> {r['out']}",
    )
    return 0


def _city(cli: Cli) -> int:
    """The city-wide report (``--city``): every office together, a line per office and the desks' last sync."""
    args = cli.args
    if args.office:
        raise ValidationError(
            {"office": "--city sudah mencakup semua kantor; jangan pakai --office bersamanya."}
        )
    actor = cli.actor()
    service = cli.services().city_reports
    city = service.report(actor, args.period, refresh=not args.offline)
    if args.format == "json":
        text = dumps(city.to_dict())
        if args.out is None:
            cli.out(text)
            return 0
        _write(args.out, (text + "\n").encode("utf-8"))
    elif args.format == "pdf":
        _write(args.out, service.pdf(actor, city, kind=args.kind))
    else:
        with _claimed(args.out) as part:
            service.xlsx(actor, city, part)
    cli.emit(
        {"period": args.period, "format": args.format, "out": str(args.out), "offices": len(city.offices)},
        lambda r: (
            f"Laporan seluruh kota periode {r['period']} ({r['format']}, {r['offices']} kantor) -> {r['out']}"
        ),
    )
    return 0


def _narrative(cli: Cli) -> int:
    args = cli.args
    if args.year is None:
        raise ValidationError({"year": "Sebutkan tahun narasi dengan --year, misalnya --year 2025."})
    actor = cli.actor()
    reports = cli.services().reports
    if args.set_from is not None:
        sections = reports.save_narrative(actor, args.year, read_json_object(args.set_from))
    else:
        sections = reports.narrative(actor, args.year, office=args.office)
    cli.out(dumps({"year": args.year, "sections": sections}))
    return 0


def _claimed(out: Path) -> Any:
    """The report's place (app/services/out_files.py): refused in Indonesian when it cannot take the file, and
    never half a report under the requested name."""
    from app.services.out_files import claimed

    return claimed(out)


def _write(out: Path, data: bytes) -> None:
    from app.services.out_files import write_whole

    write_whole(out, data)
