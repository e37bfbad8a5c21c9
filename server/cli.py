"""``ppid-server``: the city server's admin command (contract in docs/server.md).

Every command takes ``--db URL`` (default: ``PPID_SERVER_DB`` or a SQLite file for a trial) and ``--json``.
Exit codes: 0 ok, 1 refused (message on stderr), 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from sqlalchemy.exc import OperationalError, ProgrammingError

from server import admin
from server.db import default_db_url, make_engine, schema_status, upgrade


def _out(args: argparse.Namespace, data: Any, text: str) -> None:
    print(json.dumps(data, ensure_ascii=False, default=str) if args.json else text)


def _cmd_init(args: argparse.Namespace) -> int:
    engine = make_engine(args.db)
    upgrade(engine)
    current, _head = schema_status(engine)
    _out(args, {"ok": True, "revision": current}, f"Basis data siap (revisi {current}).")
    return 0


def _cmd_office_add(args: argparse.Namespace) -> int:
    office = admin.add_office(make_engine(args.db), args.code, args.name, args.city)
    kind = "kota" if office.is_city else "kantor"
    _out(args, office.__dict__, f"Kantor {office.code} ({kind}) ditambahkan: {office.name}")
    return 0


def _cmd_office_list(args: argparse.Namespace) -> int:
    offices = admin.list_offices(make_engine(args.db))
    lines = [f"{o.code}\t{'kota' if o.is_city else 'kantor'}\t{o.name}" for o in offices]
    _out(args, [o.__dict__ for o in offices], "\n".join(lines) or "(belum ada kantor)")
    return 0


def _cmd_enroll_code(args: argparse.Namespace) -> int:
    code, expires = admin.new_enroll_code(make_engine(args.db), args.office, timedelta(hours=args.ttl_hours))
    _out(
        args,
        {"code": code, "office": args.office, "expires_at": expires.isoformat()},
        f"{code}\n(sekali pakai, berlaku sampai {expires:%Y-%m-%d %H:%M} UTC)",
    )
    return 0


def _cmd_device_list(args: argparse.Namespace) -> int:
    silent_since = None if args.stale_days is None else admin.utcnow() - timedelta(days=args.stale_days)
    devices = admin.list_devices(make_engine(args.db), args.office, silent_since=silent_since)
    if silent_since is not None and not devices and not args.json:
        print(f"Semua perangkat aktif tersambung dalam {args.stale_days:g} hari terakhir.")
        return 0
    lines = [
        f"{d.id}\t{d.office_code}\t{d.desk_letter}\t{'DICABUT' if d.revoked_at else 'aktif'}\t"
        f"{d.last_seen or '-'}\t{d.label}"
        for d in devices
    ]
    _out(args, [d.__dict__ for d in devices], "\n".join(lines) or "(belum ada perangkat)")
    return 0


def _cmd_device_revoke(args: argparse.Namespace) -> int:
    admin.revoke_device(make_engine(args.db), args.device_id)
    _out(args, {"ok": True, "device_id": args.device_id}, f"Perangkat {args.device_id} dicabut.")
    return 0


def _cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from server.app import config_from_env, create_app
    from server.logs import configure

    engine = make_engine(args.db)
    current, head = schema_status(engine)
    if current != head:
        print(
            f"Skema basis data belum mutakhir ({current} ≠ {head}); jalankan 'ppid-server init' dulu.",
            file=sys.stderr,
        )
        return 1
    configure(args.log_level.upper())
    common: dict[str, Any] = {"host": args.host, "port": args.port, "log_config": None, "timeout_keep_alive": 30,
                              "ssl_certfile": args.ssl_certfile, "ssl_keyfile": args.ssl_keyfile}  # fmt: skip
    if args.workers > 1:
        os.environ["PPID_SERVER_DB"], os.environ["PPID_MIN_APP_VERSION"] = args.db, args.min_app_version
        os.environ["PPID_LOG_LEVEL"] = args.log_level.upper()
        uvicorn.run("server.app:app_from_env", factory=True, workers=args.workers, **common)
        return 0
    app = create_app(engine, config_from_env(args.min_app_version))
    uvicorn.run(app, **common)
    return 0


def _days(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 3650:  # also refuses NaN and infinity
        raise argparse.ArgumentTypeError(f"jumlah hari harus antara 0 dan 3650, bukan {text!r}")
    return value


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS, help="SQLAlchemy URL, e.g. postgresql+psycopg://…")
    common.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="machine-readable output"
    )
    parser = argparse.ArgumentParser(
        prog="ppid-server", description="PPID Desk city server admin", parents=[common]
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("init", parents=[common], help="create/upgrade the schema").set_defaults(func=_cmd_init)

    office = sub.add_parser("office", parents=[common], help="offices").add_subparsers(
        dest="office_cmd", required=True
    )
    add = office.add_parser("add", parents=[common])
    add.add_argument("--code", required=True)
    add.add_argument("--name", required=True)
    add.add_argument("--city", action="store_true", help="city PPID: sees every office")
    add.set_defaults(func=_cmd_office_add)
    office.add_parser("list", parents=[common]).set_defaults(func=_cmd_office_list)

    code = sub.add_parser("enroll-code", parents=[common], help="one-time enrollment code for a new desk")
    code.add_argument("--office", required=True)
    code.add_argument("--ttl-hours", type=float, default=24.0)
    code.set_defaults(func=_cmd_enroll_code)

    device = sub.add_parser("device", parents=[common], help="devices").add_subparsers(
        dest="device_cmd", required=True
    )
    dlist = device.add_parser("list", parents=[common])
    dlist.add_argument("--office")
    dlist.add_argument(
        "--stale-days", type=_days, metavar="N",
        help="only active desks that have not reached the server for N days (or never did)",
    )  # fmt: skip
    dlist.set_defaults(func=_cmd_device_list)
    revoke = device.add_parser("revoke", parents=[common])
    revoke.add_argument("device_id")
    revoke.set_defaults(func=_cmd_device_revoke)

    serve = sub.add_parser("serve", parents=[common], help="run the HTTP API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8470)
    serve.add_argument("--min-app-version", default="0.1.0")
    serve.add_argument("--ssl-certfile")
    serve.add_argument("--ssl-keyfile")
    serve.add_argument("--log-level", default="info")
    serve.add_argument("--workers", type=int, default=1, help="worker processes (PostgreSQL only)")
    serve.set_defaults(func=_cmd_serve)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if not hasattr(args, "db"):
        args.db = default_db_url()
    if not hasattr(args, "json"):
        args.json = False
    try:
        return int(args.func(args))
    except admin.AdminError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except (OperationalError, ProgrammingError) as exc:
        print(
            f"Basis data tidak dapat dipakai ({exc.orig}); periksa --db dan jalankan 'ppid-server init'.",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
