"""Demo information requests, dated relative to the day the demo is loaded: one closed a month ago
that every state answered (one of them late), one open with answers in every state of progress and
translated into French, one written in French, and Italy's proposal waiting for the Office.

Each request is published with its real deadline on the day it opened (`back_then`), so the e-mail
announcing it, its pages in both languages and its reminders all give the same deadline."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail.models import Locale

from network_pages.accounts.models import MemberProfile, MemberState
from network_pages.demo.clock import back_then
from network_pages.information_requests.answering import snapshot
from network_pages.information_requests.follow_up import remind
from network_pages.information_requests.lifecycle import close_request
from network_pages.information_requests.models import (
    AddressedState,
    Answer,
    InformationRequestPage,
    Marking,
    RequestIndexPage,
    RequestQuestion,
    ResponseRevision,
    StateResponse,
)
from network_pages.intranet.versions import translate_strings
from network_pages.sessions.working_days import Calendar

ACTIONS = {"submitted": ResponseRevision.Action.SUBMITTED, "draft": ResponseRevision.Action.SAVED}
NBSP = "\u00a0"  # French typography: before : ; ? ! and in large numbers

RECEPTION = [
    # (English original, the Office's French translation in wagtail-localize's editor)
    ("Reception of asylum seekers", "Accueil des demandeurs d'asile"),
    (
        "The SRSG prepares a thematic report on reception conditions for the next plenary session.",
        "Le RSSG prépare un rapport thématique sur les conditions d'accueil pour la prochaine "
        "session plénière.",
    ),
    (
        "How many reception places were available on 1 January?",
        f"Combien de places d'accueil étaient disponibles au 1er janvier{NBSP}?",
    ),
    (
        "Which authority runs the reception centres?",
        f"Quelle autorité gère les centres d'accueil{NBSP}?",
    ),
    (
        "Do unaccompanied minors have separate facilities?",
        f"Les mineurs non accompagnés disposent-ils de structures distinctes{NBSP}?",
    ),
    (
        "Has your state changed its reception model in the last two years?",
        f"Votre État a-t-il modifié son modèle d'accueil au cours des deux dernières années{NBSP}?",
    ),
    (
        "Which good practice would you share with your peers?",
        f"Quelle bonne pratique partageriez-vous avec vos homologues{NBSP}?",
    ),
]
LABOUR_MARKET = (
    "Accès des bénéficiaires d'une protection internationale au marché du travail",
    "La France prépare une réforme de l'accès à l'emploi des réfugiés et souhaite connaître "
    "les pratiques de ses homologues.",
    [
        "Dans quel délai un bénéficiaire d'une protection internationale peut-il "
        f"travailler{NBSP}?",
        f"Ses diplômes étrangers sont-ils reconnus, et par quelle autorité{NBSP}?",
        f"Existe-t-il un accompagnement vers l'emploi qui lui soit réservé{NBSP}?",
    ],
)


def seed_requests(today):
    index = RequestIndexPage.objects.get(locale__language_code="en")
    if InformationRequestPage.objects.filter(slug="reception-of-asylum-seekers").exists():
        return
    office = get_user_model().objects.get(username="office")
    _returns(index, office, today)
    _reception(index, office, today)
    _labour_market(RequestIndexPage.objects.get(locale__language_code="fr"), office, today)
    _proposal(index, today)


def _deadline(day):
    """The first Friday from `day` that is a working day in Strasbourg."""
    calendar = Calendar(day, day + timedelta(days=35))
    friday = day + timedelta(days=(4 - day.weekday()) % 7)
    while not calendar.is_working_day(friday):
        friday += timedelta(days=7)
    return friday


def _returns(index, office, today):
    """Opened 80 days ago, due some 50 days ago, closed 30 days ago; every state it went to
    answered (a complete compilation), the Netherlands after the deadline. Not translated: its
    French version shows the English original."""
    opened = today - timedelta(days=80)
    deadline = _deadline(today - timedelta(days=50))
    year = opened.year - 1
    with back_then(opened):
        page = _request(
            index,
            office,
            title=f"Statistics on returns in {year}",
            slug=f"statistics-on-returns-{year}",
            deadline=deadline,
            questions=[
                "How many return decisions were issued?",
                "How many returns were carried out?",
            ],
        )
    addressed = AddressedState.objects.filter(request=page).select_related("member_state")
    for number, row in enumerate(addressed.order_by("member_state__code")):
        code = row.member_state.code
        decisions, returns = 4_000 + 1_750 * number, 900 + 420 * number
        texts = [f"{decisions:,} return decisions.", f"{returns:,} returns carried out."]
        if number % 5 == 3:
            texts[1] = (texts[1], Marking.OFFICE)
        if number % 7 == 5:
            texts[0] = None
        late = code == "NL"
        day = deadline + timedelta(days=4) if late else opened + timedelta(days=3 + 2 * number)
        with back_then(day, hour=15):
            _answers(page, code, texts, late=late)
    with back_then(today - timedelta(days=30)):
        close_request(page, by=office)


def _reception(index, office, today):
    """Opened 12 days ago, due in a little more than two weeks, translated into French by the
    Office; answers in every state of progress, France's draft reminded today."""
    opened = today - timedelta(days=12)
    english = [text for text, _french in RECEPTION]
    with back_then(opened):
        page = _request(
            index,
            office,
            title=english[0],
            slug="reception-of-asylum-seekers",
            deadline=_deadline(today + timedelta(days=16)),
            background=english[1],
            questions=english[2:],
        )
    with back_then(opened + timedelta(days=2)):
        translate_strings(
            page, Locale.objects.get(language_code="fr"), dict(RECEPTION), user=office
        )
    progress = [
        (9, "DE", ["41,000 places", "The Länder", "Yes", "No", "Case management"], {}),
        (6, "ES", ["9,500", "Ministry", ("Yes", Marking.OFFICE), "Yes", "Mentoring"], {}),
        (
            5,
            "FR",
            [f"Environ 110{NBSP}000", "L'OFII", "Oui", "Oui", ""],
            {"status": "draft", "language": "fr"},
        ),
        (3, "PT", [None, None, None, None, None], {}),
        (
            2,
            "GR",
            ["12,000", "Ministry of Migration", "Yes", "No", ""],
            {"entered_by": office, "email_date": today - timedelta(days=4)},
        ),
        (1, "NL", ["30,000", "COA", "Yes", "No", "Buddies"], {}),
    ]
    for days_ago, code, texts, options in progress:
        with back_then(today - timedelta(days=days_ago), hour=15):
            _answers(page, code, texts, **options)
    remind(page, [MemberState.objects.get(code="FR")], by=office, today=today)


def _labour_market(index_fr, office, today):
    """Written in French at France's request, opened 4 days ago: its English version shows the
    French original until the Office translates it. Belgium answered in French, Switzerland is
    drafting."""
    title, background, questions = LABOUR_MARKET
    opened = today - timedelta(days=4)
    with back_then(opened):
        page = _request(
            index_fr,
            office,
            title=title,
            slug="acces-au-marche-du-travail",
            deadline=_deadline(today + timedelta(days=30)),
            background=background,
            questions=questions,
            requester_state=MemberState.objects.get(code="FR"),
        )
    with back_then(today - timedelta(days=2), hour=15):
        _answers(
            page,
            "BE",
            [
                "Dès l'octroi de la protection, sans autorisation de travail.",
                "Oui, par la Communauté française ou la Communauté flamande.",
                "Oui, par les services régionaux de l'emploi.",
            ],
            language="fr",
        )
    with back_then(today - timedelta(days=1), hour=15):
        _answers(
            page,
            "CH",
            ["Immédiatement.", "Par le SEFRI.", ""],
            status="draft",
            language="fr",
        )


def _proposal(index, today):
    """Italy's proposal, written yesterday, waiting for the Office to publish it."""
    User = get_user_model()
    proposal = InformationRequestPage(
        title="Language courses for adult migrants",
        slug="language-courses-for-adult-migrants",
        deadline=today + timedelta(days=45),
        requester_state=MemberState.objects.get(code="IT"),
        proposed_by=User.objects.get(username="corr-it"),
        live=False,
    )
    proposal.questions.add(
        RequestQuestion(text="Are language courses free for adult migrants?", sort_order=0)
    )
    with back_then(today - timedelta(days=1), hour=16):
        index.add_child(instance=proposal)
        proposal.save_revision(user=proposal.proposed_by)


def _request(index, office, *, title, slug, deadline, questions, background="", **fields):
    """Publish a request as the Office does: publishing opens it and tells every state, giving
    `deadline`, so it is set first."""
    page = InformationRequestPage(
        title=title,
        slug=slug,
        deadline=deadline,
        background=f"<p>{background}</p>" if background else "",
        **fields,
    )
    for order, text in enumerate(questions):
        page.questions.add(RequestQuestion(text=text, sort_order=order))
    index.add_child(instance=page)
    page.save_revision(user=office).publish(user=office)
    page.refresh_from_db()
    return page


def _answers(
    page,
    code,
    texts,
    status="submitted",
    late=False,
    entered_by=None,
    email_date=None,
    language="en",
):
    """A state's response, dated by the clock (`back_then`)."""
    state = MemberState.objects.get(code=code)
    profile = MemberProfile.objects.filter(member_state=state).first()
    author = entered_by or (profile.user if profile else None)
    response = StateResponse.objects.create(
        request=page,
        member_state=state,
        status=status,
        late=late,
        submitted_at=timezone.now() if status == "submitted" else None,
        version=1,
        updated_by=author,
        entered_by=entered_by,
        email_date=email_date,
    )
    for (_number, question), value in zip(page.numbered_questions(), texts, strict=True):
        text, marking = value if isinstance(value, tuple) else (value, Marking.NETWORK)
        Answer.objects.create(
            response=response,
            question=question,
            text=text or "",
            no_information=text is None,
            language=language,
            marking=marking,
        )
    ResponseRevision.objects.create(
        response=response,
        version=1,
        action=ResponseRevision.Action.ENTERED if entered_by else ACTIONS[status],
        author=author,
        answers=snapshot(response, page.numbered_questions()),
    )
