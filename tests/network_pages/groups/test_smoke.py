import pytest

from network_pages import access
from network_pages.groups.models import ThematicGroupPage, WorkspaceItemPage
from tests.factories.groups import join, make_group, pdf, workspace_of, write_item

pytestmark = pytest.mark.django_db


def test_group_set_up_and_workspace_closed(tree, people, client, sent):
    group = make_group()
    space = workspace_of(group)
    assert group.group_id is not None
    fr = group.get_translation(tree.fr)
    assert ThematicGroupPage.objects.get(pk=fr.pk).group_id == group.group_id
    assert space.get_translation(tree.fr).live
    join(group, people.corr_fr)
    with sent(execute=True):
        item = write_item(group, people.corr_fr, upload=pdf())
    assert access.can_view(people.corr_fr, item)
    assert not access.can_view(people.corr_de, item)
    assert access.can_view(people.office, item)
    assert not access.can_view(people.expert, item)
    client.force_login(people.corr_de)
    assert client.get(group.url).status_code == 200
    assert client.get(space.url).status_code == 403
    assert client.get(item.url).status_code == 403
    client.force_login(people.corr_fr)
    assert client.get(space.url).status_code == 200
    r = client.get(item.url)
    assert r.status_code == 200, r.content
    fr_item = item.get_translation(tree.fr)
    assert client.get(fr_item.url).status_code == 200
    assert WorkspaceItemPage.objects.count() == 2


def test_views_render(tree, people, client, sent):
    group = make_group()
    space = workspace_of(group)
    join(group, people.corr_fr)
    with sent(execute=True):
        item = write_item(group, people.corr_fr, upload=pdf())
    index = group.get_parent().specific
    for user in (people.corr_fr, people.office, people.corr_de):
        client.force_login(user)
        for page in (index, group, group.get_translation(tree.fr), index.get_translation(tree.fr)):
            r = client.get(page.url)
            assert r.status_code == 200, (user, page.url)
    client.force_login(people.office)
    for url in (
        space.url,
        space.url + "write/",
        space.url + "invite/",
        item.url,
        group.url + f"members/{people.corr_fr.pk}/remove/",
    ):
        r = client.get(url)
        assert r.status_code == 200, url
    client.force_login(people.corr_de)
    r = client.post(group.url + "join/")
    assert r.status_code == 302
    assert client.get(space.url).status_code == 200
    r = client.post(
        space.url + "write/", {"title": "T", "kind": "note", "language": "en", "body": "hello"}
    )
    assert r.status_code == 302, r.content.decode()[:3000]
    r = client.post(group.url + "volunteer/")
    assert r.status_code == 302
    r = client.post(index.url + "volunteer/", {"theme": group.theme_id})
    assert r.status_code == 302
    client.force_login(people.office)
    r = client.post(
        space.url + "invite/",
        {
            "first_name": "A",
            "last_name": "B",
            "email": "a@b.example",
            "language": "fr",
            "ends_on": "2099-01-01",
        },
    )
    assert r.status_code == 302, r.content.decode()[-3000:]
    r = client.post(group.url + f"members/{people.corr_de.pk}/remove/")
    assert r.status_code == 302
