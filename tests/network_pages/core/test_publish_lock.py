"""The publish lock (R5, R17): only the SRSG publishes a revision of the working methods or the
objectives; the version function publishes their other-language versions; every other path that
would publish them, copy them live or alias them is refused, one test per path."""

import datetime

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail import hooks
from wagtail.actions.create_alias import CreatePageAliasAction
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

import pytest

from network_pages.core import publish_lock
from network_pages.core.publish_lock import PublishLocked, project_act
from network_pages.core.roles import SRSG
from network_pages.intranet.versions import translate_strings
from network_pages.methods.models import ObjectivesPage, WorkingMethodsPage
from tests.factories.accounts import UserFactory
from tests.factories.intranet import IntranetPageFactory

pytestmark = pytest.mark.django_db

AGREED = "The methods as agreed."
CHANGED = "The methods as the Office would have them."


def write(parent, srsg, model=WorkingMethodsPage, title="Working methods"):
    """A text under the lock, published by the SRSG (with its French version)."""
    page = parent.add_child(instance=model(title=title, summary=AGREED))
    page.save_revision(user=srsg).publish(user=srsg)
    page.refresh_from_db()
    return page


def draft(page, user, summary=CHANGED):
    """A draft revision of `page` by `user`."""
    edited = page.get_latest_revision_as_object()
    edited.summary = summary
    return edited.save_revision(user=user)


def live(page):
    return Page.objects.get(pk=page.pk).specific


def edit_form(page, summary, **actions):
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "summary": summary,
            "body": streamfield([]),
            "comments": inline_formset([]),
            **actions,
        }
    )


def translate_title(page, locale, text):
    """The Office translates the title in wagtail-localize's editor, without publishing."""
    source = TranslationSource.objects.get_for_instance(page)
    segment = StringSegment.objects.get(source=source, string__data=page.title)
    StringTranslation.objects.create(
        translation_of=segment.string, locale=locale, context=segment.context, data=text
    )


@pytest.fixture
def text(tree, people):
    return write(tree.intranet_en, people.srsg)


def refused_by_the_admin(response):
    """Wagtail's admin turns a PermissionDenied into its dashboard and a "Sorry" message."""
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")


# The rule


def test_the_srsg_publishes_a_revision(text, people):
    draft(text, people.office).publish(user=people.srsg)
    assert live(text).summary == CHANGED


def test_the_office_cannot_publish_a_revision(text, people):
    revision = draft(text, people.office)
    with pytest.raises(PublishLocked, match="Only the SRSG publishes this page."):
        revision.publish(user=people.office)
    assert live(text).summary == AGREED


def test_a_superuser_outside_the_srsg_group_cannot_publish(text):
    admin = UserFactory(username="admin", is_superuser=True)
    with pytest.raises(PublishLocked):
        draft(text, admin).publish(user=admin)
    assert live(text).summary == AGREED


def test_a_publication_in_no_ones_name_is_refused(text, people):
    with pytest.raises(PublishLocked):
        draft(text, people.srsg).publish()
    assert live(text).summary == AGREED


def test_the_buttons_follow_the_rule(text, people):
    as_page = Page.objects.get(pk=text.pk)  # Wagtail casts to the page type
    assert as_page.permissions_for_user(people.srsg).can_publish()
    assert not as_page.permissions_for_user(people.office).can_publish()
    people.srsg.groups.remove(Group.objects.get(name=SRSG))
    assert not as_page.permissions_for_user(people.srsg).can_publish()


def test_the_pages_own_condition_is_asked_once_the_rule_lets_a_publication_through(
    tree, people, monkeypatch
):
    asked = []

    def no_consultation(page, revision):
        asked.append(revision.pk)
        return "No consultation of the Network is recorded."

    monkeypatch.setattr(ObjectivesPage, "publication_refused", no_consultation)
    page = tree.intranet_en.add_child(instance=ObjectivesPage(title="Objectives"))
    revision = page.save_revision(user=people.office)
    with pytest.raises(PublishLocked, match="Only the SRSG"):
        revision.publish(user=people.office)
    assert asked == []
    with pytest.raises(PublishLocked, match="No consultation of the Network is recorded."):
        revision.publish(user=people.srsg)
    assert asked == [revision.pk] and not live(page).live
    with project_act():  # the project's own functions are not asked
        revision.publish(user=people.office)
    assert asked == [revision.pk] and live(page).live


# The admin


def test_the_office_has_no_publish_button_and_its_publish_post_only_saves_a_draft(
    text, people, client
):
    url = reverse("wagtailadmin_pages:edit", args=[text.pk])
    client.force_login(people.srsg)
    assert 'name="action-publish"' in client.get(url).text
    client.force_login(people.office)
    assert 'name="action-publish"' not in client.get(url).text

    response = client.post(url, edit_form(text, CHANGED, **{"action-publish": "publish"}))
    assert response.status_code == 302
    assert live(text).summary == AGREED
    assert live(text).get_latest_revision().as_object().summary == CHANGED  # nothing lost


def test_the_srsg_publishes_in_the_admin(text, people, client):
    client.force_login(people.srsg)
    url = reverse("wagtailadmin_pages:edit", args=[text.pk])
    response = client.post(url, edit_form(text, CHANGED, **{"action-publish": "publish"}))
    assert response.status_code == 302
    assert live(text).summary == CHANGED


def test_a_refused_admin_publication_shows_why_and_keeps_the_edits(
    tree, people, client, monkeypatch
):
    monkeypatch.setattr(
        ObjectivesPage, "publication_refused", lambda page, revision: "No consultation."
    )
    page = tree.intranet_en.add_child(instance=ObjectivesPage(title="Objectives"))
    page.save_revision(user=people.srsg)
    client.force_login(people.srsg)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.post(
        url, edit_form(page, "Our objectives", **{"action-publish": "publish"}), follow=True
    )
    assert response.redirect_chain[-1][0] == url
    assert "No consultation." in response.text
    assert not live(page).live
    assert live(page).get_latest_revision().as_object().summary == "Our objectives"


def test_the_offices_create_and_publish_keeps_a_draft(tree, people, client):
    client.force_login(people.office)
    url = reverse(
        "wagtailadmin_pages:add",
        args=["network_pages", "workingmethodspage", tree.intranet_en.pk],
    )
    data = edit_form(WorkingMethodsPage(title="Working methods", slug="methods"), AGREED)
    response = client.post(url, {**data, "action-publish": "publish"}, follow=True)
    page = WorkingMethodsPage.objects.get()
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert "Only the SRSG publishes this page." in response.text
    assert not page.live and page.get_latest_revision().as_object().summary == AGREED


def test_an_edit_view_publication_that_skipped_the_lock_is_refused(text, people):
    # What the edit view does when the lock's hook is not registered.
    action = PublishPageRevisionAction(draft(text, people.srsg), user=people.srsg)
    with pytest.raises(PublishLocked):
        action.execute(skip_permission_checks=True)
    assert live(text).summary == AGREED


def test_the_admin_api_cannot_publish(text, people, client):
    draft(text, people.srsg)
    client.force_login(people.srsg)
    url = reverse("wagtailadmin_api:pages:action", args=[text.pk, "publish"])
    assert client.post(url, content_type="application/json", data={}).status_code == 403
    assert live(text).summary == AGREED


def test_the_offices_bulk_publish_leaves_the_text_alone(text, people, client):
    draft(text, people.office)
    client.force_login(people.office)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    url = f"{url}?id={text.pk}"
    assert "You don't have permission to publish this page" in client.get(url).text
    assert client.post(url, {"include_descendants": ""}).status_code == 302
    assert live(text).summary == AGREED


def test_the_locks_admin_hooks_are_registered():
    for name, fn in publish_lock.ADMIN_HOOKS:
        assert fn in hooks.get_hooks(name), name


def test_a_workflow_approval_by_someone_else_publishes_nothing(text, people):
    draft(text, people.office)
    page = live(text)
    state = page.get_workflow().start(page, people.office)
    moderator = UserFactory(username="admin", is_superuser=True)
    with pytest.raises(PublishLocked):
        state.current_task_state.approve(user=moderator)
    state.refresh_from_db()
    assert state.status == state.STATUS_IN_PROGRESS  # Wagtail's approval rolled back
    assert live(text).summary == AGREED


# Scheduled publishing


def test_a_revision_the_srsg_scheduled_is_published_when_due(text, people, time_machine):
    edited = text.get_latest_revision_as_object()
    edited.summary, edited.go_live_at = CHANGED, timezone.now() + datetime.timedelta(hours=1)
    edited.save_revision(user=people.office).publish(user=people.srsg)
    assert live(text).summary == AGREED
    time_machine.move_to(timezone.now() + datetime.timedelta(hours=2))
    call_command("publish_scheduled")
    assert live(text).summary == CHANGED


def test_a_revision_the_office_scheduled_is_refused_and_unscheduled(text, people, time_machine):
    edited = text.get_latest_revision_as_object()
    edited.summary, edited.go_live_at = CHANGED, timezone.now() + datetime.timedelta(hours=1)
    revision = edited.save_revision(user=people.office)
    # Scheduling alone publishes nothing: Wagtail's action, run directly, records the Office.
    PublishPageRevisionAction(revision, user=people.office).execute(skip_permission_checks=True)
    revision.refresh_from_db()
    assert revision.approved_go_live_at
    time_machine.move_to(timezone.now() + datetime.timedelta(hours=2))
    with pytest.raises(PublishLocked):
        call_command("publish_scheduled")
    revision.refresh_from_db()
    assert revision.approved_go_live_at is None
    assert live(text).summary == AGREED
    call_command("publish_scheduled")  # the next run is not blocked by it


# wagtail-localize


@pytest.mark.parametrize("person", ["office", "srsg"])
def test_the_translation_editor_cannot_publish(text, tree, people, client, person):
    version = text.get_translation(tree.fr)
    translate_title(text, tree.fr, "Méthodes de travail")
    client.force_login(getattr(people, person))
    url = reverse("wagtailadmin_pages:edit", args=[version.pk])
    assert client.get(url).status_code == 200  # the editor itself is open to both
    assert refused_by_the_admin(client.post(url, {"action": "publish"}))
    assert live(version).title == "Working methods"


def test_sync_translated_pages_cannot_publish(text, tree, people, client):
    version = text.get_translation(tree.fr)
    translate_title(text, tree.fr, "Méthodes de travail")
    source = TranslationSource.objects.get_for_instance(text)
    client.force_login(people.office)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert not refused_by_the_admin(client.post(url, {}))  # syncing the strings alone is fine
    assert refused_by_the_admin(client.post(url, {"publish_translations": "on"}))
    assert live(version).title == "Working methods"


def test_translating_a_live_text_does_not_publish_its_translation(text, tree, people, client, sent):
    text.get_translation(tree.fr).delete()
    client.force_login(people.office)
    url = reverse("wagtail_localize:submit_page_translation", args=[text.pk])
    with pytest.raises(PublishLocked), sent(execute=True):
        # wagtail-localize publishes after the commit, in no one's name
        assert client.post(url, {"locales": [tree.fr.pk]}).status_code == 302
    version = text.get_translation(tree.fr)
    assert not version.live


def test_converting_a_version_into_an_alias_is_refused(text, tree, people, client):
    version = text.get_translation(tree.fr)
    client.force_login(people.office)
    url = reverse("wagtail_localize:convert_to_alias", args=[version.pk])
    assert refused_by_the_admin(client.post(url))
    assert live(version).alias_of_id is None


def test_the_version_function_publishes_the_french_version(text, tree, people):
    draft(text, people.srsg).publish(user=people.srsg)
    assert live(text.get_translation(tree.fr)).summary == CHANGED
    # The Office's translation reaches the French version the same way.
    translate_strings(text, tree.fr, {"Working methods": "Méthodes de travail"}, user=people.office)
    assert live(text.get_translation(tree.fr)).title == "Méthodes de travail"


# Copies and aliases


def test_a_copy_of_the_text_cannot_be_live(text, people):
    with pytest.raises(PublishLocked):
        text.copy(update_attrs={"slug": "methods-copy"}, keep_live=True)
    copy = text.copy(update_attrs={"slug": "methods-copy"}, keep_live=False, user=people.office)
    assert not copy.live


def test_the_admins_copy_form_offers_neither_publication_nor_alias(
    text, people, client, monkeypatch
):
    monkeypatch.setattr(WorkingMethodsPage, "max_count_per_parent", None)
    client.force_login(people.office)
    url = reverse("wagtailadmin_pages:copy", args=[text.pk])
    html = client.get(url).text
    assert 'name="publish_copies"' not in html and 'name="alias"' not in html
    data = {
        "new_title": "Copy",
        "new_slug": "methods-copy",
        "new_parent_page": text.get_parent().pk,
        "publish_copies": "on",
    }
    # A forged alias is refused before anything is written.
    refused = client.post(url, {**data, "alias": "on"})
    assert refused.status_code == 302 and refused.url == url
    assert not WorkingMethodsPage.objects.filter(slug="methods-copy").exists()
    assert client.post(url, data).status_code == 302
    copy = WorkingMethodsPage.objects.get(slug="methods-copy")
    assert not copy.live and copy.alias_of_id is None


def test_a_copied_subtree_keeps_the_text_a_draft(tree, people, client):
    folder = IntranetPageFactory(parent=tree.intranet_en, title="Governance", slug="governance")
    text = write(folder, people.srsg)
    client.force_login(people.office)
    data = {
        "new_title": "Governance copy",
        "new_slug": "governance-copy",
        "new_parent_page": tree.intranet_en.pk,
        "copy_subpages": "on",
        "publish_copies": "on",
    }
    response = client.post(reverse("wagtailadmin_pages:copy", args=[folder.pk]), data)
    assert response.status_code == 302
    folder_copy = Page.objects.get(slug="governance-copy", locale=tree.en)
    assert folder_copy.live  # Wagtail copies around it as asked
    text_copy = folder_copy.get_children().get()
    assert text_copy.specific_class is WorkingMethodsPage and not text_copy.live
    assert live(text).live


def test_the_text_cannot_be_aliased(text, tree):
    with pytest.raises(PublishLocked):
        text.create_alias(update_slug="methods-alias")
    with pytest.raises(PublishLocked):  # what the admin's copy view and API run
        CreatePageAliasAction(text, update_slug="methods-alias").execute()
    text.get_translation(tree.fr).delete()
    with pytest.raises(PublishLocked):
        text.copy_for_translation(tree.fr, alias=True)


def test_a_subtree_with_the_text_cannot_be_aliased(tree, people, client):
    folder = IntranetPageFactory(parent=tree.intranet_en, title="Governance", slug="governance")
    write(folder, people.srsg)
    client.force_login(people.office)
    data = {
        "new_title": "Governance alias",
        "new_slug": "governance-alias",
        "new_parent_page": tree.intranet_en.pk,
        "copy_subpages": "on",
        "alias": "on",
    }
    url = reverse("wagtailadmin_pages:copy", args=[folder.pk])
    response = client.post(url, data, follow=True)
    assert response.redirect_chain[-1][0] == url
    assert "This page cannot have an alias" in response.text
    assert not Page.objects.filter(slug="governance-alias").exists()


def test_a_text_written_in_code_is_born_a_draft(tree):
    page = tree.intranet_en.add_child(instance=WorkingMethodsPage(title="Working methods"))
    assert page.live is False and not live(page).live
