"""Test data, one builder per thing, in the module of the domain that owns the thing."""

from tests.factories.accounts import UserFactory
from tests.factories.activities import activity_index, committee, make_activity
from tests.factories.core import publish, translate
from tests.factories.decisions import make_decision
from tests.factories.files import intranet_collection, make_document, make_image
from tests.factories.information_requests import make_request, respond
from tests.factories.intranet import IntranetPageFactory
from tests.factories.methods import draft, make_governing_texts, make_text
from tests.factories.practices import contribute, make_practice, practice_index
from tests.factories.sessions import (
    add_paper,
    invite_expert,
    make_plenary_with_thematic,
    make_session,
)

__all__ = [
    "IntranetPageFactory",
    "UserFactory",
    "activity_index",
    "add_paper",
    "committee",
    "contribute",
    "draft",
    "intranet_collection",
    "invite_expert",
    "make_activity",
    "make_decision",
    "make_document",
    "make_governing_texts",
    "make_image",
    "make_plenary_with_thematic",
    "make_practice",
    "make_request",
    "make_session",
    "make_text",
    "practice_index",
    "publish",
    "respond",
    "translate",
]
