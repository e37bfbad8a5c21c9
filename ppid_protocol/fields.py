"""What the protocol knows about the records it carries: which field names the owning office, which actions
move a record between offices, and which fields are legally significant.

The server's merge (``server/merge.py``) and the desk's conflict review (``app/services/sync_conflict_fields``)
both decide "must a person look at this?" from these tables, so the two sides never disagree about it.
"""

from __future__ import annotations

OFFICE_FIELD = "office_code"
"""The record field naming the owning office. Absent (requesters, calendar entries) = the pushing desk's office."""

ROUTE_ACTIONS = frozenset({"route", "forward_office"})
"""Actions by which a city desk moves a record to another office (only city desks may change ``office_code``)."""

LEGAL_FIELDS: dict[str, frozenset[str]] = {
    # Fields whose silent overwrite would change what the office legally did or owes: status and decisions,
    # frozen due dates, the basis of a rejection, issued numbers and the requester's identity.
    "request": frozenset(
        {
            "number",
            "office_code",
            "desk_letter",
            "year",
            "seq",
            "received_at",
            "channel",
            "requester_id",
            "requester",
            "requester_recorded",
            "status",
            "completed_at",
            "incomplete_notice_at",
            "due_completeness",
            "due_completion",
            "due_response",
            "due_extended",
            "deadlines",
            "extended_at",
            "extension_reason",
            "decision",
            "decided_at",
            "info_held",
            "info_form",
            "costs",
            "rejection_article",
            "rejection_other_basis",
            "consequence_test",
            "forwarded_to",
            "forwarded_at",
            "delivered_at",
            "closed_at",
            "voided_at",
            "void_reason",
        }
    ),
    "objection": frozenset(
        {
            "number",
            "request_id",
            "request_number",
            "office_code",
            "desk_letter",
            "seq",
            "filed_at",
            "grounds",
            "status",
            "deadlines",
            "decision",
            "decision_text",
            "decided_at",
            "atasan_name",
            "dispute_register",
            "dispute_outcome",
            "voided_at",
            "void_reason",
        }
    ),
    "requester": frozenset({"kind", "name", "nik_encrypted", "nik_hash", "nik_masked", "legal_number"}),
    "calendar": frozenset({"day", "kind", "removed_at"}),
    "letter": frozenset(
        {"number", "kind", "issued_at", "snapshot", "voided_at", "void_reason", "office_code"}
    ),
    # What a rejection cites: the SK, its huruf and uji konsekuensi, how long, and whether it still applies.
    "dik": frozenset(
        {"office_code", "article", "consequence_test", "excluded_until", "excluded_period", "sk_number"}
        | {"sk_date", "revoked_at"}
    ),
    "dip": frozenset({"office_code", "revoked_at"}),
}
"""Per entity, the "legally significant" fields: changed on both sides since the desk's base version with
different values, the desk's operation is held as a conflict for a supervisor instead of being applied."""

RECORD_FIELDS: dict[str, tuple[str, ...]] = {
    # The fields of a record's whole state as desks send it (``app/services/sync_state.py``: the register's
    # columns), for the compact wire: a null field of a whole state is left out and put back from this table
    # (``ppid_protocol.delta.strip_nulls`` / ``restore_nulls``). tests/test_protocol_fields.py keeps it equal
    # to the register's columns; a field missing here only travels as it always did (null included).
    "request": (
        "id", "number", "office_code", "desk_letter", "year", "seq", "received_at", "channel", "requester_id",
        "requester_recorded", "proxy", "documents", "information", "purpose", "obtain_method", "delivery_method", "status",
        "completed_at", "missing_items", "incomplete_notice_at", "due_completeness", "due_completion",
        "due_response", "due_extended", "due_current", "deadlines", "extended_at", "extension_reason",
        "extension_note", "decision", "decided_at", "info_held", "holder_body", "info_form", "redaction_reason",
        "costs", "payment_method", "provision_days", "response_note", "rejection_article",
        "rejection_other_basis", "consequence_test", "forwarded_to", "forwarded_at", "delivered_at",
        "delivered_method", "closed_at", "voided_at", "void_reason", "voided_by", "received_by", "version",
        "created_at", "updated_at",
    ),
    "requester": (
        "id", "kind", "name", "nik_masked", "legal_number", "address", "phone", "email", "occupation",
        "version", "created_at", "updated_at",
    ),
    "objection": (
        "id", "number", "request_id", "office_code", "desk_letter", "year", "seq", "filed_at", "grounds",
        "case_summary", "proxy", "status", "due_response", "deadlines", "decision", "decision_text",
        "decided_at", "atasan_name", "atasan_position", "requester_response", "requester_response_at",
        "dispute_filed_at", "dispute_register", "dispute_outcome", "dispute_outcome_text",
        "dispute_decided_at", "closed_at", "voided_at", "void_reason", "received_by", "version", "created_at",
        "updated_at",
    ),
    "calendar": ("id", "day", "kind", "name", "source", "created_by", "created_at", "removed_at", "removed_by"),
}  # fmt: skip
NESTED_RECORDS: dict[str, dict[str, str]] = {"request": {"requester": "requester"}}
"""Records a whole state embeds (field → its entity): a request carries its requester."""

IGNORED_FIELDS = frozenset({"version", "updated_at"})
"""Bookkeeping fields that never count as a change by either side."""


def is_legal_field(entity: str, field: str) -> bool:
    """True when a concurrent change of ``field`` must be reviewed by a person rather than merged."""
    return field in LEGAL_FIELDS.get(entity, frozenset())
