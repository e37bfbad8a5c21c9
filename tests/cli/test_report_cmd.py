"""Years and periods by the register's one date range (2000–2099, ``app.domain.text.DATE_MIN``/``DATE_MAX``).

Seen: ``report --period 1999`` made an empty report and ``report narrative --year 1800 --set-from`` would have
saved a narrative for 1800, while ``calendar add 1990-01-01`` is refused as out of range; ``calendar list --year
99999`` and ``letter agenda --year 1800`` printed empty tables as if nothing were wrong.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_helpers import run_in_process


def _run(desk_dir: Path, *argv: str | Path, stdin: str = ""):  # type: ignore[no-untyped-def]
    return run_in_process("--data-dir", desk_dir, "--user", "admin", *argv, stdin=stdin)


@pytest.mark.parametrize("period", ["1999", "2100-S1", "1999-12-01..2000-01-31"])
def test_a_period_outside_the_registers_years_is_refused(desk_dir: Path, period: str) -> None:
    result = _run(desk_dir, "report", "--period", period)
    assert result.code == 2
    assert "2000–2099" in result.err


@pytest.mark.parametrize(
    "argv",
    [
        ("report", "narrative", "--year", "1800"),
        ("calendar", "list", "--year", "99999"),
        ("letter", "agenda", "--year", "1800"),
    ],
)
def test_a_year_outside_the_registers_years_is_refused(desk_dir: Path, argv: tuple[str, ...]) -> None:
    result = _run(desk_dir, *argv)
    assert result.code == 2
    assert "2000–2099" in result.err and "penggunaan:" in result.err
