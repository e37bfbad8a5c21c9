"""JSON round-trip for snapshot dataclasses.

A snapshot is stored with the issued letter (``issued_letters.snapshot``) and a reprint is rendered from the
stored JSON, so ``from_jsonable(cls, to_jsonable(x)) == x`` must hold for every snapshot. The codec is driven by
the dataclass type hints, so adding a field to a snapshot needs no codec change.

Supported field types: ``str``, ``int``, ``bool``, ``Decimal`` (as text, never float), ``date``, ``datetime``
(ISO text), nested frozen dataclasses, ``tuple[X, ...]``, ``X | None`` and ``Mapping[str, ...]`` of JSON values
(used for the frozen template wording).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import types
import typing
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, TypeVar

T = TypeVar("T")

JSONValue = Any


def to_jsonable(value: Any) -> JSONValue:
    """Turn a snapshot (or any supported value) into plain JSON types."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, bool | int | str) or value is None:
        return value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [to_jsonable(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    raise TypeError(f"tipe tidak didukung dalam snapshot: {type(value).__name__}")


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_jsonable(tp: Any, data: JSONValue) -> Any:
    """Rebuild a value of type ``tp`` from :func:`to_jsonable` output (strict: wrong shapes raise)."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        members = [a for a in typing.get_args(tp) if a is not type(None)]
        if data is None:
            return None
        if len(members) == 1:
            return from_jsonable(members[0], data)
        for arg in members:  # e.g. str | tuple[str, ...] in wording
            try:
                return from_jsonable(arg, data)
            except (TypeError, ValueError):
                continue
        raise TypeError(f"nilai {data!r} tidak cocok dengan {tp}")
    if origin is tuple:
        args = typing.get_args(tp)
        if not isinstance(data, list):
            raise TypeError(f"diharapkan daftar untuk {tp}, bukan {type(data).__name__}")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(from_jsonable(args[0], v) for v in data)
        if len(args) != len(data):
            raise TypeError(f"diharapkan {len(args)} unsur untuk {tp}")
        return tuple(from_jsonable(a, v) for a, v in zip(args, data, strict=True))
    if origin in (Mapping, dict, typing.Mapping):
        _key, val_tp = typing.get_args(tp)
        if not isinstance(data, dict):
            raise TypeError(f"diharapkan objek untuk {tp}")
        return {str(k): from_jsonable(val_tp, v) for k, v in data.items()}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        if not isinstance(data, dict):
            raise TypeError(f"diharapkan objek untuk {tp.__name__}")
        hints = _hints(tp)
        kwargs = {}
        for f in dataclasses.fields(tp):
            if f.name in data:
                kwargs[f.name] = from_jsonable(hints[f.name], data[f.name])
        return tp(**kwargs)
    if tp is Decimal:
        if not isinstance(data, str | int):
            raise TypeError("Decimal disimpan sebagai teks")
        return Decimal(data)
    if tp is dt.datetime:
        if not isinstance(data, str):
            raise TypeError("datetime disimpan sebagai teks ISO")
        return dt.datetime.fromisoformat(data)
    if tp is dt.date:
        if not isinstance(data, str):
            raise TypeError("date disimpan sebagai teks ISO")
        return dt.date.fromisoformat(data)
    if tp is bool:
        if not isinstance(data, bool):
            raise TypeError("diharapkan boolean")
        return data
    if tp is int:
        if isinstance(data, bool) or not isinstance(data, int):
            raise TypeError("diharapkan bilangan bulat")
        return data
    if tp is str:
        if not isinstance(data, str):
            raise TypeError("diharapkan teks")
        return data
    if tp is Any:
        return data
    raise TypeError(f"tipe tidak didukung dalam snapshot: {tp}")
