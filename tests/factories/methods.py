"""The working methods and the objectives, their drafts and revisions (the consultations of the
Network they follow are decisions: tests.factories.decisions)."""

from types import SimpleNamespace

from django.utils.text import slugify

from wagtail.models import Locale

from network_pages.intranet.models import IntranetHomePage
from network_pages.intranet.versions import translate_strings
from network_pages.methods.models import ObjectivesPage, WorkingMethodsPage
from network_pages.methods.revisions import publish_revision

TEXTS = {
    WorkingMethodsPage: (
        "Working methods",
        "The network meets at least once a year in closed-door plenary session.",
        ("Méthodes de travail", "Le Réseau se réunit au moins une fois par an en session "
         "plénière à huis clos."),
    ),
    ObjectivesPage: (
        "Objectives",
        "To facilitate the sharing of relevant information of mutual interest.",
        ("Objectifs", "Faciliter le partage d'informations pertinentes et d'intérêt mutuel."),
    ),
}  # fmt: skip


def draft(page, paragraph, *, by=None):
    """A new draft of the text `page` with `paragraph` as its body, saved as the Office does in
    the admin (not published). Returns the page revision."""
    page = type(page).objects.get(pk=page.pk)
    page.body = [("paragraph", f"<p>{paragraph}</p>")]
    return page.save_revision(user=by)


def make_text(model, srsg, *, summary="First version.", french=True):
    """A governing text under the English intranet home, published by the SRSG as its revision 1,
    with its French version translated (title and paragraph) unless `french` is False."""
    title, paragraph, (title_fr, paragraph_fr) = TEXTS[model]
    page = model(title=title, slug=slugify(title), live=False)
    IntranetHomePage.objects.get(locale__language_code="en").add_child(instance=page)
    draft(page, paragraph)
    publish_revision(page, {"summary": summary}, by=srsg)
    page = model.objects.get(pk=page.pk)
    if french:
        translate_strings(
            page,
            Locale.objects.get(language_code="fr"),
            {title: title_fr, paragraph: paragraph_fr},
        )
    return page


def make_governing_texts(srsg, *, french=True):
    """The working methods and the objectives, each at its revision 1, with their French
    versions."""
    methods = make_text(WorkingMethodsPage, srsg, french=french)
    objectives = make_text(ObjectivesPage, srsg, french=french)
    fr = Locale.objects.get(language_code="fr")
    return SimpleNamespace(
        methods=methods,
        objectives=objectives,
        methods_fr=methods.get_translation_or_none(fr),
        objectives_fr=objectives.get_translation_or_none(fr),
    )
