"""The demo, as `manage.py seed_demo` loads it: safe to run again."""

from django.core.management import call_command

from wagtail.models import Site

from network_pages.demo.pages import seed_files, seed_intranet_pages, seed_public_pages
from network_pages.demo.people import USERS, seed_people, seed_users
from network_pages.demo.requests import seed_requests
from network_pages.demo.sessions import seed_sessions

DEMO_HOST, DEMO_PORT = "127.0.0.1", 8000


def seed(password):
    """Users of every role, pages in English and French, files, people, requests and sessions;
    returns the usernames to log in with."""
    seed_users(password)
    Site.objects.filter(is_default_site=True).update(hostname=DEMO_HOST, port=DEMO_PORT)
    seed_public_pages()
    seed_intranet_pages()
    seed_files()
    seed_people(password)
    seed_requests()
    seed_sessions()
    # The data step a deployment runs once: versions for whatever was published without them.
    call_command("sync_versions", verbosity=0)
    return [row[0] for row in USERS]
