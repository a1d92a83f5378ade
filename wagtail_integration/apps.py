from django.apps import AppConfig, apps
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _


def missing_apps(required: dict[str, str]) -> list[str]:
    """The apps of `required` (app -> why it is needed) that are not in INSTALLED_APPS."""
    return [
        f"'{app}' ({reason})" for app, reason in required.items() if not apps.is_installed(app)
    ]


def refuse_to_start_without(app_label: str, required: dict[str, str]) -> None:
    """Stop start-up with a plain message if an app that `app_label`'s models need is missing.

    Without one of them Wagtail fails later with an obscure error.
    """
    missing = missing_apps(required)
    if missing:
        raise ImproperlyConfigured(
            f"{app_label} needs these apps in INSTALLED_APPS: "
            + "; ".join(missing)
            + ". See the README's installation steps."
        )


class WagtailIntegrationConfig(AppConfig):
    """The content app: concept, phase, working-group and measure pages, and their API."""

    name = "wagtail_integration"
    label = "wagtail_integration"
    verbose_name = _("Integration concept")
    default_auto_field = "django.db.models.BigAutoField"

    # The apps whose models ours point to.
    required_apps = {
        "wagtail.documents": "phases, measures and downloads link to documents",
    }

    def import_models(self) -> None:
        refuse_to_start_without(self.name, self.required_apps)
        super().import_models()

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the system checks)
        from .api import indicators, measures
        from .api.mount import mount_router
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
        mount_router(measures.router)
        mount_router(indicators.router)
