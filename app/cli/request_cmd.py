"""``ppid-desk request add|list|show|act``: intake and the lifecycle of a request.

``add`` prints a registration number only after the intake transaction has committed, so a number that was
printed (and maybe written on a receipt) always exists in the register, even if the process is killed right
after. ``--jsonl`` streams many intakes through one process, each number printed and flushed as it is issued.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from app.cli.common import (
    Cli,
    add_command,
    add_group,
    describe,
    dumps,
    parse_date_arg,
    parse_json_object,
    read_json_object,
    read_text,
    table,
)
from app.cli.route_cmd import add_route
from app.domain.deadlines import DEADLINE_LABELS
from app.domain.lifecycle import CHANNELS, DECISION_LABELS, REQUEST_LIFECYCLE, Status
from app.domain.requester import REQUESTER_KIND_LABELS
from app.errors import (
    ActionRefused,
    ConfirmationRequired,
    DeskError,
    IdentityQuestion,
    NotFound,
    PossibleDuplicate,
    ValidationError,
)
from app.services.duplicates import DuplicateCheck
from app.services.identity import IdentityAnswer

ACTIONS = tuple(a.value for a in REQUEST_LIFECYCLE.transitions)  # intake is `request add`
STATUSES = tuple(s.value for s in Status)


def register(subparsers: Any) -> None:
    group = add_group(subparsers, "request", help="permohonan informasi: daftar, lihat, tindak lanjut")

    add = add_command(
        group, "add", help="daftarkan permohonan dari JSON (berkas atau stdin '-')", handler=_add
    )
    add.add_argument("file", nargs="?", default="-", help="berkas JSON, atau '-' untuk stdin (bawaan)")
    add.add_argument(
        "--confirm-warnings",
        action="store_true",
        help="petugas sudah memeriksa peringatan (mis. kode wilayah NIK tidak dikenal) dan menyetujuinya",
    )
    add.add_argument(
        "--meski-duplikat",
        "--allow-duplicate",
        dest="allow_duplicate",
        action="store_true",
        help="daftarkan juga bila pemohon yang sama meminta informasi serupa dalam satu jam terakhir "
        "(petugas sudah memastikan ini permohonan baru)",
    )
    answer = add.add_mutually_exclusive_group()
    answer.add_argument(
        "--orang-sama",
        "--same-person",
        dest="identity",
        action="store_const",
        const=IdentityAnswer.SAME_PERSON,
        help="NIK sudah terdaftar atas nama lain: petugas memastikan orang yang sama dan nama yang diisi "
        "adalah perbaikannya (dicatat di riwayat permohonan)",
    )
    answer.add_argument(
        "--nik-diperbaiki",
        "--nik-corrected",
        dest="identity",
        action="store_const",
        const=IdentityAnswer.NIK_CORRECTED,
        help="NIK tadi salah ketik dan sudah diperbaiki dalam data ini (dicatat di riwayat permohonan; "
        "bila NIK baru pun terdaftar atas nama lain, petugas ditanya lagi)",
    )
    add.add_argument(
        "--jsonl",
        action="store_true",
        help="satu permohonan per baris (JSON Lines); setiap nomor dicetak segera setelah tersimpan",
    )

    lst = add_command(group, "list", help="cari dan tampilkan register permohonan", handler=_list)
    lst.add_argument("--status", action="append", choices=STATUSES, help="saring status (boleh berulang)")
    lst.add_argument("--from", dest="date_from", type=parse_date_arg, metavar="DATE", help="diterima sejak")
    lst.add_argument("--to", dest="date_to", type=parse_date_arg, metavar="DATE", help="diterima sampai")
    lst.add_argument("--text", default="", help="cari nama, nomor, NIK lengkap atau isi permohonan")
    lst.add_argument("--overdue", action="store_true", help="hanya yang melewati tenggat")
    lst.add_argument("--limit", type=int, default=50, help="jumlah baris maksimum (bawaan 50)")
    lst.add_argument("--offset", type=int, default=0, help="lewati sejumlah baris pertama")

    show = add_command(
        group, "show", help="rincian satu permohonan dengan tenggat dan riwayat", handler=_show
    )
    show.add_argument("number", metavar="NUMBER")

    act = add_command(group, "act", help="catat tindakan atas permohonan", handler=_act)
    act.add_argument("number", metavar="NUMBER")
    act.add_argument("action", metavar="ACTION", choices=ACTIONS, help="salah satu: " + ", ".join(ACTIONS))
    act.add_argument("--body", metavar="FILE|-", help="isi tindakan sebagai objek JSON")
    act.add_argument("--at", metavar="DATETIME", help="kapan tindakan terjadi (ISO 8601, bawaan sekarang)")
    add_route(group)


# --- rendering -----------------------------------------------------------------------------------------------


def _when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else "-"


def render_request(view: Any) -> str:
    from app.services.record_details import kuasa_text

    who = view.requester
    ident = ", ".join(p for p in (who.nik and f"NIK {who.nik}", who.phone_display, who.email_display) if p)
    lines = [
        f"Nomor        : {view.number}",
        f"Status       : {view.status_label}",
        f"Diterima     : {_when(view.received_at)} melalui {CHANNELS.get(view.channel, view.channel)} "
        f"oleh {view.received_by_name or view.received_by}",
        f"Lengkap      : {_when(view.completed_at)}",
        f"Pemohon      : {who.name} ({REQUESTER_KIND_LABELS.get(who.kind, who.kind)})"
        + (f" — {ident}" if ident else ""),
        f"Alamat       : {who.address}",
        *([f"Kuasa        : {kuasa_text(view.proxy)}"] if view.proxy else []),
        f"Informasi    : {view.information}",
        f"Tujuan       : {view.purpose}",
    ]
    if view.missing_items:
        lines.append("Kekurangan   : " + ", ".join(view.missing_items))
    if view.decision:
        lines.append(f"Keputusan    : {DECISION_LABELS[view.decision]} ({_when(view.decided_at)})")
    lines.append("Tenggat:")
    for kind, data in view.deadlines.items():
        lines.append(f"  {DEADLINE_LABELS.get(kind, kind)}: {data.get('due')}")
        for text in str(data.get("explanation") or "").splitlines()[1:]:
            lines.append(f"      {text}")
    lines.append("Riwayat:")
    for event in view.events:
        lines.append(f"  {_when(event.at)}  {event.username:<12} {event.summary}")
    return "\n".join(lines)


def _render_rows(rows: list[Any]) -> str:
    if not rows:
        return "Tidak ada permohonan yang cocok."
    return table(
        [
            (
                r.number,
                r.received_at.strftime("%Y-%m-%d"),
                r.status_label,  # the label people read; --json and --status keep the code
                (r.due.isoformat() if r.due else "-") + (" TERLAMBAT" if r.overdue else ""),
                r.name,
                r.information if len(r.information) <= 50 else r.information[:49] + "…",
            )
            for r in rows
        ],
        ["NOMOR", "DITERIMA", "STATUS", "TENGGAT", "PEMOHON", "INFORMASI"],
    )


def _issued(view: Any) -> str:
    from app.services.availability import request_due

    due = request_due(view)  # the register's "due" column: the lifecycle table says which deadline runs
    return f"{view.number}\t{view.status.value}\t{due.isoformat() if due else '-'}"


# --- handlers ------------------------------------------------------------------------------------------------


def _add(cli: Cli) -> int:
    actor = cli.actor()
    register = cli.services().register
    confirm = bool(cli.args.confirm_warnings)
    # Every intake typed at the desk asks about a retried one; --meski-duplikat is the officer's answer.
    mode = DuplicateCheck.CONFIRMED if cli.args.allow_duplicate else DuplicateCheck.ASK
    # A NIK registered under another name is asked (IdentityQuestion); the flags are the officer's answer.
    identity = cli.args.identity or IdentityAnswer.ASK
    if not cli.args.jsonl:
        data = read_json_object(cli.args.file)
        if not data:
            raise ValidationError({"json": "Data permohonan kosong."})
        view = register.receive(actor, data, confirm_warnings=confirm, duplicates=mode, identity=identity)
        # Printed only now: receive() returns after the transaction committed.
        cli.emit(view, _issued)
        return 0
    stream = read_text(cli.args.file) if cli.args.file != "-" else None
    lines = enumerate(stream.splitlines(), start=1) if stream is not None else _stdin_lines()
    saved, refused = 0, []
    for number, line in lines:
        if isinstance(line, DeskError):  # a line that is not UTF-8
            refused.append(number)
            cli.err(f"baris {number}: {describe(line)}")
            continue
        if not line.strip():
            continue
        try:
            data = parse_json_object(line, f"baris {number}", one_line=True)
            view = register.receive(actor, data, confirm_warnings=confirm, duplicates=mode, identity=identity)
        except BATCH_REFUSALS as error:  # this line is reported and skipped; the others go on
            refused.append(number)
            said = describe(error)
            cli.err(said if said.startswith(f"baris {number}:") else f"baris {number}: {said}")
            continue
        saved += 1
        cli.out(dumps(view, indent=None) if cli.as_json else _issued(view))
    if not refused:
        return 0
    cli.err(
        f"{saved} permohonan tersimpan, {len(refused)} baris ditolak (baris {', '.join(map(str, refused))}). "
        "Perbaiki baris yang ditolak dan kirim ulang hanya baris itu: baris yang tersimpan sudah bernomor."
    )
    return 2


#: What refuses one line of ``--jsonl`` without stopping the others (bad data, a question for the officer, a
#: number that is not there). Anything else (a full disk, a damaged register) stops the run: the lines before it
#: stay registered, their numbers printed.
BATCH_REFUSALS = (
    ValidationError,
    ConfirmationRequired,
    PossibleDuplicate,
    IdentityQuestion,
    NotFound,
    ActionRefused,
)


def _stdin_lines() -> Iterator[tuple[int, str | DeskError]]:
    """stdin line by line as UTF-8 (each number is printed as soon as its line is saved); a line that is not
    UTF-8 comes as the error that refuses it, like a body file would be refused."""
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is None:
        yield from enumerate(sys.stdin, start=1)
        return
    for number, raw in enumerate(buffer, start=1):
        try:
            yield number, raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError:
            yield (
                number,
                ValidationError(
                    {"file": f"stdin baris {number} bukan teks UTF-8; simpan ulang sebagai UTF-8."}
                ),
            )


def _list(cli: Cli) -> int:
    from app.services.register_query import RegisterFilter, check_period

    args = cli.args
    actor = cli.actor()
    flt = RegisterFilter(
        text=args.text,
        statuses=tuple(args.status or ()),
        date_from=args.date_from,
        date_to=args.date_to,
        overdue_only=args.overdue,
    )
    check_period(flt)
    if args.limit < 1 or args.offset < 0:
        raise ValidationError({"limit": "--limit minimal 1 dan --offset tidak boleh negatif."})
    rows = cli.services().query.rows(actor, flt, offset=args.offset, limit=args.limit)
    cli.emit(rows, _render_rows)
    return 0


def _show(cli: Cli) -> int:
    view = cli.services().register.get(cli.actor(), cli.args.number)
    cli.emit(view, render_request)
    return 0


def _act(cli: Cli) -> int:
    actor = cli.actor()
    body = read_json_object(cli.args.body)
    view = cli.services().actions.act(actor, cli.args.number, cli.args.action, body, at=cli.args.at)
    cli.emit(view, lambda v: f"{v.number}: {v.status_label}.\n{v.events[-1].summary}")
    return 0
