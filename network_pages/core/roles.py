"""The network's roles: Django groups created by data migration (names are data, not labels)."""

SRSG = "SRSG"
OFFICE = "SRSG Office"
CORRESPONDENTS = "Correspondents"
EXPERTS = "Invited experts"

NETWORK_GROUPS = (SRSG, OFFICE, CORRESPONDENTS, EXPERTS)
EDITOR_GROUPS = (SRSG, OFFICE)
MEMBER_GROUPS = (SRSG, OFFICE, CORRESPONDENTS)

# The project's object permissions, the two kinds of grant: let a user or group see a page and its
# subtree, or that page alone, in a deny-by-default zone. They belong to wagtailcore.Page, the base
# class guardian is asked about.
VIEW_RESTRICTED_PAGE = "view_restricted_page"
VIEW_RESTRICTED_PAGE_PERM = f"wagtailcore.{VIEW_RESTRICTED_PAGE}"
VIEW_RESTRICTED_PAGE_ONLY = "view_restricted_page_only"
VIEW_RESTRICTED_PAGE_ONLY_PERM = f"wagtailcore.{VIEW_RESTRICTED_PAGE_ONLY}"
GRANT_CODENAMES = (VIEW_RESTRICTED_PAGE, VIEW_RESTRICTED_PAGE_ONLY)

INTRANET_SLUG = "intranet"
INTRANET_COLLECTION = "Intranet"
# The top-level collection whose files (and those of the collections below it) are public, unless
# an object owns them or a domain's file rule claims them. Renamed or deleted, no file is public.
PUBLIC_COLLECTION = "Public"


def role_labels():
    """Translated labels of the roles (group names stay as data)."""
    from django.utils.translation import gettext_lazy as _

    return {
        SRSG: _("SRSG"),
        OFFICE: _("SRSG Office"),
        CORRESPONDENTS: _("Correspondents"),
        EXPERTS: _("Invited experts"),
    }
