"""Database checks (run by `manage.py check --database default`): restrictions stay as designed."""

from collections import defaultdict

from django.core.checks import Error, Warning, register
from django.db import connection
from django.db.utils import DatabaseError

from network_pages.access.registry import intranet_roots
from network_pages.core.roles import INTRANET_SLUG, NETWORK_GROUPS, PUBLIC_COLLECTION


def _tables_ready(*names):
    """Database checks run before `migrate` on a fresh database: only ask tables that exist."""
    try:
        tables = set(connection.introspection.table_names())
    except DatabaseError:
        return False
    return set(names or RESTRICTION_TABLES) <= tables


RESTRICTION_TABLES = (
    "wagtailcore_pageviewrestriction",
    "wagtailcore_collectionviewrestriction",
    "network_pages_intranethomepage",
)


@register("database")
def check_view_restrictions(app_configs=None, databases=None, **kwargs):
    if not databases or "default" not in databases or not _tables_ready():
        return []
    from wagtail.models import (
        Collection,
        CollectionViewRestriction,
        Page,
        PageViewRestriction,
        Site,
    )

    errors = []
    password = PageViewRestriction.PASSWORD
    if PageViewRestriction.objects.filter(restriction_type=password).exists() or (
        CollectionViewRestriction.objects.filter(restriction_type=password).exists()
    ):
        errors.append(
            Error(
                "A shared-password view restriction exists (its password is stored in clear).",
                hint="Remove it; use the network's groups and grants instead.",
                id="network.E001",
            )
        )

    by_key = defaultdict(dict)
    for r in PageViewRestriction.objects.select_related("page").prefetch_related("groups"):
        signature = (r.restriction_type, frozenset(g.pk for g in r.groups.all()))
        by_key[r.page.translation_key][r.page_id] = (signature, r.page)
    translation_counts = defaultdict(int)
    for key in Page.objects.filter(translation_key__in=by_key).values_list(
        "translation_key", flat=True
    ):
        translation_counts[key] += 1
    root_ids = set(intranet_roots().values_list("pk", flat=True))
    for key, pages in by_key.items():
        signatures = {signature for signature, _page in pages.values()}
        if len(signatures) > 1 or len(pages) != translation_counts[key]:
            errors.append(
                Error(
                    f"Translations of '{next(iter(pages.values()))[1].title}' differ in their "
                    "view restrictions.",
                    hint="Set the same privacy on every translation.",
                    id="network.E002",
                )
            )
        for page_id, (_signature, page) in pages.items():
            if page_id not in root_ids:
                errors.append(
                    Error(
                        f"Page '{page.title}' ({page_id}) carries a view restriction but is not an "
                        "intranet root.",
                        hint="Finer access goes through the access policy (closed pages, grants).",
                        id="network.E003",
                    )
                )

    required = set(NETWORK_GROUPS)
    for root in intranet_roots().all():
        restriction = PageViewRestriction.objects.filter(page=root).first()
        names = set(restriction.groups.values_list("name", flat=True)) if restriction else set()
        if (
            restriction is None
            or restriction.restriction_type != PageViewRestriction.GROUPS
            or names != required
        ):
            errors.append(
                Error(
                    f"Intranet root '{root.title}' ({root.locale}) must be restricted to the "
                    "groups " + ", ".join(sorted(required)) + ".",
                    id="network.E004",
                )
            )

    intranet_paths = tuple(intranet_roots().values_list("path", flat=True))
    for alias in Page.objects.filter(alias_of__isnull=False).select_related("alias_of"):
        into = alias.alias_of.path.startswith(intranet_paths)
        from_inside = alias.path.startswith(intranet_paths)
        if into and not from_inside:
            errors.append(
                Error(
                    f"Page '{alias.title}' ({alias.pk}) is an alias of an intranet page outside "
                    "the intranet: an alias is checked against its source's own restriction only.",
                    id="network.E005",
                )
            )

    # The login gate (network_pages.middleware) knows the intranet by its URL: /<lang>/intranet/.
    for root in intranet_roots().exclude(slug=INTRANET_SLUG, depth=3):
        errors.append(
            Error(
                f"Intranet root '{root.title}' ({root.pk}) must have the slug '{INTRANET_SLUG}' "
                "directly under a language home.",
                id="network.E007",
            )
        )
    for site in Site.objects.select_related("root_page"):
        if site.root_page.path.startswith(intranet_paths):
            errors.append(
                Error(
                    f"Site '{site}' has its root inside the intranet: its pages would escape the "
                    "login gate.",
                    id="network.E008",
                )
            )

    if not Collection.objects.filter(name=PUBLIC_COLLECTION, depth=2).exists():
        errors.append(
            Warning(
                f"The '{PUBLIC_COLLECTION}' collection is missing: no file that an object or a "
                "page does not open is public until it exists.",
                id="network.W006",
            )
        )
    return errors


@register("database")
def check_no_locale_synchronization(app_configs=None, databases=None, **kwargs):
    """wagtail-localize's locale synchronisation fills a locale with alias pages: the network keeps
    real versions of its pages in both languages instead, and an alias is checked against its
    source's own restriction only."""
    table = "wagtail_localize_localesynchronization"
    if not databases or "default" not in databases or not _tables_ready(table):
        return []
    from wagtail_localize.models import LocaleSynchronization

    if not LocaleSynchronization.objects.exists():
        return []
    return [
        Error(
            "A locale is synchronised from another (wagtail-localize's locale synchronisation): "
            "it creates alias pages.",
            hint="Remove the synchronisation in the admin's locale settings.",
            id="network.E009",
        )
    ]
