"""Consultations on a session's agenda (issue 17; R12, §4.4): the Office opens one with a closing
date, every correspondent is told in their language, and each state suggests items until it closes,
seeing its own suggestions; other states' stay hidden until decided."""

import datetime
from html import unescape

from django.core import mail

from wagtail.models import PageLogEntry

import pytest

from network_pages import access
from network_pages.accounts.models import MemberState
from network_pages.sessions.agenda import accept, open_consultation, suggest
from network_pages.sessions.models import AgendaConsultation, AgendaItem, AgendaSuggestion
from tests.factories.core import translate
from tests.factories.sessions import make_session

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


@pytest.fixture
def plenary(tree, today):
    page = make_session("Plenary 2027", starts_on=today + datetime.timedelta(days=90))
    translate(page, tree.fr, "Plénière 2027")
    return page


def _suggest(client, page, title="Return of rejected asylum seekers", rationale="A new law."):
    return client.post(
        page.url + "agenda/suggest/", {"title": title, "rationale": rationale}, follow=True
    )


def test_the_office_opens_the_consultation_and_every_correspondent_is_told(
    client, people, plenary, sent, today
):
    client.force_login(people.office)
    assert "Open the consultation" in client.get(plenary.url + "agenda/consultation/").text
    closes_on = today + datetime.timedelta(days=20)
    with sent(execute=True):
        response = client.post(
            plenary.url + "agenda/consultation/", {"closes_on": closes_on.isoformat()}, follow=True
        )
    assert response.status_code == 200
    consultation = AgendaConsultation.objects.get(session=plenary)
    assert consultation.closes_on == closes_on and consultation.opened_by == people.office
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects[people.corr_de.email] == "Consultation on the agenda: Plenary 2027"
    assert subjects[people.corr_fr.email] == "Consultation sur l’ordre du jour\u00a0: Plénière 2027"
    assert people.office.email not in subjects and people.expert.email not in subjects
    french = next(m for m in mail.outbox if m.to == [people.corr_fr.email])
    assert "/fr/intranet/sessions/plenary-2027/agenda/suggest/" in french.body
    assert PageLogEntry.objects.filter(page=plenary, action="network.agenda.consult").exists()
    # Once is enough.
    with pytest.raises(Exception, match="consulted on this agenda already"):
        open_consultation(plenary, closes_on=closes_on, by=people.office)


@pytest.mark.parametrize(
    ("lang", "days", "message"),
    [
        ("en", -1, "The closing date cannot be in the past."),
        ("fr", 90, "La consultation doit se clore avant le premier jour de la session."),
    ],
)
def test_the_closing_date_is_checked_in_the_user_s_language(
    client, people, plenary, today, lang, days, message
):
    client.force_login(people.office)
    version = plenary if lang == "en" else plenary.get_translations().get()
    closes_on = today + datetime.timedelta(days=days)
    response = client.post(version.url + "agenda/consultation/", {"closes_on": closes_on})
    assert message in unescape(response.text)
    assert not AgendaConsultation.objects.exists()


def test_a_state_suggests_items_and_sees_only_its_own_until_decided(client, people, plenary, today):
    consultation = open_consultation(
        plenary, closes_on=today + datetime.timedelta(days=20), by=people.office
    )
    client.force_login(people.corr_fr)
    assert "Suggest an agenda item (until" in client.get(plenary.url).text
    response = _suggest(client, plenary)
    assert "is suggested on behalf of France" in unescape(response.text)
    suggestion = AgendaSuggestion.objects.get()
    assert (suggestion.member_state.code, suggestion.suggested_by) == ("FR", people.corr_fr)
    assert suggestion.status == "pending"
    own = client.get(plenary.url + "agenda/suggest/").text
    assert "Return of rejected asylum seekers" in own and "awaiting the SRSG" in own
    client.force_login(people.corr_de)
    assert "Return of rejected" not in client.get(plenary.url + "agenda/suggest/").text
    assert not access.can_view(people.corr_de, suggestion)
    assert access.can_view(people.office, suggestion) and access.can_view(people.srsg, suggestion)
    assert not access.can_view(people.expert, suggestion)
    suggestion.status = AgendaSuggestion.Status.DECLINED
    suggestion.save()
    assert access.can_view(people.corr_de, suggestion), "decided: the members see it"
    client.force_login(people.office)
    listing = client.get(plenary.url + "agenda/consultation/").text
    assert "Return of rejected asylum seekers" in listing and "France" in listing
    assert consultation.suggestions.count() == 1


def test_a_closed_consultation_takes_nothing_and_keeps_what_was_typed(
    client, people, plenary, today, time_machine
):
    open_consultation(plenary, closes_on=today + datetime.timedelta(days=3), by=people.office)
    later = datetime.datetime.combine(today, datetime.time(12)) + datetime.timedelta(days=4)
    time_machine.move_to(later)
    client.force_login(people.corr_fr)
    response = _suggest(client, plenary, title="Too late")
    assert "The consultation on this agenda is closed." in response.text
    assert "Too late" in response.text
    assert not AgendaSuggestion.objects.exists()


def test_an_item_is_one_line_and_a_reason_is_given(client, people, plenary, today):
    open_consultation(plenary, closes_on=today, by=people.office)
    client.force_login(people.corr_fr)
    response = _suggest(client, plenary, title="Returns\nApproved by the SRSG", rationale="")
    text = unescape(response.text)
    assert "Write this on one line" in text and "This field is required." in text
    assert not AgendaSuggestion.objects.exists()


def test_who_consults_and_who_suggests(client, people, plenary, today):
    client.force_login(people.corr_fr)
    no_consultation = client.get(plenary.url + "agenda/suggest/", follow=True)
    assert "The Office has not opened a consultation on this agenda." in unescape(
        no_consultation.text
    )
    open_consultation(plenary, closes_on=today, by=people.office)
    for person in (people.corr_fr, people.corr_de):
        client.force_login(person)
        assert client.get(plenary.url + "agenda/consultation/").status_code == 403
    for person in (people.office, people.srsg):
        client.force_login(person)
        assert client.get(plenary.url + "agenda/suggest/").status_code == 403


@pytest.fixture
def suggested(people, plenary, today):
    """France's pending suggestion on the plenary's open consultation."""
    consultation = open_consultation(
        plenary, closes_on=today + datetime.timedelta(days=20), by=people.office
    )
    return suggest(
        consultation,
        {"title": "Return of rejected asylum seekers", "rationale": "A new law since May."},
        member_state=MemberState.objects.get(code="FR"),
        by=people.corr_fr,
    )


def test_the_srsg_accepts_a_suggestion_into_the_draft_agenda_and_the_state_is_told(
    client, people, plenary, suggested, sent
):
    client.force_login(people.srsg)
    listing = client.get(plenary.url + "agenda/consultation/").text
    url = plenary.url + f"agenda/suggestions/{suggested.pk}/"
    assert url in listing
    mail.outbox.clear()
    with sent(execute=True):
        response = client.post(url, {"decision": "accept"}, follow=True)
    assert "accepted. The correspondents of France are told." in unescape(response.text)
    suggested.refresh_from_db()
    assert suggested.status == "accepted" and suggested.decided_by == people.srsg
    live = AgendaItem.objects.get(page=plenary, translation_key=suggested.agenda_item_key)
    assert live.suggested_by.code == "FR" and live.title == suggested.title
    assert [item.title for _n, item in plenary.specific.numbered_agenda()][-1] == suggested.title
    page = client.get(plenary.url).text
    credited = '<small class="muted" lang="en">(suggested by France)</small>'
    assert f"Return of rejected asylum seekers</strong> {credited}" in page
    [message] = mail.outbox
    assert message.to == [people.corr_fr.email]
    assert message.subject.startswith("Votre proposition figure à l’ordre du jour provisoire")
    assert "Elle est retenue" in message.body
    assert PageLogEntry.objects.filter(page=plenary, action="network.agenda.accept").exists()
    # Decided once: a second decision changes nothing.
    response = client.post(url, {"decision": "decline", "reason": "No"}, follow=True)
    assert "decided already" in response.text
    suggested.refresh_from_db()
    assert suggested.status == "accepted"


def test_the_srsg_declines_with_a_reason_which_the_state_receives(
    client, people, plenary, suggested, sent
):
    client.force_login(people.srsg)
    url = plenary.url + f"agenda/suggestions/{suggested.pk}/"
    response = client.post(url, {"decision": "decline", "reason": ""})
    assert "Give the reason: the state is told it." in unescape(response.text)
    suggested.refresh_from_db()
    assert suggested.status == "pending"
    mail.outbox.clear()
    with sent(execute=True):
        client.post(url, {"decision": "decline", "reason": "Covered by item 2."})
    suggested.refresh_from_db()
    assert (suggested.status, suggested.reason) == ("declined", "Covered by item 2.")
    [message] = mail.outbox
    assert message.to == [people.corr_fr.email] and "Covered by item 2." in message.body
    assert not AgendaItem.objects.filter(title=suggested.title).exists()
    # Decided: the other states' members see it now.
    client.force_login(people.corr_de)
    page = client.get(plenary.url + "agenda/suggest/").text
    assert "Return of rejected asylum seekers" in page and "Covered by item 2." in page


def test_only_the_srsg_decides(client, people, plenary, suggested):
    url = plenary.url + f"agenda/suggestions/{suggested.pk}/"
    for person in (people.office, people.corr_fr, people.corr_de):
        client.force_login(person)
        assert client.get(url).status_code == 403
        assert client.post(url, {"decision": "accept"}).status_code == 403
    client.force_login(people.office)
    assert url not in client.get(plenary.url + "agenda/consultation/").text
    suggested.refresh_from_db()
    assert suggested.status == "pending"


def test_an_accepted_item_waits_for_a_pending_draft_rather_than_publish_it(
    people, plenary, suggested
):
    draft = plenary.specific.get_latest_revision_as_object()
    draft.place = "Strasbourg, Agora (draft)"
    draft.save_revision(user=people.office)
    accept(suggested, by=people.srsg)
    plenary.refresh_from_db()
    assert plenary.place != "Strasbourg, Agora (draft)", "the Office's draft stays a draft"
    assert not AgendaItem.objects.filter(page=plenary, title=suggested.title).exists()
    latest = plenary.specific.get_latest_revision_as_object()
    assert suggested.title in [item.title for item in latest.agenda_items.all()]
    assert latest.place == "Strasbourg, Agora (draft)"
