"""Wording templates: the fixed sentences and titles of every document, kept out of the code.

Built-in templates live in ``resources/templates/<kind>.toml`` (plus ``common.toml`` shared by all kinds). An
office may override one by placing a file with the same name in ``<data_dir>/templates/``. An override that
cannot be used (bad TOML, missing keys, wrong value types, unknown ``{placeholders}``, broken markup) is
reported in the returned warning list and the built-in one is used instead: a typo in a template must never
stop the desk from printing a receipt while the requester waits.
"""

from __future__ import annotations

import functools
import string
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import resources.templates
from app.documents.kinds import TEMPLATES

BUILTIN_DIR = Path(resources.templates.__file__).parent
COMMON = "common"
KINDS = TEMPLATES  # one per document kind, plus the keberatan register (app/documents/kinds.py)

TextValue = str | tuple[str, ...]


class _Values(dict[str, str]):
    """Placeholder values for ``str.format_map``; an unknown name stays visible instead of raising."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@dataclass(frozen=True)
class Template:
    """The merged wording (common + kind) with helpers to fill placeholders safely."""

    kind: str
    texts: Mapping[str, TextValue]
    sources: tuple[str, ...] = field(default=())

    def raw(self, key: str) -> str:
        value = self.texts[key]
        return value if isinstance(value, str) else "\n".join(value)

    def lines(self, key: str) -> tuple[str, ...]:
        value = self.texts[key]
        return (value,) if isinstance(value, str) else tuple(value)

    def fmt(self, key: str, **values: str) -> str:
        """Paragraph markup: template markup kept, every value XML-escaped."""
        from app.documents.base import esc  # reportlab loads only when a document is rendered

        return self.raw(key).format_map(_Values({k: esc(v) for k, v in values.items()}))

    def plain(self, key: str, **values: str) -> str:
        """Plain text for canvas drawing (no markup)."""
        return self.raw(key).format_map(_Values(values))

    def as_wording(self) -> dict[str, TextValue]:
        """What a snapshot freezes so that a reprint uses the wording of the day it was issued."""
        return dict(self.texts)


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@functools.lru_cache(maxsize=64)
def _read_builtin(name: str) -> dict[str, TextValue]:
    """Built-in templates never change while the desk runs: parse each once (the receipt is time-critical)."""
    return _read_toml(BUILTIN_DIR / f"{name}.toml")


def _read_toml(path: Path) -> dict[str, TextValue]:
    with path.open("rb") as fh:
        data: dict[str, Any] = tomllib.load(fh)
    texts: dict[str, TextValue] = {}
    for key, value in data.items():
        if isinstance(value, str):
            texts[key] = value
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            texts[key] = tuple(value)
        else:
            raise ValueError(f"nilai '{key}' harus teks atau daftar teks")
    return texts


def _check_override(builtin: Mapping[str, TextValue], override: Mapping[str, TextValue]) -> list[str]:
    """Problems that make an override unusable (empty list = usable)."""
    from reportlab.platypus import Paragraph

    from app.documents.base import styles

    problems: list[str] = []
    missing = sorted(set(builtin) - set(override))
    if missing:
        problems.append("kunci tidak ada: " + ", ".join(missing))
    style = styles(10)["body"]
    for key, value in override.items():
        if key not in builtin:
            continue
        base = builtin[key]
        if isinstance(base, str) != isinstance(value, str):
            problems.append(f"'{key}' harus {'teks' if isinstance(base, str) else 'daftar teks'}")
            continue
        allowed = set().union(*(_placeholders(t) for t in ((base,) if isinstance(base, str) else base)))
        for text in (value,) if isinstance(value, str) else value:
            try:
                unknown = _placeholders(text) - allowed
                sample = text.format_map(_Values({name: "x" for name in allowed}))
                Paragraph(sample, style)
            except (ValueError, IndexError) as exc:
                problems.append(f"'{key}' rusak: {exc}")
                continue
            if unknown:
                problems.append(f"'{key}' memakai isian tidak dikenal: " + ", ".join(sorted(unknown)))
    return problems


def _load_one(name: str, data_dir: Path | None, warnings: list[str]) -> tuple[dict[str, TextValue], str]:
    builtin = dict(_read_builtin(name))
    if data_dir is None:
        return builtin, "bawaan"
    path = Path(data_dir) / "templates" / f"{name}.toml"
    if not path.is_file():
        return builtin, "bawaan"
    try:
        override = _read_toml(path)
    except (tomllib.TOMLDecodeError, ValueError, OSError, UnicodeDecodeError) as exc:
        warnings.append(f"Templat {path} tidak dapat dibaca ({exc}); templat bawaan '{name}' dipakai.")
        return builtin, "bawaan"
    problems = _check_override(builtin, override)
    if problems:
        warnings.append(
            f"Templat {path} tidak lengkap/rusak ({'; '.join(problems)}); templat bawaan '{name}' dipakai."
        )
        return builtin, "bawaan"
    extra = sorted(set(override) - set(builtin))
    if extra:
        warnings.append(f"Templat {path}: kunci tidak dikenal diabaikan: {', '.join(extra)}.")
    return {k: v for k, v in override.items() if k in builtin}, str(path)


def load_template(kind: str, data_dir: Path | None = None) -> tuple[Template, list[str]]:
    """Merged template for ``kind`` (common + kind) and the warnings about unusable office overrides."""
    if kind not in KINDS:
        raise ValueError(f"jenis templat tidak dikenal: {kind}")
    warnings: list[str] = []
    common, common_src = _load_one(COMMON, data_dir, warnings)
    own, own_src = _load_one(kind, data_dir, warnings)
    return Template(kind, {**common, **own}, (common_src, own_src)), warnings


def template_for(kind: str, wording: Mapping[str, TextValue]) -> Template:
    """The template a renderer uses: the frozen wording of a snapshot over the built-in (for keys it lacks)."""
    builtin, _ = load_template(kind, None)
    if not wording:
        return builtin
    return Template(kind, {**builtin.texts, **wording}, ("snapshot",))
