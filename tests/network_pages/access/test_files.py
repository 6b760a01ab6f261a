"""Documents, images and renditions: served only through the access policy, and files fail
closed (issue 15). The matrix of every kind of file by role is in test_permission_matrix."""

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Collection, CollectionViewRestriction

import pytest

from home.models import StandardPage
from network_pages import access
from network_pages.core.roles import PUBLIC_COLLECTION
from network_pages.files.models import NetworkDocument, NetworkImage
from tests.factories.files import intranet_collection, make_document, make_image
from tests.factories.intranet import IntranetPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


@pytest.fixture
def collections(db):
    return (
        Collection.get_first_root_node(),
        intranet_collection(),
        Collection.objects.get(name=PUBLIC_COLLECTION, depth=2),
    )


def _link(page, *files):
    """Embed the files in the page's live row (the reference index lists the use)."""
    for file in files:
        kind = "image" if isinstance(file, NetworkImage) else "document"
        value = {"image": file, "alt_text": "", "decorative": True} if kind == "image" else file
        page.body.append((kind, value))
    page.save()


@pytest.fixture
def files(collections, pages):
    root, intranet, public = collections
    sub = public.add_child(name="Press kit")
    found = {
        "public_doc": make_document("public-doc", public, content=b"secret public-doc"),
        "deep_public_doc": make_document("deep-public-doc", sub),
        "root_doc": make_document("root-doc", root),
        "intranet_doc": make_document("intranet-doc", intranet),
        "closed_doc": make_document("closed-doc", intranet),
        "public_image": make_image("public-image", public),
        "root_image": make_image("root-image", root),
        "intranet_image": make_image("intranet-image", intranet),
        "closed_image": make_image("closed-image", root, owner=pages.closed),
    }
    _link(pages.meeting, found["intranet_doc"], found["intranet_image"])
    _link(pages.closed, found["closed_doc"])
    return found


def rendition_url(image):
    return image.get_rendition("fill-20x20").url


def _main(response):
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def _body(response):
    return b"".join(response.streaming_content)


def test_a_file_in_the_public_collection_is_served_to_anyone_and_may_be_cached(client, files):
    for key in ("public_doc", "deep_public_doc"):
        response = client.get(files[key].url)
        assert response.status_code == 200, key
        assert response["Cache-Control"] == "public, max-age=3600"
    assert b"secret public-doc" in _body(client.get(files["public_doc"].url))
    response = client.get(rendition_url(files["public_image"]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert "public" in response["Cache-Control"]


def test_a_file_left_in_the_admins_default_collection_is_not_public(client, people, files):
    """Found: uploaded in Root and linked nowhere, it was served to anyone, cacheable."""
    for url in (files["root_doc"].url, files["root_doc"].file.url, files["root_image"].file.url):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/en/login/")
    for user in (people.expert, people.corr_de, people.corr_fr):
        client.force_login(user)
        assert client.get(files["root_doc"].url).status_code == 404
        assert client.get(rendition_url(files["root_image"])).status_code == 404
    client.force_login(people.office)
    response = client.get(files["root_doc"].url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_a_file_follows_the_intranet_pages_that_use_it(client, people, pages, files):
    """An intranet-collection file linked on an open page reaches members; linked only on a
    closed page, only those who see that page (found: every correspondent got it)."""
    client.force_login(people.corr_de)
    response = client.get(files["intranet_doc"].url)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]
    assert client.get(rendition_url(files["intranet_image"])).status_code == 200
    assert client.get(pages.closed.url).status_code == 403
    for url in (files["closed_doc"].url, files["closed_doc"].file.url):
        assert client.get(url).status_code == 404
    assert client.get(rendition_url(files["closed_image"])).status_code == 404


def test_an_expert_gets_the_files_of_the_pages_granted_to_them(client, people, pages, files):
    client.force_login(people.expert)
    assert client.get(files["intranet_doc"].url).status_code == 404
    assert client.get(files["closed_doc"].url).status_code == 404
    access.grant(people.expert, pages.closed, tell=False)
    assert client.get(files["closed_doc"].url).status_code == 200
    assert client.get(rendition_url(files["closed_image"])).status_code == 200
    assert client.get(files["intranet_doc"].url).status_code == 404


def test_a_draft_that_links_a_file_opens_nothing(client, people, pages, collections):
    """The reference index holds the live row: a link only in a draft revision gives nothing."""
    document = make_document("draft-link", collections[1])
    pages.meeting.body.append(("document", document))
    pages.meeting.save_revision()  # a draft revision; the live row is unchanged
    client.force_login(people.corr_de)
    assert client.get(document.url).status_code == 404
    pages.meeting.get_latest_revision().publish()
    assert client.get(document.url).status_code == 200


def test_a_file_of_a_deleted_owner_is_refused(client, people, pages):
    document = make_document("orphan", owner=pages.meeting)
    document.owner_object_id = "999999"
    document.save()
    client.force_login(people.corr_de)
    assert client.get(document.url).status_code == 404


def test_a_forbidden_file_and_a_missing_one_answer_the_same(client, people, files):
    forbidden = files["closed_doc"]
    missing = [f"/documents/{forbidden.pk + 1000}/closed-doc.txt", "/files/documents/none.txt"]
    wrong_name = f"/documents/{forbidden.pk}/other-name.txt"
    for url in [forbidden.url, forbidden.file.url, wrong_name, *missing]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == f"/en/login/?next={url}"
    client.force_login(people.corr_de)
    for url in [forbidden.url, forbidden.file.url, wrong_name, *missing]:
        response = client.get(url)
        assert response.status_code == 404, url
        assert _main(response) == _main(client.get(missing[0]))
    assert client.get("/files/../cms/settings/base.py").status_code == 404


def test_only_images_are_shown_inline_and_nothing_is_sniffed(client, people, collections):
    """An HTML or SVG file that came in before the upload policy downloads, it never runs."""
    public = collections[2]
    client.force_login(people.office)
    for name, content in (("page.html", b"<script>alert(1)</script>"), ("a.pdf", b"%PDF-1.4")):
        document = make_document(name, public, content=content, filename=name)
        response = client.get(document.url)
        assert response["Content-Disposition"].startswith("attachment"), name
        assert response["X-Content-Type-Options"] == "nosniff"
    svg = NetworkImage(title="vector", collection=public)
    svg.file.save("vector.svg", ContentFile(b"<svg xmlns='http://www.w3.org/2000/svg'/>"), False)
    svg.width = svg.height = 10  # Pillow reads no size from an SVG
    svg.save()
    response = client.get(svg.file.url)
    assert response["Content-Disposition"].startswith("attachment")
    image = make_image("inline", public)
    response = client.get(image.file.url)
    assert response["Content-Type"] == "image/png"
    assert "attachment" not in response.get("Content-Disposition", "")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_privacy_set_on_a_collection_in_the_admin_is_honoured(client, people, collections):
    _root, _intranet, public = collections
    private = public.add_child(name="Office drafts")
    restriction = CollectionViewRestriction.objects.create(
        collection=private, restriction_type="groups"
    )
    restriction.groups.set(Group.objects.filter(name="SRSG Office"))
    document = make_document("office-draft", private)
    assert client.get(document.url).status_code == 302
    client.force_login(people.corr_de)
    assert client.get(document.url).status_code == 404
    client.force_login(people.office)
    response = client.get(document.url)
    assert response.status_code == 200
    assert "public" not in response["Cache-Control"]


def test_a_public_page_never_shows_an_embedded_intranet_file(client, tree, collections):
    """Only the public collection makes a file public: a public page that embeds another file
    neither shows nor opens it."""
    document = make_document("secret-agenda", collections[1])
    page = tree.home_en.add_child(
        instance=StandardPage(
            title="Public page", slug="public-page", body=[("document", document)]
        )
    )
    html = client.get(page.url).text
    assert "secret-agenda" not in html
    assert document.url not in html
    assert client.get(document.url).status_code == 302
    assert NetworkDocument.objects.filter(pk=document.pk).exists()


def test_a_page_with_many_files_costs_the_same_queries_as_one_with_few(client, people, pages):
    """Whether each linked file may be shown is read once for the page, not once per file."""
    intranet = intranet_collection()
    few, many = pages.meeting, IntranetPageFactory(parent=pages.meeting.get_parent())
    _link(few, *[make_document(f"few-{n}", intranet) for n in range(2)])
    _link(many, *[make_document(f"many-{n}", intranet) for n in range(12)])
    client.force_login(people.corr_de)
    client.get(few.url)
    counts = []
    for page in (few, many):
        with CaptureQueriesContext(connection) as captured:
            html = client.get(page.url).text
        counts.append(len(captured))
        assert html.count('class="document-link"') == (2 if page is few else 12)
    assert counts[0] == counts[1], counts
