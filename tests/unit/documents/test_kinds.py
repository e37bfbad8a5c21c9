"""The registry of document kinds: each kind listed once, and every other list of kinds derived from it."""

from __future__ import annotations

import argparse
import ast
import inspect
from pathlib import Path

import pytest

from app.cli.main import build_parser
from app.documents import kinds, snapshot
from app.documents.kinds import KINDS, DocumentKind
from app.documents.rendering import renderer

ROOT = Path(__file__).resolve().parents[3]


def test_each_kind_is_registered_once_with_a_title_and_known_papers() -> None:
    codes = [kind.code for kind in KINDS]
    assert len(codes) == len(set(codes))
    assert tuple(codes) == kinds.DOCUMENT_KINDS
    for kind in KINDS:
        assert kind.title and kind.papers and set(kind.papers) <= set(kinds.PAPER_CODES)
        assert kind.numbered <= kind.letter  # only a letter carries a letter number


def test_every_kind_has_its_snapshot_class_and_renderer() -> None:
    assert set(snapshot.SNAPSHOT_KINDS) == set(kinds.DOCUMENT_KINDS)
    for kind in KINDS:
        fn = renderer(kind.code)
        assert fn.__module__ == f"app.documents.{kind.renderer.split(':')[0]}"
        takes_paper = "paper" in inspect.signature(fn).parameters
        assert takes_paper == (kind.record != "period")
        assert kind.code == snapshot.SNAPSHOT_KINDS[kind.code].KIND
    with pytest.raises(ValueError, match="tidak dikenal"):
        renderer("surat_cinta")


def _kind_literals(tree: ast.AST) -> list[int]:
    """Line numbers of literal collections naming most document kinds (a copy of the registry written by hand;
    a rule naming the two or three kinds it concerns is not one)."""
    codes = set(kinds.DOCUMENT_KINDS)
    found = []
    for node in ast.walk(tree):
        items: list[ast.expr | None] = []
        if isinstance(node, ast.Tuple | ast.List | ast.Set):
            items = list(node.elts)
        elif isinstance(node, ast.Dict):
            items = list(node.keys)
        named = {i.value for i in items if isinstance(i, ast.Constant) and isinstance(i.value, str)}
        if len(named & codes) > len(codes) // 2:
            found.append(node.lineno)
    return found


def test_no_module_lists_the_kinds_by_hand() -> None:
    offenders = []
    for folder in ("app", "ui", "server", "tools", "bench"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if path == ROOT / "app/documents/kinds.py":
                continue
            for line in _kind_literals(ast.parse(path.read_text(encoding="utf-8"))):
                offenders.append(f"{path.relative_to(ROOT)}:{line}")
    assert offenders == []


def test_the_scan_finds_a_hand_written_list() -> None:
    most = '"receipt", "form", "incomplete", "notice", "extension", "rejection", "forward", "handover"'
    assert len(kinds.DOCUMENT_KINDS) < 16  # "most" must stay more than half of the registry
    assert _kind_literals(ast.parse(f"X = ({most})")) == [1]
    assert _kind_literals(ast.parse("X = {" + most.replace(",", ": 1,") + ": 1}")) == [1]
    assert _kind_literals(ast.parse('X = ["receipt", "form", "dossier"]')) == []


def test_derived_lists_follow_the_registry() -> None:
    letters = [k for k in KINDS if k.letter]
    assert tuple(k.code for k in letters) == kinds.LETTER_KINDS
    assert set(kinds.REQUEST_LETTERS) == {k.code for k in letters if k.record == "request"}
    assert "objection" not in kinds.REQUEST_LETTERS and "dossier" in kinds.REQUEST_DOCUMENTS
    assert "register" not in kinds.RECORD_DOCUMENTS
    assert {"incomplete", "notice", "extension", "rejection", "forward", "handover"} == kinds.NUMBERED
    assert kinds.PAPERS["receipt"] == ("A4", "A5", "thermal80") and kinds.PAPERS["dossier"] == ("A4",)


def test_letters_service_builds_the_registered_snapshot_class() -> None:
    from app.services import letters

    assert set(letters._SNAPSHOT_CLASSES) == set(kinds.REQUEST_LETTERS)
    for code, cls in letters._SNAPSHOT_CLASSES.items():
        assert code == cls.KIND


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_cli_print_commands_come_from_the_registry() -> None:
    printing = _subparsers(_subparsers(build_parser())["print"])
    for kind in KINDS:
        if not kind.letter:
            continue
        command = printing[kind.code]
        paper = next(a for a in command._actions if a.dest == "paper")
        assert tuple(paper.choices or ()) == kind.papers
        assert command.description is None or kind.title in (command.description or "")
    register = next(a for a in printing["register"]._actions if a.dest == "paper")
    assert tuple(register.choices or ()) == kinds.PAPERS["register"]
    settings_kind = next(a for a in printing["settings"]._actions if a.dest == "kind")
    assert tuple(settings_kind.choices or ()) == kinds.DOCUMENT_KINDS
    assert "dossier" in printing


def test_kind_of_refuses_an_unknown_code() -> None:
    assert isinstance(kinds.kind_of("receipt"), DocumentKind)
    with pytest.raises(ValueError, match="tidak dikenal"):
        kinds.kind_of("memo")


def test_every_template_of_the_registry_ships_with_the_desk() -> None:
    from app.documents import templates

    assert templates.KINDS == kinds.TEMPLATES
    shipped = {p.stem for p in templates.BUILTIN_DIR.glob("*.toml")} - {templates.COMMON}
    assert shipped == set(kinds.TEMPLATES)
