"""The Wagtail admin for people: who gets in by role, and the network's user fields."""

from django.urls import reverse

import pytest

from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db


def test_office_and_srsg_reach_the_admin_and_correspondents_do_not(client, people):
    for user, expected in ((people.office, 200), (people.srsg, 200), (people.corr_fr, 302)):
        client.force_login(user)
        assert client.get("/admin/").status_code == expected, user.username


def test_an_administrator_sets_a_users_preferred_language(client, people):
    admin = UserFactory(username="root", is_superuser=True)
    client.force_login(admin)
    user = people.corr_de
    url = reverse("wagtailusers_users:edit", args=[user.pk])
    form = client.get(url)
    assert 'name="language"' in form.text
    response = client.post(
        url,
        {
            "username": user.username,
            "email": user.email,
            "first_name": "Jonas",
            "last_name": "Becker",
            "language": "fr",
            "is_active": "on",
            "groups": list(user.groups.values_list("pk", flat=True)),
        },
    )
    assert response.status_code == 302, response.content[:2000]
    user.refresh_from_db()
    assert user.language == "fr"
