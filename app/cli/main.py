"""The ``ppid-desk`` command: argparse over the same services the GUI uses (Qt is never imported here).

Command groups are plain modules exposing ``register(subparsers)``; to add one, add ONE line to
``COMMAND_MODULES`` below. Exit status (a public contract, see docs/cli.md):

* 0 — success;
* 2 — bad input or a refused action (validation, confirmation needed, action refused, permission denied,
  not found, wrong password, account locked, PII key missing or not this register's, a register made by
  a newer PPID Desk, a register open for writing in another process): an Indonesian message on stderr and nothing changed;
* 1 — any other failure (a message on stderr; the traceback only with ``--debug``).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import sys
import traceback
from collections.abc import Sequence
from typing import TextIO

from app import __version__
from app.cli import collector
from app.cli.argparse_id import indonesian
from app.cli.common import Cli, common_options, describe
from app.cli.self_check import SELF_CHECK_HELP
from app.errors import (
    ActionRefused,
    AuthenticationFailed,
    ConfirmationRequired,
    DeskError,
    IdentityQuestion,
    KeyUnavailable,
    NotFound,
    PermissionDenied,
    PossibleDuplicate,
    RegisterInUse,
    RegisterTooNew,
    ValidationError,
)

# The registry of command groups. One module per group, each exposing ``register(subparsers)``.
COMMAND_MODULES: list[str] = [
    "app.cli.init_cmd",
    "app.cli.user_cmd",
    "app.cli.request_cmd",
    "app.cli.objection_cmd",
    "app.cli.calendar_cmd",
    "app.cli.export_cmd",
    "app.cli.report_cmd",
    "app.cli.backup_cmd",
    "app.cli.key_cmd",
    "app.cli.print_cmd",
    "app.cli.letter_cmd",
    "app.cli.office_cmd",
    "app.cli.information_cmd",
    "app.cli.sync_cmd",
    "app.cli.demo_cmd",
]

#: The top-level commands each module of ``COMMAND_MODULES`` registers (tests/cli/test_cli_imports.py keeps the
#: two equal). Why: a command line that names one imports only its module; importing all of them cost every
#: command the service layer and more before it began (docs/benchmarks.md, "Command line").
COMMANDS: dict[str, str] = {
    "init": "app.cli.init_cmd",
    "user": "app.cli.user_cmd",
    "request": "app.cli.request_cmd",
    "objection": "app.cli.objection_cmd",
    "calendar": "app.cli.calendar_cmd",
    "export": "app.cli.export_cmd",
    "report": "app.cli.report_cmd",
    "backup": "app.cli.backup_cmd",
    "check": "app.cli.backup_cmd",
    "restore": "app.cli.backup_cmd",
    "key": "app.cli.key_cmd",
    "print": "app.cli.print_cmd",
    "letter": "app.cli.letter_cmd",
    "office": "app.cli.office_cmd",
    "official": "app.cli.office_cmd",
    "dik": "app.cli.information_cmd",
    "dip": "app.cli.information_cmd",
    "enroll": "app.cli.sync_cmd",
    "sync": "app.cli.sync_cmd",
    "demo": "app.cli.demo_cmd",
}

#: Options of ``common_options`` that take a value (so the value is not mistaken for the command).
_VALUED_OPTIONS = frozenset({"--data-dir", "--user"})

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_REFUSED = 2

#: Errors that mean "bad input or refused action": exit 2, nothing changed.
REFUSALS = (
    ValidationError,
    ConfirmationRequired,
    ActionRefused,
    PermissionDenied,
    NotFound,
    AuthenticationFailed,
    RegisterTooNew,
    KeyUnavailable,
    RegisterInUse,
    PossibleDuplicate,
    IdentityQuestion,
)


class _Parser(argparse.ArgumentParser):
    """argparse with its usage errors in Indonesian and exit status 2 (bad input)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_REFUSED, f"{self.prog}: kesalahan: {message}\n")


def _named_module(argv: Sequence[str] | None) -> str | None:
    """The module of the command ``argv`` names (its first word that is no option nor an option's value);
    None when it names none or an unknown one, so the full parser lists them all."""
    words = iter(sys.argv[1:] if argv is None else argv)
    for word in words:
        if word in _VALUED_OPTIONS:
            next(words, None)
        elif not word.startswith("-"):
            return COMMANDS.get(word)
    return None


def build_parser(argv: Sequence[str] | None = None, *, every_command: bool = True) -> argparse.ArgumentParser:
    """The parser; with ``every_command=False`` only the command ``argv`` names is registered (when it names
    one), which is all its parsing needs."""
    parser = _Parser(
        prog="ppid-desk",
        description="PPID Desk: register permohonan informasi publik (UU 14/2008, Perki 1/2021). "
        "Tanpa perintah: membuka aplikasi desktop.",
        parents=[common_options(top_level=True)],
    )
    # The help given here: Python 3.11 writes its own as an English literal that gettext never sees.
    parser.add_argument(
        "--version",
        action="version",
        version=f"ppid-desk {__version__}",
        help="tampilkan versi program lalu keluar",
    )
    parser.add_argument("--self-check", action="store_true", help=SELF_CHECK_HELP)
    subparsers = parser.add_subparsers(dest="command", metavar="PERINTAH", parser_class=_Parser)
    named = None if every_command else _named_module(argv)
    for name in [named] if named else COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def _workstation_args(argv: list[str]) -> argparse.Namespace | None:
    """The arguments when they name no command (``ppid-desk`` opening the workstation, or ``--self-check``),
    read with the common options only; None when there is a command, ``--help``, ``--version`` or a mistake, which the full parser
    handles. Why: building the full parser imports every command group, which costs an officer more waiting
    for the login dialog than starting Qt does (docs/benchmarks.md, "Workstation")."""
    quick = argparse.ArgumentParser(
        add_help=False, exit_on_error=False, parents=[common_options(top_level=True)]
    )
    quick.add_argument("--self-check", action="store_true")
    try:
        args, rest = quick.parse_known_args(argv)
    except (argparse.ArgumentError, SystemExit):
        return None
    if rest:
        return None
    args.command = None
    return args


def _start_gui(cli: Cli) -> int | None:
    """Run the workstation if the ``ui`` package provides ``ui.app.run(data_dir)``; None when it does not."""
    import importlib.util

    try:
        spec = importlib.util.find_spec("ui.app")
    except ModuleNotFoundError:
        spec = None
    if spec is None:
        return None
    module = importlib.import_module("ui.app")
    run = getattr(module, "run", None)
    if run is None:
        return None
    return int(run(cli.data_dir) or 0)


def main(
    argv: Sequence[str] | None = None,
    *,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    own_process: bool = False,
) -> int:
    """Run ``ppid-desk ARGV``. ``own_process``: the caller is the console entry point, whose process ends with
    the command: a command's start-up then runs without the cyclic collector (app/cli/collector.py)."""
    out, err = stdout or sys.stdout, stderr or sys.stderr
    args = _workstation_args(sys.argv[1:] if argv is None else list(argv))
    if args is None:
        if own_process:
            collector.pause()
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), indonesian():
                args = build_parser(argv, every_command=False).parse_args(argv)
        except SystemExit as exit_:  # --help, --version, usage errors: return the status instead of exiting
            collector.resume()
            return exit_.code if isinstance(exit_.code, int) else EXIT_REFUSED
    cli = Cli(args, stdout=out, stderr=err)
    try:
        if getattr(args, "self_check", False):
            from app.cli import self_check

            return self_check.run(cli)
        if args.command is None:
            started = _start_gui(cli)
            if started is not None:
                return started
            with indonesian():
                build_parser().print_help(cli.stdout)
            return EXIT_OK
        handler = getattr(args, "handler", None)
        if handler is None:  # a group without its command: a usage error, on stderr as argparse's own
            group = args.group_parser
            names = [
                name
                for action in group._actions
                if isinstance(action, argparse._SubParsersAction)
                for name in action.choices
            ]
            with indonesian():
                group.print_usage(cli.stderr)
            cli.err(
                f"{group.prog}: kesalahan: sebutkan perintahnya: {', '.join(names)} (lihat {group.prog} --help)."
            )
            return EXIT_REFUSED
        return int(handler(cli) or EXIT_OK)
    except REFUSALS as error:
        cli.err(describe(error))
        return EXIT_REFUSED
    except DeskError as error:
        cli.err(str(error))
        if getattr(args, "debug", False):
            traceback.print_exc(file=cli.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        cli.err("Dibatalkan.")
        return 130
    except Exception as error:  # the contract: a message, not a traceback (unless --debug)
        cli.err(f"Kesalahan tak terduga: {type(error).__name__}: {error}")
        if getattr(args, "debug", False):
            traceback.print_exc(file=cli.stderr)
        else:
            cli.err("Jalankan ulang dengan --debug untuk rincian teknis.")
        return EXIT_FAILURE
    finally:
        cli.close()
        collector.resume()
