"""Search and the directory filter answer normally to whatever is typed (issue 16): NUL bytes,
unbalanced quotes, search operators and markup, on PostgreSQL and SQLite."""

import pytest

from tests.factories import IntranetPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]

HOSTILE = [
    "a\x00b",
    "\x00",
    '"><script>alert(1)</script>',
    'a OR "b',
    "reception AND NOT (",
    "'; DROP TABLE x; --",
    "*",
    "-",
    "NEAR(a b)",
    "col:value",
    "^start",
    "x" * 2000,
]


@pytest.mark.parametrize("query", HOSTILE)
def test_search_answers_normally_to_hostile_input(client, people, tree, query):
    IntranetPageFactory(parent=tree.intranet_en, title="Reception notes")
    for user in (None, people.corr_de):
        if user is not None:
            client.force_login(user)
        response = client.get("/en/search/", {"query": query})
        assert response.status_code == 200, (user, query)
        assert "<script>alert(1)" not in response.text


@pytest.mark.parametrize("query", HOSTILE)
def test_the_directory_filter_answers_normally_to_hostile_input(client, people, tree, query):
    client.force_login(people.corr_de)
    response = client.get("/en/intranet/directory/", {"q": query})
    assert response.status_code == 200, query
    assert "<script>alert(1)" not in response.text
    assert client.get("/en/intranet/directory/csv/", {"q": query}).status_code == 200


def test_a_search_still_finds_what_it_should(client, people, tree):
    IntranetPageFactory(parent=tree.intranet_en, title="Reception notes")
    client.force_login(people.corr_de)
    assert "Reception notes" in client.get("/en/search/", {"query": '"Reception'}).text
