"""notify(): rendered in each recipient's language, stored in the outbox, sent after commit."""

from datetime import timedelta
from unittest import mock

from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

import pytest

from network_pages import access
from network_pages.notifications.models import Notification
from network_pages.notifications.outbox import notify, send_pending
from tests.factories.information_requests import make_request

pytestmark = pytest.mark.django_db


def test_each_recipient_gets_the_message_in_their_language(
    people, pages, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        notify([people.corr_fr, people.corr_de], "access_granted", {"page": pages.meeting})
    by_address = {message.to[0]: message for message in mail.outbox}
    french = by_address["corr-fr@example.org"]
    english = by_address["corr-de@example.org"]
    title = "Documents de la réunion plénière"
    assert french.subject == f"Vous avez désormais accès à «\u00a0{title}\u00a0»"
    assert "Le Bureau du RSSG vous a donné accès" in french.body
    assert "/fr/intranet/" in french.body
    assert english.subject == "You now have access to “Plenary meeting papers”"
    assert "/en/intranet/plenary-meeting-papers/" in english.body
    assert set(Notification.objects.values_list("status", flat=True)) == {"sent"}


def test_nothing_is_sent_when_the_transaction_rolls_back(
    people, pages, django_capture_on_commit_callbacks
):
    class Abort(Exception):
        pass

    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(Abort),
        transaction.atomic(),
    ):
        notify([people.corr_fr], "access_granted", {"page": pages.meeting})
        raise Abort
    assert mail.outbox == []
    assert not Notification.objects.exists()


def test_nothing_is_sent_before_commit(people, pages, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notify([people.corr_fr], "access_granted", {"page": pages.meeting})
    assert mail.outbox == []
    assert Notification.objects.get().status == "pending"
    assert len(callbacks) == 1


def test_inactive_users_users_without_email_and_duplicates_get_nothing(people, pages):
    people.corr_de.is_active = False
    people.corr_de.save()
    people.srsg.email = ""
    people.srsg.save()
    rows = notify(
        [people.corr_de, people.srsg, people.corr_fr, people.corr_fr],
        "access_granted",
        {"page": pages.meeting},
    )
    assert [row.recipient for row in rows] == [people.corr_fr]


def test_an_unknown_event_is_refused(people):
    with pytest.raises(ValueError):
        notify([people.corr_fr], "no-such-event", {})


def test_failed_sending_is_retried_with_back_off_then_marked_failed(people, pages, settings):
    settings.NOTIFICATIONS_MAX_ATTEMPTS = 2
    notify([people.corr_fr], "access_granted", {"page": pages.meeting})
    with mock.patch(
        "network_pages.notifications.outbox.EmailMessage.send", side_effect=OSError("SMTP down")
    ):
        assert send_pending() == (0, 1)
    row = Notification.objects.get()
    assert row.status == "pending"
    assert row.attempts == 1
    assert "SMTP down" in row.last_error
    assert row.next_attempt_at > timezone.now()
    assert send_pending() == (0, 0), "not due yet"
    row.next_attempt_at = timezone.now() - timedelta(seconds=1)
    row.save()
    with mock.patch(
        "network_pages.notifications.outbox.EmailMessage.send", side_effect=OSError("SMTP down")
    ):
        send_pending()
    assert Notification.objects.get().status == "failed"
    assert mail.outbox == []


def test_send_notifications_command_sends_what_is_pending_once(people, pages, capsys):
    notify([people.corr_fr, people.corr_de], "access_granted", {"page": pages.meeting})
    call_command("send_notifications")
    assert "2 sent, 0 failed" in capsys.readouterr().out
    call_command("send_notifications")
    assert "0 sent, 0 failed" in capsys.readouterr().out
    assert len(mail.outbox) == 2


def test_a_grant_notifies_the_people_it_opens_the_page_to(
    people, pages, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        access.grant(people.expert, pages.closed, by=people.office)
    assert [message.to for message in mail.outbox] == [["expert@example.org"]]
    assert "Office only notes" in mail.outbox[0].subject


def test_a_crash_while_sending_keeps_what_was_already_sent(people, pages):
    notify([people.corr_fr, people.corr_de, people.srsg], "access_granted", {"page": pages.meeting})
    calls = []

    def send_then_crash(message, *args, **kwargs):
        calls.append(message)
        if len(calls) == 2:
            raise SystemExit("the sender died")
        return 1

    with (
        mock.patch("network_pages.notifications.outbox.EmailMessage.send", send_then_crash),
        pytest.raises(SystemExit),
    ):
        send_pending()
    statuses = list(Notification.objects.order_by("pk").values_list("status", flat=True))
    assert statuses == ["sent", "sending", "sending"]
    # the other sender does not take rows another one holds, until its lease runs out
    assert send_pending() == (0, 0)
    Notification.objects.filter(status="sending").update(
        claimed_until=timezone.now() - timedelta(seconds=1)
    )
    assert send_pending() == (2, 0)
    assert Notification.objects.filter(status="sent").count() == 3


def test_a_mail_server_failure_after_commit_does_not_break_the_users_action(
    people, pages, django_capture_on_commit_callbacks
):
    with (
        mock.patch(
            "network_pages.notifications.outbox.EmailMessage.send", side_effect=OSError("down")
        ),
        django_capture_on_commit_callbacks(execute=True),
    ):
        notify([people.corr_fr], "access_granted", {"page": pages.meeting})
    row = Notification.objects.get()
    assert row.status == "pending"
    assert row.attempts == 1


def test_email_links_use_the_configured_site_address(people, pages, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://network.example.org"
    row = notify([people.corr_fr], "access_granted", {"page": pages.meeting})[0]
    assert "https://network.example.org/fr/intranet/" in row.body


def test_subjects_are_plain_text_and_the_sender_speaks_the_recipients_language(tree, people, sent):
    with sent(execute=True):
        make_request("Children's reception", ("How many?",))
    by_recipient = {message.to[0]: message for message in mail.outbox}
    english, french = by_recipient["corr-de@example.org"], by_recipient["corr-fr@example.org"]
    assert english.subject == "New information request: Children's reception"
    assert "&#x27;" not in english.body and "Children's reception" in english.body
    assert english.from_email == "Network of Correspondents on Migration <no-reply@localhost>"
    assert french.from_email == "Réseau de correspondants sur les migrations <no-reply@localhost>"
    assert french.subject == "Nouvelle demande d'information\u00a0: Children's reception"
