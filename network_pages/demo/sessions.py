"""Demo sessions, dated relative to the day the demo is loaded (safe to run again): the last
plenary, held at least 45 days ago, convened on its approved agenda, which it adopted, with its
conclusions; next year's (at least 60 working days away, time to convene it in time) with two
papers, participants registered by two states, `expert-iom` invited on two agenda items with one
of the papers, and its agenda under consultation (one suggestion accepted, one declined, one
awaiting the SRSG); and a thematic session under it, held jointly, convened, with the demo
`expert` invited and a paper. All of them translated into French."""

from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils.text import slugify

from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale

from network_pages.accounts.models import MemberState
from network_pages.core.roles import INTRANET_COLLECTION
from network_pages.demo.clock import back_then
from network_pages.intranet.versions import translate_strings
from network_pages.sessions.agenda import (
    accept,
    approve,
    consultation_of,
    decline,
    open_consultation,
    record_adoption,
    suggest,
)
from network_pages.sessions.convocations import send_convocation
from network_pages.sessions.invitations import invite
from network_pages.sessions.models import (
    AgendaItem,
    Attendance,
    Invitation,
    PlenarySessionPage,
    SessionIndexPage,
    SessionPaper,
    ThematicSessionPage,
)
from network_pages.sessions.working_days import ClosureDay, working_days_between

NBSP = "\u00a0"  # French typography: before : ; ? !
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
    ("Focus thématique", f"Intégration des réfugiés{NBSP}: bonnes pratiques."),
    ("Divers", ""),
]


def _weekday_on_or_after(day, weekday=1):
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def _plenaries(today):
    """The network meets in plenary in June and in December: (first day, month in English, in
    French) of the plenaries from last year to next year."""
    return [
        (_weekday_on_or_after(date(year, month, day)), english, french)
        for year in (today.year - 1, today.year, today.year + 1)
        for month, day, english, french in (
            (6, 16, "June", "juin"),
            (12, 8, "December", "décembre"),
        )
    ]


def _past_plenary(today):
    """The last plenary held at least 45 days ago (its conclusions out for a month)."""
    return max(p for p in _plenaries(today) if p[0] + timedelta(days=46) <= today)


def _next_plenary(today):
    """The next plenary at least 60 working days away (convened in time): with the last one, the
    plenary year always has its plenary (`convocations.plenary_year`)."""
    return min(
        p
        for p in _plenaries(today)
        if p[0] > today
        and working_days_between(today + timedelta(days=1), p[0] - timedelta(days=1)) >= 60
    )


def _plenary(opening, english, french, **fields):
    """A plenary session called after its month; returns it and its French title."""
    page = PlenarySessionPage(
        title=f"Plenary session, {english} {opening.year}",
        slug=f"plenary-{opening:%Y-%m}",
        starts_on=opening,
        ends_on=opening + timedelta(days=1),
        **fields,
    )
    return page, f"Session plénière, {french} {opening.year}"


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
    published): title, agenda, place, who represents the SRSG or co-organises, conclusions."""
    strings = {page.title: title, CONCLUSIONS[0]: CONCLUSIONS[1], **PLACES}
    for (item, details), (item_fr, details_fr) in zip(AGENDA, AGENDA_FR, strict=True):
        strings[item], strings[details] = item_fr, details_fr
    translate_strings(page, Locale.objects.get(language_code="fr"), strings)


def seed_sessions(today):
    """Each session is written on its day of the story (`back_then`), only the first time."""
    office = get_user_model().objects.get(username="office")
    index = SessionIndexPage.objects.get(locale__language_code="en")
    held_on, month, month_fr = _past_plenary(today)
    held, title_fr = _plenary(
        held_on,
        month,
        month_fr,
        place="Strasbourg, Agora building, room G03",
        online_link="https://meet.example.org/network-plenary",
    )
    with back_then(held_on - timedelta(days=90)):
        held, created = _add(index, held)
    if created:
        # The SRSG approved its agenda, the Office convened it, and it adopted its agenda.
        _convene(held, held_on - timedelta(days=50))
        with back_then(held_on, hour=11):
            record_adoption(held, adopted_on=held_on, by=office)
        # Its conclusions were published two weeks after it, and translated with the rest.
        with back_then(held_on + timedelta(days=14)):
            held.conclusions = f"<p>{CONCLUSIONS[0]}</p>"
            held.save_revision().publish()
            _translate(held, title_fr)
    # The next plenary and a thematic session under it, published last week; the thematic
    # session is convened, the plenary's agenda is still under consultation.
    opening, month, month_fr = _next_plenary(today)
    upcoming, title_fr = _plenary(
        opening,
        month,
        month_fr,
        place="Strasbourg, Palais de l'Europe, room 5",
        represented_by="the Head of the SRSG's Office",
        external_participants=True,
    )
    announced = today - timedelta(days=6)
    with back_then(announced):
        upcoming, created = _add(index, upcoming)
        if created:
            _papers(upcoming, PLENARY_PAPERS)
            _translate(upcoming, title_fr)
        thematic, created = _add(
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
        if created:
            _papers(thematic, [THEMATIC_PAPER])
            _translate(thematic, f"Intégration des réfugiés{NBSP}: bonnes pratiques")
            _convene(thematic, announced)
    with back_then(announced + timedelta(days=1)):
        _invite_expert(thematic, office)
        _invite_to_plenary(upcoming, office)
    _consult_on_the_agenda(upcoming, office, announced + timedelta(days=1), today)
    with back_then(today - timedelta(days=2)):
        _register_participants(upcoming)


def _convene(session, day):
    """The SRSG approves the session's draft agenda, then the Office convenes it, on `day`."""
    User = get_user_model()
    with back_then(day, hour=9):
        approve(session, by=User.objects.get(username="srsg"))
    with back_then(day, hour=15):
        send_convocation(session, by=User.objects.get(username="office"), today=day)


def _invite_expert(thematic, office):
    expert = get_user_model().objects.get(username="expert")
    if Invitation.objects.filter(session=thematic, user=expert).exists():
        return
    expert.email = expert.email or "expert@example.org"
    invite(
        thematic,
        [{"first_name": expert.first_name, "last_name": expert.last_name, "email": expert.email}],
        ends_on=thematic.last_day + timedelta(days=7),
        organisation="University of Oslo",
        by=office,
    )


def _invite_to_plenary(plenary, office):
    """An organisation's expert at the plenary (§1.2), on two agenda items, with one paper."""
    guest = get_user_model().objects.get(username="expert-iom")
    if Invitation.objects.filter(session=plenary, user=guest).exists():
        return
    items = list(AgendaItem.objects.filter(page=plenary).order_by("sort_order"))  # saved rows
    invite(
        plenary,
        [{"first_name": guest.first_name, "last_name": guest.last_name, "email": guest.email}],
        ends_on=plenary.last_day,
        organisation="International Organization for Migration",
        agenda_items=[items[2], items[3]],
        papers=SessionPaper.objects.filter(page=plenary, document__title=PLENARY_PAPERS[0]),
        by=office,
    )


SUGGESTIONS = [
    # state, item, rationale, the SRSG's decision (None: pending), reason
    ("FR", "Return of rejected asylum seekers",
     "France adopted a new law on returns in May; other states may want to compare.", True, ""),
    ("DE", "Digitalisation of asylum files",
     "Germany would present its new case-management system.", False,
     "Covered by the tour de table (item 2): Germany is invited to present it there."),
    ("IT", "Reception of unaccompanied minors",
     "Arrivals of unaccompanied minors doubled on the central Mediterranean route.", None, ""),
]  # fmt: skip


ACCEPTED_FR = {
    SUGGESTIONS[0][1]: "Retour des demandeurs d'asile déboutés",
    SUGGESTIONS[0][2]: "La France a adopté en mai une nouvelle loi sur les retours"
    f"{NBSP}; d'autres États voudront peut-être comparer.",
}


def _consult_on_the_agenda(plenary, office, opened, today):
    """The Office consults the network on the plenary's agenda; three states suggest an item; the
    SRSG accepts France's and declines Germany's with a reason; Italy's waits."""
    if consultation_of(plenary) is not None:
        return
    User = get_user_model()
    srsg = User.objects.get(username="srsg")
    with back_then(opened):
        consultation = open_consultation(plenary, closes_on=today + timedelta(days=10), by=office)
    for code, title, rationale, accepted, reason in SUGGESTIONS:
        with back_then(opened + timedelta(days=1)):
            suggestion = suggest(
                consultation,
                {"title": title, "rationale": rationale},
                member_state=MemberState.objects.get(code=code),
                by=User.objects.get(username=f"corr-{code.lower()}"),
            )
        with back_then(opened + timedelta(days=2)):
            if accepted:
                accept(suggestion, by=srsg)
                # The Office translates the new item with the rest of the session.
                translate_strings(plenary, Locale.objects.get(language_code="fr"), ACCEPTED_FR)
            elif accepted is False:
                decline(suggestion, reason=reason, by=srsg)


def _register_participants(session):
    User = get_user_model()
    for code, name, mode in (
        ("FR", "Claire Martin", Attendance.Mode.IN_PERSON),
        ("FR", "Paul Roux", Attendance.Mode.ONLINE),
        ("DE", "Jonas Becker", Attendance.Mode.IN_PERSON),
    ):
        Attendance.objects.get_or_create(
            session=session,
            email=f"{name.split()[0].lower()}@{code.lower()}.example.org",
            defaults={
                "member_state": MemberState.objects.get(code=code),
                "name": name,
                "position": "Ministry of the Interior",
                "mode": mode,
                "registered_by": User.objects.get(username=f"corr-{code.lower()}"),
            },
        )


THEMATIC_PAPER = "Background note: integration of refugees"
PLENARY_PAPERS = [
    "Draft work programme of the network",
    "Note for members: state of play of the information requests",
]


def _papers(session, titles):
    """The session's papers, published with it (its French version follows)."""
    Document = get_document_model()
    if session.papers.exists():
        return
    collection = Collection.objects.get(name=INTRANET_COLLECTION, depth=2)
    for order, title in enumerate(titles):
        document = Document.objects.filter(title=title).first()
        if document is None:
            document = Document(title=title, collection=collection)
            name = f"{slugify(title)[:60]}.txt"
            document.file.save(name, ContentFile(f"{title}\n".encode()), save=False)
            document.save()
        session.papers.add(SessionPaper(document=document, sort_order=order))
    session.save_revision().publish()


def seed_closure_days(today):
    """The Council of Europe's Christmas closure (24 to 31 December), this year's and next year's:
    the Office enters them in the admin (Closure days); convocations do not count them."""
    for year in (today.year, today.year + 1):
        for day in range(24, 32):
            ClosureDay.objects.get_or_create(
                day=date(year, 12, day), defaults={"label": "Christmas closure"}
            )
