"""The access policy itself: can_view and viewable, for every role."""

from django.contrib.auth.models import AnonymousUser, Group
from django.core import mail

from wagtail.models import Page

import pytest

from network_pages import access
from network_pages.core.roles import CORRESPONDENTS, EXPERTS, VIEW_RESTRICTED_PAGE_PERM
from tests.factories.intranet import IntranetPageFactory

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]


def visible_titles(user, queryset):
    return set(access.viewable(user, queryset).values_list("title", flat=True))


def test_anonymous_sees_public_homes_and_no_intranet_page(tree, pages):
    anonymous = AnonymousUser()
    assert access.can_view(anonymous, tree.home_en)
    assert access.can_view(anonymous, tree.home_fr)
    for page in (tree.intranet_en, tree.intranet_fr, pages.meeting, pages.meeting_fr):
        assert not access.can_view(anonymous, page)
    titles = visible_titles(anonymous, Page.objects.all())
    assert tree.home_en.title in titles
    assert not titles & {tree.intranet_en.title, pages.meeting.title, pages.closed.title}


def test_logged_in_user_without_a_network_role_sees_no_intranet_page(people, tree, pages):
    assert not access.can_view(people.outsider, tree.intranet_en)
    assert not access.can_view(people.outsider, pages.meeting)


def test_correspondent_sees_the_intranet_but_not_closed_pages(people, tree, pages):
    user = people.corr_de
    assert access.can_view(user, tree.intranet_en)
    assert access.can_view(user, pages.meeting)
    assert access.can_view(user, pages.meeting_fr)
    for page in (pages.closed, pages.closed_fr, pages.closed_child):
        assert not access.can_view(user, page)
    titles = visible_titles(user, Page.objects.all())
    assert pages.meeting.title in titles
    assert not titles & {pages.closed.title, pages.closed_fr.title, pages.closed_child.title}


def test_srsg_and_office_see_everything(people, pages):
    for user in (people.srsg, people.office):
        for page in (pages.meeting, pages.closed, pages.closed_fr, pages.closed_child):
            assert access.can_view(user, page)


def test_expert_sees_nothing_ungranted_but_the_intranet_home(people, tree, pages):
    expert = people.expert
    assert access.can_view(expert, tree.intranet_en)
    assert access.can_view(expert, tree.intranet_fr)
    for page in (pages.meeting, pages.meeting_fr, pages.closed, pages.closed_child):
        assert not access.can_view(expert, page)
    titles = visible_titles(expert, Page.objects.descendant_of(tree.intranet_en))
    assert titles == set()


def test_a_grant_opens_a_page_and_its_subtree_to_one_user_only(people, pages):
    access.grant(people.expert, pages.closed, by=people.office)
    assert access.can_view(people.expert, pages.closed)
    assert access.can_view(people.expert, pages.closed_child)
    assert access.can_view(people.expert, pages.closed_fr), "a grant covers the translations"
    assert not access.can_view(people.expert, pages.meeting)
    # nobody else gained anything
    assert not access.can_view(people.corr_de, pages.closed)
    other_expert = type(people.expert).objects.create(username="expert2")
    other_expert.groups.add(Group.objects.get(name=EXPERTS))
    assert not access.can_view(other_expert, pages.closed)


def test_a_page_only_grant_opens_the_page_and_its_translations_not_its_subtree(people, pages):
    """Issue 16: an invitation to a plenary opens that page, never the sessions under it."""
    for user in (people.expert, people.corr_de):
        access.grant(user, pages.closed, by=people.office, subtree=False)
        assert access.can_view(user, pages.closed)
        assert access.can_view(user, pages.closed_fr), "a grant covers the translations"
        assert not access.can_view(user, pages.closed_child)
        titles = visible_titles(user, Page.objects.all())
        assert {pages.closed.title, pages.closed_fr.title} <= titles
        assert pages.closed_child.title not in titles
        whole = set(
            access.viewable(user, Page.objects.all(), whole=True).values_list("pk", flat=True)
        )
        assert pages.closed.pk not in whole, "seen alone: what hangs on it is not opened"
    assert not access.can_view(people.expert, pages.meeting)
    assert not access.can_view(people.corr_fr, pages.closed), "nobody else gained anything"
    # Both kinds together: the subtree grant opens the subtree.
    access.grant(people.expert, pages.closed)
    assert access.can_view(people.expert, pages.closed_child)
    # Revoking closes it whichever kind opened it.
    access.revoke(people.expert, pages.closed)
    assert not access.can_view(people.expert, pages.closed)
    assert not access.can_view(people.expert, pages.closed_fr)


def test_page_only_grants_agree_between_can_view_and_viewable(people, pages, tree):
    inner = IntranetPageFactory(parent=pages.closed_child, title="Inner", closed=True)
    access.grant(people.expert, pages.closed_child, subtree=False)
    access.grant(people.corr_de, inner, subtree=False)
    access.grant(people.corr_de, pages.meeting, subtree=False)
    for user in (people.expert, people.corr_de, people.corr_fr):
        for whole in (False, True):
            allowed = set(
                access.viewable(user, Page.objects.all(), whole=whole).values_list("pk", flat=True)
            )
            for page in Page.objects.all():
                expected = access.scope(user).allows_path(page.path, whole=whole) and page.live
                assert (page.pk in allowed) == expected, (user, page.title, whole)
            if not whole:
                for page in Page.objects.all():
                    assert (page.pk in allowed) == access.can_view(user, page), (user, page.title)
    # Inside a closed zone without a grant of the zone, a page-only grant of a page opens it.
    assert access.can_view(people.corr_de, inner)
    assert not access.can_view(people.corr_de, pages.closed_child)


def test_revoking_a_grant_closes_the_page_again(people, pages):
    access.grant(people.corr_de, pages.closed)
    assert access.can_view(people.corr_de, pages.closed_child)
    access.revoke(people.corr_de, pages.closed)
    assert not access.can_view(people.corr_de, pages.closed)
    assert not access.can_view(people.corr_de, pages.closed_child)


def test_a_grant_to_a_group_opens_the_page_to_its_members(people, pages):
    state_group = Group.objects.get(name__startswith="State: Germany")
    access.grant(state_group, pages.closed)
    assert access.can_view(people.corr_de, pages.closed)
    assert not access.can_view(people.corr_fr, pages.closed)
    assert pages.closed.title in visible_titles(people.corr_de, Page.objects.all())


def test_checks_on_the_plain_page_and_the_specific_page_agree(people, pages):
    access.grant(people.expert, pages.closed.specific)
    plain = Page.objects.get(pk=pages.closed.pk)
    for user in (people.expert, people.corr_de, people.office, AnonymousUser()):
        assert access.can_view(user, plain) == access.can_view(user, pages.closed.specific)
    # guardian itself answers on the base page, whichever class the grant was given through
    assert people.expert.has_perm(VIEW_RESTRICTED_PAGE_PERM, plain)


def test_unpublished_pages_are_never_viewable(people, pages):
    pages.meeting.unpublish()
    for user in (people.office, people.corr_de, AnonymousUser()):
        assert not access.can_view(user, Page.objects.get(pk=pages.meeting.pk))
        assert pages.meeting.title not in visible_titles(user, Page.objects.all())


def test_viewable_and_can_view_agree_for_every_page_and_role(people, pages):
    access.grant(people.expert, pages.meeting)
    users = [AnonymousUser(), people.outsider, people.expert, people.corr_fr, people.office]
    for user in users:
        allowed = set(access.viewable(user, Page.objects.all()).values_list("pk", flat=True))
        for page in Page.objects.all():
            assert (page.pk in allowed) == access.can_view(user, page), (user, page.title)


def test_inactive_correspondent_sees_nothing_of_the_intranet(people, pages):
    people.corr_de.is_active = False
    people.corr_de.save()
    assert not access.can_view(people.corr_de, pages.meeting)


def test_roles_are_read_from_groups(people):
    assert access.roles(people.corr_fr) == {CORRESPONDENTS}
    assert access.level(people.srsg) == access.Level.EDITOR
    assert access.level(people.expert) == access.Level.EXPERT


def test_policy_denies_objects_it_does_not_know(people):
    assert not access.can_view(people.srsg, object())


def test_can_view_costs_a_bounded_number_of_queries(people, pages, django_assert_max_num_queries):
    for _ in range(20):
        pages.meeting.add_child(instance=type(pages.meeting)(title="x", slug=f"x{_}"))
    with django_assert_max_num_queries(5):
        list(access.viewable(people.corr_de, Page.objects.all()))


def test_a_closed_page_inside_a_granted_subtree_stays_closed(people, tree, pages):
    workspace = IntranetPageFactory(parent=tree.intranet_en, title="Group workspace", closed=True)
    office_only = IntranetPageFactory(parent=workspace, title="Office only", closed=True)
    shared = IntranetPageFactory(parent=workspace, title="Shared papers")
    access.grant(people.expert, workspace)
    access.grant(people.corr_de, workspace)
    for user in (people.expert, people.corr_de):
        assert access.can_view(user, workspace)
        assert access.can_view(user, shared)
        assert not access.can_view(user, office_only)
        titles = visible_titles(user, Page.objects.all())
        assert {"Group workspace", "Shared papers"} <= titles
        assert "Office only" not in titles
    access.grant(people.expert, office_only)
    assert access.can_view(people.expert, office_only)
    assert access.can_view(people.office, office_only)


def test_a_correspondent_sees_the_whole_open_intranet_when_nothing_is_closed(people, tree):
    page = IntranetPageFactory(parent=tree.intranet_en, title="Open page")
    assert "Open page" in visible_titles(people.corr_de, Page.objects.all())
    assert access.can_view(people.corr_de, page)


def test_grant_emails_go_only_to_people_the_page_opens_to_and_only_once(
    people, pages, django_capture_on_commit_callbacks
):
    group = Group.objects.create(name="Mixed group")
    for user in (people.expert, people.outsider):
        user.groups.add(group)
    with django_capture_on_commit_callbacks(execute=True):
        access.grant(group, pages.closed)
        access.grant(group, pages.closed)
    assert [m.to for m in mail.outbox] == [["expert@example.org"]]
