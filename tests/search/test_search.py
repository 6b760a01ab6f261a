"""The site search never shows what the user may not see."""

import pytest

from network_pages import access
from tests.factories.intranet import IntranetPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


@pytest.fixture
def indexed(pages, tree):
    IntranetPageFactory(parent=pages.closed, title="Migration strategy annex")
    return pages


def titles(response):
    return [result.title for result in response.context["search_results"]]


def test_anonymous_search_shows_no_restricted_title(client, tree, indexed):
    for lang, query in (("en", "Plenary"), ("en", "notes"), ("fr", "réunion"), ("en", "annex")):
        response = client.get(f"/{lang}/search/", {"query": query})
        assert response.status_code == 200
        assert titles(response) == [], query
        for title in ("Plenary meeting papers", "Office only notes", "Confidential annex"):
            assert title not in response.text


def test_anonymous_search_finds_public_pages(client, tree):
    tree.home_en.save_revision().publish()  # pages built by migration are indexed once edited
    response = client.get("/en/search/", {"query": "Special Representative"})
    assert tree.home_en.title in titles(response)


def test_correspondent_finds_open_intranet_pages_but_not_closed_ones(client, people, indexed):
    client.force_login(people.corr_de)
    assert titles(client.get("/en/search/", {"query": "Plenary"})) == ["Plenary meeting papers"]
    assert titles(client.get("/en/search/", {"query": "notes"})) == []
    assert titles(client.get("/en/search/", {"query": "annex"})) == []


def test_search_results_are_in_the_current_language(client, people, indexed):
    client.force_login(people.corr_de)
    assert titles(client.get("/fr/search/", {"query": "réunion"})) == [
        "Documents de la réunion plénière"
    ]
    assert titles(client.get("/fr/search/", {"query": "Plenary"})) == []


def test_office_finds_closed_pages(client, people, indexed):
    client.force_login(people.office)
    assert "Office only notes" in titles(client.get("/en/search/", {"query": "notes"}))


def test_expert_finds_only_what_was_granted(client, people, indexed):
    client.force_login(people.expert)
    assert titles(client.get("/en/search/", {"query": "Plenary"})) == []
    access.grant(people.expert, indexed.meeting)
    assert titles(client.get("/en/search/", {"query": "Plenary"})) == ["Plenary meeting papers"]


def test_an_empty_query_shows_no_results(client, tree):
    response = client.get("/en/search/", {"query": "   "})
    assert response.status_code == 200
    assert titles(response) == []
