"""Sessions of the network, their papers and the experts invited to them."""

import datetime

from django.utils.text import slugify

from network_pages.core.translations import original
from network_pages.sessions.invitations import invite
from network_pages.sessions.models import (
    AgendaApproval,
    AgendaItem,
    PlenarySessionPage,
    SessionIndexPage,
    SessionPaper,
    ThematicSessionPage,
)
from tests.factories.files import make_document


def make_session(
    title="Plenary session 2027",
    *,
    model=PlenarySessionPage,
    starts_on=datetime.date(2027, 3, 15),
    agenda=("Opening by the SRSG", "Reports of the states"),
    place="Strasbourg, Agora",
    language="en",
    parent=None,
    publish=True,
    **fields,
):
    """A session (a plenary unless `model` says otherwise) with its draft agenda, under the
    session index of `language` or under `parent`; published unless `publish` is False, then a
    draft with one unpublished revision. Other fields go to the page as they are."""
    page = model(
        title=title,
        slug=slugify(title),
        starts_on=starts_on,
        place=place,
        live=publish,
        **fields,
    )
    for order, item in enumerate(agenda):
        page.agenda_items.add(AgendaItem(title=item, sort_order=order))
    (parent or SessionIndexPage.objects.get(locale__language_code=language)).add_child(
        instance=page
    )
    if not publish:
        page.save_revision()
        return page
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def approve_agenda(session, by):
    """The SRSG's approval of the session's draft agenda, as recorded on some earlier day (the
    approval itself, with its refusals, is `sessions.agenda.approve`, tested on its own)."""
    return AgendaApproval.objects.create(session=original(session), approved_by=by)


def make_plenary_with_thematic(today, *, title="Plenary", thematic_title="Integration"):
    """A plenary 90 days from `today` and, under it, a thematic session two days later that takes
    members and national experts; both have external participants: every page and route of
    both."""
    plenary = make_session(
        title, starts_on=today + datetime.timedelta(days=90), external_participants=True
    )
    thematic = make_session(
        thematic_title,
        model=ThematicSessionPage,
        parent=plenary,
        starts_on=today + datetime.timedelta(days=92),
        participants=ThematicSessionPage.Participants.BOTH,
        external_participants=True,
    )
    return plenary, thematic


def add_paper(session, title="Background note", *, sort_order=0):
    """A paper of the session: a document in the intranet's collection."""
    document = make_document(title, content=b"paper for the session")
    SessionPaper.objects.create(page=session, document=document, sort_order=sort_order)
    return document


def invite_expert(
    session,
    *,
    by,
    ends_on=None,
    organisation="",
    password=None,
    user=None,
    agenda_items=(),
    papers=(),
):
    """Eva Berg (or the account `user`), an external expert invited to `session` by `by` until
    `ends_on` (the session's last day unless told), on the `agenda_items` and with the `papers`
    given (a plenary's). With a `password`, the account can log in at once."""
    person = {"first_name": "Eva", "last_name": "Berg", "email": "eva@x.example", "language": "en"}
    if user is not None:
        person = {name: getattr(user, name) for name in person}
    [invitation] = invite(
        session,
        [person],
        ends_on=ends_on or session.last_day,
        organisation=organisation,
        agenda_items=agenda_items,
        papers=papers,
        by=by,
    )
    if password is not None:
        invitation.user.set_password(password)
        invitation.user.save()
    return invitation
