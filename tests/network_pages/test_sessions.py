"""Sessions (R10, R11): pages, 30-working-day convocations and the yearly plenary."""

import datetime

from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation
from django.utils.text import slugify

from wagtail.models import PageLogEntry

import pytest

from network_pages.core.roles import CORRESPONDENTS
from network_pages.sessions.convocations import (
    ConvocationRefused,
    plenary_schedule_problem,
    plenary_year,
    send_convocation,
)
from network_pages.sessions.models import (
    AgendaItem,
    Convocation,
    PlenarySessionPage,
    SessionIndexPage,
    ThematicSessionPage,
)
from network_pages.sessions.working_days import (
    ClosureDay,
    is_working_day,
    last_compliant_date,
    working_days_between,
)
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]

DAY = datetime.date


def make_session(
    tree,
    model=PlenarySessionPage,
    title="Plenary session 2027",
    starts_on=None,
    agenda=("Opening by the SRSG", "Reports of the states"),
    parent=None,
    locale=None,
    **fields,
):
    index = SessionIndexPage.objects.get(locale=locale or tree.en)
    starts_on = starts_on or DAY(2027, 3, 15)
    page = model(
        title=title, slug=slugify(title), starts_on=starts_on, place="Strasbourg, Agora", **fields
    )
    for order, item in enumerate(agenda):
        page.agenda_items.add(AgendaItem(title=item, sort_order=order))
    (parent or index).add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture(autouse=True)
def _english():
    """Messages built outside a request speak the active language: make it English here."""
    with translation.override("en"):
        yield


@pytest.fixture
def sent(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks


# Working days in Strasbourg


def test_weekends_and_strasbourg_holidays_are_not_working_days(db):
    assert is_working_day(DAY(2026, 4, 2))  # Maundy Thursday
    assert not is_working_day(DAY(2026, 4, 3))  # Good Friday, a holiday in Alsace-Moselle
    assert not is_working_day(DAY(2026, 4, 4))  # Saturday
    assert not is_working_day(DAY(2026, 4, 5))  # Sunday
    assert not is_working_day(DAY(2026, 4, 6))  # Easter Monday
    assert not is_working_day(DAY(2025, 12, 26))  # a Friday, Saint Stephen's Day in Alsace
    assert is_working_day(DAY(2025, 12, 29))


def test_closure_days_of_the_council_of_europe_are_not_working_days(db):
    assert is_working_day(DAY(2025, 12, 30))
    ClosureDay.objects.create(day=DAY(2025, 12, 30), label="Year-end closure")
    assert not is_working_day(DAY(2025, 12, 30))


def test_the_last_compliant_date_leaves_exactly_30_working_days(db):
    # Opening on Monday 11 May 2026: Easter (3 and 6 April) and 1 and 8 May fall in between.
    opening = DAY(2026, 5, 11)
    last = last_compliant_date(opening)
    assert last == DAY(2026, 3, 23)
    day_before = opening - datetime.timedelta(days=1)
    assert working_days_between(last + datetime.timedelta(days=1), day_before) == 30
    assert working_days_between(last + datetime.timedelta(days=2), day_before) == 29


def test_christmas_in_strasbourg_moves_the_last_compliant_date(db):
    opening = DAY(2026, 1, 26)
    last = last_compliant_date(opening)
    # 25 and 26 December 2025 and 1 January 2026 are not counted.
    assert last == DAY(2025, 12, 9)
    ClosureDay.objects.create(day=DAY(2025, 12, 31), label="Closure")
    assert last_compliant_date(opening) == DAY(2025, 12, 8)


# Convocations


def test_a_plenary_convocation_is_refused_at_29_working_days_and_sent_at_30(tree, people, sent):
    session = make_session(tree, starts_on=DAY(2026, 5, 11))
    late_day = DAY(2026, 3, 24)  # 29 working days remain
    with pytest.raises(ConvocationRefused, match="March 23, 2026"):
        send_convocation(session, by=people.office, today=late_day)
    assert not Convocation.objects.exists()
    with sent(execute=True):
        convocation = send_convocation(session, by=people.office, today=DAY(2026, 3, 23))
    assert not convocation.late
    assert convocation.last_compliant_date == DAY(2026, 3, 23)


def test_a_late_plenary_convocation_needs_a_reason_which_is_logged(tree, people, sent):
    session = make_session(tree, starts_on=DAY(2026, 5, 11))
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
    session = make_session(tree, agenda=())
    with pytest.raises(ConvocationRefused, match="draft agenda"):
        send_convocation(session, by=people.office, today=DAY(2026, 1, 5))


def test_the_convocation_reaches_every_active_correspondent_once_in_their_language(
    tree, people, sent
):
    UserFactory(username="corr-it", roles=[CORRESPONDENTS], state="IT", language="fr")
    UserFactory(username="corr-es", roles=[CORRESPONDENTS], state="ES", is_active=False)
    session = make_session(tree, starts_on=DAY(2027, 3, 15))
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
    assert french.subject.startswith("Convocation : Plenary session 2027, 15 mars 2027")
    assert "1. Opening by the SRSG" in french.body
    assert "Ordre du jour provisoire" in french.body
    english = by_address["corr-de@example.org"]
    assert english.subject == "Convocation: Plenary session 2027, March 15, 2027"
    assert session.url in english.body


def test_the_office_convenes_from_the_session_page(client, tree, people, sent):
    session = make_session(tree, starts_on=DAY(2030, 3, 15))
    client.force_login(people.office)
    html = client.get(session.url).text
    assert "Last compliant date for the convocation" in html
    form = client.get(session.url + "convene/")
    assert form.status_code == 200
    with sent(execute=True):
        response = client.post(session.url + "convene/", {"override_reason": ""}, follow=True)
    assert "The convocation was sent to 2 people." in response.text
    assert Convocation.objects.get().sent_by == people.office
    client.force_login(people.corr_fr)
    assert client.get(session.url + "convene/").status_code == 403
    assert client.post(session.url + "convene/").status_code == 403


def test_a_late_convocation_form_says_why_and_keeps_the_reason_typed(client, tree, people):
    session = make_session(tree, starts_on=datetime.date.today() + datetime.timedelta(days=10))
    client.force_login(people.office)
    response = client.post(session.url + "convene/", {"override_reason": ""})
    assert response.status_code == 200
    assert "at least 30 working days ahead" in response.text
    assert not Convocation.objects.exists()


# The yearly plenary


@pytest.mark.parametrize(
    ("today", "year"),
    [(DAY(2026, 9, 30), 2026), (DAY(2026, 10, 1), 2027), (DAY(2026, 1, 1), 2026)],
)
def test_the_year_that_needs_a_plenary_turns_on_1_october(today, year):
    assert plenary_year(today) == year


def test_the_yearly_check_on_both_sides_of_1_october(tree):
    assert plenary_schedule_problem(DAY(2026, 9, 30)) is not None
    make_session(tree, title="Plenary 2026", starts_on=DAY(2026, 11, 20))
    assert plenary_schedule_problem(DAY(2026, 9, 30)) is None
    assert "2027" in plenary_schedule_problem(DAY(2026, 10, 1))
    make_session(tree, title="Thematic 2027", model=ThematicSessionPage, starts_on=DAY(2027, 2, 1))
    assert plenary_schedule_problem(DAY(2026, 10, 1)) is not None  # a thematic one does not count
    make_session(tree, title="Plenary 2027", starts_on=DAY(2027, 6, 1))
    assert plenary_schedule_problem(DAY(2026, 10, 1)) is None


def test_the_monitoring_command_exits_non_zero_without_a_plenary(tree):
    with pytest.raises(CommandError, match="No plenary session is planned"):
        call_command("check_plenary_schedule")
    make_session(tree, title="Next plenary", starts_on=DAY(plenary_year(), 6, 1))
    call_command("check_plenary_schedule")


def test_the_admin_dashboard_warns_the_office(client, tree, people):
    client.force_login(people.office)
    assert "No plenary session is planned" in client.get("/admin/").text
    make_session(tree, title="Next plenary", starts_on=DAY(plenary_year(), 6, 1))
    assert "No plenary session is planned" not in client.get("/admin/").text


# Pages


def test_members_see_sessions_experts_and_visitors_do_not(client, tree, people):
    session = make_session(tree, starts_on=datetime.date.today() + datetime.timedelta(days=40))
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
    index = SessionIndexPage.objects.get(locale=tree.en)
    draft = PlenarySessionPage(
        title="Draft plenary",
        slug="draft-plenary",
        starts_on=DAY(2026, 5, 11),
        place="Strasbourg",
        live=False,
    )
    index.add_child(instance=draft)
    draft.save_revision()
    client.force_login(people.srsg)
    html = client.get(f"/admin/pages/{draft.pk}/edit/").text
    assert "Last compliant date for the convocation" in html
    assert "March 23, 2026" in html


def test_a_session_downloads_as_a_calendar_event(client, tree, people):
    session = make_session(tree, starts_on=DAY(2027, 3, 15))
    client.force_login(people.corr_de)
    response = client.get(session.url + "ical/")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content.decode()
    assert "SUMMARY:Plenary session 2027" in body
    assert "DTSTART;VALUE=DATE:20270315" in body and "DTEND;VALUE=DATE:20270316" in body
    assert "LOCATION:Strasbourg\\, Agora" in body
    client.force_login(people.expert)
    assert client.get(session.url + "ical/").status_code == 403


def test_a_session_page_costs_the_same_queries_with_2_or_12_papers(client, tree, people):
    from django.core.files.base import ContentFile
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from wagtail.models import Collection

    from network_pages.core.roles import INTRANET_COLLECTION
    from network_pages.files.models import NetworkDocument
    from network_pages.sessions.models import SessionPaper

    collection = Collection.objects.get(name=INTRANET_COLLECTION, depth=2)
    thematic = {"model": ThematicSessionPage, "external_participants": True}
    small = make_session(tree, title="Small", starts_on=DAY(2030, 1, 8), **thematic)
    large = make_session(tree, title="Large", starts_on=DAY(2030, 2, 8), **thematic)
    for session, count in ((small, 2), (large, 12)):
        for order in range(count):
            document = NetworkDocument(title=f"Paper {order}", collection=collection)
            document.file.save(f"paper-{order}.txt", ContentFile(b"paper"), save=False)
            document.save()
            SessionPaper.objects.create(page=session, document=document, sort_order=order)
    from network_pages.sessions.invitations import invite

    for session in (small, large):
        person = {
            "first_name": "Eva",
            "last_name": "Berg",
            "email": "e@x.example",
            "language": "en",
        }
        [invitation] = invite(session, [person], ends_on=DAY(2030, 3, 1), by=people.office)
    for user in (people.corr_fr, people.office, invitation.user):
        client.force_login(user)
        client.get(small.url)
        counts = []
        for session in (small, large):
            with CaptureQueriesContext(connection) as captured:
                assert client.get(session.url).status_code == 200
            counts.append(len(captured))
        assert counts[0] == counts[1], (user, counts)
        assert counts[1] <= 30, counts


def test_the_office_keeps_the_closure_days_in_the_admin(client, people):
    client.force_login(people.office)
    assert client.get("/admin/closure-days/").status_code == 200
    response = client.post(
        "/admin/closure-days/new/", {"day": "2026-12-31", "label": "Year-end closure"}
    )
    assert response.status_code == 302
    assert not is_working_day(DAY(2026, 12, 31))
    client.force_login(people.corr_fr)
    assert client.get("/admin/closure-days/").status_code == 302  # no admin access
