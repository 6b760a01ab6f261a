"""One upload policy: every upload, in the admin and on the intranet, is refused unless its type
is accepted by extension and by content and its size is within UPLOAD_MAX_SIZE."""

import io
import zipfile

from django.conf import settings as django_settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.users.models import UserProfile

import docx
import openpyxl
import pytest
from PIL import Image as PILImage

from network_pages.files import uploads
from network_pages.information_requests.models import StateResponse
from tests.factories.files import intranet_collection, make_document
from tests.factories.information_requests import make_request

pytestmark = pytest.mark.django_db

HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + bytes(512)


def pdf_bytes():
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), (10, 10, 200)).save(buffer, "PDF")
    return buffer.getvalue()


def image_bytes(kind="PNG"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (16, 8), (200, 10, 10)).save(buffer, kind)
    return buffer.getvalue()


def docx_bytes():
    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("Reception capacity: 120 places.")
    document.save(buffer)
    return buffer.getvalue()


def xlsx_bytes():
    buffer = io.BytesIO()
    workbook = openpyxl.Workbook()
    workbook.active.append(["state", "places"])
    workbook.save(buffer)
    return buffer.getvalue()


def opendocument_bytes(mimetype):
    """An OpenDocument package as LibreOffice writes it: `mimetype` first and stored."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", "<office:document-content/>", zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def zip_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "hello")
    return buffer.getvalue()


OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
ODT = "application/vnd.oasis.opendocument.text"
ODS = "application/vnd.oasis.opendocument.spreadsheet"
CSV = b"state,places\nFrance,120\nAllemagne,98\n"
EML = b"From: office@example.org\r\nSubject: Reply\r\n\r\n<p>120 places</p>\r\n"

ACCEPTED = [
    ("report.pdf", pdf_bytes),
    ("reply.docx", docx_bytes),
    ("figures.xlsx", xlsx_bytes),
    ("reply.odt", lambda: opendocument_bytes(ODT)),
    ("figures.ods", lambda: opendocument_bytes(ODS)),
    ("reply.doc", lambda: OLE2),
    ("message.msg", lambda: OLE2),
    ("reply.rtf", lambda: b"{\\rtf1\\ansi Reply}"),
    ("figures.csv", lambda: CSV),
    ("notes.txt", lambda: "\ufeffRéponse de la France".encode()),
    ("notes.txt", lambda: "Réponse de la France".encode("cp1252")),
    ("reply.eml", lambda: EML),
    ("chart.png", image_bytes),
    ("photo.jpg", lambda: image_bytes("JPEG")),
    ("photo.webp", lambda: image_bytes("WEBP")),
]

TYPE = "is not an accepted file type"
CONTENT = "does not match its extension"
REFUSED = [
    ("page.html", lambda: HTML, TYPE),
    ("drawing.svg", lambda: SVG, TYPE),
    ("setup.exe", lambda: EXE, TYPE),
    ("archive.zip", zip_bytes, TYPE),
    ("script.js", lambda: b"alert(1)", TYPE),
    ("anim.gif", lambda: b"GIF89a" + bytes(32), TYPE),
    ("noextension", lambda: b"plain", TYPE),
    ("report.pdf", lambda: HTML, CONTENT),
    ("notes.txt", lambda: HTML, CONTENT),
    ("notes.txt", lambda: b"\xef\xbb\xbf \n  <svg onload=alert(1)>", CONTENT),
    ("figures.csv", lambda: b"<?xml version='1.0'?><x/>", CONTENT),
    ("reply.eml", lambda: b"<SCRIPT>alert(1)</SCRIPT>", CONTENT),
    ("notes.txt", lambda: "utf-16 text".encode("utf-16"), CONTENT),
    ("reply.docx", zip_bytes, CONTENT),
    ("reply.docx", xlsx_bytes, CONTENT),
    ("reply.odt", lambda: opendocument_bytes(ODS), CONTENT),
    ("reply.odt", docx_bytes, CONTENT),
    ("reply.doc", pdf_bytes, CONTENT),
    ("chart.png", lambda: image_bytes("JPEG"), CONTENT),
    ("photo.webp", lambda: b"RIFF\x00\x00\x00\x00WAVEfmt ", CONTENT),
]


def upload(name, content):
    return SimpleUploadedFile(name, content)


@pytest.mark.parametrize(("name", "build"), ACCEPTED, ids=[name for name, _ in ACCEPTED])
def test_the_policy_accepts_documents_and_images_whose_content_matches_their_extension(name, build):
    file = upload(name, build())
    uploads.validate_upload(file)
    assert file.tell() == 0, "the file is read again from its start when it is stored"


@pytest.mark.parametrize(
    ("name", "build", "message"), REFUSED, ids=[f"{n}-{m[:8]}" for n, _, m in REFUSED]
)
def test_the_policy_refuses_other_types_and_content_that_does_not_match(name, build, message):
    file = upload(name, build())
    with pytest.raises(ValidationError) as refused:
        uploads.validate_upload(file)
    [text] = refused.value.messages
    assert message in text and f"“{name}”" in text
    assert file.tell() == 0


def test_images_accept_only_png_jpeg_and_webp():
    uploads.validate_image_upload(upload("photo.jpeg", image_bytes("JPEG")))
    with pytest.raises(ValidationError, match="not an accepted image type"):
        uploads.validate_image_upload(upload("report.pdf", pdf_bytes()))


def test_the_size_limit_is_read_at_each_upload(settings):
    settings.UPLOAD_MAX_SIZE = 1024
    with pytest.raises(ValidationError) as refused:
        uploads.validate_upload(upload("big.csv", b"a,b\n" * 512))
    assert refused.value.messages == ["“big.csv” is 2.0\xa0KB; files may be at most 1.0\xa0KB."]
    settings.UPLOAD_MAX_SIZE = 4096
    uploads.validate_upload(upload("big.csv", b"a,b\n" * 512))


def test_wagtails_own_lists_and_limits_say_what_the_policy_says():
    assert sorted(django_settings.WAGTAILDOCS_EXTENSIONS) == sorted(uploads.ACCEPTED_EXTENSIONS)
    assert django_settings.WAGTAILIMAGES_EXTENSIONS == uploads.IMAGE_EXTENSIONS
    limit = django_settings.UPLOAD_MAX_SIZE
    assert limit == 20 * 1024 * 1024
    assert limit == django_settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
    assert limit == django_settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE


# --- The admin: documents (single and multiple upload) and images ------------------------------

ADMIN_REFUSALS = [
    ("page.html", lambda: HTML, "“page.html” is not an accepted file type."),
    ("drawing.svg", lambda: SVG, "“drawing.svg” is not an accepted file type."),
    ("setup.exe", lambda: EXE, "“setup.exe” is not an accepted file type."),
    ("report.pdf", lambda: HTML, "The content of “report.pdf” does not match its extension."),
    (
        "big.pdf",
        lambda: pdf_bytes() + b"%" + b"x" * 2048,
        "files may be at most 1.0\xa0KB.",
    ),
]
ADMIN_ACCEPTED = [
    ("report.pdf", pdf_bytes),
    ("reply.docx", docx_bytes),
    ("figures.csv", lambda: CSV),
    ("chart.png", image_bytes),
]


@pytest.fixture
def office(client, people, settings):
    """The Office in the admin, with uploads limited to 1 KB more than the files below need."""
    settings.UPLOAD_MAX_SIZE = 1024
    client.force_login(people.office)
    return people.office


def add_document(client, name, content):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": name,
            "collection": intranet_collection().pk,
            "file": upload(name, content),
        },
    )


def add_documents(client, name, content):
    """The multiple upload, as its page posts each file: it answers in JSON."""
    return client.post(
        reverse("wagtaildocs:add_multiple"),
        {"collection": intranet_collection().pk, "files[]": upload(name, content)},
        headers={"x-requested-with": "XMLHttpRequest"},
    ).json()


def add_image(client, name, content):
    return client.post(
        reverse("wagtailimages:add"),
        {"title": name, "collection": intranet_collection().pk, "file": upload(name, content)},
    )


@pytest.mark.parametrize(
    ("name", "build", "message"), ADMIN_REFUSALS, ids=[n for n, _, _ in ADMIN_REFUSALS]
)
def test_the_admin_refuses_a_document_outside_the_policy(client, office, name, build, message):
    response = add_document(client, name, build())
    assert response.status_code == 200
    assert message in response.text
    assert "File extension" not in response.text, "one reason, not a second about no file"
    answer = add_documents(client, name, build())
    assert answer["success"] is False
    assert message in answer["error_message"]
    assert "\n" not in answer["error_message"]
    assert not get_document_model().objects.exists()


def test_editing_a_document_keeps_its_file_and_a_replacement_passes_the_policy(client, office):
    document = make_document("Draft agenda")
    stored = document.file.name
    url = reverse("wagtaildocs:edit", args=[document.pk])
    data = {"title": "Draft agenda, revised", "collection": document.collection_id}
    assert client.post(url, data).status_code == 302
    refused = client.post(url, {**data, "title": "Agenda", "file": upload("agenda.html", HTML)})
    assert "“agenda.html” is not an accepted file type." in refused.text
    document.refresh_from_db()
    assert (document.title, document.file.name) == ("Draft agenda, revised", stored)


@pytest.mark.parametrize(("name", "build"), ADMIN_ACCEPTED, ids=[n for n, _ in ADMIN_ACCEPTED])
def test_the_admin_accepts_documents_within_the_policy(client, office, settings, name, build):
    settings.UPLOAD_MAX_SIZE = 1024 * 1024
    content = build()
    assert add_document(client, name, content).status_code == 302
    assert add_documents(client, name, content)["success"] is True
    stored = get_document_model().objects.filter(title=name)
    assert stored.count() == 2
    for document in stored:
        with document.open_file() as file:
            assert file.read() == content, "the whole file is stored, not what follows a check"


@pytest.mark.parametrize(
    ("name", "build", "message"),
    [
        ("page.html", lambda: HTML, "Not a supported image format."),
        ("drawing.svg", lambda: SVG, "Not a supported image format."),
        ("setup.exe", lambda: EXE, "Upload a valid image."),
        ("chart.png", pdf_bytes, "Upload a valid image."),
        ("chart.png", lambda: image_bytes() + b"x" * 2048, "files may be at most 1.0\xa0KB."),
    ],
    ids=["html", "svg", "exe", "pdf-as-png", "big-png"],
)
def test_the_admin_refuses_an_image_outside_the_policy(client, office, name, build, message):
    response = add_image(client, name, build())
    assert response.status_code == 200
    assert message in response.text
    answer = client.post(
        reverse("wagtailimages:add_multiple"),
        {"collection": intranet_collection().pk, "files[]": upload(name, build())},
        headers={"x-requested-with": "XMLHttpRequest"},
    ).json()
    assert answer["success"] is False
    assert message in answer["error_message"]
    assert not get_image_model().objects.exists()


def test_the_admin_accepts_a_png_image(client, office):
    assert add_image(client, "chart.png", image_bytes()).status_code == 302
    assert get_image_model().objects.get().title == "chart.png"


def test_the_french_admin_refuses_in_french(client, office):
    profile = UserProfile.get_for_user(office)
    profile.preferred_language = "fr"
    profile.save()
    english = str(uploads.TYPE_REFUSED % {"name": "page.html"})
    with translation.override("fr"):
        french = str(uploads.TYPE_REFUSED % {"name": "page.html"})
    assert french != english, "the message has a French translation"
    response = add_document(client, "page.html", HTML)
    assert escape(french) in response.text
    assert escape(english) not in response.text
    answer = add_documents(client, "page.html", HTML)
    assert answer["error_message"] == french


# --- The intranet: the e-mailed original the Office enters with a state's answer ---------------


def test_the_office_entering_an_answer_with_an_html_original_gets_the_form_back(
    client, people, today
):
    page = make_request("Reception capacity", ("How many places?",), opening="open")
    [(_number, question)] = page.numbered_questions()
    client.force_login(people.office)
    response = client.post(
        f"{page.url}answer/IT/",
        {
            "version": "0",
            "save": "1",
            "email_date": today.isoformat(),
            "email_file": upload("reply.html", HTML),
            f"q{question.pk}_text": "Typed from the e-mail",
            f"q{question.pk}_language": "en",
            f"q{question.pk}_marking": "network",
        },
    )
    assert response.status_code == 200
    assert "“reply.html” is not an accepted file type." in response.text
    assert ">\nTyped from the e-mail</textarea>" in response.text, "what was typed is kept"
    assert f'value="{today.isoformat()}"' in response.text
    assert not StateResponse.objects.exists()
    assert not get_document_model().objects.exists()
