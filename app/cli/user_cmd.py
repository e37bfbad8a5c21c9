"""``ppid-desk user add|list|disable|enable|passwd|role``: accounts and roles (admin only, except one's own
password)."""

from __future__ import annotations

from typing import Any

from app.cli.common import Cli, add_command, add_group, read_new_password, table

ROLES = ("petugas", "supervisor", "admin")


def register(subparsers: Any) -> None:
    group = add_group(subparsers, "user", help="kelola akun pengguna")
    add = add_command(group, "add", help="tambah pengguna", handler=_add)
    add.add_argument("username", metavar="USERNAME", help="nama pengguna baru (huruf kecil), mis. siti")
    add.add_argument("--name", required=True, dest="full_name", help="nama lengkap, mis. 'Siti Aminah'")
    add.add_argument("--role", required=True, choices=ROLES, help="peran")
    add.add_argument("--nip", help="NIP (18 digit), bila ada")
    add_command(group, "list", help="daftar pengguna", handler=_list)
    for name, helptext, active in (
        ("disable", "nonaktifkan pengguna (tidak dapat masuk lagi)", False),
        ("enable", "aktifkan kembali pengguna", True),
    ):
        sub = add_command(group, name, help=helptext, handler=_set_active)
        sub.add_argument("username", metavar="USERNAME")
        sub.set_defaults(active=active)
    passwd = add_command(
        group,
        "passwd",
        help="ganti kata sandi (sendiri, atau pengguna lain oleh admin); "
        "kata sandi baru dari PPID_DESK_NEW_PASSWORD atau ditanyakan",
        handler=_passwd,
    )
    passwd.add_argument("username", nargs="?", metavar="USERNAME", help="bawaan: pengguna --user sendiri")
    unlock = add_command(
        group,
        "unlock",
        help="buka kunci akun yang terkunci karena kata sandi berulang kali salah",
        handler=_unlock,
    )
    unlock.add_argument("username", metavar="USERNAME")
    role = add_command(group, "role", help="ubah peran pengguna", handler=_role)
    role.add_argument("username", metavar="USERNAME")
    role.add_argument("role", metavar="ROLE", choices=ROLES, help="salah satu: " + ", ".join(ROLES))


def _render_users(users: list[Any]) -> str:
    return table(
        [
            (
                u.username,
                u.full_name,
                u.role,
                "aktif" if u.active else "nonaktif",
                f"{u.last_login_at:%Y-%m-%d %H:%M}" if u.last_login_at else "-",  # as every other table
            )
            for u in users
        ],
        ["PENGGUNA", "NAMA", "PERAN", "STATUS", "MASUK TERAKHIR"],
    )


def _add(cli: Cli) -> int:
    actor = cli.actor()
    args = cli.args
    password = read_new_password(f"'{args.username}'")
    view = cli.services().users.add(
        actor,
        username=args.username,
        full_name=args.full_name,
        role=args.role,
        password=password,
        nip=args.nip,
    )
    cli.emit(view, lambda v: f"Pengguna {v.username} ({v.role}) ditambahkan.")
    return 0


def _list(cli: Cli) -> int:
    users = cli.services().users.list(cli.actor())
    cli.emit(users, _render_users)
    return 0


def _set_active(cli: Cli) -> int:
    view = cli.services().users.set_active(cli.actor(), cli.args.username, cli.args.active)
    cli.emit(view, lambda v: f"Pengguna {v.username} {'diaktifkan' if v.active else 'dinonaktifkan'}.")
    return 0


def _passwd(cli: Cli) -> int:
    actor = cli.actor()
    target = cli.args.username or actor.username
    password = read_new_password(f"'{target}'")
    cli.services().users.change_password(actor, target, password)
    cli.emit({"username": target, "changed": True}, lambda _: f"Kata sandi {target} diganti.")
    return 0


def _role(cli: Cli) -> int:
    view = cli.services().users.set_role(cli.actor(), cli.args.username, cli.args.role)
    cli.emit(view, lambda v: f"Peran {v.username} sekarang {v.role}.")
    return 0


def _unlock(cli: Cli) -> int:
    view = cli.services().users.unlock(cli.actor(), cli.args.username)
    cli.emit(view, lambda v: f"Kunci akun {v.username} dibuka; pengguna dapat masuk lagi.")
    return 0
