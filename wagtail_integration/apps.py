from django.apps import AppConfig, apps
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

# The apps whose models ours point to. Without one of them Wagtail fails later with an obscure
# error, so the app refuses to start with a plain one instead.
REQUIRED_APPS = {
    "wagtail.contrib.forms": "the feedback form is built on Wagtail's form builder",
    "wagtail.contrib.settings": "the site settings (recipients, privacy page) live there",
    "wagtail.documents": "phases, measures and downloads link to documents",
}


def missing_required_apps() -> list[str]:
    """The required apps that are not in INSTALLED_APPS, each with the reason it is needed."""
    return [
        f"'{app}' ({reason})"
        for app, reason in REQUIRED_APPS.items()
        if not apps.is_installed(app)
    ]


def register_api_router() -> None:
    """Mount the feedback router on Wagtail's API v3, as Wagtail's own apps mount theirs.

    Wagtail before 8 has no API v3; hosts there include ``wagtail_integration.api.urls``.
    """
    try:
        from wagtail.api.v3.api import api
    except ImportError:
        return
    from .api.router import router

    if not getattr(router, "mounted_on_wagtail_api", False):
        api.add_router("/integration/", router)
        router.mounted_on_wagtail_api = True  # ready() may run again in tests


class WagtailIntegrationConfig(AppConfig):
    """The app: concept, phase, working-group and measure pages, and the feedback form."""

    name = "wagtail_integration"
    label = "wagtail_integration"
    verbose_name = _("Integration concept")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the system checks)
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
        register_api_router()

        missing = missing_required_apps()
        if missing:
            raise ImproperlyConfigured(
                "wagtail_integration needs these apps in INSTALLED_APPS: "
                + "; ".join(missing)
                + ". See the README's installation steps."
            )
