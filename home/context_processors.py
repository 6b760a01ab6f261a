"""What every page's footer shows: the public pages the Office put in the menus (about the
network, contact, data protection, accessibility), in the language of the page.

They change only when a page is published, unpublished, moved or deleted, or its view restriction
changes: the links are kept in the cache until then, so the footer costs no query on a page view."""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from wagtail.models import Page, PageViewRestriction

from network_pages.access import viewable

CACHE_KEY = "home.footer_pages.{language}"


def footer_pages(language):
    """[(title, url)] of the public pages below the home page of `language` marked "show in
    menus", read once and then from the cache."""
    key = CACHE_KEY.format(language=language)
    links = cache.get(key)
    if links is None:
        pages = Page.objects.in_menu().filter(depth=3, locale__language_code=language)
        links = [
            (page.title, page.url) for page in viewable(AnonymousUser(), pages).order_by("path")
        ]
        cache.set(key, links, timeout=None)
    return links


def forget_footer_pages(sender=None, instance=None, **kwargs):
    """A page was published, unpublished, moved or deleted, or a page's view restriction changed:
    read the footer's links again."""
    if instance is not None and not isinstance(instance, Page | PageViewRestriction):
        return
    cache.delete_many([CACHE_KEY.format(language=code) for code, _name in settings.LANGUAGES])


def footer(request):
    return {"footer_pages": SimpleLazyObject(lambda: footer_pages(get_language()))}
