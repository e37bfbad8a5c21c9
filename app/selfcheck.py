"""``ppid-desk --self-check``: can this installation do its work on this PC?

Why: a desk PC gets the program as a bundle (build_spec/ppid_desk.spec) in which anything PyInstaller did not
see is simply missing, and then it fails in front of a citizen: a migration script, a template, a holiday
table, a Qt plug-in. The self-check exercises each of those once, in a scratch folder that is deleted
afterwards (the desk's own data folder is never opened), and names every failure. It also reports what the
officer's support person asks first: the keyring backend, the Qt platform and the printers.

Each check is a function ``check(scratch) -> detail`` that raises on failure; one failing check never stops
the others. The Qt part lives in ``ui/selfcheck.py`` (this package never imports Qt) and is found by name, as
the workstation itself is (app/cli/main.py).
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from app import __version__

CheckFn = Callable[[Path], str]


class CheckFailed(Exception):
    """A check's finding (Indonesian), as opposed to an unexpected error, which is reported with its type."""


class CheckWarning(Exception):
    """Works, but the officer should know (e.g. no keyring: the desk works, sync cannot store its token)."""


@dataclass(frozen=True)
class CheckResult:
    name: str
    ok: bool
    detail: str
    seconds: float
    warning: bool = False

    @property
    def label(self) -> str:
        return "GAGAL" if not self.ok else "PERINGATAN" if self.warning else "OK"

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "ok": self.ok,
            "warning": self.warning,
            "detail": self.detail,
            "seconds": round(self.seconds, 3),
        }


@dataclass(frozen=True)
class SelfCheckReport:
    version: str
    frozen: bool
    items: list[CheckResult]

    @property
    def ok(self) -> bool:
        return all(item.ok for item in self.items)

    @property
    def problems(self) -> list[CheckResult]:
        return [item for item in self.items if not item.ok]

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "frozen": self.frozen,
            "ok": self.ok,
            "checks": [item.to_dict() for item in self.items],
        }


def is_frozen() -> bool:
    """True inside the PyInstaller bundle."""
    return bool(getattr(sys, "frozen", False))


def run_one(name: str, check: CheckFn, scratch: Path) -> CheckResult:
    started = time.perf_counter()
    try:
        detail = check(scratch)
        ok, warning = True, False
    except CheckWarning as found:
        detail, ok, warning = str(found), True, True
    except CheckFailed as found:
        detail, ok, warning = str(found), False, False
    except Exception as error:  # noqa: BLE001 - any error is a finding to report, never a crash of the check
        detail, ok, warning = f"{type(error).__name__}: {error}", False, False
    return CheckResult(name, ok, detail, time.perf_counter() - started, warning)


# --- the checks ---------------------------------------------------------------------------------------------


def check_register(scratch: Path) -> str:
    """A new register in the scratch folder, migrated to the head revision the way every start does it."""
    from app.services.desk import DeskServices
    from app.services.integrity import check_register as integrity
    from db.migrate import HEAD_REVISION

    folder = scratch / "register"
    desk = DeskServices.open(folder)
    desk.close()
    report = integrity(folder)
    if not report.ok:
        raise CheckFailed("; ".join(f"{item.name}: {item.detail}" for item in report.problems))
    return f"register sementara dibuat dan dimigrasikan ke revisi {HEAD_REVISION}; pemeriksaan register sehat"


def check_security(scratch: Path) -> str:
    """argon2 (passwords) and Fernet (NIK at rest): both are compiled extensions a bundle can miss."""
    from argon2 import PasswordHasher
    from cryptography.fernet import Fernet

    from app.services.pii import PiiVault

    hasher = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1)
    if not hasher.verify(hasher.hash("uji-mandiri"), "uji-mandiri"):
        raise CheckFailed("argon2 tidak dapat memeriksa kata sandi")
    vault = PiiVault(Fernet.generate_key())
    if vault.decrypt(vault.encrypt("3673011506850001")) != "3673011506850001":
        raise CheckFailed("enkripsi NIK tidak kembali utuh")
    return "argon2id (kata sandi) dan Fernet (NIK) berfungsi"


def check_identity(scratch: Path) -> str:
    """The wilayah table (NIK regions) and the phone-number metadata, both loaded from data files."""
    from app.domain.identity import normalize_phone, parse_nik

    phone = normalize_phone("0812-3456-7890")
    if phone != "+6281234567890":
        raise CheckFailed(f"nomor telepon dibaca sebagai {phone}")
    info = parse_nik("3673011506850001", today=date(2026, 1, 1))
    if not info.province or not info.regency:
        raise CheckFailed(
            "tabel wilayah (resources/data/wilayah.csv) tidak terbaca: wilayah NIK tidak dikenal"
        )
    return f"nomor telepon dan NIK terbaca (wilayah {info.regency}, {info.province})"


def check_holidays(scratch: Path) -> str:
    """Indonesia's calendar from the ``holidays`` library (countries load by name) with Indonesian names."""
    import holidays

    from app.services import clock
    from app.services.holiday_cache import library_release

    year = clock.system_now().year  # the desk's clock (no register is open here to hold another)
    days = holidays.country_holidays("ID", years=year, language="id")
    names = [str(name) for name in days.values()]
    if len(names) < 10:
        raise CheckFailed(f"hanya {len(names)} hari libur nasional {year} ditemukan")
    if not any("Kemerdekaan" in name for name in names):
        raise CheckFailed("nama hari libur tidak berbahasa Indonesia (katalog bahasa 'id' hilang)")
    release = library_release()
    if release is None:
        raise CheckFailed(
            "versi pustaka holidays tidak terbaca (metadata hilang): cache kalender tidak dipakai"
        )
    return f"holidays {release}: {len(names)} hari libur nasional {year}, nama berbahasa Indonesia"


def check_templates(scratch: Path) -> str:
    from app.documents.templates import KINDS, load_template

    problems = []
    for kind in KINDS:
        _template, warnings = load_template(kind, None)
        problems += [f"{kind}: {warning}" for warning in warnings]
    if problems:
        raise CheckFailed("; ".join(problems))
    return f"{len(KINDS)} templat bawaan terbaca"


def check_documents(scratch: Path) -> str:
    """Every document kind on every paper it can be printed on, rendered to a complete PDF."""
    import reportlab.lib.rl_accel

    from app.documents import DOCUMENT_KINDS, PAPERS, render
    from app.documents.samples import sample, samples_of
    from app.documents.snapshot import AgendaSnapshot, RegisterSnapshot

    rendered, problems = 0, []
    for kind in DOCUMENT_KINDS:
        for variant in samples_of(kind):
            for paper in PAPERS[kind]:
                snapshot = sample(variant)
                try:
                    if isinstance(snapshot, RegisterSnapshot | AgendaSnapshot):  # paper in the snapshot
                        pdf = render(replace(snapshot, paper=paper))
                    else:
                        pdf = render(snapshot, paper)
                except Exception as error:  # noqa: BLE001 - name the kind and paper, then go on
                    problems.append(f"{variant} ({paper}): {type(error).__name__}: {error}")
                    continue
                if not pdf.startswith(b"%PDF-") or b"%%EOF" not in pdf[-64:]:
                    problems.append(f"{variant} ({paper}): PDF tidak utuh")
                    continue
                rendered += 1
    if reportlab.lib.rl_accel.fp_str.__module__ != "_rl_accel":
        problems.append("akselerator reportlab (rl-accel) tidak termuat")
    if problems:
        raise CheckFailed("; ".join(problems))
    return f"{len(DOCUMENT_KINDS)} jenis dokumen, {rendered} kombinasi jenis/kertas menjadi PDF utuh"


#: The keyring backend this platform's desks use, and the modules it needs (a bundle must contain them).
NATIVE_KEYRING: dict[str, tuple[str, ...]] = {
    "linux": ("keyring.backends.SecretService", "secretstorage", "jeepney"),
    "win32": ("keyring.backends.Windows", "win32ctypes.pywin32.win32cred"),
    "darwin": ("keyring.backends.macOS",),
}


def check_keyring(scratch: Path) -> str:
    """The backend the sync token would be stored in; missing backend modules are a failure, an unusable
    backend (a PC without a secret service) is a warning: the desk works, sync cannot enrol."""
    import keyring

    from app.sync.secrets import SecretStoreUnavailable, TokenStore

    missing = []
    for module in NATIVE_KEYRING.get(sys.platform, ()):
        try:
            importlib.import_module(module)
        except ImportError as error:
            missing.append(f"{module} ({error})")
    if missing:
        raise CheckFailed("modul keyring tidak ada: " + ", ".join(missing))
    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    try:
        TokenStore().backend()
    except SecretStoreUnavailable:
        raise CheckWarning(
            f"{name}: tidak dapat menyimpan token sinkronisasi dengan aman (register tetap berfungsi)"
        ) from None
    return name


APP_CHECKS: list[tuple[str, CheckFn]] = [
    ("register", check_register),
    ("keamanan", check_security),
    ("identitas", check_identity),
    ("hari_libur", check_holidays),
    ("templat", check_templates),
    ("dokumen", check_documents),
    ("keyring", check_keyring),
]


def frontend_checks() -> list[tuple[str, CheckFn]]:
    """The Qt checks of ``ui.selfcheck`` (platform, dialog, fonts, translations, PDF preview, printers)."""
    try:
        found = importlib.util.find_spec("ui.selfcheck") is not None
    except ModuleNotFoundError:
        found = False
    if not found:

        def missing(scratch: Path) -> str:
            raise CheckFailed("antarmuka desktop (paket ui) tidak terpasang")

        return [("antarmuka", missing)]
    checks: list[tuple[str, CheckFn]] = importlib.import_module("ui.selfcheck").CHECKS
    return checks


def self_check(
    checks: Sequence[tuple[str, CheckFn]] | None = None,
    on_result: Callable[[CheckResult], None] | None = None,
) -> SelfCheckReport:
    """Run ``checks`` (default: the Qt checks first, then the rest) in a scratch folder deleted afterwards."""
    chosen = list(checks) if checks is not None else [*frontend_checks(), *APP_CHECKS]
    results = []
    with tempfile.TemporaryDirectory(prefix="ppid-desk-selfcheck-", ignore_cleanup_errors=True) as tmp:
        for name, check in chosen:
            result = run_one(name, check, Path(tmp))
            results.append(result)
            if on_result is not None:
                on_result(result)
    return SelfCheckReport(__version__, is_frozen(), results)


def render_line(result: CheckResult) -> str:
    return f"  [{result.label}] {result.name}: {result.detail} ({result.seconds:.2f} dtk)"


def summary(report: SelfCheckReport) -> str:
    if report.ok:
        return "Semua pemeriksaan lulus."
    return f"{len(report.problems)} pemeriksaan gagal: " + ", ".join(item.name for item in report.problems)
