"""The demo's good practices (R15, §2.1d, §4.7), spread over the last eleven months: three the
Office wrote (one in French), six contributed by France, Germany and Italy through the real flow
(written, submitted, accepted by the Office), some written in English and some in French, five of
them translated by the Office; Germany's guardianship practice may be shared within national
administrations, Italy's age assessment is marked "SRSG Office only", Germany's vulnerability
screening is disseminated to the Office only. Two contributions are still moving: France's on
house arrest, sent back for changes with the Office's comment, and Italy's on humanitarian
corridors, awaiting the Office since the day before yesterday.

Each practice is written once: one whose title exists is left alone (safe to run again)."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.text import slugify

from wagtail.models import Locale
from wagtail.rich_text import RichText

from network_pages.accounts.models import MemberState
from network_pages.core.markings import Marking
from network_pages.demo.clock import back_then
from network_pages.files.uploads import validate_upload
from network_pages.intranet.versions import translate_strings
from network_pages.practices import contributions
from network_pages.practices.models import (
    BestPracticePage,
    Dissemination,
    PracticeIndexPage,
    Theme,
)

NBSP = "\u00a0"  # French typography: before : ; ? ! and after n°

# The themes the migration made, and two more the Office added.
THEMES = [
    ("Trafficking in human beings", "Traite des êtres humains"),
    ("Access to rights", "Accès aux droits"),
]

GUARDIANSHIP_PDF = [
    "Unaccompanied children: the first days (Germany)",
    "",
    "Day 1: the youth welfare office of the place where the child is found",
    "takes the child into provisional care and finds a safe place to stay.",
    "Days 1-7: first assessment of age, health and needs; search for relatives;",
    "decision on distribution to another Land, only where the child's",
    "well-being allows it.",
    "Without delay: the family court appoints a guardian.",
    "Then: care planning with the child, school, and the decision, taken with",
    "the guardian, on an asylum application or another residence status.",
]
AVR_CHECKLIST = """\
Assisted voluntary return: checklist for the first counselling meeting (Italy)

1. Explain that return is voluntary and that the person may change their mind until departure.
2. Explain the other options: the asylum procedure, other residence permits, appeals pending.
3. Check identity and travel documents; contact the consulate only with written consent.
4. Ask about health needs and family members travelling together.
5. Start the reintegration plan: skills, plans, contacts in the country of origin.
6. Agree on the date of the next meeting; nobody decides at the first one.
"""

# Each practice as first written: its texts as (original, translation), the translation None
# until the Office translates them; `by` writes it (the Office, or a correspondent for `state`)
# `days` ago; a contribution is reviewed `review` = (days ago, decision, comment) and translated
# `translated` days ago.
PRACTICES = [
    {
        "by": "office",
        "language": "en",
        "days": 330,
        "translated": 325,
        "title": (
            "Statelessness determination procedures",
            "Procédures de détermination de l'apatridie",
        ),
        "summary": (
            "A dedicated procedure lets stateless persons be recognised as such and enjoy the "
            "protection of the 1954 Convention. The Office compares how several member states "
            "organise it: who decides, the burden and standard of proof, and the rights that "
            "recognition brings.",
            "Une procédure dédiée permet aux personnes apatrides d'être reconnues comme telles "
            "et de bénéficier de la protection de la Convention de 1954. Le Bureau compare son "
            f"organisation dans plusieurs États membres{NBSP}: autorité compétente, charge et "
            "niveau de la preuve, droits attachés à la reconnaissance.",
        ),
        "body": [
            (
                "Without a procedure to determine statelessness, a stateless person cannot claim "
                "the rights that the Convention relating to the Status of Stateless Persons "
                "grants, and may be held for removal to a country that will not admit them. "
                "France, Italy and Spain have had such procedures for many years; several other "
                "member states have introduced one more recently.",
                "Sans procédure de détermination de l'apatridie, une personne apatride ne peut "
                "faire valoir les droits que lui reconnaît la Convention relative au statut des "
                "apatrides, et peut être retenue en vue d'un éloignement vers un pays qui ne "
                "l'admettra pas. La France, l'Italie et l'Espagne disposent de telles procédures "
                f"depuis de nombreuses années{NBSP}; plusieurs autres États membres en ont "
                "introduit une plus récemment.",
            ),
            (
                "The procedures that work best have a few features in common: anyone on the "
                "territory may apply, whatever their residence status; the burden of proof is "
                "shared between the applicant and the authority, which consults the states "
                "concerned; the applicant is interviewed and may be assisted; and recognition "
                "leads to a residence permit and a travel document.",
                f"Les procédures les plus efficaces ont quelques traits communs{NBSP}: toute "
                "personne présente sur le territoire peut déposer une demande, quelle que soit "
                f"sa situation administrative{NBSP}; la charge de la preuve est partagée entre "
                f"le demandeur et l'autorité, qui consulte les États concernés{NBSP}; le "
                f"demandeur est entendu et peut être assisté{NBSP}; la reconnaissance ouvre "
                "droit à un titre de séjour et à un titre de voyage.",
            ),
        ],
        "sources": (
            "UNHCR, Handbook on Protection of Stateless Persons, 2014\n"
            "Convention relating to the Status of Stateless Persons, New York, 28 September 1954\n"
            "Recommendation CM/Rec(2009)13 of the Committee of Ministers on the nationality of "
            "children",
            "HCR, Manuel sur la protection des apatrides, 2014\n"
            "Convention relative au statut des apatrides, New York, 28 septembre 1954\n"
            "Recommandation CM/Rec(2009)13 du Comité des Ministres sur la nationalité des "
            "enfants",
        ),
        "themes": ["Statelessness", "Access to rights"],
        "states": ["FR", "IT", "ES"],
        "period": (2014, None),
    },
    {
        "by": "corr-de",
        "state": "DE",
        "language": "en",
        "days": 290,
        "review": (284, contributions.ACCEPT, ""),
        "translated": 280,
        "marking": Marking.NATIONAL,
        "attachment": ("unaccompanied-children-first-days.pdf", GUARDIANSHIP_PDF),
        "title": (
            "Provisional care and a guardian for every unaccompanied child",
            "Prise en charge provisoire et tuteur pour chaque enfant non accompagné",
        ),
        "summary": (
            "An unaccompanied child found in Germany is taken into provisional care by the local "
            "youth welfare office the same day, and the family court appoints a guardian. The "
            "youth welfare office, not the immigration authorities, decides where the child "
            "lives and assesses their needs.",
            "Un enfant non accompagné trouvé en Allemagne est pris en charge provisoirement le "
            "jour même par l'office local de protection de la jeunesse, et le tribunal aux "
            "affaires familiales lui désigne un tuteur. C'est l'office de protection de la "
            "jeunesse, et non l'administration des étrangers, qui décide de son lieu de vie et "
            "évalue ses besoins.",
        ),
        "body": [
            (
                "Since November 2015, the youth welfare office of the place where an "
                "unaccompanied child is found takes them into provisional care, assesses their "
                "age, health and needs, looks for relatives, and decides whether the child is "
                "distributed to another Land, which happens only where their well-being allows "
                "it.",
                "Depuis novembre 2015, l'office de protection de la jeunesse du lieu où un "
                "enfant non accompagné est trouvé le prend en charge provisoirement, évalue son "
                "âge, son état de santé et ses besoins, recherche sa famille et décide de sa "
                "répartition vers un autre Land, qui n'a lieu que si son bien-être le permet.",
            ),
            (
                "The family court appoints a guardian without delay. The guardian decides, with "
                "the child, whether to apply for asylum or for another residence status; children "
                "are no longer accommodated in initial reception centres for adults.",
                "Le tribunal aux affaires familiales désigne un tuteur sans délai. Le tuteur "
                "décide, avec l'enfant, de demander l'asile ou un autre droit au "
                f"séjour{NBSP}; les enfants ne sont plus hébergés dans les centres de premier "
                "accueil pour adultes.",
            ),
        ],
        "sources": (
            "Social Code, Book VIII (SGB VIII), sections 42 and 42a\n"
            "Act to improve the accommodation, care and support of foreign children and young "
            "people, 28 October 2015",
            "Code social, livre VIII (SGB VIII), articles 42 et 42a\n"
            "Loi visant à améliorer l'hébergement, la prise en charge et l'accompagnement des "
            "enfants et jeunes étrangers, 28 octobre 2015",
        ),
        "themes": ["Children", "Reception"],
        "states": ["DE"],
        "period": (2015, None),
    },
    {
        "by": "office",
        "language": "fr",
        "days": 240,
        "translated": 236,
        "title": (
            "Alternatives à la rétention fondées sur l'accompagnement individuel",
            "Alternatives to detention based on case management",
        ),
        "summary": (
            "Plusieurs États membres ont expérimenté des alternatives à la rétention reposant "
            "sur l'accompagnement individuel des personnes en procédure d'asile ou "
            "d'éloignement. Le Bureau en présente les éléments communs, d'après les travaux du "
            "Comité directeur pour les droits humains (CDDH).",
            "Several member states have piloted alternatives to detention based on the case "
            "management of people in asylum or return procedures. The Office sets out what "
            "they have in common, drawing on the work of the Steering Committee for Human "
            "Rights (CDDH).",
        ),
        "body": [
            (
                "Les projets pilotes menés notamment en Belgique, en Bulgarie, à Chypre et en "
                "Pologne associent un interlocuteur unique, une information complète sur la "
                "procédure et ses issues possibles, et un hébergement stable. Dans une large "
                "majorité des cas, les personnes accompagnées restent en contact avec les "
                "autorités jusqu'à la fin de la procédure.",
                "Pilot projects run in Belgium, Bulgaria, Cyprus and Poland, among others, "
                "combine a single case manager, full information on the procedure and its "
                "possible outcomes, and stable accommodation. In a large majority of cases, the "
                "people supported stay in contact with the authorities until the procedure ends.",
            ),
            (
                "L'accompagnement ne remplace pas l'examen individuel de la nécessité et de la "
                "proportionnalité de toute privation de liberté. Il est d'autant plus efficace "
                "qu'il commence tôt, avant toute décision de placement, et qu'il est confié à "
                "des travailleurs sociaux distincts des services chargés de l'éloignement.",
                "Case management does not replace the individual assessment of whether any "
                "deprivation of liberty is necessary and proportionate. It works best when it "
                "starts early, before any decision on detention, and when social workers "
                "separate from the services in charge of removal provide it.",
            ),
        ],
        "sources": (
            "Conseil de l'Europe, CDDH, Analyse des aspects juridiques et pratiques des "
            "alternatives effectives à la rétention dans le contexte des migrations, 2017\n"
            "Conseil de l'Europe, CDDH, Guide pratique sur les alternatives à la rétention "
            "administrative des migrants, 2019",
            "Council of Europe, CDDH, Analysis of the legal and practical aspects of effective "
            "alternatives to detention in the context of migration, 2017\n"
            "Council of Europe, CDDH, Practical guidance on alternatives to immigration "
            "detention: fostering effective results, 2019",
        ),
        "themes": ["Alternatives to detention", "Return"],
        "states": ["BE", "BG", "CY", "PL"],
        "period": (2017, None),
    },
    {
        "by": "corr-fr",
        "state": "FR",
        "language": "fr",
        "days": 200,
        "review": (195, contributions.ACCEPT, ""),
        "translated": 190,
        "title": (
            "Formation linguistique du contrat d'intégration républicaine",
            "Language training under the republican integration contract",
        ),
        "summary": (
            "Les étrangers admis au séjour qui signent le contrat d'intégration républicaine "
            "suivent, selon leur niveau, jusqu'à 600 heures de cours de français gratuits, "
            "pour atteindre les niveaux A1 puis A2 du Cadre européen commun de référence pour "
            "les langues.",
            "Foreign nationals admitted to residence who sign the republican integration "
            "contract take, depending on their level, up to 600 hours of free French classes, "
            "to reach levels A1 and then A2 of the Common European Framework of Reference for "
            "Languages.",
        ),
        "body": [
            (
                "Lors de l'accueil à l'Office français de l'immigration et de l'intégration "
                "(OFII), un test de positionnement oriente chaque signataire vers un parcours de "
                "100, 200, 400 ou 600 heures. Les cours sont assurés par des organismes retenus "
                "sur appel d'offres, près du domicile, en journée, le soir ou le samedi pour les "
                "personnes qui travaillent.",
                "When they are received at the French Office for Immigration and Integration "
                "(OFII), a placement test directs each signatory to a course of 100, 200, 400 "
                "or 600 hours. Classes are given by organisations selected by tender, near the "
                "person's home, during the day, in the evening or on Saturdays for those who "
                "work.",
            ),
            (
                "Depuis 2019, des solutions de garde d'enfants sont proposées pendant les cours "
                "et une partie de la formation peut être suivie en ligne. Une attestation est "
                f"délivrée en fin de parcours{NBSP}; l'assiduité est prise en compte pour la "
                "délivrance d'une carte de séjour pluriannuelle.",
                "Since 2019, childcare has been offered during classes and part of the training "
                "can be taken online. A certificate is issued at the end of the course; "
                "attendance is taken into account for the issue of a multi-year residence "
                "permit.",
            ),
        ],
        "sources": (
            f"Loi n°{NBSP}2016-274 du 7 mars 2016 relative au droit des étrangers en France\n"
            "Office français de l'immigration et de l'intégration, rapport d'activité annuel",
            "Law No. 2016-274 of 7 March 2016 on the rights of foreign nationals in France\n"
            "French Office for Immigration and Integration, annual activity report",
        ),
        "themes": ["Integration"],
        "states": ["FR"],
        "period": (2016, None),
    },
    {
        "by": "corr-it",
        "state": "IT",
        "language": "en",
        "days": 160,
        "review": (155, contributions.ACCEPT, ""),
        "marking": Marking.OFFICE,
        "title": "Multidisciplinary age assessment of unaccompanied children",
        "summary": (
            "Where there are well-founded doubts about the age a child declares and no document "
            "settles it, Italy assesses age through a multidisciplinary procedure, the least "
            "invasive means available, giving the child the benefit of the doubt."
        ),
        "body": [
            "The assessment is ordered by the public prosecutor at the juvenile court and "
            "carried out by a team of a paediatrician, a psychologist or child "
            "neuropsychiatrist and a cultural mediator, after the child has been told, in a "
            "language they understand, why it is done and what may follow.",
            "The result gives an age range with its margin of error. Where doubts remain, the "
            "child is presumed to be a minor, and keeps the protection of a minor while the "
            "decision is challenged.",
            "Italy shares this description with the SRSG Office only while its national "
            "guidelines are being revised.",
        ],
        "sources": (
            "Law No. 47 of 7 April 2017 on measures for the protection of unaccompanied foreign "
            "minors, Article 5\n"
            "Decree of the President of the Council of Ministers No. 234 of 10 November 2016"
        ),
        "themes": ["Children"],
        "states": ["IT"],
        "period": (2017, None),
    },
    {
        "by": "corr-it",
        "state": "IT",
        "language": "en",
        "days": 120,
        "review": (116, contributions.ACCEPT, "Thank you: a clear and useful description."),
        "translated": 112,
        "attachment": ("avr-first-meeting-checklist.txt", AVR_CHECKLIST),
        "title": (
            "Counselling for assisted voluntary return and reintegration",
            "Conseil en vue du retour volontaire aidé et de la réintégration",
        ),
        "summary": (
            "Trained counsellors in reception centres inform migrants who wish to go home about "
            "assisted voluntary return, and prepare with them a reintegration plan that a "
            "partner organisation follows up in the country of origin.",
            "Des conseillers formés, présents dans les centres d'accueil, informent les "
            "migrants qui souhaitent rentrer chez eux sur le retour volontaire aidé et "
            "préparent avec eux un projet de réintégration, suivi dans le pays d'origine par "
            "une organisation partenaire.",
        ),
        "body": [
            (
                "The counsellors hold regular information sessions in the centres, in the main "
                "languages of the residents, and meet those who are interested individually. "
                "Nobody is asked to decide at the first meeting: the counsellor makes sure that "
                "the choice is informed and voluntary, and that the person knows the other "
                "options open to them.",
                "Les conseillers tiennent des séances d'information régulières dans les "
                "centres, dans les principales langues des résidents, et reçoivent "
                "individuellement les personnes intéressées. Personne n'est invité à décider "
                f"lors du premier entretien{NBSP}: le conseiller s'assure que le choix est éclairé "
                "et volontaire, et que la personne connaît les autres possibilités qui "
                "s'offrent à elle.",
            ),
            (
                "The reintegration plan (a small business, training, housing) is funded in kind "
                "rather than in cash and followed up for up to a year after return. Departures "
                "are organised with the consular authorities and the implementing partners.",
                "Le projet de réintégration (petite entreprise, formation, logement) est financé "
                "en nature plutôt qu'en espèces et suivi pendant une année au plus après le "
                "retour. Les départs sont organisés avec les autorités consulaires et les "
                "partenaires chargés de la mise en œuvre.",
            ),
        ],
        "sources": (
            "Ministry of the Interior, Department for Civil Liberties and Immigration\n"
            "Asylum, Migration and Integration Fund 2021-2027, national programme of Italy",
            "Ministère de l'Intérieur, Département des libertés civiles et de l'immigration\n"
            "Fonds Asile, migration et intégration 2021-2027, programme national de l'Italie",
        ),
        "themes": ["Return"],
        "states": ["IT"],
        "period": (2021, None),
    },
    {
        "by": "office",
        "language": "en",
        "days": 75,
        "title": "Identifying victims of trafficking among asylum seekers",
        "summary": (
            "What the correspondents' answers show: the indicators that reception and asylum "
            "staff look for, to whom they refer a presumed victim, and the recovery and "
            "reflection period that follows."
        ),
        "body": [
            "Victims of trafficking seldom present themselves as such. The states that identify "
            "more of them train the staff who first meet asylum seekers (at registration, in "
            "reception and at the asylum interview) to recognise indicators: a debt to a third "
            "party, documents kept by someone else, a journey organised by others, signs of "
            "control during the interview.",
            "Staff who note indicators refer the person, with their consent, to the national "
            "referral mechanism or to a specialised organisation. A presumed victim is entitled "
            "to a recovery and reflection period of at least 30 days, during which they may not "
            "be removed; the asylum procedure continues alongside.",
        ],
        "sources": (
            "Council of Europe Convention on Action against Trafficking in Human Beings "
            "(CETS No. 197), Articles 10 and 13\n"
            "GRETA, country evaluation reports"
        ),
        "themes": ["Trafficking in human beings", "Reception"],
        "states": [],
        "period": (None, None),
    },
    {
        "by": "corr-de",
        "state": "DE",
        "language": "en",
        "days": 50,
        "review": (46, contributions.ACCEPT, ""),
        "dissemination": Dissemination.OFFICE,
        "title": "Early screening for vulnerabilities in initial reception centres",
        "summary": (
            "In several Länder, social workers in initial reception centres hold a structured "
            "interview in the first days after arrival to identify vulnerable applicants, "
            "presumed victims of trafficking among them, and adapt their accommodation and "
            "their asylum procedure."
        ),
        "body": [
            "The interview covers health, family situation, experiences of violence and signs "
            "of trafficking. Trained staff hold it with an interpreter, separately from the "
            "asylum interview, and the applicant may decline to answer any question.",
            "With the applicant's consent, the findings go to the Federal Office for Migration "
            "and Refugees, which can assign a specially trained decision-maker, and to the "
            "centre's management, which can move the applicant to a protected unit. Presumed "
            "victims of trafficking are referred to a specialised counselling centre.",
        ],
        "sources": (
            "Directive 2013/33/EU laying down standards for the reception of applicants for "
            "international protection, Articles 21 and 22\n"
            "Council of Europe Convention on Action against Trafficking in Human Beings "
            "(CETS No. 197), Article 10"
        ),
        "themes": ["Reception", "Trafficking in human beings"],
        "states": ["DE"],
        "period": (2020, None),
    },
    {
        "by": "corr-fr",
        "state": "FR",
        "language": "fr",
        "days": 30,
        "review": (27, contributions.ACCEPT, ""),
        "title": "Domiciliation et accès aux droits des demandeurs d'asile hébergés",
        "summary": (
            "Dans les centres d'accueil pour demandeurs d'asile, un travailleur social aide "
            "chaque personne hébergée à ouvrir ses droits (assurance maladie, allocation, "
            "compte bancaire) dès les premières semaines, sans attendre la décision sur sa "
            "demande."
        ),
        "body": [
            "La domiciliation au centre permet à chaque personne de recevoir son courrier et de "
            "faire valoir ses droits. Un travailleur social reçoit les nouveaux arrivants dans "
            "la semaine qui suit leur arrivée et vérifie avec eux l'ouverture de la protection "
            "universelle maladie, le versement de l'allocation pour demandeur d'asile et "
            "l'ouverture d'un compte bancaire.",
            "Les centres qui ont adopté cette organisation constatent que les droits sont "
            "ouverts plus rapidement et que les ruptures de prise en charge diminuent lorsque "
            "la personne change d'hébergement.",
        ],
        "sources": (
            f"Code de l'action sociale et des familles, article L.{NBSP}264-1\n"
            "Code de l'entrée et du séjour des étrangers et du droit d'asile, livre V"
        ),
        "themes": ["Access to rights", "Reception"],
        "states": ["FR"],
        "period": (2022, None),
    },
    {
        "by": "corr-fr",
        "state": "FR",
        "language": "fr",
        "days": 9,
        "review": (
            6,
            contributions.CHANGES,
            "Merci d'ajouter les chiffres disponibles pour l'année écoulée (nombre "
            "d'assignations à résidence, présentation aux convocations, départs effectifs) et "
            "de préciser l'accompagnement proposé aux personnes assignées, pour que les autres "
            "États puissent comparer avec leurs propres dispositifs.",
        ),
        "title": "L'assignation à résidence, alternative au placement en rétention",
        "summary": (
            "Les étrangers faisant l'objet d'une mesure d'éloignement qui présentent des "
            "garanties de représentation sont assignés à résidence plutôt que placés en "
            "rétention, avec l'obligation de se présenter régulièrement aux services de police "
            "ou de gendarmerie."
        ),
        "body": [
            "L'assignation à résidence est décidée par le préfet pour une durée limitée, "
            "renouvelable. La personne demeure à son domicile ou dans un lieu d'hébergement "
            "désigné et se présente périodiquement aux autorités.",
            "Les familles accompagnées d'enfants mineurs sont assignées à résidence plutôt que "
            "placées en rétention.",
        ],
        "sources": (
            "Code de l'entrée et du séjour des étrangers et du droit d'asile, articles "
            f"L.{NBSP}731-1 et suivants"
        ),
        "themes": ["Alternatives to detention", "Return"],
        "states": ["FR"],
        "period": (2016, None),
    },
    {
        "by": "corr-it",
        "state": "IT",
        "language": "en",
        "days": 2,
        "title": "Humanitarian corridors: safe arrival and reception in local communities",
        "summary": (
            "Under agreements with the Ministries of Foreign Affairs and of the Interior, "
            "faith-based organisations bring refugees in vulnerable situations to Italy by air, "
            "on humanitarian visas, and host them in local communities that support their "
            "integration during their first year."
        ),
        "body": [
            "Candidates are identified in countries of first asylum, Lebanon and Ethiopia among "
            "them, with UNHCR and local partners. After security checks, the Italian consular "
            "authorities issue visas with limited territorial validity, and the refugees apply "
            "for asylum on arrival.",
            "The promoting organisations pay for the journey and the reception, and place each "
            "family with a host community, which helps with housing, Italian classes, schooling "
            "and the search for work. Several thousand people have arrived this way since 2016.",
        ],
        "sources": (
            "Memorandum of understanding of 15 December 2015 between the Ministry of Foreign "
            "Affairs and International Cooperation, the Ministry of the Interior, the Community "
            "of Sant'Egidio, the Federation of Protestant Churches in Italy and the Waldensian "
            "Table"
        ),
        "themes": ["Reception", "Integration"],
        "states": ["IT"],
        "period": (2016, None),
    },
]


def seed_practices(today):
    for name_en, name_fr in THEMES:
        Theme.objects.get_or_create(name_en=name_en, defaults={"name_fr": name_fr})
    index = PracticeIndexPage.objects.get(locale__language_code="en")
    office = get_user_model().objects.get(username="office")
    for practice in PRACTICES:
        title = _texts(practice["title"])[0]
        if BestPracticePage.objects.filter(title=title).exists():
            continue
        if practice["by"] == "office":
            page = _office_writes(index, practice, today, office)
        else:
            page = _contribute(index, practice, today, office)
        if practice.get("translated"):
            _translate(page, practice, today, office)


def _texts(value):
    """(original, translation) of a text, the translation None when there is none."""
    return value if isinstance(value, tuple) else (value, None)


def _originals(practice):
    """The practice's fields as first written, as the contribution form gives them."""
    start, end = practice["period"]
    return {
        "title": _texts(practice["title"])[0],
        "language": practice["language"],
        "summary": _texts(practice["summary"])[0],
        "body": "\n\n".join(_texts(paragraph)[0] for paragraph in practice["body"]),
        "themes": Theme.objects.filter(name_en__in=practice["themes"]),
        "member_states": MemberState.objects.filter(code__in=practice["states"]),
        "period_from": start,
        "period_to": end,
        "sources": _texts(practice["sources"])[0],
        "marking": practice.get("marking", Marking.NETWORK),
        "dissemination": practice.get("dissemination", Dissemination.NETWORK),
    }


def _office_writes(index, practice, today, office):
    """The Office writes a practice in the admin, in the tree of its language, and publishes it
    (its version in the other language follows)."""
    data = _originals(practice)
    parent = index.get_translation(Locale.objects.get(language_code=data["language"]))
    page = BestPracticePage(
        title=data["title"],
        summary=data["summary"],
        body=[("paragraph", RichText(contributions.paragraphs(data["body"])))],
        period_from=data["period_from"],
        period_to=data["period_to"],
        sources=data["sources"],
        marking=data["marking"],
        dissemination=data["dissemination"],
        author=office,
        author_state=None,
    )
    page.themes = list(data["themes"])
    page.member_states = list(data["member_states"])
    with back_then(today - timedelta(days=practice["days"])):
        parent.add_child(instance=page)
        page.save_revision(user=office).publish(user=office)
    return page


def _contribute(index, practice, today, office):
    """A correspondent writes the practice on the intranet and submits it; the Office reviews it
    unless it is still waiting."""
    author = get_user_model().objects.get(username=practice["by"])
    state = MemberState.objects.get(code=practice["state"])
    uploads = [_upload(*practice["attachment"])] if practice.get("attachment") else []
    with back_then(today - timedelta(days=practice["days"]), hour=11):
        page = contributions.write(index, _originals(practice), uploads, by=author, state=state)
        contributions.submit(page, by=author)
    if practice.get("review"):
        days, decision, comment = practice["review"]
        with back_then(today - timedelta(days=days)):
            task_state = contributions.review_task_state(page)
            contributions.review(task_state, office, decision, comment=comment)
    return page


def _upload(name, content):
    """The file as the contribution form receives it, which checks it first."""
    data = _pdf(content) if name.endswith(".pdf") else content.encode()
    upload = SimpleUploadedFile(name, data)
    validate_upload(upload)
    return upload


def _translate(page, practice, today, office):
    """The Office translates every string of the practice in wagtail-localize's editor."""
    page = BestPracticePage.objects.get(pk=page.pk)
    other = "fr" if practice["language"] == "en" else "en"
    title = _texts(practice["title"])[1]
    strings = {page.slug: slugify(title)}
    for field in ("title", "summary", "sources"):
        original, translation = _texts(practice[field])
        strings[_segment(original)] = _segment(translation)
    for paragraph in practice["body"]:
        original, translation = _texts(paragraph)
        strings[_segment(original)] = _segment(translation)
    with back_then(today - timedelta(days=practice["translated"])):
        translate_strings(page, Locale.objects.get(language_code=other), strings, user=office)


def _segment(text):
    """A text as wagtail-localize keeps it in a string: escaped, its line breaks as <br/>."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return escaped.replace("\n", "<br/>")


def _pdf(lines):
    """A one-page PDF document that shows `lines` (Latin-1 text) in Helvetica."""
    shown = [line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") for line in lines]
    text = "BT /F1 11 Tf 14 TL 72 770 Td\n" + "".join(f"({line}) Tj T*\n" for line in shown)
    stream = (text + "ET").encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    document = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(document))
        document += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(document)
    document += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    document += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    document += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(document)
