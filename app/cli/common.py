"""What every command group shares: common options, opening the data folder, signing in, input and output.

The common options (``--data-dir``, ``--user``, ``--json``, ``--debug``) are accepted both before and after the
subcommand. The subcommand copies use ``argparse.SUPPRESS`` defaults so they only override the top-level value
when actually given.

Services are imported lazily, inside the functions that need them: ``ppid-desk --help`` stays fast and a command
never pulls in more than it uses (and never Qt).
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
import warnings
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from app.errors import AuthenticationFailed, DeskError, NotFound, ValidationError
from app.osenv import end_of_input_keys

if TYPE_CHECKING:
    from app.services.context import Actor
    from app.services.desk import DeskServices

PASSWORD_ENV = "PPID_DESK_PASSWORD"
NEW_PASSWORD_ENV = "PPID_DESK_NEW_PASSWORD"
USER_ENV = "PPID_DESK_USER"

Handler = Callable[["Cli"], int | None]

#: Commands that only read the register: they run beside the workstation or a writing command. Every other
#: command takes the data folder's writer lock (app/services/writer_lock.py) while it runs.
READING_COMMANDS = frozenset(
    {
        "request list", "request show", "objection list", "objection show", "export", "backup", "check",
        "letter agenda", "office show", "official list", "user list", "calendar list", "print register",
        "print letters", "print dossier", "dik list", "dip list",
    }
)  # fmt: skip


def command_name(args: argparse.Namespace) -> str:
    """``request list`` for ``ppid-desk request list ...``: the group and its subcommand, if any."""
    command = str(getattr(args, "command", None) or "")
    sub = getattr(args, f"{command}_command", None)
    return f"{command} {sub}" if sub else command


def writes(args: argparse.Namespace) -> bool:
    """Does this command write the register? (``report`` only when it saves a narrative.)"""
    name = command_name(args)
    if name == "report":
        return getattr(args, "set_from", None) is not None
    return name not in READING_COMMANDS


def common_options(*, top_level: bool) -> argparse.ArgumentParser:
    """The options every command takes. ``top_level`` gives real defaults; the subcommand copy suppresses them."""
    parser = argparse.ArgumentParser(add_help=False)
    default: Any = None if top_level else argparse.SUPPRESS
    group = parser.add_argument_group("opsi umum")
    group.add_argument(
        "--data-dir",
        type=Path,
        default=default,
        metavar="DIR",
        help="folder data meja layanan (bawaan: PPID_DESK_DATA_DIR atau folder data pengguna)",
    )
    group.add_argument(
        "--user",
        default=default,
        metavar="NAME",
        help=f"pengguna yang tercatat melakukan tindakan (bawaan: {USER_ENV}); "
        f"kata sandi dari {PASSWORD_ENV} atau ditanyakan",
    )
    group.add_argument(
        "--json",
        action="store_true",
        default=False if top_level else argparse.SUPPRESS,
        help="cetak hasil sebagai JSON",
    )
    group.add_argument(
        "--debug",
        action="store_true",
        default=False if top_level else argparse.SUPPRESS,
        help="tampilkan traceback bila terjadi kesalahan tak terduga",
    )
    return parser


_SUB_COMMON = common_options(top_level=False)


def add_command(
    subparsers: Any, name: str, *, help: str, handler: Handler, description: str | None = None
) -> argparse.ArgumentParser:
    """A subcommand parser that also accepts the common options, wired to ``handler``."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        name, help=help, description=description or help, parents=[_SUB_COMMON]
    )
    parser.set_defaults(handler=handler)
    return parser


def add_group(subparsers: Any, name: str, *, help: str) -> Any:
    """A command group (``user``, ``request`` ...) whose own subcommands are required."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        name, help=help, description=help, parents=[_SUB_COMMON]
    )
    parser.set_defaults(handler=None, group_parser=parser)
    return parser.add_subparsers(dest=f"{name}_command", metavar="PERINTAH")


@dataclass
class Cli:
    """One invocation: the parsed arguments plus lazily opened services and the signed-in user."""

    args: argparse.Namespace
    stdout: TextIO = field(default_factory=lambda: sys.stdout)
    stderr: TextIO = field(default_factory=lambda: sys.stderr)
    _services: DeskServices | None = None
    _actor: Actor | None = None

    @property
    def data_dir(self) -> Path:
        given = getattr(self.args, "data_dir", None)
        if given is not None:
            return Path(given)
        from app.paths import default_data_dir

        return default_data_dir()

    @property
    def as_json(self) -> bool:
        return bool(getattr(self.args, "json", False))

    def services(self, *, create: bool = False) -> DeskServices:
        """The desk's services on ``--data-dir``. Only ``init`` may create a register: a mistyped folder must
        not silently become a new, empty desk."""
        if self._services is None:
            from app.paths import db_path
            from app.services.desk import DeskServices

            if not create and not db_path(self.data_dir).exists():
                raise NotFound(
                    f"Tidak ada register di {self.data_dir}. Periksa --data-dir, atau siapkan dulu dengan: "
                    "ppid-desk init --office-code ... --office-name ... --admin ..."
                )
            from app.services.writer_lock import WAIT_SECONDS

            writer = f"perintah 'ppid-desk {command_name(self.args)}'" if writes(self.args) else None
            self._services = DeskServices.open(self.data_dir, writer=writer, wait=WAIT_SECONDS)
            from app.cli import collector

            collector.resume()  # the register is open: start-up is over, the command's own work begins
        return self._services

    def close(self) -> None:
        if self._services is not None:
            for notice in self._services.ctx.notices:  # e.g. a sign-in the full disk could not record
                self.err(notice)
            self._services.ctx.notices.clear()
            self._services.close()
            self._services = None

    def username(self) -> str:
        name = getattr(self.args, "user", None) or os.environ.get(USER_ENV)
        if not name:
            raise ValidationError({"user": f"Sebutkan pengguna dengan --user NAMA (atau {USER_ENV})."})
        return str(name)

    def actor(self) -> Actor:
        """Sign in ``--user`` with the password from the environment or a prompt."""
        if self._actor is None:
            services = self.services()
            if not services.office.is_initialized():
                raise ValidationError(
                    "Folder data ini belum disiapkan. Jalankan dulu: ppid-desk init --office-code ... "
                    "--office-name ... --admin ..."
                )
            name = self.username()
            password = read_password(f"Kata sandi {name}: ")
            self._actor = services.users.authenticate(name, password)
        return self._actor

    # --- output ------------------------------------------------------------------------------------------

    def out(self, text: str = "") -> None:
        self.stdout.write(text + "\n")
        self.stdout.flush()

    def err(self, text: str) -> None:
        self.stderr.write(text + "\n")
        self.stderr.flush()

    def emit(self, obj: Any, render: Callable[[Any], str] | None = None) -> None:
        """``--json``: the object(s) as JSON (views' ``to_dict()``); otherwise the human rendering."""
        if self.as_json:
            self.out(dumps(obj))
        elif render is not None:
            self.out(render(obj))
        else:
            self.out(dumps(obj))


def to_jsonable(obj: Any) -> Any:
    if hasattr(obj, "to_dict"):
        return obj.to_dict()
    if isinstance(obj, Mapping):
        return {str(k): to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [to_jsonable(v) for v in obj]
    if isinstance(obj, Path):
        return str(obj)
    if hasattr(obj, "isoformat"):
        return obj.isoformat()
    return obj


def dumps(obj: Any, *, indent: int | None = 2) -> str:
    return json.dumps(to_jsonable(obj), ensure_ascii=False, indent=indent)


# --- input -------------------------------------------------------------------------------------------------


def _prompt(prompt: str, *, env: str = PASSWORD_ENV, what: str = "Kata sandi") -> str:
    """getpass on the terminal; refuses (instead of silently reading stdin) when there is no terminal, naming
    the variable ``env`` that would have given the secret (a new password's is not the signing-in one's)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", getpass.GetPassWarning)
        try:
            return getpass.getpass(prompt)
        except (getpass.GetPassWarning, EOFError, OSError):
            raise AuthenticationFailed(
                f"{what} tidak dapat ditanyakan (tidak ada terminal). Isi variabel {env}."
            ) from None


def read_password(prompt: str) -> str:
    env = os.environ.get(PASSWORD_ENV)
    return env if env is not None else _prompt(prompt)


def read_new_password(label: str, *, env: str = NEW_PASSWORD_ENV) -> str:
    """A password being set: from ``env`` or typed twice."""
    value = os.environ.get(env)
    if value is not None:
        return value
    first = _prompt(f"Kata sandi baru untuk {label}: ", env=env, what="Kata sandi baru")
    if _prompt("Ulangi kata sandi: ", env=env, what="Kata sandi baru") != first:
        raise ValidationError({"password": "Kedua kata sandi tidak sama."})
    return first


def read_text(source: str | None) -> str:
    """Text from a file path, or from stdin when ``source`` is ``-``: UTF-8 (a BOM is allowed), else refused
    with a message; the bytes are never guessed at in another code page."""
    if source is None:
        return ""
    if source == "-":
        if sys.stdin.isatty():
            sys.stderr.write(f"Tempel JSON lalu akhiri dengan {end_of_input_keys()}.\n")
        buffer = getattr(sys.stdin, "buffer", None)
        return _decode(buffer.read(), "stdin") if buffer is not None else sys.stdin.read()
    try:
        return _decode(Path(source).read_bytes(), f"Berkas '{source}'")
    except OSError as exc:
        from app.services.out_files import reason

        raise ValidationError({"file": f"Berkas '{source}' tidak dapat dibaca: {reason(exc)}."}) from None


def _decode(raw: bytes, where: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError(
            {
                "file": f"{where} bukan teks UTF-8 (byte ke-{exc.start + 1} tidak sah). Simpan ulang sebagai UTF-8."
            }
        ) from None


#: Python's JSON errors (``JSONDecodeError.msg``, English) as an officer reads them; one not listed is left
#: out, the line and column still say where.
JSON_ERRORS: dict[str, str] = {
    "Expecting value": "di sini seharusnya ada nilai (teks dalam tanda kutip, angka, true/false, [..] atau {..})",
    "Expecting property name enclosed in double quotes": 'nama kunci harus dalam tanda kutip ganda ("...")',
    "Expecting ',' delimiter": "kurang tanda koma di antara dua isian",
    "Expecting ':' delimiter": "kurang tanda titik dua sesudah nama kunci",
    "Unterminated string starting": "teks belum ditutup dengan tanda kutip",
    "Invalid control character": "ada karakter kendali (mis. baris baru) di dalam teks; tulis sebagai \\n",
    "Invalid \\escape": "garis miring terbalik (\\) tidak sah; tulis \\\\ untuk garis miring terbalik",
    "Invalid \\uXXXX escape": "kode \\uXXXX tidak sah",
    "Extra data": "ada isi lain sesudah objek JSON selesai",
}


def parse_json_object(raw: str, where: str, *, one_line: bool = False) -> dict[str, Any]:
    """A JSON object whose every key and value obeys the text rules (``app.domain.text.check_body``).
    ``one_line``: ``raw`` is one line of JSON Lines (``where`` names it), so only the column is told."""
    from app.domain.text import check_body

    try:
        value = json.loads(raw)
    except json.JSONDecodeError as exc:
        what = JSON_ERRORS.get(exc.msg.split(" at")[0], "")
        place = f"kolom {exc.colno}" if one_line else f"baris {exc.lineno}, kolom {exc.colno}"
        raise ValidationError(
            {"json": f"{where}: JSON tidak valid ({place})" + (f": {what}." if what else ".")}
        ) from None
    except RecursionError:
        raise ValidationError({"json": f"{where}: susunan JSON terlalu dalam."}) from None
    if not isinstance(value, dict):
        raise ValidationError({"json": f"{where}: isi harus berupa objek JSON {{...}}."})
    check_body(value)
    return value


def read_json_object(source: str | None) -> dict[str, Any]:
    """An optional JSON object body (``--body FILE|-``); empty input is an empty object."""
    raw = read_text(source)
    if not raw.strip():
        return {}
    return parse_json_object(raw, "stdin" if source == "-" else str(source))


def parse_date_arg(value: str) -> Any:
    """argparse ``type=`` for YYYY-MM-DD dates, with an Indonesian message."""
    from datetime import date

    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"tanggal '{value}' tidak valid; gunakan format 2026-03-16"
        ) from None


def parse_year_arg(value: str) -> int:
    """argparse ``type=`` for a year: one of the register's years (2000–2099, as every date it records)."""
    from app.domain.text import DATE_MAX, DATE_MIN

    try:
        year = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"tahun '{value}' tidak valid; tulis empat angka, mis. 2026"
        ) from None
    if not DATE_MIN.year <= year <= DATE_MAX.year:
        raise argparse.ArgumentTypeError(
            f"tahun {year} di luar rentang yang wajar ({DATE_MIN.year}–{DATE_MAX.year})"
        )
    return year


def table(rows: Iterable[Iterable[Any]], headers: list[str]) -> str:
    """A plain, aligned text table (no dependency; good enough for a terminal)."""
    body = [["" if c is None else str(c) for c in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in body:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))
    lines = ["  ".join(h.ljust(widths[i]) for i, h in enumerate(headers)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(widths[i]) for i, c in enumerate(row)).rstrip() for row in body]
    return "\n".join(lines)


def describe(error: DeskError) -> str:
    """A refusal as the officer reads it: the message and, where the officer has an answer, the option that
    gives it (shared by ``main`` and the lines of ``request add --jsonl``)."""
    from app.errors import ConfirmationRequired, IdentityQuestion, PossibleDuplicate

    if isinstance(error, ConfirmationRequired):
        lines = ["Perlu konfirmasi petugas:"]
        lines += [f"  - {key}: {msg}" for key, msg in error.warnings.items()]
        lines.append("Periksa kembali, lalu ulangi dengan --confirm-warnings bila data sudah benar.")
        return "\n".join(lines)
    if isinstance(error, PossibleDuplicate):
        return f"{error}\nTidak disimpan. Bila ini memang permohonan baru, ulangi dengan --meski-duplikat."
    if isinstance(error, IdentityQuestion):
        return (
            f"{error}\nBila orang yang sama dan namanya diperbaiki, ulangi dengan --orang-sama. Bila "
            f"{error.key_label} salah ketik, perbaiki {error.key_label} dalam data lalu ulangi dengan "
            "--nik-diperbaiki."
        )
    if isinstance(error, ValidationError):
        # A field of the body is named (``requester.nik``) so it can be found; the input as a whole
        # (``json``, ``file``) is no field to name.
        said = [msg if key in _WHOLE_INPUT else f"{key}: {msg}" for key, msg in error.fields.items()]
        if len(said) == 1:
            return said[0]
        return "\n".join(["Data tidak dapat disimpan:", *(f"  - {line}" for line in said)])
    return str(error)


#: Keys of a ``ValidationError`` that stand for the input as a whole rather than one of its fields.
_WHOLE_INPUT = frozenset({"_", "json", "file"})
