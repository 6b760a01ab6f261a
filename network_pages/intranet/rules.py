"""The intranet's roots, and its closed pages: deny-by-default zones opened by grants."""

from network_pages import access
from network_pages.intranet.models import IntranetHomePage, IntranetPage

access.intranet_root(IntranetHomePage)


@access.closed_zone
def closed_pages():
    """An intranet page marked "only for people granted access" closes its subtree."""
    return IntranetPage.objects.filter(closed=True)
