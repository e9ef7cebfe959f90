"""What an uploaded file is, read from its first bytes and, for zip-based documents, its member list.

A name says nothing: an executable renamed minutes.pdf must not be offered for download as a PDF.
No library for this is installed (`filetype` and `puremagic` are not in requirements.txt); the few
types evidence may have are a short table of signatures, checked here.
"""

from __future__ import annotations

import zipfile
from typing import BinaryIO

HEAD_BYTES = 8192

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the container of .doc and .xls (Office 97-2003)
ZIP_STARTS = (b"PK\x03\x04", b"PK\x05\x06")  # a zip with members; an empty zip
# Programs that a type without a signature of its own (.txt) must still not be.
EXECUTABLE_STARTS = (
    b"MZ",  # Windows .exe/.dll
    b"\x7fELF",  # Linux
    b"\xcf\xfa\xed\xfe",  # macOS Mach-O (64-bit)
    b"\xce\xfa\xed\xfe",  # Mach-O (32-bit)
    b"\xca\xfe\xba\xbe",  # Mach-O universal, Java class
    b"#!",  # a script
)

# suffix -> the starts its content may have
SIGNATURES: dict[str, tuple[bytes, ...]] = {
    "pdf": (b"%PDF-",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "gif": (b"GIF87a", b"GIF89a"),
    "doc": (OLE2,),
    "xls": (OLE2,),
    "docx": ZIP_STARTS,
    "xlsx": ZIP_STARTS,
    "odt": ZIP_STARTS,
    "ods": ZIP_STARTS,
    "zip": ZIP_STARTS,
}
# Zip-based documents: the member that makes a zip that document, or the mimetype it declares.
DOCUMENT_MEMBERS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}
OPENDOCUMENT_TYPES = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
}


def content_matches(handle: BinaryIO, suffix: str) -> bool:
    """Whether the content of a seekable binary file is what its suffix says; the position is restored.

    A suffix with no signature in the table (one an administrator added to the allowed list) is
    accepted unless the content is a program.
    """
    suffix = suffix.lower().lstrip(".")
    start = handle.tell()
    try:
        handle.seek(0)
        head = handle.read(HEAD_BYTES)
        if suffix == "webp":
            return head[:4] == b"RIFF" and head[8:12] == b"WEBP"
        if suffix == "txt":
            return _is_text(head)
        if suffix not in SIGNATURES:
            return not head.startswith(EXECUTABLE_STARTS)
        if not head.startswith(SIGNATURES[suffix]):
            return False
        if suffix in DOCUMENT_MEMBERS or suffix in OPENDOCUMENT_TYPES:
            handle.seek(0)
            return _is_document(handle, suffix)
        return True
    finally:
        handle.seek(start)


def _is_text(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with its byte-order mark
        return True
    return b"\x00" not in head and not head.startswith(EXECUTABLE_STARTS)


def _is_document(handle: BinaryIO, suffix: str) -> bool:
    """A zip holding the member a .docx/.xlsx has, or an OpenDocument's declared mimetype."""
    try:
        with zipfile.ZipFile(handle) as archive:
            names = set(archive.namelist())  # the central directory only: nothing is inflated
            if suffix in DOCUMENT_MEMBERS:
                return DOCUMENT_MEMBERS[suffix] in names
            # The mimetype member is stored uncompressed and is a few dozen bytes.
            return (
                "mimetype" in names
                and archive.getinfo("mimetype").file_size < 200
                and (archive.read("mimetype").strip() == OPENDOCUMENT_TYPES[suffix])
            )
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError, NotImplementedError):
        return False
