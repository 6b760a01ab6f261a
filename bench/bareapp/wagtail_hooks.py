"""The bare page is served by Wagtail alone: after Wagtail's own view-restriction check
(order 0), before the project's access policy (order 100), which it skips."""

from wagtail import hooks

from bench.bareapp.models import BarePage


@hooks.register("on_serve_page", order=50)
def serve_bare_pages_without_the_policy(serve_next):
    def serve(page, request, serve_args, serve_kwargs):
        if isinstance(page, BarePage):
            return page.serve(request, *serve_args, **serve_kwargs)
        return serve_next(page, request, serve_args, serve_kwargs)

    return serve
