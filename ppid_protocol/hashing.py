"""The hashes both sides must compute byte for byte: op fingerprints, record hashes and checksum buckets."""

from __future__ import annotations

import hashlib
import json
from typing import Any


def canonical_json(value: Any) -> bytes:
    """Stable JSON bytes (sorted keys, no spaces): the basis of op fingerprints and record hashes."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str).encode()


def bucket_of(entity_id: str, buckets: int = 256) -> int:
    """The checksum bucket of a record: spread by a hash of its id so buckets stay even for UUIDv7 ids."""
    return int.from_bytes(hashlib.sha256(entity_id.encode()).digest()[:4], "big") % buckets


def item_hash(entity_id: str, version: int) -> int:
    """64-bit hash of (id, version); XOR-ed per bucket so the desk and the server compare scopes cheaply."""
    return int.from_bytes(hashlib.sha256(f"{entity_id}:{version}".encode()).digest()[:8], "big")


def xor_hex(value: int) -> str:
    return f"{value:016x}"
