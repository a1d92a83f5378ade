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


class WagtailIntegrationConfig(AppConfig):
    """The app: concept, phase, working-group and measure pages, and the feedback form."""

    name = "wagtail_integration"
    label = "wagtail_integration"
    verbose_name = _("Integration concept")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the system checks)

        missing = missing_required_apps()
        if missing:
            raise ImproperlyConfigured(
                "wagtail_integration needs these apps in INSTALLED_APPS: "
                + "; ".join(missing)
                + ". See the README's installation steps."
            )
