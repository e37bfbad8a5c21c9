"""What the field table declares beyond views and exports: which fields an officer may correct (the service and
the dialog), the rows of the detail panes and the dossier's "Penanganan Permohonan"."""

from __future__ import annotations

import io
from collections.abc import Callable

import pypdf
import pytest

from app.domain.lifecycle import Status
from app.errors import ValidationError
from app.services import record_fields as rf
from app.services.context import Actor
from app.services.desk import DeskServices
from app.services.letters import LetterService
from app.services.record_details import sections
from app.services.views import RequestView
from tests.field_tables import amended


def _text(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(p.extract_text() or "" for p in reader.pages).split())


def _correct(desk: DeskServices, actor: Actor, number: str, field: str, value: str) -> RequestView:
    return desk.actions.act(actor, number, "correct", {"field": field, "value": value, "reason": "salah isi"})


def test_the_correctable_fields_are_the_tables_in_its_order() -> None:
    keys = list(rf.correctable())
    assert keys == [
        "requester.name",
        "requester.nik",
        "requester.legal_number",
        "requester.address",
        "requester.phone",
        "requester.email",
        "requester.occupation",
        "information",
        "purpose",
        "channel",
        "obtain_method",
        "delivery_method",
    ]  # docs/cli.md lists the same fields for the ``correct`` action
    assert all(f.column for f in rf.correctable().values() if f.entity == "request")  # stored, so correctable


def test_the_service_refuses_a_field_the_table_does_not_offer(
    desk: DeskServices, supervisor: Actor, to_state: Callable[[Status], str]
) -> None:
    number = to_state(Status.IN_PROCESS)
    with pytest.raises(ValidationError) as refused:
        _correct(desk, supervisor, number, "payment_method", "tunai")
    assert refused.value.fields["field"].startswith("Kolom yang dapat dikoreksi: ")
    assert refused.value.fields["field"].endswith(", ".join(sorted(rf.correctable())))


def test_a_field_made_correctable_in_the_table_is_accepted_and_one_no_longer_is_refused(
    desk: DeskServices, supervisor: Actor, to_state: Callable[[Status], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Would fail against a list written by hand in the service."""
    table = amended(
        rf.REQUEST_FIELDS,
        payment_method={"correct": rf.Correction("Cara pembayaran", 13)},
        purpose={"correct": None},
    )
    monkeypatch.setattr(rf, "REQUEST_FIELDS", table)
    number = to_state(Status.IN_PROCESS)
    assert _correct(desk, supervisor, number, "payment_method", "transfer").payment_method == "transfer"
    with pytest.raises(ValidationError):
        _correct(desk, supervisor, number, "purpose", "Penelitian")


def test_a_correctable_choice_is_checked_against_the_tables_options(
    desk: DeskServices, supervisor: Actor, to_state: Callable[[Status], str]
) -> None:
    number = to_state(Status.IN_PROCESS)
    with pytest.raises(ValidationError) as refused:
        _correct(desk, supervisor, number, "channel", "merpati")
    options = rf.field_of("request", "channel").options
    assert options is not None
    assert refused.value.fields["value"] == "Pilih salah satu: " + ", ".join(options)


def test_every_pane_row_is_a_declared_field_once() -> None:
    for pane in ("request", "objection"):
        fields = rf.pane_fields(pane)
        assert len({f.key for f in fields}) == len(fields)
        for f in fields:
            assert f.detail is not None and f.detail.section in dict(rf.SECTIONS[pane])
            assert f.view, f.name  # a row shows an attribute of the view
    assert all(f.detail is None or not f.detail.dossier for f in rf.OBJECTION_FIELDS)


def test_the_dossier_prints_each_handling_row_the_table_marks(
    desk: DeskServices, supervisor: Actor, to_state: Callable[[Status], str]
) -> None:
    """Would fail against the three facts the dossier listed by hand (channel, decision, void reason): the
    rejection's basis, its uji konsekuensi and the date of the notice were missing from the file sent to the
    Komisi Informasi although the request page showed them."""
    number = to_state(Status.REJECTED)
    view = desk.register.get(supervisor, number)
    marked = [
        row
        for section in sections("request", view, only=lambda f: f.detail is not None and f.detail.dossier)
        for row in section.rows
    ]
    assert {row.field.name for row in marked} >= {
        "decision",
        "decided_at",
        "rejection_article",
        "consequence_test",
    }
    text = _text(LetterService(desk.ctx).dossier_pdf(supervisor, number)[0])
    facts = text[text.index("C. Penanganan Permohonan") : text.index("D. Jangka Waktu")]
    for row in marked:
        assert row.label in facts, row.label
    assert "Pasal 17 huruf" in facts and view.consequence_test and view.consequence_test[:20] in facts
    assert "Cara penyampaian" not in facts  # part A prints the channel already


def test_the_conflict_review_reads_codes_as_the_records_own_pages_do() -> None:
    """A keberatan's decision read as the request's ("Ditolak") or as its code ("dikabulkan"), and a channel
    as its code: the review now reads each code with the texts of its own record's field."""
    from app.services.sync_conflict_fields import differences

    objection = {
        d.name: d for d in differences("objection", {"decision": "dikabulkan"}, {"decision": "ditolak"}, {})
    }
    assert objection["decision"].server_text == "Keberatan dikabulkan"
    assert objection["decision"].desk_text == "Keberatan ditolak (menguatkan keputusan PPID)"
    request = {
        d.name: d
        for d in differences(
            "request",
            {"channel": "email", "decision": "ditolak", "status": "ditolak"},
            {"channel": "datang_langsung", "decision": "diterima", "status": "dijawab"},
            {},
        )
    }
    assert (request["channel"].server_text, request["channel"].desk_text) == ("Email", "Datang langsung")
    assert (request["decision"].server_text, request["decision"].desk_text) == ("Ditolak", "Diterima")
    assert request["status"].desk_text == "Pemberitahuan tertulis dikirim"


def test_docs_cli_lists_the_correctable_fields_of_the_table() -> None:
    """docs/cli.md tells script writers which fields ``request act NUMBER correct`` accepts."""
    import re
    from pathlib import Path

    docs = (Path(__file__).resolve().parents[3] / "docs" / "cli.md").read_text(encoding="utf-8")
    row = next(line for line in docs.splitlines() if line.startswith("| `correct` |"))
    named = re.findall(r"`([a-z_.]+)`", row.split("fields:", 1)[1])
    keys = {f"requester{name}" if name.startswith(".") else name for name in named}
    assert keys == set(rf.correctable())


def test_the_dossier_names_each_deadline_as_the_request_page_and_the_cli_do(
    desk: DeskServices, supervisor: Actor, to_state: Callable[[Status], str]
) -> None:
    """The dossier had its own names ("Pemberitahuan tertulis (diperpanjang)", "Pengajuan keberatan")."""
    from app.domain.deadlines import DEADLINE_LABELS

    number = to_state(Status.EXTENDED)
    kinds = desk.register.get(supervisor, number).deadlines
    assert "extended" in kinds
    text = _text(LetterService(desk.ctx).dossier_pdf(supervisor, number)[0])
    table = text[text.index("D. Jangka Waktu") : text.index("E. Riwayat Permohonan")]
    for kind in kinds:
        assert DEADLINE_LABELS[kind] in table, kind
    assert "(diperpanjang)" not in table


def test_the_conflict_review_names_deadlines_as_the_records_pages_do() -> None:
    """It had short names of its own and none for a keberatan's sengketa deadline (shown as dispute_filing)."""
    from app.services.sync_conflict_fields import differences

    due = {"response": {"due": "2026-04-07"}, "dispute_filing": {"due": "2026-05-04"}}
    (diff,) = differences("objection", {"deadlines": due}, {"deadlines": {}}, {})
    assert (
        diff.server_text == "Batas mengajukan sengketa: 4 Mei 2026; Batas tanggapan Atasan PPID: 7 April 2026"
    )
    (diff,) = differences(
        "request", {"deadlines": {"extended": {"due": "2026-04-16"}}}, {"deadlines": {}}, {}
    )
    assert diff.server_text == "Setelah perpanjangan: 16 April 2026"
