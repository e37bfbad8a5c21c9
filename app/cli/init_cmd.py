"""``ppid-desk init``: first-run set-up of a data folder (office profile + first admin)."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path
from typing import Any

from app.cli.common import PASSWORD_ENV, Cli, add_command, read_new_password


def register(subparsers: Any) -> None:
    parser = add_command(
        subparsers,
        "init",
        help="siapkan folder data baru: kantor dan admin pertama",
        handler=run,
    )
    parser.add_argument(
        "--office-code", required=True, help="kode kantor dalam nomor registrasi, mis. KEC-SRG"
    )
    parser.add_argument("--office-name", required=True, help="nama kantor, mis. 'Kecamatan Serang'")
    parser.add_argument("--admin", required=True, metavar="USER", help="nama pengguna admin pertama")
    parser.add_argument("--admin-name", help="nama lengkap admin (bawaan: nama pengguna)")
    parser.add_argument("--desk-letter", default="A", help="huruf meja layanan (A–Z, bawaan A)")
    parser.add_argument("--city", default="Serang", help="kota tempat surat (bawaan Serang)")
    parser.add_argument(
        "--recovery-passphrase",
        action="store_true",
        help="segel kunci data pribadi dengan frasa pemulihan (dari PPID_DESK_RECOVERY_PASSPHRASE atau "
        "ditanyakan): cadangan tidak membawa kunci terbuka",
    )
    parser.add_argument(
        "--parent-name",
        default="PEMERINTAH KOTA SERANG",
        help="baris pertama kop surat (bawaan 'PEMERINTAH KOTA SERANG')",
    )


def run(cli: Cli) -> int:
    """Set up the folder, or on any failure leave it as it was: a half-made register (a database with no
    office, a key nobody needs) would make the next ``init`` refuse and the GUI open a broken desk."""
    data_dir = cli.data_dir.absolute()
    created_from = _first_missing(data_dir)
    before = set(data_dir.iterdir()) if created_from is None and data_dir.is_dir() else set()
    try:
        return _setup(cli)
    except BaseException:
        cli.close()  # the database is closed before its files are removed (Windows keeps open files)
        if created_from is not None:
            shutil.rmtree(created_from, ignore_errors=True)
        elif data_dir.is_dir():
            for entry in set(data_dir.iterdir()) - before:
                if entry.is_dir() and not entry.is_symlink():
                    shutil.rmtree(entry, ignore_errors=True)
                else:
                    entry.unlink(missing_ok=True)
        raise


def _first_missing(path: Path) -> Path | None:
    """The outermost folder of ``path`` that does not exist yet (``init`` creates it and all below), if any."""
    missing = None
    while not path.exists() and path != path.parent:
        missing, path = path, path.parent
    return missing


def _prepare_folder(data_dir: Path) -> None:
    """The data folder made (or found) and writable, or refused in Indonesian (exit 2): a mistyped
    ``--data-dir`` is bad input, not a failure of the program."""
    import tempfile

    from app.errors import ValidationError
    from app.services.out_files import reason

    if data_dir.exists() and not data_dir.is_dir():
        raise ValidationError(
            {"data_dir": f"{data_dir} adalah berkas, bukan folder. Pilih folder lain dengan --data-dir."}
        )
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        tempfile.TemporaryFile(dir=data_dir).close()
    except OSError as exc:
        raise ValidationError(
            {"data_dir": f"Folder data {data_dir} tidak dapat dipakai: {reason(exc)}. Pilih folder lain dengan "
             "--data-dir."}
        ) from None  # fmt: skip


def _setup(cli: Cli) -> int:
    args: argparse.Namespace = cli.args
    _prepare_folder(cli.data_dir)
    services = cli.services(create=True)
    if services.office.is_initialized():
        from app.errors import ValidationError

        raise ValidationError(f"Folder data {cli.data_dir} sudah disiapkan; init tidak diulang.")
    password = read_new_password(f"admin '{args.admin}'", env=PASSWORD_ENV)
    passphrase = None
    if args.recovery_passphrase:  # asked and checked before anything is set up
        from app.cli.key_cmd import read_passphrase
        from app.services.pii_recovery import check_passphrase

        passphrase = check_passphrase(read_passphrase(twice=True))
    actor = services.office.setup(
        office_code=args.office_code,
        office_name=args.office_name,
        admin_username=args.admin,
        admin_password=password,
        admin_full_name=args.admin_name,
        desk_letter=args.desk_letter,
        city=args.city,
        parent_name=args.parent_name,
    )
    if passphrase is not None:
        from app.services.pii import key_path
        from app.services.pii_recovery import set_passphrase

        keys = cli.data_dir / "keys"
        set_passphrase(keys, key_path(keys).read_bytes().strip(), passphrase)
    profile = services.office.profile()
    if cli.as_json:
        cli.emit({"data_dir": str(cli.data_dir), "office": profile, "admin": actor.username})
    else:
        cli.out(
            f"Kantor {profile.name} ({profile.code}, meja {profile.desk_letter}) disiapkan di {cli.data_dir}."
        )
        cli.out(f"Admin pertama: {actor.username}.")
        cli.out(f"Simpan cadangan kunci data pribadi: {cli.data_dir / 'keys' / 'pii.key'}")
    return 0
