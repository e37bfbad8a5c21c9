"""What a cut pull page delivered whole (feature ``pull_resume``, docs/sync-protocol.md *Resuming a cut page*).

On a 2G link a connection is cut every few hundred KB; without this a cut page was thrown away and downloaded
again from its start. The server writes a page as ``{"items":[…],"next_cursor":…}`` with the items in
``server_seq`` order, and names the cursor the page starts from in the ``X-PPID-Page-Cursor`` header, which
arrives before the body. The desk reads the decoded body as it arrives; when the link fails it keeps the items
that arrived whole and asks again with that cursor and ``after_seq``.

Why the last complete item is not kept: items of one ``seq`` (a record and a scope-log entry can share one)
come together, and the cut may fall between them. Keeping only the items whose ``seq`` is below the last
complete item's means every item up to the kept ones' seq has arrived, so resuming after it skips nothing;
the item held back comes again on the next page. Nothing is stored twice either: a page is applied in the
same transaction as the resume position.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable
from dataclasses import dataclass

import httpx
from pydantic import ValidationError

from ppid_protocol.wire import HEADER_PAGE_CURSOR, HEADER_SIGNATURE, PullItem

_START = '{"items":['


@dataclass(frozen=True)
class PartialPage:
    """Complete items of a cut page, and where the pull resumes: ``cursor`` (the page's starting cursor,
    bound to the scope) with ``after_seq`` (the last kept item's seq)."""

    items: list[PullItem]
    cursor: str
    after_seq: int


class PageKeeper:
    """Collects a pull page's decoded bytes as they arrive (passing them on to ``forward``) and, after a
    failure, parses the items that arrived whole. Only a signed 200 answer that named its starting cursor
    is salvaged; anything else salvages nothing and the page is asked for again as before."""

    def __init__(self, forward: Callable[[bytes], None]) -> None:
        self.forward = forward
        self.cursor: str | None = None
        self._parts: list[bytes] = []

    def headers(self, resp: httpx.Response) -> None:
        if resp.status_code == 200 and resp.headers.get(HEADER_SIGNATURE) is not None:
            self.cursor = resp.headers.get(HEADER_PAGE_CURSOR)

    def feed(self, chunk: bytes) -> None:
        if self.cursor is not None:
            self._parts.append(chunk)
        self.forward(chunk)

    def salvage(self) -> PartialPage | None:
        if self.cursor is None or not self._parts:
            return None
        items = complete_items(b"".join(self._parts))
        kept = [i for i in items if i.seq < items[-1].seq] if items else []
        if not kept:
            return None
        return PartialPage(items=kept, cursor=self.cursor, after_seq=kept[-1].seq)


def complete_items(body: bytes) -> list[PullItem]:
    """The items at the start of a truncated page body that are whole, valid and in ``seq`` order (the
    first one that is not ends the list: what follows it is asked for again)."""
    try:  # a cut may split a character: the incremental decoder holds its first bytes back
        text = codecs.getincrementaldecoder("utf-8")().decode(body, final=False)
    except UnicodeDecodeError:
        return []
    if not text.startswith(_START):
        return []
    decoder, pos = json.JSONDecoder(), len(_START)
    items: list[PullItem] = []
    while pos < len(text):
        try:
            raw, pos = decoder.raw_decode(text, pos)
            item = PullItem.model_validate(raw)
        except (ValueError, ValidationError):
            break
        if items and item.seq < items[-1].seq:
            break
        items.append(item)
        if text[pos : pos + 1] != ",":
            break
        pos += 1
    return items
