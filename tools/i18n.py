"""Refresh and build the workstation's translations.

    python tools/i18n.py update    # pyside6-lupdate over ui/**/*.py (+ EXTRA_SOURCES, EXTRA_PACKAGES) -> resources/i18n/ppid_desk_en.ts
    python tools/i18n.py release   # pyside6-lrelease every resources/i18n/*.ts -> .qm next to it
    python tools/i18n.py           # both

Why a script: the .ts file must list every string of every page, including ones just
added, and tests/gui/kit/test_i18n.py fails when a string has no English translation. Run ``update``, fill the new
``<translation type="unfinished">`` entries (Qt Linguist or a text editor), then ``release`` and commit both
the .ts and the .qm.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
TRANSLATED = ("en",)


def _tool(name: str) -> str:
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} tidak ditemukan; pasang PySide6 di lingkungan ini.")
    return found


#: Qt-free modules whose strings the UI shows (marked with QT_TRANSLATE_NOOP)
EXTRA_SOURCES = (
    "app/sync/messages.py",
    "app/domain/deadlines.py",
    "app/domain/lifecycle.py",  # the register's terms: statuses, channels, decisions (ui/kit/terms.py)
    "app/domain/requester.py",
    "app/domain/report_terms.py",
    "app/services/users.py",  # the failed sign-in (ui/kit/crash.py user_message)
)
#: Qt-free packages whose modules' strings the UI shows (the field tables' labels and headers)
EXTRA_PACKAGES = ("app/services/record_fields",)


def _modules(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.py") if "__pycache__" not in p.parts)


def sources() -> list[Path]:
    extra = [ROOT / name for name in EXTRA_SOURCES] + [m for d in EXTRA_PACKAGES for m in _modules(ROOT / d)]
    return _modules(ROOT / "ui") + extra


def update(ts_dir: Path = I18N) -> list[Path]:
    """Merge the current source strings into each ppid_desk_<lang>.ts (existing translations are kept)."""
    written = []
    for lang in TRANSLATED:
        ts = ts_dir / f"ppid_desk_{lang}.ts"
        args = [_tool("pyside6-lupdate"), *map(str, sources()), "-no-obsolete", "-locations", "none"]
        args += ["-source-language", "id_ID", "-target-language", lang, "-ts", str(ts)]
        subprocess.run(args, check=True, cwd=ROOT)
        written.append(ts)
    return written


def release(ts_dir: Path = I18N) -> list[Path]:
    built = []
    for ts in sorted(ts_dir.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, cwd=ROOT)
        built.append(qm)
    return built


def main(argv: list[str]) -> int:
    what = argv[0] if argv else "all"
    if what in ("update", "all"):
        update()
    if what in ("release", "all"):
        release()
    if what not in ("update", "release", "all"):
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
