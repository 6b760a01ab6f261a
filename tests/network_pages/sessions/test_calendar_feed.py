"""Personal calendar feeds (issue 17): each member and invited expert subscribes to the sessions
they may see, at a secret address that works without a cookie; a reset, a deactivation or a lapsed
invitation stops it."""

import datetime

from django.test import Client

import icalendar
import pytest

from network_pages.sessions.calendar import feed_of
from network_pages.sessions.invitations import withdraw
from tests.factories.sessions import invite_expert, make_plenary_with_thematic

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


@pytest.fixture
def sessions(plenary_with_thematic):
    return plenary_with_thematic


def _feed_url(client, user, lang="en"):
    """The address the person copies from their calendar page."""
    client.force_login(user)
    response = client.get(f"/{lang}/calendar/")
    assert response.status_code == 200
    address = feed_of(user).token
    assert address in response.text
    return f"/calendar/{address}.ics"


def _events(url):
    """The feed's events, fetched as a calendar application does: without a cookie."""
    response = Client().get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "private" in response["Cache-Control"]
    calendar = icalendar.Calendar.from_ical(response.content)
    assert str(calendar["VERSION"]) == "2.0" and calendar["PRODID"]
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


def test_a_correspondent_s_feed_holds_every_session_once_in_their_language(
    client, people, sessions
):
    plenary, thematic = sessions["plenary"], sessions["thematic"]
    english = _events(_feed_url(client, people.corr_de))
    assert set(english) == {"Plenary", "Integration"}
    event = english["Plenary"]
    assert event["DTSTART"].dt == plenary.starts_on
    assert event["DTEND"].dt == plenary.last_day + datetime.timedelta(days=1)
    assert str(event["LOCATION"]) == plenary.place
    assert str(event["URL"]) == f"http://testserver{plenary.url}"
    # Minimal details: calendar applications copy them to outside services.
    assert set(event) <= {"UID", "DTSTAMP", "SUMMARY", "DTSTART", "DTEND", "LOCATION", "URL"}
    assert english["Integration"]["DTSTART"].dt == thematic.starts_on
    # A French-speaking correspondent gets the French version where there is one, else the
    # original: each session once.
    french = _events(_feed_url(client, people.corr_fr, "fr"))
    assert set(french) == {"Plénière", "Integration"}
    assert str(french["Plénière"]["URL"]).endswith(sessions["plenary_fr"].url)
    assert french["Plénière"]["UID"] == english["Plenary"]["UID"]


def test_an_expert_s_feed_holds_only_what_they_are_invited_to(client, people, sessions):
    invitation = invite_expert(sessions["thematic"], by=people.office, user=people.expert)
    url = _feed_url(client, people.expert)
    assert set(_events(url)) == {"Integration"}
    guest = invite_expert(sessions["plenary"], by=people.office).user
    assert set(_events(_feed_url(client, guest))) == {"Plenary"}, "the plenary alone, once"
    # A lapsed invitation stops it at once.
    withdraw(invitation, by=people.office)
    assert _events(url) == {}


def test_the_feed_answers_for_its_owner_whatever_cookie_comes_with_it(client, people, sessions):
    invite_expert(sessions["thematic"], by=people.office, user=people.expert)
    url = _feed_url(client, people.expert)
    client.force_login(people.office)  # the Office's cookie does not widen the expert's feed
    response = client.get(url)
    events = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert {str(event["SUMMARY"]) for event in events} == {"Integration"}


def test_a_reset_stops_the_old_address_at_once(client, people, sessions):
    old = _feed_url(client, people.corr_de)
    response = client.post("/en/calendar/", follow=True)
    assert "the old one no longer works" in response.text
    new = f"/calendar/{feed_of(people.corr_de).token}.ics"
    assert new != old
    assert Client().get(old).status_code == 404
    assert set(_events(new)) == {"Plenary", "Integration"}


def test_a_switched_off_account_s_feed_stops(client, people, sessions):
    url = _feed_url(client, people.corr_de)
    people.corr_de.is_active = False
    people.corr_de.save()
    assert Client().get(url).status_code == 404
    assert Client().get("/calendar/not-a-secret.ics").status_code == 404


def test_only_members_and_invited_experts_have_a_calendar(client, people):
    assert client.get("/fr/calendar/").url.startswith("/fr/login/")
    client.force_login(people.outsider)
    assert client.get("/en/calendar/").status_code == 403
    outsider_feed = feed_of(people.outsider)
    assert Client().get(f"/calendar/{outsider_feed.token}.ics").status_code == 404


def test_the_feed_costs_a_bounded_number_of_queries(
    client, people, sessions, today, django_assert_max_num_queries
):
    url = _feed_url(client, people.corr_de)
    for offset in range(10):
        make_plenary_with_thematic(
            today + datetime.timedelta(days=offset),
            title=f"Plenary {offset}",
            thematic_title=f"Thematic {offset}",
        )
    with django_assert_max_num_queries(12):
        response = Client().get(url)
    assert response.content.count(b"BEGIN:VEVENT") == 22
