"""Demo sessions, relative to today (called by `manage.py seed_demo`; safe to run again): a plenary
this year and one next year (at least 60 working days away, convened in time), a thematic session
with the demo `expert` invited and a paper, and participants registered by two states."""

from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale

from network_pages.accounts.models import MemberState
from network_pages.core.roles import INTRANET_COLLECTION
from network_pages.intranet.versions import translate_strings
from network_pages.sessions.convocations import send_convocation
from network_pages.sessions.invitations import invite
from network_pages.sessions.models import (
    AgendaItem,
    Attendance,
    Convocation,
    Invitation,
    PlenarySessionPage,
    SessionIndexPage,
    SessionPaper,
    ThematicSessionPage,
)
from network_pages.sessions.working_days import working_days_between

AGENDA = [
    ("Opening by the SRSG", "Adoption of the draft agenda."),
    ("Tour de table", "Developments in each member state since the last session."),
    ("Information requests", "Results of the requests closed since the last session."),
    ("Thematic focus", "Integration of refugees: good practices."),
    ("Any other business", ""),
]
PLACES = {
    "Strasbourg, Agora building, room G03": "Strasbourg, bâtiment Agora, salle G03",
    "Strasbourg, Agora building, room G02": "Strasbourg, bâtiment Agora, salle G02",
    "Strasbourg, Palais de l'Europe, room 5": "Strasbourg, Palais de l'Europe, salle 5",
    "the Head of the SRSG's Office": "le chef du Bureau du RSSG",
    "the European Migration Network": "le Réseau européen des migrations",
}
CONCLUSIONS = (
    "The network adopted its work programme and asked the Office to circulate a request on the "
    "reception of asylum seekers.",
    "Le réseau a adopté son programme de travail et a demandé au Bureau de diffuser une demande "
    "sur l'accueil des demandeurs d'asile.",
)
AGENDA_FR = [
    ("Ouverture par le RSSG", "Adoption de l'ordre du jour provisoire."),
    ("Tour de table", "Évolutions dans chaque État membre depuis la dernière session."),
    ("Demandes d'information", "Résultats des demandes closes depuis la dernière session."),
    ("Focus thématique", "Intégration des réfugiés : bonnes pratiques."),
    ("Divers", ""),
]


def _weekday_on_or_after(day, weekday=1):
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def _add(parent, page, agenda=AGENDA):
    existing = type(page).objects.filter(slug=page.slug, locale=parent.locale).first()
    if existing is not None:
        return existing, False
    for order, (title, description) in enumerate(agenda):
        page.agenda_items.add(AgendaItem(title=title, description=description, sort_order=order))
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page, True


def _translate(page, title):
    """The Office translates the session's strings into French (its version exists since it was
    published)."""
    strings = {page.title: title, CONCLUSIONS[0]: CONCLUSIONS[1], **PLACES}
    for (item, details), (item_fr, details_fr) in zip(AGENDA, AGENDA_FR, strict=True):
        strings[item], strings[details] = item_fr, details_fr
    translate_strings(page, Locale.objects.get(language_code="fr"), strings)


def seed_sessions():
    User = get_user_model()
    office = User.objects.get(username="office")
    index = SessionIndexPage.objects.get(locale__language_code="en")
    today = timezone.localdate()
    # This year's plenary: held in June, or coming in December if June is still ahead.
    this_year = date(today.year, 6, 16) if today.month > 6 else date(today.year, 12, 8)
    held, _created = _add(
        index,
        PlenarySessionPage(
            title=f"Plenary session {today.year}",
            slug=f"plenary-{today.year}",
            starts_on=_weekday_on_or_after(this_year),
            ends_on=_weekday_on_or_after(this_year) + timedelta(days=1),
            place="Strasbourg, Agora building, room G03",
            online_link="https://meet.example.org/network-plenary",
        ),
    )
    if held.last_day < today and not held.conclusions:
        held.conclusions = f"<p>{CONCLUSIONS[0]}</p>"
        held.save_revision().publish()
    _translate(held, f"Session plénière {today.year}")
    # Next year's plenary: at least 60 working days away, convened in time.
    opening = _weekday_on_or_after(max(today + timedelta(days=100), date(today.year + 1, 3, 1)))
    while working_days_between(today + timedelta(days=1), opening - timedelta(days=1)) < 60:
        opening += timedelta(days=7)
    upcoming, created = _add(
        index,
        PlenarySessionPage(
            title=f"Plenary session {opening.year}",
            slug=f"plenary-{opening.year}",
            starts_on=opening,
            ends_on=opening + timedelta(days=1),
            place="Strasbourg, Palais de l'Europe, room 5",
            represented_by="the Head of the SRSG's Office",
        ),
    )
    _translate(upcoming, f"Session plénière {opening.year}")
    if not Convocation.objects.filter(session=upcoming).exists():
        send_convocation(upcoming, by=office, today=today)
    # A thematic session under it, with national experts, the demo expert invited, and a paper.
    thematic, _created = _add(
        upcoming,
        ThematicSessionPage(
            title="Integration of refugees: good practices",
            slug="integration-of-refugees",
            starts_on=opening + timedelta(days=2),
            place="Strasbourg, Agora building, room G02",
            participants=ThematicSessionPage.Participants.BOTH,
            external_participants=True,
            held_jointly_with="the European Migration Network",
        ),
        agenda=AGENDA[3:4],
    )
    _paper(thematic)
    _translate(thematic, "Intégration des réfugiés : bonnes pratiques")
    expert = User.objects.get(username="expert")
    if not Invitation.objects.filter(session=thematic, user=expert).exists():
        expert.email = expert.email or "expert@example.org"
        invite(
            thematic,
            [
                {
                    "first_name": expert.first_name,
                    "last_name": expert.last_name,
                    "email": expert.email,
                }
            ],
            ends_on=thematic.last_day + timedelta(days=7),
            organisation="University of Oslo",
            by=office,
        )
    for code, name, mode in (
        ("FR", "Claire Martin", Attendance.Mode.IN_PERSON),
        ("FR", "Paul Roux", Attendance.Mode.ONLINE),
        ("DE", "Jonas Becker", Attendance.Mode.IN_PERSON),
    ):
        Attendance.objects.get_or_create(
            session=upcoming,
            email=f"{name.split()[0].lower()}@{code.lower()}.example.org",
            defaults={
                "member_state": MemberState.objects.get(code=code),
                "name": name,
                "position": "Ministry of the Interior",
                "mode": mode,
                "registered_by": User.objects.get(username=f"corr-{code.lower()}"),
            },
        )


def _paper(session):
    """A paper for the session, published with it (its French version follows)."""
    Document = get_document_model()
    title = "Background note: integration of refugees"
    if session.papers.exists():
        return
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(
            title=title, collection=Collection.objects.get(name=INTRANET_COLLECTION, depth=2)
        )
        document.file.save("background-note.txt", ContentFile(f"{title}\n".encode()), save=False)
        document.save()
    session.papers.add(SessionPaper(document=document, sort_order=0))
    session.save_revision().publish()
