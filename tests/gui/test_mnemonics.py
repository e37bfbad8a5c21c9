"""No two Alt+letter mnemonics in one window (issue 16 item 2): the wizard had Alt+L for both *Pilih logo* and
*Lanjut*, the officials page four pairs. A duplicate makes Alt+letter cycle between the two instead of acting.

The walk builds every window the program shows — the main window with every page (and the request page showing
a request), the intake, every action, routing and keberatan dialog, sign-in, lock, the first-run wizard, the
print preview and the question boxes — and collects each mnemonic: a button's text, a tab's text, a group box's
title, and a label's text when the label has a buddy. Widgets inside different pages of a stack (the main
window's pages, a tab widget's tabs, the intake's form and result, a wizard's pages) are never on screen
together and may share a letter; everything else in one window is counted together, hidden rows included (a
row that appears later — the kuasa fields, a decision's cost rows — must not take a letter already in use).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QStackedWidget,
    QTabBar,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.domain.lifecycle import Action, ObjectionAction
from app.services.desk import DeskServices
from ui.kit.tasks import runner
from ui.shell import wiring


def mnemonic(text: str) -> str | None:
    """The letter after the first single ``&`` (``&&`` is a literal ampersand), lower-cased."""
    index = 0
    while True:
        index = text.find("&", index)
        if index < 0 or index + 1 >= len(text):
            return None
        if text[index + 1] == "&":
            index += 2
            continue
        return text[index + 1].lower()


def _branches(widget: QWidget, window: QWidget) -> dict[int, int]:
    """For each stack (or wizard) above ``widget`` inside ``window``: which of its pages holds it."""
    path: dict[int, int] = {}
    child, parent = widget, widget.parentWidget()
    while parent is not None and child is not window:
        if isinstance(parent, QStackedWidget):
            path[id(parent)] = parent.indexOf(child)
        if isinstance(child, QWizardPage) and isinstance(parent.window(), QWizard):
            path[id(parent.window())] = id(child)
        child, parent = parent, parent.parentWidget()
    return path


def _mnemonics(window: QWidget) -> Iterator[tuple[str, str, QWidget]]:
    for widget in [window, *window.findChildren(QWidget)]:
        texts: list[str] = []
        if isinstance(widget, QAbstractButton) or isinstance(widget, QLabel) and widget.buddy() is not None:
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
        for text in texts:
            letter = mnemonic(text)
            if letter:
                yield letter, text.replace("&", ""), widget


def duplicates(window: QWidget) -> list[str]:
    """Each letter two widgets of ``window`` that can be on screen together both claim."""
    found: dict[str, list[tuple[str, dict[int, int]]]] = defaultdict(list)
    for letter, text, widget in _mnemonics(window):
        found[letter].append((text, _branches(widget, window)))
    clashes = []
    for letter, claims in sorted(found.items()):
        for i, (text_a, path_a) in enumerate(claims):
            for text_b, path_b in claims[i + 1 :]:
                if all(path_a[k] == path_b[k] for k in path_a.keys() & path_b.keys()):
                    clashes.append(f"Alt+{letter.upper()}: {text_a!r} / {text_b!r}")
    return clashes


def test_the_walk_finds_a_duplicate_and_tells_stacked_pages_apart(qtbot):
    from PySide6.QtWidgets import QPushButton, QVBoxLayout

    host = QWidget()
    column = QVBoxLayout(host)
    column.addWidget(QPushButton("&Lanjut"))
    column.addWidget(QPushButton("Pilih &logo"))
    stack = QStackedWidget()
    stack.addWidget(QPushButton("&Simpan"))
    stack.addWidget(QPushButton("&Simpan lagi"))
    column.addWidget(stack)
    qtbot.addWidget(host)
    assert duplicates(host) == ["Alt+L: 'Lanjut' / 'Pilih logo'"]
    assert mnemonic("Tom && &Jerry") == "j" and mnemonic("Tanpa") is None


# --- every window --------------------------------------------------------------------------------------------


@pytest.fixture
def records(desk, officer, supervisor, walk_in) -> dict[str, Any]:
    view = desk.register.receive(officer, walk_in())
    rejected = desk.register.receive(officer, walk_in(information="Daftar aset kecamatan 2024")).number
    desk.actions.act(officer, rejected, "reject", {"article": "h", "consequence_test": "x" * 30})
    objection = desk.objections.add(
        officer, request_number=rejected, grounds=["a"], body={"case_summary": "Tidak adil"}
    )
    return {"view": view, "objection": objection}


@pytest.fixture(params=["id", "en"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    """Both languages: each translation picks its own letters (Qt's own buttons included)."""
    from ui.kit import i18n

    i18n.install(request.param)
    try:
        yield request.param
    finally:
        i18n.install("id")


def _check(qtbot: Any, window: QWidget, name: str, problems: list[str]) -> None:
    qtbot.addWidget(window)
    problems += [f"{name}: {clash}" for clash in duplicates(window)]


def test_no_window_of_the_workstation_has_a_duplicate_mnemonic(
    qtbot, desk, admin, officer, supervisor, records, language
):
    from ui.intake.dialog import IntakeDialog
    from ui.kit.unsaved import ask_discard
    from ui.objections.dialog import ObjectionActionDialog, ObjectionFileDialog
    from ui.request.actions import ActionDialog
    from ui.request.route import RouteDialog
    from ui.shell.lock import LockDialog
    from ui.shell.login import LoginDialog
    from ui.shell.main_window import MainWindow
    from ui.shell.pages import PAGES

    problems: list[str] = []
    view, objection = records["view"], records["objection"]
    window = MainWindow(desk, admin)
    for spec in PAGES:
        window.page(spec.key)
    window.open_request(view.number)
    window.open_objection(objection.number)
    runner().wait()
    _check(qtbot, window, "Jendela utama", problems)

    intake = IntakeDialog(wiring.intake(desk), admin, background=False, print_receipt=False)
    _check(qtbot, intake, "Permohonan baru", problems)
    for action in Action:
        if action == Action.RECEIVE:
            continue
        _check(
            qtbot,
            ActionDialog(wiring.request(desk), supervisor, view, action, background=False),
            action.value,
            problems,
        )
    _check(
        qtbot,
        RouteDialog(wiring.request(desk), supervisor, view.number, background=False),
        "Teruskan",
        problems,
    )
    _check(
        qtbot,
        ObjectionFileDialog(wiring.objections(desk), supervisor, view.number, background=False),
        "Keberatan",
        problems,
    )
    for step in ObjectionAction:
        dialog = ObjectionActionDialog(wiring.objections(desk), supervisor, objection, step, background=False)
        _check(qtbot, dialog, f"keberatan {step.value}", problems)
    _check(qtbot, LoginDialog(desk), "Masuk", problems)
    _check(qtbot, LockDialog(desk, admin), "Terkunci", problems)
    _check(qtbot, _preview(desk), "Pratinjau", problems)
    problems += _conflict_dialogs(qtbot, desk, officer, supervisor)
    asking = IntakeDialog(wiring.intake(desk), admin, background=False, print_receipt=False)
    qtbot.addWidget(asking)
    box = ask_discard(asking, lambda: None)
    problems += [f"Buang isian?: {clash}" for clash in duplicates(box)]
    box.close()
    assert problems == [], "\n".join(problems)


def test_the_first_run_wizard_has_no_duplicate_mnemonic(qtbot, tmp_path: Path, clock, language):
    from ui.shell.setup_wizard import SetupWizard

    fresh = DeskServices.open(tmp_path / "fresh", clock=clock)
    try:
        wizard = SetupWizard(fresh)
        qtbot.addWidget(wizard)
        wizard.show()
        problems = duplicates(wizard)  # its buttons against every page (each page on its own)
        assert problems == [], "\n".join(problems)
    finally:
        fresh.close()


def _conflict_dialogs(qtbot: Any, desk: DeskServices, officer: Any, supervisor: Any) -> list[str]:
    from tests.conftest import VALID_NIK
    from tests.unit.services.conflict_helpers import make_conflict
    from ui.sync.conflicts import ConflictsPanel

    data = {
        "channel": "datang_langsung",
        "requester": {"kind": "perorangan", "name": "Siti Aminah", "nik": VALID_NIK,
                      "address": "Jl. Bhayangkara No. 5", "phone": "0812-3456-7890"},
        "documents": ["ktp"],
        "information": "Data konflik",
        "purpose": "Penelitian",
    }  # fmt: skip
    make_conflict(desk, officer, data)
    panel = ConflictsPanel(wiring.sync(desk).conflicts, supervisor)
    qtbot.addWidget(panel)
    runner().wait()
    problems = []
    for choice in ("keep_server", "take_desk", "edit", "acknowledge"):
        dialog = panel.decide(choice)
        assert dialog is not None  # a child of the panel, closed with it
        problems += [f"konflik {choice}: {clash}" for clash in duplicates(dialog)]
    return problems


def _preview(desk: DeskServices) -> QWidget:
    import io

    from reportlab.pdfgen import canvas

    from ui.printing import printer_settings
    from ui.printing.preview_dialog import PreviewDialog
    from ui.printing.print_service import PrintService

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, "Tanda terima")
    page.save()
    service = PrintService(desk.ctx.data_dir, lambda: printer_settings.load(desk.office), background=False)
    return PreviewDialog(buffer.getvalue(), service, kind="receipt", number="X", title="Tanda terima")
