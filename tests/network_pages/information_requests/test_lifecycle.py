"""Information requests, first step: writing, opening (publishing) and closing a request."""

import datetime
from html import unescape

from django.core import mail
from django.urls import reverse

from wagtail.models import Locale, PageLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

import pytest

from network_pages import access
from network_pages.accounts.models import MemberState
from network_pages.information_requests.lifecycle import open_request
from network_pages.information_requests.models import InformationRequestPage, RequestIndexPage
from tests.factories.accounts import UserFactory
from tests.factories.core import translate
from tests.factories.information_requests import make_request, respond

pytestmark = pytest.mark.django_db

MONTH = datetime.timedelta(days=30)


@pytest.fixture
def index(tree):
    return RequestIndexPage.objects.get(locale=tree.en)


def form_data(questions, deadline, background="<p>Short background.</p>", **extra):
    data = {
        "title": "Reception of unaccompanied minors",
        "slug": "reception-of-unaccompanied-minors",
        "request_language": "en",
        "requester_state": "",
        "deadline": deadline.isoformat(),
        "background": rich_text(background),
        "questions": inline_formset([{"text": text} for text in questions], min=1),
        "action-publish": "publish",
    }
    data.update(extra)
    return nested_form_data(data)


def add_url(index):
    return reverse(
        "wagtailadmin_pages:add", args=["network_pages", "informationrequestpage", index.pk]
    )


def test_the_office_opens_a_request_and_every_correspondent_is_told_in_their_language(
    client, people, index, django_capture_on_commit_callbacks, today
):
    client.force_login(people.office)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            add_url(index),
            form_data(["How many arrived in 2025?", "Which reception model?"], today + MONTH),
        )
    assert response.status_code == 302
    page = InformationRequestPage.objects.get(locale=index.locale)
    assert page.live and page.status == page.OPEN
    assert [n for n, _q in page.numbered_questions()] == [1, 2]
    # Its French version is published with it, open since the same moment, and says nothing twice.
    version = page.get_translation(Locale.objects.get(language_code="fr"))
    assert version.live and version.opened_at == page.opened_at
    assert [q.text for q in version.questions.all()] == [q.text for q in page.questions.all()]
    opened = PageLogEntry.objects.filter(action="network.request.open")
    assert list(opened.values_list("page_id", flat=True)) == [page.pk]
    assert len(mail.outbox) == 2
    recipients = {message.to[0]: message for message in mail.outbox}
    assert set(recipients) == {"corr-fr@example.org", "corr-de@example.org"}
    french = recipients["corr-fr@example.org"]
    assert french.subject.startswith("Nouvelle demande d'information")
    assert "1. How many arrived in 2025?" in french.body
    assert "2. Which reception model?" in french.body
    assert version.url in french.body
    english = recipients["corr-de@example.org"]
    assert english.subject == "New information request: Reception of unaccompanied minors"
    client.force_login(people.corr_de)
    html = client.get(page.url).text
    assert '<li value="1">How many arrived in 2025?</li>' in html
    assert "Reception of unaccompanied minors" in client.get(index.url).text


def test_numbering_follows_the_order_and_reordering_renumbers(index):
    page = make_request("Asylum statistics", ("A?", "B?", "C?"), opening=None)
    assert [(n, q.text) for n, q in page.numbered_questions()] == [(1, "A?"), (2, "B?"), (3, "C?")]
    questions = list(page.questions.all())
    questions[0].sort_order, questions[2].sort_order = 2, 0
    for question in questions:
        question.save()
    page = InformationRequestPage.objects.get(pk=page.pk)
    assert [(n, q.text) for n, q in page.numbered_questions()] == [(1, "C?"), (2, "B?"), (3, "A?")]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            {"deadline": datetime.timedelta(0)},
            "A request can only be opened with a deadline in the future.",
        ),
        ({"questions": ["x" * 601]}, "Ensure this value has at most 600 characters"),
        ({"questions": []}, "Please submit at least 1 form"),
        ({"background": "<p>" + "b" * 1501 + "</p>"}, "The background must stay brief"),
    ],
)
def test_a_request_that_breaks_the_rules_is_refused_with_a_clear_error(
    client, people, index, overrides, message, today
):
    client.force_login(people.office)
    overrides = dict(overrides)  # the parameter is shared: leave it whole
    questions = overrides.pop("questions", ["A fine question?"])
    deadline = today + overrides.pop("deadline", MONTH)
    response = client.post(add_url(index), form_data(questions, deadline, **overrides))
    assert response.status_code == 200
    assert message in response.text
    assert not InformationRequestPage.objects.exists()
    assert mail.outbox == []


def test_editing_an_open_request_after_its_deadline_neither_reopens_nor_notifies_again(
    index, people, django_capture_on_commit_callbacks, today
):
    page = make_request("Asylum statistics", opening=None)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    sent = len(mail.outbox)
    opened_at = InformationRequestPage.objects.get(pk=page.pk).opened_at
    assert sent == 2 and opened_at
    InformationRequestPage.objects.filter(pk=page.pk).update(
        deadline=today - datetime.timedelta(days=1)
    )
    page = InformationRequestPage.objects.get(pk=page.pk)
    draft = page.get_latest_revision_as_object()
    draft.title = "Asylum statistics (corrected)"
    draft.full_clean()
    with django_capture_on_commit_callbacks(execute=True):
        draft.save_revision().publish()
    page.refresh_from_db()
    assert page.opened_at == opened_at
    assert len(mail.outbox) == sent


def test_a_translation_opens_with_its_source_without_a_second_notice(
    index, tree, people, django_capture_on_commit_callbacks
):
    page = make_request("Asylum statistics", opening=None)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
        translation = translate(page, tree.fr, "Statistiques de l'asile")
    assert len(mail.outbox) == 2
    assert translation.opened_at == InformationRequestPage.objects.get(pk=page.pk).opened_at


@pytest.mark.sqlite
def test_who_sees_requests(client, people, index, tree):
    page = make_request("Asylum statistics", opening=None)
    open_request(page)
    draft = make_request("Asylum statistics", ("Draft?",), slug="draft-request", opening=None)
    InformationRequestPage.objects.filter(pk=draft.pk).update(live=False)
    for lang_url in (index.url, page.url):
        assert client.get(lang_url).status_code == 302
    client.force_login(people.corr_de)
    assert client.get(page.url).status_code == 200
    assert client.get("/en/intranet/requests/draft-request/").status_code == 403
    client.force_login(people.expert)
    access.grant(people.expert, tree.intranet_en)
    assert client.get(index.url).status_code == 403
    assert client.get(page.url).status_code == 403
    assert "Asylum statistics" not in client.get("/en/search/?query=Asylum").text


def test_only_the_office_closes_a_request(client, people, index):
    page = make_request("Asylum statistics", opening=None)
    open_request(page)
    client.force_login(people.corr_de)
    assert client.post(page.url + "close/").status_code == 403
    client.force_login(people.office)
    assert client.post(page.url + "close/").status_code == 302
    page.refresh_from_db()
    assert page.status == page.CLOSED
    client.force_login(people.corr_de)
    assert "Asylum statistics" in client.get(index.url).text


def test_a_state_may_be_the_requester(index, people):
    page = make_request("Asylum statistics", opening=None)
    page.requester_state = MemberState.objects.get(code="IT")
    page.save()
    UserFactory(username="reader", roles=["Correspondents"])
    assert InformationRequestPage.objects.get(pk=page.pk).requester_state.code == "IT"


def test_a_state_proposes_a_request_and_it_waits_for_the_office(
    client, people, index, django_capture_on_commit_callbacks, today
):
    client.force_login(people.corr_fr)
    data = {
        "title": "Return procedures",
        "request_language": "fr",
        "background": "Court contexte.",
        "deadline": (today + MONTH).isoformat(),
        "question_1": "Première question ?",
        "question_3": "Deuxième question ?",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/fr/intranet/demandes/propose/", data)
    assert response.status_code == 302
    page = InformationRequestPage.objects.get(title="Return procedures")
    assert not page.live and page.status == page.DRAFT
    assert page.locale.language_code == "fr"
    assert page.requester_state.code == "FR"
    assert page.proposed_by == people.corr_fr
    assert [(n, q.text) for n, q in page.numbered_questions()] == [
        (1, "Première question ?"),
        (2, "Deuxième question ?"),
    ]
    assert [m.to for m in mail.outbox] == [["office@example.org"]]
    assert mail.outbox[0].subject.startswith("Demande proposée par la France\u00a0:")
    assert "Return procedures" in client.get("/fr/intranet/demandes/").text
    client.force_login(people.corr_de)
    assert "Return procedures" not in client.get("/fr/intranet/demandes/").text
    assert client.get(page.url or "/fr/intranet/demandes/return-procedures/").status_code == 403
    # the Office opens it by publishing it
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision(user=people.office).publish()
    page.refresh_from_db()
    assert page.status == page.OPEN


@pytest.mark.parametrize(
    ("lang", "errors"),
    [
        ("en", ["Choose a deadline in the future.", "Write at least one question."]),
        ("fr", ["Choisissez une date limite future.", "Écrivez au moins une question."]),
    ],
)
def test_a_proposal_with_errors_is_refused_in_the_users_language(
    client, people, tree, lang, errors, today
):
    client.force_login(people.corr_fr)
    slug = "requests" if lang == "en" else "demandes"
    data = {"title": "T", "request_language": "en", "deadline": today.isoformat()}
    response = client.post(f"/{lang}/intranet/{slug}/propose/", data)
    assert response.status_code == 200
    assert errors[0] in response.text
    data["deadline"] = (today + MONTH).isoformat()
    response = client.post(f"/{lang}/intranet/{slug}/propose/", data)
    assert errors[1] in response.text
    assert not InformationRequestPage.objects.exists()


def test_only_correspondents_propose(client, people, tree):
    for user in (people.expert, people.office):
        client.force_login(user)
        assert client.get("/en/intranet/requests/propose/").status_code == 403


def test_the_intranet_home_lists_the_requests_awaiting_my_state(client, people, index):
    page = make_request("Asylum statistics", opening=None)
    open_request(page)
    client.force_login(people.corr_fr)

    def awaiting_panel():
        html = client.get("/en/intranet/").text
        start = html.index('id="panel-requests"')
        return html[start : html.index("</section>", start)]

    assert "Asylum statistics" in awaiting_panel()
    respond(page, "FR")
    assert "Asylum statistics" not in awaiting_panel()
    assert "my state: answered" in client.get(index.url).text


@pytest.mark.parametrize(
    ("lang", "title", "waiting", "button"),
    [
        ("en", "Close the request?", "2 states addressed have not submitted", "Close the request"),
        ("fr", "Clore la demande\u00a0?", "2 États destinataires n'ont pas soumis", "Clore"),
    ],
)
def test_closing_asks_first_and_says_what_it_does(
    client, people, index, tree, lang, title, waiting, button
):
    page = make_request("Asylum statistics", opening=None)
    open_request(page)
    respond(page, "DE", status="draft")
    version = page if lang == "en" else translate(page, tree.fr, "Statistiques")
    client.force_login(people.office)
    assert f'href="{version.url}close/"' in client.get(version.url).text
    confirmation = unescape(client.get(version.url + "close/").text)
    page.refresh_from_db()
    assert page.status == page.OPEN, "showing the confirmation closes nothing"
    assert title in confirmation and waiting in confirmation
    assert 'class="button danger"' in confirmation and button in confirmation
    names = {"en": ("Germany (draft)", "France (no response)")}
    names["fr"] = ("Allemagne (brouillon)", "France (pas de réponse)")
    assert all(name in confirmation for name in names[lang])
    client.post(version.url + "close/")
    page.refresh_from_db()
    assert page.status == page.CLOSED
    assert client.get(version.url + "close/").status_code == 302  # nothing left to confirm
