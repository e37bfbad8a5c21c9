"""One vocabulary: the desk says *Email* everywhere (the intake, the detail pane, the channel and delivery
choices, the office profile), never *Surel* on one screen and *Email* on the next."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_no_screen_says_surel() -> None:
    sources = [m.text or "" for m in ET.parse(ROOT / "resources" / "i18n" / "ppid_desk_en.ts").iter("source")]
    assert any(re.search(r"\bEmail\b", text) for text in sources)
    assert [text for text in sources if re.search(r"surel", text, re.IGNORECASE)] == []


def test_no_service_message_says_surel() -> None:
    """The services' own messages reach people too (the CLI's ``Perhatian: …`` on a read-only disk, the
    workstation's notices): seen, "telepon dan surel disamarkan" while every screen says *Email*."""
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for folder in ("app", "ppid_protocol", "server")
        for path in sorted((ROOT / folder).rglob("*.py"))
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1)
        if re.search(r"\bsurel\b", line, re.IGNORECASE)
    ]
    assert found == []
