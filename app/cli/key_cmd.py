"""``ppid-desk key``: the PII key's recovery passphrase, and putting a lost key back from a backup.

``key passphrase`` (admin) seals the key under a recovery passphrase: from then on backups carry only the sealed
key (``FILE.key.recovery``). ``key recover FILE`` puts a backup's key back as ``keys/pii.key`` — from
``FILE.key``, or ``FILE.key.recovery`` with the passphrase — after checking that it opens every NIK of this
register; it signs in against the register file itself, because a desk without its key does not open.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from app.cli.common import Cli, _prompt, add_command, add_group, read_password

PASSPHRASE_ENV = "PPID_DESK_RECOVERY_PASSPHRASE"


def register(subparsers: Any) -> None:
    group = add_group(subparsers, "key", help="kunci data pribadi (NIK): frasa pemulihan dan pemulihan kunci")
    add_command(
        group,
        "passphrase",
        help=f"segel kunci dengan frasa pemulihan (dari {PASSPHRASE_ENV} atau ditanyakan dua kali); "
        "cadangan berikutnya tidak lagi membawa kunci terbuka",
        handler=_passphrase,
    )
    recover = add_command(
        group, "recover", help="pulihkan keys/pii.key dari berkas kunci sebuah cadangan", handler=_recover
    )
    recover.add_argument("file", type=Path, metavar="FILE", help="CADANGAN.sqlite3 (kuncinya di sampingnya)")


def read_passphrase(*, twice: bool) -> str:
    value = os.environ.get(PASSPHRASE_ENV)
    if value is not None:
        return value
    first = _prompt("Frasa pemulihan kunci: ", env=PASSPHRASE_ENV, what="Frasa pemulihan")
    if twice and _prompt("Ulangi frasa pemulihan: ", env=PASSPHRASE_ENV, what="Frasa pemulihan") != first:
        from app.errors import ValidationError

        raise ValidationError({"passphrase": "Kedua frasa pemulihan tidak sama."})
    return first


def _passphrase(cli: Cli) -> int:
    from app.domain.permissions import Permission
    from app.services.journal import audit
    from app.services.pii import key_path
    from app.services.pii_recovery import set_passphrase

    actor = cli.actor()
    actor.require(Permission.MANAGE_OFFICE)
    ctx = cli.services().ctx
    keys = ctx.data_dir / "keys"
    path = set_passphrase(keys, key_path(keys).read_bytes().strip(), read_passphrase(twice=True))
    with ctx.db.transaction() as session:
        audit(session, actor, ctx.clock(), action="pii_key_sealed", entity="office", entity_id="1")
    cli.emit({"sealed_key": str(path)}, lambda _: f"Kunci disegel dengan frasa pemulihan: {path}. "
             "Cadangan berikutnya hanya membawa kunci tersegel; simpan frasa itu di tempat aman.")  # fmt: skip
    return 0


def _recover(cli: Cli) -> int:
    from app.domain.permissions import Permission
    from app.errors import ValidationError
    from app.paths import db_path
    from app.services.backup import KEY_SUFFIX, write_private
    from app.services.pii import KEY_FILE_NAME, PiiVault, unreadable_tokens, wrong_key_error
    from app.services.pii_recovery import RECOVERY_SUFFIX, unseal
    from app.services.restore import authenticate_in, connect

    data_dir = cli.data_dir
    live = db_path(data_dir)
    name = cli.username()
    actor = authenticate_in(live, name, read_password(f"Kata sandi {name}: "))
    actor.require(Permission.BACKUP)
    clear, sealed = Path(f"{cli.args.file}{KEY_SUFFIX}"), Path(f"{cli.args.file}{RECOVERY_SUFFIX}")
    if clear.exists():
        key = clear.read_bytes().strip()
    elif sealed.exists():
        key = unseal(sealed.read_bytes(), read_passphrase(twice=False))
    else:
        raise ValidationError(
            {"file": f"Tidak ada {clear.name} atau {sealed.name} di samping {cli.args.file}."}
        )
    target = data_dir / "keys" / KEY_FILE_NAME
    try:
        vault = PiiVault(key)
    except ValueError:
        raise wrong_key_error(target) from None
    connection = connect(live)
    try:
        rows = connection.execute(
            "SELECT id, nik_encrypted, nik_hash FROM requesters WHERE nik_encrypted IS NOT NULL"
        ).fetchall()
    finally:
        connection.close()
    bad = unreadable_tokens(rows, vault)
    if bad:
        raise ValidationError(
            {"file": f"Kunci ini tidak membuka {len(bad)} dari {len(rows)} NIK register ini; tidak dipasang."}
        )
    if target.exists() and target.read_bytes().strip() != key:
        write_private(target.with_name(f"pii-sebelum-recover-{os.getpid()}.key"), target.read_bytes())
    write_private(target, key)
    cli.emit({"key": str(target), "niks": len(rows)},
             lambda _: f"Kunci dipasang di {target}; membuka semua {len(rows)} NIK register.")  # fmt: skip
    return 0
