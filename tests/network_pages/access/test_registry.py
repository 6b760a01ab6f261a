"""The access registry: every model a view can show has a rule, page-type rules agree with their
querysets, and the documentation lists exactly what is registered."""

import re
from pathlib import Path

from django.apps import apps
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ImproperlyConfigured
from django.db import models

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

import pytest

from network_pages import access
from network_pages.access.registry import registry
from network_pages.intranet.models import IntranetPage
from tests.factories import make_request

pytestmark = [pytest.mark.sqlite]

DOCS = Path(__file__).resolve().parents[3] / "docs" / "access-policy.md"

# Models no front-end view, feed or export shows, and why.
NOT_SHOWN = {
    "network_pages.Notification": "the outbox: each message reaches its recipient by e-mail only",
    "network_pages.PageUserObjectPermission": "grants: read by the policy itself, shown nowhere",
    "network_pages.PageGroupObjectPermission": "grants: read by the policy itself, shown nowhere",
    "network_pages.ContributionReviewTask": "a workflow task: the admin's workflow screens only",
    "network_pages.PracticeSettings": "the Office's setting, in the admin only",
}


def _models_to_cover():
    found = set(apps.get_app_config("network_pages").get_models())
    found |= set(apps.get_app_config("home").get_models())
    image = get_image_model()
    found |= {image, get_document_model(), image.get_rendition_model()}
    return sorted(
        (model for model in found if not model._meta.auto_created), key=lambda m: m._meta.label
    )


@pytest.mark.parametrize("model", _models_to_cover(), ids=lambda model: model._meta.label)
def test_every_model_a_view_can_show_has_a_rule(model):
    if issubclass(model, Page):
        return  # pages pass through the page policy (and their page-type rule, if any)
    if model._meta.label in NOT_SHOWN:
        assert registry.object_rule(model) is None, "shown after all: drop it from NOT_SHOWN"
        return
    assert registry.object_rule(model) is not None, f"{model._meta.label} has no access rule"


def test_an_object_without_a_rule_is_denied(people):
    class Unruled:
        pass

    assert not access.can_view(people.srsg, Unruled())


@pytest.mark.parametrize("base", [models.Model, Page])
def test_no_rule_may_cover_every_model_or_every_page(base):
    with pytest.raises(ImproperlyConfigured):
        access.rule(base)(lambda user, obj: True)
    with pytest.raises(ImproperlyConfigured):
        access.page_rule(base, q=lambda user: None)(lambda user, page: True)


def test_a_page_type_takes_a_page_rule_not_an_object_rule():
    with pytest.raises(ImproperlyConfigured):
        access.rule(IntranetPage)(lambda user, obj: True)


def _rows(heading):
    """The model labels in the first column of the table under `heading` in the policy's docs."""
    text = DOCS.read_text()
    section = text.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    return {
        match.group(1) for match in re.finditer(r"^\| `([\w.]+)` \|", section, flags=re.MULTILINE)
    }


def test_the_documented_object_rules_are_the_registered_ones():
    registered = {model._meta.label for model in registry.object_rule_models()}
    assert _rows("Object rules") == registered


def test_the_documented_page_type_rules_are_the_registered_ones():
    registered = {model._meta.label for model in registry.page_rule_models()}
    assert _rows("Page-type rules") == registered


@pytest.mark.django_db
def test_page_type_rules_agree_with_their_querysets(people, tree):
    """For sample pages of every registered type, what `can_view` says of one page is what
    `viewable` keeps of a queryset, for every role (an expert granted the whole intranet too)."""
    make_request("Sample request", opening=None, live=True)
    access.grant(people.expert, tree.intranet_en, tell=False)
    samples = [
        page
        for page in Page.objects.descendant_of(tree.intranet_en).specific()
        if registry.page_rule(type(page)) is not None
    ]
    assert {type(page).__name__ for page in samples} >= {
        "DirectoryPage",
        "RequestIndexPage",
        "InformationRequestPage",
        "SessionIndexPage",
    }
    users = [AnonymousUser(), people.outsider, people.expert, people.corr_de, people.office]
    for user in users:
        access.forget(user)
        kept = set(
            access.viewable(user, Page.objects.filter(pk__in=[p.pk for p in samples])).values_list(
                "pk", flat=True
            )
        )
        for page in samples:
            assert access.can_view(user, page) == (page.pk in kept), (user, page)
    # The rule narrows: the granted expert still sees none of them, a correspondent all.
    assert not any(access.can_view(people.expert, page) for page in samples)
    assert all(access.can_view(people.corr_de, page) for page in samples)
