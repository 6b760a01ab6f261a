"""What every page's footer shows: the public pages the Office put in the menus (about the
network, contact, data protection, accessibility), in the language of the page."""

from django.contrib.auth.models import AnonymousUser
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from wagtail.models import Page

from network_pages.access import viewable


def footer_pages(language):
    """The public pages below the home page of `language` marked "show in menus": one query."""
    pages = Page.objects.in_menu().filter(depth=3, locale__language_code=language)
    return list(viewable(AnonymousUser(), pages).order_by("path"))


def footer(request):
    return {"footer_pages": SimpleLazyObject(lambda: footer_pages(get_language()))}
