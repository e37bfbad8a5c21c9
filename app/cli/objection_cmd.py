"""``ppid-desk objection add|list|show|act``: keberatan against a request and what follows it."""

from __future__ import annotations

from typing import Any

from app.cli.common import Cli, add_command, add_group, read_json_object, table
from app.domain.deadlines import OBJECTION_DEADLINE_LABELS
from app.domain.lifecycle import OBJECTION_DECISIONS, OBJECTION_GROUNDS, OBJECTION_LIFECYCLE, ObjectionStatus

ACTIONS = tuple(a.value for a in OBJECTION_LIFECYCLE.transitions)
STATUSES = tuple(s.value for s in ObjectionStatus)


def register(subparsers: Any) -> None:
    group = add_group(subparsers, "objection", help="keberatan (Pasal 35 UU 14/2008)")
    add = add_command(group, "add", help="daftarkan keberatan atas permohonan", handler=_add)
    add.add_argument("--request", required=True, metavar="NUMBER", help="nomor registrasi permohonan")
    add.add_argument(
        "--ground", required=True, metavar="a..g", help="alasan keberatan, huruf a–g (mis. c atau a,g)"
    )
    add.add_argument(
        "--filed-at", metavar="DATETIME", help="kapan keberatan diterima (ISO 8601, bawaan sekarang)"
    )
    add.add_argument(
        "--body", metavar="FILE|-", help="JSON: case_summary (kasus posisi), proxy {name, address, phone}"
    )

    lst = add_command(group, "list", help="daftar keberatan", handler=_list)
    lst.add_argument("--status", choices=STATUSES, help="saring status")
    lst.add_argument("--request", metavar="NUMBER", help="hanya keberatan atas permohonan ini")

    show = add_command(group, "show", help="rincian satu keberatan", handler=_show)
    show.add_argument("number", metavar="NUMBER")

    act = add_command(group, "act", help="catat tindak lanjut keberatan", handler=_act)
    act.add_argument("number", metavar="NUMBER")
    act.add_argument("action", metavar="ACTION", choices=ACTIONS, help="salah satu: " + ", ".join(ACTIONS))
    act.add_argument("--body", metavar="FILE|-", help="isi tindakan sebagai objek JSON")
    act.add_argument("--at", metavar="DATETIME", help="kapan tindakan terjadi (ISO 8601, bawaan sekarang)")


def _late(view: Any) -> str:
    """The mark of a keberatan filed after the requester's 30-working-day window (Pasal 36 ayat 1)."""
    if not view.late_filing:
        return ""
    due = f" (batas {view.filing_due.isoformat()})" if view.filing_due else ""
    return f"TERLAMBAT: diajukan setelah batas pengajuan keberatan{due}"


def render_objection(view: Any) -> str:
    from app.services.record_details import kuasa_text

    late = _late(view)
    lines = [
        f"Nomor        : {view.number}",
        f"Permohonan   : {view.request_number}",
        f"Status       : {view.status_label}",
        f"Diajukan     : {view.filed_at:%Y-%m-%d %H:%M} oleh petugas {view.received_by_name}"
        + (f" — {late}" if late else ""),
        "Alasan       : "
        + "; ".join(f"{g}. {OBJECTION_GROUNDS.get(g, '')}".rstrip(". ") for g in view.grounds),
        f"Kasus posisi : {view.case_summary or '-'}",
        *([f"Kuasa        : {kuasa_text(view.proxy)}"] if view.proxy else []),
    ]
    if view.decision:
        label = OBJECTION_DECISIONS.get(view.decision, view.decision)
        lines.append(f"Keputusan    : {label} — {view.decision_text}")
    lines.append("Tenggat:")
    for kind, data in view.deadlines.items():
        lines.append(f"  {OBJECTION_DEADLINE_LABELS.get(kind, kind)}: {data.get('due')}")
        for text in str(data.get("explanation") or "").splitlines()[1:]:
            lines.append(f"      {text}")
    lines.append("Riwayat:")
    for event in view.events:
        lines.append(f"  {event.at:%Y-%m-%d %H:%M}  {event.username:<12} {event.summary}")
    return "\n".join(lines)


def _render_list(views: list[Any]) -> str:
    if not views:
        return "Belum ada keberatan."
    return table(
        [
            (
                v.number,
                v.request_number,
                v.filed_at.strftime("%Y-%m-%d") + (" TERLAMBAT" if v.late_filing else ""),
                v.status_label,  # the label people read; --json and --status keep the code
                ",".join(v.grounds),
                v.due_response.isoformat() if v.due_response else "-",
            )
            for v in views
        ],
        ["NOMOR", "PERMOHONAN", "DIAJUKAN", "STATUS", "ALASAN", "TENGGAT"],
    )


def _add(cli: Cli) -> int:
    actor = cli.actor()
    body = read_json_object(cli.args.body)
    view = cli.services().objections.add(
        actor, request_number=cli.args.request, grounds=cli.args.ground, filed_at=cli.args.filed_at, body=body
    )
    cli.emit(
        view,
        lambda v: f"{v.number}\t{v.status.value}\t{v.due_response.isoformat() if v.due_response else '-'}",
    )
    if view.late_filing:  # told now, at filing: stdout keeps its three columns for scripts
        cli.err(f"Peringatan: {_late(view)}. Keberatan tetap terdaftar; Atasan PPID yang menimbangnya.")
    return 0


def _list(cli: Cli) -> int:
    views = cli.services().objections.list(
        cli.actor(), status=cli.args.status, request_number=cli.args.request
    )
    cli.emit(views, _render_list)
    return 0


def _show(cli: Cli) -> int:
    cli.emit(cli.services().objections.get(cli.actor(), cli.args.number), render_objection)
    return 0


def _act(cli: Cli) -> int:
    actor = cli.actor()
    body = read_json_object(cli.args.body)
    view = cli.services().objections.act(actor, cli.args.number, cli.args.action, body, at=cli.args.at)
    cli.emit(view, lambda v: f"{v.number}: {v.status_label}.\n{v.events[-1].summary}")
    return 0
