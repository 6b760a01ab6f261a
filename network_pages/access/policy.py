"""Who may see what: the one access policy of the site.

Every place that shows content asks this module: `can_view(user, obj)` for one object and
`viewable(user, queryset)` for a queryset of pages. Four mechanisms, from coarse to fine:

1. Wagtail view restrictions (groups only), which exist only on the intranet roots.
2. Deny-by-default zones decided here: invited experts see only what they are granted plus the
   intranet home; closed zones (registered by the domains) are hidden from correspondents unless
   granted (a closed page inside a granted subtree needs a grant of its own). Grants are guardian
   object permissions stored on the base `Page` (see `grants`), of two kinds: a grant on a page
   covers its descendants and its translations; a page-only grant covers the page and its
   translations, never what is under it.
3. Page-type rules registered by the domains (members-only types: never shown to invited experts).
4. Workflow state: nothing unpublished is shown outside the admin and previews.

Objects that are not pages (files, profiles, responses, answers) are decided by the rule their
domain registered for their class (`access.registry`); an object without a rule is denied.
"""

import enum
from functools import partial, reduce
from operator import and_, or_

from django.contrib.auth.models import AnonymousUser, Group
from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    CharField,
    F,
    IntegerField,
    Prefetch,
    Q,
    Value,
    prefetch_related_objects,
)

from wagtail.models import Page, PageViewRestriction, get_page_models

from network_pages.access.models import PageGroupObjectPermission, PageUserObjectPermission
from network_pages.access.registry import intranet_roots, page_rule, registry
from network_pages.accounts.models import MemberState
from network_pages.core.roles import (
    CORRESPONDENTS,
    EDITOR_GROUPS,
    EXPERTS,
    GRANT_CODENAMES,
    NETWORK_GROUPS,
    VIEW_RESTRICTED_PAGE,
    VIEW_RESTRICTED_PAGE_ONLY,
)

# The kinds of rows of the policy's one query (`tagged`, `read_union`).
RESTRICTION, INTRANET, CLOSED, GRANT = "restriction", "intranet", "closed", "grant"
SUBTREE, PAGE_ONLY = "subtree", "page only"  # what the user's grants open, by kind


class Level(enum.IntEnum):
    """How far into the network a user reaches; higher sees more."""

    PUBLIC = 0  # anonymous, inactive, or logged in without a network role
    EXPERT = 1  # invited experts: deny by default
    MEMBER = 2  # correspondents: the whole intranet but closed zones
    EDITOR = 3  # the SRSG and the Office: everything


def _groups(user):
    """The user's groups, each with its member state, read once per user object in one query.

    They are stored as Django's own prefetch of `user.groups`, so that Wagtail's view-restriction
    check (`request.user.groups.all()`) reads them from there rather than again; adding or
    removing a group through `user.groups` drops that prefetch, and `forget` drops both.
    """
    if not user.is_authenticated or not user.is_active:
        return ()
    groups = getattr(user, "_network_groups", None)
    if groups is None:
        if "groups" not in getattr(user, "_prefetched_objects_cache", {}):
            with_states = Group.objects.select_related("member_state")
            prefetch_related_objects([user], Prefetch("groups", queryset=with_states))
        groups = tuple(user.groups.all())
        user._network_groups = groups
    return groups


def group_ids(user):
    return {group.pk for group in _groups(user)}


def roles(user):
    """The network roles (group names of network_pages.roles) the user holds."""
    return frozenset(group.name for group in _groups(user) if group.name in NETWORK_GROUPS)


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


# Conditions on pages, kept as small as they can be, since every listing compiles them: a Q,
# EVERY (no condition) or NOTHING.
EVERY, NOTHING = None, Q(pk__in=[])


def _under(paths):
    """Pages in the subtree of any of the given tree paths (NOTHING when there is none)."""
    return reduce(or_, (Q(path__startswith=p) for p in paths)) if paths else NOTHING


def _not_under(paths):
    return ~_under(paths) if paths else EVERY


def _all(*conditions):
    if any(condition is NOTHING for condition in conditions):
        return NOTHING
    conditions = [condition for condition in conditions if condition is not EVERY]
    return reduce(and_, conditions) if conditions else EVERY


def _either(*conditions):
    if any(condition is EVERY for condition in conditions):
        return EVERY
    conditions = [condition for condition in conditions if condition is not NOTHING]
    return reduce(or_, conditions) if conditions else NOTHING


def _q(condition):
    """A Q for filter(): none for EVERY, a fresh one for NOTHING."""
    if condition is EVERY:
        return Q()
    return Q(pk__in=[]) if condition is NOTHING else condition


def _starts(path, prefixes):
    return any(path.startswith(p) for p in prefixes)


def _translations(pages):
    """The given pages and all their translations."""
    return Page.objects.filter(translation_key__in=pages.values("translation_key"))


def tagged(queryset, kind, *, path=None, number=None, text=None, group=None):
    """Rows (kind, path, number, text, group) of `queryset`, named fields or None: one part of a
    union, so that what the policy needs is read in one query."""

    def column(name, field):
        return F(name) if name else Value(None, output_field=field)

    return (
        queryset.order_by()
        .annotate(
            network_kind=Value(kind, output_field=CharField()),
            network_path=column(path, CharField()),
            network_number=column(number, IntegerField()),
            network_text=column(text, CharField()),
            network_group=column(group, IntegerField()),
        )
        .values_list(
            "network_kind", "network_path", "network_number", "network_text", "network_group"
        )
    )


def restriction_rows(restrictions, path):
    """Tagged rows of view restrictions (of pages or collections): the path of what they restrict,
    their pk, their type, and one row per group."""
    return tagged(
        restrictions,
        RESTRICTION,
        path=path,
        number="pk",
        text="restriction_type",
        group="groups__id",
    )


def read_union(parts):
    """({restriction pk: (path, type, group ids)}, {kind: {(path, number)}}) from tagged parts."""
    restrictions, other = {}, {}
    for kind, path, number, text, group in parts[0].union(*parts[1:], all=True):
        if kind == RESTRICTION:
            _path, _type, groups = restrictions.setdefault(number, (path, text, set()))
            if group is not None:
                groups.add(group)
        else:
            other.setdefault(kind, set()).add((path, number))
    return restrictions, other


def passes_restriction(restriction_type, restriction_groups, user, user_groups):
    """Does the user pass a view restriction (of a page or a collection) of this type, to these
    group ids? `user_groups` are the ids of the user's groups."""
    if restriction_type == PageViewRestriction.NONE:
        return True
    if not user.is_authenticated or not user.is_active:
        return False
    if restriction_type == PageViewRestriction.LOGIN:
        return True
    if restriction_type == PageViewRestriction.GROUPS:
        if user.is_superuser:
            return True
        return not set(restriction_groups).isdisjoint(user_groups)
    return False  # shared passwords are never allowed here (see network_pages.checks)


def _grants(user, codenames=GRANT_CODENAMES):
    """The view grants (of the given kinds) held by the user and by the user's groups, before any
    grant filter."""
    direct = PageUserObjectPermission.objects.filter(user=user, permission__codename__in=codenames)
    via_groups = PageGroupObjectPermission.objects.filter(
        group_id__in=sorted(group_ids(user)), permission__codename__in=codenames
    )
    return direct, via_groups


def granted_pages(user, codenames=GRANT_CODENAMES):
    """Base pages on which the user, or one of their groups, holds a view grant (of the given
    kinds: both unless told)."""
    if not user.is_authenticated or not user.is_active:
        return Page.objects.none()
    direct, via_groups = _grants(user, codenames)
    granted = Page.objects.filter(
        Q(pk__in=direct.values("content_object_id"))
        | Q(pk__in=via_groups.values("content_object_id"))
    )
    for narrow in registry.grant_filters:
        granted = narrow(user, granted)
    return granted


def closed_zone_pages():
    """Roots of the deny-by-default zones of the intranet, as the domains registered them."""
    roots = [Q(pk__in=zone().values("pk")) for zone in registry.closed_zones]
    return Page.objects.filter(reduce(or_, roots)) if roots else Page.objects.none()


def _closed_zones_translated():
    """The roots of the closed zones and all their translations."""
    zones = registry.closed_zones
    keys = [Q(translation_key__in=zone().values("translation_key")) for zone in zones]
    return Page.objects.filter(reduce(or_, keys)) if keys else Page.objects.none()


class Scope:
    """Everything the policy needs to decide for one user, read in a bounded number of queries.

    The closed zones and the user's grants only decide inside the intranet, for members and
    invited experts: they are read with the rest when asked for at once (`scope(user,
    whole=True)`, as the intranet gate does), else when first needed.
    """

    def __init__(self, level, *, intranet_paths, denied_paths, zones):
        self.level = level
        self.intranet_paths = intranet_paths
        self.denied_paths = denied_paths
        # (closed paths, granted subtrees' paths, page-only grants' paths), or what reads them
        self._zones = zones

    def _zone_paths(self):
        if callable(self._zones):
            self._zones = self._zones()
        return self._zones

    @property
    def closed_paths(self):
        return self._zone_paths()[0]

    @property
    def granted_paths(self):
        """Paths of the pages whose whole subtree the user is granted."""
        return self._zone_paths()[1]

    @property
    def page_paths(self):
        """Paths of the pages the user is granted alone (nothing under them)."""
        return self._zone_paths()[2]

    def grants_within(self, zone):
        """Grants that open something inside a closed zone (a grant above it does not)."""
        return tuple(g for g in self.granted_paths if g.startswith(zone))

    def allows_path(self, path, *, whole=False):
        """May the user see the page at `path`? `whole`: through something that opens what is
        under it and attached to it too (not through a page-only grant)."""
        if _starts(path, self.denied_paths):
            return False
        if not _starts(path, self.intranet_paths):
            return True
        if self.level == Level.EDITOR:
            return True
        alone = () if whole else self.page_paths
        # Every closed zone around the page must be opened by a grant inside it.
        for zone in self.closed_paths:
            if path.startswith(zone) and not (
                _starts(path, self.grants_within(zone)) or path in alone
            ):
                return False
        if self.level == Level.MEMBER:
            return True
        if self.level == Level.EXPERT:
            return (
                _starts(path, self.granted_paths)
                or path in alone
                or (path in self.intranet_paths and not whole)
            )
        return False

    def page_filter(self, *, whole=False):
        """The Q of the pages `allows_path` allows (live or not), as small as it can be."""
        allowed = _not_under(self.denied_paths)
        outside = _not_under(self.intranet_paths)
        if self.level == Level.EDITOR:
            return _q(allowed)
        if self.level < Level.EXPERT:
            return _q(_all(allowed, outside))
        alone = Q(path__in=self.page_paths) if self.page_paths and not whole else NOTHING
        # Every closed zone around a page must be opened by a grant inside it.
        zones = _all(
            *(
                _either(~Q(path__startswith=zone), _under(self.grants_within(zone)), alone)
                for zone in self.closed_paths
            )
        )
        if self.level == Level.MEMBER:
            return _q(_all(allowed, _either(outside, zones)))
        homes = Q(path__in=self.intranet_paths) if self.intranet_paths and not whole else NOTHING
        opened = _either(_all(_either(_under(self.granted_paths), alone), zones), homes)
        return _q(_all(allowed, _either(outside, opened)))


def scope(user, *, whole=False):
    """The user's Scope, read once per user object (that is, once per request); `whole` reads
    the closed zones and grants at once too (see Scope)."""
    cached = getattr(user, "_network_scope", None)
    if cached is None:
        cached = _read_scope(user, whole)
        user._network_scope = cached
    return cached


def forget(user):
    """Drop what was read for this user object (after its grants or groups changed)."""
    for attribute in ("_network_scope", "_network_groups", "_network_states", "_network_files"):
        user.__dict__.pop(attribute, None)
    getattr(user, "_prefetched_objects_cache", {}).pop("groups", None)


def _read_scope(user, whole):
    """One query reads every view restriction (with its groups) and the intranet roots; for
    members and invited experts, the closed zones and grants (`_zone_parts`) come with them when
    `whole`, else in a query of their own when first needed."""
    lvl = level(user)
    parts = [
        restriction_rows(PageViewRestriction.objects.all(), "page__path"),
        tagged(intranet_roots(), INTRANET, path="path"),
    ]
    deny_by_default = lvl in (Level.MEMBER, Level.EXPERT)
    if deny_by_default and whole:
        parts += _zone_parts(user)
    restrictions, found = read_union(parts)
    own = group_ids(user)
    denied = {
        path
        for path, restriction_type, groups in restrictions.values()
        if not passes_restriction(restriction_type, groups, user, own)
    }
    if not deny_by_default:
        zones = ((), (), ())
    elif whole:
        zones = _zones(user, found)
    else:
        zones = partial(_read_zones, user)
    return Scope(
        lvl,
        intranet_paths=_sorted_paths(found.get(INTRANET, ())),
        denied_paths=tuple(sorted(denied)),
        zones=zones,
    )


def _zone_parts(user):
    """The closed zones (with their translations) and whether the user holds any grant."""
    direct, via_groups = _grants(user)
    return [
        tagged(_closed_zones_translated(), CLOSED, path="path"),
        tagged(direct, GRANT, number="content_object_id"),
        tagged(via_groups, GRANT, number="content_object_id"),
    ]


def _read_zones(user):
    _restrictions, found = read_union(_zone_parts(user))
    return _zones(user, found)


def _zones(user, found):
    """(closed paths, granted subtrees' paths, page-only grants' paths): what the user's grants
    open (filtered, with their translations) takes one more query, only for a user who holds
    some."""
    opened = {}
    if found.get(GRANT):
        _restrictions, opened = read_union(
            [
                tagged(_translations(granted_pages(user, codenames)), kind, path="path")
                for kind, codenames in (
                    (SUBTREE, (VIEW_RESTRICTED_PAGE,)),
                    (PAGE_ONLY, (VIEW_RESTRICTED_PAGE_ONLY,)),
                )
            ]
        )
    return (
        _sorted_paths(found.get(CLOSED, ())),
        _sorted_paths(opened.get(SUBTREE, ())),
        _sorted_paths(opened.get(PAGE_ONLY, ())),
    )


def _sorted_paths(rows):
    return tuple(sorted(path for path, _number in rows))


def viewable(user, queryset, *, whole=False):
    """The pages of `queryset` that the user may see (live ones only); `whole`: only those the
    user sees with what is under and attached to them, not through a page-only grant."""
    queryset = queryset.filter(live=True).filter(scope(user).page_filter(whole=whole))
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


def member_states(user):
    """The member states whose group the user belongs to, by name (read with the groups)."""
    if not user.is_authenticated:
        return ()
    cached = getattr(user, "_network_states", None)
    if cached is None:
        groups = _groups(user)
        if all(Group.member_state.is_cached(group) for group in groups):
            states = [getattr(group, "member_state", None) for group in groups]
            cached = tuple(sorted(filter(None, states), key=lambda state: state.name_en))
        else:  # the groups were prefetched without their states
            cached = tuple(MemberState.objects.filter(group__in=groups))
        user._network_states = cached
    return cached


def state_ids(user):
    """Ids of the member states whose group the user belongs to."""
    return {state.pk for state in member_states(user)}


def single_state(user):
    """The member state of a user who belongs to exactly one, else None."""
    states = member_states(user)
    return states[0] if len(states) == 1 else None


def is_public(obj):
    """Would an anonymous visitor see it? Public files may be cached by anyone."""
    return can_view(AnonymousUser(), obj)
