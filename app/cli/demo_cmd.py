"""``ppid-desk demo``: open the workstation on a throw-away office filled with a realistic register.

Why: a newcomer (or a trainer in front of a class) should see a living office at once, without setting one up
or touching real data. The demo data folder is a new temporary folder, removed again when the window closes,
unless ``--dir`` (or the common ``--data-dir``) names one, which is kept. A named folder must be empty or an
earlier demo (it carries ``app.demo.DEMO_MARKER``): a real office's folder is refused, never filled with
invented requests. ``--no-gui`` only seeds and prints where (for scripts, screenshots and benchmarks; that
folder is kept, since printing it is the point). The window opens at once with a splash showing the seeding's
progress (ui/shell/startup.py); Qt is imported only on that path.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from app.cli import collector
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
    demo.add_argument(
        "--dir",
        type=Path,
        help="folder data demo, disimpan setelah selesai (sama dengan --data-dir; bawaan: folder sementara "
        "baru yang dihapus saat aplikasi ditutup)",
    )
    demo.add_argument("--no-gui", action="store_true", help="hanya isi data demo lalu cetak foldernya")


def _chosen_folder(cli: Cli) -> Path | None:
    """The folder named by ``--dir`` or ``--data-dir`` (None: a throw-away one). Refuses two different ones
    and a folder holding a register that is not a demo."""
    from app.demo import is_demo_folder
    from app.errors import ValidationError

    named = [Path(p) for p in (cli.args.dir, getattr(cli.args, "data_dir", None)) if p is not None]
    if len({p.resolve() for p in named}) > 1:
        raise ValidationError(
            {"dir": "--dir dan --data-dir menunjuk folder yang berbeda; sebutkan satu folder data demo saja."}
        )
    if not named:
        return None
    if named[0].exists() and not named[0].is_dir():
        raise ValidationError(
            {"dir": f"{named[0]} adalah berkas, bukan folder. Pilih folder kosong untuk demo."}
        )
    if not is_demo_folder(named[0]):
        raise ValidationError(
            {
                "dir": f"Folder {named[0]} berisi register kantor, bukan data demo: demo tidak pernah menulis "
                "ke data kantor. Pilih folder kosong (atau folder demo sebelumnya), atau jalankan tanpa "
                "--dir/--data-dir untuk folder sementara."
            }
        )
    return named[0]


def _demo(cli: Cli) -> int:
    from app.demo import DEMO_OFFICER, seed_demo

    # The seeding opens its own services and the window installs its own collector (ui/kit/gc.py): the
    # command's start-up ends here.
    collector.resume()
    args = cli.args
    for option, value in (("--count", args.count), ("--days", args.days)):
        if value < 1:  # checked before a folder is made: a demo over no days has nothing to draw dates from
            cli.err(f"{option} minimal 1.")
            return 2
    chosen = _chosen_folder(cli)
    folder = chosen or Path(tempfile.mkdtemp(prefix="ppid-desk-demo-"))
    keep = chosen is not None
    try:
        user, password = DEMO_OFFICER
        if args.no_gui:
            if not cli.as_json:
                cli.out(f"Menyiapkan kantor demo ({args.count} permohonan) di {folder} …")
            seed_demo(folder, count=args.count, days=args.days)
            keep = True  # the folder is what --no-gui hands over
            cli.emit(
                {"data_dir": str(folder), "user": user, "password": password, "count": args.count},
                lambda d: (
                    f"Data demo siap: {d['data_dir']}\n"
                    f"Masuk sebagai '{d['user']}', kata sandi '{d['password']}'."
                ),
            )
            return 0
        cli.out(f"Kantor demo di {folder}" + ("" if keep else " (dihapus saat aplikasi ditutup)") + ".")
        cli.out(f"Masuk otomatis sebagai '{user}' (kata sandi '{password}').")
        import importlib

        gui = importlib.import_module("ui.app")  # Qt only on this path; not followed by the app/ type check

        def prepare(progress: Any) -> None:
            seed_demo(folder, count=args.count, days=args.days, progress=progress)

        return int(gui.run(folder, sign_in=(user, password), prepare=prepare) or 0)
    finally:
        if not keep:
            _remove(cli, folder)


def _remove(cli: Cli, folder: Path) -> None:
    """Remove the throw-away folder; if something still holds a file (a virus scanner on Windows), say where."""
    try:
        shutil.rmtree(folder)
    except OSError as exc:
        from app.services.out_files import reason

        cli.err(f"Folder demo sementara {folder} tidak dapat dihapus ({reason(exc)}); hapus sendiri.")
