"""The rules each domain adds to the access policy, from its `rules.py` (imported by
`NetworkPagesConfig.ready()`). The policy asks them; no rule means deny.

- **object rules** (`rule`): who may see an object that is not a page, by its class (a rule on a
  base class covers its subclasses, as in Wagtail's `ObjectTypeRegistry`);
- **page-type rules** (`page_rule`): a page type narrows who sees its pages, with a check for one
  page and the `Q` that `viewable()` adds for querysets (the two must agree);
- **closed zones** (`closed_zone`): roots of deny-by-default subtrees;
- **grant filters** (`grant_filter`): grants that stop counting (a lapsed invitation);
- **file-owner rules** (`file_owner_rule`): who may fetch a file owned by an object of a class,
  when it is not simply whoever may see the owner;
- **file kinds** (`file_kind`): a domain claims a kind of unowned file (a session's papers) and
  alone decides who may fetch it: a page that uses such a file never widens it;
- the **intranet root** page type (`intranet_root`), whose subtrees the policy guards.
"""

from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from django.db import models

from wagtail.models import Page
from wagtail.utils.registry import ObjectTypeRegistry


@dataclass(frozen=True)
class PageRule:
    """`check(user, page)` for one page; `q(user)`: the pages of the type the user may see, or
    None when they may see them all (the queryset is then left as it is)."""

    check: object
    q: object


class Registry:
    def __init__(self):
        self.objects = ObjectTypeRegistry()
        self.page_types = ObjectTypeRegistry()
        self.file_owners = ObjectTypeRegistry()
        self.closed_zones = []
        self.grant_filters = []
        self.file_kinds = []
        self.intranet_root_model = None

    def object_rule(self, model):
        # get_by_type, never get(): ObjectTypeRegistry.get() would call the rule with the object
        # alone.
        return self.objects.get_by_type(model)

    def page_rule(self, model):
        return self.page_types.get_by_type(model)

    def file_owner_rule(self, model):
        return self.file_owners.get_by_type(model)

    def object_rule_models(self):
        return set(self.objects.values_by_class)

    def page_rule_models(self):
        return set(self.page_types.values_by_class)


registry = Registry()


def _by_class(table, model_classes, value_of, kind, pages_allowed=True):
    """A decorator registering `value_of(fn)` in `table` for each class (never Model or Page)."""

    def register(fn):
        for model in model_classes:
            if model in (models.Model, Page):
                raise ImproperlyConfigured(
                    f"An access {kind} on {model.__name__} covers everything."
                )
            if not pages_allowed and issubclass(model, Page):
                raise ImproperlyConfigured(f"{model.__name__} is a page: use access.page_rule.")
            table.register(model, value_of(fn))
        return fn

    return register


def rule(*model_classes):
    """`@access.rule(StateResponse)`: `check(user, obj)` decides who may see such objects."""
    return _by_class(registry.objects, model_classes, lambda check: check, "rule", False)


def page_rule(*page_models, q):
    """`@access.page_rule(DirectoryPage, q=...)`: narrows who sees pages of these types."""
    return _by_class(
        registry.page_types, page_models, lambda check: PageRule(check, q), "page rule"
    )


def closed_zone(roots):
    """`roots()` gives the pages whose subtrees are closed unless granted."""
    registry.closed_zones.append(roots)
    return roots


def grant_filter(narrow):
    """`narrow(user, granted)` leaves out grants that no longer open anything."""
    registry.grant_filters.append(narrow)
    return narrow


def file_owner_rule(*model_classes):
    """`check(user, owner)` for files owned by these objects (instead of `can_view(owner)`)."""
    return _by_class(registry.file_owners, model_classes, lambda check: check, "file-owner rule")


@dataclass(frozen=True)
class FileKind:
    """`claims(user, file)`: is the file of this kind; `opens(user, file)`: may the user fetch it.
    Both get the user so that what they read can be remembered once per request
    (`access.remembered`)."""

    claims: object
    opens: object


def file_kind(claims):
    """Register `opens(user, file)` for the unowned files that `claims(user, file)` says are of a
    domain's kind (a session's papers): that rule alone decides who may fetch them."""

    def register(opens):
        registry.file_kinds.append(FileKind(claims=claims, opens=opens))
        return opens

    return register


def intranet_root(model):
    """The page type of the intranet roots: the policy guards their subtrees."""
    registry.intranet_root_model = model
    return model


def intranet_roots():
    if registry.intranet_root_model is None:
        raise ImproperlyConfigured(
            "No intranet root page type is registered with the access policy."
        )
    return registry.intranet_root_model.objects.all()
