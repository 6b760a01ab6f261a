"""`notify()`: the one way the site sends e-mail about the network's work.

Each message is rendered in its recipient's language into the outbox (`Notification`), then sent
after the surrounding transaction commits; `manage.py send_notifications` (run from cron) sends
whatever is still pending, retrying failures with back-off. Rows are claimed with SELECT ... FOR
UPDATE SKIP LOCKED
so two senders never send one row twice; SMTP itself is at-least-once (a crash between the SMTP
server's acceptance and our commit sends that message again).
"""

import logging
import re
from datetime import timedelta
from email.utils import parseaddr
from functools import cache

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.template import Context, Engine
from django.template.backends.django import get_installed_libraries
from django.utils import timezone, translation

from network_pages.notifications.events import events
from network_pages.notifications.models import Notification

logger = logging.getLogger(__name__)

CLAIM_LEASE = timedelta(minutes=10)


@cache
def text_templates():
    """E-mails are plain text: their templates render without HTML escaping (an apostrophe in a
    title stays one in a subject), with the project's template tags (read once, on first use)."""
    return Engine(app_dirs=True, autoescape=False, libraries=get_installed_libraries())


def notify(recipients, event, context):
    """Queue one e-mail per recipient for `event`; sent once the transaction commits."""
    if events.get(event) is None:
        raise ValueError(f"Unknown notification event: {event}")
    rows = []
    seen = set()
    for user in recipients:
        if user.pk in seen or not user.is_active or not user.email:
            continue
        seen.add(user.pk)
        subject, body = render_message(event, user, context)
        rows.append(
            Notification(
                recipient=user,
                to_email=user.email,
                language=user.language,
                event=event,
                subject=subject,
                body=body,
            )
        )
    created = Notification.objects.bulk_create(rows)
    ids = [row.pk for row in created]
    if ids:
        # robust: a mail server down must not turn the user's committed action into an error;
        # the rows stay pending for send_notifications.
        transaction.on_commit(lambda: send_pending(ids=ids), robust=True)
    return created


def render_message(event, user, context):
    with translation.override(user.language):
        full_context = {
            **context,
            "recipient": user,
            "base_url": settings.WAGTAILADMIN_BASE_URL,
            "site_name": translation.gettext("Network of Correspondents on Migration"),
        }
        subject = render_text(f"notifications/{event}/subject.txt", full_context)
        body = render_text(f"notifications/{event}/body.txt", full_context)
    # One line; a no-break space (French typography) is not a line's whitespace.
    return re.sub(r"[ \t\r\n]+", " ", subject).strip()[:255], body.strip() + "\n"


def render_text(template, context):
    return text_templates().get_template(template).render(Context(context, autoescape=False))


def sender(language):
    """The From header: the network's name in the recipient's language, then the address."""
    address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    with translation.override(language or settings.LANGUAGE_CODE):
        return f"{translation.gettext('Network of Correspondents on Migration')} <{address}>"


def backoff(attempts):
    """Minutes to wait after the n-th failure: 1, 2, 4, 8, ... capped at a day."""
    return timedelta(minutes=min(2 ** (attempts - 1), 24 * 60))


def _claim(ids, limit):
    """Take due rows for this sender, in a short transaction of its own.

    A row is claimed with a compare-and-set on its status, so two senders never both take it (on
    PostgreSQL SKIP LOCKED also keeps them from waiting on each other). A claim is a lease: rows
    of a sender that died are taken again once it expires.
    """
    now = timezone.now()
    due = Q(status=Notification.Status.PENDING, next_attempt_at__lte=now) | Q(
        status=Notification.Status.SENDING, claimed_until__lt=now
    )
    with transaction.atomic():
        candidates = Notification.objects.select_for_update(skip_locked=True).filter(due)
        if ids is not None:
            candidates = candidates.filter(pk__in=ids)
        claimed = []
        for row in candidates.order_by("pk")[:limit]:
            taken = Notification.objects.filter(pk=row.pk, status=row.status).update(
                status=Notification.Status.SENDING, claimed_until=now + CLAIM_LEASE
            )
            if taken:
                claimed.append(row)
    return claimed


def send_pending(ids=None, limit=200):
    """Send due notifications; returns (sent, failed) counts.

    Each result is recorded as soon as its message is handed to the mail server, outside any long
    transaction: a crash between the two sends that one message again (SMTP is at-least-once).
    """
    sent = failed = 0
    for row in _claim(ids, limit):
        now = timezone.now()
        try:
            EmailMessage(
                row.subject, row.body, from_email=sender(row.language), to=[row.to_email]
            ).send()
        except Exception as error:  # noqa: BLE001 - any transport failure is retried later
            logger.warning("Notification %s failed: %s", row.pk, error)
            row.attempts += 1
            row.last_error = str(error)[:2000]
            if row.attempts >= settings.NOTIFICATIONS_MAX_ATTEMPTS:
                row.status = Notification.Status.FAILED
            else:
                row.status = Notification.Status.PENDING
                row.next_attempt_at = now + backoff(row.attempts)
            failed += 1
        else:
            row.status = Notification.Status.SENT
            row.sent_at = now
            row.attempts += 1
            sent += 1
        row.claimed_until = None
        row.save(
            update_fields=[
                "status",
                "sent_at",
                "attempts",
                "last_error",
                "next_attempt_at",
                "claimed_until",
            ]
        )
    return sent, failed
