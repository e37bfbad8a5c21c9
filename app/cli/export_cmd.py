"""``ppid-desk export``: the register as CSV, XLSX or JSON (personal data masked, the export audited), or with
``--public`` the public register for the PPID's website (no personal data, CSV or XLSX)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.cli.common import Cli, add_command, parse_date_arg
from app.domain.lifecycle import Status


def register(subparsers: Any) -> None:
    parser = add_command(
        subparsers,
        "export",
        help="ekspor register permohonan ke CSV, XLSX atau JSON (NIK selalu disamarkan)",
        handler=run,
    )
    parser.add_argument(
        "--format", choices=("csv", "xlsx", "json"), help="format berkas (bawaan: dari akhiran --out)"
    )
    parser.add_argument("--out", required=True, type=Path, metavar="FILE", help="berkas tujuan")
    parser.add_argument(
        "--from", dest="date_from", type=parse_date_arg, metavar="DATE", help="diterima sejak"
    )
    parser.add_argument("--to", dest="date_to", type=parse_date_arg, metavar="DATE", help="diterima sampai")
    parser.add_argument(
        "--public",
        action="store_true",
        help="register publik untuk laman PPID: tanpa nama, NIK, alamat, telepon dan email (CSV atau XLSX)",
    )
    parser.add_argument(
        "--status", action="append", choices=[s.value for s in Status], help="saring status (boleh berulang)"
    )


def run(cli: Cli) -> int:
    from app.services.register_query import RegisterFilter

    args = cli.args
    actor = cli.actor()
    services = cli.services()
    flt = RegisterFilter(statuses=tuple(args.status or ()), date_from=args.date_from, date_to=args.date_to)
    result = services.export.export(actor, out=args.out, fmt=args.format, flt=flt, public=args.public)
    note = "register publik tanpa data pribadi" if args.public else "NIK disamarkan"
    cli.emit(result, lambda r: f"{r.rows} permohonan diekspor ke {r.path} ({r.format}); {note}.")
    return 0
