"""The Laporan's figures read the period's requests from the covering index ``ix_requests_report`` (migration
0009) and never the wide request rows: that is what keeps the yearly figures of a 100,000-request register, and
the Laporan page, within their targets (bench/report_bench.py). A new column read by the figures without being
added to the index shows up here first."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event

from app.services.context import Actor
from app.services.desk import DeskServices


def test_every_request_pass_of_the_figures_uses_the_covering_index(
    desk: DeskServices, supervisor: Actor, officer: Actor, walk_in: Any
) -> None:
    desk.register.receive(officer, walk_in())
    plans: list[list[str]] = []

    def explain(_conn: Any, cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        if "FROM requests" in statement:  # on the same connection: its temporary rank table is there
            plan = cursor.connection.execute(f"EXPLAIN QUERY PLAN {statement}", parameters).fetchall()
            plans.append([str(row[3]) for row in plan])

    engine = desk.ctx.db.read_engine
    event.listen(engine, "before_cursor_execute", explain)
    try:
        desk.reports.figures(supervisor, "2026")
    finally:
        event.remove(engine, "before_cursor_execute", explain)
    assert len(plans) >= 2  # the counts and the working days
    for plan in plans:
        on_requests = [step for step in plan if "requests " in step or step.endswith("requests")]
        assert on_requests, plan
        assert all("COVERING INDEX ix_requests_report" in step for step in on_requests), plan
