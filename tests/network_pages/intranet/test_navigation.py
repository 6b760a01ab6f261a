"""Every main section of the intranet is linked from the header, in the page's language, to those
who may see it; request and session pages lead back to their list."""

import re

import pytest

from tests.factories import make_request, make_session

pytestmark = pytest.mark.django_db

SECTIONS = {
    "en": {
        "/en/intranet/requests/": "Information requests",
        "/en/intranet/sessions/": "Sessions",
        "/en/intranet/practices/": "Good practices",
        "/en/intranet/directory/": "Directory",
    },
    "fr": {
        "/fr/intranet/demandes/": "Demandes d'information",
        "/fr/intranet/sessions/": "Sessions",
        "/fr/intranet/bonnes-pratiques/": "Bonnes pratiques",
        "/fr/intranet/annuaire/": "Annuaire",
    },
}


def _header(html):
    return html.split('<main id="main"', 1)[0]


def _links(html):
    return dict(re.findall(r'<li><a href="([^"]+)">([^<]+)</a></li>', _header(html)))


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("role", ["corr_de", "corr_fr", "office", "srsg"])
def test_members_find_every_section_in_the_header_in_the_pages_language(
    client, people, tree, role, lang
):
    client.force_login(getattr(people, role))
    links = _links(client.get(f"/{lang}/intranet/").text)
    for url, label in SECTIONS[lang].items():
        assert links.get(url, "").replace("&#x27;", "'") == label, (url, links)


def test_an_invited_expert_and_the_public_get_no_section_link(client, people, tree):
    for user in (people.expert, None):
        client.logout()
        if user is not None:
            client.force_login(user)
        html = client.get("/en/").text
        for url in SECTIONS["en"]:
            assert url not in _header(html)


def test_request_and_session_pages_lead_back_to_their_list(client, people, tree, today):
    request = make_request("Reception capacity")
    session = make_session("Plenary session 2027")
    client.force_login(people.corr_fr)
    assert 'href="/en/intranet/requests/">All information requests</a>' in (
        client.get(request.url).text
    )
    assert 'href="/en/intranet/sessions/">All sessions</a>' in client.get(session.url).text


def test_the_offices_home_shows_the_proposals_waiting_for_it(client, people, tree):
    proposal = make_request(
        "Language courses",
        opening=None,
        live=False,
        requester_state="FR",
        proposed_by=people.corr_fr,
    )
    proposal.save_revision(user=people.corr_fr)
    client.force_login(people.office)
    response = client.get("/fr/intranet/")
    decisions = next(panel for panel in response.context["panels"] if panel.key == "decisions")
    assert [item["title"] for item in decisions.items] == ["Language courses"]
    assert decisions.items[0]["url"] == f"/admin/pages/{proposal.pk}/edit/"
    assert "Proposée par la France" in response.text
    client.force_login(people.corr_fr)
    response = client.get("/en/intranet/")
    decisions = next(panel for panel in response.context["panels"] if panel.key == "decisions")
    assert decisions.items == []


def test_new_contributions_list_the_newest_items_not_the_sections_index_pages(
    client, people, tree, today
):
    """On PostgreSQL a page never published in the admin has no date and would sort first; the
    sections' own pages are not contributions at all."""
    request = make_request("Reception capacity", slug="reception")
    client.force_login(people.corr_de)
    html = client.get(tree.intranet_en.url).text
    panel = html[html.index('id="panel-contributions"') :]
    panel = panel[: panel.index("</section>")]
    assert f'href="{request.url}"' in panel
    for index in SECTIONS["en"]:
        assert f'href="{index}"' not in panel
