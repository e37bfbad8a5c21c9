"""The floor under the start-up targets of issue 16 (item 12): what no command and no start of the workstation can
go below while the register is read through SQLAlchemy's ORM (the design's data layer) and a person signs in
with argon2id (docs/security.md).

``FLOOR_CHILD`` starts Python, imports ``sqlalchemy.orm`` and ``db.models`` with the mapper configuration, opens
the register (``db.engine.Database``) with one ORM query for the admin's password hash and verifies it once with
``argon2.PasswordHasher`` (the hash's own parameters), with the collector paused as a command pauses it. Nothing
of the CLI, the services, the intake rules or Qt. bench/command_phases.py times its phases (``--command floor``);
bench/startup_bench.py runs it whole beside ``request add`` and, after a bare window, beside everything back to
back, so each target is printed next to the floor under it.
"""

from __future__ import annotations

START = """
import time
first = time.process_time()
import json, sys
marks = [("python", first)]
def mark(name):
    marks.append((name, time.process_time()))
try:
    from app.cli import collector
    collector.pause()
except ImportError:
    collector = None
"""
"""Every phase-timed child: its CPU clock from the first line, ``mark`` after each phase, the collector paused as
``app/__main__.py`` pauses it for a command (when the tree has that module)."""

FLOOR_CHILD = (
    START
    + """
import sqlalchemy
mark("sqlalchemy")
import sqlalchemy.orm
mark("sqlalchemy.orm")
import db.models
sqlalchemy.orm.configure_mappers()
mark("models")
from pathlib import Path
from app.paths import db_path
from db.engine import Database
database = Database(db_path(Path(sys.argv[1])))
with database.reader() as session:
    stored = session.scalar(sqlalchemy.select(db.models.User.password_hash).where(db.models.User.username == "admin"))
if collector is not None:
    collector.resume()
mark("open")
from argon2 import PasswordHasher
PasswordHasher().verify(stored, sys.argv[2])
mark("sign in")
database.dispose()
print(json.dumps(marks))
"""
)
