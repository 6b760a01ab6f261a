from django.contrib.auth import views as auth_views
from django.utils.translation import get_language

from network_pages.access import Level, level
from network_pages.models import IntranetHomePage


def intranet_home_url():
    home = IntranetHomePage.objects.filter(locale__language_code=get_language()).live().first()
    return home.url if home else None


class LoginView(auth_views.LoginView):
    """The front-end login, in the site's design; members land on the intranet."""

    template_name = "registration/login.html"

    def get_default_redirect_url(self):
        if level(self.request.user) >= Level.EXPERT:
            home = intranet_home_url()
            if home:
                return home
        return f"/{get_language()}/"
