"""The network's languages: the two content languages (the site, its pages, its e-mails) and the
working languages a member may list (the languages of the Council of Europe's member states).

Kept free of Django's app registry: the settings read CONTENT_LANGUAGES.
"""

from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _

CONTENT_LANGUAGES = [("en", _("English")), ("fr", _("French"))]

WORKING_LANGUAGES = [
    "en", "fr", "de", "it", "es", "pt", "nl", "pl", "ro", "el", "cs", "sk", "sl", "hr", "sr", "bs",
    "mk", "sq", "bg", "hu", "fi", "sv", "da", "nb", "is", "et", "lv", "lt", "ga", "uk", "ru", "tr",
    "hy", "ka", "az", "lb",
]  # fmt: skip


def active_language():
    """The content language of the active interface language: "fr" or "en"."""
    return "fr" if (get_language() or "en").startswith("fr") else "en"


def language_name(code):
    """The language's name in the active interface language."""
    return str(get_language_info(code)["name_translated"])


def working_language_choices():
    return sorted(((code, language_name(code)) for code in WORKING_LANGUAGES), key=lambda c: c[1])
