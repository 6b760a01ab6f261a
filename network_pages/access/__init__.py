"""Who may see what: the one access policy of the site (see `policy`), the registry each domain
adds its rules to (see `registry`), who may fetch a file (see `files`) and the grants."""

from network_pages.access.files import remembered
from network_pages.access.grants import base_page, grant, revoke
from network_pages.access.policy import (
    Level,
    can_view,
    forget,
    granted_pages,
    is_editor,
    is_member,
    is_public,
    level,
    member_states,
    members_only,
    roles,
    scope,
    single_state,
    speaks_for_state,
    state_ids,
    viewable,
)
from network_pages.access.registry import (
    closed_zone,
    file_kind,
    file_owner_rule,
    grant_filter,
    intranet_root,
    page_rule,
    registry,
    rule,
)

__all__ = [
    "Level",
    "base_page",
    "can_view",
    "closed_zone",
    "file_kind",
    "file_owner_rule",
    "forget",
    "grant",
    "grant_filter",
    "granted_pages",
    "intranet_root",
    "is_editor",
    "is_member",
    "is_public",
    "level",
    "member_states",
    "members_only",
    "page_rule",
    "registry",
    "remembered",
    "revoke",
    "roles",
    "rule",
    "scope",
    "single_state",
    "speaks_for_state",
    "state_ids",
    "viewable",
]
