"""Revisions of the working methods and the objectives (§2.2, §4.10): the SRSG publishes the draft
the Office or the SRSG prepared in the admin as a numbered revision that says what changed and
what prompted it; the text of each revision stays readable, in every language it had.

A revision is recorded before its page revision is published, in the same transaction, so that
the publish lock (`GoverningTextPage.publication_refused`) finds the consultation it follows; the
versions in other languages published with it (or while it is current) join it as they are
published (`methods.signals`)."""

from django.db import IntegrityError, transaction
from django.db.models import Max, Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log
from wagtail.models import Page

from network_pages.core.publish_lock import PublishLocked
from network_pages.core.translations import original
from network_pages.decisions.models import Decision
from network_pages.methods.models import MethodsSuggestion, TextRevision
from network_pages.methods.rules import publishes_revisions

# What may prompt a revision of the working methods (§4.10); the objectives' is a consultation.
ACTIVITY_BASES = (
    TextRevision.Basis.ACTIVITY,
    TextRevision.Basis.SUGGESTIONS,
    TextRevision.Basis.BOTH,
)
WITH_SUGGESTIONS = (TextRevision.Basis.SUGGESTIONS, TextRevision.Basis.BOTH)


class RevisionRefused(Exception):
    """Why a revision cannot be published (translated, shown on the form)."""


def draft_waiting(source):
    """The revision of the text (as first written) waiting to be published, or None."""
    if not source.has_unpublished_changes:
        return None
    return source.get_latest_revision()


def is_first_text(source):
    """Nothing published yet: the text as first adopted, which no consultation precedes."""
    return not TextRevision.objects.filter(page_id=source.pk).exists()


def available_consultations():
    """The recorded consultations of the Network on the objectives that no revision used yet."""
    return Decision.objects.filter(
        kind=Decision.Kind.OBJECTIVES, text_revisions__isnull=True
    ).select_related("session")


def revisions_of(source):
    """The text's revisions, latest first, with what the page lists of each: its consultation
    and the suggestions considered with their states (two queries however many)."""
    return (
        TextRevision.objects.filter(page_id=source.pk)
        .select_related("consultation__session", "published_by")
        .prefetch_related(
            Prefetch(
                "suggestions",
                queryset=MethodsSuggestion.objects.select_related("member_state").order_by(
                    "created_at", "pk"
                ),
            )
        )
        .order_by("-number")
    )


def why_not(source, data, *, first):
    """None if `data` may back a revision of `source`, else why not."""
    if not (data.get("summary") or "").strip():
        return _("Say what changed in this revision.")
    if first:
        return None
    basis = data.get("basis")
    if source.requires_consultation:
        consultation = data.get("consultation")
        if consultation is None:
            return _(
                "A revision of the objectives follows a consultation of the Network (§2.2): "
                "choose the consultation the Office recorded."
            )
        if consultation.kind != Decision.Kind.OBJECTIVES:
            return _("Choose a consultation of the Network on the objectives.")
        if TextRevision.objects.filter(consultation=consultation).exists():
            return _("This consultation of the Network was used by an earlier revision.")
    elif basis not in ACTIVITY_BASES:
        return _(
            "Say what prompted the revision: the network's activity, states' suggestions, or both."
        )
    return None


@transaction.atomic
def publish_revision(page, data, *, by):
    """Publish the draft waiting on the text `page` (in either language: the record hangs on the
    text as first written) as its next revision, and record it: `data` holds summary, basis,
    details, consultation (a Decision), suggestions (considered: they are taken into account) and,
    optionally, revision_id (the draft the SRSG saw: refused if another came since). Returns the
    TextRevision; raises RevisionRefused."""
    source = original(page).specific
    # One revision at a time: the numbers follow each other.
    list(Page.objects.select_for_update().filter(pk=source.pk).values_list("pk", flat=True))
    source.refresh_from_db()
    if not publishes_revisions(by):
        raise RevisionRefused(_("Only the SRSG publishes a revision of this text."))
    revision = draft_waiting(source)
    if revision is None:
        raise RevisionRefused(_("No draft of this text is waiting to be published."))
    seen = data.get("revision_id")
    if seen is not None and int(seen) != revision.pk:
        raise RevisionRefused(
            _("The draft changed since you opened this page: read it again before publishing.")
        )
    go_live_at = revision.as_object().go_live_at
    if go_live_at and go_live_at > timezone.now():
        # Wagtail would only schedule it: the revision would be recorded before its text is.
        raise RevisionRefused(
            _("This draft is scheduled for publication: remove its schedule in the admin first.")
        )
    first = is_first_text(source)
    problem = why_not(source, data, first=first)
    if problem:
        raise RevisionRefused(problem)
    basis = data.get("basis") or ""
    if source.requires_consultation and not first:
        basis = TextRevision.Basis.CONSULTATION
    last = TextRevision.objects.filter(page_id=source.pk).aggregate(Max("number"))["number__max"]
    try:
        with transaction.atomic():
            record = TextRevision.objects.create(
                page=source,
                revision=revision,
                number=(last or 0) + 1,
                # The clock read now, not through the field's default: a replayed clock (the
                # demo's) dates the revision too.
                published_at=timezone.now(),
                published_by=by,
                summary=data["summary"].strip(),
                basis=basis,
                details=(data.get("details") or "").strip(),
                consultation=None if first else data.get("consultation"),
            )
    except IntegrityError as error:
        raise RevisionRefused(
            _("This consultation of the Network was used by an earlier revision.")
        ) from error
    considered = [s for s in data.get("suggestions") or () if s.page_id == source.pk]
    record.suggestions.set(considered)
    MethodsSuggestion.objects.filter(pk__in=[s.pk for s in considered]).exclude(
        status=MethodsSuggestion.Status.TAKEN
    ).update(
        status=MethodsSuggestion.Status.TAKEN,
        status_changed_by=by,
        status_changed_at=timezone.now(),
    )
    try:
        revision.publish(user=by)
    except PublishLocked as refusal:
        raise RevisionRefused(str(refusal)) from refusal
    log(source, "network.methods.revise", user=by, data=log_data(record))
    return record


def log_data(record):
    return {
        "number": record.number,
        "revision": record.revision_id,
        "basis": record.basis,
        "consultation": record.consultation_id,
        "suggestions": sorted(s.pk for s in record.suggestions.all()),
    }


def record_publication(source, revision, *, by):
    """A revision published outside `publish_revision` (the SRSG's admin): recorded with no
    summary, which the Office or the SRSG may complete in the admin. Returns it, or None if the
    page revision has its record already."""
    if TextRevision.objects.filter(revision_id=revision.pk).exists():
        return None
    last = TextRevision.objects.filter(page_id=source.pk).aggregate(Max("number"))["number__max"]
    record = TextRevision.objects.create(
        page_id=source.pk,
        revision=revision,
        number=(last or 0) + 1,
        published_at=timezone.now(),
        published_by=by,
    )
    log(source, "network.methods.revise", user=by, data=log_data(record))
    return record


def attach_version(source, revision):
    """A version in another language published: it belongs to the text's current revision."""
    record = TextRevision.objects.filter(page_id=source.pk).order_by("-number").first()
    if record is not None:
        record.versions.add(revision)
    return record


def text_at(record, page):
    """The text as it stood at `record`, in the language of `page` (the original or a version):
    the page revision, or None if that version was not published while the revision was
    current."""
    if record.page_id == page.pk:
        return record.revision
    return record.versions.filter(object_id=str(page.pk)).order_by("-created_at", "-pk").first()
