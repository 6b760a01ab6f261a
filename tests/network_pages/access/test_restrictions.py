"""View restrictions: only on the intranet roots, the same in every language, never a password."""

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction
from wagtail_localize.models import LocaleSynchronization

import pytest

from network_pages.access.checks import check_no_locale_synchronization, check_view_restrictions
from network_pages.core.roles import NETWORK_GROUPS

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def groups_of(page):
    return set(PageViewRestriction.objects.get(page=page).groups.values_list("name", flat=True))


def error_ids():
    return {error.id for error in check_view_restrictions(databases=["default"])}


def test_intranet_roots_are_restricted_to_the_network_groups_in_both_languages(tree):
    assert groups_of(tree.intranet_en) == set(NETWORK_GROUPS)
    assert groups_of(tree.intranet_fr) == set(NETWORK_GROUPS)
    assert error_ids() == set()


def test_a_restriction_changed_on_the_english_intranet_is_mirrored_to_the_french_one(tree):
    restriction = PageViewRestriction.objects.get(page=tree.intranet_en)
    restriction.groups.remove(Group.objects.get(name="Invited experts"))
    assert "Invited experts" not in groups_of(tree.intranet_fr)
    restriction.groups.add(Group.objects.get(name="Invited experts"))
    assert groups_of(tree.intranet_fr) == set(NETWORK_GROUPS)
    assert error_ids() == set()


def test_a_restriction_changed_on_the_french_intranet_is_mirrored_to_the_english_one(tree):
    restriction = PageViewRestriction.objects.get(page=tree.intranet_fr)
    restriction.restriction_type = PageViewRestriction.LOGIN
    restriction.save()
    assert PageViewRestriction.objects.get(page=tree.intranet_en).restriction_type == "login"


def test_a_restriction_added_to_a_translated_page_reaches_every_translation(tree, pages):
    """As the admin's privacy form does it: the row first, its groups afterwards."""
    restriction = PageViewRestriction.objects.create(
        page=pages.meeting_fr, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.filter(name="SRSG Office"))
    assert groups_of(pages.meeting) == {"SRSG Office"}
    assert "network.E003" in error_ids(), "a restriction off the intranet roots is reported"


def test_a_groupless_restriction_created_by_translation_sync_takes_its_translations_groups(tree):
    """wagtail-localize's sync may create an empty groups restriction: nobody may be shut out."""
    # a translation that lacks its restriction, as before a sync (no signal: raw delete)
    restriction = PageViewRestriction.objects.get(page=tree.intranet_fr)
    PageViewRestriction.groups.through.objects.filter(
        pageviewrestriction_id=restriction.pk
    )._raw_delete("default")
    PageViewRestriction.objects.filter(pk=restriction.pk)._raw_delete("default")
    PageViewRestriction.objects.create(page=tree.intranet_fr, restriction_type="groups")
    assert groups_of(tree.intranet_fr) == set(NETWORK_GROUPS)
    assert groups_of(tree.intranet_en) == set(NETWORK_GROUPS)
    assert error_ids() == set()


def test_removing_a_restriction_is_mirrored_and_reported(tree, pages):
    PageViewRestriction.objects.filter(page=tree.intranet_en).delete()
    assert not PageViewRestriction.objects.filter(page=tree.intranet_fr).exists()
    assert "network.E004" in error_ids()


def test_deleting_a_page_keeps_the_restriction_of_its_translation(tree, pages):
    restriction = PageViewRestriction.objects.create(page=pages.meeting, restriction_type="login")
    assert PageViewRestriction.objects.filter(page=pages.meeting_fr).exists()
    assert restriction.pk
    pages.meeting.delete()
    assert PageViewRestriction.objects.filter(page=pages.meeting_fr).exists()


def test_translations_that_differ_fail_the_check(tree):
    restriction = PageViewRestriction.objects.get(page=tree.intranet_fr)
    # bypass the mirroring signals, as a raw database edit would
    restriction.groups.through.objects.filter(
        pageviewrestriction_id=restriction.pk, group__name="SRSG"
    ).delete()
    assert "network.E002" in error_ids()


def test_a_password_restriction_fails_the_check(tree, pages):
    PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=pages.meeting, restriction_type="password", password="x")]
    )
    assert "network.E001" in error_ids()


def test_a_password_on_a_collection_fails_the_check(tree):
    CollectionViewRestriction.objects.create(
        collection=Collection.get_first_root_node(), restriction_type="password", password="x"
    )
    assert "network.E001" in error_ids()


def test_an_alias_of_an_intranet_page_outside_the_intranet_fails_the_check(tree, pages):
    pages.meeting.create_alias(parent=tree.home_en, update_slug="meeting-alias")
    assert "network.E005" in error_ids()


def test_the_check_command_fails_on_a_bad_restriction(tree, pages):
    PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=pages.meeting, restriction_type="password", password="x")]
    )
    with pytest.raises(SystemCheckError):
        call_command("check", databases=["default"])


def test_the_check_skips_without_a_database_argument(tree, pages):
    PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=pages.meeting, restriction_type="password", password="x")]
    )
    assert check_view_restrictions(databases=None) == []


def test_switching_a_restriction_to_logged_in_users_clears_the_groups_everywhere(tree):
    restriction = PageViewRestriction.objects.get(page=tree.intranet_en)
    restriction.restriction_type = PageViewRestriction.LOGIN
    restriction.save()
    restriction.groups.clear()
    french = PageViewRestriction.objects.get(page=tree.intranet_fr)
    assert french.restriction_type == "login"
    assert not french.groups.exists()
    assert "network.E002" not in error_ids()


def test_an_intranet_root_with_another_slug_fails_the_check(tree):
    Page.objects.filter(pk=tree.intranet_fr.pk).update(slug="espace")
    assert "network.E007" in error_ids()


def test_a_locale_synchronised_from_another_fails_the_check(tree):
    """It would fill the French tree with alias pages of the English one."""
    assert check_no_locale_synchronization(databases=["default"]) == []
    LocaleSynchronization.objects.create(locale=tree.fr, sync_from=tree.en)
    errors = check_no_locale_synchronization(databases=["default"])
    assert [error.id for error in errors] == ["network.E009"]
    assert check_no_locale_synchronization(databases=None) == []
