"""Routes of the project's routable pages."""


def render_subpage(request, page, template, **context):
    """A routable page's sub-view, with the base page context only: the page's own
    `get_context` reads what its main view shows, for nothing here."""
    from django.template.response import TemplateResponse

    from wagtail.models import Page

    full = Page.get_context(page, request)
    full.update(context)
    return TemplateResponse(request, template, full)
