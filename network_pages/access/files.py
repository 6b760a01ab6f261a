"""Who may fetch a file: files fail closed.

A file attached to an object (its owner) is for whoever may see that object, unless the owner's
domain registered a narrower file-owner rule. An unowned file uploaded in the admin into the
intranet collection (or below it) is for the network's members and for whoever sees an object
that uses it (registered file users, such as a session's papers); any other unowned file is
public. Privacy set on a collection in the admin is honoured on top.
"""

from wagtail.models import Collection, CollectionViewRestriction

from network_pages.access.policy import (
    _group_rows,
    _passes_restriction,
    _starts,
    can_view,
    is_member,
)
from network_pages.access.registry import registry, rule
from network_pages.core.roles import INTRANET_COLLECTION
from network_pages.files.models import NetworkDocument, NetworkImage, NetworkRendition


def intranet_collection_paths():
    return tuple(
        Collection.objects.filter(name=INTRANET_COLLECTION, depth=2).values_list("path", flat=True)
    )


def remembered(user, key, compute):
    """What `compute()` gives, read once per user object for files (dropped by `forget`), so
    that a list of files costs no more than one."""
    memo = user.__dict__.setdefault("_network_files", {})
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def _passes_collection_restrictions(user, collection):
    """Privacy set on the file's collection (or above it) in the admin is honoured too."""

    def passes():
        restrictions = CollectionViewRestriction.objects.filter(
            collection__in=collection.get_ancestors(inclusive=True)
        ).prefetch_related("groups")
        group_ids = {pk for pk, _name in _group_rows(user)}
        return all(_passes_restriction(r, user, group_ids) for r in restrictions)

    return remembered(user, ("collection", collection.pk), passes)


@rule(NetworkImage, NetworkDocument)
def can_view_file(user, file):
    if not _passes_collection_restrictions(user, file.collection):
        return False
    if file.owner_content_type_id:
        owner = file.owner
        if owner is None:
            return False
        owner_rule = registry.file_owner_rule(type(owner))
        return owner_rule(user, owner) if owner_rule else can_view(user, owner)
    intranet = remembered(user, "intranet", intranet_collection_paths)
    # Without an intranet collection, no unowned file can be told public: fail closed.
    if not intranet or _starts(file.collection.path, intranet):
        return is_member(user) or any(opens(user, file) for opens in registry.file_users)
    return True


@rule(NetworkRendition)
def can_view_rendition(user, rendition):
    return can_view(user, rendition.image)
