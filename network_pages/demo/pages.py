"""Demo pages: the public homes and a public page, intranet pages (one closed), files; each in
English and French."""

import io
from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page

from PIL import Image as PILImage

from home.models import HomePage, StandardPage
from network_pages.core.roles import INTRANET_COLLECTION, PUBLIC_COLLECTION
from network_pages.demo.clock import back_then
from network_pages.intranet.models import IntranetHomePage, IntranetPage
from network_pages.intranet.versions import translate_strings

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


def _publish(page):
    page.save_revision().publish()


def _translate(page, locale, **fields):
    translation = page.get_translation_or_none(locale)
    if translation is None:
        translation = page.copy_for_translation(locale, copy_parents=False)
    for name, value in fields.items():
        setattr(translation, name, value)
    _publish(translation)
    return translation


def seed_public_pages():
    fr = Locale.objects.get(language_code="fr")
    home = HomePage.objects.get(locale__language_code="en")
    home.introduction = (
        "<p>The Special Representative of the Secretary General on Migration and Refugees "
        "coordinates a network of correspondents designated by the Council of Europe's 46 "
        "member states.</p>"
    )
    _publish(home)
    home_fr = home.get_translation(fr)
    home_fr.introduction = (
        "<p>Le Représentant spécial du Secrétaire Général sur les migrations et les réfugiés "
        "coordonne un réseau de correspondants désignés par les 46 États membres du Conseil "
        "de l'Europe.</p>"
    )
    _publish(home_fr)
    about = StandardPage.objects.filter(slug="about-the-network", locale=home.locale).first()
    if about is None:
        about = home.add_child(
            instance=StandardPage(title="About the network", slug="about-the-network")
        )
    about.introduction = "<p>The network's objectives and working methods.</p>"
    about.show_in_menus = True  # the footer links the public pages in the menus
    _publish(about)
    _translate(
        about,
        fr,
        title="À propos du réseau",
        slug="a-propos-du-reseau",
        introduction="<p>Les objectifs et les méthodes de travail du réseau.</p>",
        show_in_menus=True,
    )


def seed_intranet_pages(today):
    fr = Locale.objects.get(language_code="fr")
    intranet = IntranetHomePage.objects.get(locale__language_code="en")
    intranet.introduction = "<p>The network's restricted working space.</p>"
    _publish(intranet)
    intranet_fr = intranet.get_translation(fr)
    intranet_fr.introduction = "<p>L'espace de travail restreint du réseau.</p>"
    _publish(intranet_fr)
    for slug, closed, english, french in PAGES:
        if IntranetPage.objects.filter(slug=slug, locale=intranet.locale).exists():
            continue  # published once: publishing it again would make it news again
        # Written a few weeks before the requests and sessions now in the news.
        with back_then(today - timedelta(days=25)):
            page = intranet.add_child(instance=IntranetPage(title=english[0], slug=slug))
            _fill(page, english, closed)
            # Publishing wrote its French version; the Office translates its strings.
            translate_strings(page, fr, dict(zip(english, french, strict=True)))


def _fill(page, texts, closed):
    title, summary, paragraph = texts
    page.title, page.summary, page.closed = title, summary, closed
    page.body = [("paragraph", f"<p>{paragraph}</p>")]
    _publish(page)


def seed_files():
    """A public document and image (declared public: in the public collection), the Office's
    draft agenda (attached to its closed workspace) and the welcome pack (attached to the welcome
    page): each file reaches whoever may see what it belongs to."""
    Document, Image = get_document_model(), get_image_model()
    intranet_collection = Collection.objects.get(name=INTRANET_COLLECTION, depth=2)
    public_collection = Collection.objects.get(name=PUBLIC_COLLECTION, depth=2)
    workspace = Page.objects.filter(slug="office-workspace", locale__language_code="en").first()
    specs = [
        ("Working methods of the network (public)", public_collection, "working-methods.txt", None),
        ("Draft plenary agenda (Office)", intranet_collection, "draft-agenda.txt", workspace),
    ]
    for title, collection, filename, owner in specs:
        if not Document.objects.filter(title=title).exists():
            document = Document(title=title, collection=collection)
            if owner is not None:
                document.attach_to(owner)
            document.file.save(filename, ContentFile(f"{title}\n".encode()), save=False)
            document.save()
    if not Image.objects.filter(title="Network logo").exists():
        buffer = io.BytesIO()
        PILImage.new("RGB", (240, 120), (11, 61, 145)).save(buffer, "PNG")
        Image.objects.create(
            title="Network logo",
            collection=public_collection,
            file=ImageFile(buffer, name="network-logo.png"),
        )
    welcome = Page.objects.filter(slug="welcome").first()
    if welcome is not None and not Document.objects.filter(title="Welcome pack").exists():
        document = Document(title="Welcome pack", collection=intranet_collection)
        document.attach_to(welcome)
        document.file.save("welcome-pack.txt", ContentFile(b"Welcome pack\n"), save=False)
        document.save()
