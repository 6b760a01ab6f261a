"""What the data migrations create for every environment: member states, roles, the page tree
and the admin permissions."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.models import GroupPagePermission, Page, Site

import pytest

from home.models import HomePage
from network_pages.accounts.models import MemberState
from network_pages.core.member_states import MEMBER_STATES
from network_pages.core.roles import NETWORK_GROUPS, OFFICE, SRSG
from network_pages.intranet.models import IntranetHomePage

pytestmark = pytest.mark.django_db


@pytest.mark.sqlite
def test_the_46_member_states_exist_with_their_groups():
    assert MemberState.objects.count() == 46 == len(MEMBER_STATES)
    france = MemberState.objects.get(code="FR")
    assert (france.name_en, france.name_fr) == ("France", "France")
    assert MemberState.objects.get(code="DE").name_fr == "Allemagne"
    assert set(MemberState.objects.values_list("group__name", flat=True)) == set(
        Group.objects.filter(name__startswith="State: ").values_list("name", flat=True)
    )


@pytest.mark.sqlite
def test_roles_exist_and_wagtails_sample_groups_are_gone():
    names = set(Group.objects.values_list("name", flat=True))
    assert set(NETWORK_GROUPS) <= names
    assert not {"Editors", "Moderators"} & names


@pytest.mark.sqlite
def test_the_tree_has_homes_and_intranet_roots_in_both_languages():
    for code in ("en", "fr"):
        home = HomePage.objects.get(locale__language_code=code)
        intranet = IntranetHomePage.objects.get(locale__language_code=code)
        assert intranet.get_parent().pk == home.pk
        assert home.live and intranet.live
    assert Site.objects.get(is_default_site=True).root_page.specific_class is HomePage
    assert not Page.objects.filter(depth=2).exclude(pk__in=HomePage.objects.all()).exists()


def test_admin_permissions_fit_the_job():
    User = get_user_model()
    office = User.objects.create(username="o")
    office.groups.add(Group.objects.get(name=OFFICE))
    srsg = User.objects.create(username="s")
    srsg.groups.add(Group.objects.get(name=SRSG))
    correspondent = User.objects.create(username="c")
    correspondent.groups.add(Group.objects.get(name="Correspondents"))
    assert office.has_perm("wagtailadmin.access_admin")
    assert srsg.has_perm("wagtailadmin.access_admin")
    assert not correspondent.has_perm("wagtailadmin.access_admin")
    intranet = IntranetHomePage.objects.get(locale__language_code="fr")
    assert intranet.permissions_for_user(office).can_publish()
    assert intranet.permissions_for_user(office).can_add_subpage()
    assert intranet.permissions_for_user(srsg).can_edit()
    assert not intranet.permissions_for_user(correspondent).can_edit()
    assert not GroupPagePermission.objects.filter(group__name="Correspondents").exists()
