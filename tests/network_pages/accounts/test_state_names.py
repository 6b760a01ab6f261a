"""States named as each language names them in a sentence: "la France", "du Portugal", "the
Netherlands" (not "l'État France")."""

from django.utils import translation

import pytest

from network_pages.accounts.models import MemberState
from network_pages.core.member_states import ARTICLES, MEMBER_STATES
from tests.factories.information_requests import make_request

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]

# French names no article before these (islands and city states).
WITHOUT_ARTICLE_IN_FRENCH = {"CY", "MC", "MT", "SM"}


def test_every_state_has_its_french_article_or_none_on_purpose():
    codes = {code for code, _en, _fr in MEMBER_STATES}
    assert codes - set(ARTICLES["fr"]) == WITHOUT_ARTICLE_IN_FRENCH


@pytest.mark.parametrize(
    ("code", "language", "with_article", "of_name"),
    [
        ("FR", "fr", "la France", "de la France"),
        ("DE", "fr", "l'Allemagne", "de l'Allemagne"),
        ("PT", "fr", "le Portugal", "du Portugal"),
        ("NL", "fr", "les Pays-Bas", "des Pays-Bas"),
        ("CY", "fr", "Chypre", "de Chypre"),
        ("NL", "en", "the Netherlands", "of the Netherlands"),
        ("DE", "en", "Germany", "of Germany"),
    ],
)
def test_a_state_in_a_sentence(code, language, with_article, of_name):
    state = MemberState.objects.get(code=code)
    with translation.override(language):
        assert (state.with_article, state.of_name) == (with_article, of_name)


def test_french_pages_name_the_state_with_its_article(client, tree, people):
    """The answer form says "Réponse de la France" (the reminder's wording: test_follow_up)."""
    page = make_request("Returns")
    version = page.get_translation(tree.fr)
    client.force_login(people.corr_fr)
    html = client.get(version.url + "answer/").text
    assert "Réponse de la France" in html
    assert "l'État" not in html
