"""The audit log, read-only, for supervisors and administrators."""
