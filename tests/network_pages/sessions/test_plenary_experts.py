"""Experts and organisations at a plenary (§1.2; issue 16): the Office invites them on named agenda
items with the papers it chooses; they see that plenary, its agenda and those papers only, in both
languages, never the thematic sessions under it nor the other papers. Plenaries may be joint."""

import datetime
from html import unescape

from django.core import mail

import pytest

from network_pages import access
from network_pages.sessions.convocations import send_convocation
from network_pages.sessions.invitations import withdraw
from network_pages.sessions.models import Invitation, SessionPaper, ThematicSessionPage
from tests.factories.core import translate
from tests.factories.sessions import add_paper, approve_agenda, invite_expert, make_session

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


@pytest.fixture
def plenary(tree, today):
    """A plenary with external participants, held jointly, three agenda items and two papers, a
    thematic session under it with a paper of its own; the plenary and thematic session in
    French."""
    plenary = make_session(
        "Plenary 2027",
        starts_on=today + datetime.timedelta(days=90),
        agenda=("Opening", "Return policies", "Integration"),
        external_participants=True,
        held_jointly_with="European Migration Network",
    )
    listed = add_paper(plenary, "Note on returns", sort_order=0)
    other = add_paper(plenary, "Briefing for members", sort_order=1)
    thematic = make_session(
        "Language courses",
        model=ThematicSessionPage,
        parent=plenary,
        starts_on=today + datetime.timedelta(days=91),
        external_participants=True,
    )
    thematic_paper = add_paper(thematic, "Course survey")
    french = translate(plenary, tree.fr, "Plénière 2027")
    return {
        "page": plenary,
        "fr": french,
        "thematic": thematic,
        "listed": listed,
        "other": other,
        "thematic_paper": thematic_paper,
    }


def _invite_form(plenary, **changes):
    page = plenary["page"]
    items = list(page.agenda_items.all())
    data = {
        "organisation": "IOM",
        "ends_on": page.last_day.isoformat(),
        "agenda_items": [str(items[1].pk)],
        "papers": [
            str(SessionPaper.objects.get(document=plenary["listed"], page=plenary["page"]).pk)
        ],
        "people-TOTAL_FORMS": "1",
        "people-INITIAL_FORMS": "0",
        "people-MIN_NUM_FORMS": "0",
        "people-MAX_NUM_FORMS": "20",
        "people-0-first_name": "Ines",
        "people-0-last_name": "Duarte",
        "people-0-email": "ines@iom.example",
        "people-0-language": "fr",
    }
    return {**data, **changes}


def test_the_office_invites_an_organisation_to_a_plenary_on_named_items(
    client, people, plenary, sent
):
    page = plenary["page"]
    client.force_login(people.office)
    form = client.get(page.url + "invitations/").text
    assert "Return policies" in form and "Note on returns" in form
    with sent(execute=True):
        response = client.post(page.url + "invitations/", _invite_form(plenary), follow=True)
    assert "Duarte" in response.text
    invitation = Invitation.objects.get(email="ines@iom.example")
    assert invitation.status == "confirmed" and invitation.organisation == "IOM"
    assert [item.title for item in invitation.agenda_items.all()] == ["Return policies"]
    assert [paper.document for paper in invitation.papers.all()] == [plenary["listed"]]
    [message] = mail.outbox
    assert message.to == ["ines@iom.example"]
    body = message.body
    assert "2. Return policies" in body, "the items by their number in the agenda (in English)"
    assert "Note on returns" in body and "Briefing for members" not in body


def test_a_plenary_invitation_names_its_agenda_items_and_keeps_what_was_typed(
    client, people, plenary
):
    page = plenary["page"]
    for lang, message in (
        ("en", "Choose the agenda items their views are sought on."),
        ("fr", "Choisissez les points de l’ordre du jour sur lesquels leur avis est sollicité."),
    ):
        client.force_login(people.office)
        url = (plenary["fr"] if lang == "fr" else page).url + "invitations/"
        response = client.post(url, _invite_form(plenary, agenda_items=[]))
        assert message in unescape(response.text)
        assert "ines@iom.example" in response.text, "what was typed is kept"
    assert not Invitation.objects.exists()


def test_a_plenary_without_external_participants_takes_no_invitation(client, people, today):
    closed = make_session("Plenary 2028", starts_on=today + datetime.timedelta(days=200))
    client.force_login(people.office)
    assert (
        "This session has no external participants" in client.get(closed.url + "invitations/").text
    )


def test_the_expert_sees_that_plenary_its_agenda_and_listed_papers_only(
    client, people, plenary, sent
):
    page, french = plenary["page"], plenary["fr"]
    listed_paper = SessionPaper.objects.get(document=plenary["listed"], page=plenary["page"])
    with sent(execute=True):
        invitation = invite_expert(
            page,
            by=people.office,
            user=people.expert,
            agenda_items=[page.agenda_items.get(title="Return policies")],
            papers=[listed_paper],
        )
    client.force_login(people.expert)
    for version in (page, french):
        html = client.get(version.url).text
        assert version.title in html
        assert "Note on returns" in html and "Briefing for members" not in html
        assert "Course survey" not in html
    english = client.get(page.url).text
    assert 'Return policies</strong> <span class="badge" lang="en">Your views are sought' in (
        english
    )
    assert "Opening</strong> <span" not in english
    assert "Votre avis est sollicité" in client.get(french.url).text
    assert "European Migration Network" in english, "the meeting is held jointly"
    assert client.get(plenary["listed"].url).status_code == 200
    assert client.get(plenary["other"].url).status_code == 404
    assert client.get(plenary["thematic_paper"].url).status_code == 404
    assert client.get(plenary["thematic"].url).status_code == 403
    assert client.get(page.url + "participants/").status_code == 403
    home = client.get("/en/intranet/").text
    assert "Plenary 2027" in home and "Language courses" not in home
    # The grant covers the page alone, in every language.
    expert = people.expert
    access.forget(expert)
    assert access.can_view(expert, page) and access.can_view(expert, french)
    assert not access.can_view(expert, plenary["thematic"])
    seen = access.viewable(expert, page.get_descendants(inclusive=True))
    assert [seen_page.pk for seen_page in seen] == [page.pk]
    # Withdrawn: nothing is left, not even the listed paper.
    withdraw(invitation, by=people.office)
    access.forget(expert)
    assert client.get(page.url).status_code == 403
    assert client.get(plenary["listed"].url).status_code == 404


def test_members_still_see_the_whole_plenary(client, people, plenary):
    client.force_login(people.corr_de)
    html = client.get(plenary["page"].url).text
    assert "Note on returns" in html and "Briefing for members" in html
    assert client.get(plenary["other"].url).status_code == 200
    assert client.get(plenary["thematic"].url).status_code == 200


def test_a_thematic_session_s_expert_still_receives_all_its_papers(client, people, plenary):
    thematic = plenary["thematic"]
    second = add_paper(thematic, "Course statistics", sort_order=1)
    invite_expert(thematic, by=people.office, user=people.expert)
    client.force_login(people.expert)
    assert client.get(plenary["thematic_paper"].url).status_code == 200
    assert client.get(second.url).status_code == 200
    assert client.get(plenary["page"].url).status_code == 403
    assert client.get(plenary["listed"].url).status_code == 404


def test_the_plenary_convocation_reaches_the_experts_invited_to_it(people, plenary, sent, today):
    page = plenary["page"]
    invitation = invite_expert(
        page, by=people.office, agenda_items=[page.agenda_items.get(title="Integration")]
    )
    mail.outbox.clear()
    approve_agenda(page, people.srsg)
    with sent(execute=True):
        convocation = send_convocation(page, by=people.office, today=today)
    assert convocation.recipients.filter(pk=invitation.user.pk).exists()
    assert "eva@x.example" in {message.to[0] for message in mail.outbox}
