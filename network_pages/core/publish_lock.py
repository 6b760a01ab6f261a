"""The publish lock: page types whose publication is reserved (the working methods and objectives,
later the released pages) mix in `PublishLock` before `Page`.

A publication passes when the page type's rule (`may_publish`) lets its user through, or, made by
no one (Wagtail's `publish_scheduled`), when the rule lets through the user who scheduled it; then
the page's own condition (`publication_refused`) is asked. The project's own functions publish
inside `project_act()`. Everything else is refused with `PublishLocked`.

Wagtail does not send every publication through `Page.publish()`: the admin's edit view and the
admin API run the publish action directly, and copies, aliases and wagtail-localize write page rows
themselves. So the lock also guards the page row (`save`): a page under the lock is born a draft,
is never an alias, and its live version changes only in a publication the lock let through. Two
Wagtail hooks (`ADMIN_HOOKS`, registered by a hooks module) let the edit view's publications
through the lock and refuse an alias of a subtree before anything is written.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin import messages
from wagtail.admin.forms.pages import CopyForm
from wagtail.models import Page, PageLogEntry, PagePermissionTester

from network_pages.core.roles import SRSG

_project_act = ContextVar("network_publish_lock_project_act", default=False)

# Set on a revision the lock let through, for the page row's guard: Wagtail's publish action
# gives the very revision object it published to the page it saves (`live_revision`).
_LET_THROUGH = "_network_publish_lock_let_through"

# Page fields a reader sees; the other fields of `Page` are Wagtail's bookkeeping.
_PAGE_CONTENT_FIELDS = {"title", "slug", "seo_title", "search_description", "show_in_menus"}


class PublishLocked(PermissionDenied):
    """A publication (or a copy, an alias, a change to the live version) the lock refuses; its
    message says why, translated."""


@contextmanager
def project_act():
    """Publish as the project: inside it, publications of pages under the lock pass without the
    rule, Wagtail's permission check or the page's own condition, and their live versions may be
    written.

    Only two functions may use it: the version function (`intranet.versions.sync_versions`), which
    publishes the other-language versions of a text whose publication was checked, and the
    release's finish function, which publishes what the joint decision approved. A publication
    deferred to `transaction.on_commit` runs outside it. Aliases stay refused.
    """
    token = _project_act.set(True)
    try:
        yield
    finally:
        _project_act.reset(token)


class LockedCopyForm(CopyForm):
    """Wagtail's copy form without the choices the lock refuses: publishing the copy, an alias."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.pop("publish_copies", None)
        self.fields.pop("alias", None)


class PublishLock:
    """Mixed in before `Page`: only the users `may_publish` names publish pages of this type."""

    # Why a publication is refused, for people the rule does not name; a page type with another
    # rule says so.
    publish_lock_reason = _("Only the SRSG publishes this page.")
    # The admin's copy form of the page itself.
    copy_form_class = LockedCopyForm

    @classmethod
    def may_publish(cls, user):
        """The rule: may `user` publish pages of this type? By default, an active member of the
        SRSG group. A superuser who is not in the group may not: publishing the text is the SRSG's
        act, and an administrator's technical rights must not make it theirs."""
        return bool(
            user is not None
            and user.is_active
            and user.is_authenticated
            and user.groups.filter(name=SRSG).exists()
        )

    def publication_refused(self, revision):
        """The page's own condition, asked once the rule let a publication through (never inside
        `project_act`): a translated message refuses `revision`, None lets it through."""
        return None

    def check_publication(self, revision, user=None):
        """Raise `PublishLocked` unless `revision` may be published by `user`, or, with no user,
        was scheduled by someone the rule lets through."""
        if user is None:
            scheduler = scheduled_by(self, revision)
            if scheduler is None or not self.may_publish(scheduler):
                raise PublishLocked(
                    gettext(
                        "%(reason)s A publication in no one's name (a translation tool, or a "
                        "schedule set by someone else) is refused."
                    )
                    % {"reason": self.publish_lock_reason}
                )
        elif not self.may_publish(user):
            raise PublishLocked(str(self.publish_lock_reason))
        refusal = self.publication_refused(revision)
        if refusal:
            raise PublishLocked(str(refusal))

    def publish(
        self,
        revision,
        user=None,
        changed=True,
        log_action=True,
        previous_revision=None,
        skip_permission_checks=False,
    ):
        if _project_act.get():
            skip_permission_checks = True  # Wagtail's own check asks the rule again
        elif not getattr(revision, _LET_THROUGH, False):
            try:
                self.check_publication(revision, user=user)
            except PublishLocked:
                if user is None and revision.approved_go_live_at:
                    # Left scheduled, it would be refused again at every run of
                    # publish_scheduled (Wagtail logs the cancellation).
                    revision.approved_go_live_at = None
                    revision.save(update_fields=["approved_go_live_at"])
                raise
            setattr(revision, _LET_THROUGH, True)
        return super().publish(
            revision,
            user=user,
            changed=changed,
            log_action=log_action,
            previous_revision=previous_revision,
            skip_permission_checks=skip_permission_checks,
        )

    def copy(
        self,
        recursive=False,
        to=None,
        update_attrs=None,
        copy_revisions=True,
        keep_live=True,
        user=None,
        process_child_object=None,
        exclude_fields=None,
        log_action="wagtail.copy",
        reset_translation_key=True,
    ):
        if keep_live and self.live and not _project_act.get():
            raise PublishLocked(_copy_refusal())
        return super().copy(
            recursive=recursive,
            to=to,
            update_attrs=update_attrs,
            copy_revisions=copy_revisions,
            keep_live=keep_live,
            user=user,
            process_child_object=process_child_object,
            exclude_fields=exclude_fields,
            log_action=log_action,
            reset_translation_key=reset_translation_key,
        )

    def create_alias(self, *args, **kwargs):
        raise PublishLocked(_alias_refusal())

    def permissions_for_user(self, user):
        return LockedPagePermissionTester(user, self)

    def save(self, *args, **kwargs):
        self._guard_row(kwargs.get("update_fields"))
        return super().save(*args, **kwargs)

    def _guard_row(self, update_fields):
        """The row's guard, for the paths that publish without `publish()` (see the module)."""
        if self.alias_of_id:
            raise PublishLocked(_alias_refusal())
        if _project_act.get():
            return
        if self._state.adding:
            if self.live:
                # Born a draft: the admin's "create and publish" then publishes it through the
                # lock, and a live copy (even one inside a copied subtree) stays a draft.
                self.live = False
                self.has_unpublished_changes = True
                self.live_revision = None
                self.first_published_at = self.last_published_at = None
            return
        fields = _content_fields(type(self))
        if update_fields is not None:
            watched = {"live", "live_revision", "live_revision_id"}
            watched.update(name for field in fields for name in (field.name, field.attname))
            if watched.isdisjoint(update_fields):
                return
        stored = type(self)._default_manager.filter(pk=self.pk).first()
        if stored is None:
            return
        if self.live and (not stored.live or self.live_revision_id != stored.live_revision_id):
            if not getattr(self.live_revision, _LET_THROUGH, False):
                raise PublishLocked(
                    gettext("This page is published only through its publish lock.")
                )
        elif stored.live and any(
            field.value_from_object(self) != field.value_from_object(stored) for field in fields
        ):
            raise PublishLocked(
                gettext("The live version of this page changes only when it is published.")
            )


class LockedPagePermissionTester(PagePermissionTester):
    """Wagtail's tester, whose publish buttons (publish, bulk publish, the translation editor's
    publish, privacy and unschedule, which Wagtail ties to them) follow the lock's rule. It only
    hides buttons: the lock itself is in `publish()` and the row's guard."""

    def can_publish(self):
        return (
            self.user.is_active
            and not self.page_is_root
            and self.page.specific_class.may_publish(self.user)
        )


def scheduled_by(page, revision):
    """Who scheduled `revision` of `page` for publication (Wagtail's `wagtail.publish.schedule`
    log entry: the revision's author may be someone else), or None if it is not scheduled."""
    if not revision.approved_go_live_at:
        return None
    entry = (
        PageLogEntry.objects.filter(
            page_id=page.pk, revision_id=revision.pk, action="wagtail.publish.schedule"
        )
        .select_related("user")
        .order_by("-timestamp", "-pk")
        .first()
    )
    return entry.user if entry else None


def before_publish_page(request, page):
    """Wagtail's `before_publish_page` hook. The admin's edit view publishes without
    `page.publish()`: the lock checks its publication here, lets it through, or refuses it with
    the reason shown on the edit page, the edits kept as the latest draft revision."""
    if not isinstance(page, PublishLock):
        return None
    revision = page.latest_revision
    try:
        page.check_publication(revision, user=request.user)
    except PublishLocked as refusal:
        messages.error(request, str(refusal))
        return redirect("wagtailadmin_pages:edit", page.pk)
    setattr(revision, _LET_THROUGH, True)
    return None


def before_copy_page(request, page):
    """Wagtail's `before_copy_page` hook: refuses an alias of a subtree that holds a page under
    the lock before anything is written (Wagtail would have aliased the pages above it, and its
    admin keeps what was written before a refusal)."""
    if request.method != "POST" or not request.POST.get("alias"):
        return None
    pages = Page.objects.filter(pk=page.pk)
    if request.POST.get("copy_subpages"):
        pages = page.get_descendants(inclusive=True)
    types = pages.values_list("content_type_id", flat=True).distinct()
    if not any(
        issubclass(ContentType.objects.get_for_id(pk).model_class() or object, PublishLock)
        for pk in types
    ):
        return None
    messages.error(request, _alias_refusal())
    return redirect("wagtailadmin_pages:copy", page.pk)


# The Wagtail hooks the lock needs, to register in a hooks module.
ADMIN_HOOKS = [
    ("before_publish_page", before_publish_page),
    ("before_copy_page", before_copy_page),
]


def _content_fields(model):
    return [
        field
        for field in model._meta.concrete_fields
        if field.name in _PAGE_CONTENT_FIELDS
        or (field.model is not Page and not getattr(field.remote_field, "parent_link", False))
    ]


def _copy_refusal():
    return gettext("A copy of this page is made as a draft: only its publication makes it live.")


def _alias_refusal():
    return gettext(
        "This page cannot have an alias: an alias would change with it, without a publication of "
        "its own."
    )
