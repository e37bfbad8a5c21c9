"""ui/printing/i18n_en.py: every printing string has an English translation ready to merge, placeholders kept."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ui.printing import i18n_en

ROOT = Path(__file__).resolve().parents[3]
PLACEHOLDER = re.compile(r"%\d|\{[^}]*\}")


def _lupdate() -> str:
    here = Path(sys.executable).parent / "pyside6-lupdate"
    found = str(here) if here.exists() else shutil.which("pyside6-lupdate")
    if not found:
        pytest.skip("pyside6-lupdate tidak ditemukan")
    return found


def test_every_printing_string_is_translated(tmp_path: Path) -> None:
    ts = tmp_path / "printing_en.ts"
    sources = sorted(str(p) for p in (ROOT / "ui" / "printing").glob("*.py"))
    args = [
        _lupdate(),
        *sources,
        "-no-obsolete",
        "-locations",
        "none",
        "-target-language",
        "en",
        "-ts",
        str(ts),
    ]
    subprocess.run(args, check=True, cwd=ROOT, capture_output=True)
    filled = i18n_en.merge(ts)
    messages = [
        (context.findtext("name"), message.findtext("source") or "", message.find("translation"))
        for context in ET.parse(ts).getroot().iter("context")
        for message in context.iter("message")
    ]
    assert filled == len(messages) > 50
    missing = [
        f"{c}: {s}" for c, s, t in messages if t is None or t.get("type") or not (t.text or "").strip()
    ]
    assert missing == []
    broken = [
        s for _c, s, t in messages if sorted(PLACEHOLDER.findall(s)) != sorted(PLACEHOLDER.findall(t.text))
    ]
    assert broken == []


def test_merge_never_overwrites_an_existing_translation(tmp_path: Path) -> None:
    ts = tmp_path / "x.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="en">'
        "<context><name>PrintService</name>"
        "<message><source>Printer '{0}' tidak ditemukan.</source><translation>Own {0}</translation></message>"
        "<message><source>Gagal mencetak ke printer {0}: {1}</source>"
        '<translation type="unfinished"></translation></message>'
        "</context></TS>",
        encoding="utf-8",
    )
    assert i18n_en.merge(ts) == 1
    text = ts.read_text(encoding="utf-8")
    assert "Own {0}" in text and "Printing to printer {0} failed: {1}" in text
    assert text.startswith('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>')
