"""Test settings with the feedback app but without Wagtail's form builder it is built on."""

from .settings import *  # noqa: F403

INSTALLED_APPS = [app for app in INSTALLED_APPS if app != "wagtail.contrib.forms"]  # noqa: F405
