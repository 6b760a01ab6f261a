"""Who may see what: the one access policy of the site.

Every place that shows content asks this module: `can_view(user, obj)` for one object and
`viewable(user, queryset)` for a queryset of pages. Four mechanisms, from coarse to fine:

1. Wagtail view restrictions (groups only), which exist only on the intranet roots.
2. Deny-by-default zones decided here: invited experts see only what they are granted (and its
   descendants) plus the intranet home; closed zones (registered by the domains) are hidden from
   correspondents unless granted (a closed page inside a granted subtree needs a grant of its
   own). Grants are guardian object permissions stored on the base `Page` (see `grants`); a grant
   on a page covers its descendants and its translations.
3. Page-type rules registered by the domains (members-only types: never shown to invited experts).
4. Workflow state: nothing unpublished is shown outside the admin and previews.

Objects that are not pages (files, profiles, responses, answers) are decided by the rule their
domain registered for their class (`access.registry`); an object without a rule is denied.
"""

import enum
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from wagtail.models import Page, PageViewRestriction, get_page_models

from network_pages.access.models import PageGroupObjectPermission, PageUserObjectPermission
from network_pages.access.registry import intranet_roots, page_rule, registry
from network_pages.accounts.models import MemberState
from network_pages.core.roles import (
    CORRESPONDENTS,
    EDITOR_GROUPS,
    EXPERTS,
    NETWORK_GROUPS,
    VIEW_RESTRICTED_PAGE,
)


class Level(enum.IntEnum):
    """How far into the network a user reaches; higher sees more."""

    PUBLIC = 0  # anonymous, inactive, or logged in without a network role
    EXPERT = 1  # invited experts: deny by default
    MEMBER = 2  # correspondents: the whole intranet but closed zones
    EDITOR = 3  # the SRSG and the Office: everything


def _group_rows(user):
    """(id, name) of the user's groups, read once per user object."""
    if not user.is_authenticated or not user.is_active:
        return ()
    rows = getattr(user, "_network_group_rows", None)
    if rows is None:
        if "groups" in getattr(user, "_prefetched_objects_cache", {}):
            rows = tuple((group.pk, group.name) for group in user.groups.all())
        else:
            rows = tuple(user.groups.values_list("id", "name"))
        user._network_group_rows = rows
    return rows


def roles(user):
    """The network roles (group names of network_pages.roles) the user holds."""
    return frozenset(name for _id, name in _group_rows(user) if name in NETWORK_GROUPS)


def level(user):
    if not user.is_authenticated or not user.is_active:
        return Level.PUBLIC
    if user.is_superuser:
        return Level.EDITOR
    held = roles(user)
    if held & set(EDITOR_GROUPS):
        return Level.EDITOR
    if CORRESPONDENTS in held:
        return Level.MEMBER
    if EXPERTS in held:
        return Level.EXPERT
    return Level.PUBLIC


def is_editor(user):
    return level(user) == Level.EDITOR


def is_member(user):
    """A full network member: the SRSG, the Office or a correspondent."""
    return level(user) >= Level.MEMBER


def _under(paths):
    """Q for pages in the subtree of any of the given tree paths (matches nothing when empty)."""
    return reduce(or_, (Q(path__startswith=p) for p in paths), Q(pk__in=[]))


def _starts(path, prefixes):
    return any(path.startswith(p) for p in prefixes)


def _translation_paths(pages):
    """Tree paths of the given pages and of all their translations."""
    keys = pages.values("translation_key")
    return tuple(Page.objects.filter(translation_key__in=keys).values_list("path", flat=True))


def _passes_restriction(restriction, user, group_ids):
    if restriction.restriction_type == PageViewRestriction.NONE:
        return True
    if not user.is_authenticated or not user.is_active:
        return False
    if restriction.restriction_type == PageViewRestriction.LOGIN:
        return True
    if restriction.restriction_type == PageViewRestriction.GROUPS:
        if user.is_superuser:
            return True
        return any(group.pk in group_ids for group in restriction.groups.all())
    return False  # shared passwords are never allowed here (see network_pages.checks)


def granted_pages(user):
    """Base pages on which the user, or one of their groups, holds the view grant."""
    if not user.is_authenticated or not user.is_active:
        return Page.objects.none()
    group_ids = [pk for pk, _name in _group_rows(user)]
    direct = PageUserObjectPermission.objects.filter(
        user=user, permission__codename=VIEW_RESTRICTED_PAGE
    ).values("content_object_id")
    via_groups = PageGroupObjectPermission.objects.filter(
        group_id__in=group_ids, permission__codename=VIEW_RESTRICTED_PAGE
    ).values("content_object_id")
    granted = Page.objects.filter(Q(pk__in=direct) | Q(pk__in=via_groups))
    for narrow in registry.grant_filters:
        granted = narrow(user, granted)
    return granted


def closed_zone_pages():
    """Roots of the deny-by-default zones of the intranet, as the domains registered them."""
    roots = [Q(pk__in=zone().values("pk")) for zone in registry.closed_zones]
    return Page.objects.filter(reduce(or_, roots)) if roots else Page.objects.none()


@dataclass(frozen=True)
class Scope:
    """Everything the policy needs to decide for one user, read in a bounded number of queries."""

    level: Level
    intranet_paths: tuple
    denied_paths: tuple
    closed_paths: tuple
    granted_paths: tuple

    def grants_within(self, zone):
        """Grants that open something inside a closed zone (a grant above it does not)."""
        return tuple(g for g in self.granted_paths if g.startswith(zone))

    def allows_path(self, path):
        if _starts(path, self.denied_paths):
            return False
        if not _starts(path, self.intranet_paths):
            return True
        if self.level == Level.EDITOR:
            return True
        # Every closed zone around the page must be opened by a grant inside it.
        for zone in self.closed_paths:
            if path.startswith(zone) and not _starts(path, self.grants_within(zone)):
                return False
        if self.level == Level.MEMBER:
            return True
        if self.level == Level.EXPERT:
            return _starts(path, self.granted_paths) or path in self.intranet_paths
        return False

    def page_filter(self):
        allowed = ~_under(self.denied_paths)
        outside = ~_under(self.intranet_paths)
        if self.level == Level.EDITOR:
            return allowed
        if self.level < Level.EXPERT:
            return allowed & outside
        zones = Q(pk__isnull=False)  # an empty Q() would vanish from the | below
        for zone in self.closed_paths:
            zones &= ~Q(path__startswith=zone) | _under(self.grants_within(zone))
        if self.level == Level.MEMBER:
            return allowed & (outside | zones)
        opened = (_under(self.granted_paths) & zones) | Q(path__in=self.intranet_paths)
        return allowed & (outside | opened)


def scope(user):
    """The user's Scope, read once per user object (that is, once per request)."""
    cached = getattr(user, "_network_scope", None)
    if cached is None:
        cached = _read_scope(user)
        user._network_scope = cached
    return cached


def forget(user):
    """Drop what was read for this user object (after its grants or groups changed)."""
    for attribute in (
        "_network_scope",
        "_network_group_rows",
        "_network_state_ids",
        "_network_files",
    ):
        user.__dict__.pop(attribute, None)


def _read_scope(user):
    lvl = level(user)
    group_ids = {pk for pk, _name in _group_rows(user)}
    restrictions = PageViewRestriction.objects.select_related("page").prefetch_related("groups")
    denied = tuple(r.page.path for r in restrictions if not _passes_restriction(r, user, group_ids))
    intranet = tuple(intranet_roots().values_list("path", flat=True))
    granted = closed = ()
    if lvl in (Level.MEMBER, Level.EXPERT):
        granted = _translation_paths(granted_pages(user))
        closed = _translation_paths(closed_zone_pages())
    return Scope(lvl, intranet, denied, closed, granted)


def viewable(user, queryset):
    """The pages of `queryset` that the user may see (live ones only)."""
    queryset = queryset.filter(live=True).filter(scope(user).page_filter())
    for content_types, allowed in _page_type_filters(user):
        queryset = queryset.filter(~Q(content_type__in=content_types) | allowed)
    return queryset


def _page_type_filters(user):
    """(content types, Q of those the user may see) for each page-type rule that narrows what the
    user sees; a rule covers the page types it was registered on and their subclasses."""
    by_rule = {}
    for model in get_page_models():
        rule = registry.page_rule(model)
        if rule is not None:
            by_rule.setdefault(rule, []).append(model)
    filters = []
    for rule, models in by_rule.items():
        allowed = rule.q(user)
        if allowed is not None:
            types = ContentType.objects.get_for_models(*models, for_concrete_models=False)
            filters.append((list(types.values()), allowed))
    return filters


def can_view(user, obj):
    """May `user` see `obj`? Deny for any object no rule was registered for."""
    if isinstance(obj, Page):
        rule = registry.page_rule(obj.specific_class or type(obj))
        if rule is not None and not rule.check(user, obj):
            return False
        return obj.live and scope(user).allows_path(obj.path)
    rule = registry.object_rule(type(obj))
    return rule is not None and rule(user, obj)


def _members_only(user, page):
    return is_member(user)


def _members_only_q(user):
    return None if is_member(user) else Q(pk__in=[])


def members_only(*page_models):
    """Pages of these types are for the network's members: never shown to invited experts,
    whatever they are granted."""
    page_rule(*page_models, q=_members_only_q)(_members_only)


def speaks_for_state(user, member_state_id):
    """The Office, or a correspondent of that member state: who acts for a state's records."""
    return is_editor(user) or (is_member(user) and member_state_id in state_ids(user))


def state_ids(user):
    """Ids of the member states whose group the user belongs to (read once per user object)."""
    if not user.is_authenticated:
        return set()
    cached = getattr(user, "_network_state_ids", None)
    if cached is None:
        group_ids = [pk for pk, _name in _group_rows(user)]
        cached = set(
            MemberState.objects.filter(group_id__in=group_ids).values_list("pk", flat=True)
        )
        user._network_state_ids = cached
    return cached


def single_state(user):
    """The member state of a user who belongs to exactly one, else None."""
    ids = state_ids(user)
    return MemberState.objects.get(pk=next(iter(ids))) if len(ids) == 1 else None


def is_public(obj):
    """Would an anonymous visitor see it? Public files may be cached by anyone."""
    return can_view(AnonymousUser(), obj)
