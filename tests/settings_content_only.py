"""Test settings of a site that wants only the content pages: no feedback app, and neither
Wagtail's form builder nor its site settings."""

from .settings import *  # noqa: F403

WITHOUT = {"wagtail_integration.feedback", "wagtail.contrib.forms", "wagtail.contrib.settings"}
INSTALLED_APPS = [app for app in INSTALLED_APPS if app not in WITHOUT]  # noqa: F405
MIDDLEWARE = [m for m in MIDDLEWARE if "wagtail_integration.feedback" not in m]  # noqa: F405
