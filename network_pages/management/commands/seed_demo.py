import os
from collections import Counter

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db.models import Max
from django.test.utils import override_settings
from django.utils import timezone
from django.utils.dateformat import format as date_format

from network_pages.demo.seed import seed
from network_pages.notifications.models import Notification

CAPTURE = "django.core.mail.backends.locmem.EmailBackend"


class Command(BaseCommand):
    help = (
        "Load the demo content (users, pages in English and French, files, requests, sessions), "
        "dated relative to today. Idempotent. Prints a summary of the e-mails it sends, not the "
        "e-mails (with -v 2, they go through EMAIL_BACKEND: the dev settings print them)."
    )

    def handle(self, *args, **options):
        password = os.environ.get("DEMO_PASSWORD", "network-demo")
        today = timezone.localdate()
        before = Notification.objects.aggregate(last=Max("pk"))["last"] or 0
        # The dev settings print every e-mail to the console: a thousand lines of them.
        echo = options["verbosity"] > 1
        backend = settings.EMAIL_BACKEND if echo else CAPTURE
        with override_settings(EMAIL_BACKEND=backend):
            usernames = seed(password, today)
        self.stdout.write(f"Demo loaded, dated relative to today, {date_format(today, 'j F Y')}.")
        self.stdout.write(_mail_summary(Notification.objects.filter(pk__gt=before), echo))
        base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        self.stdout.write(f"Intranet in English and French: {base_url}/en/intranet/, /fr/intranet/")
        self.stdout.write(
            self.style.SUCCESS(
                f"Open {base_url}/ and log in as {', '.join(usernames)} "
                f"with the password {password}"
            )
        )


def _mail_summary(written, echo):
    if not written.exists():
        return "No e-mails sent (the demo was loaded before)."
    events = Counter(written.values_list("event", flat=True))
    kinds = ", ".join(f"{count} {event.replace('_', ' ')}" for event, count in events.most_common())
    people = written.values("recipient").distinct().count()
    where = (
        "sent to EMAIL_BACKEND"
        if echo
        else "captured, not printed (-v 2 sends them to EMAIL_BACKEND)"
    )
    return f"{sum(events.values())} e-mails to {people} people ({kinds}), {where}."
