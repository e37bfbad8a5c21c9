"""``ppid-desk --self-check [--json]``: the installation's self-check (app/selfcheck.py) on the command line.

A top-level option rather than a command: it checks the program, not a data folder, and it must answer the
same way whether the desk was set up or not. Each check's line is printed as soon as it is done, so a support
person sees where a hanging check stopped. Exit 0 when every check passed (warnings included), else 1.
"""

from __future__ import annotations

from app.cli.common import Cli

SELF_CHECK_HELP = (
    "periksa instalasi ini (register sementara, semua jenis dokumen, terjemahan, keyring, platform Qt, "
    "printer) lalu keluar; status 1 bila ada yang gagal"
)


def run(cli: Cli) -> int:
    from app import __version__
    from app.selfcheck import CheckResult, is_frozen, render_line, self_check, summary

    if cli.as_json:
        report = self_check()
        cli.emit(report)
    else:
        kind = "bundel" if is_frozen() else "instalasi Python"
        cli.out(f"Pemeriksaan mandiri PPID Desk {__version__} ({kind}):")

        def show(result: CheckResult) -> None:
            cli.out(render_line(result))

        report = self_check(on_result=show)
        cli.out(summary(report))
    if not report.ok:
        cli.err("Pemeriksaan mandiri gagal: " + "; ".join(f"{i.name}: {i.detail}" for i in report.problems))
    return 0 if report.ok else 1
