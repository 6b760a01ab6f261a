"""Attendance: each state registers its participants; the Office sees and exports the list."""

import csv
import datetime
import io

import openpyxl
import pytest

from network_pages.sessions.models import (
    Attendance,
    Invitation,
    PlenarySessionPage,
    ThematicSessionPage,
)
from tests.factories.sessions import invite_expert, make_session

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


@pytest.fixture
def session(tree, today):
    return make_session("Plenary", starts_on=today + datetime.timedelta(days=50))


def register(client, session, name, email, mode="in_person", code=None):
    url = session.url + (f"attendance/{code}/" if code else "attendance/")
    data = {"name": name, "email": email, "position": "Ministry of the Interior", "mode": mode}
    return client.post(url, data, follow=True)


def test_a_correspondent_registers_the_participants_of_their_state(client, people, session):
    client.force_login(people.corr_fr)
    assert "Register the participants of my state" in client.get(session.url).text
    response = register(client, session, "Claire Martin", "claire@interieur.example")
    assert "Claire Martin is registered." in response.text
    register(client, session, "Paul Roux", "paul@interieur.example", mode="online")
    registered = Attendance.objects.filter(session=session).order_by("name")
    assert [(p.name, p.mode, p.member_state.code) for p in registered] == [
        ("Claire Martin", "in_person", "FR"),
        ("Paul Roux", "online", "FR"),
    ]
    assert registered[0].registered_by == people.corr_fr


def test_a_person_registered_twice_gets_a_clear_error_and_keeps_the_form(client, people, session):
    client.force_login(people.corr_fr)
    register(client, session, "Claire Martin", "claire@interieur.example")
    response = register(client, session, "Claire M.", "claire@interieur.example")
    assert "This e-mail address is already registered for the session." in response.text
    assert 'value="Claire M."' in response.text
    assert Attendance.objects.count() == 1


def test_a_state_sees_and_changes_only_its_own_registrations(client, people, session):
    client.force_login(people.corr_fr)
    register(client, session, "Claire Martin", "claire@interieur.example")
    participant = Attendance.objects.get()
    client.force_login(people.corr_de)
    assert "Claire Martin" not in client.get(session.url + "attendance/").text
    assert client.get(session.url + "attendance/FR/").status_code == 403
    assert client.post(session.url + f"attendance/remove/{participant.pk}/").status_code == 403
    assert client.get(session.url + "participants/").status_code == 403
    client.force_login(people.corr_fr)
    client.post(session.url + f"attendance/remove/{participant.pk}/")
    assert not Attendance.objects.exists()


def test_the_office_registers_for_a_state_and_exports_the_list(client, tree, people, today):
    session = make_session(
        "Thematic", model=ThematicSessionPage, starts_on=today + datetime.timedelta(days=52)
    )
    ThematicSessionPage.objects.filter(pk=session.pk).update(external_participants=True)
    client.force_login(people.corr_de)
    register(client, session, "Jonas Becker", "jonas@bmi.example", mode="online")
    client.force_login(people.office)
    register(client, session, "=HYPERLINK(1)", "ana@mai.example", code="PT")
    invite_expert(session, organisation="UNHCR", by=people.office)
    html = client.get(session.url + "participants/").text
    assert "2 registered by the states: 1 in person, 1 online." in html
    assert "Eva Berg" in html
    rows = list(
        csv.reader(io.StringIO(client.get(session.url + "participants/csv/").content.decode()))
    )
    assert rows[0][:2] == ["\ufeffMember state", "Name"]
    assert rows[1][:3] == ["Germany", "Jonas Becker", "jonas@bmi.example"]
    assert rows[2][:2] == ["Portugal", "'=HYPERLINK(1)"]
    assert rows[3][1:3] == ["Eva Berg", "eva@x.example"]
    workbook = openpyxl.load_workbook(
        io.BytesIO(client.get(session.url + "participants/xlsx/").content)
    )
    values = [[c.value for c in row] for row in workbook.active.iter_rows()]
    assert values[1][:2] == ["Germany", "Jonas Becker"]
    assert values[2][1] == "=HYPERLINK(1)"
    assert workbook.active.cell(row=3, column=2).data_type == "s"
    # The session over and the invitation ended, the expert stays on the list.
    Invitation.objects.update(status="ended")
    assert "Eva Berg" in client.get(session.url + "participants/").text


def test_removing_a_participant_never_leads_off_the_site(client, people, session):
    client.force_login(people.corr_fr)
    register(client, session, "Claire Martin", "Claire@Interieur.example")
    participant = Attendance.objects.get()
    assert participant.email == "claire@interieur.example"
    response = client.post(
        session.url + f"attendance/remove/{participant.pk}/", {"next": "https://evil.example/"}
    )
    assert response["Location"] == session.url


def test_registrations_close_when_the_session_is_over(client, people, session, today):
    PlenarySessionPage.objects.filter(pk=session.pk).update(
        starts_on=today - datetime.timedelta(days=3)
    )
    session.refresh_from_db()
    client.force_login(people.corr_fr)
    response = register(client, session, "Late Comer", "late@x.example")
    assert "The session is over: registrations are closed." in response.text
    assert not Attendance.objects.exists()


def test_invited_experts_and_visitors_cannot_register(client, people, session):
    client.force_login(people.expert)
    assert client.get(session.url + "attendance/").status_code == 403
    client.logout()
    assert client.get(session.url + "attendance/").status_code == 302
