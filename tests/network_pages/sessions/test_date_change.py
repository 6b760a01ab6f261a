"""Moving a convened session's dates (R10, R11): in the admin, a plenary's new first day must still
leave 30 working days' notice, or the Office gives a reason that the audit log keeps; publishing
new dates tells those convened, in their language, once.

The clock stands at Wednesday 10 June 2026: a first day on 1 July 2026 needed the notice by
18 May 2026, and the earliest first day compliant that day is Friday 24 July 2026."""

import datetime

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import PageLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

import pytest

from network_pages.core.roles import CORRESPONDENTS, OFFICE
from network_pages.sessions.convocations import send_convocation
from network_pages.sessions.models import Convocation, SessionPage, ThematicSessionPage
from tests.factories.accounts import UserFactory
from tests.factories.sessions import approve_agenda, make_session

pytestmark = pytest.mark.django_db

DAY = datetime.date
CONVENED_FOR = DAY(2026, 9, 15)
TOO_CLOSE = DAY(2026, 7, 1)
LATER = DAY(2026, 10, 6)
MINUTE = datetime.timedelta(minutes=1)


def edit_data(page, *, starts_on, ends_on=None, reason="", place=None, publish=True):
    """The admin edit form of `page` as it stands, with the dates (reason, place) given."""
    page = page.specific
    items = list(page.agenda_items.all())
    data = {
        "title": page.title,
        "slug": page.slug,
        "starts_on": starts_on.isoformat(),
        "ends_on": ends_on.isoformat() if ends_on else "",
        "place": page.place if place is None else place,
        "online_link": page.online_link,
        "date_change_reason": reason,
        "conclusions": rich_text(""),
        "agenda_items": inline_formset(
            [
                {"id": item.pk, "title": item.title, "description": item.description, "ORDER": n}
                for n, item in enumerate(items)
            ],
            initial=len(items),
        ),
        "papers": inline_formset([]),
    }
    if isinstance(page, ThematicSessionPage):
        data["participants"] = page.participants
    if publish:
        data["action-publish"] = "publish"
    return nested_form_data(data)


def edit(client, page, **changes):
    return client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), edit_data(page, **changes)
    )


def english_notice():
    [message] = [message for message in mail.outbox if message.to == ["corr-de@example.org"]]
    return message.body


def stored(page):
    return SessionPage.objects.get(pk=page.pk)


@pytest.fixture
def office(people, client):
    """The Office at work in the admin, in English (messages are checked word for word)."""
    user = UserFactory(username="office-en", roles=[OFFICE], language="en")
    client.force_login(user)
    return user


def convene(session, by, sent):
    approve_agenda(session, by)
    with sent(execute=True):
        send_convocation(session, by=by)
    mail.outbox.clear()
    return session


@pytest.fixture
def plenary(tree, people, sent):
    """A plenary on 15 September 2026, convened today (in time) to both correspondents."""
    return convene(make_session("Plenary 2026", starts_on=CONVENED_FOR), people.office, sent)


def test_the_admin_says_the_session_was_convened_and_that_the_notice_is_rechecked(
    client, office, plenary
):
    html = client.get(reverse("wagtailadmin_pages:edit", args=[plenary.pk])).text
    assert "The session was convened for 15 September 2026" in html
    assert "Reason for a late change of the first day" in html


def test_a_convened_plenary_moved_too_close_is_refused_with_the_dates_and_nothing_saved(
    client, office, plenary, sent
):
    with sent(execute=True):
        response = edit(client, plenary, starts_on=TOO_CLOSE)
    assert response.status_code == 200
    assert (
        "The session was convened for 15 September 2026. A plenary is convened at least 30 "
        "working days ahead: for a first day on 1 July 2026 the notice had to go by 18 May "
        "2026; the earliest first day compliant today is 24 July 2026. Choose that day or "
        "later, or give the reason for the late change."
    ) in response.text
    assert 'value="2026-07-01"' in response.text, "what was typed stays in the form"
    assert stored(plenary).starts_on == CONVENED_FOR
    assert plenary.get_latest_revision_as_object().starts_on == CONVENED_FOR
    assert not PageLogEntry.objects.filter(action="network.session.date_change").exists()
    assert Convocation.objects.count() == 1
    assert mail.outbox == []


def test_with_a_reason_the_move_is_saved_logged_and_those_convened_are_told_in_their_language(
    client, office, people, plenary, sent
):
    newcomer = UserFactory(username="corr-it", roles=[CORRESPONDENTS], state="IT")
    with sent(execute=True):
        response = edit(
            client, plenary, starts_on=TOO_CLOSE, reason="  The venue is only free in July.  "
        )
    assert response.status_code == 302
    assert stored(plenary).starts_on == TOO_CLOSE
    entry = PageLogEntry.objects.get(action="network.session.date_change")
    assert entry.page_id == plenary.pk and entry.user == office
    assert entry.data == {
        "old": "2026-09-15",
        "new": "2026-07-01",
        "last_compliant_date": "2026-05-18",
        "reason": "The venue is only free in July.",
    }
    by_address = {message.to[0]: message for message in mail.outbox}
    assert sorted(by_address) == ["corr-de@example.org", "corr-fr@example.org"]
    assert newcomer.email not in by_address, "only those convened hear of new dates"
    english = by_address["corr-de@example.org"]
    assert english.subject == "New dates: Plenary 2026, 1 July 2026"
    assert "New dates: 1 July 2026" in english.body
    assert "15 September 2026" in english.body
    assert plenary.url in english.body
    french = by_address["corr-fr@example.org"]
    assert "1 juillet 2026" in french.subject
    assert "1 juillet 2026" in french.body and "15 septembre 2026" in french.body
    assert "Lieu\u00a0: Strasbourg, Agora" in french.body
    assert "/fr/" in french.body
    notice = Convocation.objects.first()
    assert notice.changes_dates and notice.late
    assert (notice.starts_on, notice.sent_by) == (TOO_CLOSE, office)
    assert notice.last_compliant_date == DAY(2026, 5, 18)
    assert notice.override_reason == "The venue is only free in July."
    assert set(notice.recipients.all()) == {people.corr_fr, people.corr_de}
    html = client.get(stored(plenary).url).text
    assert "New dates (1 July 2026) sent on" in html
    assert "The venue is only free in July." in html


def test_a_preview_with_a_reason_logs_nothing_and_tells_nobody(client, office, plenary, sent):
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[plenary.pk])
    data = edit_data(plenary, starts_on=TOO_CLOSE, reason="Venue", publish=False)
    with sent(execute=True):
        assert client.post(url, data).json()["is_valid"]
        assert client.get(url).status_code == 200
    assert not PageLogEntry.objects.filter(action="network.session.date_change").exists()
    assert stored(plenary).starts_on == CONVENED_FOR
    assert mail.outbox == []


def test_a_compliant_move_is_accepted_and_those_convened_are_told(client, office, plenary, sent):
    with sent(execute=True):
        response = edit(
            client, plenary, starts_on=LATER, ends_on=DAY(2026, 10, 7), place="Palais, room 5"
        )
    assert response.status_code == 302
    assert len(mail.outbox) == 2
    assert "New dates: 6 October 2026 – 7 October 2026" in english_notice()
    [french] = [message for message in mail.outbox if message.to == ["corr-fr@example.org"]]
    assert "6 octobre 2026 – 7 octobre 2026" in french.body
    assert "Lieu\u00a0: Palais, room 5" in french.body, "the French version, as it now stands"
    notice = Convocation.objects.first()
    assert notice.changes_dates and not notice.late and notice.override_reason == ""
    assert (notice.starts_on, notice.ends_on) == (LATER, DAY(2026, 10, 7))
    assert not PageLogEntry.objects.filter(action="network.session.date_change").exists()
    assert PageLogEntry.objects.filter(action="network.session.new_dates", user=office).exists()


def test_a_new_last_day_alone_is_told_too(client, office, plenary, sent):
    with sent(execute=True):
        assert (
            edit(client, plenary, starts_on=CONVENED_FOR, ends_on=DAY(2026, 9, 16)).status_code
            == 302
        )
    assert "New dates: 15 September 2026 – 16 September 2026" in english_notice()


def test_a_scheduled_publication_of_new_dates_tells_those_convened(plenary, people, sent):
    draft = plenary.get_latest_revision_as_object()
    draft.starts_on = LATER
    draft.save_revision(user=people.office, approved_go_live_at=timezone.now() - MINUTE)
    with sent(execute=True):
        call_command("publish_scheduled")
    assert stored(plenary).starts_on == LATER
    assert "New dates: 6 October 2026" in english_notice()
    notice = Convocation.objects.first()
    assert notice.changes_dates and notice.sent_by == people.office


def test_a_thematic_session_moved_late_is_not_refused_but_those_convened_are_told(
    client, office, tree, people, sent
):
    thematic = convene(
        make_session("Integration", model=ThematicSessionPage, starts_on=CONVENED_FOR),
        people.office,
        sent,
    )
    with sent(execute=True):
        response = edit(client, thematic, starts_on=TOO_CLOSE)
    assert response.status_code == 302
    assert stored(thematic).starts_on == TOO_CLOSE
    assert len(mail.outbox) == 2
    notice = Convocation.objects.first()
    assert notice.changes_dates and notice.late and notice.override_reason == ""


def test_an_unconvened_plenary_moves_freely_and_nobody_is_told(client, office, tree, sent):
    session = make_session("Plenary 2026", starts_on=CONVENED_FOR)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[session.pk])).text
    assert "Reason for a late change" not in html and "was convened" not in html
    with sent(execute=True):
        response = edit(client, session, starts_on=TOO_CLOSE)
    assert response.status_code == 302
    assert stored(session).starts_on == TOO_CLOSE
    assert mail.outbox == []
    assert not Convocation.objects.exists()


def test_a_draft_tells_nobody_and_its_reason_holds_when_it_is_published(
    client, office, plenary, sent
):
    with sent(execute=True):
        draft = edit(client, plenary, starts_on=TOO_CLOSE, reason="Venue", publish=False)
    assert draft.status_code == 302
    assert stored(plenary).starts_on == CONVENED_FOR, "the live session keeps its dates"
    assert mail.outbox == [] and Convocation.objects.count() == 1
    with sent(execute=True):
        published = edit(client, plenary, starts_on=TOO_CLOSE)  # the reason is not asked again
    assert published.status_code == 302
    assert len(mail.outbox) == 2
    assert Convocation.objects.first().override_reason == "Venue"


def test_publishing_again_without_a_change_tells_nobody_again(client, office, plenary, sent):
    with sent(execute=True):
        edit(client, plenary, starts_on=LATER)
    assert len(mail.outbox) == 2
    with sent(execute=True):
        assert edit(client, plenary, starts_on=LATER).status_code == 302
    assert len(mail.outbox) == 2
    assert Convocation.objects.filter(changes_dates=True).count() == 1
    # Moving back to what was first announced is a change again: people were told other dates.
    with sent(execute=True):
        edit(client, plenary, starts_on=CONVENED_FOR)
    assert len(mail.outbox) == 4
