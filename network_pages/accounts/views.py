"""The front-end login and the activation of a designated person's account."""

from django.contrib.auth import views as auth_views
from django.utils.translation import get_language

from network_pages.access import Level, level
from network_pages.accounts.designations import DesignationBackend, activate
from network_pages.accounts.forms import LoginForm
from network_pages.intranet.models import IntranetHomePage


def intranet_home_url():
    home = IntranetHomePage.objects.filter(locale__language_code=get_language()).live().first()
    return home.url if home else None


class LoginView(auth_views.LoginView):
    """The front-end login, in the site's design; members land on the intranet."""

    template_name = "registration/login.html"
    authentication_form = LoginForm

    def get_default_redirect_url(self):
        if level(self.request.user) >= Level.EXPERT:
            home = intranet_home_url()
            if home:
                return home
        return f"/{get_language()}/"


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
        return intranet_home_url() or f"/{get_language()}/"
