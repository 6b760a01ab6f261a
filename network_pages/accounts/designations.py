"""Designations and accounts (R1b): record, activate, end. Every step is logged and notified.

The state groups of a designated person always follow their current designations
(`sync_state_groups`); only recording a new designation switches an account on, so an Office
suspension is never undone by an edit, an old link or a login.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.db.models import Count, Exists, OuterRef
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from wagtail.log_actions import log

from network_pages.access.policy import forget
from network_pages.accounts.models import Designation, MemberProfile, MemberState
from network_pages.core.roles import CORRESPONDENTS
from network_pages.notifications.outbox import notify


def activation_url(user):
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    with translation.override(user.language):
        path = reverse("activate_account", kwargs={"uidb64": uid, "token": token})
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def find_person(email):
    User = get_user_model()
    return User.objects.filter(email__iexact=User.objects.normalize_email(email)).first()


def create_person(*, email, first_name, last_name, language):
    """A new account that cannot log in before it is activated."""
    User = get_user_model()
    email = User.objects.normalize_email(email).lower()
    username, suffix = email[:150], 1
    while User.objects.filter(username__iexact=username).exists():
        suffix += 1
        username = f"{email[:140]}-{suffix}"
    user = User(username=username, email=email, first_name=first_name, last_name=last_name)
    user.language = language
    user.set_unusable_password()
    user.save()
    return user


def sync_state_groups(user, today=None):
    """A designated person's groups follow their current, activated designations: the groups of
    those states, and the correspondents' role while one is current. Someone never designated
    (an Office member, a correspondent set up by hand) is left as they are."""
    designations = Designation.objects.filter(user=user)
    if not designations.exists():
        return
    current = designations.current(today).filter(activated_at__isnull=False)
    wanted = set(
        MemberState.objects.filter(designations__in=current).values_list("group_id", flat=True)
    )
    role = Group.objects.get(name=CORRESPONDENTS)
    if wanted:
        wanted.add(role.pk)
    managed = set(MemberState.objects.values_list("group_id", flat=True)) | {role.pk}
    held = set(user.groups.filter(pk__in=managed).values_list("pk", flat=True))
    if held - wanted:
        user.groups.remove(*(held - wanted))
    if wanted - held:
        user.groups.add(*(wanted - held))
    if held != wanted:
        forget(user)


def groups_out_of_date(users, today=None):
    """The users, each with `network_stale`: whether their groups differ from what their current
    designations give (`sync_state_groups`), read within the users' own query."""
    on = today or timezone.localdate()
    memberships = get_user_model().groups.through.objects.filter(user=OuterRef("pk"))
    current = Designation.objects.current(on).filter(activated_at__isnull=False)
    of_user = current.filter(user=OuterRef(OuterRef("pk")))
    state_held = memberships.filter(group__member_state__isnull=False)
    # A state group held without a current designation for that state, or the other way round.
    extra = state_held.exclude(group__member_state__in=of_user.values("member_state"))
    missing = current.filter(user=OuterRef("pk")).exclude(
        member_state__group__in=memberships.values("group")
    )
    role = memberships.filter(group__name=CORRESPONDENTS)
    has_current = current.filter(user=OuterRef("pk"))
    return users.annotate(
        network_stale=Exists(Designation.objects.filter(user=OuterRef("pk")))
        & (
            Exists(extra)
            | Exists(missing)
            | (Exists(role) & ~Exists(has_current))
            | (~Exists(role) & Exists(has_current))
        )
    )


@transaction.atomic
def record_designation(designation, *, by=None):
    """Save a designation, set up the person's profile, and invite or enrol them."""
    is_new = designation.pk is None
    if is_new:
        designation.recorded_by = by
    designation.save()
    user = designation.user
    profile, created = MemberProfile.objects.get_or_create(user=user)
    if (is_new and not designation.has_ended) or created or profile.member_state_id is None:
        # A new designation is a new role; later edits leave what the member wrote alone.
        profile.member_state = designation.member_state
        profile.institution = designation.institution
        profile.position = designation.position
        profile.save()
    log(designation, "network.designation.record", user=by)
    if designation.has_ended:
        end_designations_of(user, by=by)
    elif is_new:
        if not user.is_active:
            user.is_active = True
            user.save(update_fields=["is_active"])
        if user.has_usable_password():
            enrol(designation)
        else:
            notify(
                [user],
                "designation_activation",
                {"designation": designation, "activation_url": activation_url(user)},
            )
    sync_state_groups(user)
    return designation


def enrol(designation):
    """The person takes up the designation (the account stays as it is); `sync_state_groups`
    gives them the state's group and the role from the designation's date."""
    if designation.activated_at is None:
        designation.activated_at = timezone.now()
        designation.save(update_fields=["activated_at"])


@transaction.atomic
def activate(user):
    """Called once the person has set a password through the activation link."""
    for designation in Designation.objects.open().filter(user=user):
        enrol(designation)
        log(designation, "network.designation.activate", user=user)
    sync_state_groups(user)


def with_designation_standing(users, today=None):
    """The users, each with `network_designated` (has designations) and `network_current`
    (one of them is current): what `end_designations_of` reads, within the user's own query."""
    designations = Designation.objects.filter(user=OuterRef("pk"))
    return users.annotate(
        network_designated=Exists(designations),
        network_current=Exists(designations.open(today)),
    )


def _designation_standing(user, today=None):
    """(has designations, one is current): read by the user's own query when it was made by
    `with_designation_standing` (used once, then asked again), else in one query."""
    if today is None and hasattr(user, "network_designated"):
        standing = user.network_designated, user.network_current
        del user.network_designated, user.network_current
        return standing
    counts = Designation.objects.filter(user=user).aggregate(
        total=Count("pk"), current=Count("pk", filter=Designation.objects.open_q(today))
    )
    return bool(counts["total"]), bool(counts["current"])


def end_designations_of(user, *, by=None, today=None):
    """Deactivate the account when none of its designations is current any more."""
    if not user.is_active:
        return False
    # No query of its own for every logged-in request (DesignationBackend.get_user).
    designated, current = _designation_standing(user, today)
    if not designated or current:
        return False
    designations = Designation.objects.filter(user=user)
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
    count = 0
    for user in candidates:
        if end_designations_of(user, today=today):
            count += 1
    # Groups follow the designations that began or ended (notices go to the groups' members).
    for user in groups_out_of_date(User.objects.filter(is_active=True), today).filter(
        network_stale=True
    ):
        sync_state_groups(user, today)
    return count


class DesignationBackend(ModelBackend):
    """Every way of logging in (front-end, admin, activation) closes an account whose
    designations have all ended, and refuses it; so does every request of a logged-in user. At
    login and on every request, a designated person's groups follow their current designations
    (a designation that ended yesterday acts no more, one that begins today acts at once)."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is not None:
            sync_state_groups(user)
        return user

    def user_can_authenticate(self, user):
        if not super().user_can_authenticate(user):
            return False
        return not end_designations_of(user)

    def get_user(self, user_id):
        """The logged-in user of a request, read with where their designations and groups stand:
        one query, and a few more only on the day their groups change."""
        User = get_user_model()
        users = groups_out_of_date(with_designation_standing(User._default_manager.all()))
        try:
            user = users.get(pk=user_id)
        except User.DoesNotExist:
            return None
        if not self.user_can_authenticate(user):
            return None
        if user.network_stale:
            sync_state_groups(user)
        return user
