"""Where the CPU time of ``ppid-desk request add`` (or ``print receipt``) goes, phase by phase, in fresh
processes.

    python bench/command_phases.py [--command request-add|print-receipt|floor] [--repeats 5] [--tree DIR ...] [--json]

Why: bench/startup_bench.py says how long the whole command takes; this says what the time is spent on, which is
what decides the next optimisation. Each child process runs the steps of ``request add`` one after the other on
a small office (made with the tree's own ``init``) and notes its CPU time (``time.process_time``) after each:

* ``python``: the interpreter until the child's first line (``site``, the editable install's finder);
* ``cli``: ``app.cli.main`` (argparse, the common options, the error types);
* ``sqlalchemy``, ``sqlalchemy.orm``: the library (imported by the command module, taken apart here);
* ``models``: ``db.models`` with the ORM's mapper configuration;
* ``content rules``: ``ppid_protocol.content`` with pydantic (the rules the server applies too);
* ``command module``: ``app.cli.request_cmd`` and the rest of what it imports (the intake rules, phonenumbers);
* ``services``: ``app.services.desk`` (the remaining services);
* ``open``: ``DeskServices.open`` (the writer lock, the migration check, the PII key, the holiday cache);
* ``sign in``: ``UserService.authenticate`` (argon2id, the lockout check, its audit entry);
* ``first intake`` / ``second intake``: ``RegisterService.receive`` (the first compiles its SQL);
* ``exit``: the rest of the process (closing, the interpreter's finalisation), from the child's rusage.

``--command print-receipt`` runs the steps of ``print receipt NUMBER`` for a request filed beforehand (a first
issue: each child gets a request of its own, filed by the tree's CLI before the child starts), in the command's
order. Its phases up to ``sign in`` are those above with ``app.cli.print_cmd`` as the command module (and no
intake); then what the command loads after signing in, within ``collector.loading`` when the tree has it
(paused, then frozen; without it, with the collector running again, as the command did before):

* ``letter modules``: ``app.services.letters`` (snapshots, templates, numbering; not the renderer);
* ``reportlab``: ``app.documents.rendering`` and the receipt's renderer (reportlab with PIL, segno);
* ``fonts``: the embedded TTFs registered (``app.documents.base.register_fonts``, first render only);
* ``issue``: ``LetterService.issue`` without the fonts (snapshot, number, the one render, the rows);
* ``write``: the PDF written as the command writes it.

``--command floor`` is what no command can go below while the register is read through SQLAlchemy's ORM and a
person signs in with argon2id: the interpreter, ``sqlalchemy.orm``, ``db.models`` with the mapper configuration,
the register opened (``db.engine.Database``) with one ORM query for the admin's password hash, and one argon2
verification of it (``argon2.PasswordHasher``; the hash's own parameters), with the collector paused as above.

The collector is paused for the start-up as ``app/__main__.py`` does for a command (``app.cli.collector``), when
the tree has that module. Several ``--tree`` (e.g. this one and ``git archive main | tar -x -C /tmp/main``) are
measured in alternation, one child of each per round, so they share the machine's load of the moment. Medians of
``--repeats`` rounds; the load average is printed beside them.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import PASSWORD, ROOT, git_revision, machine  # noqa: E402
from bench.floor import FLOOR_CHILD, START  # noqa: E402
from bench.startup_bench import REQUEST  # noqa: E402

_COMMAND_START = (
    START
    + """
import app.cli.main
mark("cli")
import sqlalchemy
mark("sqlalchemy")
import sqlalchemy.orm
mark("sqlalchemy.orm")
import db.models
sqlalchemy.orm.configure_mappers()
mark("models")
import ppid_protocol.content
mark("content rules")
"""
)
"""A command's child: the CLI, then SQLAlchemy, its ORM, the models and the content rules, each timed apart."""

_OPEN_AND_SIGN_IN = """
desk = DeskServices.open(Path(sys.argv[1]), writer="bench", wait=5)
if collector is not None:
    collector.resume()
mark("open")
actor = desk.users.authenticate("admin", sys.argv[2])
mark("sign in")
"""
"""A command's register opened (the collector resumed, as ``Cli.services`` does) and the admin signed in."""

CHILD = (
    _COMMAND_START
    + """
import app.cli.request_cmd
mark("command module")
from pathlib import Path
from app.services.desk import DeskServices
from app.services.duplicates import DuplicateCheck
mark("services")
"""
    + _OPEN_AND_SIGN_IN
    + """
body = json.loads(sys.argv[3])
for name in ("first intake", "second intake"):
    desk.register.receive(actor, body, confirm_warnings=True, duplicates=DuplicateCheck.CONFIRMED)
    mark(name)
desk.close()
print(json.dumps(marks))
"""
)


RECEIPT_CHILD = (
    _COMMAND_START
    + """
import app.cli.print_cmd
mark("command module")
from pathlib import Path
from app.services.desk import DeskServices
mark("services")
"""
    + _OPEN_AND_SIGN_IN
    + """
import contextlib
loading = getattr(collector, "loading", contextlib.nullcontext)  # as the tree's print command loads them
with loading():
    from app.services.letters import LetterService
    mark("letter modules")
    import app.documents.rendering
    app.documents.rendering.renderer("receipt")
    mark("reportlab")
    from app.documents.base import register_fonts
    register_fonts()
    mark("fonts")
doc = LetterService(desk.ctx).issue(actor, "receipt", sys.argv[3])
mark("issue")
Path(sys.argv[4]).write_bytes(doc.pdf)
mark("write")
desk.close()
print(json.dumps(marks))
"""
)


def _filed(tree: Path, office: Path, scratch: Path) -> str:
    """A new request in ``office`` (through the tree's own CLI), for a receipt issued the first time."""
    body = scratch / "request.json"
    body.write_text(json.dumps(REQUEST), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "app", "request", "add", "--data-dir", str(office),
                           "--confirm-warnings", "--meski-duplikat", str(body)], cwd=tree, check=True,
                          env=_env(tree), capture_output=True, text=True)  # fmt: skip
    return done.stdout.split()[0]


def _env(tree: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(tree), "PPID_DESK_PASSWORD": PASSWORD, "PPID_DESK_USER": "admin"}


def _child(tree: Path, office: Path, command: str = "request-add") -> dict[str, float]:
    if command == "print-receipt":
        number = _filed(tree, office, office.parent)
        argv = [RECEIPT_CHILD, str(office), PASSWORD, number, str(office.parent / f"{office.name}.pdf")]
    elif command == "floor":
        argv = [FLOOR_CHILD, str(office), PASSWORD]
    else:
        argv = [CHILD, str(office), PASSWORD, json.dumps(REQUEST)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run([sys.executable, "-c", *argv], cwd=tree,
                          env={**os.environ, "PYTHONPATH": str(tree)}, capture_output=True, text=True, check=False)  # fmt: skip
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(done.stderr[-3000:])
    marks = json.loads(done.stdout.strip().splitlines()[-1])
    phases, last = {}, 0.0
    for name, at in marks:
        phases[name] = at - last
        last = at
    total = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    phases["exit"] = max(total - last, 0.0)
    phases["whole process"] = total
    return phases


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--command", choices=("request-add", "print-receipt", "floor"), default="request-add")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--tree", type=Path, action="append", help="a source tree to measure (bytecode compiled; "
                        "repeat to compare trees; default: this one)")  # fmt: skip
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    trees = [t.resolve() for t in args.tree or [ROOT]]
    loads = [os.getloadavg()[0]]
    runs: dict[Path, list[dict[str, float]]] = {tree: [] for tree in trees}
    with tempfile.TemporaryDirectory(prefix="ppid-phases-") as scratch:
        offices = {tree: Path(scratch) / f"office-{n}" for n, tree in enumerate(trees)}
        for tree, office in offices.items():
            subprocess.run([sys.executable, "-m", "app", "init", "--data-dir", str(office), "--office-code", "CPJ",
                            "--office-name", "Kecamatan Cipocok Jaya", "--admin", "admin"], cwd=tree, check=True,
                           env={**os.environ, "PYTHONPATH": str(tree), "PPID_DESK_PASSWORD": PASSWORD},
                           capture_output=True)  # fmt: skip
        for _ in range(args.repeats):
            for tree in trees:
                runs[tree].append(_child(tree, offices[tree], args.command))
            loads.append(os.getloadavg()[0])
    result = {
        "machine": machine(),
        "revision": git_revision(),
        "command": args.command,
        "repeats": args.repeats,
        "load_average_1min": [round(x, 2) for x in loads],
        "cpu_ms": {
            str(tree): {k: round(1000 * statistics.median(r[k] for r in rounds)) for k in rounds[0]}
            for tree, rounds in runs.items()
        },
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"{args.command}: medians of {args.repeats} rounds, load average {min(loads):.1f}–{max(loads):.1f}")
    figures = list(result["cpu_ms"].values())
    print(f"  {'phase (ms CPU)':16}" + "".join(f" {n:>8}" for n in range(1, len(trees) + 1)))
    for name in figures[0]:
        print(f"  {name:16}" + "".join(f" {f[name]:8d}" for f in figures))
    for n, tree in enumerate(trees, start=1):
        print(f"  {n}: {tree}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
