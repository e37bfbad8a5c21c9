"""The save cycle every recording dialog shares (an action on a request, a keberatan step, a routing).

Why one place: the officer must see the same behaviour everywhere — one save at a time, the buttons held while
the service works off the GUI thread, each validation message under its own field, anything else on the
dialog's general error line, and nothing typed lost when the service refuses — nor by Esc or *Batal*, which
ask first when something was typed (``DiscardGuard``, ui/kit/unsaved.py). A dialog supplies the work, how
its error keys map to its rows, and its own fallback message; it provides ``f`` (``FieldForm``), ``buttons`` and
``general_error`` (``ui.kit.forms.save_row``), ``background`` and a ``recorded`` signal.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.errors import ValidationError
from ui.kit.screen import grow_to_contents
from ui.kit.tasks import submit
from ui.kit.unsaved import DiscardGuard


class RecordingFlow(DiscardGuard):
    _saving = False
    result_view: Any = None

    def error_aliases(self) -> dict[str, str]:
        """Service error keys that belong to a differently named row of this dialog."""
        return {}

    def failure_message(self) -> str:
        raise NotImplementedError

    def run_save(self, work: Callable[[], Any]) -> None:
        if self._saving:
            return
        self._saving = True
        self.buttons.setEnabled(False)  # type: ignore[attr-defined]
        self.general_error.hide()  # type: ignore[attr-defined]
        self.f.clear_errors()  # type: ignore[attr-defined]
        submit(work, self._saved, self._failed, background=self.background)  # type: ignore[attr-defined]

    def _saved(self, view: Any) -> None:
        self._saving = False
        self.buttons.setEnabled(True)  # type: ignore[attr-defined]
        self.result_view = view
        self.recorded.emit(view)  # type: ignore[attr-defined]
        self.accept()  # type: ignore[attr-defined]

    def _failed(self, exc: BaseException) -> None:
        self._saving = False
        self.buttons.setEnabled(True)  # type: ignore[attr-defined]
        if isinstance(exc, ValidationError):
            unplaced = self.f.show_errors(exc.fields, self.error_aliases())  # type: ignore[attr-defined]
            if unplaced:
                self._general(" ".join(unplaced))
            return
        self._general(str(exc) or self.failure_message())

    def _general(self, message: str) -> None:
        self.general_error.setText(message)  # type: ignore[attr-defined]
        self.general_error.show()  # type: ignore[attr-defined]
        grow_to_contents(self.general_error)  # type: ignore[attr-defined]
