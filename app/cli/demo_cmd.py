"""``ppid-desk demo``: open the workstation on a throw-away office filled with a realistic register.

Why: a newcomer (or a trainer in front of a class) should see a living office at once, without setting one up
or touching real data. The demo data folder is a new temporary folder unless ``--dir`` is given; it is never the
office's data folder. ``--no-gui`` only seeds and prints where (for scripts, screenshots and benchmarks).
Qt is imported only when the window opens.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from app.cli.common import Cli, add_command


def register(subparsers: Any) -> None:
    demo = add_command(
        subparsers,
        "demo",
        help="buka aplikasi pada kantor contoh berisi register demo (data sementara)",
        handler=_demo,
    )
    demo.add_argument("--count", type=int, default=300, help="jumlah permohonan contoh (bawaan: 300)")
    demo.add_argument("--days", type=int, default=365, help="rentang hari ke belakang (bawaan: 365)")
    demo.add_argument("--dir", type=Path, help="folder data demo (bawaan: folder sementara baru)")
    demo.add_argument("--no-gui", action="store_true", help="hanya isi data demo lalu cetak foldernya")


def _demo(cli: Cli) -> int:
    from app.demo import DEMO_OFFICER, seed_demo

    args = cli.args
    if args.count < 1:
        cli.err("--count minimal 1.")
        return 2
    folder = args.dir or Path(tempfile.mkdtemp(prefix="ppid-desk-demo-"))
    if not cli.as_json:
        cli.out(f"Menyiapkan kantor demo ({args.count} permohonan) di {folder} …")
    seed_demo(folder, count=args.count, days=args.days)
    user, password = DEMO_OFFICER
    if args.no_gui:
        cli.emit(
            {"data_dir": str(folder), "user": user, "password": password, "count": args.count},
            lambda d: (
                f"Data demo siap: {d['data_dir']}\nMasuk sebagai '{d['user']}', kata sandi '{d['password']}'."
            ),
        )
        return 0
    cli.out(f"Masuk otomatis sebagai '{user}' (kata sandi '{password}').")
    import importlib

    gui = importlib.import_module("ui.app")  # Qt only on this path; not followed by the app/ type check
    return int(gui.run(folder, sign_in=(user, password)) or 0)
