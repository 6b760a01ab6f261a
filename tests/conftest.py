"""Shared fixtures: the tree the migrations build (homes and intranet roots in both locales), people
of every role, intranet pages translated into French, today's date and a clock that stands still."""

import datetime
import re
from collections import Counter
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from wagtail.models import Locale

import pytest

from home.models import HomePage
from network_pages.core.roles import CORRESPONDENTS, EXPERTS, OFFICE, SRSG
from network_pages.intranet.models import IntranetHomePage
from tests.factories.accounts import UserFactory
from tests.factories.core import translate
from tests.factories.intranet import IntranetPageFactory
from tests.factories.sessions import make_plenary_with_thematic

# A working Wednesday morning in Strasbourg, clear of holidays and of the plenary year's turn on
# 1 October: the moment a frozen clock shows.
FROZEN_AT = datetime.datetime(2026, 6, 10, 10, 0, tzinfo=ZoneInfo("Europe/Paris"))


@pytest.fixture(autouse=True)
def _empty_caches():
    """Rows roll back between tests but caches do not (SQLite even reuses ids): start clean."""
    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def _in_english():
    """Each test starts in the default language, whatever the test before it served in French
    (a request leaves its language active in the thread)."""
    with translation.override("en"):
        yield


class QueryCosts:
    """What pages cost in queries for some users, measured before and after the data grows
    (`measure`), and the pages whose cost grew with the queries that ran more often (`grown`)."""

    def __init__(self, client):
        self.client = client

    def measure(self, users, urls):
        """{(user name, url): the queries it ran}, each URL asked once before (caches, sessions)
        then measured."""
        counts = {}
        for name, user in users.items():
            self.client.force_login(user)
            for url in urls:
                self.client.get(url)
                with CaptureQueriesContext(connection) as captured:
                    response = self.client.get(url)
                assert response.status_code == 200, (name, url)
                counts[name, url] = [query["sql"] for query in captured.captured_queries]
        return counts

    @staticmethod
    def grown(few, many):
        """Each page that ran more queries in `many` than in `few`, with the queries (without
        their values) that ran more often."""
        grown = []
        for key, queries in few.items():
            if len(queries) != len(many[key]):
                more = Counter(map(_shape, many[key])) - Counter(map(_shape, queries))
                grown.append(
                    f"{key}: {len(queries)} queries, then {len(many[key])}; "
                    + "; ".join(f"+{times} x {sql}" for sql, times in more.items())
                )
        return grown


def _shape(sql):
    """A query without its values, so that one query run for each item counts as one."""
    shape = re.sub(r"'[^']*'|\d+", "?", sql)
    return re.sub(r"IN \(\?(::\w+)?(, \?(::\w+)?)*\)", "IN (...)", shape)


@pytest.fixture
def query_costs(client):
    return QueryCosts(client)


@pytest.fixture
def today():
    """Today in Strasbourg (TIME_ZONE is Europe/Paris), read when the test runs, never at import;
    under a frozen clock, the frozen day."""
    return timezone.localdate()


@pytest.fixture
def frozen_clock(time_machine):
    """The clock stopped at FROZEN_AT, for code that decides by the date (deadlines, late answers,
    reminders, end dates, the plenary year). Freeze it before anything dated is built: a folder's
    or a module's autouse fixture does."""
    time_machine.move_to(FROZEN_AT, tick=False)
    return time_machine


@pytest.fixture
def sent(django_capture_on_commit_callbacks):
    """Run the e-mails' after-commit sending, as a real commit would."""
    return django_capture_on_commit_callbacks


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


@pytest.fixture
def plenary_with_thematic(tree, today):
    """A plenary with a thematic session under it (make_plenary_with_thematic), the plenary also
    in French."""
    plenary, thematic = make_plenary_with_thematic(today)
    return {
        "plenary": plenary,
        "thematic": thematic,
        "plenary_fr": translate(plenary, tree.fr, "Plénière"),
    }
