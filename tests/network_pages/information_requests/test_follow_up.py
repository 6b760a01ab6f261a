"""Following a request: response rates out of the states addressed, and reminders (R14, §4.6)."""

import datetime
import io
from html import unescape

from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from wagtail.models import PageLogEntry

import pytest

from network_pages.core.roles import CORRESPONDENTS
from network_pages.information_requests.follow_up import (
    send_due_reminders,
    window_start,
)
from network_pages.information_requests.lifecycle import close_request, open_request
from network_pages.information_requests.models import (
    AddressedState,
    InformationRequestPage,
    ResponseReminder,
)
from network_pages.information_requests.standing import response_rate
from tests.factories.accounts import UserFactory
from tests.factories.core import translate
from tests.factories.information_requests import make_request, respond

pytestmark = pytest.mark.django_db

WEEK = datetime.timedelta(days=7)


def opened_earlier(page, days):
    opened_at = timezone.now() - datetime.timedelta(days=days)
    InformationRequestPage.objects.filter(translation_key=page.translation_key).update(
        opened_at=opened_at
    )
    page.opened_at = opened_at


@pytest.fixture
def network_without_spain(people):
    """Correspondents of France (French), Germany, Italy and Spain; Spain's account is closed,
    so only France, Germany and Italy have an active correspondent."""
    people.corr_it = UserFactory(username="corr-it", roles=[CORRESPONDENTS], state="IT")
    people.corr_fr2 = UserFactory(
        username="corr-fr2", roles=[CORRESPONDENTS], state="FR", language="en"
    )
    people.corr_es = UserFactory(
        username="corr-es", roles=[CORRESPONDENTS], state="ES", is_active=False
    )
    return people


def test_opening_records_the_states_that_had_an_active_correspondent(
    tree, network_without_spain, today
):
    page = make_request("Returns", deadline=today + WEEK)
    addressed = set(
        AddressedState.objects.filter(request=page).values_list("member_state__code", flat=True)
    )
    assert addressed == {"FR", "DE", "IT"}
    # A correspondent designated later does not change who the request was addressed to.
    UserFactory(username="corr-pt", roles=[CORRESPONDENTS], state="PT")
    open_request(page)
    assert AddressedState.objects.filter(request=page).count() == 3


def test_the_rate_counts_submitted_drafts_and_missing_out_of_the_states_addressed(
    tree, network_without_spain, today
):
    page = make_request("Returns", deadline=today + WEEK)
    respond(page, "FR")
    respond(page, "DE", status="draft")
    # Portugal had no correspondent when the request opened: counted apart, not in the rate.
    respond(page, "PT")
    rate = response_rate(page)
    assert (rate.addressed, rate.submitted, rate.drafts, rate.missing) == (3, 1, 1, 1)
    assert rate.percent == 33
    assert [row.state.code for row in rate.others] == ["PT"]
    assert {state.code for state in rate.waiting()} == {"DE", "IT"}


def test_a_translation_shows_the_same_rate(tree, network_without_spain, today):
    page = make_request("Returns", deadline=today + WEEK)
    french = translate(page, tree.fr, "Retours")
    respond(page, "IT")
    assert response_rate(french).submitted == 1


def test_the_office_sees_each_states_status_others_see_only_the_count(
    client, tree, network_without_spain, today
):
    page = make_request("Returns", deadline=today + WEEK)
    respond(page, "FR")
    respond(page, "DE", status="draft")
    client.force_login(network_without_spain.office)
    html = client.get(page.url).text
    assert 'id="follow-up"' in html
    assert "1 of 3 states addressed has submitted its response." in html
    assert "33% submitted: 1 submitted, 1 in draft, 1 without a response" in html
    client.force_login(network_without_spain.corr_it)
    html = client.get(page.url).text
    assert "1 of 3 states addressed has submitted its response." in html
    assert 'id="follow-up"' not in html
    assert "in draft" not in html
    client.force_login(network_without_spain.expert)
    assert client.get(page.url).status_code == 403


def test_the_office_home_shows_the_rates_of_open_requests(
    client, tree, network_without_spain, today
):
    page = make_request("Returns", deadline=today + WEEK)
    respond(page, "FR")
    client.force_login(network_without_spain.office)
    html = client.get(tree.intranet_en.url).text
    assert 'id="panel-rates"' in html
    assert "1 of 3 submitted, 0 in draft, 2 without response" in html
    client.force_login(network_without_spain.corr_de)
    assert 'id="panel-rates"' not in client.get(tree.intranet_en.url).text


def test_the_office_reminds_the_states_that_have_not_submitted(
    client, tree, network_without_spain, sent, today
):
    page = make_request("Returns", deadline=today + datetime.timedelta(days=20))
    respond(page, "DE")
    mail.outbox.clear()
    client.force_login(network_without_spain.office)
    with sent(execute=True):
        response = client.post(page.url + "remind/", follow=True)
    assert "A reminder was sent to 2 states." in response.text
    recipients = {message.to[0]: message for message in mail.outbox}
    assert set(recipients) == {
        "corr-fr@example.org",
        "corr-fr2@example.org",
        "corr-it@example.org",
    }
    french_subject = recipients["corr-fr@example.org"].subject
    assert french_subject.startswith("Rappel\u00a0: «\u00a0Returns\u00a0»")
    assert "la réponse de la France n'a pas encore été soumise" in recipients[
        "corr-fr@example.org"
    ].body.replace("\n", " ")
    assert recipients["corr-fr2@example.org"].subject.startswith("Reminder: “Returns”")
    assert page.url in recipients["corr-it@example.org"].body
    assert "Italy" in recipients["corr-it@example.org"].body
    # Pressing again the same day reminds nobody twice.
    mail.outbox.clear()
    with sent(execute=True):
        response = client.post(page.url + "remind/", follow=True)
    assert mail.outbox == []
    assert "already reminded today" in response.text
    reminder = ResponseReminder.objects.get(request=page, member_state__code="IT")
    assert (reminder.sent_by, reminder.recipients, reminder.day) == (
        network_without_spain.office,
        1,
        today,
    )
    assert PageLogEntry.objects.filter(page=page, action="network.request.remind").count() == 1


def test_one_state_can_be_reminded_alone(client, tree, network_without_spain, sent, today):
    page = make_request("Returns", deadline=today + datetime.timedelta(days=20))
    client.force_login(network_without_spain.office)
    with sent(execute=True):
        client.post(page.url + "remind/", {"state": "IT"})
    assert [message.to[0] for message in mail.outbox if "Returns" in message.subject] == [
        "corr-it@example.org"
    ]


def test_only_the_office_reminds(client, tree, network_without_spain, today):
    page = make_request("Returns", deadline=today + WEEK)
    client.force_login(network_without_spain.corr_fr)
    assert client.post(page.url + "remind/").status_code == 403
    client.logout()
    assert client.post(page.url + "remind/").status_code == 302  # to the login
    assert not ResponseReminder.objects.exists()


def test_a_closed_request_sends_no_reminder(client, tree, network_without_spain, today):
    page = make_request("Returns", deadline=today + WEEK)
    close_request(page)
    client.force_login(network_without_spain.office)
    client.post(page.url + "remind/")
    assert send_due_reminders(days=[7]) == {}
    assert not ResponseReminder.objects.exists()


def test_reminder_windows():
    deadline = datetime.date(2026, 12, 10)
    assert window_start(deadline, datetime.date(2026, 12, 2), [7, 1]) is None
    assert window_start(deadline, datetime.date(2026, 12, 3), [7, 1]) == datetime.date(2026, 12, 3)
    assert window_start(deadline, datetime.date(2026, 12, 8), [7, 1]) == datetime.date(2026, 12, 3)
    assert window_start(deadline, datetime.date(2026, 12, 9), [1, 7]) == datetime.date(2026, 12, 9)


def test_the_daily_command_reminds_each_waiting_state_once_per_window(
    tree, network_without_spain, settings, sent, today
):
    settings.REQUEST_REMINDER_DAYS = [7, 1]
    page = make_request("Returns", deadline=today + WEEK)
    opened_earlier(page, days=20)
    later = make_request("Later", deadline=today + datetime.timedelta(days=30))
    respond(page, "DE")
    respond(page, "FR", status="draft")
    mail.outbox.clear()
    out = io.StringIO()
    with sent(execute=True):
        call_command("send_request_reminders", stdout=out)
    assert "2 reminder(s) sent" in out.getvalue()
    assert "Returns: reminded FR, IT" in out.getvalue()
    reminded = sorted(message.to[0] for message in mail.outbox)
    assert reminded == ["corr-fr2@example.org", "corr-fr@example.org", "corr-it@example.org"]
    assert not ResponseReminder.objects.filter(request=later).exists()
    # The next run, the same day or the days after, sends nothing until the last window opens.
    mail.outbox.clear()
    with sent(execute=True):
        for days_after in range(6):
            send_due_reminders(today=today + datetime.timedelta(days=days_after))
    assert mail.outbox == []
    # The day before the deadline: reminded again, once.
    with sent(execute=True):
        send_due_reminders(today=today + datetime.timedelta(days=6))
        send_due_reminders(today=today + datetime.timedelta(days=6))
    assert len(mail.outbox) == 3
    # After the deadline, no more automatic reminders.
    mail.outbox.clear()
    with sent(execute=True):
        send_due_reminders(today=today + datetime.timedelta(days=8))
    assert mail.outbox == []


def test_no_reminder_follows_the_opening_notice_the_same_window(
    tree, network_without_spain, sent, today
):
    # Opened 3 days before its deadline: inside the 7-day window, which the opening notice covers.
    page = make_request("Returns", deadline=today + datetime.timedelta(days=3))
    with sent(execute=True):
        assert send_due_reminders(days=[7, 1]) == {}
        reminded = send_due_reminders(days=[7, 1], today=today + datetime.timedelta(days=2))
    assert {state.code for state in reminded[page]} == {"FR", "DE", "IT"}


def test_a_state_that_submits_is_no_longer_reminded(tree, network_without_spain, today):
    page = make_request("Returns", deadline=today + WEEK)
    opened_earlier(page, days=10)
    for code in ("FR", "DE", "IT"):
        respond(page, code)
    mail.outbox.clear()
    assert send_due_reminders(days=[7]) == {}
    assert mail.outbox == []


def test_the_command_rejects_bad_days(tree):
    with pytest.raises(CommandError, match="whole numbers"):
        call_command("send_request_reminders", days="seven")


def test_the_follow_up_speaks_french_on_the_french_page(
    client, tree, network_without_spain, sent, today
):
    page = make_request("Returns", deadline=today + datetime.timedelta(days=20))
    french = translate(page, tree.fr, "Retours")
    respond(page, "FR")
    client.force_login(network_without_spain.office)
    html = client.get(french.url).text
    assert "Taux de réponse" in html
    assert "1 des 3 États destinataires a soumis sa réponse." in html
    assert "sur 3 États qui avaient un correspondant actif" in html
    with sent(execute=True):
        response = client.post(french.url + "remind/", follow=True)
    assert "Un rappel a été envoyé à 2 États." in response.text
    home = client.get(tree.intranet_fr.url).text
    assert "1 sur 3 soumises, 0 en brouillon, 2 sans réponse" in home


def test_reminding_asks_first_and_lists_every_recipient(
    client, tree, network_without_spain, sent, today
):
    """The button leads to a confirmation naming who will get the e-mail; only its own button
    sends anything."""
    page = make_request("Returns", deadline=today + datetime.timedelta(days=20))
    respond(page, "DE")
    mail.outbox.clear()
    client.force_login(network_without_spain.office)
    html = client.get(page.url).text
    assert f'href="{page.url}remind/"' in html
    with sent(execute=True):
        confirmation = client.get(page.url + "remind/").text
    assert mail.outbox == [] and not ResponseReminder.objects.exists()
    assert "Remind 2 states?" in confirmation
    assert "An e-mail goes now to each of 3 correspondents" in confirmation
    people = network_without_spain
    french = ", ".join(sorted(u.get_full_name() for u in (people.corr_fr, people.corr_fr2)))
    assert f"<strong>France</strong>: {french}" in confirmation
    assert f"<strong>Italy</strong>: {people.corr_it.get_full_name()}" in confirmation
    assert "Germany" not in confirmation  # it submitted
    assert 'class="button danger"' in confirmation
    # One state: its confirmation names only it, and its form carries the state.
    one = client.get(page.url + "remind/?state=IT").text
    assert "Remind 1 state?" in one and "France" not in one
    assert '<input type="hidden" name="state" value="IT">' in one


def test_a_state_reminded_today_is_listed_apart_and_in_french(
    client, tree, network_without_spain, sent, today
):
    page = make_request("Returns", deadline=today + datetime.timedelta(days=20))
    french = translate(page, tree.fr, "Retours")
    client.force_login(network_without_spain.office)
    with sent(execute=True):
        client.post(page.url + "remind/", {"state": "IT"})
    html = unescape(client.get(french.url + "remind/").text)
    assert "Relancer 2 États\u00a0?" in html
    assert "Italie\u00a0: déjà relancé aujourd'hui" in html
    everyone = client.get(french.url + "remind/?state=IT").text
    assert "disabled" in everyone  # nobody left to remind today
