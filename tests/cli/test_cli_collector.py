"""A command's start-up runs without the cyclic collector, its work with it (app/cli/collector.py).

The pause is only worth having if it ends: a long command (``request add --jsonl`` with thousands of lines)
must be collected as usual, or every reference cycle it makes would stay in memory until it exits."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from cli_helpers import OFFICE_CODE, intake, subprocess_env

#: ``ppid-desk ARGV`` through the console entry point, noting whether the collector was on when the register
#: began to open (start-up) and when each intake was received (the command's work), then at the end.
_CHILD = """
import gc, io, json, sys
from app.services import desk, integrity, register
seen = {"open": [], "receive": [], "check": [], "reportlab": [], "render": []}
class Watch:
    def find_spec(self, name, path=None, target=None):
        if name == "reportlab":
            seen["reportlab"].append(gc.isenabled())
        return None
sys.meta_path.insert(0, Watch())
from app.services import letters
rendered = letters.render
def render(*a, **k):
    seen["render"].append(gc.isenabled())
    return rendered(*a, **k)
letters.render = render
opened = desk.DeskServices.open.__func__
def open_(cls, *a, **k):
    seen["open"].append(gc.isenabled())
    return opened(cls, *a, **k)
desk.DeskServices.open = classmethod(open_)
received = register.RegisterService.receive
def receive(self, *a, **k):
    seen["receive"].append(gc.isenabled())
    return received(self, *a, **k)
register.RegisterService.receive = receive
checked = integrity.check_register
def check_register(*a, **k):
    seen["check"].append(gc.isenabled())
    return checked(*a, **k)
integrity.check_register = check_register
sys.stdin = io.StringIO(sys.argv[1])
from app.__main__ import main
code = main(sys.argv[2:])
seen["end"] = gc.isenabled()
print(json.dumps({"code": code, **seen}))
"""


def _run(stdin: str, *argv: str) -> dict:
    done = subprocess.run([sys.executable, "-c", _CHILD, stdin, *argv], capture_output=True, text=True,
                          env=subprocess_env(), timeout=300, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.slow  # real child processes
def test_the_collector_is_paused_while_the_command_starts_and_on_for_its_work(tmp_path: Path):
    d = str(tmp_path / "meja")
    init = _run("", "init", "--data-dir", d, "--office-code", OFFICE_CODE, "--office-name", "Kecamatan Serang",
                "--admin", "admin")  # fmt: skip
    assert init["code"] == 0 and init["end"] is True
    lines = "\n".join(json.dumps(intake(information=f"Dokumen {n}")) for n in range(3))
    seen = _run(lines, "--data-dir", d, "--user", "admin", "request", "add", "--jsonl", "--confirm-warnings")
    assert seen["code"] == 0
    assert seen["open"] == [False]  # start-up: paused
    assert seen["receive"] == [True, True, True]  # every intake of the stream: collected as usual
    assert seen["end"] is True


@pytest.mark.slow  # real child processes
def test_a_command_that_reads_the_register_without_the_services_collects_as_usual(tmp_path: Path):
    """``check`` reads every record of the register without opening the services: its work must not run with
    the collector paused."""
    d = str(tmp_path / "meja")
    _run("", "init", "--data-dir", d, "--office-code", OFFICE_CODE, "--office-name", "Kecamatan Serang",
         "--admin", "admin")  # fmt: skip
    seen = _run("", "--data-dir", d, "check")
    assert seen["check"] == [True]
    assert seen["end"] is True


@pytest.mark.slow  # real child processes
def test_a_printing_command_loads_its_renderer_as_start_up_and_prints_with_the_collector_on(tmp_path: Path):
    """reportlab, PIL and the fonts are loaded after signing in (once the command knows it prints): they are
    start-up all the same, loaded paused and frozen, while the printing itself runs as usual."""
    d = str(tmp_path / "meja")
    _run("", "init", "--data-dir", d, "--office-code", OFFICE_CODE, "--office-name", "Kecamatan Serang",
         "--admin", "admin")  # fmt: skip
    added = _run(json.dumps(intake()), "--data-dir", d, "--user", "admin", "request", "add")
    assert added["code"] == 0 and added["reportlab"] == []
    out = tmp_path / "r.pdf"
    seen = _run("", "--data-dir", d, "--user", "admin", "print", "receipt", f"{OFFICE_CODE}/2026/A-0001", "--out",
                str(out))  # fmt: skip
    assert seen["code"] == 0 and out.stat().st_size > 1000
    assert seen["open"] == [False] and seen["reportlab"] == [False]
    assert seen["render"] == [True]
    assert seen["end"] is True
