"""The public homes, the base design and the language switcher."""

from django.contrib.staticfiles import finders

from wagtail.models import PageViewRestriction

import pytest

from home.models import HomePage, StandardPage
from network_pages.intranet.models import IntranetHomePage
from tests.factories.core import translate
from tests.factories.intranet import IntranetPageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.sqlite
@pytest.mark.parametrize(
    ("lang", "title", "other"),
    [
        ("en", "Special Representative on Migration and Refugees", "/fr/"),
        ("fr", "Représentant spécial sur les migrations et les réfugiés", "/en/"),
    ],
)
def test_the_public_home_has_the_base_design_in_each_language(client, tree, lang, title, other):
    response = client.get(f"/{lang}/")
    html = response.text
    assert f'<html lang="{lang}">' in html
    assert f"<h1>{title}</h1>" in html
    assert 'class="skip-link" href="#main"' in html
    assert '<main id="main"' in html
    assert "<footer" in html
    assert f'href="{other}"' in html, "the switcher leads to the other language's home"


def test_the_switcher_leads_to_the_same_page_in_the_other_language(client, tree):
    about = tree.home_en.add_child(instance=StandardPage(title="About", slug="about"))
    about_fr = translate(about, tree.fr, "À propos")
    html = client.get("/en/about/").text
    assert f'href="{about_fr.url}" lang="fr" hreflang="fr"' in html
    back = client.get(about_fr.url).text
    assert 'href="/en/about/" lang="en" hreflang="en"' in back


def test_the_switcher_says_when_a_page_is_not_translated_yet(client, tree):
    tree.home_en.add_child(instance=StandardPage(title="Only English", slug="only-english"))
    html = client.get("/en/only-english/").text
    assert 'href="/fr/" lang="fr"' in html
    assert "(cette page n'est pas encore traduite)" in html


def test_the_switcher_never_links_to_a_translation_the_user_may_not_see(client, people, pages):
    client.force_login(people.office)
    pages.closed_fr.unpublish()
    html = client.get(pages.closed.url).text
    assert pages.closed_fr.url not in html
    assert "pas encore traduite" in html


def test_the_switcher_on_views_that_are_not_pages_keeps_the_view(client, tree):
    html = client.get("/en/login/").text
    assert 'href="/fr/login/"' in html
    html = client.get("/fr/search/?query=x").text
    assert 'href="/en/search/?query=x"' in html


def test_the_public_home_lists_public_pages_but_never_the_intranet(client, tree, pages):
    tree.home_en.add_child(instance=StandardPage(title="Our mandate", slug="mandate"))
    html = client.get("/en/").text
    assert "Our mandate" in html
    assert tree.intranet_en.title not in html
    assert pages.meeting.title not in html
    assert "/en/intranet/" not in html


def test_members_see_the_intranet_link_and_the_public_does_not(client, people, tree):
    assert 'href="/en/intranet/"' not in client.get("/en/").text
    client.force_login(people.corr_fr)
    assert 'href="/en/intranet/"' in client.get("/en/").text


def test_page_types_fit_the_tree(tree):
    assert HomePage.can_create_at(tree.home_en.get_parent())
    assert IntranetHomePage in HomePage.allowed_subpage_models()
    assert not StandardPage.can_exist_under(tree.intranet_en)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_intranet_home_shows_the_panels_a_member_needs(client, people, pages, lang):
    client.force_login(people.corr_fr)
    html = client.get(f"/{lang}/intranet/").text
    for key in ("requests", "sessions", "decisions", "contributions", "groups"):
        assert f'id="panel-{key}"' in html
    if lang == "fr":
        assert "Demandes en attente de mon État" in html
        assert "Correspondants" in html and "France" in html
    else:
        assert "Requests awaiting my state" in html
        assert pages.meeting.title in html
        assert pages.closed.title not in html


def test_the_intranet_home_costs_a_bounded_number_of_queries(
    client, people, pages, django_assert_max_num_queries
):
    client.force_login(people.corr_fr)
    client.get("/en/intranet/")
    for _ in range(30):
        IntranetPageFactory(parent=pages.meeting)
    # One query a panel or so, whatever is below the home (the Council of Europe activities' panel
    # reads its own; the thematic groups' panel, the user's groups, the newest workspace items
    # and the list's page).
    with django_assert_max_num_queries(24):
        assert client.get("/en/intranet/").status_code == 200


@pytest.mark.sqlite
def test_the_site_has_its_own_mark_and_a_favicon(client, tree):
    html = client.get("/en/").text
    assert 'class="brand-mark" src="/static/img/mark.svg"' in html
    assert '<link rel="icon" href="/favicon.ico"' in html
    response = client.get("/favicon.ico")
    assert (response.status_code, response["Location"]) == (301, "/static/img/favicon.ico")
    with open(finders.find("img/favicon.ico"), "rb") as icon:
        assert icon.read(4) == b"\x00\x00\x01\x00", "a real ICO file"
    assert finders.find("img/mark.svg") and finders.find("img/apple-touch-icon.png")


def test_the_footer_links_the_public_pages_in_the_menus_of_its_language(client, tree, pages):
    """About, contact, data protection, accessibility: whatever the Office puts in the menus of
    the public home, never a page a visitor may not see."""
    contact = tree.home_en.add_child(
        instance=StandardPage(title="Contact the Office", slug="contact", show_in_menus=True)
    )
    tree.home_en.add_child(instance=StandardPage(title="Unlisted", slug="unlisted"))
    contact_fr = translate(contact, tree.fr, "Contacter le Bureau")
    IntranetHomePage.objects.filter(pk=tree.intranet_en.pk).update(show_in_menus=True)
    for lang, page, other in (("en", contact, contact_fr), ("fr", contact_fr, contact)):
        html = client.get(f"/{lang}/").text
        footer = html[html.index("<footer") :]
        assert f'<a href="{page.url}">{page.title}</a>' in footer
        assert other.url not in footer
        assert "Unlisted" not in footer and "/intranet/" not in footer


def test_the_footer_follows_what_the_office_publishes_and_unpublishes(client, tree):
    """Its links are cached: publishing, unpublishing and restricting a page refresh them."""
    assert "Accessibility" not in client.get("/en/").text  # the cache now holds no link
    page = StandardPage(title="Accessibility", slug="accessibility", show_in_menus=True, live=False)
    tree.home_en.add_child(instance=page)
    page.save_revision().publish()
    assert '<a href="/en/accessibility/">Accessibility</a>' in client.get("/en/").text
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert "Accessibility" not in client.get("/en/").text
    PageViewRestriction.objects.filter(page=page).delete()
    assert "Accessibility" in client.get("/en/").text
    page.refresh_from_db()
    page.unpublish()
    assert "Accessibility" not in client.get("/en/").text
