"""Demo content: users of every role, pages in both languages, files. Safe to run again."""

import io
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site

from PIL import Image as PILImage

from home.models import HomePage, StandardPage
from network_pages.models import IntranetHomePage, IntranetPage, MemberState
from network_pages.roles import CORRESPONDENTS, EXPERTS, INTRANET_COLLECTION, OFFICE, SRSG

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


class Command(BaseCommand):
    help = "Load the demo content (users, pages in English and French, files). Idempotent."

    def handle(self, *args, **options):
        password = os.environ.get("DEMO_PASSWORD", "network-demo")
        self.users(password)
        Site.objects.filter(is_default_site=True).update(hostname=DEMO_HOST, port=DEMO_PORT)
        self.public_pages()
        self.intranet_pages()
        self.files()
        self.stdout.write(
            self.style.SUCCESS(f"Demo ready: log in as {', '.join(u[0] for u in USERS)}")
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
