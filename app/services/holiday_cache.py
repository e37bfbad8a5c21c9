"""A per-desk cache of the ``holidays`` library's Indonesian tables, so a start-up does not import the library.

The tables depend only on the library release, so the file is named after it (``holidays-0.109.json``); a new
release simply starts a new file. A missing, unreadable or foreign file is ignored (the library recomputes), and
the file is replaced atomically, so a power cut mid-write leaves the previous cache or none, never a torn one.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
from datetime import date
from pathlib import Path

from app.domain.calendar import LibraryDays, known_library_days, prime_library_days

FORMAT = 1


def library_release() -> str | None:
    """The installed ``holidays`` release, read from its dist-info folder name (``importlib.metadata`` scans
    every path entry and would cost as much as the import this cache avoids); None when it cannot be told."""
    spec = importlib.util.find_spec("holidays")
    if spec is None or not spec.submodule_search_locations:
        return None
    site = Path(list(spec.submodule_search_locations)[0]).parent
    found = sorted(site.glob("holidays-*.dist-info"))
    return found[-1].name.removeprefix("holidays-").removesuffix(".dist-info") if len(found) == 1 else None


def cache_path(data_dir: Path) -> Path | None:
    release = library_release()
    return data_dir / "cache" / f"holidays-{release}.json" if release else None


def load(data_dir: Path) -> int:
    """Prime the calendar with the cached tables; returns how many (year, category) tables were primed."""
    path = cache_path(data_dir)
    if path is None or not path.exists():
        return 0
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if raw.get("format") != FORMAT:
            return 0
        tables: dict[tuple[int, str], LibraryDays] = {}
        for key, rows in raw["tables"].items():
            year, category = key.split("/", 1)
            tables[(int(year), category)] = tuple((date.fromisoformat(d), str(n)) for d, n in rows)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return 0  # a damaged cache is no cache: the library recomputes
    prime_library_days(tables)
    return len(tables)


def save(data_dir: Path) -> bool:
    """Write every table known in this process when it adds to what the file holds; True when written."""
    path = cache_path(data_dir)
    known = known_library_days()
    if path is None or not known:
        return False
    tables = {
        f"{year}/{category}": [[d.isoformat(), n] for d, n in rows]
        for (year, category), rows in known.items()
    }
    with contextlib.suppress(OSError, ValueError):
        if json.loads(path.read_text(encoding="utf-8")).get("tables") == tables:
            return False
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(
            json.dumps({"format": FORMAT, "tables": tables}, ensure_ascii=False), encoding="utf-8"
        )
        os.replace(temporary, path)
    except OSError:
        return False  # a read-only or full disk costs speed at the next start, nothing else
    return True
