"""Proposing intranet content for public release (§3.3): a draft released page made from an
allow-list of the source's fields, in the public tree of the source's language, with the record of
where it comes from. Nothing else of the source travels: not its attachments, its sources, its
handling marking or its author; a source marked "SRSG Office only" is never proposed."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from home.models import ReleasedPage, ReleaseIndexPage
from network_pages.accounts.members import active_members_of
from network_pages.core.roles import OFFICE, SRSG
from network_pages.core.translations import content_language, original
from network_pages.notifications.outbox import notify
from network_pages.practices import contributions
from network_pages.release import rules
from network_pages.release.models import ReleaseProposal


class Refused(Exception):
    """A proposal that cannot be made; the message says why, in the user's language."""


def practice_fields(practice):
    """The allow-list of a good practice: its title, summary and text (its paragraphs, as
    text), its themes and the member states it concerns."""
    return {
        "title": practice.title,
        "summary": practice.summary,
        "body": contributions.paragraphs(contributions.body_text(practice)),
        "themes": list(practice.themes.all()),
        "member_states": list(practice.member_states.all()),
    }


@transaction.atomic
def propose_practice(practice, *, by):
    """A draft released page made from the practice's allow-list; the SRSG and the Office are
    told. Returns the proposal."""
    practice = original(practice).specific
    if not rules.can_propose_practice(by, practice):
        raise PermissionDenied
    source_type = ContentType.objects.get_for_model(practice, for_concrete_model=False)
    if ReleaseProposal.objects.filter(source_type=source_type, source_id=str(practice.pk)).exists():
        raise Refused(_("This practice is already proposed for public release."))
    fields = practice_fields(practice)
    index = ReleaseIndexPage.objects.get(locale__language_code=content_language(practice))
    page = ReleasedPage(
        title=fields["title"],
        summary=fields["summary"],
        body=fields["body"],
        live=False,
    )
    page.themes = fields["themes"]
    page.member_states = fields["member_states"]
    index.add_child(instance=page)
    page.save_revision(user=by, log_action=False)
    proposal = ReleaseProposal.objects.create(
        page=page, source_type=source_type, source_id=str(practice.pk), proposed_by=by
    )
    if practice.author_state_id:
        proposal.states.set([practice.author_state_id])
    log(page, "network.release.propose", user=by, data={"practice": practice.pk})
    editors = active_members_of(SRSG) | active_members_of(OFFICE)
    notify(editors.distinct(), "release_proposed", {"proposal": proposal, "source": practice})
    return proposal
