"""``ppid-desk calendar list|add|remove|recompute|cuti-bersama``: the office's working-day calendar.

Editing the calendar never moves a deadline by itself: ``recompute`` without ``--apply`` shows what would
change and writes nothing; ``--apply`` writes the changes, each one on the request's timeline.
"""

from __future__ import annotations

from typing import Any

from app.cli.common import Cli, add_command, add_group, parse_date_arg, parse_year_arg, table
from app.domain.deadlines import DEADLINE_LABELS, OBJECTION_DEADLINE_LABELS
from app.domain.formatting import DAY_NAMES
from app.services.record_fields.calendar import CALENDAR_KINDS

CATEGORY_LABELS = {"nasional": "libur nasional", "cuti_bersama": "cuti bersama", "lokal": "libur lokal"}
#: A recomputed deadline's record and, per record, its deadlines in words (the table shows no stored codes).
RECORD_LABELS = {"request": "permohonan", "objection": "keberatan"}
RECORD_DEADLINES = {"request": DEADLINE_LABELS, "objection": OBJECTION_DEADLINE_LABELS}


def register(subparsers: Any) -> None:
    group = add_group(subparsers, "calendar", help="kalender hari kerja kantor")
    lst = add_command(
        group, "list", help="libur nasional, cuti bersama dan entri lokal dalam satu tahun", handler=_list
    )
    lst.add_argument("--year", type=parse_year_arg, metavar="YYYY", help="tahun (bawaan: tahun ini)")

    add = add_command(group, "add", help="tambah libur lokal atau hari kerja pengganti", handler=_add)
    add.add_argument("day", type=parse_date_arg, metavar="DATE", help="tanggal, mis. 2026-10-08")
    add.add_argument("--name", required=True, help="keterangan, mis. 'HUT Kota Serang'")
    add.add_argument(
        "--kind",
        choices=("libur_lokal", "hari_kerja"),
        default="libur_lokal",
        help="libur_lokal (kantor tutup) atau hari_kerja (hari libur yang tetap masuk kerja)",
    )
    add.add_argument("--source", help="dasar penetapan, mis. nomor surat edaran")

    remove = add_command(group, "remove", help="hapus entri lokal pada tanggal itu", handler=_remove)
    remove.add_argument("day", type=parse_date_arg, metavar="DATE")

    recompute = add_command(
        group,
        "recompute",
        help="hitung ulang tenggat yang masih berjalan (tanpa --apply: hanya pratinjau)",
        handler=_recompute,
    )
    recompute.add_argument("--apply", action="store_true", help="simpan perubahan tenggat")

    cuti = add_command(
        group,
        "cuti-bersama",
        help="apakah cuti bersama dihitung sebagai hari libur (tanpa argumen: tampilkan)",
        handler=_cuti,
    )
    cuti.add_argument("state", nargs="?", metavar="on|off", choices=("on", "off"))


def _list(cli: Cli) -> int:
    cli.actor()  # signing in keeps every read attributable
    calendar = cli.services().calendar
    year = cli.args.year or calendar.today().year  # the desk's clock, as every deadline is counted
    holidays = calendar.holidays(year)
    overrides = [e for e in calendar.entries(year) if e.kind == "hari_kerja"]
    if cli.as_json:
        cli.emit(
            {
                "year": year,
                "cuti_bersama_is_holiday": calendar.cuti_bersama_is_holiday(),
                "holidays": [
                    {
                        "day": h.day.isoformat(),
                        "name": h.name,
                        "category": h.category,
                        "estimated": h.estimated,
                    }
                    for h in holidays
                ],
                "entries": calendar.entries(year),
            }
        )
        return 0
    rows = [
        (
            h.day.isoformat(),
            DAY_NAMES[h.day.weekday()],
            CATEGORY_LABELS.get(h.category, h.category),
            h.name + (" (perkiraan)" if h.estimated else ""),
        )
        for h in holidays
    ]
    rows += [
        (e.day.isoformat(), DAY_NAMES[e.day.weekday()], "hari kerja pengganti", e.name) for e in overrides
    ]
    rows.sort()
    cli.out(
        f"Kalender {year} (cuti bersama dihitung libur: {'ya' if calendar.cuti_bersama_is_holiday() else 'tidak'})"
    )
    cli.out(table(rows, ["TANGGAL", "HARI", "JENIS", "KETERANGAN"]))
    return 0


def _add(cli: Cli) -> int:
    args = cli.args
    view = cli.services().calendar.add(
        cli.actor(), day=args.day, name=args.name, kind=args.kind, source=args.source
    )
    cli.emit(
        view,
        lambda v: (
            f"{v.day.isoformat()} dicatat sebagai {CALENDAR_KINDS.get(v.kind, v.kind).lower()}: {v.name}.\n"
            "Tenggat yang sudah ada belum berubah; jalankan 'ppid-desk calendar recompute' untuk meninjau."
        ),
    )
    return 0


def _remove(cli: Cli) -> int:
    cli.services().calendar.remove(cli.actor(), cli.args.day)
    cli.emit(
        {"day": cli.args.day.isoformat(), "removed": True},
        lambda _: f"Entri lokal {cli.args.day.isoformat()} dihapus dari kalender.",
    )
    return 0


def _render_changes(changes: list[Any], applied: bool) -> str:
    if not changes:
        return "Tidak ada tenggat yang berubah."
    text = table(
        [
            (
                RECORD_LABELS.get(c.entity, c.entity),
                c.number,
                RECORD_DEADLINES.get(c.entity, DEADLINE_LABELS).get(c.kind, c.kind),
                c.old.isoformat() if c.old else "-",
                c.new.isoformat(),
            )
            for c in changes
        ],
        ["JENIS", "NOMOR", "TENGGAT", "LAMA", "BARU"],
    )
    tail = (
        f"{len(changes)} tenggat diperbarui."
        if applied
        else f"{len(changes)} tenggat akan berubah. Belum disimpan: ulangi dengan --apply."
    )
    return text + "\n" + tail


def _recompute(cli: Cli) -> int:
    applied = bool(cli.args.apply)
    changes = cli.services().calendar.recompute(cli.actor(), apply=applied)
    if cli.as_json:
        cli.emit({"applied": applied, "changes": changes})
    else:
        cli.out(_render_changes(changes, applied))
    return 0


def _cuti(cli: Cli) -> int:
    calendar = cli.services().calendar
    actor = cli.actor()
    if cli.args.state is not None:
        calendar.set_cuti_bersama_is_holiday(actor, cli.args.state == "on")
    value = calendar.cuti_bersama_is_holiday()
    cli.emit(
        {"cuti_bersama_is_holiday": value},
        lambda _: (
            f"Cuti bersama dihitung sebagai hari libur: {'ya' if value else 'tidak'}."
            + ("\nJalankan 'ppid-desk calendar recompute' untuk meninjau tenggat." if cli.args.state else "")
        ),
    )
    return 0
