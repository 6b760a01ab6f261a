"""Released pages, the public side of the joint release (§3.3): listed under each public home,
read by everyone once published, and published by nobody: not the SRSG, not the Office, not a
superuser, not the admin's publish button, a live copy or an alias. Only the project's own act
(the release's finish function, `project_act`) publishes one."""

from django.contrib.auth.models import AnonymousUser

import pytest

from network_pages import access
from network_pages.core.publish_lock import PublishLocked
from tests.factories.accounts import UserFactory
from tests.factories.release import make_released, release_index

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def test_the_lists_show_everyone_what_was_released_in_each_language(client, tree):
    released = make_released(french="Alternatives à la rétention dans trois États")
    draft = make_released("Not decided yet", live=False)
    english = client.get(release_index("en").url).text
    assert released.title in english
    assert draft.title not in english
    assert "Alternatives à la rétention" in client.get(release_index("fr").url).text
    assert client.get(released.url).status_code == 200
    assert client.get(released.get_translation(tree.fr).url).status_code == 200
    assert client.get(draft.url).status_code == 404


def test_the_lists_are_linked_from_the_footer_of_their_language(client, tree):
    assert f'href="{release_index("en").url}"' in client.get("/en/").text
    assert f'href="{release_index("fr").url}"' in client.get("/fr/").text


@pytest.mark.parametrize("who", ["srsg", "office", "superuser"])
def test_nobody_publishes_a_released_page(people, who):
    user = UserFactory(username="root", is_superuser=True) if who == "superuser" else None
    user = user or getattr(people, who)
    page = make_released(live=False)
    with pytest.raises(PublishLocked):
        page.save_revision(user=user).publish(user=user)
    with pytest.raises(PublishLocked):
        page.get_latest_revision().publish(user=None)
    page.refresh_from_db()
    assert not page.live


def test_the_admins_publish_button_only_saves_a_draft(client, people):
    page = make_released(live=False)
    client.force_login(people.office)
    url = f"/admin/pages/{page.pk}/edit/"
    assert 'name="action-publish"' not in client.get(url).text
    client.force_login(UserFactory(username="root", is_superuser=True))
    assert 'name="action-publish"' not in client.get(url).text


def test_a_released_page_is_never_copied_live_nor_aliased(people):
    page = make_released()
    with pytest.raises(PublishLocked):
        page.copy(update_attrs={"slug": "copy"})
    with pytest.raises(PublishLocked):
        page.create_alias(update_slug="alias")
    draft_copy = page.copy(update_attrs={"slug": "copy"}, keep_live=False)
    assert not draft_copy.live


def test_a_draft_is_nobodys_to_read_outside_the_admin(client, people):
    page = make_released(live=False)
    for user in (AnonymousUser(), people.corr_de, people.office):
        assert not access.can_view(user, page)
