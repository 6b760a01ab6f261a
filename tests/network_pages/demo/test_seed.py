"""The demo seeded on top of the migrations' data: idempotent, with the demo password and a
request of each status, every intranet page in both languages."""

from django.contrib.auth import get_user_model
from django.core.management import call_command

from wagtail.models import Site

import pytest

from network_pages.information_requests.models import InformationRequestPage, StateResponse
from network_pages.intranet.models import IntranetPage

pytestmark = pytest.mark.django_db


def test_seed_demo_is_idempotent_and_uses_the_demo_password(monkeypatch, capsys):
    monkeypatch.setenv("DEMO_PASSWORD", "another-secret")
    call_command("seed_demo")
    call_command("seed_demo")
    User = get_user_model()
    for username in ("srsg", "office", "corr-fr", "corr-de", "corr-it", "expert"):
        assert User.objects.get(username=username).check_password("another-secret")
    assert User.objects.get(username="corr-it").groups.filter(member_state__code="IT").exists()
    assert IntranetPage.objects.filter(slug="welcome").count() == 2
    assert IntranetPage.objects.filter(closed=True).count() == 2
    assert Site.objects.get(is_default_site=True).port == 8000
    statuses = {page.slug: page.status for page in InformationRequestPage.objects.all()}
    assert statuses == {
        "reception-of-asylum-seekers": "open",
        "statistics-on-returns-2025": "closed",
        "language-courses-for-adult-migrants": "draft",
    }
    responses = StateResponse.objects.filter(request__slug="reception-of-asylum-seekers")
    assert responses.filter(late=True).count() == 1
    assert responses.filter(status="draft").count() == 1
    assert responses.filter(entered_by__isnull=False).count() == 1
    assert responses.filter(answers__marking="office").exists()
    assert responses.filter(answers__no_information=True).exists()
    # Every intranet page in both languages (seeding twice wrote no third version).
    call_command("sync_versions", "--check")
    assert "Every intranet page has its version in each language." in capsys.readouterr().out
    # The open request is in both trees, once in each, open since one moment.
    versions = InformationRequestPage.objects.filter(slug="reception-of-asylum-seekers")
    assert sorted(versions.values_list("locale__language_code", "live")) == [
        ("en", True),
        ("fr", True),
    ]
    assert len(set(versions.values_list("opened_at", flat=True))) == 1
    french = IntranetPage.objects.get(slug="welcome", locale__language_code="fr")
    assert french.title == "Bienvenue dans le réseau"
