"""The OpenAPI schema under a schema-driven fuzzer (schemathesis): every operation, valid and invalid input,
against a live server on PostgreSQL over real HTTP. Every answer must be documented (status, body, headers)
and none may be a server error (issue 15 item 5). The push body and its checksum header are in the schema, so
the fuzzer reaches the push path itself: its generated batches are applied, merged or refused by the content
rules, not stopped at the door.

The token, device and version headers are set to a real enrolled city desk's (their refusals have tests of
their own in test_refusals.py); the push's SHA-256 header is computed from the bytes sent, as a desk does.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance
from sqlalchemy import Engine

from ppid_protocol import __version__
from ppid_protocol.wire import API_PREFIX, HEADER_BODY_SHA256, PROTOCOL_VERSION
from server import admin
from server.db import make_engine
from server.testing import live_server

_SHA = re.compile(r"[0-9a-fA-F]{64}")
EXAMPLES = 30  # per operation and generation mode

NOT_APPLICABLE = [positive_data_acceptance]
""""Schema-valid input must get a 2xx": the protocol's own rules are narrower than JSON Schema can say (the
content rules of a record, an opaque cursor, a one-time code), and each of those refusals is a documented,
specific 4xx, which is what this test holds the server to."""


def _send(
    session: requests.Session, case: Any, base_url: str, auth: dict[str, str]
) -> requests.Response | None:
    kwargs = case.as_transport_kwargs(base_url=base_url, headers=auth)
    if "json" in kwargs:  # serialised here, so the checksum is of the very bytes sent
        try:
            kwargs["data"] = json.dumps(kwargs.pop("json"), allow_nan=False).encode()
        except ValueError:
            return None  # NaN / infinity: not JSON, no client can send it
    given = (case.headers or {}).get(HEADER_BODY_SHA256)
    if (
        case.path == f"{API_PREFIX}/push"
        and isinstance(kwargs.get("data"), bytes)
        and _SHA.fullmatch(given or "")
    ):
        # a well-formed checksum the fuzzer made up becomes the right one (a missing or malformed one stays)
        kwargs["headers"][HEADER_BODY_SHA256] = hashlib.sha256(kwargs["data"]).hexdigest()
        kwargs["headers"].pop("Content-Encoding", None)  # the body is sent as plain JSON
    try:
        return session.request(**kwargs)
    except (ValueError, UnicodeError, requests.exceptions.InvalidHeader):
        return None  # a header value no HTTP client sends (control characters, non-latin-1)


def _fuzz(
    operation: Any,
    mode: GenerationMode,
    seen: Counter[int],
    send: Callable[[Any], requests.Response | None],
    auth: dict[str, str],
    device_id: str,
) -> None:
    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, phases=[Phase.generate], database=None,
              suppress_health_check=list(HealthCheck))  # fmt: skip
    def call(case: Any) -> None:
        if case.path == f"{API_PREFIX}/push" and isinstance(case.body, dict):
            case.body["device_id"] = device_id  # else every batch is a device_mismatch
        response = send(case)
        if response is None:
            return
        seen[response.status_code] += 1
        assert response.status_code < 500 or response.status_code == 503, response.text[:500]
        assert response.headers.get("X-PPID-Sync") == str(PROTOCOL_VERSION)  # every answer signed, once
        case.validate_response(response, headers=auth, excluded_checks=NOT_APPLICABLE)

    call()


@pytest.mark.slow
@pytest.mark.postgres
@pytest.mark.timeout(600)
def test_fuzzed_calls_get_documented_answers_and_no_server_error(pg_url: str) -> None:
    engine: Engine = make_engine(pg_url)
    code, _ = admin.new_enroll_code(engine, "3673")
    city = admin.enroll(engine, code, request_id="fuzz-city")
    auth = {
        "Authorization": f"Bearer {city.token}", "X-Device-Id": city.device_id,
        "X-App-Version": __version__, "X-PPID-Protocol": str(PROTOCOL_VERSION),
    }  # fmt: skip
    statuses: dict[str, Counter[int]] = {}
    unsatisfiable: list[str] = []
    with live_server(engine) as srv, requests.Session() as session:
        schema = schemathesis.openapi.from_url(f"{srv.url}/openapi.json")
        operations = [result.ok() for result in schema.get_all_operations()]
        assert f"{API_PREFIX}/push" in {op.path for op in operations}
        for operation in operations:
            seen = statuses.setdefault(f"{operation.method.upper()} {operation.path}", Counter())
            for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
                try:
                    _fuzz(
                        operation,
                        mode,
                        seen,
                        lambda case: _send(session, case, srv.url, auth),
                        auth,
                        city.device_id,
                    )
                except Unsatisfiable:  # no invalid input exists for it (e.g. an operation with only headers)
                    assert mode is GenerationMode.NEGATIVE, operation.path
                    unsatisfiable.append(operation.path)
    engine.dispose()
    assert f"{API_PREFIX}/push" not in unsatisfiable
    push = statuses[f"POST {API_PREFIX}/push"]
    assert push[200] > 0, statuses  # generated batches were applied (or merged, held, rejected op by op)
    assert sum(n for status, n in push.items() if status in (400, 413, 422)) > 0, statuses
