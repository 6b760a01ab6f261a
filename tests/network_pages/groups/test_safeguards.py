"""What keeps a group's work its own: a report reaches the network only through the Office's
review, a group is never copied with its workspace, someone no longer a correspondent is neither
let in nor told, and an item's title never takes the place of the workspace's own routes."""

from django.contrib.auth.models import Group

import pytest

from network_pages import access
from network_pages.core.roles import CORRESPONDENTS, EXPERTS
from network_pages.groups import membership, workspace
from network_pages.groups.models import ThematicGroupPage
from network_pages.notifications.models import Notification
from network_pages.practices.models import Contribution, PracticeSettings
from tests.factories.accounts import UserFactory
from tests.factories.groups import designate, join, make_group, workspace_of, write_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def group(tree):
    return make_group("Children on the move")


def test_a_report_waits_for_the_office_even_when_contributions_appear_at_once(people, group, sent):
    settings = PracticeSettings.load()
    settings.publish_at_once = True
    settings.save()
    join(group, people.corr_de)
    designate(people.corr_de, group)
    with sent(execute=True):
        report = write_item(group, people.corr_de, "Findings", kind="report")
        practice = workspace.propose(report, by=people.corr_de)
    practice.refresh_from_db()
    assert not practice.live
    assert practice.contribution.status == Contribution.Status.SUBMITTED


def test_the_admin_refuses_to_copy_a_group_its_workspace_or_a_subtree_holding_them(
    client, people, group, sent
):
    join(group, people.corr_de)
    with sent(execute=True):
        item = write_item(group, people.corr_de)
    client.force_login(people.office)
    for page in (group, workspace_of(group), item):
        response = client.get(f"/admin/pages/{page.pk}/copy/")
        assert response.status_code == 302, page
        assert response["Location"] == f"/admin/pages/{page.get_parent().pk}/"
    index = group.get_parent()
    response = client.post(
        f"/admin/pages/{index.pk}/copy/",
        {
            "new_title": "Copy",
            "new_slug": "copy",
            "new_parent_page": index.get_parent().pk,
            "copy_subpages": "on",
        },
    )
    assert response.status_code == 302
    assert ThematicGroupPage.objects.filter(locale=group.locale).count() == 1


def test_a_copy_made_in_code_gets_a_django_group_of_its_own(people, group):
    copy = group.copy(update_attrs={"title": "Copy", "slug": "copy"}, copy_revisions=False)
    copy.save_revision().publish()
    copy.refresh_from_db()
    assert copy.group_id not in (None, group.group_id)
    join(copy, people.corr_fr)
    assert access.can_view(people.corr_fr, workspace_of(copy))
    assert not access.can_view(people.corr_fr, workspace_of(group))


def test_someone_whose_correspondent_role_ended_is_not_told_nor_let_in(people, group, sent):
    former = UserFactory(username="former", roles=[CORRESPONDENTS], state="AT")
    join(group, former, people.corr_de)
    former.groups.remove(Group.objects.get(name=CORRESPONDENTS))
    access.forget(former)
    with sent(execute=True):
        item = write_item(group, people.corr_de)
    told = set(
        Notification.objects.filter(event="workspace_item_added").values_list(
            "recipient__username", flat=True
        )
    )
    assert "former" not in told
    assert "office" in told
    assert not access.can_view(former, item)
    # Made an invited expert later, the group's grant still opens nothing to them.
    former.groups.add(Group.objects.get(name=EXPERTS))
    access.forget(former)
    assert not access.can_view(former, workspace_of(group))


@pytest.mark.parametrize("title", ["Write", "invite", "Invitations", "???"])
def test_an_items_title_never_hides_a_route_of_the_workspace(client, people, group, sent, title):
    join(group, people.corr_de)
    with sent(execute=True):
        item = write_item(group, people.corr_de, title)
    assert item.slug not in ("write", "invite", "invitations", "")
    client.force_login(people.corr_de)
    assert title in client.get(item.url).text
    assert client.get(workspace_of(group).url + "write/").status_code == 200


def test_two_items_of_one_title_in_both_languages_each_have_their_address(
    client, people, group, sent, tree
):
    join(group, people.corr_de)
    with sent(execute=True):
        first = write_item(group, people.corr_de, "Minutes")
        second = write_item(group, people.corr_de, "Minutes", language="fr")
    assert first.slug != second.slug
    client.force_login(people.corr_de)
    for page in (first, second, first.get_translation(tree.fr), second.get_translation(tree.en)):
        assert client.get(page.url).status_code == 200


def test_removing_someone_no_longer_a_member_is_refused_with_a_reason(client, people, group):
    join(group, people.corr_de)
    membership.remove(group, people.corr_de, by=people.srsg)
    with pytest.raises(membership.Refused):
        membership.remove(group, people.corr_de, by=people.office)
    client.force_login(people.office)
    # The page finds no such member: the intranet answers it like a page one may not see.
    response = client.post(group.url + f"members/{people.corr_de.pk}/remove/")
    assert response.status_code == 403


def test_the_intranet_homes_new_pages_leave_out_the_workspaces_themselves(client, people, group):
    client.force_login(people.office)
    html = client.get("/en/intranet/").text
    assert f'href="{group.url}"' in html  # a new group is news
    assert f'href="{workspace_of(group).url}"' not in html
