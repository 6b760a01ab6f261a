"""The list of Council of Europe activities (the page's access check has run before)."""

from network_pages.activities import listing
from network_pages.core.routing import render_subpage


def index_view(request, index):
    """Every activity the user may read, newest first, or one committee's (`?committee=`)."""
    return render_subpage(request, index, index.template, **listing.context(request))
