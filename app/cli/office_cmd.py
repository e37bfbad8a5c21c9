"""``ppid-desk office show|set`` and ``ppid-desk official list|set``: what the letters print (kop, address,
contacts, logo, numbering) and who signs them, through the same services and validation as the workstation's
settings page, so an office set up from the command line prints its PPID's name and NIP."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.cli.common import Cli, add_command, add_group, table

#: ``--option`` -> office profile field (``OfficeService.update_profile``).
_PROFILE_OPTIONS: dict[str, str] = {
    "name": "nama kantor (mis. Kecamatan Cipocok Jaya)",
    "parent_name": "instansi induk pada kop (mis. PEMERINTAH KOTA SERANG)",
    "city": "kota tempat surat ditandatangani",
    "address": "alamat kantor",
    "phone": "telepon kantor",
    "email": "email kantor",
    "website": "situs web kantor",
    "postal_code": "kode pos (5 angka)",
    "desk_letter": "huruf meja layanan PC ini",
    "letter_template": "pola nomor surat, mis. {klasifikasi}/{urut}/{unit}/{bulan_romawi}/{tahun}",
    "letter_classification": "kode klasifikasi arsip kantor",
    "letter_unit": "kode unit pengolah pada nomor surat",
}
#: ``--role`` choices -> stored official roles.
_ROLES = {"ppid": "ppid", "atasan": "atasan_ppid", "petugas": "petugas_informasi"}


def register(subparsers: Any) -> None:
    office = add_group(subparsers, "office", help="profil kantor: kop surat, alamat, kontak, logo, penomoran")
    add_command(office, "show", help="tampilkan profil kantor", handler=_show)
    edit = add_command(office, "set", help="ubah profil kantor (hanya opsi yang diberikan)", handler=_set)
    for key, text in _PROFILE_OPTIONS.items():
        edit.add_argument("--" + key.replace("_", "-"), dest=key, metavar="TEKS", help=text)
    edit.add_argument(
        "--kop-line", action="append", dest="kop_lines", metavar="TEKS",
        help="baris kop surat, berurutan (boleh berulang; menggantikan semua baris kop)",
    )  # fmt: skip
    edit.add_argument("--logo", type=Path, metavar="FILE", help="logo PNG/JPEG (disalin ke folder data)")
    edit.add_argument("--no-logo", action="store_true", help="hapus logo dari kop")

    officials = add_group(subparsers, "official", help="pejabat penanda tangan: PPID dan Atasan PPID")
    add_command(officials, "list", help="daftar pejabat aktif", handler=_list)
    put = add_command(
        officials, "set", help="atur pejabat untuk satu peran (mengganti yang aktif)", handler=_official
    )
    put.add_argument("--role", required=True, choices=tuple(_ROLES), help="peran")
    put.add_argument("--name", required=True, metavar="TEKS", help="nama lengkap dengan gelar")
    put.add_argument("--jabatan", required=True, metavar="TEKS", help="jabatan seperti dicetak")
    put.add_argument("--nip", metavar="NIP", help="NIP 18 angka (boleh berspasi)")
    put.add_argument("--pangkat", metavar="TEKS", help="pangkat/golongan, mis. Pembina (IV/a)")


#: The profile's fields as the settings page names them (``--json`` keeps the keys).
_PROFILE_LABELS: dict[str, str] = {
    "code": "Kode kantor",
    "name": "Nama kantor",
    "parent_name": "Instansi induk",
    "city": "Kota",
    "address": "Alamat",
    "phone": "Telepon",
    "email": "Email",
    "website": "Situs web",
    "postal_code": "Kode pos",
    "kop_lines": "Baris kop",
    "logo_path": "Logo",
    "desk_letter": "Huruf meja",
    "request_template": "Pola nomor permohonan",
    "objection_template": "Pola nomor keberatan",
    "letter_template": "Pola nomor surat",
    "letter_classification": "Kode klasifikasi",
    "letter_unit": "Kode unit pengolah",
}


def _render_profile(view: Any) -> str:
    data = view.to_dict()
    width = max(len(label) for label in _PROFILE_LABELS.values())
    return "\n".join(
        f"{_PROFILE_LABELS.get(key, key):<{width}}  "
        f"{' | '.join(value) if isinstance(value, list) else ('' if value is None else value)}"
        for key, value in data.items()
    )


def _role_label(role: str) -> str:
    from app.services.office import OFFICIAL_ROLES

    return OFFICIAL_ROLES.get(role, role)


def _show(cli: Cli) -> int:
    cli.actor()  # signs in: the profile is not secret, but every command but init and check is attributed
    cli.emit(cli.services().office.profile(), _render_profile)
    return 0


def _set(cli: Cli) -> int:
    from app.errors import ValidationError
    from app.services.office import store_logo

    args = cli.args
    actor = cli.actor()
    services = cli.services()
    changes: dict[str, Any] = {
        key: getattr(args, key) for key in _PROFILE_OPTIONS if getattr(args, key) is not None
    }
    if args.kop_lines is not None:
        changes["kop_lines"] = [line.strip() for line in args.kop_lines if line.strip()]
    if args.logo is not None and args.no_logo:
        raise ValidationError({"logo": "Pilih --logo atau --no-logo, tidak keduanya."})
    if args.logo is not None:
        changes["logo_path"] = str(store_logo(cli.data_dir, args.logo))
    elif args.no_logo:
        changes["logo_path"] = None
    if not changes:
        raise ValidationError({"_": "Tidak ada yang diubah: berikan minimal satu opsi (lihat --help)."})
    cli.emit(services.office.update_profile(actor, changes), _render_profile)
    return 0


def _list(cli: Cli) -> int:
    cli.actor()
    rows = cli.services().office.officials()
    cli.emit(
        rows,
        lambda items: table(
            [(_role_label(o.role), o.name, o.nip or "", o.pangkat or "", o.jabatan) for o in items],
            ["PERAN", "NAMA", "NIP", "PANGKAT", "JABATAN"],
        ),
    )
    return 0


def _official(cli: Cli) -> int:
    args = cli.args
    actor = cli.actor()
    office = cli.services().office
    role = _ROLES[args.role]
    current = office.officials(role=role)
    saved = office.save_official(
        actor, role=role, name=args.name, jabatan=args.jabatan, nip=args.nip, pangkat=args.pangkat,
        official_id=current[0].id if current and role != "petugas_informasi" else None,
    )  # fmt: skip
    cli.emit(saved, lambda o: f"{_role_label(o.role)}: {o.name} ({o.jabatan}) disimpan.")
    return 0
