"""Notification events are registered by their domains, each with a category and its templates."""

import re
from pathlib import Path

from django.template.loader import get_template

import pytest

from network_pages.notifications.events import events
from network_pages.notifications.outbox import notify

ROOT = Path(__file__).resolve().parents[3]
TEMPLATES = ROOT / "network_pages" / "templates" / "notifications"


def test_every_event_with_templates_is_registered_with_a_category():
    on_disk = {path.name for path in TEMPLATES.iterdir() if path.is_dir()}
    registered = {event.name: event for event in events.all()}
    assert set(registered) == on_disk
    for event in registered.values():
        assert event.category
        get_template(f"notifications/{event.name}/subject.txt")
        get_template(f"notifications/{event.name}/body.txt")


def test_every_event_the_code_sends_is_registered():
    sent = set()
    for path in (ROOT / "network_pages").rglob("*.py"):
        sent |= set(re.findall(r'notify\([^)]*?"([a-z_]+)"', path.read_text(), flags=re.S))
    assert sent
    assert sent <= {event.name for event in events.all()}


@pytest.mark.django_db
def test_an_unregistered_event_is_refused(people):
    with pytest.raises(ValueError, match="Unknown notification event"):
        notify([people.corr_de], "no_such_event", {})
