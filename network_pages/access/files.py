"""Who may fetch a file: files fail closed (seed §3.1).

A file is **public** only when someone declared it public: it sits in the public collection
(`PUBLIC_COLLECTION`, or a collection below it) and neither an owner nor a domain's file kind
claims it. Any other file goes to whoever may see at least one thing that uses it:

1. its **owner** (the object it was attached to: a response, a page...), through the owner's
   file-owner rule if its domain registered one (an e-mailed original), else `can_view(owner)`;
2. else a domain's **file kind** that claims it (a session's papers): that rule alone decides, a
   page that links the file never widens it;
3. else a **live intranet page that embeds or links it**, as Wagtail's reference index records
   (it holds each page's live row; its ids are text, cast here). A page of the public site never
   opens a file this way: what the public sees of a file is declared by the public collection;
4. else nobody but the Office (the SRSG and the Office see every file).

Privacy set on a file's collection in the admin is honoured on top, for everyone.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField
from django.db.models.functions import Cast

from wagtail.models import Collection, CollectionViewRestriction, Page, ReferenceIndex

from network_pages.access.policy import (
    _q,
    _starts,
    _under,
    can_view,
    group_ids,
    is_editor,
    passes_restriction,
    read_union,
    restriction_rows,
    scope,
    tagged,
    viewable,
)
from network_pages.access.registry import registry, rule
from network_pages.core.roles import PUBLIC_COLLECTION
from network_pages.files.models import NetworkDocument, NetworkImage, NetworkRendition

# Tags of the rows of the union `_read_collections` reads.
PUBLIC, COLLECTION = "public", "collection"


def _read_collections():
    """({collection path: [(restriction type, group ids)]} of the collections' view
    restrictions, the paths of the public collections, {collection id: path}): one query."""
    public = Collection.objects.filter(name=PUBLIC_COLLECTION, depth=2)
    restrictions, found = read_union(
        [
            restriction_rows(CollectionViewRestriction.objects.all(), "collection__path"),
            tagged(public, PUBLIC, path="path"),
            tagged(Collection.objects.all(), COLLECTION, path="path", number="pk"),
        ]
    )
    by_collection = {}
    for path, restriction_type, groups in restrictions.values():
        by_collection.setdefault(path, []).append((restriction_type, groups))
    public_paths = tuple(sorted(path for path, _pk in found.get(PUBLIC, ())))
    paths = {pk: path for path, pk in found.get(COLLECTION, ())}
    return by_collection, public_paths, paths


def _collections(user):
    return remembered(user, "collections", _read_collections)


def _collection_path(user, file):
    """The path of the file's collection, without reading the collection itself."""
    path = _collections(user)[2].get(file.collection_id)
    return path if path is not None else file.collection.path


def remembered(user, key, compute):
    """What `compute()` gives, read once per user object for files (dropped by `forget`), so
    that a list of files costs no more than one."""
    memo = user.__dict__.setdefault("_network_files", {})
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def _passes_collection_restrictions(user, file):
    """Privacy set on the file's collection (or above it) in the admin is honoured too."""
    restricted = _collections(user)[0]
    collection_path = _collection_path(user, file)
    own = group_ids(user)
    return all(
        passes_restriction(restriction_type, groups, user, own)
        for path, restrictions in restricted.items()
        if collection_path.startswith(path)  # the collection itself or one above it
        for restriction_type, groups in restrictions
    )


def in_public_collection(user, file):
    public = _collections(user)[1]
    return bool(public) and _starts(_collection_path(user, file), public)


def _files_used_by_pages_seen(user):
    """{(content type id, file id)} of the files that the live intranet pages the user may see
    embed or link (Wagtail's reference index, whose ids are text): one query, once per request,
    however many files a page shows."""
    file_types = ContentType.objects.get_for_models(NetworkDocument, NetworkImage).values()
    pages = viewable(user, Page.objects.filter(_q(_under(scope(user).intranet_paths))))
    references = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=pages.annotate(key=Cast("pk", CharField())).values("key"),
        to_content_type__in=list(file_types),
    )
    return set(references.values_list("to_content_type_id", "to_object_id"))


def used_by_a_page_they_see(user, file):
    used = remembered(user, "used_by_pages", lambda: _files_used_by_pages_seen(user))
    return (ContentType.objects.get_for_model(file).pk, str(file.pk)) in used


@rule(NetworkImage, NetworkDocument)
def can_view_file(user, file):
    if not _passes_collection_restrictions(user, file):
        return False
    if file.owner_content_type_id:
        owner = file.owner
        if owner is None:
            return False
        owner_rule = registry.file_owner_rule(type(owner))
        return owner_rule(user, owner) if owner_rule else can_view(user, owner)
    kinds = [kind for kind in registry.file_kinds if kind.claims(user, file)]
    if kinds:
        return any(kind.opens(user, file) for kind in kinds)
    if in_public_collection(user, file) or is_editor(user):
        return True
    return used_by_a_page_they_see(user, file)


@rule(NetworkRendition)
def can_view_rendition(user, rendition):
    return can_view(user, rendition.image)
