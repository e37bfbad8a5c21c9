"""``ppid-desk dik list|add|revoke`` and ``ppid-desk dip list|add|revoke``: the Daftar Informasi yang
Dikecualikan and the Daftar Informasi Publik, through ``desk.information_lists`` (the same validation as the
workstation's Pengaturan tab and the reject action). ``list --format pdf|xlsx --out FILE`` prints or exports."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.cli.common import Cli, add_command, add_group, read_json_object, table

_HELP = {
    "dik": ("daftar informasi yang dikecualikan (DIK): SK penetapan dan uji konsekuensi",
            '{"information", "article", "consequence_test", "excluded_until"|"excluded_period", "sk_number", '
            '"sk_date"}'),
    "dip": ("daftar informasi publik (DIP): informasi tersedia setiap saat",
            '{"title", "summary", "holder", "form", "location"}'),
}  # fmt: skip


def register(subparsers: Any) -> None:
    for which, (text, keys) in _HELP.items():
        group = add_group(subparsers, which, help=text)
        listing = add_command(
            group, "list", help="tampilkan daftar, atau cetak/ekspor dengan --format", handler=_list
        )
        listing.add_argument("--all", action="store_true", help="sertakan entri yang sudah dicabut")
        listing.add_argument("--format", choices=("text", "pdf", "xlsx"), default="text", help="bawaan: text")
        listing.add_argument("--out", type=Path, metavar="FILE", help="berkas keluaran untuk pdf/xlsx")
        listing.add_argument("--paper", choices=("A4", "F4"), default="A4", help="kertas PDF (bawaan: A4)")
        listing.add_argument(
            "--office", metavar="KODE", help="kantor lain (meja kota); '*' untuk semua kantor"
        )
        adding = add_command(group, "add", help="tambah entri (supervisor/admin)", handler=_add)
        adding.add_argument(
            "--body", required=True, metavar="FILE|-", help=f"entri sebagai objek JSON {keys}"
        )
        revoking = add_command(group, "revoke", help="cabut entri (tetap tersimpan; supervisor/admin)",
                               handler=_revoke)  # fmt: skip
        revoking.add_argument("id", metavar="ID")
        revoking.add_argument("--reason", required=True, metavar="TEKS", help="alasan pencabutan")


def _which(cli: Cli) -> str:
    return str(cli.args.command)


def _excluded_for(entry: Any) -> str:
    """How long, with the end date in ISO like every CLI table (``excluded_for`` words it for a letter)."""
    until = f"sampai dengan {entry.excluded_until.isoformat()}" if entry.excluded_until else ""
    return ", ".join(p for p in (entry.excluded_period or "", until) if p)


def _render(which: str, entries: list[Any]) -> str:
    if which == "dik":
        rows = [(e.id, e.article, f"{e.sk_number}, {e.sk_date.isoformat()}", _excluded_for(e), e.information[:60],
                 "" if e.active else f"dicabut {e.revoked_at:%Y-%m-%d}") for e in entries]  # fmt: skip
        return table(rows, ["ID", "PASAL 17", "SK", "JANGKA WAKTU", "INFORMASI", "STATUS"])
    rows = [(e.id, e.title[:60], e.holder, e.form, e.location[:40], "" if e.active else "dicabut")
            for e in entries]  # fmt: skip
    return table(rows, ["ID", "JUDUL", "PENGUASA", "BENTUK", "TEMPAT", "STATUS"])


def _list(cli: Cli) -> int:
    from app.errors import ValidationError

    args = cli.args
    which = _which(cli)
    cli.actor()
    lists = cli.services().information_lists
    if args.format != "text":
        if args.out is None:
            raise ValidationError({"out": "Sebutkan berkas keluaran dengan --out FILE."})
        from app.services.out_files import claimed

        with claimed(args.out) as part:  # refused in Indonesian before the work; the file appears only whole
            if args.format == "pdf":
                part.write_bytes(lists.pdf(which, args.paper))
            else:
                lists.xlsx(which, part)
        cli.emit({"list": which, "format": args.format, "out": str(args.out)},
                 lambda r: f"Daftar {which.upper()} ({r['format']}) -> {r['out']}")  # fmt: skip
        return 0
    read = lists.dik if which == "dik" else lists.dip
    entries = read(include_revoked=args.all, office=args.office)
    cli.emit(entries, lambda items: _render(which, items))
    return 0


def _add(cli: Cli) -> int:
    which = _which(cli)
    actor = cli.actor()
    body = read_json_object(cli.args.body)
    lists = cli.services().information_lists
    entry = lists.add_dik(actor, body) if which == "dik" else lists.add_dip(actor, body)
    cli.emit(entry, lambda e: f"Entri {which.upper()} {e.id} disimpan.")
    return 0


def _revoke(cli: Cli) -> int:
    which = _which(cli)
    actor = cli.actor()
    entry = cli.services().information_lists.revoke(actor, which, cli.args.id, cli.args.reason)
    cli.emit(entry, lambda e: f"Entri {which.upper()} {e.id} dicabut.")
    return 0
