"""Routes of the project's routable pages: each is one line naming a domain view, and every
sub-view renders with the base page context only."""

from functools import partial

from django.template.response import TemplateResponse
from django.utils.module_loading import import_string

from wagtail.contrib.routable_page.models import path
from wagtail.models import Page


class delegate:  # lower case: used like Wagtail's own `path` decorator
    """A RoutablePage route that hands the request to a view named by dotted path.

    `close = delegate("close/", "network_pages.information_requests.views.close_view")` declares the
    route "close"; the view is imported when the route is served (so models never import views)
    and called as `view(request, page, *args, **kwargs)`, with `view_kwargs` added. Wagtail's page
    access check has run by then.
    """

    def __init__(self, pattern, view, *, name=None, **view_kwargs):
        self.pattern, self.view, self.name, self.view_kwargs = pattern, view, name, view_kwargs

    def __set_name__(self, owner, attribute):
        self.__name__ = self.__qualname__ = attribute
        self.__module__ = owner.__module__
        path(self.pattern, name=self.name or attribute)(self)

    def __get__(self, page, owner=None):
        return self if page is None else partial(self.__call__, page)

    def __call__(self, page, request, *args, **kwargs):
        return import_string(self.view)(request, page, *args, **kwargs, **self.view_kwargs)


def render_subpage(request, page, template, **context):
    """A routable page's sub-view, with the base page context only: the page's own
    `get_context` reads what its main view shows, for nothing here."""
    full = Page.get_context(page, request)
    full.update(context)
    return TemplateResponse(request, template, full)
