from django.core.management.base import BaseCommand

from network_pages.groups import workspace
from network_pages.sessions.invitations import end_due_invitations


class Command(BaseCommand):
    help = (
        "Close the invitations to sessions and into workspaces whose end date has passed (run it "
        "daily from cron)."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"{end_due_invitations()} invitation(s) ended")
        self.stdout.write(f"{workspace.end_due_invitations()} invitation(s) into workspaces ended")
