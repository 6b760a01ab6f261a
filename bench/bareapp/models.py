from wagtail.models import Page


class BarePage(Page):
    """The least a page can be: Wagtail routes it, checks its view restrictions and renders its
    title. No rule of the project's access policy applies to it (see wagtail_hooks)."""

    template = "bareapp/bare_page.html"
