"""Every intranet item in both language trees (§4.6, R18): publishing writes the other language's
version as a synced wagtail-localize translation, which follows its original and keeps what the
Office translated; lists and counts show each item once per tree."""

from django.core import mail
from django.core.management import CommandError, call_command
from django.db import transaction

from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

import pytest

from network_pages.information_requests.models import InformationRequestPage, RequestQuestion
from network_pages.intranet.models import IntranetPage
from network_pages.intranet.versions import sync_versions, translate_strings
from network_pages.sessions.models import SessionPage
from tests.factories.core import publish
from tests.factories.information_requests import make_request, respond
from tests.factories.intranet import IntranetPageFactory
from tests.factories.sessions import make_session

pytestmark = pytest.mark.django_db

NOTICE_FR = "Pas encore traduit\u00a0: original en anglais"  # French typography
NOTICE_EN = "Not yet translated: original in French"


def french(page):
    return page.get_translation(Locale.objects.get(language_code="fr"))


def test_publishing_an_intranet_page_writes_its_french_version(tree, people, client):
    page = publish(IntranetPageFactory(parent=tree.intranet_en, title="Working methods"))
    version = french(page)
    assert version.live and version.title == "Working methods"
    assert version.get_parent().pk == tree.intranet_fr.pk
    assert Translation.objects.get(source__object_id=page.translation_key).enabled
    client.force_login(people.corr_fr)
    html = client.get(version.url).text
    assert NOTICE_FR in html
    assert '<h1 lang="en">Working methods</h1>' in html
    assert f'href="{page.url}"' in html  # the original, a click away

    translate_strings(page, tree.fr, {"Working methods": "Méthodes de travail", "A summary": "Un"})
    html = client.get(version.url).text
    assert NOTICE_FR not in html
    assert '<h1 lang="fr">Méthodes de travail</h1>' in html


def test_the_office_translates_a_version_in_wagtail_localizes_editor(tree, people, client):
    page = make_request("Reception capacity", ("How many places?",))
    client.force_login(people.office)
    response = client.get(f"/admin/pages/{french(page).pk}/edit/")
    assert response.status_code == 200
    assert [t.name for t in response.templates][0] == "wagtail_localize/admin/edit_translation.html"


def test_a_page_written_in_french_gets_its_english_version(tree, people, client):
    page = publish(IntranetPageFactory(parent=tree.intranet_fr, title="Calendrier"))
    version = page.get_translation(tree.en)
    assert version.live and version.get_parent().pk == tree.intranet_en.pk
    client.force_login(people.corr_de)
    html = client.get(version.url).text
    assert NOTICE_EN in html and '<h1 lang="fr">Calendrier</h1>' in html


def test_a_version_spawns_nothing_and_a_translation_made_by_hand_is_left_alone(tree, pages):
    # pages.meeting_fr was copied by hand (no Translation record): the Office's, not ours.
    publish(pages.meeting)
    pages.meeting_fr.refresh_from_db()
    assert pages.meeting_fr.title == "Documents de la réunion plénière"
    assert not Translation.objects.filter(source__object_id=pages.meeting.translation_key)
    assert sync_versions(pages.meeting_fr) == []
    assert Page.objects.filter(translation_key=pages.meeting.translation_key).count() == 2


def test_a_stopped_synchronisation_hands_the_version_to_the_office(tree):
    page = publish(IntranetPageFactory(parent=tree.intranet_en, title="Calendar"))
    Translation.objects.filter(source__object_id=page.translation_key).update(enabled=False)
    version = french(page)
    version.title = "Calendrier"
    publish(version)
    page.title = "Calendar of the year"
    publish(page)
    assert french(page).title == "Calendrier"


def test_unpublishing_and_deleting_the_original_do_the_same_to_its_version(tree):
    page = publish(IntranetPageFactory(parent=tree.intranet_en, title="Calendar"))
    version = french(page)
    page.unpublish()
    version.refresh_from_db()
    assert not version.live
    publish(page)
    version.refresh_from_db()
    assert version.live
    page.delete()
    assert not IntranetPage.objects.filter(pk=version.pk).exists()


def test_a_request_opens_once_in_both_trees_and_both_lists_show_it_once(
    tree, people, client, today
):
    page = make_request("Reception capacity", ("How many places?", "Which rules?"))
    version = french(page)
    assert version.opened_at == page.opened_at and version.status == "open"
    assert version.request_language == page.request_language == "en"
    assert [q.text for q in version.questions.all()] == ["How many places?", "Which rules?"]
    # Each version's questions share their original's keys; answers stay on the original's.
    assert [q.translation_key for q in version.questions.all()] == [
        q.translation_key for q in page.questions.all()
    ]
    respond(page, "FR")
    client.force_login(people.corr_fr)
    for index in ("/en/intranet/requests/", "/fr/intranet/demandes/"):
        html = client.get(index).text
        assert html.count(">Reception capacity</a>") == 1, index
    html = client.get(version.url).text
    assert "1 des 2 États destinataires a soumis sa réponse." in html
    french_home = client.get("/fr/intranet/").text
    assert french_home.count(">Reception capacity</a>") == 1
    results = client.get("/fr/search/", {"query": "Reception capacity"}).text
    assert results.count(">Reception capacity</a>") == 1


def test_the_opening_notice_asks_the_questions_in_each_recipients_version(tree, people, sent):
    """Translated before it opens, a request reaches a French-speaking correspondent with the
    French wording of its title and questions."""
    page = make_request("Reception capacity", ("How many places?",), opening=None, live=False)
    translate_strings(
        page,
        Locale.objects.get(language_code="fr"),
        {
            "Reception capacity": "Capacité d'accueil",
            "How many places?": "Combien de places\u00a0?",
        },
    )
    assert not french(page).live, "a draft's version stays a draft"
    with sent(execute=True):
        publish(page)  # the Office publishes: the request opens
    assert french(page).opened_at == page.opened_at
    by_recipient = {message.to[0]: message.body for message in mail.outbox}
    assert "1. Combien de places\u00a0?" in by_recipient[people.corr_fr.email]
    assert "Capacité d'accueil" in by_recipient[people.corr_fr.email]
    assert "1. How many places?" in by_recipient[people.corr_de.email]


def test_both_trees_list_the_same_sessions(tree, people, client, today):
    make_session("Plenary session", starts_on=today)
    client.force_login(people.corr_fr)
    english = client.get("/en/intranet/sessions/").text
    french_list = client.get("/fr/intranet/sessions/").text
    assert english.count(">Plenary session</a>") == french_list.count(">Plenary session</a>") == 1
    assert SessionPage.objects.filter(title="Plenary session").count() == 2


def test_the_answer_form_shows_the_questions_in_the_versions_wording(tree, people, client):
    page = make_request("Reception capacity", ("How many places?",))
    translate_strings(page, tree.fr, {"How many places?": "Combien de places ?"})
    client.force_login(people.corr_fr)
    html = client.get(french(page).url + "answer/FR/").text
    assert "Combien de places ?" in html and "How many places?" not in html


def test_a_proposal_is_listed_to_its_state_from_either_tree(tree, people, client):
    make_request(
        "Language courses",
        opening=None,
        live=False,
        requester_state="FR",
        proposed_by=people.corr_fr,
    )
    client.force_login(people.corr_fr)
    for index in ("/en/intranet/requests/", "/fr/intranet/demandes/"):
        assert "Language courses" in client.get(index).text, index


def test_the_command_writes_what_was_published_without_versions(tree):
    # A page published before versions existed: live, with no revision published since.
    page = IntranetPageFactory(parent=tree.intranet_en, title="Old page")
    with pytest.raises(CommandError, match="1 intranet page"):
        call_command("sync_versions", "--check")
    call_command("sync_versions", verbosity=0)
    call_command("sync_versions", "--check", verbosity=0)
    assert french(page).live


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_version_follows_its_originals_edits_and_keeps_what_the_office_translated(tree):
    """Committed for real: publishing writes the version in the original's own transaction."""
    page = make_request("Reception capacity", ("How many places?",))
    translate_strings(page, tree.fr, {"Reception capacity": "Capacités d'accueil"})

    with transaction.atomic():
        page = InformationRequestPage.objects.get(pk=page.pk)
        page.background = "<p>Since the 2025 reform.</p>"
        page.questions.add(RequestQuestion(text="Which authority?", sort_order=1))
        publish(page)

    version = InformationRequestPage.objects.get(
        translation_key=page.translation_key, locale=tree.fr
    )
    assert version.title == "Capacités d'accueil"
    assert version.background == "<p>Since the 2025 reform.</p>"
    assert [q.text for q in version.questions.all()] == ["How many places?", "Which authority?"]
    assert version.live and version.opened_at == page.opened_at
