"""Local development: debug on, mails printed to the console."""

import django

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "example-site-development-only-never-use-in-production"
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]", "testserver"]
if django.VERSION >= (6, 1):
    # Django 6.1 replaces EMAIL_BACKEND with MAILERS.
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.StaticFilesStorage"
)
