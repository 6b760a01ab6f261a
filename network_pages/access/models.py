"""Guardian's direct foreign-key tables, on the base Page.

Guardian picks its table by the exact class of the object it is given: grants are always stored and
read on `wagtailcore.Page`, never on a specific page class (see network_pages.access.base_page).
"""

from django.db import models

from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase


class PageUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE)

    class Meta(UserObjectPermissionBase.Meta):
        abstract = False


class PageGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE)

    class Meta(GroupObjectPermissionBase.Meta):
        abstract = False
