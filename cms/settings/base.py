"""Settings shared by every environment: safe by default, configured by environment variables."""

import os
from pathlib import Path

import dj_database_url

from network_pages.core.languages import CONTENT_LANGUAGES

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

INSTALLED_APPS = [
    "home",
    "network_pages",
    "search",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.sites",
    "network_pages.apps.NetworkUsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "guardian",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "network_pages.access.middleware.IntranetGateMiddleware",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "network_pages.intranet.context_processors.network",
                "home.context_processors.footer",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60
    )
}
# A request's writes stand or fall together: a page published in the admin and the versions its
# publication writes in the other language (network_pages.intranet.versions), for one.
DATABASES["default"]["ATOMIC_REQUESTS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# People
AUTH_USER_MODEL = "network_pages.User"
AUTHENTICATION_BACKENDS = [
    "network_pages.people.DesignationBackend",
    "guardian.backends.ObjectPermissionBackend",
]
# No guardian "AnonymousUser" row: anonymous visitors are never granted anything.
ANONYMOUS_USER_NAME = None
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"  # the login view sends members to their intranet home
LOGOUT_REDIRECT_URL = "/"
WAGTAIL_FRONTEND_LOGIN_URL = "login"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24 * 3

# Languages (R18)
LANGUAGE_CODE = "en"
LANGUAGES = CONTENT_LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
TIME_ZONE = "Europe/Paris"
# British English (day first, 24-hour clock): the project's own `en` formats.
FORMAT_MODULE_PATH = ["cms.formats"]
USE_TZ = True

# Files: nothing under MEDIA_ROOT is served directly; /files/ is a permission-checked view.
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/files/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILIMAGES_IMAGE_MODEL = "network_pages.NetworkImage"
WAGTAILDOCS_DOCUMENT_MODEL = "network_pages.NetworkDocument"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# One upload policy (network_pages/files/uploads.py) checks every upload's type by extension and
# content, and its size; Wagtail's own lists and limits repeat it so the admin says so up front.
UPLOAD_MAX_SIZE = int(os.environ.get("UPLOAD_MAX_SIZE", 20 * 1024 * 1024))  # bytes
WAGTAILDOCS_DOCUMENT_FORM_BASE = "network_pages.files.forms.DocumentForm"
WAGTAILIMAGES_IMAGE_FORM_BASE = "network_pages.files.forms.ImageForm"
WAGTAILDOCS_EXTENSIONS = [
    *("pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "rtf"),
    *("txt", "csv", "eml", "msg", "png", "jpg", "jpeg", "webp"),
]
WAGTAILIMAGES_EXTENSIONS = ["png", "jpg", "jpeg", "webp"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = UPLOAD_MAX_SIZE
WAGTAILIMAGES_MAX_UPLOAD_SIZE = UPLOAD_MAX_SIZE
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Shared-password privacy stores passwords in clear: never offered (a system check enforces it).
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS = {"SHARED_PASSWORD": False}

# Wagtail
WAGTAIL_SITE_NAME = "Network of Correspondents on Migration"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
if os.environ.get("ELASTICSEARCH_URL"):
    WAGTAILSEARCH_BACKENDS["default"] = {
        "BACKEND": "wagtail.search.backends.elasticsearch9",
        "URLS": [os.environ["ELASTICSEARCH_URL"]],
        "INDEX": os.environ.get("ELASTICSEARCH_INDEX", "network"),
    }
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL

# E-mail: EMAIL_URL style settings kept explicit; the demo prints mail to the console.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "") == "1"
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Network of Correspondents on Migration <no-reply@localhost>"
)
NOTIFICATIONS_MAX_ATTEMPTS = 6

# Information requests: states that have not submitted are reminded this many days before the
# deadline (comma-separated: "7,1" reminds a week before and again the day before).
REQUEST_REMINDER_DAYS = [
    int(days) for days in os.environ.get("REQUEST_REMINDER_DAYS", "7").split(",") if days.strip()
]

SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "SAMEORIGIN"
