"""The SRSG Office's side of the good practices, in Wagtail's admin (R15, §4.7): the review of a
contribution in the page editor (Accept, Ask for changes, Decline) for the Office and the SRSG
only, the contributions awaiting it on its homes, Wagtail's own workflow e-mails kept for the
other workflows, the bilingual themes and the practices' setting."""

import re
from html import unescape

from django.core import mail
from django.urls import reverse

from wagtail.models import Workflow, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, streamfield

import pytest

from network_pages.notifications.models import Notification
from network_pages.practices import contributions
from network_pages.practices.models import Contribution, PracticeSettings, Theme
from tests.factories.accounts import UserFactory
from tests.factories.intranet import IntranetPageFactory
from tests.factories.practices import contribute, upload

pytestmark = pytest.mark.django_db

Status = Contribution.Status
ACTIONS = [("approve", "Accept"), ("reject", "Ask for changes"), ("decline", "Decline")]
SETTINGS_URL = "/admin/settings/network_pages/practicesettings/"


@pytest.fixture
def submitted(people):
    """A contribution of France, with a file, waiting for the Office."""
    return contribute(people.corr_fr, uploads=[upload()])


def action_url(page, action):
    task_state = contributions.review_task_state(page)
    return reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])


def workflow_buttons(html):
    """{action name: label} of the page editor's workflow action buttons."""
    found = re.findall(r'data-workflow-action-name="([a-z]+)"[^>]*>(.*?)</button>', html, re.S)
    return {name: unescape(re.sub(r"<[^>]+>", "", label)).strip() for name, label in found}


@pytest.mark.parametrize("who", ["office", "srsg"])
def test_the_page_editor_offers_the_review_to_the_office_and_the_srsg(
    client, people, submitted, who
):
    """The Office and the SRSG open a submitted contribution in the page editor and find its
    review's three actions: Accept, Ask for changes and Decline (the last two ask for a
    comment, required, in their modal)."""
    client.force_login(getattr(people, who))
    response = client.get(reverse("wagtailadmin_pages:edit", args=[submitted.pk]))
    assert response.status_code == 200
    assert workflow_buttons(response.text) == dict(ACTIONS)
    for action in ("reject", "decline"):
        modal = client.get(
            reverse(
                "wagtailadmin_pages:collect_workflow_action_data",
                args=[submitted.pk, action, contributions.review_task_state(submitted).pk],
            )
        )
        assert modal.status_code == 200
        assert 'name="comment"' in modal.json()["html"]
        assert "required" in modal.json()["html"]


def test_a_correspondent_has_no_way_into_the_review(client, people, submitted):
    """A correspondent, even of the contributing state, reaches neither the admin, nor the page
    editor, nor the review's actions: the contribution stays waiting for the Office."""
    client.force_login(people.corr_fr)
    login = "/admin/login/"
    assert client.get("/admin/").url.startswith(login)
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[submitted.pk]))
    assert editor.status_code == 302 and editor.url.startswith(login)
    accepted = client.post(action_url(submitted, "approve"), {"comment": ""})
    assert accepted.status_code == 302 and accepted.url.startswith(login)
    submitted.refresh_from_db()
    assert not submitted.live
    assert submitted.contribution.status == Status.SUBMITTED
    assert contributions.review_task_state(submitted) is not None
    # Nor does the review task let one act, were the views reached.
    task = contributions.review_task_state(submitted).task.specific
    assert task.get_actions(submitted, people.corr_fr) == []
    assert task.locked_for_user(submitted, people.corr_fr)


def test_the_offices_homes_list_the_contributions_awaiting_it(client, people, submitted):
    """The Office finds a submitted contribution on the intranet home ("Decisions awaiting
    me", linking to the page editor) and on the admin's dashboard; a correspondent does not;
    once the Office has asked for changes it is no longer listed."""
    client.force_login(people.office)
    response = client.get("/en/intranet/")
    decisions = next(panel for panel in response.context["panels"] if panel.key == "decisions")
    assert [(item["title"], item["url"]) for item in decisions.items] == [
        (submitted.draft_title, f"/admin/pages/{submitted.pk}/edit/")
    ]
    assert decisions.items[0]["detail"] == "Contributed by France: to review in the admin"
    html = unescape(response.text)
    panel = html[html.index('id="panel-decisions"') :]
    panel = panel[: panel.index("</section>")]
    assert f'href="/admin/pages/{submitted.pk}/edit/"' in panel
    assert submitted.draft_title in panel
    assert submitted.draft_title in unescape(client.get("/admin/").text)

    client.force_login(people.corr_fr)
    response = client.get("/en/intranet/")
    decisions = next(panel for panel in response.context["panels"] if panel.key == "decisions")
    assert decisions.items == []

    client.force_login(people.office)
    client.post(action_url(submitted, "reject"), {"comment": "Add the figures."})
    response = client.get("/en/intranet/")
    decisions = next(panel for panel in response.context["panels"] if panel.key == "decisions")
    assert decisions.items == []


def test_wagtails_own_workflow_emails_still_go_out_for_other_workflows(client, people, tree, sent):
    """Wagtail's workflow e-mails are off for the contributions' workflow only: an intranet page
    the Office submits to the default "Moderators approval" workflow in the admin still sends
    Wagtail's own e-mails, on submission (to the superusers) and on rejection (to the Office)."""
    workflow = Workflow.objects.filter(name="Moderators approval").first()
    if workflow is None:
        pytest.skip("this database has no 'Moderators approval' workflow")
    root = UserFactory(username="root", is_superuser=True)
    page = IntranetPageFactory(parent=tree.intranet_en, title="Meeting notes")
    assert page.get_workflow() == workflow

    client.force_login(people.office)
    data = nested_form_data(
        {
            "title": "Meeting notes",
            "slug": page.slug,
            "summary": "Notes of the meeting.",
            "body": streamfield([]),
            "action-submit": "submit",
        }
    )
    with sent(execute=True):
        response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302, response.content[:2000]
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.workflow == workflow and state.status == WorkflowState.STATUS_IN_PROGRESS
    assert {message.to[0] for message in mail.outbox} == {root.email}
    assert all("Meeting notes" in message.subject for message in mail.outbox)
    assert any("submitted" in message.subject for message in mail.outbox)
    assert all(f"/admin/pages/{page.pk}/" in message.body for message in mail.outbox)

    sent_before = len(mail.outbox)
    client.force_login(root)
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, "reject", state.current_task_state.pk],
    )
    with sent(execute=True):
        assert client.post(url, {"comment": "Not yet."}).status_code == 302
    rejected = mail.outbox[sent_before:]
    assert [message.to[0] for message in rejected] == [people.office.email]
    assert "rejected" in rejected[0].subject and "Not yet." in rejected[0].body
    assert not Notification.objects.exists()  # none of them is the project's


def test_the_office_adds_a_theme_in_english_and_french(client, people):
    """The Office keeps the themes in the admin, in English and French; correspondents then
    choose the new theme in the contribution form, named in their language. A correspondent
    has no access to the list."""
    client.force_login(people.office)
    assert client.get("/admin/themes/").status_code == 200
    response = client.post(
        reverse("themes:add"), {"name_en": "Labour migration", "name_fr": "Migration de travail"}
    )
    assert response.status_code == 302
    added = Theme.objects.get(name_en="Labour migration")
    assert added.name_fr == "Migration de travail"
    listing = unescape(client.get("/admin/themes/").text)
    assert "Labour migration" in listing and "Migration de travail" in listing

    client.force_login(people.corr_fr)
    assert "Migration de travail" in client.get("/fr/intranet/bonnes-pratiques/contribute/").text
    assert "Labour migration" in client.get("/en/intranet/practices/contribute/").text
    assert client.get("/admin/themes/").url.startswith("/admin/login/")


def test_the_office_reaches_the_practices_setting_in_the_admin(client, people):
    """The Office opens the good practices' setting in the admin and turns on the immediate
    publication of contributions to all members; a correspondent cannot reach it."""
    client.force_login(people.office)
    response = client.get(SETTINGS_URL, follow=True)
    assert response.status_code == 200
    assert 'name="publish_at_once"' in response.text
    edit_url = response.redirect_chain[-1][0] if response.redirect_chain else SETTINGS_URL
    assert not PracticeSettings.load().publish_at_once
    response = client.post(edit_url, {"publish_at_once": "on"})
    assert response.status_code == 302
    assert PracticeSettings.objects.get().publish_at_once

    client.force_login(people.corr_fr)
    response = client.get(SETTINGS_URL)
    assert response.status_code == 302 and response.url.startswith("/admin/login/")
