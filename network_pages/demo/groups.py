"""The demo's thematic groups and rapporteurs (R16, §4.8).

Two groups, each set up by a decision the Office recorded: guardianship of unaccompanied children
(decided at the last plenary; France and Spain joined; notes in French and English, and Spain's
draft questionnaire as a document) and integration at local level (decided by written
consultation; Germany and the Netherlands joined, and the Network designated Germany's
correspondent as its rapporteur: his first findings are a report in the workspace, which he may
propose to the whole network). Ukraine's correspondent is the rapporteur on returns, a theme
without a group; Italy's is in no group. Written once: a group whose title exists is left alone
(safe to run again)."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils.text import slugify

from wagtail.models import Locale

from network_pages.decisions.models import Decision
from network_pages.demo.clock import back_then
from network_pages.demo.practices import _upload
from network_pages.groups import membership, workspace
from network_pages.groups.models import GroupIndexPage, Rapporteur, ThematicGroupPage
from network_pages.intranet.versions import translate_strings
from network_pages.practices.models import Theme
from network_pages.sessions.models import PlenarySessionPage

NBSP = "\u00a0"  # French typography: before : ; ? ! and inside « »

GUARDIANSHIP = {
    "title": (
        "Guardianship of unaccompanied children",
        "Tutelle des enfants non accompagnés",
    ),
    "theme": "Children",
    "mandate": (
        "<p>Compare how member states appoint and train guardians for unaccompanied and separated "
        "children, how quickly a guardian is appointed after arrival, and what happens when a "
        "child turns eighteen. The group reports to the plenary with a short comparative note "
        "and examples of good practice.</p>",
        "<p>Comparer la manière dont les États membres désignent et forment les tuteurs des "
        "enfants non accompagnés et séparés, le délai de désignation après l'arrivée, et ce qui "
        "se passe à la majorité de l'enfant. Le groupe rend compte à la plénière par une courte "
        "note comparative et des exemples de bonnes pratiques.</p>",
    ),
    "members": ["corr-fr", "corr-es"],
    "days": 40,
    "items": [
        {
            "by": "corr-fr",
            "days": 30,
            "kind": "note",
            "language": "fr",
            "title": "Compte rendu de la première réunion en ligne",
            "body": (
                f"Participants{NBSP}: France, Espagne, Bureau de la Représentante spéciale.\n\n"
                "Nous avons arrêté le plan de la note comparative et convenu d'envoyer un court "
                "questionnaire aux membres du réseau. L'Espagne en prépare le projet.\n\n"
                f"Prochaine réunion{NBSP}: dans trois semaines."
            ),
        },
        {
            "by": "corr-es",
            "days": 18,
            "kind": "draft",
            "language": "en",
            "title": "Draft questionnaire on guardianship",
            "body": (
                "Here is the draft questionnaire we agreed on: six questions on the appointment, "
                "training and caseload of guardians. Comments welcome before the end of the "
                "month."
            ),
            "document": (
                "draft-questionnaire.pdf",
                [
                    "Draft questionnaire on guardianship",
                    "1. Who appoints a guardian, and within how many days of arrival?",
                    "2. What training do guardians receive?",
                    "3. How many children does one guardian follow?",
                ],
            ),
        },
    ],
}

INTEGRATION = {
    "title": ("Integration at local level", "Intégration au niveau local"),
    "theme": "Integration",
    "mandate": (
        "<p>Collect the strategies by which regions and cities welcome and include migrants, "
        "and the support national authorities give them; prepare, through its rapporteur, a "
        "report for the whole network.</p>",
        "<p>Recenser les stratégies par lesquelles les régions et les villes accueillent et "
        "intègrent les migrants, et le soutien que leur apportent les autorités nationales"
        f"{NBSP}; préparer, par son rapporteur, un rapport pour l'ensemble du réseau.</p>",
    ),
    "members": ["corr-de", "corr-nl"],
    "rapporteur": "corr-de",
    "days": 70,
    "items": [
        {
            "by": "office",
            "days": 60,
            "kind": "note",
            "language": "en",
            "title": "Terms of reference and timetable",
            "body": (
                "The group meets online every six weeks. The rapporteur circulates the first "
                "findings within two months and a draft report before the next plenary."
            ),
        },
        {
            "by": "corr-de",
            "days": 6,
            "kind": "report",
            "language": "en",
            "title": "Local integration strategies: first findings",
            "body": (
                "Eleven member states answered our call. Most regions now have a written "
                "integration strategy, usually with language courses, mentoring and a single "
                "point of contact for newcomers.\n\n"
                "Cities ask above all for stable funding and for data shared by the national "
                "authorities. The full report will propose three recommendations to the network."
            ),
        },
    ],
}

THEME_RAPPORTEUR = {"user": "corr-ua", "theme": "Return", "days": 55}

GROUP_DECIDED = "Thematic group on “{title}” set up"
WRITTEN_CONSULTATION = (
    "E-mail to every correspondent with the draft mandate; no objection within two weeks."
)


def seed_groups(today):
    people = {user.username: user for user in get_user_model().objects.all()}
    office = people["office"]
    index = GroupIndexPage.objects.get(locale__language_code="en")
    last_plenary = (
        PlenarySessionPage.objects.filter(starts_on__lt=today, locale__language_code="en")
        .order_by("-starts_on")
        .first()
    )
    for spec, session in ((GUARDIANSHIP, last_plenary), (INTEGRATION, None)):
        title = spec["title"][0]
        if ThematicGroupPage.objects.filter(title=title).exists():
            continue
        group = _set_up(index, spec, session, today, office)
        for username in spec["members"]:
            with back_then(today - timedelta(days=spec["days"] - 1)):
                membership.join(group, people[username])
        if spec.get("rapporteur"):
            _designate(people[spec["rapporteur"]], today, spec["days"] - 5, office, group=group)
        for item in spec["items"]:
            _write(group, item, people[item["by"]], today)
    rapporteur = THEME_RAPPORTEUR
    user = people[rapporteur["user"]]
    if not Rapporteur.objects.filter(user=user).exists():
        theme = Theme.objects.get(name_en=rapporteur["theme"])
        _designate(user, today, rapporteur["days"], office, theme=theme)


def _decision(kind, subject, day, office, *, session=None):
    fields = {"means": Decision.Means.SESSION, "session": session}
    if session is None:
        fields = {
            "means": Decision.Means.WRITTEN,
            "consulted_from": day - timedelta(days=16),
            "consulted_until": day - timedelta(days=2),
            "how_asked": WRITTEN_CONSULTATION,
        }
    decision = Decision(
        kind=kind,
        subject=subject,
        outcome="Agreed without objection.",
        decided_on=day,
        language="en",
        recorded_by=office,
        **fields,
    )
    decision.full_clean()
    decision.save()
    return decision


def _set_up(index, spec, session, today, office):
    """The Office records the Network's decision and creates the group's page, then translates
    its title and mandate."""
    (title, title_fr), (mandate, mandate_fr) = spec["title"], spec["mandate"]
    day = session.starts_on if session is not None else today - timedelta(days=spec["days"] + 2)
    with back_then(today - timedelta(days=spec["days"])):
        decision = _decision(
            Decision.Kind.GROUP, GROUP_DECIDED.format(title=title), day, office, session=session
        )
        page = ThematicGroupPage(
            title=title,
            theme=Theme.objects.get(name_en=spec["theme"]),
            decision=decision,
            mandate=mandate,
        )
        index.add_child(instance=page)
        page.save_revision(user=office).publish(user=office)
        page = ThematicGroupPage.objects.get(pk=page.pk)
        strings = {
            title: title_fr,
            page.slug: slugify(title_fr),
            _paragraph(mandate): _paragraph(mandate_fr),
        }
        translate_strings(page, Locale.objects.get(language_code="fr"), strings, user=office)
    return ThematicGroupPage.objects.get(pk=page.pk)


def _paragraph(html):
    """A rich text's paragraph as wagtail-localize keeps it in a string."""
    return html.removeprefix("<p>").removesuffix("</p>")


def _designate(user, today, days, office, *, group=None, theme=None):
    """The correspondent volunteers; a week later the Network designates them."""
    with back_then(today - timedelta(days=days + 7)):
        rapporteur = membership.volunteer(user, theme, group=group)
    with back_then(today - timedelta(days=days)):
        subject = f"{user.get_full_name()} designated rapporteur on {rapporteur.theme.name_en}"
        decision = _decision(
            Decision.Kind.RAPPORTEUR, subject, today - timedelta(days=days), office
        )
        rapporteur.decision = decision
        rapporteur.status = Rapporteur.Status.DESIGNATED
        rapporteur.designated_by = office
        rapporteur.save()
        membership.designated(rapporteur, by=office)


def _write(group, item, author, today):
    upload = _upload(*item["document"]) if item.get("document") else None
    data = {key: item[key] for key in ("title", "kind", "language", "body")}
    with back_then(today - timedelta(days=item["days"]), hour=15):
        workspace.write(membership.workspace_of(group), data, upload, by=author)
