"""Convocations (R10, R11): 30 working days ahead for a plenary, to every active correspondent in
their language, and the yearly plenary the network must plan."""

import datetime

from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError

from wagtail.models import PageLogEntry

import pytest

from network_pages.core.roles import CORRESPONDENTS
from network_pages.sessions.convocations import (
    ConvocationRefused,
    plenary_schedule_problem,
    plenary_year,
    send_convocation,
)
from network_pages.sessions.models import Convocation, ThematicSessionPage
from network_pages.sessions.working_days import ClosureDay
from tests.factories.accounts import UserFactory
from tests.factories.sessions import approve_agenda, make_session

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]

DAY = datetime.date


def test_a_plenary_convocation_is_refused_at_29_working_days_and_sent_at_30(tree, people, sent):
    session = make_session(starts_on=DAY(2026, 5, 11))
    approve_agenda(session, people.srsg)
    late_day = DAY(2026, 3, 24)  # 29 working days remain
    with pytest.raises(ConvocationRefused, match="23 March 2026"):
        send_convocation(session, by=people.office, today=late_day)
    assert not Convocation.objects.exists()
    with sent(execute=True):
        convocation = send_convocation(session, by=people.office, today=DAY(2026, 3, 23))
    assert not convocation.late
    assert convocation.last_compliant_date == DAY(2026, 3, 23)


def test_a_late_plenary_convocation_needs_a_reason_which_is_logged(tree, people, sent):
    session = make_session(starts_on=DAY(2026, 5, 11))
    approve_agenda(session, people.srsg)
    with sent(execute=True):
        convocation = send_convocation(
            session,
            by=people.office,
            override_reason="  The venue was confirmed late.  ",
            today=DAY(2026, 4, 20),
        )
    assert convocation.late
    assert convocation.override_reason == "The venue was confirmed late."
    entry = PageLogEntry.objects.get(page=session, action="network.session.convene")
    assert entry.user == people.office
    assert entry.data["late"] is True
    assert entry.data["reason"] == "The venue was confirmed late."


def test_a_convocation_needs_a_draft_agenda(tree, people):
    session = make_session(agenda=())
    with pytest.raises(ConvocationRefused, match="draft agenda"):
        send_convocation(session, by=people.office, today=DAY(2026, 1, 5))


def test_the_convocation_reaches_every_active_correspondent_once_in_their_language(
    tree, people, sent
):
    UserFactory(username="corr-it", roles=[CORRESPONDENTS], state="IT", language="fr")
    UserFactory(username="corr-es", roles=[CORRESPONDENTS], state="ES", is_active=False)
    session = make_session(starts_on=DAY(2027, 3, 15))
    approve_agenda(session, people.srsg)
    mail.outbox.clear()
    with sent(execute=True):
        convocation = send_convocation(session, by=people.office, today=DAY(2027, 1, 4))
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == ["corr-de@example.org", "corr-fr@example.org", "corr-it@example.org"]
    assert set(convocation.recipients.values_list("username", flat=True)) == {
        "corr-de",
        "corr-fr",
        "corr-it",
    }
    by_address = {message.to[0]: message for message in mail.outbox}
    french = by_address["corr-fr@example.org"]
    assert french.subject.startswith("Convocation\u00a0: Plenary session 2027, 15 mars 2027")
    assert "1. Opening by the SRSG" in french.body
    assert "Ordre du jour provisoire\u00a0:" in french.body
    assert "Dates\u00a0: 15 mars 2027" in french.body, "French typography in the labels too"
    assert "Dates: 15 March 2027" in by_address["corr-de@example.org"].body
    english = by_address["corr-de@example.org"]
    assert english.subject == "Convocation: Plenary session 2027, 15 March 2027"
    assert session.url in english.body


def test_the_office_convenes_from_the_session_page(client, tree, people, sent):
    session = make_session(starts_on=DAY(2030, 3, 15))
    approve_agenda(session, people.srsg)
    client.force_login(people.office)
    html = client.get(session.url).text
    assert "Last compliant date for the convocation" in html
    assert f'class="button secondary danger" href="{session.url}convene/"' in html
    # The form is the confirmation: what sending does, and to whom, by state.
    form = client.get(session.url + "convene/").text
    assert "An e-mail goes now to each of 2 people" in form
    assert f"<strong>France</strong>: {people.corr_fr.get_full_name()}" in form
    assert f"<strong>Germany</strong>: {people.corr_de.get_full_name()}" in form
    assert 'class="button danger"' in form and "already sent" not in form
    assert not Convocation.objects.exists()
    with sent(execute=True):
        response = client.post(session.url + "convene/", {"override_reason": ""}, follow=True)
    assert "The convocation was sent to 2 people." in response.text
    assert "A convocation was already sent on" in client.get(session.url + "convene/").text
    assert Convocation.objects.get().sent_by == people.office
    client.force_login(people.corr_fr)
    assert client.get(session.url + "convene/").status_code == 403
    assert client.post(session.url + "convene/").status_code == 403


def test_a_late_convocation_form_says_why_and_keeps_the_reason_typed(client, tree, people, today):
    session = make_session(starts_on=today + datetime.timedelta(days=10))
    approve_agenda(session, people.srsg)
    client.force_login(people.office)
    response = client.post(session.url + "convene/", {"override_reason": ""})
    assert response.status_code == 200
    assert "at least 30 working days ahead" in response.text
    assert not Convocation.objects.exists()


# The yearly plenary


@pytest.mark.parametrize(
    ("day", "year"),
    [(DAY(2026, 9, 30), 2026), (DAY(2026, 10, 1), 2027), (DAY(2026, 1, 1), 2026)],
)
def test_the_year_that_needs_a_plenary_turns_on_1_october(day, year):
    assert plenary_year(day) == year


def test_the_yearly_check_on_both_sides_of_1_october(tree):
    assert plenary_schedule_problem(DAY(2026, 9, 30)) is not None
    make_session(title="Plenary 2026", starts_on=DAY(2026, 11, 20))
    assert plenary_schedule_problem(DAY(2026, 9, 30)) is None
    assert "2027" in plenary_schedule_problem(DAY(2026, 10, 1))
    make_session(title="Thematic 2027", model=ThematicSessionPage, starts_on=DAY(2027, 2, 1))
    assert plenary_schedule_problem(DAY(2026, 10, 1)) is not None  # a thematic one does not count
    make_session(title="Plenary 2027", starts_on=DAY(2027, 6, 1))
    assert plenary_schedule_problem(DAY(2026, 10, 1)) is None


def test_the_monitoring_command_exits_non_zero_without_a_plenary(tree):
    with pytest.raises(CommandError, match="No plenary session is planned"):
        call_command("check_plenary_schedule")
    make_session(title="Next plenary", starts_on=DAY(plenary_year(), 6, 1))
    call_command("check_plenary_schedule")


def test_the_admin_dashboard_warns_the_office(client, tree, people):
    client.force_login(people.office)
    assert "No plenary session is planned" in client.get("/admin/").text
    make_session(title="Next plenary", starts_on=DAY(plenary_year(), 6, 1))
    assert "No plenary session is planned" not in client.get("/admin/").text


def test_the_admin_dashboard_asks_for_the_coming_years_closure_days(client, tree, people, today):
    closure = "No closure day of the Council of Europe is recorded for the next twelve months"
    client.force_login(people.office)
    ClosureDay.objects.create(day=today - datetime.timedelta(days=1), label="Past")
    ClosureDay.objects.create(day=today + datetime.timedelta(days=366), label="Too far")
    assert closure in client.get("/admin/").text
    ClosureDay.objects.create(day=today + datetime.timedelta(days=300), label="Christmas")
    assert closure not in client.get("/admin/").text
    client.force_login(people.corr_fr)
    assert closure not in client.get("/admin/").text
