"""The SRSG's agenda (issue 17; §4.1, §4.4): the SRSG approves the draft agenda once every
suggestion is decided; only then may the Office convene the session, on the SRSG's behalf, and the
convocation says who convened and when the agenda was approved; the agenda stays a draft until the
Office records its adoption at the session. A suggestion may carry a document, which follows the
suggestion's visibility."""

import datetime
from html import unescape

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.models import PageLogEntry

import pytest

from network_pages.accounts.models import MemberState
from network_pages.sessions import agenda
from network_pages.sessions.agenda import ApprovalRefused, approve, open_consultation, suggest
from network_pages.sessions.convocations import ConvocationRefused, send_convocation
from network_pages.sessions.models import (
    AgendaApproval,
    AgendaItem,
    AgendaSuggestion,
    Convocation,
)
from tests.factories.core import translate
from tests.factories.sessions import make_session

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]

DAY = datetime.timedelta(days=1)


@pytest.fixture
def plenary(tree, today):
    page = make_session("Plenary 2027", starts_on=today + 90 * DAY)
    translate(page, tree.fr, "Plénière 2027")
    return page


@pytest.fixture
def consulted(plenary, people, today):
    consultation = open_consultation(plenary, closes_on=today + 10 * DAY, by=people.office)
    return suggest(
        consultation,
        {"title": "Returns", "rationale": "A new law."},
        member_state=MemberState.objects.get(code="DE"),
        by=people.corr_de,
    )


def test_the_convocation_waits_for_the_srsg_s_approval_and_says_who_convened(
    client, people, plenary, sent
):
    with pytest.raises(ConvocationRefused, match="not approved the draft agenda"):
        send_convocation(plenary, by=people.office)
    client.force_login(people.office)
    page = client.get(plenary.url).text
    assert "once the SRSG has approved its draft agenda" in page
    assert f'href="{plenary.url}convene/"' not in page
    refused = client.post(plenary.url + "convene/", {"override_reason": ""})
    assert "not approved the draft agenda yet" in unescape(refused.text)
    assert not Convocation.objects.exists()

    client.force_login(people.srsg)
    assert "Approve the draft agenda" in client.get(plenary.url).text
    with sent(execute=True):
        client.post(plenary.url + "agenda/approve/", follow=True)
    approval = AgendaApproval.objects.get(session=plenary)
    assert approval.approved_by == people.srsg
    assert approval.revision == plenary.live_revision
    # The Office is told it may convene.
    told = {message.to[0]: message for message in mail.outbox}
    assert set(told) == {people.office.email}
    subject = told[people.office.email].subject  # in the Office member's language
    assert subject == "Ordre du jour provisoire approuvé\u00a0: Plénière 2027"
    entry = PageLogEntry.objects.get(page=plenary, action="network.agenda.approve")
    assert entry.user == people.srsg

    mail.outbox.clear()
    with sent(execute=True):
        convocation = send_convocation(plenary, by=people.office)
    assert convocation.sent_by == people.office and convocation.convened_by == people.srsg
    srsg = people.srsg.get_full_name()
    english = next(m for m in mail.outbox if m.to == [people.corr_de.email])
    assert f"{srsg}, the Special Representative of the Secretary General, convenes you" in (
        english.body
    )
    assert "The Office sends this convocation on the SRSG's behalf." in english.body
    french = next(m for m in mail.outbox if m.to == [people.corr_fr.email])
    assert f"{srsg}, Représentant spécial" in french.body
    assert "pour le compte du RSSG" in french.body


@pytest.mark.parametrize("who", ["office", "corr_de", "expert"])
def test_only_the_srsg_approves(client, people, plenary, who):
    client.force_login(getattr(people, who))
    assert client.get(plenary.url + "agenda/approve/").status_code == 403
    assert client.post(plenary.url + "agenda/approve/").status_code == 403
    assert not AgendaApproval.objects.exists()


def test_the_approval_waits_for_every_suggestion_and_ends_the_consultation(
    client, people, plenary, consulted
):
    client.force_login(people.srsg)
    page = client.get(plenary.url + "agenda/approve/").text
    assert "A state&#x27;s suggestion still awaits your decision: decide on it first." in page
    assert '<button type="submit" class="button">Approve the draft agenda' not in page
    client.post(plenary.url + "agenda/approve/")
    assert not AgendaApproval.objects.exists()

    agenda.accept(consulted, by=people.srsg)
    client.post(plenary.url + "agenda/approve/")
    assert AgendaApproval.objects.filter(session=plenary).exists()
    with pytest.raises(ApprovalRefused, match="already"):
        approve(plenary, by=people.srsg)
    # The consultation is over, though its closing date has not come.
    with pytest.raises(agenda.ConsultationRefused, match="consultation is over"):
        suggest(
            consulted.consultation,
            {"title": "Integration", "rationale": "A new plan."},
            member_state=MemberState.objects.get(code="FR"),
            by=people.corr_fr,
        )


def test_the_srsg_approves_from_the_french_interface(client, people, plenary):
    client.force_login(people.srsg)
    french = plenary.get_translations().get()
    response = client.post(french.url + "agenda/approve/", follow=True)
    assert "L’ordre du jour provisoire est approuvé" in unescape(response.text)
    assert AgendaApproval.objects.filter(session=plenary).exists()


def test_the_agenda_stays_a_draft_until_the_office_records_its_adoption(
    client, people, today, sent
):
    session = make_session("Plenary now", starts_on=today - DAY, ends_on=today + DAY)
    client.force_login(people.office)
    assert client.get(session.url + "agenda/adoption/").status_code == 200
    refused = client.post(session.url + "agenda/adoption/", {"adopted_on": today.isoformat()})
    assert "The SRSG has not approved the draft agenda yet." in unescape(refused.text)

    AgendaApproval.objects.create(session=session, approved_by=people.srsg)
    assert "<h2>Draft agenda</h2>" in client.get(session.url).text
    before = client.post(
        session.url + "agenda/adoption/", {"adopted_on": (today - 2 * DAY).isoformat()}
    )
    assert "The agenda is adopted at the session" in unescape(before.text)
    tomorrow = client.post(session.url + "agenda/adoption/", {"adopted_on": today + DAY})
    assert "An adoption is recorded once it has happened." in unescape(tomorrow.text)
    client.post(session.url + "agenda/adoption/", {"adopted_on": today.isoformat()})
    approval = AgendaApproval.objects.get(session=session)
    assert approval.adopted_on == today and approval.adoption_recorded_by == people.office
    assert PageLogEntry.objects.filter(page=session, action="network.agenda.adopt").exists()

    client.force_login(people.corr_de)
    page = client.get(session.url).text
    assert "<h2>Agenda</h2>" in page and "Adopted at the session on" in page
    assert client.get(session.url + "agenda/adoption/").status_code == 403


def test_a_suggestion_carries_a_document_seen_by_those_who_see_the_suggestion(
    client, people, plenary, today
):
    open_consultation(plenary, closes_on=today + 10 * DAY, by=people.office)
    client.force_login(people.corr_de)
    refused = client.post(
        plenary.url + "agenda/suggest/",
        {
            "title": "Returns",
            "rationale": "A new law.",
            "document": SimpleUploadedFile("note.exe", b"MZ\x90\x00"),
        },
    )
    assert "is not an accepted file type" in unescape(refused.text)
    assert "choose it again" in refused.text
    assert 'value="Returns"' in refused.text  # what was typed is kept
    client.post(
        plenary.url + "agenda/suggest/",
        {
            "title": "Returns",
            "rationale": "A new law.",
            "document": SimpleUploadedFile("note.txt", b"The German return law, in brief."),
        },
    )
    suggestion = AgendaSuggestion.objects.get()
    document = suggestion.document
    assert document.owner == suggestion
    assert document.url in client.get(plenary.url + "agenda/suggest/").text
    assert client.get(document.url).status_code == 200

    client.force_login(people.corr_fr)  # another state: not while the SRSG has not decided
    assert client.get(document.url).status_code in (403, 404)
    client.force_login(people.office)
    assert client.get(document.url).status_code == 200
    agenda.decline(suggestion, reason="Next year.", by=people.srsg)
    client.force_login(people.corr_fr)
    assert document.url in client.get(plenary.url + "agenda/suggest/").text
    assert client.get(document.url).status_code == 200
    client.force_login(people.expert)
    assert client.get(document.url).status_code in (403, 404)


def test_the_srsg_decides_from_the_admin_as_from_the_intranet(client, people, consulted, sent):
    edit = f"/admin/agenda-suggestions/edit/{consulted.pk}/"
    client.force_login(people.office)  # reads the suggestions, decides nothing
    assert "Returns" in client.get("/admin/agenda-suggestions/").text
    assert client.get(edit).status_code in (302, 403)
    assert client.post(edit, {"status": "accepted"}).status_code in (302, 403)
    client.force_login(people.corr_de)
    assert client.get("/admin/agenda-suggestions/").status_code in (302, 403)

    client.force_login(people.srsg)
    no_reason = client.post(edit, {"status": "declined", "reason": " "})
    assert "Give the reason: the state is told it." in unescape(no_reason.text)
    with sent(execute=True):
        client.post(edit, {"status": "accepted", "reason": ""})
    consulted.refresh_from_db()
    assert consulted.status == AgendaSuggestion.Status.ACCEPTED
    assert consulted.decided_by == people.srsg
    session = consulted.consultation.session.specific
    assert session.agenda_items.filter(title="Returns", suggested_by__code="DE").exists()
    assert [m.to[0] for m in mail.outbox] == [people.corr_de.email]
    again = client.post(edit, {"status": "declined", "reason": "Too late."})
    assert "The suggestion was decided already." in unescape(again.text)


def test_the_srsg_approves_and_the_office_records_the_adoption_in_the_admin(
    client, people, plenary, consulted, today
):
    client.force_login(people.office)  # reads, approves nothing
    assert client.get("/admin/agenda-approvals/").status_code == 200
    assert client.get("/admin/agenda-approvals/new/").status_code in (302, 403)
    assert client.post("/admin/agenda-approvals/new/", {"session": plenary.pk}).status_code in (
        302,
        403,
    )
    assert not AgendaApproval.objects.exists()

    client.force_login(people.srsg)
    form = client.get("/admin/agenda-approvals/new/").text
    assert "Plenary 2027" in form and "Plénière 2027" not in form  # the session as first written
    pending = client.post("/admin/agenda-approvals/new/", {"session": plenary.pk})
    assert "still awaits your decision" in unescape(pending.text)
    agenda.decline(consulted, reason="Next year.", by=people.srsg)
    client.post("/admin/agenda-approvals/new/", {"session": plenary.pk})
    approval = AgendaApproval.objects.get(session=plenary)
    assert approval.approved_by == people.srsg
    assert PageLogEntry.objects.filter(page=plenary, action="network.agenda.approve").exists()
    edit = f"/admin/agenda-approvals/edit/{approval.pk}/"
    assert client.post(edit, {"adopted_on": today.isoformat()}).status_code in (302, 403)

    client.force_login(people.office)
    early = client.post(edit, {"adopted_on": today.isoformat()})  # the session is in 90 days
    assert "The agenda is adopted at the session" in unescape(early.text)
    approval.refresh_from_db()
    assert approval.adopted_on is None


def test_an_agenda_changed_after_its_approval_needs_the_srsg_again(client, people, plenary, sent):
    approve(plenary, by=people.srsg)
    # The Office adds an item in the admin and publishes the session.
    page = plenary.get_latest_revision_as_object()
    page.agenda_items.add(AgendaItem(title="Budget", sort_order=10))
    page.save_revision(user=people.office).publish(user=people.office)
    with pytest.raises(ConvocationRefused, match="changed after the SRSG approved it"):
        send_convocation(plenary, by=people.office)
    client.force_login(people.office)
    html = unescape(client.get(plenary.url).text)
    assert "The draft agenda changed after the SRSG approved it on" in html
    assert f'href="{plenary.url}convene/"' not in html

    client.force_login(people.srsg)
    form = unescape(client.get(plenary.url + "agenda/approve/").text)
    assert "The draft agenda changed after you approved it" in form
    client.post(plenary.url + "agenda/approve/")
    approval = AgendaApproval.objects.get(session=plenary)
    assert approval.revision == plenary.specific_class.objects.get(pk=plenary.pk).live_revision
    assert PageLogEntry.objects.filter(page=plenary, action="network.agenda.approve").count() == 2
    with sent(execute=True):
        convocation = send_convocation(plenary, by=people.office)
    assert convocation.convened_by == people.srsg
