from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from wagtail_integration.apps import refuse_to_start_without


class WagtailIntegrationFeedbackConfig(AppConfig):
    """The feedback app: the feedback form page, its submissions, settings and API router."""

    name = "wagtail_integration.feedback"
    label = "wagtail_integration_feedback"
    verbose_name = _("Integration concept feedback")
    default_auto_field = "django.db.models.BigAutoField"

    # The apps whose models ours are built on or point to.
    required_apps = {
        "wagtail_integration": "the feedback form belongs to an integration concept",
        "wagtail.contrib.forms": "the feedback form is built on Wagtail's form builder",
        "wagtail.contrib.settings": "the feedback settings (recipients, privacy page) live there",
    }

    def import_models(self) -> None:
        # Before the models are imported: they import Wagtail's form builder, whose import
        # fails with an obscure RuntimeError when its app is missing.
        refuse_to_start_without(self.name, self.required_apps)
        super().import_models()

    def ready(self) -> None:
        from wagtail_integration.api.mount import mount_router

        from . import checks  # noqa: F401  (registers the system checks)
        from .api import router
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
        mount_router(router)
