"""``ppid-desk letter``: kinds by their titles, ISO dates like every other text output, and the text rules.

Seen: ``letter classification`` listed the kinds as codes (``extension``, ``notice``) and accepted a code with a
tab in it (``--code "x<TAB>y"``, then printed in every letter number); ``letter agenda`` wrote its dates as
``26-03-2026`` where every other command writes ``2026-03-26``.
"""

from __future__ import annotations

import json
from pathlib import Path

from cli_helpers import intake, run_in_process


def _run(desk_dir: Path, *argv: str | Path, stdin: str = ""):  # type: ignore[no-untyped-def]
    return run_in_process("--data-dir", desk_dir, "--user", "admin", *argv, stdin=stdin)


def test_classification_names_kinds_and_refuses_control_characters(desk_dir: Path) -> None:
    listed = _run(desk_dir, "letter", "classification")
    assert listed.code == 0, listed.err
    assert "Pemberitahuan Tertulis" in listed.out and "notice" in listed.out  # the title, and the --kind code
    tabbed = _run(desk_dir, "letter", "classification", "--kind", "notice", "--code", "000.5\t9")
    assert tabbed.code == 2
    assert "tanpa spasi" in tabbed.err
    assert _run(desk_dir, "letter", "classification", "--json").json()["notice"] == "000.5.9"


def test_agenda_writes_iso_dates(desk_dir: Path, tmp_path: Path) -> None:
    number = _run(desk_dir, "request", "add", stdin=json.dumps(intake())).out.split("\t")[0]
    body = json.dumps({"decision": "diterima", "info_form": "softcopy"})
    assert (
        _run(
            desk_dir,
            "request",
            "act",
            number,
            "respond",
            "--at",
            "2026-03-18T10:00",
            "--body",
            "-",
            stdin=body,
        ).code
        == 0
    )
    assert _run(desk_dir, "print", "notice", number, "--out", tmp_path / "n.pdf").code == 0
    agenda = _run(desk_dir, "letter", "agenda", "--year", "2026")
    assert agenda.code == 0, agenda.err
    assert "2026-03-18" in agenda.out and "18-03-2026" not in agenda.out
