"""The intranet's hooks: its own panels on the intranet home."""

from wagtail import hooks

from network_pages.intranet.panels import PANELS


@hooks.register("register_intranet_panels")
def register_intranet_panels():
    return PANELS
