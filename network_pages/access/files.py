"""Who may fetch a file: files fail closed.

A file attached to an object (its owner) is for whoever may see that object, unless the owner's
domain registered a narrower file-owner rule. An unowned file uploaded in the admin into the
intranet collection (or below it) is for the network's members and for whoever sees an object
that uses it (registered file users, such as a session's papers); any other unowned file is
public. Privacy set on a collection in the admin is honoured on top.
"""

from wagtail.models import Collection, CollectionViewRestriction

from network_pages.access.policy import (
    INTRANET,
    _starts,
    can_view,
    group_ids,
    is_member,
    passes_restriction,
    read_union,
    restriction_rows,
    tagged,
)
from network_pages.access.registry import registry, rule
from network_pages.core.roles import INTRANET_COLLECTION
from network_pages.files.models import NetworkDocument, NetworkImage, NetworkRendition


def _read_collections():
    """({collection path: [(restriction type, group ids)]} of the collections' view
    restrictions, the paths of the intranet collections): one query."""
    intranet = Collection.objects.filter(name=INTRANET_COLLECTION, depth=2)
    restrictions, found = read_union(
        [
            restriction_rows(CollectionViewRestriction.objects.all(), "collection__path"),
            tagged(intranet, INTRANET, path="path"),
        ]
    )
    by_collection = {}
    for path, restriction_type, groups in restrictions.values():
        by_collection.setdefault(path, []).append((restriction_type, groups))
    return by_collection, tuple(sorted(path for path, _pk in found.get(INTRANET, ())))


def _collections(user):
    return remembered(user, "collections", _read_collections)


def intranet_collection_paths(user):
    return _collections(user)[1]


def remembered(user, key, compute):
    """What `compute()` gives, read once per user object for files (dropped by `forget`), so
    that a list of files costs no more than one."""
    memo = user.__dict__.setdefault("_network_files", {})
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def _passes_collection_restrictions(user, collection):
    """Privacy set on the file's collection (or above it) in the admin is honoured too."""
    restricted, _intranet = _collections(user)
    own = group_ids(user)
    return all(
        passes_restriction(restriction_type, groups, user, own)
        for path, restrictions in restricted.items()
        if collection.path.startswith(path)  # the collection itself or one above it
        for restriction_type, groups in restrictions
    )


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
    intranet = intranet_collection_paths(user)
    # Without an intranet collection, no unowned file can be told public: fail closed.
    if not intranet or _starts(file.collection.path, intranet):
        return is_member(user) or any(opens(user, file) for opens in registry.file_users)
    return True


@rule(NetworkRendition)
def can_view_rendition(user, rendition):
    return can_view(user, rendition.image)
