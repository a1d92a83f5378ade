"""System checks that warn a webmaster about settings that weaken the content app."""

from django.apps import apps
from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.translation)
def check_translation_app(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """W002: Wagtail's i18n is on, but no app lets editors create translations."""
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return []
    if apps.is_installed("wagtail_localize") or apps.is_installed("wagtail.locales"):
        return []
    return [
        checks.Warning(
            "WAGTAIL_I18N_ENABLED is on, but neither wagtail_localize nor wagtail.locales is "
            "installed, so editors cannot create or manage translations.",
            hint=(
                "Add 'wagtail_localize' and 'wagtail_localize.locales' to INSTALLED_APPS "
                "(recommended), or 'wagtail.locales'."
            ),
            id="wagtail_integration.W002",
        )
    ]
