"""System checks that tell a webmaster what their settings lack, before a page fails."""

from django.apps import apps
from django.core import checks

# The apps whose models ours point to; without them migrations or the admin break.
REQUIRED_APPS = {
    "wagtail.contrib.forms": "the feedback form is built on Wagtail's form builder",
    "wagtail.contrib.settings": "the site settings (recipients, privacy page) live there",
    "wagtail.documents": "phases, measures and downloads link to documents",
}


@checks.register(checks.Tags.compatibility)
def check_required_apps(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """E001: an app that wagtail_integration depends on is missing from INSTALLED_APPS."""
    return [
        checks.Error(
            f"'{app}' must be in INSTALLED_APPS to use wagtail_integration: {reason}.",
            hint=f"Add '{app}' to INSTALLED_APPS (see the README's installation steps).",
            id="wagtail_integration.E001",
        )
        for app, reason in REQUIRED_APPS.items()
        if not apps.is_installed(app)
    ]
