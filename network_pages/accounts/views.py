"""The front-end login and the activation of a designated person's account."""

from django.contrib.auth import views as auth_views
from django.utils.translation import get_language

from network_pages.access import Level, level
from network_pages.accounts.designations import DesignationBackend, activate
from network_pages.accounts.forms import LoginForm
from network_pages.intranet.models import IntranetHomePage


def intranet_home_url(language):
    home = IntranetHomePage.objects.filter(locale__language_code=language).live().first()
    return home.url if home else None


def landing_url(user):
    """Where a person lands after logging in: a member or invited expert on the intranet home in
    their preferred language, whatever the language of the login page; anyone else on the public
    home of the page's language."""
    if level(user) >= Level.EXPERT:
        home = intranet_home_url(user.language) or intranet_home_url(get_language())
        if home:
            return home
    return f"/{get_language()}/"


class LoginView(auth_views.LoginView):
    """The front-end login, in the site's design; members land on the intranet."""

    template_name = "registration/login.html"
    authentication_form = LoginForm

    def get_default_redirect_url(self):
        return landing_url(self.request.user)


class ActivationView(auth_views.PasswordResetConfirmView):
    """The link of the activation e-mail: the person chooses a password and becomes a member."""

    template_name = "registration/activate.html"
    post_reset_login = True
    # The path stored in the session must be listed in AUTHENTICATION_BACKENDS, or Django drops
    # the session: it is the listed one (network_pages/people.py).
    post_reset_login_backend = "network_pages.people.DesignationBackend"
    reset_url_token = "set-password"  # noqa: S105 - a URL segment, not a secret

    def get_user(self, uidb64):
        """A switched-off account, or one whose designations have all ended, has no valid link."""
        user = super().get_user(uidb64)
        if user is None or not DesignationBackend().user_can_authenticate(user):
            return None
        return user

    def form_valid(self, form):
        response = super().form_valid(form)
        activate(form.user)
        return response

    def get_success_url(self):
        # Asked before `activate` has enrolled the person: they land on the intranet all the same.
        return intranet_home_url(self.user.language) or f"/{get_language()}/"
