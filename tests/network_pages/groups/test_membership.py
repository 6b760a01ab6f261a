"""Joining and leaving a thematic group (R16, §4.8): membership is voluntary, so a correspondent
joins and leaves from the group's page, in either language, and its workspace opens and closes
with it; the Office removes a member after confirming, and the member is told in their language.
Nobody else joins: not the Office, not an invited expert, not an anonymous visitor. Each step is
in the group page's audit log."""

from html import unescape

from django.core import mail
from django.urls import reverse

from wagtail.models import PageLogEntry

import pytest

from network_pages.accounts.members import display_name
from network_pages.groups import membership
from network_pages.groups.models import ThematicGroupPage, WorkspacePage
from network_pages.notifications.models import Notification
from tests.factories.groups import group_index, invite_into, join, make_group, workspace_of

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"
JOIN = "Join the group"
LEAVE = "Leave the group"
OPEN = "Open the workspace"
# The footer of every e-mail of the project, already translated: the language a message is in.
FOOTER = {
    "en": "This message was sent by the network's intranet; please do not reply to it.",
    "fr": "Ce message a été envoyé par l'intranet du réseau",
}


@pytest.fixture
def group(tree):
    return make_group()


@pytest.fixture
def french(group, tree):
    return group.get_translation(tree.fr)


def group_log(group):
    """The group's membership steps, oldest first: (action, by whom, data)."""
    entries = PageLogEntry.objects.filter(page=group, action__startswith="network.group.")
    return [
        (entry.action, entry.user.get_username() if entry.user else None, entry.data)
        for entry in entries.order_by("timestamp", "pk")
    ]


def told(mark=0):
    """The e-mails sent since the first `mark` ones, by (address, event), each one of the
    project's notifications."""
    found = {}
    for message in mail.outbox[mark:]:
        row = Notification.objects.get(to_email=message.to[0], subject=message.subject)
        found[(message.to[0], row.event)] = (message, row)
    assert len(found) == len(mail.outbox) - mark
    return found


def members(group):
    return [person.get_username() for person in membership.members(group)]


def page_text(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return unescape(response.text)


def test_a_group_gets_its_members_group_and_its_workspace_when_first_published(
    client, people, tree, group, french
):
    """Its French version shares the members' group; the workspace is there in both languages
    from the first day, empty and closed; the Office publishing the group again (a new mandate)
    keeps the same members' group and the one workspace."""
    assert group.group_id is not None
    assert ThematicGroupPage.objects.get(pk=french.pk).group_id == group.group_id
    space = workspace_of(group)
    assert space.live and space.get_translation(tree.fr).live
    client.force_login(people.office)
    assert "Nothing has been written in the workspace yet." in page_text(client, space.url)
    client.force_login(people.corr_de)
    assert client.get(space.url).status_code == 403

    join(group, people.corr_de)
    group.mandate = "<p>Map the practices, then compare them.</p>"
    group.save_revision(user=people.office).publish(user=people.office)
    assert set(ThematicGroupPage.objects.values_list("group_id", flat=True)) == {group.group_id}
    assert WorkspacePage.objects.count() == 2  # one workspace, in English and in French
    assert workspace_of(group).pk == space.pk
    assert members(group) == ["corr-de"]
    assert client.get(space.url).status_code == 200


def test_a_correspondent_joins_from_the_groups_page_and_its_workspace_opens(client, people, group):
    """Before joining, the page offers to join and keeps the workspace shut; after, it offers to
    leave, opens the way into the workspace, lists the new member, and the list of groups says
    "You are a member"."""
    space = workspace_of(group)
    client.force_login(people.corr_de)
    html = page_text(client, group.url)
    assert JOIN in html and LEAVE not in html
    assert OPEN not in html and space.url not in html
    assert client.get(space.url).status_code == 403

    response = client.post(group.url + "join/", follow=True)
    assert response.redirect_chain == [(group.url, 302)]
    html = unescape(response.text)
    assert "You are a member of the group: its workspace is open to you." in html
    assert LEAVE in html and JOIN not in html
    assert f'href="{space.url}"' in html
    assert display_name(people.corr_de) in html
    assert members(group) == ["corr-de"]
    assert client.get(space.url).status_code == 200
    assert "You are a member" in page_text(client, group_index().url)
    assert group_log(group) == [("network.group.join", "corr-de", {})]


def test_a_correspondent_joins_and_leaves_from_the_french_version(client, people, group, french):
    """From the French page: joining opens the workspace in both languages and comes back to the
    French page; leaving closes it in both at once."""
    space = workspace_of(group)
    space_fr = space.get_translation(french.locale)
    client.force_login(people.corr_fr)
    assert client.get(space_fr.url).status_code == 403

    response = client.post(french.url + "join/")
    assert response.status_code == 302
    assert response["Location"] == french.url
    assert members(group) == ["corr-fr"]
    assert f'href="{space_fr.url}"' in page_text(client, french.url)
    assert client.get(space_fr.url).status_code == 200
    assert client.get(space.url).status_code == 200

    response = client.post(french.url + "leave/")
    assert response.status_code == 302
    assert response["Location"] == french.url
    assert members(group) == []
    html = page_text(client, french.url)
    assert f'href="{space_fr.url}"' not in html
    assert client.get(space_fr.url).status_code == 403
    assert client.get(space.url).status_code == 403
    # Logged on the group as first written, whichever version was used.
    assert group_log(group) == [
        ("network.group.join", "corr-fr", {}),
        ("network.group.leave", "corr-fr", {}),
    ]
    assert not PageLogEntry.objects.filter(page=french, action__startswith="network.group.")


def test_leaving_closes_what_the_member_wrote_there_too(client, people, group, sent):
    """Their own items go with the workspace: once they left, its pages and files are shut to
    them like to any other correspondent."""
    join(group, people.corr_fr)
    data = {"title": "Guardianship survey", "kind": "note", "language": "en", "body": "Notes."}
    client.force_login(people.corr_fr)
    with sent(execute=True):
        response = client.post(workspace_of(group).url + "write/", data)
    assert response.status_code == 302
    item_url = response["Location"]
    assert client.get(item_url).status_code == 200
    client.post(group.url + "leave/")
    assert client.get(item_url).status_code == 403


def test_leaving_a_group_one_is_not_in_is_refused_with_a_message(client, people, group):
    client.force_login(people.corr_de)
    response = client.post(group.url + "leave/", follow=True)
    assert response.redirect_chain == [(group.url, 302)]
    assert "You are not a member of this group." in unescape(response.text)
    assert group_log(group) == []


def test_joining_twice_is_refused(client, people, group):
    """A member is offered to leave, not to join; a second join is refused and logs nothing."""
    client.force_login(people.corr_de)
    assert client.post(group.url + "join/").status_code == 302
    assert client.post(group.url + "join/").status_code == 403
    assert members(group) == ["corr-de"]
    assert people.corr_de.groups.filter(pk=group.group_id).count() == 1
    assert [action for action, _who, _data in group_log(group)] == ["network.group.join"]


def test_experts_the_office_and_anonymous_visitors_cannot_join(client, people, group):
    """Only correspondents join: an expert (invited into the workspace or not) is refused the
    group's page itself, the Office and the SRSG are refused the join, an anonymous visitor is
    sent to the login; none of them becomes a member."""
    invitation = invite_into(group, by=people.office)
    for user in (people.expert, invitation.user, people.office, people.srsg):
        client.force_login(user)
        assert JOIN not in unescape(client.get(group.url).text)
        assert client.post(group.url + "join/").status_code == 403, user
    client.logout()
    response = client.post(group.url + "join/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/login/")
    assert members(group) == []
    assert group_log(group) == []


def test_the_office_removes_a_member_after_confirming_and_they_are_told_in_french(
    client, people, group, french, sent
):
    """The Office sees a "Remove" link by each member; the link asks to confirm and changes
    nothing; confirming removes the member (not the others), closes the workspace to them at
    once, logs who removed whom, and tells them by e-mail in their language (corr_fr reads
    French), with the way back to the group's French page."""
    join(group, people.corr_fr, people.corr_de)
    space = workspace_of(group)
    remove_url = group.url + f"members/{people.corr_fr.pk}/remove/"
    client.force_login(people.office)
    assert f'href="{remove_url}"' in page_text(client, group.url)

    html = page_text(client, remove_url)
    assert f"Remove {display_name(people.corr_fr)} from the group" in html
    assert "The workspace closes to them at once." in html
    assert set(members(group)) == {"corr-de", "corr-fr"}
    assert mail.outbox == []

    with sent(execute=True):
        response = client.post(remove_url, follow=True)
    assert response.redirect_chain == [(group.url, 302)]
    assert f"{display_name(people.corr_fr)} is no longer a member of the group." in unescape(
        response.text
    )
    assert members(group) == ["corr-de"]
    assert group_log(group)[-1] == ("network.group.remove", "office", {"user": "corr-fr"})

    sent_to = told()
    assert set(sent_to) == {(people.corr_fr.email, "group_member_removed")}
    message, row = sent_to[(people.corr_fr.email, "group_member_removed")]
    assert row.language == "fr"
    # French: needs locale/fr
    assert "Vous n’êtes plus membre du groupe" in message.subject.replace(NBSP, " ")
    assert "Le Bureau du RSSG vous a retiré·e du groupe thématique" in message.body
    assert FOOTER["fr"] in message.body
    assert f"http://testserver{french.url}" in message.body

    client.force_login(people.corr_fr)
    assert client.get(space.url).status_code == 403
    assert JOIN in page_text(client, group.url)  # they may join again
    client.force_login(people.corr_de)
    assert client.get(space.url).status_code == 200


def test_the_office_removes_a_member_from_the_french_version(client, people, group, french, sent):
    join(group, people.corr_de)
    client.force_login(people.office)
    remove_url = french.url + f"members/{people.corr_de.pk}/remove/"
    assert f'href="{remove_url}"' in page_text(client, french.url)
    assert client.get(remove_url).status_code == 200
    with sent(execute=True):
        response = client.post(remove_url)
    assert response["Location"] == french.url
    assert members(group) == []
    (message,) = mail.outbox
    assert message.to == [people.corr_de.email]
    assert FOOTER["en"] in message.body  # corr_de reads English
    assert f"http://testserver{group.url}" in message.body


def test_a_correspondent_cannot_remove_a_member(client, people, group):
    """Even a member of the group: no "Remove" link, and the confirmation and the removal are
    refused."""
    join(group, people.corr_fr, people.corr_de)
    remove_url = group.url + f"members/{people.corr_fr.pk}/remove/"
    client.force_login(people.corr_de)
    assert remove_url not in page_text(client, group.url)
    assert client.get(remove_url).status_code == 403
    assert client.post(remove_url).status_code == 403
    assert set(members(group)) == {"corr-de", "corr-fr"}
    assert mail.outbox == []
    assert [action for action, _who, _data in group_log(group)] == ["network.group.join"] * 2


def test_removing_someone_who_is_not_a_member_finds_nobody(client, people, group):
    """Nobody to remove: answered as the intranet answers a missing page (403, not 404)."""
    client.force_login(people.office)
    remove_url = group.url + f"members/{people.corr_de.pk}/remove/"
    assert client.get(remove_url).status_code == 403
    assert client.post(remove_url).status_code == 403
    assert group_log(group) == []


def test_the_groups_history_in_the_admin_names_each_step(client, people, group):
    """The admin's history of the group page shows joining, leaving and removal in words."""
    join(group, people.corr_fr, people.corr_de)
    membership.leave(group, people.corr_de)
    membership.remove(group, people.corr_fr, by=people.office)
    client.force_login(people.srsg)
    response = client.get(reverse("wagtailadmin_pages:history", args=[group.pk]))
    assert response.status_code == 200
    html = unescape(response.text)
    for label in (
        "Joined the thematic group",
        "Left the thematic group",
        "Member removed from the group by the Office",
    ):
        assert label in html
