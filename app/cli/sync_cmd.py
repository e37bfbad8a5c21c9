"""``ppid-desk enroll`` and ``ppid-desk sync``: join the city server once, then sync headless (e.g. from a
scheduled task). Exit status: 0 synced; 1 failed (network, server; try again later); 2 refused for good until
someone acts (not enrolled, device revoked, app too old, no keyring, wrong code)."""

from __future__ import annotations

from typing import Any

from app.cli.common import Cli, add_command


def register(subparsers: Any) -> None:
    enroll = add_command(
        subparsers,
        "enroll",
        help="daftarkan meja ini ke server PPID kota dengan kode sekali pakai",
        handler=_enroll,
    )
    enroll.add_argument(
        "--server", required=True, metavar="URL", help="alamat server, mis. https://ppid.kota.go.id"
    )
    enroll.add_argument(
        "--code", required=True, help="kode pendaftaran dari admin kota (ppid-server enroll-code)"
    )
    enroll.add_argument(
        "--ca-bundle", metavar="FILE", help="sertifikat CA kota (bila server memakai CA sendiri)"
    )
    enroll.add_argument("--label", default="", help="nama meja yang terlihat oleh admin kota")
    sync = add_command(
        subparsers,
        "sync",
        help="kirim operasi yang menunggu dan tarik perubahan dari server kota (sekali jalan)",
        handler=_sync,
    )
    sync.add_argument("--attempts", type=int, default=3, help="percobaan bila jaringan gagal (bawaan 3)")
    sync.add_argument(
        "--status", action="store_true", help="tampilkan keadaan sinkronisasi saja, tanpa jaringan"
    )


def _enroll(cli: Cli) -> int:
    from app.sync.client import SyncError
    from app.sync.secrets import SecretStoreUnavailable

    try:
        enr = cli.services().sync.enroll(
            cli.args.server, cli.args.code, ca_bundle=cli.args.ca_bundle, label=cli.args.label
        )
    except SecretStoreUnavailable as exc:
        cli.err(str(exc))
        return 2
    except SyncError as exc:
        cli.err(str(exc))
        return 1 if exc.retryable else 2
    cli.emit(
        {"device_id": enr.device_id, "office_code": enr.office_code, "desk_letter": enr.desk_letter,
         "is_city": enr.is_city, "server_url": enr.server_url},
        lambda d: f"Meja terdaftar ke {d['server_url']} sebagai kantor {d['office_code']}, huruf meja "
        f"{d['desk_letter']}. Nomor yang sudah terbit tetap berlaku.",
    )  # fmt: skip
    return 0


def _sync(cli: Cli) -> int:
    from app.sync.client import NOT_RETRYABLE

    sync = cli.services().sync
    if cli.args.status:
        cli.emit(sync.status(), _render_status)
        return 0
    report = sync.run(attempts=cli.args.attempts, max_delay=30.0)
    cli.emit(report.to_dict(), _render_report)
    if report.ok:
        return 0
    return 2 if report.error_code in NOT_RETRYABLE | {"not_enrolled", "keyring_unavailable"} else 1


def _render_report(r: dict[str, Any]) -> str:
    lines = [
        f"Dikirim {r['pushed']} operasi (duplikat {r['duplicates']}, digabung {r['merged']}), "
        f"konflik {r['conflicts']}, ditolak {r['rejected']}; diterima {r['pulled']} data, keluar cakupan {r['removed']}.",
        f"Menunggu dikirim: {r['pending']}; konflik menunggu supervisor: {r['open_conflicts']}.",
    ]
    lines.extend(_quarantine_lines(r))
    if r["ok"]:
        lines.insert(0, "Sinkronisasi berhasil.")
    else:
        lines.insert(0, f"Sinkronisasi gagal: {r['error']}")
    if r.get("last_success"):
        lines.append(f"Sinkron terakhir yang berhasil: {r['last_success']}.")
    return "\n".join(lines)


def _render_status(s: dict[str, Any]) -> str:
    if not s["enrolled"]:
        return "Meja ini belum didaftarkan ke server kota (ppid-desk enroll --server URL --code KODE)."
    lines = [
        f"Server: {s['server_url']} (kantor {s['office_code']}, meja {s['desk_letter']})",
        f"Sinkron terakhir yang berhasil: {s['last_success'] or 'belum pernah'}",
        f"Menunggu dikirim: {s['pending']}; konflik menunggu supervisor: {s['open_conflicts']}",
    ]
    lines.extend(_quarantine_lines(s))
    if s["last_error"]:
        lines.append(f"Kesalahan terakhir: {s['last_error'].get('message')}")
    if s["clock_suspicious"]:
        lines.append("PERHATIAN: jam komputer ini berbeda lebih dari 5 menit dengan server kota.")
    return "\n".join(lines)


def _quarantine_lines(r: dict[str, Any]) -> list[str]:
    if not r.get("quarantined"):
        return []
    lines = [
        f"Data dari server yang tidak dapat disimpan (dikarantina, perlu dilihat supervisor): {r['quarantined']}."
    ]
    lines += [f"  {q['entity']} {q['entity_id']}: {q['reason']}" for q in r.get("quarantined_items", [])[:10]]
    return lines
