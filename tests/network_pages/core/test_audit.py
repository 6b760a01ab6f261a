"""The project's audit actions: registered with Wagtail's log, labelled in both languages."""

import re
from pathlib import Path

from django.utils import translation

from wagtail.log_actions import registry
from wagtail.models import PageLogEntry

import pytest

from network_pages import access

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("action", "english", "french"),
    [
        ("network.access.grant", "Grant access", "Donner accès"),
        ("network.access.revoke", "Revoke access", "Retirer l'accès"),
        ("network.restriction.mirror", "Mirror privacy", "Reporter la confidentialité"),
    ],
)
def test_project_actions_have_english_and_french_labels(action, english, french):
    registry.scan_for_actions()
    with translation.override("en"):
        assert registry.get_action_label(action) == english
    with translation.override("fr"):
        assert registry.get_action_label(action) == french


def test_grants_and_revocations_are_logged_with_who_did_them(people, pages):
    access.grant(people.expert, pages.closed, by=people.office)
    access.revoke(people.expert, pages.closed, by=people.office)
    access.grant(people.expert, pages.closed, by=people.office, subtree=False)
    entries = PageLogEntry.objects.filter(page=pages.closed, action__startswith="network.")
    entries = entries.order_by("timestamp", "pk")
    assert [(e.action, e.user, e.data) for e in entries] == [
        ("network.access.grant", people.office, {"user": "expert"}),
        ("network.access.revoke", people.office, {"user": "expert"}),
        ("network.access.grant", people.office, {"user": "expert", "page_only": True}),
    ]


def test_every_action_the_code_logs_is_registered_by_its_domain():
    root = Path(__file__).resolve().parents[3] / "network_pages"
    logged = set()
    for path in root.rglob("*.py"):
        logged |= set(re.findall(r'"(network\.[a-z_]+\.[a-z_]+)"', path.read_text()))
    registry.scan_for_actions()
    assert logged
    assert {action for action in logged if not registry.action_exists(action)} == set()
