"""The demo's Council of Europe activities (R5, §2.1b), published by the Office over the last five
months: news of five Council of Europe bodies working on migration (the CDDH, the CDENF, the
CDADI, GRETA and the Parliamentary Assembly's migration committee) and of the Special
Representative's visit to the Republic of Moldova, which no committee held. Three are written in
English and three in French; the Office translated three of them (the CDDH's, the CDENF's and the
visit), the others show in the other language's tree as not yet translated.

The committees are found or added by their English name; each activity is written once: one whose
title exists is left alone (safe to run again). Their web addresses are left empty."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils.text import slugify

from wagtail.models import Locale
from wagtail.rich_text import RichText

from network_pages.activities.models import ActivityIndexPage, ActivityUpdatePage, Committee
from network_pages.demo.clock import back_then
from network_pages.intranet.versions import translate_strings
from network_pages.sessions.working_days import Calendar

NBSP = "\u00a0"  # French typography: before : ; ? ! and after n°

CDDH = "Steering Committee for Human Rights"
CDENF = "Steering Committee for the Rights of the Child"
CDADI = "Steering Committee on Anti-discrimination, Diversity and Inclusion"
GRETA = "Group of Experts on Action against Trafficking in Human Beings"
PACE = "Parliamentary Assembly's Committee on Migration, Refugees and Displaced Persons"

# acronym, name in English, name in French
COMMITTEES = [
    ("CDDH", CDDH, "Comité directeur pour les droits humains"),
    ("CDENF", CDENF, "Comité directeur pour les droits de l'enfant"),
    ("CDADI", CDADI, "Comité directeur sur l'anti-discrimination, la diversité et l'inclusion"),
    ("GRETA", GRETA, "Groupe d'experts sur la lutte contre la traite des êtres humains"),
    (
        "",
        PACE,
        "Commission des migrations, des réfugiés et des personnes déplacées de l'Assemblée "
        "parlementaire",
    ),
]

# Each activity as the Office writes it: its texts as (original, translation) when the Office
# translates it `translated` days ago, else the original alone; held `held` days ago (the working
# day on or before), published `days` ago (likewise).
ACTIVITIES = [
    {
        "language": "en",
        "committee": CDDH,
        "held": 146,
        "days": 143,
        "translated": 138,
        "title": (
            "CDDH adopts a report on alternatives to immigration detention",
            "Le CDDH adopte un rapport sur les alternatives à la rétention des migrants",
        ),
        "summary": (
            "At its plenary meeting in Strasbourg, the Steering Committee for Human Rights "
            "adopted a report on how member states apply its practical guidance on alternatives "
            "to immigration detention, with examples of case management, reporting duties and "
            "accommodation in the community.",
            "Réuni en session plénière à Strasbourg, le Comité directeur pour les droits humains "
            "a adopté un rapport sur la mise en œuvre par les États membres de son guide "
            "pratique sur les alternatives à la rétention administrative des migrants, illustré "
            "d'exemples d'accompagnement individuel, d'obligations de présentation et "
            "d'hébergement dans la communauté.",
        ),
        "body": [
            (
                "The report draws on member states' replies to a questionnaire and on exchanges "
                "with civil society organisations and UNHCR. It finds that most member states now "
                "provide for several alternatives to detention in their law, but that these are "
                "often considered only once a person has been detained, and that the individual "
                "assessment of necessity and proportionality is not always recorded.",
                "Le rapport s'appuie sur les réponses des États membres à un questionnaire et sur "
                "des échanges avec des organisations de la société civile et le HCR. Il constate "
                "que la plupart des États membres prévoient désormais plusieurs alternatives à "
                "la rétention dans leur droit, mais qu'elles ne sont souvent envisagées qu'une "
                "fois la personne placée en rétention, et que l'examen individuel de la nécessité "
                "et de la proportionnalité n'est pas toujours consigné.",
            ),
            (
                "The CDDH invites member states to consider alternatives before any decision on "
                "detention, to rely on case management from the start of the procedure and to "
                "give priority to alternatives for children and families. The report goes to the "
                "Committee of Ministers; the Office will present it at the network's next "
                "plenary session.",
                "Le CDDH invite les États membres à envisager les alternatives avant toute "
                "décision de placement en rétention, à recourir à l'accompagnement individuel dès "
                "le début de la procédure et à privilégier les alternatives pour les enfants et "
                f"les familles. Le rapport est transmis au Comité des Ministres{NBSP}; le Bureau "
                "le présentera lors de la prochaine session plénière du réseau.",
            ),
        ],
    },
    {
        "language": "fr",
        "committee": CDENF,
        "held": 109,
        "days": 105,
        "translated": 100,
        "title": (
            "Le CDENF fait le point sur l'évaluation de l'âge et la tutelle des enfants migrants",
            "CDENF takes stock of age assessment and guardianship for migrant children",
        ),
        "summary": (
            "Le Comité directeur pour les droits de l'enfant a consacré une partie de sa réunion "
            "plénière à la mise en œuvre des recommandations du Comité des Ministres sur la "
            "tutelle des enfants non accompagnés et sur l'évaluation de l'âge dans le contexte "
            "de la migration.",
            "The Steering Committee for the Rights of the Child devoted part of its plenary "
            "meeting to the implementation of the Committee of Ministers' recommendations on "
            "guardianship for unaccompanied children and on age assessment in the context of "
            "migration.",
        ),
        "body": [
            (
                "Plusieurs délégations ont présenté les réformes engagées depuis l'adoption de la "
                "Recommandation CM/Rec(2019)11 sur la tutelle effective des enfants non "
                "accompagnés et séparés dans le contexte de la migration et de la Recommandation "
                "CM/Rec(2022)22 sur l'évaluation de l'âge dans le contexte de la migration. La "
                "désignation rapide d'un tuteur et le recours, en dernier ressort seulement, à "
                "une évaluation pluridisciplinaire reviennent dans la plupart des interventions.",
                "Several delegations presented the reforms under way since the adoption of "
                "Recommendation CM/Rec(2019)11 on effective guardianship for unaccompanied and "
                "separated children in the context of migration and of Recommendation "
                "CM/Rec(2022)22 on age assessment in the context of migration. The prompt "
                "appointment of a guardian, and a multidisciplinary assessment used only as a "
                "last resort, came up in most contributions.",
            ),
            (
                "Le comité a décidé de réunir, avec le Bureau de la Représentante spéciale, des "
                "exemples de pratiques prometteuses sur l'information des enfants au cours de "
                "l'évaluation de l'âge et sur la formation des tuteurs. Les correspondants du "
                "réseau seront invités à y contribuer par une demande d'information.",
                "The committee decided to gather, with the Special Representative's Office, "
                "examples of promising practices on informing children during age assessment "
                "and on training guardians. The network's correspondents will be asked to "
                "contribute through a request for information.",
            ),
        ],
    },
    {
        "language": "en",
        "committee": GRETA,
        "held": 82,
        "days": 78,
        "title": "GRETA report on identifying victims of trafficking among asylum seekers",
        "summary": (
            "The Group of Experts on Action against Trafficking in Human Beings published a "
            "thematic report on how the Parties to the Convention identify and protect victims "
            "of trafficking among asylum seekers and refugees, drawing on its country "
            "evaluations."
        ),
        "body": [
            "GRETA notes that asylum procedures and the identification of victims of trafficking "
            "too often run separately: the staff who register and interview asylum seekers are "
            "not always trained to recognise indicators of trafficking, and presumed victims in "
            "accelerated or border procedures may be removed before they are identified.",
            "It recalls its 2020 guidance note on the entitlement of victims of trafficking, and "
            "persons at risk of being trafficked, to international protection, and calls on "
            "Parties to refer presumed victims to the national referral mechanism without "
            "waiting for the outcome of the asylum procedure, and to grant them the recovery and "
            "reflection period that the Convention provides for.",
        ],
    },
    {
        "language": "en",
        "committee": PACE,
        "held": 52,
        "days": 50,
        "title": "Parliamentary Assembly hearing on unaccompanied children who go missing",
        "summary": (
            "The Parliamentary Assembly's Committee on Migration, Refugees and Displaced Persons "
            "held a hearing with experts from UNICEF, a national ombudsperson's office and a "
            "non-governmental organisation, for a report in preparation on unaccompanied "
            "children who go missing from reception facilities."
        ),
        "body": [
            "The experts described how children disappear, often within days of their arrival, "
            "when they are accommodated in large centres without a guardian or fear being "
            "transferred or returned. Several members of the committee stressed that the "
            "disappearance of a migrant child must be reported and investigated as that of any "
            "other child, whatever the child's residence status.",
            "The rapporteur intends to visit two member states before presenting a draft "
            "resolution to the committee. The Special Representative's Office took part in the "
            "hearing and shared what the network's exchanges on guardianship have shown.",
        ],
    },
    {
        "language": "fr",
        "committee": CDADI,
        "held": 27,
        "days": 24,
        "title": "Le CDADI adopte des orientations sur l'intégration des migrants au niveau local",
        "summary": (
            "Le Comité directeur sur l'anti-discrimination, la diversité et l'inclusion a adopté "
            "des orientations à l'intention des autorités locales et régionales sur "
            "l'intégration interculturelle des migrants, dans le prolongement de la "
            "Recommandation CM/Rec(2022)10 sur les politiques et la gouvernance multiniveaux en "
            "matière d'intégration interculturelle."
        ),
        "body": [
            "Le document s'appuie sur l'expérience des villes du programme Cités "
            "interculturelles. Il recommande de coordonner l'action des services municipaux "
            "(accueil, logement, emploi, école) autour d'un interlocuteur unique, d'associer les "
            "associations de migrants à la conception des politiques locales et d'en mesurer "
            "régulièrement les résultats.",
            "Le CDADI invite les États membres à diffuser ces orientations auprès des "
            "collectivités territoriales et à veiller à ce que les villes disposent des "
            "compétences et des moyens nécessaires pour les appliquer. Plusieurs correspondants "
            "du réseau ont déjà signalé des expériences locales comparables.",
        ],
    },
    {
        "language": "fr",
        "committee": None,
        "held": 11,
        "days": 8,
        "translated": 6,
        "title": (
            "Visite de la Représentante spéciale en République de Moldova",
            "The Special Representative's visit to the Republic of Moldova",
        ),
        "summary": (
            "La Représentante spéciale du Secrétaire Général sur les migrations et les réfugiés, "
            "Sofia Reyes, s'est rendue en République de Moldova pour faire le point sur l'accueil "
            "des personnes ayant fui la guerre en Ukraine et sur le soutien que le Conseil de "
            "l'Europe peut apporter aux autorités.",
            "The Secretary General's Special Representative on Migration and Refugees, Sofia "
            "Reyes, visited the Republic of Moldova to take stock of the reception of people who "
            "fled the war in Ukraine and of the support the Council of Europe can give the "
            "authorities.",
        ),
        "body": [
            (
                "La Représentante spéciale a rencontré des représentants du ministère des Affaires "
                "intérieures et du ministère du Travail et de la Protection sociale, l'institution "
                "nationale des droits humains et des organisations de la société civile, et s'est "
                "rendue dans un centre d'hébergement temporaire à Chișinău. Les échanges ont porté "
                "sur l'accès des bénéficiaires de la protection temporaire à l'emploi, aux soins "
                "et à l'école.",
                "The Special Representative met representatives of the Ministry of Internal "
                "Affairs and of the Ministry of Labour and Social Protection, the national human "
                "rights institution and civil society organisations, and visited a temporary "
                "accommodation centre in Chișinău. The discussions covered access to work, health "
                "care and school for the beneficiaries of temporary protection.",
            ),
            (
                "Elle a salué l'effort d'un pays qui accueille, au regard de sa population, l'un "
                "des plus grands nombres de réfugiés d'Europe. Un rapport de visite sera publié "
                f"dans les prochains mois{NBSP}; il proposera des activités de coopération, "
                "notamment la formation des agents chargés de l'enregistrement et de "
                "l'orientation des personnes vulnérables.",
                "She commended the efforts of a country that hosts, relative to its population, "
                "one of the largest numbers of refugees in Europe. A visit report will be "
                "published in the coming months; it will propose cooperation activities, among "
                "them training for the officials who register people and refer those in "
                "vulnerable situations.",
            ),
        ],
    },
]


def seed_activities(today):
    for acronym, name_en, name_fr in COMMITTEES:
        Committee.objects.get_or_create(
            name_en=name_en, defaults={"acronym": acronym, "name_fr": name_fr}
        )
    office = get_user_model().objects.get(username="office")
    calendar = Calendar(today - timedelta(days=400), today)
    for activity in ACTIVITIES:
        title = _texts(activity["title"])[0]
        if ActivityUpdatePage.objects.filter(title=title).exists():
            continue
        page = _publish(activity, today, calendar, office)
        if activity.get("translated"):
            _translate(page, activity, today, office)


def _texts(value):
    """(original, translation) of a text, the translation None when there is none."""
    return value if isinstance(value, tuple) else (value, None)


def _working_day(calendar, today, days):
    """The working day in Strasbourg `days` ago, or the last one before it."""
    day = today - timedelta(days=days)
    while not calendar.is_working_day(day):
        day -= timedelta(days=1)
    return day


def _publish(activity, today, calendar, office):
    """The Office writes the activity in the admin, in the tree of its language, and publishes it
    (its version in the other language follows)."""
    index = ActivityIndexPage.objects.get(locale__language_code=activity["language"])
    committee = activity["committee"]
    page = ActivityUpdatePage(
        title=_texts(activity["title"])[0],
        committee=Committee.objects.get(name_en=committee) if committee else None,
        held_on=_working_day(calendar, today, activity["held"]),
        summary=_texts(activity["summary"])[0],
        body=[
            ("paragraph", RichText(f"<p>{_escape(_texts(paragraph)[0])}</p>"))
            for paragraph in activity["body"]
        ],
    )
    with back_then(_working_day(calendar, today, activity["days"])):
        index.add_child(instance=page)
        page.save_revision(user=office).publish(user=office)
    return page


def _translate(page, activity, today, office):
    """The Office translates every string of the activity in wagtail-localize's editor."""
    page = ActivityUpdatePage.objects.get(pk=page.pk)
    other = "fr" if activity["language"] == "en" else "en"
    strings = {page.slug: slugify(_texts(activity["title"])[1])}
    for text in [activity["title"], activity["summary"], *activity["body"]]:
        original, translation = _texts(text)
        strings[_escape(original)] = _escape(translation)
    with back_then(today - timedelta(days=activity["translated"])):
        translate_strings(page, Locale.objects.get(language_code=other), strings, user=office)


def _escape(text):
    """A text as HTML and as wagtail-localize keeps it in a string."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
