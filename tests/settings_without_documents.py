"""Test settings that lack an app the package needs, to prove the system check reports it."""

from .settings import *  # noqa: F403

INSTALLED_APPS = [app for app in INSTALLED_APPS if app != "wagtail.documents"]  # noqa: F405
