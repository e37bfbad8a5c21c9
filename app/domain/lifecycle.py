"""The legal lifecycle of a request and of a keberatan, as data.

``REQUEST_LIFECYCLE`` and ``OBJECTION_LIFECYCLE`` (``app.domain.state_machine.Lifecycle``) are the single place
that says which action is allowed in which state, who may take it, which deadline runs and which letter an
action issues, so the services, the CLI and the UI (which shows only the available actions) can never
disagree. ``ALLOWED``, ``check_allowed`` and the other names below are read from those two tables. Labels are
Indonesian because they are shown to officers and printed; the workstation shows them in its interface's language
(marked for translation under the context ``Terms``, ``ui/kit/terms.py``).
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from app.domain.permissions import Permission
from app.domain.state_machine import Lifecycle, Transition
from app.domain.state_machine import Refusal as Refusal  # re-exported: check_allowed returns it
from app.domain.translatable import QT_TRANSLATE_NOOP


class Status(StrEnum):
    VERIFICATION = "verifikasi"  # received, completeness not yet decided (3 HK)
    INCOMPLETE = "tidak_lengkap"  # surat keterangan tidak lengkap issued; requester has 3 HK
    IN_PROCESS = "diproses"  # complete: the 10-working-day clock runs
    EXTENDED = "diperpanjang"  # +7 working days, once
    ANSWERED = "dijawab"  # pemberitahuan tertulis sent (diterima / sebagian / tidak dikuasai / belum didokumentasikan)
    REJECTED = "ditolak"  # SK penolakan (Pasal 17)
    FORWARDED = "diteruskan"  # forwarded to another badan publik
    DELIVERED = "diserahkan"  # information handed over (berita acara)
    CLOSED = "selesai"
    NOT_PROCESSABLE = "tidak_dapat_diproses"  # requester did not complete within 3 HK
    VOID = "batal"


COST_MAX = 100_000_000
PROVISION_DAYS_MAX = 365
"""The largest value of each cost of a response (pages, rupiah) and of its days of provision: one bound for the
respond dialog's fields (ui/request/actions.py), the service and so the CLI. Why bounds at all: a total of
10**40 rupiah was recorded from the command line, and every letter that prints it then failed. (A docstring,
not a ``#:`` comment: pyside6-lupdate would give that to the next translated text as a note.)"""

STATUS_LABELS: dict[Status, str] = {
    Status.VERIFICATION: QT_TRANSLATE_NOOP("Terms", "Menunggu verifikasi kelengkapan"),
    Status.INCOMPLETE: QT_TRANSLATE_NOOP("Terms", "Tidak lengkap (menunggu pemohon)"),
    Status.IN_PROCESS: QT_TRANSLATE_NOOP("Terms", "Diproses"),
    Status.EXTENDED: QT_TRANSLATE_NOOP("Terms", "Diperpanjang"),
    Status.ANSWERED: QT_TRANSLATE_NOOP("Terms", "Pemberitahuan tertulis dikirim"),
    Status.REJECTED: QT_TRANSLATE_NOOP("Terms", "Ditolak"),
    Status.FORWARDED: QT_TRANSLATE_NOOP("Terms", "Diteruskan ke badan publik lain"),
    Status.DELIVERED: QT_TRANSLATE_NOOP("Terms", "Informasi diserahkan"),
    Status.CLOSED: QT_TRANSLATE_NOOP("Terms", "Selesai"),
    Status.NOT_PROCESSABLE: QT_TRANSLATE_NOOP("Terms", "Tidak dapat diproses"),
    Status.VOID: QT_TRANSLATE_NOOP("Terms", "Batal"),
}

#: States in which the response clock is running (used for "overdue").
OPEN_STATUSES = frozenset({Status.VERIFICATION, Status.INCOMPLETE, Status.IN_PROCESS, Status.EXTENDED})
FINAL_STATUSES = frozenset({Status.CLOSED, Status.NOT_PROCESSABLE, Status.VOID})


class Action(StrEnum):
    RECEIVE = "receive"
    COMPLETE = "complete"
    INCOMPLETE = "incomplete"
    EXTEND = "extend"
    RESPOND = "respond"
    REJECT = "reject"
    FORWARD = "forward"
    DELIVER = "deliver"
    CLOSE = "close"
    VOID = "void"
    CORRECT = "correct"


ACTION_LABELS: dict[Action, str] = {
    Action.RECEIVE: QT_TRANSLATE_NOOP("Terms", "Permohonan diterima"),
    Action.COMPLETE: QT_TRANSLATE_NOOP("Terms", "Dinyatakan lengkap"),
    Action.INCOMPLETE: QT_TRANSLATE_NOOP("Terms", "Dinyatakan tidak lengkap"),
    Action.EXTEND: QT_TRANSLATE_NOOP("Terms", "Perpanjangan waktu"),
    Action.RESPOND: QT_TRANSLATE_NOOP("Terms", "Pemberitahuan tertulis"),
    Action.REJECT: QT_TRANSLATE_NOOP("Terms", "Penolakan (Pasal 17)"),
    Action.FORWARD: QT_TRANSLATE_NOOP("Terms", "Diteruskan ke badan publik lain"),
    Action.DELIVER: QT_TRANSLATE_NOOP("Terms", "Penyerahan informasi"),
    Action.CLOSE: QT_TRANSLATE_NOOP("Terms", "Ditutup"),
    Action.VOID: QT_TRANSLATE_NOOP("Terms", "Dibatalkan"),
    Action.CORRECT: QT_TRANSLATE_NOOP("Terms", "Koreksi data"),
}

#: What an action's button says: a command, where the timeline's label above names what happened
#: ("Dibatalkan" on the timeline, *Batalkan* on the button).
ACTION_BUTTON_LABELS: dict[Action, str] = {
    **ACTION_LABELS,
    Action.CLOSE: QT_TRANSLATE_NOOP("Terms", "Tutup"),
    Action.VOID: QT_TRANSLATE_NOOP("Terms", "Batalkan"),
}


class Decision(StrEnum):
    GRANTED = "diterima"
    PARTIAL = "diterima_sebagian"
    NOT_HELD = "tidak_dikuasai"
    NOT_DOCUMENTED = "belum_didokumentasikan"
    REJECTED = "ditolak"


DECISION_LABELS: dict[Decision, str] = {
    Decision.GRANTED: QT_TRANSLATE_NOOP("Terms", "Diterima"),
    Decision.PARTIAL: QT_TRANSLATE_NOOP("Terms", "Diterima sebagian"),
    Decision.NOT_HELD: QT_TRANSLATE_NOOP("Terms", "Informasi tidak dikuasai"),
    Decision.NOT_DOCUMENTED: QT_TRANSLATE_NOOP("Terms", "Informasi belum didokumentasikan"),
    Decision.REJECTED: QT_TRANSLATE_NOOP("Terms", "Ditolak"),
}

#: Decisions after which information is handed over (berita acara) before closing.
DELIVERABLE_DECISIONS = frozenset({Decision.GRANTED, Decision.PARTIAL})

EXTENSION_REASONS: dict[str, str] = {
    "belum_dikuasai": QT_TRANSLATE_NOOP("Terms", "Informasi yang diminta belum dikuasai"),
    "belum_didokumentasikan": QT_TRANSLATE_NOOP("Terms", "Informasi yang diminta belum didokumentasikan"),
    "belum_diputuskan": QT_TRANSLATE_NOOP(
        "Terms", "Belum dapat diputuskan apakah informasi termasuk yang dikecualikan"
    ),
}

#: UU 14/2008 Pasal 17 huruf a–j.
PASAL_17: dict[str, str] = {
    "a": "menghambat proses penegakan hukum",
    "b": "mengganggu kepentingan perlindungan hak atas kekayaan intelektual dan persaingan usaha tidak sehat",
    "c": "membahayakan pertahanan dan keamanan negara",
    "d": "mengungkapkan kekayaan alam Indonesia",
    "e": "merugikan ketahanan ekonomi nasional",
    "f": "merugikan kepentingan hubungan luar negeri",
    "g": "mengungkapkan isi akta otentik yang bersifat pribadi dan kemauan terakhir ataupun wasiat seseorang",
    "h": "mengungkap rahasia pribadi",
    "i": "memorandum atau surat-surat antar/intra badan publik yang menurut sifatnya dirahasiakan",
    "j": "informasi yang tidak boleh diungkapkan berdasarkan undang-undang",
}

CHANNELS: dict[str, str] = {
    "datang_langsung": QT_TRANSLATE_NOOP("Terms", "Datang langsung"),
    "surat": QT_TRANSLATE_NOOP("Terms", "Surat / pos"),
    "email": QT_TRANSLATE_NOOP("Terms", "Email"),
    "telepon": QT_TRANSLATE_NOOP("Terms", "Telepon"),
    "website": QT_TRANSLATE_NOOP("Terms", "Website / aplikasi"),
    "whatsapp": QT_TRANSLATE_NOOP("Terms", "WhatsApp"),
    "lainnya": QT_TRANSLATE_NOOP("Terms", "Lainnya"),
}

OBTAIN_METHODS: dict[str, str] = {
    "melihat": QT_TRANSLATE_NOOP("Terms", "Melihat / membaca / mendengarkan / mencatat"),
    "salinan_hardcopy": QT_TRANSLATE_NOOP("Terms", "Mendapatkan salinan (hardcopy)"),
    "salinan_softcopy": QT_TRANSLATE_NOOP("Terms", "Mendapatkan salinan (softcopy)"),
}

DELIVERY_METHODS: dict[str, str] = {
    "mengambil_langsung": QT_TRANSLATE_NOOP("Terms", "Mengambil langsung"),
    "kurir": QT_TRANSLATE_NOOP("Terms", "Kurir"),
    "pos": QT_TRANSLATE_NOOP("Terms", "Pos"),
    "faksimili": QT_TRANSLATE_NOOP("Terms", "Faksimili"),
    "email": QT_TRANSLATE_NOOP("Terms", "Email"),
    "whatsapp": QT_TRANSLATE_NOOP("Terms", "WhatsApp"),
}

INFO_FORMS: dict[str, str] = {
    "softcopy": QT_TRANSLATE_NOOP("Terms", "Softcopy"),
    "hardcopy": QT_TRANSLATE_NOOP("Terms", "Hardcopy"),
}


# --- Keberatan (objections) -------------------------------------------------------------------------------


class ObjectionStatus(StrEnum):
    REGISTERED = "terdaftar"  # registered, with the Atasan PPID (30 HK)
    DECIDED = "diputus"  # Atasan PPID's decision recorded
    DISPUTED = "sengketa"  # sengketa filed at the Komisi Informasi
    CLOSED = "selesai"
    VOID = "batal"


OBJECTION_STATUS_LABELS: dict[ObjectionStatus, str] = {
    ObjectionStatus.REGISTERED: QT_TRANSLATE_NOOP("Terms", "Terdaftar (menunggu tanggapan Atasan PPID)"),
    ObjectionStatus.DECIDED: QT_TRANSLATE_NOOP("Terms", "Sudah ditanggapi Atasan PPID"),
    ObjectionStatus.DISPUTED: QT_TRANSLATE_NOOP("Terms", "Sengketa di Komisi Informasi"),
    ObjectionStatus.CLOSED: QT_TRANSLATE_NOOP("Terms", "Selesai"),
    ObjectionStatus.VOID: QT_TRANSLATE_NOOP("Terms", "Batal"),
}


class ObjectionAction(StrEnum):
    DECIDE = "decide"
    REQUESTER_RESPONSE = "requester_response"
    DISPUTE = "dispute"
    DISPUTE_OUTCOME = "dispute_outcome"
    CLOSE = "close"
    VOID = "void"


OBJECTION_ACTION_LABELS: dict[ObjectionAction, str] = {
    ObjectionAction.DECIDE: QT_TRANSLATE_NOOP("Terms", "Keputusan Atasan PPID"),
    ObjectionAction.REQUESTER_RESPONSE: QT_TRANSLATE_NOOP("Terms", "Tanggapan pemohon"),
    ObjectionAction.DISPUTE: QT_TRANSLATE_NOOP("Terms", "Sengketa diajukan ke Komisi Informasi"),
    ObjectionAction.DISPUTE_OUTCOME: QT_TRANSLATE_NOOP("Terms", "Putusan / hasil sengketa"),
    ObjectionAction.CLOSE: QT_TRANSLATE_NOOP("Terms", "Ditutup"),
    ObjectionAction.VOID: QT_TRANSLATE_NOOP("Terms", "Dibatalkan"),
}

#: What a keberatan action's button says (a command; see ``ACTION_BUTTON_LABELS``).
OBJECTION_ACTION_BUTTON_LABELS: dict[ObjectionAction, str] = {
    **OBJECTION_ACTION_LABELS,
    ObjectionAction.CLOSE: QT_TRANSLATE_NOOP("Terms", "Tutup"),
    ObjectionAction.VOID: QT_TRANSLATE_NOOP("Terms", "Batalkan"),
}

#: UU 14/2008 Pasal 35 ayat (1) huruf a–g.
OBJECTION_GROUNDS: dict[str, str] = {
    "a": "Penolakan atas permintaan informasi berdasarkan alasan pengecualian (Pasal 17)",
    "b": "Tidak disediakannya informasi berkala (Pasal 9)",
    "c": "Tidak ditanggapinya permintaan informasi",
    "d": "Permintaan informasi ditanggapi tidak sebagaimana yang diminta",
    "e": "Tidak dipenuhinya permintaan informasi",
    "f": "Pengenaan biaya yang tidak wajar",
    "g": "Penyampaian informasi yang melebihi waktu yang diatur",
}

OBJECTION_DECISIONS: dict[str, str] = {
    "dikabulkan": QT_TRANSLATE_NOOP("Terms", "Keberatan dikabulkan"),
    "dikabulkan_sebagian": QT_TRANSLATE_NOOP("Terms", "Keberatan dikabulkan sebagian"),
    "ditolak": QT_TRANSLATE_NOOP("Terms", "Keberatan ditolak (menguatkan keputusan PPID)"),
}

DISPUTE_OUTCOMES: dict[str, str] = {
    "mediasi_berhasil": QT_TRANSLATE_NOOP("Terms", "Mediasi berhasil"),
    "dikabulkan": QT_TRANSLATE_NOOP("Terms", "Putusan: permohonan dikabulkan"),
    "dikabulkan_sebagian": QT_TRANSLATE_NOOP("Terms", "Putusan: dikabulkan sebagian"),
    "ditolak": QT_TRANSLATE_NOOP("Terms", "Putusan: permohonan ditolak"),
    "dicabut": QT_TRANSLATE_NOOP("Terms", "Dicabut oleh pemohon"),
    "gugur": QT_TRANSLATE_NOOP("Terms", "Gugur"),
}


_ANY_LIVE = frozenset(Status) - {Status.VOID}

REQUEST_LIFECYCLE: Lifecycle[Status, Action] = Lifecycle(
    states=Status,
    state_labels=STATUS_LABELS,
    transitions={
        Action.COMPLETE: Transition(
            ACTION_LABELS[Action.COMPLETE], frozenset({Status.VERIFICATION, Status.INCOMPLETE})
        ),
        Action.INCOMPLETE: Transition(
            ACTION_LABELS[Action.INCOMPLETE], frozenset({Status.VERIFICATION}), letter="incomplete"
        ),
        Action.EXTEND: Transition(
            ACTION_LABELS[Action.EXTEND], frozenset({Status.IN_PROCESS}), letter="extension"
        ),
        Action.RESPOND: Transition(
            ACTION_LABELS[Action.RESPOND], frozenset({Status.IN_PROCESS, Status.EXTENDED}), letter="notice"
        ),
        Action.REJECT: Transition(
            ACTION_LABELS[Action.REJECT], frozenset({Status.IN_PROCESS, Status.EXTENDED}), letter="rejection"
        ),
        Action.FORWARD: Transition(
            ACTION_LABELS[Action.FORWARD],
            frozenset({Status.VERIFICATION, Status.IN_PROCESS, Status.EXTENDED}),
            letter="forward",
        ),
        Action.DELIVER: Transition(
            ACTION_LABELS[Action.DELIVER], frozenset({Status.ANSWERED}), letter="handover"
        ),
        Action.CLOSE: Transition(
            ACTION_LABELS[Action.CLOSE],
            frozenset(
                {Status.INCOMPLETE, Status.ANSWERED, Status.REJECTED, Status.FORWARDED, Status.DELIVERED}
            ),
        ),
        Action.VOID: Transition(ACTION_LABELS[Action.VOID], _ANY_LIVE, Permission.VOID),
        Action.CORRECT: Transition(ACTION_LABELS[Action.CORRECT], _ANY_LIVE, Permission.CORRECT),
    },
    void_state=Status.VOID,
    void_refusal="Permohonan ini sudah dibatalkan; tidak ada tindakan lain yang dapat dicatat.",
    intake=Action.RECEIVE,
    intake_refusal="Permohonan ini sudah terdaftar.",
    clocks={
        Status.VERIFICATION: ("completeness",),
        Status.INCOMPLETE: ("completion",),
        Status.IN_PROCESS: ("extended", "response"),
        Status.EXTENDED: ("extended", "response"),
    },
    intake_letters=("receipt", "form"),
    file_letters=("dossier",),
)

OBJECTION_LIFECYCLE: Lifecycle[ObjectionStatus, ObjectionAction] = Lifecycle(
    states=ObjectionStatus,
    state_labels=OBJECTION_STATUS_LABELS,
    transitions={
        ObjectionAction.DECIDE: Transition(
            OBJECTION_ACTION_LABELS[ObjectionAction.DECIDE], frozenset({ObjectionStatus.REGISTERED})
        ),
        ObjectionAction.REQUESTER_RESPONSE: Transition(
            OBJECTION_ACTION_LABELS[ObjectionAction.REQUESTER_RESPONSE], frozenset({ObjectionStatus.DECIDED})
        ),
        # A sengketa may follow the Atasan's answer or the lapse of the 30-day window without one.
        ObjectionAction.DISPUTE: Transition(
            OBJECTION_ACTION_LABELS[ObjectionAction.DISPUTE],
            frozenset({ObjectionStatus.REGISTERED, ObjectionStatus.DECIDED}),
        ),
        ObjectionAction.DISPUTE_OUTCOME: Transition(
            OBJECTION_ACTION_LABELS[ObjectionAction.DISPUTE_OUTCOME], frozenset({ObjectionStatus.DISPUTED})
        ),
        ObjectionAction.CLOSE: Transition(
            OBJECTION_ACTION_LABELS[ObjectionAction.CLOSE], frozenset({ObjectionStatus.DECIDED})
        ),
        ObjectionAction.VOID: Transition(
            OBJECTION_ACTION_LABELS[ObjectionAction.VOID],
            frozenset(ObjectionStatus) - {ObjectionStatus.VOID},
            Permission.VOID,
        ),
    },
    void_state=ObjectionStatus.VOID,
    void_refusal="Keberatan ini sudah dibatalkan.",
    clocks={ObjectionStatus.REGISTERED: ("response",)},
    intake_letters=("objection",),
)

# --- the same tables under the names the rest of the desk reads -------------------------------------------

ALLOWED: dict[Action, frozenset[Status]] = {a: t.allowed_in for a, t in REQUEST_LIFECYCLE.transitions.items()}
OBJECTION_ALLOWED: dict[ObjectionAction, frozenset[ObjectionStatus]] = {
    a: t.allowed_in for a, t in OBJECTION_LIFECYCLE.transitions.items()
}


def check_allowed(action: Action, status: Status) -> Refusal | None:
    """None when ``action`` is allowed in ``status``; otherwise the reason it is refused."""
    return REQUEST_LIFECYCLE.refusal(action, status)


def allowed_actions(status: Status) -> list[Action]:
    """The actions a request in ``status`` allows (time-dependent refusals are checked later)."""
    return REQUEST_LIFECYCLE.allowed(status)


def check_objection_allowed(action: ObjectionAction, status: ObjectionStatus) -> Refusal | None:
    """None when allowed; otherwise the Indonesian reason."""
    return OBJECTION_LIFECYCLE.refusal(action, status)


def allowed_objection_actions(status: ObjectionStatus) -> list[ObjectionAction]:
    return OBJECTION_LIFECYCLE.allowed(status)


def issued_request_actions(record: Any) -> list[Action]:
    """The letter-issuing actions a request (a ``RequestView`` or a row) has the facts of: intake can leave a
    request incomplete without the action, and a void or a correction leaves the facts of earlier steps in
    place, so the facts decide, not the timeline."""
    facts = {
        Action.INCOMPLETE: bool(record.missing_items) or record.status == Status.INCOMPLETE,
        Action.EXTEND: bool(record.extension_reason),
        Action.RESPOND: record.decision is not None and record.decision != Decision.REJECTED,
        Action.REJECT: record.decision == Decision.REJECTED,
        Action.FORWARD: bool(record.forwarded_to),
        Action.DELIVER: bool(record.delivered_at),
    }
    return [action for action, present in facts.items() if present]


def request_deadline_in_force(status: Status, deadlines: Mapping[str, Any]) -> str | None:
    """The deadline kind a request in ``status`` runs against (the register's "due" column)."""
    return REQUEST_LIFECYCLE.deadline_in_force(status, deadlines)


def closing_status(status: Status) -> Status:
    """What closing a request in ``status`` leaves: "tidak dapat diproses" when the requester never completed
    it within the window, otherwise "selesai"."""
    return Status.NOT_PROCESSABLE if status == Status.INCOMPLETE else Status.CLOSED
