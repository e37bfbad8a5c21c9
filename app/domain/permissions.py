"""Who may do what. Enforced in the services (the UI only hides what a role cannot do)."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    OFFICER = "petugas"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


ROLE_LABELS: dict[Role, str] = {
    Role.OFFICER: "Petugas layanan",
    Role.SUPERVISOR: "Supervisor (PPID Pelaksana)",
    Role.ADMIN: "Administrator",
}


class Permission(StrEnum):
    RECORD_REQUEST = "record_request"  # intake and the ordinary lifecycle actions
    VOID = "void"
    CORRECT = "correct"
    VIEW_PERSONAL_DATA = "view_personal_data"  # full NIK
    EXPORT = "export"
    MANAGE_CALENDAR = "manage_calendar"
    RECOMPUTE_DEADLINES = "recompute_deadlines"
    MANAGE_USERS = "manage_users"
    MANAGE_OFFICE = "manage_office"
    BACKUP = "backup"
    RESOLVE_CONFLICTS = "resolve_conflicts"
    REPORTS = "reports"  # the Laporan Layanan Informasi Publik and its narrative
    VIEW_AUDIT_LOG = "view_audit_log"  # read the audit log (who did what, when)
    MANAGE_INFORMATION_LISTS = "manage_information_lists"  # the DIK (with its SK) and the DIP


_OFFICER = {Permission.RECORD_REQUEST}
_SUPERVISOR = _OFFICER | {
    Permission.VOID,
    Permission.CORRECT,
    Permission.VIEW_PERSONAL_DATA,
    Permission.EXPORT,
    Permission.RECOMPUTE_DEADLINES,
    Permission.RESOLVE_CONFLICTS,
    Permission.BACKUP,
    Permission.REPORTS,
    Permission.VIEW_AUDIT_LOG,
    Permission.MANAGE_INFORMATION_LISTS,
}
_ADMIN = _SUPERVISOR | {Permission.MANAGE_CALENDAR, Permission.MANAGE_USERS, Permission.MANAGE_OFFICE}

GRANTS: dict[Role, frozenset[Permission]] = {
    Role.OFFICER: frozenset(_OFFICER),
    Role.SUPERVISOR: frozenset(_SUPERVISOR),
    Role.ADMIN: frozenset(_ADMIN),
}

PERMISSION_LABELS: dict[Permission, str] = {
    Permission.RECORD_REQUEST: "mencatat permohonan",
    Permission.VOID: "membatalkan permohonan",
    Permission.CORRECT: "mengoreksi data",
    Permission.VIEW_PERSONAL_DATA: "melihat data pribadi lengkap",
    Permission.EXPORT: "mengekspor register",
    Permission.MANAGE_CALENDAR: "mengubah kalender hari kerja",
    Permission.RECOMPUTE_DEADLINES: "menghitung ulang tenggat",
    Permission.MANAGE_USERS: "mengelola pengguna",
    Permission.MANAGE_OFFICE: "mengubah profil kantor",
    Permission.BACKUP: "membuat atau memulihkan cadangan",
    Permission.RESOLVE_CONFLICTS: "menyelesaikan konflik sinkronisasi",
    Permission.REPORTS: "menyusun laporan layanan informasi publik",
    Permission.VIEW_AUDIT_LOG: "membaca log audit",
    Permission.MANAGE_INFORMATION_LISTS: "mengubah daftar informasi dikecualikan dan daftar informasi publik",
}


def can(role: Role | str, permission: Permission) -> bool:
    return permission in GRANTS[Role(role)]
