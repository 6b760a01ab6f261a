"""Serving pages through Wagtail, the intranet gate and the login, in both languages."""

from django.urls import reverse
from django.utils import translation

import pytest

from network_pages import access

pytestmark = pytest.mark.django_db

INTRANET_URLS = [
    "/{lang}/intranet/",
    "/{lang}/intranet/plenary-meeting-papers/",
    "/{lang}/intranet/does-not-exist/",
    "/{lang}/intranet/does/not/exist/either/",
    "/{lang}/intranet",
]


def login_url(lang, next_url):
    with translation.override(lang):
        return f"{reverse('login')}?next={next_url}"


@pytest.mark.sqlite
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_public_homes_answer_in_both_languages(client, tree, lang):
    response = client.get(f"/{lang}/")
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in response.text


@pytest.mark.sqlite
@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("pattern", INTRANET_URLS)
def test_anonymous_visitor_is_sent_to_login_from_any_intranet_url(client, pages, lang, pattern):
    url = pattern.format(lang=lang)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == login_url(lang, url)


def test_logged_in_user_without_a_role_is_sent_to_login_again(client, people, pages):
    client.force_login(people.outsider)
    response = client.get("/en/intranet/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/login/")
    page = client.get(response["Location"])
    assert "your account does not give access" in page.text


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_correspondent_reads_the_intranet_in_both_languages(client, people, pages, lang):
    client.force_login(people.corr_de)
    home = client.get(f"/{lang}/intranet/")
    assert home.status_code == 200
    assert home["Cache-Control"].startswith("max-age=0") or "no-cache" in home["Cache-Control"]
    meeting = pages.meeting if lang == "en" else pages.meeting_fr
    response = client.get(meeting.url)
    assert response.status_code == 200
    assert meeting.title in response.text


def test_correspondent_gets_403_on_a_closed_page_and_does_not_see_it_listed(client, people, pages):
    client.force_login(people.corr_de)
    assert client.get(pages.closed.url).status_code == 403
    assert client.get(pages.closed_child.url).status_code == 403
    # a missing page answers the same: closed pages cannot be found by guessing
    assert client.get("/en/intranet/office-only-notes-guess/").status_code == 403
    home = client.get("/en/intranet/")
    assert pages.closed.title not in home.text
    assert pages.meeting.title in home.text


def test_office_reads_closed_pages(client, people, pages):
    client.force_login(people.office)
    assert client.get(pages.closed_child.url).status_code == 200


def test_expert_sees_the_intranet_home_and_403_everywhere_else(client, people, pages):
    client.force_login(people.expert)
    home = client.get("/en/intranet/")
    assert home.status_code == 200
    assert pages.meeting.title not in home.text
    assert client.get(pages.meeting.url).status_code == 403
    # a missing URL answers like an existing one: no way to probe what exists
    assert client.get("/en/intranet/no-such-page/").status_code == 403


def test_expert_granted_a_page_sees_it_in_both_languages(client, people, pages):
    access.grant(people.expert, pages.meeting)
    client.force_login(people.expert)
    assert client.get(pages.meeting.url).status_code == 200
    assert client.get(pages.meeting_fr.url).status_code == 200
    home = client.get("/fr/intranet/")
    assert pages.meeting_fr.title in home.text
    access.revoke(people.expert, pages.meeting)
    assert client.get(pages.meeting.url).status_code == 403


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_login_brings_the_member_back_to_the_page_asked_for(client, people, pages, lang):
    meeting = pages.meeting if lang == "en" else pages.meeting_fr
    response = client.get(meeting.url)
    login_page = client.get(response["Location"])
    assert login_page.status_code == 200
    assert f'<html lang="{lang}">' in login_page.text
    response = client.post(
        response["Location"],
        {"username": "corr-de", "password": "pass", "next": meeting.url},
    )
    assert response.status_code == 302
    assert response["Location"] == meeting.url
    assert client.get(meeting.url).status_code == 200


@pytest.mark.parametrize(
    ("username", "lang", "expected"),
    [
        ("corr-fr", "en", "/fr/intranet/"),
        ("corr-fr", "fr", "/fr/intranet/"),
        ("corr-de", "fr", "/en/intranet/"),
        ("corr-de", "en", "/en/intranet/"),
    ],
)
def test_a_member_lands_on_the_intranet_in_their_own_language_after_logging_in(
    client, people, tree, username, lang, expected
):
    """corr-fr prefers French, corr-de English, whichever login page they use."""
    response = client.post(f"/{lang}/login/", {"username": username, "password": "pass"})
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("en", "Please enter a correct username and password"),
        ("fr", "Saisissez un nom d’utilisateur et un mot de passe valides"),
    ],
)
def test_a_wrong_password_is_refused_with_a_message_in_the_users_language(
    client, people, lang, message
):
    response = client.post(f"/{lang}/login/", {"username": "corr-fr", "password": "wrong"})
    assert response.status_code == 200
    assert message in response.text


def test_logout_is_a_post_and_ends_the_session(client, people, pages):
    client.force_login(people.corr_de)
    assert client.get("/en/logout/").status_code == 405
    client.post("/en/logout/")
    assert client.get("/en/intranet/").status_code == 302


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_password_reset_sends_a_link_by_email(client, people, mailoutbox, lang):
    response = client.post(f"/{lang}/password-reset/", {"email": "corr-fr@example.org"})
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    body = mailoutbox[0].body
    link = next(line for line in body.splitlines() if "/password-reset/" in line)
    path = link.split("testserver", 1)[1]
    assert path.startswith(f"/{lang}/password-reset/")
    form = client.get(path, follow=True)
    assert form.status_code == 200
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "a-new-long-secret-1", "new_password2": "a-new-long-secret-1"},
    )
    assert done.status_code == 302
    assert client.login(username="corr-fr", password="a-new-long-secret-1")


def test_unpublished_intranet_page_is_not_served_even_to_the_office(client, people, pages):
    pages.meeting.unpublish()
    client.force_login(people.office)
    assert client.get("/en/intranet/plenary-meeting-papers/").status_code == 403


def test_intranet_pages_are_marked_noindex_and_listed_in_robots_txt(client, people, pages):
    client.force_login(people.corr_de)
    assert 'name="robots" content="noindex, nofollow"' in client.get("/en/intranet/").text
    robots = client.get("/robots.txt").text
    assert "Disallow: /en/intranet/" in robots
    assert "Disallow: /fr/intranet/" in robots


def test_pages_shown_to_a_logged_in_user_are_never_stored_by_shared_caches(client, people, tree):
    client.force_login(people.corr_de)
    assert "private" in client.get("/en/search/?query=x")["Cache-Control"]
    assert "private" in client.get("/en/")["Cache-Control"]


def test_wagtails_utility_routes_are_not_mounted(client, people, pages):
    restriction_id = pages.meeting.get_view_restrictions().first().pk
    url = f"/en/_util/authenticate_with_password/{restriction_id}/{pages.meeting.pk}/"
    assert client.get(url).status_code == 404
    assert client.get("/en/_util/login/").status_code == 404
