import os

from django.core.management.base import BaseCommand

from network_pages.demo.seed import seed


class Command(BaseCommand):
    help = "Load the demo content (users, pages in English and French, files). Idempotent."

    def handle(self, *args, **options):
        usernames = seed(os.environ.get("DEMO_PASSWORD", "network-demo"))
        self.stdout.write(self.style.SUCCESS(f"Demo ready: log in as {', '.join(usernames)}"))
