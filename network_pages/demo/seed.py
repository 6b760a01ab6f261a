"""The demo, as `manage.py seed_demo` loads it: safe to run again."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Site

from network_pages.demo.activities import seed_activities
from network_pages.demo.groups import seed_groups
from network_pages.demo.methods import seed_methods
from network_pages.demo.pages import seed_files, seed_intranet_pages, seed_public_pages
from network_pages.demo.people import USERS, seed_people, seed_users
from network_pages.demo.practices import seed_practices
from network_pages.demo.requests import seed_requests
from network_pages.demo.sessions import seed_closure_days, seed_sessions
from network_pages.notifications.outbox import send_pending


def seed(password, today=None):
    """Users of every role, pages in English and French, files, people, requests, sessions,
    working methods, good practices, Council of Europe activities and thematic groups, dated
    relative to `today` (Europe/Paris); returns the usernames to log in with."""
    today = today or timezone.localdate()
    seed_users(password)
    seed_closure_days(today)  # before anything counts working days
    serve_site_at(settings.WAGTAILADMIN_BASE_URL)
    seed_public_pages()
    seed_intranet_pages(today)
    seed_files()
    seed_people(password)
    seed_requests(today)
    seed_sessions(today)
    seed_methods(today)
    seed_practices(today)
    seed_activities(today)
    seed_groups(today)
    # The data step a deployment runs once: versions for whatever was published without them.
    call_command("sync_versions", verbosity=0)
    # The e-mails written in the story's past wait in the outbox: sent now, as
    # `send_notifications` would (until nothing is left due).
    while sum(send_pending()):
        continue
    return [row[0] for row in USERS]


def serve_site_at(base_url):
    """The default site answers at the address the demo is served from (`make demo ADDRPORT=`),
    as the links in its e-mails do."""
    address = urlsplit(base_url)
    port = address.port or (443 if address.scheme == "https" else 80)
    Site.objects.filter(is_default_site=True).update(hostname=address.hostname, port=port)
