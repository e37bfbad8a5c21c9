"""The city server installs without the desk: ``pip install ./packaging/server`` builds ``ppid-server`` from
the ``server`` and ``ppid_protocol`` packages only, and neither its requirements nor its imports reach Qt,
reportlab or the desk's packages (docs/server.md)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DESK_ONLY = ("pyside6", "reportlab", "rl-accel", "qtawesome", "openpyxl", "segno")
"""Requirements of the workstation that a server must never pull in."""
DESK_PACKAGES = ("app", "db", "ui", "resources", "PySide6", "reportlab", "shiboken6")


def _name(requirement: str) -> str:
    return re.split(r"[\s\[<>=!~;]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The server's wheel, built the way ``pip install ./packaging/server`` builds it, from a copy of the
    sources (a build in the work tree would leave a build/ folder whose stale files a later build ships)."""
    src = tmp_path_factory.mktemp("src")
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "build", "*.egg-info")
    for part in ("packaging/server", "server", "ppid_protocol"):
        shutil.copytree(ROOT / part, src / part, ignore=ignore)
    out = tmp_path_factory.mktemp("wheel")
    build = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", str(src / "packaging/server"), "-w"]
    done = subprocess.run([*build, str(out)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    (found,) = out.glob("ppid_server-*.whl")
    return found


@pytest.mark.slow
def test_the_server_wheel_holds_the_server_and_the_protocol_and_requires_no_desk_library(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        (meta,) = [n for n in names if n.endswith(".dist-info/METADATA")]
        metadata = zf.read(meta).decode()
    tops = {n.split("/")[0] for n in names if not n.split("/")[0].endswith(".dist-info")}
    assert tops == {"server", "ppid_protocol"}
    assert (
        "server/migrations/script.py.mako" in names
        and "server/migrations/versions/0001_initial_schema.py" in names
    )
    requires = {
        _name(line.split(":", 1)[1]) for line in metadata.splitlines() if line.startswith("Requires-Dist:")
    }
    assert {"fastapi", "uvicorn", "psycopg", "sqlalchemy", "alembic", "pydantic"} <= requires
    assert not requires & set(DESK_ONLY), requires
    version = re.search(r"^Version: (.+)$", metadata, re.M)
    from ppid_protocol import __version__

    assert version is not None and version.group(1) == __version__

    # the development install (root pyproject.toml) must keep providing everything the server needs
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    dev = {_name(r) for r in project["dependencies"] + project["optional-dependencies"]["server"]}
    assert requires <= dev, requires - dev


@pytest.mark.slow
def test_every_server_module_imports_from_the_wheel_alone(wheel: Path, tmp_path: Path) -> None:
    """In a fresh interpreter with the wheel's files first on the path, every module of ``server`` imports
    while any import of the desk, Qt or reportlab is refused (and would fail the import)."""
    target = tmp_path / "site"
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(target)
    probe = f"""
import importlib, json, pkgutil, sys
refused = []

class Refuse:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {DESK_PACKAGES!r}:
            refused.append(name)
            raise ImportError("the server must not import " + name)
        return None

sys.meta_path.insert(0, Refuse())
sys.path.insert(0, {str(target)!r})
import server, ppid_protocol
modules = sorted(m.name for m in pkgutil.walk_packages(server.__path__, "server.")
                 if not m.name.startswith("server.migrations"))
for name in modules:
    importlib.import_module(name)
print(json.dumps({{"modules": modules, "refused": refused,
                  "files": [server.__file__, ppid_protocol.__file__],
                  "loaded": sorted(m for m in sys.modules if m.split(".")[0] in {DESK_PACKAGES!r})}}))
"""
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert "server.app" in result["modules"] and "server.cli" in result["modules"]
    assert all(f.startswith(str(target)) for f in result["files"]), result["files"]
    assert result["refused"] == [] and result["loaded"] == []
