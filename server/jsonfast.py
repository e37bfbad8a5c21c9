"""Fast JSON for the server's hot paths (orjson), with the standard library as the fallback for values orjson
refuses (integers beyond 64 bits, non-string keys). The output is plain JSON either way: only speed differs."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import orjson


def _default(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(type(value))


def dumps_bytes(value: Any) -> bytes:
    try:
        return orjson.dumps(value)
    except TypeError:  # orjson.JSONEncodeError subclasses TypeError
        return json.dumps(value, default=_default, separators=(",", ":"), ensure_ascii=False).encode()


def dumps(value: Any) -> str:
    return dumps_bytes(value).decode()


def loads(data: str | bytes) -> Any:
    return orjson.loads(data)
