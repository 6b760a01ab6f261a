from django.core.management.base import BaseCommand

from network_pages.notifications.outbox import send_pending


class Command(BaseCommand):
    help = "Send the notifications still pending in the outbox (run it from cron)."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=200)

    def handle(self, *args, limit, **options):
        total_sent = total_failed = 0
        while True:
            sent, failed = send_pending(limit=limit)
            total_sent += sent
            total_failed += failed
            if sent + failed < limit:
                break
        self.stdout.write(f"{total_sent} sent, {total_failed} failed")
