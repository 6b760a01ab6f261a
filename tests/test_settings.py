"""Settings: production refuses to start half-configured."""

import os
import subprocess
import sys

from django.conf import settings

import pytest


def import_production(**env):
    environment = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "ALLOWED_HOSTS")}
    environment.update(env, DJANGO_SETTINGS_MODULE="cms.settings.production")
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
    )


@pytest.mark.parametrize(
    ("env", "missing"),
    [({}, "SECRET_KEY"), ({"SECRET_KEY": "s3cret-value"}, "ALLOWED_HOSTS")],
)
def test_production_refuses_to_start_without_a_secret_key_and_allowed_hosts(env, missing):
    result = import_production(**env)
    assert result.returncode != 0
    assert missing in result.stderr


def test_production_starts_when_configured():
    result = import_production(SECRET_KEY="s3cret-value", ALLOWED_HOSTS="example.org")
    assert result.returncode == 0, result.stderr


def test_nothing_under_the_media_root_is_served_by_a_static_route():
    assert settings.MEDIA_URL == "/files/"
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"
    assert settings.ANONYMOUS_USER_NAME is None


def test_the_database_checks_pass_on_a_fresh_database_before_migrate(tmp_path):
    environment = dict(os.environ)
    environment.update(
        DJANGO_SETTINGS_MODULE="cms.settings.test",
        DATABASE_URL=f"sqlite:///{tmp_path / 'fresh.db'}",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--database", "default"],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout
