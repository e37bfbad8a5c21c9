"""app/sync/messages.py: every failure an officer can meet has a plain reason and a remedy, in one table."""

from __future__ import annotations

from app.sync import messages
from app.sync.client import NOT_RETRYABLE, SyncError, check_url
from app.sync.secrets import NO_BACKEND_MESSAGE


def test_every_refusal_that_needs_a_person_has_its_own_reason():
    for code in NOT_RETRYABLE | {
        "not_enrolled",
        "keyring_unavailable",
        "office_mismatch",
        "network",
        "timeout",
    }:
        found = messages.reason(code)
        assert found is not None and found.kind != "other", code
        assert found.summary and found.remedy.endswith("."), code


def test_the_issue_s_wordings():
    assert "perbarui aplikasi" in messages.reason("client_too_old").summary
    assert messages.reason("not_enrolled").summary == "Belum terdaftar ke server kota"
    assert "dicabut" in messages.reason("device_revoked").summary
    assert messages.reason("network").kind == messages.reason("timeout").kind == "network"
    assert messages.reason("tls_clock").kind == "clock"


def test_keyring_remedy_is_the_documented_one():
    remedy = messages.reason("keyring_unavailable").remedy
    for part in ("Secret Service", "PYTHON_KEYRING_BACKEND", "berkas biasa"):
        assert part in remedy and part in NO_BACKEND_MESSAGE


def test_grouped_and_unknown_codes():
    assert messages.reason(None) is None and messages.plain(None) == ""
    assert messages.reason("http_503").kind == "server"
    assert messages.reason("server_unavailable").kind == "server"  # the city's database is down
    assert messages.reason("body_truncated").kind == "transfer"
    assert messages.reason("invalid_body").kind == "update"
    odd = messages.reason("something_new", "Server kota sedang dipelihara sampai pukul 14.00.")
    assert odd.kind == "other" and odd.remedy == "Server kota sedang dipelihara sampai pukul 14.00."


def test_the_client_s_own_refusal_maps_to_the_address_field():
    try:
        check_url("http://ppid.serangkota.go.id")
    except SyncError as exc:
        assert messages.reason(exc.code).kind == "address"
        assert messages.plain(exc.code).startswith("Alamat server harus memakai https://. ")
    else:
        raise AssertionError("plain http to a remote server must be refused")
