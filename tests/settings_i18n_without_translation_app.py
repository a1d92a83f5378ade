"""Test settings with Wagtail i18n on but no app to translate with, for system check W002."""

from .settings import *  # noqa: F403

INSTALLED_APPS = [app for app in INSTALLED_APPS if not app.startswith("wagtail_localize")]  # noqa: F405
SILENCED_SYSTEM_CHECKS = []
