"""One upload policy: every file uploaded anywhere (admin documents and images, e-mailed
originals, session papers, later contributions) passes `validate_upload`, images
`validate_image_upload`.

A file is accepted when its extension is on the list below, its first bytes are what that
extension promises (a renamed page or program is refused), and it is no larger than the
`UPLOAD_MAX_SIZE` setting, read at each upload so that one setting decides everywhere.
"""

import os
import zipfile
import zlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from wagtail.documents import get_document_model
from wagtail.models import Collection

from network_pages.core.roles import INTRANET_COLLECTION

HEAD_SIZE = 4096  # enough for every signature below and for a text file's opening
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy Office files and Outlook messages
OPENDOCUMENT = "application/vnd.oasis.opendocument."
# Office Open XML: the part every file of that kind has, besides [Content_Types].xml.
OFFICE_OPEN_XML = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
OPEN_DOCUMENT = {
    "odt": OPENDOCUMENT + "text",
    "ods": OPENDOCUMENT + "spreadsheet",
    "odp": OPENDOCUMENT + "presentation",
}
SIGNATURES = {
    "pdf": b"%PDF-",
    "rtf": b"{\\rtf",
    "doc": OLE2,
    "xls": OLE2,
    "ppt": OLE2,
    "msg": OLE2,
    "png": b"\x89PNG\r\n\x1a\n",
    "jpg": b"\xff\xd8\xff",
    "jpeg": b"\xff\xd8\xff",
}
TEXT = ("txt", "csv", "eml")
IMAGE_EXTENSIONS = ["png", "jpg", "jpeg", "webp"]
DOCUMENT_EXTENSIONS = [
    *("pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "rtf"),
    *TEXT,
    "msg",
]
ACCEPTED_EXTENSIONS = DOCUMENT_EXTENSIONS + IMAGE_EXTENSIONS

TYPE_REFUSED = _(
    "“%(name)s” is not an accepted file type. Accepted: PDF, Word, Excel, PowerPoint, "
    "OpenDocument, RTF, text, CSV, e-mail (.eml, .msg), PNG, JPEG, WebP."
)
IMAGE_TYPE_REFUSED = _("“%(name)s” is not an accepted image type. Accepted: PNG, JPEG, WebP.")
TOO_LARGE = _("“%(name)s” is %(size)s; files may be at most %(limit)s.")
CONTENT_MISMATCH = _("The content of “%(name)s” does not match its extension.")


def validate_upload(file):
    """Refuse, with a message in the user's language, a file that is not one of the accepted
    documents or images, whose content is not what its extension says, or that is too large."""
    _validate(file, ACCEPTED_EXTENSIONS, TYPE_REFUSED)


def validate_image_upload(file):
    """`validate_upload`, for PNG, JPEG and WebP images only."""
    _validate(file, IMAGE_EXTENSIONS, IMAGE_TYPE_REFUSED)


def _validate(file, extensions, type_refused):
    name = os.path.basename(file.name or "")
    extension = os.path.splitext(name)[1].lower().lstrip(".")
    if extension not in extensions:
        raise ValidationError(type_refused, code="file_type", params={"name": name})
    limit = settings.UPLOAD_MAX_SIZE
    if file.size > limit:
        raise ValidationError(
            TOO_LARGE,
            code="file_too_large",
            params={
                "name": name,
                "size": filesizeformat(file.size),
                "limit": filesizeformat(limit),
            },
        )
    if not _content_matches(file, extension):
        raise ValidationError(CONTENT_MISMATCH, code="file_content", params={"name": name})


def _content_matches(file, extension):
    file.seek(0)
    try:
        head = file.read(HEAD_SIZE)
        if extension in SIGNATURES:
            return head.startswith(SIGNATURES[extension])
        if extension == "webp":
            return head[:4] == b"RIFF" and head[8:12] == b"WEBP"
        if extension in TEXT:
            return _is_plain_text(head)
        return _zip_matches(file, extension)
    finally:
        file.seek(0)


def _is_plain_text(head):
    """Text in any 8-bit encoding (no NUL byte), that does not open like markup: a page or an
    image written as text (HTML, SVG, XML) starts with `<` and a letter, `!`, `?` or `/`, and a
    browser guessing its type would run it."""
    if b"\x00" in head:
        return False
    opening = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    after = opening[1:2]
    return not (opening[:1] == b"<" and after and (after.isalpha() or after in b"!?/"))


def _zip_matches(file, extension):
    """An Office Open XML or OpenDocument file: a ZIP archive holding the parts of its kind."""
    try:
        with zipfile.ZipFile(file) as archive:
            entries = archive.infolist()
            if extension in OFFICE_OPEN_XML:
                names = {entry.filename for entry in entries}
                prefix = OFFICE_OPEN_XML[extension]
                return "[Content_Types].xml" in names and any(n.startswith(prefix) for n in names)
            first = entries[0] if entries else None
            if first is None or first.filename != "mimetype" or first.file_size > 100:
                return False
            return archive.read(first).decode("ascii") == OPEN_DOCUMENT[extension]
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError, zlib.error):
        return False


def store_document(upload, *, owner, by):
    """Keep an upload that passed the policy as a document of the intranet collection owned by
    `owner`: whoever may see the owner may fetch it, and nobody else (files.models)."""
    document = get_document_model()(
        title=upload.name,
        collection=Collection.objects.get(name=INTRANET_COLLECTION, depth=2),
        uploaded_by_user=by,
    )
    document.attach_to(owner)
    document.file.save(upload.name, upload, save=False)
    document.save()
    return document
