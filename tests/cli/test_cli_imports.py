"""A command imports only what it uses (issue 16, item 12): the dispatcher registers only the command named on
the command line, and the everyday commands load neither Qt, the network stack nor the other commands' modules.
Checked on ``sys.modules`` of a real child process, where nothing else has been imported before."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from cli_helpers import OFFICE_CODE, intake, subprocess_env

from app.cli.main import COMMAND_MODULES, COMMANDS, _named_module, _Parser

#: Never needed by ``request add`` / ``print receipt``: Qt, the sync transport, the spreadsheet writer, the
#: migration tool (a register at the current revision is only checked), pydantic (the content rules are plain
#: functions: its models cost ≈ 80 ms to build), and the other commands' modules.
NEVER = ("PySide6", "shiboken6", "qtawesome", "ui", "httpx", "keyring", "openpyxl", "alembic", "pydantic",
         "pydantic_core")  # fmt: skip
#: Nor the sync engine's wire models and office list (pydantic models built at import, ≈ 35 ms): issuing a letter
#: only reads whether and how the desk is enrolled (``app.sync.state.enrollment``).
NO_SYNC_WIRE = ("ppid_protocol.wire", "app.sync.offices", "app.sync.engine", "app.sync.client")


def test_the_command_map_names_what_each_module_registers():
    parser = _Parser(prog="ppid-desk")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    registered: dict[str, str] = {}
    for module in COMMAND_MODULES:
        before = set(sub.choices)
        importlib.import_module(module).register(sub)
        registered.update({name: module for name in set(sub.choices) - before})
    assert registered == COMMANDS


@pytest.mark.parametrize(
    ("argv", "module"),
    [
        (["request", "add"], "app.cli.request_cmd"),
        (
            ["--data-dir", "print", "--user", "x", "print", "receipt"],
            "app.cli.print_cmd",
        ),  # a folder named "print"
        (["--json", "check"], "app.cli.backup_cmd"),
        (["--help"], None),
        (["frobnicate"], None),
    ],
)
def test_the_named_command_is_found_past_the_common_options(argv, module):
    assert _named_module(argv) == module


def _modules_of(argv: list[str], stdin: str = "") -> tuple[int, list[str]]:
    """Run ``ppid-desk ARGV`` alone in a fresh interpreter; its exit code and every module loaded by then."""
    script = f"""
import io, json, sys
from app.__main__ import main
sys.stdin = io.StringIO({json.dumps(stdin)})
code = main({argv!r})
print(json.dumps({{"code": code, "modules": sorted(sys.modules)}}))
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=subprocess_env(),
                          timeout=300, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    return report["code"], report["modules"]


def _offending(modules: list[str], own: str) -> list[str]:
    other_commands = {m for m in COMMAND_MODULES if m != own}
    return sorted(m for m in modules if m.split(".")[0] in NEVER or m in other_commands or m in NO_SYNC_WIRE)


def _office(tmp_path: Path) -> str:
    d = str(tmp_path / "meja")
    code, _ = _modules_of(["init", "--data-dir", d, "--office-code", OFFICE_CODE, "--office-name",
                           "Kecamatan Serang", "--admin", "admin"])  # fmt: skip
    assert code == 0
    return d


@pytest.mark.slow  # real child processes
def test_request_add_imports_neither_qt_nor_reportlab_nor_other_commands(tmp_path: Path):
    d = _office(tmp_path)
    code, modules = _modules_of(["--data-dir", d, "--user", "admin", "request", "add"], json.dumps(intake()))
    assert code == 0
    assert _offending(modules, "app.cli.request_cmd") == []
    assert not [m for m in modules if m.split(".")[0] == "reportlab"]
    # the fuzzy comparison of information texts is needed only beside an earlier request of the same person
    assert "difflib" not in modules
    assert "platformdirs" not in modules  # the data folder is given: nobody asks where the default one is
    # a request's later steps and the keberatan are built on first use (app/services/desk.py)
    assert not {"app.services.objections", "app.services.request_actions"} & set(modules)


@pytest.mark.slow  # real child processes
def test_print_receipt_imports_neither_qt_nor_the_network_nor_other_commands(tmp_path: Path):
    d = _office(tmp_path)
    code, _ = _modules_of(["--data-dir", d, "--user", "admin", "request", "add"], json.dumps(intake()))
    assert code == 0
    out = tmp_path / "r.pdf"
    code, modules = _modules_of(["--data-dir", d, "--user", "admin", "print", "receipt",
                                 f"{OFFICE_CODE}/2026/A-0001", "--out", str(out)])  # fmt: skip
    assert code == 0 and out.stat().st_size > 1000
    assert _offending(modules, "app.cli.print_cmd") == []
    assert "platformdirs" not in modules
