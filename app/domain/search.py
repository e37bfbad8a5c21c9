"""The text of a request in the register's trigram search index (``request_search``).

One function for every writer of the index: the services when a request or its requester changes, and the
sync apply step when a pulled record lands, so a request is found by the same words however it arrived. It
reads attributes only, so it takes ORM rows and plain namespaces alike.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol


class SearchableRequest(Protocol):
    @property
    def information(self) -> str: ...
    @property
    def purpose(self) -> str: ...
    @property
    def forwarded_to(self) -> str | None: ...
    @property
    def holder_body(self) -> str | None: ...
    @property
    def proxy(self) -> Mapping[str, Any] | None: ...


class SearchableRequester(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def phone(self) -> str | None: ...
    @property
    def email(self) -> str | None: ...
    @property
    def legal_number(self) -> str | None: ...


def search_body(row: SearchableRequest, requester: SearchableRequester) -> str:
    parts = [
        requester.name,
        row.information,
        row.purpose,
        requester.phone or "",
        requester.email or "",
        requester.legal_number or "",
        row.forwarded_to or "",
        row.holder_body or "",
    ]
    if row.proxy:
        parts.append(str(row.proxy.get("name") or ""))
    return "\n".join(p for p in parts if p)


def search_text(row: SearchableRequest, current: SearchableRequester, recorded: SearchableRequester) -> str:
    """The search index's body of a request: the identity it recorded, then whatever of the requester's
    current identity differs (a request stays findable by the name and phone its requester uses today)."""
    body = search_body(row, recorded)
    lines = set(body.split("\n"))
    extra = [line for line in search_body(row, current).split("\n") if line not in lines]
    return "\n".join([body, *extra]) if extra else body
