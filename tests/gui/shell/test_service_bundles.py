"""Every service a page's bundle carries is read by that page's modules (ui/<page>/): the bundles
docs/architecture.md names (the printing services are a service object of their own, not a page's bundle).

Why: a bundle says what a capability needs (docs/architecture.md); a service left in it after the page stopped
using it (``ObjectionServices.register``, once the keberatan list took requesters' names from the keberatan
service) widens what the page can reach and misleads whoever reads the bundle. Read from the code (attributes
read on ``services``, ``self.services`` or ``svc``), so a new bundle field is checked too.
"""

from __future__ import annotations

import ast
import dataclasses
import importlib
from pathlib import Path

import pytest

UI = Path(__file__).resolve().parents[3] / "ui"
RECEIVERS = {"services", "svc"}
BUNDLES = {
    "ui.agenda.page": "AgendaServices",
    "ui.request.page": "RequestServices",
    "ui.register.page": "RegisterServices",
    "ui.settings.page": "SettingsServices",
    "ui.objections.page": "ObjectionServices",
    "ui.sync.controller": "SyncServices",
    "ui.reports.page": "ReportsServices",
    "ui.intake.dialog": "IntakeServices",
}


def _read_on_a_bundle(package: Path) -> set[str]:
    names: set[str] = set()
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Attribute):
                continue
            receiver = node.value
            if (isinstance(receiver, ast.Name) and receiver.id in RECEIVERS) or (
                isinstance(receiver, ast.Attribute) and receiver.attr in RECEIVERS
            ):
                names.add(node.attr)
    return names


@pytest.mark.parametrize(("module", "bundle"), sorted(BUNDLES.items()))
def test_every_service_of_a_bundle_is_used_by_its_page(module: str, bundle: str) -> None:
    cls = getattr(importlib.import_module(module), bundle)
    package = UI / module.split(".")[1]
    unused = {f.name for f in dataclasses.fields(cls)} - _read_on_a_bundle(package)
    assert unused == set(), f"{bundle} carries services its page never reads: {sorted(unused)}"
