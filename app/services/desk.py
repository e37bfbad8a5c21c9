"""The composition root: open a data folder, migrate its register, and wire every service.

The GUI, the CLI and the tests all start here, so they run exactly the same code paths. The services every
screen and command needs are built at once; the rest (a request's later steps, keberatan, backup, export,
letters, reports, sync, conflict review, routing) are built on first use, so their imports (reportlab,
pydantic, httpx, the sync protocol) are not paid by every start of the workstation or every intake.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select, text

from app.paths import backups_dir, db_path
from app.services import holiday_cache, writer_lock
from app.services.calendar import CalendarService
from app.services.clock import Clock, system_now
from app.services.clock_check import ClockCheck
from app.services.context import DeskContext
from app.services.office import OfficeService
from app.services.pii import PiiVault, key_path, wrong_key_error
from app.services.register import RegisterService
from app.services.register_query import RegisterQuery
from app.services.users import UserService
from db.engine import Database, RegisterUnwritable, read_only_reason
from db.migrate import HEAD_REVISION, current_revision, refuse_newer, upgrade
from db.models import AuditEntry, IssuedLetter, Office, Requester, Setting
from db.private import private_dir, private_file, tighten

if TYPE_CHECKING:
    from app.services.audit_log import AuditLogService
    from app.services.backup import BackupService
    from app.services.city_report import CityReportService
    from app.services.dashboard import DashboardService
    from app.services.export import ExportService
    from app.services.information_lists import InformationListService
    from app.services.letter_agenda import LetterAgenda
    from app.services.letters import LetterService
    from app.services.objections import ObjectionService
    from app.services.reports import ReportService
    from app.services.request_actions import RequestActions
    from app.services.routing import RoutingService
    from app.services.sync import SyncService
    from app.services.sync_conflicts import SyncConflictService
    from app.services.sync_status import SyncSnapshot


def open_vault(database: Database, data_dir: Path) -> PiiVault:
    """The register's PII key. A new key is written only for a register that is still empty (not set up, no
    NIK stored); otherwise a missing key, or one that cannot open the first and the last NIK stored, stops
    the desk (``KeyUnavailable``) before anything is written. ``ppid-desk check`` verifies every NIK."""
    with database.reader() as session:
        set_up = session.get(Office, 1) is not None
        tokens = select(Requester.nik_encrypted).where(Requester.nik_encrypted.is_not(None))
        first = session.scalar(tokens.order_by(text("rowid")).limit(1))
        last = session.scalar(tokens.order_by(text("rowid DESC")).limit(1))
    keys = data_dir / "keys"
    vault = PiiVault.open(keys, create=not set_up and first is None)
    for token in {first, last} - {None}:
        if not vault.opens(str(token)):
            raise wrong_key_error(key_path(keys))
    return vault


def _clear_killed_copies(data_dir: Path) -> None:
    """Half-written copies a killed backup, restore or migration left (``NAME.PID.part`` of a dead PID)."""
    folders = [data_dir, backups_dir(data_dir)]
    if any(next(folder.glob("*.part"), None) for folder in folders if folder.is_dir()):
        from app.services.backup import (
            clear_stale_parts,  # only then: the backup module is not a start-up cost
        )

        for folder in folders:
            clear_stale_parts(folder)


def seal_letters_once(database: Database, vault: PiiVault, clock: Clock) -> None:
    """Letters stored before their personal data was sealed are sealed at the first start with the key (a
    migration runs without it); afterwards one read per start (``letter_pii.SEALED_SETTING``)."""
    from app.services.letter_pii import SEALED_SETTING, seal_stored_letters

    with database.reader() as session:
        done = session.get(Setting, SEALED_SETTING) is not None
        empty = session.scalar(select(IssuedLetter.id).limit(1)) is None
    if done or empty:  # a register without letters has nothing to seal (and stays unwritten)
        return
    with database.transaction() as session:
        sealed = seal_stored_letters(session, vault)
        if sealed:
            session.add(AuditEntry(at=clock(), username="sistem", action="letters_pii_sealed",
                                   entity="register", entity_id=None, details={"letters": sealed}))  # fmt: skip
    if sealed:  # the old plaintext pages leave the write-ahead log as well
        raw = database.engine.raw_connection()  # outside any transaction: a checkpoint cannot run in one
        try:
            raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # type: ignore[union-attr]
        finally:
            raw.close()


@dataclass
class DeskServices:
    ctx: DeskContext
    office: OfficeService
    users: UserService
    calendar: CalendarService
    register: RegisterService
    query: RegisterQuery
    clock_check: ClockCheck
    migration_backup: Path | None = field(default=None)
    holds_lock: bool = field(default=False)

    @cached_property
    def actions(self) -> RequestActions:
        """The request's later steps (complete, respond, extend, close...): not what an intake needs."""
        from app.services.request_actions import RequestActions

        return RequestActions(self.ctx, self.register)

    @cached_property
    def objections(self) -> ObjectionService:
        from app.services.objections import ObjectionService

        return ObjectionService(self.ctx)

    @cached_property
    def audit_log(self) -> AuditLogService:
        from app.services.audit_log import AuditLogService

        return AuditLogService(self.ctx)

    @cached_property
    def backup(self) -> BackupService:
        from app.services.backup import BackupService

        return BackupService(self.ctx)

    @cached_property
    def dashboard(self) -> DashboardService:
        from app.services.dashboard import DashboardService

        return DashboardService(self.ctx, self.calendar, self.query, self.objections)

    @cached_property
    def export(self) -> ExportService:
        from app.services.export import ExportService

        return ExportService(self.ctx, self.query)

    @cached_property
    def information_lists(self) -> InformationListService:
        """The DIK (with its SK and uji konsekuensi) and the DIP (tersedia setiap saat)."""
        from app.services.information_lists import InformationListService

        return InformationListService(self.ctx)

    @cached_property
    def letters(self) -> LetterService:
        from app.services.letters import LetterService

        return LetterService(self.ctx)

    @cached_property
    def letter_agenda(self) -> LetterAgenda:
        from app.services.letter_agenda import LetterAgenda

        return LetterAgenda(self.ctx)

    @cached_property
    def reports(self) -> ReportService:
        from app.services.reports import ReportService

        return ReportService(self.ctx)

    @cached_property
    def city_reports(self) -> CityReportService:
        """The city-wide report (PPID Utama's desk): every office's figures and desks."""
        from app.services.city_report import CityReportService

        return CityReportService(self.ctx, self.routing)

    @cached_property
    def sync(self) -> SyncService:
        """Enrolment, sync rounds and their status; first touched off the GUI thread (httpx, keyring)."""
        from app.services.sync import SyncService

        return SyncService(self.ctx)

    def sync_snapshot(self) -> SyncSnapshot:
        """What ``sync.snapshot()`` reads (last successful sync, operations waiting, conflicts, last failure),
        without building ``sync``: the status bar shows it from the first second, before the engine's imports."""
        from app.services.sync_status import read_snapshot

        return read_snapshot(self.ctx.db)

    @cached_property
    def sync_conflicts(self) -> SyncConflictService:
        from app.services.sync_conflicts import SyncConflictService

        return SyncConflictService(self.ctx)

    @cached_property
    def routing(self) -> RoutingService:
        from app.services.routing import RoutingService

        return RoutingService(self.ctx, self.register)

    @classmethod
    def open(
        cls, data_dir: Path, *, clock: Clock = system_now, writer: str | None = None, wait: float = 0.0
    ) -> DeskServices:
        """Open the register of ``data_dir``. ``writer`` (who, for the lock file) takes the folder's writer lock
        (app/services/writer_lock.py) for as long as the services stay open: the workstation and every writing
        command pass it, reading commands do not. A register on a read-only disk opens read-only (``ctx.db.
        read_only``; every write is refused with ``RegisterUnwritable``) and takes no lock: nobody can write it."""
        read_only = read_only_reason(db_path(data_dir))
        locks = writer is not None and read_only is None
        if locks:
            private_dir(data_dir)
            writer_lock.acquire(data_dir, str(writer), wait=wait)
        try:
            desk = cls._open(data_dir, clock, read_only)
        except BaseException:
            if locks:
                writer_lock.release(data_dir)
            raise
        desk.holds_lock = locks
        if locks:
            _clear_killed_copies(data_dir)
        return desk

    @classmethod
    def _open(cls, data_dir: Path, clock: Clock, read_only: str | None) -> DeskServices:
        path = db_path(data_dir)
        if not read_only:
            private_dir(data_dir)
            private_file(path)
            tighten(Path(f"{path}-wal"), Path(f"{path}-shm"), data_dir / "keys", backups_dir(data_dir))
        refuse_newer(path)  # before the engine below writes anything to the file
        database = Database(path, read_only=read_only)
        try:
            if read_only:
                if current_revision(database.engine) != HEAD_REVISION:
                    raise RegisterUnwritable(
                        read_only + " Register ini perlu dimigrasi ke versi ini, dan itu menulis."
                    )
                saved = None
            else:
                saved = upgrade(database.engine, path, backup_dir=backups_dir(data_dir))
            vault = open_vault(database, data_dir)
            if not read_only:  # sealing writes; a read-only register keeps them until it is writable again
                seal_letters_once(database, vault, clock)
        except (
            BaseException
        ):  # refused (a newer register, no key for its NIKs) or failed: no connection left open
            database.dispose()
            raise
        ctx = DeskContext(db=database, data_dir=data_dir, vault=vault, clock=clock)
        holiday_cache.load(data_dir)
        register = RegisterService(ctx)
        query = RegisterQuery(ctx)
        return cls(
            ctx=ctx,
            office=OfficeService(ctx),
            users=UserService(ctx),
            calendar=CalendarService(ctx),
            register=register,
            query=query,
            clock_check=ClockCheck(ctx),
            migration_backup=saved,
        )

    @property
    def read_only(self) -> str | None:
        """Why the register can only be read (its disk is full or read-only), or None: the GUI says so."""
        return self.ctx.db.read_only

    def close(self) -> None:
        holiday_cache.save(self.ctx.data_dir)
        self.ctx.db.dispose()
        if self.holds_lock:
            self.holds_lock = False
            writer_lock.release(self.ctx.data_dir)
