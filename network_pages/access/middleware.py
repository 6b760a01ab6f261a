import re

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.utils.cache import add_never_cache_headers, patch_cache_control, patch_vary_headers
from django.views.defaults import permission_denied

from network_pages.access import Level, level, scope
from network_pages.core.roles import INTRANET_SLUG

_INTRANET = re.compile(
    r"^/(?:{})/{}(?:/|$)".format(
        "|".join(re.escape(code) for code, _name in settings.LANGUAGES), INTRANET_SLUG
    )
)


class IntranetGateMiddleware:
    """Send visitors outside the network to login from any intranet URL, existing or not.

    Wagtail's own check answers only for pages that exist, so a 404 would tell an anonymous visitor
    which intranet pages exist. Members and invited experts get 403 rather than 404 for the same
    reason (a closed page must not be told from a missing one). Intranet responses are never cached,
    and nothing shown to a logged-in user is cached by a shared cache.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _INTRANET.match(request.path_info):
            response = self.get_response(request)
            if request.user.is_authenticated:
                patch_cache_control(response, private=True)
            return response
        user_level = level(request.user)
        if user_level < Level.EXPERT:
            response = redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        else:
            # Every intranet page asks the whole policy: read it in one query.
            scope(request.user, whole=True)
            response = self.get_response(request)
            if response.status_code == 404:
                response = permission_denied(request, PermissionDenied())
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
        patch_vary_headers(response, ["Cookie"])
        return response
