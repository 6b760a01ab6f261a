"""Every interface string exists in French, set as French typography wants it."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

from django.conf import settings

import polib
import pytest

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "fr" / "LC_MESSAGES" / "django.po"
SOURCES = ["cms", "home", "network_pages", "search", "locale", "manage.py"]


def untranslated(path):
    catalogue = polib.pofile(str(path))
    return [entry.msgid for entry in catalogue.untranslated_entries()] + [
        entry.msgid for entry in catalogue.fuzzy_entries()
    ]


def test_the_french_catalogue_has_no_untranslated_or_fuzzy_string():
    assert untranslated(CATALOGUE) == []


def test_french_strings_keep_a_no_break_space_before_double_punctuation():
    """« : ; ? ! » take a no-break space in French, so that no line starts with them."""
    breakable = re.compile(r" [:;?!»]|« ")
    wrong = [
        text
        for entry in polib.pofile(str(CATALOGUE))
        for text in [entry.msgstr, *entry.msgstr_plural.values()]
        if breakable.search(text)
    ]
    assert wrong == []


def test_makemessages_finds_no_marked_string_missing_from_the_french_catalogue(tmp_path):
    """Extract the strings of a copy of the code: any new marked string shows up untranslated."""
    for name in SOURCES:
        source = Path(settings.BASE_DIR) / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, tmp_path / name)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "fr", "--no-obsolete", "-v", "0"],
        cwd=tmp_path,
        check=True,
        env={"DJANGO_SETTINGS_MODULE": "cms.settings.dev", "PATH": "/usr/bin:/bin"},
    )
    assert untranslated(tmp_path / "locale" / "fr" / "LC_MESSAGES" / "django.po") == []


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "Skip to main content"), ("fr", "Aller au contenu principal")],
)
def test_compiled_catalogue_is_used_by_the_site(client, db, language, expected):
    assert expected in client.get(f"/{language}/").text
