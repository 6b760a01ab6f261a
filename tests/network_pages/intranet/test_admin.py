"""The intranet in Wagtail's admin: the Office edits its pages, closing one included."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_office_edits_an_intranet_page_in_the_admin(client, people, pages):
    client.force_login(people.office)
    response = client.get(f"/admin/pages/{pages.closed.pk}/edit/")
    assert response.status_code == 200
    assert 'name="closed"' in response.text
