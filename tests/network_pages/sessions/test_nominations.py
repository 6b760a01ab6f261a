"""A nomination reveals nothing (issue 16): the correspondent who nominates learns nothing of other
invitations or accounts; no account exists before the Office confirms, and the names the Office
confirms are the ones kept."""

import datetime
import re

from django.contrib.auth import get_user_model
from django.core import mail

import pytest

from network_pages.core.roles import CORRESPONDENTS, EXPERTS, OFFICE
from network_pages.sessions.models import Invitation, ThematicSessionPage
from tests.factories.accounts import UserFactory
from tests.factories.sessions import invite_expert, make_session

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]

User = get_user_model()


@pytest.fixture
def thematic(tree, today):
    return make_session(
        "Integration of refugees",
        model=ThematicSessionPage,
        starts_on=today + datetime.timedelta(days=60),
        participants="both",
        external_participants=True,
    )


def _nominate(client, session, email, first="Luc", last="Moreau"):
    return client.post(
        session.url + "nominate/",
        {"first_name": first, "last_name": last, "email": email, "language": "fr"},
        follow=True,
    )


def test_a_nomination_reads_the_same_whoever_the_address_belongs_to(client, people, thematic, sent):
    """An unknown address, an expert already invited, a closed account, an Office member: the
    correspondent gets the same answer, and nothing tells them apart."""
    invite_expert(thematic, by=people.office)  # eva@x.example, invited already
    closed = UserFactory(username="former", email="former@x.example", is_active=False)
    office = UserFactory(username="office-2", email="office2@x.example", roles=[OFFICE])
    client.force_login(people.corr_fr)
    answers = []
    for email in ("new@x.example", "eva@x.example", closed.email, office.email):
        response = _nominate(client, thematic, email)
        assert response.status_code == 200
        answers.append(re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", response.text))
    assert len(set(answers)) == 1, "the four answers are the same page"
    assert "Luc Moreau is proposed to the Office" in answers[0]
    for text in ("already invited", "member of the network", "switched off", "closed"):
        assert text not in answers[0]
    assert Invitation.objects.filter(status="nominated").count() == 4


def test_no_account_is_made_before_the_office_confirms(client, people, thematic, sent):
    accounts = User.objects.count()
    client.force_login(people.corr_fr)
    with sent(execute=True):
        _nominate(client, thematic, "luc@interieur.example")
    invitation = Invitation.objects.get(email="luc@interieur.example")
    assert invitation.user is None and invitation.name == "Luc Moreau"
    assert User.objects.count() == accounts
    assert not User.objects.filter(email__iexact="luc@interieur.example").exists()
    [message] = mail.outbox
    assert message.to == [people.office.email] and "Luc Moreau" in message.body
    # The state sees its own nomination, waiting.
    nominate_page = client.get(thematic.url + "nominate/").text
    assert "Luc Moreau" in nominate_page and "awaiting the Office" in nominate_page


def test_the_office_confirms_with_the_names_it_checked(client, people, thematic, sent):
    client.force_login(people.corr_fr)
    _nominate(client, thematic, "luc@interieur.example", first="luc", last="MOREAU Approved")
    invitation = Invitation.objects.get()
    client.force_login(people.office)
    listing = client.get(thematic.url + "invitations/").text
    assert f"invitations/{invitation.pk}/confirm/" in listing
    page = client.get(thematic.url + f"invitations/{invitation.pk}/confirm/")
    assert page.status_code == 200 and "MOREAU Approved" in page.text
    assert User.objects.filter(email="luc@interieur.example").count() == 0, "GET changes nothing"
    mail.outbox.clear()
    with sent(execute=True):
        response = client.post(
            thematic.url + f"invitations/{invitation.pk}/confirm/",
            {"first_name": "Luc", "last_name": "Moreau", "language": "fr"},
            follow=True,
        )
    assert response.status_code == 200
    person = User.objects.get(email="luc@interieur.example")
    assert (person.first_name, person.last_name, person.language) == ("Luc", "Moreau", "fr")
    assert person.groups.filter(name=EXPERTS).exists() and not person.has_usable_password()
    invitation.refresh_from_db()
    assert invitation.user == person and invitation.status == "confirmed"
    assert (invitation.first_name, invitation.last_name) == ("Luc", "Moreau")
    [message] = mail.outbox
    assert message.to == ["luc@interieur.example"] and "Bonjour Luc Moreau" in message.body


def test_the_office_sees_why_a_nomination_cannot_be_confirmed(client, people, thematic):
    invited = invite_expert(thematic, by=people.office)
    member = UserFactory(username="corr-es", email="corr-es@x.example", roles=[CORRESPONDENTS])
    client.force_login(people.corr_fr)
    _nominate(client, thematic, "EVA@x.example")
    _nominate(client, thematic, member.email)
    again, of_member = Invitation.objects.filter(status="nominated").order_by("pk")
    client.force_login(people.office)
    for nomination, reason in (
        (again, "already invited to this session"),
        (of_member, "This person is a member of the network"),
    ):
        url = thematic.url + f"invitations/{nomination.pk}/confirm/"
        page = client.get(url).text
        assert reason in page
        assert reason in client.post(url, {}).text
        nomination.refresh_from_db()
        assert nomination.status == "nominated" and nomination.user is None
        # The Office declines it from there.
        decline = thematic.url + f"invitations/{nomination.pk}/withdraw/"
        assert f'action="{decline}"' in page
        client.post(decline)
        nomination.refresh_from_db()
        assert nomination.status == "withdrawn"
    assert not member.groups.filter(name=EXPERTS).exists()
    assert Invitation.objects.filter(user=invited.user).count() == 1


def test_an_existing_account_keeps_its_names(client, people, thematic, sent):
    known = UserFactory(
        username="k", email="known@x.example", first_name="Karin", last_name="Berg", roles=[]
    )
    client.force_login(people.corr_fr)
    _nominate(client, thematic, "Known@x.example", first="Someone", last="Else")
    invitation = Invitation.objects.get()
    client.force_login(people.office)
    url = thematic.url + f"invitations/{invitation.pk}/confirm/"
    assert "the account keeps its own names" in client.get(url).text
    with sent(execute=True):
        client.post(url, {"first_name": "Forged", "last_name": "Name", "language": "en"})
    known.refresh_from_db()
    invitation.refresh_from_db()
    assert (known.first_name, known.last_name) == ("Karin", "Berg")
    assert invitation.user == known and invitation.name == str(known)


def test_a_state_is_told_only_of_its_own_earlier_nomination(client, people, thematic):
    client.force_login(people.corr_fr)
    _nominate(client, thematic, "luc@interieur.example")
    again = _nominate(client, thematic, "LUC@interieur.example")
    assert "Your state has already nominated this person" in again.text
    client.force_login(people.corr_de)
    other_state = _nominate(client, thematic, "luc@interieur.example")
    assert "already nominated" not in other_state.text
    assert Invitation.objects.count() == 2


def test_only_the_office_confirms(client, people, thematic):
    client.force_login(people.corr_fr)
    _nominate(client, thematic, "luc@interieur.example")
    invitation = Invitation.objects.get()
    url = thematic.url + f"invitations/{invitation.pk}/confirm/"
    for person in (people.corr_fr, people.corr_de, people.expert):
        client.force_login(person)
        assert client.get(url).status_code == 403
        assert (
            client.post(url, {"first_name": "A", "last_name": "B", "language": "en"}).status_code
            == 403
        )
    invitation.refresh_from_db()
    assert invitation.status == "nominated"
