"""The example site's production settings: `check --deploy` is clean with the environment
docs/deployment.md documents, and the settings pick the shared services that environment names."""

import json
import os
import subprocess
import sys

import pytest

from .host_helpers import REPOSITORY, readme_code_blocks

EXAMPLE_SITE = REPOSITORY / "example_site"
DEPLOYMENT = (REPOSITORY / "docs" / "deployment.md").read_text()


def documented_environment() -> dict[str, str]:
    """The variables of the sh block under "Environment variables" in docs/deployment.md."""
    (block,) = readme_code_blocks("Environment variables", "sh", document=DEPLOYMENT)
    pairs = [line.split("=", 1) for line in block.splitlines() if "=" in line]
    return {name.strip(): value.strip() for name, value in pairs}


def manage(*args: str, environment: dict[str, str]) -> subprocess.CompletedProcess:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL", "EMAIL_"))
    }
    env.update(environment)
    return subprocess.run(
        [sys.executable, "-W", "always::DeprecationWarning", "manage.py", *args],
        cwd=EXAMPLE_SITE,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def production_setting(name: str, environment: dict[str, str]):
    code = f"from django.conf import settings; import json; print(json.dumps(settings.{name}))"
    result = manage("shell", "-c", code, environment=environment)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_check_deploy_reports_no_issue_with_the_documented_environment():
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING", environment=documented_environment()
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    # No setting of the example site is deprecated on this Django (6.1: MAILERS).
    assert "RemovedInDjango" not in result.stderr


def test_check_deploy_names_the_hsts_choices_the_city_has_not_made():
    environment = documented_environment()
    del environment["DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS"]
    del environment["DJANGO_SECURE_HSTS_PRELOAD"]

    result = manage("check", "--deploy", "--fail-level", "WARNING", environment=environment)

    assert result.returncode == 1
    assert "security.W005" in result.stderr + result.stdout
    assert "security.W021" in result.stderr + result.stdout


def test_production_uses_redis_when_named_and_the_database_cache_otherwise():
    environment = documented_environment()
    with_redis = production_setting("CACHES", environment)
    del environment["REDIS_URL"]
    without_redis = production_setting("CACHES", environment)

    for alias in ("default", "pages"):
        assert with_redis[alias]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
        assert with_redis[alias]["LOCATION"] == "redis://cache.internal:6379/0"
        assert without_redis[alias]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    # Pages are kept apart from the rate limit's counts, which they could otherwise push out.
    assert with_redis["default"]["KEY_PREFIX"] != with_redis["pages"]["KEY_PREFIX"]
    assert without_redis["default"]["LOCATION"] != without_redis["pages"]["LOCATION"]
    assert production_setting("WAGTAIL_INTEGRATION_PAGE_CACHE_ALIAS", environment) == "pages"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "TASKS",
            {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}},
        ),
        ("SECURE_REFERRER_POLICY", "same-origin"),
        ("SECURE_SSL_REDIRECT", True),
        ("WAGTAIL_INTEGRATION_FEEDBACK_CLIENT_IP_HEADER", "HTTP_X_FORWARDED_FOR"),
    ],
)
def test_production_settings_name_the_worker_backend_and_the_proxy(name, expected):
    assert production_setting(name, documented_environment()) == expected


def test_production_serves_static_files_through_whitenoise_right_after_security():
    middleware = production_setting("MIDDLEWARE", documented_environment())

    assert middleware[:2] == [
        "django.middleware.security.SecurityMiddleware",
        "whitenoise.middleware.WhiteNoiseMiddleware",
    ]
