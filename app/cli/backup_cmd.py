"""``ppid-desk backup|restore|check``: verified copies of the register and an integrity check.

``restore`` signs the user in against the current register; when that register cannot be opened (the usual
reason to restore), against the verified backup instead. It is refused while the desktop app or a writing
command has the register open (the data folder's writer lock).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.cli import collector
from app.cli.common import Cli, add_command, read_password


def register(subparsers: Any) -> None:
    backup = add_command(
        subparsers,
        "backup",
        help="cadangkan register (SQLite online backup, diverifikasi) beserta kunci data pribadi",
        handler=_backup,
    )
    backup.add_argument(
        "--out", type=Path, metavar="FILE", help="berkas cadangan (bawaan: backups/ppid-desk-<waktu>.sqlite3)"
    )
    backup.add_argument(
        "--mirror", type=Path, metavar="DIR",
        help="salin juga ke folder kedua (mis. drive USB), diverifikasi, lalu rotasi di sana",
    )  # fmt: skip
    backup.add_argument(
        "--keep-daily", type=_count, default=7, metavar="N", help="cadangan harian disimpan (7)"
    )
    backup.add_argument("--keep-weekly", type=_count, default=4, metavar="N", help="cadangan mingguan (4)")
    backup.add_argument("--keep-monthly", type=_count, default=12, metavar="N", help="cadangan bulanan (12)")
    backup.add_argument(
        "--no-rotate", action="store_true", help="jangan hapus cadangan lama di backups/ (dan folder kedua)"
    )
    restore = add_command(
        subparsers,
        "restore",
        help="pulihkan register dari cadangan (diverifikasi dulu; register lama disimpan di backups/)",
        handler=_restore,
    )
    restore.add_argument("file", type=Path, metavar="FILE")
    add_command(
        subparsers,
        "check",
        help="periksa keutuhan register (integrity, foreign key, revisi skema, penghitung, riwayat); "
        "status 1 bila ada masalah",
        handler=_check,
    )


def _backup(cli: Cli) -> int:
    from app.services.backup import BackupService

    actor = cli.actor()
    service = BackupService(cli.services().ctx)
    target = cli.args.out or service.default_target()
    if cli.args.out is None:
        target.parent.mkdir(parents=True, exist_ok=True)
    result = service.backup(actor, target)
    extra = _rotate_and_mirror(cli, result.path, rotate_here=cli.args.out is None)

    def render(r: Any) -> str:
        lines = [
            f"Cadangan tersimpan: {r.path} ({r.size_bytes} byte), integrity_check {r.integrity}, "
            f"{r.counts.get('requests', 0)} permohonan, jumlah baris setiap tabel sama dengan register.",
        ]
        if r.key_path:
            lines.append(
                f"Kunci data pribadi disalin ke {r.key_path}. Simpan bersama cadangan dan jaga kerahasiaannya: "
                "tanpa berkas kunci ini NIK dalam cadangan tidak dapat dibuka."
            )
        else:
            lines.append(
                "Perhatian: kunci data pribadi (keys/pii.key) tidak ditemukan; NIK tidak dapat dibuka."
            )
        return "\n".join([*lines, *extra["lines"]])

    cli.emit({**result.to_dict(), **{k: v for k, v in extra.items() if k != "lines"}} if cli.as_json else result,
             render)  # fmt: skip
    return 0


def _count(text: str) -> int:
    import argparse

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError("harus bilangan bulat 0 atau lebih") from None
    if not 0 <= value <= 1000:
        raise argparse.ArgumentTypeError("harus bilangan bulat 0 sampai 1000")
    return value


def _rotate_and_mirror(cli: Cli, backup: Path, *, rotate_here: bool) -> dict[str, Any]:
    """Prune ``backups/`` by the policy (only when the backup went there) and copy the backup to the second
    folder, verified, pruning that folder too (``app/services/backup_rotation.py``)."""
    from app.errors import ValidationError
    from app.services.backup_rotation import RotationPolicy, mirror, rotate

    args = cli.args
    policy = RotationPolicy(args.keep_daily, args.keep_weekly, args.keep_monthly)
    out: dict[str, Any] = {"lines": []}
    if rotate_here and not args.no_rotate:
        pruned = rotate(backup.parent, policy)
        out["rotation"] = pruned.to_dict()
        out["lines"].append(
            f"Rotasi backups/ (harian {policy.daily}, mingguan {policy.weekly}, bulanan {policy.monthly}): "
            f"{len(pruned.kept)} disimpan, {len(pruned.removed)} cadangan lama dihapus."
        )
    if args.mirror is not None:
        try:
            copy = mirror(backup, args.mirror)
        except (OSError, RuntimeError) as exc:
            from app.services.out_files import reason

            # Our own messages say what to do; the system's (``[Errno 2] …``, English) are read in Indonesian.
            said = f"{args.mirror}: {reason(exc)}" if isinstance(exc, OSError) and exc.errno else str(exc)
            raise ValidationError({"mirror": f"Cadangan kedua gagal: {said}"}) from None
        out["mirror"] = str(copy)
        out["lines"].append(f"Cadangan kedua tersimpan dan diverifikasi: {copy}.")
        if not args.no_rotate:
            pruned = rotate(args.mirror, policy)
            out["mirror_rotation"] = pruned.to_dict()
            out["lines"].append(
                f"Rotasi {args.mirror}: {len(pruned.kept)} disimpan, {len(pruned.removed)} cadangan lama dihapus."
            )
    return out


def _restore(cli: Cli) -> int:
    from app.domain.permissions import Permission
    from app.errors import KeyUnavailable
    from app.paths import db_path
    from app.services.backup import BackupService
    from app.services.restore import authenticate_in, current_register_sound, restore_register

    collector.resume()  # the restore reads and verifies a whole backup before it opens any register
    data_dir = cli.data_dir

    def authorize(staged: Path) -> str:
        if current_register_sound(data_dir):
            try:
                actor = cli.actor()
            except KeyUnavailable:  # the key is lost: sign in on the live file, the backup brings its key
                cli.close()
                name = cli.username()
                actor = authenticate_in(db_path(data_dir), name, read_password(f"Kata sandi {name}: "))
        else:  # missing or damaged (the usual reason to restore): sign in against the verified backup
            name = cli.username()
            actor = authenticate_in(staged, name, read_password(f"Kata sandi {name}: "))
        actor.require(Permission.BACKUP)
        cli.close()  # release the live file before it is overwritten
        return actor.username

    from app.cli.key_cmd import read_passphrase
    from app.services import writer_lock
    from app.services.restore import RESTORING

    # The writer lock from the first look at the register to the restore's audit line: refused while the
    # workstation or a writing command has it open, and nothing is numbered in between.
    data_dir.mkdir(parents=True, exist_ok=True)
    writer_lock.acquire(data_dir, RESTORING, wait=writer_lock.WAIT_SECONDS)
    try:
        result = restore_register(
            data_dir, cli.args.file, authorize=authorize, passphrase=lambda: read_passphrase(twice=False)
        )
        BackupService(cli.services().ctx).record_restore(result.restored_by, result.to_dict())
        cli.close()
    finally:
        writer_lock.release(data_dir)

    def render(r: Any) -> str:
        lines = [
            f"Register dipulihkan dari {r.source} ({r.counts.get('requests', 0)} permohonan, revisi {r.revision})."
        ]
        if r.saved_current:
            lines.append(f"Register sebelumnya disimpan di {r.saved_current}.")
        if r.counters_kept:
            lines.append(
                "Penghitung nomor dipertahankan dari register sebelumnya agar nomor yang sudah terbit tidak "
                "dipakai ulang: " + ", ".join(f"{k} = {v}" for k, v in r.counters_kept.items())
            )
        for kind, label in (("requests", "permohonan"), ("objections", "keberatan"), ("letters", "surat")):
            numbers = r.lacking.get(kind, [])
            if numbers:
                lines.append(
                    f"Tidak ada dalam cadangan ({len(numbers)} {label}, dicatat setelah cadangan dibuat; nomornya "
                    f"tetap terpakai dan tidak akan diterbitkan lagi): {', '.join(numbers)}."
                )
        if r.lacking:
            lines.append(
                f"Catat ulang data itu dari salinan register sebelum pemulihan ({r.saved_current}); "
                "'ppid-desk check' mencantumkan nomor-nomor itu sebagai nomor yang dicadangkan."
            )
        if r.key_restored:
            lines.append("Kunci data pribadi dipulihkan dari " + str(r.source) + ".key.")
            if r.saved_key:
                lines.append(f"Kunci sebelumnya disimpan di {r.saved_key}.")
        else:
            lines.append(
                f"Perhatian: {r.source}.key tidak ada; kunci data pribadi saat ini dipakai. "
                "Bila cadangan berasal dari komputer lain, NIK tidak dapat dibuka sampai kuncinya dipulihkan."
            )
        return "\n".join(lines)

    cli.emit(result, render)
    return 0


def _check(cli: Cli) -> int:
    from app.services.integrity import check_register

    collector.resume()  # the check reads the whole register without opening the services
    report = check_register(cli.data_dir)

    def render(r: Any) -> str:
        lines = [f"Pemeriksaan {r.path}:"]
        lines += [f"  [{'OK' if i.ok else 'GAGAL'}] {i.name}: {i.detail}" for i in r.items]
        lines.append("Register sehat." if r.ok else f"{len(r.problems)} masalah ditemukan.")
        return "\n".join(lines)

    cli.emit(report, render)
    return 0 if report.ok else 1
