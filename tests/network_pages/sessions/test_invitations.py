"""Experts invited to one session (R2): external experts invited by the Office, national experts
nominated by a state and confirmed by the Office; each sees that session and its papers only."""

import datetime
import re
from html import unescape

from django.core import mail

from wagtail.models import Locale

import pytest

from network_pages import access
from network_pages.access.models import PageUserObjectPermission
from network_pages.core.roles import CORRESPONDENTS, EXPERTS, OFFICE
from network_pages.directory.models import DirectoryPage
from network_pages.information_requests.models import RequestIndexPage
from network_pages.sessions.convocations import send_convocation
from network_pages.sessions.invitations import end_due_invitations
from network_pages.sessions.models import Invitation, SessionIndexPage, ThematicSessionPage
from tests.factories.accounts import UserFactory
from tests.factories.core import translate
from tests.factories.information_requests import make_request
from tests.factories.intranet import IntranetPageFactory
from tests.factories.sessions import add_paper, approve_agenda, invite_expert, make_session

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


@pytest.fixture
def sessions(tree, today):
    """A thematic session open to national experts (with a paper), and another session."""
    thematic = make_session(
        "Integration of refugees",
        model=ThematicSessionPage,
        starts_on=today + datetime.timedelta(days=60),
        participants="both",
        external_participants=True,
    )
    other = make_session("Plenary", starts_on=today + datetime.timedelta(days=90))
    return thematic, other, add_paper(thematic), add_paper(other, "Plenary note")


def invite_form(people, ends_on, organisation="UNHCR"):
    data = {
        "organisation": organisation,
        "ends_on": ends_on.isoformat(),
        "people-TOTAL_FORMS": "3",
        "people-INITIAL_FORMS": "0",
        "people-MIN_NUM_FORMS": "0",
        "people-MAX_NUM_FORMS": "20",
    }
    for index, (first, last, email, language) in enumerate(people):
        data.update(
            {
                f"people-{index}-first_name": first,
                f"people-{index}-last_name": last,
                f"people-{index}-email": email,
                f"people-{index}-language": language,
            }
        )
    for index in range(len(people), 3):
        data[f"people-{index}-language"] = "en"  # an untouched row keeps its default
    return data


def test_the_office_invites_two_people_of_an_organisation(client, people, sessions, sent, today):
    thematic, *_rest = sessions
    client.force_login(people.office)
    url = thematic.url + "invitations/"
    assert client.get(url).status_code == 200
    with sent(execute=True):
        response = client.post(
            url,
            invite_form(
                [
                    ("Ana", "Silva", "ana@unhcr.example", "fr"),
                    ("Ben", "Okafor", "ben@unhcr.example", "en"),
                ],
                today + datetime.timedelta(days=61),
            ),
            follow=True,
        )
    assert "Invited: Ana Silva, Ben Okafor." in response.text
    invitations = Invitation.objects.filter(session=thematic).select_related("user")
    assert {i.user.email for i in invitations} == {"ana@unhcr.example", "ben@unhcr.example"}
    for invitation in invitations:
        assert invitation.status == "confirmed" and invitation.organisation == "UNHCR"
        assert access.level(invitation.user) == access.Level.EXPERT
        assert invitation.user.groups.filter(name=EXPERTS).exists()
    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {"ana@unhcr.example", "ben@unhcr.example"}
    french = by_address["ana@unhcr.example"]
    assert french.subject == "Invitation\u00a0: Integration of refugees"
    assert re.search(r"/fr/activate/[^/]+/[^/]+/", french.body)
    assert "/activate/" in by_address["ben@unhcr.example"].body


def test_the_invitation_form_says_what_is_wrong_and_keeps_what_was_typed(
    client, people, sessions, today
):
    thematic, *_rest = sessions
    client.force_login(people.office)
    url = thematic.url + "invitations/"
    response = client.post(
        url,
        invite_form(
            [
                ("Claire", "Martin", people.corr_fr.email, "fr"),
                ("Dan", "Lee", "dan@x.example", "en"),
            ],
            today - datetime.timedelta(days=1),
        ),
    )
    assert response.status_code == 200
    assert "This person is a member of the network" in response.text
    assert "The end date cannot be in the past." in response.text
    assert 'value="dan@x.example"' in response.text
    assert not Invitation.objects.exists()
    empty = client.post(url, invite_form([], today + datetime.timedelta(days=5)))
    assert "Give at least one person to invite." in empty.text


@pytest.fixture
def invited(people, sessions):
    """An expert invited to the thematic session until the day after it."""
    thematic, *_rest = sessions
    ends_on = thematic.last_day + datetime.timedelta(days=1)
    return invite_expert(thematic, ends_on=ends_on, password="pass", by=people.office)


def other_intranet_urls(tree, sessions, today):
    thematic, other, _paper, other_paper = sessions
    request_index = RequestIndexPage.objects.get(locale=tree.en)
    request_page = make_request(
        "Returns", ("How many?",), deadline=today + datetime.timedelta(days=9)
    )
    intranet_page = IntranetPageFactory(parent=tree.intranet_en, title="Working notes")
    return [
        SessionIndexPage.objects.get(locale=tree.en).url,
        other.url,
        other.url + "convene/",
        thematic.url + "invitations/",
        thematic.url + "nominate/",
        request_index.url,
        request_page.url,
        request_page.url + "compilation/",
        DirectoryPage.objects.get(locale=tree.en).url,
        intranet_page.url,
        "/en/intranet/no-such-page/",
        other_paper.url,
    ]


def test_an_invited_expert_sees_their_session_and_papers_and_nothing_else(
    client, tree, sessions, invited, today
):
    thematic, other, thematic_paper, _other_paper = sessions
    client.force_login(invited.user)
    page = client.get(thematic.url)
    assert page.status_code == 200 and "Background note" in page.text
    assert client.get(thematic_paper.url).status_code == 200
    french = translate(thematic, tree.fr, "Intégration des réfugiés")
    assert client.get(french.url).status_code == 200
    home = client.get(tree.intranet_en.url).text
    assert "What you were invited to" in home and "Integration of refugees" in home
    assert "Plenary" not in home and "Returns" not in home
    for url in other_intranet_urls(tree, sessions, today):
        # A page they may not see answers 403; a file, as if it did not exist.
        expected = 404 if url.startswith("/documents/") else 403
        assert client.get(url).status_code == expected, url


def test_a_withdrawn_invitation_closes_the_session(client, people, sessions, invited):
    thematic, _other, thematic_paper, _ = sessions
    client.force_login(people.office)
    client.post(thematic.url + f"invitations/{invited.pk}/withdraw/")
    invited.refresh_from_db()
    assert invited.status == "withdrawn"
    client.force_login(invited.user)
    assert client.get(thematic.url).status_code == 403
    assert client.get(thematic_paper.url).status_code == 404
    assert "Integration of refugees" not in client.get("/en/intranet/").text


def test_access_ends_the_day_after_the_end_date_even_before_the_daily_run(
    client, sessions, invited, today
):
    thematic, *_rest = sessions
    client.force_login(invited.user)
    assert client.get(thematic.url).status_code == 200
    Invitation.objects.filter(pk=invited.pk).update(ends_on=today - datetime.timedelta(days=1))
    assert client.get(thematic.url).status_code == 403
    assert end_due_invitations() == 1
    invited.refresh_from_db()
    assert invited.status == "ended"
    assert not PageUserObjectPermission.objects.filter(user=invited.user).exists()
    assert client.get(thematic.url).status_code == 403


def test_a_national_expert_is_nominated_by_a_state_and_confirmed_by_the_office(
    client, people, sessions, sent
):
    thematic, other, thematic_paper, _ = sessions
    client.force_login(people.corr_fr)
    assert "Nominate a national expert" in client.get(thematic.url).text
    with sent(execute=True):
        response = client.post(
            thematic.url + "nominate/",
            {
                "first_name": "Luc",
                "last_name": "Moreau",
                "email": "luc@interieur.example",
                "language": "fr",
                "organisation": "Ministère de l'Intérieur",
            },
            follow=True,
        )
    assert "is proposed to the Office" in response.text
    invitation = Invitation.objects.get(email="luc@interieur.example")
    assert (invitation.status, invitation.kind) == ("nominated", "national")
    assert invitation.member_state.code == "FR" and invitation.nominated_by == people.corr_fr
    assert invitation.user is None, "no account before the Office confirms"
    assert [m.to[0] for m in mail.outbox] == [people.office.email]
    assert mail.outbox[0].subject.startswith("La France propose un expert national")
    client.force_login(people.corr_de)
    assert client.post(thematic.url + f"invitations/{invitation.pk}/confirm/").status_code == 403
    client.force_login(people.office)
    client.post(
        thematic.url + f"invitations/{invitation.pk}/confirm/",
        {"first_name": "Luc", "last_name": "Moreau", "language": "fr"},
    )
    invitation.refresh_from_db()
    expert = invitation.user
    client.force_login(expert)
    assert client.get(thematic.url).status_code == 200
    assert client.get(thematic_paper.url).status_code == 200
    assert client.get(other.url).status_code == 403
    client.force_login(people.office)
    client.post(thematic.url + f"invitations/{invitation.pk}/withdraw/")
    client.force_login(expert)
    assert client.get(thematic.url).status_code == 403


def test_a_plenary_takes_no_national_experts(client, people, sessions):
    _thematic, plenary, *_ = sessions
    client.force_login(people.corr_fr)
    assert "Nominate a national expert" not in client.get(plenary.url).text
    response = client.get(plenary.url + "nominate/", follow=True)
    assert "This session does not take national experts." in response.text
    client.force_login(people.expert)
    assert client.get(plenary.url + "nominate/").status_code == 403


def test_the_thematic_convocation_reaches_its_invited_participants(
    people, sessions, invited, sent, today
):
    thematic, *_rest = sessions
    UserFactory(username="corr-it", roles=[CORRESPONDENTS], state="IT")
    mail.outbox.clear()
    approve_agenda(thematic, people.srsg)
    with sent(execute=True):
        convocation = send_convocation(thematic, by=people.office, today=today)
    assert "eva@x.example" in {message.to[0] for message in mail.outbox}
    assert convocation.recipients.filter(pk=invited.user.pk).exists()
    assert len(mail.outbox) == 4  # three correspondents and the expert, once each


def test_no_invitation_switches_an_account_on_or_reaches_another_role(
    client, people, sessions, today
):
    thematic, *_rest = sessions
    suspended = UserFactory(username="corr-pl", roles=[CORRESPONDENTS], state="PL", is_active=False)
    old_admin = UserFactory(username="old-admin", is_superuser=True, is_active=False)
    former_office = UserFactory(username="former-office", roles=[OFFICE], is_active=False)
    client.force_login(people.office)
    for person in (suspended, old_admin, former_office):
        response = client.post(
            thematic.url + "invitations/",
            invite_form([("A", "B", person.email, "en")], today + datetime.timedelta(days=61)),
        )
        assert "This person is a member of the network" in response.text, person
    client.force_login(people.corr_fr)
    client.post(
        thematic.url + "nominate/",
        {"first_name": "A", "last_name": "B", "email": old_admin.email, "language": "en"},
    )
    nomination = Invitation.objects.get()  # the correspondent is told nothing; the Office is
    client.force_login(people.office)
    response = client.post(
        thematic.url + f"invitations/{nomination.pk}/confirm/",
        {"first_name": "A", "last_name": "B", "language": "en"},
    )
    assert "This person is a member of the network" in response.text
    assert not Invitation.objects.filter(status="confirmed").exists()
    for person in (suspended, old_admin, former_office):
        person.refresh_from_db()
        assert not person.is_active
    switched_off = UserFactory(username="old-expert", roles=[EXPERTS], is_active=False)
    client.force_login(people.office)
    response = client.post(
        thematic.url + "invitations/",
        invite_form([("A", "B", switched_off.email, "en")], today + datetime.timedelta(days=61)),
    )
    assert "This account is switched off" in response.text


def test_experts_are_invited_to_thematic_sessions_open_to_them_and_only_once(
    client, tree, people, sessions, invited, today
):
    thematic, plenary, *_ = sessions
    client.force_login(people.office)
    closed_door = client.get(plenary.url + "invitations/").text
    assert "This session has no external participants" in closed_door
    again = client.post(
        thematic.url + "invitations/",
        invite_form([("Eva", "Berg", "eva@x.example", "en")], today + datetime.timedelta(days=61)),
    )
    assert "already invited to this session" in again.text
    assert Invitation.objects.filter(user=invited.user).count() == 1
    members_only = make_session("Members only", model=ThematicSessionPage, starts_on=today)
    html = client.get(members_only.url + "invitations/").text
    assert "This session has no external participants" in html


def test_a_translation_not_brought_up_to_date_takes_no_nomination(client, tree, people, sessions):
    thematic, *_rest = sessions
    french = translate(thematic, tree.fr, "Intégration des réfugiés")
    ThematicSessionPage.objects.filter(pk=thematic.pk).update(participants="members")
    client.force_login(people.corr_fr)
    response = client.post(
        french.url + "nominate/",
        {"first_name": "Luc", "last_name": "Moreau", "email": "luc@x.example", "language": "fr"},
        follow=True,
    )
    assert "accueille pas d&#x27;experts nationaux" in response.text
    assert not Invitation.objects.exists()


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("en", "Write this on one line, without line breaks or control characters."),
        ("fr", "Écrivez ceci sur une seule ligne, sans saut de ligne ni caractère de contrôle."),
    ],
)
def test_a_name_with_a_line_break_is_refused_and_forges_no_line(
    client, people, sessions, sent, lang, message
):
    """Found: a nominee's name with a line break forged a line in the Office's e-mail."""
    thematic, *_rest = sessions
    version = thematic.get_translation(Locale.objects.get(language_code=lang))
    client.force_login(people.corr_fr)
    with sent(execute=True):
        response = client.post(
            version.url + "nominate/",
            {
                "first_name": "Luc",
                "last_name": "Moreau\nApproved by the SRSG: yes",
                "email": "luc@interieur.example",
                "language": "fr",
                "organisation": "Ministère\r\nde l'Intérieur",
            },
        )
    assert response.status_code == 200
    assert unescape(response.text).count(message) == 2  # the name and the administration
    assert not Invitation.objects.exists() and mail.outbox == []
    assert "Moreau" in response.text, "what was typed is kept"
