"""Routes of the project's routable pages: each is one line naming a domain view, and every
sub-view renders with the base page context only. The project's pages find the pages of a URL's
path at once (`PathRouting`)."""

from functools import partial

from django.template.response import TemplateResponse
from django.utils.module_loading import import_string

from wagtail.contrib.routable_page.models import path
from wagtail.models import Page


class PathRouting:
    """Wagtail's routing, with the pages of the requested path read at once.

    Wagtail's `Page.route` reads each child on the path, then that child in its specific form:
    two queries a level. The first project page on the way reads every page the rest of the path
    names in one query, and the last of them in its specific form; the pages in between only route
    the request (their specific class's `route`, as in Wagtail), so they come in their specific
    class with only the tree's fields loaded (Wagtail's `specific_deferred`: a field of their own
    is read if something asks for it). Each page of the chain hands the next to that `route`,
    which does the rest (routable sub-pages, the live check, 404). Whatever the chain does not
    hold (no such child, two children with one slug) is left to Wagtail's own lookup. Mix it in
    before `Page` (and after `RoutablePageMixin`).
    """

    def route(self, request, path_components):
        chain = self.__dict__.get("_network_path_chain")
        # For one level, Wagtail's two queries are as cheap.
        if chain is None and len(path_components) > 1 and not self.is_leaf():
            chain = read_path_chain(self, path_components)
        child = chain.get((self.path, path_components[0])) if chain and path_components else None
        if child is not None:
            child._cached_parent_obj = self  # as Wagtail's Page.route does
            child._network_path_chain = chain
            return child.route(request, path_components[1:])
        return super().route(request, path_components)


def read_path_chain(page, path_components):
    """{(parent path, slug): child} along `path_components` below `page`: one query for the
    pages, one for the last one's specific form (see PathRouting)."""
    depth = page.depth
    candidates = Page.objects.filter(
        path__startswith=page.path,
        depth__gt=depth,
        depth__lte=depth + len(path_components),
        slug__in=set(path_components),
    ).order_by()
    by_level = {}
    for candidate in candidates:
        by_level.setdefault((candidate.depth, candidate.slug), []).append(candidate)
    chain, parent = [], page
    for n, slug in enumerate(path_components, start=1):
        if parent.is_leaf():
            break  # Wagtail finds no child of a leaf (treebeard's get_children)
        children = [
            c for c in by_level.get((depth + n, slug), ()) if c.path.startswith(parent.path)
        ]
        if len(children) != 1:
            break  # Wagtail's own lookup decides (404, or an error for a duplicate slug)
        chain.append((parent.path, slug, children[0]))
        parent = children[0]
    found = {}
    for n, (parent_path, slug, child) in enumerate(chain, start=1):
        found[(parent_path, slug)] = child.specific if n == len(chain) else child.specific_deferred
    return found


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
