"""RegisterTableModel: laziness, filtering, sorting, overdue highlighting and the Qt model contract."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from PySide6.QtCore import Qt

from app.services.context import Actor
from app.services.desk import DeskServices
from app.services.register_query import RegisterFilter
from ui.register.model import COLUMNS, NUMBER_ROLE, OVERDUE_BG, ROW_ROLE, RegisterTableModel

NAMES = ["Siti Aminah", "Budi Santoso", "Dewi Lestari", "Agus Salim", "Rina Wati"]


def _fill(desk: DeskServices, actor: Actor, walk_in: Callable[..., dict[str, Any]], n: int) -> list[str]:
    numbers = []
    for i in range(n):
        data = walk_in(requester={"name": NAMES[i % len(NAMES)], "nik": f"36730545128500{i + 1:02d}"})
        if i % 3 == 0:
            data["channel"] = "email"
        numbers.append(desk.register.receive(actor, data).number)
    return numbers


def _model(desk: DeskServices, actor: Actor, **kw: Any) -> RegisterTableModel:
    model = RegisterTableModel(
        desk.query,
        actor,
        background=False,
        calendar=desk.calendar.calendar(),
        today=lambda: desk.ctx.clock().date(),
        **kw,
    )
    model.reload()
    return model


def test_counts_and_reads_lazily_page_by_page(desk, officer, walk_in, qtmodeltester) -> None:
    numbers = _fill(desk, officer, walk_in, 25)
    model = _model(desk, officer, page_size=10, max_pages=2)
    assert model.rowCount() == 25
    assert model.page_fetches == 0  # the first page came with the count
    # newest first by default
    assert model.index(0, 0).data(NUMBER_ROLE) == numbers[-1]
    assert model.index(24, 0).data(NUMBER_ROLE) == numbers[0]
    assert model.page_fetches == 1  # only the last page was read, not the middle one
    model.index(12, 0).data()
    assert len(model.cached_pages()) == 2  # least recently used page dropped
    qtmodeltester.check(model, force_py=True)


def test_filter_by_text_status_and_channel(desk, officer, walk_in) -> None:
    _fill(desk, officer, walk_in, 10)
    model = _model(desk, officer)
    totals: list[int] = []
    model.total_changed.connect(totals.append)
    model.set_filter(RegisterFilter(text="Budi"))
    assert model.rowCount() == 2
    assert all("Budi" in model.index(r, model.column_of("name")).data() for r in range(2))
    model.set_filter(RegisterFilter(channel="email"))
    assert model.rowCount() == 4
    assert {model.index(r, model.column_of("channel")).data() for r in range(4)} == {"Email"}
    model.set_filter(RegisterFilter(statuses=("selesai",)))
    assert model.rowCount() == 0
    assert totals == [2, 4, 0]


def test_sort_by_name_and_unsortable_column_is_ignored(desk, officer, walk_in) -> None:
    _fill(desk, officer, walk_in, 5)
    model = _model(desk, officer)
    name_col = model.column_of("name")
    model.sort(name_col, Qt.SortOrder.AscendingOrder)
    names = [model.index(r, name_col).data() for r in range(5)]
    assert names == sorted(names)
    assert model.order == ("name", False)
    model.sort(model.column_of("address"), Qt.SortOrder.DescendingOrder)
    assert model.order == ("name", False)


def test_overdue_rows_are_red_and_say_so(desk, officer, walk_in, clock) -> None:
    desk.register.receive(officer, walk_in(complete=False))  # verification: 3 working days
    clock.now += timedelta(days=14)
    model = _model(desk, officer)
    row = model.index(0, 0).data(ROW_ROLE)
    assert row.overdue
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole).color() == OVERDUE_BG
    remaining = model.index(0, model.column_of("remaining")).data()
    assert remaining.startswith("terlambat")
    assert "terlambat" in model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole)


def test_not_overdue_row_has_no_colour_and_shows_remaining_days(desk, officer, walk_in) -> None:
    desk.register.receive(officer, walk_in())
    model = _model(desk, officer)
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert model.index(0, model.column_of("remaining")).data() == "sisa 10 hari kerja"


def test_stale_results_are_dropped(desk, officer, walk_in) -> None:
    _fill(desk, officer, walk_in, 3)
    model = _model(desk, officer)
    from ui.register.model import Snapshot

    model._apply(Snapshot(generation=model._generation - 1, total=99, first_page=[]))
    assert model.rowCount() == 3


def test_headers_are_indonesian_and_cover_every_column(desk, officer) -> None:
    model = _model(desk, officer)
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(len(COLUMNS))]
    assert headers[0] == "No. Pendaftaran"
    assert "Informasi yang Diminta" in headers and "Jatuh Tempo" in headers
    assert all(headers)


def test_background_pages_arrive_without_blocking(desk, officer, walk_in, qtbot) -> None:
    numbers = _fill(desk, officer, walk_in, 25)
    model = RegisterTableModel(desk.query, officer, page_size=10, today=lambda: desk.ctx.clock().date())
    model.reload()
    qtbot.waitUntil(lambda: not model.loading and model.rowCount() == 25, timeout=5000)
    assert model.index(24, 0).data() == "memuat…"  # the last page is being read on a worker thread
    with qtbot.waitSignal(model.dataChanged, timeout=5000) as blocker:
        pass
    first, last = blocker.args[0], blocker.args[1]
    assert (first.row(), last.row()) == (20, 24)
    assert model.index(24, 0).data() == numbers[0]


def test_a_page_from_an_older_filter_is_ignored(desk, officer, walk_in) -> None:
    _fill(desk, officer, walk_in, 3)
    model = _model(desk, officer)
    before = [model.index(r, 0).data() for r in range(3)]
    stale = desk.query.rows(officer, RegisterFilter(text="Budi"))
    model._page_arrived((model._generation - 1, 0, stale))
    assert [model.index(r, 0).data() for r in range(3)] == before


def test_coded_cells_read_as_the_field_tables_texts_like_the_export(desk, supervisor, walk_in) -> None:
    """The screen wrote a kelompok orang as "Kelompok" while the export, the request page and the law say
    "Kelompok orang": every coded cell now reads the text the field table gives the code."""
    from app.services.export import COLUMNS as EXPORTED
    from ui.register.model import cell_text

    data = walk_in(
        requester={"kind": "kelompok", "name": "Kelompok Tani Makmur", "occupation": None},
        documents=["ktp", "surat_kuasa"],
    )
    desk.register.receive(supervisor, data, confirm_warnings=True)
    row = desk.query.all_rows(supervisor, RegisterFilter())[0]
    export = {key: cell(row) for key, _, cell in EXPORTED}
    for key in ("requester_kind", "channel", "obtain_method", "status"):
        assert cell_text(row, key) == export[key], key
    assert cell_text(row, "requester_kind") == "Kelompok orang"


def test_the_screens_columns_are_the_field_tables_in_the_registers_order(qapp) -> None:
    """Every column but the working days left is a field the table puts on screen, under the table's header,
    in the export's order (the paper Register Permohonan's); sortable where the query can sort."""
    from app.services import record_fields as rf
    from app.services.register_query import SORTABLE
    from ui.register.model import column_headers

    declared = {key: f for key, f in rf.register_fields().items() if f.screen is not None}
    keys = [c.key for c in COLUMNS]
    assert [k for k in keys if k != "remaining"] == list(declared)
    assert keys.index("remaining") == keys.index("due") + 1
    headers = column_headers()
    for key, f in declared.items():
        assert f.screen is not None and headers[key] == f.screen.header
        assert f.export is not None  # what the screen shows, the export writes
    for column in COLUMNS:
        assert column.default_visible == (column.key == "remaining" or declared[column.key].screen.shown)  # type: ignore[union-attr]
        assert column.sort_key == (
            column.key if column.key in SORTABLE else "due" if column.key == "remaining" else None
        )
