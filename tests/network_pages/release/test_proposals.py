"""Proposing a good practice for public release (§3.3): the Office or a correspondent of the
state that wrote it makes a draft public page from the practice's allow-list (title, summary, text,
themes, states), never its attachments, sources, marking or author; nothing is public before the
joint decision; the source is the Office's to know."""

from django.core import mail

import pytest

from home.models import ReleasedPage
from network_pages import access
from network_pages.core.markings import Marking
from network_pages.notifications.models import Notification
from network_pages.release import proposals
from network_pages.release.models import ReleaseProposal
from tests.factories.practices import contribute, review, upload

pytestmark = pytest.mark.django_db

PLANTED = "RESTRICTED-MARKER-7731"


@pytest.fixture
def practice(people, sent):
    with sent(execute=True):
        page = contribute(
            people.corr_de,
            "DE",
            title="Language courses",
            body="Courses from the first week.",
            sources=f"Internal note {PLANTED}",
            uploads=[upload()],
        )
        review(page, people.office, "approve")
    page.refresh_from_db()
    return page


def test_a_correspondent_of_the_authors_state_proposes_from_the_practices_page(
    client, people, practice, sent
):
    client.force_login(people.corr_de)
    url = practice.url + practice.reverse_subpage("release")
    assert url in client.get(practice.url).text
    assert "never travel" in client.get(url).text  # the confirmation says what stays behind
    with sent(execute=True):
        response = client.post(url)
    assert response.status_code == 302
    proposal = ReleaseProposal.objects.get()
    page = proposal.page
    assert (page.title, page.live) == ("Language courses", False)
    assert "Courses from the first week." in page.body
    assert list(proposal.states.values_list("code", flat=True)) == ["DE"]
    assert proposal.source == practice
    told = Notification.objects.filter(event="release_proposed")
    assert set(told.values_list("to_email", flat=True)) == {people.office.email, people.srsg.email}
    french = told.get(to_email=people.office.email)  # the Office reads French
    assert french.subject == "Proposé pour diffusion publique\u00a0: Language courses"
    assert {message.to[0] for message in mail.outbox} >= {people.office.email, people.srsg.email}


def test_the_allow_list_leaves_sources_attachments_and_author_behind(people, practice):
    proposal = proposals.propose_practice(practice, by=people.office)
    page = ReleasedPage.objects.get(pk=proposal.page_id)
    text = " ".join(str(value) for value in page.__dict__.values())
    assert PLANTED not in text
    assert "document" not in page.body
    assert people.corr_de.get_full_name() not in text


def test_nothing_proposed_is_public(client, people, practice):
    proposal = proposals.propose_practice(practice, by=people.office)
    assert client.get(proposal.page.url).status_code == 404
    assert not access.can_view(people.corr_de, proposal.page)


@pytest.mark.parametrize("who", ["corr_fr", "expert"])
def test_another_state_or_an_expert_cannot_propose(client, people, practice, who):
    client.force_login(getattr(people, who))
    url = practice.url + practice.reverse_subpage("release")
    assert client.post(url).status_code == 403
    assert not ReleaseProposal.objects.exists()


def test_a_practice_marked_office_only_never_travels(client, people, practice):
    practice.marking = Marking.OFFICE
    practice.save_revision().publish()
    client.force_login(people.office)
    url = practice.url + practice.reverse_subpage("release")
    assert client.post(url).status_code == 403
    assert not ReleaseProposal.objects.exists()


def test_a_practice_is_proposed_once(people, practice):
    proposals.propose_practice(practice, by=people.corr_de)
    with pytest.raises(proposals.Refused):
        proposals.propose_practice(practice, by=people.office)


def test_only_the_office_reads_where_a_released_page_comes_from(people, practice):
    proposal = proposals.propose_practice(practice, by=people.corr_de)
    assert access.can_view(people.office, proposal)
    assert not access.can_view(people.corr_de, proposal)
