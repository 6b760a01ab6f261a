"""Session pages (R10): who sees them, the Office's facts in the admin, the calendar file, and
a page's cost whatever its papers."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from network_pages.accounts.models import MemberState
from network_pages.sessions.models import AgendaItem, SessionIndexPage, ThematicSessionPage
from tests.factories.sessions import add_paper, invite_expert, make_session

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]

DAY = datetime.date


def test_members_see_sessions_experts_and_visitors_do_not(client, tree, people, today):
    session = make_session(starts_on=today + datetime.timedelta(days=40))
    index = SessionIndexPage.objects.get(locale=tree.en)
    client.force_login(people.corr_de)
    page = client.get(session.url).text
    assert "Opening by the SRSG" in page and "Last compliant date" not in page
    assert session.title in client.get(index.url).text
    assert session.title in client.get(tree.intranet_en.url).text  # upcoming sessions panel
    client.force_login(people.expert)
    assert client.get(session.url).status_code == 403
    assert client.get(index.url).status_code == 403
    client.logout()
    assert client.get(session.url).status_code == 302


def test_a_draft_session_shows_its_last_compliant_date_in_the_admin(client, tree, people):
    draft = make_session(
        "Draft plenary", starts_on=DAY(2026, 5, 11), place="Strasbourg", agenda=(), publish=False
    )
    client.force_login(people.srsg)
    html = client.get(f"/admin/pages/{draft.pk}/edit/").text
    assert "Last compliant date for the convocation" in html
    assert "23 March 2026" in html


def test_a_session_downloads_as_a_calendar_event(client, tree, people):
    session = make_session(starts_on=DAY(2027, 3, 15))
    client.force_login(people.corr_de)
    response = client.get(session.url + "ical/")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content.decode()
    assert "SUMMARY:Plenary session 2027" in body
    assert "DTSTART;VALUE=DATE:20270315" in body and "DTEND;VALUE=DATE:20270316" in body
    assert "LOCATION:Strasbourg\\, Agora" in body
    client.force_login(people.expert)
    assert client.get(session.url + "ical/").status_code == 403


def test_a_session_page_costs_the_same_queries_with_2_or_12_papers_and_items(client, tree, people):
    thematic = {"model": ThematicSessionPage, "external_participants": True}
    small = make_session(title="Small", starts_on=DAY(2030, 1, 8), **thematic)
    items = [f"Item {number}" for number in range(10)]
    large = make_session(title="Large", starts_on=DAY(2030, 2, 8), agenda=items, **thematic)
    # Items accepted from the states' suggestions name the state: read with the agenda.
    AgendaItem.objects.filter(page=large).update(suggested_by=MemberState.objects.get(code="FR"))
    for session, count in ((small, 2), (large, 12)):
        for order in range(count):
            add_paper(session, f"Paper {order}", sort_order=order)
    for session in (small, large):
        invitation = invite_expert(session, ends_on=DAY(2030, 3, 1), by=people.office)
    for user in (people.corr_fr, people.office, invitation.user):
        client.force_login(user)
        client.get(small.url)
        counts = []
        for session in (small, large):
            with CaptureQueriesContext(connection) as captured:
                assert client.get(session.url).status_code == 200
            counts.append(len(captured))
        assert counts[0] == counts[1], (user, counts)
        assert counts[1] <= 24, counts  # measured: 22 to 24 (the Office reads its facts)
