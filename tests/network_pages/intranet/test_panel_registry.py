"""The intranet home's panels come from their domains, in order, to the right audience."""

import pytest

from network_pages.intranet.panels import panel_types

pytestmark = pytest.mark.django_db


def _keys(client, user, path="/en/intranet/"):
    client.force_login(user)
    response = client.get(path)
    assert response.status_code == 200
    return [panel.key for panel in response.context["panels"]]


def test_each_domain_registers_its_panels_once():
    keys = [panel.key for panel in panel_types()]
    assert len(keys) == len(set(keys))
    assert set(keys) >= {
        "invitations",
        "rates",
        "requests",
        "sessions",
        "activities",
        "contributions",
        "thematic_groups",
        "groups",
    }


def test_the_office_sees_the_response_rates_first(client, people, tree):
    assert _keys(client, people.office) == [
        "rates",
        "requests",
        "sessions",
        "decisions",
        "activities",
        "contributions",
        "thematic_groups",
        "groups",
    ]


def test_a_correspondent_sees_no_response_rates(client, people, tree):
    assert _keys(client, people.corr_de, "/fr/intranet/") == [
        "requests",
        "sessions",
        "decisions",
        "activities",
        "contributions",
        "thematic_groups",
        "groups",
    ]


def test_an_invited_expert_sees_only_what_they_were_invited_to(client, people, tree):
    assert _keys(client, people.expert) == ["invitations"]
