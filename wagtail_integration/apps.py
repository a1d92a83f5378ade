from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailIntegrationConfig(AppConfig):
    """The app: concept, phase, working-group and measure pages, and the feedback form."""

    name = "wagtail_integration"
    label = "wagtail_integration"
    verbose_name = _("Integration concept")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the system checks)
