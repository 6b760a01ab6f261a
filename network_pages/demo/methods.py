"""The demo's working methods and objectives (§2, §4.10), from the network's founding text: both
adopted a little over a year ago and translated into French; the working methods revised three
months ago after Italy's suggestion on information requests (a second suggestion of Italy's, in
French, waits); the objectives revised after a written consultation of the Network that added the
exchange of good practices. Written once (safe to run again)."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail.blocks import StreamValue
from wagtail.models import Locale

from network_pages.accounts.models import MemberState
from network_pages.decisions.models import Decision
from network_pages.demo.clock import back_then
from network_pages.intranet.models import IntranetHomePage
from network_pages.intranet.versions import translate_strings
from network_pages.methods.models import ObjectivesPage, WorkingMethodsPage
from network_pages.methods.revisions import publish_revision
from network_pages.methods.suggestions import suggest

NBSP = "\u00a0"  # French typography: before : ; ? !

# (English, French) pairs: the page's title, slug and summary, then its body, block by block.
METHODS = {
    "title": ("Working methods", "Méthodes de travail"),
    "slug": ("working-methods", "methodes-de-travail"),
    "summary": (
        "How the network meets, communicates and works between its sessions, as defined by the "
        "SRSG.",
        "Comment le Réseau se réunit, communique et travaille entre ses sessions, tel que défini "
        "par le RSSG.",
    ),
}
METHODS_BODY = [
    ("heading", "1. The Network of Correspondents on Migration",
     "1. Réseau de correspondants sur les migrations"),
    ("paragraph", "1.1. The Network is composed of persons designated by the member states of the "
     "Council of Europe to represent them as correspondents.",
     "1.1. Le Réseau est composé de personnes désignées par les États membres du Conseil de "
     "l'Europe pour les représenter en tant que correspondants."),
    ("paragraph", "1.2. Experts and organisations that are not members of the Network may be "
     "invited to its meetings and thematic sessions for exchanges of views. Joint meetings with "
     "other networks and organisations may also be organised.",
     "1.2. Les experts et les organisations qui ne sont pas membres du Réseau peuvent être "
     "invités à ses réunions et séances thématiques aux fins d'échanges de vues. Des réunions "
     "conjointes avec d'autres réseaux et organisations peuvent aussi être organisées."),
    ("heading", "3. Communication and information sharing",
     "3. Communication et partage d'informations"),
    ("paragraph", "3.1. Correspondents communicate through a restricted-access website (the "
     "Network's intranet). The information on this site is not public.",
     "3.1. Les correspondants communiquent via un site web à accès restreint (le site intranet "
     "du Réseau). Les informations figurant sur ce site ne sont pas publiques."),
    ("paragraph", "3.3. Any information that the Network and the SRSG jointly decide to make "
     "public is made available to all on the SRSG's page after further internal processing in "
     "accordance with the precautionary principle.",
     "3.3. Toute information que le Réseau et le RSSG décident conjointement de rendre publique "
     "est mise à la disposition de tous sur la page du RSSG après traitement interne "
     "supplémentaire conformément au principe de précaution."),
    ("heading", "4. Working methods", "4. Méthodes de travail"),
    ("paragraph", "4.1. The Network meets at least once a year in closed-door plenary session. "
     "The session is convened by the SRSG. The convocation is sent to the correspondents with a "
     "draft agenda at least 30 working days before the opening of the plenary session.",
     "4.1. Le Réseau se réunit au moins une fois par an en session plénière à huis clos. La "
     "session est convoquée par le RSSG. La convocation est envoyée aux correspondants avec un "
     "projet d'ordre du jour, au moins 30 jours ouvrables avant l'ouverture de la session "
     "plénière."),
    ("paragraph", "4.4. The agenda of the sessions and thematic sessions is proposed by the SRSG "
     "on the basis of consultations with the Network and the priorities of the Council of Europe, "
     "and with the member states, which may submit suggestions for it.",
     "4.4. L'ordre du jour des sessions et des séances thématiques est proposé par le RSSG "
     "d'après les consultations menées avec le Réseau et les priorités du Conseil de l'Europe, "
     "et avec les États membres, qui peuvent présenter des suggestions pour l'ordre du jour."),
    ("paragraph", "4.6. Requests for information addressed to the Network are presented in one "
     "of the two official languages of the Council of Europe and take the form of concise, "
     "numbered questions. Answers are also written in one of the two official languages.",
     "4.6. Les demandes d'information adressées au Réseau sont présentées dans l'une des deux "
     "langues officielles du Conseil de l'Europe et prennent la forme de questions concises et "
     "numérotées. Les réponses sont aussi rédigées dans l'une des deux langues officielles."),
    ("paragraph", "4.9. The coordination and management of the Network are the responsibility "
     "of the SRSG and the SRSG's Office.",
     "4.9. La coordination et la gestion du Réseau relèvent du RSSG et de son Bureau."),
    ("paragraph", "4.10. On the basis of the monitoring of the network's activity and of the "
     "member states' suggestions, the SRSG may undertake revisions of the working methods.",
     "4.10. Sur la base du suivi de l'activité du réseau et des suggestions des États membres, "
     "le RSSG peut entreprendre des révisions des méthodes de travail."),
]  # fmt: skip
# Revision 2 of the working methods: 4.6 says when answers are due and when the Office reminds.
METHODS_4_6 = (
    METHODS_BODY[9][1],
    METHODS_BODY[9][1] + " Each request states the date by which answers are expected; one "
    "week before it, the Office reminds the correspondents of the states that have not answered.",
    METHODS_BODY[9][2] + " Chaque demande indique la date à laquelle les réponses sont "
    f"attendues{NBSP}; une semaine avant celle-ci, le Bureau adresse un rappel aux "
    "correspondants des États qui n'ont pas répondu.",
)

OBJECTIVES = {
    "title": ("Objectives of the Network", "Objectifs du Réseau"),
    "slug": ("objectives", "objectifs"),
    "summary": (
        "What the network sets out to achieve, and how its objectives are revised.",
        "Ce que le Réseau se propose d'atteindre, et comment ses objectifs sont révisés.",
    ),
}
OBJECTIVES_BODY = [
    ("paragraph", "2.1. The objectives of the Network are:",
     f"2.1. Le Réseau a pour objectifs{NBSP}:"),
    ("paragraph", "a. to facilitate the sharing of relevant information of mutual interest "
     "between correspondents, with a view to meeting human rights challenges in the field of "
     "migration;",
     "a. de faciliter le partage d'informations pertinentes et d'intérêt mutuel entre les "
     "correspondants visant à relever les défis des droits de l'homme dans le domaine de la "
     f"migration{NBSP};"),
    ("paragraph", "b. to facilitate the sharing of information on the relevant activities of the "
     "Council of Europe with the correspondents (and on the work of the intergovernmental "
     "committees on migration-related issues);",
     "b. de faciliter le partage d'informations sur les activités pertinentes du Conseil de "
     "l'Europe avec les correspondants (et les travaux des comités intergouvernementaux portant "
     f"sur des questions liées aux migrations){NBSP};"),
    ("paragraph", "c. to improve the exchange of information between the institutions or bodies "
     "competent for migration in the member states, so as to promote a better understanding of "
     "the current and emerging challenges they face.",
     "c. d'améliorer l'échange des informations entre les institutions ou organismes compétents "
     "en matière de migration au niveau des États membres, en vue de promouvoir une meilleure "
     "compréhension des défis actuels et émergents auxquels ils sont confrontés."),
    ("paragraph", "2.2. The objectives may be revised on the basis of consultations with the "
     "Network.",
     "2.2. Les objectifs pourront être révisés sur la base de consultations avec le Réseau."),
]  # fmt: skip
# Revision 2 of the objectives: c. no longer ends the list, and d. follows it.
OBJECTIVES_C = (
    OBJECTIVES_BODY[3][1],
    OBJECTIVES_BODY[3][1][:-1] + ";",
    OBJECTIVES_BODY[3][2][:-1] + f"{NBSP};",
)
OBJECTIVES_D = (
    "d. to exchange good practices on migration.",
    "d. d'échanger des bonnes pratiques en matière de migration.",
)

CONSULTATION = {
    "subject": "Consultation on a fourth objective: good practices",
    "how_asked": "E-mail from the SRSG's Office to every correspondent on the intranet, with "
    "the draft objectives attached, asking for comments or objections within four weeks.",
    "outcome": "No state objected; Greece, Italy and Portugal supported the new objective, "
    "Portugal proposing its wording, which was kept.",
}
SUGGESTIONS = [
    # language, text
    ("en", "Requests for information could state the date by which answers are expected, and "
     "the Office could remind the states that have not answered a week before it."),
    ("fr", "Les séances thématiques sans participants extérieurs pourraient se tenir en ligne, "
     "pour que davantage d'experts nationaux y assistent."),
]  # fmt: skip


def _blocks(body):
    return [
        (kind, english if kind == "heading" else f"<p>{english}</p>") for kind, english, _ in body
    ]


def _strings(fields, body):
    """{English: French} of the page's fields and body, as the Office translates them."""
    strings = dict(fields.values())
    strings.update({english: french for _kind, english, french in body})
    return strings


def _draft(page, body, office):
    """The Office saves the text's first draft in the admin."""
    page.body = _blocks(body)
    page.save_revision(user=office)


def _redraft(page, office, *, replace=None, insert_after=None):
    """The Office edits the text in the admin: `replace` {old: new} paragraphs, `insert_after`
    {paragraph: new one after it}. The blocks keep their ids, as in the editor, and with them the
    French translations of those it did not change (wagtail-localize keys them by block)."""
    replace, insert_after = replace or {}, insert_after or {}
    blocks = []
    for block in page.body:
        text = block.value if block.block_type == "heading" else block.value.source[3:-4]
        new = replace.get(text, text)
        value = new if block.block_type == "heading" else f"<p>{new}</p>"
        blocks.append((block.block_type, value, block.id))
        if text in insert_after:
            blocks.append(("paragraph", f"<p>{insert_after[text]}</p>"))
    page.body = StreamValue(page.body.stream_block, blocks)
    page.save_revision(user=office)


def _adopt(model, fields, body, office, srsg):
    """The Office writes the text's first draft; the SRSG publishes it as revision 1; the Office
    translates its French version."""
    page = model(
        title=fields["title"][0], slug=fields["slug"][0], summary=fields["summary"][0], live=False
    )
    IntranetHomePage.objects.get(locale__language_code="en").add_child(instance=page)
    _draft(page, body, office)
    publish_revision(page, {"summary": "The text as first adopted."}, by=srsg)
    page = model.objects.get(pk=page.pk)
    translate_strings(page, Locale.objects.get(language_code="fr"), _strings(fields, body))
    return page


def seed_methods(today):
    if WorkingMethodsPage.objects.filter(locale__language_code="en").exists():
        return
    User = get_user_model()
    office, srsg = User.objects.get(username="office"), User.objects.get(username="srsg")
    with back_then(today - timedelta(days=420)):
        methods = _adopt(WorkingMethodsPage, METHODS, METHODS_BODY, office, srsg)
        objectives = _adopt(ObjectivesPage, OBJECTIVES, OBJECTIVES_BODY, office, srsg)
    _revise_the_working_methods(methods, today, office, srsg)
    _revise_the_objectives(objectives, today, office, srsg)


def _revise_the_working_methods(methods, today, office, srsg):
    italy = MemberState.objects.get(code="IT")
    correspondent = get_user_model().objects.get(username="corr-it")
    found = []
    for days, (language, text) in zip((150, 12), SUGGESTIONS, strict=True):
        with back_then(today - timedelta(days=days)):
            found.append(
                suggest(methods, text=text, language=language, member_state=italy, by=correspondent)
            )
    with back_then(today - timedelta(days=95)):
        _redraft(methods, office, replace={METHODS_4_6[0]: METHODS_4_6[1]})
    with back_then(today - timedelta(days=90)):
        publish_revision(
            methods,
            {
                "summary": "Requests for information state when answers are due, and the Office "
                "reminds the states that have not answered a week before (4.6).",
                "basis": "suggestions",
                "details": "Italy's suggestion, which several states supported at the last "
                "plenary session.",
                "suggestions": found[:1],
            },
            by=srsg,
        )
        methods = WorkingMethodsPage.objects.get(pk=methods.pk)
        translate_strings(
            methods, Locale.objects.get(language_code="fr"), {METHODS_4_6[1]: METHODS_4_6[2]}
        )


def _revise_the_objectives(objectives, today, office, srsg):
    with back_then(today - timedelta(days=45)):
        consultation = Decision.objects.create(
            kind=Decision.Kind.OBJECTIVES,
            means=Decision.Means.WRITTEN,
            consulted_from=today - timedelta(days=75),
            consulted_until=today - timedelta(days=47),
            decided_on=today - timedelta(days=45),
            language="en",
            recorded_by=office,
            recorded_at=timezone.now(),
            **CONSULTATION,
        )
    with back_then(today - timedelta(days=42)):
        _redraft(
            objectives,
            office,
            replace={OBJECTIVES_C[0]: OBJECTIVES_C[1]},
            insert_after={OBJECTIVES_C[0]: OBJECTIVES_D[0]},
        )
    with back_then(today - timedelta(days=40)):
        publish_revision(
            objectives,
            {
                "summary": "A fourth objective: exchanging good practices on migration (2.1.d).",
                "consultation": consultation,
            },
            by=srsg,
        )
        objectives = ObjectivesPage.objects.get(pk=objectives.pk)
        translate_strings(
            objectives,
            Locale.objects.get(language_code="fr"),
            {OBJECTIVES_C[1]: OBJECTIVES_C[2], OBJECTIVES_D[0]: OBJECTIVES_D[1]},
        )
