from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.auth import views as auth_views
from django.templatetags.static import static
from django.urls import include, path, re_path
from django.utils.functional import lazy
from django.views.generic import RedirectView, TemplateView

from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.urls import serve_pattern

from network_pages.access import serving as files
from network_pages.accounts.views import ActivationView, LoginView
from network_pages.decisions import urls as decision_urls
from network_pages.sessions import urls as session_urls
from search import views as search_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path(settings.MEDIA_URL.strip("/") + "/<path:path>", files.serve_file, name="serve_file"),
    path(
        "documents/<int:document_id>/<str:document_filename>",
        files.serve_document,
        name="wagtaildocs_serve",
    ),
    # Browsers ask for /favicon.ico whatever the page says; the icon is a static file.
    path(
        "favicon.ico",
        RedirectView.as_view(url=lazy(static, str)("img/favicon.ico"), permanent=True),
    ),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
    ),
    *session_urls.urlpatterns,
]

urlpatterns += i18n_patterns(
    path("login/", LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password-reset/", auth_views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path(
        "activate/<uidb64>/<token>/",
        ActivationView.as_view(),
        name="activate_account",
    ),
    path("search/", search_views.search, name="search"),
    *session_urls.localised_urlpatterns,
    *decision_urls.localised_urlpatterns,
    # Only Wagtail's page serving: its /_util/ password and login routes are not wanted here.
    re_path(serve_pattern, wagtail_views.serve, name="wagtail_serve"),
)
