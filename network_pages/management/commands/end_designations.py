from django.core.management.base import BaseCommand

from network_pages.accounts.designations import end_due_designations


class Command(BaseCommand):
    help = "Deactivate the accounts whose designations have all ended (run it daily from cron)."

    def handle(self, *args, **options):
        self.stdout.write(f"{end_due_designations()} account(s) deactivated")
