"""Shared fixtures: the tree the migrations build (homes and intranet roots in both locales), people
of every role, and intranet pages translated into French."""

from types import SimpleNamespace

from django.core.cache import caches

from wagtail.models import Locale

import pytest

from home.models import HomePage
from network_pages.core.roles import CORRESPONDENTS, EXPERTS, OFFICE, SRSG
from network_pages.intranet.models import IntranetHomePage
from tests.factories import IntranetPageFactory, UserFactory


@pytest.fixture(autouse=True)
def _empty_caches():
    """Rows roll back between tests but caches do not (SQLite even reuses ids): start clean."""
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def tree(db):
    en = Locale.objects.get(language_code="en")
    fr = Locale.objects.get(language_code="fr")
    return SimpleNamespace(
        en=en,
        fr=fr,
        home_en=HomePage.objects.get(locale=en),
        home_fr=HomePage.objects.get(locale=fr),
        intranet_en=IntranetHomePage.objects.get(locale=en),
        intranet_fr=IntranetHomePage.objects.get(locale=fr),
    )


@pytest.fixture
def people(db):
    return SimpleNamespace(
        srsg=UserFactory(username="srsg", roles=[SRSG]),
        office=UserFactory(username="office", roles=[OFFICE], language="fr"),
        corr_fr=UserFactory(username="corr-fr", roles=[CORRESPONDENTS], state="FR", language="fr"),
        corr_de=UserFactory(username="corr-de", roles=[CORRESPONDENTS], state="DE"),
        expert=UserFactory(username="expert", roles=[EXPERTS]),
        outsider=UserFactory(username="outsider"),
    )


def translate(page, locale, title):
    translation = page.copy_for_translation(locale, copy_parents=False)
    translation.title = title
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def pages(tree):
    """An open intranet page and a closed one (with a child), each translated into French."""
    meeting = IntranetPageFactory(parent=tree.intranet_en, title="Plenary meeting papers")
    closed = IntranetPageFactory(parent=tree.intranet_en, title="Office only notes", closed=True)
    closed_child = IntranetPageFactory(parent=closed, title="Confidential annex")
    return SimpleNamespace(
        meeting=meeting,
        meeting_fr=translate(meeting, tree.fr, "Documents de la réunion plénière"),
        closed=closed,
        closed_fr=translate(closed, tree.fr, "Notes réservées au Bureau"),
        closed_child=closed_child,
    )
