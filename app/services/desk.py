"""The composition root: open a data folder, migrate its register, and wire every service.

The GUI, the CLI and the tests all start here, so they run exactly the same code paths. The services every
screen needs are built at once; the rest (backup, export, letters, reports, sync, conflict review, routing) are built
on first use, so their imports (reportlab, pydantic, httpx, the sync protocol) are not paid by every start of
the workstation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select, text

from app.paths import backups_dir, db_path
from app.services import holiday_cache
from app.services.calendar import CalendarService
from app.services.clock import Clock, system_now
from app.services.clock_check import ClockCheck
from app.services.context import DeskContext
from app.services.objections import ObjectionService
from app.services.office import OfficeService
from app.services.pii import PiiVault, key_path, wrong_key_error
from app.services.register import RegisterService
from app.services.register_query import RegisterQuery
from app.services.request_actions import RequestActions
from app.services.users import UserService
from db.engine import Database
from db.migrate import refuse_newer, upgrade
from db.models import Office, Requester
from db.private import private_dir, private_file, tighten

if TYPE_CHECKING:
    from app.services.backup import BackupService
    from app.services.dashboard import DashboardService
    from app.services.export import ExportService
    from app.services.letters import LetterService
    from app.services.reports import ReportService
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


@dataclass
class DeskServices:
    ctx: DeskContext
    office: OfficeService
    users: UserService
    calendar: CalendarService
    register: RegisterService
    actions: RequestActions
    query: RegisterQuery
    objections: ObjectionService
    clock_check: ClockCheck
    migration_backup: Path | None = field(default=None)

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
    def letters(self) -> LetterService:
        from app.services.letters import LetterService

        return LetterService(self.ctx)

    @cached_property
    def reports(self) -> ReportService:
        from app.services.reports import ReportService

        return ReportService(self.ctx)

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
    def open(cls, data_dir: Path, *, clock: Clock = system_now) -> DeskServices:
        private_dir(data_dir)
        path = private_file(db_path(data_dir))
        tighten(Path(f"{path}-wal"), Path(f"{path}-shm"), data_dir / "keys", backups_dir(data_dir))
        refuse_newer(path)  # before the engine below writes anything to the file
        database = Database(path)
        try:
            saved = upgrade(database.engine, path, backup_dir=backups_dir(data_dir))
            vault = open_vault(database, data_dir)
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
            actions=RequestActions(ctx, register),
            query=query,
            objections=ObjectionService(ctx),
            clock_check=ClockCheck(ctx),
            migration_backup=saved,
        )

    def close(self) -> None:
        holiday_cache.save(self.ctx.data_dir)
        self.ctx.db.dispose()
