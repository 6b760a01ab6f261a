"""Answers by member state: drafts, submissions, late answers, markings, conflicts, history."""

import datetime

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

import pytest

from network_pages import access
from network_pages.accounts.models import MemberProfile, MemberState
from network_pages.information_requests.lifecycle import close_request
from network_pages.information_requests.models import (
    InformationRequestPage,
    ResponseRevision,
    StateResponse,
)
from tests.factories.accounts import UserFactory
from tests.factories.core import translate
from tests.factories.information_requests import make_request, respond

pytestmark = pytest.mark.django_db


@pytest.fixture
def request_page(tree):
    """An open request of three questions, opened without a revision."""
    questions = ("How many places?", "Which standards?", "Any plans?")
    return make_request("Reception capacity", questions, opening="open")


def question_ids(page):
    return [question.pk for _n, question in page.numbered_questions()]


def answers_data(page, texts, version=0, action="submit", **extra):
    data = {"version": str(version), action: "1", **extra}
    for pk, value in zip(question_ids(page), texts, strict=True):
        if value is None:
            data[f"q{pk}_none"] = "on"
            data[f"q{pk}_text"] = ""
        elif isinstance(value, tuple):
            data[f"q{pk}_text"], data[f"q{pk}_marking"] = value
        else:
            data[f"q{pk}_text"] = value
        data.setdefault(f"q{pk}_marking", "network")
        data[f"q{pk}_language"] = "en"
    return data


def answer_url(page, code):
    return f"{page.url}answer/{code}/"


def submit(client, url, data):
    """Submit as the form does: the answers are saved and summarised, then the user confirms.
    A form with errors comes back as it is."""
    summary = client.post(url, data)
    if summary.status_code != 200 or 'name="confirm_submit"' not in summary.text:
        return summary
    return client.post(url, {"version": str(int(data["version"]) + 1), "confirm_submit": "1"})


def test_a_correspondent_submits_their_states_answers(client, people, request_page):
    client.force_login(people.corr_fr)
    response = submit(
        client,
        answer_url(request_page, "FR"),
        answers_data(request_page, ["120 places", None, "Yes"]),
    )
    assert response.status_code == 302
    state_response = StateResponse.objects.get(member_state__code="FR")
    assert state_response.status == "submitted"
    assert not state_response.late
    assert state_response.answers.get(question_id=question_ids(request_page)[1]).no_information
    page = client.get(request_page.url).text
    assert "120 places" in page
    client.force_login(people.corr_de)
    assert "120 places" in client.get(request_page.url).text


def test_the_state_is_stored_on_the_response_not_read_from_the_author(client, people, request_page):
    client.force_login(people.corr_fr)
    submit(client, answer_url(request_page, "FR"), answers_data(request_page, ["a", "b", "c"]))
    people.corr_fr.groups.remove(MemberState.objects.get(code="FR").group)
    people.corr_fr.is_active = False
    people.corr_fr.save()
    assert StateResponse.objects.get().member_state.code == "FR"


def test_only_the_states_correspondents_write_its_response(client, people, request_page):
    client.force_login(people.corr_de)
    assert client.get(answer_url(request_page, "FR")).status_code == 403
    assert client.post(answer_url(request_page, "FR"), {"version": "0"}).status_code == 403
    client.force_login(people.expert)
    assert client.get(answer_url(request_page, "FR")).status_code == 403
    client.logout()
    assert client.get(answer_url(request_page, "FR")).status_code == 302


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_visibility_of_drafts_and_office_only_answers(client, people, request_page, tree, lang):
    url = request_page.url
    if lang == "fr":
        url = translate(request_page, tree.fr, "Capacités d'accueil").url
    client.force_login(people.corr_fr)
    client.post(
        answer_url(request_page, "FR"),
        answers_data(request_page, ["draft text", "", ""], action="save"),
    )
    client.force_login(people.corr_de)
    submit(
        client,
        answer_url(request_page, "DE"),
        answers_data(request_page, ["open text", ("secret text", "office"), None]),
    )
    # the French draft: own state and Office only
    client.force_login(people.corr_fr)
    own = client.get(url).text
    assert "draft text" in own
    assert "open text" in own and "secret text" not in own
    client.force_login(people.office)
    office = client.get(url).text
    assert {"draft text", "open text", "secret text"} <= {
        t for t in ("draft text", "open text", "secret text") if t in office
    }
    client.force_login(people.corr_de)
    german = client.get(url).text
    assert "secret text" in german, "a state sees its own Office-only answers"
    assert "draft text" not in german
    client.force_login(people.expert)
    access.grant(people.expert, request_page)
    assert client.get(url).status_code == 403


def test_an_answer_after_the_deadline_is_kept_and_marked_late(client, people, request_page, today):
    InformationRequestPage.objects.filter(translation_key=request_page.translation_key).update(
        deadline=today - datetime.timedelta(days=1)
    )
    client.force_login(people.corr_de)
    response = submit(
        client, answer_url(request_page, "DE"), answers_data(request_page, ["a", "b", "c"])
    )
    assert response.status_code == 302
    assert StateResponse.objects.get().late
    assert "late" in client.get(request_page.url).text


@pytest.mark.parametrize(
    ("lang", "message"),
    [("en", "Question 2: answer it, or tick"), ("fr", "Question 2\u00a0: répondez-y, ou cochez")],
)
def test_submitting_needs_every_question_answered_but_a_draft_does_not(
    client, people, request_page, tree, lang, message
):
    page = request_page if lang == "en" else translate(request_page, tree.fr, "Capacités")
    client.force_login(people.corr_fr)
    response = submit(client, answer_url(page, "FR"), answers_data(request_page, ["a", "", "c"]))
    assert response.status_code == 200
    assert message in response.text
    assert 'value="c"' not in response.text  # textareas keep their text as content
    assert ">\nc</textarea>" in response.text, "what was typed is kept"
    assert not StateResponse.objects.filter(status="submitted").exists()
    saved = client.post(
        answer_url(page, "FR"), answers_data(request_page, ["a", "", "c"], action="save")
    )
    assert saved.status_code == 302
    assert StateResponse.objects.get().status == "draft"


def test_two_correspondents_saving_at_once_lose_nothing(client, people, request_page):
    colleague = UserFactory(username="corr-fr-2", roles=["Correspondents"], state="FR")
    first = answers_data(request_page, ["mine", "x", "y"], version=0, action="save")
    second = answers_data(request_page, ["theirs", "x", "y"], version=0, action="save")
    client.force_login(colleague)
    assert client.post(answer_url(request_page, "FR"), first).status_code == 302
    client.force_login(people.corr_fr)
    conflict = client.post(answer_url(request_page, "FR"), second)
    assert conflict.status_code == 200
    html = conflict.text
    assert "while you were writing" in html
    assert "theirs" in html, "what the user typed is still in the form"
    assert "Saved meanwhile:" in html and "mine" in html
    answer = StateResponse.objects.get().answers.get(question_id=question_ids(request_page)[0])
    assert answer.text == "mine", "the first save was not overwritten silently"
    # saving again from the conflict screen keeps the user's version on purpose
    again = answers_data(request_page, ["theirs", "x", "y"], version=1, action="save")
    assert client.post(answer_url(request_page, "FR"), again).status_code == 302
    answer.refresh_from_db()
    assert answer.text == "theirs"


def test_history_keeps_who_did_what_and_a_state_can_reopen(client, people, request_page):
    client.force_login(people.corr_fr)
    url = answer_url(request_page, "FR")
    client.post(url, answers_data(request_page, ["v1", "", ""], action="save"))
    submit(client, url, answers_data(request_page, ["v2", "b", "c"], version=1))
    # A submitted response takes no submission: the form offers to reopen it.
    assert (
        client.post(url, answers_data(request_page, ["v3", "b", "c"], version=3)).status_code == 200
    )
    assert client.post(url + "reopen/").status_code == 302
    assert StateResponse.objects.get().status == "draft"
    submit(client, url, answers_data(request_page, ["v3", "b", "c"], version=4))
    revisions = list(ResponseRevision.objects.order_by("version"))
    assert [r.action for r in revisions] == [
        "saved",
        "saved",
        "submitted",
        "reopened",
        "saved",
        "submitted",
    ]
    assert [r.answers[0]["text"] for r in revisions] == ["v1", "v2", "v2", "v2", "v3", "v3"]
    assert all(r.author == people.corr_fr for r in revisions)
    history = client.get(f"{request_page.url}responses/FR/history/").text
    assert "v1" in history and "v3" in history
    assert "Network only" in history, "the marking shows wherever the answer appears"
    client.force_login(people.corr_de)
    assert client.get(f"{request_page.url}responses/FR/history/").status_code == 403


def test_the_office_enters_an_answer_received_by_email_with_the_original(
    client, people, request_page, today
):
    client.force_login(people.office)
    data = answers_data(request_page, ["by mail", None, None], email_date=today.isoformat())
    data["email_file"] = SimpleUploadedFile("reply.txt", b"Original reply from Rome")
    response = submit(client, answer_url(request_page, "IT"), data)
    assert response.status_code == 302
    state_response = StateResponse.objects.get(member_state__code="IT")
    assert state_response.entered_by == people.office
    assert state_response.email_date == today
    assert state_response.email_file.owner == state_response
    assert client.get(state_response.email_file.url).status_code == 200
    client.force_login(people.corr_de)
    html = client.get(request_page.url).text
    assert "entered by" in html and "from an e-mail of" in html
    # the original may hold anything, Office-only answers included: Office and own state only
    assert state_response.email_file.url not in html
    assert client.get(state_response.email_file.url).status_code == 404
    client.force_login(people.expert)
    assert client.get(state_response.email_file.url).status_code == 404
    # Entered as a draft, then submitted once the Office checked the summary.
    assert list(ResponseRevision.objects.values_list("action", flat=True)) == ["entered"] * 2


def test_the_office_must_give_the_date_of_the_email(client, people, request_page):
    client.force_login(people.office)
    response = submit(
        client, answer_url(request_page, "IT"), answers_data(request_page, ["a", "b", "c"])
    )
    assert response.status_code == 200
    assert "Give the date of the e-mail" in response.text


def test_an_answered_question_cannot_be_reworded_or_removed(client, people, request_page):
    client.force_login(people.corr_fr)
    submit(client, answer_url(request_page, "FR"), answers_data(request_page, ["a", "b", "c"]))
    page = InformationRequestPage.objects.get(pk=request_page.pk)
    questions = list(page.questions.all())
    questions[0].text = "A different question?"
    page.questions = questions  # as the admin's form sets them
    with pytest.raises(ValidationError, match="already have answers"):
        page.full_clean()
    page.questions = list(InformationRequestPage.objects.get(pk=page.pk).questions.all())[1:]
    with pytest.raises(ValidationError, match="already have answers"):
        page.full_clean()
    page.questions = list(InformationRequestPage.objects.get(pk=page.pk).questions.all())
    page.full_clean()  # unchanged questions pass


def test_a_request_page_with_46_states_and_20_questions_costs_fixed_queries(
    client, people, tree, today
):
    questions = [f"Q{order}" for order in range(20)]

    def build(slug, count):
        page = make_request(
            slug, questions, deadline=today + datetime.timedelta(days=5), opening="open"
        )
        for state in MemberState.objects.all()[:count]:
            respond(page, state.code, [("x", "network")] * 20)
        return page

    small, large = build("small", 1), build("large", 46)
    client.force_login(people.corr_de)
    client.get(small.url)
    counts = []
    for page in (small, large):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(page.url).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1], counts
    assert counts[1] <= 20  # measured: 18
    assert Group.objects.exists() and MemberProfile.objects.count() == 0


def test_opening_the_form_records_nothing(client, people, request_page):
    client.force_login(people.corr_fr)
    assert client.get(answer_url(request_page, "FR")).status_code == 200
    assert not StateResponse.objects.exists()


def test_rewording_an_answered_question_in_the_admin_is_a_clear_error(client, people, request_page):
    client.force_login(people.corr_fr)
    submit(client, answer_url(request_page, "FR"), answers_data(request_page, ["a", "b", "c"]))
    client.force_login(people.office)
    questions = list(request_page.questions.all())
    data = nested_form_data(
        {
            "title": request_page.title,
            "slug": request_page.slug,
            "request_language": "en",
            "requester_state": "",
            "deadline": request_page.deadline.isoformat(),
            "background": rich_text(""),
            "questions": inline_formset(
                [
                    {"id": q.pk, "text": "Reworded?" if i == 0 else q.text, "ORDER": i}
                    for i, q in enumerate(questions)
                ],
                initial=len(questions),
            ),
            "action-publish": "publish",
        }
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[request_page.pk]), data)
    assert response.status_code == 200
    assert "already has answers" in response.text
    assert request_page.questions.first().text == "How many places?"


def test_a_colleague_submitting_meanwhile_shows_the_conflict_and_keeps_my_text(
    client, people, request_page
):
    colleague = UserFactory(username="corr-fr-2", roles=["Correspondents"], state="FR")
    client.force_login(colleague)
    submit(client, answer_url(request_page, "FR"), answers_data(request_page, ["theirs", "b", "c"]))
    client.force_login(people.corr_fr)
    mine = answers_data(request_page, ["mine", "b", "c"], version=0, action="save")
    response = client.post(answer_url(request_page, "FR"), mine)
    assert response.status_code == 200
    assert "Saved meanwhile:" in response.text and "theirs" in response.text
    assert ">\nmine</textarea>" in response.text
    again = answers_data(request_page, ["mine", "b", "c"], version=2, action="reopen_and_save")
    assert client.post(answer_url(request_page, "FR"), again).status_code == 302
    state_response = StateResponse.objects.get()
    assert state_response.status == "draft"
    assert state_response.answers.get(question_id=question_ids(request_page)[0]).text == "mine"


def test_an_emailed_answer_is_late_only_if_the_email_came_after_the_deadline(
    client, people, request_page, today
):
    InformationRequestPage.objects.filter(pk=request_page.pk).update(
        deadline=today - datetime.timedelta(days=2)
    )
    client.force_login(people.office)
    on_time = (today - datetime.timedelta(days=5)).isoformat()
    data = answers_data(request_page, ["a", "b", "c"], email_date=on_time)
    assert submit(client, answer_url(request_page, "IT"), data).status_code == 302
    assert not StateResponse.objects.get().late


def test_a_closed_request_records_no_answer_but_keeps_what_was_typed(client, people, request_page):
    close_request(request_page)
    client.force_login(people.corr_fr)
    response = submit(
        client, answer_url(request_page, "FR"), answers_data(request_page, ["typed", "b", "c"])
    )
    assert response.status_code == 200
    assert "This request is closed" in response.text
    assert ">\ntyped</textarea>" in response.text
    assert not StateResponse.objects.exists()


def test_a_new_answer_starts_in_the_language_of_its_writer(client, people, request_page):
    """corr-fr works in French, corr-de in English."""
    for person, language in ((people.corr_fr, "fr"), (people.corr_de, "en")):
        client.force_login(person)
        form = client.get(f"{request_page.url}answer/").context["form"]
        first = question_ids(request_page)[0]
        assert form[f"q{first}_language"].value() == language


SUMMARY_WORDS = {
    "en": ("Your draft is saved.", "Confirm and submit", "Network only", "Submit the response"),
    "fr": (
        "Votre brouillon est enregistré.",
        "Confirmer et soumettre",
        "Réseau uniquement",
        "Soumettre la réponse",
    ),
}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_draft_stays_on_the_form_and_a_submission_is_confirmed_from_its_summary(
    client, people, request_page, tree, lang
):
    saved_message, confirm, marking, submit_button = SUMMARY_WORDS[lang]
    page = request_page if lang == "en" else translate(request_page, tree.fr, "Capacités")
    url = answer_url(page, "FR")
    client.force_login(people.corr_fr)
    draft = client.post(url, answers_data(request_page, ["120 places", "", ""], action="save"))
    assert draft.status_code == 302 and draft.url == url, "the user stays on the form"
    form = client.get(url).text
    assert saved_message in form and ">\n120 places</textarea>" in form

    summary = client.post(url, answers_data(request_page, ["120 places", None, "Yes"], version=1))
    assert summary.status_code == 200
    assert "120 places" in summary.text and confirm in summary.text and marking in summary.text
    assert StateResponse.objects.get().status == "draft", "nothing is submitted before confirming"
    confirmed = client.post(url, {"version": "2", "confirm_submit": "1"})
    assert confirmed.status_code == 302 and confirmed.url == page.url
    assert StateResponse.objects.get().status == "submitted"
    again = client.get(url).text
    assert submit_button not in again, "a submitted response offers to reopen, not to submit"


def test_a_summary_confirmed_after_a_colleague_saved_is_not_submitted(client, people, request_page):
    colleague = UserFactory(username="corr-fr-2", roles=["Correspondents"], state="FR")
    url = answer_url(request_page, "FR")
    client.force_login(people.corr_fr)
    client.post(url, answers_data(request_page, ["mine", "b", "c"]))  # the summary, at version 1
    client.force_login(colleague)
    client.post(url, answers_data(request_page, ["theirs", "b", "c"], version=1, action="save"))
    client.force_login(people.corr_fr)
    response = client.post(url, {"version": "1", "confirm_submit": "1"}, follow=True)
    assert "changed while you were reviewing it" in response.text
    state_response = StateResponse.objects.get()
    assert state_response.status == "draft"
    assert state_response.answers.get(question_id=question_ids(request_page)[0]).text == "theirs"
