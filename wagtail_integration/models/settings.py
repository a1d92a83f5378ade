"""Site settings of the feedback form: recipients, sender, privacy page, retention."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

DEFAULT_RETENTION_DAYS = 365


@register_setting(icon="mail")
class FeedbackSettings(BaseSiteSetting):
    """Per-site defaults for every feedback form of the site."""

    default_recipient = models.EmailField(
        blank=True,
        verbose_name=_("default recipient"),
        help_text=_(
            "Feedback goes here when neither the chosen working group nor the form page "
            "has an address, e.g. the office of the advisory board's chair."
        ),
    )
    default_sender = models.EmailField(
        blank=True,
        verbose_name=_("sender address"),
        help_text=_(
            "The From address of notification emails. Leave empty to use the server's "
            "default sender."
        ),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("privacy page"),
        help_text=_("The privacy notice that residents agree to before they send feedback."),
    )
    retention_days = models.PositiveIntegerField(
        default=DEFAULT_RETENTION_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(3650)],
        verbose_name=_("retention period (days)"),
        help_text=_(
            "Submissions older than this are deleted by the purge_feedback command, "
            "which should run daily."
        ),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("default_recipient"), FieldPanel("default_sender")],
            heading=pgettext_lazy("feedback settings panel", "Email"),
        ),
        MultiFieldPanel(
            [FieldPanel("privacy_page"), FieldPanel("retention_days")],
            heading=pgettext_lazy("feedback settings panel", "Privacy"),
        ),
    ]

    class Meta:
        verbose_name = _("feedback settings")
        verbose_name_plural = _("feedback settings")

    @classmethod
    def for_page(cls, page) -> "FeedbackSettings":
        """The settings of the site `page` belongs to, without creating a row as a side effect.

        (``for_site`` would insert one on every read of a site that has none yet.)
        """
        site = page.get_site()
        found = (
            cls.objects.filter(site=site).select_related("privacy_page").first() if site else None
        )
        return found or cls(site=site)
