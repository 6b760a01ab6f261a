"""Thematic groups: the group page (set up with its members' group and workspace when it is
published), its members, its workspace's items, its rapporteurs and invited experts."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from network_pages.decisions.models import Decision
from network_pages.groups import membership, workspace
from network_pages.groups.models import GroupIndexPage, Rapporteur, ThematicGroupPage
from network_pages.practices.models import Theme
from tests.factories.decisions import make_decision


def group_index(language="en"):
    return GroupIndexPage.objects.get(locale__language_code=language)


def make_group(title="Integration of migrant children", *, theme=None, language="en", by=None):
    """A thematic group set up by a recorded decision, published (with its version in the other
    language, its members' group and its workspace)."""
    theme = (
        theme or Theme.objects.get_or_create(name_en="Children", defaults={"name_fr": "Enfants"})[0]
    )
    decision = make_decision(f"Group “{title}” set up", kind=Decision.Kind.GROUP)
    page = ThematicGroupPage(
        title=title, theme=theme, decision=decision, mandate="<p>Map the practices.</p>", live=False
    )
    group_index(language).add_child(instance=page)
    page.save_revision(user=by).publish(user=by)
    page.refresh_from_db()
    return page


def join(group, *users):
    for user in users:
        membership.join(group, user)
        user.refresh_from_db()
    return group


def workspace_of(group):
    return membership.workspace_of(group).specific


def write_item(
    group,
    by,
    title="Meeting notes",
    *,
    kind="note",
    body="First notes.",
    language="en",
    upload=None,
):
    """An item written in the group's workspace by `by` (who must be able to write there)."""
    data = {"title": title, "kind": kind, "body": body, "language": language}
    return workspace.write(workspace_of(group), data, upload, by=by)


def pdf(name="report.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4 workspace file", content_type="application/pdf")


def designate(user, group=None, *, theme=None, by=None):
    """`user` volunteers (for the group, or the theme) and the Network designates them."""
    rapporteur = membership.volunteer(user, theme, group=group)
    decision = make_decision("Rapporteur designated", kind=Decision.Kind.RAPPORTEUR)
    rapporteur.decision = decision
    rapporteur.status = Rapporteur.Status.DESIGNATED
    rapporteur.designated_by = by
    rapporteur.save()
    return rapporteur


def invite_into(group, *, by, email="ext@expert.example", ends_on=None, **names):
    """The Office (`by`) invites an external expert into the group's workspace until `ends_on`
    (30 days from today in Strasbourg unless told); returns the invitation."""
    data = {
        "email": email,
        "first_name": names.get("first_name", "Eva"),
        "last_name": names.get("last_name", "Extern"),
        "language": names.get("language", "en"),
    }
    ends_on = ends_on or timezone.localdate() + datetime.timedelta(days=30)
    return workspace.invite(workspace_of(group), data, ends_on=ends_on, by=by)
