"""Wagtail discovers hooks only here: each domain's hooks live in its own `hooks.py`."""

from network_pages.access import hooks as access_hooks
from network_pages.accounts import hooks as accounts_hooks
from network_pages.activities import hooks as activities_hooks
from network_pages.core import hooks as core_hooks
from network_pages.decisions import hooks as decisions_hooks
from network_pages.directory import hooks as directory_hooks
from network_pages.groups import hooks as groups_hooks
from network_pages.information_requests import hooks as information_requests_hooks
from network_pages.intranet import hooks as intranet_hooks
from network_pages.methods import hooks as methods_hooks
from network_pages.practices import hooks as practices_hooks
from network_pages.release import hooks as release_hooks
from network_pages.sessions import hooks as sessions_hooks

__all__ = [
    "access_hooks",
    "accounts_hooks",
    "activities_hooks",
    "core_hooks",
    "decisions_hooks",
    "directory_hooks",
    "groups_hooks",
    "information_requests_hooks",
    "intranet_hooks",
    "methods_hooks",
    "practices_hooks",
    "release_hooks",
    "sessions_hooks",
]
