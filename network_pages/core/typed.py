"""What people type into a search box or a filter, made safe to hand to the database: control
characters (a NUL byte breaks PostgreSQL) become spaces, and a query has a bounded length."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

QUERY_MAX_LENGTH = 200
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# A search engine's own syntax (quotes, brackets, operators' signs) is not the user's words.
WORD = re.compile(r"\w[\w'’-]*")


def typed_query(value):
    """The query as typed, without control characters, trimmed to QUERY_MAX_LENGTH."""
    return " ".join(CONTROL.sub(" ", value or "").split())[:QUERY_MAX_LENGTH]


def search_words(value):
    """Only the words of a typed query, for a full-text search whose syntax they must not reach
    (an unbalanced quote or a `<` is an error on SQLite's FTS5)."""
    return " ".join(WORD.findall(typed_query(value)))


def one_line(value):
    """A validator for names and other one-line fields: a line break or a control character
    could forge a line in an e-mail or a file that shows the value."""
    if CONTROL.search(value or ""):
        raise ValidationError(
            _("Write this on one line, without line breaks or control characters."),
            code="one_line",
        )


def keep_on_one_line(form, *names):
    """Add `one_line` to the form's fields `names` (those it has)."""
    for name in names:
        if name in form.fields:
            form.fields[name].validators.append(one_line)
