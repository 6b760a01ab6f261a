"""Documents, images and renditions: served only through the access policy."""

from django.contrib.auth.models import Group

from wagtail.models import Collection, CollectionViewRestriction

import pytest

from home.models import StandardPage
from network_pages import access
from network_pages.core.roles import INTRANET_COLLECTION
from tests.factories.files import make_document, make_image

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


@pytest.fixture
def collections(db):
    return (
        Collection.get_first_root_node(),
        Collection.objects.get(name=INTRANET_COLLECTION, depth=2),
    )


@pytest.fixture
def files(collections, pages):
    root, intranet = collections
    sub = intranet.add_child(name="Plenary 2026")
    return {
        "public_doc": make_document("public-doc", root, content=b"secret public-doc"),
        "intranet_doc": make_document("intranet-doc", intranet),
        "deep_doc": make_document("deep-doc", sub),
        "page_doc": make_document("page-doc", root, owner=pages.meeting),
        "closed_doc": make_document("closed-doc", root, owner=pages.closed),
        "public_image": make_image("public-image", root),
        "intranet_image": make_image("intranet-image", intranet),
        "closed_image": make_image("closed-image", root, owner=pages.closed),
    }


def rendition_url(image):
    return image.get_rendition("fill-20x20").url


def test_public_document_is_served_to_anyone_and_may_be_cached(client, files):
    response = client.get(files["public_doc"].url)
    assert response.status_code == 200
    assert b"secret public-doc" in b"".join(response.streaming_content)
    assert "public" in response["Cache-Control"]


def test_anonymous_visitor_is_refused_every_intranet_document(client, files):
    for key in ("intranet_doc", "deep_doc", "page_doc", "closed_doc"):
        response = client.get(files[key].url)
        assert response.status_code == 302, key
        assert response["Location"].startswith("/en/login/")
        # the direct media URL answers nothing
        assert client.get(files[key].file.url).status_code == 404, key


def test_anonymous_visitor_is_refused_intranet_images_and_their_renditions(client, files):
    for key in ("intranet_image", "closed_image"):
        image = files[key]
        assert client.get(image.file.url).status_code == 404
        assert client.get(rendition_url(image)).status_code == 404
    public = files["public_image"]
    response = client.get(rendition_url(public))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert "public" in response["Cache-Control"]


def test_correspondent_gets_intranet_files_privately_but_not_closed_ones(client, people, files):
    client.force_login(people.corr_de)
    for key in ("intranet_doc", "deep_doc", "page_doc"):
        response = client.get(files[key].url)
        assert response.status_code == 200, key
        assert "private" in response["Cache-Control"]
        assert "public" not in response["Cache-Control"]
    assert client.get(rendition_url(files["intranet_image"])).status_code == 200
    assert client.get(files["closed_doc"].url).status_code == 403
    assert client.get(files["closed_doc"].file.url).status_code == 404
    assert client.get(rendition_url(files["closed_image"])).status_code == 404


def test_expert_gets_only_the_files_of_pages_granted_to_them(client, people, pages, files):
    client.force_login(people.expert)
    assert client.get(files["intranet_doc"].url).status_code == 403
    assert client.get(files["closed_doc"].url).status_code == 403
    access.grant(people.expert, pages.closed)
    assert client.get(files["closed_doc"].url).status_code == 200
    assert client.get(rendition_url(files["closed_image"])).status_code == 200
    assert client.get(files["intranet_doc"].url).status_code == 403


def test_file_of_a_deleted_owner_is_refused(client, people, pages, files):
    document = files["page_doc"]
    document.owner_object_id = "999999"
    document.save()
    client.force_login(people.corr_de)
    assert client.get(document.url).status_code == 403


def test_unknown_media_path_is_not_found(client, people):
    client.force_login(people.office)
    assert client.get("/files/documents/nothing-here.txt").status_code == 404
    assert client.get("/files/../cms/settings/base.py").status_code == 404


def test_document_url_with_a_wrong_filename_is_not_found(client, files):
    document = files["public_doc"]
    assert client.get(f"/documents/{document.pk}/other-name.txt").status_code == 404


def test_privacy_set_on_a_collection_in_the_admin_is_honoured(client, people, collections):
    root, _intranet = collections
    private = root.add_child(name="Office drafts")
    restriction = CollectionViewRestriction.objects.create(
        collection=private, restriction_type="groups"
    )
    restriction.groups.set(Group.objects.filter(name="SRSG Office"))
    document = make_document("office-draft", private)
    assert client.get(document.url).status_code == 302
    assert client.get(document.file.url).status_code == 404
    client.force_login(people.corr_de)
    assert client.get(document.url).status_code == 403
    client.force_login(people.office)
    response = client.get(document.url)
    assert response.status_code == 200
    assert "public" not in response["Cache-Control"]


def test_a_public_page_never_shows_an_embedded_intranet_file(client, tree, collections):
    _root, intranet = collections
    document = make_document("secret-agenda", intranet)
    page = tree.home_en.add_child(
        instance=StandardPage(
            title="Public page", slug="public-page", body=[("document", document)]
        )
    )
    html = client.get(page.url).text
    assert "secret-agenda" not in html
    assert document.url not in html
