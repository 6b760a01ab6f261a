"""Demo content: users of every role, pages in both languages, files. Safe to run again."""

import io
import os
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site

from PIL import Image as PILImage

from home.models import HomePage, StandardPage
from network_pages.accounts.designations import record_designation
from network_pages.accounts.models import (
    Designation,
    MemberProfile,
    MemberState,
    NationalNetworkActor,
)
from network_pages.core.roles import CORRESPONDENTS, EXPERTS, INTRANET_COLLECTION, OFFICE, SRSG
from network_pages.demo.sessions import seed_sessions
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
from network_pages.intranet.models import IntranetHomePage, IntranetPage

DEMO_HOST, DEMO_PORT = "127.0.0.1", 8000

USERS = [
    # username, first name, last name, role, member state, language
    ("srsg", "Sofia", "Reyes", SRSG, None, "en"),
    ("office", "Olivier", "Faure", OFFICE, None, "fr"),
    ("corr-fr", "Claire", "Martin", CORRESPONDENTS, "FR", "fr"),
    ("corr-de", "Jonas", "Becker", CORRESPONDENTS, "DE", "en"),
    ("corr-it", "Giulia", "Rossi", CORRESPONDENTS, "IT", "en"),
    ("expert", "Erik", "Lund", EXPERTS, None, "en"),
]

PAGES = [
    # slug, closed, (title, summary, paragraph) in English, then in French
    (
        "welcome",
        False,
        (
            "Welcome to the network",
            "How correspondents work together between plenary sessions.",
            "This intranet is the network's restricted working space: information requests, "
            "contributions and good practices are shared here, never in public.",
        ),
        (
            "Bienvenue dans le réseau",
            "Comment les correspondants travaillent ensemble entre les sessions plénières.",
            "Cet intranet est l'espace de travail restreint du réseau : les demandes "
            "d'information, les contributions et les bonnes pratiques y sont partagées, jamais "
            "en public.",
        ),
    ),
    (
        "office-workspace",
        True,
        (
            "SRSG Office workspace",
            "Preparation notes of the Office (restricted to the Office and the SRSG).",
            "Draft agenda of the next plenary session, for the Office only.",
        ),
        (
            "Espace de travail du Bureau",
            "Notes de préparation du Bureau (réservées au Bureau et au RSSG).",
            "Projet d'ordre du jour de la prochaine session plénière, réservé au Bureau.",
        ),
    ),
]


# username, first, last, state, institution, position, phone, working languages, designated, ends
CORRESPONDENTS_DEMO = [
    ("corr-fr", "Claire", "Martin", "FR", "Ministère de l'Intérieur", "Chargée de mission",
     "+33 1 49 27 49 27", ["fr", "en"], "2024-03-01", None),
    ("corr-de", "Jonas", "Becker", "DE", "Bundesministerium des Innern", "Referent",
     "+49 30 18681 0", ["de", "en"], "2023-09-15", None),
    ("corr-it", "Giulia", "Rossi", "IT", "Ministero dell'Interno", "Dirigente",
     "+39 06 4651", ["it", "en", "fr"], "2025-01-10", None),
    ("corr-es", "Lucía", "García", "ES", "Ministerio de Inclusión", "Consejera",
     "+34 91 363 00 00", ["es", "en"], "2024-05-02", None),
    ("corr-pt", "João", "Silva", "PT", "Agência para a Integração, Migrações e Asilo", "Director",
     "+351 21 810 6100", ["pt", "fr"], "2024-02-12", None),
    ("corr-nl", "Sanne", "de Vries", "NL", "Ministerie van Justitie en Veiligheid",
     "Beleidsadviseur", "+31 70 370 7911", ["nl", "en"], "2023-11-20", None),
    ("corr-pl", "Piotr", "Nowak", "PL", "Ministerstwo Spraw Wewnętrznych", "Naczelnik",
     "+48 22 601 44 27", ["pl", "en"], "2024-06-01", None),
    ("corr-gr", "Eleni", "Papadopoulou", "GR", "Ministry of Migration and Asylum", "Head of unit",
     "+30 213 2136 100", ["el", "en", "fr"], "2023-10-05", None),
    ("corr-se", "Anna", "Lindqvist", "SE", "Justitiedepartementet", "Ämnesråd",
     "+46 8 405 10 00", ["sv", "en"], "2024-09-09", None),
    ("corr-ua", "Olena", "Kovalenko", "UA", "State Migration Service", "Deputy head",
     "+380 44 278 1234", ["uk", "en"], "2025-02-01", None),
    ("corr-tr", "Mehmet", "Yılmaz", "TR", "Presidency of Migration Management", "Expert",
     "+90 312 422 0700", ["tr", "en"], "2024-04-15", None),
    ("corr-ch", "Laura", "Meier", "CH", "Secrétariat d'État aux migrations", "Collaboratrice",
     "+41 58 465 11 11", ["de", "fr", "it"], "2023-12-01", None),
    ("corr-be", "Thomas", "Peeters", "BE", "SPF Intérieur", "Attaché",
     "+32 2 488 21 11", ["nl", "fr", "en"], "2024-01-20", None),
    ("corr-fr-former", "Marc", "Dubois", "FR", "Ministère de l'Intérieur", "Chef de bureau",
     "+33 1 49 27 40 00", ["fr"], "2021-01-15", "2024-02-29"),
]  # fmt: skip

FRANCE_NETWORK = [
    ("Office français de l'immigration et de l'intégration", "governmental",
     "Direction de l'intégration", "integration@ofii.example"),
    ("France terre d'asile", "non_governmental", "Pôle plaidoyer", "plaidoyer@ftda.example"),
    ("Organisation internationale pour les migrations, bureau de Paris", "international",
     "Chef de bureau", "paris@iom.example"),
]  # fmt: skip


class Command(BaseCommand):
    help = "Load the demo content (users, pages in English and French, files). Idempotent."

    def handle(self, *args, **options):
        password = os.environ.get("DEMO_PASSWORD", "network-demo")
        self.users(password)
        Site.objects.filter(is_default_site=True).update(hostname=DEMO_HOST, port=DEMO_PORT)
        self.public_pages()
        self.intranet_pages()
        self.files()
        self.people(password)
        self.requests()
        seed_sessions()
        self.stdout.write(
            self.style.SUCCESS(f"Demo ready: log in as {', '.join(u[0] for u in USERS)}")
        )

    def people(self, password):
        User = get_user_model()
        office = User.objects.get(username="office")
        for username, institution in (("srsg", "Council of Europe"), ("office", "SRSG Office")):
            profile, _ = MemberProfile.objects.get_or_create(
                user=User.objects.get(username=username)
            )
            profile.institution, profile.phone = institution, "+33 3 88 41 20 00"
            profile.working_languages = ["en", "fr"]
            profile.save()
        for row in CORRESPONDENTS_DEMO:
            username, first, last, code, institution, position, phone, languages, start, end = row
            user, created = User.objects.get_or_create(username=username)
            if created:
                user.first_name, user.last_name = first, last
                user.email = f"{username}@example.org"
                user.language = "fr" if code in ("FR", "BE", "CH") else "en"
                user.set_password(password)
                user.save()
            state = MemberState.objects.get(code=code)
            if not Designation.objects.filter(user=user, member_state=state).exists():
                record_designation(
                    Designation(
                        user=user,
                        member_state=state,
                        institution=institution,
                        position=position,
                        designated_on=date.fromisoformat(start),
                        designating_authority=f"Permanent Representation of {state.name_en}",
                        ends_on=date.fromisoformat(end) if end else None,
                    ),
                    by=office,
                )
            MemberProfile.objects.filter(user=user).update(phone=phone, working_languages=languages)
        france = MemberState.objects.get(code="FR")
        for organisation, kind, contact, email in FRANCE_NETWORK:
            NationalNetworkActor.objects.get_or_create(
                member_state=france,
                organisation=organisation,
                defaults={"kind": kind, "contact": contact, "email": email},
            )

    def requests(self):
        index = RequestIndexPage.objects.get(locale__language_code="en")
        if InformationRequestPage.objects.filter(slug="reception-of-asylum-seekers").exists():
            return
        User = get_user_model()
        office = User.objects.get(username="office")
        today = timezone.localdate()
        # An open request whose deadline has just passed: some states answered in time, one late.
        current = self._request(
            index,
            "Reception of asylum seekers",
            "reception-of-asylum-seekers",
            [
                "How many reception places were available on 1 January?",
                "Which authority runs the reception centres?",
                "Do unaccompanied minors have separate facilities?",
                "Has your state changed its reception model since 2024?",
                "Which good practice would you share with your peers?",
            ],
        )
        InformationRequestPage.objects.filter(pk=current.pk).update(
            deadline=today - timedelta(days=1)
        )
        current.refresh_from_db()
        self._answers(
            current, "DE", ["41,000 places", "The Länder", "Yes", "No", "Case management"]
        )
        self._answers(
            current, "ES", ["9,500", "Ministry", ("Yes", Marking.OFFICE), "Yes", "Mentoring"]
        )
        self._answers(current, "PT", [None, None, None, None, None])
        self._answers(current, "FR", ["About 110,000", "OFII", "Yes", "Yes", ""], "draft")
        self._answers(current, "NL", ["30,000", "COA", "Yes", "No", "Buddies"], late=True)
        self._answers(
            current, "GR", ["12,000", "Ministry of Migration", "Yes", "No", ""], entered_by=office
        )
        closed = self._request(
            index,
            "Statistics on returns in 2025",
            "statistics-on-returns-2025",
            ["How many return decisions were issued?", "How many returns were carried out?"],
        )
        # Every state the closed request went to answered: its compilation is complete.
        addressed = AddressedState.objects.filter(request=closed).select_related("member_state")
        for number, row in enumerate(addressed.order_by("member_state__code")):
            code = row.member_state.code
            decisions, returns = 4_000 + 1_750 * number, 900 + 420 * number
            texts = [f"{decisions:,} return decisions.", f"{returns:,} returns carried out."]
            if number % 5 == 3:
                texts[1] = (texts[1], Marking.OFFICE)
            if number % 7 == 5:
                texts[0] = None
            self._answers(closed, code, texts)
        close_request(closed, by=office)
        # France's draft was reminded by the Office.
        remind(current, [MemberState.objects.get(code="FR")], by=office)
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
        index.add_child(instance=proposal)
        proposal.save_revision(user=proposal.proposed_by)

    def _request(self, index, title, slug, questions):
        page = InformationRequestPage(
            title=title, slug=slug, deadline=timezone.localdate() + timedelta(days=20)
        )
        for order, text in enumerate(questions):
            page.questions.add(RequestQuestion(text=text, sort_order=order))
        index.add_child(instance=page)
        page.save_revision(user=get_user_model().objects.get(username="office")).publish()
        page.refresh_from_db()
        return page

    def _answers(self, page, code, texts, status="submitted", late=False, entered_by=None):
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
            email_date=timezone.localdate() - timedelta(days=2) if entered_by else None,
        )
        for (_number, question), value in zip(page.numbered_questions(), texts, strict=True):
            text, marking = value if isinstance(value, tuple) else (value, Marking.NETWORK)
            Answer.objects.create(
                response=response,
                question=question,
                text=text or "",
                no_information=text is None,
                language="en",
                marking=marking,
            )
        ResponseRevision.objects.create(
            response=response,
            version=1,
            action="entered" if entered_by else status,
            author=author,
            answers=snapshot(response, page.numbered_questions()),
        )

    def users(self, password):
        User = get_user_model()
        for username, first, last, role, state_code, language in USERS:
            user, _ = User.objects.get_or_create(username=username)
            user.first_name, user.last_name, user.language = first, last, language
            user.email = f"{username}@example.org"
            user.set_password(password)
            user.save()
            user.groups.add(Group.objects.get(name=role))
            if state_code:
                user.groups.add(MemberState.objects.get(code=state_code).group)

    def _publish(self, page):
        page.save_revision().publish()

    def _translate(self, page, locale, **fields):
        translation = page.get_translation_or_none(locale)
        if translation is None:
            translation = page.copy_for_translation(locale, copy_parents=False)
        for name, value in fields.items():
            setattr(translation, name, value)
        self._publish(translation)
        return translation

    def public_pages(self):
        fr = Locale.objects.get(language_code="fr")
        home = HomePage.objects.get(locale__language_code="en")
        home.introduction = (
            "<p>The Special Representative of the Secretary General on Migration and Refugees "
            "coordinates a network of correspondents designated by the Council of Europe's 46 "
            "member states.</p>"
        )
        self._publish(home)
        home_fr = home.get_translation(fr)
        home_fr.introduction = (
            "<p>Le Représentant spécial du Secrétaire Général sur les migrations et les réfugiés "
            "coordonne un réseau de correspondants désignés par les 46 États membres du Conseil "
            "de l'Europe.</p>"
        )
        self._publish(home_fr)
        about = StandardPage.objects.filter(slug="about-the-network", locale=home.locale).first()
        if about is None:
            about = home.add_child(
                instance=StandardPage(title="About the network", slug="about-the-network")
            )
        about.introduction = "<p>The network's objectives and working methods.</p>"
        self._publish(about)
        self._translate(
            about,
            fr,
            title="À propos du réseau",
            slug="a-propos-du-reseau",
            introduction="<p>Les objectifs et les méthodes de travail du réseau.</p>",
        )

    def intranet_pages(self):
        fr = Locale.objects.get(language_code="fr")
        intranet = IntranetHomePage.objects.get(locale__language_code="en")
        intranet.introduction = "<p>The network's restricted working space.</p>"
        self._publish(intranet)
        intranet_fr = intranet.get_translation(fr)
        intranet_fr.introduction = "<p>L'espace de travail restreint du réseau.</p>"
        self._publish(intranet_fr)
        for slug, closed, english, french in PAGES:
            page = IntranetPage.objects.filter(slug=slug, locale=intranet.locale).first()
            if page is None:
                page = intranet.add_child(instance=IntranetPage(title=english[0], slug=slug))
            self._fill(page, english, closed)
            translation = page.get_translation_or_none(fr)
            if translation is None:
                translation = page.copy_for_translation(fr, copy_parents=False)
            self._fill(translation, french, closed)

    def _fill(self, page, texts, closed):
        title, summary, paragraph = texts
        page.title, page.summary, page.closed = title, summary, closed
        page.body = [("paragraph", f"<p>{paragraph}</p>")]
        self._publish(page)

    def files(self):
        Document, Image = get_document_model(), get_image_model()
        intranet_collection = Collection.objects.get(name=INTRANET_COLLECTION, depth=2)
        root_collection = Collection.get_first_root_node()
        specs = [
            ("Working methods of the network (public)", root_collection, "working-methods.txt"),
            ("Draft plenary agenda (intranet)", intranet_collection, "draft-agenda.txt"),
        ]
        for title, collection, filename in specs:
            if not Document.objects.filter(title=title).exists():
                document = Document(title=title, collection=collection)
                document.file.save(filename, ContentFile(f"{title}\n".encode()), save=False)
                document.save()
        if not Image.objects.filter(title="Network logo").exists():
            buffer = io.BytesIO()
            PILImage.new("RGB", (240, 120), (11, 61, 145)).save(buffer, "PNG")
            Image.objects.create(
                title="Network logo",
                collection=root_collection,
                file=ImageFile(buffer, name="network-logo.png"),
            )
        welcome = Page.objects.filter(slug="welcome").first()
        if welcome is not None and not Document.objects.filter(title="Welcome pack").exists():
            document = Document(title="Welcome pack", collection=intranet_collection)
            document.attach_to(welcome)
            document.file.save("welcome-pack.txt", ContentFile(b"Welcome pack\n"), save=False)
            document.save()
