"""Designations and accounts (R1b): record, activate, end. Every step is logged and notified."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from wagtail.log_actions import log

from network_pages.models import Designation, MemberProfile
from network_pages.notifications import notify
from network_pages.roles import CORRESPONDENTS


def activation_url(user):
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    with translation.override(user.language):
        path = reverse("activate_account", kwargs={"uidb64": uid, "token": token})
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def find_or_create_person(*, email, first_name, last_name, language):
    """The user with this e-mail address, or a new one who cannot log in before activation."""
    User = get_user_model()
    email = User.objects.normalize_email(email).lower()
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User(username=email[:150], email=email, first_name=first_name, last_name=last_name)
        user.language = language
        user.set_unusable_password()
        user.save()
    return user


@transaction.atomic
def record_designation(designation, *, by=None):
    """Save a designation, update the person's profile, and invite or enrol them."""
    designation.recorded_by = by
    designation.save()
    user = designation.user
    profile, _ = MemberProfile.objects.get_or_create(user=user)
    profile.member_state = designation.member_state
    profile.institution = designation.institution
    profile.position = designation.position
    profile.save()
    log(designation, "network.designation.record", user=by)
    if designation.has_ended:
        end_designations_of(user, by=by)
    elif user.has_usable_password():
        enrol(designation)
    else:
        notify(
            [user],
            "designation_activation",
            {"designation": designation, "activation_url": activation_url(user)},
        )
    return designation


def enrol(designation):
    """Make the person an active correspondent of the designating state."""
    user = designation.user
    user.groups.add(Group.objects.get(name=CORRESPONDENTS), designation.member_state.group)
    if not user.is_active:
        user.is_active = True
        user.save(update_fields=["is_active"])
    if designation.activated_at is None:
        designation.activated_at = timezone.now()
        designation.save(update_fields=["activated_at"])


@transaction.atomic
def activate(user):
    """Called once the person has set a password through the activation link."""
    for designation in Designation.objects.current().filter(user=user):
        enrol(designation)
        log(designation, "network.designation.activate", user=user)


def end_designations_of(user, *, by=None, today=None):
    """Deactivate the account when none of its designations is current any more."""
    designations = Designation.objects.filter(user=user)
    if not designations.exists() or designations.current(today).exists() or not user.is_active:
        return False
    user.is_active = False
    user.save(update_fields=["is_active"])
    for designation in designations.ended(today):
        log(designation, "network.designation.end", user=by)
    return True


def end_due_designations(today=None):
    """Deactivate every account whose designations have all ended; returns how many."""
    User = get_user_model()
    candidates = User.objects.filter(
        is_active=True, designations__in=Designation.objects.ended(today)
    ).distinct()
    return sum(end_designations_of(user, today=today) for user in candidates)
