"""Bad input never crashes: hypothesis drives every command that takes a JSON body or free text and asserts
the exit status is 0 (accepted) or 2 (refused with an Indonesian message, nothing saved), never 1.

Values are drawn from the shapes that broke the desk: text with control, bidi-override and lone-surrogate
characters, numbers (NaN and infinities too) and lists where a choice or text is expected, nesting deeper than
the JSON reader's recursion limit, body files whose bytes are not UTF-8, and dates from year 1 to 9999.
After each run the register must hold no forbidden character (``app.domain.text``).

Run (the figures in docs/security.md): ``pytest tests/cli/test_cli_fuzz.py -q -p no:cacheprovider``;
``PPID_FUZZ_EXAMPLES=N`` raises the number of cases per command.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from cli_helpers import init_args, intake, run_in_process
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from property_examples import examples

from app.domain.text import forbidden_character

EXAMPLES = int(os.environ.get("PPID_FUZZ_EXAMPLES") or examples(25))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,
)

#: Characters that broke or polluted the register: NUL and other C0 controls, DEL, C1, RLO and the other
#: bidi overrides and isolates, lone surrogates, and ordinary Indonesian text around them.
NASTY = st.sampled_from(
    ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\u202e", "\u202d", "\u2066", "\u2069", "\u200f", "\ud800",
     "\udfff", "\ufeff", "a", "Budi", " ", "\n", "\t", "é", "ß", "中"]
)  # fmt: skip
TEXT = st.one_of(st.text(max_size=30), st.lists(NASTY, max_size=8).map("".join))
SCALAR = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    TEXT,
)
VALUE = st.recursive(
    SCALAR,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(TEXT, inner, max_size=3)),
    max_leaves=6,
)
REQUEST_KEYS = ["received_at", "channel", "complete", "missing_items", "documents", "information", "purpose",
                "obtain_method", "delivery_method", "requester", "proxy"]  # fmt: skip
REQUESTER_KEYS = ["kind", "name", "nik", "address", "phone", "email", "occupation", "legal_number", "proxy"]


@pytest.fixture(scope="module")
def fuzz_desk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("fuzz") / "meja"
    assert run_in_process(*init_args(data_dir)).code == 0
    first = run_in_process(
        "--data-dir", data_dir, "--user", "admin", "request", "add", stdin=json.dumps(intake())
    )
    assert first.code == 0, first.err
    return data_dir


def _run(data_dir: Path, *argv: Any, stdin: str = "") -> int:
    result = run_in_process("--data-dir", data_dir, "--user", "admin", *argv, stdin=stdin)
    assert result.code in (0, 2), (argv, stdin[:300], result.err)
    if result.code == 2:
        assert result.err.strip() and "Kesalahan tak terduga" not in result.err
    return result.code


def _stored_text_is_clean(data_dir: Path) -> None:
    connection = sqlite3.connect(data_dir / "register.sqlite3")
    connection.text_factory = lambda b: b.decode("utf-8", "surrogateescape")
    try:
        for table in ("requests", "requesters", "objections", "calendar_entries", "users", "events"):
            columns = [r[1] for r in connection.execute(f"PRAGMA table_info({table})")]
            for row in connection.execute(f"SELECT * FROM {table}"):
                for column, value in zip(columns, row, strict=True):
                    if isinstance(value, str) and column not in ("nik_encrypted", "password_hash"):
                        bad = forbidden_character(value)
                        assert bad is None, (table, column, value)
                        assert value.lower() not in ("nan", "inf", "-inf", "infinity"), (table, column)
    finally:
        connection.close()


def _dumps(value: Any) -> str:
    return json.dumps(value, allow_nan=True)


@FUZZ
@given(top=st.dictionaries(st.sampled_from(REQUEST_KEYS), VALUE, max_size=3),
       who=st.dictionaries(st.sampled_from(REQUESTER_KEYS), VALUE, max_size=3))  # fmt: skip
def test_request_add_never_crashes(fuzz_desk: Path, top: dict[str, Any], who: dict[str, Any]) -> None:
    body = intake()
    body.update(top)
    if isinstance(body.get("requester"), dict):
        body["requester"] = {**body["requester"], **who}
    _run(fuzz_desk, "request", "add", "--confirm-warnings", stdin=_dumps(body))
    _stored_text_is_clean(fuzz_desk)


@FUZZ
@given(action=st.sampled_from(["extend", "respond", "forward", "reject", "record_incomplete", "complete",
                               "note", "correct", "deliver", "withdraw", "mark_received", "x"]),
       body=st.dictionaries(TEXT, VALUE, max_size=4),
       at=st.one_of(st.none(), TEXT, st.dates().map(str)))  # fmt: skip
def test_request_act_never_crashes(
    fuzz_desk: Path, action: str, body: dict[str, Any], at: str | None
) -> None:
    extra = ["--at", at] if at else []
    _run(
        fuzz_desk, "request", "act", "KEC-SRG/2026/A-0001", action, "--body", "-", *extra, stdin=_dumps(body)
    )
    _stored_text_is_clean(fuzz_desk)


@FUZZ
@given(body=st.dictionaries(st.sampled_from(["case_summary", "proxy", "kuasa", "x"]), VALUE, max_size=3),
       ground=st.one_of(st.sampled_from(["a", "c", "a,g"]), TEXT),
       filed=st.one_of(st.none(), st.dates().map(str), TEXT))  # fmt: skip
def test_objection_add_never_crashes(
    fuzz_desk: Path, body: dict[str, Any], ground: str, filed: str | None
) -> None:
    extra = ["--filed-at", filed] if filed else []
    _run(fuzz_desk, "objection", "add", "--request", "KEC-SRG/2026/A-0001", "--ground", ground, *extra,
         "--body", "-", stdin=_dumps(body))  # fmt: skip
    _stored_text_is_clean(fuzz_desk)


@FUZZ
@given(day=st.dates().map(str), name=TEXT, source=st.one_of(st.none(), TEXT))
def test_calendar_add_never_crashes(fuzz_desk: Path, day: str, name: str, source: str | None) -> None:
    extra = ["--source", source] if source is not None else []
    _run(fuzz_desk, "calendar", "add", day, "--name", name, *extra)
    _stored_text_is_clean(fuzz_desk)


@FUZZ
@given(username=TEXT, full_name=TEXT, nip=st.one_of(st.none(), TEXT))
def test_user_add_never_crashes(fuzz_desk: Path, username: str, full_name: str, nip: str | None) -> None:
    extra = ["--nip", nip] if nip is not None else []
    os.environ["PPID_DESK_NEW_PASSWORD"] = "sandi-baru-123"
    try:
        _run(fuzz_desk, "user", "add", username, "--name", full_name, "--role", "petugas", *extra)
    finally:
        os.environ.pop("PPID_DESK_NEW_PASSWORD", None)
    _stored_text_is_clean(fuzz_desk)


@FUZZ
@given(raw=st.binary(max_size=200))
def test_a_body_file_of_any_bytes_never_crashes(fuzz_desk: Path, tmp_path_factory: pytest.TempPathFactory,
                                                 raw: bytes) -> None:  # fmt: skip
    path = tmp_path_factory.mktemp("body") / "body.json"
    path.write_bytes(raw)
    _run(fuzz_desk, "request", "add", path)
    _run(fuzz_desk, "request", "act", "KEC-SRG/2026/A-0001", "extend", "--body", path)


@pytest.mark.parametrize("depth", [50, 5_000, 200_000])
def test_deeply_nested_json_is_refused(fuzz_desk: Path, depth: int) -> None:
    nested = '{"information": ' + "[" * depth + "]" * depth + "}"
    assert _run(fuzz_desk, "request", "add", stdin=nested) == 2
    assert (
        _run(fuzz_desk, "request", "act", "KEC-SRG/2026/A-0001", "extend", "--body", "-", stdin=nested) == 2
    )


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("information", "Salinan\x00DPA"),
        ("information", "Salinan \u202eAPD"),
        ("purpose", float("nan")),
        ("purpose", ["x"]),
        ("channel", ["x"]),
        ("obtain_method", 3),
        ("documents", 5),
        ("missing_items", "ktp"),
    ],
)
def test_named_bad_values_are_refused_and_nothing_is_saved(fuzz_desk: Path, field: str, value: Any) -> None:
    before = _count_requests(fuzz_desk)
    assert _run(fuzz_desk, "request", "add", stdin=_dumps(intake(**{field: value}))) == 2
    assert _count_requests(fuzz_desk) == before


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", "Budi\u202eotnaS"),
        ("name", "Budi\x00"),
        ("name", ["x"]),
        ("address", 12),
        ("email", "\ud800@x.id"),
    ],
)
def test_requester_bad_values_are_refused(fuzz_desk: Path, field: str, value: Any) -> None:
    before = _count_requests(fuzz_desk)
    assert _run(fuzz_desk, "request", "add", stdin=_dumps(intake(requester={field: value}))) == 2
    assert _count_requests(fuzz_desk) == before


@pytest.mark.parametrize("day", ["0001-01-01", "1899-12-31", "9999-12-31", "2200-01-01"])
def test_calendar_years_out_of_range_are_refused(fuzz_desk: Path, day: str) -> None:
    assert _run(fuzz_desk, "calendar", "add", day, "--name", "Libur") == 2


def _count_requests(data_dir: Path) -> int:
    connection = sqlite3.connect(data_dir / "register.sqlite3")
    try:
        return int(connection.execute("SELECT count(*) FROM requests").fetchone()[0])
    finally:
        connection.close()
