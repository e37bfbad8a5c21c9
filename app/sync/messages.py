"""Plain-language reasons for sync failures, by error code, in one place.

Why one table: the status bar, the Sinkronisasi page, the enrollment tab and ``ppid-desk sync`` must tell an
officer the same thing for the same failure, in words that say what happened and what to do, never a code or a
traceback. Codes come from the desk client (``app/sync/client.py``: ``network``, ``timeout``, ``tls`` …), the
engine (``not_enrolled``, ``keyring_unavailable``, ``office_mismatch``) and the city server's error answers
(``device_revoked``, ``client_too_old``, ``enroll_code_*`` …; docs/sync-protocol.md).

The texts are Indonesian source strings marked with ``QT_TRANSLATE_NOOP`` (a no-op here, so this module stays
Qt-free): ``tools/i18n.py`` feeds this file to lupdate, the UI translates with
``QCoreApplication.translate(CONTEXT, text)``, the CLI prints them as they are.
"""

from __future__ import annotations

from dataclasses import dataclass

CONTEXT = "SyncMessages"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks ``text`` for translation under ``context`` and returns it unchanged."""
    return text


@dataclass(frozen=True)
class Reason:
    """``summary`` fits the status bar; ``remedy`` says what to do. ``kind`` groups codes for tests/logic."""

    kind: str
    summary: str
    remedy: str


_AGAIN = QT_TRANSLATE_NOOP(
    "SyncMessages", "Dicoba lagi otomatis; data yang belum terkirim tetap aman di meja ini."
)
_RE_ENROLL = QT_TRANSLATE_NOOP(
    "SyncMessages",
    "Minta kode pendaftaran baru ke admin kota, lalu administrator kantor mendaftarkan ulang meja ini di "
    "Pengaturan › Sinkronisasi.",
)
_NEW_CODE = QT_TRANSLATE_NOOP(
    "SyncMessages", "Minta kode pendaftaran baru ke admin kota (kode berlaku sekali dan 24 jam)."
)

NETWORK = Reason(
    "network",
    QT_TRANSLATE_NOOP("SyncMessages", "Tidak ada jaringan atau server kota tidak terjangkau"),
    QT_TRANSLATE_NOOP(
        "SyncMessages",
        "Periksa sambungan internet komputer ini. Data yang belum terkirim tetap aman di meja ini dan "
        "dikirim otomatis begitu tersambung.",
    ),
)
KEYRING_REMEDY = QT_TRANSLATE_NOOP(
    "SyncMessages",
    "Token perangkat disimpan di penyimpanan rahasia sistem, tidak pernah dalam berkas biasa. Di "
    "Windows/macOS pastikan layanan kredensial berjalan; di Linux pasang dan jalankan Secret Service (mis. "
    "gnome-keyring) atau pilih backend lewat variabel PYTHON_KEYRING_BACKEND.",
)

REASONS: dict[str, Reason] = {
    "network": NETWORK,
    "timeout": Reason(
        "network",
        QT_TRANSLATE_NOOP(
            "SyncMessages", "Server kota tidak menjawab tepat waktu (jaringan lambat atau putus)"
        ),
        _AGAIN,
    ),
    "not_ppid_server": Reason(
        "network",
        QT_TRANSLATE_NOOP("SyncMessages", "Jaringan ini meminta login dulu (Wi-Fi umum?)"),
        QT_TRANSLATE_NOOP("SyncMessages", "Buka peramban, selesaikan login jaringan, lalu sinkronkan lagi."),
    ),
    "tls": Reason(
        "tls",
        QT_TRANSLATE_NOOP("SyncMessages", "Sertifikat server kota tidak dapat diverifikasi"),
        QT_TRANSLATE_NOOP(
            "SyncMessages",
            "Periksa alamat server. Bila kota memakai CA sendiri, minta berkas sertifikat CA ke admin kota dan "
            "daftarkan ulang meja dengan berkas itu.",
        ),
    ),
    "tls_clock": Reason(
        "clock",
        QT_TRANSLATE_NOOP("SyncMessages", "Jam komputer ini salah, sertifikat server ditolak"),
        QT_TRANSLATE_NOOP("SyncMessages", "Betulkan tanggal dan jam komputer, lalu sinkronkan lagi."),
    ),
    "auth_invalid": Reason(
        "token",
        QT_TRANSLATE_NOOP("SyncMessages", "Token perangkat tidak berlaku lagi"),
        _RE_ENROLL,
    ),
    "auth_missing": Reason(
        "token",
        QT_TRANSLATE_NOOP("SyncMessages", "Token perangkat tidak ditemukan"),
        _RE_ENROLL,
    ),
    "device_revoked": Reason(
        "token",
        QT_TRANSLATE_NOOP("SyncMessages", "Token perangkat dicabut oleh admin kota"),
        QT_TRANSLATE_NOOP(
            "SyncMessages",
            "Hubungi PPID Utama kota. Bila meja ini boleh bergabung lagi, minta kode pendaftaran baru dan "
            "daftarkan ulang di Pengaturan › Sinkronisasi.",
        ),
    ),
    "client_too_old": Reason(
        "update",
        QT_TRANSLATE_NOOP("SyncMessages", "Versi aplikasi terlalu lama: perbarui aplikasi"),
        QT_TRANSLATE_NOOP(
            "SyncMessages",
            "Pasang versi PPID Desk terbaru. Operasi yang menunggu tetap tersimpan dan dikirim setelah "
            "aplikasi diperbarui.",
        ),
    ),
    "not_enrolled": Reason(
        "enroll",
        QT_TRANSLATE_NOOP("SyncMessages", "Belum terdaftar ke server kota"),
        QT_TRANSLATE_NOOP(
            "SyncMessages",
            "Administrator kantor mendaftarkan meja ini di Pengaturan › Sinkronisasi dengan kode sekali "
            "pakai dari admin kota. Sampai itu, semua data tetap tersimpan di meja ini.",
        ),
    ),
    "keyring_unavailable": Reason(
        "keyring",
        QT_TRANSLATE_NOOP("SyncMessages", "Penyimpanan rahasia sistem (keyring) tidak tersedia"),
        KEYRING_REMEDY,
    ),
    "forbidden_scope": Reason(
        "refused",
        QT_TRANSLATE_NOOP("SyncMessages", "Server menolak kiriman: ada data milik kantor lain"),
        QT_TRANSLATE_NOOP(
            "SyncMessages",
            "Tidak ada yang diterapkan di server. Hubungi admin kota dengan waktu kejadian ini.",
        ),
    ),
    "insecure_url": Reason(
        "address",
        QT_TRANSLATE_NOOP("SyncMessages", "Alamat server harus memakai https://"),
        QT_TRANSLATE_NOOP(
            "SyncMessages", "http:// hanya boleh untuk server di komputer ini sendiri (localhost)."
        ),
    ),
    "enroll_code_invalid": Reason(
        "code",
        QT_TRANSLATE_NOOP("SyncMessages", "Kode pendaftaran tidak dikenal"),
        QT_TRANSLATE_NOOP(
            "SyncMessages",
            "Periksa ketikan kode (spasi, tanda hubung dan huruf besar/kecil tidak berpengaruh).",
        ),
    ),
    "enroll_code_used": Reason(
        "code", QT_TRANSLATE_NOOP("SyncMessages", "Kode pendaftaran sudah dipakai"), _NEW_CODE
    ),
    "enroll_code_expired": Reason(
        "code", QT_TRANSLATE_NOOP("SyncMessages", "Kode pendaftaran sudah kedaluwarsa"), _NEW_CODE
    ),
    "office_mismatch": Reason(
        "code",
        QT_TRANSLATE_NOOP("SyncMessages", "Kode pendaftaran ini untuk kantor lain"),
        QT_TRANSLATE_NOOP("SyncMessages", "Minta ke admin kota kode untuk kantor meja ini."),
    ),
    "letters_exhausted": Reason(
        "refused",
        QT_TRANSLATE_NOOP("SyncMessages", "Huruf meja untuk kantor ini sudah habis"),
        QT_TRANSLATE_NOOP("SyncMessages", "Hubungi admin kota."),
    ),
    "internal": Reason(
        "internal",
        QT_TRANSLATE_NOOP("SyncMessages", "Kesalahan internal sinkronisasi"),
        QT_TRANSLATE_NOOP(
            "SyncMessages",
            "Dicoba lagi otomatis. Bila terus terjadi, berikan berkas di folder logs pada folder data kepada "
            "administrator.",
        ),
    ),
}

_SERVER_TROUBLE = Reason(
    "server",
    QT_TRANSLATE_NOOP("SyncMessages", "Server kota sedang bermasalah"),
    QT_TRANSLATE_NOOP("SyncMessages", "Dicoba lagi otomatis. Bila berlangsung lama, beri tahu admin kota."),
)
_DAMAGED = Reason(
    "transfer",
    QT_TRANSLATE_NOOP("SyncMessages", "Kiriman rusak di jalan; tidak ada yang diterapkan"),
    _AGAIN,
)
_MISMATCH = Reason(
    "update",
    QT_TRANSLATE_NOOP("SyncMessages", "Aplikasi dan server kota tidak sepaham"),
    QT_TRANSLATE_NOOP(
        "SyncMessages", "Periksa apakah ada versi PPID Desk yang lebih baru; bila tidak, hubungi admin kota."
    ),
)
#: The server refuses another office's code before spending it (``enroll_office_mismatch``): the same words as
#: the desk's own check, which reads the office from the server's list first.
REASONS["enroll_office_mismatch"] = REASONS["office_mismatch"]
# retryable protocol errors: a damaged or oversized request; the engine re-sends
DAMAGED_CODES = frozenset({
    "body_truncated", "checksum_mismatch", "bad_gzip", "checksum_missing", "device_mismatch", "bad_cursor",
    "bad_bucket", "length_required", "body_too_large", "batch_too_large", "resync_scope", "enroll_busy",
})  # fmt: skip


def reason(code: str | None, message: str | None = None) -> Reason | None:
    """The reason for ``code`` (None when there is no error). An unknown code keeps the server's own
    Indonesian ``message`` as the remedy, so nothing the city said is lost."""
    if not code:
        return None
    if code in REASONS:
        return REASONS[code]
    if code in DAMAGED_CODES:
        return _DAMAGED
    if code.startswith("http_5") or code in ("server_unavailable", "server_busy"):
        return _SERVER_TROUBLE
    if code in ("invalid_body", "bad_response") or code.startswith("http_4"):
        return _MISMATCH
    fallback = QT_TRANSLATE_NOOP("SyncMessages", "Sinkronisasi gagal")
    return Reason("other", fallback, message or _AGAIN)


def plain(code: str | None, message: str | None = None) -> str:
    """``summary. remedy`` in one sentence pair (the CLI's and logs' form)."""
    found = reason(code, message)
    return "" if found is None else f"{found.summary}. {found.remedy}"
