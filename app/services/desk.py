"""The composition root: open a data folder, migrate its register, and wire every service.

The GUI, the CLI and the tests all start here, so they run exactly the same code paths.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app.paths import backups_dir, db_path
from app.services import holiday_cache
from app.services.backup import BackupService
from app.services.calendar import CalendarService
from app.services.clock import Clock, system_now
from app.services.clock_check import ClockCheck
from app.services.context import DeskContext
from app.services.export import ExportService
from app.services.letters import LetterService
from app.services.objections import ObjectionService
from app.services.office import OfficeService
from app.services.pii import PiiVault
from app.services.register import RegisterService
from app.services.register_query import RegisterQuery
from app.services.request_actions import RequestActions
from app.services.routing import RoutingService
from app.services.sync_conflicts import SyncConflictService
from app.services.users import UserService
from db.engine import Database
from db.migrate import upgrade


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
    backup: BackupService
    export: ExportService
    letters: LetterService
    sync_conflicts: SyncConflictService
    routing: RoutingService
    migration_backup: Path | None = field(default=None)

    @classmethod
    def open(cls, data_dir: Path, *, clock: Clock = system_now) -> DeskServices:
        data_dir.mkdir(parents=True, exist_ok=True)
        path = db_path(data_dir)
        database = Database(path)
        saved = upgrade(database.engine, path, backup_dir=backups_dir(data_dir))
        ctx = DeskContext(db=database, data_dir=data_dir, vault=PiiVault.open(data_dir / "keys"), clock=clock)
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
            backup=BackupService(ctx),
            export=ExportService(ctx, query),
            letters=LetterService(ctx),
            sync_conflicts=SyncConflictService(ctx),
            routing=RoutingService(ctx, register),
            migration_backup=saved,
        )

    def close(self) -> None:
        holiday_cache.save(self.ctx.data_dir)
        self.ctx.db.dispose()
