"""The FastAPI application of the city server: the sync protocol under /api/sync/v1 (docs/sync-protocol.md).

Request bodies of ``push`` are read raw and checked (exact length, SHA-256 header) *before* decompressing or
parsing, so a body cut by a dying 2G link is refused whole instead of being half-understood.
"""

import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Annotated, Any

import anyio.to_thread
import psycopg
from fastapi import APIRouter, Depends, FastAPI, Header, Path, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse
from sqlalchemy import Engine
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException

from ppid_protocol import __version__
from ppid_protocol.content import control_character
from ppid_protocol.delta import FEATURE_COMPACT, FEATURE_DELTA
from ppid_protocol.wire import (
    API_PREFIX,
    FEATURE_AUDIT_ANCHOR,
    FEATURE_PULL_RESUME,
    FEATURE_PUSH_RESUME,
    HEADER_BODY_SHA256,
    HEADER_PAGE_CURSOR,
    HEADER_SIGNATURE,
    HEADER_UPLOAD_LENGTH,
    PROTOCOL_VERSION,
    AnchorRequest,
    AnchorResponse,
    BucketListResponse,
    ChecksumResponse,
    EnrollRequest,
    EnrollResponse,
    FetchRequest,
    FetchResponse,
    HelloResponse,
    Op,
    PullResponse,
    PushResponse,
    UploadOffsetResponse,
)
from server import admin, anchors, collector, openapi, push_body, uploads
from server.admission import Admission
from server.asgi import BodyCap, SignAndLog
from server.auth import (
    SUPPORTED_PROTOCOLS,
    ApiError,
    authenticate,
    authenticate_on,
    bearer_hash,
    check_versions,
)
from server.context import DeviceCtx, ScopeViolation
from server.offices import offices_router
from server.pull import CursorError, PullService
from server.push import PushService, Upload

log = logging.getLogger("ppid.server")


@dataclass
class ServerConfig:
    min_app_version: str = "0.1.0"
    max_batch_ops: int = 500
    max_body_bytes: int = 4 * 1024 * 1024
    max_inflated_bytes: int = 32 * 1024 * 1024
    db_threads: int = 12
    """Requests doing database work at once per worker process (the thread pool's size; the engine's pool is
    sized above it so connections are never opened and closed per request)."""
    max_inflight: int = 48
    """Pushes and pulls admitted at once per worker, running or waiting for a thread (server/admission.py);
    one more is answered ``503 server_busy`` with ``Retry-After`` at once."""
    max_queue_wait: float = 0.5
    """Seconds an admitted push or pull may wait for a thread; one that waited longer is refused (503) when its
    turn comes, before any database work: the answers of the work taken stay prompt when a core is lost."""
    busy_retry_after: int = 2
    """``Retry-After`` seconds of a ``server_busy`` answer (the desk adds up to half of it again as jitter)."""
    gc_threshold: int = 0
    """Allocations between young collections of the garbage collector, set with the started app frozen out of
    every collection (server/collector.py); 0 leaves the interpreter's settings (tests, an embedded app)."""
    before_commit: Callable[[list[Op]], None] | None = field(default=None, repr=False)
    """Test hook run inside the push transaction just before COMMIT (e.g. to hold a slow transaction)."""


GC_THRESHOLD = 10_000
"""The served app's young-collection threshold (``PPID_GC_THRESHOLD``; CPython's default is 700)."""

SMALL_BODY_BYTES = 256 * 1024
"""Cap of every body but a push's: an enrollment or a fetch of 500 ids is a few KiB."""


def _error(status: int, code: str, message: str, detail: dict[str, Any] | None = None) -> JSONResponse:
    return JSONResponse(
        {"error": {"code": code, "message": message, "detail": detail or {}}},
        status_code=status,
        headers={HEADER_SIGNATURE: str(PROTOCOL_VERSION)},
    )


async def _one_value_per_query_parameter(request: Request) -> None:
    """Every query parameter of the protocol is one value. Given twice (``?after_seq={}&after_seq=0``) the
    framework read only the last and the first, whatever it held, went unchecked: refused instead, by name.
    Async: no thread-pool hop for what is a look at the query string."""
    seen: set[str] = set()
    for name, _value in request.query_params.multi_items():
        if name in seen:
            raise ApiError(
                422, "invalid_query", f"Parameter '{name[:40]}' diberikan lebih dari sekali.", name=name[:40]
            )
        seen.add(name)


def create_app(engine: Engine, config: ServerConfig | None = None) -> FastAPI:
    cfg = config or ServerConfig()
    pusher = PushService(engine, before_commit=cfg.before_commit)
    puller = PullService(engine)
    gate = Admission(cfg.max_inflight, cfg.max_queue_wait, cfg.busy_retry_after)
    arrivals = uploads.Arrivals(engine)

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        anyio.to_thread.current_default_thread_limiter().total_tokens = cfg.db_threads
        collector.tune(cfg.gc_threshold)  # in the worker process, once everything it keeps is built
        yield

    app = FastAPI(
        title="PPID Desk city server",
        version=__version__,
        description="Sync hub for PPID desks: see docs/sync-protocol.md.",
        lifespan=lifespan,
        dependencies=[Depends(_one_value_per_query_parameter)],
    )
    app.state.engine = engine
    app.state.config = cfg
    app.state.admission = gate
    # level 6: nearly the bytes of level 9 (Starlette's default) for a fraction of the CPU on large pull pages
    app.add_middleware(GZipMiddleware, minimum_size=512, compresslevel=6)
    app.add_middleware(
        BodyCap, limits={"/push": cfg.max_body_bytes}, default=SMALL_BODY_BYTES,
        refuse=lambda cap: _error(413, "body_too_large", f"Isi permintaan melebihi {cap} byte; tidak dibaca."),
    )  # fmt: skip
    app.add_middleware(SignAndLog, header=HEADER_SIGNATURE, value=str(PROTOCOL_VERSION))

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [{"loc": list(e.get("loc", ())), "msg": str(e.get("msg", ""))} for e in exc.errors()[:5]]
        return _error(422, "invalid_body", "Isi permintaan tidak sesuai protokol.", {"errors": errors})

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _error(exc.status_code, f"http_{exc.status_code}", str(exc.detail))

    @app.exception_handler(Exception)
    async def _unexpected(_request: Request, exc: Exception) -> JSONResponse:
        # the last resort, still signed: a desk must never take the city server for a captive portal
        log.exception("unexpected server error: %s", type(exc).__name__)
        return _error(500, "server_error", "Kesalahan di server kota; meja akan mencoba lagi nanti.")

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        response = _error(exc.status, exc.code, exc.message, dict(exc.detail))
        if "retry_after" in exc.detail:
            response.headers["Retry-After"] = str(exc.detail["retry_after"])
        return response

    @app.exception_handler(ScopeViolation)
    async def _scope(_request: Request, exc: ScopeViolation) -> JSONResponse:
        log.warning("scope violation", extra={"entity_id": exc.entity_id})
        return _error(
            403,
            "forbidden_scope",
            "Data ini milik kantor lain; meja ini tidak berhak.",
            {"entity_id": exc.entity_id},
        )

    # A lost or unreachable database (restart, failover, pool exhausted) is the city's trouble, not the desk's:
    # a signed, retryable 503 so the desk backs off and tells the officer the server is down, instead of a bare
    # 500 that it must read as "not a PPID server" (a captive portal).
    @app.exception_handler(OperationalError)
    @app.exception_handler(InterfaceError)
    @app.exception_handler(PoolTimeout)
    @app.exception_handler(psycopg.OperationalError)
    async def _database_down(_request: Request, exc: Exception) -> JSONResponse:
        log.error("database unavailable: %s", type(exc).__name__)
        response = _error(503, "server_unavailable",
                          "Basis data server kota sedang tidak tersedia; meja akan mencoba lagi otomatis.")  # fmt: skip
        response.headers["Retry-After"] = "15"
        return response

    @app.exception_handler(CursorError)
    async def _cursor(_request: Request, exc: CursorError) -> JSONResponse:
        return _error(409 if exc.code == "resync_scope" else 400, exc.code, str(exc))

    async def versions(  # async: no thread-pool hop for a header check
        x_app_version: Annotated[str | None, Header()] = None,
        x_ppid_protocol: Annotated[str | None, Header()] = None,
    ) -> str:
        check_versions(x_app_version, x_ppid_protocol, cfg.min_app_version)
        return x_app_version or ""

    def device(
        app_version: Annotated[str, Depends(versions)],
        authorization: Annotated[str | None, Header()] = None,
        x_device_id: Annotated[str | None, Header()] = None,
    ) -> DeviceCtx:
        return authenticate(engine, authorization, x_device_id, app_version)

    Dev = Annotated[DeviceCtx, Depends(device)]
    api = APIRouter(prefix=API_PREFIX, responses=openapi.ERRORS)

    @api.get("/hello", response_model=HelloResponse)
    def hello(dev: Dev) -> HelloResponse:
        return HelloResponse(
            protocols_supported=list(SUPPORTED_PROTOCOLS), server_version=__version__,
            min_app_version=cfg.min_app_version, server_time=admin.utcnow().isoformat(), device_id=dev.id,
            office_code=dev.office_code, office_name=dev.office_name, is_city=dev.is_city,
            desk_letter=dev.desk_letter, max_batch_ops=cfg.max_batch_ops, max_body_bytes=cfg.max_body_bytes,
            features=[FEATURE_DELTA, FEATURE_COMPACT, FEATURE_AUDIT_ANCHOR, FEATURE_PULL_RESUME, FEATURE_PUSH_RESUME],
        )  # fmt: skip

    @api.post("/anchor", response_model=AnchorResponse)
    def anchor(body: AnchorRequest, dev: Dev) -> AnchorResponse:
        if body.device_id != dev.id:
            raise ApiError(400, "device_mismatch", "ID perangkat dalam kiriman tidak cocok dengan token.")
        return anchors.record_anchor(engine, dev, body)

    @api.post("/enroll", response_model=EnrollResponse, responses=openapi.ENROLL_ERRORS)
    def enroll(body: EnrollRequest, app_version: Annotated[str, Depends(versions)]) -> EnrollResponse:
        try:
            done = admin.enroll(
                engine,
                body.code,
                body.request_id,
                body.label,
                app_version or body.app_version,
                body.office_code,
            )
        except admin.AdminError as exc:
            status = {
                "enroll_code_invalid": 404,
                "enroll_code_used": 409,
                "enroll_code_expired": 410,
                "enroll_office_mismatch": 409,
            }.get(exc.code, 400)
            raise ApiError(status, exc.code, str(exc)) from exc
        log.info("device enrolled", extra={"device": done.device_id, "office": done.office.code})
        return EnrollResponse(
            device_id=done.device_id, office_code=done.office.code, office_name=done.office.name,
            is_city=done.office.is_city, desk_letter=done.desk_letter, token=done.token,
            server_time=admin.utcnow().isoformat(),
        )  # fmt: skip

    @api.post("/push", response_model=PushResponse, openapi_extra=openapi.push_body())
    async def push(
        request: Request,
        app_version: Annotated[str, Depends(versions)],
        authorization: Annotated[str | None, Header()] = None,
        x_device_id: Annotated[str | None, Header()] = None,
        x_ppid_compact: Annotated[str | None, Header()] = None,
    ) -> Response:
        token_hash = bearer_hash(authorization)
        resumable = HEADER_UPLOAD_LENGTH in request.headers  # push_resume: the desk's next try may ask for it
        key = (token_hash, (request.headers.get(HEADER_BODY_SHA256) or "").lower())
        async with arrivals.arriving(key) if resumable else contextlib.nullcontext() as arrival:
            received = await push_body.receive(request, cfg.max_body_bytes, arrival)
            if received.cut and received.length is not None:  # keep what arrived for the desk's next try
                with contextlib.suppress(ApiError):
                    await run_in_threadpool(
                        lambda: push_body.keep_cut(
                            received, authenticate(engine, authorization, x_device_id, app_version), engine
                        )
                    )

            def parse(dev: DeviceCtx) -> list[Op] | list[str]:
                whole = push_body.completed(received, dev, engine)
                if whole.answered is not None:  # applied before, its answer lost: given again
                    return whole.answered
                return push_body.parse(whole, dev, cfg.max_inflated_bytes, cfg.max_batch_ops)

            upload = (
                Upload(received.sha256, received.length, received.offset > 0)
                if received.length is not None and received.refusal is None
                else None
            )
            dev, ops, results = await gate.run(
                lambda: pusher.push_request(
                    lambda conn: authenticate_on(conn, engine, token_hash, x_device_id, app_version),
                    parse,
                    upload,
                )
            )
        if log.isEnabledFor(logging.INFO):
            log.info(
                "push",
                extra={"device": dev.id, "ops": len(ops), "duplicates": sum(r.duplicate for r in results),
                       "conflicts": sum(r.status == "conflict" for r in results)},
            )  # fmt: skip
        answer = PushResponse.model_construct(results=results, server_time=admin.utcnow().isoformat())
        # Default values are left out (every desk's model has them); a desk that reads positional answers
        # (feature compact_wire) gets no op_id either: results come in the order of the ops sent.
        positional = x_ppid_compact == "1"
        body = answer.model_dump_json(
            exclude_defaults=True, exclude={"results": {"__all__": {"op_id"}}} if positional else None
        )
        return Response(body, media_type="application/json")  # results are already models

    @api.get("/push/upload/{sha256}", response_model=UploadOffsetResponse)
    async def upload_offset(
        dev: Dev,
        sha256: Annotated[str, Path(pattern="^[0-9a-f]{64}$")],
        authorization: Annotated[str | None, Header()] = None,
        live: bool = False,
    ) -> UploadOffsetResponse:
        """How much of the body with this SHA-256 this device's cut push left here (feature ``push_resume``),
        once the requests still receiving or applying it, in any worker, have ended (at most 2 s).
        ``live``: at once, with how far the requests still open got (``receiving``): a desk whose upload
        went quiet tells a silent stall from bytes still crossing."""
        key = (bearer_hash(authorization), sha256)
        if not live:
            await arrivals.settled(key, 2.0)
        receiving = await arrivals.receiving(key)
        offset, length = await run_in_threadpool(uploads.offset, engine, dev.id, sha256)
        return UploadOffsetResponse(offset=offset, length=length, receiving=receiving)

    @api.get("/pull", response_model=PullResponse, response_model_exclude_defaults=True)
    async def pull(
        app_version: Annotated[str, Depends(versions)],
        authorization: Annotated[str | None, Header()] = None,
        x_device_id: Annotated[str | None, Header()] = None,
        cursor: str = "",
        limit: Annotated[int, Query(ge=1, le=2000)] = 200,
        max_bytes: Annotated[int, Query(ge=1024, le=8 * 1024 * 1024)] = 512 * 1024,
        skip_own: bool = False,
        after_seq: Annotated[int | None, Query(ge=0, lt=2**63)] = None,
    ) -> Response:
        token_hash = bearer_hash(authorization)
        page = await gate.run(
            lambda: puller.pull(
                lambda conn: authenticate_on(conn, engine, token_hash, x_device_id, app_version),
                cursor,
                limit,
                max_bytes,
                skip_own,
                after_seq,
            )
        )
        # headers arrive before the body: a desk whose page is cut keeps its complete items and resumes here
        return Response(
            page.body, media_type="application/json", headers={HEADER_PAGE_CURSOR: page.start_cursor}
        )

    @api.get("/checksum", response_model=ChecksumResponse)
    def checksum(dev: Dev, buckets: Annotated[int, Query(ge=1, le=65536)] = 256) -> ChecksumResponse:
        return puller.checksum(dev, buckets)

    @api.get("/checksum/{bucket}", response_model=BucketListResponse)
    def bucket(
        dev: Dev, bucket: int, buckets: Annotated[int, Query(ge=1, le=65536)] = 256
    ) -> BucketListResponse:
        if not 0 <= bucket < buckets:
            raise ApiError(400, "bad_bucket", "Nomor bucket di luar rentang.")
        return puller.bucket(dev, bucket, buckets)

    @api.post("/fetch", response_model=FetchResponse, response_model_exclude_defaults=True)
    def fetch(dev: Dev, body: FetchRequest) -> Response:
        bad = [i for i, entity_id in enumerate(body.entity_ids) if control_character(entity_id) is not None]
        if bad:  # an id PostgreSQL cannot even compare (NUL) was a bare 500 (found by the schema fuzzer)
            raise ApiError(422, "invalid_body", "ID data berisi karakter kendali.",
                           errors=[{"loc": ["body", "entity_ids", bad[0]], "msg": "karakter kendali"}])  # fmt: skip
        return Response(puller.fetch(dev, body.entity_ids), media_type="application/json")

    app.include_router(api)
    app.include_router(offices_router(engine, cfg.min_app_version), responses=openapi.ERRORS)
    plain_openapi = app.openapi

    def described() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = openapi.add_push_schemas(plain_openapi())
        return app.openapi_schema

    app.openapi = described  # type: ignore[method-assign]
    return app


def app_from_env() -> FastAPI:
    """Factory for ``uvicorn --factory`` with several worker processes: the database URL and the minimum app
    version come from ``PPID_SERVER_DB`` and ``PPID_MIN_APP_VERSION``."""
    import os

    from server.db import default_db_url, make_engine
    from server.logs import configure

    configure(os.environ.get("PPID_LOG_LEVEL", "INFO"))
    engine = make_engine(default_db_url())
    return create_app(engine, config_from_env(os.environ.get("PPID_MIN_APP_VERSION", "0.1.0")))


def config_from_env(min_app_version: str) -> ServerConfig:
    """The tuning an operator sets through the environment (docs/server.md): threads per worker, the load
    shedding limits and the garbage collector's threshold."""
    import os

    env = os.environ.get
    return ServerConfig(
        min_app_version=min_app_version,
        db_threads=int(env("PPID_DB_THREADS") or ServerConfig.db_threads),
        max_inflight=int(env("PPID_MAX_INFLIGHT") or ServerConfig.max_inflight),
        max_queue_wait=float(env("PPID_MAX_QUEUE_WAIT") or ServerConfig.max_queue_wait),
        busy_retry_after=int(env("PPID_BUSY_RETRY_AFTER") or ServerConfig.busy_retry_after),
        gc_threshold=int(env("PPID_GC_THRESHOLD") or GC_THRESHOLD),
    )
