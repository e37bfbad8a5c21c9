"""Snapshots round-trip through JSON unchanged, and a reprint from the stored JSON is byte-identical."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from doc_samples import sample

from app.documents import pdf_sha256, render, render_stored
from app.documents.samples import SAMPLES, samples_of
from app.documents.snapshot import Snapshot

#: Every kind of the registry with each of its layouts, but the report: its figures (ratios as floats) are never
#: stored, it is drawn from the register each time it is printed.
KINDS = [name for name in SAMPLES if name not in samples_of("report")]


@pytest.mark.parametrize("kind", KINDS)
def test_json_round_trip_is_exact(kind: str) -> None:
    snap = sample(kind)
    stored = json.loads(json.dumps(snap.to_dict()))
    again = Snapshot.from_dict(stored)
    assert again == snap
    assert type(again) is type(snap)


@pytest.mark.parametrize("kind", KINDS)
def test_reprint_from_stored_snapshot_is_byte_identical(kind: str) -> None:
    snap = sample(kind)
    first = render(snap)
    stored = json.loads(json.dumps(snap.to_dict()))
    assert render_stored(stored) == first
    assert pdf_sha256(render(snap)) == pdf_sha256(first)


@pytest.mark.slow  # a real Python child process
def test_reprint_in_a_fresh_process_is_byte_identical(tmp_path: Path) -> None:
    """No hidden state (font registration order, ids, timestamps) leaks into the bytes."""
    snap = sample("rejection")
    payload = tmp_path / "snap.json"
    payload.write_text(json.dumps(snap.to_dict()))
    out = tmp_path / "out.pdf"
    code = (
        "import json, sys; from app.documents import render_stored; "
        f"open({str(out)!r}, 'wb').write(render_stored(json.load(open({str(payload)!r}))))"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).resolve().parents[3])
    assert out.read_bytes() == render(snap)


def test_different_snapshots_give_different_pdfs() -> None:
    from dataclasses import replace

    snap = sample("incomplete")
    other = replace(snap, missing_items=("Akta pendirian",))  # type: ignore[type-var]
    assert render(snap) != render(other)


def test_unknown_kind_and_future_version_are_refused() -> None:
    data = sample("receipt").to_dict()
    with pytest.raises(ValueError, match="tidak dikenal"):
        Snapshot.from_dict({**data, "kind": "kuitansi"})
    with pytest.raises(ValueError, match="lebih baru"):
        Snapshot.from_dict({**data, "version": 99})


def test_amounts_are_stored_as_text_not_float() -> None:
    data = sample("notice").to_dict()
    assert data["data"]["costs"][0]["unit_cost"] == "500"
    assert json.dumps(data)  # plain JSON, no custom encoder needed


@pytest.mark.slow  # a long property test
def test_round_trip_property_any_text_dates_and_amounts() -> None:
    import datetime as dt
    from decimal import Decimal

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from app.documents.snapshot import CostLine, HandoverSnapshot

    base = sample("handover")
    texts = st.text(max_size=300)
    amounts = st.decimals(
        min_value=0, max_value=Decimal("1e12"), places=2, allow_nan=False, allow_infinity=False
    )

    @settings(max_examples=60, deadline=None)
    @given(
        name=texts,
        info=texts,
        items=st.lists(texts, max_size=4),
        costs=st.lists(st.tuples(texts, amounts, st.integers(0, 1000)), max_size=3),
        when=st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2100, 1, 1)),
    )
    def check(
        name: str, info: str, items: list[str], costs: list[tuple[str, Decimal, int]], when: dt.datetime
    ) -> None:
        assert isinstance(base, HandoverSnapshot)
        snap = replace(
            base,
            requester=replace(base.requester, name=name),
            request=replace(base.request, information=info, received_at=when),
            items=tuple(items),
            costs=tuple(CostLine(label, amount, qty) for label, amount, qty in costs),
            handed_at=when,
        )
        again = Snapshot.from_dict(json.loads(json.dumps(snap.to_dict())))
        assert again == snap

    check()


def test_a_rejection_stored_before_the_dik_reprints_without_an_sk_citation() -> None:
    from doc_samples import pdf_text

    snap = sample("rejection")
    payload = snap.to_dict()
    assert payload["data"]["sk_number"] == "800/12/PPID-CPJ/2026"
    assert "Nomor 800/12/PPID-CPJ/2026 tanggal 15 Januari 2026" in pdf_text(render(snap))
    for key in ("sk_number", "sk_date", "excluded_for"):  # as letters issued before were stored
        del payload["data"][key]
    old = Snapshot.from_dict(json.loads(json.dumps(payload)))
    assert old == replace(snap, sk_number="", sk_date=None, excluded_for="")
    assert "Penetapan Informasi yang Dikecualikan" not in pdf_text(render_stored(payload))


def test_information_lists_render_both_variants() -> None:
    from doc_samples import pdf_text

    dik = pdf_text(render(sample("information_list"), "F4"))
    assert "DAFTAR INFORMASI YANG DIKECUALIKAN" in dik and "800/12/PPID-CPJ/2026, 15 Januari 2026" in dik
    dip = pdf_text(render(sample("information_list_dip")))
    assert "DAFTAR INFORMASI PUBLIK" in dip and "Informasi yang Wajib Tersedia Setiap Saat" in dip
    stored = sample("information_list").to_dict()
    assert render_stored(stored) == render(sample("information_list"))
