"""Hand a PDF to a CUPS queue as it is (``lp``), instead of painting a picture of every page through Qt.

Why: every CUPS queue accepts ``application/pdf`` and converts it for its printer itself (``pdftopdf`` and the
driver's filters), so the desk's PDF (text, vector lines, embedded fonts) can be queued unchanged. Painting the
pages through ``QPrinter`` instead means one 300-dpi image per page: the 184-page register made a 115.6 MB spool
file and took 78 s to queue; handed over as a PDF it is the PDF's own size and queued in well under a second
(``bench/print_spool_bench.py``).

The ``media`` option names the document's paper (``ui/printing/paper.py``): without it CUPS would fit the pages
onto the queue's default paper, shrinking an F4 letter onto A4. Used wherever ``lp`` and ``lpstat`` exist
(Linux, macOS) and the queue is a CUPS destination; on Windows the print service keeps Qt's path.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

JOB_ID = re.compile(r"request id is (\S+)")
POLL_SECONDS = 0.1


class QueueError(Exception):
    """``lp`` refused the job; ``str()`` is what it said."""


class QueueCancelled(Exception):
    """The officer cancelled before the job reached the queue."""


@dataclass(frozen=True)
class CupsQueue:
    """The CUPS command-line clients; ``lp`` and ``lpstat`` paths, ``cancel`` if present."""

    lp: str
    lpstat: str
    cancel: str | None = None

    def accepts(self, name: str) -> bool:
        """Whether ``name`` is a CUPS destination that is accepting jobs (``lpstat -a``)."""
        try:
            done = subprocess.run(
                [self.lpstat, "-a", name], capture_output=True, text=True, timeout=10, env=_c_locale()
            )
        except (OSError, subprocess.TimeoutExpired):
            return False
        return done.returncode == 0 and "not accepting" not in done.stdout

    def submit(
        self,
        pdf: bytes,
        name: str,
        *,
        title: str,
        copies: int,
        media: str,
        cancelled: threading.Event | None = None,
        hold: bool = False,
    ) -> str:
        """Queue ``pdf`` on ``name``; returns the CUPS job id (``PDF-12``). The bytes go through a private
        temporary file (``lp`` reads it directly, no pipe to keep fed) that is removed afterwards. ``hold``
        keeps the job waiting in the queue until released (``lp -i <id> -H resume``) or withdrawn."""
        handle, tmp = tempfile.mkstemp(prefix="ppid-cetak-", suffix=".pdf")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(pdf)
            command = [self.lp, "-d", name, "-t", title, "-n", str(max(1, copies)), "-o", f"media={media}"]
            if copies > 1:
                command += ["-o", "collate=true"]
            if hold:
                command += ["-H", "hold"]
            process = subprocess.Popen(
                [*command, "--", tmp],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=_c_locale(),
            )
            while True:
                try:
                    out_text, err_text = process.communicate(timeout=POLL_SECONDS)
                    break
                except subprocess.TimeoutExpired:
                    if cancelled is not None and cancelled.is_set():
                        process.kill()
                        process.communicate()
                        raise QueueCancelled() from None
        finally:
            Path(tmp).unlink(missing_ok=True)
        found = JOB_ID.search(out_text)
        if process.returncode != 0 or found is None:
            raise QueueError((err_text or out_text).strip() or f"lp exit {process.returncode}")
        job = found.group(1)
        if cancelled is not None and cancelled.is_set():  # cancelled while lp was finishing: take it back
            self.withdraw(job)
            raise QueueCancelled()
        return job

    def withdraw(self, job: str) -> bool:
        """Cancel a queued job (``cancel PDF-12``); ``False`` when it had already gone to the printer."""
        if self.cancel is None:
            return False
        try:
            done = subprocess.run([self.cancel, job], capture_output=True, timeout=10, env=_c_locale())
        except (OSError, subprocess.TimeoutExpired):
            return False
        return done.returncode == 0


def _c_locale() -> dict[str, str]:
    """English messages from the CUPS clients, so ``request id is`` can be read back."""
    return {**os.environ, "LC_ALL": "C", "LANG": "C"}


def cups_queue() -> CupsQueue | None:
    """The CUPS clients of this PC, or ``None`` (Windows, or a Linux PC without CUPS)."""
    lp, lpstat = shutil.which("lp"), shutil.which("lpstat")
    if lp is None or lpstat is None:
        return None
    return CupsQueue(lp, lpstat, shutil.which("cancel"))
