"""Logged-in sessions survive the move of the authentication backend."""

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY

import pytest

from network_pages.accounts.views import ActivationView

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]

STORED_PATH = "network_pages.people.DesignationBackend"


def test_a_session_that_stored_the_old_backend_path_stays_logged_in(client, people, tree):
    client.force_login(people.corr_de, backend=STORED_PATH)
    assert client.session[BACKEND_SESSION_KEY] == STORED_PATH
    response = client.get("/en/intranet/")
    assert response.status_code == 200
    assert response.wsgi_request.user == people.corr_de


def test_logging_in_stores_a_listed_backend_path(client, people, tree):
    assert client.login(username="corr-de", password="pass")
    assert client.session[BACKEND_SESSION_KEY] in settings.AUTHENTICATION_BACKENDS
    assert ActivationView.post_reset_login_backend in settings.AUTHENTICATION_BACKENDS
