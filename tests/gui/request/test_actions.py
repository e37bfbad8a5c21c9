"""Every lifecycle action driven through its dialog down to the service, as an officer would."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.domain.lifecycle import Action, Status
from app.services.context import Actor
from app.services.desk import DeskServices
from app.services.views import RequestView
from tests.field_tables import amended
from ui.request.actions import ActionDialog
from ui.shell import wiring


@pytest.fixture
def open_dialog(qtbot, desk) -> Callable[..., ActionDialog]:
    def make(actor: Actor, view: RequestView, action: Action) -> ActionDialog:
        dialog = ActionDialog(wiring.request(desk), actor, view, action, background=False)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
        return dialog

    return make


@pytest.fixture
def received(desk, officer, walk_in) -> Callable[..., RequestView]:
    def make(**overrides: Any) -> RequestView:
        return desk.register.receive(officer, walk_in(**overrides))

    return make


def _after(desk: DeskServices, actor: Actor, view: RequestView) -> RequestView:
    return desk.register.get(actor, view.number)


def test_complete_adds_the_documents_now_received(open_dialog, received, desk, officer) -> None:
    view = received(complete=False, documents=[])
    dialog = open_dialog(officer, view, Action.COMPLETE)
    dialog.document_boxes["ktp"].setChecked(True)
    QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    after = _after(desk, officer, view)
    assert after.status == Status.IN_PROCESS and after.documents == ["ktp"]
    assert not dialog.isVisible()


def test_incomplete_needs_the_missing_items(open_dialog, received, desk, officer) -> None:
    view = received(complete=False)
    dialog = open_dialog(officer, view, Action.INCOMPLETE)
    dialog.save()
    assert "kekurangan" in dialog.f.error("missing_items").lower()
    assert _after(desk, officer, view).status == Status.VERIFICATION
    dialog.f.widgets["missing_items"].setPlainText("Fotokopi KTP\nSurat kuasa")
    dialog.save()
    after = _after(desk, officer, view)
    assert after.status == Status.INCOMPLETE and after.missing_items == ["Fotokopi KTP", "Surat kuasa"]


def test_extend_with_a_legal_reason(open_dialog, received, desk, officer) -> None:
    view = received()
    dialog = open_dialog(officer, view, Action.EXTEND)
    reason = dialog.f.widgets["reason"]
    reason.setCurrentIndex(reason.findData("belum_didokumentasikan"))
    dialog.save()
    after = _after(desk, officer, view)
    assert after.status == Status.EXTENDED and after.extension_reason == "belum_didokumentasikan"
    assert after.due_extended is not None and after.due_response is not None
    assert after.due_extended > after.due_response


def test_respond_partial_needs_the_redaction_reason_and_records_costs(
    open_dialog, received, desk, officer
) -> None:
    view = received()
    dialog = open_dialog(officer, view, Action.RESPOND)
    decision = dialog.f.widgets["decision"]
    decision.setCurrentIndex(decision.findData("diterima_sebagian"))
    assert dialog.f.widgets["redaction_reason"].isVisibleTo(dialog)
    assert not dialog.f.widgets["holder_body"].isVisibleTo(dialog)
    dialog.f.widgets["costs.pages"].setValue(20)
    dialog.f.widgets["costs.price_per_page"].setValue(500)
    dialog.save()
    assert "penghitaman" in dialog.f.error("redaction_reason").lower()
    dialog.f.widgets["redaction_reason"].setText("Data pribadi penerima bantuan dihitamkan")
    dialog.save()
    after = _after(desk, officer, view)
    assert after.status == Status.ANSWERED and after.decision is not None
    assert after.decision.value == "diterima_sebagian"
    assert after.costs is not None and after.costs["total"] == 10_000


def test_respond_not_held_names_the_holder(open_dialog, received, desk, officer) -> None:
    view = received()
    dialog = open_dialog(officer, view, Action.RESPOND)
    decision = dialog.f.widgets["decision"]
    decision.setCurrentIndex(decision.findData("tidak_dikuasai"))
    assert not dialog.f.widgets["costs.pages"].isVisibleTo(dialog)
    dialog.f.widgets["holder_body"].setText("Dinas Sosial Kota Serang")
    dialog.save()
    assert _after(desk, officer, view).holder_body == "Dinas Sosial Kota Serang"


def test_reject_under_pasal_17_with_consequence_test(open_dialog, received, desk, officer) -> None:
    view = received()
    dialog = open_dialog(officer, view, Action.REJECT)
    article = dialog.f.widgets["article"]
    article.setCurrentIndex(article.findData("h"))
    dialog.f.widgets["consequence_test"].setPlainText("terlalu pendek")
    dialog.save()
    assert "min. 20" in dialog.f.error("consequence_test")
    dialog.f.widgets["consequence_test"].setPlainText(
        "Membuka data kesehatan warga akan mengungkap rahasia pribadi yang dilindungi undang-undang."
    )
    dialog.save()
    after = _after(desk, officer, view)
    assert after.status == Status.REJECTED and after.rejection_article == "h"


def test_reject_picking_a_dik_entry_cites_its_sk(open_dialog, received, desk, officer, supervisor) -> None:
    entry = desk.information_lists.add_dik(
        supervisor,
        {"information": "Data kesehatan warga", "article": "h", "excluded_period": "5 (lima) tahun",
         "consequence_test": "Membuka data kesehatan warga mengungkap rahasia pribadi.",
         "sk_number": "800/12/PPID-CPJ/2026", "sk_date": "2026-01-15"},
    )  # fmt: skip
    view = received()
    dialog = open_dialog(officer, view, Action.REJECT)
    dik = dialog.f.widgets["dik_id"]
    dik.setCurrentIndex(dik.findData(entry.id))
    assert dialog.f.widgets["consequence_test"].toPlainText() == entry.consequence_test
    assert not dialog.f.widgets["article"].isEnabled()
    dialog.save()
    after = _after(desk, officer, view)
    assert after.status == Status.REJECTED and after.consequence_test == entry.consequence_test
    [reject] = [e for e in after.events if e.kind == "reject"]
    assert reject.data["dik"]["sk_number"] == "800/12/PPID-CPJ/2026"


def test_forward_to_another_body(open_dialog, received, desk, officer) -> None:
    view = received()
    dialog = open_dialog(officer, view, Action.FORWARD)
    dialog.save()
    assert dialog.f.error("to_body")
    dialog.f.widgets["to_body"].setText("BPKAD Kota Serang")
    dialog.save()
    after = _after(desk, officer, view)
    assert after.status == Status.FORWARDED and after.forwarded_to == "BPKAD Kota Serang"


def test_deliver_then_close(open_dialog, received, desk, officer) -> None:
    view = desk.actions.act(officer, received().number, "respond", {"decision": "diterima"})
    dialog = open_dialog(officer, view, Action.DELIVER)
    assert dialog.f.widgets["method"].currentData() == "email"  # what the requester asked for
    dialog.save()
    delivered = _after(desk, officer, view)
    assert delivered.status == Status.DELIVERED and delivered.delivered_method == "email"
    dialog = open_dialog(officer, delivered, Action.CLOSE)
    dialog.f.widgets["note"].setPlainText("Pemohon puas")
    dialog.save()
    assert _after(desk, officer, view).status == Status.CLOSED


def test_a_refusal_from_the_service_is_shown_and_nothing_changes(
    open_dialog, received, desk, officer
) -> None:
    view = desk.actions.act(
        officer, received(complete=False).number, "incomplete", {"missing_items": ["KTP"]}
    )
    dialog = open_dialog(officer, view, Action.CLOSE)  # the requester still has 3 working days
    dialog.save()
    assert dialog.isVisible()
    assert "masih dapat melengkapi" in dialog.general_error.text()
    assert _after(desk, officer, view).status == Status.INCOMPLETE


def test_void_by_a_supervisor_needs_a_reason(open_dialog, received, desk, supervisor) -> None:
    view = received()
    dialog = open_dialog(supervisor, view, Action.VOID)
    dialog.save()
    assert dialog.f.error("reason")
    dialog.f.widgets["reason"].setPlainText("Tercatat ganda dengan nomor sebelumnya")
    dialog.save()
    after = _after(desk, supervisor, view)
    assert after.status == Status.VOID and after.void_reason == "Tercatat ganda dengan nomor sebelumnya"


def test_void_by_an_officer_is_refused_in_plain_indonesian(open_dialog, received, desk, officer) -> None:
    dialog = open_dialog(officer, received(), Action.VOID)
    dialog.f.widgets["reason"].setPlainText("Tercatat ganda")
    dialog.save()
    assert "tidak berwenang" in dialog.general_error.text()


def test_correct_a_requester_field_and_a_choice_field(open_dialog, received, desk, supervisor) -> None:
    view = received()
    dialog = open_dialog(supervisor, view, Action.CORRECT)
    assert "Siti Aminah" in dialog.f.hints["field"].text()
    dialog.f.widgets["value"].setText("Siti Aminah Zahra")
    dialog.f.widgets["reason"].setPlainText("Salah ketik nama pada formulir")
    dialog.save()
    assert _after(desk, supervisor, view).requester.name == "Siti Aminah Zahra"
    view = _after(desk, supervisor, view)
    dialog = open_dialog(supervisor, view, Action.CORRECT)
    field = dialog.f.widgets["field"]
    field.setCurrentIndex(field.findData("channel"))
    assert dialog.f.widgets["value_choice"].isVisibleTo(dialog)
    choice = dialog.f.widgets["value_choice"]
    choice.setCurrentIndex(choice.findData("surat"))
    dialog.f.widgets["reason"].setPlainText("Diterima lewat pos, bukan datang langsung")
    dialog.save()
    assert _after(desk, supervisor, view).channel == "surat"


def test_every_dialog_labels_its_inputs(open_dialog, received, supervisor) -> None:
    view = received()
    for action in Action:
        if action == Action.RECEIVE:
            continue
        dialog = open_dialog(supervisor, view, action)
        for key, widget in dialog.f.widgets.items():
            assert widget.accessibleName(), (action, key)
            assert dialog.f.labels[key].buddy() is widget
        dialog.close()


def test_the_correction_offers_the_tables_correctable_fields(
    open_dialog, received, supervisor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Which fields the dialog offers, and which take a fixed choice, is the field table's."""

    from app.domain.lifecycle import INFO_FORMS
    from app.services import record_fields as rf

    table = amended(
        rf.REQUEST_FIELDS,
        info_form={"correct": rf.Correction("Bentuk informasi", 13)},
        purpose={"correct": None},
    )
    monkeypatch.setattr(rf, "REQUEST_FIELDS", table)
    dialog = open_dialog(supervisor, received(), Action.CORRECT)
    field = dialog.f.widgets["field"]
    offered = [field.itemData(i) for i in range(field.count())]
    assert offered == list(rf.correctable()) and "info_form" in offered and "purpose" not in offered
    field.setCurrentIndex(field.findData("info_form"))
    choice = dialog.f.widgets["value_choice"]
    assert choice.isVisibleTo(dialog)
    assert [choice.itemData(i) for i in range(choice.count())] == list(INFO_FORMS)
