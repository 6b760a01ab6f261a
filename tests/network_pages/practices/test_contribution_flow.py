"""A correspondent's contribution from the intranet to the network, through the Office's review
(the Contributions workflow), in both languages."""

from django.core import mail

from wagtail.models import WorkflowState

import pytest

from network_pages.practices import contributions
from network_pages.practices.models import BestPracticePage, Contribution, PracticeSettings
from tests.factories.practices import contribute, review, upload

pytestmark = pytest.mark.django_db

Status = Contribution.Status


def test_submitted_contribution_waits_for_the_office_in_the_workflow(people, sent):
    with sent(execute=True):
        page = contribute(people.corr_fr, attachments=None, uploads=[upload()])
    assert not page.live
    assert page.contribution.status == Status.SUBMITTED
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Contributions"
    office_mail = [m for m in mail.outbox if people.office.email in m.to]
    assert office_mail and "France" in office_mail[0].subject or "la France" in office_mail[0].body
    # Wagtail's own workflow e-mails (admin links, sent directly) are off for this workflow.
    assert all(
        "/admin/pages/" not in m.body or "Practice" in m.subject or "Pratique" in m.subject
        for m in mail.outbox
    )


def test_changes_then_resubmit_then_accept(people, sent):
    page = contribute(people.corr_fr)
    with sent(execute=True):
        review(page, people.office, contributions.CHANGES, "Add the figures for 2023.")
    page.refresh_from_db()
    assert page.contribution.status == Status.CHANGES
    assert page.contribution.comment == "Add the figures for 2023."
    data = {
        "title": "Guardians for unaccompanied children (revised)",
        "summary": "Now with figures.",
        "body": "Figures for 2023: 1,200 children.",
        "themes": [],
        "member_states": [],
        "period_from": 2019,
        "period_to": 2024,
        "sources": "",
        "marking": "network",
        "dissemination": "network",
    }
    contributions.rewrite(page, data, [], by=people.corr_fr, seen_revision=page.latest_revision_id)
    contributions.submit(page, by=people.corr_fr)
    page.refresh_from_db()
    assert page.contribution.status == Status.SUBMITTED
    assert WorkflowState.objects.get(object_id=str(page.pk), status="in_progress")
    with sent(execute=True):
        review(page, people.office, contributions.ACCEPT)
    page.refresh_from_db()
    assert page.live
    assert page.title == "Guardians for unaccompanied children (revised)"
    assert page.contribution.status == Status.PUBLISHED
    french = BestPracticePage.objects.get(
        translation_key=page.translation_key, locale__language_code="fr"
    )
    assert french.live


def test_decline(people):
    page = contribute(people.corr_fr)
    review(page, people.office, contributions.DECLINE, "Out of scope.")
    page.refresh_from_db()
    assert page.contribution.status == Status.DECLINED
    assert not WorkflowState.objects.active().filter(object_id=str(page.pk)).exists()


def test_publish_at_once(people):
    settings = PracticeSettings.load()
    settings.publish_at_once = True
    settings.save()
    page = contribute(people.corr_fr)
    assert page.live
    assert page.contribution.status == Status.PUBLISHED
    contributions.hide(page, by=people.office, reason="Names a person.")
    page.refresh_from_db()
    assert not page.live
    assert page.contribution.status == Status.HIDDEN
