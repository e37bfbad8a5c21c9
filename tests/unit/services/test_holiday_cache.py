"""The holidays cache: a desk that ran once starts without importing the ``holidays`` library, and gets the
same calendar as the library would give; a damaged or foreign cache is ignored, never trusted."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from app.domain import calendar as cal
from app.services import holiday_cache
from app.services.desk import DeskServices

ROOT = Path(__file__).resolve().parents[3]


def test_release_is_read_from_the_installed_package() -> None:
    release = holiday_cache.library_release()
    assert release and release[0].isdigit()


def test_closing_a_desk_writes_the_tables_it_used(desk: DeskServices) -> None:
    desk.calendar.calendar().add_working_days(date(2026, 3, 16), 10)  # needs 2026 (Nyepi, Idul Fitri)
    desk.close()
    path = holiday_cache.cache_path(desk.ctx.data_dir)
    assert path is not None and path.exists()
    tables = json.loads(path.read_text(encoding="utf-8"))["tables"]
    assert "2026/public" in tables
    assert ["2026-03-19", "Hari Suci Nyepi"] in tables["2026/public"]


def test_primed_tables_equal_the_library(tmp_path: Path) -> None:
    import holidays

    expected = holidays.country_holidays("ID", years=2025, categories=("government",), language="id")
    path = holiday_cache.cache_path(tmp_path)
    assert path is not None
    path.parent.mkdir(parents=True)
    cal._KNOWN.pop((2025, "government"), None)
    cal._library_days(2025, "government")
    assert holiday_cache.save(tmp_path)
    assert not holiday_cache.save(tmp_path)  # nothing new: not rewritten
    cal._KNOWN.clear()
    assert holiday_cache.load(tmp_path) >= 1
    assert dict(cal._library_days(2025, "government")) == {d: str(n) for d, n in expected.items()}


def test_a_damaged_cache_is_ignored(tmp_path: Path) -> None:
    path = holiday_cache.cache_path(tmp_path)
    assert path is not None
    path.parent.mkdir(parents=True)
    for content in (
        "{not json",
        json.dumps({"format": 99, "tables": {}}),
        json.dumps({"format": 1, "tables": {"x": 1}}),
    ):
        path.write_text(content, encoding="utf-8")
        assert holiday_cache.load(tmp_path) == 0


@pytest.mark.slow  # a real Python child process
def test_a_desk_that_ran_before_starts_without_the_library(desk: DeskServices) -> None:
    data_dir = desk.ctx.data_dir
    desk.calendar.calendar().add_working_days(date(2026, 3, 16), 10)
    desk.close()
    probe = (
        "import sys; from datetime import date; from pathlib import Path\n"
        "from app.services.desk import DeskServices\n"
        f"d = DeskServices.open(Path({str(data_dir)!r}))\n"
        "print(d.calendar.calendar().add_working_days(date(2026, 3, 16), 10), 'holidays' in sys.modules)\n"
        "d.close()\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True)
    due, imported = done.stdout.split()
    assert imported == "False"
    assert date.fromisoformat(due) == cal.WorkingCalendar().add_working_days(date(2026, 3, 16), 10)
