"""The requester as recorded travels with the request (issue 12 item 3): over loopback HTTP against a live server
on PostgreSQL, the city desk shows each of one person's requests under the name that request recorded, and a
desk that pulls a later request under a corrected name does not rewrite the earlier one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select

from app.services.identity import IdentityAnswer
from server.models import Record
from tests.conftest import FakeClock
from tests.sync.test_city_desk import Desk, desks  # noqa: F401 - the live desks (their hub: conftest)
from tests.unit.documents.doc_samples import pdf_text

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


def test_each_request_keeps_its_recorded_name_on_the_server_and_the_city_desk(
    desks: Callable[[str], Desk],  # noqa: F811
    walk_in: Callable[..., dict[str, Any]],
    clock: FakeClock,
    hub: Any,  # noqa: F811
) -> None:
    a, city = desks("3673.01"), desks("3673")
    first = a.services.register.receive(a.officer, walk_in()).number
    a.sync()
    assert city.sync().pulled == 1
    clock.now = clock.now + dt.timedelta(hours=2)
    second = a.services.register.receive(
        a.officer,
        walk_in(requester={"name": "Siti Aminah Lubis"}, information="Salinan RKA kecamatan 2026"),
        identity=IdentityAnswer.SAME_PERSON,
    ).number
    a.sync()
    city.sync()
    names = {n: city.services.register.get(city.officer, n).requester.name for n in (first, second)}
    assert names == {first: "Siti Aminah", second: "Siti Aminah Lubis"}
    with hub.engine.connect() as conn:
        stored = {
            data["number"]: data
            for data in conn.execute(select(Record.data).where(Record.entity == "request")).scalars()
        }
    assert stored[first]["requester_recorded"]["name"] == "Siti Aminah"
    assert stored[second]["requester_recorded"]["name"] == "Siti Aminah Lubis"
    day = clock.now.date()
    register, _ = city.services.letters.register_pdf(city.officer, day - dt.timedelta(days=1), day)
    text = pdf_text(register)
    assert "Siti Aminah Lubis" in text and text.count("Siti Aminah") == 2
