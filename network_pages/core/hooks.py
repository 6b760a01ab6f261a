"""The kernel's admin hooks: the publish lock's checks before Wagtail's own publish and copy views
(`core.publish_lock`), registered once for every page type under the lock."""

from wagtail import hooks

from network_pages.core import publish_lock

for name, function in publish_lock.ADMIN_HOOKS:
    hooks.register(name, function)
