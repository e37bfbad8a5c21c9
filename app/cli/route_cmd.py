"""``ppid-desk request route NUMBER --to OFFICE --reason TEXT``: the city desk forwards a request to another office.

Part of the ``request`` group (``request_cmd.register`` adds it). The office list is refreshed from the city
server first; offline, the list last fetched is used, and the route op is pushed at the next ``ppid-desk sync``.
"""

from __future__ import annotations

from typing import Any

from app.cli.common import Cli, add_command
from app.errors import ValidationError


def add_route(group: Any) -> None:
    route = add_command(
        group,
        "route",
        help="teruskan permohonan ke kantor lain (hanya meja PPID kota); terkirim saat sinkronisasi",
        handler=_route,
    )
    route.add_argument("number", metavar="NUMBER")
    route.add_argument(
        "--to", dest="to_office", metavar="OFFICE_CODE", help="kode kantor tujuan, mis. 3673.02"
    )
    route.add_argument("--reason", help="alasan meneruskan (tercatat di riwayat)")
    route.add_argument("--at", metavar="DATETIME", help="kapan diteruskan (ISO 8601, bawaan sekarang)")
    route.add_argument(
        "--list",
        action="store_true",
        help="tampilkan kantor saat ini dan kantor tujuan yang dapat dipilih saja",
    )


def _render_choices(data: dict[str, Any]) -> str:
    lines = [f"Permohonan {data['number']} kini di: {data['current']['name']} ({data['current']['code']})"]
    if data["targets"]:
        lines.append("Dapat diteruskan ke:")
        lines += [f"  {o['code']:<12} {o['name']}" for o in data["targets"]]
    else:
        lines.append("Belum ada kantor tujuan yang dikenal.")
    lines.append(f"Daftar kantor dari server kota: {data['fetched_at'] or 'belum pernah diambil'}")
    return "\n".join(lines)


def _route(cli: Cli) -> int:
    args = cli.args
    actor = cli.actor()
    routing = cli.services().routing
    routing.refresh_offices()
    if args.list:
        choice = routing.choices(actor, args.number)
        cli.emit(
            {"number": choice.number, "current": choice.current.model_dump(exclude={"desks"}),
             "targets": [o.model_dump(exclude={"desks"}) for o in choice.targets], "fetched_at": choice.fetched_at},
            _render_choices,
        )  # fmt: skip
        return 0
    if not args.to_office or not args.reason:
        raise ValidationError(
            {"to_office": "Sebutkan --to KODE_KANTOR dan --reason ALASAN (lihat pilihan dengan --list)."}
        )
    view = routing.route(actor, args.number, to_office=args.to_office, reason=args.reason, at=args.at)
    cli.emit(
        view, lambda v: f"{v.number}: {v.events[-1].summary}\nTerkirim ke server kota saat sinkronisasi."
    )
    return 0
