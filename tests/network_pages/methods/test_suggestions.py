"""The states' suggestions on the working methods and the objectives (issue 17; §4.10): a
correspondent sends one for their state from either language's page; the Office and the SRSG see
every state's, in whatever language, and say what became of each."""

import re
from html import unescape

from wagtail.models import PageLogEntry

import pytest

from network_pages import access
from network_pages.accounts.models import MemberState
from network_pages.methods.models import MethodsSuggestion

pytestmark = pytest.mark.django_db

GERMAN = "Send the convocation 40 working days ahead rather than 30."
FRENCH = "Publier l'ordre du jour provisoire avec la convocation."


def _suggest(client, page, text, language):
    return client.post(page.url + "suggest/", {"text": text, "language": language}, follow=True)


def test_a_correspondent_suggests_a_change_for_their_state(client, people, texts, tree):
    client.force_login(people.corr_fr)
    assert "Proposer une modification" in client.get(texts.methods_fr.url).text
    form = client.get(texts.methods_fr.url + "suggest/").text
    assert re.search(r'value="fr"[^>]* checked', form)  # the interface's language, by default
    response = _suggest(client, texts.methods_fr, FRENCH, "fr")
    assert response.status_code == 200
    suggestion = MethodsSuggestion.objects.get()
    # On the text as first written, whichever page it came from, with the state filled in.
    assert suggestion.page_id == texts.methods.pk
    assert suggestion.member_state.code == "FR" and suggestion.suggested_by == people.corr_fr
    assert suggestion.language == "fr" and suggestion.status == MethodsSuggestion.Status.RECEIVED
    assert FRENCH in unescape(response.text)  # their state's suggestions, below the form
    assert PageLogEntry.objects.filter(
        page=texts.methods, action="network.methods.suggest", user=people.corr_fr
    ).exists()


def test_a_suggestion_needs_its_text(client, people, texts):
    client.force_login(people.corr_de)
    response = client.post(texts.methods.url + "suggest/", {"text": " ", "language": "en"})
    assert response.status_code == 200 and "This field is required." in response.text
    response = client.post(texts.methods.url + "suggest/", {"text": "x" * 4001, "language": "en"})
    assert "at most 4000 characters" in response.text
    assert not MethodsSuggestion.objects.exists()


def test_the_office_and_the_srsg_see_every_states_suggestions(client, people, texts):
    client.force_login(people.corr_de)
    _suggest(client, texts.methods, GERMAN, "en")
    client.force_login(people.corr_fr)
    _suggest(client, texts.methods_fr, FRENCH, "fr")
    for user in (people.office, people.srsg):
        client.force_login(user)
        for page in (texts.methods, texts.methods_fr):
            html = unescape(client.get(page.url + "suggestions/").text)
            assert GERMAN in html and FRENCH in html, (user, page.url)
        assert "The states' suggestions on this text" in unescape(
            client.get(texts.methods.url).text
        )
    # Another state's correspondent sees their own state's only.
    client.force_login(people.corr_de)
    html = unescape(client.get(texts.methods.url + "suggest/").text)
    assert GERMAN in html and FRENCH not in html
    french = MethodsSuggestion.objects.get(member_state__code="FR")
    assert access.can_view(people.office, french) and access.can_view(people.corr_fr, french)
    assert not access.can_view(people.corr_de, french)
    assert not access.can_view(people.expert, french)


def test_the_office_changes_a_suggestions_status(client, people, texts):
    suggestion = MethodsSuggestion.objects.create(
        page=texts.methods,
        member_state=MemberState.objects.get(code="DE"),
        text=GERMAN,
        suggested_by=people.corr_de,
    )
    client.force_login(people.office)
    url = texts.methods.url + f"suggestions/{suggestion.pk}/"
    prefix = f"suggestion-{suggestion.pk}-"
    response = client.post(url, {prefix + "status": "taken_twice"})
    assert response.status_code == 200 and "Select a valid choice" in response.text
    response = client.post(
        url,
        {prefix + "status": "considered", prefix + "status_note": "For the next revision."},
        follow=True,
    )
    assert response.status_code == 200
    suggestion.refresh_from_db()
    assert suggestion.status == MethodsSuggestion.Status.CONSIDERED
    assert suggestion.status_note == "For the next revision."
    assert suggestion.status_changed_by == people.office
    client.force_login(people.corr_de)
    html = client.get(texts.methods.url + "suggest/").text
    assert "under consideration" in html and "For the next revision." in html


def test_each_role_reaches_only_its_own_suggestion_pages(client, people, texts):
    suggestion = MethodsSuggestion.objects.create(
        page=texts.objectives, member_state=MemberState.objects.get(code="DE"), text=GERMAN
    )
    status = texts.objectives.url + f"suggestions/{suggestion.pk}/"
    answers = {
        people.office: {"suggest/": 403, "suggestions/": 200},
        people.srsg: {"suggest/": 403, "suggestions/": 200},
        people.corr_de: {"suggest/": 200, "suggestions/": 403},
    }
    for user, expected in answers.items():
        client.force_login(user)
        for route, code in expected.items():
            assert client.get(texts.objectives.url + route).status_code == code, (user, route)
        assert client.get(status).status_code == 405
    client.force_login(people.corr_de)
    assert client.post(status, {f"suggestion-{suggestion.pk}-status": "taken"}).status_code == 403
    suggestion.refresh_from_db()
    assert suggestion.status == MethodsSuggestion.Status.RECEIVED
