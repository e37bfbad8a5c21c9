"""Files the desk writes where a person said (``--out``, a save dialog's choice): checked before the work, written
whole or not at all, and refused in Indonesian.

Why the place is claimed *before* the work: some work cannot be taken back. ``print notice`` issues a letter (a
number from the year's agenda, a line on the timeline) and only then has a PDF to write; when the PDF could not be
written (a folder that is a file, no permission, a read-only disk) the letter stood issued while the officer held
nothing. ``claimed(out)`` creates the part file first, so a place that cannot take the file is refused while
nothing has happened yet, and renames it over ``out`` only once everything succeeded.

Why messages of our own: Python's ``OSError`` text is English (``[Errno 20] Not a directory: 'x'``) and names
no remedy; ``reason(exc)`` says in Indonesian what is wrong with the place.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterator
from pathlib import Path

from app.errors import ValidationError

#: An ``OSError``'s errno as an officer reads it (what is wrong with the place, not Python's English).
REASONS: dict[int, str] = {
    errno.ENOENT: "folder atau berkas itu tidak ada",
    errno.ENOTDIR: "salah satu bagian jalurnya adalah berkas, bukan folder",
    errno.EISDIR: "itu sebuah folder, bukan berkas",
    errno.EACCES: "tidak ada izin untuk membaca atau menulis di sana",
    errno.EPERM: "tidak ada izin untuk membaca atau menulis di sana",
    errno.EROFS: "disknya hanya-baca",
    errno.ENOSPC: "disknya penuh",
    errno.EDQUOT: "kuota disk pengguna ini habis",
    errno.EEXIST: "sudah ada berkas dengan nama itu",
    errno.ENAMETOOLONG: "namanya terlalu panjang",
    errno.EINVAL: "namanya tidak sah di disk ini",
    errno.EIO: "disknya bermasalah (kesalahan baca/tulis)",
    errno.ELOOP: "jalurnya berputar (tautan simbolik)",
}


def reason(exc: OSError) -> str:
    """Why ``exc`` happened, in Indonesian (a cause not listed: the generic one, never Python's English)."""
    return REASONS.get(exc.errno or 0, "sistem operasi menolaknya")


def check_out(out: Path, *, key: str = "out", create_parent: bool = False) -> Path:
    """Refuse (``ValidationError`` on ``key``, exit 2 in the CLI) a destination that cannot become the file:
    a folder, a parent that is a file or (unless ``create_parent``) does not exist."""
    out = Path(out)
    if out.is_dir():
        raise ValidationError(
            {
                key: f"{out} adalah folder. Sebutkan nama berkasnya, mis. {out / ('hasil' + (out.suffix or ''))}…"
            }
        )
    parent = out.parent
    for folder in (parent, *parent.parents):
        if folder.exists() and not folder.is_dir():
            raise ValidationError(
                {key: f"{folder} adalah berkas, bukan folder. Pilih folder lain untuk {out.name}."}
            )
        if folder.exists():
            break
    if not parent.is_dir():
        if not create_parent:
            raise ValidationError(
                {key: f"Folder {parent} tidak ada. Buat dulu foldernya atau pilih folder lain."}
            )
        try:
            parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ValidationError(
                {key: f"Folder {parent} tidak dapat dibuat: {reason(exc)}. Pilih folder lain."}
            ) from None
    return out


@contextlib.contextmanager
def claimed(out: Path, *, key: str = "out", create_parent: bool = False) -> Iterator[Path]:
    """The part file to write ``out`` through: created before the body runs (a place that cannot take it is
    refused now, before any work), renamed over ``out`` when the body succeeds, removed when it fails."""
    out = check_out(out, key=key, create_parent=create_parent)
    part = out.with_name(f"{out.name}.{os.getpid()}.part")
    try:
        part.open("wb").close()
    except OSError as exc:
        raise ValidationError(
            {
                key: f"Berkas {out} tidak dapat ditulis: {reason(exc)}. Pilih folder lain; tidak ada yang disimpan."
            }
        ) from None
    try:
        yield part
        try:
            os.replace(part, out)
        except OSError as exc:
            raise ValidationError({key: f"Berkas {out} tidak dapat ditulis: {reason(exc)}."}) from None
    finally:
        part.unlink(missing_ok=True)


def write_whole(out: Path, data: bytes, *, key: str = "out", create_parent: bool = False) -> Path:
    """``data`` as the file ``out``, whole or not at all."""
    with claimed(out, key=key, create_parent=create_parent) as part:
        part.write_bytes(data)
    return Path(out)
