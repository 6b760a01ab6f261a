"""The demo seeded on top of the migrations' data: idempotent, with the demo password and a
request of each status, good practices in both languages and contributions at each step,
Council of Europe activities in both languages, every intranet page in both languages, dates that
agree everywhere relative to the day it is loaded, and a short summary in place of the e-mails."""

import datetime
import io
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.test import Client, RequestFactory
from django.utils import timezone, translation
from django.utils.formats import date_format

from wagtail.models import Locale, Site

import pytest

from network_pages.activities.models import ActivityUpdatePage, Committee
from network_pages.core.translations import first_written, original, untranslated_original
from network_pages.information_requests.models import InformationRequestPage, StateResponse
from network_pages.intranet.models import IntranetHomePage, IntranetPage
from network_pages.intranet.panels import build_panels
from network_pages.notifications.models import Notification
from network_pages.practices.models import BestPracticePage, Contribution, PracticeAttachment
from network_pages.sessions.convocations import plenary_schedule_problem
from network_pages.sessions.models import (
    AgendaApproval,
    AgendaItem,
    AgendaSuggestion,
    Convocation,
    Invitation,
    SessionPage,
)
from network_pages.sessions.working_days import Calendar, closure_days_problem

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")
AGENDA_FR = {
    "Ouverture par le RSSG",
    "Tour de table",
    "Demandes d'information",
    "Focus thématique",
    "Divers",
    "Retour des demandeurs d'asile déboutés",  # France's suggestion, accepted by the SRSG
}


def seed_demo():
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def test_seed_demo_is_idempotent_and_uses_the_demo_password(monkeypatch, capsys, settings):
    monkeypatch.setenv("DEMO_PASSWORD", "another-secret")
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8080"
    seed_demo()
    assert "No e-mails sent" in seed_demo()
    User = get_user_model()
    for username in ("srsg", "office", "corr-fr", "corr-de", "corr-it", "expert", "expert-iom"):
        assert User.objects.get(username=username).check_password("another-secret")
    assert User.objects.get(username="corr-it").groups.filter(member_state__code="IT").exists()
    assert IntranetPage.objects.filter(slug="welcome").count() == 2
    assert IntranetPage.objects.filter(closed=True).count() == 2
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8080)
    statuses = {
        page.slug.rstrip("0123456789"): page.status for page in InformationRequestPage.objects.all()
    }
    assert statuses == {
        "reception-of-asylum-seekers": "open",
        "acces-au-marche-du-travail": "open",
        "statistics-on-returns-": "closed",
        "language-courses-for-adult-migrants": "draft",
    }
    responses = StateResponse.objects.filter(request__slug="reception-of-asylum-seekers")
    assert responses.filter(status="draft").count() == 1
    assert responses.filter(entered_by__isnull=False).count() == 1
    assert responses.filter(answers__marking="office").exists()
    assert responses.filter(answers__no_information=True).exists()
    closed = StateResponse.objects.filter(request__slug__startswith="statistics-on-returns-")
    assert list(closed.filter(late=True).values_list("member_state__code", flat=True)) == ["NL"]
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
    # Good practices as first written, each once: the Office's and the states', in English and
    # in French, one of them for the Office only, one with a file.
    practices = first_written(BestPracticePage.objects.all())
    titles = list(practices.values_list("title", flat=True))
    assert len(titles) == len(set(titles))
    live = practices.filter(live=True)
    assert live.count() >= 8
    assert set(live.values_list("locale__language_code", flat=True)) == {"en", "fr"}
    assert live.filter(author_state__isnull=True).exists()
    assert live.filter(marking="office").exists()
    assert PracticeAttachment.objects.filter(page__in=live).exists()
    # Contributions at each step: Italy's awaits the Office, France's was sent back for changes
    # with the Office's comment, in French like the contribution.
    contributions = Contribution.objects.filter(page__in=practices)
    waiting = contributions.get(status="submitted")
    assert waiting.page.author.username == "corr-it" and not waiting.page.live
    changes = contributions.get(status="changes")
    assert changes.page.author.username == "corr-fr" and changes.comment.startswith("Merci")
    assert changes.page.locale.language_code == "fr" and not changes.page.live
    assert contributions.filter(status="published").count() >= 4
    # Some are translated: the French reader reads French.
    english = live.filter(locale__language_code="en", author_state__isnull=True)
    english = english.order_by("first_published_at").first()
    version = english.get_translation(_locale("fr"))
    assert version.title != english.title and untranslated_original(version) is None
    # Council of Europe activities as first written, each once, published by the Office in
    # English and in French, on the work of several committees; some translated, so that the
    # other tree reads real text.
    activities = first_written(ActivityUpdatePage.objects.all())
    titles = list(activities.values_list("title", flat=True))
    assert len(titles) == len(set(titles))
    live = activities.filter(live=True)
    assert live.count() >= 5
    assert set(live.values_list("locale__language_code", flat=True)) == {"en", "fr"}
    assert {page.live_revision.user.username for page in live} == {"office"}
    assert Committee.objects.count() >= 4
    assert live.exclude(committee=None).values("committee").distinct().count() >= 4
    translated = [
        version
        for page in live
        for version in ActivityUpdatePage.objects.filter(translation_key=page.translation_key)
        if version.pk != page.pk
        and version.title != page.title
        and untranslated_original(version) is None
    ]
    assert translated
    # An organisation's expert is invited to the next plenary on two items, with one paper.
    guest = Invitation.objects.get(user__username="expert-iom")
    assert guest.session.specific.kind == "plenary" and guest.status == "confirmed"
    assert guest.agenda_items.count() == 2 and guest.papers.count() == 1
    assert guest.session.papers.count() == 2
    # The consultation on the next plenary's agenda: one item accepted, one declined, one waiting.
    statuses = sorted(AgendaSuggestion.objects.values_list("member_state__code", "status"))
    assert statuses == [("DE", "declined"), ("FR", "accepted"), ("IT", "pending")]
    assert AgendaItem.objects.filter(suggested_by__code="FR", page__live=True).count() == 2
    # The past plenary was convened on its approved agenda, which it adopted; the thematic
    # session is convened; the next plenary's agenda awaits the SRSG's approval.
    approvals = {
        approval.session.specific.kind: approval for approval in AgendaApproval.objects.all()
    }
    assert set(approvals) == {"plenary", "thematic"}
    assert approvals["plenary"].adopted_on == approvals["plenary"].session.specific.starts_on
    assert approvals["thematic"].adopted_on is None
    assert Convocation.objects.filter(convened_by__username="srsg").count() == 2
    # The Christmas closure is entered: the dashboard asks for no closure day.
    assert closure_days_problem() is None
    # The public page about the network is in every page's footer, in its language.
    for lang, title in (("en", "About the network"), ("fr", "À propos du réseau")):
        footer = Client().get(f"/{lang}/").text.split("<footer", 1)[1]
        assert f">{title}</a>" in footer
    # Every link in its e-mails leads to where the demo is served.
    assert mail.outbox
    for message in mail.outbox:
        assert "http://127.0.0.1:8080/" in message.body
        assert "http://testserver" not in message.body


@pytest.mark.parametrize(
    "day",
    [
        datetime.date(2026, 12, 1),  # the plenary year has turned; New Year's Day within a month
        datetime.date(2026, 9, 21),  # just before the plenary year turns
        datetime.date(2027, 5, 3),  # June's plenary too close to be convened in time
    ],
)
def test_the_demos_dates_agree_everywhere_relative_to_the_day_it_is_loaded(time_machine, day):
    time_machine.move_to(datetime.datetime.combine(day, datetime.time(9), tzinfo=PARIS))
    output = seed_demo()
    today = timezone.localdate()
    assert today == day

    requests = [
        page
        for page in InformationRequestPage.objects.live().order_by("pk")
        if original(page).pk == page.pk
    ]
    assert len(requests) == 3
    calendar = Calendar(today - datetime.timedelta(days=90), today + datetime.timedelta(days=90))
    for page in requests:
        opened = timezone.localdate(page.opened_at)
        assert opened < today, page.title
        assert opened < page.deadline, page.title
        assert calendar.is_working_day(page.deadline), page.deadline
        if page.status == page.OPEN:
            assert page.deadline > today, page.title
        else:
            closed = timezone.localdate(page.closed_at)
            assert page.deadline < closed <= today, page.title
        # Every version says the same.
        for version in InformationRequestPage.objects.filter(translation_key=page.translation_key):
            assert (version.deadline, version.opened_at, version.closed_at) == (
                page.deadline,
                page.opened_at,
                page.closed_at,
            )
        # Answers were given while it was open, late after its deadline only.
        for response in StateResponse.objects.filter(request=page, status="submitted"):
            submitted = timezone.localdate(response.submitted_at)
            assert opened <= submitted <= today
            assert response.late == (submitted > page.deadline), response

    # The e-mail announcing a request and its reminders give the deadline its page gives.
    notices = Notification.objects.filter(event__in=["request_opened", "request_reminder"])
    assert notices.filter(event="request_opened").count() == 13 * len(requests)
    assert notices.filter(event="request_reminder").exists()
    pages_read = {}
    for notice in notices:
        version = _version_linked_from(notice, requests)
        with translation.override(notice.language):
            deadline = date_format(version.deadline, "DATE_FORMAT")
        assert deadline in notice.body, notice.body
        if version.pk not in pages_read:
            pages_read[version.pk] = _read_page(version)
        assert deadline in pages_read[version.pk]

    # One request written in French, one translated into French.
    written_in_french = [page for page in requests if page.request_language == "fr"]
    assert written_in_french and written_in_french[0].locale.language_code == "fr"
    reception = InformationRequestPage.objects.get(
        slug="reception-of-asylum-seekers", locale__language_code="en"
    )
    reception_fr = reception.get_translation(_locale("fr"))
    assert reception_fr.title == "Accueil des demandeurs d'asile" != reception.title
    assert untranslated_original(reception_fr) is None
    assert "accueil" in reception_fr.background
    assert {q.text for q in reception_fr.questions.all()}.isdisjoint(
        q.text for q in reception.questions.all()
    )

    # Sessions: the last plenary held, the next ones to come, each with its French agenda.
    sessions = [page.specific for page in SessionPage.objects.filter(locale__language_code="en")]
    past = [session for session in sessions if session.last_day < today]
    assert len(past) == 1 and past[0].conclusions
    assert all(session.starts_on > today for session in sessions if session not in past)
    assert plenary_schedule_problem(today) is None
    for session in sessions:
        french = session.get_translation(_locale("fr")).specific
        agenda = [item.title for item in french.agenda_items.all()]
        assert agenda and set(agenda) <= AGENDA_FR, agenda
        assert french.title != session.title and french.place != session.place

    # Each convocation went after the SRSG approved the agenda, and in time.
    for convocation in Convocation.objects.select_related("session__agenda_approval"):
        approval = convocation.session.agenda_approval
        assert approval.approved_at < convocation.sent_at, convocation
        assert timezone.localdate(convocation.sent_at) <= convocation.last_compliant_date
        assert not convocation.late

    # What the intranet home lists as new contributions is news: no session held, no request
    # closed, nothing dated after today. (The index pages the migrations make have no publication
    # date: where the panel sorts them is its own affair.)
    old_news = {page.title for page in past} | {
        page.title for page in InformationRequestPage.objects.filter(closed_at__isnull=False)
    }
    old_news |= {session.get_translation(_locale("fr")).title for session in past}
    for language in ("en", "fr"):
        items = [item for item in _new_contributions("corr-fr", language) if item["date"]]
        assert items
        for item in items:
            assert item["title"] not in old_news, item
            assert timezone.localdate(item["date"]) < today

    # The good practices were published over the past months, each version with its original, so
    # that "newest first" means something.
    practices = first_written(BestPracticePage.objects.live())
    published = {timezone.localdate(page.first_published_at) for page in practices}
    assert len(published) == practices.count() and max(published) < today
    for page in practices:
        for version in BestPracticePage.objects.filter(translation_key=page.translation_key):
            assert timezone.localdate(version.first_published_at) in published, version

    # The activities were held, then published, in the past months; their versions say the same.
    activities = first_written(ActivityUpdatePage.objects.live())
    assert activities.exists()
    for page in activities:
        published = timezone.localdate(page.first_published_at)
        assert page.held_on <= published < today, page.title
        for version in ActivityUpdatePage.objects.filter(translation_key=page.translation_key):
            assert version.held_on == page.held_on, version

    # A short summary: how many e-mails and to whom (the activities send none), then where to go
    # and the password.
    lines = output.strip().splitlines()
    assert len(lines) < 30
    assert "e-mails to 17 people" in output
    assert "http://testserver/" in lines[-1] and "network-demo" in lines[-1]
    assert "Subject:" not in output


def _locale(code):
    return Locale.objects.get(language_code=code)


def _version_linked_from(notice, requests):
    """The version of one of `requests` in the notice's language that the notice links to."""
    linked = [
        version
        for page in requests
        for version in InformationRequestPage.objects.filter(
            translation_key=page.translation_key, locale__language_code=notice.language
        )
        if f"http://testserver{version.url}\n" in notice.body
    ]
    assert len(linked) == 1, notice.body
    return linked[0]


def _read_page(page):
    client = Client()
    client.force_login(get_user_model().objects.get(username="corr-fr"))
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def _new_contributions(username, language):
    request = RequestFactory().get("/")
    request.user = get_user_model().objects.get(username=username)
    home = IntranetHomePage.objects.get(locale__language_code=language)
    with translation.override(language):
        panels = {panel.key: panel for panel in build_panels(request, home)}
    return panels["contributions"].items
