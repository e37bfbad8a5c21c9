"""Real print jobs to a CUPS PDF queue (cups-pdf): the PDF itself is queued, on the document's own paper.

Skipped, with the reason, where CUPS or the queue is missing. Set one up (Debian, as root)::

    apt-get install -y cups printer-driver-cups-pdf && /usr/sbin/cupsd
    lpadmin -p PDF -v cups-pdf:/ -E -m lsb/usr/cups-pdf/CUPS-PDF_opt.ppd

``PPID_TEST_CUPS_QUEUE`` names another cups-pdf queue. cups-pdf writes each job to ``~/PDF/<title>-job_<n>.pdf``
of the user who printed: the home the system knows for that user (``pwd``), not the session's stand-in home
(tests/home_isolation.py); the test removes the file once read.
"""

from __future__ import annotations

import io
import os
import pwd
import time
from pathlib import Path

import pypdf
import pytest

from app.services.context import Actor
from app.services.desk import DeskServices
from app.services.letters import LetterService
from ui.printing import printer_settings
from ui.printing.paper import MM
from ui.printing.print_service import PrintResult, PrintService
from ui.printing.spool import cups_queue

QUEUE = os.environ.get("PPID_TEST_CUPS_QUEUE", "PDF")

pytestmark = pytest.mark.slow


@pytest.fixture
def cups():
    queue = cups_queue()
    if queue is None:
        pytest.skip("CUPS tidak terpasang (lp/lpstat tidak ada): uji cetak ke antrean nyata dilewati")
    if not queue.accepts(QUEUE):
        pytest.skip(
            f"antrean CUPS '{QUEUE}' tidak ada atau tidak menerima pekerjaan (lihat docstring modul ini)"
        )
    return queue


def _printed(job: str, timeout: float = 180) -> Path:
    number = job.rsplit("-", 1)[1]
    deadline = time.monotonic() + timeout
    output = Path(pwd.getpwuid(os.getuid()).pw_dir) / "PDF"  # where cups-pdf writes, whatever HOME says
    while time.monotonic() < deadline:
        found = sorted(output.glob(f"*job_{number}.pdf"))
        if found and found[0].stat().st_size > 0:
            time.sleep(0.5)  # cups-pdf may still be writing
            return found[0]
        time.sleep(0.2)
    pytest.skip(
        f"antrean '{QUEUE}' tidak menulis ~/PDF/*job_{number}.pdf dalam {timeout:.0f} s "
        "(antrean sibuk dengan pekerjaan lain, atau bukan antrean cups-pdf)"
    )


def test_an_f4_register_is_queued_as_the_pdf_itself_on_f4(
    qapp, desk: DeskServices, officer: Actor, received: str, clock, cups, pdf_text
) -> None:
    day = clock.now.date()
    register, _ = LetterService(desk.ctx).register_pdf(officer, day, day, paper="F4")
    service = PrintService(
        desk.ctx.data_dir, lambda: printer_settings.load(desk.office), background=False, queue=cups
    )
    results: list[PrintResult] = []
    service.print_pdf(register, "register", str(day), results.append, pytest.fail, printer_name=QUEUE)
    [result] = results
    assert result.queue_job is not None and result.queue_job.startswith(f"{QUEUE}-")
    out = _printed(result.queue_job)
    printed_pdf = out.read_bytes()
    out.unlink()  # the printer's output lands in the user's real home: leave nothing there
    page = pypdf.PdfReader(io.BytesIO(printed_pdf)).pages[0]
    width, height = sorted((float(page.mediabox.width) / MM, float(page.mediabox.height) / MM))
    assert (round(width), round(height)) == (215, 330)  # F4, not the queue's default A4
    printed = pdf_text(printed_pdf)  # text, not a picture of it
    assert "REGISTER PERMOHONAN INFORMASI PUBLIK" in printed and "Halaman 1 dari 1" in printed


def test_a_queued_job_can_be_withdrawn(qapp, desk: DeskServices, officer: Actor, received: str, cups) -> None:
    """Held in the queue (as a job waiting behind others would be), the job is cancelled by its id."""
    pdf = LetterService(desk.ctx).issue(officer, "form", received).pdf
    job = cups.submit(pdf, QUEUE, title="uji batal", copies=1, media="A4", hold=True)
    assert cups.withdraw(job)
    assert not cups.withdraw(job)  # gone: nothing left to cancel
