"""One register, one writer (app/services/writer_lock.py): a second writer is told where the register is open;
a lock left by a dead process is taken over; readers and the same process are not held up."""

from __future__ import annotations

import json
import os
import signal
import socket
import threading
from pathlib import Path

import pytest

from app.services import writer_lock
from app.services.desk import DeskServices
from app.services.writer_lock import LOCK_NAME, WORKSTATION, RegisterInUse, read_holder
from tests.lock_holder import dead_pid, holding

pytestmark = pytest.mark.slow  # a real second process holds the lock


def test_a_second_writer_is_told_which_computer_and_process_has_the_register(desk: DeskServices) -> None:
    data_dir = desk.ctx.data_dir
    with holding(data_dir, WORKSTATION) as child:
        with pytest.raises(RegisterInUse) as refused:
            DeskServices.open(data_dir, writer="perintah 'ppid-desk request add'", wait=5)
        message = str(refused.value)
        assert f"PID {child.pid}" in message and socket.gethostname() in message
        assert "aplikasi PPID Desk" in message and "tutup aplikasi itu" in message
        # Reading needs no lock: the register opens beside the workstation.
        reader = DeskServices.open(data_dir)
        try:
            assert reader.office.is_initialized()
        finally:
            reader.close()
    opened = DeskServices.open(data_dir, writer="perintah 'ppid-desk request add'")
    try:
        assert read_holder(data_dir) is not None and read_holder(data_dir).pid == os.getpid()  # type: ignore[union-attr]
    finally:
        opened.close()
    assert (data_dir / LOCK_NAME).read_text() == ""  # released: no stale name left behind


def test_a_lock_left_by_a_killed_process_is_taken_over(desk: DeskServices) -> None:
    data_dir = desk.ctx.data_dir
    with holding(data_dir, WORKSTATION) as child:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(10)
        stale = json.loads((data_dir / LOCK_NAME).read_text())
        assert stale["pid"] == child.pid  # the file still names the dead holder
        opened = DeskServices.open(data_dir, writer=WORKSTATION)
        try:
            assert read_holder(data_dir).pid == os.getpid()  # type: ignore[union-attr]
        finally:
            opened.close()


def test_a_command_waits_for_another_command_but_not_for_the_workstation(desk: DeskServices) -> None:
    data_dir = desk.ctx.data_dir
    with holding(data_dir, "perintah 'ppid-desk request add'") as child:
        threading.Timer(0.5, lambda: (child.stdin.write("\n"), child.stdin.flush())).start()  # type: ignore[union-attr]
        writer_lock.acquire(data_dir, "perintah 'ppid-desk request act'", wait=10)
        writer_lock.release(data_dir)
    with holding(data_dir, WORKSTATION), pytest.raises(RegisterInUse):
        writer_lock.acquire(data_dir, "perintah 'ppid-desk request act'", wait=10)  # refused at once


def test_the_lock_is_shared_within_one_process_and_released_by_the_last_holder(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    writer_lock.acquire(folder, WORKSTATION)
    writer_lock.acquire(folder, WORKSTATION)
    writer_lock.release(folder)
    assert writer_lock.held_here(folder)
    writer_lock.release(folder)
    assert not writer_lock.held_here(folder)


def test_a_writer_opening_the_register_clears_copies_left_by_killed_processes(desk: DeskServices) -> None:
    data_dir = desk.ctx.data_dir
    backups = data_dir / "backups"
    backups.mkdir(exist_ok=True)
    gone = dead_pid()
    dead = backups / f"ppid-desk-20260316-100000.sqlite3.{gone}.part"
    alive = backups / f"ppid-desk-20260316-100001.sqlite3.{os.getpid()}.part"  # a backup being written now
    staged = data_dir / f"register.sqlite3.restore.{gone}.part"
    for path in (dead, alive, staged):
        path.write_bytes(b"setengah salinan")
    opened = DeskServices.open(data_dir, writer=WORKSTATION)
    opened.close()
    assert not dead.exists() and not staged.exists() and alive.exists()
